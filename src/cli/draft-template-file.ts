import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants } from 'node:fs';
import { join } from 'node:path';
import type { DraftKind } from '../domain/drafts.js';
import { UsageError } from '../errors.js';
import { templatesFolder } from '../storage/paths.js';

// A template is a short text: anything longer is not one.
const MAX_BYTES = 64 * 1024;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The file a kind's template is read from: thank-you.txt, report-back.txt, waiting.txt… */
export function templateFile(env: NodeJS.ProcessEnv, kind: DraftKind): string {
  return join(templatesFolder(env), `${kind.replace('_', '-')}.txt`);
}

/**
 * The user's template for a kind, or null when there is none. Opened without
 * blocking and read only when it is a regular file (a FIFO or a device would
 * otherwise hang or never end); anything unreadable is exit 2 naming it.
 */
export function readUserTemplate(
  env: NodeJS.ProcessEnv,
  kind: DraftKind,
): { text: string; file: string } | null {
  const file = templateFile(env, kind);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new UsageError(`cannot read the template ${file} (${code})`, 'fix or remove it');
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      throw new UsageError(
        `the template ${file} is not a file`,
        'remove it, or make it a text file',
      );
    }
    if (stat.size > MAX_BYTES) {
      throw new UsageError(
        `the template ${file} is ${stat.size} bytes`,
        `a template is a short text (at most ${MAX_BYTES} bytes)`,
      );
    }
    const buffer = Buffer.alloc(stat.size);
    const read = readSync(fd, buffer, 0, stat.size, 0);
    try {
      return { text: UTF8.decode(buffer.subarray(0, read)), file };
    } catch {
      throw new UsageError(`the template ${file} is not UTF-8 text`, 'save it as UTF-8');
    }
  } finally {
    closeSync(fd);
  }
}
