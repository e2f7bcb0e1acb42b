import { execFileSync } from 'node:child_process';
import { JournalError } from '../errors.js';

/**
 * The transport: the system `git`, run without a shell and never allowed to
 * ask for a password (GIT_TERMINAL_PROMPT=0), so a remote that needs
 * credentials git cannot get fails at once instead of hanging.
 */

/**
 * git ran and failed: every line it wrote to stderr, and the one that says
 * why (a push writes "To URL" first and the reason after it).
 */
export class GitFailed extends Error {
  readonly detail: string;
  constructor(
    readonly args: readonly string[],
    readonly lines: readonly string[],
    status?: number | null,
  ) {
    const detail =
      lines.find((l) => !/^To \S/.test(l)) ?? lines[0] ?? `exit status ${String(status)}`;
    super(`git ${args.join(' ')}: ${detail}`);
    this.detail = detail;
  }
}

/**
 * Why git refused a push, from all it wrote: another push holds or just
 * moved the remote's branch ('locked': wait a moment), the branch moved on
 * since the last fetch ('behind': fetch and push again), or neither.
 */
export function pushRefusal(lines: readonly string[]): 'locked' | 'behind' | undefined {
  const text = lines.join('\n');
  if (/cannot lock ref|\.lock'?: File exists|remote rejected/i.test(text)) return 'locked';
  if (/\[rejected\]|fetch first|non-fast-forward/.test(text)) return 'behind';
  return undefined;
}

/** Where git runs and with which environment. */
export interface GitPlace {
  dir: string;
  env: NodeJS.ProcessEnv;
}

// Identity and signing are fixed for the sync repository: the user's own
// settings (a signing key that asks for a passphrase) must not stop a sync.
const FIXED = [
  '-c',
  'user.name=netjournal',
  '-c',
  'user.email=sync@netjournal.invalid',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'core.hooksPath=/dev/null',
];

/** Run git in place.dir; returns stdout. Throws GitFailed, or JournalError when git is missing. */
export function git(place: GitPlace, args: readonly string[]): string {
  try {
    return execFileSync('git', [...FIXED, ...args], {
      cwd: place.dir,
      env: {
        // ssh asks on the terminal itself (a passphrase, a new host key): in
        // batch mode it fails instead, unless the user chose their own ssh command.
        ...(place.env.GIT_SSH_COMMAND || place.env.GIT_SSH
          ? {}
          : { GIT_SSH_COMMAND: 'ssh -o BatchMode=yes' }),
        ...place.env,
        GIT_TERMINAL_PROMPT: '0',
        LC_ALL: 'C',
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string; status?: number };
    if (e.code === 'ENOENT')
      throw new JournalError(
        'git is not installed (sync runs the system git)',
        'install git, e.g. sudo apt-get install git, and run the command again',
      );
    const lines = String(e.stderr ?? '')
      .split('\n')
      .map((l) => l.replace(/^(fatal|error): /, '').trim())
      .filter((l) => l !== '' && !l.startsWith('hint:'));
    throw new GitFailed(args, lines, e.status);
  }
}

/** Does git succeed? (for questions such as "does origin/main exist") */
export function gitSucceeds(place: GitPlace, args: readonly string[]): boolean {
  try {
    git(place, args);
    return true;
  } catch (err) {
    if (err instanceof GitFailed) return false;
    throw err;
  }
}

/** A failure to reach the remote, as the one line the user sees (exit 4). */
export function unreachable(remote: string, err: unknown, action: string): JournalError {
  if (!(err instanceof GitFailed)) return err as JournalError;
  return new JournalError(
    `cannot reach the sync remote ${remote}: ${err.detail}`,
    `${action}; check the address, the network, and that git reaches it without asking for a password`,
  );
}
