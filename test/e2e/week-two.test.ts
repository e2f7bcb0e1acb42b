import type { RunResult } from '../helpers/run-cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { weekOne, weekTwo } from '../helpers/realistic-week.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// Issue 16's acceptance: the realistic week (week.test.ts) grows a second
// week of corrections, a reopened promise, a birthday, an outreach that is
// answered and a name typed one letter off, checked as exact JSON.
let j: TempJournal;
let said: Record<string, RunResult>;
const on = (day: string, args: string[]) => {
  const result = spawnCli([...args, '--now', day], j.env);
  if (result.code !== 0) throw new Error(`${args.join(' ')} → ${result.code}: ${result.stderr}`);
  return result;
};
const json = (day: string, args: string[]): unknown =>
  JSON.parse(on(day, [...args, '--json']).stdout);

beforeAll(() => {
  j = tempJournal();
  weekOne(on);
  said = weekTwo(on);
});
afterAll(() => j.remove());

const NOW = '2026-11-26';

const followUp = (
  id: number,
  kind: string,
  contact: [string, number],
  text: string,
  due: string,
  closed: [string, string] | null,
  meetingId: number | null,
  introductionId: number | null = null,
) => ({
  id,
  kind,
  contact: contact[0],
  contactId: contact[1],
  text,
  due,
  status: closed ? closed[0] : 'open',
  closed: closed ? closed[1] : null,
  meetingId,
  introductionId,
});

