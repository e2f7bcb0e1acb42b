import { CONTACT } from '../model/declarations.js';
import { recordKeys } from '../model/field.js';
import type { Contact } from '../domain/contact.js';
import type { FollowUp, Introduction, Meeting, Note } from '../domain/journal-types.js';
import type { JsonRecord } from './record-view.js';

// The stable machine shape of each record kind: its field names in order (the
// JSON keys and the csv/tsv header) and the record of one row. The list
// commands' views and the csv export both write these; nothing here knows the
// terminal.

/** A contact: field names in order (its id, then model/declarations.ts's shown fields). */
export const CONTACT_FIELDS: readonly string[] = ['id', ...recordKeys(CONTACT)];

/** A contact: its record. */
export function contactRecord(c: Contact): JsonRecord {
  const record: JsonRecord = {};
  const fields = c as unknown as Record<string, JsonRecord[string]>;
  for (const key of CONTACT_FIELDS) record[key] = fields[key] ?? null;
  return record;
}

/** A meeting: field names in order. */
export const MEETING_FIELDS: readonly string[] = [
  'id',
  'date',
  'kind',
  'contacts',
  'contactIds',
  'notes',
  'outreach',
];

/** A meeting: its record. */
export function meetingRecord(m: Meeting): JsonRecord {
  return {
    id: m.id,
    date: m.date,
    kind: m.kind,
    contacts: m.contacts.map((c) => c.name),
    contactIds: m.contacts.map((c) => c.id),
    notes: m.notes,
    outreach: m.outreach,
  };
}

/** A follow-up: field names in order. */
export const FOLLOW_UP_FIELDS: readonly string[] = [
  'id',
  'kind',
  'contact',
  'contactId',
  'text',
  'due',
  'status',
  'closed',
  'meetingId',
  'introductionId',
];

/** A follow-up: its record. */
export function followUpRecord(f: FollowUp): JsonRecord {
  return {
    id: f.id,
    kind: f.kind,
    contact: f.contact.name,
    contactId: f.contact.id,
    text: f.text,
    due: f.due,
    status: f.status,
    closed: f.closed,
    meetingId: f.meetingId,
    introductionId: f.introductionId,
  };
}

/** An introduction, people named by name ("me" for the user): field names in order. */
export const INTRODUCTION_FIELDS: readonly string[] = [
  'id',
  'date',
  'introducer',
  'person',
  'to',
  'reportedBack',
  'context',
];

/** An introduction, people named by name ("me" for the user): its record. */
export function introductionRecord(i: Introduction): JsonRecord {
  return {
    id: i.id,
    date: i.date,
    introducer: i.introducer.name,
    person: i.person.name,
    to: i.to.name,
    reportedBack: i.reportedBack,
    context: i.context,
  };
}

/** A note (a thing learned) or a gift (a thing given): the same shape: field names in order. */
export const NOTE_FIELDS: readonly string[] = [
  'id',
  'contact',
  'contactId',
  'date',
  'text',
  'meetingId',
];

/** A note (a thing learned) or a gift (a thing given): the same shape: its record. */
export function noteRecord(n: Note): JsonRecord {
  return {
    id: n.id,
    contact: n.contact.name,
    contactId: n.contact.id,
    date: n.date,
    text: n.text,
    meetingId: n.meetingId,
  };
}
