import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';

// A journal of 12 contacts with something in every section of the morning
// report on Saturday 2026-11-21, built through the CLI on the days it happened.
let j: TempJournal;
const on = (day: string, args: string[]) => {
  const r = spawnCli([...args, '--now', day], j.env);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return r;
};
const NOW = '2026-11-21';
const PAGE = fileURLToPath(new URL('../fixtures/today-page.txt', import.meta.url));

beforeAll(() => {
  j = tempJournal();
  on('2026-06-01', ['contact', 'add', 'Mom', '--circle', 'inner', '--birthday', '1965-11-21']);
  on('2026-06-01', ['contact', 'add', 'Coach Dana', '--circle', 'inner']);
  on('2026-06-01', ['contact', 'add', 'Aunt May', '--birthday', '11-21']);
  on('2026-06-01', ['contact', 'add', 'Old Friend', '--every', '60d']);
  on('2026-06-01', ['contact', 'add', 'Archived Al', '--every', '7d', '--birthday', '11-21']);
  on('2026-06-01', ['contact', 'edit', 'Archived Al', '--archive']);
  on('2026-09-01', ['add', 'Old Friend', '--kind', 'call', '--no-thank-you']);
  on('2026-11-01', ['add', 'Coach Dana', '--kind', 'video', '--no-thank-you']);
  // Inner-circle default: every 30 days. Mom was never met (added 2026-06-01), Dana met on 11-01.
  on('2026-11-01', ['config', 'set', 'cadence.inner', '30d']);
  on('2026-11-10', [
    'add',
    'Joe Park',
    '--kind',
    'lunch',
    '--no-thank-you',
    '--follow-up',
    'send Joe the deck',
    '--due',
    '2026-11-19',
  ]);
  on('2026-11-17', ['intro', 'Joe Park', 'Ralph Smith', '--date', '2026-11-16']);
  on('2026-11-19', ['add', 'Ralph Smith', '--offered', 'intro to Sam at Globex']);
  on('2026-11-19', ['snooze', '4', '--until', '2026-11-20']);
  on('2026-11-20', [
    'add',
    'Lena Berg',
    '--kind',
    'coffee',
    '--follow-up',
    'book a call with Lena',
    '--due',
    'tomorrow',
  ]);
  on('2026-11-20', [
    'add',
    'Priya Raman',
    '--kind',
    'email',
    '--follow-up',
    'share the meetup photos',
    '--due',
    '2026-11-24',
  ]);
  on('2026-11-20', ['contact', 'add', 'Omar Haddad']);
  on('2026-11-20', ['follow-up', 'Omar Haddad', 'ask about Lisbon', '--due', '2026-11-28']);
  // Due today (a due date cannot be in the past): it would be listed, were it not dropped.
  on('2026-11-20', ['follow-up', 'Omar Haddad', 'dropped idea', '--due', '2026-11-20']);
  on('2026-11-20', ['drop', '9']);
  on('2026-11-20', [
    'add',
    'Sam Lee',
    '--kind',
    'event',
    '--follow-up',
    'done already',
    '--due',
    '2026-11-20',
  ]);
  on('2026-11-20', ['done', '11']);
  on('2026-11-20', ['contact', 'add', 'Zoë Ng', '--every', '2w']);
});
afterAll(() => j.remove());

