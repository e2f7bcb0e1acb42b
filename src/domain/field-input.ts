import type { FieldSpec } from '../model/field.js';
import { parseCircle, parseEmail } from './contact.js';
import { parseBirthday, parseInterval } from './dates.js';

/** Trimmed text, or null for an empty string. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A value typed for a declared field (model/field.ts's input kinds), checked
 * and normalised; throws UsageError with examples. When editing, an empty
 * value clears the field (and `none` clears a circle or a cadence).
 */
export function readInput(
  field: FieldSpec,
  raw: string,
  today: string,
  mode: 'add' | 'edit',
): string | number | null {
  const text = textOrNull(raw);
  switch (field.input) {
    case 'email':
      return text === null ? null : parseEmail(text);
    case 'circle':
      return text === null || (mode === 'edit' && text.toLowerCase() === 'none')
        ? null
        : parseCircle(text);
    case 'interval':
      return mode === 'edit' && text === null ? null : parseInterval(raw);
    case 'birthday':
      return text === null ? null : parseBirthday(text, today);
    default:
      return text;
  }
}
