import type { Command } from 'commander';
import type { Note } from '../../../domain/journal-types.js';
import { renderList } from '../../../output/render.js';
import type { RecordView } from '../../../output/record-view.js';
import { forTerminal } from '../../../output/sanitize.js';
import { giftView, noteView } from '../../../output/views/journal-views.js';
import { listDatedTexts, type DatedTextKind } from '../../../storage/notes.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { resolveName } from '../../resolve.js';

// What an empty list says on a terminal: how to add the first one.
function emptyText(kind: DatedTextKind, contact: string | undefined): string {
  if (kind === 'note') {
    return contact === undefined
      ? 'No notes yet. Add one with: netjournal note "Ralph Smith" "runs marathons"'
      : `Nothing noted about ${contact} yet. Add one with: netjournal note NAME TEXT`;
  }
  return contact === undefined
    ? 'No gifts recorded yet. Record one as you log a meeting: netjournal add "Ralph Smith" --gave "the article"'
    : `Nothing given to ${contact} recorded yet. Record one with: netjournal add NAME --gave TEXT`;
}

/** `notes [NAME]` and `gifts [NAME]`: newest first, every format. */
export function runDatedTexts(ctx: Context, kind: DatedTextKind, name: string | undefined): void {
  const format = ctx.format();
  const db = ctx.readJournal();
  const contact = name === undefined ? undefined : resolveName(db, name);
  const rows = db ? listDatedTexts(db, kind, contact?.id) : [];
  const view: RecordView<Note> = {
    ...(kind === 'note' ? noteView : giftView),
    empty: emptyText(kind, contact && forTerminal(contact.name)),
  };
  ctx.out(
    renderList(rows, view, {
      format,
      term: ctx.term,
      today: ctx.today(),
      header: ctx.globals.header,
    }),
  );
}

/** Register `notes` and `gifts`. */
export function datedTextListCommands(parent: Command, host: CommandHost): void {
  withExamples(
    parent
      .command('notes')
      .description('list things learned about people, newest first, with their ids')
      .argument('[name]', 'only notes about this contact')
      .action(
        withContext(host, (ctx: Context, name: string | undefined) =>
          runDatedTexts(ctx, 'note', name),
        ),
      ),
    [
      'netjournal notes',
      'netjournal notes "Ralph Smith"',
      'netjournal notes --json | jq -r \'.[] | select(.text | test("marathon")) | .contact\'',
    ],
  );
  withExamples(
    parent
      .command('gifts')
      .description('list things you gave people (add --gave), newest first, with their ids')
      .argument('[name]', 'only gifts to this contact')
      .action(
        withContext(host, (ctx: Context, name: string | undefined) =>
          runDatedTexts(ctx, 'gift', name),
        ),
      ),
    ['netjournal gifts', 'netjournal gifts Lena --format csv > given-to-lena.csv'],
  );
}
