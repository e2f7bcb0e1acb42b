import type { CircleCadences } from '../domain/cadence.js';
import type { FollowUp } from '../domain/records.js';
import { SELECT_FOLLOW_UP, toFollowUp, type FollowUpRow } from './follow-ups.js';
import type { BirthdayContact, ReconnectContact } from '../domain/today.js';
import type { Db } from './journal.js';

/** Open follow-ups due on or before a date (the partial index on open follow-ups serves it). */
export function openFollowUpsDueBy(db: Db, date: string): FollowUp[] {
  const rows = db
    .prepare(`${SELECT_FOLLOW_UP} WHERE f.status = 'open' AND f.due <= ?`)
    .all(date) as FollowUpRow[];
  return rows.map(toFollowUp);
}

/** Non-archived contacts whose birthday (MM-DD or YYYY-MM-DD) falls on one of these month-days. */
export function birthdaysOn(db: Db, monthDays: readonly string[]): BirthdayContact[] {
  const marks = monthDays.map(() => '?').join(', ');
  return db
    .prepare(
      `SELECT id, name, birthday FROM contacts
        WHERE is_me = 0 AND archived = 0 AND birthday IS NOT NULL AND substr(birthday, -5) IN (${marks})`,
    )
    .all(...monthDays) as BirthdayContact[];
}

/**
 * Non-archived contacts with a cadence (their own, else their circle's
 * default) whose last meeting (or creation) plus the cadence is today or
 * earlier, and who have no open follow-up.
 */
export function reconnectsDue(db: Db, today: string, defaults: CircleCadences): ReconnectContact[] {
  return db
    .prepare(
      `SELECT id, name, cadence AS cadenceDays, last_met AS lastMet, created FROM (
         SELECT c.id, c.name, c.last_met, c.created,
                coalesce(c.cadence_days, CASE c.circle WHEN 'inner' THEN @inner
                                                       WHEN 'second' THEN @second
                                                       WHEN 'third' THEN @third END) AS cadence
           FROM contacts c
          WHERE c.is_me = 0 AND c.archived = 0
       ) AS r
       WHERE cadence IS NOT NULL
         AND date(coalesce(last_met, created), '+' || cadence || ' days') <= @today
         AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.contact_id = r.id AND f.status = 'open')`,
    )
    .all({
      today,
      inner: defaults.inner ?? null,
      second: defaults.second ?? null,
      third: defaults.third ?? null,
    }) as ReconnectContact[];
}
