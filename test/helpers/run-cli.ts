import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface RunOptions {
  /** Pretend stdout (and stdin) are a terminal. */
  tty?: boolean;
  /** Width of the pretend terminal. */
  columns?: number;
  /** Height of the pretend terminal (unknown, so never paged, unless given). */
  rows?: number;
  /** Extra environment; NETJOURNAL_DB and NETJOURNAL_NOW are set by the journal helper. */
  env?: NodeJS.ProcessEnv;
  /** Today for this run (overrides the journal helper's NETJOURNAL_NOW). */
  now?: string;
}

/** Run netjournal in-process with captured streams. */
export async function runCli(
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const tty = options.tty === true;
  const code = await run(args, {
    stdout: {
      write: (s: string) => (stdout += s),
      isTTY: tty,
      columns: options.columns ?? 80,
      rows: options.rows,
    },
    stderr: { write: (s: string) => (stderr += s), isTTY: tty },
    stdin: { isTTY: tty },
    env: { ...options.env },
  });
  return { stdout, stderr, code };
}

/** A temp folder holding a journal path; remove() cleans it up. */
export interface TempJournal {
  dir: string;
  path: string;
  env: NodeJS.ProcessEnv;
  /** Run with this journal and a fixed today (2026-11-21 unless given). */
  run(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  remove(): void;
}

export const TODAY = '2026-11-21';

/** Make a temp journal location (the file itself is created by the first write). */
export function tempJournal(now = TODAY): TempJournal {
  const dir = mkdtempSync(join(tmpdir(), 'netjournal-test-'));
  const path = join(dir, 'journal.db');
  const env = { NETJOURNAL_DB: path, NETJOURNAL_NOW: now, HOME: dir };
  return {
    dir,
    path,
    env,
    run: (args, options = {}) =>
      runCli(args, {
        ...options,
        env: { ...env, ...options.env, ...(options.now ? { NETJOURNAL_NOW: options.now } : {}) },
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
