/**
 * vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350, and 2.1 as Outlook, Android
 * and Nokia write it): several cards a file, quoted-printable and CHARSET in
 * any property, folded lines, backslash escapes, parameters and `item1.`
 * groups (vcard-lines.ts). Only the properties a contact can hold are read;
 * the rest (PHOTO, X-…) are skipped. A value that cannot be understood is
 * dropped with a note and its contact kept; a card with no name, or named
 * "Me" (types.ts, NAMED_AS_YOU), is skipped with a note. Only a file that is not vCard, a card left open, or bytes no
 * charset explains refuse the file.
 */
import { parseCircle } from '../../domain/contact.js';
import { isIsoDate, parseInterval } from '../../domain/dates.js';
import { CONTACT_INPUT_FIELDS } from '../../model/declarations.js';
import {
  RecordChecks,
  blankContact,
  cleanAliases,
  cleanTags,
  freeText,
  oneLine,
  stripBom,
  type ImportedContact,
  type ParseNote,
  type ParseOptions,
  type ParseResult,
} from './types.js';
import {
  Unreadable,
  splitCards,
  splitValue,
  unescapeValue,
  valueText,
  type Card,
  type Property,
} from './vcard-lines.js';
import { readVcardBirthday } from './written-dates.js';

/** What the summary calls each property's field when it drops one. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  FN: 'name',
  N: 'name',
  ORG: 'company',
  TITLE: 'role',
  ROLE: 'role',
  EMAIL: 'e-mail',
  TEL: 'phone',
  URL: 'URL',
  ADR: 'location',
  'X-NETJOURNAL-LOCATION': 'location',
  BDAY: 'birthday',
  CATEGORIES: 'tags',
  NICKNAME: 'nickname',
  NOTE: 'note',
  'X-NETJOURNAL-CIRCLE': 'circle',
  'X-NETJOURNAL-CADENCE': 'cadence',
  'X-NETJOURNAL-HOW-MET': 'how met',
  'X-NETJOURNAL-CREATED': 'created date',
};

/** The contact fields netjournal's own export keeps in X-NETJOURNAL-* properties, read by their input kind. */
const OWN_PROPERTIES = CONTACT_INPUT_FIELDS.filter((f) => f.vcard?.startsWith('X-NETJOURNAL-'));

export interface VcardOptions extends ParseOptions {
  /** The file was read one character per byte (it is not UTF-8): each property is decoded from its bytes. */
  byteString?: boolean;
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
function birthdayText(value: string, params: string): string {
  const omitted = /;X-APPLE-OMIT-YEAR=(\d{4})/i.exec(params)?.[1];
  return omitted !== undefined && value.startsWith(omitted)
    ? `--${value.slice(4).replace(/^-/, '')}`
    : value;
}

// Keep-in-touch days as the export writes them (30d, 6w, 1m) or as a bare day count.
function cadenceDays(value: string): number | null {
  try {
    return parseInterval(/^\d+$/.test(value) ? `${value}d` : value);
  } catch {
    return null;
  }
}

/** One card's properties, each decoded once, with the checks that note what was dropped. */
class CardReader {
  readonly check: RecordChecks;

  constructor(
    readonly card: Card,
    private readonly byteString: boolean,
  ) {
    this.check = new RecordChecks(card.line);
  }

  /** The property's value as text (still escaped), or null after noting why it cannot be read. */
  text(p: Property): string | null {
    if (p.text === undefined) {
      const value = valueText(p, this.byteString);
      if (value instanceof Unreadable) {
        if (value.refuse) this.check.add(value.message, p.line);
        else this.check.drop(FIELD_NAMES[p.name] ?? p.name, p.value, p.line);
        p.text = null;
      } else p.text = value;
    }
    return p.text;
  }

  /** Every property of a name, in file order. */
  all(name: string): Property[] {
    return this.card.properties.filter((p) => p.name === name);
  }

  /** The first property of a name whose value is not blank; its text is then `value(p)`. */
  first(name: string): Property | null {
    for (const property of this.card.properties) {
      if (property.name !== name) continue;
      const value = this.text(property);
      if (value !== null && value.trim() !== '') return property;
    }
    return null;
  }

  /** The text of a property `first` found (still escaped). */
  value(p: Property): string {
    return p.text ?? '';
  }

  /** The first non-blank value of a property, unescaped and on one line. */
  line(name: string): string | null {
    const found = this.first(name);
    return found === null ? null : oneLine(unescapeValue(this.value(found)));
  }

