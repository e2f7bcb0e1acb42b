import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../../errors.js';
import { systemdUnits } from '../../../output/schedule.js';
import { crontabLines } from '../../../output/schedule-cron.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';

export interface ScheduleOptions {
  at: string;
}

export interface ScheduleCronOptions extends ScheduleOptions {
  feed?: string;
}

/** "7:30" or "07:30" as HH:MM; anything else is a usage error. */
function parseTime(raw: string): string {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(raw.trim());
  if (!match) throw new UsageError(`invalid --at "${raw}"`, 'give a time of day, e.g. --at 07:30');
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}`;
}

/**
 * The command a unit runs: this node and this netjournal, by absolute path,
 * since a user service's PATH rarely holds ~/.local/bin or a version manager's.
 */
function thisNetjournal(): string[] {
  const script = process.argv[1];
  return [process.execPath, script ? realpathSync(script) : 'netjournal'];
}

/** `schedule systemd`: print a user service and timer for `today --notify`. */
export function runScheduleSystemd(ctx: Context, opts: ScheduleOptions): void {
  const at = parseTime(opts.at);
  const db = ctx.globals.db ?? ctx.io.env.NETJOURNAL_DB ?? null;
  ctx.out(systemdUnits({ command: thisNetjournal(), db: db || null, at }));
  ctx.info(
    'Save each file where its first line says, then: systemctl --user daemon-reload && systemctl --user enable --now netjournal.timer',
  );
}

/** `schedule cron`: print crontab lines for `today --notify` and a calendar feed. */
export function runScheduleCron(ctx: Context, opts: ScheduleCronOptions): void {
  const at = parseTime(opts.at);
  const db = ctx.globals.db ?? ctx.io.env.NETJOURNAL_DB ?? null;
  const home = ctx.io.env.HOME;
  if (opts.feed === undefined && !home) {
    throw new UsageError('HOME is not set, so the feed has no default place', 'add --feed FILE');
  }
  // Absolute: cron runs the line in HOME, but the file should be where it was named here.
  const feed = resolve(opts.feed ?? `${home ?? ''}/calendars/netjournal.ics`);
  ctx.out(
    crontabLines({
      command: thisNetjournal(),
      db: db ? resolve(db) : null,
      at,
      feed,
      feedFolder: dirname(feed),
      uid: process.getuid?.() ?? 1000,
    }),
  );
  ctx.info('Add the lines with crontab -e; subscribe your calendar to the feed file.');
}

/** Register `schedule systemd` and `schedule cron`. */
export function scheduleCommands(parent: Command, host: CommandHost): void {
  const schedule = parent
    .command('schedule')
    .description('print the files that show today as a notification every morning')
    .addHelpCommand(false);
  withExamples(
    schedule
      .command('systemd')
      .description('print a systemd user service and timer that run today --notify')
      .option('--at <time>', 'the time of day, local (HH:MM)', '08:00')
      .action(withContext(host, runScheduleSystemd)),
    [
      'netjournal schedule systemd',
      'netjournal schedule systemd --at 07:30',
      '# save the two files it prints, then:',
      'systemctl --user daemon-reload && systemctl --user enable --now netjournal.timer',
    ],
  );
  withExamples(
    schedule
      .command('cron')
      .description(
        'print crontab lines that run today --notify every morning and refresh a calendar feed every hour',
      )
      .option('--at <time>', 'the time of day of the notification, local (HH:MM)', '08:00')
      .option(
        '--feed <file>',
        'the calendar feed (all-day events) to keep fresh (default ~/calendars/netjournal.ics)',
      )
      .action(withContext(host, runScheduleCron)),
    [
      'netjournal schedule cron',
      'netjournal schedule cron --at 07:30 --feed ~/Sync/follow-ups.ics',
      '# add the lines it prints with:',
      'crontab -e',
    ],
  );
}
