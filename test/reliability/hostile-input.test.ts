/**
 * Hostile input: fuzzed dates, intervals, names and import files only ever
 * give a typed error (exit 2/3, one `netjournal: ` line, nothing written) or
 * success; hostile names are stored exactly, shown escaped and cut to fit the
 * terminal; CSV export defuses formulas.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseCsvText } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseBirthday,
  parseDate,
  parseInterval,
  parseNow,
  type DateDirection,
} from '../../src/domain/dates.js';
import { findContact, type ContactLookup, type NamedContact } from '../../src/domain/names.js';
import { NetjournalError } from '../../src/errors.js';
import { readJournalLines } from '../../src/interop/jsonl-read.js';
import { csvCell, defuseFormula } from '../../src/interop/export/csv.js';
import { detectFormat, parseContacts } from '../../src/interop/parse/index.js';
import { forTerminal } from '../../src/output/sanitize.js';
import { displayWidth } from '../../src/output/width.js';
import { tempJournal, TODAY, type RunResult, type TempJournal } from '../helpers/run-cli.js';

// Fuzz budgets (fast-check runs); together they keep this file well under 30 s.
const RUNS = {
  pureParsers: 3000,
  names: 1000,
  cliDates: 120,
  cliNames: 150,
  importers: 400,
  importCli: 80,
  csvExport: 40,
};

const FIXTURE_DIR = new URL('../fixtures/import/', import.meta.url);
// Every import fixture, those in sub-folders (vcard/) too; READMEs are fodder as good as any.
const FIXTURES = readdirSync(FIXTURE_DIR, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name))
  .map((path) => ({ name: path, text: readFileSync(path, 'utf8') }));
const PARSE_FORMATS = ['linkedin', 'google', 'vcard', 'csv'] as const;
const IMPORT_FORMATS = new Set(['linkedin', 'google', 'vcard', 'csv', 'jsonl']);

// Raw bytes a terminal would act on: C0 (line feed aside), DEL, C1, and the bidi controls
// that reorder how a line is drawn.
const RAW_CONTROL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

// ---------------------------------------------------------------------------------------
// Generators

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...'0123456789 -:#@ndwmyaoTZ\t\u0000\u001b\u202e') }),
);

const count = fc.oneof(fc.integer({ min: -5, max: 20 }), fc.nat(), fc.constant(99999));
const unitWord = fc.constantFrom(
  'd',
  'w',
  'm',
  'y',
  'x',
  ' day',
  ' days',
  ' weeks',
  ' month',
  ' years',
  ' fortnights',
  '',
);
const dateLike = fc.oneof(
  fc.constantFrom(
    'today',
    ' Yesterday ',
    'TOMORROW',
    'monday',
    'sun',
    'next week',
    'last friday',
    'next day',
    'in 3 days',
    '3 days ago',
    'in a week',
    '2026-02-29',
    '2024-02-29',
    '0000-00-00',
    '0999-12-31',
    '9999-12-31',
    '9999y',
    '1000-01-01',
    '2026-13-01',
    '03-14',
    '02-29',
    '00-00',
    'none',
    '0d',
    '36500d',
    '36501d',
    '',
    ' ',
    '--help',
  ),
  fc.tuple(count, unitWord).map(([n, u]) => `${n}${u}`),
  fc.tuple(count, unitWord).map(([n, u]) => `in ${n}${u}`),
  fc.tuple(count, unitWord).map(([n, u]) => `${n}${u} ago`),
  fc
    .tuple(fc.integer({ min: 0, max: 99999 }), fc.nat(99), fc.nat(99))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  anyText,
);

// The seeded journal's contacts; names are looked up by all the ways a user may type them.
const SEEDED = [
  ['Ada Lovelace', 'ada@example.com'],
  ['Ada Byron', 'byron@example.com'],
  ['Charles Babbage', 'cb@example.com'],
  ['Zoë Ünïcode', ''],
  ['🦄 Unicorn', ''],
  ['Grace Hopper', ''],
] as const;

const nameLike = fc.oneof(
  fc.constantFrom(
    '#1',
    '#2',
    '#0',
    '#-1',
    '#',
    '#99999999999999999999999',
    `#${'9'.repeat(400)}`,
    '#1.5',
    'ada@example.com',
    'ADA@EXAMPLE.COM',
    'nobody@example.com',
    '@',
    'ada',
    'Ada',
    'ADA LOVELACE',
    '  Ada Lovelace  ',
    'ch',
    'zoë',
    '🦄',
    'me',
    'I',
    'myself',
    '',
    ' ',
    '\t\n',
    '%',
    '_',
    "'; DROP TABLE contacts; --",
    'a'.repeat(5000),
  ),
  fc
    .constantFrom(...SEEDED.map(([n]) => n))
    .chain((n) => fc.nat(n.length).map((k) => n.slice(0, k))),
  fc.emailAddress(),
  fc.nat(20).map((n) => `#${n}`),
  anyText,
);

type Mutation = [kind: number, at: number, span: number, insert: string];
const mutation: fc.Arbitrary<Mutation> = fc.tuple(
  fc.nat(4),
  fc.nat(),
  fc.nat(80),
  fc.oneof(
    fc.constantFrom('"', '\r', '\n', '\r\n', ',', ';', ':', '\\', '\u0000', '\ufeff', ' ', '\t'),
    fc.constantFrom('BEGIN:VCARD\n', 'END:VCARD\n', 'First Name,Last Name,Connected On\n'),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
  ),
);

/** Apply insertions, deletions, replacements and duplications to a text. */
function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const [kind, at, span, insert] of mutations) {
    const i = at % (out.length + 1);
    if (kind === 0) out = out.slice(0, i) + insert + out.slice(i);
    else if (kind === 1) out = out.slice(0, i) + out.slice(i + span);
    else if (kind === 2) out = out.slice(0, i) + insert + out.slice(i + insert.length);
    else if (kind === 3) out = out.slice(0, i) + out.slice(i, i + span) + out.slice(i);
    else out = out.slice(0, i);
  }
  return out;
}

