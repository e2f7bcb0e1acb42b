import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JournalError } from '../errors.js';
import { isRunning } from '../process-alive.js';
import type { ForeignChange } from '../storage/change-log.js';
import type { Db } from '../storage/journal.js';
import {
  checkSnapshotFile,
  snapshotFileHeader,
  writeSnapshotFile,
} from '../storage/snapshot-file.js';
import { openSqlite } from '../storage/sqlite.js';
import { snapshotChanges } from '../storage/sync-snapshot.js';
import { REPO_FORMAT } from './batches.js';
import {
  readSealed,
  readSealedBytes,
  writeSealed,
  writeSealedBytes,
  type RepoFiles,
} from './crypt.js';

/**
 * Snapshots for new devices: the whole change log of the device that wrote
 * it, compacted, with the batches it covers (by device: the newest batch
 * number folded in). A device that joins applies the newest snapshot, then
 * only the batches after it, instead of replaying every batch ever written.
 * Each device keeps its newest one. Two kinds: in a readable repository
 * `snapshots/<device>/<seq>.jsonl` (a header line, then a change a line); in
 * an encrypted one `<seq>.db.age`, an SQLite file that also holds the
 * records the changes fold to (storage/snapshot-file.ts), which a device
 * joining with an empty journal takes whole. (Builds before it wrote
 * `<seq>.jsonl.age`, which is still read; they do not see `.db.age` files
 * and join from the batches instead.)
 */

export interface SnapshotHeader {
  netjournal: 'sync-snapshot';
  format: number;
  device: string;
  seq: number;
  /** Per device id: its name and the newest of its batches the snapshot holds. */
  covers: Record<string, { name: string; seq: number }>;
  /** The newest clock of each device's changes it holds (as a batch's `seen`). */
  seen: Record<string, string>;
}

/** A snapshot as read: its changes, or the SQLite file (in the sync folder) that holds them. */
export type Snapshot =
  | { header: SnapshotHeader; changes: ForeignChange[] }
  | { header: SnapshotHeader; file: string; dispose: () => void };

export type SnapshotKind = 'jsonl' | 'db';

/** A sync writes a snapshot when this many batches are not in the newest one. */
export const SNAPSHOT_AFTER_BATCHES = 100;

const pad = (n: number) => String(n).padStart(6, '0');
const FOLDER = 'snapshots';

function snapshotPath(device: string, seq: number, kind: SnapshotKind, encrypted: boolean): string {
  return join(FOLDER, device, `${pad(seq)}.${kind}${encrypted ? '.age' : ''}`);
}

/**
 * Beside each snapshot, readable even when the repository is encrypted,
 * what it covers by device id and batch number (what the file names tell
 * anyway): deciding which snapshot is newest, or whether one is due, reads
 * these small files rather than decrypting snapshots.
 */
function coversPath(device: string, seq: number): string {
  return join(FOLDER, device, `${pad(seq)}.covers.json`);
}

/** A snapshot's batches covered, by device id, from its covers file. */
export function coversOf(dir: string, device: string, seq: number): Record<string, number> {
  try {
    return JSON.parse(readFileSync(join(dir, coversPath(device, seq)), 'utf8')) as Record<
      string,
      number
    >;
  } catch {
    return {};
  }
}

/** Every snapshot in the repository: device, number and kind (SQLite files first). */
export function snapshotsIn(dir: string): { device: string; seq: number; kind: SnapshotKind }[] {
  const root = join(dir, FOLDER);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => /^[0-9a-f-]{8,64}$/.test(d))
    .flatMap((device) =>
      readdirSync(join(root, device)).flatMap((f) => {
        const found = /^(\d+)\.(jsonl(?:\.age)?|db\.age)$/.exec(f);
        if (!found) return [];
        const kind: SnapshotKind = found[2] === 'db.age' ? 'db' : 'jsonl';
        return [{ device, seq: Number(found[1]), kind }];
      }),
    )
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'db' ? -1 : 1));
}

/**
 * Write this device's snapshot of db's journal, removing its older ones;
 * returns the paths to add and remove. Call outside a transaction.
 */
