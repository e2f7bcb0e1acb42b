import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteContact, mergeContacts, updateContact } from '../../src/storage/contact-changes.js';
import { insertContact } from '../../src/storage/contacts.js';
import { insertFollowUp } from '../../src/storage/follow-ups.js';
import { openMemoryJournal, type Db } from '../../src/storage/journal.js';
import {
  deleteMeeting,
  insertMeeting,
  setParticipants,
  updateMeeting,
} from '../../src/storage/meetings.js';
import { insertNote } from '../../src/storage/notes.js';
import { contactFields } from '../helpers/contact-fields.js';

const NOW = '2026-11-21T00:00:00.000Z';
const DAY = '2026-11-21';

interface Doc {
  doc: number;
  kind: string;
  ref: number;
  name: string;
  people: string;
  body: string;
}

/** What the index holds. */
function indexed(db: Db): Doc[] {
  return db
    .prepare('SELECT rowid AS doc, kind, ref, name, people, body FROM search_index ORDER BY rowid')
    .all() as Doc[];
}

/** What a fresh rebuild from the tables would give. */
function rebuilt(db: Db): Doc[] {
  const views = ['contact', 'note', 'meeting', 'follow_up'].map(
    (v) => `SELECT doc, kind, ref, name, people, body FROM search_${v}_docs`,
  );
  return db.prepare(`${views.join(' UNION ALL ')} ORDER BY doc`).all() as Doc[];
}

/** The index equals a rebuild, and FTS5's own tokens agree with its stored text. */
function expectInStep(db: Db): void {
  expect(indexed(db)).toEqual(rebuilt(db));
  db.exec(`INSERT INTO search_index (search_index) VALUES ('integrity-check')`);
}

const matches = (db: Db, word: string) =>
  (
    db
      .prepare('SELECT kind, ref FROM search_index WHERE search_index MATCH ? ORDER BY rowid')
      .all(`"${word}"*`) as { kind: string; ref: number }[]
  ).map((r) => `${r.kind} ${r.ref}`);

const contact = contactFields;

const meeting = (notes: string | null) => ({
  date: DAY,
  kind: 'coffee' as const,
  notes,
  outreach: false,
});

let db: Db;
beforeEach(() => {
  db = openMemoryJournal(NOW);
});
afterEach(() => db.close());

describe('search index documents', () => {
  it('holds one document per record, the user left out', () => {
    const zoe = insertContact(
      db,
      contact('Zoë Ng', {
        company: 'Acme',
        role: 'Designer',
        email: 'zoe@acme.test',
        location: 'Lisbon',
        howMet: 'design meetup',
        phone: '555 0101',
        tags: ['mentor', 'design'],
      }),
      DAY,
    );
    const jose = insertContact(db, contact('José Álvarez'), DAY);
    const m = insertMeeting(db, meeting('perception research'), [zoe, jose, 0], NOW);
    insertNote(db, { contactId: zoe, date: DAY, text: 'has two cats' }, NOW);
    insertNote(db, { contactId: 0, date: DAY, text: 'about me' }, NOW);
    insertFollowUp(db, { contactId: jose, kind: 'action', text: 'send the paper', due: DAY }, NOW);
    const rows = indexed(db).map((d) => [d.doc, d.kind, d.ref, d.name, d.people, d.body]);
    const fields = 'Acme\u001eDesigner\u001ezoe@acme.test\u001eLisbon\u001edesign meetup';
    expect(rows).toEqual([
      [4, 'contact', 1, 'Zoë Ng', '', `${fields}\u001edesign, mentor`],
      [5, 'note', 1, '', 'Zoë Ng', 'has two cats'],
      [6, 'meeting', m, '', 'José Álvarez, Zoë Ng', 'perception research'],
      [7, 'followUp', 1, '', 'José Álvarez', 'send the paper'],
      [8, 'contact', 2, 'José Álvarez', '', ''],
      [9, 'note', 2, '', '', 'about me'],
    ]);
    expectInStep(db);
  });

  it('folds accents and matches prefixes', () => {
    insertContact(db, contact('Hannah Müller'), DAY);
    expect(matches(db, 'muller')).toEqual(['contact 1']);
    expect(matches(db, 'müll')).toEqual(['contact 1']);
    expect(matches(db, 'HANN')).toEqual(['contact 1']);
  });
});

