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
}

// bm25 weights by column (kind, ref, name, people, body): a contact's own name
// counts most, then the text, then the names a record is about. Ties go to
// contacts, then notes, meetings and follow-ups (rowid % 4), then by id.
//
// A common word matches tens of thousands of documents in a large journal, so
// the work is done in two passes over the index. The first ranks every match
// but computes nothing else: bm25 and the rowid, the top @limit kept. The
// second computes highlights, snippets and the records' contacts and dates for
// those few documents only. It runs the same MATCH again (auxiliary functions
// need a full-text cursor) bounded to the rowids between the first pass's
// lowest and highest, which FTS5 seeks to; the unary + keeps the IN a filter
// rather than one seek per row (a prefix query costs about a millisecond a
// seek). Scores come from the first pass, so the order is exactly that rank.
const SEARCH = `
  WITH top AS MATERIALIZED (
    SELECT rowid AS doc, bm25(search_index, 0, 0, 5, 1, 2) AS score
      FROM search_index
     WHERE search_index MATCH @query
     ORDER BY score, doc % 4, doc
     LIMIT @limit
  )
  SELECT hit.kind, hit.ref, hit.people, hit.body, hit.who, hit.body_marked, hit.body_snippet,
         hit.date, c.id AS contact_id, c.name AS contact_name, c.archived
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

// A contact's body holds its fields separated by char(30).
const FIELD_SEPARATOR = '\u001e';

function toHit(row: HitRow): SearchHit {
  const base = {
    kind: row.kind,
    id: row.ref,
    contactId: row.contact_id,
    date: row.date,
    who: row.who,
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

/**
 * Records matching an FTS5 query (see buildSearchQuery), best first: bm25,
 * ties by kind then id. The query must not be empty.
 */
export function searchJournal(db: Db, query: string, options: SearchOptions): SearchHit[] {
  const rows = db.prepare(SEARCH).all({ query, limit: options.limit }) as HitRow[];
  return rows.map(toHit);
}