  /** Keep the contact without a field that cannot be understood. */
  drop(property: Property, value: string): void {
    this.check.drop(FIELD_NAMES[property.name] ?? property.name, value, property.line);
  }
}

// The company: the first component of ORG (the rest are departments).
function company(read: CardReader): string | null {
  const org = read.first('ORG');
  return org === null ? null : oneLine(splitValue(read.value(org), ';')[0]);
}

// FN, else N, else (a company's own card) ORG; null when the card names no one.
function cardName(read: CardReader): string | null {
  const fn = read.line('FN');
  if (fn !== null) return fn;
  const n = read.first('N');
  return (n === null ? null : nameFromN(read.value(n))) ?? company(read);
}

function email(read: CardReader): string | null {
  let firstBad: [Property, string] | null = null;
  for (const property of read.all('EMAIL')) {
    const value = read.text(property);
    const address = oneLine(value === null ? null : unescapeValue(value));
    if (address === null) continue;
    // A check of its own, so that a bad address among good ones refuses nothing.
    const probe = new RecordChecks(property.line);
    const valid = probe.email(address, 'EMAIL');
    if (valid !== null) return valid;
    firstBad ??= [property, address];
  }
  if (firstBad !== null) read.drop(...firstBad);
  return null;
}

function birthday(read: CardReader, today: string | undefined): string | null {
  const found = read.first('BDAY');
  if (found === null) return null;
  const value = oneLine(unescapeValue(read.value(found))) ?? '';
  const date = readVcardBirthday(birthdayText(value, found.params), today);
  if (date === null) read.drop(found, value);
  return date;
}

// circle, cadence and how met, as netjournal's own export writes them.
function ownFields(read: CardReader, contact: ImportedContact): void {
  // Most cards come from other programs: one look says there is nothing to read.
  if (!read.card.properties.some((p) => p.name.startsWith('X-NETJOURNAL-'))) return;
  const fields = contact as unknown as Record<string, unknown>;
  for (const field of OWN_PROPERTIES) {
    const found = read.first(field.vcard ?? '');
    if (found === null) continue;
    const text = unescapeValue(read.value(found));
    const value =
      field.input === 'circle'
        ? (() => {
            try {
              return parseCircle(text);
            } catch {
              return null;
            }
          })()
        : field.input === 'interval'
          ? cadenceDays(text.trim())
          : freeText(text);
    if (value === null) read.drop(found, text);
    fields[field.key] = value;
  }
  // netjournal's exports before ADR kept the location in a property of their own.
  contact.location = read.line('X-NETJOURNAL-LOCATION') ?? contact.location;
  const created = read.first('X-NETJOURNAL-CREATED');
  if (created !== null) {
    const date = oneLine(read.value(created)) ?? '';
    if (isIsoDate(date)) contact.created = date;
    else read.drop(created, read.value(created));
  }
}

function cardContact(
  card: Card,
  options: VcardOptions,
): { contact: ImportedContact | null; read: CardReader } {
  const read = new CardReader(card, options.byteString === true);
  const raw = cardName(read);
  if (raw === null) {
    read.check.skip('no name');
    return { contact: null, read };
  }
  const name = read.check.name(raw);
  // A card named "Me" (the address book owner's, usually) is skipped: the name means the user.
  if (read.check.skipped) return { contact: null, read };
  const contact = blankContact(card.line, name ?? '');
  contact.company = company(read);
  contact.role = read.line('TITLE') ?? read.line('ROLE');
  contact.email = email(read);
  // vCard 4.0 may write a phone as a URI: TEL;VALUE=uri:tel:+1-555-0100.
  contact.phone = oneLine(read.line('TEL')?.replace(/^tel:/i, ''));
  contact.url = read.line('URL');
  const adr = read.first('ADR');
  contact.location = adr === null ? null : locationFromAdr(read.value(adr));
  contact.birthday = birthday(read, options.today);
  const categories = read.all('CATEGORIES').map((p) => read.text(p) ?? '');
  contact.tags = cleanTags(categories.flatMap((value) => splitValue(value, ',')));
  const nicknames = read.all('NICKNAME').map((p) => read.text(p) ?? '');
  contact.aliases = cleanAliases(
    nicknames.flatMap((value) => splitValue(value, ',')),
    contact.name,
  );
  for (const note of read.all('NOTE')) {
    const value = read.text(note);
    const text = value === null ? null : freeText(unescapeValue(value));
    if (text !== null) contact.notes.push(text);
  }
  ownFields(read, contact);
  return { contact, read };
}

/** Parse a vCard file (2.1, 3.0 or 4.0, one or more cards). */
export function parseVcard(text: string, options: VcardOptions = {}): ParseResult {
  const { cards, problems } = splitCards(stripBom(text));
  const contacts: ImportedContact[] = [];
  const notes: ParseNote[] = [];
  for (const card of cards) {
    const { contact, read } = cardContact(card, options);
    // A refused card's dropped fields are not worth a note: the problem names the card.
    if (read.check.ok) {
      notes.push(...read.check.notes);
      if (contact !== null) contacts.push(contact);
    } else problems.push(...read.check.problems);
  }
  problems.sort((a, b) => a.line - b.line);
  return notes.length === 0 ? { contacts, problems } : { contacts, problems, notes };
}
