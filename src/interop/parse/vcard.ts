/**
 * vCard 3.0 and 4.0 (RFC 2426, RFC 6350): several cards a file, CRLF or LF,
 * folded lines, backslash escapes, parameters and `item1.` groups. Only the
 * properties a contact can hold are read; the rest (PHOTO, X-…) are skipped.
 */
import {
  RecordChecks,
  blankContact,
  cleanTags,
  freeText,
  oneLine,
  stripBom,
  type ImportedContact,
  type ParseProblem,
  type ParseResult,
} from './types.js';

/** One unfolded content line: `[group.]NAME[;params]:value`, and where it starts. */
interface Property {
  line: number;
  name: string;
  /** The raw `;TYPE=work;…` part, kept only for the few parameters that change a value. */
  params: string;
  value: string;
}

interface Card {
  line: number;
  properties: Property[];
}

/** Undo vCard text escaping: `\\` `\,` `\;` `\:` and `\n`/`\N` for a line break. */
export function unescapeValue(value: string): string {
  if (!value.includes('\\')) return value;
  // Unknown escapes are kept as written: a stray backslash is more likely data than syntax.
  return value.replace(/\\([\\,;:nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Split on `separator` where it is not escaped, then unescape each part. */
export function splitValue(value: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === separator) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map(unescapeValue);
}

// Physical lines joined back into content lines; a line starting with a space or tab continues the last.
function unfold(text: string): { line: number; text: string }[] {
  const logical: { line: number; text: string }[] = [];
  const physical = text.split(/\r\n?|\n/);
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i] ?? '';
    const last = logical[logical.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last !== undefined) {
      last.text += raw.slice(1);
    } else {
      logical.push({ line: i + 1, text: raw });
    }
  }
  return logical;
}

// The value starts after the first colon outside a quoted parameter value.
function toProperty(line: number, text: string): Property | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      const head = text.slice(0, i);
      const semicolon = head.indexOf(';');
      const qualified = semicolon === -1 ? head : head.slice(0, semicolon);
      const name = qualified
        .slice(qualified.lastIndexOf('.') + 1)
        .trim()
        .toUpperCase();
      const params = semicolon === -1 ? '' : head.slice(semicolon);
      return name === '' ? null : { line, name, params, value: text.slice(i + 1) };
    }
  }
  return null;
}

function splitCards(text: string): { cards: Card[]; problems: ParseProblem[] } {
  const cards: Card[] = [];
  const problems: ParseProblem[] = [];
  let open: Card | null = null;
  let strayRun = false;
  const unterminated = (card: Card): void => {
    problems.push({ line: card.line, message: 'BEGIN:VCARD without END:VCARD' });
  };
  for (const { line, text: content } of unfold(text)) {
    if (content.trim() === '') continue;
    const property = toProperty(line, content);
    const mark =
      property !== null && property.value.trim().toUpperCase() === 'VCARD' ? property.name : null;
    if (mark === 'BEGIN') {
      if (open !== null) unterminated(open);
      open = { line, properties: [] };
    } else if (open !== null) {
      if (mark === 'END') {
        cards.push(open);
        open = null;
        strayRun = false;
      } else if (property !== null) {
        open.properties.push(property);
      }
      // Lines without a colon inside a card (vCard 2.1 soft breaks, say) carry nothing we read.
    } else if (!strayRun) {
      // One problem per run of stray lines: a non-vCard file should not list every line.
      problems.push({ line, message: 'text outside BEGIN:VCARD … END:VCARD' });
      strayRun = true;
    }
  }
  if (open !== null) unterminated(open);
  return { cards, problems };
}

// N is Family;Given;Additional;Prefix;Suffix, each possibly a comma list; honorifics are left out.
function nameFromN(value: string): string | null {
  const [family = '', given = '', additional = ''] = splitValue(value, ';');
  return oneLine([given, additional, family].map((part) => part.replace(/,/g, ' ')).join(' '));
}

// ADR is PO box;extended;street;locality;region;postal code;country.
function locationFromAdr(value: string): string | null {
  const parts = splitValue(value, ';');
  const place = [parts[3], parts[4], parts[6]]
    .map((part) => oneLine(part))
    .filter((p) => p !== null);
  return place.length === 0 ? null : place.join(', ');
}

// Apple Contacts writes a birthday without a year as a placeholder year it names in a parameter.
function birthday(bday: Property, check: RecordChecks): string | null {
  const value = unescapeValue(bday.value).trim();
  const omitted = /;X-APPLE-OMIT-YEAR=(\d{4})/i.exec(bday.params)?.[1];
  const date =
    omitted !== undefined && value.startsWith(omitted)
      ? `--${value.slice(4).replace(/^-/, '')}`
      : value;
  return check.birthday(date, 'BDAY', bday.line);
}

function cardContact(card: Card): { contact: ImportedContact; check: RecordChecks } {
  const check = new RecordChecks(card.line);
  const first = (name: string): Property | undefined =>
    card.properties.find((p) => p.name === name && oneLine(p.value) !== null);
  const text = (name: string): string | null => {
    const property = first(name);
    return property === undefined ? null : oneLine(unescapeValue(property.value));
  };

  const fn = text('FN');
  const n = first('N');
  const name = check.name(fn ?? (n === undefined ? null : nameFromN(n.value)));
  const contact = blankContact(card.line, name ?? '');
  const org = first('ORG');
  contact.company = org === undefined ? null : oneLine(splitValue(org.value, ';')[0]);
  contact.role = text('TITLE') ?? text('ROLE');
  const email = first('EMAIL');
  if (email !== undefined)
    contact.email = check.email(unescapeValue(email.value), 'EMAIL', email.line);
  // vCard 4.0 may write a phone as a URI: TEL;VALUE=uri:tel:+1-555-0100.
  contact.phone = oneLine(text('TEL')?.replace(/^tel:/i, ''));
  contact.url = text('URL');
  const adr = first('ADR');
  contact.location = adr === undefined ? null : locationFromAdr(adr.value);
  const bday = first('BDAY');
  if (bday !== undefined) contact.birthday = birthday(bday, check);
  const categories = card.properties.filter((p) => p.name === 'CATEGORIES');
  contact.tags = cleanTags(categories.flatMap((p) => splitValue(p.value, ',')));
  for (const note of card.properties.filter((p) => p.name === 'NOTE')) {
    const value = freeText(unescapeValue(note.value));
    if (value !== null) contact.notes.push(value);
  }
  return { contact, check };
}

/** Parse a vCard file (3.0 or 4.0, one or more cards). */
export function parseVcard(text: string): ParseResult {
  const { cards, problems } = splitCards(stripBom(text));
  const contacts: ImportedContact[] = [];
  for (const card of cards) {
    const { contact, check } = cardContact(card);
    if (check.ok) contacts.push(contact);
    else problems.push(...check.problems);
  }
  problems.sort((a, b) => a.line - b.line);
  return { contacts, problems };
}
