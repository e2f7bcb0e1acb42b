import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertFollowUp, setFollowUpStatus } from '../../src/storage/follow-ups.js';
import { insertIntroduction } from '../../src/storage/introductions.js';
import { openJournal, type Db } from '../../src/storage/journal.js';
import { insertMeeting } from '../../src/storage/meetings.js';
import { insertGift, insertNote } from '../../src/storage/notes.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

// The terminal prompt reads the real stdin; answer it from the test instead.
const confirmOnTerminal = vi.hoisted(() =>
  vi.fn<(message: string, defaultYes?: boolean) => Promise<boolean>>(),
);
vi.mock('../../src/prompts/confirm.js', () => ({ confirmOnTerminal }));

const TS = '2026-11-21T00:00:00.000Z';
type Rec = { [key: string]: unknown };

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
  confirmOnTerminal.mockReset();
});
afterEach(() => j.remove());

function seed(fn: (db: Db) => void): void {
  const db = openJournal(j.path, { write: true, timestamp: TS });
  if (!db) throw new Error('no journal');
  try {
    fn(db);
  } finally {
    db.close();
  }
}

/** Read the journal directly, for what no command shows (yet). */
function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = openJournal(j.path, { write: false, timestamp: TS });
  if (!db) throw new Error('no journal');
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const ids = (sql: string) => query<{ id: number }>(sql).map((r) => r.id);

