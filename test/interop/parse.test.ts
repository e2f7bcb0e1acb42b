import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateName } from '../../src/domain/contact.js';
import { parseCsv } from '../../src/interop/parse/csv.js';
import { detectFormat } from '../../src/interop/parse/detect.js';
import { parseGoogle } from '../../src/interop/parse/google.js';
import { parseContacts } from '../../src/interop/parse/index.js';
import { parseConnectedOn, parseLinkedIn } from '../../src/interop/parse/linkedin.js';
import {
  blankContact,
  cleanTags,
  freeText,
  normaliseBirthday,
  oneLine,
  type ImportFormat,
  type ImportedContact,
  type ParseResult,
} from '../../src/interop/parse/types.js';
import { parseVcard } from '../../src/interop/parse/vcard.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');

type Expected = Partial<ImportedContact> & Pick<ImportedContact, 'line' | 'name'>;
const contact = (c: Expected): ImportedContact => ({ ...blankContact(c.line, c.name), ...c });
const ok = (...contacts: Expected[]): ParseResult => ({
  contacts: contacts.map(contact),
  problems: [],
});

const LINKEDIN = (c: Expected): Expected => ({ howMet: 'LinkedIn', ...c });
const li = (handle: string) => `https://www.linkedin.com/in/${handle}`;

