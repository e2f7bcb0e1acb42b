import { pause } from '../pause.js';
import { closeSync, mkdirSync, openSync, readSync, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openSqlite } from './sqlite.js';
import { uuidv7 } from './stable-id.js';
import {
  hasUnmergedLog,
  isReadOnlyFolderError,
  openJournalImage,
  writeAccess,
} from './read-only-folder.js';
import { JournalError } from '../errors.js';
import {
  APPLICATION_ID,
  appliedMigrations,
  knownMigrationName,
  latestVersion,
  migrate,
} from './migrate.js';
import { abandonChangeGroup, closeChangeGroup, openChangeGroup } from './change-log.js';

export type Db = Database;

export interface OpenOptions {
  /** A write command: create the journal if missing and open it read-write. */
  write: boolean;
  /** ISO timestamp recorded with applied migrations. */
  timestamp: string;
  /**
   * Told before an existing journal is upgraded (not when a new one is
   * made): from which schema to which. A large journal's upgrade can take
   * seconds, once.
   */
  onUpgrade?: (from: number, to: number) => void;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Open the journal at path, creating it (folder 0700, file 0600) only for a
 * write. Returns null for a read of a journal that does not exist, so that
 * read commands print an empty report and create nothing. A file that is not
 * a netjournal journal, or one from a newer version, is refused before
 * anything is written to it.
 */
export function openJournal(path: string, options: OpenOptions): Db | null {
  const existing = inspectFile(path);
  if (existing === 'missing') {
    if (!options.write) return null;
    createEmptyFile(path);
  }
  // Two processes switching a new journal to WAL at once can meet SQLite's
  // deadlock guard (SQLITE_BUSY without waiting); opening is safe to retry.
  const deadline = Date.now() + OPEN_PATIENCE_MS;
  for (;;) {
    try {
      return openAndMigrate(path, options);
    } catch (err) {
      if (!isBusy(err) || Date.now() > deadline) throw translateSqliteError(err, path);
      pause(10 + Math.floor(Math.random() * 40));
    }
  }
}

/** How long opening waits out other netjournals creating or upgrading the same journal. */
const OPEN_PATIENCE_MS = 5000;

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

function openAndMigrate(path: string, options: OpenOptions): Db {
  let db = connect(path, !options.write);
  try {
    let needsMigration: boolean;
    try {
      needsMigration = checkIdentity(db, path);
    } catch (err) {
      // A WAL journal in a folder this user cannot write: SQLite cannot make
      // its -shm there. With nothing in a log, the file alone is the journal.
      if (
        options.write ||
        !isReadOnlyFolderError(err) ||
        !writeAccess(path) ||
        hasUnmergedLog(path)
      )
        throw err;
      db.close();
      db = openJournalImage(path);
      db.pragma('foreign_keys = ON');
      needsMigration = checkIdentity(db, path);
      if (needsMigration) {
        throw new JournalError(
          `journal ${path} needs an upgrade, and its folder is read-only`,
          'give yourself write access to the folder and run the command again',
        );
      }
    }
    if (needsMigration && !options.write) {
      // An older journal is upgraded on first use, even by a read command.
      db.close();
      db = connect(path, false);
    }
    if (options.write || needsMigration) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // A statement inside a long transaction (sync, import) keeps a statement
      // journal; on disk it cost a write syscall per page touched.
      db.pragma('temp_store = MEMORY');
    }
    if (needsMigration) {
      const from = db.pragma('user_version', { simple: true }) as number;
      if (from > 0) options.onUpgrade?.(from, latestVersion());
      migrate(db, options.timestamp);
    }
    return db;
  } catch (err) {
    db.close();
    if (isBusy(err)) throw err;
    throw translateSqliteError(err, path);
  }
}

/**
 * Run fn in one IMMEDIATE transaction: all of it is written, or none. The
 * changes it makes through the write path (write.ts) form one change group
 * named by label ("add Ralph Smith"), which `undo` reverts as a whole unless
 * undoable is false (undo's own writes).
 */
