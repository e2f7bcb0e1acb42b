import { RECORDS } from '../model/declarations.js';
import type { RecordType } from '../model/field.js';
import type { Db } from './journal.js';
import {
  deleteRecord,
  insertRecord,
  localIdOf,
  rowOf,
  unlogged,
  updateRecord,
  type Row,
  type RowKey,
} from './write.js';

/**
 * Replaying the change log: the tables are a cache over the log, so applying
 * a journal's logged changes, in order, to an empty journal must give the
 * same records. Tests rebuild journals this way; doctor and sync stand on it.
 */

/** One row of the `changes` table (0006_change_log.sql). */
export interface LoggedChange {
  seq: number;
  grp: number;
  record: RecordType;
  uid: string;
  op: 'insert' | 'update' | 'delete';
  local_id: number | null;
  /** JSON object by column: what was set (references as stable ids); null for a delete. */
  fields: string | null;
  /** JSON object by column: the values before; null for an insert. */
  prior: string | null;
}

/** Every logged change of a journal, oldest first (undo groups included). */
export function* iterateChanges(db: Db): Generator<LoggedChange> {
  yield* db
    .prepare('SELECT seq, grp, record, uid, op, local_id, fields, prior FROM changes ORDER BY seq')
    .iterate() as IterableIterator<LoggedChange>;
}

/**
 * Which row a logged change names in db: an entity by uid, a link or setting
 * by its identity (from values, the change's logged columns in local terms).
 */
export function keyOfChange(db: Db, change: LoggedChange, values: Row): RowKey | undefined {
  const spec = RECORDS[change.record];
  if (spec.identity === 'uid') return localIdOf(db, change.record, change.uid);
  const key: Row = {};
  for (const column of spec.identity) key[column] = values[column] ?? null;
  return key;
}

/**
 * Apply logged changes, in the order given (seq order), through the write
 * path: an entity is inserted with its logged uid and short id, updated and
 * deleted by uid; references are mapped from stable ids to this journal's
 * local ids. Call inside a write transaction (the replayed changes are
 * logged in its group). A change that names a record db does not have
 * throws: the log and the tables disagree.
 */
/** Insert a record as a change logged it (values in local terms): an entity keeps its uid and short id. */
export function insertLogged(db: Db, change: LoggedChange, values: Row): number {
  const entity = RECORDS[change.record].identity === 'uid';
  return insertRecord(
    db,
    change.record,
    entity ? { ...values, id: change.local_id, uid: change.uid } : values,
  );
}

/** A logged change's columns (what it set, else what it removed) in this journal's terms. */
export function loggedValues(db: Db, change: LoggedChange, which: 'fields' | 'prior'): Row {
  const json = which === 'fields' ? (change.fields ?? change.prior) : change.prior;
  return unlogged(db, change.record, JSON.parse(json ?? '{}') as Row);
}

export function replayChanges(db: Db, changes: Iterable<LoggedChange>): number {
  // As in undo: references are checked at commit, when the whole log is applied.
  db.pragma('defer_foreign_keys = ON');
  let applied = 0;
  for (const change of changes) {
    const values = loggedValues(db, change, 'fields');
    const what = `${change.record} ${change.uid} (change ${change.seq})`;
    if (change.op === 'insert') {
      if (insertLogged(db, change, values) === 0)
        throw new Error(`cannot replay the insert of ${what}: it exists already`);
    } else {
      const key = keyOfChange(db, change, values);
      const done =
        key !== undefined &&
        (change.op === 'update'
          ? updateRecord(db, change.record, key, values) ||
            rowOf(db, change.record, key) !== undefined
          : deleteRecord(db, change.record, key));
      if (!done) throw new Error(`cannot replay the ${change.op} of ${what}: no such record`);
    }
    applied++;
  }
  return applied;
}
