import {
  attempt,
  fail,
  fileKind,
  ok,
  permissionChecks,
  RESTORE_FIX,
  summarise,
  warn,
  type Check,
  type Diagnosis,
} from './doctor-checks.js';
import { placementChecks } from './doctor-files.js';
import { openSnapshot } from './doctor-snapshot.js';
import type { Db } from './journal.js';
import { logDisagreements, type LogDisagreement } from './log-check.js';
import { APPLICATION_ID, appliedMigrations, knownMigrationName, latestVersion } from './migrate.js';
import {
  ACTUAL_SEARCH_DOCS,
  contactNamesProblem,
  EXPECTED_SEARCH_DOCS,
  rebuildSearchIndex,
} from './search-maintenance.js';

export type { Check, CheckStatus, Diagnosis } from './doctor-checks.js';

/** What `doctor --repair` runs; shown as the fix of the checks it repairs. */
export const REPAIR_COMMAND = 'netjournal doctor --repair';

/** last_met recomputed from the meetings, as the triggers of 0001_initial.sql keep it. */
const LAST_MET_EXPECTED = `(SELECT max(m.date) FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
   WHERE mc.contact_id = contacts.id)`;

/**
 * Check the journal at path without changing it: the file is opened
 * read-only, and nothing is migrated. A missing journal is not a problem.
 */
