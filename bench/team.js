// Teams' figures for npm run bench (issue 22), on a throwaway local
// PostgreSQL: MEMBERS members sharing CONTACTS contacts each (50 × 30,000 =
// 1.5 M rows with the L journal; 5 × 1,000 otherwise), then `team reach
// Northwind` end to end, one member's full share of CONTACTS contacts, and
// an unchanged re-share (which must send nothing). Skipped without initdb.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, ADMIN_PASSWORD, startServer } from '../scripts/team-server.mjs';

/** Is PostgreSQL's initdb here (Debian's folder or PATH)? */
export function havePostgreSQL() {
  if (existsSync('/usr/lib/postgresql')) return true;
  return spawnSync('sh', ['-c', 'command -v initdb'], { stdio: 'ignore' }).status === 0;
}

/** Run the team cases; returns their figures (see bench/sync.js for the tools). */
export function benchTeam({ node, bin, dir, env, time, median, runs, large }) {
  const members = large ? 50 : 5;
  const contacts = large ? 30_000 : 1_000;
  const root = join(dir, 'team-bench');
  mkdirSync(root, { recursive: true });
  const server = startServer();
  try {
    const sql = (text) => {
      const r = server.psql(ADMIN, ADMIN_PASSWORD, text);
      if (r.code !== 0) throw new Error(`psql: ${r.stderr}`);
      return r.stdout;
    };
    const person = (name) => ({
      NETJOURNAL_DB: join(root, name, 'journal.db'),
      HOME: join(root, name),
    });
    const cli = (name, args, password) => {
      const r = spawnSync(node, [bin, ...args], {
        env: { ...env, ...person(name), PGPASSWORD: password },
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`${name}: ${args.join(' ')}: ${r.stderr}`);
      return r;
    };
    cli('admin', ['team', 'init', server.url(ADMIN)], ADMIN_PASSWORD);
    const added = cli(
      'admin',
      ['team', 'add-member', 'alice', '--url', server.url(ADMIN)],
      ADMIN_PASSWORD,
    );
    const password = /with the password (\S+) —/.exec(added.stderr)[1];

    // The other members' rows, written as the server's superuser in one go:
    // a pool of CONTACTS × 10 people, each member knowing CONTACTS of them
    // (so each person is known by about five members, recognised by the
    // e-mail hash); one person in 1,000 works at Northwind.
    const pool = contacts * 10;
    const started = Date.now();
    sql(`
      INSERT INTO netjournal_team.members (member, display_name)
      SELECT 'm' || g, 'Member ' || g FROM generate_series(2, ${members}) g;
      INSERT INTO netjournal_team.people
        (member, uid, name, company, role, email_hash, url_hash, meetings_last_year,
         last_met_month, name_key, search, row_hash)
      SELECT 'm' || m, md5(m || ':' || i), 'Person ' || p, company, 'Role ' || (p % 50),
             md5('e' || p), NULL, (i + m) % 5,
             CASE WHEN (i + m) % 3 = 0 THEN '2026-0' || (1 + (i + m) % 9) END,
             'person ' || p, lower(company) || chr(30) || 'role ' || (p % 50), 'x'
        FROM generate_series(2, ${members}) m, generate_series(1, ${contacts}) i,
             LATERAL (SELECT (i * 10 + m * 7) % ${pool} AS p) id,
             LATERAL (SELECT CASE WHEN p % 1000 = 0 THEN 'Northwind Labs'
                                  ELSE 'Company ' || (p % 997) END AS company) co;
      ANALYZE;`);
    const loadMs = Date.now() - started;

    // Alice's journal: CONTACTS contacts, every one shared.
    const lines = [];
    for (let i = 1; i <= contacts; i++)
      lines.push(
        JSON.stringify({
          type: 'contact',
          id: i,
          name: `Alice Contact ${i}`,
          company: i % 1000 === 0 ? 'Northwind Labs' : `Company ${i % 997}`,
          role: `Role ${i % 50}`,
          email: `c${i}@example.com`,
          phone: null,
          url: null,
          location: null,
          circle: null,
          cadenceDays: null,
          birthday: null,
          tags: [],
          howMet: null,
          archived: false,
          created: '2026-01-01',
        }),
      );
    const file = join(root, 'alice.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    cli('alice', ['import', file], password);
    cli('alice', ['team', 'join', server.url('alice'), '--member', 'Alice'], password);
    cli('alice', ['config', 'set', 'team.share', 'all'], password);
    const aliceEnv = { ...person('alice'), PGPASSWORD: password };

    const shareMs = time(node, [bin, 'team', 'share'], aliceEnv);
    const again = spawnSync(node, [bin, 'team', 'share'], {
      env: { ...env, ...aliceEnv },
      encoding: 'utf8',
    });
    if (!/nothing changed, nothing sent/.test(again.stderr))
      throw new Error(`an unchanged re-share sent something: ${again.stderr}`);
    const unchanged = [];
    const reach = [];
    // netjournal --version in the same rounds: the start-up every command pays, for scale.
    const version = [];
    time(node, [bin, 'team', 'reach', 'Northwind', '--json'], aliceEnv);
    for (let i = 0; i < runs; i++) {
      reach.push(time(node, [bin, 'team', 'reach', 'Northwind', '--json'], aliceEnv));
      version.push(time(node, [bin, '--version'], aliceEnv));
      if (i < 5) unchanged.push(time(node, [bin, 'team', 'share'], aliceEnv));
    }
    const rows = Number(sql('SELECT count(*) FROM netjournal_team.people'));
    return {
      members,
      contactsEach: contacts,
      rows,
      loadMs,
      reachNorthwindMs: median(reach),
      versionMs: median(version),
      fullShareMs: shareMs,
      unchangedShareMs: median(unchanged),
    };
  } finally {
    server.stop();
  }
}
