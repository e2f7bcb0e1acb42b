/**
 * Address books' CSV exports as declarations: which of a program's columns
 * hold each contact field, tried in order, and one reader for all of them.
 * Outlook (the desktop program, Outlook.com, and the "Outlook CSV" that
 * Google Contacts writes: three layouts of the same column names) and
 * Thunderbird. Columns a layout lacks read as empty.
 */
import { columnIndex, readCsvTable, type CsvRow, type CsvTable } from './csv-table.js';
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
import { birthdayFromParts, isDayFirst, isZeroDate, readBirthday } from './written-dates.js';

type Columns = readonly string[];

/** Where one program's CSV export keeps each contact field. */
export interface CsvDialect {
  format: 'outlook' | 'thunderbird';
  /** What the summary and problems call the program's file. */
  title: string;
  /** Header cells (any case) that only this program writes: one is enough to know the file. */
  marks: Columns;
  /** The ways the program holds a name, tried in order: each its columns joined by spaces. */
  names: readonly Columns[];
  /** E-mail columns: the first address among them is kept. */
  emails: Columns;
  /** The remaining one-line fields: the first non-empty column wins. */
  phone: Columns;
  company: Columns;
  role: Columns;
  url: Columns;
  /** Addresses, tried in order: each its parts (city, region, country) joined by commas. */
  locations: readonly Columns[];
  /** One date column, or the three columns of year, month and day. */
  birthday: { date: string } | { year: string; month: string; day: string };
  notes: Columns;
  /** The column of categories, and what separates them within it. */
  tags?: { column: string; separator: RegExp };
  /** Nickname columns: each non-empty one is a nickname (unless it is the name). */
  aliases: Columns;
  /** The encoding the program writes when it does not write UTF-8 (decode.ts, decodeAsWritten). */
  notUtf8: string;
}

export const OUTLOOK: CsvDialect = {
  format: 'outlook',
  title: 'Outlook',
  marks: ['E-mail Address', 'E-mail Display Name'],
  names: [['First Name', 'Middle Name', 'Last Name'], ['Nickname']],
  emails: ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'],
  phone: ['Mobile Phone', 'Business Phone', 'Primary Phone', 'Home Phone', 'Other Phone'],
  company: ['Company'],
  role: ['Job Title'],
  url: ['Web Page', 'Personal Web Page'],
  locations: [
    ['Business City', 'Business State', 'Business Country/Region', 'Business Country'],
    ['Home City', 'Home State', 'Home Country/Region', 'Home Country'],
  ],
  birthday: { date: 'Birthday' },
  notes: ['Notes'],
  // Outlook and Google's Outlook CSV both separate categories with semicolons.
  tags: { column: 'Categories', separator: /;/ },
  // Outlook's own export has no nickname column; Google's Outlook CSV has one.
  aliases: ['Nickname'],
  // Outlook for Windows' File › Export › Comma Separated Values writes the system's ANSI code
  // page, windows-1252 on Western-European and American Windows (Google's Outlook CSV is UTF-8).
  notUtf8: 'windows-1252',
};

export const THUNDERBIRD: CsvDialect = {
  format: 'thunderbird',
  title: 'Thunderbird',
  marks: ['Primary Email', 'Secondary Email'],
  names: [['Display Name'], ['First Name', 'Last Name'], ['Nickname']],
  emails: ['Primary Email', 'Secondary Email'],
  phone: ['Mobile Number', 'Work Phone', 'Home Phone'],
  // British builds write "Organisation", "County" and "Post Code".
  company: ['Organization', 'Organisation'],
  role: ['Job Title'],
  url: ['Web Page 1', 'Web Page 2'],
  locations: [
    ['Work City', 'Work State', 'Work County', 'Work Country'],
    ['Home City', 'Home State', 'Home County', 'Home Country'],
  ],
  birthday: { year: 'Birth Year', month: 'Birth Month', day: 'Birth Day' },
  notes: ['Notes'],
  aliases: ['Nickname'],
  // The "Comma Separated (System Charset)" export on Windows: its ANSI code page.
  notUtf8: 'windows-1252',
};

const DIALECTS = [OUTLOOK, THUNDERBIRD] as const;

/** The program whose export has this header (its cells, any case), or null. */
export function dialectOf(header: readonly string[]): CsvDialect | null {
  const cells = new Set(header.map((cell) => cell.trim().toLowerCase()));
  return (
    DIALECTS.find((dialect) => dialect.marks.some((mark) => cells.has(mark.toLowerCase()))) ?? null
  );
}

