import type { Command } from 'commander';
import { describeEndpoint, endpointOf, teamUrl, withRole } from '../../../domain/team-url.js';
import { UsageError } from '../../../errors.js';
import type { RecordView } from '../../../output/record-view.js';
import { renderList } from '../../../output/render.js';
import { forTerminal } from '../../../output/sanitize.js';
import { writeTransaction } from '../../../storage/journal.js';
import { setSetting, unsetSetting } from '../../../storage/settings.js';
import {
  addMember,
  checkRoleName,
  hasJoined,
  joinTeam,
  leaveTeam,
  listMembers,
  type TeamMember,
} from '../../../team/members.js';
import { migrateTeam, TEAM_SCHEMA_VERSION } from '../../../team/schema.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { joinedUrl, withTeam } from './connect.js';

/** `team init URL`: create the team schema (or bring it up to date), as its admin. */
export async function runTeamInit(ctx: Context, url: string): Promise<void> {
  ctx.format(['table', 'json'] as const);
  teamUrl(url);
  const applied = await withTeam(ctx, url, migrateTeam, false);
  const where = forTerminal(describeEndpoint(endpointOf(url, ctx.io.env)));
  ctx.info(
    applied > 0
      ? `Team set up at ${where} (schema version ${TEAM_SCHEMA_VERSION}). Add members with: netjournal team add-member ROLE --url URL`
      : `The team at ${where} is up to date (schema version ${TEAM_SCHEMA_VERSION}).`,
  );
}

/** `team add-member ROLE --url URL`: make a login role a member; print its join command. */
export async function runTeamAddMember(
  ctx: Context,
  role: string,
  opts: { url?: string },
): Promise<void> {
  ctx.format(['table', 'json'] as const);
  checkRoleName(role);
  if (opts.url === undefined)
    throw new UsageError(
      'team add-member needs the team URL',
      'give it as the admin connects: --url postgresql://admin@db.example.com/team',
    );
  teamUrl(opts.url);
  const { created, password } = await withTeam(ctx, opts.url, (conn) => addMember(conn, role));
  const join = `netjournal team join '${withRole(opts.url, role)}' --member ${role}`;
  if (created)
    ctx.info(
      `Created role ${role} with the password ${password ?? ''} — pass it on privately; they can change it with ALTER ROLE ${role} PASSWORD '…'.`,
    );
  else ctx.info(`Role ${role} is now a member of the team.`);
  ctx.info('They join with:');
  ctx.out(forTerminal(join) + '\n');
}

/** `team join URL --member NAME`: join as this URL's role; the URL is kept without a password. */
export async function runTeamJoin(
  ctx: Context,
  url: string,
  opts: { member?: string },
): Promise<void> {
  ctx.format(['table', 'json'] as const);
  const kept = teamUrl(url);
  const endpoint = endpointOf(url, ctx.io.env);
  const name = (opts.member ?? endpoint.user).trim().replace(/\s+/g, ' ');
  if (name === '')
    throw new UsageError('--member cannot be empty', 'give your name, e.g. --member "Sam Lee"');
  await withTeam(ctx, url, (conn) => joinTeam(conn, name));
  const db = ctx.writeJournal();
  writeTransaction(db, ctx.invocation, () => {
    setSetting(db, 'team.url', kept);
    setSetting(db, 'team.member', name);
  });
  ctx.info(
    forTerminal(
      `Joined the team at ${describeEndpoint(endpoint)} as ${name} (role ${endpoint.user}). Choose what to share (config set team.share tag:work), then: netjournal team share`,
    ),
  );
}

const memberView: RecordView<TeamMember> = {
  fields: ['name', 'role', 'joined', 'shared', 'people', 'introductions'],
  toRecord: (m) => ({ ...m }),
  columns: () => [
    { header: 'NAME', text: (m) => m.name, shrink: 'last' },
    { header: 'ROLE', text: (m) => m.role },
    { header: 'JOINED', text: (m) => m.joined },
    { header: 'SHARED', text: (m) => m.shared?.slice(0, 10) ?? 'never' },
    { header: 'PEOPLE', text: (m) => String(m.people), align: 'right' },
    { header: 'INTROS', text: (m) => String(m.introductions), align: 'right' },
  ],
  empty: 'Nobody has joined yet. Members join with: netjournal team join URL --member NAME',
};

/** `team members`: who is in the team and how much each shares. */
export async function runTeamMembers(ctx: Context): Promise<void> {
  const format = ctx.format();
  const members = await withTeam(ctx, joinedUrl(ctx), listMembers);
  ctx.out(
    renderList(members, memberView, {
      format,
      term: ctx.term,
      today: ctx.today(),
      header: ctx.globals.header,
    }),
  );
}

/** `team leave`: remove everything this member shared; the journal forgets the team. */
export async function runTeamLeave(ctx: Context): Promise<void> {
  ctx.format(['table', 'json'] as const);
  const url = joinedUrl(ctx);
  const removed = await withTeam(ctx, url, async (conn) =>
    (await hasJoined(conn)) ? leaveTeam(conn) : null,
  );
  const db = ctx.writeJournal();
  writeTransaction(db, ctx.invocation, () => {
    unsetSetting(db, 'team.url');
    unsetSetting(db, 'team.member');
  });
  ctx.info(
    removed === null
      ? 'Left the team (this role had shared nothing).'
      : `Left the team: removed ${removed.people} shared ${removed.people === 1 ? 'person' : 'people'} and ${removed.introductions} ${removed.introductions === 1 ? 'introduction' : 'introductions'} from the server.`,
  );
}

/** Register `team init`, `add-member`, `join`, `members`, `leave` under `team`. */
export function teamSetupCommands(team: Command, host: CommandHost): void {
  withExamples(
    team
      .command('init')
      .description('set up a team database (as a role that may create schemas and roles)')
      .argument('<url>', 'the database, e.g. postgresql://admin@db.example.com/team')
      .action(withContext(host, runTeamInit)),
    [
      'netjournal team init postgresql://admin@localhost/team',
      '# the database made first, e.g. with: createdb team',
      '# running it again brings an older team up to this netjournal',
    ],
  );
  withExamples(
    team
      .command('add-member')
      .description(
        "let a role into the team (created with a password when missing); prints the member's join command",
      )
      .argument('<role>', 'the PostgreSQL login role, e.g. alice')
      .option('--url <url>', 'the team database, connecting as its admin')
      .action(withContext(host, runTeamAddMember)),
    ['netjournal team add-member alice --url postgresql://admin@db.example.com/team'],
  );
  withExamples(
    team
      .command('join')
      .description("join a team as the URL's role (the password: PGPASSWORD, ~/.pgpass or asked)")
      .argument('<url>', 'the team database, connecting as your role')
      .option('--member <name>', 'the name the team sees you as (default: the role)')
      .action(withContext(host, runTeamJoin)),
    ['netjournal team join postgresql://alice@db.example.com/team --member "Alice Chen"'],
  );
  withExamples(
    team
      .command('members')
      .description('who is in the team, and how many people and introductions each shares')
      .action(withContext(host, runTeamMembers)),
    ['netjournal team members', 'netjournal team members --json'],
  );
  withExamples(
    team
      .command('leave')
      .description('remove everything you shared from the team, and leave it')
      .action(withContext(host, runTeamLeave)),
    ['netjournal team leave'],
  );
}
