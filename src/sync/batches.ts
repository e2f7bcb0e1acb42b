import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JournalError } from '../errors.js';
import { RECORD_TYPES } from '../model/field.js';
import type { ForeignChange } from '../storage/change-log.js';
import { readSealed, writeSealed, type RepoFiles } from './crypt.js';

/**
 * The sync repository's files. Each device writes only its own:
 * `changes/<device id>/<sequence>.jsonl`, one new file per sync holding the
 * changes that device made since its previous batch, so git never has two
 * devices' edits to one file to merge. A batch's first line says whose it
 * is and up to which clock that device had seen every other device's
 * changes when it wrote the batch (what sync's conflict check needs); each
 * following line is one change-log entry.
 * `netjournal-sync.json` at the top says which format the repository holds
 * and whether it is encrypted; in an encrypted one each batch is
 * `<sequence>.jsonl.age`, encrypted to the repository's key (crypt.ts).
 */

/** The repository format this version writes and reads. */
export const REPO_FORMAT = 2;
export const MARKER = 'netjournal-sync.json';

export interface BatchHeader {
  netjournal: 'sync-batch';
  format: number;
  device: string;
  name: string;
  seq: number;
  seen: Record<string, string>;
}

export interface Batch {
  header: BatchHeader;
  changes: ForeignChange[];
}

/** The marker of a new sync repository. */
export function markerText(encrypted: boolean): string {
  return JSON.stringify({ netjournal: 'sync', format: REPO_FORMAT, encrypted }) + '\n';
}

/** What a repository's marker says this version needs to know. */
export interface Marker {
  encrypted: boolean;
  /** The format it was made with: files are written in it (an older device still reads them). */
  format: number;
}

/** Check that a cloned repository is one this version can sync with; what its marker says. */
export function checkMarker(dir: string, remote: string): Marker {
  const path = join(dir, MARKER);
  let marker: { netjournal?: string; format?: number; encrypted?: boolean };
  try {
    marker = JSON.parse(readFileSync(path, 'utf8')) as typeof marker;
  } catch {
    throw new JournalError(
      `${remote} is not a netjournal sync repository`,
      'give an empty repository, or one another device set up with netjournal sync init',
    );
  }
  if (marker.netjournal !== 'sync' || typeof marker.format !== 'number')
    throw new JournalError(
      `${remote} is not a netjournal sync repository`,
      'give an empty repository, or one another device set up with netjournal sync init',
    );
  if (marker.format > REPO_FORMAT)
    throw new JournalError(
      `${remote} was written by a newer netjournal (sync format ${marker.format})`,
      'upgrade netjournal on this device',
    );
  return { encrypted: marker.encrypted === true, format: marker.format };
}

const pad = (n: number) => String(n).padStart(6, '0');

/** The batch numbers a device has written, in order. */
export function batchNumbers(dir: string, device: string): number[] {
  const folder = join(dir, 'changes', device);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((f) => /^(\d+)\.jsonl(?:\.age)?$/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The devices with a batch folder, by id. */
export function batchDevices(dir: string): string[] {
  const folder = join(dir, 'changes');
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((d) => /^[0-9a-f-]{8,64}$/.test(d));
}

/** The path of a batch, relative to the repository (`.age` when encrypted). */
function batchPath(device: string, seq: number, encrypted: boolean): string {
  return join('changes', device, `${pad(seq)}.jsonl${encrypted ? '.age' : ''}`);
}

/**
 * Write this device's next batch, encrypted to key when the repository is;
 * returns its path relative to the repository.
 */
export async function writeBatch(dir: string, batch: Batch, files: RepoFiles): Promise<string> {
  const relative = batchPath(batch.header.device, batch.header.seq, files.key !== undefined);
  mkdirSync(join(dir, 'changes', batch.header.device), { recursive: true, mode: 0o700 });
  const lines = [batch.header, ...batch.changes.map(({ device: _, ...c }) => c)];
  const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  await writeSealed(join(dir, relative), text, files);
  return relative;
}

/** Read one batch file; a damaged one is a journal error naming it. */
export async function readBatch(
  dir: string,
  device: string,
  seq: number,
  files: RepoFiles,
): Promise<Batch> {
  const { key } = files;
  const path = join(dir, batchPath(device, seq, key !== undefined));
  const fail = (why: string) =>
    new JournalError(
      `sync batch ${path} is damaged (${why})`,
      'the device that wrote it should run netjournal sync again; nothing was applied',
    );
  if (!existsSync(path))
    throw fail(key === undefined ? 'it is encrypted in a readable repository' : 'not encrypted');
  let text: string;
  try {
    text = await readSealed(path, files);
  } catch {
    throw fail(key === undefined ? 'unreadable' : 'the repository key does not open it');
  }
  const lines = text.split('\n').filter((l) => l !== '');
  let header: BatchHeader;
  const changes: ForeignChange[] = [];
  try {
    header = JSON.parse(lines[0] ?? '') as BatchHeader;
    for (const line of lines.slice(1)) {
      const c = JSON.parse(line) as Omit<ForeignChange, 'device'>;
      changes.push({ ...c, device });
    }
  } catch {
    throw fail('not JSON lines');
  }
  if (header.netjournal !== 'sync-batch' || header.device !== device || header.seq !== seq)
    throw fail('its first line does not name it');
  if (header.format > REPO_FORMAT)
    throw new JournalError(
      `sync batch ${path} was written by a newer netjournal`,
      'upgrade netjournal on this device',
    );
  for (const c of changes)
    if (
      typeof c.hlc !== 'string' ||
      typeof c.uid !== 'string' ||
      !(RECORD_TYPES as readonly string[]).includes(c.record) ||
      !['insert', 'update', 'delete'].includes(c.op)
    )
      throw fail('a change without its clock, a known record type or an operation');
  return { header, changes };
}
