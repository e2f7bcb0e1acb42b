import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

interface FollowUpJson {
  id: number;
  kind: string;
  contact: string;
  text: string;
  due: string;
  status: string;
}

async function json<T>(args: string[]): Promise<T> {
  const result = await j.run([...args, '--json']);
  expect(result.stderr.startsWith('netjournal:')).toBe(false);
  return JSON.parse(result.stdout) as T;
}

const followUps = (all = false) =>
  json<FollowUpJson[]>(['follow-ups', ...(all ? ['--all'] : [])]).then((fs) =>
    fs.map((f) => `${f.id} ${f.kind} ${f.contact} ${f.due} ${f.status}: ${f.text}`),
  );

describe('add', () => {
  it('logs a coffee with a new person, owing a thank-you note the next day', async () => {
    const result = await j.run(['add', 'Ralph Smith']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        'New contact: Ralph Smith (#1).',
        'Logged coffee with Ralph Smith on 2026-11-21 (meeting 1).',
        'Follow-ups:',
        '  1  thank-you   due tomorrow  Thank Ralph Smith for the coffee',
        '',
      ].join('\n'),
    );
    expect(result.stdout).toBe(
      'id\tdate\tkind\tcontacts\tcontactIds\tnotes\toutreach\n1\t2026-11-21\tcoffee\tRalph Smith\t1\t\tfalse\n',
    );
    expect(await followUps()).toEqual([
      '1 thank_you Ralph Smith 2026-11-22 open: Thank Ralph Smith for the coffee',
    ]);
  });

  it('owes no thank-you for email, message or other, nor with --no-thank-you', async () => {
    for (const kind of ['email', 'message', 'other'])
      await j.run(['add', `P ${kind}`, '--kind', kind, '--new']);
    await j.run(['add', 'Q', '--kind', 'call', '--no-thank-you']);
    await j.run(['add', 'R', '--kind', 'interview', '--date', '2026-11-19']);
    expect(await followUps()).toEqual(['1 thank_you R 2026-11-20 open: Thank R for the interview']);
  });

  it('records --via for new people and owes the introducer a report-back on the first meeting only', async () => {
    await j.run(['add', 'Joe Park', '--no-thank-you', '--date', '2026-11-01']);
    const first = await json<{ introductions: unknown[]; followUps: FollowUpJson[] }>([
      'add',
      'Ralph Smith',
      'Lena Berg',
      '--via',
      'joe park',
      '--no-thank-you',
    ]);
    expect(first.introductions).toEqual([
      {
        id: 1,
        date: '2026-11-21',
        introducer: 'Joe Park',
        person: 'Ralph Smith',
        to: 'me',
        reportedBack: false,
        context: null,
      },
      {
        id: 2,
        date: '2026-11-21',
        introducer: 'Joe Park',
        person: 'Lena Berg',
        to: 'me',
        reportedBack: false,
        context: null,
      },
    ]);
    expect(first.followUps.map((f) => [f.kind, f.contact, f.due, f.text])).toEqual([
      ['report_back', 'Joe Park', '2026-11-23', 'Tell Joe Park how it went with Ralph Smith'],
      ['report_back', 'Joe Park', '2026-11-23', 'Tell Joe Park how it went with Lena Berg'],
    ]);
    const second = await json<{ followUps: FollowUpJson[] }>([
      'add',
      'Ralph Smith',
      '--no-thank-you',
    ]);
    expect(second.followUps).toEqual([]);
  });

  it('owes no report-back for someone the user introduced to themself or met with no introducer', async () => {
    await j.run(['intro', 'me', 'Alice', '--to', 'Bob']);
    const r = await json<{ followUps: FollowUpJson[] }>(['add', 'Alice', '--no-thank-you']);
    expect(r.followUps).toEqual([]);
  });

  it('turns --learned, --gave, --offered, --follow-up and --outreach into records', async () => {
    const r = await json<Record<string, unknown>>([
      'add',
      'Lena Berg',
      'Ralph',
      '--kind',
      'lunch',
      '--notes',
      'talked about design systems',
      '--learned',
      'climbs on Sundays',
      '--learned',
      'has a dog called Pixel',
      '--gave',
      'the UX article',
      '--offered',
      'intro to her manager',
      '--follow-up',
      'send my portfolio',
      '--follow-up',
      'book a call',
      '--due',
      'friday',
      '--outreach',
    ]);
    expect(r).toEqual({
      meeting: {
        id: 1,
        date: '2026-11-21',
        kind: 'lunch',
        contacts: ['Lena Berg', 'Ralph'],
        contactIds: [1, 2],
        notes: 'talked about design systems',
        outreach: true,
      },
      contactsCreated: [
        { id: 1, name: 'Lena Berg' },
        { id: 2, name: 'Ralph' },
      ],
      introductions: [],
      followUps: [
        {
          id: 1,
          kind: 'thank_you',
          contact: 'Lena Berg',
          contactId: 1,
          text: 'Thank Lena Berg for lunch',
          due: '2026-11-22',
          status: 'open',
          closed: null,
          meetingId: 1,
          introductionId: null,
        },
        {
          id: 2,
          kind: 'thank_you',
          contact: 'Ralph',
          contactId: 2,
          text: 'Thank Ralph for lunch',
          due: '2026-11-22',
          status: 'open',
          closed: null,
          meetingId: 1,
          introductionId: null,
        },
        {
          id: 3,
          kind: 'action',
          contact: 'Lena Berg',
          contactId: 1,
          text: 'send my portfolio',
          due: '2026-11-27',
          status: 'open',
          closed: null,
          meetingId: 1,
          introductionId: null,
        },
        {
          id: 4,
          kind: 'action',
          contact: 'Lena Berg',
          contactId: 1,
          text: 'book a call',
          due: '2026-11-27',
          status: 'open',
          closed: null,
          meetingId: 1,
          introductionId: null,
        },
        {
          id: 5,
          kind: 'waiting',
          contact: 'Lena Berg',
          contactId: 1,
          text: 'intro to her manager',
          due: '2026-11-28',
          status: 'open',
          closed: null,
          meetingId: 1,
          introductionId: null,
        },
        // --outreach: a nudge per person in 7 days, closed by the next meeting with them.
        {
          id: 6,
          kind: 'waiting',
          contact: 'Lena Berg',
          contactId: 1,
          text: 'Nudge Lena Berg if there is no reply',
          due: '2026-11-28',
          status: 'open',
          closed: null,
          meetingId: 1,
          introductionId: null,
        },
        {
          id: 7,
          kind: 'waiting',
          contact: 'Ralph',
          contactId: 2,
          text: 'Nudge Ralph if there is no reply',
          due: '2026-11-28',
          status: 'open',
          closed: null,
          meetingId: 1,
          introductionId: null,
        },
      ],
      notes: [
        {
          id: 1,
          contact: 'Lena Berg',
          contactId: 1,
          date: '2026-11-21',
          text: 'climbs on Sundays',
          meetingId: 1,
        },
        {
          id: 2,
          contact: 'Lena Berg',
          contactId: 1,
          date: '2026-11-21',
          text: 'has a dog called Pixel',
          meetingId: 1,
        },
      ],
      gifts: [
        {
          id: 1,
          contact: 'Lena Berg',
          contactId: 1,
          date: '2026-11-21',
          text: 'the UX article',
          meetingId: 1,
        },
      ],
    });
  });

  it('resolves names by prefix, e-mail and #ID, and says which contact it used', async () => {
    await j.run(['contact', 'add', 'Ralph Smith', '--email', 'ralph@acme.example']);
    const prefix = await j.run(['add', 'ral', '--no-thank-you']);
    expect(prefix.stderr.split('\n')[0]).toBe('"ral" is Ralph Smith (#1).');
    const email = await j.run(['add', 'RALPH@acme.example', '--no-thank-you']);
    expect(email.stderr.split('\n')[0]).toBe('"RALPH@acme.example" is Ralph Smith (#1).');
    const byId = await j.run(['add', '#1', '--no-thank-you']);
    expect(byId.stderr.split('\n')[0]).toBe(
      'Logged coffee with Ralph Smith on 2026-11-21 (meeting 3).',
    );
    const forced = await j.run(['add', 'Ralph Smith', '--new', '--no-thank-you']);
    expect(forced.stderr.split('\n')[0]).toBe('New contact: Ralph Smith (#2).');
  });

  it('sets --company and --circle on the contacts it creates, not on those it finds', async () => {
    await j.run(['contact', 'add', 'Joe Park', '--company', 'Globex']);
    const result = await j.run([
      'add',
      'Joe',
      'Ana Lee',
      '--company',
      ' Acme ',
      '--circle',
      'Second',
    ]);
    expect(result.code).toBe(0);
    const people = await json<{ name: string; company: string | null; circle: string | null }[]>([
      'contacts',
    ]);
    expect(people.map(({ name, company, circle }) => ({ name, company, circle }))).toEqual([
      { name: 'Ana Lee', company: 'Acme', circle: 'second' },
      { name: 'Joe Park', company: 'Globex', circle: null },
    ]);
  });

  it('logs with the last-met date kept in step', async () => {
    await j.run(['add', 'Ralph', '--date', '2026-11-02']);
    await j.run(['add', 'Ralph', '--date', '2026-10-02']);
    const [ralph] = await json<{ lastMet: string }[]>(['contacts']);
    expect(ralph?.lastMet).toBe('2026-11-02');
  });
});

