import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { isStableId } from '../../src/storage/stable-id.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';

// What every command pays at its start. A write draws the random bits of its
// records' stable ids from /dev/urandom, and never loads node:crypto, which
// cost each write 4–8 ms of a ~60 ms start (its sixteen internal modules).
// No command loads node:child_process (with dgram and the rest: ~2–5 ms)
// unless it starts a process: sync.auto imports it, and the bundle's lazy
// stand-in must not load it when that import runs. The bundle is ASCII, which
// bin/netjournal.cjs reads as latin1 with no UTF-8 to decode.

let j: TempJournal;
let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  j = tempJournal('2026-11-21');
  dir = mkdtempSync(join(tmpdir(), 'netjournal-start-'));
  const preload = join(dir, 'report-modules.cjs');
  // Says on stderr, as the process exits, which crypto and child_process modules it loaded.
  writeFileSync(
    preload,
    `process.on('exit', () => {
       const loaded = (re) => JSON.stringify(process.moduleLoadList.filter((m) => re.test(m)));
       require('node:fs').writeSync(2, 'crypto modules: ' + loaded(/crypto/) + '\\n' +
         'child_process modules: ' + loaded(/child_process|dgram/) + '\\n');
     });\n`,
  );
  env = { ...j.env, NODE_OPTIONS: `--require ${preload}` };
});
afterEach(() => {
  j.remove();
  rmSync(dir, { recursive: true, force: true });
});

it('writes records with stable ids, loading no node:crypto', () => {
  const writes = [
    ['contact', 'add', 'Lena Park', '--alias', 'Lee'],
    ['add', 'Ralph Smith', '--no-thank-you', '--follow-up', 'send the deck'],
    ['jot', 'coffee with Lee and Ralph yesterday: talked about Berlin', '--yes', '--no-thank-you'],
  ];
  for (const args of writes) {
    const result = spawnCli(args, env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^crypto modules: \[\]$/m);
  }
  const db = new Database(j.path, { readonly: true });
  try {
    const uids = db
      .prepare(
        `SELECT uid FROM contacts WHERE is_me = 0 UNION ALL SELECT uid FROM meetings
         UNION ALL SELECT uid FROM follow_ups`,
      )
      .pluck()
      .all() as string[];
    expect(uids).toHaveLength(5); // two contacts, two meetings, the follow-up
    expect(uids.every(isStableId)).toBe(true);
    expect(new Set(uids).size).toBe(uids.length);
  } finally {
    db.close();
  }
});

it('starts no child_process in a command that runs none, reads and writes alike', () => {
  for (const args of [
    ['--version'],
    ['add', 'Ralph Smith', '--no-thank-you'],
    ['jot', 'lunch with Ralph yesterday', '--yes', '--no-thank-you'],
    ['today', '--json'],
    ['search', 'ralph', '--json'],
  ]) {
    const result = spawnCli(args, env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr, args.join(' ')).toMatch(/^child_process modules: \[\]$/m);
  }
});

it('runs an ASCII bundle, its escaped characters meaning what they did', () => {
  const bundle = readFileSync(join(BIN, '..', '..', 'dist', 'bundle', 'netjournal.cjs'));
  expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
  // jot's regular expressions held "—" and "’" as typed: the bundle has them as \u2014, \u2019.
  expect(spawnCli(['contact', 'add', 'Ralph Smith'], env).code).toBe(0);
  const parsed = spawnCli(
    ['jot', '--dry-run', '“coffee” with Ralph’s team — he moves to Zürich'],
    env,
  );
  expect(parsed.code, parsed.stderr).toBe(0);
  expect(JSON.parse(parsed.stdout)).toMatchObject({
    people: [{ name: 'Ralph Smith', contactId: 1, new: false }],
    kind: 'coffee',
    notes: 'he moves to Zürich',
  });
});