const fixtureText = (extra: readonly string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...FIXTURES.map((f) => f.text), ...extra) },
    { weight: 1, arbitrary: anyText },
  );
const importText = (extra: readonly string[] = []): fc.Arbitrary<string> =>
  fc
    .tuple(fixtureText(extra), fc.array(mutation, { maxLength: 8 }))
    .map(([text, ms]) => mutate(text, ms));

// ---------------------------------------------------------------------------------------
// Helpers

/** Everything the journal file holds, read straight from SQLite (fast enough to run per case). */
function journalDump(path: string): string {
  if (!existsSync(path)) return 'no journal';
  const db = new Database(path, { fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    return JSON.stringify(
      tables.map((t) => [
        t,
        db
          .prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"`)
          .raw()
          .all(),
      ]),
    );
  } finally {
    db.close();
  }
}

/** The contract of a run that may fail: a typed error on one safe line, nothing written. */
function expectTypedOutcome(
  result: RunResult,
  before: string,
  after: () => string,
  allowed: readonly number[],
  what: string,
): void {
  const context = `${what} → ${result.code}: ${result.stderr}`;
  expect(allowed, context).toContain(result.code);
  expect(result.stderr, context).not.toMatch(/internal error|\n\s+at /);
  expect(result.stderr, context).not.toMatch(RAW_CONTROL);
  if (result.code === 0) return;
  expect(result.stderr, context).toMatch(/^netjournal: [^\n]*\n$/);
  // A boolean, not the dumps: their diff would bury the failing case.
  expect(after() === before, `${context}: the journal changed`).toBe(true);
}

/** Typed errors are the only thing a parser may throw. */
function typedOrValue<T>(fn: () => T): T | NetjournalError {
  try {
    return fn();
  } catch (err) {
    if (err instanceof NetjournalError) return err;
    throw err;
  }
}

// An emoji ZWJ sequence (👩‍👩‍👧) is drawn as one glyph, as cli-table3 lays it out;
// displayWidth alone would count each of its emoji.
const cells = (line: string): number =>
  displayWidth(line.replace(/\u200d\p{Extended_Pictographic}\ufe0f?/gu, ''));

const ISO = /^\d{4}-\d{2}-\d{2}$/;

// ---------------------------------------------------------------------------------------

describe('date and interval parsers (pure)', () => {
  it(`parseDate returns a real date or throws a UsageError (${RUNS.pureParsers} runs each)`, () => {
    const direction = fc.constantFrom<DateDirection>('past', 'future');
    fc.assert(
      fc.property(dateLike, direction, (input, dir) => {
        const out = typedOrValue(() => parseDate(input, TODAY, dir));
        if (out instanceof NetjournalError) expect(out.exitCode).toBe(2);
        else expect(out).toMatch(ISO);
      }),
      { numRuns: RUNS.pureParsers },
    );
    fc.assert(
      fc.property(dateLike, (input) => {
        const interval = typedOrValue(() => parseInterval(input));
        if (interval instanceof NetjournalError) expect(interval.exitCode).toBe(2);
        else if (interval !== null) {
          expect(Number.isInteger(interval)).toBe(true);
          expect(interval).toBeGreaterThan(0);
          expect(interval).toBeLessThanOrEqual(36500);
        }
        const birthday = typedOrValue(() => parseBirthday(input, TODAY));
        if (birthday instanceof NetjournalError) expect(birthday.exitCode).toBe(2);
        else expect(birthday).toMatch(/^(\d{4}-)?\d{2}-\d{2}$/);
        const now = typedOrValue(() => parseNow(input));
        if (now instanceof NetjournalError) expect(now.exitCode).toBe(2);
        else expect(now).toMatch(ISO);
      }),
      { numRuns: RUNS.pureParsers },
    );
  });
});

describe('name resolution (pure)', () => {
  const contacts: NamedContact[] = SEEDED.map(([name, email], i) => ({
    id: i + 2,
    name,
    email: email || null,
    company: null,
  }));
  const fold = (s: string) => s.toLowerCase();
  const lookup: ContactLookup = {
    meId: 1,
    byId: (id) => contacts.find((c) => c.id === id),
    byEmail: (email) => contacts.filter((c) => c.email !== null && fold(c.email) === fold(email)),
    byName: (name) => contacts.filter((c) => fold(c.name) === fold(name)),
    byPrefix: (prefix) => contacts.filter((c) => fold(c.name).startsWith(fold(prefix))),
    all: () => contacts,
  };

  it(`findContact finds one contact, none, or throws a typed error (${RUNS.names} runs)`, () => {
    fc.assert(
      fc.property(nameLike, fc.boolean(), (query, allowMe) => {
        const out = typedOrValue(() => findContact(query, lookup, allowMe));
        if (out instanceof NetjournalError) expect([2, 3]).toContain(out.exitCode);
        else if (out.found) expect(out.found.id === 1 || contacts.includes(out.found)).toBe(true);
      }),
      { numRuns: RUNS.names },
    );
  });
});

describe('the CLI on fuzzed dates, intervals and names', () => {
  let j: TempJournal;
  const dump = () => journalDump(j.path);

  beforeAll(async () => {
    j = tempJournal();
    for (const [name, email] of SEEDED) {
      const args = ['contact', 'add', name, ...(email ? ['--email', email] : [])];
      expect((await j.run(args)).code).toBe(0);
    }
  });
  afterAll(() => j.remove());

  /** Run each generated argv and check the typed-outcome contract. */
  async function fuzz(
    argv: fc.Arbitrary<string[]>,
    allowed: readonly number[],
    numRuns: number,
    examples: string[][] = [],
  ): Promise<void> {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const before = dump();
        const result = await j.run(args);
        expectTypedOutcome(result, before, dump, allowed, JSON.stringify(args));
      }),
      { numRuns, examples: examples.map((e) => [e]) },
    );
  }

  it(`add --date (${RUNS.cliDates} runs)`, async () => {
    await fuzz(
      dateLike.map((d) => ['add', 'Grace Hopper', '--date', d]),
      [0, 2],
      RUNS.cliDates,
      // The thank-you note is due the day after: past 9999-12-31 (this once was exit 70).
      [['add', 'Grace Hopper', '--date', '9999-12-31']],
    );
  });

  it(`follow-up NAME … --due (${RUNS.cliDates} runs)`, async () => {
    await fuzz(
      fc.tuple(nameLike, dateLike).map(([n, d]) => ['follow-up', n, 'call back', '--due', d]),
      [0, 2, 3],
      RUNS.cliDates,
    );
  });

  it(`contact add … --every --birthday (${RUNS.cliDates} runs)`, async () => {
    await fuzz(
      fc
        .tuple(nameLike, dateLike, dateLike)
        .map(([n, every, birthday]) => [
          'contact',
          'add',
          n,
          '--every',
          every,
          '--birthday',
          birthday,
        ]),
      [0, 2],
      RUNS.cliDates,
    );
  });

  it(`note NAME and contact show NAME (${RUNS.cliNames} runs each)`, async () => {
    await fuzz(
      nameLike.map((n) => ['note', n, 'likes chess']),
      [0, 2, 3],
      RUNS.cliNames,
    );
    await fuzz(
      nameLike.map((n) => ['contact', 'show', n]),
      [0, 2, 3],
      RUNS.cliNames,
    );
  });
});

