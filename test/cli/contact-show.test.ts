import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowUpKind } from '../../src/domain/journal-types.js';
import { insertFollowUp, setFollowUpStatus } from '../../src/storage/follow-ups.js';
import { insertIntroduction } from '../../src/storage/introductions.js';
import { openJournal, type Db } from '../../src/storage/journal.js';
import { insertMeeting } from '../../src/storage/meetings.js';
import { insertGift, insertNote } from '../../src/storage/notes.js';
import { contactView } from '../../src/output/views/contacts.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

const TS = '2026-11-21T00:00:00.000Z';
const PLAIN = { tty: true, env: { NO_COLOR: '1' } };

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

/** Write rows the commands cannot create yet, straight through storage. */
function seed(fn: (db: Db) => void): void {
  const db = openJournal(j.path, { write: true, timestamp: TS });
  if (!db) throw new Error('no journal');
  try {
    fn(db);
  } finally {
    db.close();
  }
}

async function add(...args: string[]): Promise<void> {
  const result = await j.run(['contact', 'add', ...args]);
  expect(result.code).toBe(0);
}

/** `--key value` flags from an object, in its order. */
const flags = (o: { [flag: string]: string }) =>
  Object.entries(o).flatMap(([k, v]) => [`--${k}`, v]);

/** Mom #1, Joe Park #2, Ralph Smith #3 (every field), Lena Berg #4, with history. */
async function ralphWithHistory(): Promise<void> {
  await add('Mom', '--circle', 'inner');
  await add('Joe Park');
  const ralph = flags({
    company: 'Acme, Inc.',
    role: 'CTO',
    email: 'ralph@example.com',
    phone: '+1 555 0100',
    url: 'https://ralph.example',
    location: 'Boston',
    circle: 'second',
    every: '30d',
    birthday: '1980-03-14',
    how: 'climbing gym',
  });
  await j.run(['contact', 'add', 'Ralph Smith', ...ralph, '--tag', 'mentor', '--tag', 'design'], {
    env: { NETJOURNAL_NOW: '2026-01-10' },
  });
  await add('Lena Berg');
  seed((db) => {
    const intro = (
      introducerId: number,
      personId: number,
      toId: number,
      date: string,
      context: string | null = null,
    ) => insertIntroduction(db, { introducerId, personId, toId, date, context }, TS);
    intro(1, 2, 0, '2026-01-01');
    intro(2, 3, 0, '2026-01-05', 'gym');
    intro(3, 4, 0, '2026-03-01');
    intro(3, 4, 2, '2026-04-01');
    intro(0, 3, 2, '2026-05-01');
    const meeting = { kind: 'coffee', notes: 'talked about climbing', outreach: true } as const;
    const coffee = insertMeeting(db, { date: '2026-11-01', ...meeting }, [3], TS);
    insertMeeting(
      db,
      { date: '2026-10-01', kind: 'lunch', notes: null, outreach: false },
      [3, 4],
      TS,
    );
    insertNote(db, { contactId: 3, date: '2026-10-01', text: 'loves bouldering' }, TS);
    insertNote(
      db,
      { contactId: 3, date: '2026-11-01', text: 'has two kids', meetingId: coffee },
      TS,
    );
    insertNote(db, { contactId: 4, date: '2026-11-01', text: 'not about Ralph' }, TS);
    const followUp = (contactId: number, kind: FollowUpKind, text: string, due: string) =>
      insertFollowUp(
        db,
        { contactId, kind, text, due, meetingId: kind === 'thank_you' ? coffee : null },
        TS,
      );
    followUp(3, 'thank_you', 'thank him', '2026-11-02');
    followUp(3, 'action', 'send the article', '2026-11-21');
    followUp(3, 'waiting', 'intro to his boss', '2026-11-25');
    setFollowUpStatus(db, followUp(3, 'action', 'old one', '2026-06-01'), 'done', '2026-06-02');
    followUp(2, 'report_back', 'tell Joe', '2026-11-03');
    insertGift(
      db,
      { contactId: 3, date: '2026-11-01', text: 'the climbing article', meetingId: coffee },
      TS,
    );
  });
}

