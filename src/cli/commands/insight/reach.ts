import type { Command } from 'commander';
import { reach } from '../../../domain/reach.js';
import { UsageError } from '../../../errors.js';
import { reachView } from '../../../output/reach-view.js';
import { renderList } from '../../../output/render.js';
import { introductionsToMe, reachPeople } from '../../../storage/reach.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';

/** `reach TEXT`: who can get the user to a company, role or tag, warmest first. */
export function runReach(ctx: Context, words: string[]): void {
  const format = ctx.format();
  const text = words.join(' ').trim();
  if (text === '') {
    throw new UsageError(
      'reach needs something to look for',
      'give a company, role or tag, e.g. netjournal reach "Northwind Labs"',
    );
  }
  const db = ctx.readJournal();
  const rows = db
    ? reach(text, reachPeople(db, ctx.today()), introductionsToMe(db), ctx.today())
    : [];
  ctx.out(
    renderList(rows, reachView, {
      format,
      term: ctx.term,
      today: ctx.today(),
      header: ctx.globals.header,
    }),
  );
}

/** Register `reach`. */
export function reachCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('reach')
    .description('who can get you to a company, role or tag: direct matches, then one intro away')
    .argument('<text...>', 'what to reach: a company, role, tag or words from your notes')
    .addHelpText(
      'after',
      '\nMatches company, role, tags and notes, ignoring case and accents (muller finds Müller).\n' +
        'Ranked by warmth = meetings in the last 365 days + 30 / (days since last met + 30).',
    )
    .action(withContext(host, runReach));
  return withExamples(command, [
    'netjournal reach "Northwind Labs"',
    'netjournal reach designer --now 2026-12-01 --format csv',
    "netjournal reach northwind --json | jq -r '.[] | select(.distance == 1) | .reason'",
  ]);
}
