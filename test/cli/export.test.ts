import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

// A command line as the shell splits it: words, or '…' quoted ones.
const words = (line: string): string[] =>
  [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');

// One journal for every test: export only reads it (a test below checks that).
// Contacts: Ralph Smith #1, Lena Berg #2 (met 2026-11-20 via Ralph), Joe Park #3, =HYPERLINK("x") #4.
let j: TempJournal;
let state: string;
beforeAll(async () => {
  j = tempJournal();
  const steps = [
    "contact add 'Ralph Smith' --company 'Acme; Inc.' --role CTO --email ralph@acme.example" +
      " --phone '+49 30 1234' --birthday 03-14 --tag mentor --tag climbing" +
      " --how 'Coffee at the meetup, via Joe' --location Berlin --circle second",
    "add 'Lena Berg' --via 'Ralph Smith' --date 2026-11-20 --notes 'Talked about design systems'" +
      " --follow-up 'Send the deck' --offered 'Intro to her manager'",
    "note 'Lena Berg' 'Plays the cello'",
    "intro 'Ralph Smith' 'Joe Park' --to 'Lena Berg' --date 2026-11-18 --note 'both climb'",
    `contact add '=HYPERLINK("x")' --company @evil`,
    'config set cadence.second 60d',
    'done 1',
  ];
  for (const step of steps) {
    const result = await j.run(words(step));
    expect(result.code, result.stderr).toBe(0);
  }
  state = await journalState(j);
});
afterAll(() => j.remove());

async function ok(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const result = await j.run(['export', ...args], { env });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** A record's stable id, as the jsonl export gives it: the UID of its card or calendar item. */
async function stableId(type: 'contact' | 'followUp', id: number): Promise<string> {
  const lines = (await ok([])).trimEnd().split('\n');
  const line = lines
    .map((l) => JSON.parse(l) as { type: string; id: number; uid: string })
    .find((l) => l.type === type && l.id === id);
  return line?.uid ?? '';
}

// The exact lines, in jsonl-lines.ts's field and line order.
const T = '"created":"2026-11-21T00:00:00.000Z"';
const EMPTY =
  '"company":null,"role":null,"email":null,"phone":null,"url":null,"location":null,"circle":null,' +
  '"cadenceDays":null,"birthday":null,"tags":[],"howMet":null,"archived":false,"created":"2026-11-21"';
// A text netjournal wrote carries its template (FieldSpec.inLine), so an import keeps it generated.
const FOLLOW_UP = (id: number, rest: string, template?: string) =>
  `{"type":"followUp","id":${id},${rest},${T}${template ? `,"template":"${template}"` : ''}}`;
const LINES = {
  settings: ['{"type":"setting","key":"cadence.second","value":"60"}'],
  contacts: [
    '{"type":"contact","id":1,"name":"Ralph Smith","aliases":[],"company":"Acme; Inc.","role":"CTO",' +
      '"email":"ralph@acme.example","phone":"+49 30 1234","url":null,"location":"Berlin",' +
      '"circle":"second","cadenceDays":null,"birthday":"03-14","tags":["climbing","mentor"],' +
      '"howMet":"Coffee at the meetup, via Joe","archived":false,"created":"2026-11-21"}',
    `{"type":"contact","id":2,"name":"Lena Berg","aliases":[],${EMPTY}}`,
    `{"type":"contact","id":3,"name":"Joe Park","aliases":[],${EMPTY}}`,
    `{"type":"contact","id":4,"name":"=HYPERLINK(\\"x\\")","aliases":[],${EMPTY.replace('"company":null', '"company":"@evil"')}}`,
  ],
  meetings: [
    '{"type":"meeting","id":1,"date":"2026-11-20","kind":"coffee","contactIds":[2],' +
      `"notes":"Talked about design systems","outreach":false,${T}}`,
  ],
  introductions: [
    '{"type":"introduction","id":1,"date":"2026-11-20","introducerId":1,"personId":2,"toId":0,' +
      `"context":null,"reportedBack":false,${T}}`,
    '{"type":"introduction","id":2,"date":"2026-11-18","introducerId":1,"personId":3,"toId":2,' +
      `"context":"both climb","reportedBack":false,${T}}`,
  ],
  notes: [
    '{"type":"note","id":1,"contactId":2,"date":"2026-11-21","text":"Plays the cello",' +
      `"meetingId":null,${T}}`,
  ],
  gifts: [] as string[],
  followUps: [
    FOLLOW_UP(
      1,
      '"contactId":2,"kind":"thank_you","text":"Thank Lena Berg for the coffee","due":"2026-11-21",' +
        '"status":"done","closed":"2026-11-21","meetingId":1,"introductionId":null',
      'thank_you',
    ),
    FOLLOW_UP(
      2,
      '"contactId":1,"kind":"report_back","text":"Tell Ralph Smith how it went with Lena Berg",' +
        '"due":"2026-11-22","status":"open","closed":null,"meetingId":1,"introductionId":1',
      'report_back',
    ),
    FOLLOW_UP(
      3,
      '"contactId":2,"kind":"action","text":"Send the deck","due":"2026-11-28","status":"open",' +
        '"closed":null,"meetingId":1,"introductionId":null',
    ),
    FOLLOW_UP(
      4,
      '"contactId":2,"kind":"waiting","text":"Intro to her manager","due":"2026-11-28",' +
        '"status":"open","closed":null,"meetingId":1,"introductionId":null',
    ),
  ],
};
const jsonl = (lines: readonly string[]) => lines.map((l) => l + '\n').join('');
const ALL = Object.values(LINES).flat();
const HEADER = '{"type":"netjournal","format":2}';

/**
 * Every record but a setting carries its stable id (a UUIDv7, each a
 * different one) right after its short id: check them, then take them out
 * so the rest can be compared byte for byte.
 */
function withoutUids(text: string): string {
  const uids: string[] = [];
  const rest = text.replace(/("id":\d+),"uid":"([^"]*)"/g, (_, id: string, uid: string) => {
    uids.push(uid);
    return id;
  });
  for (const uid of uids)
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(new Set(uids).size).toBe(uids.length);
  expect(uids.length).toBe((text.match(/"id":\d+/g) ?? []).length);
  return rest;
}

