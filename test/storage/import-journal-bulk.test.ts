import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJournalLines } from '../../src/interop/jsonl-read.js';
import { withBulkWrite } from '../../src/storage/bulk-write.js';
import { dumpJournal } from '../../src/storage/dump.js';
import { importJournal } from '../../src/storage/import-journal.js';
import { openMemoryJournal, writeTransaction, type Db } from '../../src/storage/journal.js';
import { uuidv7 } from '../../src/storage/stable-id.js';

// An export into an empty journal goes in bulk when every line is fine, and
// line by line (reporting each problem) otherwise. Whatever the file, the
// result must be the one the careful path gives: the same counts and
// problems, the same records, the same changes logged.

const NOW = '2026-11-21T00:00:00.000Z';

/** Lines of an export, some of them wrong in the ways a hand-edited file is. */
const exportLines = fc
  .record({
    contacts: fc.integer({ min: 1, max: 6 }),
    meetings: fc.array(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 3 }), {
      maxLength: 5,
    }),
    notes: fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 })), {
      maxLength: 5,
    }),
    followUps: fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 })), {
      maxLength: 5,
    }),
    intros: fc.array(fc.tuple(fc.nat(8), fc.nat(8), fc.nat(8)), { maxLength: 3 }),
    setting: fc.constantFrom('cadence.third', 'cadence.inner', 'no.such.key', null),
    // A line repeated (same stable id, same id) or one whose id repeats another's.
    repeat: fc.option(fc.nat(), { nil: undefined }),
    sameId: fc.option(fc.nat(), { nil: undefined }),
    // Half the files are fine: every reference in the file, nothing repeated.
    clean: fc.boolean(),
  })
  .map((f) => {
    const person = (id: number) => (f.clean ? id % (f.contacts + 1) : id);
    const meetingRef = (id: number) => (f.clean ? id % (f.meetings.length + 1) : id);
    const lines: Record<string, unknown>[] = [{ type: 'netjournal', format: 2 }];
    const setting = f.clean && f.setting === 'no.such.key' ? 'cadence.third' : f.setting;
    if (setting) lines.push({ type: 'setting', key: setting, value: '90' });
    for (let id = 1; id <= f.contacts; id++)
      lines.push({
        type: 'contact',
        id,
        uid: uuidv7(),
        name: `Person ${id}`,
        company: id % 2 ? 'Acme' : null,
        role: null,
        email: id % 3 ? null : `p${id}@example.test`,
        phone: null,
        url: null,
        location: null,
        circle: 'second',
        cadenceDays: null,
        birthday: null,
        howMet: null,
        tags: id % 2 ? ['work', 'Work', 'x'] : [],
        archived: false,
        created: '2026-10-01',
      });
    f.meetings.forEach((people, i) =>
      lines.push({
        type: 'meeting',
        id: i + 1,
        uid: uuidv7(),
        date: '2026-11-01',
        kind: 'coffee',
        contactIds: people.map(person),
        notes: `met ${i}`,
        outreach: false,
        created: NOW,
      }),
    );
    f.notes.forEach(([contactId, meetingId], i) =>
      lines.push({
        type: 'note',
        id: i + 1,
        uid: uuidv7(),
        contactId: person(contactId),
        date: '2026-11-02',
        text: `learned ${i}`,
        meetingId: meetingRef(meetingId) === 0 ? null : meetingRef(meetingId),
        created: NOW,
      }),
    );
    f.intros.forEach(([a, p, t], i) =>
      lines.push({
        type: 'introduction',
        id: i + 1,
        uid: uuidv7(),
        introducerId: person(a),
        personId: person(p),
        toId: person(t),
        date: '2026-10-15',
        context: null,
        reportedBack: false,
        created: NOW,
      }),
    );
    f.followUps.forEach(([contactId, meetingId], i) =>
      lines.push({
        type: 'followUp',
        id: i + 1,
        uid: uuidv7(),
        contactId: person(contactId),
        kind: 'action',
        text: `call ${i}`,
        due: '2026-12-01',
        status: 'open',
        closed: null,
        meetingId: meetingRef(meetingId) === 0 ? null : meetingRef(meetingId),
        introductionId: null,
        created: NOW,
      }),
    );
    const body = lines.slice(1);
    if (f.repeat !== undefined && !f.clean)
      body.push(body[f.repeat % body.length] as Record<string, unknown>);
    if (f.sameId !== undefined && !f.clean) {
      const copy: Record<string, unknown> = {
        ...(body[f.sameId % body.length] as Record<string, unknown>),
        uid: uuidv7(),
      };
      if (copy.type !== 'setting') body.push(copy);
    }
    return [lines[0], ...body].map((l) => JSON.stringify(l)).join('\n') + '\n';
  });

/** Import as the import command does, bulk or line by line, into a new journal. */
function imported(text: string, bulk: boolean): { db: Db; result: unknown } {
  const db = openMemoryJournal(NOW);
  const { records, problems } = readJournalLines(text);
  expect(problems).toEqual([]);
  let result: unknown;
  writeTransaction(db, 'import', () => {
    const r = withBulkWrite(db, { dropLookupIndexes: true }, () => {
      const outcome = importJournal(db, records, { bulk });
      return { result: outcome, changedContacts: outcome.changedContacts };
    });
    result = { counts: r.counts, problems: r.problems };
  });
  return { db, result };
}

/** The changes logged, in an order that does not depend on the path (bulk writes type by type). */
function changes(db: Db): string[] {
  return (
    db
      .prepare('SELECT record, uid, op, local_id, fields, prior FROM changes WHERE grp > 1')
      .all() as Record<string, unknown>[]
  )
    .map((c) => JSON.stringify(c))
    .sort();
}

describe('an export into an empty journal', () => {
  it('gives in bulk exactly what it gives line by line, problems and all', () => {
    let clean = 0;
    fc.assert(
      fc.property(exportLines, (text) => {
        const bulk = imported(text, true);
        const careful = imported(text, false);
        try {
          expect(bulk.result).toEqual(careful.result);
          expect(dumpJournal(bulk.db)).toEqual(dumpJournal(careful.db));
          expect(changes(bulk.db)).toEqual(changes(careful.db));
          const searchOf = (db: Db) =>
            db
              .prepare(
                'SELECT rowid, kind, ref, name, people, body FROM search_index ORDER BY rowid',
              )
              .all();
          expect(searchOf(bulk.db)).toEqual(searchOf(careful.db));
          if ((careful.result as { problems: unknown[] }).problems.length === 0) clean++;
        } finally {
          bulk.db.close();
          careful.db.close();
        }
      }),
      { numRuns: 150 },
    );
    // Both kinds of file are tried: some with no problem (the bulk path), some with.
    expect(clean).toBeGreaterThan(10);
  });
});
