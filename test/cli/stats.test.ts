import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

// Today is Saturday 2026-11-21, so the default period is Sunday 2026-08-30 … 2026-11-21
// (84 days) and touches 13 Monday-to-Sunday weeks, from 2026-08-24.
const STEPS: string[][] = [
  ['contact', 'add', 'Old Friend', '--circle', 'inner', '--now', '2026-06-01'],
  ['contact', 'add', 'Mom', '--circle', 'inner', '--now', '2026-08-01'],
  // Before the period: not counted.
  ['add', 'Mom', '--kind', 'call', '--no-thank-you', '--now', '2026-08-10'],
  ['contact', 'add', 'Joe Park', '--circle', 'second', '--now', '2026-09-01'],
  // Before the period too, but the connectors count every introduction.
  ['intro', 'Mom', 'Joe Park', '--date', '2026-08-15', '--now', '2026-09-01'],
  ['contact', 'add', 'Priya Shah', '--circle', 'third', '--now', '2026-10-01'],
  // Follow-up 1: a thank-you, done the next day.
  ['add', 'Mom', '--kind', 'lunch', '--now', '2026-09-02'],
  ['done', '1', '--now', '2026-09-03'],
  // Follow-ups 2 (thank-you), 3 (report-back to Joe), 4 (waiting); a gift; an introduction to me.
  [
    'add',
    'Ralph Smith',
    '--via',
    'Joe Park',
    '--gave',
    'the UX article',
    '--offered',
    'an intro to his manager',
    '--now',
    '2026-11-02',
  ],
  ['contact', 'edit', 'Ralph Smith', '--circle', 'third', '--now', '2026-11-02'],
  ['done', '3', '--now', '2026-11-05'],
  // The thank-you four days after the meeting: done, but not within two days.
  ['done', '2', '--now', '2026-11-06'],
  // Outreach answered a week later (follow-up 5 is its thank-you) …
  // (--no-nudge: these counts are about the meetings; nudges are tested on their own below)
  ['add', 'Lena Berg', '--kind', 'email', '--outreach', '--no-nudge', '--now', '2026-11-09'],
  ['add', 'Lena Berg', '--kind', 'video', '--now', '2026-11-16'],
  // … and outreach not (yet) answered.
  ['add', 'Sam Lee', '--kind', 'message', '--outreach', '--no-nudge', '--now', '2026-11-18'],
  ['intro', 'me', 'Lena Berg', '--to', 'Joe Park', '--now', '2026-11-19'],
  // Joe's first meeting: follow-up 6 reports back to Mom; a second gift.
  ['add', 'Mom', 'Joe Park', '--no-thank-you', '--gave', 'a recommendation', '--now', '2026-11-20'],
  ['drop', '5', '--now', '2026-11-20'],
  ['follow-up', 'Joe Park', 'send the deck', '--due', '2026-11-25', '--now', '2026-11-20'],
  ['contact', 'edit', 'Old Friend', '--archive', '--now', '2026-11-20'],
  ['intro', 'Joe Park', 'Sam Lee', '--to', 'Lena Berg', '--now', '2026-11-21'],
];

const weeks = (counts: Record<string, number>): { week: string; count: number }[] =>
  [
    '2026-08-24',
    '2026-08-31',
    '2026-09-07',
    '2026-09-14',
    '2026-09-21',
    '2026-09-28',
    '2026-10-05',
    '2026-10-12',
    '2026-10-19',
    '2026-10-26',
    '2026-11-02',
    '2026-11-09',
    '2026-11-16',
  ].map((week) => ({ week, count: counts[week] ?? 0 }));

