import type { Circle, Contact, ContactFields } from '../domain/contact.js';
import { recordKeys } from '../model/field.js';
import { foldName, type ContactLookup, type NamedContact } from '../domain/names.js';
import { CONTACT } from '../model/declarations.js';
import type { Db } from './journal.js';
import { insertRecord } from './write.js';
import { columnsOf, recordFromRow, selectColumns } from './record-rows.js';
import { statement } from './sqlite.js';

type ContactRow = Record<string, unknown> & { aliases: string | null; tags: string | null };

/** Tags come back from group_concat joined by this (no tag can hold it). */
export const TAG_SEP = '\u001f';

// The declared columns, and the aliases and tags in a column each, joined by a
// separator none can hold.
const SELECT_CONTACT = `
  SELECT ${selectColumns(CONTACT, 'c')},
         (SELECT group_concat(a.alias, char(31) ORDER BY a.alias COLLATE NOCASE)
            FROM contact_aliases a WHERE a.contact_id = c.id) AS aliases,
         (SELECT group_concat(t.tag, char(31) ORDER BY t.tag COLLATE NOCASE)
            FROM contact_tags t WHERE t.contact_id = c.id) AS tags
    FROM contacts c`;

const CONTACT_KEYS = ['id', ...recordKeys(CONTACT)];

/** A contact from a SELECT_CONTACT row: the declared fields, and its lists in their place. */
function toContact(row: ContactRow): Contact {
  const record = recordFromRow(CONTACT, row);
  const contact: Record<string, unknown> = {};
  // Fields in declaration order, the lists where the declaration puts them.
  for (const key of CONTACT_KEYS) {
    if (key === 'tags' || key === 'aliases') {
      const joined = row[key];
      contact[key] = joined ? joined.split(TAG_SEP) : [];
    } else contact[key] = record[key];
  }
  return contact as Contact;
}

/** Store a new contact with its aliases and tags; returns its id. Call inside a write transaction. */
export function insertContact(db: Db, fields: ContactFields, created: string): number {
  const id = insertRecord(db, 'contact', { ...contactColumns(fields), created });
  for (const alias of fields.aliases) insertRecord(db, 'alias', { contact_id: id, alias });
  for (const tag of fields.tags) insertRecord(db, 'tag', { contact_id: id, tag });
  return id;
}

/** A contact's fields by column, as the declaration (model/declarations.ts) names them. */
export function contactColumns(fields: Partial<ContactFields>): Record<string, unknown> {
  return columnsOf(CONTACT, fields);
}

/** One contact by id (never the user), or undefined. */
export function contactById(db: Db, id: number): Contact | undefined {
  const row = statement(db, `${SELECT_CONTACT} WHERE c.id = ? AND c.is_me = 0`).get(id) as
    ContactRow | undefined;
  return row ? toContact(row) : undefined;
}

/** Contacts whose name equals name, ignoring case. */
export function contactsNamed(db: Db, name: string): Contact[] {
  const rows = statement(
    db,
    `${SELECT_CONTACT} WHERE c.name = ? COLLATE NOCASE AND c.is_me = 0 ORDER BY c.id`,
  ).all(name) as ContactRow[];
  return rows.map(toContact);
}

export interface ContactFilter {
  circle?: Circle;
  tag?: string;
  company?: string;
  includeArchived?: boolean;
}

/** Contacts (never the user) sorted by name, then id. */
export function listContacts(db: Db, filter: ContactFilter = {}): Contact[] {
  const { sql, params } = contactsQuery(filter);
  return (statement(db, sql).all(params) as ContactRow[]).map(toContact);
}

/**
 * The same contacts as listContacts, read one at a time as they are used (in
 * the order of the name index, so the first come without reading the rest).
 */
export function* iterateContacts(db: Db, filter: ContactFilter = {}): Generator<Contact> {
  const { sql, params } = contactsQuery(filter);
  for (const row of db.prepare(sql).iterate(params)) yield toContact(row as ContactRow);
}

function contactsQuery(filter: ContactFilter): { sql: string; params: Record<string, string> } {
  const where = ['c.is_me = 0'];
  const params: Record<string, string> = {};
  if (!filter.includeArchived) where.push('c.archived = 0');
  if (filter.circle) {
    where.push('c.circle = @circle');
    params.circle = filter.circle;
  }
  if (filter.tag) {
    where.push('EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id AND t.tag = @tag)');
    params.tag = filter.tag;
  }
  if (filter.company) {
    where.push(`c.company LIKE '%' || @company || '%' ESCAPE '\\'`);
    params.company = filter.company.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  }
  return {
    sql: `${SELECT_CONTACT} WHERE ${where.join(' AND ')} ORDER BY c.name COLLATE NOCASE, c.id`,
    params,
  };
}

