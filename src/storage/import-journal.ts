import type {
  ContactLine,
  FollowUpLine,
  GiftLine,
  JournalLine,
  MeetingLine,
  NoteLine,
} from '../interop/jsonl-lines.js';
import { SETTINGS, storedSettingValue } from '../domain/settings.js';
import type { LineProblem } from '../interop/jsonl-read.js';
import { normaliseUrl, type ImportCounts } from './import-contacts.js';
import type { FieldSpec } from '../model/field.js';
import { CONTACT, RECORDS } from '../model/declarations.js';
import type { RecordType } from '../model/field.js';
import { contactColumns } from './contacts.js';
import type { Db } from './journal.js';
import { getSetting } from './settings.js';
import { importIntoEmptyJournal } from './import-journal-bulk.js';
import { insertRecord, rowOf, updateRecord } from './write.js';
import { statement } from './sqlite.js';

type Located<T> = { line: number; record: T };

/** Is there nothing in the journal but the user? Then ids can be kept as they are. */
export function isEmptyJournal(db: Db): boolean {
  const row = statement(
    db,
    `SELECT (SELECT count(*) FROM contacts WHERE is_me = 0) + (SELECT count(*) FROM meetings)
            + (SELECT count(*) FROM introductions) + (SELECT count(*) FROM notes)
            + (SELECT count(*) FROM gifts) + (SELECT count(*) FROM follow_ups)
            + (SELECT count(*) FROM settings WHERE key <> 'search.paused') AS n`,
  ).get() as { n: number };
  return row.n === 0;
}

const ENTITY_TABLES = Object.values(RECORDS).filter((s) => s.identity === 'uid');

/** Which entity table holds a stable id, in one query (each table's uid index once). */
const UID_OWNER = ENTITY_TABLES.map(
  (spec) => `SELECT '${spec.type}' AS type, id FROM ${spec.table} WHERE uid = @uid`,
).join(' UNION ALL ');

/**
 * The local id of the record of this type that has this stable id, if any.
 * A stable id that belongs to a record of another type (in the journal, or
 * earlier in the file) is refused. Into an empty journal only the file's own
 * stable ids can collide, so the journal is not asked.
 */
function knownUid(
  db: Db,
  seen: Map<string, RecordType>,
  journalWasEmpty: boolean,
  type: RecordType,
  uid: string | undefined,
): number | undefined {
  if (uid === undefined) return undefined;
  const earlier = seen.get(uid);
  if (earlier !== undefined && earlier !== type)
    throw new Error(`stable id ${uid} already belongs to a ${earlier}`);
  seen.set(uid, type);
  if (journalWasEmpty && earlier === undefined) return undefined;
  const owner = statement(db, UID_OWNER).get({ uid }) as
    { type: RecordType; id: number } | undefined;
  if (owner === undefined) return undefined;
  if (owner.type !== type) throw new Error(`stable id ${uid} already belongs to a ${owner.type}`);
  return owner.id;
}

/**
 * Import `export --format jsonl` records. Into an empty journal every record
 * keeps its id, so exporting again gives the same bytes. Into a journal with
 * data, contacts match by e-mail, profile URL or a sole same name (filling
 * empty fields), ids are renumbered, and records already present (same
 * people, date and text) are left alone, so importing twice adds nothing.
 * Records that break a rule or refer to something missing become problems.
 * Call inside a write transaction.
 */
export function importJournal(
  db: Db,
  records: readonly Located<JournalLine>[],
  options: { bulk: boolean } = { bulk: true },
): { counts: ImportCounts; problems: LineProblem[]; changedContacts: Set<number> } {
  const keepIds = isEmptyJournal(db);
  // Into an empty journal, a file with no problem goes in bulk (tests compare it with line by line).
  if (keepIds && options.bulk) {
    const bulk = importIntoEmptyJournal(db, records);
    if (bulk) return bulk;
  }
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const problems: LineProblem[] = [];
  const changedContacts = new Set<number>();
  const ids = {
    contact: new Map<number, number>([[0, 0]]),
    meeting: new Map<number, number>(),
    introduction: new Map<number, number>(),
    uids: new Map<string, RecordType>(),
  };
  const mapped = (map: Map<number, number>, id: number | null): number | null | undefined =>
    id === null ? null : map.get(id);

  // One savepoint a line, so a bad line is left out alone; prepared once, not parsed each time.
  const savepoint = statement(db, 'SAVEPOINT import_line');
  const release = statement(db, 'RELEASE import_line');
  const rollback = statement(db, 'ROLLBACK TO import_line');
  for (const { line, record } of records) {
    savepoint.run();
    try {
      const outcome = importOne(db, record, keepIds, ids, mapped);
      counts[outcome]++;
      if (outcome === 'updated' && record.type === 'contact') {
        changedContacts.add(ids.contact.get(record.id) ?? 0);
      }
      release.run();
    } catch (err) {
      rollback.run();
      release.run();
      const message = err instanceof Error ? err.message : String(err);
      problems.push({
        line,
        message: /FOREIGN KEY|refers to/.test(message)
          ? `${record.type} refers to a record that is not in the journal or the file`
          : /CHECK|NOT NULL|UNIQUE/.test(message)
            ? `${record.type} has an invalid value`
            : message,
      });
    }
  }
  return { counts, problems, changedContacts };
}