describe('contact show on a terminal', () => {
  it('draws the one-screen profile', async () => {
    await ralphWithHistory();
    const result = await j.run(['contact', 'show', 'ralph'], PLAIN);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Ralph Smith  #3',
        '  company   Acme, Inc.',
        '  role      CTO',
        '  email     ralph@example.com',
        '  phone     +1 555 0100',
        '  url       https://ralph.example',
        '  location  Boston',
        '  circle    second',
        '  cadence   every 30 days · reconnect due in 10 days',
        '  birthday  1980-03-14',
        '  tags      design, mentor',
        '  how met   climbing gym',
        '  created   2026-01-10 (11 months ago)',
        '  last met  2026-11-01 (3 weeks ago)',
        '',
        'How you know them',
        '  Mom → Joe Park → Ralph Smith',
        '',
        // Issue 17, point 3: each line starts with the id its commands take
        // (note edit 2, meeting show 1, done 1, intro reported 3, gift rm 1).
        'Things learned',
        '  2  2026-11-01  has two kids',
        '  1  2026-10-01  loves bouldering',
        '',
        'Recent meetings',
        '  1  2026-11-01  coffee (outreach): talked about climbing',
        '  2  2026-10-01  lunch with Lena Berg',
        '',
        'You owe them',
        '  1  thank-you  19 days late  thank him',
        '  2  action     due today     send the article',
        '',
        'They offered',
        '  3  waiting  due in 4 days  intro to his boss',
        '',
        'Introductions they made',
        '  4  2026-04-01  introduced Lena Berg to Joe Park',
        '  3  2026-03-01  introduced Lena Berg to you · not reported back yet',
        '',
        'Other introductions',
        '  5  2026-05-01  you introduced Ralph Smith to Joe Park',
        '  2  2026-01-05  Joe Park introduced Ralph Smith to you',
        '',
        'Gifts',
        '  1  2026-11-01  the climbing article',
        '',
      ].join('\n'),
    );
  });

  it('nudges when little is known, and hides empty sections', async () => {
    await add('Joe Park');
    const result = await j.run(['contact', 'show', 'Joe'], PLAIN);
    expect(result.stdout).toBe(
      [
        'Joe Park  #1',
        '  created   2026-11-21 (today)',
        '  last met  never',
        '',
        'How you know them',
        '  directly: no introduction recorded',
        '',
        'Things learned',
        '  nothing yet; learn three things: netjournal note "Joe Park" "…"',
        '',
        'Recent meetings',
        '  none yet; log one: netjournal add "Joe Park"',
        '',
      ].join('\n'),
    );
  });

  it('shows the five latest meetings and says how many more there are', async () => {
    await add('Ralph');
    seed((db) => {
      for (let day = 1; day <= 7; day++) {
        const date = `2026-11-0${day}`;
        insertMeeting(db, { date, kind: 'call', notes: `call ${day}`, outreach: false }, [1], TS);
      }
    });
    const result = await j.run(['contact', 'show', 'Ralph'], PLAIN);
    const section = result.stdout.split('Recent meetings\n')[1]?.trimEnd();
    expect(section).toBe(
      [
        '  7  2026-11-07  call: call 7',
        '  6  2026-11-06  call: call 6',
        '  5  2026-11-05  call: call 5',
        '  4  2026-11-04  call: call 4',
        '  3  2026-11-03  call: call 3',
        '  … 2 more (netjournal log "Ralph")',
      ].join('\n'),
    );
    const json = JSON.parse((await j.run(['contact', 'show', 'Ralph', '--json'])).stdout);
    expect(json.meetings.map((m: { date: string }) => m.date)).toEqual([
      '2026-11-07',
      '2026-11-06',
      '2026-11-05',
      '2026-11-04',
      '2026-11-03',
      '2026-11-02',
      '2026-11-01',
    ]);
  });

  it("uses the circle's default cadence and marks an archived contact", async () => {
    await add('Mom', '--circle', 'inner');
    await j.run(['contact', 'add', 'Old Friend', '--every', '1y'], {
      env: { NETJOURNAL_NOW: '2020-01-01' },
    });
    await j.run(['contact', 'edit', 'Old Friend', '--archive']);
    seed((db) =>
      db.prepare(`INSERT INTO settings (key, value) VALUES ('cadence.inner', '14')`).run(),
    );
    const mom = await j.run(['contact', 'show', 'Mom'], PLAIN);
    // Issue 17, point 4: a cadence reads as everywhere else ("every 14 days").
    expect(mom.stdout).toContain(
      '  cadence   every 14 days (circle default) · reconnect due in 14 days\n',
    );
    const archived = await j.run(['contact', 'show', 'Old Friend'], PLAIN);
    expect(archived.stdout.split('\n')[0]).toBe('Old Friend  #2  (archived)');
    expect(archived.stdout).toContain('  cadence   every 365 days\n');
  });

  it('colours headings only when colour is on', async () => {
    await add('Ralph', '--company', 'Acme');
    const coloured = await j.run(['contact', 'show', 'Ralph'], { tty: true });
    expect(coloured.stdout).toContain('\u001b[1m\u001b[36mHow you know them\u001b[39m\u001b[22m');
    expect(coloured.stdout).toContain('\u001b[1mRalph\u001b[22m');
    const plain = await j.run(['contact', 'show', 'Ralph', '--no-color'], { tty: true });
    expect(plain.stdout).not.toContain('\u001b');
    expect(plain.stdout).toBe((await j.run(['contact', 'show', 'Ralph'], PLAIN)).stdout);
  });

  it('shows hostile text escaped and wraps long text to the terminal width', async () => {
    await add('Evil\u001b[31mRed\u0007', '--how', 'line one\nline two');
    seed((db) => {
      insertNote(db, { contactId: 1, date: '2026-11-01', text: 'x'.repeat(200) }, TS);
      insertNote(db, { contactId: 1, date: '2026-10-01', text: 'beep\u0007\u001b]0;title' }, TS);
    });
    const result = await j.run(['contact', 'show', '#1'], { tty: true, env: { COLUMNS: '60' } });
    expect(result.stdout).not.toMatch(/\u0007|\u001b\]|\u001b\[31m/);
    expect(result.stdout).toContain('Evil\\x1b[31mRed\\x07');
    expect(result.stdout).toContain('line one\\nline two');
    expect(result.stdout).toContain('beep\\x07\\x1b]0;title');
    const plain = await j.run(['contact', 'show', '#1'], {
      ...PLAIN,
      env: { NO_COLOR: '1', COLUMNS: '60' },
    });
    for (const line of plain.stdout.trimEnd().split('\n'))
      expect(line.length).toBeLessThanOrEqual(60);
    // Issue 17, point 3: a note is read whole, wrapped under its first character.
    expect(plain.stdout).toContain(`  1  2026-11-01  ${'x'.repeat(43)}\n${' '.repeat(17)}x`);
    expect(plain.stdout.replace(/\s+/g, '')).toContain('x'.repeat(200));
  });
});

