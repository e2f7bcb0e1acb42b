import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withBulkWrite } from '../../src/storage/bulk-write.js';
import { deleteContact, mergeContacts, updateContact } from '../../src/storage/contact-changes.js';
import { contactLookup, insertContact } from '../../src/storage/contacts.js';
import { jotCandidates } from '../../src/storage/jot-candidates.js';
import { openJournal, openMemoryJournal, type Db } from '../../src/storage/journal.js';
import { contactNamesProblem, rebuildSearchIndex } from '../../src/storage/search-maintenance.js';
import { contactFields } from '../helpers/contact-fields.js';

// The contact name index (0011): each contact's name and nicknames alone, for
// jot's candidates and the name lookups that fold accents. It is derived data,
// so after any change it must hold exactly what a rebuild from the contacts
// would, and FTS5's own tokens must agree with the text it stores.

const NOW = '2026-11-21T00:00:00.000Z';
const DAY = '2026-11-21';

interface NameRow {
  rowid: number;
  name: string;
  aliases: string;
}

const held = (db: Db) =>
  db.prepare('SELECT rowid, name, aliases FROM contact_names ORDER BY rowid').all() as NameRow[];
const expected = (db: Db) =>
  db
    .prepare('SELECT id AS rowid, name, aliases FROM contact_name_docs ORDER BY id')
    .all() as NameRow[];

function expectInStep(db: Db): void {
  expect(held(db)).toEqual(expected(db));
  db.exec(`INSERT INTO contact_names (contact_names) VALUES ('integrity-check')`);
  expect(contactNamesProblem(db)).toBeNull();
}

let db: Db;
beforeEach(() => {
  db = openMemoryJournal(NOW);
});
afterEach(() => db.close());