const EXPECTED = {
  since: '2026-08-30',
  until: '2026-11-21',
  meetings: {
    total: 6,
    perWeek: weeks({ '2026-08-31': 1, '2026-11-02': 1, '2026-11-09': 1, '2026-11-16': 3 }),
  },
  contacts: {
    total: 6,
    new: 5,
    byCircle: { inner: 1, second: 1, third: 2, none: 2 },
    metByCircle: { inner: 1, second: 1, third: 1, none: 2 },
  },
  introductions: { received: 1, made: 1 },
  followUps: {
    created: 7,
    done: 3,
    dropped: 1,
    open: 3,
    completionRate: 0.43,
    medianDaysToDone: 3,
  },
  thankYouRate: 0.33,
  reportBackRate: 0.5,
  giveAsk: { given: 2, offersReceived: 1, ratio: 2 },
  outreach: { meetings: 2, followedUp: 1, responseRate: 0.5 },
  connectors: [
    { name: 'Joe Park', count: 2 },
    { name: 'Mom', count: 1 },
  ],
};

describe('stats on a journal', () => {
  let j: TempJournal;
  beforeAll(async () => {
    j = tempJournal();
    for (const step of STEPS) expect((await j.run(step)).code, step.join(' ')).toBe(0);
  });
  afterAll(() => j.remove());

  const ok = async (args: string[], options: Parameters<TempJournal['run']>[1] = {}) => {
    const r = await j.run(['stats', ...args], options);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout;
  };

  it('prints every figure for the default 12 weeks as --json', async () => {
    // Compared as text: the names and their order are part of the contract.
    expect(await ok(['--json'])).toBe(JSON.stringify(EXPECTED) + '\n');
  });

  it('narrows everything but the connectors with --since', async () => {
    expect(JSON.parse(await ok(['--since', 'monday', '--json']))).toEqual({
      since: '2026-11-16',
      until: '2026-11-21',
      meetings: { total: 3, perWeek: [{ week: '2026-11-16', count: 3 }] },
      contacts: {
        total: 6,
        new: 1,
        byCircle: { inner: 1, second: 1, third: 2, none: 2 },
        metByCircle: { inner: 1, second: 1, third: 0, none: 2 },
      },
      introductions: { received: 0, made: 1 },
      followUps: {
        created: 3,
        done: 0,
        dropped: 1,
        open: 2,
        completionRate: 0,
        medianDaysToDone: null,
      },
      thankYouRate: 0,
      reportBackRate: 0,
      giveAsk: { given: 1, offersReceived: 0, ratio: null },
      outreach: { meetings: 1, followedUp: 0, responseRate: 0 },
      connectors: EXPECTED.connectors,
    });
  });

  it('draws a page on a terminal', async () => {
    const page = await ok([], { tty: true, env: { NO_COLOR: '1' } });
    expect(page).toBe(
      [
        'Your networking from 2026-08-30 to 2026-11-21',
        '',
        'Meetings         6',
        '  ▁▄▁▁▁▁▁▁▁▁▄▄█  0 1 0 0 0 0 0 0 0 0 1 1 3',
        '  weeks from Monday 2026-08-24 to Monday 2026-11-16',
        '',
        'Contacts         6 · 5 new in this period',
        'People met, by circle',
        '  inner     ████░░░░░░░░░░░░░░░░   20%  1 met of 1 contact',
        '  second    ████░░░░░░░░░░░░░░░░   20%  1 met of 1 contact',
        '  third     ████░░░░░░░░░░░░░░░░   20%  1 met of 2 contacts',
        '  no circle ████████░░░░░░░░░░░░   40%  2 met of 2 contacts',
        '',
        'Introductions    1 received · 1 made',
        'Follow-ups       7 created: 3 done, 1 dropped, 3 open',
        '                 43% completed · median 3 days to done',
        'Thank-you notes  33% sent within two days of the meeting',
        'Report-backs     50% done',
        'Give and ask     2 given · 1 offer received · 2.00 given per offer',
        'Outreach         2 reached out · 1 met again · 50% response',
        '',
        'Your connectors',
        '  1. Joe Park  2 introductions',
        '  2. Mom       1 introduction',
        '',
      ].join('\n'),
    );
    // With colour on, the same page is styled but says the same.
    const coloured = await ok([], { tty: true, env: { FORCE_COLOR: '1' } });
    expect(coloured).toContain('\u001b[');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(page);
  });

  it('shows the most recent weeks that fit when the period is long', async () => {
    // Two years back the meeting of 2026-08-10 is in the period too.
    const page = await ok(['--since', '2y'], { tty: true, env: { NO_COLOR: '1' } });
    const lines = page.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[0]).toBe('Your networking from 2024-11-21 to 2026-11-21');
    expect(lines[3]).toBe(
      `  ${'▁'.repeat(10)}▄▁▁▄${'▁'.repeat(8)}▄▄█  ${'0 '.repeat(10)}1 0 0 1 ${'0 '.repeat(8)}1 1 3`,
    );
    expect(lines[4]).toBe('  the last 25 weeks from Monday 2026-06-01 to Monday 2026-11-16');
  });

  it('prints a flat metric,value table when piped, and one metric a line as jsonl', async () => {
    const tsv = (await ok([])).split('\n');
    expect(tsv.slice(0, 6)).toEqual([
      'metric\tvalue',
      'since\t2026-08-30',
      'until\t2026-11-21',
      'meetings.total\t6',
      'meetings.perWeek.2026-08-24\t0',
      'meetings.perWeek.2026-08-31\t1',
    ]);
    expect(tsv.slice(17)).toEqual([
      'contacts.total\t6',
      'contacts.new\t5',
      'contacts.byCircle.inner\t1',
      'contacts.byCircle.second\t1',
      'contacts.byCircle.third\t2',
      'contacts.byCircle.none\t2',
      'contacts.metByCircle.inner\t1',
      'contacts.metByCircle.second\t1',
      'contacts.metByCircle.third\t1',
      'contacts.metByCircle.none\t2',
      'introductions.received\t1',
      'introductions.made\t1',
      'followUps.created\t7',
      'followUps.done\t3',
      'followUps.dropped\t1',
      'followUps.open\t3',
      'followUps.completionRate\t0.43',
      'followUps.medianDaysToDone\t3',
      'thankYouRate\t0.33',
      'reportBackRate\t0.5',
      'giveAsk.given\t2',
      'giveAsk.offersReceived\t1',
      'giveAsk.ratio\t2',
      'outreach.meetings\t2',
      'outreach.followedUp\t1',
      'outreach.responseRate\t0.5',
      'connectors.1.name\tJoe Park',
      'connectors.1.count\t2',
      'connectors.2.name\tMom',
      'connectors.2.count\t1',
      '',
    ]);
    expect(tsv.filter((l) => l.startsWith('meetings.perWeek.'))).toHaveLength(13);
    for (const line of tsv.slice(0, -1)) expect(line.split('\t')).toHaveLength(2);

    const csv = await ok(['--format', 'csv']);
    expect(csv.split('\n').slice(0, 2)).toEqual(['metric,value', 'since,2026-08-30']);
    expect(csv).toContain('\nfollowUps.completionRate,0.43\n');
    expect((await ok(['--no-header'])).split('\n')[0]).toBe('since\t2026-08-30');

    const jsonl = (await ok(['--format', 'jsonl'])).trimEnd().split('\n');
    expect(jsonl).toHaveLength(tsv.length - 2);
    expect(jsonl[0]).toBe('{"metric":"since","value":"2026-08-30"}');
    expect(jsonl).toContain('{"metric":"thankYouRate","value":0.33}');
    expect(jsonl).toContain('{"metric":"connectors.1.name","value":"Joe Park"}');
  });

  it('refuses a --since it cannot read, writing nothing', async () => {
    const before = await journalState(j);
    expect(await j.run(['stats', '--since', 'blurgh'])).toEqual({
      stdout: '',
      stderr:
        'netjournal: unknown date "blurgh" — try 2026-11-21, yesterday, monday, 3d or "2 weeks ago"\n',
      code: 2,
    });
    expect(await j.run(['stats', '--since', 'tomorrow', '--json'])).toEqual({
      stdout: '',
      stderr:
        'netjournal: --since 2026-11-22 is after today (2026-11-21) — give a date on or before today, e.g. --since 12w or --since 2026-01-01\n',
      code: 2,
    });
    expect(await journalState(j)).toBe(before);
  });
});