describe('contact show for scripts', () => {
  it('prints one JSON object with --json and --format json', async () => {
    await ralphWithHistory();
    const result = await j.run(['contact', 'show', 'Ralph Smith', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('}\n')).toBe(true);
    const note = (id: number, date: string, text: string, meetingId: number | null) => ({
      ...{ id, contact: 'Ralph Smith', contactId: 3 },
      ...{ date, text, meetingId },
    });
    const open = (
      id: number,
      kind: string,
      text: string,
      due: string,
      meetingId = null as number | null,
    ) => ({
      ...{ id, kind, contact: 'Ralph Smith', contactId: 3, text, due },
      ...{ status: 'open', closed: null, meetingId, introductionId: null },
    });
    const intro = (id: number, date: string, introducer: string, person: string, to: string) => ({
      ...{ id, date, introducer, person, to },
      ...{ reportedBack: false, context: id === 2 ? 'gym' : null },
    });
    const meeting = { kind: 'coffee', contacts: ['Ralph Smith'], contactIds: [3] };
    const lunch = { kind: 'lunch', contacts: ['Lena Berg', 'Ralph Smith'], contactIds: [4, 3] };
    expect(JSON.parse(result.stdout)).toEqual({
      ...{ id: 3, name: 'Ralph Smith', aliases: [], company: 'Acme, Inc.', role: 'CTO' },
      ...{ email: 'ralph@example.com', phone: '+1 555 0100', url: 'https://ralph.example' },
      ...{ location: 'Boston', circle: 'second', cadenceDays: 30, birthday: '1980-03-14' },
      ...{ tags: ['design', 'mentor'], howMet: 'climbing gym', archived: false },
      ...{ created: '2026-01-10', lastMet: '2026-11-01' },
      chain: ['Mom', 'Joe Park', 'Ralph Smith'],
      notes: [
        note(2, '2026-11-01', 'has two kids', 1),
        note(1, '2026-10-01', 'loves bouldering', null),
      ],
      meetings: [
        { id: 1, date: '2026-11-01', ...meeting, notes: 'talked about climbing', outreach: true },
        { id: 2, date: '2026-10-01', ...lunch, notes: null, outreach: false },
      ],
      followUps: [
        open(1, 'thank_you', 'thank him', '2026-11-02', 1),
        open(2, 'action', 'send the article', '2026-11-21'),
        open(3, 'waiting', 'intro to his boss', '2026-11-25'),
      ],
      introductions: [
        intro(5, '2026-05-01', 'me', 'Ralph Smith', 'Joe Park'),
        intro(4, '2026-04-01', 'Ralph Smith', 'Lena Berg', 'Joe Park'),
        intro(3, '2026-03-01', 'Ralph Smith', 'Lena Berg', 'me'),
        intro(2, '2026-01-05', 'Joe Park', 'Ralph Smith', 'me'),
      ],
      gifts: [note(1, '2026-11-01', 'the climbing article', 1)],
    });
    // Keys in the documented order: the contact's fields first, then the lists.
    expect(Object.keys(JSON.parse(result.stdout))).toEqual([
      ...contactView.fields,
      ...['chain', 'notes', 'meetings', 'followUps', 'introductions', 'gifts'],
    ]);
    const viaFormat = await j.run(['contact', 'show', 'Ralph Smith', '--format', 'json']);
    expect(viaFormat.stdout).toBe(result.stdout);
  });

  it('gives empty lists and a chain of one for a contact with no history', async () => {
    await add('Joe Park');
    const json = JSON.parse((await j.run(['contact', 'show', 'joe', '--json'])).stdout);
    expect(json).toMatchObject({ id: 1, name: 'Joe Park', chain: ['Joe Park'] });
    for (const key of ['notes', 'meetings', 'followUps', 'introductions', 'gifts']) {
      expect(json[key]).toEqual([]);
    }
  });

  it('prints the page as plain text when piped, and the record as tsv, csv or jsonl on request', async () => {
    await add('Ralph Smith', '--company', 'Acme, Inc.', '--tag', 'b', '--tag', 'a');
    const piped = await j.run(['contact', 'show', 'Ralph']);
    expect(piped).toEqual({ ...(await j.run(['contact', 'show', 'Ralph'], PLAIN)), stderr: '' });
    expect(piped.stdout.split('\n')[0]).toBe('Ralph Smith  #1');
    expect(piped.stdout).not.toContain('\u001b');
    const header =
      'id\tname\taliases\tcompany\trole\temail\tphone\turl\tlocation\tcircle\tcadenceDays\tbirthday\ttags\thowMet\tarchived\tcreated\tlastMet\n';
    expect(await j.run(['contact', 'show', 'Ralph', '--format', 'tsv'])).toEqual({
      stdout: header + '1\tRalph Smith\t\tAcme, Inc.\t\t\t\t\t\t\t\t\ta,b\t\tfalse\t2026-11-21\t\n',
      stderr: '',
      code: 0,
    });
    const csv = await j.run(['contact', 'show', 'Ralph', '--format', 'csv', '--no-header']);
    expect(csv.stdout).toBe('1,Ralph Smith,,"Acme, Inc.",,,,,,,,,"a,b",,false,2026-11-21,\n');
    const jsonl = await j.run(['contact', 'show', 'Ralph', '--format', 'jsonl']);
    expect(jsonl.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(jsonl.stdout)).toMatchObject({
      id: 1,
      name: 'Ralph Smith',
      tags: ['a', 'b'],
    });
  });

  it('draws the profile without colour for --format table when piped', async () => {
    await add('Ralph');
    const result = await j.run(['contact', 'show', 'Ralph', '--format', 'table']);
    expect(result.stdout.split('\n')[0]).toBe('Ralph  #1');
    expect(result.stdout).not.toContain('\u001b');
  });
});

describe('contact show errors', () => {
  it('exits 3 on a missing journal and creates nothing', async () => {
    const result = await j.run(['contact', 'show', 'Ralph']);
    expect(result).toEqual({
      stdout: '',
      stderr:
        'netjournal: no contact named "Ralph" — add them with: netjournal contact add "Ralph"\n',
      code: 3,
    });
    expect(existsSync(j.path)).toBe(false);
  });

  it('exits 3 on an unknown name with suggestions, and on an ambiguous one', async () => {
    await add('Ralph Smith');
    await add('Ralph Jones');
    const before = readFileSync(j.path);
    expect(await j.run(['contact', 'show', 'Ralf Smith'])).toEqual({
      stdout: '',
      stderr: 'netjournal: no contact named "Ralf Smith" — did you mean "Ralph Smith"?\n',
      code: 3,
    });
    expect(await j.run(['contact', 'show', 'ralph'])).toEqual({
      stdout: '',
      stderr:
        'netjournal: "ralph" matches 2 contacts: Ralph Jones (#2), Ralph Smith (#1) — name one by its id, e.g. \'#2\'\n',
      code: 3,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('exits 2 for "me" and for an unknown format', async () => {
    await add('Ralph');
    expect(await j.run(['contact', 'show', 'me'])).toEqual({
      stdout: '',
      stderr: 'netjournal: "me" means you here — name someone else\n',
      code: 2,
    });
    expect(await j.run(['contact', 'show', 'Ralph', '--format', 'xml'])).toEqual({
      stdout: '',
      stderr: 'netjournal: unknown format "xml" — use one of table, json, jsonl, csv, tsv\n',
      code: 2,
    });
  });
});
