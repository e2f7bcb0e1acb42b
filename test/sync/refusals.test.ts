import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalState } from '../helpers/state.js';
import {
  bareRemote,
  canonicalExport,
  changeLogCheck,
  device,
  join_,
  synced,
  type Device,
  type Remote,
} from './devices.js';

// What sync refuses, each with exit 2 or 4, one line, and nothing written;
// and what it survives: a remote gone offline, a push rejected because
// another device pushed first, a sync stopped between its steps.

let remote: Remote;
let laptop: Device;
let desktop: Device;

beforeEach(async () => {
  remote = bareRemote();
  laptop = device('laptop');
  desktop = device('desktop');
  await laptop.ok(['add', 'Grace Hopper', '--no-thank-you']);
});
afterEach(() => {
  laptop.remove();
  desktop.remove();
  remote.remove();
});

const syncFolder = (d: Device) => join(d.dir, 'sync');

async function expectRefused(
  d: Device,
  args: string[],
  code: number,
  stderr: string | RegExp,
): Promise<void> {
  const before = await journalState(d);
  const result = await d.run(args);
  expect(result.code).toBe(code);
  if (typeof stderr === 'string') expect(result.stderr).toBe(stderr);
  else expect(result.stderr).toMatch(stderr);
  expect(result.stderr.split('\n').length).toBe(2);
  expect(await journalState(d)).toBe(before);
}

describe('refused, writing nothing', () => {
  it('init with encryption, no terminal and no passphrase', async () => {
    await expectRefused(
      laptop,
      ['sync', 'init', remote.path],
      2,
      'netjournal: encrypted sync needs a passphrase, and there is no terminal to ask it on — set NETJOURNAL_SYNC_PASSPHRASE, give --identity FILE, or set up with --no-encrypt\n',
    );
    expect(existsSync(syncFolder(laptop))).toBe(false);
  });

  it('sync and sync status before sync init', async () => {
    const hint =
      'netjournal: sync is not set up for this journal — run netjournal sync init REMOTE (REMOTE: a git URL or a bare repository path)\n';
    await expectRefused(laptop, ['sync'], 2, hint);
    await expectRefused(laptop, ['sync', 'status'], 2, hint);
  });

  it('a remote git cannot reach, without creating a journal that did not exist', async () => {
    const missing = join(laptop.dir, 'no-such-repo.git');
    await expectRefused(
      laptop,
      ['sync', 'init', missing, '--no-encrypt'],
      4,
      /^netjournal: cannot reach the sync remote .*no-such-repo\.git: .* — nothing was set up; check the address, the network, and that git reaches it without asking for a password\n$/,
    );
    expect(existsSync(syncFolder(laptop))).toBe(false);
    const result = await desktop.run(['sync', 'init', missing, '--no-encrypt']);
    expect(result.code).toBe(4);
    expect(existsSync(desktop.path)).toBe(false);
  });

  it('a repository that is not a netjournal sync repository', async () => {
    const work = join(laptop.dir, 'work');
    mkdirSync(work);
    execFileSync('git', ['init', '-q', '-b', 'main', work]);
    writeFileSync(join(work, 'README'), 'my dotfiles\n');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: work });
    git('add', 'README');
    git('commit', '-q', '-m', 'dotfiles');
    git('push', '-q', remote.path, 'main');
    await expectRefused(
      laptop,
      ['sync', 'init', remote.path, '--no-encrypt'],
      4,
      `netjournal: ${remote.path} is not a netjournal sync repository — give an empty repository, or one another device set up with netjournal sync init\n`,
    );
    expect(existsSync(syncFolder(laptop))).toBe(false);
  });

  it('a repository written by a newer netjournal', async () => {
    await join_(laptop, remote);
    const clone = syncFolder(laptop);
    writeFileSync(
      join(clone, 'netjournal-sync.json'),
      '{"netjournal":"sync","format":3,"encrypted":false}\n',
    );
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: clone });
    git('commit', '-q', '-am', 'format 3');
    git('push', '-q', 'origin', 'HEAD:main');
    await expectRefused(
      desktop,
      ['sync', 'init', remote.path, '--no-encrypt'],
      4,
      `netjournal: ${remote.path} was written by a newer netjournal (sync format 3) — upgrade netjournal on this device\n`,
    );
  });

  it('git missing from PATH', async () => {
    const empty = join(laptop.dir, 'empty-bin');
    mkdirSync(empty);
    const before = await journalState(laptop);
    const result = await laptop.run(['sync', 'init', remote.path, '--no-encrypt'], {
      env: { PATH: empty },
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      'netjournal: git is not installed (sync runs the system git) — install git, e.g. sudo apt-get install git, and run the command again\n',
    );
    expect(await journalState(laptop)).toBe(before);
  });
});

