import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bareRemote, canonicalExport, changeLogCheck, device, join_, synced } from './devices.js';

// A new device joins from the newest snapshot (the other devices' change
// log, compacted) and then only the batches after it: it ends with the same
// records and a change log that folds to them, and later changes reach it
// as usual.

it('a third device joins from a snapshot, then takes the batches after it', async () => {
  const remote = bareRemote();
  const laptop = device('laptop');
  const desktop = device('desktop');
  const phone = device('phone');
  try {
    await laptop.ok(['add', 'Grace Hopper', '--company', 'Navy', '--no-thank-you']);
    await join_(laptop, remote);
    await join_(desktop, remote);
    // Five renames of one company: the snapshot keeps the last.
    for (const company of ['A', 'B', 'C', 'D', 'E']) {
      await desktop.ok(['contact', 'edit', 'Grace Hopper', '--company', company]);
      await synced(desktop);
    }
    await synced(laptop);
    const written = await laptop.run(['sync', 'snapshot']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toBe(
      '0 changes in, 0 out\nWrote a snapshot: new devices start from it.\n',
    );
    const files = execFileSync('git', ['-C', remote.path, 'ls-tree', '-r', '--name-only', 'main'], {
      encoding: 'utf8',
    });
    expect(files).toMatch(/^snapshots\/[0-9a-f-]+\/000001\.covers\.json$/m);
    expect(files).toMatch(/^snapshots\/[0-9a-f-]+\/000001\.jsonl$/m);
    // A batch after the snapshot.
    await desktop.ok(['add', 'Alan Kay', '--no-thank-you']);
    await synced(desktop);

    const joined = await join_(phone, remote);
    expect(joined.stderr).toMatch(
      /^Sync set up: this device is phone, the remote .*\.\n\d+ changes? in from desktop, \d+ from laptop's snapshot, 0 out\n$/,
    );
    const fromSnapshot = Number(/(\d+) from laptop's snapshot/.exec(joined.stderr)?.[1]);
    const fromDesktop = Number(/(\d+) changes? in from desktop/.exec(joined.stderr)?.[1]);
    // Fewer changes than the history: the five renames came as one.
    const history = Number(/ (\d+) changes\b/.exec(await changeLogCheck(laptop))?.[1]);
    expect(fromSnapshot + fromDesktop).toBeLessThan(history);
    expect(fromSnapshot).toBeGreaterThan(0);
    expect(fromDesktop).toBeGreaterThan(0);
    await synced(laptop);
    expect(await canonicalExport(phone)).toEqual(await canonicalExport(laptop));
    expect(await canonicalExport(phone)).toEqual(await canonicalExport(desktop));
    expect(await changeLogCheck(phone)).toMatch(/^ok /);
    const grace = JSON.parse(await phone.ok(['contact', 'show', 'Grace Hopper', '--json'])) as {
      company: string;
    };
    expect(grace.company).toBe('E');
    // Later changes reach the phone as usual, and its own reach the others.
    await laptop.ok(['contact', 'edit', 'Grace Hopper', '--role', 'Admiral']);
    await synced(laptop);
    expect(await synced(phone)).toBe('1 change in from laptop, 0 out\n');
    await phone.ok(['add', 'Ada Lovelace', '--no-thank-you']);
    await synced(phone);
    await synced(desktop);
    await synced(laptop);
    expect(await canonicalExport(desktop)).toEqual(await canonicalExport(phone));
    expect(await canonicalExport(laptop)).toEqual(await canonicalExport(phone));
  } finally {
    laptop.remove();
    desktop.remove();
    phone.remove();
    remote.remove();
  }
}, 180_000);

/**
 * Another device's batches, as sync writes them in a readable repository
 * (`changes/<device>/<seq>.jsonl`: a header line, then one change a line),
 * pushed to the remote: here each sets the inner circle's cadence.
 */
function pushBatches(remotePath: string, count: number): void {
  const work = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: work });
  try {
    git('clone', '-q', '-b', 'main', remotePath, '.');
    const device = '01936f00-0000-7000-8000-00000000beef';
    mkdirSync(join(work, 'changes', device), { recursive: true });
    for (let seq = 1; seq <= count; seq++) {
      const header = { netjournal: 'sync-batch', format: 2, device, name: 'tablet', seq, seen: {} };
      const change = {
        hlc: `2026-11-29T10:00:00.000Z/${seq.toString(36).padStart(4, '0')}`,
        record: 'setting',
        uid: 'setting:cadence.inner',
        op: seq === 1 ? 'insert' : 'update',
        fields: seq === 1 ? { key: 'cadence.inner', value: String(seq) } : { value: String(seq) },
        prior: seq === 1 ? null : { value: String(seq - 1) },
      };
      writeFileSync(
        join(work, 'changes', device, `${String(seq).padStart(6, '0')}.jsonl`),
        `${JSON.stringify(header)}\n${JSON.stringify(change)}\n`,
      );
    }
    git('add', '.');
    git('commit', '-q', '-m', `tablet: ${count} batches`);
    git('push', '-q', 'origin', 'HEAD:main');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

it('sync writes a snapshot by itself once 100 batches are not in one, and a new device starts from it', async () => {
  const remote = bareRemote();
  const laptop = device('laptop');
  const phone = device('phone');
  try {
    await laptop.ok(['add', 'Grace Hopper', '--no-thank-you']);
    await join_(laptop, remote);
    pushBatches(remote.path, 98);
    // 98 of the tablet's and the laptop's one: not yet.
    expect(await synced(laptop)).toBe('98 changes in from tablet, 0 out\n');
    await laptop.ok(['add', 'Alan Kay', '--no-thank-you']);
    // The laptop's second batch makes 100.
    expect(await synced(laptop)).toBe(
      '0 changes in, 3 out\nWrote a snapshot: new devices start from it.\n',
    );
    const files = execFileSync('git', ['-C', remote.path, 'ls-tree', '-r', '--name-only', 'main'], {
      encoding: 'utf8',
    });
    expect(files).toMatch(/^snapshots\/[0-9a-f-]+\/000002\.jsonl$/m);
    // Once written, the next syncs do not write another.
    await laptop.ok(['add', 'Ada Lovelace', '--no-thank-you']);
    expect(await synced(laptop)).toBe('0 changes in, 3 out\n');
    const joined = await join_(phone, remote);
    expect(joined.stderr).toMatch(
      /\d+ changes? in from laptop, \d+ from laptop's snapshot, 0 out\n$/,
    );
    expect(await canonicalExport(phone)).toEqual(await canonicalExport(laptop));
    expect(await phone.ok(['config', 'get', 'cadence.inner'])).toBe('98d\n');
  } finally {
    laptop.remove();
    phone.remove();
    remote.remove();
  }
}, 180_000);
