import type { Contact } from '../../domain/contact.js';
import type { JsonRecord, JsonValue, RecordView } from '../../output/record-view.js';
import { csvField } from '../../output/sanitize.js';
import { contactView } from '../../output/views/contacts.js';
import {
  followUpView,
  introductionView,
  meetingView,
  noteView,
} from '../../output/views/journal-views.js';
import { listContacts, ME_ID } from '../../storage/contacts.js';
import { listFollowUps } from '../../storage/follow-ups.js';
import { listIntroductions } from '../../storage/intros-report.js';
import type { Db } from '../../storage/journal.js';
import { listMeetings } from '../../storage/meetings.js';
import { notesOf } from '../../storage/notes.js';
import type { ExportTable } from './jsonl.js';

// What a spreadsheet may run as a formula when a cell starts with it (OWASP, CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Defuse a text cell a spreadsheet would run as a formula: one starting with
 * `=`, `+`, `-`, `@`, tab or CR gets a leading `'`. Applied to every text
 * cell, phone numbers like `+49 30 1234` included (a spreadsheet would turn
 * them into numbers or errors anyway); numbers and booleans are left alone.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One csv cell: null empty, numbers and booleans as they are, text (and lists) defused, then quoted per RFC 4180. */
export function csvCell(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return csvField(defuseFormula(value));
  const text = Array.isArray(value)
    ? value
        .map((v) => (v === null || typeof v !== 'object' ? String(v) : JSON.stringify(v)))
        .join(',')
    : JSON.stringify(value);
  return csvField(defuseFormula(text));
}

/** Records as one csv table: a header row (unless `header` is false), one LF-ended line each. */
export function renderCsv(
  records: readonly JsonRecord[],
  fields: readonly string[],
  header = true,
): string {
  const lines = header ? [fields.map((f) => csvField(defuseFormula(f))).join(',')] : [];
  for (const record of records) lines.push(fields.map((f) => csvCell(record[f])).join(','));
  return lines.map((line) => line + '\n').join('');
}

/** A csv table's rows, read with the same views the list commands print. */
export interface CsvTable {
  fields: readonly string[];
  records: JsonRecord[];
}

function table<R extends { id: number }>(rows: R[], view: RecordView<R>): CsvTable {
  const byId = [...rows].sort((a, b) => a.id - b.id);
  return { fields: view.fields, records: byId.map(view.toRecord) };
}

/**
 * One kind of record as csv rows, by id like the jsonl export: every
 * contact (archived too), meeting, follow-up (done and dropped too),
 * introduction and note. A journal that does not exist gives no rows.
 */
export function csvTable(db: Db | null, what: ExportTable): CsvTable {
  const contacts: Contact[] = db ? listContacts(db, { includeArchived: true }) : [];
  switch (what) {
    case 'contacts':
      return table(contacts, contactView);
    case 'meetings':
      return table(db ? listMeetings(db) : [], meetingView);
    case 'follow-ups':
      return table(db ? listFollowUps(db, { all: true }) : [], followUpView);
    case 'intros':
      return table(db ? listIntroductions(db) : [], introductionView);
    case 'notes': {
      // Every note belongs to a contact, the user included.
      const owners = [ME_ID, ...contacts.map((c) => c.id)];
      return table(db ? owners.flatMap((id) => notesOf(db, id)) : [], noteView);
    }
  }
}
