import { renderDelimited } from './delimited.js';
import type { JsonRecord, RecordFormat, RecordView } from './records.js';
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
  const records: JsonRecord[] = rows.map(view.toRecord);
  switch (format) {
    case 'json':
      return renderJson(records, term);
    case 'jsonl':
      return records.map((r) => JSON.stringify(r) + '\n').join('');
    case 'csv':
    case 'tsv':
      return renderDelimited(records, view.fields, format, opts.header);
  }
}
