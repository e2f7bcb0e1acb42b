import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

// Issue 21: `export --format ics|vcard --vdir DIR`, one file per open
// follow-up or contact, named by its stable id; rewritten only when it
// changed, removed when the item is closed or deleted, and nothing else in
// DIR ever touched.

let j: TempJournal;
let dir: string;
beforeEach(async () => {
  j = tempJournal();
  dir = join(j.dir, 'calendars', 'netjournal');
  for (const step of [
    ['add', 'Lena Berg', '--date', '2026-11-20', '--follow-up', 'Send the deck'],
    ['contact', 'add', 'Ralph Smith', '--email', 'ralph@acme.example'],
    ['follow-up', 'Ralph Smith', 'Ask about the climbing trip', '--due', '2026-11-25'],
  ]) {
    const result = await j.run(step);
    expect(result.code, result.stderr).toBe(0);
  }
});
afterEach(() => j.remove());

async function exported(args: string[]): Promise<string> {
  const result = await j.run(['export', ...args]);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toBe('');
  return result.stderr;
}

/** Stable ids by short id, from the jsonl export. */
async function stableIds(type: 'contact' | 'followUp'): Promise<Map<number, string>> {
  const result = await j.run(['export']);
  const lines = result.stdout.trimEnd().split('\n');
  const records = lines.map((l) => JSON.parse(l) as { type: string; id: number; uid: string });
  return new Map(records.filter((r) => r.type === type).map((r) => [r.id, r.uid]));
}

const files = (folder: string, ext: string) =>
  readdirSync(folder)
    .filter((f) => f.endsWith(ext))
    .sort();

const mtimes = (folder: string) =>
  Object.fromEntries(readdirSync(folder).map((f) => [f, statSync(join(folder, f)).mtimeMs]));