export async function writeSnapshot(
  dir: string,
  header: SnapshotHeader,
  db: Db,
  files: RepoFiles,
): Promise<{ written: string[]; removed: string[] }> {
  const { device, seq } = header;
  const { key } = files;
  const kind: SnapshotKind = key === undefined ? 'jsonl' : 'db';
  const removed = snapshotsIn(dir)
    .filter((s) => s.device === device && !(s.seq === seq && s.kind === kind))
    .flatMap((s) => [
      snapshotPath(s.device, s.seq, s.kind, key !== undefined),
      ...(s.seq === seq ? [] : [coversPath(s.device, s.seq)]),
    ]);
  for (const path of removed) rmSync(join(dir, path), { force: true });
  mkdirSync(join(dir, FOLDER, device), { recursive: true, mode: 0o700 });
  const written = snapshotPath(device, seq, kind, key !== undefined);
  if (key === undefined) {
    const text = [header, ...snapshotChanges(db)].map((l) => JSON.stringify(l)).join('\n') + '\n';
    await writeSealed(join(dir, written), text, files);
  } else {
    const temp = tempFile(dir);
    try {
      writeSnapshotFile(db, temp, header);
      await writeSealedBytes(join(dir, written), readFileSync(temp), key);
    } finally {
      rmSync(temp, { force: true });
    }
  }
  const covers = Object.fromEntries(Object.entries(header.covers).map(([d, c]) => [d, c.seq]));
  writeFileSync(join(dir, coversPath(device, seq)), JSON.stringify(covers) + '\n', {
    mode: 0o600,
  });
  return { written: [written, coversPath(device, seq)], removed };
}

const TEMP_PREFIX = 'netjournal-snapshot-';
/** A temp file of ours, and SQLite's files beside it, with the process id that made it. */
const TEMP_FILE = new RegExp(`^${TEMP_PREFIX}(\\d+)\\.db(?:-journal|-wal|-shm)?$`);

/**
 * A private file for a snapshot's SQLite form, in the sync folder's .git
 * (never committed); files that a killed run left there go first.
 */
function tempFile(dir: string): string {
  const folder = resolve(dir, '.git');
  for (const f of readdirSync(folder)) {
    const pid = TEMP_FILE.exec(f)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid)))
      rmSync(join(folder, f), { force: true });
  }
  const path = join(folder, `${TEMP_PREFIX}${process.pid}.db`);
  // Empty (SQLite's empty database) and private: the journal's connection,
  // opened without the right to create files, attaches it to write it.
  writeFileSync(path, '', { mode: 0o600 });
  return path;
}

/** Read a snapshot; a damaged one is a journal error naming it. */
export async function readSnapshot(
  dir: string,
  snapshot: { device: string; seq: number; kind: SnapshotKind },
  files: RepoFiles,
): Promise<Snapshot> {
  const { device, seq, kind } = snapshot;
  const { key } = files;
  const path = join(dir, snapshotPath(device, seq, kind, key !== undefined));
  const fail = (why: string) =>
    new JournalError(
      `sync snapshot ${path} is damaged (${why})`,
      'the device that wrote it should run netjournal sync snapshot again; nothing was applied',
    );
  const check = (header: SnapshotHeader) => {
    if (header.netjournal !== 'sync-snapshot' || header.device !== device || header.seq !== seq)
      throw fail(kind === 'db' ? 'its header does not name it' : 'its first line does not name it');
    if (header.format > REPO_FORMAT)
      throw new JournalError(
        `sync snapshot ${path} was written by a newer netjournal`,
        'upgrade netjournal on this device',
      );
  };
  if (kind === 'db') {
    if (key === undefined) throw fail('an SQLite snapshot in a repository without a key');
    let bytes: Buffer;
    try {
      bytes = await readSealedBytes(path, key);
    } catch {
      throw fail('the repository key does not open it');
    }
    const file = tempFile(dir);
    const dispose = () => rmSync(file, { force: true });
    try {
      writeFileSync(file, bytes);
      let header: SnapshotHeader;
      try {
        const db = openSqlite(file, { readonly: true, fileMustExist: true });
        try {
          header = snapshotFileHeader(db, 'main') as SnapshotHeader;
          checkSnapshotFile(db, 'main');
        } finally {
          db.close();
        }
      } catch {
        throw fail('not an SQLite snapshot');
      }
      check(header);
      return { header, file, dispose };
    } catch (err) {
      dispose();
      throw err;
    }
  }
  let text: string;
  try {
    text = await readSealed(path, files);
  } catch {
    throw fail(key === undefined ? 'unreadable' : 'the repository key does not open it');
  }
  const lines = text.split('\n').filter((l) => l !== '');
  let header: SnapshotHeader;
  let changes: ForeignChange[];
  try {
    header = JSON.parse(lines[0] ?? '') as SnapshotHeader;
    changes = lines.slice(1).map((l) => JSON.parse(l) as ForeignChange);
  } catch {
    throw fail('not JSON lines');
  }
  check(header);
  return { header, changes };
}

/** How many batches (by device) are newer than what a snapshot covers. */
export function batchesAfter(
  batches: Map<string, number[]>,
  covers: Record<string, number> | undefined,
): number {
  let n = 0;
  for (const [device, numbers] of batches)
    n += numbers.filter((s) => s > (covers?.[device] ?? 0)).length;
  return n;
}
