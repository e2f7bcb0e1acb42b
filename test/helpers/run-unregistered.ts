import type { Command } from 'commander';
import type { CommandHost } from '../../src/cli/command.js';
import { reportError } from '../../src/cli/errors.js';
import { buildProgram } from '../../src/cli/program.js';
import type { RunResult } from './run-cli.js';

/**
 * Run netjournal in-process like runCli, registering a command first if the
 * program does not have it yet (so a command's tests pass before and after it
 * is added to src/cli/commands/index.ts).
 */
export async function runWithCommand(
  name: string,
  register: (program: Command, host: CommandHost) => unknown,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false, columns: 80 },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: { isTTY: false },
    env: { ...env },
  };
  const host: CommandHost = { io, setExitCode: (code) => (exitCode = code) };
  const program = await buildProgram(host, args);
  if (!program.commands.some((c) => c.name() === name)) register(program, host);
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (err) {
    exitCode = reportError(err, io.stderr, false);
  }
  return { stdout, stderr, code: exitCode };
}
