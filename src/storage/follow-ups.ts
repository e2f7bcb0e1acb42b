import { templateText, type FollowUpTemplate } from '../domain/capture.js';
import type {
  FollowUp,
  FollowUpKind,
  FollowUpStatus,
  MeetingKind,
} from '../domain/journal-types.js';
import type { Db } from './journal.js';
import { deleteRecord, insertRecord, updateRecord } from './write.js';
import { statement } from './sqlite.js';

/** A row of SELECT_FOLLOW_UP. */
export interface FollowUpRow {
  id: number;
  kind: FollowUpKind;
  contact_id: number;
  contact_name: string;
  text: string;
  due: string;
  status: FollowUpStatus;
  closed: string | null;
  meeting_id: number | null;
  introduction_id: number | null;
}

/** Follow-ups with their contact's name, ready for a WHERE clause. */
export const SELECT_FOLLOW_UP = `
  SELECT f.id, f.kind, f.contact_id, c.name AS contact_name, f.text, f.due, f.status, f.closed,
         f.meeting_id, f.introduction_id
    FROM follow_ups f JOIN contacts c ON c.id = f.contact_id`;

/** A follow-up record from a SELECT_FOLLOW_UP row. */
export function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    kind: row.kind,
    contact: { id: row.contact_id, name: row.contact_name },
    text: row.text,
    due: row.due,
    status: row.status,
    closed: row.closed,
    meetingId: row.meeting_id,
    introductionId: row.introduction_id,
  };
}

export interface FollowUpInput {
  contactId: number;
  kind: FollowUpKind;
  text: string;
  due: string;
  meetingId?: number | null;
  introductionId?: number | null;
  /** The template netjournal wrote the text from (0008); absent or null: the user's own text. */
  template?: 'thank_you' | 'report_back' | 'nudge' | null;
}

/** Store an open follow-up; returns its id. */
export function insertFollowUp(db: Db, f: FollowUpInput, created: string): number {
  return insertRecord(db, 'followUp', {
    contact_id: f.contactId,
    kind: f.kind,
    text: f.text,
    due: f.due,
    meeting_id: f.meetingId ?? null,
    introduction_id: f.introductionId ?? null,
    created,
    template: f.template ?? null,
  });
}

/**
 * The open nudges (an outreach's "if there is no reply") of these contacts
 * from outreach meetings on or before a date: a meeting with them then is
 * their reply.
 */
export function openNudgesAnsweredBy(
  db: Db,
  contactIds: readonly number[],
  date: string,
): FollowUp[] {
  if (contactIds.length === 0) return [];
  return (
    statement(
      db,
      `${SELECT_FOLLOW_UP} JOIN meetings m ON m.id = f.meeting_id
        WHERE f.status = 'open' AND f.template = 'nudge' AND m.date <= ?
          AND f.contact_id IN (SELECT value FROM json_each(?))
        ORDER BY f.id`,
    ).all(date, JSON.stringify(contactIds)) as FollowUpRow[]
  ).map(toFollowUp);
}

/** One follow-up, or undefined. */
export function followUpById(db: Db, id: number): FollowUp | undefined {
  const row = statement(db, `${SELECT_FOLLOW_UP} WHERE f.id = ?`).get(id) as
    FollowUpRow | undefined;
  return row ? toFollowUp(row) : undefined;
}

export interface FollowUpFilter {
  /** Include done and dropped ones. */
  all?: boolean;
  contactId?: number;
  meetingId?: number;
}

/** Follow-ups by due date, then contact name, then id. */
export function listFollowUps(db: Db, filter: FollowUpFilter = {}): FollowUp[] {
  const where: string[] = [];
  const params: Record<string, number> = {};
  if (!filter.all) where.push(`f.status = 'open'`);
  if (filter.contactId !== undefined) {
    where.push('f.contact_id = @contactId');
    params.contactId = filter.contactId;
  }
  if (filter.meetingId !== undefined) {
    where.push('f.meeting_id = @meetingId');
    params.meetingId = filter.meetingId;
  }
  const sql = `${SELECT_FOLLOW_UP} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY f.due, c.name COLLATE NOCASE, f.id`;
  return (statement(db, sql).all(params) as FollowUpRow[]).map(toFollowUp);
}

/** Mark done or dropped on a day, or reopen (status open clears the day). */
export function setFollowUpStatus(
  db: Db,
  id: number,
  status: FollowUpStatus,
  day: string | null,
): void {
  updateRecord(db, 'followUp', id, { status, closed: status === 'open' ? null : day });
}

/** Move a follow-up's due date. */
export function setFollowUpDue(db: Db, id: number, due: string): void {
  updateRecord(db, 'followUp', id, { due });
}

/** Remove the still-open follow-ups a meeting created; returns them. */
export function deleteOpenFollowUpsOfMeeting(db: Db, meetingId: number): FollowUp[] {
  const open = listFollowUps(db, { meetingId });
  for (const f of open) deleteRecord(db, 'followUp', f.id);
  return open;
}

/**
 * Write again the follow-up texts netjournal generated (template set) that
 * name one of these contacts — as the follow-up's contact, or as the person
 * a report-back is about — or come from one of these meetings: after a
 * rename, a merge or a meeting's new kind, "Thank Chirs Wong for the coffee"
 * becomes "Thank Chris Wong for the lunch". Texts the user wrote stay.
 * Returns how many changed. Call inside a write transaction.
 */