describe('importers', () => {
  let j: TempJournal;
  let exported: string;
  const dump = () => journalDump(j.path);

  beforeAll(async () => {
    j = tempJournal();
    for (const [name, email] of SEEDED) {
      const args = ['contact', 'add', name, ...(email ? ['--email', email] : [])];
      expect((await j.run(args)).code).toBe(0);
    }
    await j.run(['add', 'Ada Lovelace', '--learned', 'chess', '--follow-up', 'send paper']);
    await j.run(['intro', 'Ada Lovelace', 'Charles Babbage']);
    exported = (await j.run(['export'])).stdout;
    expect(exported).toContain('"type":"meeting"');
  });
  afterAll(() => j.remove());

  it(`parseContacts, detectFormat and readJournalLines never throw (${RUNS.importers} runs)`, () => {
    fc.assert(
      fc.property(importText([exported]), anyText, (text, fileName) => {
        const format = detectFormat(text, fileName);
        expect(format === null || IMPORT_FORMATS.has(format)).toBe(true);
        for (const kind of PARSE_FORMATS) {
          const { contacts, problems } = parseContacts(text, kind);
          for (const c of contacts) {
            expect(c.name.trim()).not.toBe('');
            expect(Number.isInteger(c.line) && c.line >= 1).toBe(true);
          }
          for (const p of problems) expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
        }
        const { records, problems } = readJournalLines(text);
        for (const r of [...records, ...problems]) expect(r.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: RUNS.importers },
    );
  });

  it(`import FILE end to end: exit 0 or 2, nothing written on 2 (${RUNS.importCli} runs)`, async () => {
    const options = fc.record({
      ext: fc.constantFrom('.csv', '.vcf', '.jsonl', '.txt', ''),
      from: fc.constantFrom(null, 'auto', 'linkedin', 'google', 'vcard', 'csv', 'jsonl'),
      skipBad: fc.boolean(),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(importText([exported]), options, async (text, opt) => {
        const file = join(j.dir, `input-${n++}${opt.ext}`);
        writeFileSync(file, text);
        const args = [
          'import',
          file,
          ...(opt.from ? ['--from', opt.from] : []),
          ...(opt.skipBad ? ['--skip-bad'] : []),
        ];
        const before = dump();
        const result = await j.run(args);
        expectTypedOutcome(
          result,
          before,
          dump,
          [0, 2],
          `${args.join(' ')} ${JSON.stringify(text.slice(0, 200))}`,
        );
      }),
      { numRuns: RUNS.importCli },
    );
  });
});

describe('hostile names are stored exactly, shown escaped, and fit the terminal', () => {
  const LONG = `Long ${'Ωmega ünïcode 名前 '.repeat(300)}`.slice(0, 5000).trimEnd() + 'z';
  const HOSTILE = [
    LONG,
    'Nul\u0000Byte',
    'Bell\u0007Ring',
    'Esc\u001b[2J\u001b[31mRed',
    'Title\u001b]0;pwned\u0007Set',
    'Csi\u009b31mC1',
    'Rtl\u202eexe.txt',
    'Isolate\u2067Bidi\u2069x',
    'Del\u007fete',
    'Tab\tand\nnewline',
    'Emoji 👩‍👩‍👧 🦄 family',
  ];
  let j: TempJournal;
  const tty = { tty: true, columns: 80, env: { COLUMNS: '80', NO_COLOR: '1' } };

  beforeAll(async () => {
    j = tempJournal();
    for (const name of HOSTILE) {
      const added = await j.run(['contact', 'add', name, '--company', name, '--every', '30d']);
      expect(added.code, added.stderr).toBe(0);
      expect(added.stderr).not.toMatch(RAW_CONTROL);
      // A meeting yesterday owes a thank-you today, so the name is on the morning report too.
      const id = /\(#(\d+)\)\.\s*$/.exec(added.stderr)?.[1];
      const met = await j.run(['add', `#${id}`, '--date', 'yesterday', '--notes', name]);
      expect(met.code, met.stderr).toBe(0);
    }
  });
  afterAll(() => j.remove());

  /** A page as the user's terminal would get it: escaped, and no line wider than 80 cells. */
  function expectSafePage(page: RunResult, what: string): void {
    expect(page.code, `${what}: ${page.stderr}`).toBe(0);
    expect(page.stdout, what).not.toMatch(RAW_CONTROL);
    expect(page.stderr, what).not.toMatch(RAW_CONTROL);
    const wide = page.stdout.split('\n').filter((line) => cells(line) > 80);
    expect(wide, `${what}: ${JSON.stringify(wide).slice(0, 300)}`).toEqual([]);
  }

  it('contacts --json gives every name back byte for byte', async () => {
    const listed = await j.run(['contacts', '--json']);
    const records = JSON.parse(listed.stdout) as { name: string; company: string }[];
    expect(records.map((r) => r.name).sort()).toEqual([...HOSTILE].sort());
    expect(records.map((r) => r.company).sort()).toEqual([...HOSTILE].sort());
  });

  it('the contacts table, today, log, follow-ups and meeting pages escape the names and fit 80 columns', async () => {
    const table = await j.run(['contacts'], tty);
    expectSafePage(table, 'contacts');
    expect(table.stdout).toContain('Esc\\x1b[2J\\x1b[31mRed');
    expect(table.stdout).toContain('Rtl\\u202eexe.txt');
    expect(table.stdout).toContain('…');
    expectSafePage(await j.run(['today'], tty), 'today');
    expectSafePage(await j.run(['log'], tty), 'log');
    expectSafePage(await j.run(['follow-ups'], tty), 'follow-ups');
    const meetings = JSON.parse((await j.run(['log', '--json'])).stdout) as { id: number }[];
    expect(meetings).toHaveLength(HOSTILE.length);
    for (const { id } of meetings) {
      expectSafePage(await j.run(['meeting', 'show', String(id)], tty), `meeting show ${id}`);
    }
  });

  it('contact show and prep pages escape the name and fit 80 columns', async () => {
    const ids = (JSON.parse((await j.run(['contacts', '--json'])).stdout) as { id: number }[]).map(
      (c) => c.id,
    );
    for (const id of ids) {
      expectSafePage(await j.run(['contact', 'show', `#${id}`], tty), `show #${id}`);
      expectSafePage(await j.run(['prep', `#${id}`], tty), `prep #${id}`);
    }
  });

  it('forTerminal leaves no raw control or bidi character in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(forTerminal(s)).not.toMatch(RAW_CONTROL);
      }),
      { numRuns: RUNS.pureParsers },
    );
  });
});

