import { isatty } from 'node:tty';
import type { Command } from 'commander';
import { terminalColumns } from '../output/terminal.js';
import type { Io } from './context.js';
import { reportError } from './errors.js';
import {
  buildProgram,
  commandPath,
  helpArgv,
  withoutHelpForUnknown,
  type HelpOutput,
} from './program.js';

/** Run netjournal with argv (without node and script); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  let program: Command | undefined;
  // On a terminal the help is a page (wrapped, paged when tall): commander's
  // text is kept until it is done. Piped, it is written as commander writes it.
  const tty = io.stdout.isTTY === true;
  let helpText = '';
  // Bare `netjournal`: today's one-line summary on a terminal, the help otherwise.
  const args = argv.length ? helpArgv(argv) : tty ? ['today', '--summary'] : ['--help'];
  const help: HelpOutput = {
    width: tty ? terminalColumns(io.env, io.stdout.columns) : undefined,
    write: tty ? (s) => (helpText += s) : (s) => io.stdout.write(s),
  };
  try {
    program = await buildProgram({ io, setExitCode: (code) => (exitCode = code) }, args, help);
    await program.parseAsync(withoutHelpForUnknown(program, args), { from: 'user' });
  } catch (err) {
    const width = io.stderr.isTTY
      ? terminalColumns(io.env, io.stderr.columns ?? io.stdout.columns)
      : undefined;
    // A usage error commander found points at the help of the command it was in.
    const usage = program && commandPath(program, args);
    exitCode = reportError(err, io.stderr, io.env.NETJOURNAL_DEBUG === '1', width, usage);
  }
  if (helpText) {
    const { showPage } = await import('./show-page.js');
    const pager = program?.opts<{ pager?: boolean }>().pager !== false;
    await showPage(io, helpText, { columns: help.width ?? 80, pager });
  }
  return exitCode;
}

/** The process entry point: the only place that sets the exit code or exits. */
export async function main(): Promise<void> {
  // `netjournal … | head -1`: a closed pipe ends the run quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  // Messages on stderr are for a person: when nobody reads them any more, a
  // write that has committed still exits 0 (scripts must not retry it).
  process.stderr.on('error', () => undefined);
  const io: Io = {
    stdout: process.stdout,
    stderr: process.stderr,
    // Only whether it is a terminal: touching process.stdin opens a handle that
    // keeps the process alive a little longer after every command.
    stdin: { isTTY: isatty(0) },
    env: process.env,
  };
  process.exitCode = await run(process.argv.slice(2), io);
}
