// The README's Teams example (npm run docs): an admin and two members, each
// with their own journal, on a throwaway PostgreSQL (scripts/team-server.mjs).
// Shown with the URL a team would have; the socket folder, the generated
// passwords and the real dates the server records are replaced.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, ADMIN_PASSWORD, startServer } from './team-server.mjs';

const DAY = '2026-11-21';
const HOST = 'db.example.com';
const shownUrl = (role) => `postgresql://${role}@${HOST}/team`;

const steps = [
  { on: 'admin', say: 'the team admin, once (the database made with createdb team)' },
  { on: 'admin', args: ['team', 'init', shownUrl('admin')] },
  { on: 'admin', args: ['team', 'add-member', 'alice', '--url', shownUrl('admin')] },
  { on: 'admin', hidden: true, args: ['team', 'add-member', 'bob', '--url', shownUrl('admin')] },
  {
    on: 'alice',
    hidden: true,
    args: [
      'contact',
      'add',
      'Ralph Smith',
      '--company',
      'Northwind Labs',
      '--role',
      'Head of Design',
      '--email',
      'ralph@northwind.example',
      '--tag',
      'work',
    ],
  },
  {
    on: 'alice',
    hidden: true,
    args: [
      'contact',
      'add',
      'Joe Park',
      '--company',
      'Globex',
      '--email',
      'joe@globex.example',
      '--tag',
      'work',
    ],
  },
  { on: 'alice', hidden: true, args: ['intro', 'Joe Park', 'Ralph Smith', '--date', '2026-09-14'] },
  {
    on: 'alice',
    hidden: true,
    args: ['add', 'Ralph Smith', '--date', '2026-11-03', '--no-thank-you'],
  },
  { on: 'alice', hidden: true, args: ['contact', 'add', 'Mom', '--circle', 'inner'] },
  {
    on: 'bob',
    hidden: true,
    args: ['contact', 'add', 'Joe Park', '--email', 'JOE@globex.example'],
  },
  { on: 'bob', hidden: true, args: ['add', 'Joe Park', '--date', '2026-11-18', '--no-thank-you'] },
  {
    on: 'bob',
    hidden: true,
    args: ['contact', 'add', 'Erin Wu', '--company', 'Northwind Labs', '--role', 'CTO'],
  },
  {
    on: 'alice',
    say: 'each member, with their own role (the password: PGPASSWORD, ~/.pgpass or asked)',
  },
  { on: 'alice', args: ['team', 'join', shownUrl('alice'), '--member', 'Alice Chen'] },
  { on: 'alice', args: ['config', 'set', 'team.share', 'tag:work'] },
  { on: 'alice', args: ['team', 'share'] },
  { on: 'bob', args: ['team', 'join', shownUrl('bob'), '--member', 'Bob Ode'] },
  { on: 'bob', args: ['config', 'set', 'team.share', 'all'] },
  { on: 'bob', args: ['team', 'share'] },
  {
    on: 'bob',
    say: 'who on the team knows someone at Northwind, and who can introduce me to Ralph?',
  },
  { on: 'bob', args: ['team', 'reach', 'northwind'] },
  { on: 'bob', args: ['team', 'intros', 'Ralph Smith'] },
  { on: 'bob', args: ['team', 'members'] },
];

/** The team story as Markdown; run(step, env) and quote(arg) are docs.mjs's. */
export function teamTour(run, quote) {
  const server = startServer();
  const dir = mkdtempSync(join(tmpdir(), 'netjournal-docs-team-'));
  const passwords = { admin: ADMIN_PASSWORD };
  const realRole = (role) => (role === 'admin' ? ADMIN : role);
  const person = (name) => ({
    PATH: process.env.PATH,
    HOME: join(dir, name),
    NETJOURNAL_DB: join(dir, name, 'journal.db'),
  });
  const people = { admin: person('admin'), alice: person('alice'), bob: person('bob') };
  const today = new Date().toISOString().slice(0, 10);
  const shown = (text) =>
    text
      .replace(/postgresql:\/\/(\w+)@localhost\/team\?host=[^\s']+/g, (_, role) =>
        shownUrl(role === ADMIN ? 'admin' : role),
      )
      .replaceAll(`${server.dir}/team`, `${HOST}:5432/team`)
      .replaceAll(ADMIN, 'admin')
      .replace(/with the password \S+ —/g, 'with the password c2VjcmV0LXBhc3M —')
      .replaceAll(today, DAY);
  try {
    const lines = [];
    for (const step of steps) {
      if (step.say) {
        lines.push(`# ${step.say}`);
        continue;
      }
      const args = step.args.map((a) =>
        a.startsWith(`postgresql://`) ? server.url(realRole(/\/\/(\w+)@/.exec(a)[1])) : a,
      );
      const env = { ...people[step.on], PGPASSWORD: passwords[step.on] ?? '' };
      const out = run({ day: DAY, args }, env);
      for (const m of out.matchAll(/Created role (\w+) with the password (\S+) —/g))
        passwords[m[1]] = m[2];
      if (step.hidden) continue;
      lines.push(`${step.on}$ netjournal ${step.args.map(quote).join(' ')}`);
      const text = shown(out.trimEnd());
      if (text) lines.push(text);
    }
    return ['```console', ...lines, '```'].join('\n');
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
