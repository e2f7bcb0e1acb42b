import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

// Nicknames (issue 19): `contact add/edit --alias`, `--no-alias`, shown by
// `contact show`, found by every name lookup, carried by undo, jsonl and
// vCard, and read from the nickname columns of other programs' exports.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

async function ok(args: string[]): Promise<string> {
  const result = await j.run(args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

/** A refused command: its exit code and stderr, and the journal as it was. */
async function refused(args: string[], code: number): Promise<string> {
  const before = await journalState(j);
  const bytes = readFileSync(j.path);
  const result = await j.run(args);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe('');
  expect(await journalState(j)).toBe(before);
  expect(readFileSync(j.path).equals(bytes)).toBe(true);
  return result.stderr;
}

const aliasesOf = async (name: string): Promise<string[]> =>
  (JSON.parse(await ok(['contact', 'show', name, '--json'])) as { aliases: string[] }).aliases;

describe('setting nicknames', () => {
  it('contact add --alias (repeatable) stores them, and contact show lists them after the name', async () => {
    await ok(['contact', 'add', 'Rafael Ortiz', '--alias', 'Rafa', '--alias', ' Rafi ']);
    await ok(['contact', 'add', 'Lena Berg']);
    expect(await aliasesOf('Rafael Ortiz')).toEqual(['Rafa', 'Rafi']);
    expect(await aliasesOf('Lena Berg')).toEqual([]);
    const page = await ok(['contact', 'show', 'Rafael Ortiz']);
    expect(page.split('\n').slice(0, 3)).toEqual([
      'Rafael Ortiz  #1',
      '  nicknames Rafa, Rafi',
      '  created   2026-11-21 (today)',
    ]);
    // A contact without one has no such line.
    expect(await ok(['contact', 'show', 'Lena Berg'])).not.toContain('nicknames');
  });

  it('contact edit --alias adds, --no-alias removes (without regard to case), the others kept', async () => {
    await ok(['contact', 'add', 'Rafael Ortiz', '--alias', 'Rafa']);
    await ok(['contact', 'edit', 'Rafael Ortiz', '--alias', 'Rafi', '--alias', 'rafa']);
    expect(await aliasesOf('Rafael Ortiz')).toEqual(['Rafa', 'Rafi']);
    await ok(['contact', 'edit', 'Rafael Ortiz', '--no-alias', 'RAFA']);
    expect(await aliasesOf('Rafael Ortiz')).toEqual(['Rafi']);
  });

  it.each([
    [
      ['--alias', ''],
      'netjournal: a nickname cannot be empty — give --alias a name, e.g. --alias Rafa',
    ],
    [['--alias', 'me'], 'netjournal: "me" means you — pick a nickname that is not me, I or myself'],
    [
      ['--alias', '#4'],
      'netjournal: "#4" looks like a contact id — pick a nickname that is not #NUMBER',
    ],
    [
      ['--alias', 'Rafa, Rafi'],
      'netjournal: nickname "Rafa, Rafi" contains a comma — repeat --alias for each nickname',
    ],
    [
      ['--alias', 'Rafa', '--no-alias', 'rafa'],
      'netjournal: nickname "Rafa" is both added and removed — give it only once',
    ],
  ])('contact edit %j is refused with exit 2, the journal unchanged', async (options, message) => {
    await ok(['contact', 'add', 'Rafael Ortiz']);
    expect(await refused(['contact', 'edit', 'Rafael Ortiz', ...options], 2)).toBe(`${message}\n`);
  });

  it('undo takes an added nickname back, and gives a removed one back', async () => {
    await ok(['contact', 'add', 'Rafael Ortiz', '--alias', 'Rafa']);
    await ok(['contact', 'edit', 'Rafael Ortiz', '--alias', 'Rafi']);
    await ok(['undo']);
    expect(await aliasesOf('Rafael Ortiz')).toEqual(['Rafa']);
    await ok(['contact', 'edit', 'Rafael Ortiz', '--no-alias', 'Rafa']);
    await ok(['undo']);
    expect(await aliasesOf('Rafael Ortiz')).toEqual(['Rafa']);
    expect(await ok(['doctor'])).not.toMatch(/fail/i);
  });

  it('contact merge keeps the nicknames of both', async () => {
    await ok(['contact', 'add', 'Rafael Ortiz', '--alias', 'Rafa']);
    await ok(['contact', 'add', 'R. Ortiz', '--alias', 'Rafi', '--alias', 'rafa']);
    await ok(['contact', 'merge', 'Rafael Ortiz', 'R. Ortiz']);
    expect(await aliasesOf('Rafael Ortiz')).toEqual(['Rafa', 'Rafi']);
  });
});

describe('every name lookup finds a contact by a nickname', () => {
  beforeEach(async () => {
    await ok(['contact', 'add', 'Rafael Ortiz', '--alias', 'Rafa', '--company', 'Acme']);
    await ok(['contact', 'add', 'Zoë Müller', '--alias', 'Zozo']);
    await ok(['contact', 'add', 'Дмитрий Иванов', '--alias', 'Дима']);
  });

  it('note, add, meeting edit --with, follow-up and contact show', async () => {
    expect(await ok(['note', 'rafa', 'plays padel'])).toContain('Rafael Ortiz\t1\t');
    await ok(['add', 'RAFA', '--kind', 'coffee', '--no-thank-you']);
    await ok(['add', 'Lena Berg', '--no-thank-you']);
    await ok(['meeting', 'edit', '2', '--with', 'zozo', '--with', 'дима']);
    await ok(['follow-up', 'add', 'Rafa', 'send the deck', '--due', '2026-11-25']);
    const log = JSON.parse(await ok(['log', '--json'])) as { contacts: string[] }[];
    expect(log.map((m) => m.contacts)).toEqual([
      ['Zoë Müller', 'Дмитрий Иванов'],
      ['Rafael Ortiz'],
    ]);
    const contacts = JSON.parse(await ok(['contacts', '--json'])) as { name: string }[];
    // `add RAFA` found him: no new contact.
    expect(contacts.map((c) => c.name)).toEqual([
      'Lena Berg',
      'Rafael Ortiz',
      'Zoë Müller',
      'Дмитрий Иванов',
    ]);
    expect(await ok(['contact', 'show', 'zózo'])).toMatch(/^Zoë Müller {2}#2\n/);
  });

  it('jot reads a nickname as the contact it names', async () => {
    expect(await ok(['jot', '--dry-run', 'coffee with Rafa and zozo yesterday: padel'])).toBe(
      '{"people":[{"name":"Rafael Ortiz","contactId":1,"new":false},' +
        '{"name":"Zoë Müller","contactId":2,"new":false}],"kind":"coffee",' +
        '"date":"2026-11-20","notes":"padel","learned":[]}\n',
    );
  });

  it('search finds a contact by a nickname and says which one matched', async () => {
    const hits = JSON.parse(await ok(['search', 'rafa', '--json'])) as {
      kind: string;
      contact: string;
    }[];
    expect(hits).toEqual([expect.objectContaining({ kind: 'contact', contact: 'Rafael Ortiz' })]);
  });

  it('a nickname two contacts share is ambiguous: exit 3 listing both, nothing written', async () => {
    await ok(['contact', 'add', 'Rafa Nadal', '--alias', 'rafa']);
    const message =
      'netjournal: "rafa" matches 2 contacts: Rafael Ortiz (#1, Acme), Rafa Nadal (#4) — ' +
      "name one by its id, e.g. '#1'\n";
    expect(await refused(['note', 'rafa', 'plays padel'], 3)).toBe(message);
    expect(await refused(['add', 'rafa', '--no-thank-you'], 3)).toBe(message);
    expect(await refused(['jot', '--yes', 'coffee with rafa'], 3)).toBe(
      "netjournal: \"rafa\" matches 2 contacts: Rafael Ortiz ('#1', Acme), Rafa Nadal ('#4') — " +
        "write the full name, or the id, e.g. '#1'\n",
    );
  });

  it("a nickname that is another contact's name is ambiguous too", async () => {
    await ok(['contact', 'add', 'Rafa']);
    expect(await refused(['note', 'rafa', 'x'], 3)).toBe(
      'netjournal: "rafa" matches 2 contacts: Rafael Ortiz (#1, Acme), Rafa (#4) — ' +
        "name one by its id, e.g. '#1'\n",
    );
  });
});

describe('nicknames in exports and imports', () => {
  it('jsonl carries them and reads them back; a line without them still imports', async () => {
    await ok(['contact', 'add', 'Rafael Ortiz', '--alias', 'Rafi', '--alias', 'Rafa']);
    const jsonl = await ok(['export', '--format', 'jsonl']);
    expect(jsonl).toContain('"name":"Rafael Ortiz","aliases":["Rafa","Rafi"],"company":null');
    const file = join(j.dir, 'out.jsonl');
    writeFileSync(
      file,
      jsonl +
        '{"type":"contact","id":7,"name":"Lena Berg","company":null,"role":null,"email":null,' +
        '"phone":null,"url":null,"location":null,"circle":null,"cadenceDays":null,' +
        '"birthday":null,"tags":[],"howMet":null,"archived":false,"created":"2026-11-01"}\n',
    );
    const other = tempJournal();
    try {
      const imported = await other.run(['import', file]);
      expect(imported.code, imported.stderr).toBe(0);
      const shown = await other.run(['contacts', '--json']);
      const contacts = JSON.parse(shown.stdout) as { name: string; aliases: string[] }[];
      expect(contacts.map((c) => [c.name, c.aliases])).toEqual([
        ['Lena Berg', []],
        ['Rafael Ortiz', ['Rafa', 'Rafi']],
      ]);
      expect((await other.run(['note', 'rafi', 'x'])).code).toBe(0);
    } finally {
      other.remove();
    }
  });

  it('vCard: exported as NICKNAME and read back from it', async () => {
    await ok(['contact', 'add', 'Rafael Ortiz', '--alias', 'Rafa', '--alias', 'Rafi']);
    const vcf = await ok(['export', '--format', 'vcard']);
    expect(vcf).toContain('\r\nFN:Rafael Ortiz\r\nN:;;;;\r\nNICKNAME:Rafa,Rafi\r\n');
    const file = join(j.dir, 'cards.vcf');
    writeFileSync(
      file,
      vcf +
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lena Berg\r\nNICKNAME:Lenchen,Lena Berg\r\nEND:VCARD\r\n',
    );
    const other = tempJournal();
    try {
      expect((await other.run(['import', file])).code).toBe(0);
      const contacts = JSON.parse((await other.run(['contacts', '--json'])).stdout) as {
        name: string;
        aliases: string[];
      }[];
      // A nickname that is the name itself is not kept as one.
      expect(contacts.map((c) => [c.name, c.aliases])).toEqual([
        ['Lena Berg', ['Lenchen']],
        ['Rafael Ortiz', ['Rafa', 'Rafi']],
      ]);
    } finally {
      other.remove();
    }
  });

  it.each([
    ['Google', 'test/fixtures/import/google-current.csv', { 'First Name': 'Grace' }],
    ['Thunderbird', 'test/fixtures/import/csv/thunderbird.csv', { 'Display Name': 'Grace' }],
  ])('%s CSV: its Nickname column', async (_, fixture, name: Record<string, string>) => {
    // The program's own header (as the fixture has it), one row: a name and a nickname.
    const header = readFileSync(fixture, 'utf8').split(/\r?\n/)[0] ?? '';
    const cells = { ...name, Nickname: 'Gracie' } as Record<string, string>;
    const row = header.split(',').map((column) => cells[column] ?? '');
    const file = join(j.dir, 'export.csv');
    writeFileSync(file, `${header}\n${row.join(',')}\n`);
    await ok(['import', file]);
    const contacts = JSON.parse(await ok(['contacts', '--json'])) as {
      name: string;
      aliases: string[];
    }[];
    expect(contacts.map((c) => [c.name, c.aliases])).toEqual([['Grace', ['Gracie']]]);
    expect(await ok(['note', 'gracie', 'x'])).toContain('\tGrace\t');
  });

  it('an import matching an existing contact adds the nicknames it lacks', async () => {
    await ok(['contact', 'add', 'Lena Berg', '--alias', 'Lenchen']);
    const file = join(j.dir, 'cards.vcf');
    writeFileSync(
      file,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lena Berg\r\nNICKNAME:lenchen,Leni\r\nEND:VCARD\r\n',
    );
    await ok(['import', file]);
    expect(await aliasesOf('Lena Berg')).toEqual(['Lenchen', 'Leni']);
  });
});
