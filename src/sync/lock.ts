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
      rmSync(join(dir, '.git', 'index.lock'), { force: true });
      if (
        existsSync(join(dir, '.git', 'rebase-merge')) ||
        existsSync(join(dir, '.git', 'rebase-apply'))
      )
        gitSucceeds({ dir, env }, ['rebase', '--abort']);
      rmSync(lock, { force: true });
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
