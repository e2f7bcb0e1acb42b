import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeFile } from '../../src/interop/parse/decode.js';
import { parseContacts } from '../../src/interop/parse/index.js';
import { quotedPrintableBytes } from '../../src/interop/parse/quoted-printable.js';
import { freeText, type ParseNote } from '../../src/interop/parse/types.js';
import { parseVcard } from '../../src/interop/parse/vcard.js';
import { tempJournal, TODAY, type TempJournal } from '../helpers/run-cli.js';

// Issue 15 points 1–3: vCard files as Android, Outlook, Nokia, Apple, Google,
// Evolution and Thunderbird write them (test/fixtures/import/vcard/README.md),
// imported with no flags.

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/import/vcard/${name}`, import.meta.url));

/** A contact as the jsonl export writes it, less its ids; notes are the texts of its notes. */
interface Landed {
  name: string;
  aliases: string[];
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
  archived: boolean;
  created: string;
  notes: string[];
}

const landed = (c: Partial<Landed> & { name: string }): Landed => ({
  aliases: [],
  company: null,
  role: null,
  email: null,
  phone: null,
  url: null,
  location: null,
  circle: null,
  cadenceDays: null,
  birthday: null,
  tags: [],
  howMet: null,
  archived: false,
  created: TODAY,
  notes: [],
  ...c,
});

const LICENSE_NOTE =
  'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.';
const N = 'Ñ';
const ZOE = landed({
  name: 'Zoë Ng',
  company: '東京 Design Lab',
  role: 'Art Director',
  email: 'zoe@tokyo-design.example',
  phone: '+81 90 0000 0000',
  location: 'Chiyoda, Tokyo, Japan',
  notes: ['Loves 🍣 and typography.'],
});
const ASE = landed({ name: 'Åse Ødegård', email: 'ase@example.no' });

/** Each fixture: the contacts that land, in file order, and the parser's notes. */
const FIXTURES: [string, Landed[], ParseNote[]][] = [
  [
    'android-2.1.vcf',
    [
      landed({ name: 'Ñ Ñ Ñ Ñ Ñ', phone: '123456789', tags: ['My Contacts'] }),
      landed({
        name: 'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ',
        phone: '123456',
        tags: ['My Contacts'],
        // Two NOTEs, each three lines joined by soft breaks.
        notes: [
          'Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ',
          'Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ',
        ],
      }),
      landed({
        name: 'Ñ Ñ Ñ Ñ',
        company: N.repeat(12),
        email: 'bob@company.com',
        phone: '123456',
        url: 'www.company.com',
      }),
      landed({
        name: 'ÑÑÑÑ',
        company: N.repeat(44),
        email: 'henry@company.com',
        phone: '55556666',
        tags: ['My Contacts'],
      }),
    ],
    [
      { line: 1, action: 'skipped', what: 'no name' },
      { line: 6, action: 'skipped', what: 'no name' },
    ],
  ],
  [
    'outlook-2007-2.1.vcf',
    [
      landed({
        name: 'Mr. Michael Angstadt Jr.',
        aliases: ['Mike'],
        company: 'TheCompany',
        role: 'TheJobTitle',
        email: 'mike.angstadt@gmail.com',
        phone: '(111) 555-1111',
        url: 'http://mikeangstadt.name',
        location: 'New York, NY, USA',
        birthday: '1922-03-10',
        notes: [
          'This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\n' +
            "But I'm not sure because there's text formatting going on here.\nIt does not preserve the formatting",
        ],
      }),
    ],
    [],
  ],
  [
    'outlook-2003-2.1.vcf',
    [
      landed({
        name: 'John Doe III',
        aliases: ['Joey'],
        company: 'Company, The',
        role: 'The Job Title',
        email: 'jdoe@hotmail.com',
        phone: 'BusinessPhone',
        url: 'http://web-page-address.com',
        location: 'Austin, TX, United States of America',
        birthday: '1980-03-21',
        notes: ['This is the note field!!\nSecond line\n\nThird line is empty'],
      }),
    ],
    [],
  ],
  [
    'evolution-3.0.vcf',
    [
      landed({
        name: 'Mr. John Richter, James Doe Sr.',
        aliases: ['Johny'],
        company: 'IBM',
        role: 'Money Counter',
        email: 'john.doe@ibm.com',
        phone: '905-666-1234',
        url: 'http://www.ibm.com',
        location: 'Albaney, New York, United States of America',
        birthday: '1980-03-22',
        tags: ['VIP'],
        notes: [LICENSE_NOTE],
      }),
    ],
    [],
  ],
  [
    'gmail-3.0.vcf',
    [
      landed({
        name: 'Mr. John Richter, James Doe Sr.',
        company: 'IBM',
        role: 'Money Counter',
        email: 'john.doe@ibm.com',
        phone: '905-555-1234',
        url: 'http://www.ibm.com',
        birthday: '1980-03-22',
        notes: [`${LICENSE_NOTE}\nFavotire Color: Blue`],
      }),
    ],
    [],
  ],
  [
    'ios-6.1.3-3.0.vcf',
    [
      landed({
        name: 'Bob Smith',
        company: 'Smith Auto Repair',
        email: 'bob@smithauto.com',
        phone: '(650) 555-1212',
        url: 'www.smithauto.com',
      }),
    ],
    [],
  ],
  ['japanese-shift-jis-2.1.vcf', [landed({ name: '安藤 ロイド 1', notes: ['メモ'] })], []],
  [
    'comment-line-2.1.vcf',
    [
      landed({
        name: 'Conference Call',
        notes: ['This is an (sharp ->#<- sharp) example. This message must NOT be ignored.'],
      }),
    ],
    [],
  ],
  [
    'nokia-2.1-iso-8859-2.vcf',
    [
      landed({
        name: 'Piotr Iksiński',
        company: 'Politechnika Łódzka',
        phone: '+48601000000',
        notes: [
          'Poznałem go na konferencji w Łodzi, żywo opowiadał o robotach.\nDrugi wiersz notatki: świetny kontakt.',
        ],
      }),
      landed({ name: 'Grażyna Żaneta', phone: '+48602000000', birthday: '1975-02-14' }),
    ],
    [],
  ],
  [
    'outlook-windows-1252.vcf',
    [
      landed({
        name: 'Jürgen Müller',
        company: 'Bäckerei Müller GmbH',
        role: 'Geschäftsführer – Vertrieb',
        email: 'juergen@baeckerei-mueller.example',
        phone: '+49 221 123456',
        location: 'Köln, Deutschland',
        notes: [
          'Kennengelernt auf der Messe „Süßwaren“ in Köln, Stand 5 – Eintritt 12 €.\nMag Kaffee.',
        ],
      }),
    ],
    [],
  ],
  ['utf-16le-bom.vcf', [ZOE, ASE], []],
  ['utf-16be-no-bom.vcf', [ZOE, ASE], []],
  [
    'text-birthday-4.0.vcf',
    [
      landed({ name: 'Ada Lovelace', email: 'ada@example.org' }),
      landed({ name: 'Charles Babbage', birthday: '1791-12-26' }),
      landed({ name: 'Mary Somerville' }),
    ],
    [
      { line: 5, action: 'dropped', what: 'birthday', value: 'circa 1815' },
      { line: 17, action: 'dropped', what: 'birthday', value: 'late 18th century' },
    ],
  ],
  [
    'thunderbird-4.0.vcf',
    [
      landed({
        name: 'Lena Berg',
        aliases: ['Lenchen'],
        company: 'Fraunhofer FOKUS',
        role: 'Research Engineer',
        email: 'lena.berg@example.de',
        phone: '+49 30 3463 7000',
        url: 'https://lena.example',
        location: 'Berlin, Germany',
        birthday: '1987-04-15',
        notes: ['Met at FOSDEM 2024 (Rust devroom).\nWants an intro to Ralph.'],
      }),
      landed({ name: 'bob@freenet.example', email: 'bob@freenet.example' }),
    ],
    [],
  ],
  [
    'macos-contacts-3.0.vcf',
    [
      landed({
        name: 'Mei Tanaka',
        company: 'Kyoto Robotics',
        role: 'Research Lead',
        email: 'mei@kyoto-robotics.example',
        phone: '+81 75-000-0000',
        url: 'https://mei.example/about',
        location: 'Kyoto, Japan',
        birthday: '07-04',
        notes: ["Likes: hiking, tea; and long walks.\nAsk about her daughter's robotics club."],
      }),
      landed({ name: 'Acme Robotics', company: 'Acme Robotics', phone: '+1 555 0100' }),
    ],
    [],
  ],
  [
    'named-me-3.0.vcf',
    [
      landed({
        name: 'Sara Lindqvist',
        company: 'Nordic Ventures',
        email: 'sara@nordicventures.example',
      }),
      landed({ name: 'Ida Meyer', role: 'Partner' }),
    ],
    // "Me" and "myself" name the user: those cards are skipped, the file imported.
    [
      { line: 9, action: 'skipped', what: 'named me, I or myself (words that mean you)' },
      { line: 16, action: 'skipped', what: 'named me, I or myself (words that mean you)' },
    ],
  ],
  [
    'two-digit-years-2.1.vcf',
    [
      // Today is 2026-11-21: each year is the latest that puts the birthday no later than today.
      landed({ name: 'Anna Keller', birthday: '1981-04-12' }),
      landed({ name: 'Felix Brandt', birthday: '2005-03-09' }),
      landed({ name: 'Hedwig Albrecht', birthday: '1926-12-25' }),
      landed({ name: 'Jonas Vogel' }),
    ],
    // 29 February 1985 never was: dropped, not moved to another day or century.
    [{ line: 23, action: 'dropped', what: 'birthday', value: '850229' }],
  ],
];

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

/** Everything the journal holds, as its jsonl export: contacts (less ids) with their notes. */
async function journalContacts(): Promise<{ contacts: Landed[]; raw: string }> {
  const exported = await j.run(['export']);
  expect(exported.code, exported.stderr).toBe(0);
  const lines = exported.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const notes = lines.filter((l) => l.type === 'note');
  const contacts = lines
    .filter((l) => l.type === 'contact')
    .map((l) => {
      const fields = Object.fromEntries(
        Object.entries(l).filter(([key]) => !['type', 'id', 'uid'].includes(key)),
      );
      const texts = notes.filter((n) => n.contactId === l.id).map((n) => n.text as string);
      return { ...fields, notes: texts } as unknown as Landed;
    });
  return { contacts, raw: exported.stdout };
}

const cardCount = (file: string): number => {
  const { text } = decodeFile(readFileSync(fixture(file)));
  return (text.match(/^BEGIN:VCARD/gim) ?? []).length;
};

describe('each vCard fixture, imported with no flags', () => {
  it.each(FIXTURES)('%s', async (file, expected, notes) => {
    const dry = await j.run(['import', fixture(file), '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const result = await j.run(['import', fixture(file), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    // A dry run counts what the import then does.
    expect({ ...(JSON.parse(dry.stdout) as object), dryRun: false }).toEqual(summary);
    // Every card in the summary: created, or skipped with why; every field dropped listed.
    expect(summary).toMatchObject({
      created: expected.length,
      updated: 0,
      unchanged: 0,
      skipped: notes
        .filter((n) => n.action === 'skipped')
        .map((n) => ({ line: n.line, message: n.what })),
      dropped: notes
        .filter((n) => n.action === 'dropped')
        .map((n) => ({ line: n.line, field: n.what, value: n.value })),
    });

    const { contacts, raw } = await journalContacts();
    expect(contacts).toEqual(expected);
    // No quoted-printable residue, no replacement characters, no stray CR.
    expect(raw).not.toMatch(/=[0-9A-F]{2}/);
    expect(raw).not.toContain('\uFFFD');
    expect(raw).not.toMatch(/\\r/);

    // Every card is accounted for: a contact, or a note saying why it was skipped.
    const bytes = readFileSync(fixture(file));
    const decoded = decodeFile(bytes);
    const parsed = parseContacts(decoded.text, 'vcard', {
      byteString: decoded.bytes,
      today: TODAY,
    });
    expect(parsed.notes ?? []).toEqual(notes);
    const skippedCards = notes.filter((n) => n.action === 'skipped').length;
    expect(parsed.contacts.length + skippedCards + parsed.problems.length).toBe(cardCount(file));
  });

  it('refuses raw 8-bit bytes that no CHARSET names (exit 2), naming the line and --encoding', async () => {
    expect((await j.run(['contact', 'add', 'Ralph Smith'])).code).toBe(0);
    const before = readFileSync(j.path);
    const result = await j.run(['import', fixture('latin1-no-charset.vcf')]);
    expect(result).toEqual({
      stdout: '',
      stderr:
        'netjournal: latin1-no-charset.vcf:3: N is not UTF-8 (byte 0xE8) and names no CHARSET; ' +
        'if the whole file is in one encoding, read it with --encoding windows-1252 (or its name) (and 1 more) — ' +
        'nothing was imported; fix the file, or use --skip-bad to import the rest\n',
      code: 2,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);

    const named = await j.run([
      'import',
      fixture('latin1-no-charset.vcf'),
      '--encoding',
      'windows-1252',
    ]);
    expect(named.code, named.stderr).toBe(0);
    const { contacts } = await journalContacts();
    expect(contacts.map((c) => [c.name, c.phone])).toEqual([
      ['Ralph Smith', null],
      ['Amélie Lefèvre', '+33 6 00 00 00 00'],
    ]);
  });
});

describe("netjournal's own vCards from before issue 15", () => {
  it('reads the location from X-NETJOURNAL-LOCATION', async () => {
    const file = join(j.dir, 'old.vcf');
    writeFileSync(
      file,
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ralph Smith\r\nN:Smith;Ralph;;;\r\nNOTE:Coffee at the meetup\r\n' +
        'X-NETJOURNAL-LOCATION:Berlin\r\nEND:VCARD\r\n',
    );
    expect((await j.run(['import', file])).code).toBe(0);
    expect((await journalContacts()).contacts).toEqual([
      landed({ name: 'Ralph Smith', location: 'Berlin', notes: ['Coffee at the meetup'] }),
    ]);
  });
});

describe('vCard 2.1 quoted-printable', () => {
  // A 2.1 writer as Android's: escape backslash, semicolon and comma, QP-encode the UTF-8
  // bytes, and break lines with "=" at random places (never inside an =XX).
  const qpEncode = (text: string, breaks: number[]): string => {
    const escaped = text.replace(/[\\;,]/g, (c) => `\\${c}`);
    const pieces = [...Buffer.from(escaped, 'utf8')].map((b) =>
      b >= 0x21 && b <= 0x7e && b !== 0x3d
        ? String.fromCharCode(b)
        : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
    );
    const cut = new Set(breaks.map((b) => b % Math.max(pieces.length, 1)));
    return pieces.map((p, i) => (cut.has(i) && i > 0 ? `=\r\n${p}` : p)).join('');
  };

  it('any unicode text, QP-encoded with soft breaks anywhere, reads back as the same text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.boolean(),
        (name, note, breaks, crlf) => {
          fc.pre(
            freeText(name.replace(/\s+/g, ' ')) !== null &&
              !/^#\d+$|^(me|i|myself)$/i.test(name.trim()),
          );
          const eol = crlf ? '\r\n' : '\n';
          const text = [
            'BEGIN:VCARD',
            'VERSION:2.1',
            `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qpEncode(name, breaks)}`,
            `NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${qpEncode(note, breaks)}`,
            'END:VCARD',
            '',
          ]
            .join('\r\n')
            .replace(/\r\n/g, eol);
          const result = parseVcard(text);
          expect(result.problems).toEqual([]);
          const [contact] = result.contacts;
          expect(contact?.name).toBe(name.trim().replace(/\s+/g, ' '));
          const written = freeText(note.replace(/\r\n?/g, '\n'));
          expect(contact?.notes).toEqual(written === null ? [] : [written]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decodes QP in every property, with or without CHARSET, and never leaves =XX behind', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;ENCODING=QUOTED-PRINTABLE:Iksi=C5=84ski;Piotr',
      'ORG;QUOTED-PRINTABLE:=C5=81=C3=B3d=C5=BA;Dzia=C5=82',
      'TITLE;ENCODING=QUOTED-PRINTABLE;CHARSET=windows-1250:In=BFynier',
      'ADR;HOME;ENCODING=QUOTED-PRINTABLE:;;ul. Piotrkowska 1;=C5=81=C3=B3d=C5=BA;;90-001;Polska',
      'EMAIL;INTERNET;ENCODING=QUOTED-PRINTABLE:piotr=40example.pl',
      'TEL;CELL;ENCODING=QUOTED-PRINTABLE:+48=20601=20000=20000',
      'URL;ENCODING=QUOTED-PRINTABLE:https://example.pl/=7Epiotr',
      'BDAY;ENCODING=QUOTED-PRINTABLE:1980=2D05=2D17',
      'CATEGORIES;ENCODING=QUOTED-PRINTABLE:Praca,Przyjaci=C3=B3=C5=82',
      // No CHARSET and bytes that are not UTF-8: what 2.1 writers without one used, windows-1252.
      'NOTE;ENCODING=QUOTED-PRINTABLE:Caf=E9 =80 5',
      'END:VCARD',
    ].join('\r\n');
    const result = parseVcard(text);
    expect(result).toEqual({
      contacts: [
        expect.objectContaining({
          name: 'Piotr Iksiński',
          company: 'Łódź',
          role: 'Inżynier',
          location: 'Łódź, Polska',
          email: 'piotr@example.pl',
          phone: '+48 601 000 000',
          url: 'https://example.pl/~piotr',
          birthday: '1980-05-17',
          tags: ['Praca', 'Przyjaciół'],
          notes: ['Café € 5'],
        }),
      ],
      problems: [],
    });
  });

  it('drops a QP value whose bytes its CHARSET cannot read, with a note, and keeps the contact', () => {
    const text =
      'BEGIN:VCARD\nVERSION:2.1\nFN:Ana\nORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=80\nEND:VCARD\n';
    expect(parseVcard(text)).toEqual({
      contacts: [expect.objectContaining({ name: 'Ana', company: null })],
      problems: [],
      notes: [{ line: 4, action: 'dropped', what: 'company', value: '=C3=91=80' }],
    });
  });

  it('keeps an = that starts no byte, and ignores a soft break left before END:VCARD', () => {
    expect(Buffer.from(quotedPrintableBytes('a=ZZ=3D=', false)).toString()).toBe('a=ZZ=');
    const text = 'BEGIN:VCARD\r\nFN;ENCODING=QUOTED-PRINTABLE:Ana=\r\nEND:VCARD\r\n';
    expect(parseVcard(text).contacts.map((c) => c.name)).toEqual(['Ana']);
  });
});

describe('fields that cannot be understood are dropped, not the contact', () => {
  it('drops a bad e-mail when no other is good, with a note; a good one is kept', () => {
    const text = [
      'BEGIN:VCARD',
      'FN:Ana',
      'EMAIL:not an address',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Bo',
      'EMAIL:also bad',
      'EMAIL:bo@example.com',
      'END:VCARD',
    ].join('\n');
    expect(parseVcard(text)).toEqual({
      contacts: [
        expect.objectContaining({ name: 'Ana', email: null }),
        expect.objectContaining({ name: 'Bo', email: 'bo@example.com' }),
      ],
      problems: [],
      notes: [{ line: 3, action: 'dropped', what: 'e-mail', value: 'not an address' }],
    });
  });

  it("drops a circle, cadence or created date netjournal's export would not write", () => {
    const text = [
      'BEGIN:VCARD',
      'FN:Ana',
      'X-NETJOURNAL-CIRCLE:outer',
      'X-NETJOURNAL-CADENCE:fortnightly',
      'X-NETJOURNAL-CREATED:yesterday',
      'X-NETJOURNAL-HOW-MET;VALUE=text:At the climbing gym\\, Tuesday',
      'END:VCARD',
    ].join('\n');
    expect(parseVcard(text)).toEqual({
      contacts: [
        expect.objectContaining({
          name: 'Ana',
          circle: null,
          cadenceDays: null,
          created: null,
          howMet: 'At the climbing gym, Tuesday',
        }),
      ],
      problems: [],
      notes: [
        { line: 3, action: 'dropped', what: 'circle', value: 'outer' },
        { line: 4, action: 'dropped', what: 'cadence', value: 'fortnightly' },
        { line: 5, action: 'dropped', what: 'created date', value: 'yesterday' },
      ],
    });
  });
});

describe('a card named "Me", "I" or "myself"', () => {
  it('is skipped with a note and counted, never refusing the file; "me" still names the user', async () => {
    const result = await j.run(['import', fixture('named-me-3.0.vcf')]);
    expect(result).toEqual({
      stdout: '',
      stderr:
        'Imported named-me-3.0.vcf (vCard): 2 created, 0 updated, 0 unchanged, 2 skipped.\n' +
        '  2 rows named me, I or myself (words that mean you) — skipped: line 9, line 16\n',
      code: 0,
    });
    expect((await journalContacts()).contacts.map((c) => c.name)).toEqual([
      'Sara Lindqvist',
      'Ida Meyer',
    ]);
    // No contact answers to "me": it is the user, here the introducer.
    expect((await j.run(['intro', 'me', 'Ida', '--to', 'Sara'])).code).toBe(0);
    const intros = JSON.parse((await j.run(['intros', '--json'])).stdout) as {
      introductions: { introducer: string; person: string; to: string }[];
    };
    expect(intros.introductions).toMatchObject([
      { introducer: 'me', person: 'Ida Meyer', to: 'Sara Lindqvist' },
    ]);
  });

  it('a card named "I" alone in its file: nothing created, nothing refused', async () => {
    const file = join(j.dir, 'i.vcf');
    writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN: I \r\nEND:VCARD\r\n');
    const dry = await j.run(['import', file, '--dry-run', '--json']);
    const real = await j.run(['import', file, '--json']);
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({
      created: 0,
      skipped: [{ line: 1, message: 'named me, I or myself (words that mean you)' }],
    });
    expect({ ...(JSON.parse(dry.stdout) as object), dryRun: false }).toEqual(
      JSON.parse(real.stdout),
    );
  });
});
