import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunResult } from './run-cli.js';

export const BIN = fileURLToPath(new URL('../../bin/netjournal.cjs', import.meta.url));

/** Run the built bin/netjournal.cjs exactly as a user would, stdin closed, stdout piped. */
export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): RunResult {
  const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...env };
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: clean,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 15_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
}
