import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { BIN } from '../helpers/spawn-cli.js';
import {
  bareRemote,
  canonicalExport,
  changeLogCheck,
  device,
  join_,
  synced,
  type Device,
} from './devices.js';

// kill -9 at points spread over a whole `sync` (batch written, committed,
// fetched, rebased, applied, pushed): the journal is before or after what
// the sync applies, never half, and the next sync finishes the job without
// applying anything twice.

const TRIALS = 20;

/** Start the built CLI's `sync` on a device; kill -9 it after ms; resolve when it is gone. */
function killedSync(d: Device, ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'sync'], {
      env: { PATH: process.env.PATH, ...d.env },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

it(`survives kill -9 at ${TRIALS} points of a sync`, async () => {
  const remote = bareRemote();
  const laptop = device('laptop');
  const desktop = device('desktop');
  try {
    await laptop.ok(['add', 'Grace Hopper', '--no-thank-you']);
    await join_(laptop, remote);
    await join_(desktop, remote);
    // How long a whole sync takes here, with something to send and to receive.
    await laptop.ok(['add', 'Warm Up', '--no-thank-you']);
    await synced(laptop);
    await desktop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'Warm']);
    const started = Date.now();
    expect(await killedSync(desktop, 60_000)).toBe(0);
    const whole = Date.now() - started;
    for (let trial = 0; trial < TRIALS; trial++) {
      await laptop.ok(['add', `Person ${trial}`, '--no-thank-you']);
      await synced(laptop);
      await desktop.ok(['contact', 'edit', 'Grace Hopper', '--company', `Co ${trial}`]);
      await killedSync(desktop, Math.round((whole * (trial + 1)) / (TRIALS + 1)));
      // Before or after, never half: the tables match the change log.
      expect(await changeLogCheck(desktop)).toMatch(/^ok /);
    }
    await synced(desktop);
    await synced(laptop);
    await synced(desktop);
    expect(await canonicalExport(desktop)).toEqual(await canonicalExport(laptop));
    expect(await changeLogCheck(desktop)).toBe(await changeLogCheck(laptop));
    const names = (JSON.parse(await desktop.ok(['contacts', '--json'])) as { name: string }[]).map(
      (c) => c.name,
    );
    expect(names.filter((n) => n.startsWith('Person ')).length).toBe(TRIALS);
    expect(JSON.parse(await laptop.ok(['contacts', '--json']))).toContainEqual(
      expect.objectContaining({ name: 'Grace Hopper', company: `Co ${TRIALS - 1}` }),
    );
  } finally {
    laptop.remove();
    desktop.remove();
    remote.remove();
  }
}, 300_000);
