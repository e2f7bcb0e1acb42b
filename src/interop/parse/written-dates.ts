/**
 * Dates as contact exports write them, read without a clock: LinkedIn's
 * connection dates in every form it has used, and birthdays as Outlook and
 * Thunderbird write them. Regular expressions, not a date library: these few
 * forms are read exactly (31 Feb is no date, "Sept" is September) and fast
 * enough for 30,000 rows.
 */
import { isIsoDate } from '../../domain/dates.js';
import { normaliseBirthday } from './types.js';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

// "12 Mar 2024", "05-Aug-19", "1 Sept 2023", "12 March 2024".
const WORD_DATE = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4}|\d{2})$/i;
// "3/12/24", "3/14/1990", "1/8/18, 6:14 PM": a time after the date says nothing about the day.
const SLASH_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?$/i;
// Outlook's way of writing "no date" in its date columns.
const ZERO_DATE = /^0{1,2}\/0{1,2}\/0{2,4}$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD from its parts, or null when that day does not exist. */
function isoDate(year: number, month: number, day: number): string | null {
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return isIsoDate(date) ? date : null;
}

// "Mar", "Sept", "March": any start of the month's name of three letters or more.
function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  return MONTHS.findIndex((name) => lower.length >= 3 && name.startsWith(lower)) + 1;
}

/** A slash date's parts, month first unless `dayFirst`; the year as written (two or four digits). */
function slashDate(
  value: string,
  dayFirst: boolean,
): { year: string; month: number; day: number } | null {
  const match = SLASH_DATE.exec(value);
  if (!match) return null;
  const [first, second] = [Number(match[1]), Number(match[2])];
  return {
    year: match[3] ?? '',
    month: dayFirst ? second : first,
    day: dayFirst ? first : second,
  };
}

/**
 * LinkedIn's "Connected On" as YYYY-MM-DD, in the forms its exports have
 * used: "12 Mar 2024" (also "05-Aug-19", "1 Sept 2023"), "3/12/24" and
 * "1/8/18, 6:14 PM" (US order), and 2024-03-12; null if not a date.
 */
export function parseConnectedOn(raw: string): string | null {
  const value = raw.trim();
  if (isIsoDate(value)) return value;
  // Two-digit years come from LinkedIn itself, founded 2003: all of them after 2000.
  const fullYear = (year: string): number => Number(year) + (year.length === 2 ? 2000 : 0);
  const word = WORD_DATE.exec(value);
  if (word) {
    const month = monthNumber(word[2] ?? '');
    return month === 0 ? null : isoDate(fullYear(word[3] ?? ''), month, Number(word[1]));
  }
  const slash = slashDate(value, false);
  return slash && isoDate(fullYear(slash.year), slash.month, slash.day);
}

/** Is this Outlook's "0/0/00", written in a date column that has no date? */
export function isZeroDate(value: string): boolean {
  return ZERO_DATE.test(value.trim());
}

/** Does this slash date (as a birthday column holds it) put the day first, as "14/3/1990" must? */
export function isDayFirst(value: string): boolean {
  const parts = slashDate(value.trim(), false);
  return parts !== null && parts.month > 12 && parts.day <= 12;
}

/**
 * A birthday as an address book's CSV writes it, as MM-DD or YYYY-MM-DD:
 * the forms `normaliseBirthday` reads, or a slash date with a four-digit year
 * ("3/14/1990"; "14/3/1990" when `dayFirst`); null when not a real date.
 */
export function readBirthday(raw: string, dayFirst = false): string | null {
  const value = raw.trim();
  const parts = slashDate(value, dayFirst);
  if (parts === null) return normaliseBirthday(value);
  // A two-digit year could be either century: not a birthday to guess at.
  if (parts.year.length !== 4) return null;
  return normaliseBirthday(`${parts.year}-${pad(parts.month)}-${pad(parts.day)}`);
}

/**
 * A birthday from three columns (Thunderbird's Birth Year, Birth Month, Birth
 * Day): MM-DD without a year, YYYY-MM-DD with one; null when not a real date.
 */
export function birthdayFromParts(year: string, month: string, day: string): string | null {
  const [y, m, d] = [year.trim(), month.trim(), day.trim()];
  if (!/^\d{1,2}$/.test(m) || !/^\d{1,2}$/.test(d)) return null;
  // A year that is not four digits ("85") matches none of normaliseBirthday's forms.
  const monthDay = `${pad(Number(m))}-${pad(Number(d))}`;
  return normaliseBirthday(y === '' ? monthDay : `${y}-${monthDay}`);
}