const FIXTURES: [string, Exclude<ImportFormat, 'jsonl'>, ParseResult][] = [
  [
    'linkedin-connections.csv',
    'linkedin',
    ok(
      ...[
        {
          line: 6,
          name: 'Priya Raman',
          url: li('priya-raman'),
          company: 'Figma, Inc.',
          role: 'Product Designer',
          created: '2024-03-12',
        },
        {
          line: 7,
          name: 'José Álvarez',
          url: li('jose-alvarez-4b1a2c'),
          email: 'jose.alvarez@example.com',
          company: 'Banco Santander',
          role: 'Director, Data Platforms',
          created: '2023-01-03',
        },
        {
          line: 8,
          name: 'Hannah Müller-Schmidt',
          url: li('hannahms'),
          company: 'Müller, Schmidt & Co. KG',
          role: 'Geschäftsführerin',
          created: '2021-11-27',
        },
        {
          line: 9,
          name: 'Kwame Mensah',
          url: li('kwamemensah'),
          company: 'Stripe',
          role: 'Engineering Manager, Payments',
          created: '2024-08-05',
        },
        {
          line: 10,
          name: 'Li Wei',
          url: li('li-wei-88'),
          email: 'li.wei@example.org',
          created: '2020-02-14',
        },
        {
          line: 11,
          name: "Siobhán O'Connor",
          url: li('siobhan-oconnor'),
          company: '"Open Source" Collective',
          role: 'Community Lead',
          created: '2019-09-30',
        },
        {
          line: 12,
          name: 'Marcus Lee',
          url: li('marcuslee'),
          company: 'Acme Robotics, Ltd.',
          role: 'VP, Engineering',
          created: '2025-01-01',
        },
        {
          line: 13,
          name: 'Ana Souza',
          aliases: [],
          company: 'Nubank',
          role: 'Recruiter',
          created: '2018-07-09',
        },
      ].map(LINKEDIN),
    ),
  ],
  [
    'google-current.csv',
    'google',
    ok(
      {
        line: 2,
        name: 'Grace Brewster Hopper',
        aliases: ['Amazing Grace'],
        company: 'US Navy',
        role: 'Rear Admiral',
        email: 'grace@navy.example',
        phone: '+1 555 0199',
        url: 'https://example.com/grace',
        location: 'Arlington, VA, USA',
        birthday: '1906-12-09',
        tags: ['Navy'],
        notes: ['Met at the COBOL history meetup.\nLoves handing out nanosecond wires.'],
      },
      {
        line: 6,
        name: 'Ada Lovelace',
        aliases: [],
        company: 'Analytical Engines, Ltd.',
        email: 'ada@example.org',
        phone: '+44 20 7946 0000',
        birthday: '12-10',
        tags: ['Mathematics'],
      },
      { line: 7, name: 'Bo', phone: '+1 555 0142' },
      {
        line: 8,
        name: 'Carlos Eduardo Ruiz',
        aliases: [],
        company: 'Stripe',
        role: 'Engineering Manager, Payments',
        phone: '+34 600 000 000',
        tags: ['Friends', 'Work'],
        notes: ['He said "call me Eddie".'],
      },
    ),
  ],
  [
    'google-legacy.csv',
    'google',
    ok(
      {
        line: 2,
        name: 'Ralph Smith',
        aliases: [],
        company: 'Acme, Inc.',
        role: 'VP Sales',
        email: 'ralph@acme.example',
        phone: '(555) 010-0200',
        location: 'Portland, OR, United States',
        birthday: '1975-06-01',
        tags: ['Climbing', 'Coworkers'],
        notes: ['Introduced by Joe at the climbing gym.'],
      },
      {
        line: 3,
        name: 'Mei Tanaka',
        aliases: [],
        company: 'Kyoto Robotics',
        role: 'Research Lead',
        location: 'Kyoto',
        birthday: '07-04',
        tags: ['Mentors'],
        notes: ['Mentor since 2019.\nAsk about the robotics club.'],
      },
      { line: 5, name: 'Dr. Olu Adeyemi', email: 'olu@example.ng', url: 'https://olu.example' },
    ),
  ],
  [
    'contacts-v3.vcf',
    'vcard',
    ok(
      {
        line: 1,
        name: 'Grace Hopper',
        aliases: [],
        company: 'US Navy',
        role: 'Rear Admiral',
        email: 'grace@navy.example',
        phone: '+1 555 0199',
        url: 'https://example.com/grace',
        location: 'Arlington, VA, USA',
        birthday: '1906-12-09',
        tags: ['Navy', 'Computing'],
        notes: [
          'Met at the COBOL history meetup, where she handed out nanosecond wires; asked me to send the paper on compilers.\nFollow up in spring.',
        ],
      },
      {
        line: 20,
        name: 'Ada Lovelace',
        aliases: [],
        company: 'Analytical Engines, Ltd.',
        email: 'ada@example.org',
        birthday: '12-10',
        tags: ['Mathematics'],
        notes: ['Prefers letters to calls.', 'Writes notes longer than the program.'],
      },
      {
        line: 31,
        name: 'Carlos Ruiz',
        role: 'Engineering Manager, Payments',
        phone: '+34 600 000 000',
        birthday: '1985-03-14',
      },
    ),
  ],
  [
    'contacts-v4.vcf',
    'vcard',
    ok(
      {
        line: 1,
        name: 'Mei Tanaka',
        aliases: [],
        company: 'Kyoto Robotics',
        role: 'Research Lead',
        email: 'mei@kyoto-robotics.example',
        phone: '+81-75-000-0000',
        url: 'https://mei.example/about',
        location: 'Kyoto, Japan',
        birthday: '07-04',
        tags: ['Mentors', 'Robotics'],
        notes: ["Likes: hiking, tea; and long walks.\nAsk about her daughter's robotics club."],
      },
      { line: 17, name: 'Olu Adeyemi', email: 'olu@example.ng', birthday: '1990-03-14' },
    ),
  ],
  [
    'generic.csv',
    'csv',
    ok(
      {
        line: 2,
        name: 'Ralph Smith',
        aliases: [],
        company: 'Acme',
        role: 'VP Sales',
        email: 'ralph@acme.example',
        phone: '+1 555 0100',
        url: 'https://acme.example/ralph',
        location: 'Portland, OR',
        circle: 'second',
        cadenceDays: 30,
        birthday: '1975-06-01',
        tags: ['climbing', 'sales'],
        howMet: 'Intro from Joe',
        notes: ['Has two kids.\nTraining for a marathon.'],
        created: '2025-11-02',
      },
      {
        line: 4,
        name: 'Mei Tanaka',
        aliases: [],
        company: 'Kyoto Robotics',
        circle: 'inner',
        cadenceDays: 42,
        birthday: '07-04',
        tags: ['mentors', 'robotics'],
      },
      { line: 5, name: 'Joe Park', circle: 'third' },
    ),
  ],
];

