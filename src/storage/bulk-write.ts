import type { Db } from './journal.js';
import { indexBulkWrite, pauseSearch, searchHighWater } from './search-maintenance.js';

/**
 * The bulk path of imports. Derived data (the search index, last_met,
 * next_touch) is kept row by row by triggers; over tens of thousands of rows
 * that work, and keeping the contacts' lookup indexes sorted as rows arrive,
 * costs more than the rows themselves. A bulk write therefore drops the
 * insert triggers of derived data (and, when asked, the contacts' lookup
 * indexes), writes its rows through the write path as usual (so every
 * record is in the change log), then re-creates them from their own SQL and
 * derives what the new rows need in a few set-based statements. All of it
 * runs in the caller's write transaction: a failure rolls the schema back
 * with the rows, and other connections never see the triggers missing.
 */

/** Insert triggers that only derive data (0001, 0002, 0004, 0010, 0011); update and delete triggers stay. */
const DERIVED_INSERT_TRIGGERS = [
  'search_contact_added',
  'next_touch_contact_added',
  'search_contact_tag_added',
  'search_contact_alias_added',
  'search_note_added',
  'search_meeting_added',
  'search_participant_added',
  'meeting_contacts_added',
  'search_follow_up_added',
  'contact_names_contact_added',
  'contact_names_alias_added',
];

/** Indexes that only speed up finding contacts; rebuilt in one sort after a bulk insert. */
const CONTACT_LOOKUP_INDEXES = [
  'contacts_by_name',
  'contacts_by_email',
  'contacts_by_company',
  'contacts_next_touch',
  'contacts_birthday_day',
];

export interface BulkOptions {
  /**
   * Drop the contacts' lookup indexes too: only when fn does not look
   * contacts up by name, e-mail or company in SQL (it matches in memory).
   */
  dropLookupIndexes: boolean;
  /**
   * Index the new records for search (the default). false: the search
   * triggers stay paused and the caller makes the whole index again.
   */
  index?: boolean;
}

/** Run fn as a bulk write (see above). Call inside a write transaction. */
export function withBulkWrite<T>(
  db: Db,
  options: BulkOptions,
  fn: () => { result: T; changedContacts: Iterable<number> },
): T {
  // Tens of thousands of rows into tables and their indexes touch far more
  // pages than SQLite's default 2 MB cache holds: it would write pages out
  // and read them back many times within the one transaction.
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  try {
    return bulkWrite(db, options, fn);
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}

/** SQLite's page cache during a bulk write, in KiB (negative: a size, not pages); taken only as used. */
const BULK_CACHE_KIB = -262_144;

function bulkWrite<T>(
  db: Db,
  options: BulkOptions,
  fn: () => { result: T; changedContacts: Iterable<number> },
): T {
  const before = searchHighWater(db);
  const names = [
    ...DERIVED_INSERT_TRIGGERS,
    ...(options.dropLookupIndexes ? CONTACT_LOOKUP_INDEXES : []),
  ];
  // In creation order, so that triggers on one table fire in the same order once re-created.
  const saved = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
        WHERE type IN ('trigger', 'index') AND name IN (SELECT value FROM json_each(?))
        ORDER BY rowid`,
    )
    .all(JSON.stringify(names)) as { type: 'trigger' | 'index'; name: string; sql: string }[];
  for (const { type, name } of saved) db.exec(`DROP ${type.toUpperCase()} ${name}`);
  pauseSearch(db, true);
  const { result, changedContacts } = fn();
  const index = options.index !== false;
  if (index) pauseSearch(db, false);
  for (const { sql } of saved) db.exec(sql);

  // last_met of everyone in a new meeting (the update fires next_touch's own trigger) …
  db.prepare(
    `UPDATE contacts SET last_met = (
       SELECT max(m.date) FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
        WHERE mc.contact_id = contacts.id)
      WHERE id IN (SELECT contact_id FROM meeting_contacts WHERE meeting_id > ?)`,
  ).run(before.meeting);
  // … and next_touch of every new contact, from the one view that defines it.
  db.prepare(
    `UPDATE contacts SET next_touch = (SELECT e.next_touch FROM next_touch_expected e WHERE e.id = contacts.id)
      WHERE id > ?`,
  ).run(before.contact);
  if (index) indexBulkWrite(db, before, changedContacts);
  return result;
}
