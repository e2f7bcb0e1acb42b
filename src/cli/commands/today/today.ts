import { Option, type Command } from 'commander';
import { needsAttention, type TodayItem } from '../../../domain/today.js';
import { UsageError } from '../../../errors.js';
import { todayNotification } from '../../../output/today-notification.js';
import { renderSummary, renderToday } from '../../../output/today-page.js';
import { todayItems } from '../../../storage/today.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { EXIT } from '../../errors.js';
import { notifyDesktop } from '../../notify.js';
import { sameNameLabels } from '../../same-names.js';

export interface TodayOptions {
  days: string;
  exitStatus?: boolean;
  /** Only the one-line summary and where to go next (bare `netjournal`). */
  summary?: boolean;
  /** A desktop notification instead of output; exits as --exit-status. */
  notify?: boolean;
}

function parseDays(raw: string): number {
  if (!/^\d{1,4}$/.test(raw.trim())) {
    throw new UsageError(`invalid --days "${raw}"`, 'give a number of days, e.g. --days 14');
  }
  return Number(raw.trim());
}

/** `today`: the morning report. */
export function runToday(ctx: Context, opts: TodayOptions): number {
  const format = ctx.format();
  const days = parseDays(opts.days);
  const today = ctx.today();
  const db = ctx.readJournal();
  const items: TodayItem[] = db ? todayItems(db, today, days) : [];
  if (opts.notify) {
    const { title, body } = todayNotification(items, days);
    notifyDesktop(title, body, ctx.io.env);
    return needsAttention(items) ? EXIT.attention : EXIT.ok;
  }
  if (opts.summary) ctx.out(renderSummary(items, days, ctx.term));
  else {
    // Piped formats carry contactId; the page names same-named people apart.
    const labels =
      format === 'table'
        ? sameNameLabels(
            db,
            items.map((i) => ({ id: i.contactId, name: i.contact })),
          )
        : new Map<number, string>();
    ctx.out(
      renderToday(items, {
        format,
        term: ctx.term,
        today,
        days,
        header: ctx.globals.header,
        labels,
      }),
    );
  }
  return opts.exitStatus && needsAttention(items) ? EXIT.attention : EXIT.ok;
}

/** Register `today`. */
export function todayCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('today')
    .description(
      'the morning report: who to follow up with, thank, tell how it went, or reconnect with',
    )
    .option('--days <n>', 'how far ahead "coming up" looks', '7')
    .option('--exit-status', 'exit 1 when anything needs attention today (for scripts and cron)')
    .option(
      '--notify',
      'show a desktop notification (notify-send) instead: the summary and the top three items; exits as --exit-status',
    )
    .addOption(new Option('--summary', 'only the one-line summary').hideHelp())
    .action(withContext(host, runToday));
  return withExamples(command, [
    'netjournal today',
    'netjournal today --days 14',
    'netjournal today --json | jq -r \'.items[] | select(.section == "overdue") | .text\'',
    'netjournal today | cut -f1 | sort | uniq -c',
    'netjournal today --exit-status >/dev/null || notify-send "netjournal: people to follow up with"',
    'netjournal today --notify',
  ]);
}
