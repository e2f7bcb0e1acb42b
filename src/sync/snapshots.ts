import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JournalError } from '../errors.js';
import type { ForeignChange } from '../storage/change-log.js';
import { REPO_FORMAT } from './batches.js';
import { readSealed, writeSealed, type RepoFiles } from './crypt.js';

/**
 * Snapshots for new devices: `snapshots/<device>/<seq>.jsonl[.age]`, the
 * whole change log of the device that wrote it, compacted, with the batches
 * it covers (by device: the newest batch number folded in). A device that
 * joins applies the newest snapshot, then only the batches after it, instead
 * of replaying every batch ever written. Each device keeps its newest one.
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

export interface Snapshot {
  header: SnapshotHeader;
  changes: ForeignChange[];
}

/** A sync writes a snapshot when this many batches are not in the newest one. */
export const SNAPSHOT_AFTER_BATCHES = 100;

const pad = (n: number) => String(n).padStart(6, '0');
const FOLDER = 'snapshots';

function snapshotPath(device: string, seq: number, encrypted: boolean): string {
  return join(FOLDER, device, `${pad(seq)}.jsonl${encrypted ? '.age' : ''}`);
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

/** Every snapshot in the repository: device and number. */
export function snapshotsIn(dir: string): { device: string; seq: number }[] {
  const root = join(dir, FOLDER);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => /^[0-9a-f-]{8,64}$/.test(d))
    .flatMap((device) =>
      readdirSync(join(root, device))
        .map((f) => /^(\d+)\.jsonl(?:\.age)?$/.exec(f)?.[1])
        .filter((n): n is string => n !== undefined)
        .map((n) => ({ device, seq: Number(n) })),
    );
}

/** Write this device's snapshot, removing its older ones; returns the paths to add and remove. */
export async function writeSnapshot(
  dir: string,
  snapshot: Snapshot,
  files: RepoFiles,
): Promise<{ written: string[]; removed: string[] }> {
  const { device, seq } = snapshot.header;
  const { key } = files;
  const removed = snapshotsIn(dir)
    .filter((s) => s.device === device && s.seq !== seq)
    .flatMap((s) => [
      snapshotPath(s.device, s.seq, key !== undefined),
      coversPath(s.device, s.seq),
    ]);
  for (const path of removed) rmSync(join(dir, path), { force: true });
  mkdirSync(join(dir, FOLDER, device), { recursive: true, mode: 0o700 });
  const written = snapshotPath(device, seq, key !== undefined);
  const text =
    [snapshot.header, ...snapshot.changes].map((l) => JSON.stringify(l)).join('\n') + '\n';
  await writeSealed(join(dir, written), text, files);
  const covers = Object.fromEntries(
    Object.entries(snapshot.header.covers).map(([d, c]) => [d, c.seq]),
  );
  writeFileSync(join(dir, coversPath(device, seq)), JSON.stringify(covers) + '\n', {
    mode: 0o600,
  });
  return { written: [written, coversPath(device, seq)], removed };
}

/** Read a snapshot; a damaged one is a journal error naming it. */
export async function readSnapshot(
  dir: string,
  device: string,
  seq: number,
  files: RepoFiles,
): Promise<Snapshot> {
  const { key } = files;
  const path = join(dir, snapshotPath(device, seq, key !== undefined));
  const fail = (why: string) =>
    new JournalError(
      `sync snapshot ${path} is damaged (${why})`,
      'the device that wrote it should run netjournal sync snapshot again; nothing was applied',
    );
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
  if (header.netjournal !== 'sync-snapshot' || header.device !== device || header.seq !== seq)
    throw fail('its first line does not name it');
  if (header.format > REPO_FORMAT)
    throw new JournalError(
      `sync snapshot ${path} was written by a newer netjournal`,
      'upgrade netjournal on this device',
    );
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
