import type { RecordType } from '../model/field.js';
import { fieldConflicts, type FieldConflict, type MergeChange } from '../sync/merge.js';
import type { ForeignChange } from './change-log.js';
import type { Db } from './journal.js';
import { planOf } from './record-plan.js';
import { statement } from './sqlite.js';
import type { Row } from './write.js';

/**
 * What sync applies, gathered: the records the incoming changes touch, each
 * with the changes this journal already holds for it (changes it holds
 * already are dropped from the incoming ones: a batch read again after a
 * crash applies nothing twice), and the fields this device and a sender
 * both changed without the sender having seen this device's change.
 */

/** The changes of one sender's batches, and up to which clock it had seen each device's changes. */
export interface IncomingChanges {
  device: string;
  changes: readonly ForeignChange[];
  seen: Readonly<Record<string, string>>;
}

/** A conflict found while applying, as stored in sync_conflicts. */
export interface FoundConflict extends FieldConflict {
  record: RecordType;
  uid: string;
}

export interface Touched {
  record: RecordType;
  uid: string;
  known: MergeChange[];
  fresh: (ForeignChange & { sender: IncomingChanges })[];
  /** A link's identity columns, from any of its changes. */
  identity: Row;
}

type LoggedRow = {
  hlc: string;
  device: string;
  record: RecordType;
  uid: string;
  op: MergeChange['op'];
  fields: string | null;
  prior: string | null;
};

/** The records the incoming changes touch, with every change the log already holds for them. */
export function loadTouched(db: Db, incoming: readonly IncomingChanges[]): Map<string, Touched> {
  const touched = new Map<string, Touched>();
  const keyOf = (record: string, uid: string) => `${record} ${uid}`;
  // A change twice: in two batches (one written again after a stopped sync);
  // one batch or snapshot never holds a change twice.
  const seen = incoming.length > 1 ? new Set<string>() : undefined;
  for (const sender of incoming)
    for (const change of sender.changes) {
      if (seen) {
        const id = `${change.uid} ${change.hlc} ${change.device}`;
        if (seen.has(id)) continue;
        seen.add(id);
      }
      const key = keyOf(change.record, change.uid);
      let t = touched.get(key);
      if (!t) {
        t = {
          record: change.record as RecordType,
          uid: change.uid,
          known: [],
          fresh: [],
          identity: {},
        };
        touched.set(key, t);
      }
      // The change itself, marked with its sender (not a copy: a snapshot brings a million).
      const fresh = change as ForeignChange & { sender: IncomingChanges };
      fresh.sender = sender;
      t.fresh.push(fresh);
      // What names a link or setting (an entity is named by its uid alone).
      if (!planOf(t.record).entity) Object.assign(t.identity, change.prior, change.fields);
    }
  if (touched.size === 0) return touched;
  const rows = loggedFor(db, touched);
  const known = new Set<string>();
  for (const row of rows) {
    const t = touched.get(keyOf(row.record, row.uid));
    if (!t) continue;
    known.add(`${row.uid} ${row.hlc} ${row.device}`);
    const fields = row.fields === null ? null : (JSON.parse(row.fields) as Row);
    t.known.push({ hlc: row.hlc, device: row.device, op: row.op, fields } as MergeChange);
    if (planOf(t.record).entity) continue;
    const prior = row.prior === null ? null : (JSON.parse(row.prior) as Row);
    t.identity = { ...prior, ...fields, ...t.identity };
  }
  // A change this journal holds already (a batch read again after a crash) is not applied twice.
  if (known.size > 0)
    for (const t of touched.values())
      if (t.known.length > 0)
        t.fresh = t.fresh.filter((c) => !known.has(`${c.uid} ${c.hlc} ${c.device}`));
  return touched;
}

const LOGGED = 'SELECT hlc, device, record, uid, op, fields, prior FROM changes';

/**
 * The log's changes to the touched records, in one pass over the log (it
 * has no index by uid: imports would pay for one). A log shorter than the
 * list of touched records (a new device's) is read whole; a longer one is
 * matched in SQL against a temporary table of the uids.
 */
function loggedFor(db: Db, touched: ReadonlyMap<string, Touched>): LoggedRow[] {
  const top = statement(db, 'SELECT coalesce(max(rowid), 0) AS n FROM changes').get() as {
    n: number;
  };
  // The caller passes over the rows of records not touched.
  if (top.n < touched.size) return statement(db, LOGGED).all() as LoggedRow[];
  db.exec('CREATE TEMP TABLE IF NOT EXISTS sync_touched (uid TEXT PRIMARY KEY) WITHOUT ROWID');
  db.exec('DELETE FROM temp.sync_touched');
  const add = statement(db, 'INSERT OR IGNORE INTO temp.sync_touched (uid) VALUES (?)');
  for (const t of touched.values()) add.run(t.uid);
  const rows = db
    .prepare(`${LOGGED} WHERE uid IN (SELECT uid FROM temp.sync_touched)`)
    .all() as LoggedRow[];
  db.exec('DELETE FROM temp.sync_touched');
  return rows;
}

export function conflictsOf(t: Touched, ownDevice: string): FoundConflict[] {
  const own = t.known.filter((c) => c.device === ownDevice);
  if (own.length === 0 || t.fresh.length === 0) return [];
  const skip = planOf(t.record).identity;
  const bySender = new Map<IncomingChanges, MergeChange[]>();
  for (const c of t.fresh) bySender.set(c.sender, [...(bySender.get(c.sender) ?? []), c]);
  return [...bySender].flatMap(([sender, changes]) =>
    fieldConflicts(own, changes as MergeChange[], sender.seen[ownDevice], skip).map((c) => ({
      ...c,
      record: t.record,
      uid: t.uid,
    })),
  );
}
