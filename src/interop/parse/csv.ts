/**
 * The generic CSV format: a header naming our fields (name, company, role,
 * email, …; any case), read as netjournal's csv writer wrote them (a defused
 * formula is undone, text is kept as the journal holds it), so that its own
 * csv reads back. A CSV that an address book wrote (Outlook, Thunderbird) is
 * read as its program's dialect instead.
 */
import { parseCircle } from '../../domain/contact.js';
import { isIsoDate, parseInterval } from '../../domain/dates.js';
import { CONTACT_INPUT_FIELDS } from '../../model/declarations.js';
import type { FieldSpec } from '../../model/field.js';
import { undefuseFormula } from '../../output/delimited.js';
import { readCsvTable, type CsvRow } from './csv-table.js';
import { dialectOf, dialectRows } from './dialects.js';
import { NO_NAME, ParsedRows, firstEmail, standInName, understood } from './fields.js';
import {
  RecordChecks,
  blankContact,
  cleanAliases,
  cleanTags,
  freeText,
  oneLine,
  type ParseOptions,
  type ParseResult,
} from './types.js';
import { readBirthday } from './written-dates.js';

/** A column of the generic format: a contact field's key, or one of the parts below. */
type GenericField = string;

// Our own field names, as typed by hand or as `contacts --format csv` writes
// them: each declared contact field's CSV names (model/declarations.ts), and
// the parts that are not one field. A Map, not an object: a header cell named
// "constructor" must not find Object's.
const GENERIC_ALIASES: ReadonlyMap<string, GenericField> = new Map([
  ['name', 'name'],
  ['first name', 'first'],
  ['firstname', 'first'],
  ['last name', 'last'],
  ['lastname', 'last'],
  ...CONTACT_INPUT_FIELDS.flatMap((f) => (f.csv ?? []).map((alias) => [alias, f.key] as const)),
  ['tags', 'tags'],
  ['nicknames', 'aliases'],
  ['nickname', 'aliases'],
  ['aliases', 'aliases'],
  ['alias', 'aliases'],
  ['notes', 'notes'],
  ['note', 'notes'],
  ['e-mail', 'email'],
  ['email address', 'email'],
  ['created', 'created'],
]);

// What the summary calls a field it could not understand, by the field's input kind.
const DROPPED_AS: Partial<Record<string, string>> = {
  email: 'e-mail',
  birthday: 'birthday',
  circle: 'circle',
  interval: 'keep-in-touch interval',
};

/** Keep-in-touch days from an `every` cell: an interval (30d, 6w) or, as exported, a bare day count. */
function cadenceFrom(value: string): number | null {
  if (/^\d+$/.test(value)) return parseInterval(`${value}d`);
  return parseInterval(value);
}

// The reader of an input kind that can fail: null for a value it does not understand.
function lenient<T>(read: (value: string) => T): (value: string) => T | null {
  return (value) => {
    try {
      return read(value);
    } catch {
      return null;
    }
  };
}

/** A declared field's value from a cell, as its input kind reads it; dropped with a note when it is not one. */
function cellValue(
  field: FieldSpec,
  raw: string,
  check: RecordChecks,
  today: string | undefined,
): string | number | null {
  const what = DROPPED_AS[field.input ?? ''] ?? field.key;
  switch (field.input) {
    case 'email':
      return firstEmail(check, [raw]);
    case 'birthday':
      return understood(check, what, raw, (value) => readBirthday(value, false, today));
    case 'circle':
      return understood(check, what, raw, lenient(parseCircle));
    case 'interval':
      // "none" is how the journal writes no cadence: a value, not one to report.
      if (oneLine(raw)?.toLowerCase() === 'none') return null;
      return understood(check, what, raw, lenient(cadenceFrom));
    default:
      // Text as the journal holds it (trimmed, line breaks and spacing kept), so that
      // netjournal's own csv reads back exactly.
      return freeText(raw);
  }
}

function genericContact(row: CsvRow, cols: Map<GenericField, number>, today?: string) {
  const check = new RecordChecks(row.line);
  // Every cell as it was before netjournal's csv writer defused it (`'=x` reads `=x`).
  const cell = (field: GenericField): string => {
    const i = cols.get(field);
    return i === undefined ? '' : undefuseFormula(row.fields[i] ?? '');
  };
  const contact = blankContact(row.line, '');
  const fields = contact as unknown as Record<string, unknown>;
  for (const field of CONTACT_INPUT_FIELDS) {
    fields[field.key] = cellValue(field, cell(field.key), check, today);
  }
  contact.tags = cleanTags(cell('tags').split(';'));
  const note = freeText(cell('notes'));
  if (note !== null) contact.notes = [note];
  contact.created = understood(check, 'created date', cell('created'), (value) =>
    isIsoDate(value) ? value : null,
  );
  // A name column is kept as the journal holds it; parts, or what stands in for a name, on one line.
  const name =
    freeText(cell('name')) ?? oneLine(`${cell('first')} ${cell('last')}`) ?? standInName(contact);
  if (name === null) {
    check.skip(NO_NAME);
    return { contact: null, check };
  }
  // Our own columns: a file netjournal wrote (which never holds "me") or one typed by hand.
  contact.name = check.name(name, row.line, freeText, true) ?? '';
  contact.aliases = cleanAliases(cell('aliases').split(';'), contact.name);
  return { contact, check };
}

/**
 * Parse a CSV whose header names our fields (name, company, role, email, …;
 * any case), or that an address book wrote. A contact without a name is
 * named by its company, phone or e-mail, as address books show it; a file
 * needs a name or an e-mail column.
 */
export function parseCsv(text: string, options: ParseOptions = {}): ParseResult {
  const table = readCsvTable(text);
  const dialect = dialectOf(table.header);
  if (dialect !== null) return dialectRows(table, dialect, options);
  const parsed = new ParsedRows(table.problems);
  if (table.header.length === 0) return parsed.result();

  const cols = new Map<GenericField, number>();
  table.header.forEach((cell, i) => {
    const field = GENERIC_ALIASES.get(cell.toLowerCase());
    if (field !== undefined && !cols.has(field)) cols.set(field, i);
  });
  const naming = ['name', 'first', 'last', 'email'];
  if (!naming.some((field) => cols.has(field))) {
    parsed.refuse(
      table.headerLine,
      'no "name" or "email" column in the header (expected name, company, role, email, …)',
    );
    return parsed.result();
  }
  for (const row of table.rows) {
    const { contact, check } = genericContact(row, cols, options.today);
    parsed.add(contact, check);
  }
  return parsed.result();
}
