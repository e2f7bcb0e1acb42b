import type { Command } from 'commander';
import { renderList } from '../../../output/render.js';
import { followUpView } from '../../../output/views/journal-views.js';
import { listFollowUps } from '../../../storage/follow-ups.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { parseLimit } from '../../limit.js';
import { resolveName } from '../../resolve.js';

export interface FollowUpsOptions {
  all?: boolean;
  limit?: string;
}

/** `follow-ups [NAME]`: open follow-ups by due date (--all adds done and dropped). */
export async function runFollowUps(
  ctx: Context,
  name: string | undefined,
  opts: FollowUpsOptions,
): Promise<void> {
  const format = ctx.format();
  const limit = parseLimit(opts.limit);
  const db = ctx.readJournal();
  const contactId = name === undefined ? undefined : resolveName(db, name).id;
  const listed = db ? listFollowUps(db, { all: opts.all === true, contactId }) : [];
  const rows = limit === undefined ? listed : listed.slice(0, limit);
  // The STATUS column says "done 2026-12-18" for a closed one: --all needs no column of its own.
  const text = renderList(rows, followUpView, {
    format,
    term: ctx.term,
    today: ctx.today(),
    header: ctx.globals.header,
  });
  if (format === 'table') await ctx.page(text);
  else ctx.out(text);
}

/** Register `follow-ups`. */
export function followUpsCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('follow-ups')
    .description('list open follow-ups by due date')
    .argument('[name]', 'only follow-ups with this contact')
    .option('--all', 'include done and dropped ones')
    .option('--limit <n>', 'only the first N, by due date')
    .action(withContext(host, runFollowUps));
  return withExamples(command, [
    'netjournal follow-ups',
    'netjournal follow-ups "Ralph Smith" --all',
    'netjournal follow-ups --limit 5',
    'netjournal follow-ups --json | jq -r \'.[] | select(.kind == "waiting") | .text\'',
  ]);
}
