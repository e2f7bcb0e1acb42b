import type { Command } from 'commander';
import { requireText } from '../../../domain/capture.js';
import { parseEventDate } from '../../../domain/date-bounds.js';
import { parseId } from '../../../domain/ids.js';
import type { Note } from '../../../domain/journal-types.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { describeChanges, fieldChanges } from '../../../output/changes.js';
import { forTerminal } from '../../../output/sanitize.js';
import { giftView, noteView } from '../../../output/views/journal-views.js';
import { writeTransaction, type Db } from '../../../storage/journal.js';
import {
  datedTextById,
  deleteDatedText,
  updateDatedText,
  type DatedTextKind,
} from '../../../storage/notes.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { printWritten } from '../../print.js';

// Notes (things learned) and gifts (things given) have the same shape, so
// `note edit|rm` and `gift edit|rm` are one pair of commands for either.

const LIST: Record<DatedTextKind, string> = { note: 'notes', gift: 'gifts' };
const VIEW = { note: noteView, gift: giftView };
const Title: Record<DatedTextKind, string> = { note: 'Note', gift: 'Gift' };

function load(db: Db | null, kind: DatedTextKind, id: number): Note {
  const found = db ? datedTextById(db, kind, id) : undefined;
  if (!found) {
    throw new NotFoundError(`no ${kind} ${id}`, `see the ids with 'netjournal ${LIST[kind]}'`);
  }
  return found;
}

const about = (n: Note) => `${forTerminal(n.contact.name)}: ${forTerminal(n.text)}`;

export interface DatedTextEditOptions {
  date?: string;
}

/** `note edit ID [TEXT] [--date WHEN]` (and `gift edit`): correct the text or the date. */
export function runDatedTextEdit(
  ctx: Context,
  kind: DatedTextKind,
  rawId: string,
  rawText: string | undefined,
  opts: DatedTextEditOptions,
): void {
  ctx.format();
  const id = parseId(rawId, kind);
  const text = rawText === undefined ? undefined : requireText(rawText, `the ${kind}`);
  const date =
    opts.date === undefined ? undefined : parseEventDate(opts.date, ctx.today(), '--date', kind);
  if (text === undefined && date === undefined) {
    throw new UsageError(
      'nothing to change',
      `give the new text or --date: netjournal ${kind} edit ${id} "TEXT"`,
    );
  }
  // Read first, so that an unknown id on a missing journal creates nothing.
  load(ctx.readJournal(), kind, id);
  const db = ctx.writeJournal();
  const { before, after } = writeTransaction(db, ctx.invocation, () => {
    const before = load(db, kind, id);
    updateDatedText(db, kind, id, { text, date });
    return { before, after: load(db, kind, id) };
  });
  const changes = fieldChanges(
    { date: before.date, text: before.text },
    { date: after.date, text: after.text },
    ['text'],
  );
  ctx.info(
    changes.length
      ? `Updated ${kind} ${id} (${forTerminal(after.contact.name)}): ${describeChanges(changes)}.`
      : `${Title[kind]} ${id} already reads so: nothing changed.`,
  );
  printWritten(ctx, [after], VIEW[kind]);
}

/** `note rm ID` (and `gift rm`): remove it; small and undoable, so it does not ask. */
export function runDatedTextRm(ctx: Context, kind: DatedTextKind, rawId: string): void {
  ctx.format();
  const id = parseId(rawId, kind);
  load(ctx.readJournal(), kind, id);
  const db = ctx.writeJournal();
  const removed = writeTransaction(db, ctx.invocation, () => {
    const found = load(db, kind, id);
    deleteDatedText(db, kind, id);
    return found;
  });
  ctx.info(`Removed ${kind} ${id} (${about(removed)}). Undo with: netjournal undo`);
  printWritten(ctx, [removed], VIEW[kind]);
}

function editCommand(parent: Command, host: CommandHost, kind: DatedTextKind): Command {
  const what = kind === 'note' ? 'what you learned' : 'what you gave';
  return withExamples(
    parent
      .command('edit')
      .description(`correct a ${kind}: its text, its date or both`)
      .argument('<id>', `${kind} id, as shown by ${LIST[kind]}`)
      .argument('[text]', `the new text: ${what}`)
      .option('--date <when>', `when it happened: 2026-11-02, yesterday, 3d`)
      .action(
        withContext(
          host,
          (ctx: Context, id: string, text: string | undefined, opts: DatedTextEditOptions) =>
            runDatedTextEdit(ctx, kind, id, text, opts),
        ),
      ),
    kind === 'note'
      ? [
          'netjournal note edit 3 "daughter starts university in York"',
          'netjournal note edit 3 --date 2026-11-02',
        ]
      : [
          'netjournal gift edit 2 "the article on hiring juniors"',
          'netjournal gift edit 2 --date yesterday',
        ],
  );
}

function rmCommand(parent: Command, host: CommandHost, kind: DatedTextKind): Command {
  return withExamples(
    parent
      .command('rm')
      .description(`remove a ${kind} (no question asked: netjournal undo brings it back)`)
      .argument('<id>', `${kind} id, as shown by ${LIST[kind]}`)
      .action(withContext(host, (ctx: Context, id: string) => runDatedTextRm(ctx, kind, id))),
    [`netjournal ${kind} rm 3`, `netjournal ${kind} rm 3 && netjournal undo   # changed your mind`],
  );
}

/** Register `note edit` and `note rm` under `note`. */
export function noteManageCommands(note: Command, host: CommandHost): void {
  editCommand(note, host, 'note');
  rmCommand(note, host, 'note');
}

/** Register `gift edit` and `gift rm`. */
export function giftCommands(program: Command, host: CommandHost): void {
  const gift = program
    .command('gift')
    .description('correct or remove a thing you gave (record one with add --gave)')
    .addHelpCommand(false);
  editCommand(gift, host, 'gift');
  rmCommand(gift, host, 'gift');
}
