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
 * The full year of a birthday written with two digits ("4/12/81", BDAY:810412,
 * Thunderbird's Birth Year 81): the latest year ending in those digits that
 * does not put the birthday after today. Readers of two-digit years use a
 * hundred-year window, either fixed (Windows and Excel: 1930–2029; POSIX
 * strptime: 1969–2068) or sliding with today (Java's SimpleDateFormat: 80
 * years back, 20 ahead). A birthday is never ahead, so here the window is the
 * hundred years up to today: the one rule that never reads a past birthday as
 * a future one. With today 2026-11-21: 81 → 1981, 05 → 2005, 26 → 2026 for
 * 4/12/26 but 1926 for 12/25/26. Someone born in 1920 reads as 2020: two
 * digits cannot tell them apart. Null without today (a parser has no clock of
 * its own): the birthday is then dropped with a note, never guessed.
 */
export function fullBirthYear(
  twoDigits: string,
  month: number,
  day: number,
  today: string | undefined,
): number | null {
  if (today === undefined || !/^\d{2}$/.test(twoDigits) || !isIsoDate(today)) return null;
  const thisYear = Number(today.slice(0, 4));
  let year = thisYear - ((((thisYear - Number(twoDigits)) % 100) + 100) % 100);
  if (year === thisYear && `${pad(month)}-${pad(day)}` > today.slice(5)) year -= 100;
  return year;
}

/** YYYY-MM-DD from a birthday's parts, its year two digits or four; null when not a real date. */
function birthdayFrom(
  year: string,
  month: number,
  day: number,
  today: string | undefined,
): string | null {
  const full = year.length === 2 ? fullBirthYear(year, month, day, today) : Number(year);
  if (full === null) return null;
  return normaliseBirthday(`${String(full).padStart(4, '0')}-${pad(month)}-${pad(day)}`);
}

// ISO 8601:1988's two-digit-year dates, as old vCard 2.1 writers put them in BDAY: 810412, 81-04-12.
const TWO_DIGIT_ISO = /^(\d{2})(-?)(\d{2})\2(\d{2})$/;

/**
 * A birthday as a vCard's BDAY holds it: the forms `normaliseBirthday` reads,
 * or a date with a two-digit year (YYMMDD, YY-MM-DD; see fullBirthYear).
 */
export function readVcardBirthday(raw: string, today?: string): string | null {
  // A time after the date, as normaliseBirthday allows, says nothing about the day.
  const parts = TWO_DIGIT_ISO.exec(raw.trim().replace(/T[\d:.,+\-Z]*$/i, ''));
  if (parts === null) return normaliseBirthday(raw);
  return birthdayFrom(parts[1] ?? '', Number(parts[3]), Number(parts[4]), today);
}

/**
 * A birthday as an address book's CSV writes it, as MM-DD or YYYY-MM-DD:
 * the forms `normaliseBirthday` reads, or a slash date ("3/14/1990";
 * "14/3/1990" when `dayFirst`) whose year may be two digits ("3/14/90"; see
 * fullBirthYear); null when not a real date.
 */
export function readBirthday(raw: string, dayFirst = false, today?: string): string | null {
  const value = raw.trim();
  const parts = slashDate(value, dayFirst);
  if (parts === null) return normaliseBirthday(value);
  return birthdayFrom(parts.year, parts.month, parts.day, today);
}

/**
 * A birthday from three columns (Thunderbird's Birth Year, Birth Month, Birth
 * Day): MM-DD without a year, YYYY-MM-DD with one of four digits or two (see
 * fullBirthYear); null when not a real date.
 */
export function birthdayFromParts(
  year: string,
  month: string,
  day: string,
  today?: string,
): string | null {
  const [y, m, d] = [year.trim(), month.trim(), day.trim()];
  if (!/^\d{1,2}$/.test(m) || !/^\d{1,2}$/.test(d)) return null;
  if (y === '') return normaliseBirthday(`${pad(Number(m))}-${pad(Number(d))}`);
  if (!/^\d{2}$|^\d{4}$/.test(y)) return null;
  return birthdayFrom(y, Number(m), Number(d), today);
}