describe('bad input writes nothing', () => {
  beforeEach(async () => {
    await j.run(['contact', 'add', 'Ralph Smith']);
    await j.run(['contact', 'add', 'Ralph Jones']);
    await j.run(['add', 'Lena Berg', '--follow-up', 'send deck']);
    await j.run(['done', '1']);
  });

  const cases: [string, string[], number, string][] = [
    [
      'unknown date',
      ['add', 'Lena', '--date', 'blurgh'],
      2,
      'unknown date "blurgh" — try 2026-11-21, yesterday, monday, 3d or "2 weeks ago"',
    ],
    [
      'unknown due date',
      ['add', 'Lena', '--follow-up', 'x', '--due', 'someday'],
      2,
      'unknown date "someday" — try 2026-11-21, tomorrow, friday, 2w or "next week"',
    ],
    [
      '--due without --follow-up',
      ['add', 'Lena', '--due', 'friday'],
      2,
      '--due needs --follow-up — e.g. --follow-up "send the article" --due friday',
    ],
    [
      'unknown kind',
      ['add', 'Lena', '--kind', 'brunch'],
      2,
      'unknown kind "brunch" — use one of coffee, lunch, call, video, meeting, event, interview, email, message, other',
    ],
    ['empty name', ['add', ''], 2, 'a name cannot be empty — give a name some words'],
    [
      'whitespace-only name',
      ['add', 'Lena', '  '],
      2,
      'a name cannot be empty — give a name some words',
    ],
    ['me as a participant', ['add', 'myself'], 2, '"myself" means you here — name someone else'],
    [
      '--company for someone already in the journal',
      ['add', 'Lena', '--company', 'Acme'],
      2,
      "--company and --circle are for new contacts, and Lena Berg ('#3') is already one — change theirs with netjournal contact edit '#3' --company NAME --circle CIRCLE",
    ],
    [
      'unknown circle',
      ['add', 'Ana Lee', '--circle', 'outer'],
      2,
      'unknown circle "outer" — use inner, second or third',
    ],
    [
      'ambiguous contact',
      ['add', 'Ralph'],
      3,
      '"Ralph" matches 2 contacts: Ralph Jones (#2), Ralph Smith (#1) — name one by its id, e.g. \'#2\'',
    ],
    [
      'no names when not on a terminal',
      ['add'],
      2,
      'who did you meet? — name them, e.g. netjournal add "Ralph Smith" --kind coffee (prompts need a terminal)',
    ],
    [
      'unknown contact for a note',
      ['note', 'Rlph Smth', 'likes tea'],
      3,
      'no contact named "Rlph Smth" — did you mean "Ralph Smith"?',
    ],
    [
      'unknown contact, several close',
      ['note', 'Ralf', 'likes tea'],
      3,
      'no contact named "Ralf" — did you mean "Ralph Jones", "Ralph Smith"?',
    ],
    [
      'unknown contact, nothing close',
      ['note', 'Zed', 'likes tea'],
      3,
      'no contact named "Zed" — add them with: netjournal contact add "Zed"',
    ],
    ['empty note', ['note', 'Lena', ' '], 2, 'the note cannot be empty — give the note some words'],
    [
      'unknown follow-up kind',
      ['follow-up', 'Lena', 'x', '--kind', 'later'],
      2,
      'unknown follow-up kind "later" — use action or waiting',
    ],
    [
      'bad follow-up due',
      ['follow-up', 'Lena', 'x', '--due', '2026-02-30'],
      2,
      'no such date "2026-02-30" — try 2026-11-21, tomorrow, friday, 2w or "next week"',
    ],
    [
      'unknown follow-up id',
      ['done', '99'],
      3,
      "no follow-up 99 — see the ids with 'netjournal follow-ups'",
    ],
    [
      'one unknown id among good ones',
      ['done', '2', '99'],
      3,
      "no follow-up 99 — see the ids with 'netjournal follow-ups'",
    ],
    [
      'done twice',
      ['done', '2', '1'],
      2,
      'follow-up 1 is already done on 2026-11-21 — nothing to change',
    ],
    [
      'invalid id',
      ['drop', 'abc'],
      2,
      'invalid follow-up id "abc" — give the id shown by today or follow-ups, e.g. 12, or b12 / r12 for a birthday or reconnect',
    ],
    [
      'snooze without --until',
      ['snooze', '2'],
      2,
      "required option '--until <when>' not specified — see 'netjournal snooze --help'",
    ],
    [
      'snooze a done item',
      ['snooze', '1', '--until', 'monday'],
      2,
      'follow-up 1 is done on 2026-11-21 — only open follow-ups can be snoozed',
    ],
    [
      'intro of someone to themself',
      ['intro', 'Lena', 'me'],
      2,
      'an introduction needs three different people — netjournal intro INTRODUCER PERSON [--to NAME] (--to defaults to you)',
    ],
    [
      'unknown meeting',
      ['meeting', 'rm', '42'],
      3,
      "no meeting 42 — see the ids with 'netjournal log'",
    ],
    [
      'meeting edit with nothing to change',
      ['meeting', 'edit', '1'],
      2,
      'nothing to change — give --date, --kind, --notes, --with or --outreach',
    ],
    [
      'meeting edit with an unknown person',
      ['meeting', 'edit', '1', '--with', 'Nobody'],
      3,
      'no contact named "Nobody" — add them with: netjournal contact add "Nobody"',
    ],
  ];

  it.each(cases)('%s: exit %#', async (_what, args, code, message) => {
    const before = await journalState(j);
    const result = await j.run(args);
    expect(result).toEqual({ stdout: '', stderr: `netjournal: ${message}\n`, code });
    expect(await journalState(j)).toBe(before);
  });
});

