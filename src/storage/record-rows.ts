import type { FieldSpec, RecordSpec } from '../model/field.js';

/**
 * Rows to records and back, from a record type's declaration: which columns
 * a query selects, and how a row becomes the record the domain uses.
 */

/** The declared fields a record shows (hidden ones left out). */
export function shownFields(spec: RecordSpec): readonly FieldSpec[] {
  let fields = shown.get(spec);
  if (!fields) shown.set(spec, (fields = spec.fields.filter((f) => !f.hidden)));
  return fields;
}

const shown = new WeakMap<RecordSpec, readonly FieldSpec[]>();

/** The SELECT list of a record: its id and every shown field's column, on table alias. */
export function selectColumns(spec: RecordSpec, alias: string): string {
  const columns = shownFields(spec).map((f) => `${alias}.${f.column}`);
  return [`${alias}.id`, ...columns].join(', ');
}

/** One field's value from a stored one (booleans are stored as 0/1). */
export function fieldValue(field: FieldSpec, stored: unknown): unknown {
  if (field.type === 'boolean') return stored === 1;
  return stored ?? null;
}

/** A record (id, then shown fields by key) from a row selected with selectColumns. */
export function recordFromRow(
  spec: RecordSpec,
  row: Record<string, unknown>,
): Record<string, unknown> {
  const record: Record<string, unknown> = { id: row.id };
  for (const field of shownFields(spec)) record[field.key] = fieldValue(field, row[field.column]);
  return record;
}

/** The columns of the given fields, by key (what a write path call takes). */
export function columnsOf(
  spec: RecordSpec,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const field of spec.fields)
    if (field.key in fields) columns[field.column] = fields[field.key];
  return columns;
}
