/**
 * Creation timestamps: instants stored in UTC (`2026-11-21T09:30:00.000Z`),
 * read back as the user's local calendar dates (PRODUCT.md: dates are local,
 * honour TZ). Uses `Date` for the zone rules; dates.ts stays zone-free.
 */
import { isIsoDate, localDate } from './dates.js';

const TIMESTAMP_RE =
  /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A creation timestamp in the one form netjournal stores
 * (`2026-11-21T09:30:00.000Z`, UTC): from ISO 8601 with a zone, or a bare
 * date (midnight UTC, as --now stamps records). Null for anything else, or
 * an instant outside the years 1000-9999 (`+275760-09-13`, `0000-01-01…`).
 */
export function canonicalTimestamp(input: string): string | null {
  const match = TIMESTAMP_RE.exec(input);
  if (!match || !isIsoDate(match[1] ?? '')) return null;
  const ms = Date.parse(input);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  // An offset can carry 1000-01-01T00:30+01:00 back into the year 999.
  return isIsoDate(iso.slice(0, 10)) ? iso : null;
}

/** The local calendar date (honours TZ) of a creation timestamp, or null when it cannot be read. */
export function localDateOf(timestamp: string): string | null {
  const iso = canonicalTimestamp(timestamp);
  if (iso === null) return null;
  const date = localDate(new Date(iso));
  return isIsoDate(date) ? date : null;
}

/** The instant a local calendar day (YYYY-MM-DD) begins (honours TZ), as a stored timestamp. */
export function startOfLocalDay(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const start = new Date(0);
  // setFullYear, not new Date(y, …): that reads the years 0-99 as 1900-1999.
  start.setFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8)));
  // Where the clocks skip midnight, the day begins at the first time it has.
  start.setHours(0, 0, 0, 0);
  return start.toISOString();
}
