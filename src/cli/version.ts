import { readFileSync } from 'node:fs';

/** The version from package.json, read once at start-up. */
export const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/**
 * What `--version --verbose` and `doctor` print for a bug report: the
 * versions of Node and of the SQLite library that read the journal.
 */
export async function runtimeVersions(): Promise<{ node: string; sqlite: string }> {
  // Loaded only here: plain --version must not load the SQLite addon.
  const { sqliteVersion } = await import('../storage/sqlite.js');
  return { node: process.version, sqlite: sqliteVersion() };
}

/** "Node v20.19.0, SQLite 3.50.4": the second line of `--version --verbose`. */
export async function runtimeLine(): Promise<string> {
  const { node, sqlite } = await runtimeVersions();
  return `Node ${node}, SQLite ${sqlite}`;
}