describe('export: jsonl and json', () => {
  it('writes every record as jsonl by default, in export order, with a summary on stderr', async () => {
    const result = await j.run(['export']);
    expect(result.code).toBe(0);
    expect(withoutUids(result.stdout)).toBe(jsonl([HEADER, ...ALL]));
    expect(result.stderr).toBe(
      'Exported 4 contacts, 1 meeting, 2 introductions, 1 note, 0 gifts, 4 follow-ups, 1 setting.\n',
    );
  });

  it('gives the same bytes every time, whatever the day and the terminal', async () => {
    const first = await ok([]);
    expect(await ok(['--format', 'jsonl', '--what', 'all'])).toBe(first);
    expect(await ok([], { NETJOURNAL_NOW: '2030-01-01' })).toBe(first);
    const onTerminal = await j.run(['export'], { tty: true });
    expect(onTerminal.stdout).toBe(first);
  });

  it('writes only the lines of one kind with --what', async () => {
    expect(withoutUids(await ok(['--what', 'contacts']))).toBe(jsonl(LINES.contacts));
    expect(withoutUids(await ok(['--what', 'meetings']))).toBe(jsonl(LINES.meetings));
    expect(withoutUids(await ok(['--what', 'intros']))).toBe(jsonl(LINES.introductions));
    expect(withoutUids(await ok(['--what', 'notes']))).toBe(jsonl(LINES.notes));
    expect(withoutUids(await ok(['--what', 'Follow-Ups']))).toBe(jsonl(LINES.followUps));
  });

  it('writes one json object of every section, or an array with one --what', async () => {
    const sections = Object.entries(LINES).map(([key, lines]) => `"${key}":[${lines.join(',')}]`);
    expect(withoutUids(await ok(['--format', 'json']))).toBe(`{${sections.join(',')}}\n`);
    expect(withoutUids(await ok(['--json', '--what', 'follow-ups']))).toBe(
      `[${LINES.followUps.join(',')}]\n`,
    );
  });
});

