import type { Command } from 'commander';
import { parseDueDate } from '../../../domain/date-bounds.js';
import { parseId } from '../../../domain/ids.js';
import type { FollowUp } from '../../../domain/journal-types.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { forTerminal } from '../../../output/sanitize.js';
import { followUpById, setFollowUpDue, setFollowUpStatus } from '../../../storage/follow-ups.js';
import { setReportedBack } from '../../../storage/introductions.js';
import { writeTransaction, type Db } from '../../../storage/journal.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { followUpView } from '../../../output/views/journal-views.js';
import { printWritten } from '../../print.js';

type Change = 'done' | 'drop' | 'snooze';

function load(db: Db, ids: readonly number[]): FollowUp[] {
  return ids.map((id) => {
    const f = followUpById(db, id);
    if (!f)
      throw new NotFoundError(`no follow-up ${id}`, "see the ids with 'netjournal follow-ups'");
    return f;
  });
}

function refuse(f: FollowUp, change: Change): UsageError | null {
  const when = f.closed ? ` on ${f.closed}` : '';
  if (change === 'done' && f.status === 'done') {
    return new UsageError(`follow-up ${f.id} is already done${when}`, 'nothing to change');
  }
  if (change === 'drop' && f.status !== 'open') {
    return new UsageError(`follow-up ${f.id} is already ${f.status}${when}`, 'nothing to drop');
  }
  if (change === 'snooze' && f.status !== 'open') {
    return new UsageError(
      `follow-up ${f.id} is ${f.status}${when}`,
      'only open follow-ups can be snoozed',
    );
  }
  return null;
}

/** Apply one change to several follow-ups, all or none. */
function change(ctx: Context, rawIds: string[], kind: Change, until?: string): void {
  ctx.format();
  const ids = [...new Set(rawIds.map((r) => parseId(r, 'follow-up')))];
  const due = kind === 'snooze' ? parseDueDate(until ?? '', ctx.today(), '--until') : null;
  const db = ctx.writeJournal();
  const changed = writeTransaction(db, ctx.invocation, () => {
    const items = load(db, ids);
    for (const f of items) {
      const problem = refuse(f, kind);
      if (problem) throw problem;
    }
    for (const f of items) {
      if (kind === 'snooze') setFollowUpDue(db, f.id, due as string);
      else setFollowUpStatus(db, f.id, kind === 'done' ? 'done' : 'dropped', ctx.today());
      // Telling the introducer how it went closes the loop on the introduction.
      if (kind === 'done' && f.kind === 'report_back' && f.introductionId !== null) {
        setReportedBack(db, f.introductionId, true);
      }
    }
    return load(db, ids);
  });
  for (const f of changed) {
    const what =
      kind === 'snooze' ? `snoozed until ${f.due}` : kind === 'done' ? 'done' : 'dropped';
    ctx.info(`Follow-up ${f.id} (${forTerminal(f.contact.name)}: ${forTerminal(f.text)}) ${what}.`);
  }
  printWritten(ctx, changed, followUpView, false);
}

/** Register `done`, `snooze` and `drop`. */
export function followUpStatusCommands(parent: Command, host: CommandHost): void {
  withExamples(
    parent
      .command('done')
      .description('mark follow-ups done (a report-back also marks its introduction reported back)')
      .argument('<ids...>', 'follow-up ids, as shown by today and follow-ups')
      .action(withContext(host, (ctx, ids: string[]) => change(ctx, ids, 'done'))),
    ['netjournal done 12', 'netjournal done 12 14 15'],
  );
  withExamples(
    parent
      .command('snooze')
      .description('move follow-ups to a later due date')
      .argument('<ids...>', 'follow-up ids')
      .requiredOption('--until <when>', 'the new due date: monday, 1w, 2026-12-01')
      .action(
        withContext(host, (ctx, ids: string[], opts: { until: string }) =>
          change(ctx, ids, 'snooze', opts.until),
        ),
      ),
    ['netjournal snooze 12 --until monday', 'netjournal snooze 12 13 --until 2w'],
  );
  withExamples(
    parent
      .command('drop')
      .description("drop follow-ups you won't do (they keep their date)")
      .argument('<ids...>', 'follow-up ids')
      .action(withContext(host, (ctx, ids: string[]) => change(ctx, ids, 'drop'))),
    ['netjournal drop 12'],
  );
}
