import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openSqlite } from './sqlite.js';

// A journal in a folder the user cannot write. The journal is in WAL mode,
// and SQLite reads a WAL journal only through its -shm (and -wal) files,
// which it must create next to it: in a read-only folder every read fails
// with SQLITE_READONLY_DIRECTORY or SQLITE_CANTOPEN although nothing is
// wrong with the file. better-sqlite3 is built without URI filenames, so
// SQLite's `?immutable=1` is out of reach; what is left is reading the file
// into memory as a rollback-mode database.

/** Why the journal cannot be written, or null when it can: the OS's error code. */
export interface WriteAccess {
  /** The file or the folder that is read-only. */
  readOnly: 'file' | 'folder';
  /** EROFS for a read-only file system, else EACCES or EPERM. */
  code: string;
}

/** Whether this process can write the journal file and create files next to it (its -wal and -shm). */
export function writeAccess(path: string): WriteAccess | null {
  for (const [what, target] of [
    ['folder', dirname(path)],
    ['file', path],
  ] as const) {
    try {
      accessSync(target, constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'EACCES';
      if (code === 'ENOENT') continue;
      return { readOnly: what, code };
    }
  }
  return null;
}

/** The SQLite errors a WAL journal in a read-only folder gives on its first read. */
export function isReadOnlyFolderError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code === 'SQLITE_CANTOPEN' ||
      code === 'SQLITE_READONLY' ||
      code.startsWith('SQLITE_READONLY_'))
  );
}

/**
 * Whether a write-ahead log holds changes not yet in the file: then a copy
 * of the file alone is not the journal (and may be mid-checkpoint).
 */
export function hasUnmergedLog(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
}

/**
 * The journal file read into memory, read-only, as one snapshot. Only for a
 * journal without an unmerged log (hasUnmergedLog): in a folder nobody can
 * write, no one can start one, so the copy is the whole journal. The header's
 * WAL marks (bytes 18 and 19) are set back to rollback mode in the copy, as
 * SQLite's in-memory databases cannot read in WAL mode.
 */
export function openJournalImage(path: string): Database {
  const image = readFileSync(path);
  if (image[18] === 2 && image[19] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  // better-sqlite3 opens a Buffer as a serialized database; openSqlite's type says only string.
  return openSqlite(image as unknown as string, { readonly: true });
}
