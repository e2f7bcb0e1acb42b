import type { ContactChanges } from '../domain/contact-edit.js';
import type { FieldSpec } from '../model/field.js';
import { CONTACT } from '../model/declarations.js';
import { contactColumns } from './contacts.js';
import type { Db } from './journal.js';
import { refreshGeneratedTexts } from './follow-ups.js';
import { deleteRecord, insertRecord, rowOf, updateRecord } from './write.js';
import { statement } from './sqlite.js';

/** Apply an edit to a contact's fields, archived flag and tags. Call inside a write transaction. */
export function updateContact(db: Db, id: number, changes: ContactChanges): void {
  const values = contactColumns(changes.fields);
  if (changes.archived !== undefined) values.archived = changes.archived;
  if (changes.teamShare !== undefined) values.team_share = changes.teamShare ? 1 : 0;
  if (Object.keys(values).length > 0 && rowOf(db, 'contact', id)?.is_me === 0) {
    updateRecord(db, 'contact', id, values);
    // The thank-yous and report-backs netjournal wrote name people by their current names.
    if ('name' in values) refreshGeneratedTexts(db, { contactIds: [id] });
  }
  if (changes.setTags !== undefined) {
    for (const tag of tagsOf(db, id)) deleteRecord(db, 'tag', { contact_id: id, tag });
    for (const tag of changes.setTags) insertRecord(db, 'tag', { contact_id: id, tag });
  }
  for (const tag of changes.addTags) insertRecord(db, 'tag', { contact_id: id, tag });
  // The tag column is COLLATE NOCASE, so "Design" removes "design".
  for (const tag of changes.removeTags) deleteRecord(db, 'tag', { contact_id: id, tag });
  // As with tags: an alias already there is kept, and "rafa" removes "Rafa".
  for (const alias of changes.addAliases ?? [])
    insertRecord(db, 'alias', { contact_id: id, alias });
  for (const alias of changes.removeAliases ?? [])
    deleteRecord(db, 'alias', { contact_id: id, alias });
}

function aliasesOf(db: Db, id: number): string[] {
  return statement(db, 'SELECT alias FROM contact_aliases WHERE contact_id = ?')
    .all(id)
    .map((r) => (r as { alias: string }).alias);
}

function tagsOf(db: Db, id: number): string[] {
  return statement(db, 'SELECT tag FROM contact_tags WHERE contact_id = ?')
    .all(id)
    .map((r) => (r as { tag: string }).tag);
}

function ids(db: Db, sql: string, params: Record<string, number>): number[] {
  return statement(db, sql)
    .all(params)
    .map((r) => Number((r as { id: number }).id));
}

/** What removing a contact takes with it. */
export interface ContactFootprint {
  /** Meetings in which they were the only participant (removed). */
  meetings: number;
  /** Meetings shared with others (kept; only their participation goes). */
  sharedMeetings: number;
  notes: number;
  /** Their follow-ups, plus open ones created by what is removed. */
  followUps: number;
  introductions: number;
  gifts: number;
}

const SOLO_MEETINGS = `
  SELECT mc.meeting_id FROM meeting_contacts mc
   WHERE mc.contact_id = @id
     AND NOT EXISTS (SELECT 1 FROM meeting_contacts o
                      WHERE o.meeting_id = mc.meeting_id AND o.contact_id <> @id)`;

const THEIR_INTRODUCTIONS = `
  SELECT id FROM introductions WHERE @id IN (introducer_id, person_id, to_id)`;

// Open follow-ups of anyone that were created by a meeting or an introduction
// that goes away (like `meeting rm`), plus every follow-up of the contact.
const FOLLOW_UPS_GOING = `
  SELECT id FROM follow_ups
   WHERE contact_id = @id
      OR (status = 'open' AND (meeting_id IN (${SOLO_MEETINGS})
                               OR introduction_id IN (${THEIR_INTRODUCTIONS})))`;

function count(db: Db, sql: string, id: number): number {
  return (statement(db, `SELECT count(*) AS n FROM (${sql})`).get({ id }) as { n: number }).n;
}

/** Count what removing a contact would remove. */
export function contactFootprint(db: Db, id: number): ContactFootprint {
  const meetings = count(db, SOLO_MEETINGS, id);
  const all = count(db, 'SELECT meeting_id FROM meeting_contacts WHERE contact_id = @id', id);
  return {
    meetings,
    sharedMeetings: all - meetings,
    notes: count(db, 'SELECT id FROM notes WHERE contact_id = @id', id),
    followUps: count(db, FOLLOW_UPS_GOING, id),
    introductions: count(db, THEIR_INTRODUCTIONS, id),
    gifts: count(db, 'SELECT id FROM gifts WHERE contact_id = @id', id),
  };
}

