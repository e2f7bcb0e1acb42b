import { RECORDS } from '../model/declarations.js';
import type { RecordType } from '../model/field.js';
import type { Db } from './journal.js';
import { rebuildSearchIndex } from './search-maintenance.js';
import {
  currentGroupId,
  deleteRecord,
  insertRecord,
  localIdOf,
  unlogged,
  updateRecord,
  type Row,
  type RowKey,
} from './write.js';

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

interface LoggedChange {
  record: RecordType;
  uid: string;
  op: UndoChange['op'];
  local_id: number | null;
  fields: string | null;
  prior: string | null;
}

/** Which row a logged change is about, in this journal. */
function keyOfChange(db: Db, change: LoggedChange): RowKey | undefined {
  const spec = RECORDS[change.record];
  if (spec.identity === 'uid') return localIdOf(db, change.record, change.uid) ?? undefined;
  const row = unlogged(db, change.record, JSON.parse(change.fields ?? change.prior ?? '{}') as Row);
  const key: Row = {};
  for (const column of spec.identity) key[column] = row[column] ?? null;
  return key;
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
      'SELECT record, uid, op, local_id, fields, prior FROM changes WHERE grp = ? ORDER BY seq DESC',
    )
    .all(groupId) as LoggedChange[];
  // A big group (an import) is reverted with the search triggers paused and
  // the index rebuilt after, in a few set-based statements.
  const bulk = changes.length > BULK_STEP;
  if (bulk) db.prepare(`INSERT OR REPLACE INTO settings VALUES ('search.paused', '1')`).run();
  for (const change of changes) {
    if (change.op === 'delete') {
      const prior = unlogged(db, change.record, JSON.parse(change.prior ?? '{}') as Row);
      const entity = RECORDS[change.record].identity === 'uid';
      insertRecord(
        db,
        change.record,
        entity ? { ...prior, id: change.local_id, uid: change.uid } : prior,
      );
      continue;
    }
    const key = keyOfChange(db, change);
    if (key === undefined) continue;
    if (change.op === 'insert') deleteRecord(db, change.record, key);
    else
      updateRecord(
        db,
        change.record,
        key,
        unlogged(db, change.record, JSON.parse(change.prior ?? '{}') as Row),
      );
  }
  if (bulk) {
    db.prepare(`DELETE FROM settings WHERE key = 'search.paused'`).run();
    rebuildSearchIndex(db);
  }
  const undo = currentGroupId(db);
  db.prepare('UPDATE change_groups SET undone_by = ? WHERE id = ?').run(undo, groupId);
  db.prepare('UPDATE change_groups SET undoes = ? WHERE id = ?').run(groupId, undo);
}
