import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { git, GitFailed, pushRefusal } from '../../src/sync/git.js';
import { bareRemote, canonicalExport, device, join_, synced } from './devices.js';

// Another device's push can land between this device's fetch and its push
// (the kill test's orphaned pushes did, in CI). git then refuses the push,
// with "To URL" as the first line of its reasons; sync fetches and pushes
// again instead of stopping.

/** A pre-receive hook that, the first time only, moves the branch on as another device would. */
function raceOnce(remotePath: string): string {
  const marker = join(remotePath, 'raced');
  const hook = join(remotePath, 'hooks', 'pre-receive');
  writeFileSync(
    hook,
    [
      '#!/bin/sh',
      `[ -e '${marker}' ] && exit 0`,
      `touch '${marker}'`,
      // Outside receive-pack's quarantine, as a separate push would be.
      'unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES',
      'old=$(git rev-parse refs/heads/main)',
      'new=$(echo other | GIT_AUTHOR_NAME=o GIT_AUTHOR_EMAIL=o@o GIT_COMMITTER_NAME=o GIT_COMMITTER_EMAIL=o@o git commit-tree "$old^{tree}" -p "$old")',
      'git update-ref refs/heads/main "$new" "$old"',
      'exit 0',
      '',
    ].join('\n'),
  );
  chmodSync(hook, 0o755);
  return marker;
}

it('pushes again when another push lands between its fetch and its push', async () => {
  const remote = bareRemote();
  const laptop = device('laptop');
  const desktop = device('desktop');
  try {
    await laptop.ok(['add', 'Grace Hopper', '--no-thank-you']);
    await join_(laptop, remote);
    await join_(desktop, remote);
    const marker = raceOnce(remote.path);
    await laptop.ok(['add', 'Ada Lovelace', '--no-thank-you']);
    await synced(laptop);
    expect(existsSync(marker)).toBe(true);
    await synced(desktop);
    expect(await canonicalExport(desktop)).toEqual(await canonicalExport(laptop));
  } finally {
    laptop.remove();
    desktop.remove();
    remote.remove();
  }
}, 60_000);

/** Run git in dir; returns every line it wrote to stderr, as GitFailed keeps them. */
function refusedPush(dir: string): string[] {
  try {
    git({ dir, env: process.env }, ['push', '-q', 'origin', 'HEAD:refs/heads/main']);
  } catch (err) {
    if (err instanceof GitFailed) return [...err.lines];
    throw err;
  }
  throw new Error('the push was not refused');
}

it("tells git's refusals of a push apart: behind, locked, or something else", () => {
  const root = mkdtempSync(join(tmpdir(), 'netjournal-push-'));
  try {
    const sh = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd });
    sh(root, 'init', '-q', '--bare', 'r.git');
    for (const c of ['a', 'b']) {
      sh(root, 'clone', '-q', 'r.git', c);
      sh(join(root, c), 'checkout', '-q', '-b', 'main');
    }
    sh(join(root, 'a'), 'commit', '-q', '--allow-empty', '-m', 'a');
    sh(join(root, 'a'), 'push', '-q', 'origin', 'main');
    sh(join(root, 'b'), 'commit', '-q', '--allow-empty', '-m', 'b');
    // b never fetched a's commit: git refuses it itself, "To URL" first.
    const behind = refusedPush(join(root, 'b'));
    expect(behind[0]).toMatch(/^To /);
    expect(pushRefusal(behind)).toBe('behind');
    // Another push holds the branch's lock on the remote.
    sh(join(root, 'b'), 'pull', '-q', '--rebase', 'origin', 'main');
    writeFileSync(join(root, 'r.git', 'refs', 'heads', 'main.lock'), '');
    expect(pushRefusal(refusedPush(join(root, 'b')))).toBe('locked');
    rmSync(join(root, 'r.git', 'refs', 'heads', 'main.lock'));
    // No remote there at all.
    sh(join(root, 'b'), 'remote', 'set-url', 'origin', join(root, 'gone.git'));
    expect(pushRefusal(refusedPush(join(root, 'b')))).toBeUndefined();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
