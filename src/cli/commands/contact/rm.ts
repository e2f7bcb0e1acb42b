import type { Command } from 'commander';
import { isMeName } from '../../../domain/contact.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import {
  contactFootprint,
  deleteContact,
  type ContactFootprint,
} from '../../../storage/contact-changes.js';
import { contactById } from '../../../storage/contacts.js';
import { writeTransaction } from '../../../storage/journal.js';
import { renderJson, renderList } from '../../../output/render.js';
import { forTerminal } from '../../../output/sanitize.js';
import { contactView } from '../../../output/views/contacts.js';
import { UNDO_HINT } from '../../../domain/undo-words.js';
import { confirmOnTerminal } from '../../../prompts/confirm.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { existingContact } from '../../resolve.js';

export interface ContactRmOptions {
  yes?: boolean;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 meetings, 1 note, 0 follow-ups, 1 introduction, 0 gifts". */
export function describeFootprint(f: ContactFootprint): string {
  return [
    plural(f.meetings, 'meeting'),
    plural(f.notes, 'note'),
    plural(f.followUps, 'follow-up'),
    plural(f.introductions, 'introduction'),
    plural(f.gifts, 'gift'),
  ].join(', ');
}

function sharedNote(f: ContactFootprint): string {
  return f.sharedMeetings > 0
    ? `; ${plural(f.sharedMeetings, 'meeting')} shared with others ${f.sharedMeetings === 1 ? 'is' : 'are'} kept`
    : '';
}

/** The JSON keys `contact rm --json` adds to the removed contact's record. */
function removedRecord(f: ContactFootprint) {
  const { sharedMeetings, ...removed } = f;
  return { removed, keptSharedMeetings: sharedMeetings };
}

/** `contact rm NAME`: remove a contact and what belongs only to them. */
export async function runContactRm(
  ctx: Context,
  name: string,
  opts: ContactRmOptions,
): Promise<void> {
  const format = ctx.format();
  if (isMeName(name)) {
    throw new UsageError(`"${name.trim()}" is you and cannot be removed`, 'name a contact');
  }
  const { db: readDb, contact } = existingContact(ctx.readJournal(), name);
  const who = `${contact.name} (#${contact.id})`;
  if (!opts.yes) {
    if (!ctx.canPrompt()) {
      throw new UsageError(
        'contact rm needs --yes when not run on a terminal',
        `add --yes to remove ${who}`,
      );
    }
    const footprint = contactFootprint(readDb, contact.id);
    const question =
      `Remove ${forTerminal(who)} with ${describeFootprint(footprint)}` +
      `${sharedNote(footprint)}? ${UNDO_HINT}`;
    if (!(await confirmOnTerminal(question, false, ctx.promptOutput()))) {
      ctx.info(`Kept ${forTerminal(contact.name)}.`);
      return;
    }
  }
  const db = ctx.writeJournal();
  const removed = writeTransaction(db, ctx.invocation, () => {
    if (!contactById(db, contact.id)) {
      throw new NotFoundError(`no contact #${contact.id}`, 'it was removed meanwhile');
    }
    return deleteContact(db, contact.id);
  });
  ctx.info(`Removed ${forTerminal(who)}: ${describeFootprint(removed)}${sharedNote(removed)}.`);
  if (format === 'table') return;
  ctx.out(
    format === 'json'
      ? renderJson({ ...contactView.toRecord(contact), ...removedRecord(removed) }, ctx.term)
      : renderList([contact], contactView, {
          format,
          term: ctx.term,
          today: ctx.today(),
          header: ctx.globals.header,
        }),
  );
}

/** Register `contact rm`. */
export function contactRmCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('rm')
    .description('remove a contact and what belongs only to them (asks first)')
    .argument('<name>', 'their name, a unique prefix of it, their e-mail or #ID')
    .option('-y, --yes', 'do not ask; needed when not on a terminal')
    .action(withContext(host, runContactRm));
  return withExamples(command, [
    'netjournal contact rm "Ralph Smith"',
    'netjournal contact rm "#12" --yes',
    '# meetings shared with others are kept; only this contact leaves them',
  ]);
}
