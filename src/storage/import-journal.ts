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
import type { Db } from './journal.js';
import { statement } from './sqlite.js';

type Located<T> = { line: number; record: T };

/** Is there nothing in the journal but the user? Then ids can be kept as they are. */
function isEmpty(db: Db): boolean {
  const row = statement(
    db,
    `SELECT (SELECT count(*) FROM contacts WHERE is_me = 0) + (SELECT count(*) FROM meetings)
            + (SELECT count(*) FROM introductions) + (SELECT count(*) FROM notes)
            + (SELECT count(*) FROM gifts) + (SELECT count(*) FROM follow_ups)
            + (SELECT count(*) FROM settings WHERE key <> 'search.paused') AS n`,
  ).get() as { n: number };
  return row.n === 0;
}

const CONTACT_COLUMNS = [
  ['company', 'company'],
  ['role', 'role'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['url', 'url'],
  ['location', 'location'],
  ['circle', 'circle'],
  ['cadence_days', 'cadenceDays'],
  ['birthday', 'birthday'],
  ['how_met', 'howMet'],
] as const;

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
): { counts: ImportCounts; problems: LineProblem[]; changedContacts: Set<number> } {
  const keepIds = isEmpty(db);
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const problems: LineProblem[] = [];
  const changedContacts = new Set<number>();
  const ids = {
    contact: new Map<number, number>([[0, 0]]),
    meeting: new Map<number, number>(),
    introduction: new Map<number, number>(),
  };
  const mapped = (map: Map<number, number>, id: number | null): number | null | undefined =>
    id === null ? null : map.get(id);

  for (const { line, record } of records) {
    const savepoint = `r${line}`;
    db.exec(`SAVEPOINT ${savepoint}`);
    try {
      const outcome = importOne(db, record, keepIds, ids, mapped);
      counts[outcome]++;
      if (outcome === 'updated' && record.type === 'contact') {
        changedContacts.add(ids.contact.get(record.id) ?? 0);
      }
      db.exec(`RELEASE ${savepoint}`);
    } catch (err) {
      db.exec(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
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
      if (!(r.key in SETTINGS)) throw new Error(`unknown setting "${r.key}"`);
      // A hand-edited file may say "60d": stored as config set would store it.
      const value = storedSettingValue(r.key, r.value);
      const changed = statement(
        db,
        'INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)',
      ).run(r.key, value).changes;
      return changed ? 'created' : 'unchanged';
    }
    case 'contact':
      return importContact(db, r, keepIds, ids.contact);
    case 'meeting':
      return importMeeting(db, r, keepIds, ids);
    case 'introduction': {
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
      const result = statement(
        db,
        `INSERT INTO introductions (id, introducer_id, person_id, to_id, date, context, reported_back, created)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(keepIds ? r.id : null, a, p, t, r.date, r.context, r.reportedBack ? 1 : 0, r.created);
      ids.introduction.set(r.id, Number(result.lastInsertRowid));
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
): Outcome {
  let match: Record<string, string | number | null> | undefined;
  if (!keepIds) {
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
  const addTags = (id: number) => {
    let added = 0;
    for (const tag of r.tags)
      added += statement(
        db,
        'INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)',
      ).run(id, tag).changes;
    return added;
  };
  if (match) {
    const id = Number(match.id);
    map.set(r.id, id);
    const sets: string[] = [];
    const params: Record<string, string | number | null> = { id };
    for (const [column, field] of CONTACT_COLUMNS) {
      if (match[column] === null && r[field] !== null) {
        sets.push(`${column} = @${column}`);
        params[column] = r[field];
      }
    }
    if (sets.length)
      statement(db, `UPDATE contacts SET ${sets.join(', ')} WHERE id = @id`).run(params);
    return sets.length + addTags(id) > 0 ? 'updated' : 'unchanged';
  }
  const result = statement(
    db,
    `INSERT INTO contacts (id, name, company, role, email, phone, url, location, circle, cadence_days,
                             birthday, how_met, archived, created)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    keepIds ? r.id : null,
    r.name,
    r.company,
    r.role,
    r.email,
    r.phone,
    r.url,
    r.location,
    r.circle,
    r.cadenceDays,
    r.birthday,
    r.howMet,
    r.archived ? 1 : 0,
    r.created,
  );
  const id = Number(result.lastInsertRowid);
  map.set(r.id, id);
  addTags(id);
  return 'created';
}

function importMeeting(db: Db, r: MeetingLine, keepIds: boolean, ids: IdMaps): Outcome {
  const people = r.contactIds.map((c) => need(ids.contact.get(c))).sort((a, b) => a - b);
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
  const result = statement(
    db,
    'INSERT INTO meetings (id, date, kind, notes, outreach, created) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(keepIds ? r.id : null, r.date, r.kind, r.notes, r.outreach ? 1 : 0, r.created);
  const id = Number(result.lastInsertRowid);
  ids.meeting.set(r.id, id);
  const add = statement(db, 'INSERT INTO meeting_contacts (meeting_id, contact_id) VALUES (?, ?)');
  for (const person of people) add.run(id, person);
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
  const contactId = need(mapped(ids.contact, r.contactId));
  const meetingId = r.meetingId === null ? null : need(mapped(ids.meeting, r.meetingId));
  if (!keepIds) {
    const existing = statement(
      db,
      `SELECT 1 FROM ${table} WHERE contact_id = ? AND date = ? AND text = ?`,
    ).get(contactId, r.date, r.text);
    if (existing) return 'unchanged';
  }
  statement(
    db,
    `INSERT INTO ${table} (id, contact_id, meeting_id, date, text, created) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(keepIds ? r.id : null, contactId, meetingId, r.date, r.text, r.created);
  return 'created';
}

function importFollowUp(
  db: Db,
  r: FollowUpLine,
  keepIds: boolean,
  ids: IdMaps,
  mapped: (map: Map<number, number>, id: number | null) => number | null | undefined,
): Outcome {
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
  statement(
    db,
    `INSERT INTO follow_ups (id, contact_id, kind, text, due, status, closed, meeting_id, introduction_id, created)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    keepIds ? r.id : null,
    contactId,
    r.kind,
    r.text,
    r.due,
    r.status,
    r.closed,
    meetingId,
    introductionId,
    r.created,
  );
  return 'created';
}
