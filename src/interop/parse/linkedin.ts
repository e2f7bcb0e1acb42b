/**
 * LinkedIn's Connections.csv as its data export writes it: a "Notes:"
 * preamble, a blank line, then `First Name,Last Name,URL,Email Address,
 * Company,Position,Connected On`. Columns are found by name so an older
 * export without URL reads too.
 */
import { isIsoDate } from '../../domain/dates.js';
import { columnIndex, readCsvTable } from './csv.js';
import { RecordChecks, blankContact, oneLine, stripBom, type ParseResult } from './types.js';

// The preamble is a few lines; a header further down means this is not an export.
const HEADER_SEARCH_LINES = 50;
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

/** Is this line LinkedIn's Connections header (First Name, Last Name, …, Connected On)? */
export function isLinkedInHeader(line: string): boolean {
  const cells = line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase());
  return cells[0] === 'first name' && cells[1] === 'last name' && cells.includes('connected on');
}

/** "12 Mar 2024" (also "12-Mar-24", "12 March 2024", 2024-03-12) as YYYY-MM-DD; null if not a date. */
export function parseConnectedOn(raw: string): string | null {
  const value = raw.trim();
  if (isIsoDate(value)) return value;
  const match = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4}|\d{2})$/i.exec(value);
  if (!match) return null;
  const word = (match[2] ?? '').toLowerCase();
  // "Mar", "Sept", "March": any start of the month's name of three letters or more.
  const month = MONTHS.findIndex((name) => word.length >= 3 && name.startsWith(word)) + 1;
  if (month === 0) return null;
  const yearText = match[3] ?? '';
  // Two-digit years come from older exports, all of them after 2000.
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const date = `${year}-${String(month).padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}

// Where the header is: the preamble may hold a quoted paragraph over several lines.
function findHeader(text: string): { line: number; offset: number } | null {
  let offset = 0;
  for (let line = 1; line <= HEADER_SEARCH_LINES && offset <= text.length; line++) {
    const end = text.indexOf('\n', offset);
    const stop = end === -1 ? text.length : end;
    if (isLinkedInHeader(text.slice(offset, stop))) return { line, offset };
    if (end === -1) break;
    offset = end + 1;
  }
  return null;
}

/** Parse LinkedIn's Connections.csv: one contact per connection, met on LinkedIn. */
export function parseLinkedIn(text: string): ParseResult {
  // Line breaks made uniform so the header's line number is the one csv-parse continues from.
  const source = stripBom(text).replace(/\r\n?/g, '\n');
  const found = findHeader(source);
  if (found === null) {
    return {
      contacts: [],
      problems: [
        {
          line: 1,
          message:
            'no LinkedIn header (First Name,Last Name,URL,Email Address,Company,Position,Connected On)',
        },
      ],
    };
  }
  const table = readCsvTable(source.slice(found.offset), found.line);
  const cols = columnIndex(table.header);
  const col = (name: string): number => cols.get(name.toLowerCase()) ?? -1;
  const [first, last, url, email, company, position, connectedOn] = [
    'First Name',
    'Last Name',
    'URL',
    'Email Address',
    'Company',
    'Position',
    'Connected On',
  ].map(col);
  const result: ParseResult = { contacts: [], problems: [...table.problems] };
  for (const { line, fields } of table.rows) {
    const at = (i: number | undefined): string => fields[i ?? -1] ?? '';
    const check = new RecordChecks(line);
    const name = check.name(`${at(first)} ${at(last)}`);
    const contact = blankContact(line, name ?? '');
    contact.url = oneLine(at(url));
    contact.email = check.email(at(email), 'Email Address');
    contact.company = oneLine(at(company));
    contact.role = oneLine(at(position));
    contact.howMet = 'LinkedIn';
    const connected = oneLine(at(connectedOn));
    if (connected !== null) {
      contact.created = parseConnectedOn(connected);
      if (contact.created === null) check.invalid('Connected On', connected);
    }
    if (check.ok) result.contacts.push(contact);
    else result.problems.push(...check.problems);
  }
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}
