import type { DraftFacts, DraftKind, DraftPerson } from '../domain/drafts.js';
import type { MeetingKind } from '../domain/journal-types.js';
import type { Db } from './journal.js';
import { getSetting } from './settings.js';
import { statement } from './sqlite.js';

// What a draft needs from the journal, read in a few indexed lookups.

// Learned things and promises quoted in a draft: enough for a short note.
const MAX_QUOTED = 2;

interface PersonRow {
  id: number;
  name: string;
  email: string | null;
  company: string | null;
  role: string | null;
}

function person(db: Db, id: number): (DraftPerson & { id: number }) | undefined {
  return statement(db, 'SELECT id, name, email, company, role FROM contacts WHERE id = ?').get(
    id,
  ) as PersonRow | undefined;
}

function strip(p: DraftPerson & { id?: number }): DraftPerson {
  return { name: p.name, email: p.email, company: p.company, role: p.role };
}

function meeting(db: Db, id: number | null): { kind: MeetingKind; date: string } | null {
  if (id === null) return null;
  const row = statement(db, 'SELECT kind, date FROM meetings WHERE id = ?').get(id) as
    { kind: MeetingKind; date: string } | undefined;
  return row ?? null;
}

/** The newest meeting with a contact, with its id. */
function lastMeeting(
  db: Db,
  contactId: number,
): { id: number; kind: MeetingKind; date: string } | null {
  const row = statement(
    db,
    `SELECT m.id, m.kind, m.date FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
      WHERE mc.contact_id = ? ORDER BY m.date DESC, m.id DESC LIMIT 1`,
  ).get(contactId) as { id: number; kind: MeetingKind; date: string } | undefined;
  return row ?? null;
}

function texts(db: Db, sql: string, ...params: unknown[]): string[] {
  return (statement(db, sql).all(...params) as { text: string }[]).map((r) => r.text);
}

function learnedAt(db: Db, contactId: number, meetingId: number): string[] {
  return texts(
    db,
    `SELECT text FROM notes WHERE contact_id = ? AND meeting_id = ? ORDER BY id LIMIT ${MAX_QUOTED}`,
    contactId,
    meetingId,
  );
}

function lastLearned(db: Db, contactId: number): string[] {
  return texts(
    db,
    'SELECT text FROM notes WHERE contact_id = ? ORDER BY date DESC, id DESC LIMIT 1',
    contactId,
  );
}

/** The open items of a meeting on a contact: promises (action) or offers (waiting, not nudges). */
function itemsOfMeeting(
  db: Db,
  contactId: number,
  meetingId: number,
  kind: 'action' | 'waiting',
): string[] {
  return texts(
    db,
    `SELECT text FROM follow_ups
      WHERE meeting_id = ? AND contact_id = ? AND kind = ? AND template IS NULL AND status = 'open'
      ORDER BY due, id LIMIT ${MAX_QUOTED}`,
    meetingId,
    contactId,
    kind,
  );
}

function meName(db: Db): string | null {
  return getSetting(db, 'me.name') ?? null;
}

/** Who introduced a contact to the user (not the user), if recorded. */
function introducerOf(db: Db, contactId: number): DraftPerson | null {
  const row = statement(
    db,
    `SELECT introducer_id FROM introductions
      WHERE person_id = ? AND to_id = 0 AND introducer_id <> 0 ORDER BY date, id LIMIT 1`,
  ).get(contactId) as { introducer_id: number } | undefined;
  const found = row ? person(db, row.introducer_id) : undefined;
  return found ? strip(found) : null;
}

/**
 * A contact whose whole name appears in an offer ("intro to Ralph Smith at
 * Acme"), longest name first: whom the blurb is addressed to.
 */
function contactNamedIn(db: Db, text: string, exceptId: number): DraftPerson | null {
  const rows = statement(
    db,
    `SELECT id, name, email, company, role FROM contacts
      WHERE is_me = 0 AND id <> ? AND length(name) >= 3 AND instr(lower(?), lower(name)) > 0
      ORDER BY length(name) DESC, id LIMIT 5`,
  ).all(exceptId, text) as PersonRow[];
  const lower = text.toLowerCase();
  // A whole-word match: "Al" is not in "Alice".
  const found = rows.find((r) => {
    const at = lower.indexOf(r.name.toLowerCase());
    const before = lower.charAt(at - 1);
    const after = lower.charAt(at + r.name.length);
    return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
  });
  return found ? strip(found) : null;
}

