import { addDays, isIsoDate } from '../../domain/dates.js';
import { canonicalTimestamp } from '../../domain/timestamps.js';
import type { FollowUpLine, JournalDump } from '../jsonl-lines.js';
import { contentLines, escapeText } from './fold.js';

/** How open follow-ups become calendar items: to-dos (VTODO) or all-day events (VEVENT). */
export const ICS_STYLES = ['todo', 'event'] as const;
export type IcsStyle = (typeof ICS_STYLES)[number];

/** The words a calendar shows before a follow-up's text. */
const KIND_WORDS: Record<FollowUpLine['kind'], string> = {
  action: 'To do',
  thank_you: 'Thank-you note',
  report_back: 'Report back',
  waiting: 'Offer to check on',
};

/**
 * The UID of a follow-up's calendar item: its stable id, the same in every
 * export and on every synced device, so a calendar or a CalDAV server
 * updates the item instead of adding another. A line from before stable
 * ids has only its short id.
 */
export function followUpUid(f: Pick<FollowUpLine, 'id' | 'uid'>): string {
  return f.uid || `followup-${f.id}@netjournal`;
}

/** `YYYY-MM-DD` as an iCalendar DATE, `YYYYMMDD`. */
export function icsDate(date: string): string {
  return date.replace(/-/g, '');
}

/**
 * DTSTAMP, a UTC date-time (`YYYYMMDDTHHMMSSZ`), from the follow-up's
 * creation timestamp, so the same journal always gives the same bytes;
 * midnight UTC of the due date when the timestamp cannot be read or lies
 * outside the years 1000-9999 (an older netjournal imported whatever a file
 * said).
 */
export function icsStamp(created: string, fallbackDate: string): string {
  const iso = canonicalTimestamp(created) ?? `${fallbackDate}T00:00:00.000Z`;
  return iso.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** An all-day event's end: the next day, or a one-day DURATION on the last day a date can name. */
function allDayEnd(due: string): string {
  return isIsoDate(due) && due < '9999-12-31'
    ? `DTEND;VALUE=DATE:${icsDate(addDays(due, 1))}`
    : 'DURATION:P1D';
}

/** "Thank-you note: Thank Ralph Smith for the coffee — Ralph Smith". */
export function followUpSummary(f: FollowUpLine, contact: string): string {
  return `${KIND_WORDS[f.kind]}: ${f.text} — ${contact}`;
}

function description(f: FollowUpLine, contact: string): string {
  return [
    `Contact: ${contact} (#${f.contactId})`,
    `Kind: ${KIND_WORDS[f.kind].toLowerCase()}`,
    // PRODUCT.md: don't chase an offer, make it easy for them.
    ...(f.kind === 'waiting' ? ['They offered this: make it easy, e.g. offer to draft it.'] : []),
    `When it is done: netjournal done ${f.id}`,
  ].join('\n');
}

/** One open follow-up as a VTODO or an all-day VEVENT with a 9:00 reminder, unfolded. */
export function followUpLines(f: FollowUpLine, contact: string, as: IcsStyle): string[] {
  const summary = escapeText(followUpSummary(f, contact));
  const head = [`UID:${followUpUid(f)}`, `DTSTAMP:${icsStamp(f.created, f.due)}`];
  const body = [`SUMMARY:${summary}`, `DESCRIPTION:${escapeText(description(f, contact))}`];
  if (as === 'todo') {
    return [
      'BEGIN:VTODO',
      ...head,
      ...body,
      `DUE;VALUE=DATE:${icsDate(f.due)}`,
      'STATUS:NEEDS-ACTION',
      'END:VTODO',
    ];
  }
  return [
    'BEGIN:VEVENT',
    ...head,
    `DTSTART;VALUE=DATE:${icsDate(f.due)}`,
    allDayEnd(f.due),
    ...body,
    // A reminder should not make the whole day look busy.
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER;RELATED=START:PT9H',
    `DESCRIPTION:${summary}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

/** The follow-ups a calendar export holds: the open ones, by id. */
export function openFollowUps(dump: Pick<JournalDump, 'followUps'>): FollowUpLine[] {
  return dump.followUps.filter((f) => f.status === 'open');
}

/**
 * Open follow-ups as one iCalendar object (RFC 5545): a VTODO with DUE each,
 * or with `event` an all-day VEVENT each; CRLF, folded at 75 octets. With
 * nothing open it is the bare VCALENDAR wrapper, still a valid calendar.
 */
export function renderIcs(dump: Pick<JournalDump, 'contacts' | 'followUps'>, as: IcsStyle): string {
  const names = contactNames(dump);
  const items = openFollowUps(dump).flatMap((f) =>
    followUpLines(f, names.get(f.contactId) ?? `#${f.contactId}`, as),
  );
  return calendarText(items);
}

/** Contact names by id, the user (contact 0, jsonl-lines.ts) as `me`. */
export function contactNames(dump: Pick<JournalDump, 'contacts'>): Map<number, string> {
  const names = new Map<number, string>([[0, 'me']]);
  for (const c of dump.contacts) names.set(c.id, c.name);
  return names;
}

/** The PRODID every calendar netjournal writes carries: how it knows its own files. */
export const ICS_PRODID = 'PRODID:-//netjournal//EN';

/** Unfolded items (VTODO, VEVENT) in a VCALENDAR, as text. */
export function calendarText(items: readonly string[]): string {
  return contentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    ICS_PRODID,
    'CALSCALE:GREGORIAN',
    ...items,
    'END:VCALENDAR',
  ]);
}