type Outcome = keyof ImportCounts;
type IdMaps = {
  contact: Map<number, number>;
  meeting: Map<number, number>;
  introduction: Map<number, number>;
  /** Stable ids met so far in the file, with their record type. */
  uids: Map<string, RecordType>;
};

function need(id: number | null | undefined): number {
  if (id === undefined || id === null) throw new Error('refers to a missing record');
  return id;
}

function importOne(
  db: Db,
  r: JournalLine,
  keepIds: boolean,
  ids: IdMaps,
  mapped: (map: Map<number, number>, id: number | null) => number | null | undefined,
): Outcome {
  switch (r.type) {
    case 'setting': {
      if (!Object.hasOwn(SETTINGS, r.key)) throw new Error(`unknown setting "${r.key}"`);
      // A hand-edited file may say "60d": stored as config set would store it.
      const value = storedSettingValue(r.key, r.value);
      if (getSetting(db, r.key) !== undefined) return 'unchanged';
      insertRecord(db, 'setting', { key: r.key, value });
      return 'created';
    }
    case 'contact':
      return importContact(db, r, keepIds, ids.contact, ids.uids);
    case 'meeting':
      return importMeeting(db, r, keepIds, ids);
    case 'introduction': {
      const known = knownUid(db, ids.uids, keepIds, 'introduction', r.uid);
      if (known !== undefined) {
        ids.introduction.set(r.id, known);
        return 'unchanged';
      }
      const a = need(mapped(ids.contact, r.introducerId));
      const p = need(mapped(ids.contact, r.personId));
      const t = need(mapped(ids.contact, r.toId));
      const existing = statement(
        db,
        'SELECT id FROM introductions WHERE introducer_id = ? AND person_id = ? AND to_id = ?',
      ).get(a, p, t) as { id: number } | undefined;
      if (existing && !keepIds) {
        ids.introduction.set(r.id, existing.id);
        return 'unchanged';
      }
      const id = insertRecord(db, 'introduction', {
        id: keepIds ? r.id : null,
        uid: r.uid,
        introducer_id: a,
        person_id: p,
        to_id: t,
        date: r.date,
        context: r.context,
        reported_back: r.reportedBack,
        created: r.created,
      });
      ids.introduction.set(r.id, id);
      return 'created';
    }
    case 'note':
    case 'gift':
      return importDatedText(db, r, keepIds, ids, mapped);
    case 'followUp':
      return importFollowUp(db, r, keepIds, ids, mapped);
  }
}

function importContact(
  db: Db,
  r: ContactLine,
  keepIds: boolean,
  map: Map<number, number>,
  uids: Map<string, RecordType>,
): Outcome {
  let match: Record<string, string | number | null> | undefined;
  const known = knownUid(db, uids, keepIds, 'contact', r.uid);
  if (known !== undefined) match = rowOf(db, 'contact', known) as typeof match;
  else if (!keepIds) {
    // Only rows that could match: same e-mail, same name, or a URL containing
    // this one's normalised form (the exact URL test is done below in JS).
    const urlPart = r.url ? normaliseUrl(r.url).replace(/[\\%_]/g, (ch) => `\\${ch}`) : null;
    const candidates = statement(
      db,
      `SELECT * FROM contacts WHERE is_me = 0 AND (email = ? COLLATE NOCASE OR name = ? COLLATE NOCASE
           OR (? IS NOT NULL AND url LIKE '%' || ? || '%' ESCAPE '\\'))`,
    ).all(r.email, r.name, urlPart, urlPart) as Record<string, string | number | null>[];
    match =
      (r.email
        ? candidates.find(
            (c) => typeof c.email === 'string' && c.email.toLowerCase() === r.email?.toLowerCase(),
          )
        : undefined) ??
      (r.url
        ? candidates.find(
            (c) => typeof c.url === 'string' && normaliseUrl(c.url) === normaliseUrl(r.url ?? ''),
          )
        : undefined) ??
      (!r.email && !r.url
        ? (() => {
            // Namesakes: one not yet matched by this import, created the same day at the same company.
            const taken = new Set(map.values());
            const same = candidates.filter(
              (c) =>
                String(c.name).toLowerCase() === r.name.toLowerCase() && !taken.has(Number(c.id)),
            );
            if (same.length === 1) return same[0];
            return same.find((c) => c.created === r.created && c.company === r.company);
          })()
        : undefined);
  }
  // Its sets (nicknames, absent from older files, and tags) merge by element.
  const addTags = (id: number) => {
    let added = 0;
    for (const alias of r.aliases ?? [])
      added += insertRecord(db, 'alias', { contact_id: id, alias });
    for (const tag of r.tags) added += insertRecord(db, 'tag', { contact_id: id, tag });
    return added;
  };
  if (match) {
    const id = Number(match.id);
    map.set(r.id, id);
    const fill: Record<string, string | number | null> = {};
    for (const field of CONTACT.fields as readonly FieldSpec[]) {
      const value = (r as unknown as Record<string, string | number | null>)[field.key];
      if (field.mergeFill && match[field.column] === null && value !== null && value !== undefined)
        fill[field.column] = value;
    }
    const filled = updateRecord(db, 'contact', id, fill);
    return addTags(id) > 0 || filled ? 'updated' : 'unchanged';
  }
  const id = insertRecord(db, 'contact', {
    ...contactColumns(r),
    id: keepIds ? r.id : null,
    uid: r.uid,
    archived: r.archived,
    created: r.created,
  });
  map.set(r.id, id);
  addTags(id);
  return 'created';
}

