import type { Gift, Note } from '../domain/journal-types.js';
import type { Db } from './journal.js';
import { insertRecord } from './write.js';
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

function insert(db: Db, table: Table, n: DatedTextInput, created: string): number {
  return insertRecord(db, table === 'notes' ? 'note' : 'gift', {
    contact_id: n.contactId,
    date: n.date,
    text: n.text,
    meeting_id: n.meetingId ?? null,
    created,
  });
}

function list(db: Db, table: Table, where: string, param: number): (Note & Gift)[] {
  return (
    statement(
      db,
      `SELECT n.id, n.contact_id, c.name AS contact_name, n.date, n.text, n.meeting_id
           FROM ${table} n JOIN contacts c ON c.id = n.contact_id
          WHERE ${where} ORDER BY n.date DESC, n.id DESC`,
    ).all(param) as TextRow[]
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