describe('stats on an empty or missing journal', () => {
  let j: TempJournal;
  beforeEach(() => {
    j = tempJournal();
  });
  afterEach(() => j.remove());

  const EMPTY = {
    since: '2026-11-01',
    until: '2026-11-21',
    meetings: {
      total: 0,
      perWeek: ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'].map((week) => ({
        week,
        count: 0,
      })),
    },
    contacts: {
      total: 0,
      new: 0,
      byCircle: { inner: 0, second: 0, third: 0, none: 0 },
      metByCircle: { inner: 0, second: 0, third: 0, none: 0 },
    },
    introductions: { received: 0, made: 0 },
    followUps: {
      created: 0,
      done: 0,
      dropped: 0,
      open: 0,
      completionRate: null,
      medianDaysToDone: null,
    },
    thankYouRate: null,
    reportBackRate: null,
    giveAsk: { given: 0, offersReceived: 0, ratio: null },
    outreach: { meetings: 0, followedUp: 0, responseRate: null },
    connectors: [],
  };

  it('reports zeros and nulls, with stable names in a stable order, and creates nothing', async () => {
    expect(await j.run(['stats', '--json', '--since', '2026-11-01'])).toEqual({
      stdout: JSON.stringify(EMPTY) + '\n',
      stderr: '',
      code: 0,
    });
    const page = await j.run(['stats'], { tty: true, env: { NO_COLOR: '1' } });
    expect(page.code).toBe(0);
    expect(page.stdout).toContain(
      'Meetings         0\n  None logged in this period. Log one with: netjournal add NAME\n',
    );
    expect(page.stdout).toContain('Follow-ups       none created in this period\n');
    expect(page.stdout).toContain('  inner     ░░░░░░░░░░░░░░░░░░░░     —  0 met of 0 contacts\n');
    const jsonl = await j.run(['stats', '--format', 'jsonl']);
    expect(jsonl.stdout).toContain('{"metric":"followUps.completionRate","value":null}\n');
    expect((await j.run(['stats'])).stdout).toContain('\nthankYouRate\t\n');
    expect(existsSync(j.path)).toBe(false);
  });

  it('counts a same-day reply to outreach and a thank-you on the second day after', async () => {
    const steps = [
      ['add', 'Ann', '--kind', 'coffee', '--now', '2026-11-10'],
      // Outreach logged after the coffee the same day: the coffee does not answer it.
      ['add', 'Ann', '--kind', 'email', '--outreach', '--no-nudge', '--now', '2026-11-10'],
      ['add', 'Bo', '--kind', 'email', '--outreach', '--no-nudge', '--now', '2026-11-11'],
      ['add', 'Bo', '--kind', 'call', '--no-thank-you', '--now', '2026-11-11'],
      ['done', '1', '--now', '2026-11-12'],
    ];
    for (const step of steps) expect((await j.run(step)).code, step.join(' ')).toBe(0);
    const stats = JSON.parse((await j.run(['stats', '--json'])).stdout);
    expect(stats.outreach).toEqual({ meetings: 2, followedUp: 1, responseRate: 0.5 });
    expect(stats.thankYouRate).toBe(1);
    expect(stats.followUps).toEqual({
      created: 1,
      done: 1,
      dropped: 0,
      open: 0,
      completionRate: 1,
      medianDaysToDone: 2,
    });
    expect(stats.meetings.total).toBe(4);
    expect(stats.contacts.metByCircle).toEqual({ inner: 0, second: 0, third: 0, none: 2 });
  });

  it('reports zeros on a journal that holds only contacts', async () => {
    await j.run(['contact', 'add', 'Ralph', '--circle', 'second', '--now', '2026-11-10']);
    const stats = JSON.parse((await j.run(['stats', '--json', '--since', '2026-11-01'])).stdout);
    expect(stats).toEqual({
      ...EMPTY,
      contacts: {
        ...EMPTY.contacts,
        total: 1,
        new: 1,
        byCircle: { ...EMPTY.contacts.byCircle, second: 1 },
      },
    });
  });
});
