import { addDays } from '../domain/dates.js';
import type { IntroLink, ReachPerson, RelatedContact } from '../domain/reach.js';
import { listContacts, ME_ID } from './contacts.js';
import type { Db } from './journal.js';

/**
 * Every non-archived contact with what `reach` matches against (company,
 * role, tags, notes) and what ranks them (last met, meetings in the 365 days
 * up to today). Matching itself is done in JS: SQLite cannot fold accents.
 */
export function reachPeople(db: Db, today: string): ReachPerson[] {
  const notes = new Map<number, string[]>();
  const noteRows = db
    .prepare(
      `SELECT n.contact_id, n.text FROM notes n JOIN contacts c ON c.id = n.contact_id
        WHERE c.archived = 0 AND c.is_me = 0
        ORDER BY n.date DESC, n.id DESC`,
    )
    .all() as { contact_id: number; text: string }[];
  for (const { contact_id, text } of noteRows) {
    const list = notes.get(contact_id);
    if (list) list.push(text);
    else notes.set(contact_id, [text]);
  }
  const counts = new Map(
    (
      db
        .prepare(
          `SELECT mc.contact_id, count(*) AS n
             FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
            WHERE m.date > @from AND m.date <= @today
            GROUP BY mc.contact_id`,
        )
        .all({ from: addDays(today, -365), today }) as { contact_id: number; n: number }[]
    ).map((r) => [r.contact_id, r.n]),
  );
  return listContacts(db).map((c) => ({
    id: c.id,
    name: c.name,
    company: c.company,
    role: c.role,
    tags: c.tags,
    notes: notes.get(c.id) ?? [],
    lastMet: c.lastMet,
    meetings: counts.get(c.id) ?? 0,
  }));
}

/** Introductions to the user (oldest first): who introduced whom to me. */
export function introductionsToMe(db: Db): IntroLink[] {
  return (
    db
      .prepare(
        `SELECT introducer_id, person_id FROM introductions
          WHERE to_id = ? ORDER BY date, id`,
      )
      .all(ME_ID) as { introducer_id: number; person_id: number }[]
  ).map((r) => ({ introducerId: r.introducer_id, personId: r.person_id }));
}

/**
 * Other non-archived contacts at the same company (ignoring case, as the
 * schema's company index does) or sharing a tag: same company first, then by
 * the first shared tag, then by name; at most `limit`.
 */
export function relatedContacts(
  db: Db,
  contact: { id: number; company: string | null },
  limit: number,
): RelatedContact[] {
  const rows = db
    .prepare(
      `SELECT id, name, same_company, shared_tag FROM (
         SELECT c.id, c.name,
                coalesce(c.company = trim(@company) COLLATE NOCASE, 0) AS same_company,
                (SELECT min(mine.tag) FROM contact_tags mine
                   JOIN contact_tags theirs ON theirs.tag = mine.tag
                  WHERE mine.contact_id = @id AND theirs.contact_id = c.id) AS shared_tag
           FROM contacts c
          WHERE c.is_me = 0 AND c.archived = 0 AND c.id <> @id)
        WHERE same_company = 1 OR shared_tag IS NOT NULL
        ORDER BY same_company DESC, shared_tag COLLATE NOCASE, name COLLATE NOCASE, id
        LIMIT @limit`,
    )
    .all({ id: contact.id, company: contact.company, limit }) as {
    id: number;
    name: string;
    same_company: number;
    shared_tag: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    reason: r.same_company === 1 ? 'same company' : `tag ${r.shared_tag ?? ''}`,
  }));
}