/** Name lookups for resolving what the user typed (see domain/names.ts). */
export function contactLookup(db: Db): ContactLookup {
  const select = 'SELECT id, name, email, company FROM contacts WHERE is_me = 0 AND';
  const byId = statement(db, `${select} id = ?`);
  const byEmail = statement(db, `${select} email = ? COLLATE NOCASE ORDER BY id`);
  // A name or a nickname (0010): "rafa" names Rafael Ortiz as surely as his name does.
  // A UNION of two index searches: written as `name = … OR id IN (…)`, the SQLite
  // better-sqlite3 bundles scanned every contact (5–10 ms at 30,000; 0.1 ms so).
  const byName = statement(
    db,
    `${select} id IN (SELECT id FROM contacts WHERE name = @name COLLATE NOCASE
                      UNION SELECT contact_id FROM contact_aliases WHERE alias = @name)
      ORDER BY id`,
  );
  const byPrefix = statement(
    db,
    `${select} name LIKE ? || '%' ESCAPE '\\' AND archived = 0 ORDER BY name COLLATE NOCASE, id LIMIT 10`,
  );
  const all = statement(db, `${select} archived = 0`);
  return {
    meId: ME_ID,
    byId: (id) => byId.get(id) as NamedContact | undefined,
    byEmail: (email) => byEmail.all(email) as NamedContact[],
    byName: (name) =>
      withFolded(byName.all({ name }) as NamedContact[], foldedMatches(db, name, 'exact')),
    byPrefix: (prefix) =>
      withFolded(
        byPrefix.all(prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)) as NamedContact[],
        foldedMatches(db, prefix, 'prefix'),
        byNameThenId,
      ).slice(0, 10),
    all: () => all.all() as NamedContact[],
  };
}

/** SQL's matches (case only) and the accent-folded ones, once each, in id order (or as told). */
function withFolded(
  plain: NamedContact[],
  folded: NamedContact[],
  order: (a: NamedContact, b: NamedContact) => number = (a, b) => a.id - b.id,
): NamedContact[] {
  if (folded.length === 0) return plain;
  const byId = new Map(plain.map((c) => [c.id, c]));
  for (const c of folded) byId.set(c.id, c);
  return [...byId.values()].sort(order);
}

function byNameThenId(a: NamedContact, b: NamedContact): number {
  const x = foldName(a.name);
  const y = foldName(b.name);
  return x < y ? -1 : x > y ? 1 : a.id - b.id;
}

/**
 * Contacts whose name equals (or starts with) the query once case and accents
 * are folded. SQLite has no accent folding (and NOCASE folds ASCII only), but
 * the contact name index's tokenizer (0011) removes diacritics: it finds the
 * candidates (every word of the query, the last as a prefix for a prefix
 * match), which are then compared whole. A row holds the name and the
 * nicknames: an exact match may be either, a prefix only the name. Archived contacts count for an exact name, not for a prefix.
 */
function foldedMatches(db: Db, query: string, how: 'exact' | 'prefix'): NamedContact[] {
  const wanted = foldName(query.trim());
  // The words as typed: the index's tokenizer folds them as it folded the names
  // (it leaves some marks, such as й's, that foldName strips).
  const words = query
    .trim()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w !== '');
  if (words.length === 0) return [];
  const phrase = words.map(
    (w, i) => `"${w}"${how === 'prefix' && i === words.length - 1 ? '*' : ''}`,
  );
  const rows = statement(
    db,
    `SELECT c.id, c.name, c.email, c.company, c.archived,
            n.name || CASE WHEN n.aliases = '' THEN '' ELSE char(30) || n.aliases END AS indexed
       FROM contact_names n
       JOIN contacts c ON c.id = n.rowid
      WHERE contact_names MATCH ? AND c.is_me = 0
      LIMIT 500`,
  ).all(`{name aliases} : (${phrase.join(' ')})`) as (NamedContact & {
    archived: number;
    indexed: string;
  })[];
  return rows
    .filter((c) =>
      how === 'exact'
        ? c.indexed.split(INDEXED_NAME_SEP).some((n) => foldName(n) === wanted)
        : !c.archived && foldName(c.name).startsWith(wanted),
    )
    .map(({ id, name, email, company }) => ({ id, name, email, company }));
}

/** What separates a contact's name and nicknames in the search index's name column (0010), and its nicknames in the name index (0011). */
export const INDEXED_NAME_SEP = '\u001e';

/** The user's own contact row. */
export const ME_ID = 0;

/** Names of non-archived contacts, for shell completion (one indexed scan). */
export function completionNames(db: Db): string[] {
  return db
    .prepare(
      'SELECT DISTINCT name FROM contacts WHERE is_me = 0 AND archived = 0 ORDER BY name COLLATE NOCASE',
    )
    .pluck()
    .all() as string[];
}

/** The companies of these contacts, in one query (for telling same-named people apart). */
export function companiesOf(db: Db, ids: readonly number[]): Map<number, string | null> {
  const rows = statement(
    db,
    'SELECT id, company FROM contacts WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as { id: number; company: string | null }[];
  return new Map(rows.map((r) => [r.id, r.company]));
}
