import { spawnSync } from 'node:child_process';
import { JournalError } from '../errors.js';

/**
 * Show one desktop notification with notify-send (libnotify). Where it is
 * not installed, or no notification server answers, that is exit 4 with one
 * line saying what to do: the reminder was not shown.
 */
export function notifyDesktop(title: string, body: string, env: NodeJS.ProcessEnv): void {
  // "--" so that a title starting with "-" is not read as an option.
  const args = ['--app-name=netjournal', '--', title, ...(body ? [body] : [])];
  const sent = spawnSync('notify-send', args, { env, stdio: 'ignore', timeout: 10_000 });
  const missing = (sent.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  if (missing) {
    throw new JournalError(
      'notify-send is not installed, so no notification was shown',
      'install libnotify-bin (Debian, Ubuntu) or libnotify, or use today --exit-status',
    );
  }
  if (sent.error || sent.status !== 0) {
    throw new JournalError(
      `notify-send failed (${sent.error ? sent.error.message : `status ${sent.status ?? sent.signal}`})`,
      'is a desktop session running? run netjournal where notifications can be shown',
    );
  }
}
