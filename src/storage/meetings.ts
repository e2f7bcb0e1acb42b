import type { ContactRef, Meeting, MeetingKind } from '../domain/journal-types.js';
import { refreshGeneratedTexts } from './follow-ups.js';
import type { Db } from './journal.js';
import { deleteRecord, insertRecord, updateRecord } from './write.js';
import { statement } from './sqlite.js';

interface MeetingRow {
  id: number;
  date: string;
  kind: MeetingKind;
  notes: string | null;
  outreach: number;
  people: string | null;
}

// Participants come back as "id<US>name<RS>id<US>name…" in one column.
const SELECT_MEETING = `
  SELECT m.id, m.date, m.kind, m.notes, m.outreach,
         (SELECT group_concat(c.id || char(31) || c.name, char(30) ORDER BY c.name COLLATE NOCASE, c.id)
            FROM meeting_contacts mc JOIN contacts c ON c.id = mc.contact_id
           WHERE mc.meeting_id = m.id) AS people
    FROM meetings m`;

function toMeeting(row: MeetingRow): Meeting {
  const contacts: ContactRef[] = row.people
    ? row.people.split('\u001e').map((p) => {
        const [id = '0', ...name] = p.split('\u001f');
        return { id: Number(id), name: name.join('\u001f') };
      })
    : [];
  return {
    id: row.id,
    date: row.date,
    kind: row.kind,
    notes: row.notes,
    outreach: row.outreach === 1,
    contacts,
  };
}

export interface MeetingInput {
  date: string;
  kind: MeetingKind;
  notes: string | null;
  outreach: boolean;
}

/** Store a meeting with its participants; returns its id. */
export function insertMeeting(
  db: Db,
  m: MeetingInput,
  contactIds: readonly number[],
  created: string,
): number {
  const id = insertRecord(db, 'meeting', { ...m, created });
  setParticipants(db, id, contactIds);
  return id;
}

/** Replace a meeting's participants. */
export function setParticipants(db: Db, meetingId: number, contactIds: readonly number[]): void {
  const current = statement(db, 'SELECT contact_id FROM meeting_contacts WHERE meeting_id = ?')
    .all(meetingId)
    .map((r) => (r as { contact_id: number }).contact_id);
  for (const contactId of current)
    if (!contactIds.includes(contactId))
      deleteRecord(db, 'participant', { meeting_id: meetingId, contact_id: contactId });
  for (const contactId of contactIds)
    insertRecord(db, 'participant', { meeting_id: meetingId, contact_id: contactId });
}

/** Change a meeting's date, kind or notes. */
export function updateMeeting(db: Db, id: number, m: MeetingInput): void {
  updateRecord(db, 'meeting', id, { ...m });
  // A thank-you says what kind of meeting it was.
  refreshGeneratedTexts(db, { meetingIds: [id] });
}

/** Remove a meeting (participants go with it; notes and gifts keep their text). */
export function deleteMeeting(db: Db, id: number): void {
  deleteRecord(db, 'meeting', id);
}

/** One meeting, or undefined. */
export function meetingById(db: Db, id: number): Meeting | undefined {
  const row = statement(db, `${SELECT_MEETING} WHERE m.id = ?`).get(id) as MeetingRow | undefined;
  return row ? toMeeting(row) : undefined;
}

export interface MeetingFilter {
  contactId?: number;
  since?: string;
  kind?: MeetingKind;
  limit?: number;
}

/** Meetings, newest first. */
export function listMeetings(db: Db, filter: MeetingFilter = {}): Meeting[] {
  const { sql, params } = meetingsQuery(filter);
  return (statement(db, sql).all(params) as MeetingRow[]).map(toMeeting);
}

/** The same meetings as listMeetings, read one at a time (in the order of the date index). */
export function* iterateMeetings(db: Db, filter: MeetingFilter = {}): Generator<Meeting> {
  const { sql, params } = meetingsQuery(filter);
  for (const row of db.prepare(sql).iterate(params)) yield toMeeting(row as MeetingRow);
}

function meetingsQuery(filter: MeetingFilter): {
  sql: string;
  params: Record<string, string | number>;
} {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.contactId !== undefined) {
    where.push('m.id IN (SELECT meeting_id FROM meeting_contacts WHERE contact_id = @contactId)');
    params.contactId = filter.contactId;
  }
  if (filter.since) {
    where.push('m.date >= @since');
    params.since = filter.since;
  }
  if (filter.kind) {
    where.push('m.kind = @kind');
    params.kind = filter.kind;
  }
  const sql =
    `${SELECT_MEETING} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}` +
    ` ORDER BY m.date DESC, m.id DESC` +
    (filter.limit ? ` LIMIT ${Math.floor(filter.limit)}` : '');
  return { sql, params };
}

/** How many meetings a contact has, leaving one out. */
export function meetingCount(db: Db, contactId: number, exceptMeetingId = -1): number {
  const row = statement(
    db,
    'SELECT count(*) AS n FROM meeting_contacts WHERE contact_id = ? AND meeting_id <> ?',
  ).get(contactId, exceptMeetingId) as { n: number };
  return row.n;
}
