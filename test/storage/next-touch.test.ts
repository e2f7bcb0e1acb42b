import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameOnlyContact, type ContactFields } from '../../src/domain/contact.js';
import { addDays } from '../../src/domain/dates.js';
import { deleteContact, mergeContacts, updateContact } from '../../src/storage/contact-changes.js';
import { insertContact } from '../../src/storage/contacts.js';
import { insertFollowUp } from '../../src/storage/follow-ups.js';
import { openMemoryJournal, writeTransaction, type Db } from '../../src/storage/journal.js';
import {
  deleteMeeting,
  insertMeeting,
  setParticipants,
  updateMeeting,
} from '../../src/storage/meetings.js';
import { cadenceDefaults, setSetting, unsetSetting } from '../../src/storage/settings.js';
import { reconnectsDue } from '../../src/storage/today.js';
import { lastUndoStep, revertUndoStep } from '../../src/storage/undo.js';

// contacts.next_touch (0004_next_touch.sql) is a copy kept by triggers. It
// must equal its definition after any sequence of changes, undo included, and
// that definition must be the reconnect rule of PRODUCT.md.

const NOW = '2026-11-21T00:00:00.000Z';
type Circle = 'inner' | 'second' | 'third';

interface Row {
  id: number;
  name: string;
  circle: string | null;
  cadence_days: number | null;
  archived: number;
  created: string;
  last_met: string | null;
  next_touch: string | null;
}

const rows = (db: Db) =>
  db
    .prepare(
      'SELECT id, name, circle, cadence_days, archived, created, last_met, next_touch FROM contacts WHERE is_me = 0 ORDER BY id',
    )
    .all() as Row[];

/** next_touch as PRODUCT.md defines the reconnect date, computed in TypeScript. */
function expectedNextTouch(db: Db, row: Row): string | null {
  if (row.archived) return null;
  const circle = row.circle as Circle | null;
  const cadence = row.cadence_days ?? (circle ? cadenceDefaults(db)[circle] : undefined);
  return cadence ? addDays(row.last_met ?? row.created, cadence) : null;
}

function expectInStep(db: Db): void {
  const drift = db
    .prepare(
      `SELECT c.id FROM contacts c JOIN next_touch_expected e ON e.id = c.id
        WHERE c.next_touch IS NOT e.next_touch`,
    )
    .all();
  expect(drift).toEqual([]);
  for (const row of rows(db))
    expect([row.id, row.next_touch]).toEqual([row.id, expectedNextTouch(db, row)]);
}

const contact = (name: string, more: Partial<ContactFields> = {}): ContactFields => ({
  ...nameOnlyContact(name),
  ...more,
});

// Contacts and circle defaults come up more often than the rest, so that
// defaults changing under contacts that use them happens in most runs.
const OPS = [
  'contact',
  'contact',
  'contact',
  'default',
  'default',
  'undefault',
  'meet',
  'redate',
  'unmeet',
  'participants',
  'cadence',
  'circle',
  'archive',
  'default',
  'undefault',
  'remove',
  'merge',
  'undo',
] as const;

