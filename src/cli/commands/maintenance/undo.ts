import type { Command } from 'commander';
import { UsageError } from '../../../errors.js';
import { renderJson, renderJsonLine } from '../../../output/render.js';
import { forTerminal } from '../../../output/sanitize.js';
import { writeTransaction } from '../../../storage/journal.js';
import { UNDO_DEPTH } from '../../../storage/write.js';
import { describeUndone } from '../../../domain/undo-words.js';
import { lastUndoStep, revertUndoStep, type UndoStep } from '../../../storage/undo.js';
import { undoSubjects } from '../../../storage/undo-subjects.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';

export interface UndoOptions {
  dryRun?: boolean;
}

function nothingToUndo(): UsageError {
  return new UsageError(
    'nothing to undo',
    `undo reverts the last write commands (up to ${UNDO_DEPTH}) made with this version of netjournal`,
  );
}

/** `undo`: revert the last write command as a whole; --dry-run only says what it would revert. */
export function runUndo(ctx: Context, opts: UndoOptions): void {
  const format = ctx.format();
  // Read first, so that undo on a missing journal creates nothing.
  const existing = ctx.readJournal();
  if (!existing) throw nothingToUndo();
  let step: UndoStep;
  let description: string;
  if (opts.dryRun) {
    const last = lastUndoStep(existing);
    if (!last) throw nothingToUndo();
    step = last;
    description = describeUndone(last.command, undoSubjects(existing, last.id));
  } else {
    const db = ctx.writeJournal();
    const undone = writeTransaction(
      db,
      ctx.invocation,
      () => {
        const last = lastUndoStep(db);
        if (!last) throw nothingToUndo();
        // Told before the revert, while the records it names are as the command left them.
        const words = describeUndone(last.command, undoSubjects(db, last.id));
        revertUndoStep(db, last.id);
        return { last, words };
      },
      { undoable: false },
    );
    step = undone.last;
    description = undone.words;
    ctx.info(`Undid: ${forTerminal(description)}.`);
  }
  if (format === 'json' || format === 'jsonl') {
    // The fields before issue 17 stay as they were; description is what a person reads.
    const doc = { dryRun: opts.dryRun === true, ...step, description };
    ctx.out(format === 'json' ? renderJson(doc, ctx.term) : renderJsonLine(doc, ctx.term));
  } else if (opts.dryRun) {
    ctx.out(`undo: ${forTerminal(description)}\n`);
  }
}

/** Register `undo`. */
export function undoCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('undo')
    .description(
      `revert the last write command as a whole (again for the one before, up to ${UNDO_DEPTH})`,
    )
    .option('--dry-run', 'show what it would revert and change nothing')
    .action(withContext(host, runUndo));
  return withExamples(command, [
    'netjournal undo --dry-run',
    'netjournal undo',
    '# undo the last three write commands',
    'netjournal undo && netjournal undo && netjournal undo',
  ]);
}
