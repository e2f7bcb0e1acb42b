import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JournalError } from '../errors.js';
import { gitSucceeds } from './git.js';

/**
 * Run fn holding the sync folder: one sync at a time. A lock left by a sync
 * that was killed (its process is gone) is taken over, after undoing what
 * that sync left half done in git: its index lock, a rebase in progress.
 */
export function withSyncLock<T>(dir: string, env: NodeJS.ProcessEnv, fn: () => T): T {
  const lock = join(dir, '.git', 'netjournal-sync.pid');
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder))
        throw new JournalError(
          `another netjournal sync is running (process ${holder})`,
          'wait for it to finish, then run netjournal sync again',
        );
      rmSync(lock, { force: true });
    }
  }
  try {
    // Holding the lock, anything half done in git is a killed sync's: undo it first.
    clearLeftovers(dir, env);
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Undo what a killed sync left in git: its index lock and a rebase in
 * progress. The git it had started may outlive it for a moment (kill -9
 * does not reach children), so an index lock is given a second to go.
 */
function clearLeftovers(dir: string, env: NodeJS.ProcessEnv): void {
  const git = join(dir, '.git');
  const indexLock = join(git, 'index.lock');
  for (let waited = 0; existsSync(indexLock) && waited < 1000; waited += 50)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  rmSync(indexLock, { force: true });
  const rebasing = ['rebase-merge', 'rebase-apply'].map((d) => join(git, d));
  if (rebasing.some((d) => existsSync(d)) && !gitSucceeds({ dir, env }, ['rebase', '--abort']))
    for (const d of rebasing) rmSync(d, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
