import type { ContactRef } from '../domain/journal-types.js';
import { foldName, namesToTellApart } from '../domain/names.js';
import { companiesOf } from '../storage/contacts.js';
import type { Db } from '../storage/journal.js';

/**
 * Labels for the contacts shown on a page who share a name with another
 * shown (company, else #id), for `today` and `intros` on a terminal: piped
 * formats carry contactId instead. The companies are read in one query,
 * and only for the names that repeat.
 */
export function sameNameLabels(db: Db | null, shown: Iterable<ContactRef>): Map<number, string> {
  const people = new Map<number, string>();
  for (const ref of shown) people.set(ref.id, ref.name);
  const seen = new Map<string, number>();
  for (const name of people.values()) {
    seen.set(foldName(name), (seen.get(foldName(name)) ?? 0) + 1);
  }
  const shared = [...people].filter(([, name]) => (seen.get(foldName(name)) ?? 0) > 1);
  if (db === null || shared.length === 0) return new Map();
  const companies = companiesOf(
    db,
    shared.map(([id]) => id),
  );
  return namesToTellApart(
    shared.map(([id, name]) => ({ id, name, company: companies.get(id) ?? null })),
  );
}