describe('triggers keep the index in step', () => {
  it('follows contact edits, tags and renames into the records that name them', () => {
    const ralph = insertContact(db, contact('Ralph Smith', { tags: ['golf'] }), DAY);
    const lena = insertContact(db, contact('Lena Berg'), DAY);
    const m = insertMeeting(db, meeting(null), [ralph, lena], NOW);
    insertNote(db, { contactId: ralph, date: DAY, text: 'likes sailing' }, NOW);
    insertFollowUp(db, { contactId: ralph, kind: 'waiting', text: 'intro to Ana', due: DAY }, NOW);
    updateContact(db, ralph, {
      fields: { name: 'Rafael Smith', company: 'Globex' },
      addTags: ['chess'],
      removeTags: ['golf'],
    });
    expectInStep(db);
    expect(matches(db, 'ralph')).toEqual([]);
    expect(matches(db, 'golf')).toEqual([]);
    expect(matches(db, 'rafael')).toEqual(['contact 1', 'note 1', `meeting ${m}`, 'followUp 1']);
    expect(matches(db, 'chess')).toEqual(['contact 1']);
    updateContact(db, ralph, {
      fields: {},
      archived: true,
      setTags: [],
      addTags: [],
      removeTags: [],
    });
    expect(matches(db, 'chess')).toEqual([]);
    expectInStep(db);
  });

  it('follows meeting notes and participants', () => {
    const a = insertContact(db, contact('Ana Lima'), DAY);
    const b = insertContact(db, contact('Bo Chen'), DAY);
    const m = insertMeeting(db, meeting('hiring plans'), [a], NOW);
    setParticipants(db, m, [b]);
    expect(matches(db, 'ana')).toEqual(['contact 1']);
    expect(matches(db, 'bo')).toEqual([`meeting ${m}`, 'contact 2']);
    updateMeeting(db, m, meeting('budget talk'));
    expect(matches(db, 'hiring')).toEqual([]);
    expectInStep(db);
    deleteMeeting(db, m);
    expect(matches(db, 'budget')).toEqual([]);
    expectInStep(db);
  });

  it('removes everything of a removed contact, cascades included', () => {
    const a = insertContact(db, contact('Ana Lima', { tags: ['x'] }), DAY);
    const b = insertContact(db, contact('Bo Chen'), DAY);
    insertMeeting(db, meeting('solo lunch'), [a], NOW);
    const shared = insertMeeting(db, meeting('team lunch'), [a, b], NOW);
    insertNote(db, { contactId: a, date: DAY, text: 'runs marathons' }, NOW);
    insertFollowUp(db, { contactId: a, kind: 'action', text: 'call back', due: DAY }, NOW);
    deleteContact(db, a);
    expectInStep(db);
    expect(matches(db, 'ana')).toEqual([]);
    expect(matches(db, 'lunch')).toEqual([`meeting ${shared}`]);
    expect(indexed(db).find((d) => d.kind === 'meeting')?.people).toBe('Bo Chen');
  });

  it('moves everything of a merged contact onto the one kept', () => {
    const keep = insertContact(db, contact('Ana Lima'), DAY);
    const other = insertContact(db, contact('Ana L.', { company: 'Acme', tags: ['vip'] }), DAY);
    const both = insertMeeting(db, meeting('both came'), [keep, other], NOW);
    const one = insertMeeting(db, meeting('only other'), [other], NOW);
    insertNote(db, { contactId: other, date: DAY, text: 'plays cello' }, NOW);
    mergeContacts(db, keep, other);
    expectInStep(db);
    expect(matches(db, 'acme')).toEqual(['contact 1']);
    expect(matches(db, 'vip')).toEqual(['contact 1']);
    expect(matches(db, 'ana')).toEqual([
      'contact 1',
      'note 1',
      `meeting ${both}`,
      `meeting ${one}`,
    ]);
    expect(indexed(db).filter((d) => d.ref === other && d.kind === 'contact')).toEqual([]);
  });

  it('stays in step through any sequence of changes', () => {
    const word = fc.constantFrom('Zoë', 'José', 'Müller', 'perception', 'acme', 'x', '"', 'AND');
    const op = fc.record({
      op: fc.constantFrom(...OPS),
      pick: fc.nat(),
      to: fc.nat(),
      text: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      tags: fc.array(word, { maxLength: 2 }),
      people: fc.array(fc.nat(), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const j = openMemoryJournal(NOW);
        try {
          for (const o of ops) apply(j, o);
          expectInStep(j);
        } finally {
          j.close();
        }
      }),
      { numRuns: 250 },
    );
  });
});

