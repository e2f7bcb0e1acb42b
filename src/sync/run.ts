import { pause } from '../pause.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { JournalError, UsageError } from '../errors.js';
import { writeTransaction, type Db } from '../storage/journal.js';
import { applyIncoming, type FoundConflict, type IncomingChanges } from '../storage/sync-apply.js';
import {
  deviceId,
  markApplied,
  markPushed,
  markSynced,
  seenClocks,
  syncDevices,
  syncSettings,
  unpushedChanges,
  type SyncSettings,
} from '../storage/sync-state.js';
import { batchDevices, batchNumbers, checkMarker, readBatch, writeBatch } from './batches.js';
import { localKey, type RepoFiles } from './crypt.js';
import { git, GitFailed, pushRefusal, unreachable, type GitPlace } from './git.js';
import { withSyncLock } from './lock.js';
import { applySnapshotIfNew, snapshotIfDue } from './snapshot-run.js';

/**
 * `sync`: the sync repository (a git clone beside the
 * journal) and the order of the steps, so that a sync stopped at any point
 * leaves the journal before or after the changes it applies, and the next
 * sync finishes the job: this device's batch is written and committed
 * before anything is applied; incoming batches are applied, and recorded as
 * applied, in one transaction; the push comes last and is retried when
 * another device pushed first.
 */

/** The sync repository of a journal: `sync/` in the journal's folder. */
export function syncFolder(journalPath: string): string {
  return join(dirname(journalPath), 'sync');
}

/** What one sync did. */
export interface SyncSummary {
  device: string;
  /** Changes applied here, by the name of the device that made them. */
  in: Record<string, number>;
  /** This device's changes sent. */
  out: number;
  conflicts: FoundConflict[];
  /** A snapshot for new devices was written (and sent). */
  snapshot?: boolean;
}

export interface SyncRun {
  db: Db;
  journalPath: string;
  env: NodeJS.ProcessEnv;
  /** The time recorded as the last sync and on conflicts. */
  at: string;
}

export const BRANCH = 'main';

/** The settings of a journal that has sync set up, else a usage error. */
export function requireSync(db: Db | null): SyncSettings {
  const settings = db ? syncSettings(db) : undefined;
  if (!settings)
    throw new UsageError(
      'sync is not set up for this journal',
      'run netjournal sync init REMOTE (REMOTE: a git URL or a bare repository path)',
    );
  return settings;
}

/** Send this device's changes, apply the others', push; retried when another device pushed first. */
export async function runSync(
  run: SyncRun,
  options: { snapshot?: boolean } = {},
): Promise<SyncSummary> {
  const settings = requireSync(run.db);
  const dir = syncFolder(run.journalPath);
  if (!existsSync(join(dir, '.git')))
    throw new JournalError(
      `the sync folder ${dir} is missing`,
      `run netjournal sync init ${settings.remote} to make it again (nothing is lost)`,
    );
  const place: GitPlace = { dir, env: run.env };
  const { encrypted, format } = checkMarker(dir, settings.remote);
  const key = encrypted ? localKey(dir) : undefined;
  if (encrypted && key === undefined)
    throw new JournalError(
      `the sync folder ${dir} has lost its key`,
      `run netjournal sync init ${settings.remote} again (it asks for the passphrase; nothing is lost)`,
    );
  try {
    return await withSyncLock(dir, run.env, () =>
      syncIn(run, place, settings, { format, key }, options.snapshot === true),
    );
  } catch (err) {
    // A step of git's own that failed in the sync folder (not the remote: that is said above).
    if (err instanceof GitFailed)
      throw new JournalError(
        `git failed in the sync folder ${dir}: ${err.detail}`,
        `run netjournal sync again; if it keeps failing, move ${dir} away and run netjournal sync init ${settings.remote}`,
      );
    throw err;
  }
}

