import type { Gift, Note } from '../domain/journal-types.js';
import type { Db } from './journal.js';
import { deleteRecord, insertRecord, updateRecord } from './write.js';
import { statement } from './sqlite.js';

interface TextRow {
  id: number;
  contact_id: number;
  contact_name: string;
  date: string;
  text: string;
  meeting_id: number | null;
}

function toRecord(row: TextRow): Note & Gift {
  return {
    id: row.id,
    contact: { id: row.contact_id, name: row.contact_name },
    date: row.date,
    text: row.text,
    meetingId: row.meeting_id,
  };
}

export interface DatedTextInput {
  contactId: number;
  date: string;
  text: string;
  meetingId?: number | null;
}

// Notes (things learned) and gifts (things given) have the same shape.
type Table = 'notes' | 'gifts';

/** Which of the two dated-text records: a note (a thing learned) or a gift (a thing given). */
export type DatedTextKind = 'note' | 'gift';

const TABLE: Record<DatedTextKind, Table> = { note: 'notes', gift: 'gifts' };

function insert(db: Db, table: Table, n: DatedTextInput, created: string): number {
  return insertRecord(db, table === 'notes' ? 'note' : 'gift', {
    contact_id: n.contactId,
    date: n.date,
    text: n.text,
    meeting_id: n.meetingId ?? null,
    created,
  });
}

function list(db: Db, table: Table, where: string, ...params: number[]): (Note & Gift)[] {
  return (
    statement(
      db,
      `SELECT n.id, n.contact_id, c.name AS contact_name, n.date, n.text, n.meeting_id
           FROM ${table} n JOIN contacts c ON c.id = n.contact_id
          WHERE ${where} ORDER BY n.date DESC, n.id DESC`,
    ).all(...params) as TextRow[]
  ).map(toRecord);
}

/** Remember a thing learned about a contact; returns its id. */
export function insertNote(db: Db, n: DatedTextInput, created: string): number {
  return insert(db, 'notes', n, created);
}

/** Record something given to a contact; returns its id. */
export function insertGift(db: Db, g: DatedTextInput, created: string): number {
  return insert(db, 'gifts', g, created);
}

/** Things learned about a contact, newest first. */
export function notesOf(db: Db, contactId: number): Note[] {
  return list(db, 'notes', 'n.contact_id = ?', contactId);
}

/** Things given to a contact, newest first. */
export function giftsOf(db: Db, contactId: number): Gift[] {
  return list(db, 'gifts', 'n.contact_id = ?', contactId);
}

/** Notes taken at a meeting. */
export function notesOfMeeting(db: Db, meetingId: number): Note[] {
  return list(db, 'notes', 'n.meeting_id = ?', meetingId);
}

/** Gifts given at a meeting. */
export function giftsOfMeeting(db: Db, meetingId: number): Gift[] {
  return list(db, 'gifts', 'n.meeting_id = ?', meetingId);
}

/** One note or gift by id, or undefined. */
export function datedTextById(db: Db, kind: DatedTextKind, id: number): (Note & Gift) | undefined {
  return list(db, TABLE[kind], 'n.id = ?', id)[0];
}

/** Every note or gift, or one contact's, newest first. */
export function listDatedTexts(db: Db, kind: DatedTextKind, contactId?: number): (Note & Gift)[] {
  return contactId === undefined
    ? list(db, TABLE[kind], '1 = 1')
    : list(db, TABLE[kind], 'n.contact_id = ?', contactId);
}

/** Correct a note's or gift's text or date; returns whether anything changed. */
export function updateDatedText(
  db: Db,
  kind: DatedTextKind,
  id: number,
  changes: { text?: string; date?: string },
): boolean {
  const values: Record<string, string> = {};
  if (changes.text !== undefined) values.text = changes.text;
  if (changes.date !== undefined) values.date = changes.date;
  return updateRecord(db, kind, id, values);
}

/** Remove a note or gift; returns whether it existed. */
export function deleteDatedText(db: Db, kind: DatedTextKind, id: number): boolean {
  return deleteRecord(db, kind, id);
}
