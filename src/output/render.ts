import { renderDelimited } from './delimited.js';
import type { RecordFormat, RecordView } from './record-view.js';
import { jsonForTerminal } from './sanitize.js';
import { renderTable } from './table.js';
import type { Terminal } from './terminal.js';
import { wrapText } from './wrap.js';

export interface RenderOptions {
  format: RecordFormat;
  term: Terminal;
  today: string;
  /** Print the csv/tsv header row (default true). */
  header: boolean;
}

// JSON for where it goes: on a terminal the controls JSON.stringify leaves raw are escaped
// too (the value read back is the same); piped, exactly JSON.stringify's text.
function jsonText(value: unknown, term: Terminal, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  return term.isTTY ? jsonForTerminal(json) : json;
}

/** Print a JSON document: two-space indented on a terminal, compact when piped. */
export function renderJson(value: unknown, term: Terminal): string {
  return jsonText(value, term, term.isTTY ? 2 : undefined) + '\n';
}

/** One jsonl line: compact JSON and a LF, with no raw control character on a terminal. */
export function renderJsonLine(value: unknown, term: Terminal): string {
  return jsonText(value, term) + '\n';
}

/** A list of records in the chosen format; json is an array ([] when empty). */
export function renderList<R>(
  rows: readonly R[],
  view: RecordView<R>,
  opts: RenderOptions,
): string {
  const { format, term } = opts;
  if (format === 'table') {
    // The empty list's hint is for a person: wrapped on a terminal.
    if (rows.length === 0) {
      const hint = term.isTTY ? wrapText(view.empty, term.columns) : view.empty;
      return (
        hint
          .split('\n')
          .map((line) => term.chalk.dim(line))
          .join('\n') + '\n'
      );
    }
    return renderTable(rows, view.columns(opts.today), term);
  }
  return [...listChunks(rows, view, { ...opts, format })].join('');
}

/**
 * The same list as renderList (json, jsonl, csv or tsv: the formats that need
 * no column widths) one record at a time, so that a long list can be written
 * as it is read and `… | head` stops the reading early.
 */
export function* listChunks<R>(
  rows: Iterable<R>,
  view: RecordView<R>,
  opts: RenderOptions & { format: Exclude<RecordFormat, 'table'> },
): Generator<string> {
  const { format, term } = opts;
  if (format === 'csv' || format === 'tsv') {
    const { fields } = view;
    if (opts.header) yield renderDelimited([], fields, format, true, term.isTTY);
    for (const row of rows) {
      yield renderDelimited([view.toRecord(row)], fields, format, false, term.isTTY);
    }
    return;
  }
  if (format === 'jsonl') {
    for (const row of rows) yield renderJsonLine(view.toRecord(row), term);
    return;
  }
  // json: byte for byte what renderJson gives for the whole array.
  const pretty = term.isTTY;
  let first = true;
  for (const row of rows) {
    const record = pretty
      ? jsonText(view.toRecord(row), term, 2).replace(/\n/g, '\n  ')
      : jsonText(view.toRecord(row), term);
    yield (first ? (pretty ? '[\n  ' : '[') : pretty ? ',\n  ' : ',') + record;
    first = false;
  }
  yield first ? '[]\n' : pretty ? '\n]\n' : ']\n';
}