describe('today on a full journal', () => {
  it('lists every section with exact items', () => {
    const r = spawnCli(['today', '--json', '--now', NOW], j.env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      date: NOW,
      items: [
        {
          section: 'overdue',
          id: 1,
          kind: 'action',
          contact: 'Joe Park',
          contactId: 6,
          text: 'send Joe the deck',
          due: '2026-11-19',
          days: -2,
        },
        {
          section: 'today',
          id: 6,
          kind: 'action',
          contact: 'Lena Berg',
          contactId: 8,
          text: 'book a call with Lena',
          due: NOW,
          days: 0,
        },
        {
          section: 'thank_you',
          id: 2,
          kind: 'thank_you',
          contact: 'Ralph Smith',
          contactId: 7,
          text: 'Thank Ralph Smith for the coffee',
          due: '2026-11-20',
          days: -1,
        },
        {
          section: 'thank_you',
          id: 5,
          kind: 'thank_you',
          contact: 'Lena Berg',
          contactId: 8,
          text: 'Thank Lena Berg for the coffee',
          due: NOW,
          days: 0,
        },
        {
          section: 'thank_you',
          id: 10,
          kind: 'thank_you',
          contact: 'Sam Lee',
          contactId: 11,
          text: 'Thank Sam Lee for meeting at the event',
          due: NOW,
          days: 0,
        },
        {
          section: 'report_back',
          id: 3,
          kind: 'report_back',
          contact: 'Joe Park',
          contactId: 6,
          text: 'Tell Joe Park how it went with Ralph Smith',
          due: NOW,
          days: 0,
        },
        {
          section: 'waiting',
          id: 4,
          kind: 'waiting',
          contact: 'Ralph Smith',
          contactId: 7,
          text: 'intro to Sam at Globex',
          due: '2026-11-20',
          days: -1,
        },
        {
          section: 'birthday',
          id: 'b3',
          kind: 'birthday',
          contact: 'Aunt May',
          contactId: 3,
          text: 'birthday',
          due: NOW,
          days: 0,
        },
        {
          section: 'birthday',
          id: 'b1',
          kind: 'birthday',
          contact: 'Mom',
          contactId: 1,
          text: 'turns 61',
          due: NOW,
          days: 0,
        },
        {
          section: 'reconnect',
          id: 'r1',
          kind: 'reconnect',
          contact: 'Mom',
          contactId: 1,
          text: 'never met; added 173 days ago; every 30 days',
          due: '2026-07-01',
          days: -143,
        },
        {
          section: 'reconnect',
          id: 'r4',
          kind: 'reconnect',
          contact: 'Old Friend',
          contactId: 4,
          text: 'last met 81 days ago; every 60 days',
          due: '2026-10-31',
          days: -21,
        },
        {
          section: 'upcoming',
          id: 7,
          kind: 'action',
          contact: 'Priya Raman',
          contactId: 9,
          text: 'share the meetup photos',
          due: '2026-11-24',
          days: 3,
        },
        {
          section: 'upcoming',
          id: 8,
          kind: 'action',
          contact: 'Omar Haddad',
          contactId: 10,
          text: 'ask about Lisbon',
          due: '2026-11-28',
          days: 7,
        },
      ],
    });
  });

  it('prints the terminal page at 80 columns as committed', () => {
    const result = spawnSync(
      'script',
      ['-qec', `"${process.execPath}" "${BIN}" today --no-color`, '/dev/null'],
      { env: { PATH: process.env.PATH, ...j.env, COLUMNS: '80', TERM: 'xterm' }, encoding: 'utf8' },
    );
    const page = result.stdout.replace(/\r\n/g, '\n');
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(PAGE, page);
    expect(page).toBe(readFileSync(PAGE, 'utf8'));
    for (const line of page.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('pipes TSV and CSV that parse back into the same items', () => {
    const json = JSON.parse(spawnCli(['today', '--json', '--now', NOW], j.env).stdout) as {
      items: Record<string, unknown>[];
    };
    const asText = json.items.map((i) =>
      Object.fromEntries(Object.entries(i).map(([k, v]) => [k, v === null ? '' : String(v)])),
    );
    const tsv = spawnCli(['today', '--now', NOW], j.env).stdout;
    expect(parse(tsv, { columns: true, delimiter: '\t', quote: false })).toEqual(asText);
    const csv = spawnCli(['today', '--format', 'csv', '--now', NOW], j.env).stdout;
    expect(parse(csv, { columns: true })).toEqual(asText);
    expect(csv.split('\n')[0]).toBe('section,id,kind,contact,contactId,text,due,days');
  });

  it('counts items per section with cut | sort | uniq -c', () => {
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" today --no-header | cut -f1 | sort | uniq -c`],
      {
        env: { PATH: process.env.PATH, ...j.env },
        encoding: 'utf8',
      },
    );
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.trim().replace(/ +/g, ' ')),
    ).toEqual([
      '2 birthday',
      '1 overdue',
      '2 reconnect',
      '1 report_back',
      '3 thank_you',
      '1 today',
      '2 upcoming',
      '1 waiting',
    ]);
  });

  it('exits 1 with --exit-status when anything outside upcoming is listed, else 0', () => {
    expect(spawnCli(['today', '--exit-status', '--now', NOW], j.env).code).toBe(1);
    expect(spawnCli(['today', '--exit-status', '--now', NOW], j.env).stdout).not.toBe('');
    const quiet = tempJournal();
    try {
      spawnCli(['contact', 'add', 'Later'], quiet.env);
      spawnCli(['follow-up', 'Later', 'in a while', '--due', '3d'], quiet.env);
      const r = spawnCli(['today', '--exit-status', '--json'], quiet.env);
      expect(JSON.parse(r.stdout).items.map((i: { section: string }) => i.section)).toEqual([
        'upcoming',
      ]);
      expect(r.code).toBe(0);
    } finally {
      quiet.remove();
    }
  });
});