describe('CSV export defuses formulas', () => {
  const formulaStart = fc.constantFrom('=', '+', '-', '@', '\t', '\r');

  it(`csvCell defuses any text a spreadsheet would run (${RUNS.pureParsers} runs)`, () => {
    fc.assert(
      fc.property(formulaStart, fc.string({ unit: 'grapheme' }), (start, rest) => {
        const text = start + rest;
        expect(defuseFormula(text)).toBe(`'${text}`);
        const [cell] = parseCsvText(csvCell(text) + '\n', { relax_quotes: true }) as string[][];
        expect(cell).toEqual([`'${text}`]);
      }),
      { numRuns: RUNS.pureParsers },
    );
  });

  it(`export --format csv --what contacts writes such names and companies defused (${RUNS.csvExport} runs)`, async () => {
    const j = tempJournal();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('=', '+', '-', '@'),
          fc.string({ unit: 'grapheme', minLength: 1 }),
          fc.constantFrom('=', '+', '-', '@'),
          fc.string({ unit: 'grapheme' }),
          async (a, nameRest, b, companyRest) => {
            const name = (a + nameRest).trimEnd();
            // Both are trimmed when stored; tab and CR starts are covered by the csvCell property.
            const company = b + companyRest.trim() + 'x';
            const added = await j.run(['contact', 'add', '--company', company, '--', name]);
            if (added.code !== 0) {
              // Only names that mean the user or look like an id may be refused.
              expect(added.code, added.stderr).toBe(2);
              return;
            }
            const id = Number(/\(#(\d+)\)\.\s*$/.exec(added.stderr)?.[1]);
            const csv = (await j.run(['export', '--format', 'csv', '--what', 'contacts'])).stdout;
            const rows = parseCsvText(csv, { columns: true }) as Record<string, string>[];
            const row = rows.find((r) => Number(r.id) === id);
            expect(row?.name).toBe(`'${name}`);
            expect(row?.company).toBe(`'${company}`);
          },
        ),
        { numRuns: RUNS.csvExport },
      );
    } finally {
      j.remove();
    }
  });
});
