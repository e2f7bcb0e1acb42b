import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestVersion } from '../../src/storage/migrate.js';
import {
  FIXTURE_V1,
  checkpoint,
  health,
  runCli,
  sizeOf,
  sleep,
  startCli,
  tempDir,
  writeLinkedInCsv,
  type Health,
  type TempDir,
} from './helpers.js';

// kill -9 in the middle of a write must leave a sound journal holding either
// all of the write or none of it: one transaction per import, one per migration.

const ROWS = 60_000;
/** Contacts added to the v1 fixture so that its upgrade (building the search index) takes a while. */
const MIGRATION_ROWS = 20_000;

/** When to kill: after a delay, or once the WAL (the uncommitted write) has grown past a size. */
type KillPoint = { afterMs: number } | { walBytes: number } | 'never';

interface Trial {
  point: KillPoint;
  /** Size of the WAL at the moment of the kill (-1: none). */
  walAtKill: number;
  killed: boolean;
  after: Health;
}

/** Spawn args on a copy of the journal at path, kill it at point, and read the journal back. */
async function crashTrial(
  t: TempDir,
  source: string,
  name: string,
  args: readonly string[],
  point: KillPoint,
): Promise<Trial> {
  const path = join(t.dir, name);
  copyFileSync(source, path);
  const env = { ...t.env, NETJOURNAL_DB: path };
  const run = startCli(args, env);
  let finished = false;
  void run.done.then(() => (finished = true));
  let walAtKill = -1;
  if (point !== 'never') {
    const deadline = Date.now() + 60_000;
    if ('afterMs' in point) await sleep(point.afterMs);
    else
      while (!finished && sizeOf(path + '-wal') < point.walBytes && Date.now() < deadline)
        await sleep(5);
    walAtKill = sizeOf(path + '-wal');
    run.child.kill('SIGKILL');
  }
  const outcome = await run.done;
  if (point === 'never') expect(outcome.code).toBe(0);
  return { point, walAtKill, killed: outcome.signal === 'SIGKILL', after: health(path) };
}

let t: TempDir;
beforeAll(() => {
  t = tempDir();
});
afterAll(() => t.remove());

describe.sequential('kill -9', () => {
  it(
    `during an import of ${ROWS} LinkedIn rows leaves all of it or none, and a sound journal`,
    { timeout: 150_000 },
    async () => {
      const csv = join(t.dir, 'Connections.csv');
      writeLinkedInCsv(csv, ROWS);
      // A journal with some data of its own, checkpointed so that a copy is all of it.
      const base = join(t.dir, 'base.db');
      const baseEnv = { ...t.env, NETJOURNAL_DB: base };
      expect((await runCli(['add', 'Ralph Smith', '--learned', 'cello'], baseEnv)).code).toBe(0);
      expect((await runCli(['intro', 'Ralph Smith', 'Lena Ortiz'], baseEnv)).code).toBe(0);
      checkpoint(base);
      const before = health(base);

      const points: KillPoint[] = [
        { afterMs: 50 },
        { afterMs: 150 },
        { afterMs: 300 },
        { afterMs: 600 },
        { walBytes: 1 }, // the import's transaction has begun writing
        { walBytes: 2_000_000 },
        { walBytes: 8_000_000 },
        'never',
      ];
      const trials: Trial[] = [];
      for (const [i, point] of points.entries()) {
        const trial = await crashTrial(t, base, `import-${i}.db`, ['import', csv], point);
        trials.push(trial);
        expect(trial.after.integrity).toBe('ok');
        expect(trial.after.foreignKeyProblems).toBe(0);
        const added = trial.after.counts.contacts - before.counts.contacts;
        expect([0, ROWS]).toContain(added);
        // Nothing else changed or half-changed.
        expect({ ...trial.after.counts, contacts: 0 }).toEqual({ ...before.counts, contacts: 0 });
      }
      console.log(
        'import kill trials: ' +
          trials
            .map(
              (tr) =>
                `${JSON.stringify(tr.point)} wal=${tr.walAtKill} → ${tr.after.counts.contacts - before.counts.contacts}`,
            )
            .join('; '),
      );
      // The kills really landed inside the import's transaction, and the finished import is whole.
      const midWrite = trials.filter((tr) => tr.killed && tr.walAtKill > 1_000_000);
      expect(midWrite.length).toBeGreaterThanOrEqual(2);
      for (const tr of midWrite) expect(tr.after.counts.contacts).toBe(before.counts.contacts);
      expect(trials.at(-1)?.after.counts.contacts).toBe(before.counts.contacts + ROWS);
    },
  );

  it(
    'during the upgrade of a schema-1 journal leaves it at schema 1 or the latest, with every record',
    { timeout: 120_000 },
    async () => {
      // The v1 fixture plus enough contacts that building the search index takes a while.
      const big = join(t.dir, 'v1-big.db');
      copyFileSync(FIXTURE_V1, big);
      const db = new Database(big);
      const insert = db.prepare(
        `INSERT INTO contacts (name, company, email, created) VALUES (?, ?, ?, '2026-01-01')`,
      );
      db.transaction(() => {
        for (let i = 0; i < MIGRATION_ROWS; i++)
          insert.run(`Person ${i}`, `Company ${i % 300}`, `p${i}@x.example`);
      })();
      db.close();
      checkpoint(big);
      const before = health(big);
      expect(before.version).toBe(1);

      const points: KillPoint[] = [
        { afterMs: 30 },
        { afterMs: 150 },
        { walBytes: 1 },
        { walBytes: 500_000 },
        { walBytes: 2_000_000 },
        'never',
      ];
      const trials: Trial[] = [];
      for (const [i, point] of points.entries()) {
        const name = `migrate-${i}.db`;
        const trial = await crashTrial(t, big, name, ['follow-ups', '--json'], point);
        trials.push(trial);
        expect(trial.after.integrity).toBe('ok');
        expect(trial.after.foreignKeyProblems).toBe(0);
        // Each migration commits on its own: any whole version from 1 to the latest.
        expect(trial.after.version).toBeGreaterThanOrEqual(1);
        expect(trial.after.version).toBeLessThanOrEqual(latestVersion());
        expect(trial.after.counts).toEqual(before.counts);
        // Whatever state the kill left, the current CLI upgrades it and finds old and new records.
        const env = { ...t.env, NETJOURNAL_DB: join(t.dir, name) };
        const followUps = await runCli(['follow-ups', '--all', '--json'], env);
        expect(followUps.stderr).toBe('');
        expect(followUps.code).toBe(0);
        expect((JSON.parse(followUps.stdout) as unknown[]).length).toBe(before.counts.follow_ups);
        const after = health(join(t.dir, name));
        expect(after.version).toBe(latestVersion());
        expect(after.counts).toEqual(before.counts);
        for (const text of ['cello', `"Person ${MIGRATION_ROWS - 1}"`]) {
          const found = await runCli(['search', text, '--json'], env);
          expect(found.stderr).toBe('');
          expect(found.code).toBe(0);
          expect((JSON.parse(found.stdout) as unknown[]).length).toBeGreaterThan(0);
        }
      }
      console.log(
        'migration kill trials: ' +
          trials
            .map((tr) => `${JSON.stringify(tr.point)} wal=${tr.walAtKill} → v${tr.after.version}`)
            .join('; '),
      );
      const midMigration = trials.filter(
        (tr) => tr.killed && tr.walAtKill > 0 && tr.after.version === 1,
      );
      expect(midMigration.length).toBeGreaterThanOrEqual(1);
    },
  );
});
