import { cadenceWords } from './cadence.js';
import { addDays, daysBetween } from './dates.js';
import type { FollowUp } from './journal-types.js';

/** The morning report's sections, in the order they are shown. */
export const TODAY_SECTIONS = [
  'overdue',
  'today',
  'thank_you',
  'report_back',
  'waiting',
  'birthday',
  'reconnect',
  'upcoming',
] as const;
export type TodaySection = (typeof TODAY_SECTIONS)[number];

/** One line of the morning report (PRODUCT.md, `today`). */
export interface TodayItem {
  section: TodaySection;
  /** The follow-up id; for a birthday or a reconnect its handle (b12, r12: the contact's id). */
  id: number | string;
  kind: string;
  contact: string;
  contactId: number;
  text: string;
  due: string;
  /** due minus today: negative is late. */
  days: number;
}

export interface BirthdayContact {
  id: number;
  name: string;
  birthday: string;
}

export interface ReconnectContact {
  id: number;
  name: string;
  cadenceDays: number;
  lastMet: string | null;
  created: string;
  /** No reminder before this day (a snooze, or a reconnect marked done). */
  reconnectAfter?: string | null;
}

/** The handle of a contact's birthday item in `today`, which done, drop and snooze accept. */
export function birthdayHandle(contactId: number): string {
  return `b${contactId}`;
}

/** The handle of a contact's reconnect item in `today`. */
export function reconnectHandle(contactId: number): string {
  return `r${contactId}`;
}

/** When a reconnect comes due: last met (else created) plus the cadence, or a later snooze. */
export function reconnectDue(c: ReconnectContact): string {
  const due = addDays(c.lastMet ?? c.created, c.cadenceDays);
  const after = c.reconnectAfter ?? null;
  return after !== null && after > due ? after : due;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Is today this birthday? 29 February birthdays are kept on 28 February in other years. */
export function isBirthdayToday(birthday: string, today: string): boolean {
  const monthDay = birthday.slice(-5);
  const todayMonthDay = today.slice(5);
  if (monthDay === todayMonthDay) return true;
  return (
    monthDay === '02-29' && todayMonthDay === '02-28' && !isLeapYear(Number(today.slice(0, 4)))
  );
}

/** The month-days whose birthdays fall today (two on 28 February of a common year). */
export function birthdayMonthDays(today: string): string[] {
  const monthDay = today.slice(5);
  return monthDay === '02-28' && !isLeapYear(Number(today.slice(0, 4)))
    ? ['02-28', '02-29']
    : [monthDay];
}

/** The section an open follow-up belongs in, or null when it is not due within the window. */
export function followUpSection(f: FollowUp, today: string, horizon: string): TodaySection | null {
  if (f.due > horizon) return null;
  if (f.due > today) return 'upcoming';
  if (f.kind === 'action') return f.due < today ? 'overdue' : 'today';
  return f.kind;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Build the morning report from open follow-ups, today's birthdays and the
 * contacts whose keep-in-touch date has come: sections in order, each sorted
 * by due date, then name.
 */
export function buildToday(
  input: {
    followUps: readonly FollowUp[];
    birthdays: readonly BirthdayContact[];
    reconnects: readonly ReconnectContact[];
  },
  today: string,
  days: number,
): TodayItem[] {
  const horizon = addDays(today, days);
  const items: TodayItem[] = [];
  for (const f of input.followUps) {
    const section = followUpSection(f, today, horizon);
    if (!section) continue;
    items.push({
      section,
      id: f.id,
      kind: f.kind,
      contact: f.contact.name,
      contactId: f.contact.id,
      text: f.text,
      due: f.due,
      days: daysBetween(today, f.due),
    });
  }
  for (const c of input.birthdays) {
    if (!isBirthdayToday(c.birthday, today)) continue;
    const age =
      c.birthday.length === 10 ? Number(today.slice(0, 4)) - Number(c.birthday.slice(0, 4)) : null;
    items.push({
      section: 'birthday',
      id: birthdayHandle(c.id),
      kind: 'birthday',
      contact: c.name,
      contactId: c.id,
      text: age === null ? 'birthday' : `turns ${age}`,
      due: today,
      days: 0,
    });
  }
  for (const c of input.reconnects) {
    const base = c.lastMet ?? c.created;
    const due = reconnectDue(c);
    if (due > today) continue;
    const ago = daysBetween(base, today);
    const since = c.lastMet
      ? `last met ${plural(ago, 'day')} ago`
      : `never met; added ${plural(ago, 'day')} ago`;
    items.push({
      section: 'reconnect',
      id: reconnectHandle(c.id),
      kind: 'reconnect',
      contact: c.name,
      contactId: c.id,
      text: `${since}; ${cadenceWords(c.cadenceDays)}`,
      due,
      days: daysBetween(today, due),
    });
  }
  const order = new Map(TODAY_SECTIONS.map((s, i) => [s, i]));
  return items.sort(
    (a, b) =>
      (order.get(a.section) ?? 0) - (order.get(b.section) ?? 0) ||
      (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
      compareNames(a.contact, b.contact) ||
      (typeof a.id === 'number' && typeof b.id === 'number' ? a.id - b.id : 0) ||
      a.contactId - b.contactId,
  );
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Does anything need attention today (any section but upcoming)? */
export function needsAttention(items: readonly TodayItem[]): boolean {
  return items.some((i) => i.section !== 'upcoming');
}
