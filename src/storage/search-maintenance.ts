import type { Db } from './journal.js';

/** The highest record ids before a bulk write: everything above them is new. */
export interface SearchHighWater {
  contact: number;
  note: number;
  meeting: number;
  followUp: number;
}

const TABLES = [
  ['contact', 'contacts', 'search_contact_docs'],
  ['note', 'notes', 'search_note_docs'],
  ['meeting', 'meetings', 'search_meeting_docs'],
  ['followUp', 'follow_ups', 'search_follow_up_docs'],
] as const;

/**
 * Run a bulk write with the search triggers paused, then index what it added
 * or changed in a few set-based statements. FTS5 flushes its pending terms at
 * every statement a trigger writes it from (~0.1 ms each), which would make a
 * 30,000-row import several times slower. Call inside a write transaction:
 * if fn throws, the pause is rolled back with everything else.
 */
export function withSearchPaused<T>(
  db: Db,
  fn: () => { result: T; changedContacts: Iterable<number> },
): T {
  const before = Object.fromEntries(
    TABLES.map(([kind, table]) => [
      kind,
      (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n,
    ]),
  ) as unknown as SearchHighWater;
  db.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('search.paused', '1')`).run();
  const { result, changedContacts } = fn();
  db.prepare(`DELETE FROM settings WHERE key = 'search.paused'`).run();
  // Contacts added by fn are indexed below with the other new records.
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
  return result;
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
}