export function diagnoseJournal(path: string): Diagnosis {
  const checks: Check[] = [];
  const done = (exists: boolean): Diagnosis => ({
    journal: path,
    exists,
    ok: checks.every((c) => c.status !== 'fail'),
    checks,
  });

  const kind = fileKind(path);
  if (kind === 'missing') {
    checks.push(ok('journal', `no journal yet at ${path}; the first write creates it`));
    return done(false);
  }
  if (kind === 'directory' || kind === 'special' || kind === 'unreadable') {
    const problem = {
      directory: [`${path} is a directory`, 'pass a file path with --db or NETJOURNAL_DB'],
      special: [`${path} is not a regular file`, 'point --db or NETJOURNAL_DB at a journal file'],
      unreadable: [`cannot read ${path}`, `check its permissions: chmod 600 ${path}`],
    }[kind];
    checks.push(fail('journal', problem[0] as string, problem[1] as string));
    return done(true);
  }
  checks.push(ok('journal', path));
  checks.push(...permissionChecks(path), ...placementChecks(path));
  if (kind === 'empty') {
    checks.push(ok('schema version', 'empty file; the first write sets it up'));
    return done(true);
  }
  if (kind === 'foreign') {
    checks.push(fail('file format', 'not an SQLite database', RESTORE_FIX));
    return done(true);
  }

  const snapshot = openSnapshot(path);
  if ('failure' in snapshot) {
    checks.push(snapshot.failure);
    return done(true);
  }
  const { db } = snapshot;
  try {
    checks.push(...databaseChecks(db));
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
  return done(true);
}

/** next_touch as 0004_next_touch.sql defines it (the view its triggers use). */
const NEXT_TOUCH_EXPECTED = `(SELECT e.next_touch FROM next_touch_expected e WHERE e.id = contacts.id)`;

/** What --repair did. */
export interface Repaired {
  searchDocuments: number;
  lastMetFixed: number;
  nextTouchFixed: number;
}

/** Rebuild the derived data (search index, last_met, next_touch) in the caller's write transaction. */
export function repairDerivedData(db: Db): Repaired {
  const searchDocuments = rebuildSearchIndex(db);
  const fix = (d: DerivedColumn) =>
    db
      .prepare(
        `UPDATE contacts SET ${d.column} = ${d.expected} WHERE ${d.column} IS NOT ${d.expected}`,
      )
      .run().changes;
  // last_met first: its triggers recompute next_touch of the contacts it fixes.
  const lastMetFixed = fix(LAST_MET);
  const nextTouchFixed = fix(NEXT_TOUCH);
  return { searchDocuments, lastMetFixed, nextTouchFixed };
}

/** Whether the journal's problems are all ones that repairDerivedData fixes. */
export function repairable(diagnosis: Diagnosis): boolean {
  return diagnosis.checks.every((c) => c.status !== 'fail' || c.fix === REPAIR_COMMAND);
}

function databaseChecks(db: Db): Check[] {
  const checks: Check[] = [];
  const integrity = attempt('integrity', () => {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    return problems.length === 0
      ? ok('integrity', 'ok')
      : fail('integrity', summarise(problems), RESTORE_FIX);
  });
  checks.push(integrity);
  if (integrity.status === 'fail') return checks;

  const identity = attempt('application id', () => {
    const appId = db.pragma('application_id', { simple: true }) as number;
    return appId === APPLICATION_ID
      ? ok('application id', `0x${appId.toString(16)} (netjournal)`)
      : fail(
          'application id',
          `0x${appId.toString(16)}: not a netjournal journal`,
          'point --db or NETJOURNAL_DB at a netjournal journal',
        );
  });
  checks.push(identity);
  if (identity.status === 'fail') return checks;

  const schema = attempt('schema version', () => schemaCheck(db));
  checks.push(schema);

  checks.push(
    attempt('foreign keys', () => {
      const rows = db.pragma('foreign_key_check') as {
        table: string;
        rowid: number;
        parent: string;
      }[];
      return rows.length === 0
        ? ok('foreign keys', 'ok')
        : fail(
            'foreign keys',
            summarise(rows.map((r) => `${r.table} row ${r.rowid} points at a missing ${r.parent}`)),
            RESTORE_FIX,
          );
    }),
  );
  // The derived data's definitions are those of the latest schema; an older
  // journal is upgraded (and its index built) on next use.
  if (schema.status !== 'ok') return checks;
  checks.push(attempt('last met', () => derivedCheck(db, LAST_MET)));
  checks.push(attempt('next touch', () => derivedCheck(db, NEXT_TOUCH)));
  checks.push(attempt('search index', () => searchIndexCheck(db)));
  checks.push(attempt('change log', () => changeLogCheck(db)));
  return checks;
}

/**
 * The fix for tables and change log that disagree: a write went around the
 * write path. Which of the two is right cannot be told, so --repair leaves both.
 */
export const CHANGE_LOG_FIX = `${RESTORE_FIX} (--repair does not change records)`;

function changeLogCheck(db: Db): Check {
  const problems = logDisagreements(db);
  if (problems.length === 0) {
    const changes = db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
    return ok('change log', `${changes} change${changes === 1 ? '' : 's'}, matching the records`);
  }
  const name = (p: LogDisagreement) =>
    `${p.type}${p.localId === null ? '' : ` #${p.localId}`} ${p.uid}`;
  return fail(
    'change log',
    `${problems.length === 1 ? '1 record differs' : `${problems.length} records differ`} from the change log: ` +
      summarise(problems.map((p) => `${name(p)} ${p.problem}`)),
    CHANGE_LOG_FIX,
  );
}

function schemaCheck(db: Db): Check {
  const version = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion();
  if (version > latest) {
    return fail(
      'schema version',
      `${version}, written by a newer netjournal (this one knows up to ${latest})`,
      'upgrade netjournal',
    );
  }
  for (const [v, name] of appliedMigrations(db)) {
    if (knownMigrationName(v) !== name) {
      return fail(
        'schema version',
        `migration ${v} "${name}" is unknown to this netjournal`,
        'use the netjournal version that wrote it',
      );
    }
  }
  if (version < latest) {
    return warn('schema version', `${version} of ${latest}: upgraded on next use`, null);
  }
  return ok('schema version', `${version} (latest)`);
}

/** A derived contacts column checked against its definition. */
interface DerivedColumn {
  check: string;
  column: string;
  expected: string;
  okDetail: string;
  /** Who says what the value should be ("meetings say"), and how a missing value reads. */
  source: string;
  missing: string;
}

const LAST_MET: DerivedColumn = {
  check: 'last met',
  column: 'last_met',
  expected: LAST_MET_EXPECTED,
  okDetail: 'matches the meetings',
  source: 'meetings say',
  missing: 'never',
};

const NEXT_TOUCH: DerivedColumn = {
  check: 'next touch',
  column: 'next_touch',
  expected: NEXT_TOUCH_EXPECTED,
  okDetail: 'matches meetings and cadences',
  source: 'cadence says',
  missing: 'none',
};

function derivedCheck(db: Db, d: DerivedColumn): Check {
  const wrong = db
    .prepare(
      `SELECT id, name, ${d.column} AS stored, ${d.expected} AS expected FROM contacts
        WHERE ${d.column} IS NOT ${d.expected} ORDER BY id`,
    )
    .all() as { id: number; name: string; stored: string | null; expected: string | null }[];
  if (wrong.length === 0) return ok(d.check, d.okDetail);
  const say = (value: string | null) => value ?? d.missing;
  return fail(
    d.check,
    summarise(
      wrong.map((r) => `#${r.id} ${r.name}: ${say(r.stored)}, ${d.source} ${say(r.expected)}`),
    ),
    REPAIR_COMMAND,
  );
}

function searchIndexCheck(db: Db): Check {
  // FTS5's own 'integrity-check' command is an INSERT, refused on a read-only
  // connection; PRAGMA integrity_check(table) runs the same check (xIntegrity).
  const fts = (db.pragma('integrity_check(search_index)') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .filter((m) => m !== 'ok');
  if (fts.length > 0) return fail('search index', summarise(fts), REPAIR_COMMAND);
  const count = (sql: string) =>
    (db.prepare(`SELECT count(*) AS n FROM (${sql})`).get() as { n: number }).n;
  const expected = count(EXPECTED_SEARCH_DOCS);
  const actual = count(ACTUAL_SEARCH_DOCS);
  const missing = count(`${EXPECTED_SEARCH_DOCS} EXCEPT ${ACTUAL_SEARCH_DOCS}`);
  const extra = count(`${ACTUAL_SEARCH_DOCS} EXCEPT ${EXPECTED_SEARCH_DOCS}`);
  if (missing !== 0 || extra !== 0 || expected !== actual) {
    return fail(
      'search index',
      `${actual} documents for ${expected} records: ${missing} missing or stale, ${extra} extra`,
      REPAIR_COMMAND,
    );
  }
  // The contact name index (0011) is derived from the same documents and repaired with them.
  const names = contactNamesProblem(db);
  if (names !== null) return fail('search index', names, REPAIR_COMMAND);
  return ok('search index', `${actual} documents, matching the records`);
}