async function syncIn(
  run: SyncRun,
  place: GitPlace,
  settings: SyncSettings,
  files: RepoFiles,
  forceSnapshot: boolean,
): Promise<SyncSummary> {
  const dir = place.dir;
  const own = deviceId(run.db);
  const out = await commitOwnBatch(run.db, place, own, settings, files);
  const summary: SyncSummary = { device: settings.name, in: {}, out, conflicts: [] };
  let snapshotChecked = false;
  for (let attempt = 1; ; attempt++) {
    try {
      git(place, ['fetch', '-q', 'origin']);
    } catch (err) {
      throw unreachable(
        settings.remote,
        err,
        'the journal is unchanged and usable; run netjournal sync again later',
      );
    }
    const heads = branchHeads(place);
    if (heads.remote !== undefined && heads.remote !== heads.local)
      // Devices never write the same file, so rebasing this device's commits never conflicts.
      git(place, ['rebase', '-q', `origin/${BRANCH}`]);
    const fromSnapshot = await applySnapshotIfNew(run.db, dir, own, run.at, files);
    if (fromSnapshot) summary.in[fromSnapshot.name] = fromSnapshot.count;
    await applyBatches(run, dir, own, summary, files);
    let committed = false;
    if (!snapshotChecked) {
      snapshotChecked = true;
      committed = await snapshotIfDue(run.db, place, own, settings, files, forceSnapshot);
      summary.snapshot = committed;
    }
    // Nothing of this device's to send: no push (the common case, and the cheapest sync).
    if (
      heads.remote !== undefined &&
      ((heads.remote === heads.local && !committed) || !ahead(place))
    )
      break;
    try {
      git(place, ['push', '-q', 'origin', `HEAD:refs/heads/${BRANCH}`]);
      break;
    } catch (err) {
      // Another device pushed first, or is pushing now (the remote's ref is locked).
      const refusal = err instanceof GitFailed ? pushRefusal(err.lines) : undefined;
      if (refusal === undefined || attempt >= 5)
        throw unreachable(
          settings.remote,
          err,
          'the changes that came in are applied; run netjournal sync again to send yours',
        );
      if (refusal === 'locked') pause(200 * attempt);
    }
  }
  writeTransaction(run.db, 'sync', () => markSynced(run.db, run.at), { undoable: false });
  return summary;
}

/** The commits of the local branch and of the remote's, as last fetched (undefined: none yet). */
function branchHeads(place: GitPlace): { local?: string; remote?: string } {
  const lines = git(place, [
    'for-each-ref',
    '--format=%(refname) %(objectname)',
    `refs/heads/${BRANCH}`,
    `refs/remotes/origin/${BRANCH}`,
  ]);
  const heads: { local?: string; remote?: string } = {};
  for (const line of lines.split('\n')) {
    const [ref, commit] = line.split(' ');
    if (ref === `refs/heads/${BRANCH}`) heads.local = commit;
    else if (ref === `refs/remotes/origin/${BRANCH}`) heads.remote = commit;
  }
  return heads;
}

/** Does the local branch hold commits the remote's has not (after a rebase)? */
function ahead(place: GitPlace): boolean {
  return git(place, ['rev-list', '--count', `origin/${BRANCH}..HEAD`]).trim() !== '0';
}

/** Write and commit this device's changes since its last batch; returns how many. */
async function commitOwnBatch(
  db: Db,
  place: GitPlace,
  own: string,
  settings: SyncSettings,
  files: RepoFiles,
): Promise<number> {
  const { last, changes } = unpushedChanges(db, settings.pushed);
  if (changes.length === 0) return 0;
  const seq = (batchNumbers(place.dir, own).at(-1) ?? 0) + 1;
  const seen = seenClocks(db);
  const path = await writeBatch(
    place.dir,
    {
      header: {
        netjournal: 'sync-batch',
        format: files.format,
        device: own,
        name: settings.name,
        seq,
        seen,
      },
      changes,
    },
    files,
  );
  git(place, ['add', path]);
  git(place, ['commit', '-q', '-m', `${settings.name}: ${changes.length} changes`]);
  // Recorded after the commit: a sync stopped in between writes these changes
  // again in a later batch, and other devices skip what they already hold.
  writeTransaction(db, 'sync', () => markPushed(db, last), { undoable: false });
  return changes.length;
}

/** Apply every batch of the other devices not applied yet, in one transaction. */
async function applyBatches(
  run: SyncRun,
  dir: string,
  own: string,
  summary: SyncSummary,
  files: RepoFiles,
): Promise<void> {
  const applied = new Map(syncDevices(run.db).map((d) => [d.device, d.applied]));
  const incoming: IncomingChanges[] = [];
  const newest: { device: string; name: string; seq: number }[] = [];
  for (const device of batchDevices(dir)) {
    if (device === own) continue;
    const fresh = batchNumbers(dir, device).filter((n) => n > (applied.get(device) ?? 0));
    if (fresh.length === 0) continue;
    const batches = await Promise.all(fresh.map((n) => readBatch(dir, device, n, files)));
    const last = batches[batches.length - 1];
    if (!last) continue;
    // Batch by batch: the conflict check asks what the sender had seen when it wrote each.
    for (const b of batches) incoming.push({ device, changes: b.changes, seen: b.header.seen });
    newest.push({ device, name: last.header.name, seq: last.header.seq });
  }
  if (incoming.length === 0) return;
  const result = writeTransaction(
    run.db,
    'sync',
    () => {
      const result = applyIncoming(run.db, own, incoming, run.at);
      for (const n of newest) markApplied(run.db, n.device, n.name, n.seq);
      return result;
    },
    { undoable: false },
  );
  const names = new Map(newest.map((n) => [n.device, n.name]));
  for (const [device, count] of result.applied) {
    const name = names.get(device) ?? device;
    summary.in[name] = (summary.in[name] ?? 0) + count;
  }
  summary.conflicts.push(...result.conflicts);
}
