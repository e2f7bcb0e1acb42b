import type { Command } from 'commander';
import { requireText } from '../../../domain/capture.js';
import { parseDueDate } from '../../../domain/date-bounds.js';
import { addDays } from '../../../domain/dates.js';
import type { FollowUp } from '../../../domain/journal-types.js';
import { UsageError } from '../../../errors.js';
import { forTerminal } from '../../../output/sanitize.js';
import { followUpView } from '../../../output/views/journal-views.js';
import { followUpById, insertFollowUp } from '../../../storage/follow-ups.js';
import { writeTransaction } from '../../../storage/journal.js';
import {
  type CommandHost,
  completeValues,
  defaultSubcommand,
  withContext,
  withExamples,
} from '../../command.js';
import type { Context } from '../../context.js';
import { printWritten } from '../../print.js';
import { resolveName } from '../../resolve.js';

export interface FollowUpOptions {
  due?: string;
  kind?: string;
}

/** `follow-up NAME TEXT`: something to do for (or wait on from) someone. */
export function runFollowUp(ctx: Context, name: string, text: string, opts: FollowUpOptions): void {
  ctx.format();
  const body = requireText(text, 'the follow-up');
  const kind = (opts.kind ?? 'action').trim().toLowerCase();
  if (kind !== 'action' && kind !== 'waiting') {
    throw new UsageError(`unknown follow-up kind "${opts.kind}"`, 'use action or waiting');
  }
  const due =
    opts.due === undefined ? addDays(ctx.today(), 7) : parseDueDate(opts.due, ctx.today(), '--due');
  const db = ctx.writeJournal();
  const followUp = writeTransaction(db, ctx.invocation, () => {
    const contact = resolveName(db, name);
    const id = insertFollowUp(
      db,
      { contactId: contact.id, kind, text: body, due },
      ctx.timestamp(),
    );
    return followUpById(db, id) as FollowUp;
  });
  ctx.info(
    `Follow-up ${followUp.id} for ${forTerminal(followUp.contact.name)}, due ${followUp.due}.`,
  );
  printWritten(ctx, [followUp], followUpView);
}

/** Register `follow-up add` (also run as `follow-up NAME TEXT`) under `follow-up`. */
export function followUpAddCommand(followUp: Command, host: CommandHost): Command {
  const command = defaultSubcommand(followUp, 'add')
    .description(
      'add a follow-up: something you will do, or something they offered (--kind waiting)',
    )
    .argument('<name>', 'who it is with: a name, e-mail address or #ID')
    .argument('<text>', 'what to do')
    .option('--due <when>', 'when: friday, 3d, 2026-12-01, "next week" (default: in 7 days)')
    .option(
      '--kind <kind>',
      'action (you do it) or waiting (they offered; check in gently)',
      'action',
    )
    .action(withContext(host, runFollowUp));
  completeValues(command, '--kind', ['action', 'waiting']);
  return withExamples(command, [
    'netjournal follow-up "Ralph Smith" "send the deck" --due friday',
    'netjournal follow-up Lena "intro to her manager" --kind waiting --due 2w',
  ]);
}
