import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchQuery } from '../../src/domain/search-query.js';
import { insertContact } from '../../src/storage/contacts.js';
import { insertFollowUp } from '../../src/storage/follow-ups.js';
import { openMemoryJournal, type Db } from '../../src/storage/journal.js';
import { insertMeeting } from '../../src/storage/meetings.js';
import { insertNote } from '../../src/storage/notes.js';
import { searchJournal } from '../../src/storage/search.js';
import { contactFields } from '../helpers/contact-fields.js';

// searchJournal ranks every match but highlights only the hits it returns (a
// second pass). The reference below is the plain one-pass query: everything
// computed for every match, sorted, cut. Both must give the same hits in the
// same order, ties (equal bm25) included, whatever the limit.

const NOW = '2026-11-21T00:00:00.000Z';
const DAY = '2026-11-21';

const REFERENCE = `
  SELECT kind, ref AS id,
         CASE kind WHEN 'contact' THEN highlight(search_index, 2, char(2), char(3))
                   ELSE highlight(search_index, 3, char(2), char(3)) END AS who,
         CASE WHEN kind = 'contact' OR body = '' THEN ''
              ELSE snippet(search_index, 4, char(2), char(3), '…', 12) END AS snippet
    FROM search_index
   WHERE search_index MATCH ?
   ORDER BY bm25(search_index, 0, 0, 5, 1, 2), rowid % 4, ref
   LIMIT ?`;

const contact = contactFields;

const WORDS = ['perception', 'research', 'coffee', 'lisbon', 'design', 'paper', 'cats'];

let db: Db;
beforeAll(() => {
  db = openMemoryJournal(NOW);
  // Many documents of every kind, with repeated texts (ties) and a spread of
  // lengths and columns (name, people, body) so that bm25 differs too.
  let seed = 3;
  const pick = <T>(xs: readonly T[]): T =>
    xs[(seed = (seed * 48271) % 2147483647) % xs.length] as T;
  const text = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const ids: number[] = [];
  for (let i = 0; i < 60; i++) {
    const name = i % 7 === 0 ? `Perception ${pick(WORDS)}` : `Person ${i}`;
    ids.push(
      insertContact(
        db,
        contact(name, { company: i % 3 ? text(1 + (i % 4)) : null, howMet: text(i % 5) || null }),
        DAY,
      ),
    );
  }
  for (let i = 0; i < 150; i++) {
    const who = pick(ids);
    insertNote(
      db,
      { contactId: who, date: DAY, text: i % 4 ? text(1 + (i % 6)) : 'research' },
      NOW,
    );
    insertFollowUp(
      db,
      { contactId: who, kind: 'action', text: i % 5 ? text(2) : 'perception', due: DAY },
      NOW,
    );
    insertMeeting(
      db,
      { date: DAY, kind: 'coffee', notes: i % 3 ? text(1 + (i % 8)) : null, outreach: false },
      [who, pick(ids)],
      NOW,
    );
  }
});
afterAll(() => db.close());

describe('searchJournal', () => {
  it('returns what ranking and highlighting every match would, in the same order', () => {
    fc.assert(
      fc.property(
        fc.subarray(WORDS, { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 1, max: 400 }),
        (words, limit) => {
          const query = buildSearchQuery(words.map((w) => w.slice(0, 4)).join(' '));
          const expected = db.prepare(REFERENCE).all(query, limit);
          const hits = searchJournal(db, query, { limit }).map((h) => ({
            kind: h.kind,
            id: h.id,
            who: h.who,
            // A contact's snippet is made from its fields in TypeScript.
            snippet: h.kind === 'contact' ? '' : h.snippet,
          }));
          expect(hits.length).toBeGreaterThan(0);
          expect(hits).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('finds many more matches than it shows, with ties among them', () => {
    const query = buildSearchQuery('perc');
    const all = db.prepare(REFERENCE).all(query, -1).length;
    expect(all).toBeGreaterThan(100);
    expect(searchJournal(db, query, { limit: 20 })).toHaveLength(20);
  });
});