async function show(name: string): Promise<Rec> {
  const result = await j.run(['contact', 'show', name, '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Rec;
}

async function names(): Promise<string[]> {
  const { stdout } = await j.run(['contacts', '--json', '--archived']);
  return (JSON.parse(stdout) as Rec[]).map((c) => String(c.name));
}

/**
 * Joe Park #1, Ralph Smith #2, Lena Berg #3. Joe introduced Ralph to me;
 * Ralph introduced Lena to me. Meeting 1 (Nov 10) is Ralph's alone, meeting
 * 2 (Nov 15) is with Ralph and Lena, meeting 3 (Oct 1) is Lena's alone.
 */
async function network(): Promise<void> {
  for (const name of ['Joe Park', 'Ralph Smith', 'Lena Berg']) {
    await j.run(['contact', 'add', name]);
  }
  seed((db) => {
    const joeRalph = insertIntroduction(
      db,
      { introducerId: 1, personId: 2, toId: 0, date: '2026-01-01', context: null },
      TS,
    );
    insertIntroduction(
      db,
      { introducerId: 2, personId: 3, toId: 0, date: '2026-02-01', context: null },
      TS,
    );
    const solo = insertMeeting(
      db,
      { date: '2026-11-10', kind: 'coffee', notes: null, outreach: false },
      [2],
      TS,
    );
    insertMeeting(
      db,
      { date: '2026-11-15', kind: 'lunch', notes: null, outreach: false },
      [2, 3],
      TS,
    );
    insertMeeting(db, { date: '2026-10-01', kind: 'call', notes: null, outreach: false }, [3], TS);
    insertNote(db, { contactId: 2, date: '2026-11-10', text: 'two kids', meetingId: solo }, TS);
    insertNote(db, { contactId: 3, date: '2026-11-15', text: 'runs marathons' }, TS);
    insertGift(db, { contactId: 2, date: '2026-11-10', text: 'a book' }, TS);
    insertFollowUp(
      db,
      { contactId: 2, kind: 'thank_you', text: 'thank Ralph', due: '2026-11-11', meetingId: solo },
      TS,
    );
    // Joe's report-back comes from the meeting with Ralph alone: it goes with it while open.
    insertFollowUp(
      db,
      {
        contactId: 1,
        kind: 'report_back',
        text: 'tell Joe',
        due: '2026-11-12',
        meetingId: solo,
        introductionId: joeRalph,
      },
      TS,
    );
    const closed = insertFollowUp(
      db,
      { contactId: 1, kind: 'report_back', text: 'told Joe', due: '2026-11-12', meetingId: solo },
      TS,
    );
    setFollowUpStatus(db, closed, 'done', '2026-11-12');
    insertFollowUp(
      db,
      { contactId: 3, kind: 'action', text: 'send Lena the link', due: '2026-11-30' },
      TS,
    );
  });
}

describe('contact rm', () => {
  beforeEach(network);

  it('refuses without --yes when not on a terminal, writing nothing', async () => {
    const before = readFileSync(j.path);
    expect(await j.run(['contact', 'rm', 'Ralph'])).toEqual({
      stdout: '',
      stderr:
        'netjournal: contact rm needs --yes when not run on a terminal — add --yes to remove Ralph Smith (#2)\n',
      code: 2,
    });
    const noInput = await j.run(['contact', 'rm', 'Ralph', '--no-input'], { tty: true });
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toContain('contact rm needs --yes');
    expect(confirmOnTerminal).not.toHaveBeenCalled();
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('removes the contact and what belongs only to them with --yes', async () => {
    const result = await j.run(['contact', 'rm', 'Ralph', '--yes']);
    expect(result.stderr).toBe(
      'Removed Ralph Smith (#2): 1 meeting, 1 note, 2 follow-ups, 2 introductions, 1 gift; 1 meeting shared with others is kept.\n',
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[1]?.startsWith('2\tRalph Smith\t')).toBe(true);
    expect(await names()).toEqual(['Joe Park', 'Lena Berg']);
    expect(ids('SELECT id FROM meetings ORDER BY id')).toEqual([2, 3]);
    expect(
      query('SELECT meeting_id, contact_id FROM meeting_contacts ORDER BY meeting_id'),
    ).toEqual([
      { meeting_id: 2, contact_id: 3 },
      { meeting_id: 3, contact_id: 3 },
    ]);
    expect(ids('SELECT id FROM notes')).toEqual([2]);
    expect(ids('SELECT id FROM gifts')).toEqual([]);
    expect(ids('SELECT id FROM introductions')).toEqual([]);
    // The open report-back went with Ralph's meeting; the done one stays as history.
    expect(query('SELECT id, meeting_id FROM follow_ups ORDER BY id')).toEqual([
      { id: 3, meeting_id: null },
      { id: 4, meeting_id: null },
    ]);
    expect((await show('Lena')).lastMet).toBe('2026-11-15');
  });

  it('prints the removed record and the counts with --json', async () => {
    const result = await j.run(['contact', 'rm', '#2', '--yes', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 2,
      name: 'Ralph Smith',
      removed: { meetings: 1, notes: 1, followUps: 2, introductions: 2, gifts: 1 },
      keptSharedMeetings: 1,
    });
  });

  it('asks on a terminal, default no, and keeps the contact when told no', async () => {
    const before = readFileSync(j.path);
    confirmOnTerminal.mockResolvedValueOnce(false);
    expect(await j.run(['contact', 'rm', 'Ralph'], { tty: true })).toEqual({
      stdout: '',
      stderr: 'Kept Ralph Smith.\n',
      code: 0,
    });
    expect(confirmOnTerminal).toHaveBeenCalledWith(
      "Remove Ralph Smith (#2) with 1 meeting, 1 note, 2 follow-ups, 2 introductions, 1 gift; 1 meeting shared with others is kept? You can undo it with 'netjournal undo'.",
      false,
      // Drawn on this run's stderr (the terminal the test gives), not the process's.
      expect.objectContaining({ isTTY: true }),
    );
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('removes on a terminal when told yes, printing only on stderr', async () => {
    confirmOnTerminal.mockResolvedValueOnce(true);
    const result = await j.run(['contact', 'rm', 'Lena'], { tty: true });
    expect(result).toEqual({
      stdout: '',
      // A confirmation on a terminal wraps at spaces to its 80 columns.
      stderr:
        'Removed Lena Berg (#3): 1 meeting, 1 note, 1 follow-up, 1 introduction, 0 gifts;\n1 meeting shared with others is kept.\n',
      code: 0,
    });
    expect(await names()).toEqual(['Joe Park', 'Ralph Smith']);
  });

  it('does not ask with --yes on a terminal', async () => {
    const result = await j.run(['contact', 'rm', 'Joe', '--yes'], { tty: true });
    expect(result.stderr).toBe(
      'Removed Joe Park (#1): 0 meetings, 0 notes, 2 follow-ups, 1 introduction, 0\ngifts.\n',
    );
    expect(confirmOnTerminal).not.toHaveBeenCalled();
  });

  it.each([
    [['me', '--yes'], 2, '"me" is you and cannot be removed — name a contact'],
    [['Myself', '--yes'], 2, '"Myself" is you and cannot be removed — name a contact'],
    [
      ['Nobody', '--yes'],
      3,
      'no contact named "Nobody" — add them with: netjournal contact add "Nobody"',
    ],
    [['#9', '--yes'], 3, "no contact #9 — see the ids with 'netjournal contacts'"],
    [
      ['Ralph', '--yes', '--format', 'xml'],
      2,
      'unknown format "xml" — use one of table, json, jsonl, csv, tsv',
    ],
  ])('refuses %j with exit %i, writing nothing', async (args, code, message) => {
    const before = readFileSync(j.path);
    expect(await j.run(['contact', 'rm', ...args])).toEqual({
      stdout: '',
      stderr: `netjournal: ${message}\n`,
      code,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });
});

describe('contact rm and merge without a journal', () => {
  it('exit 3 and create nothing', async () => {
    expect((await j.run(['contact', 'rm', 'Ralph', '--yes'])).code).toBe(3);
    expect((await j.run(['contact', 'merge', 'Ralph', 'Joe'])).code).toBe(3);
    expect(existsSync(j.path)).toBe(false);
  });
});

describe('contact merge', () => {
  beforeEach(network);

  it('moves everything of OTHER onto KEEP and removes OTHER', async () => {
    await j.run(
      [
        'contact',
        'add',
        'R. Smith',
        '--company',
        'Acme',
        '--email',
        'r@acme.test',
        '--every',
        '30d',
        '--tag',
        'design',
        '--how',
        'conference',
      ],
      {
        env: { NETJOURNAL_NOW: '2025-05-05' },
      },
    );
    await j.run([
      'contact',
      'edit',
      'Ralph Smith',
      '--company',
      'Globex',
      '--tag',
      'Design',
      '--tag',
      'mentor',
    ]);
    seed((db) => {
      // #4 met alone on Nov 20 (later than any of Ralph's meetings) and was at the shared lunch.
      insertMeeting(
        db,
        { date: '2026-11-20', kind: 'call', notes: null, outreach: false },
        [4],
        TS,
      );
      db.prepare('INSERT INTO meeting_contacts (meeting_id, contact_id) VALUES (2, 4)').run();
      insertNote(db, { contactId: 4, date: '2026-05-05', text: 'likes jazz' }, TS);
      insertGift(db, { contactId: 4, date: '2026-06-01', text: 'tickets' }, TS);
      insertFollowUp(
        db,
        { contactId: 4, kind: 'waiting', text: 'intro to Ann', due: '2026-12-01' },
        TS,
      );
      // Kept: #4 introduced Lena to Joe. Dropped: Ralph introduced #4 to me, #4 introduced Ralph to Joe.
      insertIntroduction(
        db,
        { introducerId: 4, personId: 3, toId: 1, date: '2026-03-01', context: null },
        TS,
      );
      insertIntroduction(
        db,
        { introducerId: 2, personId: 4, toId: 0, date: '2026-03-02', context: null },
        TS,
      );
      insertIntroduction(
        db,
        { introducerId: 4, personId: 2, toId: 1, date: '2026-03-03', context: null },
        TS,
      );
    });
    const result = await j.run(['contact', 'merge', 'Ralph Smith', 'R. Smith']);
    expect(result.stderr).toBe('Merged R. Smith (#4) into Ralph Smith (#2).\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'id\tname\taliases\tcompany\trole\temail\tphone\turl\tlocation\tcircle\tcadenceDays\tbirthday\ttags\thowMet\tarchived\tcreated\tlastMet\n' +
        '2\tRalph Smith\t\tGlobex\t\tr@acme.test\t\t\t\t\t30\t\tDesign,mentor\tconference\tfalse\t2025-05-05\t2026-11-20\n',
    );
    expect(await names()).toEqual(['Joe Park', 'Lena Berg', 'Ralph Smith']);
    const ralph = await show('Ralph Smith');
    expect((ralph.meetings as Rec[]).map((m) => [m.id, m.contactIds])).toEqual([
      [4, [2]],
      [2, [3, 2]],
      [1, [2]],
    ]);
    expect((ralph.notes as Rec[]).map((n) => n.text)).toEqual(['two kids', 'likes jazz']);
    expect((ralph.gifts as Rec[]).map((g) => g.text)).toEqual(['a book', 'tickets']);
    expect((ralph.followUps as Rec[]).map((f) => f.text)).toEqual(['thank Ralph', 'intro to Ann']);
    expect((ralph.introductions as Rec[]).map((i) => [i.id, i.introducer, i.person, i.to])).toEqual(
      [
        [3, 'Ralph Smith', 'Lena Berg', 'Joe Park'],
        [2, 'Ralph Smith', 'Lena Berg', 'me'],
        [1, 'Joe Park', 'Ralph Smith', 'me'],
      ],
    );
    expect(query('SELECT count(*) AS n FROM meeting_contacts WHERE contact_id = 4')).toEqual([
      { n: 0 },
    ]);
  });

  it('keeps KEEP’s last met when OTHER met earlier, and fills only empty fields', async () => {
    await j.run(['contact', 'add', 'Old Ralph', '--company', 'Initech', '--role', 'Dev'], {
      env: { NETJOURNAL_NOW: '2026-12-01' },
    });
    seed((db) =>
      insertMeeting(
        db,
        { date: '2026-06-01', kind: 'call', notes: null, outreach: false },
        [4],
        TS,
      ),
    );
    const result = await j.run(['contact', 'merge', 'Ralph', 'Old Ralph', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 2,
      company: 'Initech',
      role: 'Dev',
      created: '2026-11-21',
      lastMet: '2026-11-15',
    });
  });

  it('prints only on stderr on a terminal', async () => {
    expect(await j.run(['contact', 'merge', 'Joe', 'Lena'], { tty: true })).toEqual({
      stdout: '',
      stderr: 'Merged Lena Berg (#3) into Joe Park (#1).\n',
      code: 0,
    });
    // Ralph introduced Lena to me: now Joe. Joe introduced Ralph to me: kept.
    expect(((await show('Joe')).introductions as Rec[]).length).toBe(2);
    expect((await show('Joe')).lastMet).toBe('2026-11-15');
  });

  it.each([
    [
      ['Ralph', 'ralph smith'],
      2,
      '"Ralph" and "ralph smith" are the same contact, Ralph Smith (#2) — name two different contacts: netjournal contact merge KEEP OTHER',
    ],
    [
      ['#1', 'Joe Park'],
      2,
      '"#1" and "Joe Park" are the same contact, Joe Park (#1) — name two different contacts: netjournal contact merge KEEP OTHER',
    ],
    [['me', 'Joe'], 2, '"me" is you and cannot be merged — name two contacts'],
    [['Joe', 'I'], 2, '"I" is you and cannot be merged — name two contacts'],
    [
      ['Joe', 'Nobody'],
      3,
      'no contact named "Nobody" — add them with: netjournal contact add "Nobody"',
    ],
    [
      ['Joe', 'Lena', '--format', 'xml'],
      2,
      'unknown format "xml" — use one of table, json, jsonl, csv, tsv',
    ],
  ])('refuses %j with exit %i, writing nothing', async (args, code, message) => {
    const before = readFileSync(j.path);
    expect(await j.run(['contact', 'merge', ...args])).toEqual({
      stdout: '',
      stderr: `netjournal: ${message}\n`,
      code,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
    expect(await names()).toEqual(['Joe Park', 'Lena Berg', 'Ralph Smith']);
  });

  it('exits 2 when OTHER is missing', async () => {
    const result = await j.run(['contact', 'merge', 'Joe']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "netjournal: missing required argument 'other' — see 'netjournal contact merge --help'\n",
    );
  });
});
