import type { Command } from 'commander';
import { requireText } from '../../../domain/capture.js';
import { parseEventDate } from '../../../domain/date-bounds.js';
import { noteView } from '../../../output/views/journal-views.js';
import { writeTransaction } from '../../../storage/journal.js';
import { insertNote } from '../../../storage/notes.js';
import { forTerminal } from '../../../output/sanitize.js';
import { defaultSubcommand, withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { printWritten } from '../../print.js';
import { resolveName } from '../../resolve.js';

export interface NoteOptions {
  date?: string;
}

/** `note NAME TEXT`: remember a thing learned about someone. */
export function runNote(ctx: Context, name: string, text: string, opts: NoteOptions): void {
  ctx.format();
  const body = requireText(text, 'the note');
  const date =
    opts.date === undefined
      ? ctx.today()
      : parseEventDate(opts.date, ctx.today(), '--date', 'note');
  const db = ctx.writeJournal();
  const note = writeTransaction(db, ctx.invocation, () => {
    const contact = resolveName(db, name);
    const id = insertNote(db, { contactId: contact.id, date, text: body }, ctx.timestamp());
    return {
      id,
      contact: { id: contact.id, name: contact.name },
      date,
      text: body,
      meetingId: null,
    };
  });
  ctx.info(`Noted about ${forTerminal(note.contact.name)} (note ${note.id}).`);
  printWritten(ctx, [note], noteView);
}

/** Register `note add` (also run as `note NAME TEXT`) under `note`. */
export function noteAddCommand(note: Command, host: CommandHost): Command {
  const command = defaultSubcommand(note, 'add')
    .description('remember a thing learned about someone (hobbies, family, interests)')
    .argument('<name>', 'who it is about: a name, e-mail address or #ID')
    .argument('<text>', 'what you learned')
    .option('--date <when>', 'when you learned it (default: today)')
    .action(withContext(host, runNote));
  return withExamples(command, [
    'netjournal note "Ralph Smith" "daughter starts university in Leeds"',
    'netjournal note Lena "loves bouldering" --date yesterday',
    '# "add" may be left out; a contact named like a subcommand is named by #ID',
    'netjournal note add "#7" "plays in a band"',
  ]);
}
