import { expect } from 'vitest';
import { tempJournal, type RunResult, type TempJournal } from '../helpers/run-cli.js';
import { ADMIN, ADMIN_PASSWORD, startServer, type TeamServer } from './server.js';

/** A server with a team set up, and members who joined it, each with a journal. */
export interface TeamFixture {
  server: TeamServer;
  member(role: string): Member;
  /** Run SQL as the superuser: the whole server, as a test reads it. */
  adminSql(sql: string): string;
  stop(): void;
}

export interface Member {
  role: string;
  password: string;
  journal: TempJournal;
  /** Run netjournal with this member's journal and password. */
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<RunResult>;
  /** Run, expecting exit 0; its stdout. */
  ok(args: string[]): Promise<string>;
}

export async function startTeam(members: Record<string, string>): Promise<TeamFixture> {
  const server = startServer();
  const admin = tempJournal();
  const adminEnv = { env: { PGPASSWORD: ADMIN_PASSWORD } };
  const init = await admin.run(['team', 'init', server.url(ADMIN)], adminEnv);
  expect(init.code, init.stderr).toBe(0);
  const joined = new Map<string, Member>();
  for (const [role, name] of Object.entries(members)) {
    const added = await admin.run(
      ['team', 'add-member', role, '--url', server.url(ADMIN)],
      adminEnv,
    );
    expect(added.code, added.stderr).toBe(0);
    const password = /with the password (\S+) —/.exec(added.stderr)?.[1] ?? '';
    const journal = tempJournal();
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      journal.run(args, { env: { PGPASSWORD: password, ...env } });
    const member: Member = {
      role,
      password,
      journal,
      run,
      ok: async (args) => {
        const r = await run(args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
        return r.stdout;
      },
    };
    await member.ok(['team', 'join', server.url(role), '--member', name]);
    joined.set(role, member);
  }
  return {
    server,
    member: (role) => {
      const m = joined.get(role);
      if (!m) throw new Error(`no member ${role}`);
      return m;
    },
    adminSql: (sql) => {
      const r = server.psql(ADMIN, ADMIN_PASSWORD, sql);
      expect(r.stderr).toBe('');
      return r.stdout;
    },
    stop: () => {
      server.stop();
      admin.remove();
      for (const m of joined.values()) m.journal.remove();
    },
  };
}