export function refreshGeneratedTexts(
  db: Db,
  about: { contactIds?: readonly number[]; meetingIds?: readonly number[] },
): number {
  const rows = statement(
    db,
    // Three indexed lookups (by contact, by introduction, by meeting), not a scan.
    `WITH about(id) AS (
       SELECT f.id FROM follow_ups f WHERE f.contact_id IN (SELECT value FROM json_each(@contacts))
       UNION
       SELECT f.id FROM introductions i JOIN follow_ups f ON f.introduction_id = i.id
        WHERE i.person_id IN (SELECT value FROM json_each(@contacts))
       UNION
       SELECT f.id FROM follow_ups f WHERE f.meeting_id IN (SELECT value FROM json_each(@meetings))
     )
     SELECT f.id, f.template, f.text, c.name AS contact, p.name AS person, m.kind AS meetingKind
       FROM about JOIN follow_ups f ON f.id = about.id
       JOIN contacts c ON c.id = f.contact_id
       LEFT JOIN introductions i ON i.id = f.introduction_id
       LEFT JOIN contacts p ON p.id = i.person_id
       LEFT JOIN meetings m ON m.id = f.meeting_id
      WHERE f.template IS NOT NULL`,
  ).all({
    contacts: JSON.stringify(about.contactIds ?? []),
    meetings: JSON.stringify(about.meetingIds ?? []),
  }) as {
    id: number;
    template: FollowUpTemplate;
    text: string;
    contact: string;
    person: string | null;
    meetingKind: MeetingKind | null;
  }[];
  let changed = 0;
  for (const r of rows) {
    const text = generatedText(r.template, r);
    if (text !== r.text && updateRecord(db, 'followUp', r.id, { text })) changed++;
  }
  return changed;
}

/** The follow-ups made for an introduction (its report-backs), open ones only unless all. */
export function followUpsOfIntroduction(db: Db, introductionId: number, all = false): FollowUp[] {
  return (
    statement(
      db,
      `${SELECT_FOLLOW_UP} WHERE f.introduction_id = ? ${all ? '' : "AND f.status = 'open'"}
        ORDER BY f.due, f.id`,
    ).all(introductionId) as FollowUpRow[]
  ).map(toFollowUp);
}

/** What `follow-up edit` (and a corrected introduction) may change in a follow-up. */
export interface FollowUpChanges {
  contactId?: number;
  kind?: FollowUpKind;
  text?: string;
  due?: string;
}

/** Change some of a follow-up's fields; returns whether anything changed. */
export function updateFollowUp(db: Db, id: number, c: FollowUpChanges): boolean {
  const values: Record<string, unknown> = {};
  if (c.contactId !== undefined) values.contact_id = c.contactId;
  if (c.kind !== undefined) values.kind = c.kind;
  // A text the user writes is theirs: no longer rewritten when names change.
  if (c.text !== undefined) {
    values.text = c.text;
    values.template = null;
  }
  if (c.due !== undefined) values.due = c.due;
  return updateRecord(db, 'followUp', id, values);
}

/** Make a done or dropped follow-up open again (on a new due date when given), as one change. */
export function reopenFollowUp(db: Db, id: number, due?: string): void {
  updateRecord(db, 'followUp', id, {
    status: 'open',
    closed: null,
    ...(due === undefined ? {} : { due }),
  });
}

/** Remove one follow-up; returns whether it existed. */
export function deleteFollowUp(db: Db, id: number): boolean {
  return deleteRecord(db, 'followUp', id);
}

/**
 * Give a follow-up to another contact, in one change: a text netjournal
 * wrote is written again for it (and for its introduction as it is now).
 * Returns whether anything changed.
 */
export function moveFollowUp(db: Db, id: number, contactId: number): boolean {
  const facts = statement(
    db,
    `SELECT f.template, f.text, c.name AS contact, p.name AS person, m.kind AS meetingKind
       FROM follow_ups f JOIN contacts c ON c.id = @contactId
       LEFT JOIN introductions i ON i.id = f.introduction_id
       LEFT JOIN contacts p ON p.id = i.person_id
       LEFT JOIN meetings m ON m.id = f.meeting_id
      WHERE f.id = @id`,
  ).get({ id, contactId }) as
    | {
        template: FollowUpTemplate | null;
        text: string;
        contact: string;
        person: string | null;
        meetingKind: MeetingKind | null;
      }
    | undefined;
  if (!facts) return false;
  const values: Record<string, unknown> = { contact_id: contactId };
  if (facts.template !== null) {
    values.text = generatedText(facts.template, facts);
  }
  return updateRecord(db, 'followUp', id, values);
}

/** A template's text from the names and meeting kind a query read (null where there is none). */
function generatedText(
  template: FollowUpTemplate,
  facts: { contact: string; person: string | null; meetingKind: MeetingKind | null },
): string {
  return templateText(template, {
    contact: facts.contact,
    ...(facts.person === null ? {} : { person: facts.person }),
    ...(facts.meetingKind === null ? {} : { meetingKind: facts.meetingKind }),
  });
}
