import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import {
  hasOwnMarker,
  isOwnVdirName,
  type VdirItem,
  type VdirKind,
} from '../interop/export/vdir.js';
import { forTerminal } from '../output/sanitize.js';
import { isRunning } from '../process-alive.js';
import { replaceWhole } from './output-file.js';

// `export --vdir DIR`: bring a vdir folder in line with the journal. Each
// file is written beside its place and renamed over it, so a reader (khal,
// vdirsyncer) never sees half a file; a file whose bytes would not change is
// not touched, so its mtime stays and vdirsyncer uploads nothing for it.

/** What one vdir export did, for its summary line. */
export interface VdirCounts {
  written: number;
  unchanged: number;
  removed: number;
}

/**
 * The names netjournal wrote into the folder last time, one a line. Readers
 * list only files ending in .ics or .vcf, so they never see it. It lets a
 * file netjournal wrote be removed even after a phone rewrote it (with its
 * own PRODID) and vdirsyncer brought that version down.
 */
const MANIFEST: Record<VdirKind, string> = { ics: '.netjournal-ics', vcf: '.netjournal-vcf' };

// A write in progress: `.<name>.<pid>.tmp`, hidden from readers like the manifest.
const TEMP = /^\.(.+)\.(\d+)\.tmp$/;

function cannotWrite(dir: string, err: unknown): UsageError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'a folder is in the way of one of its files'
        : code === 'ENOTDIR'
          ? 'a file is in the way of one of its folders'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : (err as Error).message;
  return new UsageError(
    `cannot write the vdir ${forTerminal(dir)}: ${why}`,
    'choose another --vdir',
  );
}

/** The folder, created (0700, with its parents) when missing; refused when it is something else. */
function ensureFolder(dir: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(dir, err);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return;
  }
  if (!isFolder) {
    throw new UsageError(
      `${forTerminal(dir)} is not a folder`,
      'give --vdir the path of a folder (it is created if missing)',
    );
  }
}

/** A regular file's text, or null for anything else (a FIFO must never be opened). */
function regularText(path: string): string | null {
  try {
    return lstatSync(path).isFile() ? readFileSync(path, 'utf8') : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Make DIR hold exactly `items` among the files netjournal owns there:
 * new and changed ones written, unchanged ones left as they are, and owned
 * files that are no longer items (done, dropped, deleted) removed. A file is
 * owned when its name is a stable id with this kind's extension and either
 * netjournal listed it last time or it carries netjournal's PRODID; nothing
 * else in DIR is ever touched.
 */
export function writeVdir(dir: string, kind: VdirKind, items: readonly VdirItem[]): VdirCounts {
  const counts: VdirCounts = { written: 0, unchanged: 0, removed: 0 };
  ensureFolder(dir);
  try {
    const present = readdirSync(dir);
    const listed = new Set((regularText(join(dir, MANIFEST[kind])) ?? '').split('\n'));
    const wanted = new Set(items.map((item) => item.name));
    for (const name of present) {
      // A temp file of an export that was killed half-way: its own kind, its process gone.
      const temp = TEMP.exec(name);
      if (temp && isOwnVdirName(kind, temp[1] ?? '') && !isRunning(Number(temp[2]))) {
        unlinkSync(join(dir, name));
      }
    }
    for (const item of items) {
      if (regularText(join(dir, item.name)) === item.text) counts.unchanged++;
      else {
        replaceWhole(join(dir, item.name), item.text);
        counts.written++;
      }
    }
    for (const name of present) {
      if (!isOwnVdirName(kind, name) || wanted.has(name)) continue;
      const path = join(dir, name);
      if (listed.has(name) || hasOwnMarker(regularText(path) ?? '')) {
        unlinkSync(path);
        counts.removed++;
      }
    }
    const manifest = [...wanted].sort().join('\n');
    if (regularText(join(dir, MANIFEST[kind])) !== manifest) {
      replaceWhole(join(dir, MANIFEST[kind]), manifest);
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw cannotWrite(dir, err);
  }
  return counts;
}
