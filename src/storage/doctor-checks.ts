import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

// The doctor's vocabulary (a check and its outcome) and its file-level checks.

export type CheckStatus = 'ok' | 'warn' | 'fail';

/** One line of the doctor's report: what was checked, how it went, and what to run. */
export interface Check {
  name: string;
  status: CheckStatus;
  detail: string;
  fix: string | null;
}

export interface Diagnosis {
  journal: string;
  /** False when there is no journal yet (not a problem). */
  exists: boolean;
  ok: boolean;
  checks: Check[];
}

/** The fix for damage netjournal cannot repair itself. */
export const RESTORE_FIX = 'restore it from a backup: netjournal restore FILE';

/** Warn when the journal or its folder is open to other users. */
export function permissionChecks(path: string): Check[] {
  const checks: Check[] = [];
  const fileMode = statSync(path).mode & 0o777;
  checks.push(
    fileMode & 0o077
      ? warn(
          'file permissions',
          `${octal(fileMode)}: other users can ${fileMode & 0o044 ? 'read' : 'access'} the journal`,
          `chmod 600 ${path}`,
        )
      : ok('file permissions', octal(fileMode)),
  );
  const dir = dirname(path);
  let dirMode: number;
  let shared: boolean;
  try {
    const mode = statSync(dir).mode;
    dirMode = mode & 0o777;
    // A sticky shared folder such as /tmp is meant to be listable; never advise chmod-ing it.
    shared = (mode & 0o1000) !== 0;
  } catch {
    return checks;
  }
  checks.push(
    dirMode & 0o077 && !shared
      ? warn(
          'folder permissions',
          `${octal(dirMode)}: other users can list ${dir}`,
          `chmod 700 ${dir}`,
        )
      : ok('folder permissions', octal(dirMode)),
  );
  return checks;
}

/** What is at the journal path, from its metadata and first 16 bytes. */
export type FileKind =
  'missing' | 'directory' | 'special' | 'unreadable' | 'empty' | 'foreign' | 'sqlite';

export function fileKind(path: string): FileKind {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return 'directory';
    // A FIFO or a device: never opened (a FIFO would block the read).
    if (!st.isFile()) return 'special';
    size = st.size;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  if (size === 0) return 'empty';
  const header = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, header, 0, 16, 0);
  } catch {
    return 'unreadable';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return header.toString('latin1') === 'SQLite format 3\0' ? 'sqlite' : 'foreign';
}
/** Run one check; an SQLite error (a damaged page, say) is that check failing. */
export function attempt(name: string, check: () => Check): Check {
  try {
    return check();
  } catch (err) {
    return fail(name, errorText(err), fixFor(err));
  }
}

/**
 * What to do about an error a check ran into. Only damage calls for a
 * backup: a lock, a read-only folder or a failing disk says nothing about
 * the journal, and restoring it would throw away good records.
 */
export function fixFor(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return RESTORE_FIX;
  const again = 'then run netjournal doctor again';
  if (/^SQLITE_(BUSY|LOCKED)/.test(code))
    return `wait for the other netjournal to finish, ${again}`;
  if (/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code))
    return `check that you can read the journal and its folder, ${again}`;
  if (/^SQLITE_(IOERR|FULL)/.test(code)) return `check the disk it is on, ${again}`;
  if (code === 'SQLITE_NOMEM') return `free some memory, ${again}`;
  return RESTORE_FIX;
}

/** The message of a thrown value. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The first three problems, and how many more. */
export function summarise(problems: readonly string[]): string {
  const shown = problems.slice(0, 3).join('; ');
  return problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown;
}

/** 0644-style file mode. */
export function octal(mode: number): string {
  return '0' + mode.toString(8).padStart(3, '0');
}

/** A check that passed. */
export function ok(name: string, detail: string): Check {
  return { name, status: 'ok', detail, fix: null };
}

/** A check that passed with something to fix. */
export function warn(name: string, detail: string, fix: string | null): Check {
  return { name, status: 'warn', detail, fix };
}

/** A check that failed: exit 4. */
export function fail(name: string, detail: string, fix: string): Check {
  return { name, status: 'fail', detail, fix };
}
