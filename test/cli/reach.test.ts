import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

const PLAIN = { tty: true, env: { NO_COLOR: '1', COLUMNS: '80' } };

// One journal for the read-only tests (reach never writes; a test below checks it).
// Omar Haddad #1 works at Northwind Labs; Zoë Ng #2 is an "Engineer at Northwind";
// José Álvarez #3 at Café Olé; Hannah Müller #4 at Müller & Söhne ("old friend of José");
// Old Friend #5 (archived) at Northwind. Mom #6 introduced Joe #7, who introduced
// Ralph Smith #8 (a two-level chain); Ralph is "moving to Northwind Labs in spring". Lena Berg #9
// introduced Omar; Omar introduced Priya Shah #10 to the user and Sam Lee #11 to Lena.
let j: TempJournal;
beforeAll(async () => {
  j = tempJournal();
  const steps = [
    ['contact', 'add', 'Omar Haddad', '--company', 'Northwind Labs', '--role', 'Head of Design'],
    ['contact', 'add', 'Zoë Ng', '--role', 'Engineer at Northwind', '--tag', 'design'],
    ['contact', 'add', 'José Álvarez', '--company', 'Café Olé', '--tag', 'Design'],
    ['contact', 'add', 'Hannah Müller', '--company', 'Müller & Söhne'],
    ['contact', 'add', 'Old Friend', '--company', 'Northwind Labs'],
    ['contact', 'edit', 'Old Friend', '--archive'],
    ['note', 'Hannah Müller', 'old friend of José', '--date', '2026-10-01'],
    ['intro', 'Mom', 'Joe', '--date', '2026-01-01'],
    ['intro', 'Joe', 'Ralph Smith', '--date', '2026-02-01'],
    ['note', 'Ralph Smith', 'moving to Northwind Labs in spring', '--date', '2026-11-02'],
    ['add', 'Ralph Smith', '--date', '2026-11-20', '--kind', 'call'],
    ['add', 'Omar Haddad', '--via', 'Lena Berg', '--date', '2026-09-01'],
    ['add', 'Omar Haddad', '--date', '2026-11-01', '--kind', 'lunch'],
    ['add', 'Priya Shah', '--via', 'Omar Haddad', '--date', '2026-11-11'],
    ['intro', 'Omar Haddad', 'Sam Lee', '--to', 'Lena Berg', '--date', '2026-11-12'],
    // Met before the last 365 days: no meeting counted, only a small recency bonus.
    ['add', 'José Álvarez', '--date', '2025-06-01', '--no-thank-you'],
  ];
  for (const step of steps) {
    const result = await j.run(step);
    expect(result.code).toBe(0);
  }
});
afterAll(() => j.remove());

