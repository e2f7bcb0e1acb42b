import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { weekOne } from '../helpers/realistic-week.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// A realistic week of networking, replayed through the built CLI day by day
// (a fixed --now each day), then checked record by record.
let j: TempJournal;
const on = (day: string, args: string[]) => {
  const result = spawnCli([...args, '--now', day], j.env);
  if (result.code !== 0) throw new Error(`${args.join(' ')} → ${result.code}: ${result.stderr}`);
  return result;
};
const json = <T>(day: string, args: string[]): T =>
  JSON.parse(on(day, [...args, '--json']).stdout) as T;

beforeAll(() => {
  j = tempJournal();
  weekOne(on);
});
afterAll(() => j.remove());

const NOW = '2026-11-21';

describe('a week of networking', () => {
  it('logged every meeting, newest first', () => {
    expect(json(NOW, ['log'])).toEqual([
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
        date: '2026-11-19',
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
      {
        id: 1,
        date: '2026-11-16',
        kind: 'lunch',
        contacts: ['Joe Park'],
        contactIds: [3],
        notes: null,
        outreach: false,
      },
    ]);
  });

  it('kept every follow-up with its status and dates', () => {
    const all = json<Record<string, unknown>[]>(NOW, ['follow-ups', '--all']).map(
      (f) =>
        `${f.id} ${f.kind} ${f.contact} due ${f.due} ${f.status}${f.closed ? ` ${f.closed}` : ''}: ${f.text}`,
    );
    expect(all).toEqual([
      '1 thank_you Joe Park due 2026-11-17 done 2026-11-17: Thank Joe Park for lunch',
      '2 report_back Mom due 2026-11-18 done 2026-11-18: Tell Mom how it went with Joe Park',
      '4 thank_you Ralph Smith due 2026-11-19 open: Thank Ralph Smith for the coffee',
      '5 report_back Joe Park due 2026-11-20 open: Tell Joe Park how it went with Ralph Smith',
      '7 thank_you Priya Raman due 2026-11-20 open: Thank Priya Raman for the call',
      '6 action Ralph Smith due 2026-11-20 done 2026-11-20: send portfolio',
      '8 report_back Ralph Smith due 2026-11-21 dropped 2026-11-21: Tell Ralph Smith how it went with Priya Raman',
      '3 waiting Joe Park due 2026-11-23 done 2026-11-17: intro to Ralph at Acme',
      '10 action Sam Lee due 2026-11-23 open: share the meetup photos',
      '9 waiting Priya Raman due 2026-11-26 open: a referral for the Berlin role',
    ]);
  });

  it('shows Ralph with the chain of introductions that led to him', () => {
    const ralph = json<Record<string, unknown>>(NOW, ['contact', 'show', 'ralph']);
    expect(ralph).toMatchObject({
      id: 4,
      name: 'Ralph Smith',
      aliases: [],
      company: 'Acme, Inc.',
      role: 'Head of Design',
      email: 'ralph@acme.example',
      circle: 'second',
      lastMet: '2026-11-18',
      chain: ['Mom', 'Joe Park', 'Ralph Smith'],
    });
    expect(ralph.notes).toEqual([
      {
        id: 2,
        contact: 'Ralph Smith',
        contactId: 4,
        date: '2026-11-18',
        text: 'runs marathons',
        meetingId: 2,
      },
    ]);
    expect(ralph.gifts).toEqual([
      {
        id: 1,
        contact: 'Ralph Smith',
        contactId: 4,
        date: '2026-11-18',
        text: 'the design-systems article',
        meetingId: 2,
      },
    ]);
    expect(
      (ralph.introductions as { person: string; introducer: string }[]).map(
        (i) => `${i.introducer} → ${i.person}`,
      ),
    ).toEqual(['Ralph Smith → Priya Raman', 'Joe Park → Ralph Smith']);
  });

  it('lists contacts with their filters, in JSON and TSV', () => {
    const names = (args: string[]) =>
      json<{ name: string }[]>(NOW, ['contacts', ...args]).map((c) => c.name);
    expect(names([])).toEqual([
      'Coach Dana',
      'Joe Park',
      'Lena Berg',
      'Mom',
      'Omar Haddad',
      'Priya Raman',
      'Ralph Smith',
      'Sam Lee',
    ]);
    expect(names(['--circle', 'inner'])).toEqual(['Coach Dana', 'Mom']);
    expect(names(['--tag', 'design'])).toEqual(['Lena Berg', 'Sam Lee']);
    expect(names(['--company', 'acme'])).toEqual(['Ralph Smith']);
    // Mom: every 2 weeks since she was added on the 16th → not yet; Coach Dana neither.
    expect(names(['--stale'])).toEqual([]);
    expect(json<unknown[]>('2026-11-30', ['contacts', '--stale']).length).toBe(1);
    const tsv = on(NOW, ['contacts', '--tag', 'design']).stdout.split('\n');
    expect(tsv[2]).toBe(
      '8\tSam Lee\t\t\t\t\t+1 555 0100\t\t\t\t\t\tdesign\t\tfalse\t2026-11-19\t2026-11-19',
    );
  });

  it('marked the introduction reported back when the report-back was done', () => {
    const joe = json<{ introductions: { person: string; reportedBack: boolean }[] }>(NOW, [
      'contact',
      'show',
      'Joe Park',
    ]);
    expect(joe.introductions.map((i) => [i.person, i.reportedBack])).toEqual([
      ['Ralph Smith', false],
      ['Joe Park', true],
    ]);
  });
});
