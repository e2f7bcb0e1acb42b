import type { Command } from 'commander';
import { buildStats, emptyStatsCounts, statsPeriod, type Stats } from '../../../domain/stats.js';
import { RECORD_FORMATS } from '../../../output/record-view.js';
import { renderJson, renderList } from '../../../output/render.js';
import { renderStatsHtml } from '../../../output/stats-html.js';
import { renderStatsPage, statsMetrics, statsMetricView } from '../../../output/stats-page.js';
import { statsCounts } from '../../../storage/stats.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import {
  checkPictureOutput,
  deliverPicture,
  refusePictureOptions,
  type PictureOutputOptions,
} from '../../picture-output.js';

export interface StatsOptions extends PictureOutputOptions {
  since?: string;
}

/** The record formats and a self-contained page of charts. */
const STATS_FORMATS = [...RECORD_FORMATS, 'html'] as const;

/** `stats`: how the user's networking is going, from --since (default 12 weeks) to today. */
export async function runStats(ctx: Context, opts: StatsOptions): Promise<void> {
  const format = ctx.format<(typeof STATS_FORMATS)[number]>(STATS_FORMATS);
  if (format === 'html') checkPictureOutput(ctx, opts);
  else refusePictureOptions(opts, 'html');
  const period = statsPeriod(ctx.today(), opts.since);
  const db = ctx.readJournal();
  const stats: Stats = buildStats(db ? statsCounts(db, period) : emptyStatsCounts(), period);
  if (format === 'html') deliverPicture(ctx, renderStatsHtml(stats), 'stats.html', opts);
  else if (format === 'table') await ctx.page(renderStatsPage(stats, ctx.term));
  else if (format === 'json') ctx.out(renderJson(stats, ctx.term));
  else {
    ctx.out(
      renderList(statsMetrics(stats), statsMetricView, {
        format,
        term: ctx.term,
        today: ctx.today(),
        header: ctx.globals.header,
      }),
    );
  }
}

/** Register `stats`. */
export function statsCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('stats')
    .description('how your networking is going: meetings, reach, follow-through, connectors')
    .option(
      '--since <when>',
      'start of the period: 2026-01-01, 6m, 12w (default: 12 weeks ending today)',
    )
    .option('--output <file>', 'with --format html: write to FILE (readable by you only)')
    .option('--force', 'replace the --output file if it exists')
    .option('--open', "with --format html: open the page in the system's viewer")
    .addHelpText(
      'after',
      '\nPiped (tsv, csv, jsonl) it prints one metric a line, e.g. followUps.completionRate;\n--json prints every figure as one object; --format html a page of charts.',
    )
    .action(withContext(host, runStats));
  return withExamples(command, [
    'netjournal stats',
    'netjournal stats --since 2026-01-01',
    "netjournal stats --json | jq '.followUps.completionRate'",
    "netjournal stats --since 1y | grep '^meetings.perWeek'",
    'netjournal stats --format csv > stats.csv',
    'netjournal stats --format html --output stats.html',
  ]);
}
