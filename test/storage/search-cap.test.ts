import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchQuery } from '../../src/domain/search-query.js';
import { insertContact } from '../../src/storage/contacts.js';
import { insertFollowUp } from '../../src/storage/follow-ups.js';
import { openMemoryJournal, type Db } from '../../src/storage/journal.js';
import { insertMeeting } from '../../src/storage/meetings.js';
import { insertNote } from '../../src/storage/notes.js';
import { searchRanked } from '../../src/storage/search.js';
import { contactFields } from '../helpers/contact-fields.js';

// searchRanked ranks every match up to `cap` of them; beyond, only the newest
// cap/4 matches of each kind (highest ids). The reference below does the same
// the plain way: number every match within its kind, newest first, keep those
// numbered up to the quota, rank and highlight them all, sort, cut. A small cap
// stands in for the default of a large journal.

const NOW = '2026-11-21T00:00:00.000Z';
const DAY = '2026-11-21';

const REFERENCE = `
  WITH newest AS MATERIALIZED (
    SELECT doc FROM (
      SELECT rowid AS doc,
             row_number() OVER (PARTITION BY rowid % 4 ORDER BY rowid DESC) AS n
        FROM search_index
       WHERE search_index MATCH @query)
     WHERE n <= @cap
  )
  SELECT kind, ref AS id,
         CASE kind WHEN 'contact' THEN highlight(search_index, 2, char(2), char(3))
                   ELSE highlight(search_index, 3, char(2), char(3)) END AS who,
         CASE WHEN kind = 'contact' OR body = '' THEN ''
              ELSE snippet(search_index, 4, char(2), char(3), '…', 12) END AS snippet
    FROM search_index
   WHERE search_index MATCH @query AND rowid IN (SELECT doc FROM newest)
   ORDER BY bm25(search_index, 0, 0, 5, 1, 2), rowid % 4, ref
   LIMIT @limit`;

const PER_KIND = `
  SELECT kind, count(*) AS n FROM search_index WHERE search_index MATCH ? GROUP BY kind`;

const contact = contactFields;

const WORDS = ['perception', 'research', 'coffee', 'lisbon', 'design', 'paper'];

let db: Db;
beforeAll(() => {
  db = openMemoryJournal(NOW);
  let seed = 11;
  const pick = <T>(xs: readonly T[]): T =>
    xs[(seed = (seed * 48271) % 2147483647) % xs.length] as T;
  const text = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const ids: number[] = [];
  for (let i = 0; i < 30; i++) {
    const name = i % 5 === 0 ? `Design ${pick(WORDS)}` : `Person ${i}`;
    ids.push(insertContact(db, contact(name, { company: i % 3 ? text(1 + (i % 3)) : null }), DAY));
  }
  for (let i = 0; i < 60; i++) {
    const who = pick(ids);
    insertNote(db, { contactId: who, date: DAY, text: i % 4 ? text(1 + (i % 5)) : 'paper' }, NOW);
    insertFollowUp(
      db,
      { contactId: who, kind: 'action', text: i % 3 ? text(2) : 'design', due: DAY },
      NOW,
    );
    insertMeeting(
      db,
      { date: DAY, kind: 'coffee', notes: i % 3 ? text(1 + (i % 6)) : null, outreach: false },
      [who, pick(ids)],
      NOW,
    );
  }
});
afterAll(() => db.close());

const CODES: Record<string, number> = { contact: 0, note: 1, meeting: 2, followUp: 3 };

function perKind(query: string): Map<string, number> {
  const rows = db.prepare(PER_KIND).all(query) as { kind: string; n: number }[];
  return new Map(rows.map((r) => [r.kind, r.n]));
}

/** What searchRanked should rank, worked out from the counts of each kind. */
function expectation(query: string, cap: number, limit: number) {
  const counts = perKind(query);
  const matches = [...counts.values()].reduce((a, b) => a + b, 0);
  const all = matches <= Math.max(cap, limit);
  const quota = all ? matches : Math.max(Math.ceil(cap / 4), limit);
  return {
    matches,
    quota,
    ranked: [...counts.values()].reduce((sum, n) => sum + Math.min(n, quota), 0),
    capped: [...counts]
      .filter(([, n]) => n > quota)
      .map(([kind]) => kind)
      .sort((a, b) => (CODES[a] ?? 0) - (CODES[b] ?? 0)),
  };
}

describe('searchRanked with a cap', () => {
  it('ranks all matches up to the cap, else the newest of each kind, as the plain query would', () => {
    fc.assert(
      fc.property(
        fc.subarray(WORDS, { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 1, max: 60 }),
        (words, cap, limit) => {
          const query = buildSearchQuery(words.map((w) => w.slice(0, 4)).join(' '));
          const expected = expectation(query, cap, limit);
          const result = searchRanked(db, query, { limit, cap });
          const hits = result.hits.map((h) => ({
            kind: h.kind,
            id: h.id,
            who: h.who,
            snippet: h.kind === 'contact' ? '' : h.snippet,
          }));
          expect(hits).toEqual(db.prepare(REFERENCE).all({ query, cap: expected.quota, limit }));
          expect(result.capped).toEqual(expected.capped);
          expect(result.ranked).toBe(expected.ranked);
          expect(result.matches).toBe(expected.matches);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('is exact, and says nothing was left out, when the matches fit under the cap', () => {
    const query = buildSearchQuery('desi');
    const { matches } = expectation(query, 1, 1);
    expect(matches).toBeGreaterThan(40);
    const all = searchRanked(db, query, { limit: 20, cap: 100_000 });
    const fits = searchRanked(db, query, { limit: 20, cap: matches });
    expect(fits).toEqual(all);
    expect(fits).toMatchObject({ matches, ranked: matches, capped: [] });
    const over = searchRanked(db, query, { limit: 20, cap: matches - 1 });
    expect(over.ranked).toBeLessThan(matches);
    expect(over.capped).not.toEqual([]);
  });

  it('says nothing was left out when every kind fits its share', () => {
    const query = buildSearchQuery('perc');
    const counts = [...perKind(query).values()];
    const matches = counts.reduce((a, b) => a + b, 0);
    const largest = Math.max(...counts);
    // More matches than the cap, but no kind more than its share (here the limit).
    expect(matches).toBeGreaterThan(largest);
    const result = searchRanked(db, query, { limit: largest, cap: largest });
    expect(result).toMatchObject({ matches, ranked: matches, capped: [] });
    expect(result.hits).toEqual(searchRanked(db, query, { limit: largest, cap: 1000 }).hits);
  });

  it('ranks at least --limit matches of each kind, whatever the cap', () => {
    const query = buildSearchQuery('pape');
    const wide = searchRanked(db, query, { limit: 40, cap: 160 });
    expect(searchRanked(db, query, { limit: 40, cap: 2 })).toEqual(wide);
  });

  it('finds nothing, and caps nothing, for a word no record has', () => {
    expect(searchRanked(db, buildSearchQuery('zzyzx'), { limit: 20, cap: 1 })).toEqual({
      hits: [],
      matches: 0,
      ranked: 0,
      capped: [],
    });
  });
});
