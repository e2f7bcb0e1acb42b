/**
 * Google Contacts CSV: the current export (First Name, …, Organization Name,
 * Labels, E-mail 1 - Value, …) and the legacy one (Name, Given Name, …,
 * Group Membership, Organization 1 - Name, …). Their column names barely
 * overlap, so one mapping reads both.
 */
import { columnIndex, readCsvTable } from './csv-table.js';
import { NO_NAME, ParsedRows, firstEmail, labelTags, standInName, understood } from './fields.js';
import {
  RecordChecks,
  blankContact,
  cleanAliases,
  freeText,
  oneLine,
  type ParseOptions,
  type ParseResult,
} from './types.js';
import { readBirthday } from './written-dates.js';

// Google packs several values of one kind into a cell with this separator.
const MULTI_VALUE = ':::';

/** Google labels / group memberships (`* myContacts ::: Climbing`) as tags. */
export function labelsToTags(raw: string): string[] {
  return labelTags(raw.split(MULTI_VALUE));
}

function firstValue(cell: string): string | null {
  return oneLine(cell.split(MULTI_VALUE)[0]);
}

// Columns such as "E-mail 1 - Value", "E-mail 2 - Value" in their numbered order.
function numberedColumns(header: readonly string[], kind: string): number[] {
  const pattern = new RegExp(`^${kind} (\\d+) - value$`, 'i');
  return header
    .map((cell, i) => ({ i, n: Number(pattern.exec(cell)?.[1] ?? NaN) }))
    .filter(({ n }) => !Number.isNaN(n))
    .sort((a, b) => a.n - b.n)
    .map(({ i }) => i);
}

interface GoogleColumns {
  at: (fields: string[], column: string) => string;
  emails: number[];
  phones: number[];
  websites: number[];
  /** Today, for a birthday written with a two-digit year. */
  today: string | undefined;
}

function joined(...parts: string[]): string | null {
  return oneLine(parts.join(' '));
}

function firstOf(fields: string[], indexes: number[]): string | null {
  for (const index of indexes) {
    const value = firstValue(fields[index] ?? '');
    if (value !== null) return value;
  }
  return null;
}

function googleContact(line: number, fields: string[], cols: GoogleColumns) {
  const { at } = cols;
  const check = new RecordChecks(line);
  const contact = blankContact(line, '');
  contact.company =
    oneLine(at(fields, 'Organization Name')) ?? oneLine(at(fields, 'Organization 1 - Name'));
  contact.role =
    oneLine(at(fields, 'Organization Title')) ?? oneLine(at(fields, 'Organization 1 - Title'));
  // Every address of every e-mail column, in order: the first real one is kept.
  contact.email = firstEmail(
    check,
    cols.emails.flatMap((i) => (fields[i] ?? '').split(MULTI_VALUE)),
  );
  contact.phone = firstOf(fields, cols.phones);
  contact.url = firstOf(fields, cols.websites);
  contact.location =
    oneLine(
      [
        at(fields, 'Address 1 - City'),
        at(fields, 'Address 1 - Region'),
        at(fields, 'Address 1 - Country'),
      ]
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .join(', '),
    ) ?? oneLine(at(fields, 'Location'));
  contact.birthday = understood(check, 'birthday', at(fields, 'Birthday'), (value) =>
    readBirthday(value, false, cols.today),
  );
  contact.tags = labelsToTags(
    `${at(fields, 'Labels')}${MULTI_VALUE}${at(fields, 'Group Membership')}`,
  );
  const note = freeText(at(fields, 'Notes'));
  if (note !== null) contact.notes = [note];
  // A contact with no name shows in Google Contacts as its organisation, phone or e-mail.
  const name =
    oneLine(at(fields, 'Name')) ??
    joined(at(fields, 'First Name'), at(fields, 'Middle Name'), at(fields, 'Last Name')) ??
    joined(at(fields, 'Given Name'), at(fields, 'Additional Name'), at(fields, 'Family Name')) ??
    oneLine(at(fields, 'Nickname')) ??
    oneLine(at(fields, 'File As')) ??
    standInName(contact);
  if (name === null) {
    check.skip(NO_NAME);
    return { contact: null, check };
  }
  contact.name = check.name(name) ?? '';
  // Google writes several values of one field in a cell, separated by " ::: ".
  contact.aliases = cleanAliases(at(fields, 'Nickname').split(MULTI_VALUE), contact.name);
  return { contact, check };
}

/** Parse a Google Contacts CSV export (current or legacy layout). */
export function parseGoogle(text: string, options: ParseOptions = {}): ParseResult {
  const table = readCsvTable(text);
  const index = columnIndex(table.header);
  const cols: GoogleColumns = {
    at: (fields, column) => {
      const i = index.get(column.toLowerCase());
      return i === undefined ? '' : (fields[i] ?? '');
    },
    emails: numberedColumns(table.header, 'e-mail'),
    phones: numberedColumns(table.header, 'phone'),
    websites: numberedColumns(table.header, 'website'),
    today: options.today,
  };
  const parsed = new ParsedRows(table.problems);
  for (const { line, fields } of table.rows) {
    const { contact, check } = googleContact(line, fields, cols);
    parsed.add(contact, check);
  }
  return parsed.result();
}
