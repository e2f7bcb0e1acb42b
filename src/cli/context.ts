import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../storage/journal.js';
import { openJournal } from '../storage/journal.js';
import { resolveJournalPath } from '../storage/paths.js';
import { localDate, parseNow } from '../domain/dates.js';
import { UsageError } from '../errors.js';
import { RECORD_FORMATS, type RecordFormat } from '../output/record-view.js';
import { makeTerminal, type Terminal } from '../output/terminal.js';

/** What the process gives a run: injected so tests can run the CLI in-process. */
export interface Io {
  stdout: {
    write(s: string): unknown;
    isTTY?: boolean;
    columns?: number;
    /** Set once a write failed (the reader went away: `… | head`). */
    errored?: unknown;
    once?(event: 'drain', listener: () => void): unknown;
  };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin: { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Options every command accepts (commander's optsWithGlobals()). */
export interface GlobalOptions {
  db?: string;
  now?: string;
  format?: string;
  json?: boolean;
  color: boolean;
  input: boolean;
  header: boolean;
}

/** Everything a command may touch: streams, the clock, the journal, the terminal. */
export class Context {
  readonly term: Terminal;
  readonly journalPath: string;
  private readonly todayValue: string;
  private readonly clockOverridden: boolean;
  private db: Db | null = null;
  /** The journal file, or the first of its folders, that this run created. */
  private createdPath: string | null = null;

  constructor(
    readonly io: Io,
    readonly globals: GlobalOptions,
    /** The command's words ("add Ralph Smith"): names its change group for `undo`. */
    readonly invocation = 'write',
  ) {
    const nowInput = globals.now ?? io.env.NETJOURNAL_NOW;
    this.clockOverridden = nowInput !== undefined && nowInput !== '';
    this.todayValue = this.clockOverridden ? parseNow(nowInput as string) : localDate(new Date());
    this.term = makeTerminal({
      isTTY: io.stdout.isTTY === true,
      noColorFlag: globals.color === false,
      env: io.env,
      columns: io.stdout.columns,
    });
    this.journalPath = resolveJournalPath(globals.db, io.env);
  }

  /** Today's date (YYYY-MM-DD), honouring --now and NETJOURNAL_NOW. */
  today(): string {
    return this.todayValue;
  }

  /** A timestamp for new records; fixed at midnight UTC of --now when the clock is overridden. */
  timestamp(): string {
    return this.clockOverridden ? `${this.todayValue}T00:00:00.000Z` : new Date().toISOString();
  }

  /** Prompts are allowed: both ends are terminals and --no-input was not given. */
  canPrompt(): boolean {
    return this.globals.input && this.io.stdin.isTTY === true && this.io.stdout.isTTY === true;
  }

  /** The output format: --json, else --format, else table on a terminal and tsv when piped. */
  format<F extends string = RecordFormat>(
    allowed: readonly F[] = RECORD_FORMATS as unknown as F[],
  ): F {
    if (this.globals.json) return 'json' as F;
    const chosen = this.globals.format;
    if (chosen === undefined) return (this.term.isTTY ? 'table' : 'tsv') as F;
    if (!(allowed as readonly string[]).includes(chosen)) {
      throw new UsageError(`unknown format "${chosen}"`, `use one of ${allowed.join(', ')}`);
    }
    return chosen as F;
  }

  /** The journal for reading, or null when it does not exist yet (nothing is created). */
  readJournal(): Db | null {
    this.db ??= openJournal(this.journalPath, { write: false, timestamp: this.timestamp() });
    return this.db;
  }

  /** The journal for writing, created with its folder on first use. */
  writeJournal(): Db {
    if (this.db && this.db.readonly) {
      this.db.close();
      this.db = null;
    }
    if (!this.db && !existsSync(this.journalPath))
      this.createdPath = firstMissing(this.journalPath);
    this.db ??= openJournal(this.journalPath, { write: true, timestamp: this.timestamp() });
    return this.db as Db;
  }

  /**
   * A command that fails writes nothing: if this run created the journal (and
   * its folders), remove them again.
   */
  discardCreatedJournal(): void {
    if (!this.createdPath) return;
    this.close();
    try {
      for (const suffix of ['-wal', '-shm', '']) rmSync(this.journalPath + suffix, { force: true });
      if (this.createdPath !== this.journalPath)
        rmSync(this.createdPath, { recursive: true, force: true });
    } catch (err) {
      // A path below a regular file: nothing can have been created there, and the
      // journal error that brought us here is the one to report.
      if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw err;
    }
    this.createdPath = null;
  }

  /** Data for the user or a script. */
  out(text: string): void {
    this.io.stdout.write(text);
  }

  /**
   * Data written as it is produced, in pieces of about 64 KB: waits while the
   * reader is behind, and stops producing once the reader has gone, so that
   * `netjournal contacts --json | head` reads only what head shows.
   */
  async outChunks(chunks: Iterable<string>): Promise<void> {
    const stdout = this.io.stdout;
    let pending = '';
    const flush = async (): Promise<boolean> => {
      const accepted = stdout.write(pending);
      pending = '';
      if (accepted === false && stdout.once && !stdout.errored) {
        await new Promise<void>((resolve) => stdout.once?.('drain', resolve));
      }
      return !stdout.errored;
    };
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= 65536 && !(await flush())) return;
    }
    if (pending) await flush();
  }

  /**
   * stderr as a stream, for what draws on the terminal (prompts, the progress
   * bar): those run only when it is a terminal, where main gave process.stderr.
   */
  promptOutput(): NodeJS.WritableStream {
    return this.io.stderr as NodeJS.WritableStream;
  }

  /** Progress, confirmations and notices. */
  info(text: string): void {
    this.io.stderr.write(text.endsWith('\n') ? text : text + '\n');
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

/** The outermost part of path that does not exist yet (the file itself when its folder exists). */
function firstMissing(path: string): string {
  let missing = path;
  for (
    let parent = dirname(path);
    parent !== missing && !existsSync(parent);
    parent = dirname(parent)
  ) {
    missing = parent;
  }
  return missing;
}
