/**
 * LinkedIn's Connections.csv as its data export has written it: since 2023
 * a "Notes:" preamble, a blank line, then `First Name,Last Name,URL,Email
 * Address,Company,Position,Connected On` with dates like "12 Mar 2024";
 * 2020-2022 the same without URL; 2018 neither preamble nor URL, and dates
 * like "1/8/18, 6:14 PM". Columns are found by name, so all of them read.
 * Connections who hide their name come as rows with only a date: skipped.
 */
import { columnIndex, readCsvTable } from './csv-table.js';
import { NO_NAME, ParsedRows, firstEmail, understood } from './fields.js';
import { RecordChecks, blankContact, oneLine, stripBom, type ParseResult } from './types.js';
import { parseConnectedOn } from './written-dates.js';

export { parseConnectedOn } from './written-dates.js';

// The preamble is a few lines; a header further down means this is not an export.
const HEADER_SEARCH_LINES = 50;

/** Is this line LinkedIn's Connections header (First Name, Last Name, …, Connected On)? */
export function isLinkedInHeader(line: string): boolean {
  const cells = line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase());
  return cells[0] === 'first name' && cells[1] === 'last name' && cells.includes('connected on');
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
  const parsed = new ParsedRows(table.problems);
  // An export holds a few hundred distinct dates for thousands of rows: each is read once.
  const dates = new Map<string, string | null>();
  const connectedOnDate = (value: string): string | null => {
    let date = dates.get(value);
    if (date === undefined) dates.set(value, (date = parseConnectedOn(value)));
    return date;
  };
  for (const { line, fields } of table.rows) {
    const at = (i: number | undefined): string => fields[i ?? -1] ?? '';
    const check = new RecordChecks(line);
    const contact = blankContact(line, '');
    contact.url = oneLine(at(url));
    contact.email = firstEmail(check, [at(email)]);
    contact.company = oneLine(at(company));
    contact.role = oneLine(at(position));
    contact.howMet = 'LinkedIn';
    contact.created = understood(check, 'connection date', at(connectedOn), connectedOnDate);
    // LinkedIn leaves out the name of connections who hide it; an e-mail still names one.
    const name = oneLine(`${at(first)} ${at(last)}`) ?? contact.email;
    if (name === null) {
      check.skip(NO_NAME);
      parsed.add(null, check);
      continue;
    }
    contact.name = check.name(name) ?? '';
    parsed.add(contact, check);
  }
  return parsed.result();
}