describe('follow-ups', () => {
  beforeEach(async () => {
    await j.run(['add', 'Joe Park', '--date', '2026-11-01', '--no-thank-you']);
    await j.run(['add', 'Ralph Smith', '--via', 'Joe Park']);
    await j.run(['follow-up', 'Joe', 'ask about the climbing trip', '--due', 'tomorrow']);
    await j.run(['follow-up', 'Ralph', 'the intro to Sam', '--kind', 'waiting', '--due', '2w']);
  });

  it('lists open ones by due date, then name', async () => {
    expect(await followUps()).toEqual([
      '3 action Joe Park 2026-11-22 open: ask about the climbing trip',
      '1 thank_you Ralph Smith 2026-11-22 open: Thank Ralph Smith for the coffee',
      '2 report_back Joe Park 2026-11-23 open: Tell Joe Park how it went with Ralph Smith',
      '4 waiting Ralph Smith 2026-12-05 open: the intro to Sam',
    ]);
  });

  it('done, drop and snooze change status and dates, and a report-back closes its introduction', async () => {
    const done = await j.run(['done', '2', '#1']);
    expect(done.stderr).toBe(
      'Follow-up 2 (Joe Park: Tell Joe Park how it went with Ralph Smith) done.\n' +
        'Follow-up 1 (Ralph Smith: Thank Ralph Smith for the coffee) done.\n',
    );
    await j.run(['drop', '3']);
    await j.run(['snooze', '4', '--until', '2026-12-24']);
    expect(await followUps(true)).toEqual([
      '3 action Joe Park 2026-11-22 dropped: ask about the climbing trip',
      '1 thank_you Ralph Smith 2026-11-22 done: Thank Ralph Smith for the coffee',
      '2 report_back Joe Park 2026-11-23 done: Tell Joe Park how it went with Ralph Smith',
      '4 waiting Ralph Smith 2026-12-24 open: the intro to Sam',
    ]);
    const all = await json<{ closed: string | null }[]>(['follow-ups', '--all']);
    expect(all.map((f) => f.closed)).toEqual(['2026-11-21', '2026-11-21', '2026-11-21', null]);
    const db = new Database(j.path, { readonly: true });
    expect(db.prepare('SELECT reported_back FROM introductions').all()).toEqual([
      { reported_back: 1 },
    ]);
    db.close();
  });

  it('filters by contact', async () => {
    const joe = await json<FollowUpJson[]>(['follow-ups', 'Joe Park']);
    expect(joe.map((f) => f.id)).toEqual([3, 2]);
  });
});

