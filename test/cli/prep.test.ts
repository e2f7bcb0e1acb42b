import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contactView } from '../../src/output/views/contacts.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

const PLAIN = { tty: true, env: { NO_COLOR: '1', COLUMNS: '80' } };

// One journal for the read-only tests (prep never writes; a test below checks it).
// Mom #1 introduced Joe #2, who introduced Ralph Smith #3 (a two-level chain).
// Zoë Ng #4 works at ACME like Ralph; José Álvarez #5 shares his climbing tag;
// Hannah Müller #6 is at Acme too but archived. Ralph introduced Priya Shah #7
// and Lena Berg #8 to the user (reported back on Lena), and Zoë to Lena.
// Follow-ups on Ralph: #1, #3 thank-you, #5 action, #6 waiting (#7 report-back done).
let j: TempJournal;
beforeAll(async () => {
  j = tempJournal();
  const steps = [
    ['intro', 'Mom', 'Joe', '--date', '2026-01-01'],
    ['intro', 'Joe', 'Ralph Smith', '--date', '2026-02-01'],
    ['contact', 'edit', 'Ralph Smith', '--company', 'Acme', '--role', 'CTO'],
    ['contact', 'edit', 'Ralph Smith', '--add-tag', 'mentor', '--add-tag', 'climbing'],
    ['contact', 'add', 'Zoë Ng', '--company', 'ACME'],
    ['contact', 'add', 'José Álvarez', '--tag', 'Climbing'],
    ['contact', 'add', 'Hannah Müller', '--company', 'acme', '--tag', 'mentor'],
    ['contact', 'edit', 'Hannah Müller', '--archive'],
    ['add', 'Ralph Smith', '--date', '2026-09-01', '--kind', 'lunch', '--notes', 'first lunch'],
    ['add', 'Ralph Smith', 'Zoë Ng', '--date', '2026-10-01', '--notes', 'met Zoë too'],
    [
      ...['add', 'Ralph Smith', '--date', '2026-10-31', '--notes', 'talked about climbing'],
      ...['--learned', 'loves bouldering', '--learned', 'two kids'],
      ...['--gave', 'the climbing article', '--offered', 'intro to his boss'],
      ...['--follow-up', 'send the deck', '--due', '2026-11-25', '--no-thank-you'],
    ],
    ['add', 'Ralph Smith', '--date', '2026-11-14', '--kind', 'call', '--no-thank-you'],
    ['intro', 'Ralph Smith', 'Priya Shah', '--date', '2026-11-05'],
    ['intro', 'Ralph Smith', 'Lena Berg', '--date', '2026-11-06'],
    ['intro', 'Ralph Smith', 'Zoë Ng', '--to', 'Lena Berg', '--date', '2026-11-08'],
    ['add', 'Lena Berg', '--date', '2026-11-07', '--no-thank-you'],
    ['note', 'Ralph Smith', 'daughter starts at the Müller school', '--date', '2026-11-15'],
    ['done', '7'],
  ];
  for (const step of steps) {
    const result = await j.run(step);
    expect(result.stderr + result.code).not.toMatch(/netjournal:/);
    expect(result.code).toBe(0);
  }
});
afterAll(() => j.remove());

