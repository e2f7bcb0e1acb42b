import type { Circle } from '../domain/contact.js';
import type { ImportedContact } from '../interop/parse/types.js';
import { CONTACT } from '../model/declarations.js';
import type { FieldSpec } from '../model/field.js';
import type { Db } from './journal.js';
import { updateRecord } from './write.js';
import { RecordBuffer } from './write-many.js';
import { statement } from './sqlite.js';

export interface ImportSettings {
  /** Circle for contacts that have none. */
  circle: Circle | null;
  /** Tag added to every imported contact. */
  tag: string | null;
  today: string;
  timestamp: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A value a row carried that the journal already had otherwise: the journal's is kept. */
export interface KeptValue {
  line: number;
  contact: string;
  field: string;
  value: string;
}

/** What an import did, and which existing contacts it changed (for the search index). */
export interface ImportOutcome {
  counts: ImportCounts;
  changedContacts: Set<number>;
  /** Values the file had that differ from the contact's own: said in the summary, never dropped silently. */
  kept: KeptValue[];
}

/** A contact already in the journal (or added by this import): its columns, tags and notes. */
interface Existing {
  id: number;
  name: string;
  /** The fillable columns, as stored (email and url among them). */
  columns: Record<string, string | number | null>;
  tags: Set<string>;
  /** Nicknames, in lower case. */
  aliases: Set<string>;
  notes: Set<string>;
}

/** The fields an import may set on a contact, all of which it fills when they are empty. */
const FILLABLE = (CONTACT.fields as readonly FieldSpec[]).filter((f) => f.input && f.mergeFill);

/** LinkedIn writes the same profile as http/https, with or without www and a trailing slash. */
export function normaliseUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

/**
 * Import contacts: the same e-mail (any case) or profile URL updates the
 * existing contact, filling only its empty fields, adding nicknames, tags and notes it
 * lacks; a contact with neither matches a sole contact of the same name.
 * Everything else is created. Call inside a write transaction.
 */
export function importContacts(
  db: Db,
  contacts: readonly ImportedContact[],
  settings: ImportSettings,
  onProgress: (done: number) => void = () => undefined,
): ImportOutcome {
  const byEmail = new Map<string, Existing>();
  const byUrl = new Map<string, Existing>();
  const byName = new Map<string, Existing[]>();
  const index = (c: Existing) => {
    const { email, url } = c.columns;
    if (typeof email === 'string' && email) byEmail.set(email.toLowerCase(), c);
    if (typeof url === 'string' && url) byUrl.set(normaliseUrl(url), c);
    const key = c.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), c]);
  };
  const rows = statement(
    db,
    `SELECT id, name, ${FILLABLE.map((f) => f.column).join(', ')} FROM contacts WHERE is_me = 0`,
  ).all() as ({ id: number; name: string } & Record<string, string | number | null>)[];
  const tagsOf = new Map<number, Set<string>>();
  for (const t of statement(db, 'SELECT contact_id, tag FROM contact_tags').all() as {
    contact_id: number;
    tag: string;
  }[]) {
    tagsOf.set(t.contact_id, (tagsOf.get(t.contact_id) ?? new Set()).add(t.tag.toLowerCase()));
  }
  const aliasesOf = new Map<number, Set<string>>();
  for (const a of statement(db, 'SELECT contact_id, alias FROM contact_aliases').all() as {
    contact_id: number;
    alias: string;
  }[]) {
    const known = aliasesOf.get(a.contact_id) ?? new Set();
    aliasesOf.set(a.contact_id, known.add(a.alias.toLowerCase()));
  }
  const notesOf = new Map<number, Set<string>>();
  for (const n of statement(db, 'SELECT contact_id, text FROM notes').all() as {
    contact_id: number;
    text: string;
  }[]) {
    notesOf.set(n.contact_id, (notesOf.get(n.contact_id) ?? new Set()).add(n.text));
  }
  for (const r of rows)
    index({
      id: r.id,
      name: r.name,
      columns: r,
      tags: tagsOf.get(r.id) ?? new Set(),
      aliases: aliasesOf.get(r.id) ?? new Set(),
      notes: notesOf.get(r.id) ?? new Set(),
    });

  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const changedContacts = new Set<number>();
  const kept: KeptValue[] = [];

  // New records go out a few hundred a statement; an update reads its row, so it flushes first.
  const buffer = new RecordBuffer(db);
  contacts.forEach((c, i) => {
    const addNote = (contactId: number, text: string) =>
      buffer.add('note', {
        contact_id: contactId,
        date: c.created ?? settings.today,
        text,
        created: settings.timestamp,
      });
    const tags = settings.tag ? [...c.tags, settings.tag] : c.tags;
    const wanted = { ...c, circle: c.circle ?? settings.circle };
    const match =
      (c.email && byEmail.get(c.email.toLowerCase())) ||
      (c.url && byUrl.get(normaliseUrl(c.url))) ||
      (!c.email && !c.url ? sameNameMatch(byName.get(c.name.toLowerCase()), c) : undefined);
    if (!match) {
      const values: Record<string, string | number | null> = { name: c.name };
      for (const field of FILLABLE)
        values[field.column] = wanted[field.key as keyof typeof wanted] as string | number | null;
      values.created = c.created ?? settings.today;
      const id = buffer.add('contact', values);
      for (const alias of c.aliases) buffer.add('alias', { contact_id: id, alias });
      for (const tag of tags) buffer.add('tag', { contact_id: id, tag });
      for (const text of c.notes) addNote(id, text);
      index({
        id,
        name: c.name,
        columns: values,
        tags: new Set(tags.map((t) => t.toLowerCase())),
        aliases: new Set(c.aliases.map((a) => a.toLowerCase())),
        notes: new Set(c.notes),
      });
      counts.created++;
    } else {
      const changes: string[] = [];
      const params: Record<string, string | number | null> = {};
      for (const { column, key } of FILLABLE) {
        const value = wanted[key as keyof typeof wanted] as string | number | null;
        if (value === null || value === undefined) continue;
        if (match.columns[column] === null) {
          changes.push(column);
          params[column] = value;
          match.columns[column] = value; // later rows see the filled field
        } else {
          // What the row itself says (not --circle's default) and the journal says otherwise.
          const own = c[key as keyof typeof c];
          if (own !== null && own !== undefined && !sameValue(match.columns[column], own))
            kept.push({ line: c.line, contact: match.name, field: key, value: String(own) });
        }
      }
      if (changes.length) {
        buffer.flush();
        updateRecord(db, 'contact', match.id, params);
      }
      let added = changes.length > 0;
      for (const tag of tags) {
        if (match.tags.has(tag.toLowerCase())) continue;
        buffer.add('tag', { contact_id: match.id, tag });
        match.tags.add(tag.toLowerCase());
        added = true;
      }
      for (const alias of c.aliases) {
        if (match.aliases.has(alias.toLowerCase())) continue;
        buffer.add('alias', { contact_id: match.id, alias });
        match.aliases.add(alias.toLowerCase());
        added = true;
      }
      for (const text of c.notes) {
        if (match.notes.has(text)) continue;
        addNote(match.id, text);
        match.notes.add(text);
        added = true;
      }
      // A filled-in e-mail or URL identifies this contact for the rest of the file.
      if (typeof params.email === 'string') byEmail.set(params.email.toLowerCase(), match);
      if (typeof params.url === 'string') byUrl.set(normaliseUrl(params.url), match);
      if (added) {
        counts.updated++;
        changedContacts.add(match.id);
      } else counts.unchanged++;
    }
    if ((i + 1) % 1000 === 0) onProgress(i + 1);
  });
  buffer.flush();
  onProgress(contacts.length);
  return { counts, changedContacts, kept };
}

/** Text compared as people read it: case and outer spaces aside (e-mails, URLs, names). */
function sameValue(a: unknown, b: unknown): boolean {
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

/**
 * A row with no e-mail or URL is the contact of the same name only when it
 * is the one such contact whose fields do not contradict the row's (two
 * "John Smith" rows with different phones are two people); several that
 * fit, or none, make a new contact.
 */
function sameNameMatch(
  candidates: readonly Existing[] | undefined,
  row: ImportedContact,
): Existing | undefined {
  const fitting = (candidates ?? []).filter((e) =>
    FILLABLE.every(({ column, key }) => {
      const value = row[key as keyof ImportedContact];
      const have = e.columns[column];
      return value === null || value === undefined || have === null || sameValue(have, value);
    }),
  );
  return fitting.length === 1 ? fitting[0] : undefined;
}
