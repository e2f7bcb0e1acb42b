import type { Database } from 'better-sqlite3';
import { statement } from './sqlite.js';

/** How many undo steps a journal keeps; older ones are pruned as new ones are recorded. */
export const UNDO_DEPTH = 20;

let label = 'write';

/** Name the write the CLI is about to run ("add Ralph Smith"), shown by `undo`. */
export function setUndoLabel(text: string): void {
  label = text.trim() || 'write';
}

const hasUndoTables = new WeakMap<Database, boolean>();

/**
 * Open an undo step: until finishUndoStep, the triggers of 0003_undo.sql log
 * the inverse of every row change into it. Returns null (nothing recorded)
 * for a journal without the undo tables or when a step is already recording.
 * Call inside the write transaction.
 */
export function beginUndoStep(db: Database): number | null {
  let known = hasUndoTables.get(db);
  if (known === undefined) {
    known =
      statement(
        db,
        `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'undo_steps'`,
      ).get() !== undefined;
    hasUndoTables.set(db, known);
  }
  if (!known) return null;
  if (statement(db, 'SELECT 1 FROM undo_steps WHERE recording = 1').get()) return null;
  return Number(
    statement(db, 'INSERT INTO undo_steps (command, at, recording) VALUES (?, ?, 1)').run(
      label,
      new Date().toISOString(),
    ).lastInsertRowid,
  );
}

/** Close the step; drop it when it changed nothing, and prune the oldest beyond UNDO_DEPTH. */
export function finishUndoStep(db: Database, step: number): void {
  statement(db, 'UPDATE undo_steps SET recording = 0 WHERE id = ?').run(step);
  if (!statement(db, 'SELECT 1 FROM undo_log WHERE step = ?').get(step)) {
    statement(db, 'DELETE FROM undo_steps WHERE id = ?').run(step);
    return;
  }
  const cutoff = statement(db, 'SELECT id FROM undo_steps ORDER BY id DESC LIMIT 1 OFFSET ?').get(
    UNDO_DEPTH,
  ) as { id: number } | undefined;
  if (cutoff) {
    statement(db, 'DELETE FROM undo_log WHERE step <= ?').run(cutoff.id);
    statement(db, 'DELETE FROM undo_steps WHERE id <= ?').run(cutoff.id);
  }
}

/** "contact rm Ralph Smith" from a command's names and positional arguments. */
export function invocationLabel(names: readonly string[], args: readonly unknown[]): string {
  const words = [...names, ...args.flat()].filter(
    (w): w is string => typeof w === 'string' && w !== '',
  );
  const text = words.join(' ').replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
