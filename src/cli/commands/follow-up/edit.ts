import type { Command } from 'commander';
import { requireText } from '../../../domain/capture.js';
import { parseDueDate } from '../../../domain/date-bounds.js';
import { parseId } from '../../../domain/ids.js';
import type { FollowUp, FollowUpKind } from '../../../domain/journal-types.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { describeChanges, fieldChanges } from '../../../output/changes.js';
import { forTerminal } from '../../../output/sanitize.js';
import { followUpView } from '../../../output/views/journal-views.js';
import { followUpById, updateFollowUp } from '../../../storage/follow-ups.js';
import { writeTransaction, type Db } from '../../../storage/journal.js';
import { type CommandHost, completeValues, withContext, withExamples } from '../../command.js';
import type { Context } from '../../context.js';
import { printWritten } from '../../print.js';

// netjournal writes these itself, from meetings and introductions; their
// kind says where they came from, so only their text and due date change.
const GENERATED: Partial<Record<FollowUpKind, { one: string; many: string }>> = {
  thank_you: { one: 'a thank-you note', many: 'thank-you notes' },
  report_back: { one: 'a report-back', many: 'report-backs' },
};

function load(db: Db | null, id: number): FollowUp {
  const f = db ? followUpById(db, id) : undefined;
  if (!f)
    throw new NotFoundError(`no follow-up ${id}`, "see the ids with 'netjournal follow-ups --all'");
  return f;
}

/** A kind the user may give a follow-up: action or waiting. */
function parseUserKind(raw: string): 'action' | 'waiting' {
  const kind = raw.trim().toLowerCase().replace('-', '_');
  if (kind === 'action' || kind === 'waiting') return kind;
  if (kind === 'thank_you' || kind === 'report_back') {
    throw new UsageError(
      `--kind ${raw.trim()}: netjournal makes ${GENERATED[kind]?.many ?? kind} itself, from the meetings you log`,
      'use --kind action (you do it) or --kind waiting (they offered)',
    );
  }
  throw new UsageError(`unknown follow-up kind "${raw}"`, 'use action or waiting');
}

export interface FollowUpEditOptions {
  text?: string;
  due?: string;
  kind?: string;
}

/** `follow-up edit ID`: correct the text, the due date, or action ↔ waiting. */
export function runFollowUpEdit(ctx: Context, rawId: string, opts: FollowUpEditOptions): void {
  ctx.format();
  const id = parseId(rawId, 'follow-up');
  const text = opts.text === undefined ? undefined : requireText(opts.text, '--text');
  const due = opts.due === undefined ? undefined : parseDueDate(opts.due, ctx.today(), '--due');
  const kind = opts.kind === undefined ? undefined : parseUserKind(opts.kind);
  if (text === undefined && due === undefined && kind === undefined) {
    throw new UsageError('nothing to change', 'give --text, --due or --kind');
  }
  // Read first, so that an unknown id on a missing journal creates nothing.
  load(ctx.readJournal(), id);
  const db = ctx.writeJournal();
  const { before, after } = writeTransaction(db, ctx.invocation, () => {
    const before = load(db, id);
    const made = GENERATED[before.kind];
    if (kind !== undefined && kind !== before.kind && made !== undefined) {
      throw new UsageError(
        `follow-up ${id} is ${made.one} netjournal made: its kind stays ${before.kind}`,
        `change its --text or --due, or drop it (netjournal drop ${id}) and add your own with netjournal follow-up`,
      );
    }
    updateFollowUp(db, id, { text, due, kind });
    return { before, after: load(db, id) };
  });
  const shown = (f: FollowUp) => ({ kind: f.kind, due: f.due, text: f.text });
  const changes = fieldChanges(shown(before), shown(after), ['text']);
  ctx.info(
    changes.length
      ? `Updated follow-up ${id} (${forTerminal(after.contact.name)}): ${describeChanges(changes)}.`
      : `Follow-up ${id} already reads so: nothing changed.`,
  );
  printWritten(ctx, [after], followUpView);
}

/** Register `follow-up edit` under `follow-up`. */
export function followUpEditCommand(followUp: Command, host: CommandHost): Command {
  const command = followUp
    .command('edit')
    .description('correct a follow-up: its text, its due date, or action ↔ waiting')
    .argument('<id>', 'follow-up id, as shown by today and follow-ups')
    .option('--text <text>', 'what to do, or what they offered')
    .option('--due <when>', 'the new due date: friday, 2w, 2026-12-01')
    .option('--kind <kind>', 'action or waiting (thank-you notes and report-backs keep their kind)')
    .action(withContext(host, runFollowUpEdit));
  completeValues(command, '--kind', ['action', 'waiting']);
  return withExamples(command, [
    'netjournal follow-up edit 12 --text "send the deck and the case study"',
    'netjournal follow-up edit 12 --due "next monday"',
    'netjournal follow-up edit 14 --kind waiting',
  ]);
}
