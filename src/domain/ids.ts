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

/** What done, drop and snooze act on: a follow-up, or a `today` birthday (b12) or reconnect (r12) item. */
export type ItemRef =
  { kind: 'followUp'; id: number } | { kind: 'birthday' | 'reconnect'; contactId: number };

/** An item as typed: 12, #12, b12 (a contact's birthday today), r12 (a reconnect). */
export function parseItemRef(raw: string): ItemRef {
  const handle = /^([br])(\d{1,15})$/i.exec(raw.trim());
  if (handle) {
    return {
      kind: handle[1]?.toLowerCase() === 'b' ? 'birthday' : 'reconnect',
      contactId: Number(handle[2]),
    };
  }
  const match = /^#?(\d{1,15})$/.exec(raw.trim());
  if (!match) {
    throw new UsageError(
      `invalid follow-up id "${raw}"`,
      'give the id shown by today or follow-ups, e.g. 12, or b12 / r12 for a birthday or reconnect',
    );
  }
  return { kind: 'followUp', id: Number(match[1]) };
}
