import type { Command } from 'commander';
import { MEETING_KINDS } from '../../../domain/journal-types.js';
import { parseKind } from '../../../domain/capture.js';
import { parseDate } from '../../../domain/dates.js';
import { listChunks, renderList } from '../../../output/render.js';
import { meetingView } from '../../../output/views/journal-views.js';
import { iterateMeetings, listMeetings } from '../../../storage/meetings.js';
import { type CommandHost, completeValues, withContext, withExamples } from '../../command.js';
import type { Context } from '../../context.js';
import { parseLimit } from '../../limit.js';
import { resolveName } from '../../resolve.js';

export interface LogOptions {
  since?: string;
  kind?: string;
  limit?: string;
}

/** `log [NAME]`: meetings, newest first. */
export async function runLog(
  ctx: Context,
  name: string | undefined,
  opts: LogOptions,
): Promise<void> {
  const format = ctx.format();
  const since = opts.since === undefined ? undefined : parseDate(opts.since, ctx.today(), 'past');
  const kind = opts.kind === undefined ? undefined : parseKind(opts.kind);
  const limit = parseLimit(opts.limit);
  const db = ctx.readJournal();
  const contactId = name === undefined ? undefined : resolveName(db, name).id;
  const filter = { contactId, since, kind, limit };
  const render = { format, term: ctx.term, today: ctx.today(), header: ctx.globals.header };
  if (db && format !== 'table') {
    // Streamed, like contacts: years of meetings piped to head need not all be read.
    await ctx.outChunks(
      listChunks(iterateMeetings(db, filter), meetingView, { ...render, format }),
    );
    return;
  }
  await ctx.page(renderList(db ? listMeetings(db, filter) : [], meetingView, render));
}

/** Register `log`. */
export function logCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('log')
    .description('list meetings, newest first')
    .argument('[name]', 'only meetings with this contact')
    .option('--since <when>', 'only meetings on or after this date: 2026-11-01, 2w, monday')
    .option('--kind <kind>', 'only meetings of this kind: coffee, call, …')
    .option('--limit <n>', 'only the newest N')
    .action(withContext(host, runLog));
  completeValues(command, '--kind', MEETING_KINDS);
  return withExamples(command, [
    'netjournal log',
    'netjournal log "Ralph Smith"',
    'netjournal log --limit 10',
    'netjournal log --since 1m --kind coffee --format csv > coffees.csv',
  ]);
}
