import type { Statement } from 'better-sqlite3';
import type { Db } from './journal.js';
import { rebuildSearchIndex } from './search-maintenance.js';

/** Steps with more changes than this are replayed with the search triggers paused. */
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

/** The newest undoable write, or null when there is none (or no undo log yet). */
export function lastUndoStep(db: Db): UndoStep | null {
  const exists = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'undo_steps'`)
    .get();
  if (!exists) return null;
  const step = db
    .prepare('SELECT id, command, at FROM undo_steps WHERE recording = 0 ORDER BY id DESC LIMIT 1')
    .get() as Omit<UndoStep, 'changes'> | undefined;
  if (!step) return null;
  const changes = db
    .prepare(
      `SELECT tbl AS "table", op, count(*) AS rows FROM undo_log WHERE step = ?
        GROUP BY tbl, op ORDER BY min(seq)`,
    )
    .all(step.id) as UndoChange[];
  return { ...step, changes };
}

/**
 * Revert a step: run its logged inverse statements newest first, then forget
 * it. Call inside a write transaction that records no undo step of its own.
 * Foreign keys are checked at commit, since a cascade's rows were logged
 * before or after their parent's depending on SQLite's order of actions.
 */
export function revertUndoStep(db: Db, step: number): void {
  db.pragma('defer_foreign_keys = ON');
  const changes = db
    .prepare('SELECT sql, args FROM undo_log WHERE step = ? ORDER BY seq DESC')
    .all(step) as { sql: string; args: string }[];
  // A big step (an import) is replayed with the search triggers paused and
  // the index rebuilt after, in a few set-based statements.
  const bulk = changes.length > BULK_STEP;
  if (bulk) db.prepare(`INSERT OR REPLACE INTO settings VALUES ('search.paused', '1')`).run();
  const prepared = new Map<string, Statement>();
  for (const { sql, args } of changes) {
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
    statement.run(...(JSON.parse(args) as unknown[]));
  }
  if (bulk) {
    db.prepare(`DELETE FROM settings WHERE key = 'search.paused'`).run();
    rebuildSearchIndex(db);
  }
  db.prepare('DELETE FROM undo_log WHERE step = ?').run(step);
  db.prepare('DELETE FROM undo_steps WHERE id = ?').run(step);
}
