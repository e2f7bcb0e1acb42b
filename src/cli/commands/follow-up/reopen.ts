import type { Command } from 'commander';
import { parseDueDate } from '../../../domain/date-bounds.js';
import { parseId } from '../../../domain/ids.js';
import type { FollowUp } from '../../../domain/journal-types.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { relativeDay } from '../../../output/relative.js';
import { forTerminal } from '../../../output/sanitize.js';
import { followUpView } from '../../../output/views/journal-views.js';
import { followUpById, reopenFollowUp } from '../../../storage/follow-ups.js';
import { introductionById, setReportedBack } from '../../../storage/introductions.js';
import { writeTransaction, type Db } from '../../../storage/journal.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { printWritten } from '../../print.js';

function load(db: Db | null, ids: readonly number[]): FollowUp[] {
  return ids.map((id) => {
    const f = db ? followUpById(db, id) : undefined;
    if (!f) {
      throw new NotFoundError(
        `no follow-up ${id}`,
        "see the ids with 'netjournal follow-ups --all'",
      );
    }
    return f;
  });
}

export interface ReopenOptions {
  due?: string;
}

/**
 * `reopen ID...`: done or dropped follow-ups become open again, all or none.
 * Each keeps its due date unless --due gives a new one; reopening a done
 * report-back marks its introduction not reported back again.
 */
export function runReopen(ctx: Context, rawIds: string[], opts: ReopenOptions): void {
  ctx.format();
  const ids = [...new Set(rawIds.map((r) => parseId(r, 'follow-up')))];
  const due = opts.due === undefined ? undefined : parseDueDate(opts.due, ctx.today(), '--due');
  // Read first, so that an unknown id on a missing journal creates nothing.
  load(ctx.readJournal(), ids);
  const db = ctx.writeJournal();
  const { reopened, unreported } = writeTransaction(db, ctx.invocation, () => {
    const items = load(db, ids);
    const open = items.find((f) => f.status === 'open');
    if (open) {
      throw new UsageError(
        `follow-up ${open.id} is already open (due ${open.due})`,
        ids.length > 1 ? 'reopen only the done or dropped ones' : 'nothing to reopen',
      );
    }
    const unreported: number[] = [];
    for (const f of items) {
      reopenFollowUp(db, f.id, due);
      // Done on a report-back marked its introduction reported back: not any more.
      if (f.kind === 'report_back' && f.status === 'done' && f.introductionId !== null) {
        if (introductionById(db, f.introductionId)?.reportedBack) {
          setReportedBack(db, f.introductionId, false);
          unreported.push(f.introductionId);
        }
      }
    }
    return { reopened: load(db, ids), unreported };
  });
  for (const f of reopened) {
    ctx.info(
      `Follow-up ${f.id} (${forTerminal(f.contact.name)}: ${forTerminal(f.text)}) reopened, due ${f.due} (${relativeDay(f.due, ctx.today())}).`,
    );
  }
  for (const i of unreported) ctx.info(`Introduction ${i} is marked not reported back again.`);
  printWritten(ctx, reopened, followUpView, false);
}

/** Register `reopen`. */
export function reopenCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('reopen')
    .description('make done or dropped follow-ups open again')
    .argument('<ids...>', 'follow-up ids, as shown by follow-ups --all')
    .option('--due <when>', 'a new due date (default: each keeps its own, even if it has passed)')
    .action(withContext(host, runReopen));
  return withExamples(command, [
    'netjournal reopen 12',
    'netjournal reopen 12 14 --due monday',
    '# a reopened follow-up due in the past shows as overdue in today',
  ]);
}