describe('each fixture parses to exactly these contacts', () => {
  it.each(FIXTURES)('%s', (file, format, expected) => {
    expect(parseContacts(fixture(file), format)).toEqual(expected);
  });
});

const MALFORMED: [string, Exclude<ImportFormat, 'jsonl'>, ParseResult][] = [
  [
    'bad-quotes.csv',
    'csv',
    {
      contacts: [
        contact({ line: 2, name: 'Ralph Smith', company: 'Acme', email: 'ralph@acme.example' }),
      ],
      problems: [{ line: 3, message: 'unclosed quote: the field that opens here runs to line 4' }],
    },
  ],
  [
    'unterminated.vcf',
    'vcard',
    {
      contacts: [
        contact({ line: 1, name: 'Grace Hopper' }),
        contact({ line: 9, name: 'Carlos Ruiz' }),
      ],
      problems: [
        { line: 5, message: 'BEGIN:VCARD without END:VCARD' },
        { line: 13, message: 'BEGIN:VCARD without END:VCARD' },
      ],
    },
  ],
];

describe('each malformed fixture gives exactly these problems', () => {
  it.each(MALFORMED)('%s', (file, format, expected) => {
    expect(parseContacts(fixture(file), format)).toEqual(expected);
  });
});

describe('detectFormat', () => {
  const all: [string, ImportFormat][] = [
    ...[...FIXTURES, ...MALFORMED].map(([file, format]): [string, ImportFormat] => [file, format]),
  ];

  it.each(all)('recognises %s by its content, whatever its name', (file, format) => {
    const text = fixture(file);
    expect(detectFormat(text, file)).toBe(format);
    expect(detectFormat(text, 'export.txt')).toBe(format);
    expect(detectFormat(`\uFEFF${text}`, 'export')).toBe(format);
  });

  it('lets content win over a misleading extension', () => {
    expect(detectFormat(fixture('contacts-v4.vcf'), 'contacts.csv')).toBe('vcard');
    expect(detectFormat(fixture('linkedin-connections.csv'), 'x.vcf')).toBe('linkedin');
  });

  it('recognises jsonl as export --format jsonl writes it', () => {
    const line = '{"type":"setting","key":"cadence.inner","value":"30"}\n{"type":"contact"}\n';
    expect(detectFormat(`\n${line}`, 'journal.txt')).toBe('jsonl');
    expect(detectFormat('{"kind":"contact"}\n', 'x.txt')).toBeNull();
    expect(detectFormat('["type"]\n', 'x.txt')).toBeNull();
  });

  it('tells Google from a generic CSV by the header', () => {
    expect(detectFormat('First Name,Last Name,E-mail 1 - Value\n', 'x')).toBe('google');
    expect(detectFormat('Name,Given Name,Family Name\n', 'x')).toBe('google');
    expect(detectFormat('"Name","Email"\r\nRalph,r@x.io\r\n', 'x')).toBe('csv');
    expect(detectFormat('first name,last name\n', 'x')).toBe('csv');
  });

  it('falls back to the extension only when the content says nothing', () => {
    expect(detectFormat('', 'a.VCF')).toBe('vcard');
    expect(detectFormat('garbage', 'a.vcard')).toBe('vcard');
    expect(detectFormat('garbage', 'a.jsonl')).toBe('jsonl');
    expect(detectFormat('a;b\n1;2\n', 'a.csv')).toBe('csv');
    expect(detectFormat('just some words\nnothing tabular\n', 'notes.txt')).toBeNull();
    expect(detectFormat('', 'noextension')).toBeNull();
  });
});

