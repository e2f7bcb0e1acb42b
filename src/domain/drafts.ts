import type { MeetingKind } from './journal-types.js';

/** What a draft is for: a follow-up's kind, an outreach nudge, a `today` item, or an introduction. */
export type DraftKind =
  'thank_you' | 'report_back' | 'waiting' | 'nudge' | 'reconnect' | 'birthday' | 'intro';

export const DRAFT_KINDS: readonly DraftKind[] = [
  'thank_you',
  'report_back',
  'waiting',
  'nudge',
  'reconnect',
  'birthday',
  'intro',
];

/** Someone a draft names. */
export interface DraftPerson {
  name: string;
  email: string | null;
  company: string | null;
  role: string | null;
}

/** Everything the journal knows that a draft may use; a value it lacks is null or empty. */
export interface DraftFacts {
  kind: DraftKind;
  /** The follow-up the draft is for (null for `today` items and introductions). */
  followUpId: number | null;
  /** Who the draft is written to (for an introduction: the first of the two). */
  to: DraftPerson;
  /** The user's own name (`config set me.name`), to sign with. */
  me: string | null;
  /** The meeting it follows (thank-you, report-back, the offer), else the last one met. */
  meeting: { kind: MeetingKind; date: string } | null;
  /** Things learned at that meeting (or, for reconnect and birthday, the last thing learned). */
  learned: readonly string[];
  /** What the user promised at that meeting (open `action` follow-ups). */
  promised: readonly string[];
  /** What they offered at that meeting (`waiting` follow-ups, the offer drafted for first). */
  offered: readonly string[];
  /**
   * thank-you: who introduced the user to them; report-back: the person
   * met; waiting: whom they offered to introduce the user to, when a
   * contact's name is in the offer; intro: the second person introduced.
   */
  other: DraftPerson | null;
  /** An introduction's context ("both into climate tech"). */
  context: string | null;
}

/** A draft e-mail: who it is for, its subject and body. */
export interface Draft {
  to: string;
  email: string | null;
  subject: string;
  body: string;
  followUpId: number | null;
}

/** The first word of a name: what a friendly note opens with. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "20 November", with the year when it is not this year's: how a note says a date. */
export function spokenDate(date: string, today: string): string {
  const [year, month, day] = date.split('-');
  const said = `${Number(day)} ${MONTHS[Number(month) - 1] ?? month}`;
  return year === today.slice(0, 4) ? said : `${said} ${year}`;
}

/** "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A text the user wrote as a to-do ("Send my portfolio"), as the rest of "I'll …". */
export function asPromise(text: string): string {
  const t = text.trim().replace(/[.!]+$/, '');
  // "Send my CV" reads "I'll send my CV"; a leading acronym ("CV …") stays as written.
  return /^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

/** A note without its closing full stop, to quote inside a sentence. */
export function quoted(text: string): string {
  return text.trim().replace(/[.!]+$/, '');
}

/** A subject is one line: a name with a line break in it must not end the header. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Who a draft goes to: the contact, or for an introduction both people. */
export function recipient(f: DraftFacts): { to: string; email: string | null } {
  if (f.kind === 'intro' && f.other) {
    const emails = [f.to.email, f.other.email].filter((e): e is string => e !== null);
    return { to: `${f.to.name}, ${f.other.name}`, email: emails.length ? emails.join(', ') : null };
  }
  return { to: f.to.name, email: f.to.email };
}

/** A draft as text: the subject line, a blank line, the body. */
export function draftText(d: Draft): string {
  return `${d.subject}\n\n${d.body}\n`;
}