describe('the second week', () => {
  it('warned of a name one letter off, and the meeting edit put the right Omar in it', () => {
    expect(said.typo?.stderr).toBe(
      [
        "New contact: Omar Hadad (#11) — did you mean Omar Haddad ('#7')? If so, merge them: netjournal contact merge '#7' '#11'",
        'Logged coffee with Omar Hadad on 2026-11-23 (meeting 7).',
        'Follow-ups:',
        '  12  thank-you   due tomorrow  Thank Omar Hadad for the coffee',
        '',
      ].join('\n'),
    );
    expect(said.fixPeople?.stderr).toBe(
      'Updated meeting 7: people Omar Hadad → Omar Haddad; ' +
        'removed thank-you for Omar Hadad (no longer in the meeting); ' +
        'added thank-you for Omar Haddad (follow-up 13, due 2026-11-24).\n',
    );
    expect(said.fixDate?.stderr).toBe(
      'Updated meeting 3: date 2026-11-19 → 2026-11-18; thank-you for Priya Raman moved to 2026-11-19.\n',
    );
    expect(said.reply?.stderr).toBe(
      [
        '"Lena" is Lena Berg (#6).',
        'Logged call with Lena Berg on 2026-11-25 (meeting 9).',
        'They replied: follow-up 14 (Nudge Lena Berg if there is no reply) done.',
        'Follow-ups:',
        '  15  thank-you   due tomorrow  Thank Lena Berg for the call',
        '',
      ].join('\n'),
    );
  });

  it("showed Coach Dana's birthday on the day, and done b2 cleared it", () => {
    const items = (JSON.parse(said.birthday?.stdout ?? '') as { items: { id: unknown }[] }).items;
    expect(items.find((i) => i.id === 'b2')).toEqual({
      section: 'birthday',
      id: 'b2',
      kind: 'birthday',
      contact: 'Coach Dana',
      contactId: 2,
      text: 'turns 68',
      due: '2026-11-25',
      days: 0,
    });
    expect(json('2026-11-25', ['today'])).toEqual({
      date: '2026-11-25',
      items: [
        {
          section: 'thank_you',
          id: 13,
          kind: 'thank_you',
          contact: 'Omar Haddad',
          contactId: 7,
          text: 'Thank Omar Haddad for the coffee',
          due: '2026-11-24',
          days: -1,
        },
        {
          section: 'upcoming',
          id: 15,
          kind: 'thank_you',
          contact: 'Lena Berg',
          contactId: 6,
          text: 'Thank Lena Berg for the call',
          due: '2026-11-26',
          days: 1,
        },
        {
          section: 'upcoming',
          id: 9,
          kind: 'waiting',
          contact: 'Priya Raman',
          contactId: 5,
          text: 'a referral for the Berlin role',
          due: '2026-11-26',
          days: 1,
        },
        {
          section: 'upcoming',
          id: 6,
          kind: 'action',
          contact: 'Ralph Smith',
          contactId: 4,
          text: 'send portfolio',
          due: '2026-11-27',
          days: 2,
        },
      ],
    });
  });

  it('logged the week, with the corrected date and people', () => {
    expect(json(NOW, ['log', '--since', '2026-11-18'])).toEqual([
      {
        id: 9,
        date: '2026-11-25',
        kind: 'call',
        contacts: ['Lena Berg'],
        contactIds: [6],
        notes: 'she will pass my portfolio on',
        outreach: false,
      },
      {
        id: 8,
        date: '2026-11-23',
        kind: 'message',
        contacts: ['Lena Berg'],
        contactIds: [6],
        notes: 'sent my portfolio',
        outreach: true,
      },
      {
        id: 7,
        date: '2026-11-23',
        kind: 'coffee',
        contacts: ['Omar Haddad'],
        contactIds: [7],
        notes: 'talked about Lisbon and the Northwind team',
        outreach: false,
      },
      {
        id: 5,
        date: '2026-11-20',
        kind: 'email',
        contacts: ['Lena Berg'],
        contactIds: [6],
        notes: 'asked about the Northwind role',
        outreach: false,
      },
      {
        id: 4,
        date: '2026-11-19',
        kind: 'event',
        contacts: ['Omar Haddad', 'Sam Lee'],
        contactIds: [7, 8],
        notes: 'design meetup at Factory Berlin',
        outreach: false,
      },
      {
        id: 3,
        date: '2026-11-18',
        kind: 'call',
        contacts: ['Priya Raman'],
        contactIds: [5],
        notes: null,
        outreach: true,
      },
      {
        id: 2,
        date: '2026-11-18',
        kind: 'coffee',
        contacts: ['Ralph Smith'],
        contactIds: [4],
        notes: null,
        outreach: false,
      },
    ]);
  });

  it('kept every follow-up: moved, replaced, rewritten, reopened, answered, done', () => {
    const joe: [string, number] = ['Joe Park', 3];
    const ralph: [string, number] = ['Ralph Smith', 4];
    const priya: [string, number] = ['Priya Raman', 5];
    const lena: [string, number] = ['Lena Berg', 6];
    expect(json(NOW, ['follow-ups', '--all'])).toEqual([
      followUp(
        1,
        'thank_you',
        joe,
        'Thank Joe Park for lunch',
        '2026-11-17',
        ['done', '2026-11-17'],
        1,
      ),
      followUp(
        2,
        'report_back',
        ['Mom', 1],
        'Tell Mom how it went with Joe Park',
        '2026-11-18',
        ['done', '2026-11-18'],
        1,
        1,
      ),
      // Moved with the call's date (it was on Wednesday), then done.
      followUp(
        7,
        'thank_you',
        priya,
        'Thank Priya Raman for the call',
        '2026-11-19',
        ['done', '2026-11-26'],
        3,
      ),
      followUp(
        4,
        'thank_you',
        ralph,
        'Thank Ralph Smith for the coffee',
        '2026-11-19',
        ['done', '2026-11-22'],
        2,
      ),
      followUp(
        5,
        'report_back',
        joe,
        'Tell Joe Park how it went with Ralph Smith',
        '2026-11-20',
        ['done', '2026-11-22'],
        2,
        2,
      ),
      followUp(
        8,
        'report_back',
        ralph,
        'Tell Ralph Smith how it went with Priya Raman',
        '2026-11-21',
        ['dropped', '2026-11-21'],
        3,
        3,
      ),
      followUp(
        3,
        'waiting',
        joe,
        'intro to Ralph at Acme',
        '2026-11-23',
        ['done', '2026-11-17'],
        1,
      ),
      // Omar Hadad's thank-you (12) went with him out of the meeting; this one replaced it.
      followUp(
        13,
        'thank_you',
        ['Omar Haddad', 7],
        'Thank Omar Haddad for the coffee',
        '2026-11-24',
        null,
        7,
      ),
      // The outreach's nudge, closed by Lena's call.
      followUp(
        14,
        'waiting',
        lena,
        'Nudge Lena Berg if there is no reply',
        '2026-11-26',
        ['done', '2026-11-25'],
        8,
      ),
      followUp(15, 'thank_you', lena, 'Thank Lena Berg for the call', '2026-11-26', null, 9),
      followUp(9, 'waiting', priya, 'a referral for the Berlin role', '2026-11-26', null, 3),
      followUp(
        10,
        'action',
        ['Sam Lee', 8],
        'share the meetup photos and the slides',
        '2026-11-26',
        ['done', '2026-11-26'],
        null,
      ),
      // Reopened with a new due date.
      followUp(6, 'action', ralph, 'send portfolio', '2026-11-27', null, 2),
    ]);
  });

  it('left the journal consistent: no Omar Hadad, and doctor finds it healthy', () => {
    const names = (json(NOW, ['contacts']) as { name: string }[]).map((c) => c.name);
    expect(names).toEqual([
      'Coach Dana',
      'Joe Park',
      'Lena Berg',
      'Mom',
      'Omar Haddad',
      'Priya Raman',
      'Ralph Smith',
      'Sam Lee',
    ]);
    expect(on(NOW, ['doctor']).stderr).toBe('Journal is healthy.\n');
  });
});