describe('next_touch', () => {
  it('is last met (else created) plus the cadence (own, else the circle default)', () => {
    const db = openMemoryJournal(NOW);
    writeTransaction(db, 'test', () => {
      setSetting(db, 'cadence.second', '30');
      insertContact(db, contact('Own', { cadenceDays: 14, circle: 'second' }), '2026-01-01');
      insertContact(db, contact('Circle', { circle: 'second' }), '2026-01-01');
      insertContact(db, contact('None', { circle: 'third' }), '2026-01-01');
      insertMeeting(
        db,
        { date: '2026-11-01', kind: 'coffee', notes: null, outreach: false },
        [1, 2],
        NOW,
      );
    });
    expect(rows(db).map((r) => [r.name, r.next_touch])).toEqual([
      ['Own', '2026-11-15'],
      ['Circle', '2026-12-01'],
      ['None', null],
    ]);
    writeTransaction(db, 'test', () => setSetting(db, 'cadence.third', '7'));
    expect(rows(db).map((r) => r.next_touch)).toEqual(['2026-11-15', '2026-12-01', '2026-01-08']);
    writeTransaction(db, 'test', () => unsetSetting(db, 'cadence.second'));
    expect(rows(db).map((r) => r.next_touch)).toEqual(['2026-11-15', null, '2026-01-08']);
    const due = reconnectsDue(db, '2026-11-21');
    expect(due.map((r) => [r.name, r.cadenceDays]).sort()).toEqual([
      ['None', 7],
      ['Own', 14],
    ]);
  });

  it('ignores a circle default that is not a whole number of days, as cadenceDefaults does', () => {
    const db = openMemoryJournal(NOW);
    writeTransaction(db, 'test', () => {
      insertContact(db, contact('Circle', { circle: 'second' }), '2026-01-01');
    });
    for (const bad of ['60d', '1.5', '0x3C', '1e2', '0', '-7', ' 30']) {
      writeTransaction(db, 'test', () => setSetting(db, 'cadence.second', bad));
      expect([bad, cadenceDefaults(db).second]).toEqual([bad, undefined]);
      expect([bad, rows(db)[0]?.next_touch]).toEqual([bad, null]);
      expect(reconnectsDue(db, '2026-11-21')).toEqual([]);
    }
    writeTransaction(db, 'test', () => setSetting(db, 'cadence.second', '30'));
    expect(reconnectsDue(db, '2026-11-21')).toMatchObject([{ name: 'Circle', cadenceDays: 30 }]);
  });

  it('leaves out a contact with an open follow-up', () => {
    const db = openMemoryJournal(NOW);
    writeTransaction(db, 'test', () => {
      insertContact(db, contact('Ann', { cadenceDays: 7 }), '2026-01-01');
      insertContact(db, contact('Bob', { cadenceDays: 7 }), '2026-01-01');
      insertFollowUp(db, { contactId: 2, kind: 'action', text: 'call', due: '2026-12-01' }, NOW);
    });
    expect(reconnectsDue(db, '2026-11-21').map((r) => r.name)).toEqual(['Ann']);
  });

  it('stays in step through any sequence of changes, undo included', () => {
    const op = fc.record({
      op: fc.constantFrom(...OPS),
      pick: fc.nat(),
      to: fc.nat(),
      day: fc.integer({ min: -400, max: 30 }),
      // Half without an own cadence and two circles, so circle defaults matter often.
      cadence: fc.option(fc.integer({ min: 1, max: 90 }), { freq: 2 }),
      circle: fc.option(fc.constantFrom('inner', 'second'), { freq: 4 }),
      people: fc.array(fc.nat(), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 4, maxLength: 30 }), (ops) => {
        const db = openMemoryJournal(NOW);
        const ids = (table: string) =>
          (
            db.prepare(`SELECT id FROM ${table} WHERE id > 0 ORDER BY id`).all() as { id: number }[]
          ).map((r) => r.id);
        const pickFrom = (list: number[], n: number) => list[n % list.length];
        for (const o of ops) {
          const day = addDays('2026-11-21', o.day);
          const contacts = ids('contacts');
          const meetings = ids('meetings');
          const someone = pickFrom(contacts, o.pick);
          const people = [...new Set(o.people.map((n) => pickFrom(contacts, n)))].filter(
            (id): id is number => id !== undefined,
          );
          if (o.op === 'undo') {
            const step = lastUndoStep(db);
            if (step)
              writeTransaction(db, 'undo', () => revertUndoStep(db, step.id), { undoable: false });
            continue;
          }
          writeTransaction(db, 'test', () => {
            switch (o.op) {
              case 'contact':
                insertContact(
                  db,
                  contact(`P${o.pick}`, { cadenceDays: o.cadence, circle: o.circle }),
                  day,
                );
                break;
              case 'meet':
                if (people.length)
                  insertMeeting(
                    db,
                    { date: day, kind: 'call', notes: null, outreach: false },
                    people,
                    NOW,
                  );
                break;
              case 'redate': {
                const m = pickFrom(meetings, o.pick);
                if (m)
                  updateMeeting(db, m, { date: day, kind: 'call', notes: null, outreach: false });
                break;
              }
              case 'unmeet': {
                const m = pickFrom(meetings, o.pick);
                if (m) deleteMeeting(db, m);
                break;
              }
              case 'participants': {
                const m = pickFrom(meetings, o.pick);
                if (m && people.length) setParticipants(db, m, people);
                break;
              }
              case 'cadence':
                if (someone)
                  updateContact(db, someone, {
                    fields: { cadenceDays: o.cadence },
                    addTags: [],
                    removeTags: [],
                  });
                break;
              case 'circle':
                if (someone)
                  updateContact(db, someone, {
                    fields: { circle: o.circle },
                    addTags: [],
                    removeTags: [],
                  });
                break;
              case 'archive':
                if (someone)
                  updateContact(db, someone, {
                    fields: {},
                    archived: o.to % 2 === 0,
                    addTags: [],
                    removeTags: [],
                  });
                break;
              case 'default':
                setSetting(db, `cadence.${o.circle ?? 'inner'}`, String(o.cadence ?? 30));
                break;
              case 'undefault':
                unsetSetting(db, `cadence.${o.circle ?? 'inner'}`);
                break;
              case 'remove':
                if (someone) deleteContact(db, someone);
                break;
              case 'merge': {
                const other = pickFrom(contacts, o.to);
                if (someone && other && other !== someone) mergeContacts(db, someone, other);
                break;
              }
            }
          });
        }
        expectInStep(db);
        db.close();
      }),
      { numRuns: 150 },
    );
  });
});