/**
 * Remove a contact with everything that belongs only to them: meetings where
 * they were the only participant, their notes, follow-ups, introductions,
 * gifts and tags, and open follow-ups created by what goes. Shared meetings
 * stay. Returns what was removed. Call inside a write transaction.
 */
export function deleteContact(db: Db, id: number): ContactFootprint {
  const footprint = contactFootprint(db, id);
  for (const f of ids(db, FOLLOW_UPS_GOING, { id })) deleteRecord(db, 'followUp', f);
  const solo = `SELECT meeting_id AS id FROM (${SOLO_MEETINGS})`;
  for (const m of ids(db, solo, { id })) deleteRecord(db, 'meeting', m);
  // Tags, notes, gifts, introductions and shared participation go with it (write.ts).
  deleteRecord(db, 'contact', id);
  return footprint;
}

/** What merging moved or dropped. */
export interface MergeResult {
  meetings: number;
  notes: number;
  followUps: number;
  introductions: number;
  gifts: number;
  /** Introductions that would have introduced someone to themself. */
  droppedIntroductions: number;
}

// An introduction column after OTHER is replaced by KEEP.
const after = (column: string) => `(CASE ${column} WHEN @other THEN @keep ELSE ${column} END)`;

const SELF_INTRODUCTIONS = `
  SELECT id FROM introductions
   WHERE @other IN (introducer_id, person_id, to_id)
     AND (${after('person_id')} = ${after('to_id')}
          OR ${after('introducer_id')} = ${after('person_id')})`;

/**
 * Move everything of OTHER onto KEEP, fill KEEP's empty fields from OTHER,
 * keep the earlier creation date, then delete OTHER. last_met follows by
 * trigger. Call inside a write transaction.
 */
export function mergeContacts(db: Db, keep: number, other: number): MergeResult {
  const params = { keep, other };
  // Follow-ups of introductions that cannot survive lose their reason to exist while open.
  const selfIntros = ids(db, SELF_INTRODUCTIONS, params);
  for (const i of selfIntros) {
    const open = ids(
      db,
      `SELECT id FROM follow_ups WHERE status = 'open' AND introduction_id = @i`,
      {
        i,
      },
    );
    for (const f of open) deleteRecord(db, 'followUp', f);
    deleteRecord(db, 'introduction', i);
  }
  const swap = (v: unknown) => (v === other ? keep : v);
  let introductions = 0;
  const theirs = statement(
    db,
    'SELECT id, introducer_id, person_id, to_id FROM introductions WHERE @other IN (introducer_id, person_id, to_id)',
  ).all(params) as { id: number; introducer_id: number; person_id: number; to_id: number }[];
  for (const i of theirs) {
    updateRecord(db, 'introduction', i.id, {
      introducer_id: swap(i.introducer_id),
      person_id: swap(i.person_id),
      to_id: swap(i.to_id),
    });
    introductions++;
  }
  // A meeting with both keeps KEEP's participation; OTHER's goes with OTHER.
  let meetings = 0;
  const met = ids(
    db,
    'SELECT meeting_id AS id FROM meeting_contacts WHERE contact_id = @other',
    params,
  );
  for (const m of met) {
    if (insertRecord(db, 'participant', { meeting_id: m, contact_id: keep }) === 0) continue;
    deleteRecord(db, 'participant', { meeting_id: m, contact_id: other });
    meetings++;
  }
  const move = (type: 'note' | 'followUp' | 'gift', table: string) => {
    const rows = ids(db, `SELECT id FROM ${table} WHERE contact_id = @other`, params);
    for (const r of rows) updateRecord(db, type, r, { contact_id: keep });
    return rows.length;
  };
  const notes = move('note', 'notes');
  const followUps = move('followUp', 'follow_ups');
  const gifts = move('gift', 'gifts');
  for (const tag of tagsOf(db, other)) insertRecord(db, 'tag', { contact_id: keep, tag });
  for (const alias of aliasesOf(db, other)) insertRecord(db, 'alias', { contact_id: keep, alias });
  const k = rowOf(db, 'contact', keep);
  const o = rowOf(db, 'contact', other);
  if (k && o) {
    const fill: Record<string, unknown> = {};
    for (const f of CONTACT.fields as readonly FieldSpec[])
      if (f.mergeFill && k[f.column] === null && o[f.column] !== null) fill[f.column] = o[f.column];
    if (String(o.created) < String(k.created)) fill.created = o.created;
    updateRecord(db, 'contact', keep, fill);
  }
  deleteRecord(db, 'contact', other);
  refreshGeneratedTexts(db, { contactIds: [keep] });
  return {
    meetings,
    notes,
    followUps,
    introductions,
    gifts,
    droppedIntroductions: selfIntros.length,
  };
}