describe('log and meeting', () => {
  beforeEach(async () => {
    await j.run(['add', 'Ralph Smith', '--date', '2026-11-10', '--kind', 'call']);
    await j.run(['add', 'Lena Berg', 'Ralph Smith', '--date', '2026-11-18', '--notes', 'demo day']);
    await j.run(['add', 'Lena Berg', '--kind', 'email', '--date', 'yesterday']);
  });

  it('lists meetings newest first, filtered by person, date and kind', async () => {
    const ids = async (...args: string[]) =>
      (await json<{ id: number }[]>(['log', ...args])).map((m) => m.id);
    expect(await ids()).toEqual([3, 2, 1]);
    expect(await ids('Ralph')).toEqual([2, 1]);
    expect(await ids('--since', '2026-11-15')).toEqual([3, 2]);
    expect(await ids('--kind', 'call')).toEqual([1]);
    const table = await j.run(['log'], { tty: true, env: { NO_COLOR: '1' } });
    expect(table.stdout).toBe(
      [
        'ID  DATE        WHEN         KIND    WITH                    NOTES',
        ' 3  2026-11-20  yesterday    email   Lena Berg',
        ' 2  2026-11-18  3 days ago   coffee  Lena Berg, Ralph Smith  demo day',
        ' 1  2026-11-10  11 days ago  call    Ralph Smith',
        '',
      ].join('\n'),
    );
  });

  it('edits a meeting and keeps last met in step', async () => {
    const edited = await j.run([
      'meeting',
      'edit',
      '2',
      '--date',
      '2026-11-05',
      '--with',
      'Lena',
      '--kind',
      'lunch',
      '--json',
    ]);
    expect(JSON.parse(edited.stdout)).toEqual({
      id: 2,
      date: '2026-11-05',
      kind: 'lunch',
      contacts: ['Lena Berg'],
      contactIds: [2],
      notes: 'demo day',
      outreach: false,
      // Issue 16 point 2: the edit says what changed and re-plans the follow-ups.
      changes: [
        { field: 'date', before: '2026-11-18', after: '2026-11-05' },
        { field: 'kind', before: 'coffee', after: 'lunch' },
        { field: 'people', before: 'Lena Berg, Ralph Smith', after: 'Lena Berg' },
      ],
      replanned: {
        added: [],
        moved: [
          {
            id: 2,
            kind: 'thank_you',
            contact: 'Lena Berg',
            contactId: 2,
            text: 'Thank Lena Berg for lunch',
            due: '2026-11-06',
            status: 'open',
            closed: null,
            meetingId: 2,
            introductionId: null,
            from: '2026-11-19',
          },
        ],
        removed: [
          {
            id: 3,
            kind: 'thank_you',
            contact: 'Ralph Smith',
            contactId: 1,
            text: 'Thank Ralph Smith for the coffee',
            due: '2026-11-19',
            status: 'open',
            closed: null,
            meetingId: 2,
            introductionId: null,
            reason: 'left',
          },
        ],
      },
    });
    expect(edited.stderr).toBe(
      'Updated meeting 2: date 2026-11-18 → 2026-11-05, kind coffee → lunch, ' +
        'people Lena Berg, Ralph Smith → Lena Berg; thank-you for Lena Berg moved to 2026-11-06; ' +
        'removed thank-you for Ralph Smith (no longer in the meeting).\n',
    );
    const contacts = await json<{ name: string; lastMet: string }[]>(['contacts']);
    expect(contacts.map((c) => [c.name, c.lastMet])).toEqual([
      ['Lena Berg', '2026-11-20'],
      ['Ralph Smith', '2026-11-10'],
    ]);
  });

  it('removes a meeting with its open follow-ups, and says so', async () => {
    await j.run(['done', '2']);
    const removed = await j.run(['meeting', 'rm', '2']);
    expect(removed.stderr).toBe(
      'Removed meeting 2 (coffee with Lena Berg, Ralph Smith on 2026-11-18) and its 1 open follow-up: 3.\n',
    );
    expect(await followUps(true)).toEqual([
      '1 thank_you Ralph Smith 2026-11-11 open: Thank Ralph Smith for the call',
      '2 thank_you Lena Berg 2026-11-19 done: Thank Lena Berg for the coffee',
    ]);
    expect((await json<{ id: number }[]>(['log'])).map((m) => m.id)).toEqual([3, 1]);
  });

  it('shows a meeting with what came of it', async () => {
    const shown = await json<Record<string, unknown>>(['meeting', 'show', '2']);
    expect(shown).toMatchObject({
      id: 2,
      contacts: ['Lena Berg', 'Ralph Smith'],
      notes: 'demo day',
      gifts: [],
    });
    expect((shown.followUps as unknown[]).length).toBe(2);
    const page = await j.run(['meeting', 'show', '2'], { tty: true, env: { NO_COLOR: '1' } });
    expect(page.stdout).toBe(
      [
        'Meeting 2: coffee',
        'Date:  2026-11-18 (3 days ago)',
        'With:  Lena Berg (#2), Ralph Smith (#1)',
        'Notes: demo day',
        '',
        'Follow-ups',
        // Issue 17, point 4: late as everywhere else ("2 days late").
        '  2  thank-you   2 days late  Thank Lena Berg for the coffee',
        '  3  thank-you   2 days late  Thank Ralph Smith for the coffee',
        '',
      ].join('\n'),
    );
  });
});

describe('a write that fails on a missing journal', () => {
  it('creates neither the journal nor its folders', async () => {
    const nested = join(j.dir, 'a', 'b', 'journal.db');
    const r = await j.run(['note', 'Nobody', 'likes tea'], { env: { NETJOURNAL_DB: nested } });
    expect(r.code).toBe(3);
    expect(existsSync(join(j.dir, 'a'))).toBe(false);
    const flat = await j.run(['follow-up', 'Nobody', 'call']);
    expect(flat.code).toBe(3);
    expect(existsSync(j.path)).toBe(false);
  });
});
