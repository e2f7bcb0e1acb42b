import { hasMatch, stripHighlights } from '../domain/search-query.js';
import type { Db } from './journal.js';

/** The kinds of record search finds. */
export type SearchKind = 'contact' | 'note' | 'meeting' | 'followUp';

/** One record that matched, best first. */
export interface SearchHit {
  kind: SearchKind;
  /** The record's id (a contact's id for a contact). */
  id: number;
  /** Who it is about: the contact's name, or a meeting's participants ("A, B"). */
  contact: string | null;
  /** The contact's id; for a meeting, its first participant's (by name). */
  contactId: number | null;
  /** A note's or meeting's date, a follow-up's due date; null for a contact. */
  date: string | null;
  /** The matching text: a contact's matching fields (else its name), the note, notes or follow-up. */
  text: string;
  /** The contact is archived (never set for a meeting). */
  archived: boolean;
  /** contact, with the matched terms between MATCH_START and MATCH_END. */
  who: string;
  /** A short stretch of the text around the matches, with markers, for a terminal. */
  snippet: string;
}

/** Search options. */
export interface SearchOptions {
  /** The most hits to return. */
  limit: number;
  /**
   * The most matches ranked (default DEFAULT_SEARCH_CAP, never less than
   * limit). A search that matches more ranks the newest quarter of this
   * many matches of each kind (contacts, notes, meetings, follow-ups).
   */
  cap?: number;
}

/**
 * How many matches a search ranks: all of them up to 2,000; beyond, the
 * newest 500 of each kind, which in a journal are usually what a person looks
 * for. A common word matches 33,000 documents in the L bench journal, where
 * bm25 over all of them took ~40 ms.
 */
export const DEFAULT_SEARCH_CAP = 2000;

/** The hits of a search, and what the cap left out. */
export interface SearchResult {
  hits: SearchHit[];
  /** How many records match. */
  matches: number;
  /** How many of them were ranked: all, unless the cap left some out. */
  ranked: number;
  /** The kinds whose older matches the cap left out (empty: the result is exact). */
  capped: SearchKind[];
}

interface HitRow {
  kind: SearchKind;
  ref: number;
  people: string;
  body: string;
  who: string;
  body_marked: string;
  body_snippet: string;
  date: string | null;
  contact_id: number | null;
  contact_name: string | null;
  archived: number | null;
  capped: string | null;
  ranked: number | null;
}

// bm25 weights by column (kind, ref, name, people, body): a contact's own name
// counts most, then the text, then the names a record is about. Ties go to
// contacts, then notes, meetings and follow-ups (rowid % 4), then by id.
const SCORE = 'bm25(search_index, 0, 0, 5, 1, 2)';

// A search first counts its matches (rowids only, no ranking). Up to @cap,
// it ranks them all in one pass: bm25 and the rowid, the top @limit kept.
const RANK_ALL = `
  top AS MATERIALIZED (
    SELECT rowid AS doc, ${SCORE} AS score
      FROM search_index
     WHERE search_index MATCH @query
     ORDER BY score, doc % 4, doc
     LIMIT @limit
  )`;

// A common word matches tens of thousands of documents in a large journal,
// and bm25 costs about a microsecond a match. Beyond @cap matches, only the
// newest @quota of each kind are ranked: one pass over the index per kind,
// newest first (FTS5 walks the rowids down from the kind's highest id and
// stops after @quota + 1 matches of that kind). A kind that gives @quota + 1
// has older matches: its oldest candidate is dropped and the kind is reported
// as capped. Each pass costs a few milliseconds at L whatever the quota (a
// prefix query reads its whole doclist first, and bm25 counts every match
// once per pass for its idf). One pass over all kinds, newest rowids first,
// would cost a third as much but is not what "newest" means: each kind counts
// its own ids, so at L it would rank meetings only and never a contact.
const newest = (code: number, table: string) => `
    SELECT * FROM (
      SELECT rowid AS doc, ${SCORE} AS score
        FROM search_index
       WHERE search_index MATCH @query
         AND rowid % 4 = ${code}
         AND rowid <= (SELECT max(id) FROM ${table}) * 4 + ${code}
       ORDER BY rowid DESC
       LIMIT @quota + 1)`;

const RANK_NEWEST = `
  candidate AS MATERIALIZED (
    ${newest(0, 'contacts')}
    UNION ALL ${newest(1, 'notes')}
    UNION ALL ${newest(2, 'meetings')}
    UNION ALL ${newest(3, 'follow_ups')}
  ),
  over AS MATERIALIZED (
    SELECT doc % 4 AS code, min(doc) AS oldest
      FROM candidate
     GROUP BY doc % 4
    HAVING count(*) > @quota
  ),
  top AS MATERIALIZED (
    SELECT doc, score
      FROM candidate
     WHERE doc NOT IN (SELECT oldest FROM over)
     ORDER BY score, doc % 4, doc
     LIMIT @limit
  )`;

