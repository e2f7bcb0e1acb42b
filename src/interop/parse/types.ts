/**
 * What every import parser produces, and the field checks they share. The
 * parsers are pure: text in, contacts and problems out. They never throw on
 * bad input; a record with any problem is left out of `contacts` and its
 * problems are reported with the file line where they are.
 */
import { isMeName, parseEmail, validateName } from '../../domain/contact.js';
import { parseBirthday } from '../../domain/dates.js';
import { NetjournalError } from '../../errors.js';
import { CONTACT, CONTACT_INPUT_FIELDS } from '../../model/declarations.js';
import type { InputFieldsOf } from '../../model/field.js';

export type ImportFormat =
  'linkedin' | 'google' | 'outlook' | 'thunderbird' | 'vcard' | 'csv' | 'jsonl';

/**
 * One contact read from an import file, validated and normalised: the
 * contact fields a person sets (model/declarations.ts), and what an import
 * brings besides.
 */
export type ImportedContact = {
  /** 1-based line in the file where the record starts. */
  line: number;
  name: string;
  /** Nicknames: de-duplicated without regard to case, in file order, none the name itself. */
  aliases: string[];
  /** De-duplicated without regard to case, in file order. */
  tags: string[];
  /** Things learned: one per note, never empty. */
  notes: string[];
  /** YYYY-MM-DD. */
  created: string | null;
} & InputFieldsOf<typeof CONTACT>;

/** Something wrong with the record (or the file) at a 1-based line. */
export interface ParseProblem {
  line: number;
  message: string;
}

/** The good records and the problems of the bad ones, each in file order. */
export interface ParseResult {
  contacts: ImportedContact[];
  /** What makes a record (or the file) unusable: refused unless --skip-bad. */
  problems: ParseProblem[];
  /**
   * What the file's own program leaves out or writes oddly, handled without
   * refusing anything: a field not understood (dropped, the contact kept) or
   * a row with nothing that names a person (skipped). The import summary
   * counts them by kind, so that every row and every value is accounted for.
   * Absent when there are none.
   */
  notes?: ParseNote[];
}

/** What a parser is told besides the file's text. */
export interface ParseOptions {
  /**
   * The import's today (YYYY-MM-DD, `--now`): a birthday written with a
   * two-digit year is read against it (written-dates.ts, fullBirthYear).
   * Without it such a birthday is dropped with a note.
   */
  today?: string;
}

/** A field dropped from a kept contact, or a row skipped, and why. */
export interface ParseNote {
  line: number;
  /** 'dropped': one field of a kept contact; 'skipped': the whole row. */
  action: 'dropped' | 'skipped';
  /**
   * What, as the summary groups it: for a dropped field its name as the
   * summary says it ("birthday", "e-mail"); for a skipped row the reason
   * ("no name").
   */
  what: string;
  /** The value as the file has it (a dropped field), for the summary to quote. */
  value?: string;
}

/**
 * Why a row named "me", "I" or "myself" is skipped: those words name the user
 * (PRODUCT.md), so a contact so called could never be named back, and
 * `contact add` refuses the name. Someone's address book may still hold one
 * (often its owner's own card): the row is skipped with a note, the file
 * imported.
 */
export const NAMED_AS_YOU = 'named me, I or myself (words that mean you)';

// parseBirthday refuses dates after "today"; a pure parser has no clock, so the
// import command checks future birthdays against its own today.
const NO_LATER_THAN = '9999-12-31';
const SHOWN_VALUE_MAX = 60;

/** A contact with only its line and name set. */
export function blankContact(line: number, name: string): ImportedContact {
  const contact: Record<string, unknown> = {
    line,
    name,
    aliases: [],
    tags: [],
    notes: [],
    created: null,
  };
  for (const field of CONTACT_INPUT_FIELDS) contact[field.key] = null;
  return contact as ImportedContact;
}

/** The text without a leading UTF-8 byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A one-line value: whitespace runs (newlines too) become one space; null when empty. */
export function oneLine(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const value = raw.trim();
  if (value === '') return null;
  // Most cells are already clean; testing first spares a copy of each (30,000-row imports).
  return /\s\s|[^\S ]/.test(value) ? value.replace(/\s+/g, ' ') : value;
}

/** Free text (a note) trimmed, line breaks kept; null when empty. */
export function freeText(raw: string | null | undefined): string | null {
  const value = raw?.trim() ?? '';
  return value === '' ? null : value;
}

