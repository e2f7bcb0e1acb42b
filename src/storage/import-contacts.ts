import type { Circle } from '../domain/contact.js';
import type { ImportedContact } from '../interop/parse/types.js';
import type { Db } from './journal.js';
import { insertRecord, updateRecord } from './write.js';
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

/** What an import did, and which existing contacts it changed (for the search index). */
export interface ImportOutcome {
  counts: ImportCounts;
  changedContacts: Set<number>;
}

interface Existing {
  id: number;
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  url: string | null;
  location: string | null;
  circle: Circle | null;
  cadence_days: number | null;
  birthday: string | null;
  how_met: string | null;
  tags: Set<string>;
  notes: Set<string>;
}

/** LinkedIn writes the same profile as http/https, with or without www and a trailing slash. */
export function normaliseUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

const FILLABLE = [
  ['company', 'company'],
  ['role', 'role'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['url', 'url'],
  ['location', 'location'],
  ['birthday', 'birthday'],
  ['how_met', 'howMet'],
  ['circle', 'circle'],
  ['cadence_days', 'cadenceDays'],
] as const;

/**
 * Import contacts: the same e-mail (any case) or profile URL updates the
 * existing contact, filling only its empty fields, adding tags and notes it
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
    if (c.email) byEmail.set(c.email.toLowerCase(), c);
    if (c.url) byUrl.set(normaliseUrl(c.url), c);
    const key = c.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), c]);
  };
  const rows = statement(
    db,
    `SELECT id, name, company, role, email, phone, url, location, circle, cadence_days, birthday, how_met
         FROM contacts WHERE is_me = 0`,
  ).all() as Omit<Existing, 'tags' | 'notes'>[];
  const tagsOf = new Map<number, Set<string>>();
  for (const t of statement(db, 'SELECT contact_id, tag FROM contact_tags').all() as {
    contact_id: number;
    tag: string;
  }[]) {
    tagsOf.set(t.contact_id, (tagsOf.get(t.contact_id) ?? new Set()).add(t.tag.toLowerCase()));
  }
  const notesOf = new Map<number, Set<string>>();
  for (const n of statement(db, 'SELECT contact_id, text FROM notes').all() as {
    contact_id: number;
    text: string;
  }[]) {
    notesOf.set(n.contact_id, (notesOf.get(n.contact_id) ?? new Set()).add(n.text));
  }
  for (const r of rows)
    index({ ...r, tags: tagsOf.get(r.id) ?? new Set(), notes: notesOf.get(r.id) ?? new Set() });

  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const changedContacts = new Set<number>();

  contacts.forEach((c, i) => {
    const addNote = (contactId: number, text: string) =>
      insertRecord(db, 'note', {
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
      (!c.email && !c.url && byName.get(c.name.toLowerCase())?.length === 1
        ? byName.get(c.name.toLowerCase())?.[0]
        : undefined);
    if (!match) {
      const values = {
        name: c.name,
        company: c.company,
        role: c.role,
        email: c.email,
        phone: c.phone,
        url: c.url,
        location: c.location,
        circle: wanted.circle,
        cadence_days: c.cadenceDays,
        birthday: c.birthday,
        how_met: c.howMet,
        created: c.created ?? settings.today,
      };
      const id = insertRecord(db, 'contact', values);
      for (const tag of tags) insertRecord(db, 'tag', { contact_id: id, tag });
      for (const text of c.notes) addNote(id, text);
      index({
        id,
        ...values,
        tags: new Set(tags.map((t) => t.toLowerCase())),
        notes: new Set(c.notes),
      });
      counts.created++;
    } else {
      const changes: string[] = [];
      const params: Record<string, string | number | null> = {};
      for (const [column, field] of FILLABLE) {
        const value = wanted[field];
        if (match[column] === null && value !== null && value !== undefined) {
          changes.push(column);
          params[column] = value;
          (match as unknown as Record<string, unknown>)[column] = value; // later rows see the filled field
        }
      }
      if (changes.length) updateRecord(db, 'contact', match.id, params);
      let added = changes.length > 0;
      for (const tag of tags) {
        if (match.tags.has(tag.toLowerCase())) continue;
        insertRecord(db, 'tag', { contact_id: match.id, tag });
        match.tags.add(tag.toLowerCase());
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
  onProgress(contacts.length);
  return { counts, changedContacts };
}
