import { writeTransaction, type Db } from '../storage/journal.js';
import { adoptSnapshot, canAdoptSnapshot, snapshotFileChanges } from '../storage/snapshot-file.js';
import { applyIncoming, type AppliedChanges } from '../storage/sync-apply.js';
import { markApplied, seenClocks, syncDevices, type SyncSettings } from '../storage/sync-state.js';
import { batchDevices, batchNumbers } from './batches.js';
import type { RepoFiles } from './crypt.js';
import { git, type GitPlace } from './git.js';
import {
  batchesAfter,
  coversOf,
  readSnapshot,
  SNAPSHOT_AFTER_BATCHES,
  snapshotsIn,
  writeSnapshot,
  type SnapshotHeader,
  type SnapshotKind,
} from './snapshots.js';

/**
 * Snapshots in a sync: a device that has applied nothing yet starts from the
 * newest snapshot another device wrote (one transaction, recorded with the
 * batches it covers, so a sync killed meanwhile left nothing half done);
 * a sync writes one of its own when the batches since the newest snapshot
 * reach SNAPSHOT_AFTER_BATCHES (or when asked: `sync snapshot`).
 */

/** The newest snapshot in the repository: the one that covers the most batches. */
function newest(
  dir: string,
): { device: string; seq: number; kind: SnapshotKind; covers: Record<string, number> } | undefined {
  let best:
    { device: string; seq: number; kind: SnapshotKind; covers: Record<string, number> } | undefined;
  let bestCount = -1;
  for (const s of snapshotsIn(dir)) {
    const covers = coversOf(dir, s.device, s.seq);
    const count = Object.values(covers).reduce((n, c) => n + c, 0);
    if (count > bestCount) [best, bestCount] = [{ ...s, covers }, count];
  }
  return best;
}

/**
 * On a device that has applied no other device's batch yet: apply the newest
 * snapshot; returns the changes applied by the name it is shown under.
 */
export async function applySnapshotIfNew(
  db: Db,
  dir: string,
  own: string,
  at: string,
  files: RepoFiles,
): Promise<{ name: string; count: number } | undefined> {
  if (syncDevices(db).some((d) => d.device !== own && d.applied > 0)) return undefined;
  const best = newest(dir);
  if (!best || best.device === own) return undefined;
  const snapshot = await readSnapshot(dir, best, files);
  const { header } = snapshot;
  const sender = { device: header.device, seen: header.seen };
  const markCovered = () => {
    for (const [device, c] of Object.entries(header.covers))
      if (device !== own) markApplied(db, device, c.name, c.seq);
  };
  let applied: AppliedChanges;
  if ('changes' in snapshot) {
    applied = writeTransaction(
      db,
      'sync',
      () => {
        const result = applyIncoming(db, own, [{ ...sender, changes: snapshot.changes }], at);
        markCovered();
        return result;
      },
      { undoable: false },
    );
  } else {
    // A device with nothing of its own takes the file's records whole.
    db.prepare('ATTACH ? AS sync_snapshot').run(snapshot.file);
    try {
      applied = writeTransaction(
        db,
        'sync',
        () => {
          const result = canAdoptSnapshot(db, 'sync_snapshot')
            ? adoptSnapshot(db, 'sync_snapshot', own, sender, at)
            : applyIncoming(
                db,
                own,
                [{ ...sender, changes: snapshotFileChanges(db, 'sync_snapshot') }],
                at,
              );
          markCovered();
          return result;
        },
        { undoable: false },
      );
    } finally {
      db.exec('DETACH sync_snapshot');
      snapshot.dispose();
    }
  }
  const count = [...applied.applied.values()].reduce((a, b) => a + b, 0);
  const name = header.covers[header.device]?.name ?? header.device;
  return { name: `${name}'s snapshot`, count };
}

/** Write and commit this device's snapshot when it is due (or forced); true when written. */
export async function snapshotIfDue(
  db: Db,
  place: GitPlace,
  own: string,
  settings: SyncSettings,
  files: RepoFiles,
  force: boolean,
): Promise<boolean> {
  const dir = place.dir;
  if (!force) {
    const batches = new Map(batchDevices(dir).map((d) => [d, batchNumbers(dir, d)]));
    if (batchesAfter(batches, newest(dir)?.covers) < SNAPSHOT_AFTER_BATCHES) return false;
  }
  const covers: SnapshotHeader['covers'] = {};
  for (const d of syncDevices(db)) covers[d.device] = { name: d.name, seq: d.applied };
  const seq = batchNumbers(dir, own).at(-1) ?? 0;
  covers[own] = { name: settings.name, seq };
  const { written, removed } = await writeSnapshot(
    dir,
    {
      netjournal: 'sync-snapshot',
      format: files.format,
      device: own,
      seq,
      covers,
      seen: seenClocks(db),
    },
    db,
    files,
  );
  if (removed.length > 0) git(place, ['rm', '-q', '--cached', '--ignore-unmatch', ...removed]);
  git(place, ['add', ...written]);
  git(place, ['commit', '-q', '-m', `${settings.name}: snapshot`]);
  return true;
}
