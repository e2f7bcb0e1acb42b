import type { Contact } from '../../domain/contact.js';
import type { FollowUp, Introduction, Meeting, Note } from '../../domain/journal-types.js';
import { csvCell, defuseFormula, renderDelimited } from '../../output/delimited.js';
import {
  CONTACT_FIELDS,
  FOLLOW_UP_FIELDS,
  INTRODUCTION_FIELDS,
  MEETING_FIELDS,
  NOTE_FIELDS,
  contactRecord,
  followUpRecord,
  introductionRecord,
  meetingRecord,
  noteRecord,
} from '../../output/record-fields.js';
import type { JsonRecord } from '../../output/record-view.js';

// One csv writer for the list commands and the export: cells are defused the same way.
export { csvCell, defuseFormula };

/**
 * Records as one csv table: a header row (unless `header` is false), one
 * LF-ended line each; `terminal` when it is shown on one (controls escaped).
 */
export function renderCsv(
  records: readonly JsonRecord[],
  fields: readonly string[],
  header = true,
  terminal = false,
): string {
  return renderDelimited(records, fields, 'csv', header, terminal);
}

/** The rows of one kind of record, as storage reads them for the export. */
export type CsvRows =
  | { table: 'contacts'; rows: Contact[] }
  | { table: 'meetings'; rows: Meeting[] }
  | { table: 'follow-ups'; rows: FollowUp[] }
  | { table: 'intros'; rows: Introduction[] }
  | { table: 'notes'; rows: Note[] };

/** A csv table's header fields and records, in the list commands' record shape. */
export interface CsvTable {
  fields: readonly string[];
  records: JsonRecord[];
}

function byId<R extends { id: number }>(
  rows: readonly R[],
  fields: readonly string[],
  toRecord: (row: R) => JsonRecord,
): CsvTable {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  return { fields, records: sorted.map(toRecord) };
}

/** One kind of record as csv records, by id like the jsonl export. */
export function csvTable(rows: CsvRows): CsvTable {
  switch (rows.table) {
    case 'contacts':
      return byId(rows.rows, CONTACT_FIELDS, contactRecord);
    case 'meetings':
      return byId(rows.rows, MEETING_FIELDS, meetingRecord);
    case 'follow-ups':
      return byId(rows.rows, FOLLOW_UP_FIELDS, followUpRecord);
    case 'intros':
      return byId(rows.rows, INTRODUCTION_FIELDS, introductionRecord);
    case 'notes':
      return byId(rows.rows, NOTE_FIELDS, noteRecord);
  }
}

/** What a journal that does not exist yet exports as a csv table: no rows. */
export function emptyCsvRows(table: CsvRows['table']): CsvRows {
  return { table, rows: [] } as CsvRows;
}
