import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// Issue 16 point 8: today's birthday and reconnect items have handles (b12,
// r12: the contact's id) that done, drop and snooze accept, so that after
// calling Mom on her birthday `today --exit-status` can say all is done.

const NOW = '2026-11-21';
let j: TempJournal;
const on = (day: string, args: string[]) => spawnCli([...args, '--now', day], j.env);
const ok = (day: string, args: string[]) => {
  const r = on(day, args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
};
const items = (day = NOW) =>
  (
    JSON.parse(ok(day, ['today', '--json']).stdout) as {
      items: { section: string; id: number | string; due: string }[];
    }
  ).items.map((i) => `${i.section} ${i.id} ${i.due}`);

beforeEach(() => {
  j = tempJournal(NOW);
  ok('2026-09-01', ['contact', 'add', 'Mom', '--birthday', '1965-11-21']);
  ok('2026-09-01', ['contact', 'add', 'Old Friend', '--every', '30d']);
  ok('2026-09-01', ['contact', 'add', 'Sam Lee', '--birthday', '03-14']);
});
afterEach(() => j.remove());

function refused(args: string[], stderr: string): void {
  const before = readFileSync(j.path);
  const r = on(NOW, args);
  expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
    code: 2,
    stdout: '',
    stderr: `netjournal: ${stderr}\n`,
  });
  expect(readFileSync(j.path).equals(before)).toBe(true);
}

describe("today's birthday and reconnect items can be acted on", () => {
  it('done b1 and snooze r2: the day is clear, and they come back when they should', () => {
    expect(items()).toEqual(['birthday b1 2026-11-21', 'reconnect r2 2026-10-01']);
    expect(on(NOW, ['today', '--exit-status']).code).toBe(1);

    const done = ok(NOW, ['done', 'b1', '--json']);
    expect(JSON.parse(done.stdout)).toEqual([
      {
        id: 'b1',
        kind: 'birthday',
        contact: 'Mom',
        contactId: 1,
        status: 'done',
        next: '2027-11-21',
      },
    ]);
    expect(done.stderr).toBe('Birthday of Mom (b1) done for 2026.\n');
    const snoozed = ok(NOW, ['snooze', 'r2', '--until', '2026-12-01']);
    expect(snoozed.stderr).toBe(
      'Reconnect with Old Friend (r2) snoozed: next reminder on 2026-12-01.\n',
    );
    expect(items()).toEqual([]);
    expect(on(NOW, ['today', '--exit-status']).code).toBe(0);

    expect(items('2026-11-30')).toEqual([]);
    expect(items('2026-12-01')).toEqual(['reconnect r2 2026-12-01']);
    expect(items('2027-11-21')).toEqual(['birthday b1 2027-11-21', 'reconnect r2 2026-12-01']);
  });

  it('drop r2 counts the cadence again from today; undo brings the item back', () => {
    expect(ok(NOW, ['drop', 'r2']).stderr).toBe(
      'Reconnect with Old Friend (r2) dropped: next reminder on 2026-12-21.\n',
    );
    expect(items()).toEqual(['birthday b1 2026-11-21']);
    expect(items('2026-12-21')).toEqual(['reconnect r2 2026-12-21']);
    ok(NOW, ['undo']);
    expect(items()).toEqual(['birthday b1 2026-11-21', 'reconnect r2 2026-10-01']);
  });

  it('a meeting with the person clears both', () => {
    ok(NOW, ['add', 'Mom', '--kind', 'call', '--no-thank-you']);
    ok(NOW, ['add', 'Old Friend', '--kind', 'call', '--no-thank-you']);
    expect(items()).toEqual([]);
  });

  it('refuses what cannot be done, writing nothing', () => {
    refused(
      ['snooze', 'b1', '--until', 'monday'],
      'b1 is a birthday: it is for its day only — done or drop it: netjournal done b1',
    );
    refused(
      ['done', 'b3'],
      "b3: Sam Lee's birthday is not today (03-14) — see today's items with 'netjournal today'",
    );
    refused(
      ['done', 'r3'],
      "r3: Sam Lee is not due to reconnect today — see today's items with 'netjournal today'",
    );
    refused(
      ['done', '1', 'b1'],
      "follow-ups and today's birthday or reconnect items go in separate commands — e.g. netjournal done 1",
    );
    ok(NOW, ['done', 'b1']);
    refused(['done', 'b1'], "b1: Mom's birthday is already done for 2026 — nothing to change");
    const missing = on(NOW, ['drop', 'b99']);
    expect([missing.code, missing.stderr]).toEqual([
      3,
      "netjournal: no contact #99 — see today's items with 'netjournal today'\n",
    ]);
  });
});
