import type { Circle, Contact } from './contact.js';
import { addDays } from './dates.js';

/** Default keep-in-touch cadence (days) per circle, from the journal's settings. */
export type CircleCadences = Partial<Record<Circle, number>>;

/**
 * A keep-in-touch cadence as every page and table says it: "every 30 days"
 * (the days it is kept in; `--every 1m` is 30). The reconnect text in
 * `today --json` says it this way too, so scripts and people read one form.
 */
export function cadenceWords(days: number): string {
  return `every ${days} day${days === 1 ? '' : 's'}`;
}

/** A contact's cadence: their own, else their circle's default, else none. */
export function effectiveCadence(contact: Contact, defaults: CircleCadences): number | null {
  if (contact.cadenceDays !== null) return contact.cadenceDays;
  return contact.circle ? (defaults[contact.circle] ?? null) : null;
}

/** When the contact is next due a reconnect: last meeting (or creation) plus the cadence. */
export function reconnectDue(contact: Contact, defaults: CircleCadences): string | null {
  const cadence = effectiveCadence(contact, defaults);
  if (cadence === null) return null;
  return addDays(contact.lastMet ?? contact.created, cadence);
}

/** Non-archived contacts whose keep-in-touch date is today or earlier. */
export function staleContacts(
  contacts: readonly Contact[],
  today: string,
  defaults: CircleCadences,
): Contact[] {
  return contacts.filter((c) => {
    if (c.archived) return false;
    const due = reconnectDue(c, defaults);
    return due !== null && due <= today;
  });
}
