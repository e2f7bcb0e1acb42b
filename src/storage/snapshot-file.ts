import {
  activeGroup,
  appendForeignSelect,
  muted,
  observeClock,
  parseLoggedChange,
  type ForeignChange,
  type LoggedChangeRow,
  type LoggedColumns,
} from './change-log.js';
import { withBulkWrite } from './bulk-write.js';
import type { Db } from './journal.js';
import { planOf, type RecordPlan } from './record-plan.js';
import { pauseSearch, rebuildSearchIndex } from './search-maintenance.js';
import { ME_UID } from './stable-id.js';
import { applyIncoming, APPLY_ORDER, type AppliedChanges } from './sync-apply.js';
import { compactLogged } from './sync-snapshot.js';

/**
 * A snapshot as an SQLite file (encrypted repositories, from this release):
 * the compacted change log (as sync-snapshot.ts makes it, a row a change)
 * and, beside it, the tables of records that log folds to, as this journal
 * holds them. A new device with nothing of its own copies the tables in a
 * few statements instead of folding and inserting almost a million records
 * one by one in JavaScript (the L journal: 41.7 s to join before); any
 * other device reads the changes and applies them as before. The file also
 * opens in the `sqlite3` shell: `age -d … | gunzip > snapshot.db`.
 */

/** Records whose tables a snapshot file carries: all but settings (applied as changes), parents first. */
const CARRIED = APPLY_ORDER.filter((type) => type !== 'setting');

const carried = (): RecordPlan[] => CARRIED.map(planOf);

/** Rows of a table that travel: everything but the user's own contact, which each journal has. */
const travels = (plan: RecordPlan) => (plan.type === 'contact' ? ' WHERE is_me = 0' : '');

/** Changes not copied as they are but applied through the merge: settings and the user's own contact. */
const MERGED = `(record = 'setting' OR uid = '${ME_UID}')`;

const CHANGE_COLUMNS = 'hlc, device, record, uid, op, fields, prior';

/** The order in which applyIncoming logs incoming changes (clock, device, parents first), of `c`. */
const LOG_ORDER = `c.hlc, c.device, CASE c.record ${APPLY_ORDER.map(
  (t, i) => `WHEN '${t}' THEN ${i}`,
).join(' ')} END, c.uid, c.rowid`;

/**
 * Write a snapshot file at path (which must not exist): its header (a JSON
 * text), this journal's records and its change log compacted. Call outside
 * a transaction; the journal is read in one, so the file is consistent
 * while other commands write.
 */
export function writeSnapshotFile(db: Db, path: string, header: unknown): void {
  db.prepare(`ATTACH ? AS snapshot_out`).run(path);
  try {
    db.pragma('snapshot_out.journal_mode = OFF');
    db.pragma('snapshot_out.synchronous = OFF');
    db.transaction(() => {
      db.exec('CREATE TABLE snapshot_out.snapshot_header (header TEXT NOT NULL)');
      db.prepare('INSERT INTO snapshot_out.snapshot_header (header) VALUES (?)').run(
        JSON.stringify(header),
      );
      for (const plan of carried())
        db.exec(
          `CREATE TABLE snapshot_out.${plan.table} AS SELECT * FROM main.${plan.table}${travels(plan)}`,
        );
      // local_id: the short id of the record the change is about, while this
      // journal holds it (else null), which a device taking the tables whole
      // gives it too; the log a device writes names records as it does.
      const columns = `hlc TEXT NOT NULL, device TEXT NOT NULL, record TEXT NOT NULL,
           uid TEXT NOT NULL, op TEXT NOT NULL, local_id INTEGER, fields TEXT, prior TEXT`;
      db.exec(`CREATE TABLE snapshot_out.changes (${columns})`);
      db.exec(`CREATE TEMP TABLE snapshot_changes (${columns})`);
      const localId = `CASE c.record ${carried()
        .filter((plan) => plan.entity)
        .map(
          (plan) =>
            `WHEN '${plan.type}' THEN (SELECT t.id FROM main.${plan.table} t WHERE t.uid = c.uid)`,
        )
        .join(' ')} END`;
      // A record changed once is its own compaction: copied in SQL. The
      // others (a follow-up marked done, a renamed contact) are compacted here.
      db.exec(`CREATE TEMP TABLE snapshot_multi (
                 record TEXT NOT NULL, uid TEXT NOT NULL, PRIMARY KEY (record, uid)) WITHOUT ROWID`);
      db.exec(`INSERT INTO temp.snapshot_multi
                 SELECT record, uid FROM main.changes GROUP BY record, uid HAVING count(*) > 1`);
      const multi = 'temp.snapshot_multi m WHERE m.record = c.record AND m.uid = c.uid';
      db.exec(`INSERT INTO temp.snapshot_changes (${CHANGE_COLUMNS}, local_id)
                 SELECT ${CHANGE_COLUMNS}, ${localId} FROM main.changes c
                  WHERE NOT EXISTS (SELECT 1 FROM ${multi}) ORDER BY seq`);
      const insert = db.prepare(
        `INSERT INTO temp.snapshot_changes (${CHANGE_COLUMNS}, local_id)
         SELECT c.*, ${localId} FROM (SELECT ? AS hlc, ? AS device, ? AS record, ? AS uid,
                                             ? AS op, ? AS fields, ? AS prior) c`,
      );
      const multis = db
        .prepare(
          `SELECT ${CHANGE_COLUMNS} FROM main.changes c
            WHERE EXISTS (SELECT 1 FROM ${multi}) ORDER BY record, uid, seq`,
        )
        .all() as LoggedChangeRow[];
      for (const c of compactLogged(multis))
        insert.run(c.hlc, c.device, c.record, c.uid, c.op, json(c.fields), json(c.prior));
      // In the order a device logs them (adoptSnapshot copies them so, unsorted).
      db.exec(`INSERT INTO snapshot_out.changes SELECT * FROM temp.snapshot_changes c
                ORDER BY ${LOG_ORDER}`);
      db.exec('DROP TABLE temp.snapshot_multi');
      db.exec('DROP TABLE temp.snapshot_changes');
    })();
  } finally {
    db.exec('DETACH snapshot_out');
  }
}

