import type {
  ContactRef,
  IntroChain,
  IntroducerCount,
  Introduction,
} from '../domain/journal-types.js';
import { ME_ID } from './contacts.js';
import {
  introductionChain,
  SELECT_INTRODUCTION as SELECT_REPORT,
  toIntroduction,
  type IntroductionRow as ReportRow,
} from './introductions.js';
import type { Db } from './journal.js';

/** Which introductions `intros` covers; every field given narrows it further. */
export interface IntroductionFilter {
  /** On or after this date (YYYY-MM-DD). */
  since?: string;
  /** Made by this contact (ME_ID for the user). */
  byId?: number;
  /** Involving this contact as introducer, person or the one introduced to. */
  ofId?: number;
}

// Only the parameters a clause uses are bound: better-sqlite3 rejects unused named ones.
function whereClause(filter: IntroductionFilter): {
  clauses: string[];
  params: Record<string, string | number>;
} {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.since !== undefined) {
    clauses.push('i.date >= @since');
    params.since = filter.since;
  }
  if (filter.byId !== undefined) {
    clauses.push('i.introducer_id = @byId');
    params.byId = filter.byId;
  }
  if (filter.ofId !== undefined) {
    clauses.push('@ofId IN (i.introducer_id, i.person_id, i.to_id)');
    params.ofId = filter.ofId;
  }
  return { clauses, params };
}

/** Introductions matching the filter, newest first (date, then id). */
export function listIntroductions(db: Db, filter: IntroductionFilter = {}): Introduction[] {
  const { clauses, params } = whereClause(filter);
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const rows = db
    .prepare(`${SELECT_REPORT} ${where} ORDER BY i.date DESC, i.id DESC`)
    .all(params) as ReportRow[];
  return rows.map(toIntroduction);
}

/** How many introductions match the filter (a picture refuses too many before reading them). */
export function countIntroductions(db: Db, filter: IntroductionFilter = {}): number {
  const { clauses, params } = whereClause(filter);
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const row = db.prepare(`SELECT count(*) AS n FROM introductions i ${where}`).get(params) as {
    n: number;
  };
  return row.n;
}

/**
 * The user's connectors: contacts ranked by introductions made (most first,
 * then by name and id). The user is left out: these are the people who
 * opened doors, not the doors the user opened.
 */
export function topIntroducers(db: Db, filter: IntroductionFilter = {}): IntroducerCount[] {
  const { clauses, params } = whereClause(filter);
  clauses.push('i.introducer_id <> @me');
  params.me = ME_ID;
  return db
    .prepare(
      `SELECT a.id, a.name, count(*) AS count
         FROM introductions i
         JOIN contacts a ON a.id = i.introducer_id
        WHERE ${clauses.join(' AND ')}
        GROUP BY a.id
        ORDER BY count DESC, a.name COLLATE NOCASE, a.id`,
    )
    .all(params) as IntroducerCount[];
}

/**
 * The introduction that brought a contact to the user, as `introductionChain`
 * follows it: the earliest one to the user by someone other than the user.
 */
function firstIntroductionToMe(db: Db, personId: number): Introduction | undefined {
  const row = db
    .prepare(
      `${SELECT_REPORT}
        WHERE i.person_id = @person AND i.to_id = @me AND i.introducer_id <> @me
        ORDER BY i.date, i.id LIMIT 1`,
    )
    .get({ person: personId, me: ME_ID }) as ReportRow | undefined;
  return row ? toIntroduction(row) : undefined;
}

/** The introductions linking a chain (first link first): one fewer than its people. */
function chainLinks(db: Db, chain: readonly ContactRef[]): Introduction[] {
  return chain
    .slice(1)
    .map((person) => firstIntroductionToMe(db, person.id))
    .filter((i): i is Introduction => i !== undefined);
}

/** How the user came to know a contact: first link first, ending with the contact. */
function chainTo(db: Db, contactId: number): ContactRef[] {
  return introductionChain(db, contactId, ME_ID);
}

/** How the user came to know a contact, with the introduction behind each link (`intros --chain`). */
export function introChainOf(db: Db, contactId: number): IntroChain {
  const people = chainTo(db, contactId);
  const first = people[0];
  const before = first ? firstIntroductionToMe(db, first.id) : undefined;
  return { people, links: chainLinks(db, people), loopsBackTo: before?.introducer ?? null };
}
