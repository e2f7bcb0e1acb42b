import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { forTerminal } from '../output/sanitize.js';
import type { Context } from './context.js';
import { alreadyExists, writeOutput } from './output-file.js';

/** The options every picture (`intros --format svg|html`, `stats --format html`) takes. */
export interface PictureOutputOptions {
  output?: string;
  force?: boolean;
  open?: boolean;
}

/** The opener of the system's default viewer: `open` on macOS, `xdg-open` elsewhere. */
function openerName(): string {
  return process.platform === 'darwin' ? 'open' : 'xdg-open';
}

/** The opener's path on PATH, or null where there is none (a server, a container). */
function findOpener(env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, openerName());
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Refuse a bad --output before anything is read or drawn; --force and --open apply to pictures. */
export function checkPictureOutput(ctx: Context, opts: PictureOutputOptions): void {
  const output = opts.output;
  if (output === undefined) {
    if (opts.force)
      throw new UsageError('--force needs --output', 'add --output FILE, or drop --force');
    return;
  }
  if (resolve(output) === resolve(ctx.journalPath)) {
    throw new UsageError(`${output} is the journal itself`, 'choose another --output');
  }
  if (!opts.force && existsSync(output)) throw alreadyExists(output);
}

/** The refusal for --output or --open with a format that is not a picture. */
export function refusePictureOptions(opts: PictureOutputOptions, formats: string): void {
  const given = (['output', 'open', 'force'] as const).filter((o) => opts[o] !== undefined);
  if (given.length === 0) return;
  throw new UsageError(
    `--${given[0]} writes a picture and needs --format ${formats}`,
    `add --format ${formats.split('|')[0]}, or drop --${given[0]}`,
  );
}

/**
 * Hand a picture to the user: on stdout, or to --output (0600); with --open
 * (into a new private temp folder when there is no --output) the system's
 * viewer shows it, or one line says there is none.
 */
export function deliverPicture(
  ctx: Context,
  text: string,
  fileName: string,
  opts: PictureOutputOptions,
): void {
  if (opts.output === undefined && !opts.open) {
    ctx.out(text);
    return;
  }
  // mkdtemp makes the folder 0700; the file itself is 0600 like any --output.
  const file = opts.output ?? join(mkdtempSync(join(tmpdir(), 'netjournal-')), fileName);
  writeOutput(file, text, opts.force === true);
  ctx.info(`Wrote ${forTerminal(file)}.`);
  if (!opts.open) return;
  const opener = findOpener(ctx.io.env);
  if (opener === null) {
    ctx.info(`No ${openerName()} here to open it with: open ${forTerminal(file)} in a browser.`);
    return;
  }
  const child = spawn(opener, [resolve(file)], {
    detached: true,
    stdio: 'ignore',
    env: ctx.io.env,
  });
  child.on('error', () => undefined);
  child.unref();
}
