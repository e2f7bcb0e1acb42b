import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';
import { ADMIN, ADMIN_PASSWORD, startServer, type TeamServer } from './server.js';

// Issue 22: team init, add-member, join, members, leave against a real
// PostgreSQL, and the refusals (exit 4, one line, the journal untouched).

let server: TeamServer;
let admin: TempJournal;
const journals: TempJournal[] = [];
const passwords = new Map<string, string>();

function journal(): TempJournal {
  const j = tempJournal();
  journals.push(j);
  return j;
}

const asAdmin = { env: { PGPASSWORD: ADMIN_PASSWORD } };
const as = (role: string) => ({ env: { PGPASSWORD: passwords.get(role) ?? '' } });

beforeAll(async () => {
  server = startServer();
  admin = journal();
  const init = await admin.run(['team', 'init', server.url(ADMIN)], asAdmin);
  expect(init.stderr).toMatch(/^Team set up at .* \(schema version 1\)\./);
  expect(init.code).toBe(0);
  for (const role of ['alice', 'bob']) {
    const added = await admin.run(
      ['team', 'add-member', role, '--url', server.url(ADMIN)],
      asAdmin,
    );
    expect(added.code, added.stderr).toBe(0);
    const password = /with the password (\S+) —/.exec(added.stderr)?.[1];
    expect(password).toBeDefined();
    passwords.set(role, password ?? '');
    expect(added.stdout).toBe(`netjournal team join '${server.url(role)}' --member ${role}\n`);
  }
});

afterAll(() => {
  server.stop();
  for (const j of journals) j.remove();
});

describe('team init', () => {
  it('is idempotent: a second run finds the team up to date', async () => {
    const again = await admin.run(['team', 'init', server.url(ADMIN)], asAdmin);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^The team at .* is up to date \(schema version 1\)\.\n$/);
    const recorded = server.psql(
      ADMIN,
      ADMIN_PASSWORD,
      'SELECT version, name FROM netjournal_team.migrations',
    );
    expect(recorded.stdout).toBe('1|shared graph\n');
  });

  it('created the group role and row-level security on the member tables', () => {
    const r = server.psql(
      ADMIN,
      ADMIN_PASSWORD,
      `SELECT c.relname, c.relrowsecurity FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'netjournal_team' AND c.relkind = 'r' ORDER BY 1`,
    );
    expect(r.stdout).toBe('introductions|t\nmembers|t\nmigrations|f\npeople|t\nteam|f\n');
    expect(
      server.psql(
        ADMIN,
        ADMIN_PASSWORD,
        `SELECT rolcanlogin FROM pg_roles WHERE rolname = 'netjournal_member'`,
      ).stdout,
    ).toBe('f\n');
    // Debian's postgresql has pg_trgm: team reach's text search gets its index.
    expect(
      server.psql(
        ADMIN,
        ADMIN_PASSWORD,
        `SELECT indexname FROM pg_indexes WHERE schemaname = 'netjournal_team' AND tablename = 'people' ORDER BY 1`,
      ).stdout,
    ).toBe('people_by_email\npeople_by_name\npeople_by_search\npeople_by_url\npeople_pkey\n');
  });
});

