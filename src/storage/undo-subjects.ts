import { RECORDS } from '../model/declarations.js';
import type { RecordType } from '../model/field.js';
import type { UndoSubject } from '../domain/undo-words.js';
import type { Db } from './journal.js';

// What a change group did, in the terms a person used: which records, with
// the names, kinds and dates that tell them apart. `undo` says it in words
// (output/undo-words.ts) instead of tables and row counts.

type Values = Record<string, unknown>;

interface Change {
  record: RecordType;
  uid: string;
  op: UndoSubject['op'];
  local_id: number | null;
  fields: string | null;
  prior: string | null;
}

const LINKS: readonly RecordType[] = ['tag', 'alias', 'participant'];

/** The records a change group changed, in the order it first changed each, with their words. */
export function undoSubjects(db: Db, groupId: number): UndoSubject[] {
  const changes = db
    .prepare(
      'SELECT record, uid, op, local_id, fields, prior FROM changes WHERE grp = ? ORDER BY seq',
    )
    .all(groupId) as Change[];
  const logged = (c: Change): Values =>
    JSON.parse((c.op === 'delete' ? c.prior : c.fields) ?? '{}') as Values;

  // Names of the contacts the group removed (no longer in the table), by stable id.
  const removedNames = new Map<string, string>();
  for (const c of changes) {
    const name = c.record === 'contact' ? logged(c).name : undefined;
    if (typeof name === 'string') removedNames.set(c.uid, name);
  }
  const byUid = db.prepare('SELECT name, is_me FROM contacts WHERE uid = ?');
  const byId = db.prepare('SELECT name, is_me FROM contacts WHERE id = ?');
  // A reference as logged is a stable id; one read from the table is a local id.
  const nameOf = (ref: unknown): string | null => {
    if (ref === null || ref === undefined) return null;
    const row = (typeof ref === 'string' ? byUid.get(ref) : byId.get(ref)) as
      { name: string; is_me: number } | undefined;
    if (row) return row.is_me ? 'you' : row.name;
    return typeof ref === 'string' ? (removedNames.get(ref) ?? null) : null;
  };

  // A meeting's people: the participants the group logged, else those it has now.
  const participants = new Map<string, unknown[]>();
  for (const c of changes) {
    if (c.record !== 'participant') continue;
    const v = logged(c);
    const meeting = String(v.meeting_id);
    participants.set(meeting, [...(participants.get(meeting) ?? []), v.contact_id]);
  }
  const peopleNow = db.prepare(
    `SELECT contact_id FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
      WHERE m.uid = ? ORDER BY contact_id`,
  );

  // A change of a meeting's people alone (meeting edit --with) is a change of that meeting.
  const meetingsSeen = new Set(changes.filter((c) => c.record === 'meeting').map((c) => c.uid));
  const meetingId = db.prepare('SELECT id FROM meetings WHERE uid = ?');
  const effective = changes.flatMap((c): Change[] => {
    if (c.record !== 'participant') return [c];
    const uid = String(logged(c).meeting_id);
    const row = meetingId.get(uid) as { id: number } | undefined;
    if (meetingsSeen.has(uid) || !row) return [];
    meetingsSeen.add(uid);
    return [{ record: 'meeting', uid, op: 'update', local_id: row.id, fields: '{}', prior: '{}' }];
  });

  const subjects: UndoSubject[] = [];
  const owners: [unknown, unknown][] = [];
  const index = new Map<string, number>();
  for (const c of effective) {
    if (LINKS.includes(c.record) || index.has(`${c.record} ${c.uid}`)) continue;
    const spec = RECORDS[c.record];
    // An update logs only what it set: the rest of the record is in its table.
    const values: Values =
      c.op === 'update' && spec.identity === 'uid'
        ? ((db.prepare(`SELECT * FROM ${spec.table} WHERE uid = ?`).get(c.uid) as Values) ?? {})
        : c.op === 'update'
          ? { ...JSON.parse(c.prior ?? '{}'), ...JSON.parse(c.fields ?? '{}') }
          : logged(c);
    const refs: unknown[] =
      c.record === 'contact'
        ? []
        : c.record === 'meeting'
          ? ((c.op === 'update' ? undefined : participants.get(c.uid)) ??
            (peopleNow.all(c.uid) as { contact_id: number }[]).map((r) => r.contact_id))
          : c.record === 'introduction'
            ? [values.introducer_id, values.person_id, values.to_id]
            : [values.contact_id];
    const people =
      c.record === 'contact'
        ? [String(values.name ?? nameOf(c.local_id) ?? '?')]
        : refs.map(nameOf).filter((n): n is string => n !== null);
    index.set(`${c.record} ${c.uid}`, subjects.length);
    subjects.push({
      record: c.record,
      op: c.op,
      id: c.local_id,
      people,
      kind: typeof values.kind === 'string' ? values.kind : null,
      date: typeof values.date === 'string' ? values.date : null,
      key: typeof values.key === 'string' ? values.key : null,
      partOf: null,
    });
    owners.push([values.meeting_id, values.contact_id]);
  }
  // What each belongs to, when that is in the group too: its meeting, else its
  // contact (a removal logs the children before their parent).
  owners.forEach(([meeting, contact], i) => {
    const at =
      (typeof meeting === 'string' ? index.get(`meeting ${meeting}`) : undefined) ??
      (typeof contact === 'string' ? index.get(`contact ${contact}`) : undefined);
    const subject = subjects[i] as UndoSubject;
    if (at !== undefined && at !== i) subject.partOf = at;
  });
  return subjects;
}
