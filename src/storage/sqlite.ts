import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

let addonPath: string | object | undefined | null = null;

/**
 * better-sqlite3's compiled addon, found once. Passing it as nativeBinding
 * skips the `bindings` package, which probes a dozen paths and builds a stack
 * trace on every start.
 */
function nativeBinding(): string | object | undefined {
  if (addonPath === null) {
    try {
      const load = createRequire(import.meta.url);
      const root = dirname(load.resolve('better-sqlite3/package.json'));
      const file = join(root, 'build', 'Release', 'better_sqlite3.node');
      // Elsewhere (a debug build, say), the bindings package searches from
      // better-sqlite3's folder: in the bundle it would search from ours.
      addonPath = existsSync(file)
        ? file
        : (load('bindings') as Bindings)({ bindings: 'better_sqlite3.node', module_root: root });
    } catch {
      addonPath = undefined; // let better-sqlite3 look for it itself
    }
  }
  return addonPath;
}

type Bindings = (options: { bindings: string; module_root: string }) => object;

/** Open an SQLite database with better-sqlite3 (the one place that constructs one). */
export function openSqlite(
  path: string | Buffer,
  options: Database.Options = {},
): Database.Database {
  // better-sqlite3 takes the addon object too; its types only say string.
  // A Buffer is a serialized database, opened in memory.
  return new Database(path, { ...options, nativeBinding: nativeBinding() as string | undefined });
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The prepared statement for sql on db, prepared once per connection.
 * Preparing a write compiles every trigger on its table (search, undo,
 * last_met), which costs more than running it, so loops must not re-prepare.
 * Not for statements whose mode is changed (pluck, raw): the mode would stick.
 */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

/** The version of the SQLite library better-sqlite3 was built with ("3.50.4"). */
export function sqliteVersion(): string {
  const db = openSqlite(':memory:');
  try {
    return String(db.prepare('SELECT sqlite_version()').pluck().get());
  } finally {
    db.close();
  }
}