describe('team join, members, leave', () => {
  it('joins with PGPASSWORD, keeps the URL without a password, lists the members', async () => {
    const alice = journal();
    const url = server.url('alice').replace('alice@', `alice:${passwords.get('alice')}@`);
    const joined = await alice.run(['team', 'join', url, '--member', 'Alice Chen'], {
      env: {},
    });
    expect(joined.stderr).toMatch(/^Joined the team at .* as Alice Chen \(role alice\)\./);
    expect(joined.code).toBe(0);
    expect((await alice.run(['config', 'get', 'team.url'])).stdout).toBe(
      `${server.url('alice')}\n`,
    );
    expect((await alice.run(['config', 'get', 'team.member'])).stdout).toBe('Alice Chen\n');

    const members = await alice.run(['team', 'members', '--json'], as('alice'));
    expect(members.code, members.stderr).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(JSON.parse(members.stdout)).toEqual([
      {
        name: 'Alice Chen',
        role: 'alice',
        joined: today,
        shared: null,
        people: 0,
        introductions: 0,
      },
    ]);
  });

  it('reads the password from the ~/.pgpass file (PGPASSFILE), not from the journal', async () => {
    const bob = journal();
    const file = join(bob.dir, 'pgpass');
    writeFileSync(file, `# team\nlocalhost:5432:team:bob:${passwords.get('bob')}\n`, {
      mode: 0o600,
    });
    const joined = await bob.run(['team', 'join', server.url('bob'), '--member', 'Bob Ode'], {
      env: { PGPASSFILE: file },
    });
    expect(joined.code, joined.stderr).toBe(0);
    const members = await bob.run(['team', 'members', '--format', 'tsv'], {
      env: { PGPASSFILE: file },
    });
    expect(members.stdout.split('\n').map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual([
      'name role',
      'Alice Chen alice',
      'Bob Ode bob',
      '',
    ]);
    const left = await bob.run(['team', 'leave'], { env: { PGPASSFILE: file } });
    expect(left.stderr).toBe(
      'Left the team: removed 0 shared people and 0 introductions from the server.\n',
    );
    expect(left.code).toBe(0);
    expect((await bob.run(['config', 'get', 'team.url'])).code).toBe(3);
    expect(
      server.psql(ADMIN, ADMIN_PASSWORD, 'SELECT member FROM netjournal_team.members ORDER BY 1')
        .stdout,
    ).toBe('alice\n');
  });
});

describe('refusals: exit 4, one line with the fix, the journal untouched', () => {
  async function refused(args: string[], env: NodeJS.ProcessEnv, message: RegExp): Promise<void> {
    const j = journal();
    await j.run(['contact', 'add', 'Ralph Smith', '--company', 'Northwind']);
    await j.run(['config', 'set', 'me.name', 'Sam Lee']);
    const before = (await journalState(j)) + (await j.run(['config', 'list', '--json'])).stdout;
    const result = await j.run(args, { env });
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.code).toBe(4);
    expect((await journalState(j)) + (await j.run(['config', 'list', '--json'])).stdout).toBe(
      before,
    );
    // And a journal that did not exist is not created.
    const fresh = journal();
    expect((await fresh.run(args, { env })).code).toBe(4);
    expect(existsSync(fresh.path)).toBe(false);
  }

  it('an unreachable server', async () => {
    const url = `postgresql://alice@localhost/team?host=${join(server.dir, 'nowhere')}`;
    await refused(
      ['team', 'join', url],
      as('alice').env,
      /^netjournal: cannot reach the team's server at .*nowhere\/team — check the URL and that the server is running, then try again\n$/,
    );
  });

  it('a wrong password', async () => {
    await refused(
      ['team', 'join', server.url('alice')],
      { PGPASSWORD: 'not-it' },
      /^netjournal: the team's server refused role alice's password — check PGPASSWORD or your ~\/\.pgpass line, or ask the team admin to reset it\n$/,
    );
  });

  it('no password to be had and no terminal to ask on', async () => {
    await refused(
      ['team', 'join', server.url('alice')],
      {},
      /^netjournal: the team's server asks a password for role alice — set PGPASSWORD, add a line to ~\/\.pgpass \(or PGPASSFILE\), or run on a terminal to be asked\n$/,
    );
  });

  it('a database that is not a netjournal team', async () => {
    expect(server.psql(ADMIN, ADMIN_PASSWORD, 'CREATE DATABASE plain', 'postgres').code).toBe(0);
    await refused(
      ['team', 'join', server.url(ADMIN, 'plain')],
      { PGPASSWORD: ADMIN_PASSWORD },
      /^netjournal: .*\/plain is not a netjournal team — its admin sets it up with: netjournal team init postgresql:\/\/netjournal_admin@localhost\/plain\?host=.*\n$/,
    );
  });

  it('a role that is not a member', async () => {
    expect(
      server.psql(ADMIN, ADMIN_PASSWORD, `CREATE ROLE mallory LOGIN PASSWORD 'm-secret'`).code,
    ).toBe(0);
    await refused(
      ['team', 'join', server.url('mallory')],
      { PGPASSWORD: 'm-secret' },
      /^netjournal: role mallory has no rights in the team at .*\/team — ask the team's admin to run: netjournal team add-member mallory --url ADMIN-URL\n$/,
    );
  });

  it('a team of a newer schema', async () => {
    expect(server.psql(ADMIN, ADMIN_PASSWORD, 'CREATE DATABASE newer', 'postgres').code).toBe(0);
    const j = journal();
    expect((await j.run(['team', 'init', server.url(ADMIN, 'newer')], asAdmin)).code).toBe(0);
    server.psql(
      ADMIN,
      ADMIN_PASSWORD,
      `INSERT INTO netjournal_team.migrations (version, name) VALUES (2, 'from the future')`,
      'newer',
    );
    const message =
      /^netjournal: the team at .*\/newer has schema version 2, newer than this netjournal knows \(1\) — upgrade netjournal, then try again\n$/;
    await refused(
      ['team', 'join', server.url(ADMIN, 'newer')],
      { PGPASSWORD: ADMIN_PASSWORD },
      message,
    );
    const init = await j.run(['team', 'init', server.url(ADMIN, 'newer')], asAdmin);
    expect(init.stderr).toMatch(message);
    expect(init.code).toBe(4);
  });

  it('a URL that is not a PostgreSQL URL is a usage error (exit 2)', async () => {
    const j = journal();
    const result = await j.run(['team', 'join', 'https://alice:pw@example.com/team']);
    expect(result.stderr).toBe(
      'netjournal: "https://alice@example.com/team" is not a PostgreSQL URL — give one like postgresql://alice@db.example.com/team\n',
    );
    expect(result.code).toBe(2);
  });
});
