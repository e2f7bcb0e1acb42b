import { forTerminal } from './sanitize.js';

/** One field a correction changed, with its value before and after (null: empty). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
  /** Free text: shown in quotes, so that where it starts and ends is plain. */
  quoted?: boolean;
}

type Values = Record<string, string | null>;

/**
 * The fields whose value differs between two versions of a record, in the
 * order of `after`'s keys; the ones named in `quoted` are free text.
 */
export function fieldChanges(
  before: Values,
  after: Values,
  quoted: readonly string[] = [],
): FieldChange[] {
  return Object.keys(after)
    .filter((field) => (before[field] ?? null) !== (after[field] ?? null))
    .map((field) => ({
      field,
      before: before[field] ?? null,
      after: after[field] ?? null,
      quoted: quoted.includes(field),
    }));
}

function shown(value: string | null, quoted: boolean | undefined): string {
  if (value === null) return '(none)';
  return quoted ? `"${forTerminal(value)}"` : forTerminal(value);
}

/** `date 2026-11-20 → 2026-11-19, text "a" → "b"`, sanitised for a terminal. */
export function describeChanges(changes: readonly FieldChange[]): string {
  return changes
    .map((c) => `${c.field} ${shown(c.before, c.quoted)} → ${shown(c.after, c.quoted)}`)
    .join(', ');
}
