import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { JournalError, UsageError } from '../errors.js';
import { writeTransaction } from '../storage/journal.js';
import { saveSyncSettings, syncSettings } from '../storage/sync-state.js';
import { checkMarker, MARKER, markerText, REPO_FORMAT } from './batches.js';
import { createRepoKey, KEY_FILE, openRepoKey, saveLocalKey, type Unlock } from './crypt.js';
import { git, GitFailed, gitSucceeds, unreachable, type GitPlace } from './git.js';
import { BRANCH, runSync, syncFolder, type SyncRun, type SyncSummary } from './run.js';

/** What `sync init` was told about encryption, and how it gets the secret when it needs it. */
export interface KeySource {
  /** false with --no-encrypt. */
  encrypt: boolean;
  /** The passphrase or identities: creating (asked twice on a terminal) or joining. */
  unlock(creating: boolean): Promise<Unlock>;
}

/**
 * Create (empty remote) or join (a remote another device set up) the sync
 * repository, record it in the journal, and sync once. A new repository is
 * encrypted unless told not to be; joining follows what the repository is.
 * Anything that fails before the journal records the remote (the network,
 * a wrong passphrase) removes the sync folder again: nothing is written.
 */
export async function initSync(
  run: SyncRun,
  remote: string,
  name: string,
  keys: KeySource,
): Promise<{ summary: SyncSummary; encrypted: boolean }> {
  const existing = syncSettings(run.db);
  if (existing && existing.remote !== remote)
    throw new UsageError(
      `sync is set up already, with ${existing.remote}`,
      'run netjournal sync; to change the remote, start from a new journal',
    );
  const dir = syncFolder(run.journalPath);
  if (existsSync(dir)) {
    // Ours (a clone an earlier init made) is made again; anything else is not ours to remove.
    if (!existsSync(join(dir, '.git')) && readdirSync(dir).length > 0)
      throw new JournalError(
        `${dir} exists and is not a netjournal sync folder`,
        'move it away and run the command again',
      );
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const place: GitPlace = { dir, env: run.env };
  let encrypted: boolean;
  try {
    git(place, ['init', '-q']);
    git(place, ['symbolic-ref', 'HEAD', `refs/heads/${BRANCH}`]);
    git(place, ['remote', 'add', 'origin', remote]);
    try {
      // Only the newest commit: what a device joins from is in its tree (the
      // newest snapshots and the batches), not in the older snapshots that
      // history keeps, each as big as the journal was then. (An empty
      // repository has no commit to fetch so: git fails, and a plain fetch
      // tells it from one it cannot reach.)
      if (!gitSucceeds(place, ['fetch', '-q', '--depth', '1', 'origin']))
        git(place, ['fetch', '-q', 'origin']);
    } catch (err) {
      throw unreachable(remote, err, 'nothing was set up');
    }
    if (gitSucceeds(place, ['rev-parse', '-q', '--verify', `refs/remotes/origin/${BRANCH}`])) {
      git(place, ['checkout', '-q', '-B', BRANCH, `origin/${BRANCH}`]);
      encrypted = checkMarker(dir, remote).encrypted;
      if (encrypted) {
        if (!keys.encrypt)
          throw new UsageError(
            `${remote} is encrypted`,
            'leave out --no-encrypt: this device joins with the passphrase it was set up with',
          );
        const file = join(dir, KEY_FILE);
        if (!existsSync(file))
          throw new JournalError(
            `${remote} says it is encrypted but holds no ${KEY_FILE}`,
            'the repository is damaged; set up sync again with a new remote',
          );
        saveLocalKey(dir, await openRepoKey(readFileSync(file), await keys.unlock(false)));
      }
    } else {
      if (gitSucceeds(place, ['ls-remote', '--exit-code', '--heads', 'origin']))
        throw new JournalError(
          `${remote} is not a netjournal sync repository (it has no ${BRANCH} branch)`,
          'give an empty repository, or one another device set up with netjournal sync init',
        );
      encrypted = keys.encrypt;
      writeFileSync(join(dir, MARKER), markerText(encrypted));
      const files = [MARKER];
      if (encrypted) {
        const { key, file } = await createRepoKey(await keys.unlock(true));
        writeFileSync(join(dir, KEY_FILE), file, { mode: 0o600 });
        saveLocalKey(dir, key);
        files.push(KEY_FILE);
      }
      git(place, ['add', ...files]);
      git(place, ['commit', '-q', '-m', `netjournal sync repository, format ${REPO_FORMAT}`]);
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    if (err instanceof GitFailed) throw unreachable(remote, err, 'nothing was set up');
    throw err;
  }
  writeTransaction(run.db, 'sync init', () => saveSyncSettings(run.db, remote, name), {
    undoable: false,
  });
  return { summary: await runSync(run), encrypted };
}
