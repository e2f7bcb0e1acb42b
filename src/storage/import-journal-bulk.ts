import { SETTINGS, storedSettingValue } from '../domain/settings.js';
import type { JournalLine } from '../interop/jsonl-lines.js';
import type { LineProblem } from '../interop/jsonl-read.js';
import { groupMark, rewindGroup } from './change-log.js';
import { contactColumns } from './contacts.js';
import type { ImportCounts } from './import-contacts.js';
import type { Db } from './journal.js';
import { statement } from './sqlite.js';
import { RecordBuffer } from './write-many.js';

type Located<T> = { line: number; record: T };

/** What importing a journal's lines did. */
export interface JournalImport {
  counts: ImportCounts;
  problems: LineProblem[];
  changedContacts: Set<number>;
}

/**
 * An export imported into an empty journal, in bulk: every record keeps its
 * id, so nothing needs looking up, and the rows go out a few hundred a
 * statement (write-many.ts). This is the common case (a new device, a
 * restore from an export) and the one that is large. It takes only a file
 * in which every line is fine: at the first line that needs judging (a
 * reference to a record not in the file, a stable id twice, a value the
 * schema refuses) it undoes what it wrote and returns undefined, and the
 * careful path, line by line, imports the file and reports each problem.
 */
export function importIntoEmptyJournal(
  db: Db,
  records: readonly Located<JournalLine>[],
): JournalImport | undefined {
  const mark = groupMark(db);
  statement(db, 'SAVEPOINT import_bulk').run();
  try {
    const buffer = new RecordBuffer(db);
    // The user is contact 0 in every export.
    const known = { contact: new Set([0]), meeting: new Set<number>(), intro: new Set<number>() };
    const uids = new Set<string>();
    const need = (set: Set<number>, id: number | null) => {
      if (id !== null && !set.has(id)) throw new Error('refers to a record not in the file');
      return id;
    };
    for (const { record: r } of records) {
      if (r.type !== 'setting' && r.uid !== undefined) {
        if (uids.has(r.uid)) throw new Error(`stable id ${r.uid} twice`);
        uids.add(r.uid);
      }
      switch (r.type) {
        case 'setting':
          if (!Object.hasOwn(SETTINGS, r.key)) throw new Error(`unknown setting "${r.key}"`);
          buffer.add('setting', { key: r.key, value: storedSettingValue(r.key, r.value) });
          break;
        case 'contact':
          buffer.add('contact', {
            ...contactColumns(r),
            id: r.id,
            uid: r.uid,
            archived: r.archived,
            created: r.created,
          });
          known.contact.add(r.id);
          for (const alias of r.aliases ?? []) buffer.add('alias', { contact_id: r.id, alias });
          for (const tag of r.tags) buffer.add('tag', { contact_id: r.id, tag });
          break;
        case 'meeting':
          for (const person of r.contactIds) need(known.contact, person);
          buffer.add('meeting', {
            id: r.id,
            uid: r.uid,
            date: r.date,
            kind: r.kind,
            notes: r.notes,
            outreach: r.outreach,
            created: r.created,
          });
          known.meeting.add(r.id);
          for (const person of [...r.contactIds].sort((a, b) => a - b))
            buffer.add('participant', { meeting_id: r.id, contact_id: person });
          break;
        case 'introduction':
          buffer.add('introduction', {
            id: r.id,
            uid: r.uid,
            introducer_id: need(known.contact, r.introducerId),
            person_id: need(known.contact, r.personId),
            to_id: need(known.contact, r.toId),
            date: r.date,
            context: r.context,
            reported_back: r.reportedBack,
            created: r.created,
          });
          known.intro.add(r.id);
          break;
        case 'note':
        case 'gift':
          buffer.add(r.type, {
            id: r.id,
            uid: r.uid,
            contact_id: need(known.contact, r.contactId),
            meeting_id: need(known.meeting, r.meetingId),
            date: r.date,
            text: r.text,
            created: r.created,
          });
          break;
        case 'followUp':
          buffer.add('followUp', {
            id: r.id,
            uid: r.uid,
            contact_id: need(known.contact, r.contactId),
            kind: r.kind,
            text: r.text,
            due: r.due,
            status: r.status,
            closed: r.closed,
            meeting_id: need(known.meeting, r.meetingId),
            introduction_id: need(known.intro, r.introductionId),
            created: r.created,
            template: r.template ?? null,
          });
          break;
      }
    }
    buffer.flush();
    statement(db, 'RELEASE import_bulk').run();
    return {
      counts: { created: records.length, updated: 0, unchanged: 0 },
      problems: [],
      changedContacts: new Set(),
    };
  } catch {
    // Whatever went wrong is the careful path's to find and say, line by line.
    statement(db, 'ROLLBACK TO import_bulk').run();
    statement(db, 'RELEASE import_bulk').run();
    rewindGroup(db, mark);
    return undefined;
  }
}