describe('export: csv', () => {
  it('writes contacts with the contact record columns, formula-looking cells defused', async () => {
    expect(await ok(['--format', 'csv', '--what', 'contacts'])).toBe(
      [
        'id,name,aliases,company,role,email,phone,url,location,circle,cadenceDays,birthday,tags,howMet,archived,created,lastMet',
        `1,Ralph Smith,,Acme; Inc.,CTO,ralph@acme.example,'+49 30 1234,,Berlin,second,,03-14,"climbing,mentor","Coffee at the meetup, via Joe",false,2026-11-21,`,
        '2,Lena Berg,,,,,,,,,,,,,false,2026-11-21,2026-11-20',
        '3,Joe Park,,,,,,,,,,,,,false,2026-11-21,',
        `4,"'=HYPERLINK(""x"")",,'@evil,,,,,,,,,,,false,2026-11-21,`,
        '',
      ].join('\n'),
    );
  });

  it('writes meetings, follow-ups (all of them), intros and notes with their record columns', async () => {
    expect(await ok(['--format', 'csv', '--what', 'meetings'])).toBe(
      'id,date,kind,contacts,contactIds,notes,outreach\n1,2026-11-20,coffee,Lena Berg,2,Talked about design systems,false\n',
    );
    expect(await ok(['--format', 'csv', '--what', 'follow-ups'])).toBe(
      [
        'id,kind,contact,contactId,text,due,status,closed,meetingId,introductionId',
        '1,thank_you,Lena Berg,2,Thank Lena Berg for the coffee,2026-11-21,done,2026-11-21,1,',
        '2,report_back,Ralph Smith,1,Tell Ralph Smith how it went with Lena Berg,2026-11-22,open,,1,1',
        '3,action,Lena Berg,2,Send the deck,2026-11-28,open,,1,',
        '4,waiting,Lena Berg,2,Intro to her manager,2026-11-28,open,,1,',
        '',
      ].join('\n'),
    );
    expect(await ok(['--format', 'csv', '--what', 'intros'])).toBe(
      'id,date,introducer,person,to,reportedBack,context\n1,2026-11-20,Ralph Smith,Lena Berg,me,false,\n2,2026-11-18,Ralph Smith,Joe Park,Lena Berg,false,both climb\n',
    );
    const notes = await j.run(['export', '--format', 'csv', '--what', 'notes', '--no-header']);
    expect(notes.stdout).toBe('1,Lena Berg,2,2026-11-21,Plays the cello,\n');
    expect(notes.stderr).toBe('Exported 1 note.\n');
  });

  it('writes the same cells as contacts --format csv, hostile values defused alike', async () => {
    // One csv writer: a cell reads the same whichever command wrote it.
    const byId = (csv: string) =>
      new Map(
        csv
          .trimEnd()
          .split('\n')
          .map((line) => [line.split(',')[0], line]),
      );
    const exported = byId(await ok(['--format', 'csv', '--what', 'contacts']));
    const listed = await j.run(['contacts', '--format', 'csv']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(byId(listed.stdout)).toEqual(exported);
    expect(exported.get('4')).toBe(`4,"'=HYPERLINK(""x"")",,'@evil,,,,,,,,,,,false,2026-11-21,`);
    expect(exported.get('1')).toContain(`,'+49 30 1234,`);
  });
});

describe('export: vcard', () => {
  it('writes one vCard 4.0 per contact with CRLF line endings', async () => {
    const result = await j.run(['export', '--format', 'vcard']);
    expect(result.stderr).toBe('Exported 4 contacts.\n');
    // Issue 15 point 9: no guessed N, the location as ADR, netjournal's own fields in X-NETJOURNAL-*.
    const uids = await Promise.all([1, 2, 3, 4].map((id) => stableId('contact', id)));
    const card = (id: number, fn: string, ...rest: string[]) => [
      'BEGIN:VCARD',
      'VERSION:4.0',
      `UID:urn:uuid:${uids[id - 1] ?? ''}`,
      `FN:${fn}`,
      'N:;;;;',
      ...rest,
      'X-NETJOURNAL-CREATED:2026-11-21',
      'END:VCARD',
    ];
    expect(result.stdout).toBe(
      [
        ...card(
          1,
          'Ralph Smith',
          'ORG:Acme\\; Inc.',
          'TITLE:CTO',
          'EMAIL:ralph@acme.example',
          'TEL:+49 30 1234',
          'ADR:;;;Berlin;;;',
          'BDAY:--0314',
          'CATEGORIES:climbing,mentor',
          'X-NETJOURNAL-CIRCLE:second',
          'X-NETJOURNAL-HOW-MET;VALUE=text:Coffee at the meetup\\, via Joe',
        ),
        ...card(2, 'Lena Berg'),
        ...card(3, 'Joe Park'),
        ...card(4, '=HYPERLINK("x")', 'ORG:@evil'),
        '',
      ].join('\r\n'),
    );
    expect(await ok(['--format', 'vcard', '--what', 'contacts'])).toBe(result.stdout);
  });
});

describe('export: ics', () => {
  const parse = (text: string) => new ICAL.Component(ICAL.parse(text) as unknown[]);

  it('writes the open follow-ups as VTODOs with a due date and stable UIDs', async () => {
    const result = await j.run(['export', '--format', 'ics']);
    expect(result.stderr).toBe('Exported 3 open follow-ups as to-dos.\n');
    expect(result.stdout).not.toMatch(/[^\r]\n/);
    const calendar = parse(result.stdout);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//netjournal//EN');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    const todos = calendar.getAllSubcomponents('vtodo');
    const row = (t: (typeof todos)[number]) =>
      ['uid', 'due', 'status', 'dtstamp', 'summary']
        .map((p) => String(t.getFirstPropertyValue(p)))
        .join(' | ');
    const [u2, u3, u4] = await Promise.all([2, 3, 4].map((id) => stableId('followUp', id)));
    expect(todos.map(row)).toEqual([
      `${u2} | 2026-11-22 | NEEDS-ACTION | 2026-11-21T00:00:00Z | Report back: Tell Ralph Smith how it went with Lena Berg — Ralph Smith`,
      `${u3} | 2026-11-28 | NEEDS-ACTION | 2026-11-21T00:00:00Z | To do: Send the deck — Lena Berg`,
      `${u4} | 2026-11-28 | NEEDS-ACTION | 2026-11-21T00:00:00Z | Offer to check on: Intro to her manager — Lena Berg`,
    ]);
    expect(todos[0]?.getFirstPropertyValue('description')).toBe(
      'Contact: Ralph Smith (#1)\nKind: report back\nWhen it is done: netjournal done 2',
    );
    expect(await ok(['--format', 'ics', '--what', 'follow-ups'])).toBe(result.stdout);
    expect(await ok(['--format', 'ics'], { NETJOURNAL_NOW: '2030-01-01' })).toBe(result.stdout);
  });

  it('writes all-day VEVENTs with a reminder with --as event', async () => {
    const result = await j.run(['export', '--format', 'ics', '--as', 'event']);
    expect(result.stderr).toBe('Exported 3 open follow-ups as all-day events.\n');
    const events = parse(result.stdout).getAllSubcomponents('vevent');
    const [u2, u3, u4] = await Promise.all([2, 3, 4].map((id) => stableId('followUp', id)));
    expect(
      events.map((e) => [
        e.getFirstPropertyValue('uid'),
        String(e.getFirstPropertyValue('dtstart')),
        String(e.getFirstPropertyValue('dtend')),
        e.getFirstPropertyValue('transp'),
        e.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action'),
      ]),
    ).toEqual([
      [u2, '2026-11-22', '2026-11-23', 'TRANSPARENT', 'DISPLAY'],
      [u3, '2026-11-28', '2026-11-29', 'TRANSPARENT', 'DISPLAY'],
      [u4, '2026-11-28', '2026-11-29', 'TRANSPARENT', 'DISPLAY'],
    ]);
    expect(events[2]?.getFirstPropertyValue('summary')).toBe(
      'Offer to check on: Intro to her manager — Lena Berg',
    );
  });
});

describe('export --output', () => {
  it('writes a new file readable by its owner only, and nothing on stdout', async () => {
    const file = join(j.dir, 'backup.jsonl');
    const result = await j.run(['export', '--output', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Exported 4 contacts, .* to .*backup\.jsonl\.\n$/);
    expect(withoutUids(readFileSync(file, 'utf8'))).toBe(jsonl([HEADER, ...ALL]));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to replace a file without --force, and replaces it with --force', async () => {
    const file = join(j.dir, 'contacts.vcf');
    writeFileSync(file, 'keep me', { mode: 0o644 });
    const refused = await j.run(['export', '--format', 'vcard', '--output', file]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `netjournal: ${file} already exists — add --force to replace it, or choose another --output\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    const forced = await j.run(['export', '--format', 'vcard', '--output', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(await ok(['--format', 'vcard']));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(j.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says so when the folder does not exist', async () => {
    const file = join(j.dir, 'no-such-folder', 'x.ics');
    const result = await j.run(['export', '--format', 'ics', '--output', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `netjournal: cannot write ${file}: its folder does not exist — choose another --output\n`,
    );
  });
});

describe('export: bad input', () => {
  const ONE_TABLE =
    'csv holds one table — choose --what contacts, meetings, follow-ups, intros or notes';
  const NOT_ICS = '--as only applies to --format ics — add --format ics, or drop --as';
  const cases: [string, string][] = [
    ['--format table', 'unknown format "table" — use one of jsonl, json, csv, vcard, ics'],
    ['--format tsv', 'unknown format "tsv" — use one of jsonl, json, csv, vcard, ics'],
    ['--format csv', ONE_TABLE],
    ['--format csv --what all', ONE_TABLE],
    [
      '--what gifts',
      'unknown --what "gifts" — use one of all, contacts, meetings, follow-ups, intros, notes',
    ],
    [
      '--format vcard --what meetings',
      'vcard holds contacts, not meetings — drop --what, or use --what contacts',
    ],
    [
      '--format ics --what notes',
      'ics holds open follow-ups, not notes — drop --what, or use --what follow-ups',
    ],
    ['--as event', NOT_ICS],
    ['--format csv --what contacts --as todo', NOT_ICS],
    ['--format ics --as alarm', 'unknown --as "alarm" — use one of todo, event'],
    ['--force', '--force only applies with --output — add --output FILE, or drop --force'],
  ];

  it.each(cases)('export %s: exit 2, nothing written', async (line, message) => {
    const before = readdirSync(j.dir).sort();
    const output = join(j.dir, 'out.txt');
    const args = words(line);
    const variants = line === '--force' ? [args] : [args, [...args, '--output', output]];
    for (const variant of variants) {
      const result = await j.run(['export', ...variant]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`netjournal: ${message}\n`);
    }
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(j.dir).sort()).toEqual(before);
  });

  it('refuses to write over the journal itself, even with --force', async () => {
    const result = await j.run(['export', '--output', j.path, '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `netjournal: ${j.path} is the journal itself — choose another --output\n`,
    );
    expect(await journalState(j)).toBe(state);
  });

  it('never changes the journal', async () => {
    expect(await journalState(j)).toBe(state);
  });
});

describe('export: no journal yet', () => {
  it('exports empty documents and creates nothing', async () => {
    const empty = tempJournal();
    try {
      const run = async (args: string[]) => {
        const result = await empty.run(['export', ...args]);
        expect(result.code).toBe(0);
        return result;
      };
      const all = await run([]);
      expect(all.stdout).toBe('');
      expect(all.stderr).toBe(
        'Exported 0 contacts, 0 meetings, 0 introductions, 0 notes, 0 gifts, 0 follow-ups, 0 settings.\n',
      );
      expect((await run(['--json'])).stdout).toBe(
        '{"settings":[],"contacts":[],"meetings":[],"introductions":[],"notes":[],"gifts":[],"followUps":[]}\n',
      );
      expect((await run(['--json', '--what', 'notes'])).stdout).toBe('[]\n');
      expect((await run(['--format', 'csv', '--what', 'intros'])).stdout).toBe(
        'id,date,introducer,person,to,reportedBack,context\n',
      );
      expect((await run(['--format', 'vcard'])).stdout).toBe('');
      const ics = (await run(['--format', 'ics', '--as', 'event'])).stdout;
      expect(ics).toBe(
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//netjournal//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n',
      );
      expect(readdirSync(empty.dir)).toEqual([]);
    } finally {
      empty.remove();
    }
  });
});

describe('export and import: state the journal keeps for the user', () => {
  it('keeps a birthday marked done, a snoozed reconnect and which texts netjournal wrote', async () => {
    const a = tempJournal();
    const b = tempJournal();
    try {
      const run = async (t: TempJournal, args: string[]) => {
        const result = await t.run(args);
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
        return result.stdout;
      };
      await run(a, ['contact', 'add', 'Mom', '--birthday', '11-21', '--circle', 'inner']);
      await run(a, ['--now', '2026-09-01', 'contact', 'add', 'Joe Park', '--every', '30d']);
      await run(a, ['add', 'Chirs Wong', '--date', '2026-11-20']);
      await run(a, ['contact', 'edit', 'Chirs Wong', '--name', 'Chris Wong']);
      const today = JSON.parse(await run(a, ['today', '--json'])) as {
        items: { id: string | number; kind: string }[];
      };
      const handle = (kind: string) => String(today.items.find((i) => i.kind === kind)?.id);
      await run(a, ['done', handle('birthday')]);
      await run(a, ['snooze', handle('reconnect'), '--until', '2026-12-01']);
      const file = join(a.dir, 'all.jsonl');
      writeFileSync(file, await run(a, ['export']));
      await run(b, ['import', file]);
      // The same bytes again, and the same morning: Mom's birthday done, Chris thanked by his new name.
      expect(await run(b, ['export'])).toBe(readFileSync(file, 'utf8'));
      expect(await run(b, ['today', '--json'])).toBe(await run(a, ['today', '--json']));
      expect(readFileSync(file, 'utf8')).toContain('"birthdayDone":2026');
      expect(readFileSync(file, 'utf8')).toContain('"reconnectAfter":"2026-12-01"');
      expect(readFileSync(file, 'utf8')).toContain('"template":"thank_you"');
    } finally {
      a.remove();
      b.remove();
    }
  });
});
