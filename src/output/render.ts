import { renderDelimited } from './delimited.js';
import type { RecordFormat, RecordView } from './record-view.js';
import { renderTable } from './table.js';
import type { Terminal } from './terminal.js';

export interface RenderOptions {
  format: RecordFormat;
  term: Terminal;
  today: string;
  /** Print the csv/tsv header row (default true). */
  header: boolean;
}

/** Print a JSON document: two-space indented on a terminal, compact when piped. */
export function renderJson(value: unknown, term: Terminal): string {
  return (term.isTTY ? JSON.stringify(value, null, 2) : JSON.stringify(value)) + '\n';
}

/** A list of records in the chosen format; json is an array ([] when empty). */
export function renderList<R>(
  rows: readonly R[],
  view: RecordView<R>,
  opts: RenderOptions,
): string {
  const { format, term } = opts;
  if (format === 'table') {
    if (rows.length === 0) return term.chalk.dim(view.empty) + '\n';
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
  const { format } = opts;
  if (format === 'csv' || format === 'tsv') {
    if (opts.header) yield renderDelimited([], view.fields, format, true);
    for (const row of rows) yield renderDelimited([view.toRecord(row)], view.fields, format, false);
    return;
  }
  if (format === 'jsonl') {
    for (const row of rows) yield JSON.stringify(view.toRecord(row)) + '\n';
    return;
  }
  // json: byte for byte what JSON.stringify gives for the whole array.
  const pretty = opts.term.isTTY;
  let first = true;
  for (const row of rows) {
    const record = pretty
      ? JSON.stringify(view.toRecord(row), null, 2).replace(/\n/g, '\n  ')
      : JSON.stringify(view.toRecord(row));
    yield (first ? (pretty ? '[\n  ' : '[') : pretty ? ',\n  ' : ',') + record;
    first = false;
  }
  yield first ? '[]\n' : pretty ? '\n]\n' : ']\n';
}
