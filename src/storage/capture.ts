import {
  planFollowUps,
  type AddRequest,
  type NameOutcome,
  type NewContactDetails,
  type Participant,
  type RecordedMeeting,
} from '../domain/capture.js';
import { nameOnlyContact, validateName } from '../domain/contact.js';
import { findContact, oneTypoApart } from '../domain/names.js';
import type { ContactRef, FollowUp, Introduction, Meeting } from '../domain/journal-types.js';
import { UsageError } from '../errors.js';
import { contactLookup, insertContact, ME_ID } from './contacts.js';
import {
  followUpById,
  insertFollowUp,
  openNudgesAnsweredBy,
  setFollowUpStatus,
} from './follow-ups.js';
import { insertIntroduction, introductionById, introductionToMe } from './introductions.js';
import type { Db } from './journal.js';
import { insertMeeting, meetingById, meetingCount } from './meetings.js';
import { insertGift, insertNote } from './notes.js';

/**
 * Find the contact a name means, or create one when nothing matches (or when
 * forceNew), with details if given. Call inside a write transaction.
 */
export function findOrCreateContact(
  db: Db,
  query: string,
  forceNew: boolean,
  today: string,
  details?: NewContactDetails,
): NameOutcome {
  const found = forceNew ? null : findContact(query, contactLookup(db), false);
  if (found?.found) {
    return {
      query,
      contact: { id: found.found.id, name: found.found.name },
      how: found.how as NameOutcome['how'],
    };
  }
  const name = validateName(query);
  const near = namesOneTypoAway(db, name);
  const id = insertContact(db, { ...nameOnlyContact(name), ...details }, today);
  return { query, contact: { id, name }, how: 'created', ...(near.length ? { near } : {}) };
}

/**
 * Contacts (archived ones too) whose name is one typo away from name: those
 * starting with its first letter, or its second (two first letters swapped),
 * read from the name index; a typo in the very first letter goes unnoticed.
 */
export function namesOneTypoAway(db: Db, name: string): ContactRef[] {
  const starts = [...new Set([name.slice(0, 1), name.slice(1, 2)])].filter((c) => c.trim() !== '');
  const found: ContactRef[] = [];
  const byInitial = db.prepare(
    `SELECT id, name FROM contacts WHERE is_me = 0 AND name LIKE ? || '%' ESCAPE '\\' ORDER BY id`,
  );
  for (const initial of starts) {
    for (const c of byInitial.all(initial.replace(/[\\%_]/g, (ch) => `\\${ch}`)) as ContactRef[]) {
      if (oneTypoApart(c.name, name) && !found.some((f) => f.id === c.id)) found.push(c);
    }
  }
  return found.slice(0, 3);
}

// --company and --circle describe the people a meeting creates; on a meeting with
// known people only they would be dropped without a word, so they are refused.
function refuseDetailsWithoutNewContact(request: AddRequest, names: readonly NameOutcome[]): void {
  const given = request.newContacts?.some((d) => d.company !== null || d.circle !== null);
  if (!given || names.some((n) => n.how === 'created')) return;
  const first = names[0] as NameOutcome;
  throw new UsageError(
    `--company and --circle are for new contacts, and ${first.contact.name} ('#${first.contact.id}') is already one`,
    `change theirs with netjournal contact edit '#${first.contact.id}' --company NAME --circle CIRCLE`,
  );
}

/** Log a meeting and everything that comes with it. Call inside a write transaction. */
export function recordMeeting(
  db: Db,
  request: AddRequest,
  today: string,
  created: string,
): RecordedMeeting {
  const names: NameOutcome[] = [];
  request.names.forEach((query, i) => {
    const details = request.newContacts?.[i];
    const outcome = findOrCreateContact(db, query, request.forceNew, today, details);
    if (!names.some((n) => n.contact.id === outcome.contact.id)) names.push(outcome);
  });
  refuseDetailsWithoutNewContact(request, names);
  const people = names.map((n) => n.contact);

  let via: NameOutcome | null = null;
  const introductions: Introduction[] = [];
  if (request.via !== null) {
    via = findOrCreateContact(db, request.via, false, today);
    if (people.some((p) => p.id === via?.contact.id)) {
      throw new UsageError(
        `${via.contact.name} cannot introduce themself`,
        'give --via the person who introduced you',
      );
    }
    for (const person of people) {
      // New people, and people met before whose introducer was never recorded.
      if (introductionToMe(db, person.id, ME_ID)) continue;
      const id = insertIntroduction(
        db,
        {
          introducerId: via.contact.id,
          personId: person.id,
          toId: ME_ID,
          date: request.date,
          context: null,
        },
        created,
      );
      introductions.push(introductionById(db, id) as Introduction);
    }
  }

  const participants: Participant[] = people.map((p) => {
    const intro = introductionToMe(db, p.id, ME_ID);
    return {
      ...p,
      priorMeetings: meetingCount(db, p.id),
      introducer:
        intro && intro.introducer.id !== ME_ID
          ? { id: intro.introducer.id, name: intro.introducer.name, introductionId: intro.id }
          : null,
    };
  });

  // Meeting someone you reached out to is their reply: no need to nudge any more.
  const answered = openNudgesAnsweredBy(
    db,
    people.map((p) => p.id),
    request.date,
  );
  for (const f of answered) setFollowUpStatus(db, f.id, 'done', today);

  const meetingId = insertMeeting(
    db,
    { date: request.date, kind: request.kind, notes: request.notes, outreach: request.outreach },
    people.map((p) => p.id),
    created,
  );
  const first = people[0] as ContactRef;
  const notes = request.learned.map((text) => {
    const id = insertNote(
      db,
      { contactId: first.id, date: request.date, text, meetingId },
      created,
    );
    return { id, contact: first, date: request.date, text, meetingId };
  });
  const gifts = request.gave.map((text) => {
    const id = insertGift(
      db,
      { contactId: first.id, date: request.date, text, meetingId },
      created,
    );
    return { id, contact: first, date: request.date, text, meetingId };
  });
  const followUps = planFollowUps(request, participants, today).map((f) => {
    const id = insertFollowUp(db, { ...f, meetingId }, created);
    return followUpById(db, id) as FollowUp;
  });
  return {
    meeting: meetingById(db, meetingId) as Meeting,
    names,
    via,
    introductions,
    followUps,
    notes,
    gifts,
    answered: answered.map((f) => followUpById(db, f.id) as FollowUp),
  };
}
