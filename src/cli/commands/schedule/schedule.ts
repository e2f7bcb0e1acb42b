import { realpathSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../../../errors.js';
import { systemdUnits } from '../../../output/schedule.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';

export interface ScheduleOptions {
  at: string;
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

/** Register `schedule systemd`. */
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
}
