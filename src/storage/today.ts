import type { Contact } from '../domain/contact.js';
import type { FollowUp } from '../domain/journal-types.js';
import { contactById, listContacts, type ContactFilter } from './contacts.js';
import { SELECT_FOLLOW_UP, toFollowUp, type FollowUpRow } from './follow-ups.js';
import { addDays } from '../domain/dates.js';
import {
  birthdayMonthDays,
  buildToday,
  reconnectDue,
  type BirthdayContact,
  type ReconnectContact,
  type TodayItem,
} from '../domain/today.js';
import type { Db } from './journal.js';
import { statement } from './sqlite.js';
import { updateRecord } from './write.js';

/** Open follow-ups due on or before a date (the partial index on open follow-ups serves it). */
function openFollowUpsDueBy(db: Db, date: string): FollowUp[] {
  const rows = db
    .prepare(`${SELECT_FOLLOW_UP} WHERE f.status = 'open' AND f.due <= ?`)
    .all(date) as FollowUpRow[];
  return rows.map(toFollowUp);
}

/**
 * Non-archived contacts whose birthday (MM-DD or YYYY-MM-DD) falls on one of
 * these month-days (the contacts_birthday_day index of 0004 serves it).
 */
function birthdaysOn(db: Db, monthDays: readonly string[], today: string): BirthdayContact[] {
  const marks = monthDays.map(() => '?').join(', ');
  // Gone for the year once marked done or dropped, and for the day once you met.
  return db
    .prepare(
      `SELECT id, name, birthday FROM contacts
        WHERE birthday IS NOT NULL AND substr(birthday, -5) IN (${marks}) AND is_me = 0 AND archived = 0
          AND (birthday_done IS NULL OR birthday_done <> ?) AND (last_met IS NULL OR last_met <> ?)`,
    )
    .all(...monthDays, Number(today.slice(0, 4)), today) as BirthdayContact[];
}

/**
 * Non-archived contacts with a cadence (their own, else their circle's
 * default) whose last meeting (or creation) plus the cadence is today or
 * earlier (and not snoozed past it: reconnect_after), and who have no open follow-up. next_touch (0004_next_touch.sql)
 * holds that date, kept by triggers, so this is a range read of its index;
 * the cadence comes from the same view that defines next_touch.
 */
export function reconnectsDue(db: Db, today: string): ReconnectContact[] {
  return statement(
    db,
    `SELECT c.id, c.name, c.last_met AS lastMet, c.created, e.cadence AS cadenceDays,
            c.reconnect_after AS reconnectAfter
       FROM contacts c JOIN next_touch_expected e ON e.id = c.id
      WHERE c.next_touch <= @today
        AND (c.reconnect_after IS NULL OR c.reconnect_after <= @today)
        AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.contact_id = c.id AND f.status = 'open')`,
  ).all({ today }) as ReconnectContact[];
}

/** The `today` report's items: follow-ups due within `days`, today's birthdays, reconnects due. */
export function todayItems(db: Db, today: string, days: number): TodayItem[] {
  return buildToday(
    {
      followUps: openFollowUpsDueBy(db, addDays(today, days)),
      birthdays: birthdaysOn(db, birthdayMonthDays(today), today),
      reconnects: reconnectsDue(db, today),
    },
    today,
    days,
  );
}

/**
 * `contacts --stale`: contacts whose keep-in-touch date (next_touch, kept by
 * the triggers of 0004_next_touch.sql) is today or earlier, by name. A range
 * read of the next_touch index; a filter narrows them as it narrows `contacts`.
 */
export function contactsToReconnect(db: Db, today: string, filter: ContactFilter): Contact[] {
  // `+name`: sort the few rows found, rather than walk the name index past every contact.
  const ids = (
    statement(
      db,
      `SELECT id FROM contacts WHERE next_touch <= ? ORDER BY +name COLLATE NOCASE, id`,
    ).all(today) as { id: number }[]
  ).map((r) => r.id);
  if (filter.circle || filter.tag || filter.company) {
    const due = new Set(ids);
    return listContacts(db, filter).filter((c) => due.has(c.id));
  }
  return ids.map((id) => contactById(db, id)).filter((c): c is Contact => c !== undefined);
}

/** What done, drop and snooze need to know about a contact's birthday and reconnect items. */
export interface TodayItemState {
  id: number;
  name: string;
  birthday: string | null;
  archived: number;
  birthdayDone: number | null;
  /** The contact's reconnect item, when one is due today. */
  reconnect: ReconnectContact | undefined;
}

/** A contact's birthday and reconnect state, or undefined when there is no such contact. */
export function todayItemState(
  db: Db,
  contactId: number,
  today: string,
): TodayItemState | undefined {
  const row = statement(
    db,
    `SELECT id, name, birthday, archived, birthday_done AS birthdayDone FROM contacts
      WHERE id = ? AND is_me = 0`,
  ).get(contactId) as Omit<TodayItemState, 'reconnect'> | undefined;
  if (!row) return undefined;
  const reconnect = reconnectsDue(db, today).find(
    (c) => c.id === contactId && reconnectDue(c) <= today,
  );
  return { ...row, reconnect };
}

/** Mark a contact's birthday item done (or dropped) for a year. */
export function markBirthdayDone(db: Db, contactId: number, year: number): void {
  updateRecord(db, 'contact', contactId, { birthday_done: year });
}

/** No reconnect reminder for a contact before a day. */
export function setReconnectAfter(db: Db, contactId: number, date: string): void {
  updateRecord(db, 'contact', contactId, { reconnect_after: date });
}
