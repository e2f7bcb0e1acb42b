import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// These run the built bin/ as a user would: a separate process, stdin closed, stdout piped.
let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

describe('the built CLI', () => {
  it('creates the journal with its folders on the first write, owner-only', () => {
    const path = join(j.dir, 'x', 'y', 'j.db');
    const env = { NETJOURNAL_DB: path, NETJOURNAL_NOW: '2026-11-21', HOME: j.dir };
    const added = spawnCli(
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
      env,
    );
    expect(added.stderr).toBe('Added Ralph Smith (#1).\n');
    expect(added.code).toBe(0);
    expect(statSync(join(j.dir, 'x')).mode & 0o777).toBe(0o700);
    expect(statSync(join(j.dir, 'x', 'y')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const json = spawnCli(['contacts', '--json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        id: 1,
        name: 'Ralph Smith',
        aliases: [],
        company: 'Acme, Inc.',
        role: null,
        email: null,
        phone: null,
        url: null,
        location: null,
        circle: 'second',
        cadenceDays: 30,
        birthday: null,
        tags: [],
        howMet: null,
        archived: false,
        created: '2026-11-21',
        lastMet: null,
      },
    ]);

    const piped = spawnCli(['contacts'], env);
    expect(piped.stdout).toBe(
      'id\tname\taliases\tcompany\trole\temail\tphone\turl\tlocation\tcircle\tcadenceDays\tbirthday\ttags\thowMet\tarchived\tcreated\tlastMet\n' +
        '1\tRalph Smith\t\tAcme, Inc.\t\t\t\t\t\tsecond\t30\t\t\t\tfalse\t2026-11-21\t\n',
    );
    expect(piped.stdout).not.toMatch(/\u001b\[/);

    const csv = spawnCli(['contacts', '--format', 'csv'], env);
    expect(csv.stdout.split('\n')[1]).toBe(
      '1,Ralph Smith,,"Acme, Inc.",,,,,,second,30,,,,false,2026-11-21,',
    );
  });

  it('prints [] for a missing journal and creates nothing', () => {
    const path = join(j.dir, 'missing', 'j.db');
    const result = spawnCli(['contacts', '--json'], { NETJOURNAL_DB: path, HOME: j.dir });
    expect(result).toEqual({ stdout: '[]\n', stderr: '', code: 0 });
    expect(existsSync(join(j.dir, 'missing'))).toBe(false);
  });

  it('rejects a bad interval with exit 2, naming it, and writes nothing', () => {
    const result = spawnCli(['contact', 'add', 'X', '--every', 'banana'], j.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'netjournal: unknown interval "banana" — try 30d, 6w, 3m, 1y or none\n',
    );
    expect(existsSync(j.path)).toBe(false);
  });

  it('refuses a journal from a newer version (exit 4) and leaves it byte-identical', () => {
    spawnCli(['contact', 'add', 'Ralph'], j.env);
    const db = new Database(j.path);
    db.pragma('user_version = 99');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = readFileSync(j.path);
    for (const args of [['contacts'], ['contact', 'add', 'Lena']]) {
      const result = spawnCli(args, j.env);
      expect(result.code).toBe(4);
      expect(result.stderr).toMatch(
        /^netjournal: journal .*journal\.db was written by a newer netjournal \(schema 99; this one knows up to 12\) — upgrade netjournal to use it\n$/,
      );
      expect(result.stdout).toBe('');
    }
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('refuses a text file posing as a journal (exit 4) and leaves it byte-identical', () => {
    writeFileSync(j.path, 'name,company\nRalph,Acme\n');
    for (const args of [
      ['contacts', '--json'],
      ['contact', 'add', 'Lena'],
    ]) {
      const result = spawnCli(args, j.env);
      expect(result.code).toBe(4);
      expect(result.stderr).toBe(
        `netjournal: ${j.path} is not a netjournal journal — point --db or NETJOURNAL_DB at a journal, or at a new file to start one\n`,
      );
    }
    expect(readFileSync(j.path, 'utf8')).toBe('name,company\nRalph,Acme\n');
  });

  it("refuses another program's SQLite database (exit 4) and leaves it unchanged", () => {
    const db = new Database(j.path);
    db.exec('CREATE TABLE todo (id INTEGER PRIMARY KEY, title TEXT)');
    db.close();
    const before = readFileSync(j.path);
    const result = spawnCli(['contact', 'add', 'Lena'], j.env);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('is not a netjournal journal');
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('refuses a journal path that is a directory (exit 4)', () => {
    mkdirSync(j.path);
    const result = spawnCli(['contacts'], j.env);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `netjournal: journal path ${j.path} is a directory — pass a file path with --db or NETJOURNAL_DB\n`,
    );
  });

  it('exits 2 with a hint on an unknown command, and prints the version on stdout', () => {
    const unknown = spawnCli(['frobnicate'], j.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "netjournal: unknown command 'frobnicate' — run 'netjournal --help' for the commands and their options\n",
    );
    const typo = spawnCli(['contcts'], j.env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("netjournal: unknown command 'contcts' — did you mean contacts?\n");
    const version = spawnCli(['--version'], j.env);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(version).toEqual({ stdout: `netjournal ${pkg.version}\n`, stderr: '', code: 0 });
  });

  it('exits quietly when the reader of a pipe goes away', async () => {
    spawnCli(['contact', 'add', 'Ralph'], j.env);
    // Far more output than a pipe buffers, so the writer really meets a closed pipe.
    const db = new Database(j.path);
    const insert = db.prepare(
      `INSERT INTO contacts (name, company, created) VALUES (?, ?, '2026-11-21')`,
    );
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`Person ${i}`, 'Some Company With A Long Name');
    })();
    db.close();
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('../helpers/spawn-cli.js');
    // tsv, json and jsonl are streamed (the reader's leaving ends the reading).
    for (const [format, start] of [
      ['tsv', 'id\tname\ta'],
      ['json', '[{"id":2,'],
      ['jsonl', '{"id":2,"'],
    ]) {
      const result = spawnSync(
        'bash',
        [
          '-o',
          'pipefail',
          '-c',
          `"${process.execPath}" "${BIN}" contacts --format ${format} | head -c 9`,
        ],
        { env: { PATH: process.env.PATH, ...j.env }, encoding: 'utf8' },
      );
      expect(result.stdout).toBe(start);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  });
});