describe('export --format ics --vdir', () => {
  it('writes one calendar per open follow-up, named and identified by its stable id', async () => {
    expect(await exported(['--format', 'ics', '--vdir', dir])).toBe(
      `Exported 3 open follow-ups as to-dos to the vdir ${dir}: 3 written, 0 unchanged, 0 removed.\n`,
    );
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const uids = await stableIds('followUp');
    expect(files(dir, '.ics')).toEqual([...uids.values()].map((u) => `${u}.ics`).sort());
    const single = (await j.run(['export', '--format', 'ics'])).stdout;
    const feed = new ICAL.Component(ICAL.parse(single) as unknown[]).getAllSubcomponents('vtodo');
    for (const [id, uid] of uids) {
      const path = join(dir, `${uid}.ics`);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const text = readFileSync(path, 'utf8');
      const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
      expect(calendar.getFirstPropertyValue('prodid')).toBe('-//netjournal//EN');
      const todos = calendar.getAllSubcomponents('vtodo');
      expect(todos).toHaveLength(1);
      // The same item, with the same UID, as in the one-file feed.
      expect(todos[0]?.getFirstPropertyValue('uid')).toBe(uid);
      expect(todos[0]?.toString()).toBe(feed[id - 1]?.toString());
    }
  });

  it('rewrites only what changed, and removes the files of done, dropped and deleted items', async () => {
    await exported(['--format', 'ics', '--vdir', dir]);
    const uids = await stableIds('followUp');
    // Back-date every file, so that a rewrite shows in its mtime.
    for (const f of readdirSync(dir)) utimesSync(join(dir, f), 1_000_000, 1_000_000);
    const before = mtimes(dir);
    expect(await exported(['--format', 'ics', '--vdir', dir])).toBe(
      `Exported 3 open follow-ups as to-dos to the vdir ${dir}: 0 written, 3 unchanged, 0 removed.\n`,
    );
    expect(mtimes(dir)).toEqual(before);

    // #1 thank Lena, #2 send the deck (Lena), #3 ask Ralph.
    expect((await j.run(['done', '1'])).code).toBe(0);
    expect((await j.run(['contact', 'edit', 'Ralph Smith', '--name', 'Ralph Smyth'])).code).toBe(0);
    expect(await exported(['--format', 'ics', '--vdir', dir])).toBe(
      `Exported 2 open follow-ups as to-dos to the vdir ${dir}: 1 written, 1 unchanged, 1 removed.\n`,
    );
    const after = mtimes(dir);
    const file = (id: number) => `${uids.get(id) ?? ''}.ics`;
    const [u1, u2, u3] = [file(1), file(2), file(3)];
    expect(files(dir, '.ics')).toEqual([u2, u3].sort());
    expect(after[u2]).toBe(before[u2]);
    expect(after[u3]).not.toBe(before[u3]);
    expect(readFileSync(join(dir, u3), 'utf8')).toContain('— Ralph Smyth');
    expect(u1 in after).toBe(false);

    expect((await j.run(['drop', '2'])).code).toBe(0);
    expect((await j.run(['contact', 'rm', 'Ralph Smyth', '--yes'])).code).toBe(0);
    expect(await exported(['--format', 'ics', '--vdir', dir])).toBe(
      `Exported 0 open follow-ups as to-dos to the vdir ${dir}: 0 written, 0 unchanged, 2 removed.\n`,
    );
    expect(files(dir, '.ics')).toEqual([]);
  });

  it('never touches a file it did not write', async () => {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    // What a vdir also holds: khal's and vdirsyncer's metadata, items made on the phone (one
    // with a UUID for a name), a folder, and a file named like netjournal's without its PRODID.
    const foreign: Record<string, string> = {
      color: '#ff0000',
      displayname: 'Follow-ups',
      'dentist.ics': 'BEGIN:VCALENDAR\r\nPRODID:-//Apple Inc.//iOS 17//EN\r\nEND:VCALENDAR\r\n',
      '0190a0e8-1b2c-4d5e-8f60-718293a4b5c6.ics': 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
      '0190a0e8-1b2c-7d5e-8f60-718293a4b5c6.vcf': 'BEGIN:VCARD\r\nPRODID:-//netjournal//EN\r\n',
    };
    for (const [name, text] of Object.entries(foreign)) writeFileSync(join(dir, name), text);
    mkdirSync(join(dir, 'sub'));
    for (let round = 0; round < 2; round++) {
      await exported(['--format', 'ics', '--vdir', dir]);
      for (const id of ['1', '2', '3']) await j.run(['done', id]);
    }
    expect(await exported(['--format', 'ics', '--vdir', dir])).toMatch(
      /: 0 written, 0 unchanged, 0 removed\.\n$/,
    );
    for (const [name, text] of Object.entries(foreign)) {
      expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
    }
    expect(statSync(join(dir, 'sub')).isDirectory()).toBe(true);
    // A folder that was there keeps its mode.
    expect(statSync(dir).mode & 0o777).toBe(0o755);
  });

  it('removes a file it wrote even after a phone rewrote it with its own PRODID', async () => {
    await exported(['--format', 'ics', '--vdir', dir]);
    const path = join(dir, `${(await stableIds('followUp')).get(1) ?? ''}.ics`);
    const phone = readFileSync(path, 'utf8').replace(
      '-//netjournal//EN',
      '-//Apple Inc.//iOS 17//EN',
    );
    writeFileSync(path, phone);
    expect((await j.run(['done', '1'])).code).toBe(0);
    expect(await exported(['--format', 'ics', '--vdir', dir])).toMatch(
      /: 0 written, 2 unchanged, 1 removed\.\n$/,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('writes all-day events with --as event', async () => {
    expect(await exported(['--format', 'ics', '--as', 'event', '--vdir', dir])).toBe(
      `Exported 3 open follow-ups as all-day events to the vdir ${dir}: 3 written, 0 unchanged, 0 removed.\n`,
    );
    for (const f of files(dir, '.ics')) {
      const calendar = new ICAL.Component(
        ICAL.parse(readFileSync(join(dir, f), 'utf8')) as unknown[],
      );
      expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
      expect(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('uid')).toBe(
        f.slice(0, -4),
      );
    }
  });

  it('cleans up the temp file of an export killed half-way, but not another export in progress', async () => {
    await exported(['--format', 'ics', '--vdir', dir]);
    const name = files(dir, '.ics')[0] ?? '';
    // A pid no process has (above Linux's largest), and this process's own.
    const dead = join(dir, `.${name}.99999999.tmp`);
    const alive = join(dir, `.${name}.${process.ppid}.tmp`);
    writeFileSync(dead, 'half');
    writeFileSync(alive, 'half');
    await exported(['--format', 'ics', '--vdir', dir]);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
  });
});

describe('export --format vcard --vdir', () => {
  it('writes one card per contact, and removes the card of a deleted contact', async () => {
    expect(await exported(['--format', 'vcard', '--vdir', dir])).toBe(
      `Exported 2 contacts to the vdir ${dir}: 2 written, 0 unchanged, 0 removed.\n`,
    );
    const uids = await stableIds('contact');
    expect(files(dir, '.vcf')).toEqual([...uids.values()].map((u) => `${u}.vcf`).sort());
    const ralph = readFileSync(join(dir, `${uids.get(2) ?? ''}.vcf`), 'utf8');
    expect(ralph.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'PRODID:-//netjournal//EN',
      `UID:urn:uuid:${uids.get(2) ?? ''}`,
      'FN:Ralph Smith',
      'N:;;;;',
      'EMAIL:ralph@acme.example',
      'X-NETJOURNAL-CREATED:2026-11-21',
      'END:VCARD',
      '',
    ]);
    // The same card as the one-file export, but for the PRODID saying who wrote it.
    const single = (await j.run(['export', '--format', 'vcard'])).stdout;
    expect(single).toContain(ralph.replace('PRODID:-//netjournal//EN\r\n', ''));

    expect((await j.run(['contact', 'rm', 'Ralph Smith', '--yes'])).code).toBe(0);
    expect(await exported(['--format', 'vcard', '--vdir', dir])).toBe(
      `Exported 1 contact to the vdir ${dir}: 0 written, 1 unchanged, 1 removed.\n`,
    );
    expect(files(dir, '.vcf')).toEqual([`${uids.get(1) ?? ''}.vcf`]);
  });

  it('leaves the calendar files alone when both share a folder', async () => {
    await exported(['--format', 'ics', '--vdir', dir]);
    const calendars = files(dir, '.ics');
    await exported(['--format', 'vcard', '--vdir', dir]);
    await j.run(['contact', 'rm', 'Ralph Smith', '--yes']);
    await exported(['--format', 'vcard', '--vdir', dir]);
    expect(files(dir, '.ics')).toEqual(calendars);
    expect(files(dir, '.vcf')).toHaveLength(1);
  });
});

describe('export --vdir with no journal yet', () => {
  it('makes the folder, holding no items, and creates no journal', async () => {
    const empty = tempJournal();
    try {
      const folder = join(empty.dir, 'todos');
      const result = await empty.run(['export', '--format', 'ics', '--vdir', folder]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(
        `Exported 0 open follow-ups as to-dos to the vdir ${folder}: 0 written, 0 unchanged, 0 removed.\n`,
      );
      expect(files(folder, '.ics')).toEqual([]);
      expect(existsSync(empty.path)).toBe(false);
    } finally {
      empty.remove();
    }
  });
});

describe('export --vdir: refused, nothing written', () => {
  const file = () => join(j.dir, 'out.ics');
  const cases: [string, () => string[], string][] = [
    [
      'with --output',
      () => ['--format', 'ics', '--vdir', dir, '--output', file()],
      '--vdir and --output are two different places to write to — choose one: --vdir DIR (one file per item) or --output FILE (one file)',
    ],
    [
      'with --force',
      () => ['--format', 'vcard', '--vdir', dir, '--force'],
      '--vdir needs no --force — drop --force: a vdir export replaces its own files and only those',
    ],
    ...(['jsonl', 'json', 'csv'] as const).map((format): [string, () => string[], string] => [
      `with --format ${format}`,
      () => ['--format', format, '--what', 'contacts', '--vdir', dir],
      `--vdir holds calendar items or contacts, not ${format} — add --format ics (open follow-ups) or --format vcard (contacts)`,
    ]),
    [
      'without a format (jsonl)',
      () => ['--vdir', dir],
      '--vdir holds calendar items or contacts, not jsonl — add --format ics (open follow-ups) or --format vcard (contacts)',
    ],
    [
      'with --format vcard --what meetings',
      () => ['--format', 'vcard', '--what', 'meetings', '--vdir', dir],
      'vcard holds contacts, not meetings — drop --what, or use --what contacts',
    ],
  ];

  it.each(cases)('%s: exit 2', async (_, args, message) => {
    const state = await journalState(j);
    const before = readdirSync(j.dir).sort();
    const result = await j.run(['export', ...args()]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`netjournal: ${message}\n`);
    expect(readdirSync(j.dir).sort()).toEqual(before);
    expect(existsSync(join(j.dir, 'calendars'))).toBe(false);
    expect(await journalState(j)).toBe(state);
  });

  it('a file where the folder should be: exit 2, the file unchanged', async () => {
    const path = join(j.dir, 'calendar.ics');
    writeFileSync(path, 'mine');
    const result = await j.run(['export', '--format', 'ics', '--vdir', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `netjournal: ${path} is not a folder — give --vdir the path of a folder (it is created if missing)\n`,
    );
    expect(readFileSync(path, 'utf8')).toBe('mine');
  });

  it('a folder it may not write: exit 2, saying so', async () => {
    if (process.getuid?.() === 0) {
      // root may write anywhere: a file in the way of the folder's parent stands in.
      writeFileSync(join(j.dir, 'calendars'), 'x');
      const result = await j.run(['export', '--format', 'ics', '--vdir', dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^netjournal: cannot write the vdir .* — choose another --vdir\n$/,
      );
      return;
    }
    mkdirSync(dir, { recursive: true, mode: 0o500 });
    const result = await j.run(['export', '--format', 'ics', '--vdir', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `netjournal: cannot write the vdir ${dir}: permission denied — choose another --vdir\n`,
    );
  });
});
