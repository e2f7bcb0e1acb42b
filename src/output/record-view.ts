import type { Terminal } from './terminal.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export type JsonRecord = Record<string, JsonValue>;

/** Every format a list of records can be printed in. */
export const RECORD_FORMATS = ['table', 'json', 'jsonl', 'csv', 'tsv'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** One column of the terminal table. */
export interface TableColumn<R> {
  header: string;
  /** Plain text of the cell (sanitised and truncated by the table). */
  text: (row: R) => string;
  /** Colour applied after truncation. */
  style?: (text: string, row: R, term: Terminal) => string;
  /** Gives up width when the table is too wide: 'first' columns before 'last' ones. */
  shrink?: 'first' | 'last';
  /** Too wide, its text wraps at spaces onto more lines of its row instead of being cut. */
  wrap?: boolean;
  align?: 'left' | 'right';
}

/** How one kind of record is shown: stable fields for machines, columns for people. */
export interface RecordView<R> {
  /** Field names in order: the JSON keys and the csv/tsv header. */
  fields: readonly string[];
  toRecord: (row: R) => JsonRecord;
  columns: (today: string) => TableColumn<R>[];
  /** Said on a terminal when there is nothing to show. */
  empty: string;
}
