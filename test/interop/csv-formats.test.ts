import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/interop/parse/csv-table.js';
import { parseCsv } from '../../src/interop/parse/csv.js';
import { parseOutlook, parseThunderbird } from '../../src/interop/parse/dialects.js';
import { detectFormat } from '../../src/interop/parse/detect.js';
import { parseGoogle } from '../../src/interop/parse/google.js';
import { parseContacts } from '../../src/interop/parse/index.js';
import { parseConnectedOn, parseLinkedIn } from '../../src/interop/parse/linkedin.js';
import type { ImportedContact, ParseResult } from '../../src/interop/parse/types.js';
import {
  birthdayFromParts,
  readBirthday,
  readVcardBirthday,
} from '../../src/interop/parse/written-dates.js';
import { TODAY, tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { CSV_FIXTURES, contact, fixturePath, fixtureText } from './csv-fixtures.js';

// Issue 15, points 3-8: contact exports import exactly as LinkedIn, Google,
// Outlook and Thunderbird write them, with no flags; what cannot be read is
// dropped or skipped with a note, and every row is accounted for.

describe('each export parses to exactly these contacts and notes', () => {
  it.each(CSV_FIXTURES)('$file', ({ file, format, contacts, notes, encoding }) => {
    const expected: ParseResult = { contacts, problems: [] };
    if (notes.length > 0) expected.notes = notes;
    const text = fixtureText(file, encoding);
    expect(parseContacts(text, format, { today: TODAY })).toEqual(expected);
  });

  it.each(CSV_FIXTURES)(
    '$file: every row is a contact or a skipped row',
    ({ file, format, rows, encoding }) => {
      const result = parseContacts(fixtureText(file, encoding), format, { today: TODAY });
      const skipped = (result.notes ?? []).filter((note) => note.action === 'skipped');
      expect(result.contacts.length + skipped.length + result.problems.length).toBe(rows);
      const lines = [...result.contacts, ...skipped].map((row) => row.line);
      expect(new Set(lines).size).toBe(lines.length);
    },
  );

  it.each(CSV_FIXTURES)('$file is recognised by its content', ({ file, format, encoding }) => {
    const text = fixtureText(file, encoding);
    expect(detectFormat(text, 'download.txt')).toBe(format);
    expect(detectFormat(`\uFEFF${text}`, 'download')).toBe(format);
  });
});

interface StoredContact {
  id: number;
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  url: string | null;
  location: string | null;
  circle: string | null;
  cadenceDays: number | null;
  birthday: string | null;
  tags: string[];
  howMet: string | null;
  created: string;
}
const KEPT = [
  'name',
  'company',
  'role',
  'email',
  'phone',
  'url',
  'location',
  'circle',
  'cadenceDays',
  'birthday',
  'tags',
  'howMet',
  'created',
] as const;
const byName = <T extends { name: string }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const stored = (c: ImportedContact): Omit<StoredContact, 'id'> =>
  ({
    ...Object.fromEntries(KEPT.map((key) => [key, c[key as keyof ImportedContact]])),
    created: c.created ?? TODAY,
  }) as Omit<StoredContact, 'id'>;

// The exports that were already read before issue 15, checked through the CLI the same way.
const OLDER = [
  'linkedin-connections.csv',
  'google-current.csv',
  'google-legacy.csv',
  'generic.csv',
];
const ALL = [
  ...CSV_FIXTURES.map(({ file, format, contacts, notes }) => ({ file, format, contacts, notes })),
  ...OLDER.map((file) => {
    const format = detectFormat(fixtureText(file), file);
    if (format === null || format === 'jsonl' || format === 'vcard') throw new Error(file);
    const parsed = parseContacts(fixtureText(file), format, { today: TODAY });
    return { file, format, contacts: parsed.contacts, notes: parsed.notes ?? [] };
  }),
];

describe('import, with no flags, of each export as downloaded', () => {
  let j: TempJournal;
  beforeEach(() => {
    j = tempJournal();
  });
  afterEach(() => j.remove());

  const importJson = async (file: string, ...flags: string[]) => {
    const r = await j.run(['import', fixturePath(file), '--json', ...flags]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };

  it.each(ALL)(
    '$file: lands exactly, nothing garbled',
    async ({ file, format, contacts, notes: parseNotes }) => {
      const name = file.split('/').pop();
      // Every row is accounted for: created, or skipped with its reason; every field dropped is listed.
      expect(await importJson(file)).toEqual({
        file: name,
        format,
        dryRun: false,
        created: contacts.length,
        updated: 0,
        unchanged: 0,
        skipped: parseNotes
          .filter((n) => n.action === 'skipped')
          .map((n) => ({ line: n.line, message: n.what })),
        dropped: parseNotes
          .filter((n) => n.action === 'dropped')
          .map((n) => ({ line: n.line, field: n.what, value: n.value })),
        kept: [],
      });
      const list = JSON.parse((await j.run(['contacts', '--json'])).stdout) as StoredContact[];
      const landed = list.map((c) => Object.fromEntries(KEPT.map((key) => [key, c[key]])));
      expect(byName(landed as unknown as StoredContact[])).toEqual(byName(contacts.map(stored)));
      const nameOf = new Map(list.map((c) => [c.id, c.name]));
      const notes = JSON.parse(
        (await j.run(['export', '--what', 'notes', '--format', 'json'])).stdout,
      ) as { contactId: number; text: string }[];
      expect(notes.map((n) => [nameOf.get(n.contactId), n.text]).sort()).toEqual(
        contacts.flatMap((c) => c.notes.map((text) => [c.name, text])).sort(),
      );
      expect((await j.run(['export'])).stdout).not.toContain('\uFFFD');
    },
  );

  it.each(ALL)(
    '$file: a dry run counts what the import does, first time and again',
    async ({ file }) => {
      for (let round = 0; round < 2; round++) {
        const dry = await importJson(file, '--dry-run');
        const real = await importJson(file);
        expect({ ...dry, dryRun: false }).toEqual(real);
      }
    },
  );
});

describe('Outlook and Thunderbird CSV as written on Windows, in windows-1252', () => {
  let j: TempJournal;
  beforeEach(() => {
    j = tempJournal();
  });
  afterEach(() => j.remove());

  const NOTICE =
    '  not UTF-8: read as windows-1252, the code page Outlook writes its CSV in on Windows ' +
    '(if a name looks wrong, undo and import it again with --encoding NAME)\n';

  it('imports with no flags, saying which encoding it read, with no U+FFFD, C1 control or mojibake', async () => {
    const file = fixturePath('csv/outlook-windows-1252.csv');
    const dry = await j.run(['import', file, '--dry-run']);
    expect(dry).toEqual({
      stdout: '',
      stderr:
        'Would import outlook-windows-1252.csv (Outlook contacts): 4 created, 0 updated, 0 unchanged, 0 skipped.\n' +
        NOTICE,
      code: 0,
    });
    expect(existsSync(j.path)).toBe(false);
    const result = await j.run(['import', file]);
    expect(result).toEqual({
      stdout: '',
      stderr:
        'Imported outlook-windows-1252.csv (Outlook contacts): 4 created, 0 updated, 0 unchanged, 0 skipped.\n' +
        NOTICE,
      code: 0,
    });
    const exported = (await j.run(['export'])).stdout;
    // é read as UTF-8 bytes twice over (Ã©), € as ISO-8859-1 (U+0080): the two ways this goes wrong.
    expect(exported).not.toMatch(/[\uFFFD\u0080-\u009f]|Ã|Â/);
    for (const text of [
      'Renée Côté',
      'Jürgen Weiß',
      'José Ángel Núñez',
      'Siobhán O’Brien',
      '5 000 €',
    ]) {
      expect(exported).toContain(text);
    }
  });

  it('reads Thunderbird\'s "System Charset" export the same way', async () => {
    const file = join(j.dir, 'thunderbird.csv');
    writeFileSync(
      file,
      Buffer.from(
        'First Name,Last Name,Display Name,Primary Email\r\nZoë,Müller,Zoë Müller,zoe@example.de\r\n',
        'latin1',
      ),
    );
    const result = await j.run(['import', file, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'not UTF-8: read as windows-1252, the code page Thunderbird writes',
    );
    const list = JSON.parse((await j.run(['contacts', '--json'])).stdout) as StoredContact[];
    expect(list.map((c) => [c.name, c.email])).toEqual([['Zoë Müller', 'zoe@example.de']]);
  });

  it('refuses (exit 2, nothing written) a file with a byte windows-1252 leaves undefined', async () => {
    expect((await j.run(['contact', 'add', 'Ralph Smith'])).code).toBe(0);
    const before = readFileSync(j.path);
    const file = join(j.dir, 'outlook.csv');
    // 0x81 is no character in windows-1252: the file is in some other encoding (here Shift_JIS, ソ).
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('First Name,Last Name,E-mail Address\r\nAnn,Lee,ann@example.com\r\n'),
        Buffer.from([0x83, 0x5c, 0x81, 0x5b]),
        Buffer.from(',,x@example.com\r\n'),
      ]),
    );
    expect(await j.run(['import', file])).toEqual({
      stdout: '',
      stderr:
        'netjournal: outlook.csv:3: not valid UTF-8 (byte 0x83) — nothing was imported; ' +
        'the file is not in windows-1252 either: name the encoding it is in with --encoding NAME\n',
      code: 2,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('reads only the encoding named, when one is', async () => {
    const file = fixturePath('csv/outlook-windows-1252.csv');
    const result = await j.run(['import', file, '--encoding', 'utf-8']);
    expect(result.code).toBe(2);
    expect(existsSync(j.path)).toBe(false);
    const named = await j.run(['import', file, '--encoding', 'cp1252']);
    expect(named.stderr).toBe(
      'Imported outlook-windows-1252.csv (Outlook contacts): 4 created, 0 updated, 0 unchanged, 0 skipped.\n',
    );
  });
});

describe('CSV reading', () => {
  it('takes one empty field past the header as the trailing delimiter, and only that', () => {
    const table = readCsvTable('a,b\r\n1,2,\r\n3,4,x\r\n5,6,,\r\n');
    expect(table.rows.map((r) => r.fields)).toEqual([['1', '2']]);
    expect(table.problems).toEqual([
      { line: 3, message: 'expected 2 fields, found 3' },
      { line: 4, message: 'expected 2 fields, found 4' },
    ]);
  });

  it('keeps a row of empty fields for its parser to count, and ignores a blank line', () => {
    const table = readCsvTable('a,b,c\n,,\n   \n\n1,2,3\n');
    expect(table.rows).toEqual([
      { line: 2, fields: ['', '', ''] },
      { line: 5, fields: ['1', '2', '3'] },
    ]);
    expect(table.problems).toEqual([]);
  });
});

describe('LinkedIn', () => {
  it('reads every "Connected On" form LinkedIn has used', () => {
    expect(parseConnectedOn('12 Mar 2024')).toBe('2024-03-12');
    expect(parseConnectedOn('3/12/24')).toBe('2024-03-12');
    expect(parseConnectedOn('1/8/18, 6:14 PM')).toBe('2018-01-08');
    expect(parseConnectedOn('12/31/17, 11:59 pm')).toBe('2017-12-31');
    expect(parseConnectedOn('3/12/2024')).toBe('2024-03-12');
    expect(parseConnectedOn('2/29/23')).toBeNull();
    expect(parseConnectedOn('13/1/24')).toBeNull();
    expect(parseConnectedOn('1/8/18 6:14')).toBe('2018-01-08');
  });

  it('drops what it cannot read with a note and keeps the connection', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    expect(parseLinkedIn(`${header}A,B,,not-an-email,,,someday\n`)).toEqual({
      contacts: [contact({ line: 2, name: 'A B', howMet: 'LinkedIn' })],
      problems: [],
      notes: [
        { line: 2, action: 'dropped', what: 'e-mail', value: 'not-an-email' },
        { line: 2, action: 'dropped', what: 'connection date', value: 'someday' },
      ],
    });
  });

  it('names a hidden connection by its e-mail when LinkedIn gives one', () => {
    const header = 'First Name,Last Name,Email Address,Company,Position,Connected On\n';
    expect(parseLinkedIn(`${header},,ann@example.com,Acme,CEO,12 Mar 2024\n`).contacts).toEqual([
      contact({
        line: 2,
        name: 'ann@example.com',
        email: 'ann@example.com',
        company: 'Acme',
        role: 'CEO',
        howMet: 'LinkedIn',
        created: '2024-03-12',
      }),
    ]);
  });
});

describe('Outlook and Thunderbird', () => {
  const outlook = (rows: string[]) =>
    parseOutlook(`First Name,Last Name,E-mail Address,Birthday\r\n${rows.join('\r\n')}\r\n`);

  it('reads slash birthdays month first, or day first when the file shows it is', () => {
    expect(outlook(['A,B,,3/4/1990']).contacts[0]?.birthday).toBe('1990-03-04');
    expect(outlook(['A,B,,3/4/1990', 'C,D,,14/3/1990']).contacts.map((c) => c.birthday)).toEqual([
      '1990-04-03',
      '1990-03-14',
    ]);
    expect(outlook(['A,B,,0/0/00']).notes).toBeUndefined();
  });

  it('reads the older Thunderbird export, which ends every line with a delimiter', () => {
    const text =
      'First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Birth Year,Birth Month,Birth Day,Notes,\n' +
      'Ann,Lee,,,ann@example.com,,1990,12,1,,\n';
    expect(parseThunderbird(text)).toEqual({
      contacts: [
        contact({ line: 2, name: 'Ann Lee', email: 'ann@example.com', birthday: '1990-12-01' }),
      ],
      problems: [],
    });
  });

  it('refuses a file that is not the program’s at all', () => {
    expect(parseOutlook('name,email\nAnn,a@b.c\n').problems).toEqual([
      {
        line: 1,
        message: 'no Outlook header (a first row naming E-mail Address or E-mail Display Name)',
      },
    ]);
  });

  it('names an unnamed contact by its company, else its phone, else its e-mail', () => {
    const result = outlook([',,,', ',,,']);
    expect(result.notes).toEqual([
      { line: 2, action: 'skipped', what: 'no name' },
      { line: 3, action: 'skipped', what: 'no name' },
    ]);
    const text =
      'First Name,Company,Mobile Phone,E-mail Address\n,Acme,+1 555,a@acme.example\n,,+1 555,a@acme.example\n';
    expect(parseOutlook(text).contacts.map((c) => c.name)).toEqual(['Acme', '+1 555']);
  });
});

describe('generic CSV', () => {
  it('names contacts by e-mail when the file has no name column', () => {
    expect(parseCsv('Email\nann@example.com\n\nbob@example.com\n')).toEqual({
      contacts: [
        contact({ line: 2, name: 'ann@example.com', email: 'ann@example.com' }),
        contact({ line: 4, name: 'bob@example.com', email: 'bob@example.com' }),
      ],
      problems: [],
    });
  });

  it('skips a row that names no one, and refuses a file with neither name nor e-mail column', () => {
    expect(parseCsv('name,role,email\n,CEO,\n')).toEqual({
      contacts: [],
      problems: [],
      notes: [{ line: 2, action: 'skipped', what: 'no name' }],
    });
    expect(parseCsv('company,role\nAcme,CEO\n').problems).toEqual([
      {
        line: 1,
        message:
          'no "name" or "email" column in the header (expected name, company, role, email, …)',
      },
    ]);
  });

  it('reads an Outlook or Thunderbird file as its program writes it, even as --from csv', () => {
    const text = fixtureText('csv/thunderbird.csv');
    expect(parseCsv(text)).toEqual(parseThunderbird(text));
  });
});

describe('a row named "me", "I" or "myself"', () => {
  const skipped = { action: 'skipped', what: 'named me, I or myself (words that mean you)' };

  it("is skipped with a note in an address book's export, the rest of the file kept", () => {
    const outlook = parseOutlook(
      'First Name,Last Name,E-mail Address\r\nMyself,,x@example.com\r\n',
    );
    expect(outlook).toEqual({ contacts: [], problems: [], notes: [{ line: 2, ...skipped }] });
    const google = parseGoogle('First Name,Last Name,E-mail 1 - Value\n I ,,i@example.com\n');
    expect(google).toEqual({ contacts: [], problems: [], notes: [{ line: 2, ...skipped }] });
    const linkedIn = parseLinkedIn(
      'First Name,Last Name,Email Address,Company,Position,Connected On\nMe,,,,,12 Mar 2024\n',
    );
    expect(linkedIn).toEqual({ contacts: [], problems: [], notes: [{ line: 2, ...skipped }] });
    // A CSV of our own columns is typed by hand: its writer fixes it (parse.test.ts).
    expect(parseCsv('name\nMe\n').problems).toEqual([{ line: 2, message: '"Me" means you' }]);
  });
});

describe('Google', () => {
  it('keeps the first real address of all e-mail columns, and notes one that is none', () => {
    const text =
      'First Name,Birthday,E-mail 1 - Value,E-mail 2 - Value\nAda,--02-30,nope ::: ada@example.org,\nBo,,nope,\n';
    expect(parseGoogle(text)).toEqual({
      contacts: [
        contact({ line: 2, name: 'Ada', email: 'ada@example.org' }),
        contact({ line: 3, name: 'Bo' }),
      ],
      problems: [],
      notes: [
        { line: 2, action: 'dropped', what: 'birthday', value: '--02-30' },
        { line: 3, action: 'dropped', what: 'e-mail', value: 'nope' },
      ],
    });
  });
});

describe('birthdays as address books write them', () => {
  it.each([
    ['3/14/1990', false, '1990-03-14'],
    ['14/3/1990', true, '1990-03-14'],
    ['1990-03-14', false, '1990-03-14'],
    ['--03-14', false, '03-14'],
    ['3/14/90', false, null],
    ['2/30/1990', false, null],
    ['14/3/1990', false, null],
  ])('%s (day first: %s) → %s', (raw, dayFirst, expected) => {
    expect(readBirthday(raw, dayFirst)).toBe(expected);
  });
  // Issue 15: a two-digit year is the latest that puts the birthday no later than today.
  it.each([
    ['3/14/90', false, '1990-03-14'],
    ['14/3/90', true, '1990-03-14'],
    ['4/12/81', false, '1981-04-12'],
    ['7/4/05', false, '2005-07-04'],
    ['4/12/26', false, '2026-04-12'],
    ['11/21/26', false, '2026-11-21'],
    ['11/22/26', false, '1926-11-22'],
    ['12/25/26', false, '1926-12-25'],
    ['2/29/00', false, '2000-02-29'],
    ['2/29/85', false, null],
    ['13/14/90', false, null],
  ])('%s (day first: %s), today 2026-11-21 → %s', (raw, dayFirst, expected) => {
    expect(readBirthday(raw, dayFirst, TODAY)).toBe(expected);
  });

  it("reads Thunderbird's Birth Year of two digits, and a vCard's YYMMDD, by the same rule", () => {
    expect(birthdayFromParts('85', '7', '4', TODAY)).toBe('1985-07-04');
    expect(birthdayFromParts('26', '12', '1', TODAY)).toBe('1926-12-01');
    expect(birthdayFromParts('85', '7', '4')).toBeNull();
    expect(birthdayFromParts('5', '7', '4', TODAY)).toBeNull();
    expect(birthdayFromParts('985', '7', '4', TODAY)).toBeNull();
    expect(birthdayFromParts('', '7', '4', TODAY)).toBe('07-04');
    expect(readVcardBirthday('810412', TODAY)).toBe('1981-04-12');
    expect(readVcardBirthday('81-04-12', TODAY)).toBe('1981-04-12');
    expect(readVcardBirthday('810412T000000Z', TODAY)).toBe('1981-04-12');
    expect(readVcardBirthday('19810412', TODAY)).toBe('1981-04-12');
    expect(readVcardBirthday('--0412', TODAY)).toBe('04-12');
    expect(readVcardBirthday('8104-12', TODAY)).toBeNull();
    expect(readVcardBirthday('81-0412', TODAY)).toBeNull();
    expect(readVcardBirthday('810412')).toBeNull();
  });

  it('any birthday of the hundred years up to today, written M/D/YY, reads back as itself', () => {
    const day = 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 0, 1) }),
        fc.integer({ min: 0, max: 36_600 }),
        (todayMs, back) => {
          const today = iso(todayMs);
          const birthday = iso(
            Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8)) - back * day,
          );
          const hundredBefore = `${String(+today.slice(0, 4) - 100).padStart(4, '0')}${today.slice(4)}`;
          fc.pre(birthday > hundredBefore);
          const [y, m, d] = birthday.split('-');
          const written = `${Number(m)}/${Number(d)}/${y?.slice(2)}`;
          expect(readBirthday(written, false, today)).toBe(birthday);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
