/**
 * `stats`: how the user's networking is going over a period, as plain
 * numbers. Storage counts; this module turns the counts into the figures
 * (rates, medians, week buckets) and owns their definitions.
 */
import { UsageError } from '../errors.js';
import { addDays, daysBetween, isIsoDate, parseDate, weekday } from './dates.js';
import { localDateOf, startOfLocalDay } from './timestamps.js';

/** The default period: 12 weeks of 7 days, ending today (today − 83 through today). */
export const DEFAULT_STATS_DAYS = 12 * 7;

/** How many connectors the report names. */
export const TOP_CONNECTORS = 5;

/** Circles as the report keys them; `none` is a contact with no circle set. */
export const CIRCLE_KEYS = ['inner', 'second', 'third', 'none'] as const;
export type CircleKey = (typeof CIRCLE_KEYS)[number];
export type CircleCounts = Record<CircleKey, number>;

/** The period a report covers, both ends included. */
export interface StatsPeriod {
  since: string;
  until: string;
}

/** What storage counts for a period: the raw material of every figure. */
export interface StatsCounts {
  /** Meetings per day in the period (days without meetings may be left out). */
  meetingsByDay: { date: string; count: number }[];
  contactsTotal: number;
  contactsNew: number;
  contactsByCircle: CircleCounts;
  metByCircle: CircleCounts;
  introductionsReceived: number;
  introductionsMade: number;
  followUps: { created: number; done: number; dropped: number; open: number };
  /** For each done follow-up created in the period: closed minus created date (both local). */
  daysToDone: number[];
  thankYou: { owed: number; onTime: number };
  reportBack: { created: number; done: number };
  gifts: number;
  offersReceived: number;
  outreach: { meetings: number; followedUp: number };
  /** Introducers ranked by introductions made, the user left out. */
  connectors: { name: string; count: number }[];
}

/**
 * Every figure `stats` reports, under the names `--json` prints. The period
 * is `since` through `until` (today), both included. Rates are numbers
 * rounded to two decimals, or null when nothing was there to count.
 *
 * - `meetings.total`: meetings dated in the period. `meetings.perWeek`:
 *   every Monday-to-Sunday week that overlaps the period, named by its
 *   Monday (which may fall before `since`), zeros included; only meetings in
 *   the period count, so the first and last weeks may be partial.
 * - `contacts.total`: non-archived contacts (not the user);
 *   `contacts.new`: those of them created in the period; `contacts.byCircle`:
 *   them by circle (`none` = no circle set); `contacts.metByCircle`: distinct
 *   people met in the period by circle, archived ones included (they were met).
 * - `introductions.received`: introductions in the period of someone to the
 *   user, by someone else; `introductions.made`: those the user made.
 * - `followUps`: follow-ups of every kind created in the period (by the
 *   local date of their creation timestamp), by status now. `completionRate`
 *   = done / created. `medianDaysToDone`: the median of closed − created date
 *   over the done ones (never below 0); both are local calendar dates.
 * - `thankYouRate`: of thank-you follow-ups for meetings dated in the
 *   period, the share done within two days of the meeting (closed ≤ meeting
 *   date + 2).
 * - `reportBackRate`: of report-back follow-ups created in the period, the
 *   share done.
 * - `giveAsk.given`: gifts dated in the period; `giveAsk.offersReceived`:
 *   waiting follow-ups (things others offered) created in the period;
 *   `giveAsk.ratio` = given / offersReceived.
 * - `outreach.meetings`: outreach meetings dated in the period;
 *   `outreach.followedUp`: those followed by a later meeting (a later date,
 *   or the same date logged afterwards, up to today) with any of the same
 *   people; `outreach.responseRate` = followedUp / meetings.
 * - `connectors`: the top five introducers over the whole journal, by
 *   introductions made, the user left out.
 */
export interface Stats {
  since: string;
  until: string;
  meetings: { total: number; perWeek: { week: string; count: number }[] };
  contacts: { total: number; new: number; byCircle: CircleCounts; metByCircle: CircleCounts };
  introductions: { received: number; made: number };
  followUps: {
    created: number;
    done: number;
    dropped: number;
    open: number;
    completionRate: number | null;
    medianDaysToDone: number | null;
  };
  thankYouRate: number | null;
  reportBackRate: number | null;
  giveAsk: { given: number; offersReceived: number; ratio: number | null };
  outreach: { meetings: number; followedUp: number; responseRate: number | null };
  connectors: { name: string; count: number }[];
}

/**
 * The period from `--since` (a past date as the user types it; default
 * today − 83 days) through today. Throws UsageError for an unknown date or
 * one after today.
 */
