import {
  closeSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { JournalError } from '../errors.js';
import { isRunning } from '../process-alive.js';

/**
 * A journal that a write command is creating: a private file beside where
 * the journal will be, which no other process can see or open, made the
 * journal only once the command has succeeded (publishJournal). A command
 * that fails removes its private file and nothing else, so it can never
 * delete a journal another netjournal created in the meantime, nor a
 * symbolic link that the journal's path goes through.
 */
export interface PendingJournal {
  /** Where the journal will be (a symbolic link's final target). */
  readonly path: string;
  /** The private file the command writes into until it is published. */
  readonly temp: string;
  /** The folders this run created for it, outermost first (removed again on failure if empty). */
  readonly createdFolders: readonly string[];
}

/** Start a new journal for path, which does not exist yet. */
export function startJournal(path: string): PendingJournal {
  const target = finalTarget(path);
  try {
    lstatSync(target);
  } catch (err) {
    // Missing is what is expected; anything else (a path below a regular
    // file: ENOTDIR) is said as a read would say it.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') {
      throw new JournalError(
        `cannot read journal ${path} (${code ?? 'error'})`,
        'check the path and its permissions',
      );
    }
  }
  const createdFolders = makeFolders(dirname(target));
  removeLeftovers(target);
  for (let attempt = 0; ; attempt++) {
    const temp = privateName(target, 'new');
    try {
      closeSync(openSync(temp, 'wx', 0o600));
      return { path: target, temp, createdFolders };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && attempt < 5) continue;
      // Another netjournal that made the folders just removed them again,
      // having failed: make them (again) ourselves.
      if (code === 'ENOENT' && attempt < 5) {
        createdFolders.push(...makeFolders(dirname(target)));
        continue;
      }
      removeFolders(createdFolders);
      throw new JournalError(
        `cannot create journal ${path} (${code ?? 'error'})`,
        'choose a writable location with --db or NETJOURNAL_DB',
      );
    }
  }
}

/**
 * Make the pending journal the journal, atomically: a hard link that fails
 * when something is already there (another netjournal created the journal
 * while this command ran). The database must be closed with its log written
 * back, so that everything is in the one file. On a file system without hard links,
 * a rename after checking the name is free (a race only there).
 */
export function publishJournal(pending: PendingJournal): void {
  try {
    // What is still in a log would not come along under the journal's name.
    if (sizeOf(`${pending.temp}-wal`) > 0 || sizeOf(`${pending.temp}-journal`) > 0) {
      throw new Error(`the new journal's log was not written back`);
    }
    try {
      linkSync(pending.temp, pending.path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw startedMeanwhile(pending.path);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS')
        throw err;
      if (exists(pending.path)) throw startedMeanwhile(pending.path);
      renameSync(pending.temp, pending.path);
    }
  } catch (err) {
    discardJournal(pending);
    if (err instanceof JournalError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new JournalError(
      `cannot create journal ${pending.path} (${code ?? 'error'}); nothing was written`,
      'choose a writable location with --db or NETJOURNAL_DB',
    );
  }
  rmSync(pending.temp, { force: true });
}

/**
 * A private file beside the journal, for purpose ("new", "restore", "keep"),
 * named after this process so that leftovers of a killed one can be told apart.
 */
export function privateName(journalPath: string, purpose: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return join(
    dirname(journalPath),
    `.${basename(journalPath)}.${purpose}-${process.pid}-${random}`,
  );
}

/**
 * Remove the private files (and their logs) that a netjournal killed while
 * creating or restoring this journal left beside it: those named after a
 * process that no longer runs.
 */
export function removeLeftovers(journalPath: string): void {
  const prefix = `.${basename(journalPath)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(journalPath));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(?:new|restore|keep)-(\d+)-[0-9a-z]+(?:-wal|-shm|-journal)?$/.exec(
      name.slice(prefix.length),
    );
    if (match && !isRunning(Number(match[1])))
      rmSync(join(dirname(journalPath), name), { force: true });
  }
}

/** Remove a pending journal's private file (and its logs) and the folders this run created, if empty. */
export function discardJournal(pending: PendingJournal): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    rmSync(pending.temp + suffix, { force: true });
  }
  removeFolders(pending.createdFolders);
}

/** Another netjournal created the journal while a command was creating it: nothing was written. */
export class JournalStartedMeanwhile extends JournalError {}

function startedMeanwhile(path: string): JournalError {
  return new JournalStartedMeanwhile(
    `another netjournal started journal ${path} while this command ran; nothing was written`,
    'run the command again',
  );
}

/** Where writing to path lands: through symbolic links (even dangling ones) to the final name. */
function finalTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) return current;
      link = readlinkSync(current);
    } catch {
      return current; // missing, or not reachable: the caller says which
    }
    current = resolve(dirname(current), link);
  }
  throw new JournalError(
    `journal path ${path} is a loop of symbolic links`,
    'point --db or NETJOURNAL_DB at a file',
  );
}

function sizeOf(path: string): number {
  try {
    return lstatSync(path).size;
  } catch {
    return 0;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Create folder and its missing parents (0700); returns those this call created, outermost first. */
function makeFolders(folder: string): string[] {
  const created: string[] = [];
  // A failing netjournal may remove (empty) folders it made while this one
  // makes its own below them: then look again at what is missing.
  for (let attempt = 0; ; attempt++) {
    const missing: string[] = [];
    for (let f = folder; !exists(f); f = dirname(f)) {
      missing.unshift(f);
      if (dirname(f) === f) break;
    }
    try {
      for (const f of missing) {
        try {
          mkdirSync(f, { mode: 0o700 });
          created.push(f);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another's: not ours
        }
      }
      return created;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && attempt < 5) continue;
      removeFolders(created);
      throw new JournalError(
        `cannot create folder ${folder} (${code ?? 'error'})`,
        'choose a writable location with --db or NETJOURNAL_DB',
      );
    }
  }
}

/** Remove folders innermost first, each only while empty (another process may have used it). */
function removeFolders(folders: readonly string[]): void {
  for (const f of [...folders].reverse()) {
    try {
      rmdirSync(f);
    } catch {
      return; // not empty, or gone: leave it and its parents
    }
  }
}
