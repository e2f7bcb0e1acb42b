import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN as BUILT_BIN } from '../helpers/spawn-cli.js';

/** The CLI under test: the built bin/, or another build named by NETJOURNAL_TEST_BIN. */
export const BIN = process.env.NETJOURNAL_TEST_BIN ?? BUILT_BIN;
export const TODAY = '2026-11-21';
export const FIXTURE_V1 = new URL('../fixtures/v1-journal.db', import.meta.url).pathname;

/** The uid/gid of nobody: permission tests drop to it when they run as root (root ignores modes). */
export const NOBODY = 65534;
export const isRoot = process.getuid?.() === 0;

/** The environment a user's shell would give the CLI: nothing else leaks in (no NODE_EXTRA_CA_CERTS). */
export function cliEnv(path: string, dir: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, NETJOURNAL_DB: path, NETJOURNAL_NOW: TODAY, HOME: dir };
}

export interface TempDir {
  dir: string;
  path: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/** A temp folder with a journal path in it (nothing is created at the path). */
export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'netjournal-rel-'));
  const path = join(dir, 'journal.db');
  return {
    dir,
    path,
    env: cliEnv(path, dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawn the built CLI (as nobody when asked and running as root); stdin closed. */
export function startCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { asNobody?: boolean } = {},
): { child: ChildProcess; done: Promise<Outcome> } {
  const dropRoot = options.asNobody === true && isRoot;
  const [cmd, argv] = dropRoot
    ? [
        'setpriv',
        [
          `--reuid=${NOBODY}`,
          `--regid=${NOBODY}`,
          '--clear-groups',
          process.execPath,
          BIN,
          ...args,
        ],
      ]
    : [process.execPath, [BIN, ...args]];
  return startProcess(cmd, argv, env);
}

/** Spawn any program with stdin closed, collecting its output. */
export function startProcess(
  cmd: string,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; done: Promise<Outcome> } {
  const child = spawn(cmd, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<Outcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Run the built CLI to the end. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { asNobody?: boolean } = {},
): Promise<Outcome> {
  return startCli(args, env, options).done;
}

/** Give a folder and what is in it to nobody (only meaningful as root). */
export function giveToNobody(...paths: string[]): void {
  if (!isRoot) return;
  for (const p of paths) if (existsSync(p)) chownSync(p, NOBODY, NOBODY);
}

export interface Health {
  integrity: string;
  foreignKeyProblems: number;
  version: number;
  counts: Record<Table, number>;
}

const TABLES = [
  'contacts',
  'contact_tags',
  'meetings',
  'meeting_contacts',
  'notes',
  'introductions',
  'follow_ups',
  'gifts',
  'settings',
] as const;
type Table = (typeof TABLES)[number];

/** What SQLite itself says about a journal after a crash: integrity, foreign keys, version, rows. */
export function health(path: string): Health {
  const db = new Database(path, { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const version = db.pragma('user_version', { simple: true }) as number;
    const counts = Object.fromEntries(
      TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]),
    ) as Record<Table, number>;
    return { integrity, foreignKeyProblems, version, counts };
  } finally {
    db.close();
  }
}

/** Every row of every data table, in a stable order: the journal's content independent of schema. */
export function dumpTables(path: string): Record<Table, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]),
    ) as Record<Table, unknown[]>;
  } finally {
    db.close();
  }
}

/** Merge the WAL into the main file and drop it, so that a copy of the file is the whole journal. */
export function checkpoint(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Size of a file, or -1 when it does not exist. */
export function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/** A LinkedIn Connections.csv with n people (first.last.i@example.com, all distinct). */
export function writeLinkedInCsv(file: string, n: number): void {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `First${i},Last${i},https://www.linkedin.com/in/person-${i},person.${i}@example.com,Company ${i % 500},Engineer,15 Mar 2024`,
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

/** A promise that resolves after ms. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** An error line as the contract has it: one line, no stack trace. */
export function expectOneLineError(stderr: string): boolean {
  return /^netjournal: [^\n]+ — [^\n]+\n$/.test(stderr) && !/\n\s+at /.test(stderr);
}
