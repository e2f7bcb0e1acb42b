import { Option, type Command } from 'commander';
import { contactChangesFromOptions, type ContactEditInput } from '../../../domain/contact-edit.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { updateContact } from '../../../storage/contact-changes.js';
import { contactById, contactsNamed } from '../../../storage/contacts.js';
import { writeTransaction } from '../../../storage/journal.js';
import { collect, withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { printChangedContact } from '../../print.js';
import { addContactOptions } from '../../contact-options.js';
import { existingContact } from '../../resolve.js';

export type ContactEditOptions = ContactEditInput;

/** `contact edit NAME`: change only the fields given. */
export function runContactEdit(ctx: Context, name: string, opts: ContactEditOptions): void {
  ctx.format(); // an unknown --format is a usage error before anything is read
  const changes = contactChangesFromOptions(opts, ctx.today());
  // Resolve on a read connection first, so an unknown name creates no journal.
  const { contact: found } = existingContact(ctx.readJournal(), name);
  const db = ctx.writeJournal();
  const updated = writeTransaction(db, ctx.invocation, () => {
    const current = contactById(db, found.id);
    if (!current) throw new NotFoundError(`no contact #${found.id}`, 'it was removed meanwhile');
    const newName = changes.fields.name;
    if (newName !== undefined) {
      const namesake = contactsNamed(db, newName).find((c) => c.id !== current.id);
      if (namesake) {
        throw new UsageError(
          `a contact named "${namesake.name}" already exists (#${namesake.id})`,
          `pick another name, or merge the two: netjournal contact merge '#${namesake.id}' '#${current.id}'`,
        );
      }
    }
    updateContact(db, current.id, changes);
    return contactById(db, current.id);
  });
  if (!updated) throw new Error('contact vanished after update');
  printChangedContact(ctx, updated, `Updated ${updated.name} (#${updated.id}).`);
}

/** Register `contact edit`. */
export function contactEditCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('edit')
    .description('change a contact: only the fields given ("" clears one)')
    .argument('<name>', 'their name, a unique prefix of it, their e-mail or #ID');
  addContactOptions(command)
    .option('--name <name>', 'rename them')
    .option('--archive', 'hide them from lists and reports (nothing is deleted)')
    .option('--unarchive', 'bring an archived contact back')
    .option('--add-tag <tag>', 'add a tag, keeping the others (repeatable)', collect)
    .option('--remove-tag <tag>', 'remove a tag (repeatable)', collect)
    .addOption(noAliasOption())
    .option('--share', 'share them with your team (team share), whatever team.share says')
    .option('--no-share', 'never share them with your team');
  command.action(withContext(host, runContactEdit));
  return withExamples(command, [
    'netjournal contact edit "Ralph Smith" --company Globex --role CTO',
    'netjournal contact edit ralph --every none --birthday ""',
    'netjournal contact edit "#3" --name "Lena Berg-Olsen" --add-tag mentor --remove-tag design',
    '# --tag replaces all tags; --tag "" removes them all',
    'netjournal contact edit lena --tag design --tag climbing',
    'netjournal contact edit "Joe Park" --archive',
    '# nicknames are found like names: netjournal note rafa "…"',
    'netjournal contact edit "Rafael Ortiz" --alias Rafa --no-alias Rafi',
    '# teams: shared whatever team.share says, or never',
    'netjournal contact edit "Ralph Smith" --share',
  ]);
}

/**
 * `--no-alias NICKNAME` removes one nickname. Commander reads a `--no-` option
 * as the negation of `--alias` (setting it to false); this one takes a value
 * and keeps its own key, `noAlias`.
 */
function noAliasOption(): Option {
  const option = new Option('--no-alias <nickname>', 'remove a nickname (repeatable)');
  option.negate = false;
  return option.argParser(collect);
}
