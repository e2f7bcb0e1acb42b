import { existsSync, readFileSync } from 'node:fs';
import type { Db } from '../storage/journal.js';
import { openJournal } from '../storage/journal.js';
import {
  discardJournal,
  publishJournal,
  startJournal,
  type PendingJournal,
} from '../storage/new-journal.js';
import { resolveJournalPath } from '../storage/paths.js';
import { localDate, parseNow } from '../domain/dates.js';
import { startOfLocalDay } from '../domain/timestamps.js';
import { UsageError } from '../errors.js';
import { RECORD_FORMATS, type RecordFormat } from '../output/record-view.js';
import { makeTerminal, terminalColumns, type Terminal } from '../output/terminal.js';
import { wrapText } from '../output/wrap.js';

/** What the process gives a run: injected so tests can run the CLI in-process. */
export interface Io {
  stdout: {
    write(s: string): unknown;
    isTTY?: boolean;
    columns?: number;
    /** Height of the terminal, for the pager. */
    rows?: number;
    /** Set once a write failed (the reader went away: `… | head`). */
    errored?: unknown;
    once?(event: 'drain', listener: () => void): unknown;
  };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
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
  /** false with --no-pager. */
  pager?: boolean;
}

/** Everything a command may touch: streams, the clock, the journal, the terminal. */
export class Context {
  readonly term: Terminal;
  readonly journalPath: string;
  private readonly todayValue: string;
  private readonly clockOverridden: boolean;
  private db: Db | null = null;
  /** A journal this run is creating: private until the command succeeds (finishWrites). */
  private pending: PendingJournal | null = null;
  /** What the command printed while its journal was pending: shown once it is published. */
  private held: { stream: 'out' | 'err'; text: string }[] = [];
  /** The command asked the person something or read stdin: it cannot simply run again. */
  private interacted = false;

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

  /** A timestamp for new records; the start of --now's local day when the clock is overridden. */
  timestamp(): string {
    return this.clockOverridden ? startOfLocalDay(this.todayValue) : new Date().toISOString();
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

  /**
   * The format of a page about one thing (`contact show`, `prep`): the page,
   * plain when piped, unless --json or --format asks for the record.
   */
  pageFormat(): RecordFormat {
    return this.globals.json || this.globals.format !== undefined ? this.format() : 'table';
  }

  /**
   * Before an older journal is upgraded: a line on a terminal, so that the
   * seconds a large journal's upgrade takes, once, are not a silent wait.
   * Scripts (stderr not a terminal) get nothing.
   */
  private upgrading(from: number, to: number): void {
    if (this.io.stderr.isTTY !== true) return;
    this.io.stderr.write(
      `netjournal: upgrading the journal (schema ${from} to ${to}), once; a large one takes a few seconds…\n`,
    );
  }

  /** The journal for reading, or null when it does not exist yet (nothing is created). */
  readJournal(): Db | null {
    this.db ??= openJournal(this.pending?.temp ?? this.journalPath, {
      write: false,
      timestamp: this.timestamp(),
      onUpgrade: (from, to) => this.upgrading(from, to),
    });
    return this.db;
  }

  /**
   * The journal for writing. A missing journal is created privately and
   * becomes the journal only when the command succeeds (finishWrites), so a
   * failing command leaves nothing behind and removes nothing of anyone else's.
   */
  writeJournal(): Db {
    if (this.db && this.db.readonly) {
      this.db.close();
      this.db = null;
    }
    if (!this.db && !this.pending && !existsSync(this.journalPath)) {
      this.pending = startJournal(this.journalPath);
    }
    this.db ??= openJournal(this.pending?.temp ?? this.journalPath, {
      write: true,
      timestamp: this.timestamp(),
      onUpgrade: (from, to) => this.upgrading(from, to),
    });
    return this.db as Db;
  }

  /**
   * The command succeeded: a journal it created becomes the journal, and what
   * it printed meanwhile is shown. Throws (exit 4, nothing written) when
   * another netjournal created the journal while this command ran.
   */
  finishWrites(): void {
    const pending = this.pending;
    if (!pending) return;
    try {
      // Everything into the one file before anyone else can open it (the
      // file stays in WAL mode: the log is empty, and is removed on close).
      this.db?.pragma('wal_checkpoint(TRUNCATE)');
      this.close();
      publishJournal(pending);
    } catch (err) {
      this.held = [];
      throw err;
    } finally {
      this.pending = null;
    }
    this.release();
  }

  /** The journal this command opened for writing, while it is open (sync.auto reads it). */
  openForWrite(): Db | null {
    return this.db && !this.db.readonly && !this.pending ? this.db : null;
  }

  /** The command failed: a journal it was creating is removed (nobody else has seen it). */
  abandonWrites(): void {
    const pending = this.pending;
    if (!pending) return;
    this.close();
    discardJournal(pending);
    this.pending = null;
    this.release();
  }

  private release(): void {
    const held = this.held;
    this.held = [];
    for (const { stream, text } of held) {
      if (stream === 'out') this.io.stdout.write(text);
      else this.io.stderr.write(text);
    }
  }

  /** Data for the user or a script. */
  out(text: string): void {
    if (this.pending) this.held.push({ stream: 'out', text });
    else this.io.stdout.write(text);
  }

  /**
   * A page for a person: on a terminal, wrapped to its width and shown
   * through the pager when taller than the screen; piped, as it is.
   */
  async page(text: string): Promise<void> {
    if (this.pending || !this.term.isTTY) return this.out(text);
    const { showPage } = await import('./show-page.js');
    await showPage(this.io, text, {
      columns: this.term.columns,
      pager: this.globals.pager !== false,
    });
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
    if (this.pending) {
      for (const chunk of chunks) this.out(chunk);
      return;
    }
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
    this.interacted = true;
    return this.io.stderr as NodeJS.WritableStream;
  }

  /** All of standard input, as bytes (for `import -`, which decodes them). */
  readStdin(): Buffer {
    this.interacted = true;
    return readFileSync(0);
  }

  /**
   * Can the command run again from the start, unnoticed? Yes when it printed
   * nothing yet (its output is held while its journal is pending), asked
   * nothing and read no input.
   */
  canRunAgain(): boolean {
    return !this.interacted;
  }

  /** Progress, confirmations and notices: for a person, so wrapped on a terminal. */
  info(text: string): void {
    const { stderr, stdout, env } = this.io;
    const fitted = stderr.isTTY
      ? wrapText(text, terminalColumns(env, stderr.columns ?? stdout.columns))
      : text;
    const line = fitted.endsWith('\n') ? fitted : fitted + '\n';
    if (this.pending) this.held.push({ stream: 'err', text: line });
    else this.io.stderr.write(line);
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}
