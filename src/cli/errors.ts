import { CommanderError } from 'commander';
import { NetjournalError } from '../errors.js';
import { forTerminal } from '../output/sanitize.js';
import { wrapText } from '../output/wrap.js';

export const EXIT = {
  ok: 0,
  attention: 1,
  usage: 2,
  notFound: 3,
  journal: 4,
  internal: 70,
} as const;

/** The one line an error prints: `netjournal: <what went wrong> — <what to do>`. */
export function errorLine(message: string, hint?: string): string {
  const text = hint ? `${message} — ${hint}` : message;
  return `netjournal: ${forTerminal(text)}\n`;
}

/**
 * Turn commander's "error: …\n(Did you mean …?)" into our one line, pointing
 * at the help of the command it happened in (command: "contact show").
 */
function commanderLine(err: CommanderError, command?: string): string {
  if (err.code === 'commander.help' && command) {
    // A command group run without one of its commands (`netjournal contact`).
    return errorLine(`which ${command} command?`, `see 'netjournal ${command} --help'`);
  }
  const [first = err.message, ...rest] = err.message.split('\n');
  const what = first.replace(/^error:\s*/, '');
  const suggestion = rest.join(' ').match(/\(Did you mean (.+)\?\)/);
  const hint = suggestion
    ? `did you mean ${suggestion[1]}?`
    : command
      ? `see 'netjournal ${command} --help'`
      : "run 'netjournal --help' for the commands and their options";
  return errorLine(what, hint);
}

/**
 * Map any thrown value to an exit code, writing its message to stderr: one
 * line, wrapped at spaces to the terminal's width when stderr is one (width).
 * A stack trace (debug) is written as it is. command names the command a
 * usage error of commander's happened in, whose help it points at.
 */
export function reportError(
  err: unknown,
  stderr: { write(s: string): unknown },
  debug: boolean,
  width?: number,
  command?: string,
): number {
  const say = (line: string): unknown =>
    stderr.write(width === undefined ? line : wrapText(line, width));
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) return EXIT.ok; // --help, --version
    say(commanderLine(err, command));
    return EXIT.usage;
  }
  if (err instanceof NetjournalError) {
    say(errorLine(err.message, err.hint));
    if (debug && err.stack) stderr.write(err.stack + '\n');
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  say(
    errorLine(
      `internal error: ${message}`,
      'please report it; run with NETJOURNAL_DEBUG=1 for details',
    ),
  );
  if (debug && err instanceof Error && err.stack) stderr.write(err.stack + '\n');
  return EXIT.internal;
}
