import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { getSetting } from '../storage/settings.js';
import { syncSettings } from '../storage/sync-state.js';
import { statement } from '../storage/sqlite.js';
import type { Context } from './context.js';

/** Set in the background sync's environment: its own writes start no other. */
const CHILD = 'NETJOURNAL_AUTO_SYNC_CHILD';

/**
 * sync.auto: after a command that wrote, start `netjournal sync` in the
 * background when the last sync (or the last one started this way) is older
 * than the setting's minutes. Detached, its output thrown away: the command
 * never waits for it and prints nothing of it. Offline, it fails quietly and
 * the next write after the interval tries again.
 */
export function maybeAutoSync(ctx: Context): void {
  const db = ctx.openForWrite();
  if (!db || ctx.io.env[CHILD] || ctx.invocation.startsWith('sync')) return;
  const minutes = Number(getSetting(db, 'sync.auto') ?? 0);
  const settings = syncSettings(db);
  if (!(minutes > 0) || !settings) return;
  const bin = process.argv[1];
  // Only the CLI itself starts one (not a test runner that loaded it).
  if (!bin || !/^netjournal(\.c?js)?$/.test(basename(bin))) return;
  const last = [settings.last, startedAt(db)]
    .map((t) => (t ? Date.parse(t) : 0))
    .reduce((a, b) => Math.max(a, b), 0);
  const now = Date.now();
  if (now - last < minutes * 60_000) return;
  statement(
    db,
    `INSERT OR REPLACE INTO journal_meta (key, value) VALUES ('sync.auto.started', ?)`,
  ).run(new Date(now).toISOString());
  const child = spawn(process.execPath, [bin, '--db', ctx.journalPath, '--no-input', 'sync'], {
    detached: true,
    stdio: 'ignore',
    env: { ...ctx.io.env, [CHILD]: '1' },
  });
  child.on('error', () => undefined);
  child.unref();
}

function startedAt(db: NonNullable<ReturnType<Context['openForWrite']>>): string | undefined {
  const row = statement(
    db,
    `SELECT value FROM journal_meta WHERE key = 'sync.auto.started'`,
  ).get() as { value: string } | undefined;
  return row?.value;
}
