import type { JsonRecord, JsonValue } from './record-view.js';
import { csvField, tsvField } from './sanitize.js';

function plain(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => plain(v)).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Records as CSV (RFC 4180, CRLF-free: one LF per record) or TSV with a header row. */
export function renderDelimited(
  records: readonly JsonRecord[],
  fields: readonly string[],
  format: 'csv' | 'tsv',
  header = true,
): string {
  const sep = format === 'csv' ? ',' : '\t';
  const field = format === 'csv' ? csvField : tsvField;
  const lines: string[] = [];
  if (header) lines.push(fields.map(field).join(sep));
  for (const record of records) {
    lines.push(fields.map((f) => field(plain(record[f]))).join(sep));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
