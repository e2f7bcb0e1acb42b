import type { Introduction } from '../domain/journal-types.js';
import type { Db } from './journal.js';
import { deleteRecord, insertRecord, updateRecord } from './write.js';
import { statement } from './sqlite.js';

/** A row of SELECT_INTRODUCTION. */
export interface IntroductionRow {
  id: number;
  date: string;
  introducer_id: number;
  introducer_name: string;
  person_id: number;
  person_name: string;
  to_id: number;
  to_name: string;
  context: string | null;
  reported_back: number;
}

/** Introductions with the three people's names, ready for a WHERE clause. */
export const SELECT_INTRODUCTION = `
  SELECT i.id, i.date, i.context, i.reported_back,
         i.introducer_id, a.name AS introducer_name,
         i.person_id, p.name AS person_name,
         i.to_id, t.name AS to_name
    FROM introductions i
    JOIN contacts a ON a.id = i.introducer_id
    JOIN contacts p ON p.id = i.person_id
    JOIN contacts t ON t.id = i.to_id`;

/** An introduction record from a SELECT_INTRODUCTION row. */
export function toIntroduction(row: IntroductionRow): Introduction {
  return {
    id: row.id,
    date: row.date,
    introducer: { id: row.introducer_id, name: row.introducer_name },
    person: { id: row.person_id, name: row.person_name },
    to: { id: row.to_id, name: row.to_name },
    context: row.context,
    reportedBack: row.reported_back === 1,
  };
}

export interface IntroductionInput {
  introducerId: number;
  personId: number;
  toId: number;
  date: string;
  context: string | null;
}

/** Store an introduction; returns its id. */
export function insertIntroduction(db: Db, i: IntroductionInput, created: string): number {
  return insertRecord(db, 'introduction', {
    introducer_id: i.introducerId,
    person_id: i.personId,
    to_id: i.toId,
    date: i.date,
    context: i.context,
    created,
  });
}

/** One introduction, or undefined. */
export function introductionById(db: Db, id: number): Introduction | undefined {
  const row = statement(db, `${SELECT_INTRODUCTION} WHERE i.id = ?`).get(id) as
    IntroductionRow | undefined;
  return row ? toIntroduction(row) : undefined;
}

/** Who introduced this contact to the user (the earliest such introduction), if recorded. */
export function introductionToMe(db: Db, personId: number, meId: number): Introduction | undefined {
  const row = statement(
    db,
    `${SELECT_INTRODUCTION} WHERE i.person_id = ? AND i.to_id = ? ORDER BY i.date, i.id LIMIT 1`,
  ).get(personId, meId) as IntroductionRow | undefined;
  return row ? toIntroduction(row) : undefined;
}

/** Introductions a contact took part in (as introducer, person or the one introduced to), newest first. */
export function introductionsInvolving(db: Db, contactId: number): Introduction[] {
  return (
    statement(
      db,
      `${SELECT_INTRODUCTION} WHERE ? IN (i.introducer_id, i.person_id, i.to_id)
         ORDER BY i.date DESC, i.id DESC`,
    ).all(contactId) as IntroductionRow[]
  ).map(toIntroduction);
}

/** Introductions of exactly these three people, in these roles (a duplicate is one of them). */
export function introductionsOf(
  db: Db,
  p: { introducerId: number; personId: number; toId: number },
): Introduction[] {
  return (
    statement(
      db,
      `${SELECT_INTRODUCTION} WHERE i.person_id = ? AND i.to_id = ? AND i.introducer_id = ?
         ORDER BY i.date, i.id`,
    ).all(p.personId, p.toId, p.introducerId) as IntroductionRow[]
  ).map(toIntroduction);
}

/** Mark whether the user told the introducer how it went. */
export function setReportedBack(db: Db, id: number, reported: boolean): void {
  updateRecord(db, 'introduction', id, { reported_back: reported });
}

/** What `intro edit` may correct in an introduction. */
export interface IntroductionChanges {
  introducerId?: number;
  personId?: number;
  toId?: number;
  date?: string;
  context?: string | null;
}

/** Correct an introduction; returns whether anything changed. */
export function updateIntroduction(db: Db, id: number, c: IntroductionChanges): boolean {
  const values: Record<string, unknown> = {};
  if (c.introducerId !== undefined) values.introducer_id = c.introducerId;
  if (c.personId !== undefined) values.person_id = c.personId;
  if (c.toId !== undefined) values.to_id = c.toId;
  if (c.date !== undefined) values.date = c.date;
  if (c.context !== undefined) values.context = c.context;
  return updateRecord(db, 'introduction', id, values);
}

/** Remove an introduction (follow-ups made for it keep their history, unlinked). */
export function deleteIntroduction(db: Db, id: number): boolean {
  return deleteRecord(db, 'introduction', id);
}

/**
 * How the user came to know a contact: follow "introduced to me by" back to
 * someone with no recorded introducer. Cycle-safe (a name is visited once).
 * Returns names from the first link to the contact itself.
 */
export function introductionChain(
  db: Db,
  contactId: number,
  meId: number,
): { id: number; name: string }[] {
  const rows = statement(
    db,
    `WITH RECURSIVE chain(id, depth, path) AS (
         SELECT ?, 0, ',' || CAST(? AS INTEGER) || ','
         UNION ALL
         SELECT i.introducer_id, chain.depth + 1, chain.path || i.introducer_id || ','
           FROM chain
           JOIN introductions i ON i.id = (
             SELECT id FROM introductions
              WHERE person_id = chain.id AND to_id = ? AND introducer_id <> ?
              ORDER BY date, id LIMIT 1)
          WHERE instr(chain.path, ',' || i.introducer_id || ',') = 0
       )
       SELECT chain.id, c.name FROM chain JOIN contacts c ON c.id = chain.id ORDER BY depth DESC`,
  ).all(contactId, contactId, meId, meId) as { id: number; name: string }[];
  return rows;
}
