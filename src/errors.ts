/**
 * Typed errors thrown anywhere below the CLI layer. Each carries a message
 * (what went wrong) and a hint (what to do); src/cli/errors.ts turns them
 * into one line on stderr and an exit code.
 */
export abstract class NetjournalError extends Error {
  abstract readonly exitCode: number;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input on the command line: exit 2. */
export class UsageError extends NetjournalError {
  readonly exitCode = 2;
}

/** A contact or record that does not exist: exit 3. */
export class NotFoundError extends NetjournalError {
  readonly exitCode = 3;
}

/** A name that matches several contacts: exit 3. */
export class AmbiguousError extends NetjournalError {
  readonly exitCode = 3;
}

/** The journal file cannot be used (locked, corrupt, newer, unwritable): exit 4. */
export class JournalError extends NetjournalError {
  readonly exitCode = 4;
}

/** The user interrupted a prompt (Ctrl-C): exit 130, nothing written. */
export class InterruptedError extends NetjournalError {
  readonly exitCode = 130;
}
