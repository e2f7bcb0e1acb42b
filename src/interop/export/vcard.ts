import { formatInterval } from '../../domain/dates.js';
import { CONTACT } from '../../model/declarations.js';
import type { FieldSpec } from '../../model/field.js';
import type { ContactLine } from '../jsonl-lines.js';
import { contentLines, escapeText, singleLine } from './fold.js';

/**
 * The UID of a contact's card: its stable id as a URN (RFC 6350 §6.7.6), the
 * same in every export and on every synced device, so re-importing or a
 * CardDAV server updates the card instead of adding one. A line from before
 * stable ids has only its short id.
 */
export function contactUid(c: Pick<ContactLine, 'id' | 'uid'>): string {
  return c.uid ? `urn:uuid:${c.uid}` : `urn:netjournal:contact:${c.id}`;
}

/** BDAY: `--MMDD` when the year is unknown (RFC 6350 §4.3.1), else `YYYYMMDD`. */
export function vcardBirthday(birthday: string): string {
  return /^\d{2}-\d{2}$/.test(birthday)
    ? `--${birthday.replace('-', '')}`
    : birthday.replace(/-/g, '');
}

// The declared fields other than the name that have a vCard property, in declaration order.
const FIELDS = (CONTACT.fields as readonly FieldSpec[]).filter(
  (f) => f.vcard !== undefined && f.vcard !== 'FN',
);
// Properties other programs read first; netjournal's own (X-NETJOURNAL-*) after them.
const STANDARD = FIELDS.filter((f) => !f.vcard?.startsWith('X-'));
const OWN = FIELDS.filter((f) => f.vcard?.startsWith('X-'));

/** One field's content line, or null when it has no value. */
function fieldLine(
  field: FieldSpec,
  value: string | number | boolean | string[] | null,
): string | null {
  if (value === null || value === '' || typeof value === 'boolean' || Array.isArray(value)) {
    return null;
  }
  const property = field.vcard ?? '';
  if (field.input === 'interval' && typeof value === 'number') {
    return `${property}:${formatInterval(value)}`;
  }
  const text = String(value);
  switch (property) {
    case 'URL':
      return `URL:${singleLine(text)}`;
    case 'BDAY':
      return `BDAY:${vcardBirthday(text)}`;
    case 'ADR':
      // PO box;extended;street;locality;region;postal code;country: the location is where they are.
      return `ADR:;;;${escapeText(text)};;;`;
    default:
      // An X- property's value is raw unless it says otherwise: say it is escaped text.
      return field.input === 'text' && property.startsWith('X-')
        ? `${property};VALUE=text:${escapeText(text)}`
        : `${property}:${escapeText(text)}`;
  }
}

/** One contact as the content lines of a vCard 4.0, unfolded; absent fields are left out. */
export function vcardLines(c: ContactLine): string[] {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:${contactUid(c)}`,
    `FN:${escapeText(c.name)}`,
    // The journal keeps one name, not its parts: an empty N beside a right FN beats a wrong guess.
    'N:;;;;',
  ];
  const aliases = c.aliases ?? [];
  if (aliases.length > 0) lines.push(`NICKNAME:${aliases.map(escapeText).join(',')}`);
  const fields = c as unknown as Record<string, string | number | boolean | string[] | null>;
  for (const field of STANDARD) {
    const line = fieldLine(field, fields[field.key] ?? null);
    if (line !== null) lines.push(line);
    if (CONTACT.lists.some((l) => l.key === 'tags' && l.after === field.key) && c.tags.length)
      lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
  }
  for (const field of OWN) {
    const line = fieldLine(field, fields[field.key] ?? null);
    if (line !== null) lines.push(line);
  }
  lines.push('END:VCARD');
  return lines;
}

/**
 * Contacts as vCard 4.0 text: one card each, in the order given, lines
 * folded at 75 octets and ended by CRLF. No contacts: the empty string.
 */
export function renderVcards(contacts: readonly ContactLine[]): string {
  return contacts.map((c) => contentLines(vcardLines(c))).join('');
}
