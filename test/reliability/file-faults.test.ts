import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FIXTURE_V1,
  checkpoint,
  expectOneLineError,
  giveToNobody,
  isRoot,
  runCli,
  tempDir,
  type Outcome,
  type TempDir,
} from './helpers.js';

// Whatever is wrong with the journal file, netjournal exits 4 with one line
// naming the file and what to do (never a stack trace) and leaves it as it was.

const READ = ['contacts', '--json'];
const WRITE = ['add', 'Lena Ortiz', '--no-thank-you'];

let t: TempDir;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => {
  if (isRoot) chmodSync(t.dir, 0o700);
  t.remove();
});

function expectJournalError(result: Outcome, path: string, what: RegExp, todo: RegExp): void {
  expect(result.stdout).toBe('');
  expect(expectOneLineError(result.stderr), result.stderr).toBe(true);
  expect(result.stderr).toContain(path);
  expect(result.stderr).toMatch(what);
  expect(result.stderr).toMatch(todo);
  expect(result.code).toBe(4);
}

/** A journal with data, upgraded to the latest schema and checkpointed into one file. */
async function journalWithData(path: string): Promise<void> {
  copyFileSync(FIXTURE_V1, path);
  expect((await runCli(['follow-ups'], { ...t.env, NETJOURNAL_DB: path })).code).toBe(0);
  checkpoint(path);
}

describe.sequential('file faults', () => {
  it('a journal path below a regular file', async () => {
    const file = join(t.dir, 'notes.txt');
    writeFileSync(file, 'not a folder\n');
    for (const path of [join(file, 'journal.db'), join(file, 'deeper', 'journal.db')]) {
      const env = { ...t.env, NETJOURNAL_DB: path };
      for (const args of [READ, WRITE, ['config', 'set', 'cadence.inner', '30d']]) {
        const result = await runCli(args, env);
        expectJournalError(result, path, /cannot read journal/, /check the path/);
      }
    }
    expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
    expect(readdirSync(t.dir)).toEqual(['notes.txt']);
  });

  it('a journal path that is a directory', async () => {
    mkdirSync(t.path);
    writeFileSync(join(t.path, 'keep.txt'), 'x');
    for (const args of [READ, WRITE, ['today', '--json'], ['export']]) {
      const result = await runCli(args, t.env);
      expectJournalError(result, t.path, /is a directory/, /pass a file path/);
    }
    expect(readdirSync(t.path)).toEqual(['keep.txt']);
  });

  it('a read-only journal file: reads work, writes exit 4 and change nothing', async () => {
    await journalWithData(t.path);
    giveToNobody(t.dir, t.path);
    chmodSync(t.path, 0o400);
    const bytes = readFileSync(t.path);
    const asUser = { asNobody: true };

    const read = await runCli(['contacts', '--json'], t.env, asUser);
    expect(read.stderr).toBe('');
    expect(read.code).toBe(0);
    expect((JSON.parse(read.stdout) as { name: string }[]).map((c) => c.name)).toContain(
      'Ralph Smith',
    );
    const report = await runCli(['today', '--json'], t.env, asUser);
    expect(report.code).toBe(0);

    for (const args of [
      WRITE,
      ['note', 'Ralph Smith', 'Has a dog'],
      ['config', 'set', 'cadence.third', '90d'],
    ]) {
      const result = await runCli(args, t.env, asUser);
      expectJournalError(result, t.path, /is read-only/, /check the permissions/);
    }
    expect(readFileSync(t.path).equals(bytes)).toBe(true);
  });

  it('a journal the user may not read at all', async () => {
    await journalWithData(t.path);
    giveToNobody(t.dir, t.path);
    chmodSync(t.path, 0o000);
    for (const args of [READ, WRITE]) {
      const result = await runCli(args, t.env, { asNobody: true });
      expectJournalError(result, t.path, /cannot read journal .*\(EACCES\)/, /permissions/);
    }
    chmodSync(t.path, 0o600);
    expect((await runCli(READ, t.env)).code).toBe(0); // untouched and fine once readable again
  });

  it('files that are not SQLite', async () => {
    const cases: [string, Buffer][] = [
      ['text', Buffer.from('First Name,Last Name\nRalph,Smith\n')],
      ['binary', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256))],
      ['fake header', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0xab)])],
    ];
    for (const [name, content] of cases) {
      writeFileSync(t.path, content);
      for (const args of [READ, WRITE]) {
        const result = await runCli(args, t.env);
        expect(result.code, `${name}: ${args.join(' ')}`).toBe(4);
        expectJournalError(
          result,
          t.path,
          /is not a netjournal journal|is damaged/,
          /point --db or NETJOURNAL_DB at a journal|restore it from a backup/,
        );
      }
      expect(readFileSync(t.path).equals(content), name).toBe(true);
    }
  });

  it('a truncated journal', async () => {
    const good = join(t.dir, 'good.db');
    await journalWithData(good);
    const full = readFileSync(good);
    for (const size of [10, 50, 100, 4096, Math.floor(full.length / 2), full.length - 1000]) {
      copyFileSync(good, t.path);
      truncateSync(t.path, size);
      const cut = readFileSync(t.path);
      for (const args of [READ, WRITE, ['export']]) {
        const result = await runCli(args, t.env);
        expect(result.code, `${size} bytes: ${args.join(' ')}: ${result.stderr}`).toBe(4);
        expectJournalError(
          result,
          t.path,
          /is not a netjournal journal|is damaged/,
          /point --db or NETJOURNAL_DB at a journal|restore it from a backup/,
        );
      }
      expect(readFileSync(t.path).equals(cut), `${size} bytes`).toBe(true);
    }
  });
});
