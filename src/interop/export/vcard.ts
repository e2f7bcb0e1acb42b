import { CONTACT } from '../../model/declarations.js';
import type { FieldSpec } from '../../model/field.js';
import type { ContactLine } from '../jsonl-lines.js';
import { contentLines, escapeText, singleLine } from './fold.js';

/** The UID of a contact's card: stable, so re-importing updates the card instead of adding one. */
export function contactUid(id: number): string {
  return `urn:netjournal:contact:${id}`;
}

/**
 * The N property's components (family;given;additional;prefixes;suffixes),
 * best effort: the last word is the family name, the words before it the
 * given names; a single word is a given name ("Mom", "Joe").
 */
export function nameParts(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { family: '', given: words[0] ?? '' };
  return { family: words[words.length - 1] ?? '', given: words.slice(0, -1).join(' ') };
}

/** BDAY: `--MMDD` when the year is unknown (RFC 6350 §4.3.1), else `YYYYMMDD`. */
export function vcardBirthday(birthday: string): string {
  return /^\d{2}-\d{2}$/.test(birthday)
    ? `--${birthday.replace('-', '')}`
    : birthday.replace(/-/g, '');
}

/** One contact as the content lines of a vCard 4.0, unfolded; absent fields are left out. */
export function vcardLines(c: ContactLine): string[] {
  const { family, given } = nameParts(c.name);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:${contactUid(c.id)}`,
    `FN:${escapeText(c.name)}`,
    `N:${escapeText(family)};${escapeText(given)};;;`,
  ];
  const text = (name: string, value: string | null) => {
    if (value !== null && value !== '') lines.push(`${name}:${escapeText(value)}`);
  };
  const fields = c as unknown as Record<string, string | number | string[] | null>;
  // Each declared field with a vCard property (model/declarations.ts), in order; the tags after the birthday.
  for (const field of CONTACT.fields as readonly FieldSpec[]) {
    const value = fields[field.key];
    if (field.vcard && field.vcard !== 'FN' && typeof value === 'string' && value !== '') {
      if (field.vcard === 'URL') lines.push(`URL:${singleLine(value)}`);
      else if (field.vcard === 'BDAY') lines.push(`BDAY:${vcardBirthday(value)}`);
      else text(field.vcard, value);
    }
    if (CONTACT.lists.some((l) => l.after === field.key) && c.tags.length)
      lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
  }
  // vCard's ADR is a structured postal address; netjournal's location is free text.
  text('X-NETJOURNAL-LOCATION', c.location);
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
