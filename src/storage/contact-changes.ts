import type { ContactChanges, ContactFieldChanges } from '../domain/contact-edit.js';
import type { Db } from './journal.js';
import { statement } from './sqlite.js';

// Field name → column; only these may appear in an UPDATE built below.
const COLUMNS: Readonly<Record<keyof ContactFieldChanges, string>> = {
  name: 'name',
  company: 'company',
  role: 'role',
  email: 'email',
  phone: 'phone',
  url: 'url',
  location: 'location',
  circle: 'circle',
  cadenceDays: 'cadence_days',
  birthday: 'birthday',
  howMet: 'how_met',
};

/** Apply an edit to a contact's fields, archived flag and tags. Call inside a write transaction. */
export function updateContact(db: Db, id: number, changes: ContactChanges): void {
  const sets: string[] = [];
  const params: Record<string, string | number | null> = { id };
  for (const [field, value] of Object.entries(changes.fields)) {
    const column = COLUMNS[field as keyof ContactFieldChanges];
    sets.push(`${column} = @${field}`);
    params[field] = value as string | number | null;
  }
  if (changes.archived !== undefined) {
    sets.push('archived = @archived');
    params.archived = changes.archived ? 1 : 0;
  }
  if (sets.length > 0) {
    statement(db, `UPDATE contacts SET ${sets.join(', ')} WHERE id = @id AND is_me = 0`).run(
      params,
    );
  }
  const addTag = statement(
    db,
    'INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)',
  );
  if (changes.setTags !== undefined) {
    statement(db, 'DELETE FROM contact_tags WHERE contact_id = ?').run(id);
    for (const tag of changes.setTags) addTag.run(id, tag);
  }
  for (const tag of changes.addTags) addTag.run(id, tag);
  // The tag column is COLLATE NOCASE, so "Design" removes "design".
  const removeTag = statement(db, 'DELETE FROM contact_tags WHERE contact_id = ? AND tag = ?');
  for (const tag of changes.removeTags) removeTag.run(id, tag);
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
  statement(db, `DELETE FROM follow_ups WHERE id IN (${FOLLOW_UPS_GOING})`).run({ id });
  statement(db, `DELETE FROM meetings WHERE id IN (${SOLO_MEETINGS})`).run({ id });
  // Tags, notes, gifts, introductions and shared participation go by FK cascade.
  statement(db, 'DELETE FROM contacts WHERE id = @id AND is_me = 0').run({ id });
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
  const ids = { keep, other };
  const run = (sql: string) => statement(db, sql).run(ids).changes;

  // Follow-ups of introductions that cannot survive lose their reason to exist while open.
  run(
    `DELETE FROM follow_ups WHERE status = 'open' AND introduction_id IN (${SELF_INTRODUCTIONS})`,
  );
  const droppedIntroductions = run(`DELETE FROM introductions WHERE id IN (${SELF_INTRODUCTIONS})`);
  const introductions = run(
    `UPDATE introductions SET introducer_id = ${after('introducer_id')},
            person_id = ${after('person_id')}, to_id = ${after('to_id')}
      WHERE @other IN (introducer_id, person_id, to_id)`,
  );
  // A meeting with both keeps KEEP's row; OTHER's row then goes with OTHER.
  const meetings = run(
    'UPDATE OR IGNORE meeting_contacts SET contact_id = @keep WHERE contact_id = @other',
  );
  const notes = run('UPDATE notes SET contact_id = @keep WHERE contact_id = @other');
  const followUps = run('UPDATE follow_ups SET contact_id = @keep WHERE contact_id = @other');
  const gifts = run('UPDATE gifts SET contact_id = @keep WHERE contact_id = @other');
  run(
    `INSERT OR IGNORE INTO contact_tags (contact_id, tag)
     SELECT @keep, tag FROM contact_tags WHERE contact_id = @other`,
  );
  const fill = [
    'company',
    'role',
    'email',
    'phone',
    'url',
    'location',
    'circle',
    'cadence_days',
    'birthday',
    'how_met',
  ].map((c) => `${c} = coalesce(k.${c}, o.${c})`);
  run(
    `UPDATE contacts AS k SET ${fill.join(', ')}, created = min(k.created, o.created)
       FROM (SELECT * FROM contacts WHERE id = @other) AS o
      WHERE k.id = @keep`,
  );
  run('DELETE FROM contacts WHERE id = @other AND is_me = 0');
  return { meetings, notes, followUps, introductions, gifts, droppedIntroductions };
}
