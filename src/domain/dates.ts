/**
 * Calendar dates as plain `YYYY-MM-DD` strings. Arithmetic is done on integer
 * day numbers (days since 1970-01-01) so the module loads instantly and never
 * trips over time zones, DST or `Date` parsing quirks.
 */
import { UsageError } from '../errors.js';

/** Which way a bare relative date ("3d", "monday") points. */
export type DateDirection = 'past' | 'future';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1000;
const MAX_COUNT = 9999;
const MAX_INTERVAL_DAYS = 36500;

// Index is the weekday number; every alias a user might type maps to it.
const WEEKDAY_ALIASES = [
  ['sunday', 'sun'],
  ['monday', 'mon'],
  ['tuesday', 'tue', 'tues'],
  ['wednesday', 'wed'],
  ['thursday', 'thu', 'thurs'],
  ['friday', 'fri'],
  ['saturday', 'sat'],
];
const WEEKDAYS = new Map(
  WEEKDAY_ALIASES.flatMap((names, day) => names.map((n) => [n, day] as const)),
);

type Unit = 'd' | 'w' | 'm' | 'y';
const UNIT_WORDS = new Map<string, Unit>(
  (['day', 'week', 'month', 'year'] as const).flatMap((w) => [
    [w, w[0] as Unit],
    [`${w}s`, w[0] as Unit],
  ]),
);

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function parseYmd(s: string): Ymd | null {
  const match = ISO_RE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

// Internal callers pass validated dates; a bad one here is a programming bug.
function mustParse(s: string): Ymd {
  const ymd = parseYmd(s);
  if (!ymd) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(s)}`);
  return ymd;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function formatYmd({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

// Hinnant's days_from_civil / civil_from_days: exact proleptic Gregorian, integers only.
function toDayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function requireInteger(n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
}

// A date the user typed near either end of the range can still be pushed past it by
// arithmetic (a thank-you due the day after 9999-12-31): that is bad input, not a bug.
function inRange(ymd: Ymd, from: string, n: number, unit: string): string {
  if (ymd.y >= MIN_YEAR && ymd.y <= 9999) return formatYmd(ymd);
  throw new UsageError(
    `${from} ${n < 0 ? '-' : '+'} ${Math.abs(n)} ${unit} falls outside the years 1000-9999`,
    'use a date further from the ends of that range',
  );
}

/** Today's local calendar date (honours TZ) as YYYY-MM-DD from a JS Date. */
export function localDate(d: Date): string {
  return formatYmd({ y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() });
}

/** Is s a real calendar date in YYYY-MM-DD form (years 1000–9999)? */
export function isIsoDate(s: string): boolean {
  return parseYmd(s) !== null;
}

/** Add n days (may be negative) to a YYYY-MM-DD date. */
export function addDays(date: string, n: number): string {
  requireInteger(n);
  return inRange(fromDayNumber(toDayNumber(mustParse(date)) + n), date, n, 'days');
}

/** Add n calendar months, clamping to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, n: number): string {
  requireInteger(n);
  const { y, m, d } = mustParse(date);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return inRange({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) }, date, n, 'months');
}

/** Whole days from a to b (b - a); negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(mustParse(b)) - toDayNumber(mustParse(a));
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  // 1970-01-01 (day 0) was a Thursday.
  return (((toDayNumber(mustParse(date)) + 4) % 7) + 7) % 7;
}

function shift(date: string, count: number, unit: Unit): string {
  if (unit === 'm' || unit === 'y') return addMonths(date, unit === 'y' ? count * 12 : count);
  return addDays(date, unit === 'w' ? count * 7 : count);
}

// Strictly after (sign 1) or strictly before (sign -1): naming today's weekday means a week away.
function nearestWeekday(today: string, target: number, sign: 1 | -1): string {
  const diff = ((((target - weekday(today)) * sign) % 7) + 7) % 7;
  return addDays(today, sign * (diff === 0 ? 7 : diff));
}

function parseCount(word: string): number | null {
  if (word === 'a' || word === 'an' || word === 'one') return 1;
  if (!/^\d{1,4}$/.test(word)) return null;
  const n = Number(word);
  return n >= 1 && n <= MAX_COUNT ? n : null;
}

// Returns null for anything outside the grammar so parseDate owns all error wording.
function resolveRelative(s: string, today: string, direction: DateDirection): string | null {
  if (s === 'today') return today;
  if (s === 'yesterday') return addDays(today, -1);
  if (s === 'tomorrow') return addDays(today, 1);
  const dir: 1 | -1 = direction === 'past' ? -1 : 1;
  const day = WEEKDAYS.get(s);
  if (day !== undefined) return nearestWeekday(today, day, dir);

  const words = s.split(' ');
  if (words.length === 2 && (words[0] === 'next' || words[0] === 'last')) {
    const sign: 1 | -1 = words[0] === 'next' ? 1 : -1;
    const word = words[1] ?? '';
    const target = WEEKDAYS.get(word);
    if (target !== undefined) return nearestWeekday(today, target, sign);
    const unit = UNIT_WORDS.get(word);
    // "next week" is +7 days, but "next day" is not part of the grammar.
    return unit !== undefined && unit !== 'd' && !word.endsWith('s')
      ? shift(today, sign, unit)
      : null;
  }

  const compact = /^(\d{1,4})([dwmy])$/.exec(s);
  if (compact) {
    const n = parseCount(compact[1] ?? '');
    return n === null ? null : shift(today, dir * n, compact[2] as Unit);
  }

  const ahead = words.length === 3 && words[0] === 'in';
  const ago = words.length === 3 && words[2] === 'ago';
  if (ahead || ago) {
    const n = parseCount((ahead ? words[1] : words[0]) ?? '');
    const unit = UNIT_WORDS.get((ahead ? words[2] : words[1]) ?? '');
    if (n === null || unit === undefined) return null;
    return shift(today, ahead ? n : -n, unit);
  }
  return null;
}

/** Parse a user-typed date relative to today. Throws UsageError on anything unknown. */
export function parseDate(input: string, today: string, direction: DateDirection): string {
  const read = readDate(input, today, direction);
  if (read.date !== null) return read.date;
  // Examples that are valid for the field: a meeting is in the past, a due date ahead.
  const hint =
    direction === 'past'
      ? `try ${today}, yesterday, monday, 3d or "2 weeks ago"`
      : `try ${today}, tomorrow, friday, 2w or "next week"`;
  throw new UsageError(read.problem, hint);
}

/**
 * The date a text names, as parseDate reads it, or null where parseDate
 * throws. For asking whether words are a date (jot asks it of every few
 * words of a sentence): an error object and its stack trace cost more than
 * the reading.
 */
export function dateOrNull(input: string, today: string, direction: DateDirection): string | null {
  return readDate(input, today, direction).date;
}

/** A user-typed date, or what is wrong with it (parseDate's message). */
function readDate(
  input: string,
  today: string,
  direction: DateDirection,
): { date: string; problem?: never } | { date: null; problem: string } {
  const shown = input.trim();
  if (ISO_RE.test(shown)) {
    if (isIsoDate(shown)) return { date: shown };
    return { date: null, problem: `no such date "${shown}"` };
  }
  // "9999y" from 2026 lands past year 9999, which nothing downstream can store or sort.
  const outOfRange = { date: null, problem: `date "${shown}" is out of range (years 1000-9999)` };
  let result: string | null;
  try {
    result = resolveRelative(shown.replace(/\s+/g, ' ').toLowerCase(), today, direction);
  } catch (err) {
    if (err instanceof UsageError) return outOfRange;
    throw err;
  }
  if (result === null) return { date: null, problem: `unknown date "${shown}"` };
  if (isIsoDate(result)) return { date: result };
  return outOfRange;
}

/** Parse the value of --now / NETJOURNAL_NOW: YYYY-MM-DD (or an ISO 8601 timestamp, whose date part is used). Throws UsageError. */
export function parseNow(input: string): string {
  const s = input.trim();
  // The date part is taken as written: converting the timestamp's zone would surprise the user.
  const match = /^(\d{4}-\d{2}-\d{2})(?:T.*)?$/is.exec(s);
  const date = match?.[1];
  if (date !== undefined && isIsoDate(date)) return date;
  throw new UsageError(`invalid --now "${input}"`, 'use a date like 2026-11-21');
}

/** Parse a keep-in-touch interval to days: 30d, 6w, 3m (=30 days each), 1y (=365); 'none' returns null. Throws UsageError. */
export function parseInterval(input: string): number | null {
  const hint = 'try 30d, 6w, 3m, 1y or none';
  const s = input.trim().toLowerCase();
  if (s === 'none') return null;
  const match = /^(\d+)\s*([dwmy])$/.exec(s);
  if (!match) throw new UsageError(`unknown interval "${input}"`, hint);
  const n = Number(match[1]);
  if (n === 0) throw new UsageError('interval must be at least one day', hint);
  const perUnit: Readonly<Record<string, number>> = { d: 1, w: 7, m: 30, y: 365 };
  const days = n * (perUnit[match[2] ?? 'd'] ?? 1);
  if (days > MAX_INTERVAL_DAYS) throw new UsageError(`unknown interval "${input}"`, hint);
  return days;
}

/** Format a cadence in days as the largest unit that divides it exactly, so parseInterval round-trips. */
export function formatInterval(days: number): string {
  // Non-positive or fractional values never come from parseInterval; show them raw rather than crash a listing.
  if (!Number.isInteger(days) || days <= 0) return `${days}d`;
  if (days % 365 === 0) return `${days / 365}y`;
  if (days % 30 === 0) return `${days / 30}m`;
  if (days % 7 === 0) return `${days / 7}w`;
  return `${days}d`;
}

/** Parse a birthday: MM-DD (02-29 allowed) or YYYY-MM-DD (a real date, not after today). Returns it normalised. Throws UsageError. */
export function parseBirthday(input: string, today: string): string {
  const s = input.trim();
  const monthDay = /^(\d{2})-(\d{2})$/.exec(s);
  if (monthDay) {
    const m = Number(monthDay[1]);
    const d = Number(monthDay[2]);
    // 2000 is a leap year, so 02-29 is accepted for people born on a leap day.
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(2000, m)) return s;
  } else if (isIsoDate(s) && s <= today) {
    return s;
  }
  throw new UsageError(
    `invalid birthday "${input}"`,
    'use MM-DD or YYYY-MM-DD, e.g. 03-14 or 1990-03-14',
  );
}
