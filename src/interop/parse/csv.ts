/**
 * CSV reading shared by the LinkedIn, Google and generic formats (csv-parse
 * does the quoting; this module keeps real file line numbers and turns its
 * errors into problems), and the generic format: a header naming our fields,
 * read as netjournal's csv writer wrote them (a defused formula is undone,
 * text is kept as the journal holds it), so that its own csv reads back.
 */
import { CsvError, parse, type InfoRecord, type Options } from 'csv-parse/sync';
import { parseCircle } from '../../domain/contact.js';
import { CONTACT_INPUT_FIELDS } from '../../model/declarations.js';
import type { FieldSpec } from '../../model/field.js';
import { isIsoDate, parseInterval } from '../../domain/dates.js';
import { undefuseFormula } from '../../output/delimited.js';
import {
  RecordChecks,
  blankContact,
  cleanTags,
  freeText,
  oneLine,
  stripBom,
  type ImportedContact,
  type ParseProblem,
  type ParseResult,
} from './types.js';

/** One data row: its fields and the file line where it starts. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** A CSV file as a header, the rows that match it, and the problems of the others. */
export interface CsvTable {
  /** Trimmed header cells; empty when the file has no records at all. */
  header: string[];
  headerLine: number;
  rows: CsvRow[];
  problems: ParseProblem[];
}

// With `raw: true` csv-parse hands on_record the record and its raw text together.
type RawRecord = string[] | { record: string[] };

function countBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

// csv-parse reports the line where a record ends; quoted line breaks say how far back it began.
function breaksInFields(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) if (field.includes('\n')) count += countBreaks(field);
  return count;
}

/**
 * The line where a failed record starts. The raw text runs from the blank
 * lines before the record to where csv-parse gave up, and its line counter
 * does not count a final line break, so neither do we.
 */
function errorStartLine(err: CsvError, offset: number): number {
  const end = typeof err.lines === 'number' ? err.lines : 1;
  const raw = typeof err.raw === 'string' ? err.raw : '';
  const body = raw.replace(/^\s*\n/, '').replace(/\n$/, '');
  return Math.min(end, Math.max(1, end - countBreaks(body))) + offset;
}

const CSV_MESSAGES: Partial<Record<string, string>> = {
  INVALID_OPENING_QUOTE:
    'a quote inside an unquoted field (quote the whole field and double the quote)',
  CSV_INVALID_CLOSING_QUOTE: 'text after the closing quote of a field',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text after the closing quote of a field',
  CSV_MAX_RECORD_SIZE: 'a row too long to read',
};

function csvProblem(err: CsvError, offset: number): ParseProblem {
  const line = errorStartLine(err, offset);
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    const end = (typeof err.lines === 'number' ? err.lines : 1) + offset;
    return { line, message: `unclosed quote: the field that opens here runs to line ${end}` };
  }
  // Unknown codes keep csv-parse's name for the error, not its line (which may be off by a preamble).
  const message =
    CSV_MESSAGES[err.code] ?? `unreadable row (${err.message.split(':')[0] ?? err.code})`;
  return { line, message };
}

