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

type Record = { [key: string]: unknown };

async function all(): Promise<Record[]> {
  return JSON.parse((await j.run(['contacts', '--json', '--archived'])).stdout) as Record[];
}

async function ralph(): Promise<Record> {
  return JSON.parse((await j.run(['contact', 'show', '#1', '--json'])).stdout) as Record;
}

/** Ralph Smith #1 with every field set; Lena Berg #2. */
async function seed(): Promise<void> {
  await j.run(
    [
      'contact',
      'add',
      'Ralph Smith',
      '--company',
      'Acme',
      '--role',
      'CTO',
      '--email',
      'ralph@example.com',
      '--phone',
      '555',
      '--url',
      'https://r.example',
      '--location',
      'Boston',
      '--circle',
      'second',
      '--every',
      '30d',
      '--birthday',
      '03-14',
      '--tag',
      'design',
      '--tag',
      'mentor',
      '--how',
      'gym',
    ],
    { env: { NETJOURNAL_NOW: '2026-01-10' } },
  );
  await j.run(['contact', 'add', 'Lena Berg']);
}

describe('contact edit', () => {
  beforeEach(seed);

  it('changes only the fields given and prints the record when piped', async () => {
    const result = await j.run([
      'contact',
      'edit',
      'ralph',
      '--company',
      ' Globex ',
      '--role',
      'CEO',
    ]);
    expect(result).toEqual({
      stdout:
        HEADER +
        '1\tRalph Smith\t\tGlobex\tCEO\tralph@example.com\t555\thttps://r.example\tBoston\tsecond\t30\t03-14\tdesign,mentor\tgym\tfalse\t2026-01-10\t\n',
      stderr: 'Updated Ralph Smith (#1).\n',
      code: 0,
    });
  });

  it('prints one JSON object with --json and nothing on stdout on a terminal', async () => {
    const json = await j.run(['contact', 'edit', 'Ralph Smith', '--location', 'Berlin', '--json']);
    expect(json.stderr).toBe('Updated Ralph Smith (#1).\n');
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 1, location: 'Berlin', company: 'Acme' });
    const tty = await j.run(['contact', 'edit', 'Ralph Smith', '--phone', '777'], { tty: true });
    expect(tty).toEqual({ stdout: '', stderr: 'Updated Ralph Smith (#1).\n', code: 0 });
  });

  it('clears text fields, circle, cadence and birthday with an empty value or none', async () => {
    const result = await j.run([
      'contact',
      'edit',
      'ralph',
      '--company',
      '',
      '--role',
      ' ',
      '--email',
      '',
      '--phone',
      '',
      '--url',
      '',
      '--location',
      '',
      '--circle',
      '',
      '--every',
      'none',
      '--birthday',
      '',
      '--how',
      '',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      id: 1,
      name: 'Ralph Smith',
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
      tags: ['design', 'mentor'],
      howMet: null,
      archived: false,
      created: '2026-01-10',
      lastMet: null,
    });
  });

  it('validates and normalises new values', async () => {
    const result = await j.run([
      'contact',
      'edit',
      'ralph',
      '--circle',
      'INNER',
      '--every',
      '6w',
      '--birthday',
      '1980-02-29',
      '--email',
      ' r@x.org ',
    ]);
    expect(result.code).toBe(0);
    expect(await ralph()).toMatchObject({
      circle: 'inner',
      cadenceDays: 42,
      birthday: '1980-02-29',
      email: 'r@x.org',
    });
  });

  it('renames, also to a different case of the same name', async () => {
    const renamed = await j.run(['contact', 'edit', 'ralph', '--name', '  Ralph  Smyth ']);
    expect(renamed.stderr).toBe('Updated Ralph  Smyth (#1).\n');
    expect((await ralph()).name).toBe('Ralph  Smyth');
    const recased = await j.run(['contact', 'edit', '#1', '--name', 'RALPH  SMYTH']);
    expect(recased.code).toBe(0);
    expect((await ralph()).name).toBe('RALPH  SMYTH');
  });

  it('replaces, adds and removes tags', async () => {
    await j.run([
      'contact',
      'edit',
      'ralph',
      '--tag',
      'climbing',
      '--tag',
      'Boston',
      '--tag',
      'climbing',
    ]);
    expect((await ralph()).tags).toEqual(['Boston', 'climbing']);
    await j.run([
      'contact',
      'edit',
      'ralph',
      '--add-tag',
      'mentor',
      '--add-tag',
      'CLIMBING',
      '--remove-tag',
      'boston',
      '--remove-tag',
      'absent',
    ]);
    expect((await ralph()).tags).toEqual(['climbing', 'mentor']);
    await j.run(['contact', 'edit', 'ralph', '--tag', '']);
    expect((await ralph()).tags).toEqual([]);
  });

  it('archives and unarchives', async () => {
    await j.run(['contact', 'edit', 'ralph', '--archive']);
    const listed = JSON.parse((await j.run(['contacts', '--json'])).stdout) as Record[];
    expect(listed.map((c) => c.name)).toEqual(['Lena Berg']);
    expect((await ralph()).archived).toBe(true);
    // An archived contact is still found by its exact name or id.
    const back = await j.run(['contact', 'edit', 'Ralph Smith', '--unarchive']);
    expect(back.code).toBe(0);
    expect((await ralph()).archived).toBe(false);
  });

  const badInputs: [string, string[], string][] = [
    ['no option at all', [], 'nothing to change — give an option such as --company'],
    [
      'an unknown circle',
      ['--circle', 'outer'],
      'unknown circle "outer" — use inner, second or third',
    ],
    [
      'a bad interval',
      ['--every', 'soon'],
      'unknown interval "soon" — try 30d, 6w, 3m, 1y or none',
    ],
    [
      'a bad birthday',
      ['--birthday', '13-01'],
      'invalid birthday "13-01" — use MM-DD or YYYY-MM-DD, e.g. 03-14 or 1990-03-14',
    ],
    [
      'a bad email',
      ['--email', 'nope'],
      'invalid email "nope" — use an address like ralph@example.com',
    ],
    [
      'an empty name',
      ['--name', ' '],
      'a contact needs a name — give the name in quotes, e.g. "Ralph Smith"',
    ],
    [
      'a name meaning the user',
      ['--name', 'I'],
      '"I" means you — the user is already in the journal as "me"; pick another name',
    ],
    [
      'a name like an id',
      ['--name', '#4'],
      '"#4" looks like a contact id — pick a name that is not #NUMBER',
    ],
    [
      'an empty tag among others',
      ['--tag', 'a', '--tag', ''],
      'a tag cannot be empty — give --tag a word, e.g. --tag climbing',
    ],
    [
      'an empty tag to add',
      ['--add-tag', ''],
      'a tag cannot be empty — give --tag a word, e.g. --tag climbing',
    ],
    [
      '--tag with --add-tag',
      ['--tag', 'a', '--add-tag', 'b'],
      '--tag replaces all tags, so it cannot be combined with --add-tag or --remove-tag — use --tag alone to set the tags, or --add-tag/--remove-tag to change some',
    ],
    [
      'a tag both added and removed',
      ['--add-tag', 'x', '--remove-tag', 'X'],
      'tag "x" is both added and removed — give it only once',
    ],
    [
      '--archive with --unarchive',
      ['--archive', '--unarchive'],
      '--archive and --unarchive contradict each other — give only one',
    ],
    [
      'a name another contact has',
      ['--name', 'lena berg'],
      "a contact named \"Lena Berg\" already exists (#2) — pick another name, or merge the two: netjournal contact merge '#2' '#1'",
    ],
    [
      'an unknown format',
      ['--company', 'X', '--format', 'xml'],
      'unknown format "xml" — use one of table, json, jsonl, csv, tsv',
    ],
  ];

  describe.each(badInputs)('with %s', (_what, args, message) => {
    it('exits 2 with the message and writes nothing', async () => {
      const before = readFileSync(j.path);
      const listed = await all();
      const result = await j.run(['contact', 'edit', 'Ralph Smith', ...args]);
      expect(result).toEqual({ stdout: '', stderr: `netjournal: ${message}\n`, code: 2 });
      expect(await all()).toEqual(listed);
      expect(readFileSync(j.path).equals(before)).toBe(true);
    });
  });

  it('exits 3 for an unknown contact and writes nothing', async () => {
    const before = readFileSync(j.path);
    expect(await j.run(['contact', 'edit', 'Ralf Smith', '--company', 'X'])).toEqual({
      stdout: '',
      stderr: 'netjournal: no contact named "Ralf Smith" — did you mean "Ralph Smith"?\n',
      code: 3,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('checks the options before the name: a bad option on an unknown contact exits 2', async () => {
    const result = await j.run(['contact', 'edit', 'Nobody', '--every', 'x']);
    expect(result.code).toBe(2);
  });

  it('exits 2 for "me"', async () => {
    expect(await j.run(['contact', 'edit', 'me', '--company', 'X'])).toEqual({
      stdout: '',
      stderr: 'netjournal: "me" means you here — name someone else\n',
      code: 2,
    });
  });
});

describe('contact edit without a journal', () => {
  it('exits 3 and creates nothing', async () => {
    expect(await j.run(['contact', 'edit', 'Ralph', '--company', 'X'])).toEqual({
      stdout: '',
      stderr:
        'netjournal: no contact named "Ralph" — add them with: netjournal contact add "Ralph"\n',
      code: 3,
    });
    expect(existsSync(j.path)).toBe(false);
  });

  it('exits 2 for a bad option and creates nothing', async () => {
    const result = await j.run(['contact', 'edit', 'Ralph']);
    expect(result.stderr).toBe(
      'netjournal: nothing to change — give an option such as --company\n',
    );
    expect(result.code).toBe(2);
    expect(existsSync(j.path)).toBe(false);
  });
});