it('works offline: the journal stays usable and the next sync catches up', async () => {
  await join_(laptop, remote);
  await join_(desktop, remote);
  await laptop.ok(['add', 'Alan Kay', '--no-thank-you']);
  const away = `${remote.path}.away`;
  renameSync(remote.path, away);
  const before = await journalState(laptop);
  const result = await laptop.sync();
  expect(result.code).toBe(4);
  expect(result.stderr).toMatch(
    /^netjournal: cannot reach the sync remote .* — the journal is unchanged and usable; run netjournal sync again later; check the address/,
  );
  expect(await journalState(laptop)).toBe(before);
  await laptop.ok(['add', 'Barbara Liskov', '--no-thank-you']);
  expect(JSON.parse(await laptop.ok(['sync', 'status', '--json']))).toMatchObject({
    device: 'laptop',
    waiting: 3,
  });
  renameSync(away, remote.path);
  // The batch written before the fetch failed goes too, then the new one.
  expect(await synced(laptop)).toBe('0 changes in, 3 out\n');
  expect(await synced(desktop)).toBe('6 changes in from laptop, 0 out\n');
  expect(await canonicalExport(desktop)).toEqual(await canonicalExport(laptop));
});

it('retries a push rejected because another device pushed first', async () => {
  await join_(laptop, remote);
  await join_(desktop, remote);
  // The remote turns the next push away once, as when another device's push lands first.
  const hook = join(remote.path, 'hooks', 'pre-receive');
  const flag = join(remote.path, 'reject-once');
  writeFileSync(flag, '');
  writeFileSync(
    hook,
    `#!/bin/sh\nif [ -e "${flag}" ]; then rm "${flag}"; echo "rejected: try again" >&2; exit 1; fi\n`,
  );
  chmodSync(hook, 0o755);
  await desktop.ok(['add', 'Alan Kay', '--no-thank-you']);
  expect(await synced(desktop)).toBe('0 changes in, 3 out\n');
  expect(existsSync(flag)).toBe(false);
  expect(await synced(laptop)).toBe('3 changes in from desktop, 0 out\n');
});

it('applies a batch written twice (a sync stopped before it recorded the batch) once', async () => {
  await join_(laptop, remote);
  await join_(desktop, remote);
  await laptop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'US Navy']);
  await synced(laptop);
  // As if that sync had stopped after committing its batch, before recording it.
  const db = new Database(laptop.path);
  db.prepare(`UPDATE journal_meta SET value = '0' WHERE key = 'sync.pushed'`).run();
  db.close();
  expect(await synced(laptop)).toMatch(/^0 changes in, \d+ out\n$/);
  expect(await synced(desktop)).toBe('1 change in from laptop, 0 out\n');
  expect(await canonicalExport(desktop)).toEqual(await canonicalExport(laptop));
  expect(await changeLogCheck(desktop)).toBe(await changeLogCheck(laptop));
});

it('refuses a damaged batch from another device, applying none of what came in', async () => {
  await join_(laptop, remote);
  await join_(desktop, remote);
  await laptop.ok(['add', 'Alan Kay', '--no-thank-you']);
  await synced(laptop);
  // A third device's batch that is not JSON lines, pushed through a clone of its own.
  const clone = join(laptop.dir, 'other');
  execFileSync('git', ['clone', '-q', '-b', 'main', remote.path, clone]);
  const folder = join(clone, 'changes', '01a22e8d-0000-7000-8000-000000000001');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '000001.jsonl'), '{"netjournal":"sync-batch"\nnot json\n');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: clone });
  git('add', '.');
  git('commit', '-q', '-m', 'damaged');
  git('push', '-q', 'origin', 'HEAD:main');
  await expectRefused(
    desktop,
    ['sync'],
    4,
    /^netjournal: sync batch .*01a22e8d-0000-7000-8000-000000000001\/000001\.jsonl is damaged \(not JSON lines\) — the device that wrote it should run netjournal sync again; nothing was applied\n$/,
  );
  expect(JSON.parse(await desktop.ok(['contacts', '--json']))).toEqual([
    expect.objectContaining({ name: 'Grace Hopper' }),
  ]);
});