describe('CSV reading', () => {
  it('keeps going after a stray quote, naming its line', () => {
    const text = 'name,company\nRalph,Acme\nBob "the builder",Builders\nMei,Kyoto\n';
    expect(parseCsv(text)).toEqual({
      contacts: [
        contact({ line: 2, name: 'Ralph', company: 'Acme' }),
        contact({ line: 4, name: 'Mei', company: 'Kyoto' }),
      ],
      problems: [
        {
          line: 3,
          message: 'a quote inside an unquoted field (quote the whole field and double the quote)',
        },
      ],
    });
  });

  it('counts CRLF, quoted line breaks and blank lines in line numbers', () => {
    const text = 'name,notes\r\n\r\nA,"one\r\ntwo"\r\n   \r\nB,x\r\nC,"3\n4\n5"\nD,\n';
    expect(parseCsv(text).contacts.map((c) => [c.name, c.line, c.notes])).toEqual([
      ['A', 3, ['one\ntwo']],
      ['B', 6, ['x']],
      ['C', 7, ['3\n4\n5']],
      ['D', 10, []],
    ]);
  });

  it('reports a row with the wrong number of fields', () => {
    expect(parseCsv('name,company\nRalph,Acme,extra\n').problems).toEqual([
      { line: 2, message: 'expected 2 fields, found 3' },
    ]);
  });

  it('needs a name or e-mail column, and refuses names that mean the user', () => {
    expect(parseCsv('company,role\nAcme,CEO\n').problems).toEqual([
      {
        line: 1,
        message:
          'no "name" or "email" column in the header (expected name, company, role, email, …)',
      },
    ]);
    expect(parseCsv('name\nme\n#12\n').problems.map((p) => p.line)).toEqual([2, 3]);
    expect(parseCsv('').problems).toEqual([]);
  });

  it("undoes the csv writer's formula defusing, and only that", () => {
    const text =
      "name,company,role,phone,tags\n'=A,'+b,''@c,'-1,\"'=t,x\"\n'Quoted,',''x,'' ,'plain\n";
    expect(parseCsv(text).contacts).toEqual([
      contact({ line: 2, name: '=A', company: '+b', role: "'@c", phone: '-1', tags: ['=t', 'x'] }),
      contact({
        line: 3,
        name: "'Quoted",
        aliases: [],
        company: "'",
        role: "''x",
        phone: "''",
        tags: ["'plain"],
      }),
    ]);
  });

  it('keeps text as the journal holds it: trimmed, line breaks and spacing kept', () => {
    const text = 'name,company,how\n" Ann\nB  c ","x\n  y","met at\nthe meetup"\n';
    expect(parseCsv(text).contacts).toEqual([
      contact({ line: 2, name: 'Ann\nB  c', company: 'x\n  y', howMet: 'met at\nthe meetup' }),
    ]);
  });

  it('reads a bare day count or an interval in "every", and checks "created"', () => {
    const result = parseCsv('name,every,created\nA,2w,2024-02-29\nB,7,2024-02-30\n');
    expect(result.contacts).toEqual([
      contact({ line: 2, name: 'A', cadenceDays: 14, created: '2024-02-29' }),
      contact({ line: 3, name: 'B', cadenceDays: 7 }),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([
      { line: 3, action: 'dropped', what: 'created date', value: '2024-02-30' },
    ]);
  });
});

describe('LinkedIn', () => {
  it('reads "Connected On" in the forms LinkedIn has used', () => {
    expect(parseConnectedOn('12 Mar 2024')).toBe('2024-03-12');
    expect(parseConnectedOn('1 Sept 2023')).toBe('2023-09-01');
    expect(parseConnectedOn('05-Aug-19')).toBe('2019-08-05');
    expect(parseConnectedOn('2024-03-12')).toBe('2024-03-12');
    expect(parseConnectedOn('31 Feb 2024')).toBeNull();
    expect(parseConnectedOn('12 Ma 2024')).toBeNull();
  });

  it('refuses a file without the header', () => {
    expect(parseLinkedIn('Notes:\n"hello"\n').problems).toEqual([
      {
        line: 1,
        message:
          'no LinkedIn header (First Name,Last Name,URL,Email Address,Company,Position,Connected On)',
      },
    ]);
  });
});

describe('Google', () => {
  it('drops a bad address or birthday with a note and keeps the contact', () => {
    const text = 'First Name,Birthday,E-mail 1 - Value,E-mail 2 - Value\nAda,--02-30,,nope\n';
    expect(parseGoogle(text)).toEqual({
      contacts: [contact({ line: 2, name: 'Ada' })],
      problems: [],
      notes: [
        { line: 2, action: 'dropped', what: 'e-mail', value: 'nope' },
        { line: 2, action: 'dropped', what: 'birthday', value: '--02-30' },
      ],
    });
  });
});

describe('vCard', () => {
  // Issue 15 point 3: a birthday that is not a date drops the birthday, not the contact or the file.
  it('builds the name from N when FN is missing, and names the line of a dropped birthday', () => {
    const text =
      'BEGIN:VCARD\nN:Doe;Jane;Q,R;Dr.;Jr.\nEND:VCARD\nBEGIN:VCARD\nFN:X\nBDAY:1990-13-01\nEND:VCARD\n';
    expect(parseVcard(text)).toEqual({
      contacts: [contact({ line: 1, name: 'Jane Q R Doe' }), contact({ line: 4, name: 'X' })],
      problems: [],
      notes: [{ line: 6, action: 'dropped', what: 'birthday', value: '1990-13-01' }],
    });
  });

  it("reads Apple's birthday without a year", () => {
    const text = 'BEGIN:VCARD\nFN:Ada\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10\nEND:VCARD\n';
    expect(parseVcard(text).contacts).toEqual([
      contact({ line: 1, name: 'Ada', birthday: '12-10' }),
    ]);
  });

  // Issue 15 point 3: a card that names no one is skipped with a note; it refuses nothing.
  it('skips a card with no name, and reports a stray END and text outside cards once per run', () => {
    const text = 'hello\nworld\nBEGIN:VCARD\nNOTE:x\nEND:VCARD\nEND:VCARD\n';
    expect(parseVcard(text)).toEqual({
      contacts: [],
      problems: [
        { line: 1, message: 'text outside BEGIN:VCARD … END:VCARD' },
        { line: 6, message: 'text outside BEGIN:VCARD … END:VCARD' },
      ],
      notes: [{ line: 3, action: 'skipped', what: 'no name' }],
    });
  });
});

describe('birthdays', () => {
  it.each([
    ['1990-03-14', '1990-03-14'],
    ['19900314', '1990-03-14'],
    ['--0314', '03-14'],
    ['--03-14', '03-14'],
    ['03-14', '03-14'],
    ['--02-29', '02-29'],
    ['1990-03-14T00:00:00Z', '1990-03-14'],
    ['0314', null],
    ['1990-0314', null],
    ['02-30', null],
    ['1990-02-29', null],
    ['circa 1800', null],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseBirthday(raw)).toBe(expected);
  });
});

// A vCard writer as RFC 6350 describes it: escape text, fold at 60 code points.
// A writer turns every kind of line break into \n: raw CR or LF would end the content line.
const escapeText = (v: string): string =>
  v
    .replace(/\\/g, '\\\\')
    .replace(/\r\n?|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
const asRead = (v: string): string => v.replace(/\r\n?/g, '\n');
const fold = (line: string): string => {
  const chars = Array.from(line);
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += 60) pieces.push(chars.slice(i, i + 60).join(''));
  return pieces.join('\r\n ');
};

const NASTY = fc.constantFrom(',', ';', ':', '\\', '\n', '"', ' ', '\t', 'é', '😀', 'a', 'Z', 'n');
const anyText = fc.oneof(
  fc.string({ unit: NASTY, maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
);
const isName = (s: string): boolean => {
  try {
    validateName(oneLine(s) ?? '');
    return true;
  } catch {
    return false;
  }
};

describe('properties', () => {
  it('a vCard written with escaping and folding reads back to the same values', () => {
    fc.assert(
      fc.property(
        fc.record({
          name: anyText.filter(isName),
          aliases: fc.constant([] as string[]),
          company: anyText,
          role: anyText,
          notes: fc.array(anyText, { maxLength: 3 }),
          tags: fc.array(anyText, { maxLength: 4 }),
        }),
        (card) => {
          const lines = [
            'BEGIN:VCARD',
            'VERSION:4.0',
            `FN:${escapeText(card.name)}`,
            `ORG:${escapeText(card.company)};Unit`,
            `TITLE:${escapeText(card.role)}`,
            `CATEGORIES:${card.tags.map(escapeText).join(',')}`,
            ...card.notes.map((note) => `NOTE:${escapeText(note)}`),
            'END:VCARD',
          ];
          const result = parseVcard(`${lines.map(fold).join('\r\n')}\r\n`);
          expect(result.problems).toEqual([]);
          expect(result.contacts).toEqual([
            contact({
              line: 1,
              name: oneLine(card.name) ?? '',
              aliases: [],
              company: oneLine(card.company),
              role: oneLine(card.role),
              tags: cleanTags(card.tags),
              notes: card.notes.map((n) => freeText(asRead(n))).filter((n) => n !== null),
            }),
          ]);
        },
      ),
    );
  });

  it('a CSV written with quoting reads back with the right line numbers', () => {
    const cell = fc.string({
      unit: fc.constantFrom(',', '"', '\n', ' ', 'é', '😀', 'x', 'y'),
      maxLength: 20,
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: cell.filter(isName), notes: cell }), { maxLength: 10 }),
        fc.boolean(),
        (rows, crlf) => {
          const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
          const eol = crlf ? '\r\n' : '\n';
          const text = [
            'name,notes',
            ...rows.map((r) => `${quote(r.name)},${quote(r.notes)}`),
          ].join(eol);
          let line = 2;
          const expected = rows.map((r) => {
            const c = contact({
              line,
              // The generic format keeps text as the journal holds it: trimmed, line breaks kept.
              name: freeText(r.name) ?? '',
              notes: [freeText(r.notes)].filter((n) => n !== null),
            });
            // Each quoted line break pushes the next row one line further down.
            line += (r.name + r.notes).split('\n').length;
            return c;
          });
          expect(parseCsv(text)).toEqual({ contacts: expected, problems: [] });
        },
      ),
    );
  });

  it('no input makes a parser or the detector throw; problems carry real line numbers', () => {
    const soup = fc
      .array(
        fc.constantFrom(
          'BEGIN:VCARD',
          'END:VCARD',
          'FN:',
          'N:;;',
          'BDAY:',
          'EMAIL:x',
          '\n',
          '\r\n',
          '\r',
          ' ',
          ',',
          '"',
          ';',
          ':',
          '\\',
          '\uFEFF',
          'é',
          'name',
          '{"type":"x"}',
          'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
          'Name,Given Name,Group Membership',
          'First Name,Last Name,E-mail Address,Birthday,Categories',
          'First Name,Display Name,Primary Email,Birth Year,Birth Month,Birth Day',
          '0/0/00',
          '3/14/90',
          'urn:li:member:1',
          'Notes:',
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const lineCount = text.split(/\r\n?|\n/).length;
        detectFormat(text, 'x.csv');
        const formats = ['linkedin', 'google', 'outlook', 'thunderbird', 'vcard', 'csv'] as const;
        for (const format of formats) {
          const result = parseContacts(text, format);
          for (const p of [...result.problems, ...(result.notes ?? [])]) {
            expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lineCount).toBe(true);
          }
          for (const c of result.contacts) expect(c.name).not.toBe('');
        }
      }),
    );
  });
});

describe('speed', () => {
  // Its speed is measured by npm run bench, not asserted here: timings flake on a busy machine.
  it('parses 30,000 LinkedIn connections with exact line numbers', () => {
    const rows = Array.from(
      { length: 30_000 },
      (_, i) =>
        `Ann${i},"Lee, Jr.",https://www.linkedin.com/in/ann-${i},${i % 10 === 0 ? `ann${i}@example.com` : ''},"Acme ${i}, Inc.","VP, Engineering",12 Mar 2024`,
    );
    const text = `Notes:\n"Some emails are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`;
    const result = parseLinkedIn(text);
    expect(result.problems).toEqual([]);
    expect(result.contacts).toHaveLength(30_000);
    expect(result.contacts[29_999]).toMatchObject({ line: 30_004, name: 'Ann29999 Lee, Jr.' });
  });
});