interface FollowUpFacts {
  id: number;
  kind: string;
  contact_id: number;
  text: string;
  status: string;
  meeting_id: number | null;
  introduction_id: number | null;
  template: string | null;
}

/** A follow-up's facts (null for an `action`: there is no note to draft) and its status. */
export interface DraftSource {
  facts: DraftFacts | null;
  kind: string;
  status: string;
}

/** What the draft for a follow-up needs, or undefined when there is no such follow-up. */
export function draftFactsOfFollowUp(db: Db, id: number): DraftSource | undefined {
  const f = statement(
    db,
    `SELECT id, kind, contact_id, text, status, meeting_id, introduction_id, template
       FROM follow_ups WHERE id = ?`,
  ).get(id) as FollowUpFacts | undefined;
  if (!f) return undefined;
  const to = person(db, f.contact_id);
  if (!to) return undefined;
  if (f.kind === 'action') return { facts: null, kind: f.kind, status: f.status };
  const kind: DraftKind = f.template === 'nudge' ? 'nudge' : (f.kind as DraftKind);
  const met = meeting(db, f.meeting_id);
  const facts: DraftFacts = {
    kind,
    followUpId: f.id,
    to: strip(to),
    me: meName(db),
    meeting: met,
    learned: [],
    promised: [],
    offered: [],
    other: null,
    context: null,
  };
  if (kind === 'report_back') {
    const intro =
      f.introduction_id === null
        ? undefined
        : (statement(db, 'SELECT person_id FROM introductions WHERE id = ?').get(
            f.introduction_id,
          ) as { person_id: number } | undefined);
    const met = intro ? person(db, intro.person_id) : undefined;
    facts.other = met ? strip(met) : null;
    if (met && f.meeting_id !== null) {
      facts.promised = itemsOfMeeting(db, met.id, f.meeting_id, 'action');
    }
    return { facts, kind: f.kind, status: f.status };
  }
  if (kind === 'waiting') {
    facts.offered = [f.text];
    facts.other = contactNamedIn(db, f.text, f.contact_id);
    return { facts, kind: f.kind, status: f.status };
  }
  if (kind === 'nudge') return { facts, kind: f.kind, status: f.status };
  if (f.meeting_id !== null) {
    facts.learned = learnedAt(db, f.contact_id, f.meeting_id);
    facts.promised = itemsOfMeeting(db, f.contact_id, f.meeting_id, 'action');
    facts.offered = itemsOfMeeting(db, f.contact_id, f.meeting_id, 'waiting');
  }
  facts.other = introducerOf(db, f.contact_id);
  return { facts, kind: f.kind, status: f.status };
}

/** What a reconnect or birthday note to a contact needs, or undefined when there is no such contact. */
export function draftFactsOfContact(
  db: Db,
  contactId: number,
  kind: 'reconnect' | 'birthday',
): DraftFacts | undefined {
  const to = person(db, contactId);
  if (!to || contactId === 0) return undefined;
  const last = lastMeeting(db, contactId);
  return {
    kind,
    followUpId: null,
    to: strip(to),
    me: meName(db),
    meeting: last ? { kind: last.kind, date: last.date } : null,
    learned: lastLearned(db, contactId),
    promised: [],
    offered: [],
    other: null,
    context: null,
  };
}

/** The introduction e-mail for an introduction the user made, or why there is none. */
export function draftFactsOfIntroduction(db: Db, id: number): DraftFacts | 'missing' | 'not yours' {
  const row = statement(
    db,
    'SELECT introducer_id, person_id, to_id, context FROM introductions WHERE id = ?',
  ).get(id) as
    { introducer_id: number; person_id: number; to_id: number; context: string | null } | undefined;
  if (!row) return 'missing';
  if (row.introducer_id !== 0 || row.person_id === 0 || row.to_id === 0) return 'not yours';
  const a = person(db, row.person_id);
  const b = person(db, row.to_id);
  if (!a || !b) return 'missing';
  return {
    kind: 'intro',
    followUpId: null,
    to: strip(a),
    me: meName(db),
    meeting: null,
    learned: [],
    promised: [],
    offered: [],
    other: strip(b),
    context: row.context,
  };
}
