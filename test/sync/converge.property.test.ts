import Database from 'better-sqlite3';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { logDisagreements } from '../../src/storage/log-check.js';
import type { Db } from '../../src/storage/journal.js';
import { bareRemote, canonicalExport, device, join_, synced, type Device } from './devices.js';

// Two or three devices write at random (meetings with new people, company
// edits, follow-ups done, tags, contacts removed, undo) and sync in random
// order; once every device has seen every batch, all hold the same records
// (exports equal once the short local ids are set aside) and each one's
// tables match its change log.

type Op = {
  kind: 'meet' | 'company' | 'done' | 'tag' | 'untag' | 'rm' | 'undo' | 'sync';
  pick: number;
};

const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom(
    'meet',
    'company',
    'company',
    'done',
    'tag',
    'untag',
    'rm',
    'undo',
    'sync',
    'sync',
  ),
  pick: fc.nat(),
});

/** Short ids from the journal file itself (cheaper than a command on a busy machine). */
function ids(d: Device, sql: string): number[] {
  const db = new Database(d.path, { readonly: true });
  try {
    return (db.prepare(sql).all() as { id: number }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

/** The change-log check doctor runs, and how many changes the log holds. */
function logCheck(d: Device): string {
  const db = new Database(d.path, { readonly: true });
  try {
    const problems = logDisagreements(db as unknown as Db).map((p) => p.problem);
    const { n } = db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number };
    return `${n} changes; ${problems.join('; ') || 'no problems'}`;
  } finally {
    db.close();
  }
}

let people = 0;

async function apply(d: Device, o: Op): Promise<void> {
  const pickOf = (list: number[]) => list[o.pick % list.length];
  if (o.kind === 'sync') {
    await synced(d);
  } else if (o.kind === 'meet') {
    people++;
    await d.ok(['add', `Person ${people}`, '--follow-up', `ask ${people}`, '--no-thank-you']);
  } else if (o.kind === 'done') {
    const id = pickOf(ids(d, `SELECT id FROM follow_ups WHERE status = 'open' ORDER BY id`));
    if (id !== undefined) await d.ok(['done', String(id)]);
  } else if (o.kind === 'undo') {
    const result = await d.run(['undo']);
    // Nothing left to undo on this device (exit 2) is fine.
    expect([0, 2]).toContain(result.code);
  } else {
    const id = pickOf(ids(d, 'SELECT id FROM contacts WHERE is_me = 0 ORDER BY id'));
    if (id === undefined) return;
    const who = `#${id}`;
    if (o.kind === 'company') await d.ok(['contact', 'edit', who, '--company', `Co ${o.pick % 3}`]);
    else if (o.kind === 'tag') await d.ok(['contact', 'edit', who, '--add-tag', 'friend']);
    else if (o.kind === 'untag') await d.ok(['contact', 'edit', who, '--remove-tag', 'friend']);
    else await d.ok(['contact', 'rm', who, '--yes']);
  }
}

it('devices that have seen the same changes hold the same records', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 3 }),
      fc.array(fc.tuple(fc.nat({ max: 2 }), op), { minLength: 2, maxLength: 5 }),
      async (count, ops) => {
        const remote = bareRemote();
        const devices = ['a', 'b', 'c'].slice(0, count).map(device);
        try {
          const first = devices[0] as Device;
          await first.ok(['add', 'Grace Hopper', '--follow-up', 'send the paper']);
          for (const d of devices) await join_(d, remote);
          for (const [which, o] of ops) await apply(devices[which % count] as Device, o);
          // Sync round after round until a whole round moves nothing.
          for (let round = 0; round < 5; round++) {
            const moved: string[] = [];
            for (const d of devices) moved.push(await synced(d));
            if (moved.every((m) => m === '0 changes in, 0 out\n')) break;
          }
          const exports = await Promise.all(devices.map(canonicalExport));
          for (const e of exports.slice(1)) expect(e).toEqual(exports[0]);
          const checks = devices.map(logCheck);
          for (const c of checks) expect(c).toBe(checks[0]);
          expect(checks[0]).toMatch(/; no problems$/);
        } finally {
          for (const d of devices) d.remove();
          remote.remove();
        }
      },
    ),
    { numRuns: 12 },
  );
}, 300_000);
