/**
 * How a record type is declared: each field once, with everything that is
 * derived from it (SQL lists, change-log fields, undo, table_info checks,
 * jsonl keys, CSV and vCard mappings, merge's fill list).
 */

/** Every kind of record the journal holds; the change log names them so. */
export const RECORD_TYPES = [
  'contact',
  'tag',
  'meeting',
  'participant',
  'note',
  'introduction',
  'followUp',
  'gift',
  'setting',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** How a value is stored: SQLite type affinity, and what the change log keeps. */
export type FieldType = 'text' | 'integer' | 'boolean' | 'date' | 'ref';

export interface FieldSpec {
  /** camelCase name in records and jsonl. */
  key: string;
  /** SQL column. */
  column: string;
  type: FieldType;
  /** NOT NULL in the table. */
  required?: boolean;
  /** The column's default, used when a write does not set it. */
  default?: string | number;
  /** For refs: the record type referred to (its local id is stored; the log keeps its uid). */
  ref?: RecordType;
  /** For refs: what removing the referred record does to this one. */
  onDelete?: 'cascade' | 'null';
  /** Kept by the database itself (triggers); never written, never logged. */
  derived?: boolean;
  /** The command-line option that sets it (contact add/edit). */
  flag?: string;
  /** Header names other programs' CSV files use for it (lower case). */
  csv?: readonly string[];
  /** The vCard property that carries it. */
  vcard?: string;
  /** Part of the record's search document. */
  searchable?: boolean;
  /** `contact merge` fills it on KEEP from OTHER when KEEP has none. */
  mergeFill?: boolean;
}

export interface RecordSpec {
  type: RecordType;
  table: string;
  /**
   * 'uid': an entity with a short local id (`id`) and a stable uid column.
   * Otherwise the columns whose values identify a row (links and settings);
   * its stable id is made from them (see stableKey in storage/write.ts).
   */
  identity: 'uid' | readonly string[];
  fields: readonly FieldSpec[];
  /** Rows the journal holds that are not user data (the user's own contact). */
  internal?: string;
}

/** The fields a write sets: everything but derived fields. */
export function writableFields(spec: RecordSpec): FieldSpec[] {
  return spec.fields.filter((f) => !f.derived);
}

/** Every column of the table, as declared (id and uid first for entities). */
export function declaredColumns(spec: RecordSpec): string[] {
  const own = spec.fields.map((f) => f.column);
  return spec.identity === 'uid' ? ['id', 'uid', ...own] : own;
}
