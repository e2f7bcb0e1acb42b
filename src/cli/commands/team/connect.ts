import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { passwordOf, pgpassLookup, type TeamEndpoint } from '../../../domain/team-url.js';
import { JournalError, NetjournalError } from '../../../errors.js';
import { loadLibrary } from '../../../load-library.js';
import { interruptible } from '../../../prompts/ask.js';
import { getSetting } from '../../../storage/settings.js';
import { closeTeam, connectTeam, teamError, type TeamConnection } from '../../../team/connect.js';
import { checkTeam } from '../../../team/schema.js';
import type { Context } from '../../context.js';

/**
 * How team commands reach the server: the password from the URL (typed by
 * an admin), PGPASSWORD, the ~/.pgpass file (PGPASSFILE), or a prompt on a
 * terminal, in that order, asked only when the server wants one and never
 * stored by netjournal.
 */
function passwordSource(ctx: Context, url: string) {
  return async (endpoint: TeamEndpoint): Promise<string | undefined> => {
    const typed = passwordOf(url);
    if (typed !== undefined) return typed;
    const env = ctx.io.env;
    if (env.PGPASSWORD) return env.PGPASSWORD;
    const file = env.PGPASSFILE || join(env.HOME || homedir(), '.pgpass');
    const fromFile = readPgpass(file, endpoint);
    if (fromFile !== undefined) return fromFile;
    if (!ctx.canPrompt()) return undefined;
    const { password } = loadLibrary('@inquirer/prompts') as typeof import('@inquirer/prompts');
    return interruptible(() =>
      password(
        { message: `Password for ${endpoint.user}`, mask: true },
        { output: ctx.promptOutput() },
      ),
    );
  };
}

/** The ~/.pgpass line for an endpoint; like libpq, a file others can read is ignored. */
function readPgpass(file: string, endpoint: TeamEndpoint): string | undefined {
  try {
    const stat = statSync(file);
    if (!stat.isFile() || (stat.mode & 0o077) !== 0) return undefined;
    return pgpassLookup(readFileSync(file, 'utf8'), endpoint);
  } catch {
    return undefined;
  }
}

/**
 * Run fn with a connection to the team at url (checked to be a team this
 * netjournal knows unless `check` is false), closing it after; every failure
 * becomes one exit-4 line.
 */
export async function withTeam<T>(
  ctx: Context,
  url: string,
  fn: (conn: TeamConnection) => Promise<T>,
  check = true,
): Promise<T> {
  const conn = await connectTeam(url, { env: ctx.io.env, password: passwordSource(ctx, url) });
  try {
    if (check) await checkTeam(conn);
    return await fn(conn);
  } catch (err) {
    throw err instanceof NetjournalError ? err : teamError(err, conn);
  } finally {
    await closeTeam(conn);
  }
}

/** The URL this journal joined with (team join), or exit 4 saying how to join. */
export function joinedUrl(ctx: Context): string {
  const db = ctx.readJournal();
  const url = db ? getSetting(db, 'team.url') : undefined;
  if (url === undefined)
    throw new JournalError(
      'this journal has not joined a team',
      'join one with: netjournal team join URL --member "Your Name"',
    );
  return url;
}