// The hits shown are then found in a second pass, which computes highlights,
// snippets and the records' contacts and dates for those few documents only.
// It runs the same MATCH again (auxiliary functions need a full-text cursor)
// bounded to the rowids between the first pass's lowest and highest, which
// FTS5 seeks to; the unary + keeps the IN a filter rather than one seek per
// row (a prefix query costs about a millisecond a seek). Scores come from the
// first pass, so the order is exactly that rank.
const hitsOf = (rank: string, counts: string) => `
  WITH ${rank}
  SELECT hit.kind, hit.ref, hit.people, hit.body, hit.who, hit.body_marked, hit.body_snippet,
         hit.date, c.id AS contact_id, c.name AS contact_name, c.archived, ${counts}
    FROM (
      SELECT kind, ref, people, body, rowid % 4 AS code,
             (SELECT t.score FROM top t WHERE t.doc = search_index.rowid) AS score,
             CASE kind WHEN 'contact' THEN highlight(search_index, 2, char(2), char(3))
                       ELSE highlight(search_index, 3, char(2), char(3)) END AS who,
             highlight(search_index, 4, char(2), char(3)) AS body_marked,
             snippet(search_index, 4, char(2), char(3), '…', 12) AS body_snippet,
             CASE kind
               WHEN 'contact' THEN ref
               WHEN 'note' THEN (SELECT n.contact_id FROM notes n WHERE n.id = search_index.ref)
               WHEN 'followUp' THEN (SELECT f.contact_id FROM follow_ups f
                                      WHERE f.id = search_index.ref)
               ELSE (SELECT mc.contact_id FROM meeting_contacts mc
                       JOIN contacts p ON p.id = mc.contact_id
                      WHERE mc.meeting_id = search_index.ref AND p.is_me = 0
                      ORDER BY p.name COLLATE NOCASE, p.id LIMIT 1)
             END AS contact_id,
             CASE kind
               WHEN 'note' THEN (SELECT n.date FROM notes n WHERE n.id = search_index.ref)
               WHEN 'meeting' THEN (SELECT m.date FROM meetings m WHERE m.id = search_index.ref)
               WHEN 'followUp' THEN (SELECT f.due FROM follow_ups f WHERE f.id = search_index.ref)
             END AS date
        FROM search_index
       WHERE search_index MATCH @query
         AND rowid BETWEEN (SELECT min(doc) FROM top) AND (SELECT max(doc) FROM top)
         AND +rowid IN (SELECT doc FROM top)
    ) AS hit
    LEFT JOIN contacts c ON c.id = hit.contact_id
   ORDER BY hit.score, hit.code, hit.ref`;

const COUNT = 'SELECT count(*) FROM search_index WHERE search_index MATCH ?';
const SEARCH_ALL = hitsOf(RANK_ALL, 'NULL AS capped, NULL AS ranked');
const SEARCH_NEWEST = hitsOf(
  RANK_NEWEST,
  `(SELECT group_concat(code) FROM over) AS capped,
   (SELECT count(*) FROM candidate) - (SELECT count(*) FROM over) AS ranked`,
);

// A contact's body holds its fields separated by char(30).
const FIELD_SEPARATOR = '\u001e';

/**
 * Who a hit is about, as marked: a contact's name column holds its name and
 * then its nicknames (0010), of which only those that matched are shown, in
 * brackets ("Rafael Ortiz (Rafa)").
 */
function whoOf(row: HitRow): string {
  if (row.kind !== 'contact') return row.who;
  const [name = '', ...aliases] = row.who.split(FIELD_SEPARATOR);
  const matched = aliases.filter(hasMatch);
  return matched.length > 0 ? `${name} (${matched.join(', ')})` : name;
}

function toHit(row: HitRow): SearchHit {
  const base = {
    kind: row.kind,
    id: row.ref,
    contactId: row.contact_id,
    date: row.date,
    who: whoOf(row),
    archived: row.kind !== 'meeting' && row.archived === 1,
  };
  if (row.kind === 'contact') {
    const fields = row.body_marked.split(FIELD_SEPARATOR).filter((f) => f.trim() !== '');
    const matched = fields.filter(hasMatch);
    return {
      ...base,
      contact: row.contact_name,
      text:
        matched.length > 0 ? matched.map(stripHighlights).join(' · ') : (row.contact_name ?? ''),
      snippet: (matched.length > 0 ? matched : fields).join(' · '),
    };
  }
  return {
    ...base,
    contact: row.kind === 'meeting' ? row.people || null : row.contact_name,
    text: row.body !== '' ? row.body : row.people,
    snippet: row.body !== '' ? row.body_snippet : '',
  };
}

const KIND_OF_CODE: readonly SearchKind[] = ['contact', 'note', 'meeting', 'followUp'];

/**
 * Records matching an FTS5 query (see buildSearchQuery), best first: bm25,
 * ties by kind then id. When more than `cap` records match, only the newest
 * cap/4 of each kind are ranked (at least `limit`). The query must not be
 * empty.
 */
export function searchRanked(db: Db, query: string, options: SearchOptions): SearchResult {
  const { limit } = options;
  const cap = Math.max(options.cap ?? DEFAULT_SEARCH_CAP, limit);
  const matches = db.prepare(COUNT).pluck().get(query) as number;
  if (matches === 0) return { hits: [], matches, ranked: 0, capped: [] };
  if (matches <= cap) {
    const rows = db.prepare(SEARCH_ALL).all({ query, limit }) as HitRow[];
    return { hits: rows.map(toHit), matches, ranked: matches, capped: [] };
  }
  const quota = Math.max(Math.ceil(cap / 4), limit);
  const rows = db.prepare(SEARCH_NEWEST).all({ query, limit, quota }) as HitRow[];
  const first = rows[0];
  const capped = (first?.capped?.split(',') ?? [])
    .map(Number)
    .sort((x, y) => x - y)
    .map((code) => KIND_OF_CODE[code] as SearchKind);
  return { hits: rows.map(toHit), matches, ranked: first?.ranked ?? matches, capped };
}

/** The hits of searchRanked alone. */
export function searchJournal(db: Db, query: string, options: SearchOptions): SearchHit[] {
  return searchRanked(db, query, options).hits;
}
