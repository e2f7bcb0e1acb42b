import { RECORDS } from '../model/declarations.js';
import type { RecordType } from '../model/field.js';

/**
 * Sync's words for people: "3 changes in from desktop, 5 out" and "Grace
 * Hopper's company — kept US Navy (desktop, 2026-11-30), was Navy (laptop)".
 */

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "3 changes in from desktop, 1 from phone, 5 out" (or "0 changes in, 5 out"). */
export function describeTraffic(incoming: Record<string, number>, out: number): string {
  const parts = Object.entries(incoming)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, n], i) =>
      i === 0 ? `${plural(n, 'change')} in from ${name}` : `${n} from ${name}`,
    );
  if (parts.length === 0) parts.push('0 changes in');
  return `${parts.join(', ')}, ${out} out`;
}

/** A conflict's parts, values as the log keeps them (JSON text). */
export interface ConflictText {
  record: string;
  /** The record's name ("Grace Hopper", "follow-up #4"). */
  label: string;
  field: string;
  kept: string | null;
  keptDevice: string;
  keptHlc: string;
  lost: string | null;
  lostDevice: string;
}

/** The field's name as people read it: its label, else its key ("company"). */
export function fieldName(record: string, column: string): string {
  const spec = (RECORDS as Record<string, (typeof RECORDS)[RecordType] | undefined>)[record];
  const field = spec?.fields.find((f) => f.column === column);
  return field?.label ?? field?.key ?? column;
}

function shown(json: string | null): string {
  const value: unknown = json === null ? null : JSON.parse(json);
  if (value === null || value === '') return 'nothing';
  return String(value);
}

/** "Grace Hopper's company — kept US Navy (desktop, 2026-11-30), was Navy (laptop)" */
export function describeConflict(c: ConflictText): string {
  return (
    `${c.label}'s ${fieldName(c.record, c.field)} — kept ${shown(c.kept)} ` +
    `(${c.keptDevice}, ${c.keptHlc.slice(0, 10)}), was ${shown(c.lost)} (${c.lostDevice})`
  );
}

/** The lines sync ends with when fields changed on two devices. */
export function describeConflicts(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  const head = `${plural(lines.length, 'field')} changed on both devices`;
  if (lines.length === 1) return `${head}: ${lines[0]}`;
  return `${head}:\n${lines.map((l) => `  ${l}`).join('\n')}`;
}
