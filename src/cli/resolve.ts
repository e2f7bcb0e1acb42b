import type { Contact } from '../domain/contact.js';
import { resolveContact, type NamedContact } from '../domain/names.js';
import { NotFoundError } from '../errors.js';
import { contactById, contactLookup } from '../storage/contacts.js';
import type { Db } from '../storage/journal.js';

/** Resolve a typed name to an existing contact (exit 3 when missing or ambiguous). */
export function resolveName(db: Db | null, query: string, allowMe = false): NamedContact {
  if (!db) {
    // No journal yet: only "me" exists, so any other name is simply not found.
    return resolveContact(query, emptyLookup, allowMe);
  }
  return resolveContact(query, contactLookup(db), allowMe);
}

/** Resolve a name to a stored contact in an existing journal (exit 3 otherwise). */
export function existingContact(db: Db | null, query: string): { db: Db; contact: Contact } {
  const named = resolveName(db, query);
  const contact = db ? contactById(db, named.id) : undefined;
  if (!db || !contact) {
    throw new NotFoundError(`no contact #${named.id}`, "see the ids with 'netjournal contacts'");
  }
  return { db, contact };
}

const emptyLookup = {
  meId: 0,
  byId: () => undefined,
  byEmail: () => [],
  byName: () => [],
  byPrefix: () => [],
  all: () => [],
};