/** Read CSV text into a header and rows; `firstLine` is the file line the text starts on. */
export function readCsvTable(text: string, firstLine = 1): CsvTable {
  // csv-parse counts every CR as a line (a quoted CRLF as two); with every break made
  // a LF its count and an editor's agree, and old Mac files (CR only) read too.
  const source = stripBom(text).replace(/\r\n?/g, '\n');
  const offset = firstLine - 1;
  const records: CsvRow[] = [];
  const problems: ParseProblem[] = [];
  const options: Options = {
    raw: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    record_delimiter: '\n',
    on_record: (raw: RawRecord, context: InfoRecord) => {
      const fields = Array.isArray(raw) ? raw : raw.record;
      records.push({ line: context.lines - breaksInFields(fields) + offset, fields });
      return null;
    },
    on_skip: (err: CsvError | undefined) => {
      if (err === undefined) return undefined;
      const problem = csvProblem(err, offset);
      // csv-parse may trip twice over one row while it recovers; one report is enough.
      const last = problems[problems.length - 1];
      if (last?.line !== problem.line || last.message !== problem.message) problems.push(problem);
      return undefined;
    },
  };
  try {
    parse(source, options);
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    problems.push(csvProblem(err, offset));
  }

  const head = records[0];
  if (head === undefined) return { header: [], headerLine: firstLine, rows: [], problems };
  const rows: CsvRow[] = [];
  for (const row of records.slice(1)) {
    if (row.fields.every((field) => field === '')) continue;
    if (row.fields.length === head.fields.length) rows.push(row);
    else {
      problems.push({
        line: row.line,
        message: `expected ${head.fields.length} fields, found ${row.fields.length}`,
      });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { header: head.fields, headerLine: head.line, rows, problems };
}

/** Column positions by lower-cased header cell; the first of a repeated name wins. */
export function columnIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = cell.toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}

/** A column of the generic format: a contact field's key, or one of the parts below. */
type GenericField = string;

// Our own field names, as typed by hand or as `contacts --format csv` writes
// them: each declared contact field's CSV names (model/declarations.ts), and
// the parts that are not one field. A Map, not an object: a header cell named
// "constructor" must not find Object's.
const GENERIC_ALIASES: ReadonlyMap<string, GenericField> = new Map([
  ['name', 'name'],
  ['first name', 'first'],
  ['firstname', 'first'],
  ['last name', 'last'],
  ['lastname', 'last'],
  ...CONTACT_INPUT_FIELDS.flatMap((f) => (f.csv ?? []).map((alias) => [alias, f.key] as const)),
  ['tags', 'tags'],
  ['notes', 'notes'],
  ['note', 'notes'],
  ['created', 'created'],
]);

/** Keep-in-touch days from an `every` cell: an interval (30d, 6w) or, as exported, a bare day count. */
function cadenceFrom(value: string): number | null {
  if (/^\d+$/.test(value)) return parseInterval(`${value}d`);
  return parseInterval(value);
}

/** A declared field's value from a cell, as its input kind reads it; a problem when it is not one. */
function cellValue(
  field: FieldSpec,
  raw: string,
  check: RecordChecks,
  column: string,
): string | number | null {
  switch (field.input) {
    case 'email':
      return check.email(raw, column);
    case 'birthday':
      return check.birthday(raw, column);
    case 'circle':
    case 'interval': {
      const value = oneLine(raw);
      if (value === null) return null;
      try {
        return field.input === 'circle' ? parseCircle(value) : cadenceFrom(value);
      } catch {
        check.invalid(column, value);
        return null;
      }
    }
    default:
      // Text as the journal holds it (trimmed, line breaks and spacing kept), so that
      // netjournal's own csv reads back exactly.
      return freeText(raw);
  }
}

function genericContact(row: CsvRow, cols: Map<GenericField, number>, header: string[]) {
  const check = new RecordChecks(row.line);
  // Every cell as it was before netjournal's csv writer defused it (`'=x` reads `=x`).
  const cell = (field: GenericField): string => {
    const i = cols.get(field);
    return i === undefined ? '' : undefuseFormula(row.fields[i] ?? '');
  };
  const column = (field: GenericField): string => header[cols.get(field) ?? -1] ?? field;
  const name =
    freeText(cell('name')) === null
      ? check.name(`${cell('first')} ${cell('last')}`)
      : check.name(cell('name'), row.line, freeText);
  const contact: ImportedContact = blankContact(row.line, name ?? '');
  const fields = contact as unknown as Record<string, unknown>;
  for (const field of CONTACT_INPUT_FIELDS) {
    const raw = cell(field.key);
    fields[field.key] = cellValue(field, raw, check, column(field.key));
  }
  contact.tags = cleanTags(cell('tags').split(';'));
  const note = freeText(cell('notes'));
  if (note !== null) contact.notes = [note];
  const created = oneLine(cell('created'));
  if (created !== null) {
    if (isIsoDate(created)) contact.created = created;
    else check.invalid(column('created'), created);
  }
  return { contact, check };
}

/** Parse a CSV whose header names our fields (name, company, role, email, …; any case). */
export function parseCsv(text: string): ParseResult {
  const table = readCsvTable(text);
  const problems = [...table.problems];
  const contacts: ImportedContact[] = [];
  if (table.header.length === 0) return { contacts, problems };

  const cols = new Map<GenericField, number>();
  table.header.forEach((cell, i) => {
    const field = GENERIC_ALIASES.get(cell.toLowerCase());
    if (field !== undefined && !cols.has(field)) cols.set(field, i);
  });
  if (!cols.has('name') && !cols.has('first') && !cols.has('last')) {
    problems.unshift({
      line: table.headerLine,
      message: 'no "name" column in the header (expected name, company, role, email, …)',
    });
    return { contacts, problems };
  }
  for (const row of table.rows) {
    const { contact, check } = genericContact(row, cols, table.header);
    if (check.ok) contacts.push(contact);
    else problems.push(...check.problems);
  }
  problems.sort((a, b) => a.line - b.line);
  return { contacts, problems };
}
