import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, health, runCli, startProcess, tempDir, type TempDir } from './helpers.js';

// Several netjournal processes writing one journal at the same moment: WAL,
// BEGIN IMMEDIATE and the busy timeout must serialise them with no failures.

const WRITERS = 4;
const ADDS = 50;

// Each writer is a node process that runs `add` ADDS times, one after another,
// and reports every failure on stderr; the writers run side by side.
const DRIVER = `
import { spawnSync } from 'node:child_process';
const [bin, writer, count] = process.argv.slice(2);
let failures = 0;
for (let i = 0; i < Number(count); i++) {
  const r = spawnSync(process.execPath, [bin, 'add', \`Person \${writer}-\${i}\`, '--no-thank-you'], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) {
    failures++;
    process.stderr.write(\`add \${writer}-\${i} exited \${r.status}: \${r.stderr}\`);
  }
}
process.exitCode = failures === 0 ? 0 : 1;
`;

let t: TempDir;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.remove());

describe.sequential('concurrent writers', () => {
  it(
    `${WRITERS} processes × ${ADDS} adds started together on a new journal: ${WRITERS * ADDS} meetings, no failure`,
    { timeout: 170_000 },
    async () => {
      const driver = join(t.dir, 'driver.mjs');
      writeFileSync(driver, DRIVER);
      const started = Date.now();
      const results = await Promise.all(
        Array.from(
          { length: WRITERS },
          (_, w) =>
            startProcess(process.execPath, [driver, BIN, String(w + 1), String(ADDS)], t.env).done,
        ),
      );
      const seconds = (Date.now() - started) / 1000;
      for (const r of results) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }

      const log = await runCli(['log', '--json'], t.env);
      expect(log.code).toBe(0);
      const meetings = JSON.parse(log.stdout) as { contacts: string[] }[];
      expect(meetings).toHaveLength(WRITERS * ADDS);
      const names = new Set(meetings.flatMap((m) => m.contacts));
      for (let w = 1; w <= WRITERS; w++) {
        for (let i = 0; i < ADDS; i++) expect(names.has(`Person ${w}-${i}`)).toBe(true);
      }
      const h = health(t.path);
      expect(h.integrity).toBe('ok');
      expect(h.foreignKeyProblems).toBe(0);
      expect(h.counts.meetings).toBe(WRITERS * ADDS);
      expect(h.counts.contacts).toBe(WRITERS * ADDS + 1); // and me
      console.log(`${WRITERS} writers × ${ADDS} adds: ${seconds.toFixed(1)} s`);
    },
  );

  it(
    'six processes creating the same new journal at once all succeed (10 rounds)',
    { timeout: 60_000 },
    async () => {
      for (let round = 0; round < 10; round++) {
        const path = join(t.dir, `round-${round}.db`);
        const env = { ...t.env, NETJOURNAL_DB: path };
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            runCli(['add', `First ${round}-${i}`, '--no-thank-you'], env),
          ),
        );
        for (const r of results) {
          expect(r.stderr).not.toMatch(/netjournal:/);
          expect(r.code).toBe(0);
        }
        const h = health(path);
        expect(h.integrity).toBe('ok');
        expect(h.version).toBeGreaterThan(1);
        expect(h.counts.meetings).toBe(6);
      }
    },
  );
});
