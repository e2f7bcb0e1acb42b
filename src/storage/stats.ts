import {
  CIRCLE_KEYS,
  TOP_CONNECTORS,
  createdRange,
  daysToDone as daysFromCreation,
  type CircleCounts,
  type CircleKey,
  type StatsCounts,
  type StatsPeriod,
} from '../domain/stats.js';
import { ME_ID } from './contacts.js';
import { topIntroducers } from './intros-report.js';
import type { Db } from './journal.js';

// Follow-ups carry a UTC timestamp, not a date: "created on the local days
// since…until" is a range over the strings from the instant the first day
// begins here to the instant the day after the last does (createdRange), which
// an index on created could serve as it stands.
const CREATED_IN_PERIOD = `created >= @createdFrom AND created < @createdTo`;

/** The period's parameters: its dates, and the range of creation timestamps it covers. */
type PeriodParams = StatsPeriod & { createdFrom: string; createdTo: string };

function circleCounts(rows: readonly { circle: CircleKey; n: number }[]): CircleCounts {
  const counts = Object.fromEntries(CIRCLE_KEYS.map((k) => [k, 0])) as CircleCounts;
  for (const row of rows) counts[row.circle] = row.n;
  return counts;
}

/** Meetings per day in the period (the date index serves it). */
export function meetingsPerDay(db: Db, p: StatsPeriod): { date: string; count: number }[] {
  return db
    .prepare(
      `SELECT date, count(*) AS count FROM meetings
        WHERE date BETWEEN @since AND @until GROUP BY date ORDER BY date`,
    )
    .all(p) as { date: string; count: number }[];
}

/** Non-archived contacts by circle, and how many of them were created in the period. */
export function contactCounts(
  db: Db,
  p: StatsPeriod,
): { total: number; new: number; byCircle: CircleCounts } {
  const rows = db
    .prepare(
      `SELECT coalesce(circle, 'none') AS circle, count(*) AS n,
              sum(created BETWEEN @since AND @until) AS fresh
         FROM contacts WHERE is_me = 0 AND archived = 0 GROUP BY 1`,
    )
    .all(p) as { circle: CircleKey; n: number; fresh: number }[];
  return {
    total: rows.reduce((sum, r) => sum + r.n, 0),
    new: rows.reduce((sum, r) => sum + r.fresh, 0),
    byCircle: circleCounts(rows),
  };
}

/** Distinct people met in the period, by circle (archived ones too). */
export function metByCircle(db: Db, p: StatsPeriod): CircleCounts {
  const rows = db
    .prepare(
      `SELECT coalesce(c.circle, 'none') AS circle, count(DISTINCT c.id) AS n
         FROM meetings m
         JOIN meeting_contacts mc ON mc.meeting_id = m.id
         JOIN contacts c ON c.id = mc.contact_id
        WHERE m.date BETWEEN @since AND @until AND c.is_me = 0
        GROUP BY 1`,
    )
    .all(p) as { circle: CircleKey; n: number }[];
  return circleCounts(rows);
}

/** Introductions in the period of someone to the user (by others), and by the user. */
export function introductionCounts(db: Db, p: StatsPeriod): { received: number; made: number } {
  return db
    .prepare(
      `SELECT coalesce(sum(to_id = @me AND introducer_id <> @me), 0) AS received,
              coalesce(sum(introducer_id = @me), 0) AS made
         FROM introductions WHERE date BETWEEN @since AND @until`,
    )
    .get({ ...p, me: ME_ID }) as { received: number; made: number };
}

/** Follow-ups created in the period, counted by kind and status. */
export function followUpCounts(
  db: Db,
  p: PeriodParams,
): Pick<StatsCounts, 'followUps' | 'reportBack' | 'offersReceived'> {
  const rows = db
    .prepare(
      `SELECT kind, status, template = 'nudge' AS nudge, count(*) AS n FROM follow_ups
        WHERE ${CREATED_IN_PERIOD} GROUP BY kind, status, nudge`,
    )
    .all(p) as {
    kind: string;
    status: 'open' | 'done' | 'dropped';
    nudge: number | null;
    n: number;
  }[];
  const followUps = { created: 0, done: 0, dropped: 0, open: 0 };
  const reportBack = { created: 0, done: 0 };
  let offersReceived = 0;
  for (const r of rows) {
    followUps.created += r.n;
    followUps[r.status] += r.n;
    if (r.kind === 'report_back') {
      reportBack.created += r.n;
      if (r.status === 'done') reportBack.done += r.n;
    }
    // A nudge (your own outreach, unanswered) is waiting on them, but not an offer.
    if (r.kind === 'waiting' && r.nudge !== 1) offersReceived += r.n;
  }
  return { followUps, reportBack, offersReceived };
}