export function writeTransaction<T>(
  db: Db,
  label: string,
  fn: () => T,
  options: { undoable?: boolean } = {},
): T {
  try {
    return db
      .transaction(() => {
        openChangeGroup(db, label, options.undoable !== false);
        try {
          const result = fn();
          closeChangeGroup(db);
          return result;
        } catch (err) {
          abandonChangeGroup(db);
          throw err;
        }
      })
      .immediate();
  } catch (err) {
    throw translateSqliteError(err, db.name);
  }
}

function inspectFile(path: string): 'missing' | 'empty' | 'sqlite' {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      throw new JournalError(
        `journal path ${path} is a directory`,
        'pass a file path with --db or NETJOURNAL_DB',
      );
    }
    // A FIFO would block the first read forever; a device is nobody's journal.
    if (!st.isFile()) throw notARegularFile(path);
    size = st.size;
  } catch (err) {
    if (err instanceof JournalError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    throw new JournalError(
      `cannot read journal ${path} (${code ?? 'error'})`,
      'check the path and its permissions',
    );
  }
  if (size === 0) return 'empty';
  const header = Buffer.alloc(100);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, header, 0, 100, 0);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new JournalError(
      `cannot read journal ${path} (${code ?? 'error'})`,
      'check the file permissions',
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_HEADER) throw notAJournal(path);
  if (size < claimedSize(header) && !hasPendingLog(path)) {
    // Looked at twice, in case another process's checkpoint just emptied its log.
    pause(50);
    if (statSync(path).size < claimedSize(header)) {
      throw new JournalError(`journal ${path} is damaged (cut short)`, 'restore it from a backup');
    }
  }
  return 'sqlite';
}

/**
 * The size the header says the file has (page count × page size), or 0 when
 * the count is not known to be current: SQLite trusts it only while the
 * change counter (offset 24) equals "version valid for" (offset 92). A file
 * shorter than this was cut off; SQLite itself would notice only on reading
 * a missing page, so a read touching only intact pages would succeed.
 */
function claimedSize(header: Buffer): number {
  const pages = header.readUInt32BE(28);
  if (pages === 0 || header.readUInt32BE(24) !== header.readUInt32BE(92)) return 0;
  const pageSize = header.readUInt16BE(16);
  return pages * (pageSize === 1 ? 65536 : pageSize);
}

/**
 * Is there a write-ahead log (or rollback journal) that SQLite will replay on
 * open? Then the main file may rightly be shorter than its header says: a
 * checkpoint, running now or cut off by a crash, writes page 1 before the
 * pages that grow the file, and the log still holds them.
 */
function hasPendingLog(path: string): boolean {
  for (const log of [`${path}-wal`, `${path}-journal`]) {
    try {
      if (statSync(log).size > 0) return true;
    } catch {
      // no such log
    }
  }
  return false;
}

function createEmptyFile(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'wx', 0o600));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    throw new JournalError(
      `cannot create journal ${path} (${code ?? 'error'})`,
      'choose a writable location with --db or NETJOURNAL_DB',
    );
  }
}