export function statsPeriod(today: string, since: string | undefined): StatsPeriod {
  if (since === undefined) return { since: addDays(today, 1 - DEFAULT_STATS_DAYS), until: today };
  const start = parseDate(since, today, 'past');
  if (start > today) {
    throw new UsageError(
      `--since ${start} is after today (${today})`,
      'give a date on or before today, e.g. --since 12w or --since 2026-01-01',
    );
  }
  return { since: start, until: today };
}

/**
 * The creation timestamps of the period's local days, as a half-open range
 * over stored (UTC) timestamps: from the instant `since` begins in the local
 * zone to the instant the day after `until` does.
 */
export function createdRange(period: StatsPeriod): { from: string; to: string } {
  return {
    from: startOfLocalDay(period.since),
    // Every stored timestamp sorts before "9999-12-32": there is no day after the last one.
    to: period.until === '9999-12-31' ? '9999-12-32' : startOfLocalDay(addDays(period.until, 1)),
  };
}

/**
 * Days from a follow-up's creation to the (local) date it was closed, the
 * creation timestamp read as a local date; a timestamp that cannot be read
 * counts by its date part, and null when there is none.
 */
export function daysToDone(created: string, closed: string): number | null {
  const start = localDateOf(created) ?? created.slice(0, 10);
  return isIsoDate(start) && isIsoDate(closed) ? daysBetween(start, closed) : null;
}

/** numerator / denominator rounded to two decimals; null when the denominator is 0. */
export function rate(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  // Scaling before dividing keeps 201/200 at 1.01 where 1.005 * 100 would round down.
  return Math.round((numerator * 100) / denominator) / 100;
}

/** The median (mean of the middle two for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** The Monday on or before a date. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/**
 * Meetings per Monday-to-Sunday week for every week overlapping since…until,
 * zeros included; days outside the period are ignored.
 */
export function weekBuckets(
  period: StatsPeriod,
  byDay: readonly { date: string; count: number }[],
): { week: string; count: number }[] {
  const first = mondayOf(period.since);
  const weeks = Math.floor(daysBetween(first, period.until) / 7) + 1;
  const buckets = Array.from({ length: weeks }, (_, k) => ({
    week: addDays(first, 7 * k),
    count: 0,
  }));
  for (const day of byDay) {
    if (day.date < period.since || day.date > period.until) continue;
    const bucket = buckets[Math.floor(daysBetween(first, day.date) / 7)];
    if (bucket) bucket.count += day.count;
  }
  return buckets;
}

/** Counts for an empty (or missing) journal. */
export function emptyStatsCounts(): StatsCounts {
  const circles = (): CircleCounts => ({ inner: 0, second: 0, third: 0, none: 0 });
  return {
    meetingsByDay: [],
    contactsTotal: 0,
    contactsNew: 0,
    contactsByCircle: circles(),
    metByCircle: circles(),
    introductionsReceived: 0,
    introductionsMade: 0,
    followUps: { created: 0, done: 0, dropped: 0, open: 0 },
    daysToDone: [],
    thankYou: { owed: 0, onTime: 0 },
    reportBack: { created: 0, done: 0 },
    gifts: 0,
    offersReceived: 0,
    outreach: { meetings: 0, followedUp: 0 },
    connectors: [],
  };
}

/** Turn a period's counts into the report's figures (see `Stats`). */
export function buildStats(counts: StatsCounts, period: StatsPeriod): Stats {
  const perWeek = weekBuckets(period, counts.meetingsByDay);
  const f = counts.followUps;
  return {
    since: period.since,
    until: period.until,
    meetings: { total: perWeek.reduce((sum, w) => sum + w.count, 0), perWeek },
    contacts: {
      total: counts.contactsTotal,
      new: counts.contactsNew,
      byCircle: { ...counts.contactsByCircle },
      metByCircle: { ...counts.metByCircle },
    },
    introductions: { received: counts.introductionsReceived, made: counts.introductionsMade },
    followUps: {
      created: f.created,
      done: f.done,
      dropped: f.dropped,
      open: f.open,
      completionRate: rate(f.done, f.done + f.dropped + f.open),
      medianDaysToDone: median(counts.daysToDone.map((d) => Math.max(0, d))),
    },
    thankYouRate: rate(counts.thankYou.onTime, counts.thankYou.owed),
    reportBackRate: rate(counts.reportBack.done, counts.reportBack.created),
    giveAsk: {
      given: counts.gifts,
      offersReceived: counts.offersReceived,
      ratio: rate(counts.gifts, counts.offersReceived),
    },
    outreach: {
      meetings: counts.outreach.meetings,
      followedUp: counts.outreach.followedUp,
      responseRate: rate(counts.outreach.followedUp, counts.outreach.meetings),
    },
    connectors: counts.connectors
      .slice(0, TOP_CONNECTORS)
      .map((c) => ({ name: c.name, count: c.count })),
  };
}
