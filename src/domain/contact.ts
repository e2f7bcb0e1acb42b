import { UsageError } from '../errors.js';
import { parseBirthday, parseInterval } from './dates.js';

export const CIRCLES = ['inner', 'second', 'third'] as const;
export type Circle = (typeof CIRCLES)[number];

/** What the user can set on a contact. */
export interface ContactFields {
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  url: string | null;
  location: string | null;
  circle: Circle | null;
  cadenceDays: number | null;
  birthday: string | null;
  tags: string[];
  howMet: string | null;
}

/** A stored contact. */
export interface Contact extends ContactFields {
  id: number;
  archived: boolean;
  created: string;
  /** Date of the latest meeting, kept by the database. */
  lastMet: string | null;
}

/** Contact options as typed on the command line. */
export interface ContactOptionInput {
  company?: string;
  role?: string;
  email?: string;
  phone?: string;
  url?: string;
  location?: string;
  circle?: string;
  every?: string;
  birthday?: string;
  tag?: string[];
  how?: string;
}

const ME_NAMES = new Set(['me', 'i', 'myself']);

/** Is this how the user refers to themself (`me`, `I`, `myself`)? */
export function isMeName(name: string): boolean {
  return ME_NAMES.has(name.trim().toLowerCase());
}

/** A contact name as stored: trimmed, not empty, not reserved. */
export function validateName(raw: string): string {
  const name = raw.trim();
  if (name === '') {
    throw new UsageError('a contact needs a name', 'give the name in quotes, e.g. "Ralph Smith"');
  }
  if (isMeName(name)) {
    throw new UsageError(
      `"${name}" means you`,
      'the user is already in the journal as "me"; pick another name',
    );
  }
  if (/^#\d+$/.test(name)) {
    throw new UsageError(`"${name}" looks like a contact id`, 'pick a name that is not #NUMBER');
  }
  return name;
}

/** inner, second or third. */
export function parseCircle(raw: string): Circle {
  const circle = raw.trim().toLowerCase();
  if ((CIRCLES as readonly string[]).includes(circle)) return circle as Circle;
  throw new UsageError(`unknown circle "${raw}"`, 'use inner, second or third');
}

/** Tags trimmed, de-duplicated without regard to case, in the order given. */
export function parseTags(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of raw) {
    const tag = value.trim();
    if (tag === '')
      throw new UsageError('a tag cannot be empty', 'give --tag a word, e.g. --tag climbing');
    if (tag.includes(',')) {
      throw new UsageError(`tag "${tag}" contains a comma`, 'repeat --tag for each tag');
    }
    if (!seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

/** A plausible e-mail address (something@somewhere), or a usage error. */
export function parseEmail(raw: string): string {
  const email = raw.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new UsageError(`invalid email "${raw}"`, 'use an address like ralph@example.com');
  }
  return email;
}

function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Validate everything typed for a new contact; throws UsageError naming the first bad value. */
export function contactFieldsFromOptions(
  rawName: string,
  opts: ContactOptionInput,
  today: string,
): ContactFields {
  const email = text(opts.email);
  const birthday = text(opts.birthday);
  const circle = text(opts.circle);
  return {
    name: validateName(rawName),
    company: text(opts.company),
    role: text(opts.role),
    email: email === null ? null : parseEmail(email),
    phone: text(opts.phone),
    url: text(opts.url),
    location: text(opts.location),
    circle: circle === null ? null : parseCircle(circle),
    cadenceDays: opts.every === undefined ? null : parseInterval(opts.every),
    birthday: birthday === null ? null : parseBirthday(birthday, today),
    tags: parseTags(opts.tag ?? []),
    howMet: text(opts.how),
  };
}

/** A contact known only by name (as `add` and `intro` create them). */
export function nameOnlyContact(name: string): ContactFields {
  return {
    name,
    company: null,
    role: null,
    email: null,
    phone: null,
    url: null,
    location: null,
    circle: null,
    cadenceDays: null,
    birthday: null,
    tags: [],
    howMet: null,
  };
}
