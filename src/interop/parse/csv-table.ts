/**
 * CSV reading shared by every CSV format: csv-parse does the quoting; this
 * module keeps real file line numbers, turns csv-parse's errors into
 * problems, and holds each row to the header's width.
 */
import { CsvError, parse, type InfoRecord, type Options } from 'csv-parse/sync';
import { readPlainCsv } from './csv-fast.js';
import { stripBom, type ParseProblem } from './types.js';

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
  const plain = readPlainCsv(source);
  const { records, problems } = plain
    ? {
        records: plain.map((r) => ({ line: r.line + offset, fields: r.fields })),
        problems: [] as ParseProblem[],
      }
    : readWithCsvParse(source, offset);
  return tableOf(records, problems, firstLine);
}

/** Records and problems as csv-parse reads them: any CSV, with its errors located. */
export function readWithCsvParse(
  source: string,
  offset: number,
): { records: CsvRow[]; problems: ParseProblem[] } {
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
  return { records, problems };
}

/** The header, the rows as wide as it, and a problem for each other row. */
function tableOf(records: CsvRow[], problems: ParseProblem[], firstLine: number): CsvTable {
  const head = records[0];
  if (head === undefined) return { header: [], headerLine: firstLine, rows: [], problems };
  const width = head.fields.length;
  const rows: CsvRow[] = [];
  for (const row of records.slice(1)) {
    const { fields } = row;
    // Outlook ends every row with a delimiter: one empty field past the header is no field.
    if (fields.length === width + 1 && fields[width] === '') fields.pop();
    if (fields.length === width) rows.push(row);
    // A line of blanks is no row; a row of empty fields is one (LinkedIn writes them for
    // hidden connections), for its parser to count.
    else if (!fields.every((field) => field === '')) {
      problems.push({
        line: row.line,
        message: `expected ${width} fields, found ${fields.length}`,
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