// Each step picks its records by index among those present; unused fields are ignored.
const OPS = [
  ...['contact', 'rename', 'edit', 'removeContact', 'merge'],
  ...['note', 'moveNote', 'deleteNote', 'followUp', 'deleteFollowUp'],
  ...['meeting', 'participants', 'meetingNotes', 'deleteMeeting'],
];

interface Op {
  op: string;
  pick: number;
  to: number;
  text: string;
  tags: string[];
  people: number[];
}

function ids(db: Db, sql: string): number[] {
  return db.prepare(sql).pluck().all() as number[];
}

function chosen(list: number[], n: number): number | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** Apply one random change through the storage functions the commands use. */
function apply(db: Db, o: Op): void {
  const contacts = ids(db, 'SELECT id FROM contacts WHERE is_me = 0 ORDER BY id');
  const c = chosen(contacts, o.pick);
  const { text, tags } = o;
  const people = o.people
    .map((n) => chosen(contacts, n))
    .filter((id): id is number => id !== undefined);
  const note = chosen(ids(db, 'SELECT id FROM notes ORDER BY id'), o.pick);
  const m = chosen(ids(db, 'SELECT id FROM meetings ORDER BY id'), o.pick);
  const f = chosen(ids(db, 'SELECT id FROM follow_ups ORDER BY id'), o.pick);
  const other = chosen(contacts, o.to);
  switch (o.op) {
    case 'contact':
      insertContact(db, contact(text, { tags }), DAY);
      return;
    case 'rename':
      if (c !== undefined)
        updateContact(db, c, { fields: { name: text }, addTags: [], removeTags: [] });
      return;
    case 'edit':
      if (c !== undefined)
        updateContact(db, c, {
          fields: { company: text },
          setTags: tags,
          addTags: [],
          removeTags: [],
        });
      return;
    case 'note':
      if (c !== undefined) insertNote(db, { contactId: c, date: DAY, text }, NOW);
      return;
    case 'moveNote':
      if (note !== undefined && other !== undefined)
        db.prepare('UPDATE notes SET contact_id = ?, text = ? WHERE id = ?').run(other, text, note);
      return;
    case 'deleteNote':
      if (note !== undefined) db.prepare('DELETE FROM notes WHERE id = ?').run(note);
      return;
    case 'meeting':
      insertMeeting(db, meeting(text), people, NOW);
      return;
    case 'participants':
      if (m !== undefined) setParticipants(db, m, people);
      return;
    case 'meetingNotes':
      if (m !== undefined) updateMeeting(db, m, meeting(text === 'x' ? null : text));
      return;
    case 'deleteMeeting':
      if (m !== undefined) deleteMeeting(db, m);
      return;
    case 'followUp':
      if (c !== undefined)
        insertFollowUp(db, { contactId: c, kind: 'action', text, due: DAY }, NOW);
      return;
    case 'deleteFollowUp':
      if (f !== undefined) db.prepare('DELETE FROM follow_ups WHERE id = ?').run(f);
      return;
    case 'removeContact':
      if (c !== undefined) deleteContact(db, c);
      return;
    case 'merge':
      if (c !== undefined && other !== undefined && c !== other) mergeContacts(db, c, other);
      return;
  }
}
