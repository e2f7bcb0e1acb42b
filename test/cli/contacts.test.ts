import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

const HEADER =
  'id\tname\taliases\tcompany\trole\temail\tphone\turl\tlocation\tcircle\tcadenceDays\tbirthday\ttags\thowMet\tarchived\tcreated\tlastMet\n';

async function names(): Promise<string[]> {
  const { stdout } = await j.run(['contacts', '--json', '--archived']);
  return (JSON.parse(stdout) as { name: string }[]).map((c) => c.name);
}

describe('contact add', () => {
  it('stores every field and prints the record when piped', async () => {
    const result = await j.run([
      'contact',
      'add',
      '  Lena Berg ',
      '--company',
      'Northwind Labs',
      '--role',
      'Designer',
      '--email',
      'lena@example.com',
      '--phone',
      '+49 30 1234',
      '--url',
      'https://lena.example',
      '--location',
      'Berlin',
      '--circle',
      'Second',
      '--every',
      '6w',
      '--birthday',
      '1990-03-14',
      '--tag',
      'design',
      '--tag',
      'mentor',
      '--tag',
      'Design',
      '--how',
      'climbing gym',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Added Lena Berg (#1).\n');
    expect(result.stdout).toBe(
      HEADER +
        '1\tLena Berg\t\tNorthwind Labs\tDesigner\tlena@example.com\t+49 30 1234\thttps://lena.example\tBerlin\tsecond\t42\t1990-03-14\tdesign,mentor\tclimbing gym\tfalse\t2026-11-21\t\n',
    );
  });

  it('prints the created record as one JSON object with --json', async () => {
    const result = await j.run(['contact', 'add', 'Ralph', '--birthday', '02-29', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 1, name: 'Ralph', birthday: '02-29' });
  });

  it('says so on a terminal and prints nothing on stdout', async () => {
    const result = await j.run(['contact', 'add', 'Ralph'], { tty: true });
    expect(result).toEqual({ stdout: '', stderr: 'Added Ralph (#1).\n', code: 0 });
  });

  it('refuses a second contact with the same name unless --new', async () => {
    await j.run(['contact', 'add', 'Ralph Smith']);
    const again = await j.run(['contact', 'add', 'ralph smith']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'netjournal: a contact named "Ralph Smith" already exists (#1) — use \'contact edit\' to change it, or --new to add another person with that name\n',
    );
    expect(await names()).toEqual(['Ralph Smith']);
    const forced = await j.run(['contact', 'add', 'Ralph Smith', '--new']);
    expect(forced.code).toBe(0);
    expect(await names()).toEqual(['Ralph Smith', 'Ralph Smith']);
  });

  const badInputs: [string, string[], string][] = [
    [
      'an unknown circle',
      ['X', '--circle', 'outer'],
      'unknown circle "outer" — use inner, second or third',
    ],
    [
      'a bad interval',
      ['X', '--every', 'banana'],
      'unknown interval "banana" — try 30d, 6w, 3m, 1y or none',
    ],
    [
      'a zero interval',
      ['X', '--every', '0d'],
      'interval must be at least one day — try 30d, 6w, 3m, 1y or none',
    ],
    [
      'a bad birthday',
      ['X', '--birthday', '02-30'],
      'invalid birthday "02-30" — use MM-DD or YYYY-MM-DD, e.g. 03-14 or 1990-03-14',
    ],
    [
      'a birthday in the future',
      ['X', '--birthday', '2030-01-01'],
      'invalid birthday "2030-01-01" — use MM-DD or YYYY-MM-DD, e.g. 03-14 or 1990-03-14',
    ],
    ['an empty name', [''], 'a contact needs a name — give the name in quotes, e.g. "Ralph Smith"'],
    [
      'a whitespace-only name',
      ['   '],
      'a contact needs a name — give the name in quotes, e.g. "Ralph Smith"',
    ],
    [
      "the user's own name",
      ['Myself'],
      '"Myself" means you — the user is already in the journal as "me"; pick another name',
    ],
    [
      'a name that looks like an id',
      ['#12'],
      '"#12" looks like a contact id — pick a name that is not #NUMBER',
    ],
    [
      'a bad email',
      ['X', '--email', 'not-an-email'],
      'invalid email "not-an-email" — use an address like ralph@example.com',
    ],
    [
      'an empty tag',
      ['X', '--tag', ' '],
      'a tag cannot be empty — give --tag a word, e.g. --tag climbing',
    ],
    [
      'an unknown format',
      ['X', '--format', 'xml'],
      'unknown format "xml" — use one of table, json, jsonl, csv, tsv',
    ],
    ['a bad --now', ['X', '--now', 'soon'], 'invalid --now "soon" — use a date like 2026-11-21'],
  ];

  describe.each(badInputs)('with %s', (_what, args, message) => {
    it('exits 2 with the message and writes nothing', async () => {
      const missing = await j.run(['contact', 'add', ...args]);
      expect(missing).toEqual({ stdout: '', stderr: `netjournal: ${message}\n`, code: 2 });
      expect(existsSync(j.path)).toBe(false);

      await j.run(['contact', 'add', 'Existing Person']);
      const before = readFileSync(j.path);
      const existing = await j.run(['contact', 'add', ...args]);
      expect(existing.code).toBe(2);
      expect(existing.stderr).toBe(`netjournal: ${message}\n`);
      expect(await names()).toEqual(['Existing Person']);
      expect(readFileSync(j.path).equals(before)).toBe(true);
    });
  });

  it('exits 2 when the name is missing', async () => {
    const result = await j.run(['contact', 'add']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "netjournal: missing required argument 'name' — see 'netjournal contact add --help'\n",
    );
  });

  it('exits 2 on an unknown option, suggesting the nearest', async () => {
    const result = await j.run(['contact', 'add', 'X', '--compny', 'Acme']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("netjournal: unknown option '--compny' — did you mean --company?\n");
    expect(existsSync(j.path)).toBe(false);
  });

  it('stores hostile text exactly and shows it escaped on a terminal', async () => {
    const name = 'Evil\u001b[31mRed\u0007 Name';
    await j.run(['contact', 'add', name, '--company', 'Tab\there\nnewline']);
    const json = await j.run(['contacts', '--json']);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ name, company: 'Tab\there\nnewline' });
    const tsv = await j.run(['contacts', '--no-header']);
    expect(tsv.stdout.split('\t').slice(1, 4)).toEqual([
      'Evil\\x1b[31mRed\\x07 Name',
      '',
      'Tab\\there\\nnewline',
    ]);
    const table = await j.run(['contacts'], { tty: true, env: { NO_COLOR: '1' } });
    expect(table.stdout).toContain('Evil\\x1b[31mRed\\x07 Name');
    expect(table.stdout).not.toContain('\u001b');
    expect(table.stdout).not.toContain('\u0007');
  });
});

describe('contacts', () => {
  beforeEach(async () => {
    await j.run(
      [
        'contact',
        'add',
        'Ralph Smith',
        '--company',
        'Acme, Inc.',
        '--circle',
        'second',
        '--every',
        '30d',
      ],
      { env: { NETJOURNAL_NOW: '2026-09-01' } },
    );
    await j.run([
      'contact',
      'add',
      'lena berg',
      '--company',
      'Northwind',
      '--circle',
      'third',
      '--tag',
      'design',
    ]);
    await j.run([
      'contact',
      'add',
      'Mom',
      '--circle',
      'inner',
      '--tag',
      'family',
      '--tag',
      'Design',
    ]);
  });

  it('lists by name, ignoring case', async () => {
    expect(await names()).toEqual(['lena berg', 'Mom', 'Ralph Smith']);
  });

  it('filters by circle, tag (any case) and company (substring, any case)', async () => {
    const list = async (...args: string[]) =>
      (JSON.parse((await j.run(['contacts', '--json', ...args])).stdout) as { name: string }[]).map(
        (c) => c.name,
      );
    expect(await list('--circle', 'inner')).toEqual(['Mom']);
    expect(await list('--tag', 'DESIGN')).toEqual(['lena berg', 'Mom']);
    expect(await list('--company', 'acme')).toEqual(['Ralph Smith']);
    expect(await list('--company', '%')).toEqual([]);
    expect(await list('--circle', 'second', '--tag', 'design')).toEqual([]);
  });

  it('--stale lists contacts past their keep-in-touch date', async () => {
    const stale = await j.run(['contacts', '--stale', '--json']);
    expect(JSON.parse(stale.stdout).map((c: { name: string }) => c.name)).toEqual(['Ralph Smith']);
    const early = await j.run(['contacts', '--stale', '--json', '--now', '2026-09-30']);
    expect(JSON.parse(early.stdout)).toEqual([]);
  });

  it('rejects an unknown circle filter with exit 2', async () => {
    const result = await j.run(['contacts', '--circle', 'fourth']);
    expect(result).toEqual({
      stdout: '',
      stderr: 'netjournal: unknown circle "fourth" — use inner, second or third\n',
      code: 2,
    });
  });

  it('prints jsonl, csv with quoting, and tsv without a header on request', async () => {
    const jsonl = (await j.run(['contacts', '--format', 'jsonl'])).stdout.trimEnd().split('\n');
    expect(jsonl.map((l) => JSON.parse(l).name)).toEqual(['lena berg', 'Mom', 'Ralph Smith']);
    const csv = (await j.run(['contacts', '--format', 'csv'])).stdout.split('\n');
    expect(csv[3]).toBe('1,Ralph Smith,,"Acme, Inc.",,,,,,second,30,,,,false,2026-09-01,');
    expect(csv[2]).toBe('3,Mom,,,,,,,,inner,,,"Design,family",,false,2026-11-21,');
    const tsv = (await j.run(['contacts', '--no-header'])).stdout.split('\n');
    expect(tsv[0]?.startsWith('2\tlena berg\t')).toBe(true);
  });

  it('draws a table on a terminal, coloured only when allowed', async () => {
    const plain = await j.run(['contacts'], { tty: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).toBe(
      [
        // Issue 17, point 4: a cadence reads "every 30 days" here as on contact show.
        'ID  NAME         COMPANY     ROLE  CIRCLE  EVERY    LAST MET  TAGS',
        '#2  lena berg    Northwind         third            never     design',
        '#3  Mom                            inner            never     Design, family',
        '#1  Ralph Smith  Acme, Inc.        second  30 days  never',
        '',
      ].join('\n'),
    );
    const coloured = await j.run(['contacts'], { tty: true });
    expect(coloured.stdout).toContain('\u001b[1mNAME\u001b[22m');
    const noColorFlag = await j.run(['contacts', '--no-color'], { tty: true });
    expect(noColorFlag.stdout).toBe(plain.stdout);
    const dumb = await j.run(['contacts'], { tty: true, env: { TERM: 'dumb' } });
    expect(dumb.stdout).toBe(plain.stdout);
    const forced = await j.run(['contacts', '--format', 'csv'], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).not.toContain('\u001b');
  });

  it('fits the table to the terminal width by truncating, never when piped', async () => {
    const long = 'A very long company name that keeps going and going and going';
    await j.run([
      'contact',
      'add',
      'Zed',
      '--company',
      long,
      '--role',
      'Chief of everything important',
    ]);
    for (const columns of [80, 60]) {
      const table = await j.run(['contacts'], {
        tty: true,
        env: { NO_COLOR: '1', COLUMNS: String(columns) },
      });
      for (const line of table.stdout.trimEnd().split('\n')) {
        expect(line.length).toBeLessThanOrEqual(columns);
      }
      expect(table.stdout).toContain('…');
    }
    // Names give up width last: at 80 columns only company, role and tags are cut.
    const wide = await j.run(['contacts'], { tty: true, env: { NO_COLOR: '1', COLUMNS: '80' } });
    expect(wide.stdout).toContain('#1  Ralph Smith  ');
    const piped = await j.run(['contacts', '--format', 'csv']);
    expect(piped.stdout).toContain(long);
  });

  it('says kindly when there are no contacts on a terminal, [] in JSON', async () => {
    const empty = tempJournal();
    try {
      const table = await empty.run(['contacts'], { tty: true, env: { NO_COLOR: '1' } });
      // 81 cells: wrapped at a space to the terminal's 80 columns.
      expect(table.stdout).toBe(
        'No contacts yet. Add one with: netjournal contact add "Ralph Smith" --company\nAcme\n',
      );
      expect((await empty.run(['contacts', '--json'])).stdout).toBe('[]\n');
      expect((await empty.run(['contacts', '--format', 'jsonl'])).stdout).toBe('');
      expect((await empty.run(['contacts', '--format', 'csv'])).stdout).toBe(
        'id,name,aliases,company,role,email,phone,url,location,circle,cadenceDays,birthday,tags,howMet,archived,created,lastMet\n',
      );
      expect(existsSync(empty.path)).toBe(false);
    } finally {
      empty.remove();
    }
  });
});

describe('contact add --via', () => {
  it('records who introduced them, creating the introducer if new', async () => {
    const r = await j.run(['contact', 'add', 'Priya Shah', '--via', 'Coach Rivera']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'New contact: Coach Rivera (#2).\nCoach Rivera introduced Priya Shah to you.\nAdded Priya Shah (#1).\n',
    );
    const chain = await j.run(['intros', '--chain', 'Priya', '--json']);
    expect(JSON.parse(chain.stdout)).toEqual({ chain: ['Coach Rivera', 'Priya Shah'] });
  });

  it('rejects an empty --via, writing nothing', async () => {
    const r = await j.run(['contact', 'add', 'Priya Shah', '--via', ' ']);
    expect(r).toEqual({
      stdout: '',
      stderr: 'netjournal: --via cannot be empty — give --via some words\n',
      code: 2,
    });
    expect(existsSync(j.path)).toBe(false);
  });
});
