import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the journal lives: --db, else $NETJOURNAL_DB, else the platform's data folder. */
export function resolveJournalPath(
  dbOption: string | undefined,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string {
  if (dbOption) return dbOption;
  if (env.NETJOURNAL_DB) return env.NETJOURNAL_DB;
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, 'netjournal', 'journal.db');
  const home = env.HOME || homedir();
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', 'netjournal', 'journal.db');
  }
  return join(home, '.local', 'share', 'netjournal', 'journal.db');
}

/** The folder of the user's draft templates: $XDG_CONFIG_HOME/netjournal/templates (~/.config by default). */
export function templatesFolder(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(config, 'netjournal', 'templates');
}
