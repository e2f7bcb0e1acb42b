import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cliEnv,
  expectOneLineError,
  health,
  runCli,
  tempDir,
  type Outcome,
  type TempDir,
} from './helpers.js';

// Issue 14 point 2: a command that fails on a missing journal used to remove
// "the journal it created" — which another netjournal may have created (or
// written into) meanwhile — and a dangling symbolic link with it. A journal
// is now created privately and made the journal only when its command
// succeeds; a failing command removes only its own private file.

let t: TempDir;
beforeEach(() => (t = tempDir()));
afterEach(() => t.remove());

const TRIALS = 100;

function contactNames(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT name FROM contacts WHERE is_me = 0 ORDER BY name')
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

describe.sequential('the first write to a missing journal', () => {
  it(`a failing command racing a succeeding one never loses the journal (${TRIALS} trials)`, async () => {
    // One trial: `done 999` (exit 3) and `add Alice` (exit 0) started together
    // on a journal whose folders do not exist yet; who starts first alternates.
    const trial = async (n: number): Promise<string[]> => {
      const folder = join(t.dir, `run-${n}`, 'nested');
      const path = join(folder, 'journal.db');
      const env = cliEnv(path, t.dir);
      const startDone = () => runCli(['done', '999'], env);
      const startAdd = () => runCli(['add', 'Alice', '--kind', 'call'], env);
      let pair: Promise<Outcome>[];
      if (n % 2) {
        const add = startAdd();
        pair = [startDone(), add];
      } else pair = [startDone(), startAdd()];
      const [failed, added] = await Promise.all(pair);
      const problems: string[] = [];
      if (failed?.code !== 3) problems.push(`done exit ${failed?.code}: ${failed?.stderr}`);
      if (added?.code !== 0) problems.push(`add exit ${added?.code}: ${added?.stderr}`);
      if (!existsSync(path)) problems.push('journal gone');
      else {
        if (health(path).integrity !== 'ok') problems.push('integrity');
        const names = contactNames(path).join();
        if (names !== 'Alice') problems.push(`contacts ${names}`);
        // Nothing private is left behind by either command.
        const stray = readdirSync(folder).filter((f) => f.startsWith('.'));
        if (stray.length) problems.push(`left ${stray.join()}`);
      }
      return problems.map((p) => `trial ${n}: ${p}`);
    };
    const failures: string[] = [];
    // Four trials at a time: eight processes on the machine's cores.
    for (let n = 0; n < TRIALS; n += 4) {
      const batch = await Promise.all([0, 1, 2, 3].map((k) => trial(n + k)));
      failures.push(...batch.flat());
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('two first writes at once both land: the one that finds the journal started runs again', async () => {
    for (let trial = 0; trial < 20; trial++) {
      const path = join(t.dir, `pair-${trial}`, 'journal.db');
      const env = cliEnv(path, t.dir);
      const [a, b] = await Promise.all([
        runCli(['add', 'Alice'], env),
        runCli(['add', 'Bob'], env),
      ]);
      expect([a.code, a.stderr.includes('Alice (#'), b.code, b.stderr.includes('Bob (#')]).toEqual([
        0,
        true,
        0,
        true,
      ]);
      expect(contactNames(path)).toEqual(['Alice', 'Bob']);
    }
  }, 60_000);

  it('a failing write through a dangling symbolic link keeps the link; a succeeding one creates its target', async () => {
    const target = join(t.dir, 'synced', 'journal.db');
    const link = join(t.dir, 'journal-link.db');
    symlinkSync(target, link);
    const env = cliEnv(link, t.dir);

    const failed = await runCli(['done', '999'], env);
    expect(failed.code).toBe(3);
    expect(expectOneLineError(failed.stderr)).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(existsSync(join(t.dir, 'synced'))).toBe(false);

    mkdirSync(join(t.dir, 'synced'));
    const added = await runCli(['add', 'Alice'], env);
    expect(added.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(target).isFile()).toBe(true);
    expect(readdirSync(join(t.dir, 'synced'))).toEqual(['journal.db']);
    expect(contactNames(target)).toEqual(['Alice']);
  }, 30_000);

  it('a failing first write leaves no folder it made', async () => {
    const path = join(t.dir, 'a', 'b', 'journal.db');
    const r = await runCli(['done', '999'], cliEnv(path, t.dir));
    expect(r.code).toBe(3);
    expect(readdirSync(t.dir)).toEqual([]);
  });
});