async function ok(
  args: string[],
  options: Parameters<TempJournal['run']>[1] = {},
): Promise<string> {
  const result = await j.run(['prep', ...args], options);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('prep on a terminal', () => {
  it('draws the one-screen brief', async () => {
    expect(await ok(['ralph'], PLAIN)).toBe(
      [
        'Ralph Smith · CTO @ Acme',
        '  last met 7 days ago (2026-11-14) · met 4 times',
        '  How you know them: Mom → Joe → Ralph Smith',
        '',
        'Remember',
        '  2026-11-15  daughter starts at the Müller school',
        '  2026-10-31  two kids',
        '  2026-10-31  loves bouldering',
        '',
        'Last time',
        '  2026-11-14  call',
        '  2026-10-31  coffee: talked about climbing',
        '  2026-10-01  coffee with Zoë Ng: met Zoë too',
        '  … 1 more (netjournal log "Ralph Smith")',
        '',
        'You promised',
        '  1  thank-you  80 days late  Thank Ralph Smith for lunch',
        '  3  thank-you  50 days late  Thank Ralph Smith for the coffee',
        '  5  action  due in 4 days  send the deck',
        '',
        'They offered',
        '  6  waiting  due in 7 days  intro to his boss',
        '',
        'They introduced you to',
        '  2026-11-06  Lena Berg · reported back',
        '  2026-11-05  Priya Shah · not reported back',
        '',
        'You gave',
        '  2026-10-31  the climbing article',
        '',
        'Also at Acme: Zoë Ng',
        'Also tagged climbing: José Álvarez',
        '',
      ].join('\n'),
    );
  });

  it('leaves out empty sections and knows someone met directly', async () => {
    expect(await ok(['José'], PLAIN)).toBe(
      [
        'José Álvarez',
        '  never met yet',
        '  How you know them: directly, no introduction recorded',
        '',
        'Remember',
        '  nothing yet; learn three things: netjournal note "José Álvarez" "…"',
        '',
        'Last time',
        '  never met; log it after: netjournal add "José Álvarez"',
        '',
        'Also tagged Climbing: Ralph Smith',
        '',
      ].join('\n'),
    );
  });

  it('colours headings only when colour is on', async () => {
    const coloured = await ok(['ralph'], { tty: true });
    expect(coloured).toContain('\u001b[1m\u001b[36mRemember\u001b[39m\u001b[22m');
    expect(coloured).toContain('\u001b[33mnot reported back\u001b[39m');
    expect(await ok(['ralph', '--no-color'], { tty: true })).toBe(await ok(['ralph'], PLAIN));
  });

  it('fits a narrow terminal', async () => {
    const narrow = (columns: number) =>
      ok(['ralph'], { tty: true, env: { NO_COLOR: '1', COLUMNS: String(columns) } });
    for (const line of (await narrow(60)).trimEnd().split('\n'))
      expect(line.length).toBeLessThanOrEqual(60);
    const page = await narrow(40);
    expect(page).toContain('  last met 7 days ago (2026-11-14) · me…\n');
    expect(page).toContain('  2026-11-15  daughter starts at the Mü…\n');
    expect(page).toContain('  … 1 more (netjournal log "Ralph Smith…\n');
  });
});

const followUp = (id: number, kind: string, text: string, due: string, meetingId: number) => ({
  ...{ id, kind, contact: 'Ralph Smith', contactId: 3, text, due, status: 'open' },
  ...{ closed: null, meetingId, introductionId: null },
});
const note = (id: number, date: string, text: string, meetingId: number | null) => ({
  ...{ id, contact: 'Ralph Smith', contactId: 3, date, text, meetingId },
});
const meeting = (id: number, date: string, kind: string, notes: string | null, zoe = false) => ({
  ...{ id, date, kind },
  contacts: zoe ? ['Ralph Smith', 'Zoë Ng'] : ['Ralph Smith'],
  contactIds: zoe ? [3, 4] : [3],
  ...{ notes, outreach: false },
});
const record = (id: number, name: string, fields: Record<string, unknown>) => ({
  ...{ id, name, aliases: [], company: null, role: null, email: null, phone: null, url: null },
  ...{ location: null, circle: null, cadenceDays: null, birthday: null, tags: [] },
  ...{ howMet: null, archived: false, created: '2026-11-21', lastMet: null },
  ...fields,
});

describe('prep for scripts', () => {
  it('prints the brief as one JSON object', async () => {
    const json = JSON.parse(await ok(['Ralph Smith', '--json']));
    expect(json).toEqual({
      contact: record(3, 'Ralph Smith', {
        ...{ company: 'Acme', role: 'CTO', tags: ['climbing', 'mentor'] },
        lastMet: '2026-11-14',
      }),
      chain: ['Mom', 'Joe', 'Ralph Smith'],
      learned: [
        note(3, '2026-11-15', 'daughter starts at the Müller school', null),
        note(2, '2026-10-31', 'two kids', 3),
        note(1, '2026-10-31', 'loves bouldering', 3),
      ],
      lastMeetings: [
        meeting(4, '2026-11-14', 'call', null),
        meeting(3, '2026-10-31', 'coffee', 'talked about climbing'),
        meeting(2, '2026-10-01', 'coffee', 'met Zoë too', true),
      ],
      promised: [
        followUp(1, 'thank_you', 'Thank Ralph Smith for lunch', '2026-09-02', 1),
        followUp(3, 'thank_you', 'Thank Ralph Smith for the coffee', '2026-10-02', 2),
        followUp(5, 'action', 'send the deck', '2026-11-25', 3),
      ],
      offered: [followUp(6, 'waiting', 'intro to his boss', '2026-11-28', 3)],
      introducedYouTo: [
        { name: 'Lena Berg', contactId: 8, date: '2026-11-06', reportedBack: true },
        { name: 'Priya Shah', contactId: 7, date: '2026-11-05', reportedBack: false },
      ],
      gifts: [note(1, '2026-10-31', 'the climbing article', 3)],
      related: [
        { name: 'Zoë Ng', contactId: 4, reason: 'same company' },
        { name: 'José Álvarez', contactId: 5, reason: 'tag climbing' },
      ],
    });
    expect(Object.keys(json)).toEqual([
      ...['contact', 'chain', 'learned', 'lastMeetings', 'promised', 'offered'],
      ...['introducedYouTo', 'gifts', 'related'],
    ]);
    expect(await ok(['Ralph Smith', '--format', 'json'])).toBe(await ok(['Ralph Smith', '--json']));
  });

  it('counts only introductions to you, and matches the company in any case', async () => {
    const json = JSON.parse(await ok(['zoë', '--json']));
    expect(json).toMatchObject({
      chain: ['Zoë Ng'],
      learned: [],
      offered: [],
      introducedYouTo: [],
      gifts: [],
      related: [{ name: 'Ralph Smith', contactId: 3, reason: 'same company' }],
    });
    expect(json.lastMeetings).toHaveLength(1);
  });

  it('prints the page as plain text when piped, and the contact record with --format tsv, csv or jsonl', async () => {
    const header = contactView.fields.join('\t');
    const piped = await ok(['ralph']);
    expect(piped.split('\n')[0]).toBe('Ralph Smith · CTO @ Acme');
    expect(piped).not.toContain('\u001b');
    // The terminal's page without colour: nothing on it is cut at 80 columns.
    expect(piped).toBe(await ok(['ralph'], PLAIN));
    expect(await ok(['ralph', '--format', 'table'])).toBe(piped);
    expect(await ok(['ralph', '--format', 'tsv'])).toBe(
      `${header}\n3\tRalph Smith\t\tAcme\tCTO\t\t\t\t\t\t\t\tclimbing,mentor\t\tfalse\t2026-11-21\t2026-11-14\n`,
    );
    expect(await ok(['ralph', '--format', 'csv', '--no-header'])).toBe(
      '3,Ralph Smith,,Acme,CTO,,,,,,,,"climbing,mentor",,false,2026-11-21,2026-11-14\n',
    );
    expect(JSON.parse(await ok(['ralph', '--format', 'jsonl']))).toEqual(
      record(3, 'Ralph Smith', {
        ...{ company: 'Acme', role: 'CTO', tags: ['climbing', 'mentor'] },
        lastMet: '2026-11-14',
      }),
    );
  });

  it('never writes to the journal', async () => {
    const before = readFileSync(j.path);
    await ok(['ralph'], PLAIN);
    await ok(['ralph', '--json']);
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });
});

describe('prep errors', () => {
  let empty: TempJournal;
  beforeEach(() => {
    empty = tempJournal();
  });
  afterEach(() => empty.remove());

  it('exits 3 on a missing journal and creates nothing', async () => {
    expect(await empty.run(['prep', 'Ralph'])).toEqual({
      stdout: '',
      stderr:
        'netjournal: no contact named "Ralph" — add them with: netjournal contact add "Ralph"\n',
      code: 3,
    });
    expect(existsSync(empty.path)).toBe(false);
  });

  it('exits 3 on an unknown or ambiguous name, writing nothing', async () => {
    expect((await empty.run(['contact', 'add', 'Ralph Smith'])).code).toBe(0);
    expect((await empty.run(['contact', 'add', 'Ralph Jones'])).code).toBe(0);
    const before = readFileSync(empty.path);
    expect(await empty.run(['prep', 'Ralf Smith'])).toEqual({
      stdout: '',
      stderr: 'netjournal: no contact named "Ralf Smith" — did you mean "Ralph Smith"?\n',
      code: 3,
    });
    expect(await empty.run(['prep', 'ralph'])).toEqual({
      stdout: '',
      stderr:
        'netjournal: "ralph" matches 2 contacts: Ralph Jones (#2), Ralph Smith (#1) — name one by its id, e.g. \'#2\'\n',
      code: 3,
    });
    expect(readFileSync(empty.path).equals(before)).toBe(true);
  });

  it('exits 2 for "me", an unknown format and a missing name', async () => {
    expect((await empty.run(['contact', 'add', 'Ralph'])).code).toBe(0);
    expect(await empty.run(['prep', 'me'])).toEqual({
      stdout: '',
      stderr: 'netjournal: "me" means you here — name someone else\n',
      code: 2,
    });
    expect(await empty.run(['prep', 'Ralph', '--format', 'xml'])).toEqual({
      stdout: '',
      stderr: 'netjournal: unknown format "xml" — use one of table, json, jsonl, csv, tsv\n',
      code: 2,
    });
    const missing = await empty.run(['prep']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
  });

  it('shows hostile text escaped', async () => {
    expect(
      (await empty.run(['contact', 'add', 'Evil\u001b[31mRed', '--company', 'A\u0007'])).code,
    ).toBe(0);
    expect((await empty.run(['note', '#1', 'beep\u0007\u001b]0;title'])).code).toBe(0);
    const page = (await empty.run(['prep', '#1'], PLAIN)).stdout;
    expect(page).not.toMatch(/\u0007|\u001b/);
    expect(page.split('\n')[0]).toBe('Evil\\x1b[31mRed · A\\x07');
    expect(page).toContain('  2026-11-21  beep\\x07\\x1b]0;title\n');
  });
});
