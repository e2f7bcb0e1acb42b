import { execFileSync } from 'node:child_process';
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
