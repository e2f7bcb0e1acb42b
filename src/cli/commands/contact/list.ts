import type { Command } from 'commander';
import { parseCircle } from '../../../domain/contact.js';
import { CIRCLES } from '../../../model/declarations.js';
import { iterateContacts, listContacts } from '../../../storage/contacts.js';
import { contactsToReconnect } from '../../../storage/today.js';
import { listChunks, renderList } from '../../../output/render.js';
import { contactView } from '../../../output/views/contacts.js';
import { type CommandHost, completeValues, withContext, withExamples } from '../../command.js';
import type { Context } from '../../context.js';

export interface ContactsOptions {
  circle?: string;
  tag?: string;
  company?: string;
  stale?: boolean;
  archived?: boolean;
}

/** `contacts`: list contacts, filtered. */
export async function runContacts(ctx: Context, opts: ContactsOptions): Promise<void> {
  const format = ctx.format();
  const circle = opts.circle === undefined ? undefined : parseCircle(opts.circle);
  const db = ctx.readJournal();
  const filter = {
    circle,
    tag: opts.tag?.trim(),
    company: opts.company?.trim(),
    includeArchived: opts.archived === true,
  };
  const render = { format, term: ctx.term, today: ctx.today(), header: ctx.globals.header };
  if (db && format !== 'table' && !opts.stale) {
    // Streamed: 30,000 contacts piped to head need not all be read.
    await ctx.outChunks(
      listChunks(iterateContacts(db, filter), contactView, { ...render, format }),
    );
    return;
  }
  const contacts = !db
    ? []
    : opts.stale
      ? contactsToReconnect(db, ctx.today(), filter)
      : listContacts(db, filter);
  ctx.out(renderList(contacts, contactView, render));
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
  completeValues(command, '--circle', CIRCLES);
  return withExamples(command, [
    'netjournal contacts',
    'netjournal contacts --circle second --tag design',
    "netjournal contacts --company acme --json | jq -r '.[].email'",
    'netjournal contacts --stale',
  ]);
}
