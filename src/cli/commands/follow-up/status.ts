import type { Command } from 'commander';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import { changeItems } from '../../item-status.js';

/** Register `done`, `snooze` and `drop`. */
export function followUpStatusCommands(parent: Command, host: CommandHost): void {
  withExamples(
    parent
      .command('done')
      .description('mark follow-ups done (a report-back also marks its introduction reported back)')
      .argument(
        '<ids...>',
        "follow-up ids, as shown by today and follow-ups; b12 / r12 for today's birthday and reconnect items",
      )
      .action(withContext(host, (ctx, ids: string[]) => changeItems(ctx, ids, 'done'))),
    [
      'netjournal done 12',
      'netjournal done 12 14 15',
      "# Mom's birthday, shown in today as b3: done for this year",
      'netjournal done b3',
    ],
  );
  withExamples(
    parent
      .command('snooze')
      .description('move follow-ups to a later due date')
      .argument('<ids...>', 'follow-up ids, or r12 for a reconnect item')
      .requiredOption('--until <when>', 'the new due date: monday, 1w, 2026-12-01')
      .action(
        withContext(host, (ctx, ids: string[], opts: { until: string }) =>
          changeItems(ctx, ids, 'snooze', opts.until),
        ),
      ),
    [
      'netjournal snooze 12 --until monday',
      'netjournal snooze 12 13 --until 2w',
      'netjournal snooze r7 --until 1m',
    ],
  );
  withExamples(
    parent
      .command('drop')
      .description("drop follow-ups you won't do (they keep their date)")
      .argument('<ids...>', 'follow-up ids, or b12 / r12 for a birthday or reconnect item')
      .action(withContext(host, (ctx, ids: string[]) => changeItems(ctx, ids, 'drop'))),
    ['netjournal drop 12', 'netjournal drop r7'],
  );
}
