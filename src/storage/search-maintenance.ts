import type { Db } from './journal.js';

/** The highest record ids before a bulk write: everything above them is new. */
export interface SearchHighWater {
  contact: number;
  note: number;
  meeting: number;
  followUp: number;
}

// The search index (0002_search.sql, views redefined by 0005) is derived
// data: this module is the one place that knows its views, rebuilds it, and
// says what it should hold. doctor, undo and import all go through it. The
// contact name index (0011: names and nicknames only, for lookups by name) is
// derived from the contacts' documents and goes with it everywhere.

/** Each kind of document: the table it comes from and the view that defines it. */
const TABLES = [
  ['contact', 'contacts', 'search_contact_docs'],
  ['note', 'notes', 'search_note_docs'],
  ['meeting', 'meetings', 'search_meeting_docs'],
  ['followUp', 'follow_ups', 'search_follow_up_docs'],
] as const;

/** The views that define the search documents, one per kind of record. */
export const SEARCH_VIEWS = TABLES.map(([, , view]) => view);

/** The documents the search index should hold (a rebuild from the views), as a query. */
export const EXPECTED_SEARCH_DOCS = `SELECT * FROM (${SEARCH_VIEWS.map(
  (view) => `SELECT doc AS rowid, kind, ref, name, people, body FROM ${view}`,
).join(' UNION ALL ')})`;

/** The documents the search index holds, as a query shaped like EXPECTED_SEARCH_DOCS. */
export const ACTUAL_SEARCH_DOCS = 'SELECT rowid, kind, ref, name, people, body FROM search_index';

/** The rows the contact name index should hold (0011's view), as a query. */
export const EXPECTED_CONTACT_NAMES = 'SELECT id AS rowid, name, aliases FROM contact_name_docs';

/** The rows the contact name index holds, as a query shaped like EXPECTED_CONTACT_NAMES. */
export const ACTUAL_CONTACT_NAMES = 'SELECT rowid, name, aliases FROM contact_names';

/** What is wrong with the contact name index (FTS5's own check, then its rows), or null. */
export function contactNamesProblem(db: Db): string | null {
  // PRAGMA integrity_check(table) runs FTS5's check on a read-only connection too.
  const fts = (db.pragma('integrity_check(contact_names)') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .filter((m) => m !== 'ok');
  if (fts.length > 0) return `the contact name index: ${fts.join('; ')}`;
  const count = (sql: string) =>
    (db.prepare(`SELECT count(*) AS n FROM (${sql})`).get() as { n: number }).n;
  const missing = count(`${EXPECTED_CONTACT_NAMES} EXCEPT ${ACTUAL_CONTACT_NAMES}`);
  const extra = count(`${ACTUAL_CONTACT_NAMES} EXCEPT ${EXPECTED_CONTACT_NAMES}`);
  if (missing === 0 && extra === 0) return null;
  return `the contact name index has ${missing} names missing or stale, ${extra} extra`;
}

/**
 * Empty the search index and the contact name index and fill them again from
 * the views; returns the search documents.
 */
export function rebuildSearchIndex(db: Db): number {
  db.prepare('DELETE FROM contact_names').run();
  db.prepare(`INSERT INTO contact_names (rowid, name, aliases) ${EXPECTED_CONTACT_NAMES}`).run();
  db.prepare('DELETE FROM search_index').run();
  let documents = 0;
  for (const view of SEARCH_VIEWS) {
    documents += db
      .prepare(
        `INSERT INTO search_index (rowid, kind, ref, name, people, body)
         SELECT doc, kind, ref, name, people, body FROM ${view}`,
      )
      .run().changes;
  }
  return documents;
}

/** The highest ids of each kind of searchable record: everything above them is new. */
export function searchHighWater(db: Db): SearchHighWater {
  return Object.fromEntries(
    TABLES.map(([kind, table]) => [
      kind,
      (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n,
    ]),
  ) as unknown as SearchHighWater;
}

/** Pause (or resume) the search triggers for a bulk write, inside its transaction. */
export function pauseSearch(db: Db, paused: boolean): void {
  if (paused)
    db.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('search.paused', '1')`).run();
  else db.prepare(`DELETE FROM settings WHERE key = 'search.paused'`).run();
}

/**
 * After a bulk write: index the records added since before, in a few
 * set-based statements, and re-derive the documents of changed contacts.
 */
export function indexBulkWrite(
  db: Db,
  before: SearchHighWater,
  changedContacts: Iterable<number>,
): void {
  // Contacts added by the write are indexed below with the other new records.
  refreshContacts(
    db,
    [...changedContacts].filter((id) => id <= before.contact),
  );
  for (const [kind, , view] of TABLES) {
    db.prepare(
      `INSERT INTO search_index (rowid, kind, ref, name, people, body)
       SELECT doc, kind, ref, name, people, body FROM ${view} WHERE ref > ?`,
    ).run(before[kind]);
  }
  db.prepare(
    `INSERT INTO contact_names (rowid, name, aliases) ${EXPECTED_CONTACT_NAMES} WHERE id > ?`,
  ).run(before.contact);
}

/** Re-derive the documents of contacts whose fields or tags changed. */
function refreshContacts(db: Db, ids: readonly number[]): void {
  if (ids.length === 0) return;
  const json = JSON.stringify(ids);
  db.prepare('DELETE FROM search_index WHERE rowid IN (SELECT value * 4 FROM json_each(?))').run(
    json,
  );
  db.prepare(
    `INSERT INTO search_index (rowid, kind, ref, name, people, body)
     SELECT doc, kind, ref, name, people, body FROM search_contact_docs
      WHERE ref IN (SELECT value FROM json_each(?))`,
  ).run(json);
  db.prepare('DELETE FROM contact_names WHERE rowid IN (SELECT value FROM json_each(?))').run(json);
  db.prepare(
    `INSERT INTO contact_names (rowid, name, aliases) ${EXPECTED_CONTACT_NAMES}
      WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(json);
}
