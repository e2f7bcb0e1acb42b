import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { localDateOf } from '../domain/timestamps.js';
import { assignStableIds, markGeneratedTexts } from './upgrade.js';

/** Stamped into every journal so that a foreign SQLite file is never mistaken for one. */
export const APPLICATION_ID = 0x4e4a524e; // "NJRN"

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// dist/storage/ and src/storage/ both sit two levels below the package root.
const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

let cached: Migration[] | undefined;

/** The numbered forward-only migrations shipped with this version, in order. */
export function knownMigrations(): Migration[] {
  if (cached) return cached;
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  // Numbers rise; one may be missing on a branch whose neighbour's migration
  // (0009 on main) is not merged yet: a version is found by its number, not its place.
  cached = files.map((file, i) => {
    const version = Number(file.slice(0, 4));
    const before = i === 0 ? 0 : Number(files[i - 1]?.slice(0, 4));
    if (version <= before) throw new Error(`migration ${file} is out of sequence`);
    return {
      version,
      name: file.replace(/\.sql$/, ''),
      // Read only when the migration runs: most starts just compare versions.
      get sql() {
        return readFileSync(migrationsDir + file, 'utf8');
      },
    };
  });
  return cached;
}

/** The schema version this build of netjournal writes. */
export function latestVersion(): number {
  return knownMigrations().at(-1)?.version ?? 0;
}

/** The name of the shipped migration of this version, if any. */
export function knownMigrationName(version: number): string | undefined {
  return knownMigrations().find((m) => m.version === version)?.name;
}

/** Names of the migrations recorded in a journal, by version. */
export function appliedMigrations(db: Database): Map<number, string> {
  const exists = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
    .get();
  const applied = new Map<number, string>();
  if (!exists) return applied;
  const rows = db.prepare('SELECT version, name FROM schema_migrations').all() as {
    version: number;
    name: string;
  }[];
  for (const row of rows) applied.set(row.version, row.name);
  return applied;
}

/**
 * Apply every migration newer than the journal's user_version. Each runs in
 * its own IMMEDIATE transaction together with its record and the new
 * user_version, so a crash leaves the journal at a whole version.
 */
export function migrate(db: Database, appliedAt: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of knownMigrations()) {
    if (m.version <= current) continue;
    db.transaction(() => {
      // Another process may have applied it while this one waited for the write lock.
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      if (m.version === 1) {
        db.exec(`
          CREATE TABLE schema_migrations (
            version INTEGER PRIMARY KEY,
            name    TEXT NOT NULL,
            applied TEXT NOT NULL
          );
          PRAGMA application_id = ${APPLICATION_ID};
        `);
      }
      db.exec(m.sql);
      // 0001 dates the user's own row by the clock; a journal started with --now
      // was started on that day, like every record it writes (PRODUCT.md).
      const started = m.version === 1 ? localDateOf(appliedAt) : null;
      if (started !== null)
        db.prepare('UPDATE contacts SET created = ? WHERE is_me = 1').run(started);
      // A migration whose data part is code (it needs the record declarations).
      if (m.name.endsWith('_change_log')) assignStableIds(db);
      if (m.name.endsWith('_follow_up_templates')) markGeneratedTexts(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        appliedAt,
      );
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
