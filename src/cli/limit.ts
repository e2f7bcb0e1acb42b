import { UsageError } from '../errors.js';

/** `--limit N` of the list commands: a whole number of 1 or more, as typed. */
export function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  if (!/^\d{1,9}$/.test(trimmed) || Number(trimmed) < 1) {
    throw new UsageError(`invalid --limit "${raw}"`, 'give a number of 1 or more, e.g. --limit 20');
  }
  return Number(trimmed);
}
