import { UsageError } from '../errors.js';

/** A record id as typed: 12 or #12. */
export function parseId(raw: string, what: string): number {
  const match = /^#?(\d{1,15})$/.exec(raw.trim());
  if (!match)
    throw new UsageError(
      `invalid ${what} id "${raw}"`,
      `give the number shown in the list, e.g. 12`,
    );
  return Number(match[1]);
}
