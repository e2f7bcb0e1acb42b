import { addDays } from '../domain/dates.js';
import type { Circle } from '../domain/contact.js';
import type { ShareCandidate, SharedContactSource } from '../domain/team-share.js';
import { ME_ID } from './contacts.js';
import type { Db } from './journal.js';

/**
 * What `team share` may read of the journal: for each contact, what decides
 * whether it is shared and the fields a shared one sends (never notes,
 * meetings' notes, follow-ups, gifts, phone, birthday); the introductions
 * by the stable ids of their people. Deciding is domain/team-share.ts's.
 */

export type TeamShareContact = ShareCandidate & SharedContactSource;

/** Every contact but the user, with its meetings in the 365 days up to today. */
export function teamShareContacts(db: Db, today: string): TeamShareContact[] {
  const tags = new Map<number, string[]>();
  for (const { contact_id, tag } of db
    .prepare('SELECT contact_id, tag FROM contact_tags ORDER BY contact_id, tag')
    .all() as { contact_id: number; tag: string }[]) {
    const list = tags.get(contact_id);
    if (list) list.push(tag);
    else tags.set(contact_id, [tag]);
  }
  const rows = db
    .prepare(
      `SELECT c.id, c.uid, c.name, c.company, c.role, c.email, c.url, c.circle, c.archived,
              c.team_share, c.last_met,
              (SELECT count(*) FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
                WHERE mc.contact_id = c.id AND m.date > @from AND m.date <= @today) AS meetings
         FROM contacts c
        WHERE c.is_me = 0
        ORDER BY c.id`,
    )
    .all({ from: addDays(today, -365), today }) as {
    id: number;
    uid: string;
    name: string;
    company: string | null;
    role: string | null;
    email: string | null;
    url: string | null;
    circle: Circle | null;
    archived: number;
    team_share: number | null;
    last_met: string | null;
    meetings: number;
  }[];
  return rows.map((r) => ({
    uid: r.uid,
    name: r.name,
    company: r.company,
    role: r.role,
    email: r.email,
    url: r.url,
    circle: r.circle,
    tags: tags.get(r.id) ?? [],
    archived: r.archived === 1,
    share: r.team_share === null ? null : r.team_share === 1,
    // A meeting dated after a fixed --now is not yet "last met".
    lastMet: r.last_met !== null && r.last_met > today ? null : r.last_met,
    meetings: r.meetings,
  }));
}

/** Every introduction, its people by stable id; and the user's own stable id. */
export function teamShareIntroductions(db: Db): {
  meUid: string;
  introductions: { uid: string; introducer: string; person: string; to: string; date: string }[];
} {
  const me = db.prepare('SELECT uid FROM contacts WHERE id = ?').get(ME_ID) as { uid: string };
  const introductions = db
    .prepare(
      `SELECT i.uid, a.uid AS introducer, p.uid AS person, t.uid AS "to", i.date
         FROM introductions i
         JOIN contacts a ON a.id = i.introducer_id
         JOIN contacts p ON p.id = i.person_id
         JOIN contacts t ON t.id = i.to_id
        ORDER BY i.id`,
    )
    .all() as { uid: string; introducer: string; person: string; to: string; date: string }[];
  return { meUid: me.uid, introductions };
}
