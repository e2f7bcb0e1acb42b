import { UsageError } from '../errors.js';
import { CONTACT_INPUT_FIELDS } from '../model/declarations.js';
import { optionName } from '../model/field.js';
import {
  parseAliases,
  parseTags,
  validateName,
  type ContactFields,
  type ContactOptionInput,
} from './contact.js';
import { readInput } from './field-input.js';

/** `contact edit` options as typed on the command line. */
export interface ContactEditInput extends ContactOptionInput {
  name?: string;
  archive?: boolean;
  unarchive?: boolean;
  addTag?: string[];
  removeTag?: string[];
  /** `--no-alias NICKNAME` (the option keeps its own key: see contact/edit.ts). */
  noAlias?: string[];
  /** `--share` (true) or `--no-share` (false): shared with the team whatever team.share says. */
  share?: boolean;
}

/** The scalar fields an edit can set; null clears one. */
export type ContactFieldChanges = Partial<Omit<ContactFields, 'tags' | 'aliases'>>;

/** What an edit changes: only the keys present are touched. */
export interface ContactChanges {
  fields: ContactFieldChanges;
  archived?: boolean;
  /** Replace the whole tag set (applied before add and remove). */
  setTags?: string[];
  addTags: string[];
  removeTags: string[];
  /** Nicknames added and removed (a set, changed by element like tags); none when absent. */
  addAliases?: string[];
  removeAliases?: string[];
  /** Shared with the team (true) or never (false), over the team.share rule. */
  teamShare?: boolean;
}

/** True when an edit would change nothing at all. */
export function isEmptyChange(changes: ContactChanges): boolean {
  return (
    Object.keys(changes.fields).length === 0 &&
    changes.archived === undefined &&
    changes.teamShare === undefined &&
    changes.setTags === undefined &&
    changes.addTags.length === 0 &&
    changes.removeTags.length === 0 &&
    (changes.addAliases ?? []).length === 0 &&
    (changes.removeAliases ?? []).length === 0
  );
}

/**
 * Validate `contact edit` options into the changes to make. An empty string
 * clears a text field, the circle or the birthday; `--every none` (or "")
 * clears the cadence; `--tag ""` alone removes every tag. Throws UsageError
 * naming the first bad value, or when nothing would change.
 */
export function contactChangesFromOptions(opts: ContactEditInput, today: string): ContactChanges {
  const fields: Record<string, unknown> = {};
  if (opts.name !== undefined) fields.name = validateName(opts.name);
  const given = opts as Record<string, unknown>;
  for (const field of CONTACT_INPUT_FIELDS) {
    const raw = given[optionName(field) ?? field.key];
    if (typeof raw === 'string') fields[field.key] = readInput(field, raw, today, 'edit');
  }
  if (opts.archive && opts.unarchive) {
    throw new UsageError('--archive and --unarchive contradict each other', 'give only one');
  }
  const changes: ContactChanges = {
    fields: fields as ContactFieldChanges,
    addTags: parseTags(opts.addTag ?? []),
    removeTags: parseTags(opts.removeTag ?? []),
  };
  if (opts.alias !== undefined) changes.addAliases = parseAliases(opts.alias);
  if (opts.noAlias !== undefined) changes.removeAliases = parseAliases(opts.noAlias);
  if (opts.archive) changes.archived = true;
  if (opts.unarchive) changes.archived = false;
  if (opts.share !== undefined) changes.teamShare = opts.share;
  if (opts.tag !== undefined) {
    if (changes.addTags.length > 0 || changes.removeTags.length > 0) {
      throw new UsageError(
        '--tag replaces all tags, so it cannot be combined with --add-tag or --remove-tag',
        'use --tag alone to set the tags, or --add-tag/--remove-tag to change some',
      );
    }
    const clearsAll = opts.tag.length === 1 && opts.tag[0]?.trim() === '';
    changes.setTags = clearsAll ? [] : parseTags(opts.tag);
  }
  const removing = new Set(changes.removeTags.map((t) => t.toLowerCase()));
  const both = changes.addTags.find((t) => removing.has(t.toLowerCase()));
  if (both !== undefined) {
    throw new UsageError(`tag "${both}" is both added and removed`, 'give it only once');
  }
  const unaliasing = new Set((changes.removeAliases ?? []).map((a) => a.toLowerCase()));
  const twice = (changes.addAliases ?? []).find((a) => unaliasing.has(a.toLowerCase()));
  if (twice !== undefined) {
    throw new UsageError(`nickname "${twice}" is both added and removed`, 'give it only once');
  }
  if (isEmptyChange(changes)) {
    throw new UsageError('nothing to change', 'give an option such as --company');
  }
  return changes;
}
