import type { JsonRecord, JsonValue } from './record-view.js';
import { csvField, forTerminal, tsvField } from './sanitize.js';

// What a spreadsheet may run as a formula when a cell starts with it (OWASP, CSV injection),
// after any quotes: text that already starts with a quote gets one more, so that reading
// drops exactly one again and every text round-trips (`'=x` is written `''=x`).
const FORMULA_START = /^'*[=+\-@\t\r]/;
const DEFUSED = /^'+[=+\-@\t\r]/;

/**
 * Defuse a text cell a spreadsheet would run as a formula: one starting with
 * `=`, `+`, `-`, `@`, tab or CR (after any quotes) gets a leading `'`.
 * Applied to every text cell, phone numbers like `+49 30 1234` included (a
 * spreadsheet would turn them into numbers or errors anyway); numbers and
 * booleans are left alone. `undefuseFormula` reverses it exactly.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * What `import` reads from a csv cell: the text defuseFormula was given. A
 * cell of quotes then a formula start loses one quote; any other cell (a
 * real `'quoted` text too) is kept as it is.
 */
export function undefuseFormula(cell: string): string {
  return DEFUSED.test(cell) ? cell.slice(1) : cell;
}

// A value as cell text: null empty, lists joined by commas, objects as JSON.
function plain(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => plain(v)).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * One csv cell: null empty, numbers and booleans as they are, text (and
 * lists) defused, then quoted per RFC 4180. For a terminal, controls and
 * line breaks are shown escaped instead of written raw.
 */
export function csvCell(value: JsonValue | undefined, terminal = false): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = defuseFormula(plain(value));
  return csvField(terminal ? forTerminal(text) : text);
}

/** One tsv cell: controls escaped; for a terminal, bidi controls too. */
function tsvCell(value: JsonValue | undefined, terminal: boolean): string {
  const text = tsvField(plain(value));
  return terminal ? forTerminal(text) : text;
}

/**
 * Records as CSV (RFC 4180, CRLF-free: one LF per record, formula-like text
 * defused) or TSV (controls escaped), with a header row unless `header` is
 * false. When `terminal` is set (stdout is one) no cell writes a raw control
 * or bidi character: csv cells are escaped as forTerminal does, so piped csv
 * alone keeps line breaks inside quoted cells. The one writer of both: list
 * commands, reports and `export --format csv`.
 */
export function renderDelimited(
  records: readonly JsonRecord[],
  fields: readonly string[],
  format: 'csv' | 'tsv',
  header = true,
  terminal = false,
): string {
  const sep = format === 'csv' ? ',' : '\t';
  const cell =
    format === 'csv'
      ? (value: JsonValue | undefined) => csvCell(value, terminal)
      : (value: JsonValue | undefined) => tsvCell(value, terminal);
  const lines: string[] = [];
  if (header) lines.push(fields.map(cell).join(sep));
  for (const record of records) {
    lines.push(fields.map((f) => cell(record[f])).join(sep));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
