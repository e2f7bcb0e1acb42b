import type { Command } from 'commander';
import type { Contact } from '../../../domain/contact.js';
import { prepPage, prepRecord, type PrepBrief } from '../../../output/prep-page.js';
import { ME_ID } from '../../../storage/contacts.js';
import { listFollowUps } from '../../../storage/follow-ups.js';
import { introductionChain, introductionsInvolving } from '../../../storage/introductions.js';
import type { Db } from '../../../storage/journal.js';
import { listMeetings, meetingCount } from '../../../storage/meetings.js';
import { giftsOf, notesOf } from '../../../storage/notes.js';
import { relatedContacts } from '../../../storage/reach.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { printContactReport } from '../../print.js';
import { existingContact } from '../../resolve.js';

const LAST_MEETINGS = 3;
const MAX_RELATED = 5;

/** Gather the brief with the same loaders as `contact show`. */
function loadBrief(db: Db, contact: Contact): PrepBrief {
  const followUps = listFollowUps(db, { contactId: contact.id });
  return {
    contact,
    meetingCount: meetingCount(db, contact.id),
    chain: introductionChain(db, contact.id, ME_ID),
    learned: notesOf(db, contact.id),
    lastMeetings: listMeetings(db, { contactId: contact.id, limit: LAST_MEETINGS }),
    promised: followUps.filter((f) => f.kind !== 'waiting'),
    offered: followUps.filter((f) => f.kind === 'waiting'),
    // Only introductions to the user: those are the ones to report back on.
    introducedYouTo: introductionsInvolving(db, contact.id).filter(
      (i) => i.introducer.id === contact.id && i.to.id === ME_ID,
    ),
    gifts: giftsOf(db, contact.id),
    related: relatedContacts(db, contact, MAX_RELATED),
  };
}

/** `prep NAME`: a one-screen brief before meeting someone, or it as one JSON object. */
export async function runPrep(ctx: Context, name: string): Promise<void> {
  ctx.format(); // an unknown --format is a usage error before anything is read
  const { db, contact } = existingContact(ctx.readJournal(), name);
  await printContactReport(ctx, contact, {
    page: () => prepPage(loadBrief(db, contact), ctx.term, ctx.today()),
    record: () => prepRecord(loadBrief(db, contact)),
  });
}

/** Register `prep`. */
export function prepCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('prep')
    .description('a one-screen brief before meeting someone: how you know them, what to remember')
    .argument('<name>', 'their name, a unique prefix of it, their e-mail or #ID')
    .action(withContext(host, runPrep));
  return withExamples(command, [
    'netjournal prep "Ralph Smith"',
    'netjournal prep ralph --json | jq .promised',
    'netjournal prep "#12" --now 2026-12-01',
  ]);
}
