import type { Command } from 'commander';
import { isMeName } from '../../../domain/contact.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { mergeContacts } from '../../../storage/contact-changes.js';
import { contactById } from '../../../storage/contacts.js';
import { writeTransaction } from '../../../storage/journal.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { printChangedContact } from '../../print.js';
import { existingContact } from '../../resolve.js';

/** `contact merge KEEP OTHER`: move everything of OTHER onto KEEP, then delete OTHER. */
export function runContactMerge(ctx: Context, keepName: string, otherName: string): void {
  ctx.format(); // an unknown --format is a usage error before anything is written
  for (const name of [keepName, otherName]) {
    if (isMeName(name)) {
      throw new UsageError(`"${name.trim()}" is you and cannot be merged`, 'name two contacts');
    }
  }
  const readDb = ctx.readJournal();
  const { contact: keep } = existingContact(readDb, keepName);
  const { contact: other } = existingContact(readDb, otherName);
  if (keep.id === other.id) {
    throw new UsageError(
      `"${keepName.trim()}" and "${otherName.trim()}" are the same contact, ${keep.name} (#${keep.id})`,
      'name two different contacts: netjournal contact merge KEEP OTHER',
    );
  }
  const db = ctx.writeJournal();
  const merged = writeTransaction(db, ctx.invocation, () => {
    for (const c of [keep, other]) {
      if (!contactById(db, c.id)) {
        throw new NotFoundError(`no contact #${c.id}`, 'it was removed meanwhile');
      }
    }
    mergeContacts(db, keep.id, other.id);
    return contactById(db, keep.id);
  });
  if (!merged) throw new Error('contact vanished after merge');
  printChangedContact(
    ctx,
    merged,
    `Merged ${other.name} (#${other.id}) into ${merged.name} (#${merged.id}).`,
  );
}

/** Register `contact merge`. */
export function contactMergeCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('merge')
    .description('merge a duplicate into a contact: meetings, notes, follow-ups, intros, tags')
    .argument('<keep>', 'the contact to keep')
    .argument('<other>', 'the duplicate: its records move to KEEP, then it is removed')
    .action(withContext(host, runContactMerge));
  return withExamples(command, [
    'netjournal contact merge "Ralph Smith" "R. Smith"',
    'netjournal contact merge "#3" "#7" --json',
    "# KEEP's empty fields are filled from OTHER; tags are combined",
  ]);
}
