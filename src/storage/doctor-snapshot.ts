import { dirname } from 'node:path';
import { errorText, fail, fixFor, type Check } from './doctor-checks.js';
import type { Db } from './journal.js';
import {
  hasUnmergedLog,
  isReadOnlyFolderError,
  openJournalImage,
  writeAccess,
} from './read-only-folder.js';
import { openSqlite } from './sqlite.js';

/**
 * The journal opened read-only inside one read transaction, so that every
 * check sees the same snapshot. Otherwise each statement reads its own, and
 * a netjournal writing meanwhile shows as tables, change log and search
 * index that disagree (even FTS5's own check then says "checksum mismatch").
 * In a folder this user cannot write, SQLite cannot read a WAL journal in
 * place (read-only-folder.ts); the checks then read a copy in memory.
 */
export function openSnapshot(path: string): { db: Db } | { failure: Check } {
  const begin = (db: Db): Db => {
    try {
      // BEGIN is deferred: the first read takes the snapshot that the rest share.
      // It reads the header only: damage further in is the integrity check's to report.
      db.exec('BEGIN');
      db.pragma('user_version');
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  };
  try {
    return { db: begin(openSqlite(path, { readonly: true, fileMustExist: true, timeout: 5000 })) };
  } catch (err) {
    if (!isReadOnlyFolderError(err) || writeAccess(path) === null) {
      return { failure: fail('open', `cannot open it: ${errorText(err)}`, fixFor(err)) };
    }
  }
  if (hasUnmergedLog(path)) {
    return {
      failure: fail(
        'open',
        `cannot read its write-ahead log ${path}-wal without write access to the folder`,
        `give yourself write access to ${dirname(path)}, then run netjournal doctor again`,
      ),
    };
  }
  try {
    return { db: begin(openJournalImage(path)) };
  } catch (err) {
    return { failure: fail('open', `cannot open it: ${errorText(err)}`, fixFor(err)) };
  }
}