describe('contact name index', () => {
  it('holds each contact by id: the name, and the nicknames by char(30); never the user', () => {
    const rafa = insertContact(
      db,
      contactFields('Rafael Ortiz', { aliases: ['Rafa', 'Rafe O'] }),
      DAY,
    );
    const zoe = insertContact(db, contactFields('Zoë Ng', { company: 'Acme' }), DAY);
    expect(held(db)).toEqual([
      { rowid: rafa, name: 'Rafael Ortiz', aliases: 'Rafa\u001eRafe O' },
      { rowid: zoe, name: 'Zoë Ng', aliases: '' },
    ]);
    const words = (q: string) =>
      db
        .prepare('SELECT rowid FROM contact_names WHERE contact_names MATCH ? ORDER BY rowid')
        .pluck()
        .all(q);
    // Accents and case folded as name matching folds them; only names, never a company.
    expect(words('zoe')).toEqual([zoe]);
    expect(words('RAFA')).toEqual([rafa]);
    expect(words('{aliases} : rafe')).toEqual([rafa]);
    expect(words('{aliases} : rafael')).toEqual([]);
    expect(words('acme')).toEqual([]);
    expectInStep(db);
  });

  it('follows renames, nicknames added and removed, archiving, removal and merges', () => {
    const a = insertContact(db, contactFields('Ana Lima', { aliases: ['Nana'] }), DAY);
    const b = insertContact(db, contactFields('Bo Chen'), DAY);
    updateContact(db, a, { fields: { name: 'Ana Souza' }, addTags: [], removeTags: [] });
    updateContact(db, b, {
      fields: {},
      addTags: [],
      removeTags: [],
      addAliases: ['Bobo'],
      removeAliases: [],
    });
    updateContact(db, a, {
      fields: {},
      addTags: [],
      removeTags: [],
      addAliases: [],
      removeAliases: ['nana'],
    });
    expect(held(db)).toEqual([
      { rowid: a, name: 'Ana Souza', aliases: '' },
      { rowid: b, name: 'Bo Chen', aliases: 'Bobo' },
    ]);
    mergeContacts(db, a, b);
    expectInStep(db);
    expect(held(db).map((r) => r.rowid)).toEqual([a]);
    deleteContact(db, a);
    expect(held(db)).toEqual([]);
    expectInStep(db);
  });

  it('stays in step through any sequence of contact changes', () => {
    const word = fc.constantFrom('Zoë', 'José', 'Müller', 'van', 'der', 'Berg', 'Li', 'Sun', '"');
    const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const op = fc.record({
      op: fc.constantFrom('add', 'rename', 'alias', 'unalias', 'archive', 'remove', 'merge'),
      pick: fc.nat(),
      to: fc.nat(),
      text,
      aliases: fc.array(text, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (ops) => {
        const j = openMemoryJournal(NOW);
        try {
          for (const o of ops) applyChange(j, o);
          expectInStep(j);
        } finally {
          j.close();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is filled once by a bulk write, new contacts and changed ones alike', () => {
    const old = insertContact(db, contactFields('Ana Lima'), DAY);
    withBulkWrite(db, { dropLookupIndexes: true }, () => {
      insertContact(db, contactFields('Dmitri Ivanov', { aliases: ['Dima'] }), DAY);
      insertContact(db, contactFields('Hannah Müller'), DAY);
      updateContact(db, old, {
        fields: { name: 'Ana Souza' },
        addTags: [],
        removeTags: [],
        addAliases: ['Nana'],
        removeAliases: [],
      });
      return { result: null, changedContacts: [old] };
    });
    expect(held(db).map((r) => [r.name, r.aliases])).toEqual([
      ['Ana Souza', 'Nana'],
      ['Dmitri Ivanov', 'Dima'],
      ['Hannah Müller', ''],
    ]);
    expectInStep(db);
  });

  it('is rebuilt with the search index, and a stale one is named', () => {
    const a = insertContact(db, contactFields('Ana Lima'), DAY);
    db.prepare('UPDATE contact_names SET name = ? WHERE rowid = ?').run('Someone Else', a);
    expect(contactNamesProblem(db)).toBe(
      'the contact name index has 1 names missing or stale, 1 extra',
    );
    rebuildSearchIndex(db);
    expectInStep(db);
  });

  it('serves jot and the accent-folded name lookups', () => {
    const rafa = insertContact(db, contactFields('Rafael Ortíz', { aliases: ['Rafa'] }), DAY);
    const lena = insertContact(db, contactFields('Lena Park'), DAY);
    const ids = (head: string) => jotCandidates(db, head).map((c) => c.id);
    expect(ids('coffee with rafa and lena')).toEqual([rafa, lena]);
    expect(ids('lunch with rafael ortiz')).toEqual([rafa]);
    expect(
      contactLookup(db)
        .byName('rafael ortiz')
        .map((c) => c.id),
    ).toEqual([rafa]);
    expect(
      contactLookup(db)
        .byPrefix('rafael ort')
        .map((c) => c.id),
    ).toEqual([rafa]);
  });
});

describe('migration 0011', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'netjournal-names-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fills the index of a journal from before it, every contact and nickname', () => {
    const path = join(dir, 'j.db');
    const before = join(dir, 'before.db');
    const j = openJournal(path, { write: true, timestamp: NOW }) as Db;
    insertContact(j, contactFields('Rafael Ortíz', { aliases: ['Rafa'] }), DAY);
    insertContact(j, contactFields('Zoë Ng'), DAY);
    // The journal as 0010 left it: 0011 adds only the index, its view and
    // triggers, and 0012 one column of contacts.
    j.exec(`
      DROP TRIGGER contact_names_contact_added; DROP TRIGGER contact_names_contact_changed;
      DROP TRIGGER contact_names_contact_removed; DROP TRIGGER contact_names_alias_added;
      DROP TRIGGER contact_names_alias_changed; DROP TRIGGER contact_names_alias_removed;
      DROP VIEW contact_name_docs; DROP TABLE contact_names;
      ALTER TABLE contacts DROP COLUMN team_share;
      DELETE FROM schema_migrations WHERE version >= 11; PRAGMA user_version = 10;
      PRAGMA wal_checkpoint(TRUNCATE);
    `);
    j.close();
    copyFileSync(path, before);
    const upgraded = openJournal(before, { write: true, timestamp: NOW }) as Db;
    try {
      expect(upgraded.pragma('user_version', { simple: true })).toBe(12);
      expect(held(upgraded).map((r) => [r.name, r.aliases])).toEqual([
        ['Rafael Ortíz', 'Rafa'],
        ['Zoë Ng', ''],
      ]);
      expectInStep(upgraded);
    } finally {
      upgraded.close();
    }
  });
});

interface Change {
  op: string;
  pick: number;
  to: number;
  text: string;
  aliases: string[];
}

/** One random change to the contacts, through the storage functions the commands use. */
function applyChange(db: Db, o: Change): void {
  const contacts = db
    .prepare('SELECT id FROM contacts WHERE is_me = 0 ORDER BY id')
    .pluck()
    .all() as number[];
  const pick = (n: number) => (contacts.length === 0 ? undefined : contacts[n % contacts.length]);
  const c = pick(o.pick);
  const other = pick(o.to);
  const aliasesOf = (id: number) =>
    db
      .prepare('SELECT alias FROM contact_aliases WHERE contact_id = ?')
      .pluck()
      .all(id) as string[];
  const none = { addTags: [], removeTags: [] };
  switch (o.op) {
    case 'add':
      insertContact(db, contactFields(o.text, { aliases: [...new Set(o.aliases)] }), DAY);
      return;
    case 'rename':
      if (c !== undefined) updateContact(db, c, { fields: { name: o.text }, ...none });
      return;
    case 'alias':
      if (c !== undefined)
        updateContact(db, c, { fields: {}, ...none, addAliases: o.aliases, removeAliases: [] });
      return;
    case 'unalias':
      if (c !== undefined)
        updateContact(db, c, {
          fields: {},
          ...none,
          addAliases: [],
          removeAliases: aliasesOf(c).slice(0, 1),
        });
      return;
    case 'archive':
      if (c !== undefined)
        updateContact(db, c, { fields: {}, archived: o.pick % 2 === 0, ...none });
      return;
    case 'remove':
      if (c !== undefined) deleteContact(db, c);
      return;
    case 'merge':
      if (c !== undefined && other !== undefined && c !== other) mergeContacts(db, c, other);
      return;
  }
}