async function ok(
  args: string[],
  options: Parameters<TempJournal['run']>[1] = {},
): Promise<string> {
  const result = await j.run(['reach', ...args], options);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const row = (
  name: string,
  contactId: number,
  distance: 0 | 1,
  warmth: number,
  reason: string,
  via: string | null,
  lastMet: string | null,
  meetings: number,
) => ({ name, contactId, distance, warmth, reason, via, lastMet, meetings });

const NORTHWIND = [
  row('Omar Haddad', 1, 0, 2.6, 'works at Northwind Labs', null, '2026-11-01', 2),
  row(
    'Ralph Smith',
    8,
    0,
    1.97,
    'you noted: moving to Northwind Labs in spring',
    null,
    '2026-11-20',
    1,
  ),
  row('Zoë Ng', 2, 0, 0, 'role: Engineer at Northwind', null, null, 0),
  row(
    'Priya Shah',
    10,
    1,
    1.75,
    'Omar Haddad (Northwind Labs) introduced you to Priya Shah',
    'Omar Haddad',
    '2026-11-11',
    1,
  ),
  row(
    'Joe',
    7,
    1,
    0,
    'Joe introduced you to Ralph Smith (you noted: moving to Northwind Labs in spring)',
    'Ralph Smith',
    null,
    0,
  ),
  row(
    'Lena Berg',
    9,
    1,
    0,
    'Lena Berg introduced you to Omar Haddad (Northwind Labs)',
    'Omar Haddad',
    null,
    0,
  ),
];

describe('reach', () => {
  it('lists direct matches, then people one introduction away, as JSON', async () => {
    const json = await ok(['northwind', '--json']);
    expect(JSON.parse(json)).toEqual(NORTHWIND);
    expect(Object.keys(JSON.parse(json)[0])).toEqual([
      ...['name', 'contactId', 'distance', 'warmth', 'reason', 'via', 'lastMet', 'meetings'],
    ]);
    // Case and accents do not matter, and several words are one text.
    expect(await ok(['NÖRTHWIND', '--json'])).toBe(json);
    expect(
      JSON.parse(await ok(['northwind', 'labs', '--json'])).map((r: { name: string }) => r.name),
    ).toEqual(['Omar Haddad', 'Ralph Smith', 'Priya Shah', 'Joe', 'Lena Berg']);
  });

  it('draws a table with the reason on a terminal', async () => {
    expect(await ok(['northwind'], PLAIN)).toBe(
      [
        'NAME         HOW      WARMTH  LAST MET     WHY',
        'Omar Haddad  direct     2.60  3 weeks ago  works at Northwind Labs',
        'Ralph Smith  direct     1.97  yesterday    you noted: moving to Northwind Labs …',
        'Zoë Ng       direct     0.00  never        role: Engineer at Northwind',
        'Priya Shah   1 intro    1.75  10 days ago  Omar Haddad (Northwind Labs) introdu…',
        'Joe          1 intro    0.00  never        Joe introduced you to Ralph Smith (y…',
        'Lena Berg    1 intro    0.00  never        Lena Berg introduced you to Omar Had…',
        '',
      ].join('\n'),
    );
  });

  it('prints tsv when piped, csv and jsonl on request', async () => {
    expect(await ok(['design'])).toBe(
      [
        'name\tcontactId\tdistance\twarmth\treason\tvia\tlastMet\tmeetings',
        'Omar Haddad\t1\t0\t2.6\trole: Head of Design\t\t2026-11-01\t2',
        'José Álvarez\t3\t0\t0.05\ttagged Design\t\t2025-06-01\t0',
        'Zoë Ng\t2\t0\t0\ttagged design\t\t\t0',
        'Priya Shah\t10\t1\t1.75\tOmar Haddad (Head of Design) introduced you to Priya Shah\tOmar Haddad\t2026-11-11\t1',
        'Lena Berg\t9\t1\t0\tLena Berg introduced you to Omar Haddad (Head of Design)\tOmar Haddad\t\t0',
        '',
      ].join('\n'),
    );
    expect(await ok(['cafe', '--format', 'csv'])).toBe(
      'name,contactId,distance,warmth,reason,via,lastMet,meetings\n' +
        'José Álvarez,3,0,0.05,works at Café Olé,,2025-06-01,0\n',
    );
    const jsonl = (await ok(['northwind', '--format', 'jsonl'])).trimEnd().split('\n');
    expect(jsonl.map((line) => JSON.parse(line))).toEqual(NORTHWIND);
  });

  it('ignores accents both ways', async () => {
    const hannah = [row('Hannah Müller', 4, 0, 0, 'works at Müller & Söhne', null, null, 0)];
    expect(JSON.parse(await ok(['muller', '--json']))).toEqual(hannah);
    expect(JSON.parse(await ok(['MÜLLER', '--json']))).toEqual(hannah);
    expect(JSON.parse(await ok(['jose', '--json']))).toEqual([
      row('Hannah Müller', 4, 0, 0, 'you noted: old friend of José', null, null, 0),
    ]);
    expect(JSON.parse(await ok(['Cafe', 'ole', '--json']))).toEqual([
      row('José Álvarez', 3, 0, 0.05, 'works at Café Olé', null, '2025-06-01', 0),
    ]);
  });

  it('says so kindly when nobody matches', async () => {
    expect(await ok(['globex', '--json'])).toBe('[]\n');
    expect(await ok(['globex'], PLAIN)).toBe(
      'Nobody yet. Add where people work with: netjournal contact edit NAME --company …\n',
    );
    expect(await ok(['globex'])).toBe(
      'name\tcontactId\tdistance\twarmth\treason\tvia\tlastMet\tmeetings\n',
    );
  });

  it('never writes to the journal', async () => {
    const before = readFileSync(j.path);
    await ok(['northwind'], PLAIN);
    await ok(['northwind', '--json']);
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });
});

describe('reach errors and a missing journal', () => {
  let empty: TempJournal;
  beforeEach(() => {
    empty = tempJournal();
  });
  afterEach(() => empty.remove());

  it('prints an empty answer on a missing journal and creates nothing', async () => {
    expect(await empty.run(['reach', 'northwind', '--json'])).toEqual({
      stdout: '[]\n',
      stderr: '',
      code: 0,
    });
    expect((await empty.run(['reach', 'northwind'], PLAIN)).stdout).toBe(
      'Nobody yet. Add where people work with: netjournal contact edit NAME --company …\n',
    );
    expect(existsSync(empty.path)).toBe(false);
  });

  it('exits 2 on empty text and an unknown format, writing nothing', async () => {
    expect((await empty.run(['contact', 'add', 'Omar', '--company', 'Northwind'])).code).toBe(0);
    const before = readFileSync(empty.path);
    const blank = {
      stdout: '',
      stderr:
        'netjournal: reach needs something to look for — give a company, role or tag, e.g. netjournal reach "Northwind Labs"\n',
      code: 2,
    };
    expect(await empty.run(['reach', ''])).toEqual(blank);
    expect(await empty.run(['reach', '  ', ' '])).toEqual(blank);
    const missing = await empty.run(['reach']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(await empty.run(['reach', 'northwind', '--format', 'xml'])).toEqual({
      stdout: '',
      stderr: 'netjournal: unknown format "xml" — use one of table, json, jsonl, csv, tsv\n',
      code: 2,
    });
    expect(readFileSync(empty.path).equals(before)).toBe(true);
  });

  it('exits 2 on empty text even without a journal, creating nothing', async () => {
    expect((await empty.run(['reach', ''])).code).toBe(2);
    expect(existsSync(empty.path)).toBe(false);
  });
});
