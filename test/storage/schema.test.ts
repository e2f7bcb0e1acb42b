import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openJournal, type Db } from '../../src/storage/journal.js';

const SNAPSHOT = fileURLToPath(new URL('./schema.snapshot.sql', import.meta.url));

/** The schema of a freshly migrated journal, one statement per entry, in a stable order. */
function currentSchema(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netjournal-schema-'));
  try {
    const db = openJournal(join(dir, 'j.db'), { write: true, timestamp: 'now' }) as Db;
    const rows = db
      .prepare(
        `SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
         ORDER BY type, name`,
      )
      .all() as { sql: string }[];
    const version = db.pragma('user_version', { simple: true }) as number;
    db.close();
    return `-- user_version ${version}\n` + rows.map((r) => `${r.sql};\n`).join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it('matches the committed schema snapshot', () => {
  const schema = currentSchema();
  if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, schema);
  const snapshot = readFileSync(SNAPSHOT, 'utf8');
  if (schema !== snapshot) {
    // Compare first so the failure says how to refresh, then show the diff.
    console.error(
      'The schema differs from test/storage/schema.snapshot.sql. If the change is intended ' +
        '(a new migration), refresh it with:\n  UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run test/storage/schema.test.ts',
    );
  }
  expect(
    schema,
    'refresh with: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run test/storage/schema.test.ts',
  ).toBe(snapshot);
});
