import { isatty } from 'node:tty';
import type { Io } from './context.js';
import { reportError } from './errors.js';
import { buildProgram } from './program.js';

/** Run netjournal with argv (without node and script); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  try {
    // Bare `netjournal`: today's one-line summary on a terminal, the help otherwise.
    const args = argv.length ? [...argv] : io.stdout.isTTY ? ['today', '--summary'] : ['--help'];
    const program = await buildProgram({ io, setExitCode: (code) => (exitCode = code) }, args);
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (err) {
    return reportError(err, io.stderr, io.env.NETJOURNAL_DEBUG === '1');
  }
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
