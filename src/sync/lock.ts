import { pause } from '../pause.js';
import {
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { JournalError } from '../errors.js';
import { gitSucceeds } from './git.js';
import { isRunning } from '../process-alive.js';

/**
 * Run fn holding the sync folder: one sync at a time. A lock left by a sync
 * that was killed (its process is gone) is taken over, after undoing what
 * that sync left half done in git: its index lock, a rebase in progress.
 */
export async function withSyncLock<T>(
  dir: string,
  env: NodeJS.ProcessEnv,
  fn: () => Promise<T>,
): Promise<T> {
  const lock = join(dir, '.git', 'netjournal-sync.pid');
  let tookOver = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder))
        throw new JournalError(
          `another netjournal sync is running (process ${holder})`,
          'wait for it to finish, then run netjournal sync again',
        );
      // Its holder was killed; the git it had started may still be running
      // (kill -9 does not reach children): a push, a rebase. Let them end first.
      waitForOrphans(dir);
      rmSync(lock, { force: true });
      tookOver = true;
    }
  }
  try {
    // Holding the lock, anything half done in git is a killed sync's: undo it first.
    clearLeftovers(dir, env, tookOver);
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Undo what a killed sync left in git: its index lock and a rebase in
 * progress. The git it had started may outlive it for a moment (kill -9
 * does not reach children), so an index lock is given a second to go.
 * After a killed sync (tookOver), files it wrote and did not commit go too:
 * a sync commits everything it writes, and the changes of a batch that was
 * not committed are still waiting in the journal to be sent.
 */
function clearLeftovers(dir: string, env: NodeJS.ProcessEnv, tookOver: boolean): void {
  const git = join(dir, '.git');
  const indexLock = join(git, 'index.lock');
  for (let waited = 0; existsSync(indexLock) && waited < 1000; waited += 50) pause(50);
  rmSync(indexLock, { force: true });
  const rebasing = ['rebase-merge', 'rebase-apply'].map((d) => join(git, d));
  if (rebasing.some((d) => existsSync(d)) && !gitSucceeds({ dir, env }, ['rebase', '--abort']))
    for (const d of rebasing) rmSync(d, { recursive: true, force: true });
  if (tookOver && gitSucceeds({ dir, env }, ['rev-parse', '-q', '--verify', 'HEAD'])) {
    gitSucceeds({ dir, env }, ['reset', '-q', '--hard']);
    gitSucceeds({ dir, env }, ['clean', '-q', '-f', '-d']);
  }
}

/**
 * Wait (up to 10 s) until no other process works in the sync folder: the
 * orphaned git of a killed sync runs with the folder as its working
 * directory, and a push waits there for the remote side to finish. Linux
 * shows each process's working directory in /proc; elsewhere there is
 * nothing to read and the index-lock wait below is what is left.
 */
function waitForOrphans(dir: string): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  for (let waited = 0; waited < 10_000 && workingIn(real); waited += 50) pause(50);
}

/** Is a process other than this one working in dir (or below it)? */
function workingIn(dir: string): boolean {
  let pids: string[];
  try {
    pids = readdirSync('/proc');
  } catch {
    return false;
  }
  for (const pid of pids) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      if (cwd === dir || cwd.startsWith(dir + '/')) return true;
    } catch {
      // Gone meanwhile, or another user's process: not ours to wait for.
    }
  }
  return false;
}
