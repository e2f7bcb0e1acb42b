import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { spawnCli } from '../helpers/spawn-cli.js';
import { bareRemote, device, join_ } from './devices.js';

// sync.auto: a write starts a sync in the background once the last sync is
// older than the setting; the write neither waits for it nor prints it, and
// the next write does not start another while the first is recent.

const commits = (remote: string) =>
  Number(execFileSync('git', ['-C', remote, 'rev-list', '--count', 'main'], { encoding: 'utf8' }));

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

it('a write an hour after the last sync sends it in the background, quietly', async () => {
  const remote = bareRemote();
  const laptop = device('laptop');
  try {
    await laptop.ok(['add', 'Grace Hopper', '--no-thank-you']);
    await join_(laptop, remote);
    expect(spawnCli(['config', 'set', 'sync.auto', '30m'], laptop.env).code).toBe(0);
    expect(spawnCli(['config', 'get', 'sync.auto'], laptop.env).stdout).toBe('30m\n');
    const before = commits(remote.path);
    // Within the half hour: nothing starts.
    const soon = spawnCli(['add', 'Alan Kay', '--no-thank-you'], laptop.env);
    expect(soon.code).toBe(0);
    expect(await until(() => commits(remote.path) > before, 1500)).toBe(false);
    // An hour later (the last sync moved back): the next write starts one.
    const db = new Database(laptop.path);
    db.prepare(
      `UPDATE journal_meta SET value = '2020-01-01T00:00:00.000Z' WHERE key = 'sync.last'`,
    ).run();
    db.close();
    const later = spawnCli(['add', 'Ada Lovelace', '--no-thank-you'], laptop.env);
    expect(later.code).toBe(0);
    expect(later.stdout).toBe(
      soon.stdout.replace(/Alan Kay/g, 'Ada Lovelace').replace(/\b2\b/g, '3'),
    );
    expect(await until(() => commits(remote.path) > before, 20_000)).toBe(true);
    // The background sync sent both meetings; a write right after starts no second one.
    const sent = commits(remote.path);
    expect(spawnCli(['add', 'Hedy Lamarr', '--no-thank-you'], laptop.env).code).toBe(0);
    expect(await until(() => commits(remote.path) > sent, 1500)).toBe(false);
    const status = JSON.parse(spawnCli(['sync', 'status', '--json'], laptop.env).stdout) as {
      waiting: number;
    };
    expect(status.waiting).toBeGreaterThan(0);
    // A bad value is refused, naming how to turn it off.
    const bad = spawnCli(['config', 'set', 'sync.auto', 'often'], laptop.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'netjournal: "often" is not a time for sync.auto — give minutes or hours, e.g. 15m or 1h; turn it off with netjournal config unset sync.auto\n',
    );
  } finally {
    laptop.remove();
    remote.remove();
  }
}, 60_000);
