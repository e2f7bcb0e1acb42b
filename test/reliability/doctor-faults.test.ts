import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  health,
  runCli,
  startProcess,
  tempDir,
  writeLinkedInCsv,
  type TempDir,
} from './helpers.js';

// Issue 14, point 5: doctor raises no false alarm on a healthy journal that
// others are writing.

interface Report {
  ok: boolean;
  checks: { name: string; status: string; detail: string; fix: string | null }[];
}

let t: TempDir;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.remove());

async function ok(args: string[], env = t.env): Promise<string> {
  const result = await runCli(args, env);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

// A writer: a node process running the CLI's `add` (the built dist/cli/main.js,
// in-process: a node start per add would leave doctor little CPU on two cores)
// over and over, a few milliseconds apart, until the stop file appears;
// every failed add is reported on stderr.
const WRITER = `
import { existsSync } from 'node:fs';
const [main, writer, stop] = process.argv.slice(2);
const { run } = await import(main);
let failures = 0;
for (let i = 0; !existsSync(stop); i++) {
  let stderr = '';
  const io = {
    stdout: { write: () => true },
    stderr: { write: (s) => (stderr += s) },
    stdin: {},
    env: process.env,
  };
  const code = await run(['add', \`Writer \${writer}-\${i}\`, '--learned', \`fact \${i}\`], io);
  if (code !== 0) {
    failures++;
    process.stderr.write(\`add \${writer}-\${i} exited \${code}: \${stderr}\`);
  }
  await new Promise((resolve) => setTimeout(resolve, 25));
}
process.exitCode = failures === 0 ? 0 : 1;
`;
const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

const WRITERS = 2;
const DOCTOR_RUNS = 40;

describe('doctor while other netjournals write', () => {
  it(
    `${DOCTOR_RUNS} doctor runs beside ${WRITERS} writers: every run passes`,
    { timeout: 60_000 },
    async () => {
      // Some records, so that each check takes long enough for a write to land in between.
      const csv = join(t.dir, 'Connections.csv');
      writeLinkedInCsv(csv, 300);
      await ok(['import', csv]);
      const writer = join(t.dir, 'writer.mjs');
      const stop = join(t.dir, 'stop');
      writeFileSync(writer, WRITER);
      const writers = Array.from(
        { length: WRITERS },
        (_, w) => startProcess(process.execPath, [writer, MAIN, String(w + 1), stop], t.env).done,
      );
      const failed: string[] = [];
      try {
        for (let i = 0; i < DOCTOR_RUNS; i++) {
          const result = await runCli(['doctor', '--json'], t.env);
          if (result.code !== 0) {
            const report = JSON.parse(result.stdout) as Report;
            const bad = report.checks.filter((c) => c.status === 'fail');
            failed.push(
              `exit ${result.code}: ${bad.map((c) => `${c.name}: ${c.detail}`).join('; ')}`,
            );
          }
        }
      } finally {
        writeFileSync(stop, '');
      }
      for (const w of await Promise.all(writers)) {
        expect(w.stderr).toBe('');
        expect(w.code).toBe(0);
      }
      const meetings = health(t.path).counts.meetings;
      console.log(
        `doctor beside ${WRITERS} writers (${meetings} adds): ${failed.length} of ${DOCTOR_RUNS} runs failed${failed.length ? `\n${failed.join('\n')}` : ''}`,
      );
      expect(failed).toEqual([]);
      // The writers wrote throughout, and the journal they left is healthy.
      expect(meetings).toBeGreaterThan(DOCTOR_RUNS);
      expect((await runCli(['doctor'], t.env)).code).toBe(0);
    },
  );
});