function importMeeting(db: Db, r: MeetingLine, keepIds: boolean, ids: IdMaps): Outcome {
  const people = r.contactIds.map((c) => need(ids.contact.get(c))).sort((a, b) => a - b);
  const known = knownUid(db, ids.uids, keepIds, 'meeting', r.uid);
  if (known !== undefined) {
    ids.meeting.set(r.id, known);
    return 'unchanged';
  }
  if (!keepIds) {
    const sameDay = statement(
      db,
      `SELECT m.id, m.kind, m.notes, (SELECT group_concat(contact_id, ',' ORDER BY contact_id)
                                         FROM meeting_contacts WHERE meeting_id = m.id) AS people
           FROM meetings m WHERE m.date = ?`,
    ).all(r.date) as { id: number; kind: string; notes: string | null; people: string | null }[];
    const same = sameDay.find(
      (m) => m.kind === r.kind && m.notes === r.notes && (m.people ?? '') === people.join(','),
    );
    if (same) {
      ids.meeting.set(r.id, same.id);
      return 'unchanged';
    }
  }
  const id = insertRecord(db, 'meeting', {
    id: keepIds ? r.id : null,
    uid: r.uid,
    date: r.date,
    kind: r.kind,
    notes: r.notes,
    outreach: r.outreach,
    created: r.created,
  });
  ids.meeting.set(r.id, id);
  for (const person of people)
    insertRecord(db, 'participant', { meeting_id: id, contact_id: person });
  return 'created';
}

function importDatedText(
  db: Db,
  r: NoteLine | GiftLine,
  keepIds: boolean,
  ids: IdMaps,
  mapped: (map: Map<number, number>, id: number | null) => number | null | undefined,
): Outcome {
  const table = r.type === 'note' ? 'notes' : 'gifts';
  if (knownUid(db, ids.uids, keepIds, r.type, r.uid) !== undefined) return 'unchanged';
  const contactId = need(mapped(ids.contact, r.contactId));
  const meetingId = r.meetingId === null ? null : need(mapped(ids.meeting, r.meetingId));
  if (!keepIds) {
    const existing = statement(
      db,
      `SELECT 1 FROM ${table} WHERE contact_id = ? AND date = ? AND text = ?`,
    ).get(contactId, r.date, r.text);
    if (existing) return 'unchanged';
  }
  insertRecord(db, r.type, {
    id: keepIds ? r.id : null,
    uid: r.uid,
    contact_id: contactId,
    meeting_id: meetingId,
    date: r.date,
    text: r.text,
    created: r.created,
  });
  return 'created';
}

function importFollowUp(
  db: Db,
  r: FollowUpLine,
  keepIds: boolean,
  ids: IdMaps,
  mapped: (map: Map<number, number>, id: number | null) => number | null | undefined,
): Outcome {
  if (knownUid(db, ids.uids, keepIds, 'followUp', r.uid) !== undefined) return 'unchanged';
  const contactId = need(mapped(ids.contact, r.contactId));
  const meetingId = r.meetingId === null ? null : need(mapped(ids.meeting, r.meetingId));
  const introductionId =
    r.introductionId === null ? null : need(mapped(ids.introduction, r.introductionId));
  if (!keepIds) {
    const existing = statement(
      db,
      'SELECT 1 FROM follow_ups WHERE contact_id = ? AND kind = ? AND text = ? AND due = ?',
    ).get(contactId, r.kind, r.text, r.due);
    if (existing) return 'unchanged';
  }
  insertRecord(db, 'followUp', {
    id: keepIds ? r.id : null,
    uid: r.uid,
    contact_id: contactId,
    kind: r.kind,
    text: r.text,
    due: r.due,
    status: r.status,
    closed: r.closed,
    meeting_id: meetingId,
    introduction_id: introductionId,
    created: r.created,
    template: r.template ?? null,
  });
  return 'created';
}
