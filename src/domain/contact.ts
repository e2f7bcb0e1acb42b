import { UsageError } from '../errors.js';
import { CIRCLES, CONTACT, CONTACT_INPUT_FIELDS } from '../model/declarations.js';
import {
  optionName,
  type FieldsOf,
  type InputFieldsOf,
  type OptionInputOf,
} from '../model/field.js';
import { readInput } from './field-input.js';

export { CIRCLES };
export type Circle = (typeof CIRCLES)[number];

/** What the user can set on a contact (model/declarations.ts: the fields with an input kind). */
export type ContactFields = { name: string } & InputFieldsOf<typeof CONTACT> & {
    aliases: string[];
    tags: string[];
  };

/** A stored contact: every field shown in its record, with its short id. */
export type Contact = { id: number } & FieldsOf<typeof CONTACT> & {
    aliases: string[];
    tags: string[];
  };

/** Contact options as typed on the command line (one per declared flag, --alias and --tag). */
export type ContactOptionInput = OptionInputOf<typeof CONTACT> & {
  alias?: string[];
  tag?: string[];
};

const ME_NAMES = new Set(['me', 'i', 'myself']);

/** Is this how the user refers to themself (`me`, `I`, `myself`)? */
export function isMeName(name: string): boolean {
  return ME_NAMES.has(name.trim().toLowerCase());
}

/** A contact name as stored: trimmed, not empty, not reserved. */
export function validateName(raw: string): string {
  const name = raw.trim();
  if (name === '') {
    throw new UsageError('a contact needs a name', 'give the name in quotes, e.g. "Ralph Smith"');
  }
  if (isMeName(name)) {
    throw new UsageError(
      `"${name}" means you`,
      'the user is already in the journal as "me"; pick another name',
    );
  }
  if (/^#\d+$/.test(name)) {
    throw new UsageError(`"${name}" looks like a contact id`, 'pick a name that is not #NUMBER');
  }
  return name;
}

/** inner, second or third. */
export function parseCircle(raw: string): Circle {
  const circle = raw.trim().toLowerCase();
  if ((CIRCLES as readonly string[]).includes(circle)) return circle as Circle;
  throw new UsageError(`unknown circle "${raw}"`, 'use inner, second or third');
}

/** Tags trimmed, de-duplicated without regard to case, in the order given. */
export function parseTags(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of raw) {
    const tag = value.trim();
    if (tag === '')
      throw new UsageError('a tag cannot be empty', 'give --tag a word, e.g. --tag climbing');
    if (tag.includes(',')) {
      throw new UsageError(`tag "${tag}" contains a comma`, 'repeat --tag for each tag');
    }
    if (!seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

/**
 * Nicknames trimmed, de-duplicated without regard to case, in the order
 * given. Each must be something a name lookup could find: not empty, not
 * `me`, not `#ID`; no comma (vCard and CSV cells list them with commas).
 */
export function parseAliases(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const aliases: string[] = [];
  for (const value of raw) {
    const alias = value.trim();
    if (alias === '')
      throw new UsageError('a nickname cannot be empty', 'give --alias a name, e.g. --alias Rafa');
    if (isMeName(alias))
      throw new UsageError(`"${alias}" means you`, 'pick a nickname that is not me, I or myself');
    if (/^#\d+$/.test(alias))
      throw new UsageError(
        `"${alias}" looks like a contact id`,
        'pick a nickname that is not #NUMBER',
      );
    if (alias.includes(','))
      throw new UsageError(
        `nickname "${alias}" contains a comma`,
        'repeat --alias for each nickname',
      );
    if (!seen.has(alias.toLowerCase())) {
      seen.add(alias.toLowerCase());
      aliases.push(alias);
    }
  }
  return aliases;
}

/** A plausible e-mail address (something@somewhere), or a usage error. */
export function parseEmail(raw: string): string {
  const email = raw.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new UsageError(`invalid email "${raw}"`, 'use an address like ralph@example.com');
  }
  return email;
}

/** Validate everything typed for a new contact; throws UsageError naming the first bad value. */
export function contactFieldsFromOptions(
  rawName: string,
  opts: ContactOptionInput,
  today: string,
): ContactFields {
  const fields = nameOnlyContact(validateName(rawName)) as unknown as Record<string, unknown>;
  const given = opts as Record<string, string | undefined>;
  for (const field of CONTACT_INPUT_FIELDS) {
    const raw = given[optionName(field) ?? field.key];
    if (raw !== undefined) fields[field.key] = readInput(field, raw, today, 'add');
  }
  fields.aliases = parseAliases(opts.alias ?? []);
  fields.tags = parseTags(opts.tag ?? []);
  return fields as unknown as ContactFields;
}

/** A contact known only by name (as `add` and `intro` create them). */
export function nameOnlyContact(name: string): ContactFields {
  const fields: Record<string, unknown> = { name };
  for (const field of CONTACT_INPUT_FIELDS) fields[field.key] = null;
  fields.aliases = [];
  fields.tags = [];
  return fields as unknown as ContactFields;
}
