/**
 * What the contact-export parsers share beyond the checks in types.ts: which
 * of several e-mail cells to keep, what names a contact that its file leaves
 * unnamed, labels that say nothing about the person, and how rows become one
 * ParseResult (kept, skipped with a note, or refused with a problem).
 */
import { parseEmail } from '../../domain/contact.js';
import {
  cleanTags,
  oneLine,
  type ImportedContact,
  type ParseNote,
  type ParseProblem,
  type ParseResult,
  type RecordChecks,
} from './types.js';

/** Why a row that names no one is skipped, as the import summary counts it. */
export const NO_NAME = 'no name';

// Ids that services write in their e-mail columns when they have no address to
// give: LinkedIn's member URNs, Exchange's X.500 paths. Not addresses, and not
// the user's to fix, so ignored without a note.
const NOT_AN_ADDRESS = /^(?:urn:li:|\/o=)/i;

// Groups every contact of a Google account is in: they say nothing about the person.
const SYSTEM_LABELS = new Set(['mycontacts', 'my contacts', 'starred']);

function emailOrNull(value: string): string | null {
  try {
    return parseEmail(value);
  } catch {
    return null;
  }
}

/**
 * The first e-mail address among the cells, in order. When none is one, the
 * first value that was meant as an address is dropped with a note (one a
 * contact: the summary counts contacts that lost their e-mail).
 */
export function firstEmail(check: RecordChecks, cells: Iterable<string>): string | null {
  let unreadable: string | null = null;
  for (const cell of cells) {
    const value = oneLine(cell);
    if (value === null || NOT_AN_ADDRESS.test(value)) continue;
    const email = emailOrNull(value);
    if (email !== null) return email;
    unreadable ??= value;
  }
  if (unreadable !== null) check.drop('e-mail', unreadable);
  return null;
}

/**
 * The value of a field read by `read`, or null: blank when the cell is, and
 * dropped with a note (`what` as the summary says it) when `read` cannot make
 * sense of it.
 */
export function understood<T>(
  check: RecordChecks,
  what: string,
  raw: string | null | undefined,
  read: (value: string) => T | null,
): T | null {
  const value = oneLine(raw);
  if (value === null) return null;
  const result = read(value);
  if (result === null) check.drop(what, value);
  return result;
}

/**
 * What names a contact whose file gives it no name, as address books show
 * one: its organisation, else its phone, else its e-mail (the order of
 * Android's ContactsContract.DisplayNameSources, which Google Contacts
 * follows); null when it has none of them.
 */
export function standInName(contact: ImportedContact): string | null {
  return oneLine(contact.company) ?? oneLine(contact.phone) ?? contact.email;
}

/** Labels or categories as tags, without the groups that every contact is in. */
export function labelTags(labels: Iterable<string>): string[] {
  const kept: string[] = [];
  for (const label of labels) {
    const tag = label.trim().replace(/^\*\s*/, '');
    if (!SYSTEM_LABELS.has(tag.toLowerCase())) kept.push(tag);
  }
  return cleanTags(kept);
}

/**
 * A parser's rows gathered into one ParseResult: each row is kept, skipped
 * (its notes say why), or refused (its problems say why; its notes go with it).
 */
export class ParsedRows {
  private readonly contacts: ImportedContact[] = [];
  private readonly problems: ParseProblem[];
  private readonly notes: ParseNote[] = [];

  /** Start from the file's own problems (bad quoting, a row of the wrong width). */
  constructor(fileProblems: readonly ParseProblem[] = []) {
    this.problems = [...fileProblems];
  }

  /** A row read: `contact` null, or the check skipped, when the row was skipped (check.skip said why). */
  add(contact: ImportedContact | null, check: RecordChecks): void {
    if (!check.ok) {
      this.problems.push(...check.problems);
      return;
    }
    if (contact !== null && !check.skipped) {
      this.contacts.push(contact);
      this.notes.push(...check.notes);
    } else {
      // A skipped row counts once, as skipped: what it would have dropped does not matter.
      this.notes.push(...check.notes.filter((note) => note.action === 'skipped'));
    }
  }

  /** A problem of the whole file, at its line (a missing header). */
  refuse(line: number, message: string): void {
    this.problems.push({ line, message });
  }

  /** Everything in file order; `notes` only when there are some. */
  result(): ParseResult {
    // Array.prototype.sort is stable: a line's problems and notes keep their order.
    const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
    const result: ParseResult = {
      contacts: this.contacts,
      problems: this.problems.sort(byLine),
    };
    if (this.notes.length > 0) result.notes = this.notes.sort(byLine);
    return result;
  }
}
