import type { Command } from 'commander';
import { contactFieldsFromOptions, type ContactOptionInput } from '../../../domain/contact.js';
import { UsageError } from '../../../errors.js';
import { requireText } from '../../../domain/capture.js';
import { nameNotices } from '../../../output/recorded.js';
import { forTerminal } from '../../../output/sanitize.js';
import { findOrCreateContact, namesOneTypoAway } from '../../../storage/capture.js';
import { contactById, contactsNamed, insertContact, ME_ID } from '../../../storage/contacts.js';
import { insertIntroduction } from '../../../storage/introductions.js';
import { writeTransaction } from '../../../storage/journal.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import { addContactOptions } from '../../contact-options.js';
import type { Context } from '../../context.js';
import { printChangedContact } from '../../print.js';

export interface ContactAddOptions extends ContactOptionInput {
  new?: boolean;
  /** Who introduced them to the user. */
  via?: string;
}

/** `contact add NAME`: store a new contact and print it. */
export function runContactAdd(ctx: Context, name: string, opts: ContactAddOptions): void {
  ctx.format();
  const fields = contactFieldsFromOptions(name, opts, ctx.today());
  const viaName = opts.via === undefined ? undefined : requireText(opts.via, '--via');
  const db = ctx.writeJournal();
  const notices: string[] = [];
  const contact = writeTransaction(db, ctx.invocation, () => {
    const namesake = contactsNamed(db, fields.name)[0];
    if (namesake && !opts.new) {
      throw new UsageError(
        `a contact named "${namesake.name}" already exists (#${namesake.id})`,
        "use 'contact edit' to change it, or --new to add another person with that name",
      );
    }
    const near = namesOneTypoAway(db, fields.name);
    const id = insertContact(db, fields, ctx.today());
    if (near.length) {
      const others = near.map((c) => `${c.name} ('#${c.id}')`).join(' or ');
      notices.push(
        `Did you mean ${others}? If so, merge them: netjournal contact merge '#${near[0]?.id}' '#${id}'`,
      );
    }
    if (viaName !== undefined) {
      // Like add --via: the introducer is found by name, or created.
      const via = findOrCreateContact(db, viaName, false, ctx.today());
      if (via.contact.id === id) {
        throw new UsageError(
          `${fields.name} cannot introduce themself`,
          'give --via the person who introduced you',
        );
      }
      insertIntroduction(
        db,
        {
          introducerId: via.contact.id,
          personId: id,
          toId: ME_ID,
          date: ctx.today(),
          context: null,
        },
        ctx.timestamp(),
      );
      notices.push(...nameNotices([via]), `${via.contact.name} introduced ${fields.name} to you.`);
    }
    return contactById(db, id);
  });
  if (!contact) throw new Error('contact vanished after insert');
  for (const line of notices) ctx.info(forTerminal(line));
  printChangedContact(ctx, contact, `Added ${contact.name} (#${contact.id}).`);
}

/** Register `contact add`. */
export function contactAddCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('add')
    .description('add a contact')
    .argument('<name>', 'their full name, in quotes if it has spaces');
  addContactOptions(command)
    .option('--via <name>', 'who introduced them to you (a new name becomes a contact)')
    .option('--new', 'add even when a contact with this name exists');
  command.action(withContext(host, runContactAdd));
  return withExamples(command, [
    'netjournal contact add "Ralph Smith" --company "Acme, Inc." --circle second --every 30d',
    'netjournal contact add "Lena Berg" --email lena@example.com --tag design --tag mentor',
    'netjournal contact add "Joe Park" --birthday 1990-03-14 --how "climbing gym"',
    'netjournal contact add "Priya Shah" --via "Coach Rivera" --company "Northwind Labs"',
  ]);
}
