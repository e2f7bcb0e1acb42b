import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { isStableId } from '../../src/storage/stable-id.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// What every write pays at its start: a write draws the random bits of its
// records' stable ids from /dev/urandom, and never loads node:crypto, which
// cost each write 4–8 ms of a ~60 ms start (its sixteen internal modules).

let j: TempJournal;
let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  j = tempJournal('2026-11-21');
  dir = mkdtempSync(join(tmpdir(), 'netjournal-start-'));
  const preload = join(dir, 'report-modules.cjs');
  // Says on stderr, as the process exits, which crypto modules it loaded.
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeSync(2, 'crypto modules: ' +
       JSON.stringify(process.moduleLoadList.filter((m) => /crypto/.test(m))) + '\\n'));\n`,
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