/** The dialect of an import format (Outlook, Thunderbird), or null for a format that is none. */
export function dialectFor(format: string): CsvDialect | null {
  return DIALECTS.find((dialect) => dialect.format === format) ?? null;
}

/** A row's cells by column name; a column the file lacks reads as empty. */
type Cell = (column: string) => string;

function firstOf(cell: Cell, columns: Columns): string | null {
  for (const column of columns) {
    const value = oneLine(cell(column));
    if (value !== null) return value;
  }
  return null;
}

function joinedFirst(cell: Cell, ways: readonly Columns[], separator: string): string | null {
  for (const columns of ways) {
    const value = oneLine(
      columns
        .map((column) => cell(column).trim())
        .filter((part) => part !== '')
        .join(separator),
    );
    if (value !== null) return value;
  }
  return null;
}

/** How a file's birthdays are read: day or month first, and today for two-digit years. */
interface BirthdayReading {
  dayFirst: boolean;
  today: string | undefined;
}

function birthdayOf(dialect: CsvDialect, cell: Cell, check: RecordChecks, how: BirthdayReading) {
  const source = dialect.birthday;
  if ('date' in source) {
    const raw = cell(source.date);
    if (isZeroDate(raw)) return null;
    return understood(check, 'birthday', raw, (value) =>
      readBirthday(value, how.dayFirst, how.today),
    );
  }
  const parts = [cell(source.year), cell(source.month), cell(source.day)].map((p) => p.trim());
  const written = parts.filter((part) => part !== '').join('-');
  return understood(check, 'birthday', written, () =>
    birthdayFromParts(parts[0] ?? '', parts[1] ?? '', parts[2] ?? '', how.today),
  );
}

function dialectContact(row: CsvRow, dialect: CsvDialect, cell: Cell, how: BirthdayReading) {
  const check = new RecordChecks(row.line);
  const contact = blankContact(row.line, '');
  contact.email = firstEmail(check, dialect.emails.map(cell));
  contact.phone = firstOf(cell, dialect.phone);
  contact.company = firstOf(cell, dialect.company);
  contact.role = firstOf(cell, dialect.role);
  contact.url = firstOf(cell, dialect.url);
  contact.location = joinedFirst(cell, dialect.locations, ', ');
  contact.birthday = birthdayOf(dialect, cell, check, how);
  if (dialect.tags !== undefined) {
    contact.tags = labelTags(cell(dialect.tags.column).split(dialect.tags.separator));
  }
  contact.notes = dialect.notes
    .map((column) => freeText(cell(column)))
    .filter((note) => note !== null);
  const name = joinedFirst(cell, dialect.names, ' ') ?? standInName(contact);
  if (name === null) {
    check.skip(NO_NAME);
    return { contact: null, check };
  }
  contact.name = check.name(name) ?? '';
  contact.aliases = cleanAliases(dialect.aliases.map(cell), contact.name);
  return { contact, check };
}

/** The contacts of a CSV table read as a program's export, as its dialect declares it. */
export function dialectRows(
  table: CsvTable,
  dialect: CsvDialect,
  options: ParseOptions = {},
): ParseResult {
  const parsed = new ParsedRows(table.problems);
  if (table.header.length === 0) return parsed.result();
  if (dialectOf(table.header) !== dialect) {
    const marks = dialect.marks.join(' or ');
    parsed.refuse(table.headerLine, `no ${dialect.title} header (a first row naming ${marks})`);
    return parsed.result();
  }
  const index = columnIndex(table.header);
  const birthday = 'date' in dialect.birthday ? index.get(dialect.birthday.date.toLowerCase()) : -1;
  // Slash dates are month first (US), unless one of the file's birthdays can only be day first.
  const how: BirthdayReading = {
    dayFirst: table.rows.some((row) => isDayFirst(row.fields[birthday ?? -1] ?? '')),
    today: options.today,
  };
  for (const row of table.rows) {
    const cell: Cell = (column) => row.fields[index.get(column.toLowerCase()) ?? -1] ?? '';
    const { contact, check } = dialectContact(row, dialect, cell, how);
    parsed.add(contact, check);
  }
  return parsed.result();
}

/** Parse an Outlook contacts export (desktop, Outlook.com, or Google's "Outlook CSV"). */
export function parseOutlook(text: string, options: ParseOptions = {}): ParseResult {
  return dialectRows(readCsvTable(text), OUTLOOK, options);
}

/** Parse a Thunderbird address book exported as CSV. */
export function parseThunderbird(text: string, options: ParseOptions = {}): ParseResult {
  return dialectRows(readCsvTable(text), THUNDERBIRD, options);
}
