import { closeSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

// `--output FILE` of `export` and the pictures: a file readable by its owner
// only (it holds the journal's names), never half-written.

// A new file, readable by its owner only; removed again if the write fails half-way.
function writeNew(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeFileSync(fd, text);
  } catch (err) {
    closeSync(fd);
    unlinkSync(path);
    throw err;
  }
  closeSync(fd);
}

/**
 * Replace (or make) a file whole: a private temp file beside it
 * (`.NAME.PID.tmp`), renamed over it, so a failed write leaves the old file.
 */
export function replaceWhole(target: string, text: string): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  writeNew(temp, text);
  try {
    renameSync(temp, target);
  } catch (err) {
    unlinkSync(temp);
    throw err;
  }
}

/**
 * Write the export to FILE as a new file; with --force a replacement is
 * written beside it and renamed over it, so a failed write leaves the old
 * file whole.
 */
export function writeOutput(file: string, text: string, force: boolean): void {
  const target = resolve(file);
  try {
    if (!force) return writeNew(target, text);
    replaceWhole(target, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && !force) throw alreadyExists(file);
    const why =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (err as Error).message;
    throw new UsageError(`cannot write ${file}: ${why}`, 'choose another --output');
  }
}

/** The refusal for an --output file that exists without --force. */
export function alreadyExists(file: string): UsageError {
  return new UsageError(
    `${file} already exists`,
    'add --force to replace it, or choose another --output',
  );
}
