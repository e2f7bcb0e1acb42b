import type { Command } from 'commander';
import { foldText } from '../../../domain/reach.js';
import { teamIntroducers, teamReach } from '../../../domain/team-graph.js';
import { AmbiguousError, NotFoundError, UsageError } from '../../../errors.js';
import { renderJson, renderList } from '../../../output/render.js';
import { teamIntrosView, teamReachView } from '../../../output/team-views.js';
import { introRows, reachRows } from '../../../team/queries.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { joinedUrl, withTeam } from './connect.js';

function wanted(words: string[], what: string, example: string): string {
  const text = words.join(' ').trim();
  if (text === '')
    throw new UsageError(`team ${what} needs something to look for`, `e.g. ${example}`);
  return text;
}

/** `team reach TEXT`: the people at a company or in a role that members know. */
export async function runTeamReach(ctx: Context, words: string[]): Promise<void> {
  const format = ctx.format();
  const text = wanted(words, 'reach', 'netjournal team reach "Northwind Labs"');
  const rows = await withTeam(ctx, joinedUrl(ctx), (conn) => reachRows(conn, foldText(text)));
  const people = teamReach(rows, ctx.today());
  ctx.out(
    renderList(people, teamReachView, {
      format,
      term: ctx.term,
      today: ctx.today(),
      header: ctx.globals.header,
    }),
  );
}

/** `team intros NAME`: who on the team can introduce you to NAME. */
export async function runTeamIntros(ctx: Context, words: string[]): Promise<void> {
  const format = ctx.format();
  const name = wanted(words, 'intros', 'netjournal team intros "Ralph Smith"');
  const folded = foldText(name);
  const { found, introducers } = await withTeam(ctx, joinedUrl(ctx), async (conn) => {
    const { rows, intros } = await introRows(conn, folded);
    // A full name wins over names it begins ("Ann" is Ann, not also Anna).
    const exact = rows.filter((r) => r.nameKey === folded);
    const named = exact.length > 0 ? exact : rows.filter((r) => r.nameKey.startsWith(folded));
    const people = teamReach(named, ctx.today());
    if (people.length === 0)
      throw new NotFoundError(
        `nobody on the team has shared "${name}"`,
        'check the spelling, or look by company: netjournal team reach TEXT',
      );
    const names = [...new Set(people.map((p) => p.name))];
    if (names.length > 1)
      throw new AmbiguousError(
        `"${name}" could be ${names.slice(0, 5).join(', ')}`,
        'give more of the name',
      );
    const targets = new Set(named.map((r) => `${r.member}\u0000${r.uid}`));
    return {
      found: people[0],
      introducers: teamIntroducers(rows, intros, targets, conn.endpoint.user, ctx.today()),
    };
  });
  if (format === 'json') {
    ctx.out(
      renderJson(
        {
          person: found?.name ?? name,
          company: found?.company ?? null,
          introducers: introducers.map((i) => teamIntrosView.toRecord(i)),
        },
        ctx.term,
      ),
    );
    return;
  }
  if (format === 'table') ctx.info(`Who on the team can introduce you to ${found?.name ?? name}:`);
  ctx.out(
    renderList(introducers, teamIntrosView, {
      format,
      term: ctx.term,
      today: ctx.today(),
      header: ctx.globals.header,
    }),
  );
}

/** Register `team reach` and `team intros`. */
export function teamReachCommands(team: Command, host: CommandHost): void {
  withExamples(
    team
      .command('reach')
      .description(
        'who at a company or in a role the team knows, and who knows them, warmest first',
      )
      .argument('<text...>', 'a company or role, e.g. Northwind')
      .action(withContext(host, runTeamReach)),
    ['netjournal team reach Northwind', 'netjournal team reach "head of design" --json'],
  );
  withExamples(
    team
      .command('intros')
      .description(
        'who on the team can introduce you to someone: they know them, or through an introduction',
      )
      .argument('<name...>', 'their name as members shared it (ignoring case and accents)')
      .action(withContext(host, runTeamIntros)),
    ['netjournal team intros "Ralph Smith"', 'netjournal team intros ralph --json'],
  );
}