function connect(path: string, readonly: boolean): Db {
  let db: Db;
  try {
    db = openSqlite(path, { readonly, fileMustExist: true, timeout: 5000 });
  } catch (err) {
    throw translateSqliteError(err, path);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Throws unless db is a netjournal journal this version can use; true when it needs migrating. */
function checkIdentity(db: Db, path: string): boolean {
  // One read transaction: another process's first migration committing between
  // these reads must not make a new journal look like someone else's database.
  return db.transaction(() => readIdentity(db, path))();
}

function readIdentity(db: Db, path: string): boolean {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId !== APPLICATION_ID) {
    const objects = db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
    if (version === 0 && objects.n === 0) return true; // a brand-new, empty file
    throw notAJournal(path);
  }
  const latest = latestVersion();
  if (version > latest) {
    throw new JournalError(
      `journal ${path} was written by a newer netjournal (schema ${version}; this one knows up to ${latest})`,
      'upgrade netjournal to use it',
    );
  }
  for (const [v, name] of appliedMigrations(db)) {
    if (knownMigrationName(v) !== name) {
      throw new JournalError(
        `journal ${path} has migration ${v} "${name}" that this netjournal does not know`,
        'use the netjournal version that wrote it',
      );
    }
  }
  return version < latest;
}

function notARegularFile(path: string): JournalError {
  return new JournalError(
    `journal path ${path} is not a regular file`,
    'point --db or NETJOURNAL_DB at a journal file, or at a new file to start one',
  );
}

function notAJournal(path: string): JournalError {
  return new JournalError(
    `${path} is not a netjournal journal`,
    'point --db or NETJOURNAL_DB at a journal, or at a new file to start one',
  );
}

/** Is the file system that holds path out of space (for this user)? */
function diskIsFull(path: string): boolean {
  try {
    return statfsSync(dirname(path)).bavail === 0;
  } catch {
    return false;
  }
}

/** Turn better-sqlite3's errors into typed journal errors with a fix. */
export function translateSqliteError(err: unknown, path: string): unknown {
  if (!(err instanceof Error) || err instanceof JournalError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')) {
    return new JournalError(
      `journal ${path} is locked by another netjournal`,
      'wait for it to finish and try again',
    );
  }
  if (code === 'SQLITE_NOTADB') return notAJournal(path);
  // A full disk shows as SQLITE_FULL, or as an I/O error when the log or
  // its index cannot grow: asking the file system tells which.
  if (code.startsWith('SQLITE_FULL') || (code.startsWith('SQLITE_IOERR_') && diskIsFull(path))) {
    return new JournalError(
      `the disk holding journal ${path} is full; nothing was written`,
      'free some space and run the command again',
    );
  }
  if (code.startsWith('SQLITE_IOERR_')) {
    return new JournalError(
      `cannot write journal ${path} (${code}); nothing was written`,
      'check the disk it is on, then run the command again',
    );
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) {
    return new JournalError(`journal ${path} is damaged`, 'restore it from a backup');
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    const access = writeAccess(path);
    if (access?.readOnly === 'folder') {
      return new JournalError(
        `journal ${path} is read-only: its folder ${dirname(path)} cannot be written (${access.code})`,
        'reads work; writes need write access to the folder',
      );
    }
    return new JournalError(
      `journal ${path} is read-only`,
      'check the permissions of the file and its folder',
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_IOERR') {
    return new JournalError(
      `cannot open journal ${path}`,
      'check that the file and its folder exist and are accessible',
    );
  }
  return err;
}

/** Freshly migrated journals by creation timestamp, as bytes: migrating costs more than copying. */
const migratedImages = new Map<string, Buffer>();

/**
 * A migrated journal in memory: what a dry run writes into when there is no
 * journal yet (and what storage tests use, hundreds of times a run). The
 * second one of a timestamp is a copy of the first with a device id of its
 * own: two journals are never the same device.
 */
export function openMemoryJournal(timestamp: string): Db {
  const image = migratedImages.get(timestamp);
  if (image === undefined) {
    const db = openSqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, timestamp);
    migratedImages.set(timestamp, db.serialize());
    return db;
  }
  const db = openSqlite(image);
  db.pragma('foreign_keys = ON');
  const device = uuidv7();
  db.transaction(() => {
    for (const sql of [
      `UPDATE journal_meta SET value = @device WHERE key = 'device'`,
      'UPDATE change_groups SET device = @device',
      'UPDATE changes SET device = @device',
    ])
      db.prepare(sql).run({ device });
  })();
  return db;
}

/** Open a file read-only and check it is a journal this version can read (for restore). */
export function checkJournalFile(path: string): void {
  if (inspectFile(path) !== 'sqlite') throw notAJournal(path);
  const db = connect(path, true);
  try {
    if (checkIdentity(db, path) && (db.pragma('user_version', { simple: true }) as number) === 0) {
      throw notAJournal(path);
    }
    const ok = db.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new JournalError(`journal ${path} is damaged`, 'choose another backup');
  } catch (err) {
    throw translateSqliteError(err, path);
  } finally {
    db.close();
  }
}
