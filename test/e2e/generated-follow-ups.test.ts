import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// Issue 16 points 4 and 9: the follow-up texts netjournal writes follow the
// names and meetings they are about; an outreach makes a nudge that the
// reply (the next meeting with the person) closes.

let j: TempJournal;
const on = (day: string, args: string[]) => spawnCli([...args, '--now', day], j.env);
const ok = (day: string, args: string[]) => {
  const r = on(day, args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
};
const followUps = (day = '2026-11-21') =>
  (
    JSON.parse(ok(day, ['follow-ups', '--all', '--json']).stdout) as {
      id: number;
      kind: string;
      text: string;
      due: string;
      status: string;
    }[]
  ).map((f) => `${f.id} ${f.kind} ${f.status} ${f.due}: ${f.text}`);

beforeEach(() => {
  j = tempJournal('2026-11-21');
});
afterEach(() => j.remove());

describe('an outreach nudge', () => {
  it('is due in 7 days (or --nudge), and the next meeting with them closes it', () => {
    ok('2026-11-10', ['add', 'Priya Raman', '--kind', 'email', '--outreach']);
    ok('2026-11-10', ['add', 'Omar Haddad', '--kind', 'message', '--outreach', '--nudge', '3d']);
    ok('2026-11-10', ['add', 'Sam Lee', '--kind', 'email', '--outreach', '--no-nudge']);
    expect(followUps()).toEqual([
      '2 waiting open 2026-11-13: Nudge Omar Haddad if there is no reply',
      '1 waiting open 2026-11-17: Nudge Priya Raman if there is no reply',
    ]);
    const reply = ok('2026-11-18', ['add', 'Priya', '--kind', 'call', '--no-thank-you']);
    expect(reply.stderr).toBe(
      [
        '"Priya" is Priya Raman (#1).',
        'Logged call with Priya Raman on 2026-11-18 (meeting 4).',
        'They replied: follow-up 1 (Nudge Priya Raman if there is no reply) done.',
        '',
      ].join('\n'),
    );
    expect(followUps()).toEqual([
      '2 waiting open 2026-11-13: Nudge Omar Haddad if there is no reply',
      '1 waiting done 2026-11-17: Nudge Priya Raman if there is no reply',
    ]);
    // A nudge is not an offer they made; the reply counts as a response.
    const stats = JSON.parse(ok('2026-11-21', ['stats', '--since', '2026-11-01', '--json']).stdout);
    expect(stats.giveAsk.offersReceived).toBe(0);
    expect(stats.outreach).toEqual({ meetings: 3, followedUp: 1, responseRate: 0.33 });
  });

  it('--nudge without --outreach is exit 2 and writes nothing', () => {
    ok('2026-11-10', ['contact', 'add', 'Priya Raman']);
    const before = readFileSync(j.path);
    const r = on('2026-11-10', ['add', 'Priya Raman', '--nudge', 'friday']);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      'netjournal: --nudge needs --outreach — e.g. --outreach --nudge friday (a reminder to follow up if they do not reply)\n',
    ]);
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });
});

describe('the texts netjournal wrote', () => {
  it('follow renames, merges and the meeting kind; the user own texts stay; undo restores', () => {
    ok('2026-11-20', [
      'add',
      'Chirs Wong',
      '--via',
      'Joe Park',
      '--follow-up',
      'send Chirs Wong the deck',
    ]);
    ok('2026-11-20', ['add', 'Chris Wong', '--kind', 'call']);
    ok('2026-11-20', ['contact', 'merge', 'Chris Wong', 'Chirs Wong']);
    expect(followUps()).toEqual([
      '1 thank_you open 2026-11-21: Thank Chris Wong for the coffee',
      '4 thank_you open 2026-11-21: Thank Chris Wong for the call',
      '2 report_back open 2026-11-22: Tell Joe Park how it went with Chris Wong',
      '3 action open 2026-11-27: send Chirs Wong the deck',
    ]);
    ok('2026-11-20', ['contact', 'edit', 'Joe Park', '--name', 'Joseph Park']);
    ok('2026-11-20', ['meeting', 'edit', '1', '--kind', 'lunch']);
    expect(followUps()).toEqual([
      '1 thank_you open 2026-11-21: Thank Chris Wong for lunch',
      '4 thank_you open 2026-11-21: Thank Chris Wong for the call',
      '2 report_back open 2026-11-22: Tell Joseph Park how it went with Chris Wong',
      '3 action open 2026-11-27: send Chirs Wong the deck',
    ]);
    ok('2026-11-20', ['undo']);
    ok('2026-11-20', ['undo']);
    ok('2026-11-20', ['undo']);
    expect(followUps()).toEqual([
      '1 thank_you open 2026-11-21: Thank Chirs Wong for the coffee',
      '4 thank_you open 2026-11-21: Thank Chris Wong for the call',
      '2 report_back open 2026-11-22: Tell Joe Park how it went with Chirs Wong',
      '3 action open 2026-11-27: send Chirs Wong the deck',
    ]);
    expect(ok('2026-11-20', ['doctor']).stderr).toBe('Journal is healthy.\n');
  });
});