const json = (v: LoggedColumns | null) => (v === null ? null : JSON.stringify(v));

/** The header a snapshot file was written with (a JSON value), from an attached file. */
export function snapshotFileHeader(db: Db, schema: string): unknown {
  const text = db.prepare(`SELECT header FROM ${schema}.snapshot_header`).pluck().get() as
    string | undefined;
  if (text === undefined) throw new Error('no header');
  return JSON.parse(text) as unknown;
}

/** Throws unless an attached file has a snapshot's change table (which every device reads). */
export function checkSnapshotFile(db: Db, schema: string): void {
  db.prepare(`SELECT ${CHANGE_COLUMNS}, local_id FROM ${schema}.changes LIMIT 0`).all();
}

/** The compacted changes of an attached snapshot file, `where` some of them (SQL). */
export function snapshotFileChanges(db: Db, schema: string, where = '1'): ForeignChange[] {
  return (
    db
      .prepare(
        `SELECT ${CHANGE_COLUMNS} FROM ${schema}.changes WHERE ${where} ORDER BY record, uid, hlc`,
      )
      .all() as LoggedChangeRow[]
  ).map(parseLoggedChange);
}

/**
 * Whether this journal can take an attached snapshot's tables as they are:
 * it holds no record and has logged no change of its own but settings (a
 * device that is joining), and the file's tables have this journal's columns.
 */
export function canAdoptSnapshot(db: Db, schema: string): boolean {
  const columns = (s: string, table: string) =>
    (db.prepare(`SELECT name FROM ${s}.pragma_table_info(?)`).pluck().all(table) as string[]).join(
      ',',
    );
  for (const plan of carried()) {
    const ours = columns('main', plan.table);
    if (ours === '' || ours !== columns(schema, plan.table)) return false;
    if (
      db
        .prepare(`SELECT EXISTS (SELECT 1 FROM main.${plan.table}${travels(plan)})`)
        .pluck()
        .get()
    )
      return false;
  }
  return !db
    .prepare(`SELECT EXISTS (SELECT 1 FROM main.changes WHERE NOT ${MERGED})`)
    .pluck()
    .get();
}

/**
 * Take an attached snapshot's records and changes into this journal (which
 * canAdoptSnapshot accepted), inside a write transaction: its tables copied
 * as an import into an empty journal is made (bulk-write.ts, derived data
 * and the search index made once), its changes logged as they came, as
 * applyIncoming would log them; settings and the user's own contact go
 * through applyIncoming itself. `device` sent the snapshot.
 */
export function adoptSnapshot(
  db: Db,
  schema: string,
  own: string,
  sender: { device: string; seen: Readonly<Record<string, string>> },
  foundAt: string,
): AppliedChanges {
  db.pragma('defer_foreign_keys = ON');
  const group = activeGroup(db);
  const newest = db.prepare(`SELECT max(hlc) FROM ${schema}.changes`).pluck().get() as
    string | null;
  if (newest !== null) observeClock(group, newest);
  // Settings (first, as applyIncoming orders records) and the user's own contact merge as usual.
  const rest = snapshotFileChanges(db, schema, MERGED);
  const { conflicts } =
    rest.length > 0
      ? applyIncoming(
          db,
          own,
          [{ device: sender.device, changes: rest, seen: sender.seen }],
          foundAt,
          { log: false },
        )
      : { conflicts: [] };
  withBulkWrite(db, { dropLookupIndexes: true, index: false }, () => {
    muted(db, () => {
      for (const plan of carried()) {
        const columns = (
          db
            .prepare(`SELECT name FROM main.pragma_table_info(?)`)
            .pluck()
            .all(plan.table) as string[]
        ).join(', ');
        db.exec(
          `INSERT INTO main.${plan.table} (${columns})
           SELECT ${columns} FROM ${schema}.${plan.table}${travels(plan)}`,
        );
      }
    });
    return { result: undefined, changedContacts: [] };
  });
  pauseSearch(db, false);
  rebuildSearchIndex(db);
  // Every change logged as it came, in the file's order, which is
  // applyIncoming's (each names its record by the short id it has here:
  // the file's, as the tables are).
  const logged = appendForeignSelect(
    db,
    group,
    `hlc, device, record, uid, op, local_id, fields, prior
       FROM ${schema}.changes ORDER BY rowid`,
  );
  return { applied: new Map(logged > 0 ? [[sender.device, logged]] : []), conflicts };
}
