import { RECORDS } from '../model/declarations.js';
import type { RecordType } from '../model/field.js';
import type { Db } from './journal.js';
import { insertLogged, keyOfChange, loggedValues, type LoggedChange } from './replay.js';
import { pauseSearch, rebuildSearchIndex } from './search-maintenance.js';
import { currentGroupId, deleteRecord, updateRecord } from './write.js';
import { deleteUnreferenced } from './write-many.js';

/** Groups with more changes than this are reverted with the search triggers paused. */
export const BULK_STEP = 500;

/** How many rows of one table a step inserted, updated or deleted. */
export interface UndoChange {
  table: string;
  op: 'insert' | 'update' | 'delete';
  rows: number;
}

/** One write command that `undo` can revert. */
export interface UndoStep {
  id: number;
  command: string;
  at: string;
  changes: UndoChange[];
}

/** The newest write command that undo can revert, or null. */
export function lastUndoStep(db: Db): UndoStep | null {
  const exists = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_groups'`)
    .get();
  if (!exists) return null;
  const step = db
    .prepare(
      `SELECT id, label AS command, at FROM change_groups
        WHERE undoable = 1 AND undone_by IS NULL AND undoes IS NULL ORDER BY id DESC LIMIT 1`,
    )
    .get() as Omit<UndoStep, 'changes'> | undefined;
  if (!step) return null;
  const rows = db
    .prepare(
      `SELECT record, op, count(*) AS rows FROM changes WHERE grp = ?
        GROUP BY record, op ORDER BY min(seq)`,
    )
    .all(step.id) as { record: RecordType; op: UndoChange['op']; rows: number }[];
  const changes = rows.map((r) => ({ table: RECORDS[r.record].table, op: r.op, rows: r.rows }));
  return { ...step, changes };
}

/**
 * Write the inverse of one change: a deletion is inserted again, an insert
 * deleted, an update set back to its prior values.
 */
function revertChange(db: Db, change: LoggedChange): void {
  if (change.op === 'delete') {
    insertLogged(db, change, loggedValues(db, change, 'prior'));
    return;
  }
  const key = keyOfChange(db, change, loggedValues(db, change, 'fields'));
  if (key === undefined) return;
  if (change.op === 'insert') deleteRecord(db, change.record, key);
  else updateRecord(db, change.record, key, loggedValues(db, change, 'prior'));
}

/**
 * Revert a change group: write the inverse of each of its changes, newest
 * first, through the write path (so the undo is itself in the log), and mark
 * the group undone by the open one. Call inside a write transaction.
 * Foreign keys are checked at commit.
 */
export function revertUndoStep(db: Db, groupId: number): void {
  db.pragma('defer_foreign_keys = ON');
  const changes = db
    .prepare(
      'SELECT seq, grp, record, uid, op, local_id, fields, prior FROM changes WHERE grp = ? ORDER BY seq DESC',
    )
    .all(groupId) as LoggedChange[];
  // A big group (an import) is reverted with the search triggers paused and
  // the index rebuilt after, in a few set-based statements.
  const bulk = changes.length > BULK_STEP;
  if (bulk) pauseSearch(db, true);
  // An import (only inserts) is undone by record type, dependents first, in set-based deletions.
  if (bulk && changes.every((change) => change.op === 'insert')) {
    for (const type of (Object.keys(RECORDS) as RecordType[]).reverse()) {
      const ofType = changes.filter((change) => change.record === type);
      if (ofType.length === 0) continue;
      const entity = RECORDS[type].identity === 'uid';
      if (
        entity &&
        deleteUnreferenced(
          db,
          type,
          ofType.map((change) => change.uid),
        )
      )
        continue;
      for (const change of ofType) revertChange(db, change);
    }
  } else {
    for (const change of changes) revertChange(db, change);
  }
  if (bulk) {
    pauseSearch(db, false);
    rebuildSearchIndex(db);
  }
  const undo = currentGroupId(db);
  db.prepare('UPDATE change_groups SET undone_by = ? WHERE id = ?').run(undo, groupId);
  db.prepare('UPDATE change_groups SET undoes = ? WHERE id = ?').run(groupId, undo);
}
