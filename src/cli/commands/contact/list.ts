import type { Command } from 'commander';
import { parseCircle } from '../../../domain/contact.js';
import { staleContacts } from '../../../domain/cadence.js';
import { listContacts } from '../../../storage/contacts.js';
import { cadenceDefaults } from '../../../storage/settings.js';
import { renderList } from '../../../output/render.js';
import { contactView } from '../../../output/views/contacts.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';

export interface ContactsOptions {
  circle?: string;
  tag?: string;
  company?: string;
  stale?: boolean;
  archived?: boolean;
}

/** `contacts`: list contacts, filtered. */
export function runContacts(ctx: Context, opts: ContactsOptions): void {
  const format = ctx.format();
  const circle = opts.circle === undefined ? undefined : parseCircle(opts.circle);
  const db = ctx.readJournal();
  let contacts = db
    ? listContacts(db, {
        circle,
        tag: opts.tag?.trim(),
        company: opts.company?.trim(),
        includeArchived: opts.archived === true,
      })
    : [];
  if (opts.stale) contacts = staleContacts(contacts, ctx.today(), cadenceDefaults(db));
  ctx.out(
    renderList(contacts, contactView, {
      format,
      term: ctx.term,
      today: ctx.today(),
      header: ctx.globals.header,
    }),
  );
}

/** Register `contacts`. */
export function contactsCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('contacts')
    .description('list your contacts')
    .option('--circle <circle>', 'only this circle: inner, second or third')
    .option('--tag <tag>', 'only contacts with this tag')
    .option('--company <text>', 'only contacts whose company contains this text')
    .option('--stale', 'only contacts you are overdue to keep in touch with')
    .option('--archived', 'include archived contacts')
    .action(withContext(host, runContacts));
  return withExamples(command, [
    'netjournal contacts',
    'netjournal contacts --circle second --tag design',
    "netjournal contacts --company acme --json | jq -r '.[].email'",
    'netjournal contacts --stale',
  ]);
}
