import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// npm run bench itself is not run here (its L journal takes minutes); this
// smoke run at S, one round, keeps the harness working.

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Results {
  sizes: Record<string, { cases: { name: string; medianMs: number; ratioToFloor: number }[] }>;
  import: { rows: number; rowsPerSecond: number };
  importVcard: { cards: number; rowsPerSecond: number };
}

it('npm run bench runs at S and reports every case against the floor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netjournal-bench-test-'));
  try {
    const out = join(dir, 'results.json');
    const run = spawnSync(process.execPath, ['bench/run.js'], {
      cwd: root,
      env: { ...process.env, BENCH_SIZES: 'S', BENCH_RUNS: '1', BENCH_OUT: out },
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^S: 1000 contacts, 10000 meetings/m);
    expect(run.stdout).toMatch(/^ +[\d.]+ +1\.00 {2}floor$/m);
    const results = JSON.parse(readFileSync(out, 'utf8')) as Results;
    const cases = results.sizes.S?.cases ?? [];
    expect(cases.map((c) => c.name)).toEqual([
      'floor',
      '--version',
      'today --json',
      'intros --chain (12 deep)',
      'search perception',
      'add (a write)',
      'jot (a write)',
      'floor | head',
      'contacts --json | head',
      'floor on a terminal',
      'today on a terminal',
      'today (piped)',
      'intros --format svg (drawn)',
      'intros --format svg --of --depth 3',
    ]);
    for (const c of cases) expect(c.medianMs).toBeGreaterThan(0);
    expect(results.import.rows).toBe(30_000);
    expect(results.import.rowsPerSecond).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/^import of 30,000 vCards: \d+ ms median → \d+ rows\/s$/m);
    expect(results.importVcard.cards).toBe(30_000);
    expect(results.importVcard.rowsPerSecond).toBeGreaterThan(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Its sync part imports 10,000 contacts and syncs them: on two cores shared
  // with the rest of the suite the whole run took 85 s once.
}, 180_000);
