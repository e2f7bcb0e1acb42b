import type { Note } from '../domain/journal-types.js';
import type { CsvRows } from '../interop/export/csv.js';
import type { ExportTable } from '../interop/export/jsonl.js';
import { listContacts } from './contacts.js';
import { listFollowUps } from './follow-ups.js';
import { listIntroductions } from './intros-report.js';
import type { Db } from './journal.js';
import { listMeetings } from './meetings.js';

/** Every note, the user's included, with its contact's name, by id: one query. */
function allNotes(db: Db): Note[] {
  return (
    db
      .prepare(
        `SELECT n.id, n.contact_id, c.name AS contact_name, n.date, n.text, n.meeting_id
           FROM notes n JOIN contacts c ON c.id = n.contact_id
          ORDER BY n.id`,
      )
      .all() as {
      id: number;
      contact_id: number;
      contact_name: string;
      date: string;
      text: string;
      meeting_id: number | null;
    }[]
  ).map((row) => ({
    id: row.id,
    contact: { id: row.contact_id, name: row.contact_name },
    date: row.date,
    text: row.text,
    meetingId: row.meeting_id,
  }));
}

/**
 * The rows of one csv export table, each kind read with one set-based query:
 * every contact (archived too), meeting, follow-up (done and dropped too),
 * introduction and note.
 */
export function exportRows(db: Db, table: ExportTable): CsvRows {
  switch (table) {
    case 'contacts':
      return { table, rows: listContacts(db, { includeArchived: true }) };
    case 'meetings':
      return { table, rows: listMeetings(db) };
    case 'follow-ups':
      return { table, rows: listFollowUps(db, { all: true }) };
    case 'intros':
      return { table, rows: listIntroductions(db) };
    case 'notes':
      return { table, rows: allNotes(db) };
  }
}