/** Tags from raw labels: commas split (a stored tag cannot hold one), trimmed, de-duplicated. */
export function cleanTags(raw: Iterable<string>): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of raw) {
    for (const part of value.split(',')) {
      const tag = oneLine(part);
      if (tag === null || seen.has(tag.toLowerCase())) continue;
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

/**
 * Nicknames from a file's cells: commas split (vCard's NICKNAME is a list),
 * trimmed, de-duplicated without case; left out are the contact's own name
 * (a nickname column often stands in for it) and what a name lookup reads as
 * something else (me, I, myself, #ID).
 */
export function cleanAliases(raw: Iterable<string>, name: string): string[] {
  const seen = new Set<string>([name.trim().toLowerCase()]);
  const aliases: string[] = [];
  for (const value of raw) {
    for (const part of value.split(',')) {
      const alias = oneLine(part);
      if (alias === null || seen.has(alias.toLowerCase())) continue;
      if (isMeName(alias) || /^#\d+$/.test(alias)) continue;
      seen.add(alias.toLowerCase());
      aliases.push(alias);
    }
  }
  return aliases;
}

// The ways Google and vCard write a birthday; two groups mean no year.
const BIRTHDAY_FORMS = [
  /^(\d{4})-(\d{2})-(\d{2})$/, // 1990-03-14
  /^(\d{4})(\d{2})(\d{2})$/, // 19900314
  /^--(\d{2})-?(\d{2})$/, // --03-14, --0314
  /^(\d{2})-(\d{2})$/, // 03-14
];

/** A birthday as Google or vCard writes it (with or without a time) as MM-DD or YYYY-MM-DD; null when not a real date. */
export function normaliseBirthday(raw: string): string | null {
  const date = raw.trim().replace(/T[\d:.,+\-Z]*$/i, '');
  for (const form of BIRTHDAY_FORMS) {
    const parts = form.exec(date)?.slice(1);
    if (parts === undefined) continue;
    try {
      return parseBirthday(parts.join('-'), NO_LATER_THAN);
    } catch {
      return null;
    }
  }
  return null;
}

// Long or multi-line values are cut so one bad cell cannot flood the report.
function shown(value: string): string {
  const short = value.length > SHOWN_VALUE_MAX ? `${value.slice(0, SHOWN_VALUE_MAX - 1)}…` : value;
  return JSON.stringify(short);
}

/** Collects one record's problems; the record is kept only when none were found. */
export class RecordChecks {
  readonly problems: ParseProblem[] = [];

  constructor(readonly line: number) {}

  /** Did every check pass? */
  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Was the whole row skipped (a note says why)? */
  get skipped(): boolean {
    return this.notes.some((note) => note.action === 'skipped');
  }

  /** Record a problem at the record's line or at a given one. */
  add(message: string, line = this.line): void {
    this.problems.push({ line, message });
  }

  /** Notes about this record: fields dropped (the record is kept), or the row skipped. */
  readonly notes: ParseNote[] = [];

  /** Keep the record without a field that cannot be understood, saying so in the summary. */
  drop(what: string, value: string, line = this.line): void {
    this.notes.push({ line, action: 'dropped', what, value });
  }

  /** Skip the whole row for a reason the file's program causes (not a problem: nothing refused). */
  skip(why: string, line = this.line): void {
    this.notes.push({ line, action: 'skipped', what: why });
  }

  /** Record `invalid COLUMN "value"`. */
  invalid(column: string, value: string, line = this.line): void {
    this.add(`invalid ${column} ${shown(value)}`, line);
  }

  /**
   * The contact's name (read by `clean`, one line unless told), or null after
   * recording why it cannot be one: a problem, or for a name that means the
   * user in a program's export a skip (NAMED_AS_YOU; the caller leaves the
   * row out). A file typed by hand (`refuseUserName`) has it as a problem, for
   * its writer to fix, as `contact add` would.
   */
  name(
    raw: string | null | undefined,
    line = this.line,
    clean: (raw: string | null | undefined) => string | null = oneLine,
    refuseUserName = false,
  ): string | null {
    const name = clean(raw);
    if (name === null) {
      this.add('missing name', line);
      return null;
    }
    if (isMeName(name) && !refuseUserName) {
      this.skip(NAMED_AS_YOU, line);
      return null;
    }
    try {
      return validateName(name);
    } catch (err) {
      if (!(err instanceof NetjournalError)) throw err;
      this.add(err.message, line);
      return null;
    }
  }

  /** An e-mail address; null when blank, or when invalid after recording it. */
  email(raw: string | null | undefined, column: string, line = this.line): string | null {
    const value = oneLine(raw);
    if (value === null) return null;
    try {
      return parseEmail(value);
    } catch {
      this.invalid(column, value, line);
      return null;
    }
  }

  /** A birthday; null when blank, or when invalid after recording it. */
  birthday(raw: string | null | undefined, column: string, line = this.line): string | null {
    const value = oneLine(raw);
    if (value === null) return null;
    const birthday = normaliseBirthday(value);
    if (birthday === null) this.invalid(column, value, line);
    return birthday;
  }
}
