import type { Command } from 'commander';
import { UsageError } from '../../../errors.js';
import { renderJson, renderJsonLine } from '../../../output/render.js';
import { forTerminal } from '../../../output/sanitize.js';
import { writeTransaction } from '../../../storage/journal.js';
import { UNDO_DEPTH } from '../../../storage/write.js';
import { lastUndoStep, revertUndoStep, type UndoStep } from '../../../storage/undo.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';

export interface UndoOptions {
  dryRun?: boolean;
}

const PAST: Record<UndoStep['changes'][number]['op'], string> = {
  insert: 'inserted into',
  update: 'updated in',
  delete: 'deleted from',
};

/** "add Ralph Smith (1 row inserted into contacts, 2 rows inserted into follow_ups)" */
export function describeUndoStep(step: UndoStep): string {
  const changes = step.changes
    .map((c) => `${c.rows} row${c.rows === 1 ? '' : 's'} ${PAST[c.op]} ${c.table}`)
    .join(', ');
  return `${step.command} (${changes})`;
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
  if (opts.dryRun) {
    const last = lastUndoStep(existing);
    if (!last) throw nothingToUndo();
    step = last;
  } else {
    const db = ctx.writeJournal();
    step = writeTransaction(
      db,
      ctx.invocation,
      () => {
        const last = lastUndoStep(db);
        if (!last) throw nothingToUndo();
        revertUndoStep(db, last.id);
        return last;
      },
      { undoable: false },
    );
    ctx.info(`Undid ${forTerminal(describeUndoStep(step))}.`);
  }
  if (format === 'json' || format === 'jsonl') {
    const doc = { dryRun: opts.dryRun === true, ...step };
    ctx.out(format === 'json' ? renderJson(doc, ctx.term) : renderJsonLine(doc, ctx.term));
  } else if (opts.dryRun) {
    ctx.out(`undo: ${forTerminal(describeUndoStep(step))}\n`);
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
