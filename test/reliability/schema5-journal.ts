import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../../src/storage/migrate.js';

// A journal as the release before the change log (schema 5) wrote it, made
// the way src/storage/migrate.ts made it then: migrations 0001..0005, each
// in its transaction with its record in schema_migrations, application_id
// and user_version. Then rows in every table with plain SQL, while an undo
// step of 0003's trigger-based undo is recording, so that the upgrade meets
// an undo history too.

const MIGRATIONS = [
  '0001_initial',
  '0002_search',
  '0003_undo',
  '0004_next_touch',
  '0005_portable_search',
];
const TS = '2026-06-01T09:00:00.000Z';

/** Write a schema-5 journal with rows in every table at path (which must not exist). */
export function makeSchema5Journal(path: string): void {
  const db = new Database(path);
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    MIGRATIONS.forEach((name, i) => {
      const sql = readFileSync(new URL(`../../migrations/${name}.sql`, import.meta.url), 'utf8');
      db.transaction(() => {
        if (i === 0) {
          db.exec(`
            CREATE TABLE schema_migrations (
              version INTEGER PRIMARY KEY,
              name    TEXT NOT NULL,
              applied TEXT NOT NULL
            );
            PRAGMA application_id = ${APPLICATION_ID};
          `);
        }
        db.exec(sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)').run(
          i + 1,
          name,
          TS,
        );
        db.pragma(`user_version = ${i + 1}`);
      }).immediate();
    });
    db.transaction(() => {
      db.prepare(`UPDATE contacts SET created = '2026-01-01' WHERE id = 0`).run();
      db.prepare(`INSERT INTO undo_steps (command, at, recording) VALUES ('add Ana', ?, 1)`).run(
        TS,
      );
      db.exec(`
        INSERT INTO settings (key, value) VALUES ('cadence.second', '30'), ('cadence.third', '90');
        INSERT INTO contacts (id, name, company, role, email, phone, url, location, circle,
                              cadence_days, birthday, how_met, archived, created)
        VALUES (1, 'Ana Lima', 'Initech', 'Engineer', 'ana@initech.example', '+1 555 0100',
                'https://initech.example/ana', 'Porto', 'second', NULL, '1990-05-04',
                'Rust meetup', 0, '2026-02-01'),
               (2, 'Bo Chen', NULL, NULL, NULL, NULL, NULL, NULL, 'third', 14, '07-30', NULL, 0,
                '2026-02-02'),
               (3, 'Zoë Ng', 'Globex', NULL, 'zoe@globex.example', NULL, NULL, 'Zürich', NULL,
                NULL, NULL, 'Line one
line two', 1, '2026-02-03');
        INSERT INTO contact_tags (contact_id, tag) VALUES (1, 'rust'), (1, 'mentor'), (3, 'été');
        INSERT INTO meetings (id, date, kind, notes, outreach, created)
        VALUES (1, '2026-03-01', 'coffee', 'Talked about compilers', 1, '${TS}'),
               (2, '2026-04-01', 'call', NULL, 0, '${TS}');
        INSERT INTO meeting_contacts (meeting_id, contact_id) VALUES (1, 1), (1, 2), (2, 3);
        INSERT INTO notes (id, contact_id, meeting_id, date, text, created)
        VALUES (1, 1, 1, '2026-03-01', 'Plays the cello', '${TS}'),
               (2, 3, NULL, '2026-04-02', 'Moving to Berlin', '${TS}');
        INSERT INTO introductions (id, introducer_id, person_id, to_id, date, context,
                                   reported_back, created)
        VALUES (1, 2, 1, 0, '2026-02-15', 'Bo knows everyone', 0, '${TS}'),
               (2, 0, 3, 1, '2026-04-03', NULL, 1, '${TS}');
        INSERT INTO follow_ups (id, contact_id, kind, text, due, status, closed, meeting_id,
                                introduction_id, created)
        VALUES (1, 1, 'thank_you', 'Thank Ana for the coffee', '2026-03-02', 'done',
                '2026-03-02', 1, NULL, '${TS}'),
               (2, 2, 'report_back', 'Tell Bo how it went with Ana', '2026-03-03', 'open', NULL,
                1, 1, '${TS}'),
               (3, 3, 'waiting', 'Zoë offered an intro', '2026-04-08', 'dropped', '2026-04-09',
                2, NULL, '${TS}'),
               (4, 1, 'action', 'Send the paper', '2026-12-01', 'open', NULL, NULL, NULL, '${TS}');
        INSERT INTO gifts (id, contact_id, meeting_id, date, text, created)
        VALUES (1, 1, 1, '2026-03-01', 'A book on parsers', '${TS}'),
               (2, 2, NULL, '2026-03-05', 'An intro to a recruiter', '${TS}');
      `);
      db.prepare('UPDATE undo_steps SET recording = 0').run();
    }).immediate();
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0)
      throw new Error('schema-5 journal breaks a foreign key');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