it('takes a relative path to a bare repository from where it was typed', async () => {
  const typed = relative(process.cwd(), remote.path);
  expect(typed.startsWith('/')).toBe(false);
  const result = await laptop.run(['sync', 'init', typed, '--device', 'laptop', '--no-encrypt']);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe(
    `Sync set up: this device is laptop, the remote ${remote.path}.\n0 changes in, 3 out\n`,
  );
  expect(JSON.parse(await laptop.ok(['sync', 'status', '--json']))).toEqual({
    device: 'laptop',
    remote: remote.path,
    folder: join(laptop.dir, 'sync'),
    lastSync: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    waiting: 0,
    devices: ['laptop'],
  });
  // --json: what came in and went out, for scripts.
  await join_(desktop, remote);
  await laptop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'US Navy']);
  expect(await laptop.ok(['sync', '--json'])).toBe(
    '{"device":"laptop","in":{},"out":1,"snapshot":false,"conflicts":[]}\n',
  );
  expect(JSON.parse(await desktop.ok(['sync', '--json']))).toEqual({
    device: 'desktop',
    in: { laptop: 1 },
    out: 0,
    snapshot: false,
    conflicts: [],
  });
});

it('sends again, after sync init remakes a lost sync folder, what was never pushed', async () => {
  await join_(laptop, remote);
  await join_(desktop, remote);
  await laptop.ok(['add', 'Alan Kay', '--no-thank-you']);
  // Offline: the batch is committed in the sync folder but never pushed; then the folder is lost.
  const away = `${remote.path}.away`;
  renameSync(remote.path, away);
  expect((await laptop.sync()).code).toBe(4);
  renameSync(away, remote.path);
  rmSync(syncFolder(laptop), { recursive: true, force: true });
  await expectRefused(
    laptop,
    ['sync'],
    4,
    `netjournal: the sync folder ${syncFolder(laptop)} is missing — run netjournal sync init ${remote.path} to make it again (nothing is lost)\n`,
  );
  const again = await laptop.run([
    'sync',
    'init',
    remote.path,
    '--device',
    'laptop',
    '--no-encrypt',
  ]);
  expect(again.code, again.stderr).toBe(0);
  expect(await synced(desktop)).toBe('3 changes in from laptop, 0 out\n');
  expect(await canonicalExport(desktop)).toEqual(await canonicalExport(laptop));
});

it('runs ssh in batch mode: a remote that would ask for a password fails at once', async () => {
  // A stand-in ssh that records how git ran it and refuses, as a server wanting a password would.
  const bin = join(laptop.dir, 'bin');
  mkdirSync(bin);
  const log = join(laptop.dir, 'ssh-args');
  writeFileSync(
    join(bin, 'ssh'),
    `#!/bin/sh\necho "$@" >> "${log}"\necho "Permission denied (publickey,password)." >&2\nexit 255\n`,
  );
  chmodSync(join(bin, 'ssh'), 0o755);
  const before = await journalState(laptop);
  const result = await laptop.run(
    ['sync', 'init', 'ssh://git@example.invalid/me/sync.git', '--no-encrypt'],
    { env: { PATH: `${bin}:${process.env.PATH ?? ''}` } },
  );
  expect(result.code).toBe(4);
  expect(result.stderr).toBe(
    'netjournal: cannot reach the sync remote ssh://git@example.invalid/me/sync.git: Permission denied (publickey,password). — nothing was set up; check the address, the network, and that git reaches it without asking for a password\n',
  );
  expect(readFileSync(log, 'utf8')).toMatch(/^-o BatchMode=yes /);
  expect(await journalState(laptop)).toBe(before);
  expect(existsSync(syncFolder(laptop))).toBe(false);
});
