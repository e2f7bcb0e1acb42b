import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// Issue 16 points 1 and 3: a meeting (note, introduction) happened, so its
// date is today or earlier; a due or snooze date is today or later. Weekday
// names and relative forms resolve to the past for the first and ahead for
// the second, and every error's examples are valid for its field.

// 2026-11-21 is a Saturday.
let j: TempJournal;
beforeEach(() => {
  j = tempJournal('2026-11-21');
  const seeded = spawnCli(['add', 'Lena Berg', '--kind', 'call'], j.env);
  expect(seeded.code).toBe(0);
});
afterEach(() => j.remove());

function refused(args: string[], stderr: string): void {
  const before = readFileSync(j.path);
  const r = spawnCli(args, j.env);
  expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
    code: 2,
    stdout: '',
    stderr: `netjournal: ${stderr}\n`,
  });
  expect(readFileSync(j.path).equals(before)).toBe(true);
}

describe('a meeting date is today or earlier', () => {
  it.each([
    ['2030-01-01', '2030-01-01'],
    ['tomorrow', '2026-11-22'],
    ['next week', '2026-11-28'],
    ['in 3 days', '2026-11-24'],
  ])('add --date %s is exit 2, suggesting a follow-up to plan it', (input, date) => {
    refused(
      ['add', 'Lena Berg', '--date', input],
      `a meeting date can't be in the future (--date ${date}) — to plan one, use netjournal follow-up NAME 'coffee' --due ${date}`,
    );
  });

  it('meeting edit --date in the future is refused too', () => {
    refused(
      ['meeting', 'edit', '1', '--date', 'tomorrow'],
      `a meeting date can't be in the future (--date 2026-11-22) — to plan one, use netjournal follow-up NAME 'coffee' --due 2026-11-22`,
    );
  });

  it('notes and introductions happened too', () => {
    refused(
      ['note', 'Lena Berg', 'moving to Berlin', '--date', 'tomorrow'],
      `a note date can't be in the future (--date 2026-11-22) — give the date it happened, e.g. --date today, --date yesterday, --date 3d`,
    );
    refused(
      ['intro', 'Lena Berg', 'Sam Lee', '--date', '2027-01-01'],
      `an introduction date can't be in the future (--date 2027-01-01) — give the date it happened, e.g. --date today, --date yesterday, --date 3d`,
    );
  });

  it('a weekday, "3d" and "last week" are in the past; today is fine', () => {
    for (const [input, date] of [
      ['monday', '2026-11-16'],
      ['saturday', '2026-11-14'],
      ['3d', '2026-11-18'],
      ['last week', '2026-11-14'],
      ['today', '2026-11-21'],
    ]) {
      const r = spawnCli(
        ['add', 'Lena Berg', '--date', input as string, '--no-thank-you', '--json'],
        j.env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ meeting: { date } });
    }
  });

  it('an unknown meeting date gives examples that are all in the past', () => {
    refused(
      ['add', 'Lena Berg', '--date', 'soonish'],
      'unknown date "soonish" — try 2026-11-21, yesterday, monday, 3d or "2 weeks ago"',
    );
  });
});

describe('a due or snooze date is today or later', () => {
  it('snooze --until yesterday is exit 2 and the follow-up keeps its date', () => {
    const before = spawnCli(['follow-ups', '--json'], j.env).stdout;
    refused(
      ['snooze', '1', '--until', 'yesterday'],
      '--until 2026-11-20 is in the past: a due date is today or later — give one ahead, e.g. --until today, --until friday, --until 2w',
    );
    expect(spawnCli(['follow-ups', '--json'], j.env).stdout).toBe(before);
  });

  it('follow-up --due in the past is exit 2', () => {
    refused(
      ['follow-up', 'Lena Berg', 'send the deck', '--due', '2026-11-01'],
      '--due 2026-11-01 is in the past: a due date is today or later — give one ahead, e.g. --due today, --due friday, --due 2w',
    );
  });

  it('a weekday and "3d" are ahead for a due date', () => {
    for (const [input, due] of [
      ['monday', '2026-11-23'],
      ['saturday', '2026-11-28'],
      ['3d', '2026-11-24'],
      ['today', '2026-11-21'],
    ]) {
      const r = spawnCli(
        ['follow-up', 'Lena Berg', `due ${input}`, '--due', input as string, '--json'],
        j.env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ due });
    }
  });

  it('an unknown due date gives examples that are all ahead', () => {
    refused(
      ['follow-up', 'Lena Berg', 'x', '--due', 'whenever'],
      'unknown date "whenever" — try 2026-11-21, tomorrow, friday, 2w or "next week"',
    );
  });
});
