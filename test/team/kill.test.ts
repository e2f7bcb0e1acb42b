import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BIN } from '../helpers/spawn-cli.js';
import { startTeam, type Member, type TeamFixture } from './team-fixture.js';

// kill -9 at points spread over a whole `team share` that swaps 2,000
// shared people for 2,000 others: the server holds the member's rows from
// before or after the share, never a mix, and the next share converges.

const TRIALS = 12;
const EACH = 2000;

let team: TeamFixture;
let alice: Member;

beforeAll(async () => {
  team = await startTeam({ alice: 'Alice Chen' });
  alice = team.member('alice');
  const lines: string[] = [];
  for (let i = 0; i < 2 * EACH; i++) {
    const tag = i < EACH ? 'a' : 'b';
    lines.push(
      JSON.stringify({
        type: 'contact',
        id: i + 1,
        name: `Person ${tag}${i}`,
        company: `Co ${i % 50}`,
        role: null,
        email: `p${i}@example.com`,
        phone: null,
        url: null,
        location: null,
        circle: null,
        cadenceDays: null,
        birthday: null,
        tags: [tag],
        howMet: null,
        archived: false,
        created: '2026-11-01',
      }),
    );
  }
  const file = join(alice.journal.dir, 'people.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  await alice.ok(['import', file]);
});

afterAll(() => team.stop());

/** Start the built CLI's `team share`; kill -9 it after ms; resolve with its exit code. */
function killedShare(ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'team', 'share'], {
      env: { PATH: process.env.PATH, ...alice.journal.env, PGPASSWORD: alice.password },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Which tags alice's rows on the server have, and how many of each. */
function onServer(): string {
  return team.adminSql(
    `SELECT substr(name, 8, 1), count(*) FROM netjournal_team.people
      WHERE member = 'alice' GROUP BY 1 ORDER BY 1`,
  );
}

it(`a share killed at ${TRIALS} points leaves the server before or after it`, async () => {
  await alice.ok(['config', 'set', 'team.share', 'tag:a']);
  await alice.ok(['team', 'share']);
  expect(onServer()).toBe(`a|${EACH}\n`);
  // How long a whole swap takes here (the kills spread over twice that: a spawn's start-up varies under load).
  await alice.ok(['config', 'set', 'team.share', 'tag:b']);
  const started = Date.now();
  expect(await killedShare(60_000)).toBe(0);
  const whole = (Date.now() - started) * 2;
  expect(onServer()).toBe(`b|${EACH}\n`);
  const outcomes = { before: 0, after: 0 };
  const log: string[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const from = onServer().slice(0, 1);
    const to = from === 'a' ? 'b' : 'a';
    await alice.ok(['config', 'set', 'team.share', `tag:${to}`]);
    await killedShare(Math.round((whole * (trial + 1)) / (TRIALS + 1)));
    const seen = onServer();
    expect([`${from}|${EACH}\n`, `${to}|${EACH}\n`]).toContain(seen);
    log.push(
      `${Math.round((whole * (trial + 1)) / (TRIALS + 1))}:${seen.startsWith(to) ? 'after' : 'before'}`,
    );
    if (seen.startsWith(to)) outcomes.after++;
    else outcomes.before++;
    // The next share converges (waiting for the killed one's backend to end).
    await alice.ok(['team', 'share']);
    expect(onServer()).toBe(`${to}|${EACH}\n`);
  }
  console.log(
    `team share kill -9: ${JSON.stringify(outcomes)} of ${TRIALS} (whole share ${whole} ms) ${log.join(' ')}`,
  );
  expect(outcomes.before).toBeGreaterThan(0);
  expect(outcomes.after).toBeGreaterThan(0);
  const again = await alice.run(['team', 'share']);
  expect(again.stderr).toBe(
    `Shared ${EACH} people and 0 introductions: nothing changed, nothing sent.\n`,
  );
});

it('a share whose connection the server ends midway exits 4, leaves the server as it was, and the next converges', async () => {
  // A psql session as alice holds her share lock: the next share waits
  // inside its transaction, where the server's admin ends its connection.
  const holder = spawn(
    'psql',
    ['-X', '-q', '-d', team.server.url('alice'), '-v', 'ON_ERROR_STOP=1'],
    { env: { ...process.env, PGPASSWORD: alice.password }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  holder.stdin.write(`SELECT pg_advisory_lock(hashtext('alice'));\n\\echo locked\n`);
  await new Promise<void>((resolve) =>
    holder.stdout.on('data', (d: Buffer) => String(d).includes('locked') && resolve()),
  );
  const before = onServer();
  const to = before.startsWith('a') ? 'b' : 'a';
  await alice.ok(['config', 'set', 'team.share', `tag:${to}`]);
  const sharing = alice.run(['team', 'share']);
  let ended = '';
  for (let i = 0; i < 200 && !ended.includes('t'); i++) {
    await new Promise((r) => setTimeout(r, 50));
    ended = team.adminSql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'netjournal' AND wait_event_type = 'Lock'`,
    );
  }
  const result = await sharing;
  holder.stdin.end(`SELECT pg_advisory_unlock_all();\n`);
  expect(result.stderr).toMatch(
    /^netjournal: the connection to the team's server at .*\/team was lost — nothing half-done is left there; try again\n$/,
  );
  expect(result.code).toBe(4);
  expect(onServer()).toBe(before);
  await alice.ok(['team', 'share']);
  expect(onServer()).toBe(`${to}|${EACH}\n`);
});
