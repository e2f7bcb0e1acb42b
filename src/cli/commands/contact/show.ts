import type { Command } from 'commander';
import { effectiveCadence, reconnectDue } from '../../../domain/cadence.js';
import type { Contact } from '../../../domain/contact.js';
import { ME_ID } from '../../../storage/contacts.js';
import { listFollowUps } from '../../../storage/follow-ups.js';
import { introductionChain, introductionsInvolving } from '../../../storage/introductions.js';
import type { Db } from '../../../storage/journal.js';
import { listMeetings } from '../../../storage/meetings.js';
import { giftsOf, notesOf } from '../../../storage/notes.js';
import { cadenceDefaults } from '../../../storage/settings.js';
import { profileRecord, renderProfile, type ContactProfile } from '../../../output/profile.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { printContactReport } from '../../print.js';
import { existingContact } from '../../resolve.js';

/** Gather everything the profile shows about one contact. */
function loadProfile(db: Db, contact: Contact): ContactProfile {
  const defaults = cadenceDefaults(db);
  const days = effectiveCadence(contact, defaults);
  return {
    contact,
    meId: ME_ID,
    chain: introductionChain(db, contact.id, ME_ID),
    notes: notesOf(db, contact.id),
    meetings: listMeetings(db, { contactId: contact.id }),
    followUps: listFollowUps(db, { contactId: contact.id }),
    introductions: introductionsInvolving(db, contact.id),
    gifts: giftsOf(db, contact.id),
    cadence:
      days === null
        ? null
        : {
            days,
            fromCircle: contact.cadenceDays === null,
            // Archived contacts are never due a reconnect.
            due: contact.archived ? null : reconnectDue(contact, defaults),
          },
  };
}

/** `contact show NAME`: a one-screen profile, or the contact as one JSON object. */
export async function runContactShow(ctx: Context, name: string): Promise<void> {
  ctx.format(); // an unknown --format is a usage error before anything is read
  const { db, contact } = existingContact(ctx.readJournal(), name);
  await printContactReport(ctx, contact, {
    page: () => renderProfile(loadProfile(db, contact), ctx.term, ctx.today()),
    record: () => profileRecord(loadProfile(db, contact)),
  });
}

/** Register `contact show`. */
export function contactShowCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('show')
    .description('show a contact: details, how you know them, notes, meetings, follow-ups')
    .argument('<name>', 'their name, a unique prefix of it, their e-mail or #ID')
    .action(withContext(host, runContactShow));
  return withExamples(command, [
    'netjournal contact show "Ralph Smith"',
    'netjournal contact show ralph --json | jq .followUps',
    'netjournal contact show "#12" --format csv',
  ]);
}
