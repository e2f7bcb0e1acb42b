import { chmodSync, linkSync, rmSync, statSync } from 'node:fs';
import { JournalError, UsageError } from '../errors.js';
import { openJournal, translateSqliteError, type Db } from './journal.js';
import { privateName, removeLeftovers } from './new-journal.js';
import { rebuildSearchIndex } from './search-maintenance.js';
import { openSqlite } from './sqlite.js';

/**
 * Restore: the journal's records replaced by a backup's, in ONE write
 * transaction on the journal itself, never by replacing its file. Every
 * other process sees the old journal or the restored one, never neither or
 * a mix; writers wait on the lock (or give up with "locked", exit 4) instead
 * of writing into a file about to be replaced; a crash at any point leaves
 * the old journal (SQLite rolls the transaction back). Renaming or deleting
 * a file that others have open, or its -wal, is what lost data before.
 */

/** Is source the journal itself (the same file by device and inode, through any links)? */
export function isSameFile(source: string, journalPath: string): boolean {
  try {
    const a = statSync(source);
    const b = statSync(journalPath);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false; // one of them does not exist
  }
}

/** A private copy of source beside the journal, migrated to this version's schema. */
export async function stageBackup(
  source: string,
  journalPath: string,
  timestamp: string,
): Promise<string> {
  removeLeftovers(journalPath);
  const staged = privateName(journalPath, 'restore');
  try {
    const from = openSqlite(source, { readonly: true, fileMustExist: true });
    try {
      await from.backup(staged);
    } finally {
      from.close();
    }
    const db = openJournal(staged, { write: true, timestamp });
    if (!db) throw new Error('staged copy vanished');
    const ok = db.pragma('quick_check', { simple: true });
    db.close();
    if (ok !== 'ok') throw new JournalError(`${source} is damaged`, 'choose another backup');
    return staged;
  } catch (err) {
    removeDatabase(staged);
    if (err instanceof JournalError || err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new JournalError(
      `cannot copy ${source} beside the journal (${code}); nothing was changed`,
      'check there is space beside the journal, then run restore again',
    );
  }
}

/** Remove a database file and its logs. */
export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * Replace db's records with the staged backup's, in one IMMEDIATE
 * transaction. While it holds the journal's write lock (so that nothing more
 * can be written), keep first the journal as it is now in a new file
 * (keepAs); returns that file's name, or null when keepAs is null.
 */
export function replaceRecords(
  db: Db,
  staged: string,
  keepAs: ((attempt: number) => string) | null,
): string | null {
  db.prepare('ATTACH DATABASE ? AS restored').run(staged);
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const kept = keepAs ? keepJournal(db.name, keepAs) : null;
      copyRecords(db);
      db.exec('COMMIT');
      return kept;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  } catch (err) {
    throw translateSqliteError(err, db.name);
  } finally {
    db.exec('DETACH DATABASE restored');
  }
}

/** Every row of every table from the attached backup; the search index rebuilt from them. */
function copyRecords(db: Db): void {
  db.pragma('defer_foreign_keys = ON');
  // The tables are copied whole, derived columns included: the triggers that
  // maintain derived data would only redo it, row by row.
  const triggers = db
    .prepare(`SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'`)
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER main."${t.name}"`);
  const tables = copiedTables(db);
  // Every table emptied before any is filled: deleting a parent row cascades
  // (ON DELETE actions run even with the checks deferred) into rows already copied.
  for (const table of tables) db.exec(`DELETE FROM main."${table}"`);
  for (const table of tables) {
    const columns = columnsOf(db, 'main', table);
    if (columnsOf(db, 'restored', table) !== columns) {
      throw new JournalError(
        `the backup's table ${table} differs from this journal's`,
        'restore it with the netjournal version that wrote it',
      );
    }
    db.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM restored."${table}"`);
  }
  rebuildSearchIndex(db);
  for (const t of triggers) db.exec(t.sql);
}

/** The journal's ordinary tables (not the search index's, not SQLite's own but its sequence). */
function copiedTables(db: Db): string[] {
  const rows = db.prepare(`PRAGMA main.table_list`).all() as { name: string; type: string }[];
  return rows
    .filter(
      (r) =>
        r.type === 'table' &&
        (r.name === 'sqlite_sequence' || !r.name.startsWith('sqlite_')) &&
        r.name !== 'sqlite_schema',
    )
    .map((r) => r.name)
    .sort();
}

function columnsOf(db: Db, schema: string, table: string): string {
  const rows = db.prepare(`PRAGMA ${schema}.table_info("${table}")`).all() as { name: string }[];
  return rows.map((r) => `"${r.name}"`).join(', ');
}

/**
 * A copy of the journal as it is (another connection reads the last commit,
 * which the caller's lock keeps the last), in rollback mode so that it
 * stands alone, under a name nothing else has: written privately, then
 * linked to its name, which fails rather than replace a file.
 */
function keepJournal(journalPath: string, nameFor: (attempt: number) => string): string {
  const partial = privateName(journalPath, 'keep');
  try {
    const reader = openSqlite(journalPath, { readonly: true, fileMustExist: true });
    try {
      reader.prepare('VACUUM INTO ?').run(partial);
    } finally {
      reader.close();
    }
    chmodSync(partial, 0o600);
    const copy = openSqlite(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    for (let attempt = 1; ; attempt++) {
      const name = nameFor(attempt);
      try {
        linkSync(partial, name);
        return name;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 100) throw err;
      }
    }
  } catch (err) {
    if (err instanceof JournalError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new JournalError(
      `cannot keep a copy of the journal before restoring (${code}); nothing was changed`,
      'check there is space beside the journal, then run restore again',
    );
  } finally {
    removeDatabase(partial);
  }
}
