import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

interface ContactJson {
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  url: string | null;
  circle: string | null;
  tags: string[];
  howMet: string | null;
  created: string;
}
const contacts = async () =>
  JSON.parse((await j.run(['contacts', '--json'])).stdout) as ContactJson[];

describe('import', () => {
  it("imports LinkedIn's Connections.csv with its preamble, dates and quoted commas", async () => {
    const r = await j.run([
      'import',
      fixture('linkedin-connections.csv'),
      '--circle',
      'third',
      '--tag',
      'linkedin',
    ]);
    expect(r).toEqual({
      stdout: '',
      stderr:
        'Imported linkedin-connections.csv (LinkedIn connections): 8 created, 0 updated, 0 unchanged, 0 skipped.\n',
      code: 0,
    });
    const all = await contacts();
    expect(all.map((c) => c.name)).toEqual([
      'Ana Souza',
      'Hannah Müller-Schmidt',
      'José Álvarez',
      'Kwame Mensah',
      'Li Wei',
      'Marcus Lee',
      'Priya Raman',
      "Siobhán O'Connor",
    ]);
    expect(all.find((c) => c.name === 'Marcus Lee')).toMatchObject({
      company: 'Acme Robotics, Ltd.',
      role: 'VP, Engineering',
      url: 'https://www.linkedin.com/in/marcuslee',
      circle: 'third',
      tags: ['linkedin'],
      howMet: 'LinkedIn',
      created: '2025-01-01',
    });
    expect(all.find((c) => c.name === "Siobhán O'Connor")?.company).toBe(
      '"Open Source" Collective',
    );
  });

  it('adds nothing when the same file is imported twice, and fills empty fields of matches', async () => {
    await j.run([
      'contact',
      'add',
      'José Álvarez',
      '--email',
      'JOSE.ALVAREZ@example.com',
      '--tag',
      'bank',
    ]);
    const first = await j.run(['import', fixture('linkedin-connections.csv'), '--json']);
    expect(JSON.parse(first.stdout)).toEqual({
      file: 'linkedin-connections.csv',
      format: 'linkedin',
      dryRun: false,
      created: 7,
      updated: 1,
      unchanged: 0,
      skipped: [],
      dropped: [],
      kept: [],
    });
    const before = await journalState(j);
    const second = await j.run(['import', fixture('linkedin-connections.csv'), '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    expect(await journalState(j)).toBe(before);
    expect((await contacts()).find((c) => c.name === 'José Álvarez')).toMatchObject({
      email: 'JOSE.ALVAREZ@example.com',
      company: 'Banco Santander',
      tags: ['bank'],
    });
  });

  it('detects the kind of file by content, whatever its name', async () => {
    const disguised = join(j.dir, 'export.txt');
    copyFileSync(fixture('contacts-v3.vcf'), disguised);
    const r = await j.run(['import', disguised]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^Imported export\.txt \(vCard\): \d+ created, 0 updated, 0 unchanged, 0 skipped\.\n$/,
    );
  });

  it('imports Google Contacts exports, current and legacy, labels as tags', async () => {
    for (const file of ['google-current.csv', 'google-legacy.csv']) {
      const r = await j.run(['import', fixture(file)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('(Google Contacts)');
    }
    expect((await contacts()).some((c) => c.tags.length > 0)).toBe(true);
  });

  it('--dry-run reports and writes nothing, even with no journal yet', async () => {
    const r = await j.run(['import', fixture('linkedin-connections.csv'), '--dry-run']);
    expect(r.stderr).toBe(
      'Would import linkedin-connections.csv (LinkedIn connections): 8 created, 0 updated, 0 unchanged, 0 skipped.\n',
    );
    expect(existsSync(j.path)).toBe(false);
    await j.run(['contact', 'add', 'Someone']);
    const before = await journalState(j);
    await j.run(['import', fixture('linkedin-connections.csv'), '--dry-run']);
    expect(await journalState(j)).toBe(before);
  });

  const bad: [string, string[], string][] = [
    ['unbalanced quotes', [fixture('bad-quotes.csv')], 'bad-quotes.csv:3: '],
    ['an unterminated vCard', [fixture('unterminated.vcf')], 'unterminated.vcf:'],
    [
      'an unknown --from',
      [fixture('generic.csv'), '--from', 'excel'],
      'unknown import format "excel" — use one of auto, linkedin, google, vcard, csv, jsonl',
    ],
    [
      'a missing file',
      [join('/nonexistent', 'x.csv')],
      'cannot read /nonexistent/x.csv (ENOENT) — check the path',
    ],
    [
      'an unknown circle',
      [fixture('generic.csv'), '--circle', 'outer'],
      'unknown circle "outer" — use inner, second or third',
    ],
  ];
  it.each(bad)('rejects %s with exit 2, writing nothing', async (_what, args, message) => {
    await j.run(['contact', 'add', 'Existing']);
    const before = await journalState(j);
    const r = await j.run(['import', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`netjournal: ${message}`)).toBe(true);
    expect(r.stderr.split('\n').length).toBe(2);
    expect(await journalState(j)).toBe(before);
  });

  it('says so when it cannot tell what a file is', async () => {
    const odd = join(j.dir, 'notes.txt');
    writeFileSync(odd, 'just some words\nnothing tabular\n');
    expect(await j.run(['import', odd])).toEqual({
      stdout: '',
      stderr:
        'netjournal: cannot tell what kind of file notes.txt is — name it with --from linkedin|google|vcard|csv|jsonl\n',
      code: 2,
    });
  });

  it('--skip-bad imports the good rows and lists the bad lines', async () => {
    const r = await j.run(['import', fixture('bad-quotes.csv'), '--skip-bad']);
    expect(r).toEqual({
      stdout: '',
      stderr: [
        'Imported bad-quotes.csv (CSV): 1 created, 0 updated, 0 unchanged, 1 skipped.',
        '  skipped line 3: unclosed quote: the field that opens here runs to line 4',
        '',
      ].join('\n'),
      code: 0,
    });
    expect((await contacts()).map((c) => c.name)).toEqual(['Ralph Smith']);
  });

  it('keeps the ids of a jsonl export when the journal is empty, gaps included', async () => {
    await j.run(['add', 'Ann Lee', 'Bob Ray', 'Cy Oda', '--no-thank-you']);
    await j.run(['contact', 'rm', 'Bob Ray', '--yes']);
    await j.run(['add', 'Cy Oda', '--date', 'yesterday', '--follow-up', 'send the deck']);
    const exported = (await j.run(['export'])).stdout;
    expect(exported).toContain('"type":"contact","id":3,');
    const file = join(j.dir, 'all.jsonl');
    writeFileSync(file, exported);
    const other = tempJournal();
    try {
      const imported = await other.run(['import', file]);
      expect(imported.code).toBe(0);
      expect((await other.run(['export'])).stdout).toBe(exported);
      const open = JSON.parse((await other.run(['follow-ups', '--json'])).stdout) as {
        id: number;
        contactId: number;
        meetingId: number;
      }[];
      expect(open.map((f) => [f.id, f.contactId, f.meetingId])).toEqual([
        [1, 3, 2],
        [2, 3, 2],
      ]);
    } finally {
      other.remove();
    }
  });

  it('stores a jsonl setting as config set would ("60d" becomes 60 days), and refuses a bad one', async () => {
    const file = join(j.dir, 'settings.jsonl');
    writeFileSync(
      file,
      [
        '{"type":"setting","key":"cadence.second","value":"60d"}',
        '{"type":"contact","id":1,"name":"Ann Lee","company":null,"role":null,"email":null,"phone":null,"url":null,"location":null,"circle":"second","cadenceDays":null,"birthday":null,"tags":[],"howMet":null,"archived":false,"created":"2026-01-01"}',
      ].join('\n') + '\n',
    );
    const imported = await j.run(['import', file]);
    expect(imported.code).toBe(0);
    expect((await j.run(['export'])).stdout).toContain(
      '{"type":"setting","key":"cadence.second","value":"60"}\n',
    );
    const today = JSON.parse((await j.run(['today', '--json'])).stdout) as {
      items: { section: string; contact: string; due: string }[];
    };
    expect(today.items).toEqual([
      expect.objectContaining({ section: 'reconnect', contact: 'Ann Lee', due: '2026-03-02' }),
    ]);

    const bad = join(j.dir, 'bad-setting.jsonl');
    writeFileSync(bad, '{"type":"setting","key":"cadence.inner","value":"often"}\n');
    const before = readFileSync(j.path);
    const refused = await j.run(['import', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^netjournal: bad-setting\.jsonl:1: unknown interval "often" — nothing was imported/,
    );
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('refuses a jsonl line that refers to a missing contact, naming the line', async () => {
    const file = join(j.dir, 'broken.jsonl');
    writeFileSync(
      file,
      '{"type":"meeting","id":1,"date":"2026-01-01","kind":"coffee","contactIds":[7],"notes":null,"outreach":false,"created":"2026-01-01T10:00:00.000Z"}\n',
    );
    const r = await j.run(['import', file]);
    expect(r).toEqual({
      stdout: '',
      stderr:
        'netjournal: broken.jsonl:1: meeting refers to a record that is not in the journal or the file — nothing was imported; fix the file, or use --skip-bad to import the rest\n',
      code: 2,
    });
    expect(existsSync(j.path)).toBe(false);
  });

  describe('refuses a bad jsonl line (exit 2, file:line) and leaves the journal byte-identical', () => {
    const HEADER = '{"type":"netjournal","format":2}';
    const contact = (uid: string, more = '') =>
      `{"type":"contact","id":1,"uid":"${uid}","name":"Ralph Smith","company":null,"role":null,"email":null,"phone":null,"url":null,"location":null,"circle":null,"cadenceDays":null,"birthday":null,"tags":[],"howMet":null,"archived":false,"created":"2026-01-01"${more}}`;
    const NEW_UID = '019a0000-0000-7000-8000-000000000001';

    /** Import lines into a journal that already has a contact; returns the result and whether the file changed. */
    async function refused(lines: (ralph: string) => string[]) {
      expect((await j.run(['contact', 'add', 'Ralph Smith', '--company', 'Acme'])).code).toBe(0);
      const exported = (await j.run(['export'])).stdout.split('\n');
      const ralph = (JSON.parse(exported[1] ?? '{}') as { uid: string }).uid;
      const file = join(j.dir, 'bad.jsonl');
      writeFileSync(file, lines(ralph).join('\n') + '\n');
      const before = readFileSync(j.path);
      const r = await j.run(['import', file]);
      return { ...r, same: readFileSync(j.path).equals(before) };
    }

    const hint = ' — nothing was imported; fix the file, or use --skip-bad to import the rest\n';

    it('a record of an unknown type', async () => {
      const r = await refused(() => [HEADER, contact(NEW_UID), '{"type":"reminder","id":1}']);
      expect(r).toEqual({
        stdout: '',
        stderr: `netjournal: bad.jsonl:3: unknown record type "reminder"${hint}`,
        code: 2,
        same: true,
      });
    });

    it('a type that names a property every object has', async () => {
      const r = await refused(() => [HEADER, '{"type":"constructor"}', '{"type":"toString"}']);
      expect(r).toEqual({
        stdout: '',
        stderr: `netjournal: bad.jsonl:2: unknown record type "constructor" (and 1 more)${hint}`,
        code: 2,
        same: true,
      });
    });

    it('a field of the wrong type', async () => {
      const r = await refused(() => [
        HEADER,
        contact(NEW_UID).replace('"archived":false', '"archived":"yes"'),
      ]);
      expect(r).toEqual({
        stdout: '',
        stderr: `netjournal: bad.jsonl:2: contact has a missing or invalid "archived"${hint}`,
        code: 2,
        same: true,
      });
    });

    it('a stable id that belongs to a record of another type', async () => {
      const r = await refused((ralph) => [
        HEADER,
        contact(ralph),
        `{"type":"note","id":1,"uid":"${ralph}","contactId":1,"date":"2026-01-02","text":"Plays the cello","meetingId":null,"created":"2026-01-02T00:00:00.000Z"}`,
      ]);
      expect(r.stderr).toMatch(
        /^netjournal: bad\.jsonl:3: stable id [0-9a-f-]{36} already belongs to a contact — nothing was imported/,
      );
      expect(r).toMatchObject({ stdout: '', code: 2, same: true });
    });

    it('a file from a newer netjournal (format 99)', async () => {
      const r = await refused(() => ['{"type":"netjournal","format":99}', contact(NEW_UID)]);
      expect(r).toEqual({
        stdout: '',
        stderr: `netjournal: bad.jsonl:1: written by a newer netjournal (jsonl format 99; this one reads up to 2): upgrade netjournal to import it${hint}`,
        code: 2,
        same: true,
      });
    });
  });
});

describe('import and search', () => {
  it('indexes what an import adds or changes, with the search triggers paused meanwhile', async () => {
    await j.run(['contact', 'add', 'José Álvarez', '--email', 'jose.alvarez@example.com']);
    await j.run(['import', fixture('linkedin-connections.csv'), '--tag', 'alumni']);
    const found = async (text: string) =>
      (JSON.parse((await j.run(['search', text, '--json'])).stdout) as { contact: string }[]).map(
        (r) => r.contact,
      );
    expect(await found('figma')).toEqual(['Priya Raman']);
    expect(await found('santander')).toEqual(['José Álvarez']);
    expect((await found('alumni')).length).toBe(8);
    expect((await j.run(['config', 'list', '--json'])).stdout).toBe('[]\n');
    const jsonl = join(j.dir, 'all.jsonl');
    writeFileSync(jsonl, (await j.run(['export'])).stdout);
    const other = tempJournal();
    try {
      await other.run(['import', jsonl]);
      const again = JSON.parse((await other.run(['search', 'figma', '--json'])).stdout) as {
        contact: string;
      }[];
      expect(again.map((r) => r.contact)).toEqual(['Priya Raman']);
    } finally {
      other.remove();
    }
  });
});
