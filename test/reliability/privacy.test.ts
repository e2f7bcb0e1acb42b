/**
 * Privacy: netjournal never opens a network connection, and what it writes
 * (journal, -wal/-shm, exports, backups) is readable by its owner only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/spawn-cli.js';

const PRELOAD = fileURLToPath(new URL('./no-network.cjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const NOW = '2026-11-21';

let dir: string;
let netlog: string;
let journal: string;

/** The environment of every spawned call: network denied, attempts logged. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    NODE_OPTIONS: `--require ${PRELOAD}`,
    NETJOURNAL_NETLOG: netlog,
    NETJOURNAL_DB: journal,
    NETJOURNAL_NOW: NOW,
    HOME: dir,
    TMPDIR: dir,
    ...extra,
  };
}

const mode = (path: string): number => statSync(path).mode & 0o777;
const octal = (n: number): string => n.toString(8);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netjournal-privacy-'));
  netlog = join(dir, 'netlog.txt');
  // A folder the first write must create, so its mode can be checked too.
  journal = join(dir, 'data', 'netjournal', 'journal.db');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no network', () => {
  it('the preload catches a connection attempt (so an empty log means something)', () => {
    const probe = join(dir, 'probe.txt');
    const tries = [
      "require('net').connect(80, 'example.com')",
      "require('dns').lookup('example.com', () => {})",
      "require('https').get('https://example.com')",
      "fetch('https://example.com')",
      "require('dgram').createSocket('udp4')",
    ];
    for (const code of tries) {
      const child = spawnSync(process.execPath, ['-e', code], {
        env: { PATH: process.env.PATH, ...env({ NETJOURNAL_NETLOG: probe }) },
        encoding: 'utf8',
      });
      expect(child.status, code).not.toBe(0);
      expect(child.stderr, code).toContain('no-network:');
    }
    expect(readFileSync(probe, 'utf8').trim().split('\n')).toHaveLength(tries.length);
  });

  it('every command runs with the network denied and never tries to use it', () => {
    const calls: string[][] = [
      ['today'],
      ['contact', 'add', 'Ada Lovelace', '--company', 'Analytical', '--email', 'ada@example.com'],
      ['contact', 'add', 'Charles Babbage', '--every', '30d', '--birthday', '12-26'],
      ['contact', 'edit', 'Ada', '--role', 'Engineer'],
      ['add', 'Ada', '--notes', 'coffee at the lab', '--follow-up', 'send the paper'],
      ['note', 'Ada', 'likes poetry'],
      ['intro', 'Ada', 'Charles Babbage'],
      ['intros'],
      ['follow-up', 'Charles', 'ask about the engine', '--due', '3d'],
      ['follow-ups'],
      ['done', '1'],
      ['log'],
      ['meeting', 'show', '1'],
      ['contact', 'show', 'Ada'],
      ['contacts'],
      ['stats'],
      ['prep', 'Ada'],
      ['reach', 'Analytical'],
      ['search', 'poetry'],
      ['import', join(FIXTURES, 'contacts-v4.vcf')],
      ['export'],
      ['export', '--format', 'json'],
      ['export', '--format', 'csv', '--what', 'contacts'],
      ['export', '--format', 'vcard'],
      ['export', '--format', 'ics'],
      ['export', '--format', 'csv', '--what', 'meetings', '--output', join(dir, 'meetings.csv')],
      ['backup', join(dir, 'journal-copy.db')],
      ['backup'],
      ['config', 'set', 'cadence.inner', '30d'],
      ['config', 'list'],
      ['today', '--json'],
      ['demo', '--db', join(dir, 'demo', 'demo.db')],
      ['completion', 'bash'],
    ];
    const failures: string[] = [];
    for (const args of calls) {
      const result = spawnCli(args, env());
      if (result.code !== 0) failures.push(`${args.join(' ')} → ${result.code}: ${result.stderr}`);
    }
    expect(failures).toEqual([]);
    const log = existsSync(netlog) ? readFileSync(netlog, 'utf8') : '';
    expect(log).toBe('');
  }, 120_000);
});

describe('file modes', () => {
  it('the journal, its -wal/-shm, exports and backups are 0600; created folders 0700', () => {
    const home = mkdtempSync(join(tmpdir(), 'netjournal-modes-'));
    try {
      const db = join(home, 'new', 'nested', 'journal.db');
      const run = (...args: string[]) => spawnCli(['--db', db, ...args], env({ HOME: home }));
      expect(run('contact', 'add', 'Grace Hopper').code).toBe(0);
      expect(run('add', 'Grace', '--notes', 'navy').code).toBe(0);
      expect(mode(join(home, 'new'))).toBe(0o700);
      expect(mode(join(home, 'new', 'nested'))).toBe(0o700);
      expect(octal(mode(db))).toBe('600');

      // SQLite removes -wal and -shm when the last connection closes; hold one open to see
      // them (SQLite gives them the journal's own mode, whoever opens it).
      const keep = new Database(db);
      keep.prepare('SELECT count(*) FROM sqlite_master').get();
      try {
        for (const suffix of ['-wal', '-shm']) {
          expect(existsSync(db + suffix), suffix).toBe(true);
          expect(octal(mode(db + suffix)), suffix).toBe('600');
        }
      } finally {
        keep.close();
      }

      const out = join(home, 'contacts.json');
      expect(run('export', '--format', 'json', '--output', out).code).toBe(0);
      expect(octal(mode(out))).toBe('600');
      const copy = join(home, 'copy.db');
      expect(run('backup', copy).code).toBe(0);
      expect(octal(mode(copy))).toBe('600');
      // A backup over a world-readable file it replaces (--force) is 0600 too.
      const loose = join(home, 'loose.db');
      writeFileSync(loose, 'old', { mode: 0o644 });
      expect(run('backup', loose, '--force').code).toBe(0);
      expect(octal(mode(loose))).toBe('600');
      // The default backup, a dated file beside the journal.
      const dated = run('backup');
      expect(dated.code).toBe(0);
      expect(octal(mode(dated.stdout.trim()))).toBe('600');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);
});
