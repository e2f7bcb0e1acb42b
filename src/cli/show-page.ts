import { spawn, type SpawnOptionsWithStdioTuple } from 'node:child_process';
import { pagerFor } from '../output/pager.js';
import { wrapText } from '../output/wrap.js';
import type { Io } from './context.js';

// Showing a page on a terminal: wrapped to its width and, when taller than
// the screen, through the pager (output/pager.ts decides). Loaded only when
// stdout is a terminal.

// A command of plain words runs as it is; anything a shell would read
// differently (quotes, $, |, ~) runs through sh -c, as git runs its pager.
const PLAIN_COMMAND = /^[\w./+=:,@%-]+( +[\w./+=:,@%-]+)*$/;

// What sh answers for a command it cannot find or run.
const SHELL_CANNOT_RUN = new Set([126, 127]);

/** The pager's environment: like git, less gets FRX and lv -c unless the user set them. */
function pagerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' };
}

/**
 * Run the pager with text on its stdin and the terminal as its output, and
 * wait for it to end. Resolves false when it could not start (nothing was
 * shown); its exit status is not netjournal's.
 */
export function runPager(command: string, text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) => {
    const shell = !PLAIN_COMMAND.test(command);
    const [file = command, ...args] = command.split(/ +/);
    const options: SpawnOptionsWithStdioTuple<'pipe', 'inherit', 'inherit'> = {
      stdio: ['pipe', 'inherit', 'inherit'],
      env: pagerEnv(env),
    };
    const child = shell ? spawn(command, { ...options, shell: true }) : spawn(file, args, options);
    // Ctrl-C belongs to the pager (less stops a search with it): netjournal
    // waits for the pager to end rather than leave it behind on the terminal.
    const ignoreInterrupt = (): void => undefined;
    process.on('SIGINT', ignoreInterrupt);
    let ended = false;
    const end = (shown: boolean): void => {
      if (ended) return;
      ended = true;
      process.off('SIGINT', ignoreInterrupt);
      resolve(shown);
    };
    child.on('error', () => end(false)); // not found, not executable
    child.on('close', (code) => end(!(shell && code !== null && SHELL_CANNOT_RUN.has(code))));
    // The person quit the pager before the end of the page: that is no error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

/**
 * Show a page on the terminal: every line wrapped at spaces to its width,
 * through the pager when it is taller than the screen (and a pager is
 * wanted), else written directly, as it is when the pager cannot start.
 */
export async function showPage(
  io: Io,
  text: string,
  opts: { columns: number; pager: boolean },
): Promise<void> {
  const page = wrapText(text, opts.columns);
  const command = pagerFor(page, {
    isTTY: io.stdout.isTTY === true,
    rows: io.stdout.rows,
    columns: opts.columns,
    allowed: opts.pager,
    env: io.env,
  });
  if (command !== null && (await runPager(command, page, io.env))) return;
  io.stdout.write(page);
}