/**
 * For each done follow-up created in the period: days from its creation to
 * done, both as local dates (`closed` is one; `created` is a UTC timestamp,
 * so the zone is applied here, not in SQL).
 */
export function daysToDone(db: Db, p: PeriodParams): number[] {
  const rows = db
    .prepare(
      `SELECT created, closed FROM follow_ups
        WHERE status = 'done' AND closed IS NOT NULL AND ${CREATED_IN_PERIOD}`,
    )
    .all(p) as { created: string; closed: string }[];
  return rows.flatMap((r) => {
    const days = daysFromCreation(r.created, r.closed);
    return days === null ? [] : [days];
  });
}

/** Thank-you notes owed for meetings in the period, and how many were done within two days. */
export function thankYouCounts(db: Db, p: StatsPeriod): { owed: number; onTime: number } {
  return db
    .prepare(
      `SELECT count(*) AS owed,
              coalesce(sum(f.status = 'done' AND f.closed <= date(m.date, '+2 days')), 0) AS onTime
         FROM meetings m JOIN follow_ups f ON f.meeting_id = m.id
        WHERE m.date BETWEEN @since AND @until AND f.kind = 'thank_you'`,
    )
    .get(p) as { owed: number; onTime: number };
}

/** Gifts dated in the period. */
export function giftCount(db: Db, p: StatsPeriod): number {
  const row = db
    .prepare('SELECT count(*) AS n FROM gifts WHERE date BETWEEN @since AND @until')
    .get(p) as { n: number };
  return row.n;
}

/**
 * Outreach meetings in the period, and how many were followed by a later
 * meeting (a later date, or the same date logged afterwards, up to the end of
 * the period) with any of the same people.
 */
export function outreachCounts(db: Db, p: StatsPeriod): { meetings: number; followedUp: number } {
  return db
    .prepare(
      `SELECT count(*) AS meetings, coalesce(sum(EXISTS (
                SELECT 1 FROM meeting_contacts mc
                  JOIN meeting_contacts later_mc
                    ON later_mc.contact_id = mc.contact_id AND later_mc.meeting_id <> m.id
                  JOIN meetings later ON later.id = later_mc.meeting_id
                 WHERE mc.meeting_id = m.id AND mc.contact_id <> @me
                   AND later.date <= @until
                   AND (later.date > m.date OR (later.date = m.date AND later.id > m.id))
              )), 0) AS followedUp
         FROM meetings m
        WHERE m.date BETWEEN @since AND @until AND m.outreach = 1`,
    )
    .get({ ...p, me: ME_ID }) as { meetings: number; followedUp: number };
}

/** Everything `stats` counts for a period, in one read transaction (one consistent snapshot). */
export function statsCounts(db: Db, period: StatsPeriod): StatsCounts {
  return db.transaction(() => countAll(db, period))();
}

function countAll(db: Db, period: StatsPeriod): StatsCounts {
  const range = createdRange(period);
  const p = {
    since: period.since,
    until: period.until,
    createdFrom: range.from,
    createdTo: range.to,
  };
  const contacts = contactCounts(db, p);
  const intros = introductionCounts(db, p);
  return {
    meetingsByDay: meetingsPerDay(db, p),
    contactsTotal: contacts.total,
    contactsNew: contacts.new,
    contactsByCircle: contacts.byCircle,
    metByCircle: metByCircle(db, p),
    introductionsReceived: intros.received,
    introductionsMade: intros.made,
    ...followUpCounts(db, p),
    daysToDone: daysToDone(db, p),
    thankYou: thankYouCounts(db, p),
    gifts: giftCount(db, p),
    outreach: outreachCounts(db, p),
    connectors: topIntroducers(db)
      .slice(0, TOP_CONNECTORS)
      .map((c) => ({ name: c.name, count: c.count })),
  };
}
