import { chmodSync, closeSync, existsSync, lstatSync, openSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { openSqlite } from './sqlite.js';
import { JournalError, UsageError } from '../errors.js';
import type { Db } from './journal.js';

/** A free file name next to the journal: journal-backup-2026-11-21.db, then -2, -3 … */
export function defaultBackupPath(journalPath: string, today: string): string {
  const ext = extname(journalPath) || '.db';
  const stem = basename(journalPath, extname(journalPath));
  for (let n = 1; ; n++) {
    const candidate = join(
      dirname(journalPath),
      `${stem}-backup-${today}${n > 1 ? `-${n}` : ''}${ext}`,
    );
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Copy the journal with SQLite's online backup API: consistent even while
 * another netjournal writes. The copy is readable by its owner only.
 */
export async function backupJournal(db: Db, destination: string, force: boolean): Promise<void> {
  const existing = kindOf(destination);
  if (existing !== 'missing' && !force) {
    throw new UsageError(
      `${destination} already exists`,
      'choose another file, or add --force to replace it',
    );
  }
  // --force replaces a file, never a device, a FIFO, a folder or what a link points to.
  if (existing === 'other') {
    throw new UsageError(
      `${destination} is not a regular file`,
      'give the path of a file to write the backup to',
    );
  }
  let created = false;
  try {
    // A forced backup replaces whatever file was there, even one that is not SQLite.
    rmSync(destination, { force: true });
    closeSync(openSync(destination, 'wx', 0o600));
    created = true;
    await db.backup(destination);
    standAlone(destination);
    chmodSync(destination, 0o600);
  } catch (err) {
    // A failed backup leaves nothing behind (only what this run created).
    if (created) rmSync(destination, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new JournalError(
      `cannot write backup ${destination} (${code})`,
      'choose a writable location',
    );
  }
}

/**
 * Make a copy stand alone: in rollback-journal mode, SQLite opens it with no
 * -wal or -shm beside it, so it can be read (and restored) from read-only media.
 */
function standAlone(path: string): void {
  const copy = openSqlite(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** What is at a path, without following a symbolic link. */
function kindOf(path: string): 'missing' | 'file' | 'other' {
  try {
    return lstatSync(path).isFile() ? 'file' : 'other';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new JournalError(
      `cannot check ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      'choose a location you can write to',
    );
  }
}
