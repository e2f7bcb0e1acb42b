import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { journalState } from '../helpers/state.js';
import {
  bareRemote,
  canonicalExport,
  device,
  synced,
  type Device,
  type Remote,
} from './devices.js';

// Encrypted sync with a real bare repository and Debian's age CLI: what the
// remote holds is readable with the passphrase (through key.age) and with
// nothing else, and a wrong secret writes nothing.

const PASS = 'tulip-granite-harbour-47';
const env = (passphrase = PASS) => ({ env: { NETJOURNAL_SYNC_PASSPHRASE: passphrase } });

let remote: Remote;
let laptop: Device;
let desktop: Device;
beforeEach(() => {
  remote = bareRemote();
  laptop = device('laptop');
  desktop = device('desktop');
});
afterEach(() => {
  laptop.remove();
  desktop.remove();
  remote.remove();
});

const syncFolder = (d: Device) => join(d.dir, 'sync');

/** Every file the remote holds at its main branch: path → bytes. */
function remoteFiles(): Map<string, Buffer> {
  const git = (...args: string[]) => execFileSync('git', ['-C', remote.path, ...args]);
  const names = git('ls-tree', '-r', '--name-only', 'main').toString().split('\n').filter(Boolean);
  return new Map(names.map((n) => [n, git('show', `main:${n}`)]));
}

/** Every file under a folder, recursively (contents). */
function allBytes(dir: string): Buffer[] {
  const out: Buffer[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) out.push(readFileSync(join(entry.parentPath, entry.name)));
  return out;
}

/** age -d with a passphrase typed on a real terminal (age reads it from /dev/tty only). */
function ageWithPassphrase(file: string, passphrase: string, out: string): string {
  return execFileSync('script', ['-qec', `age -d -o '${out}' '${file}'`, '/dev/null'], {
    input: passphrase + '\n',
    encoding: 'utf8',
  });
}

async function initEncrypted(d: Device, passphrase = PASS) {
  return d.run(['sync', 'init', remote.path, '--device', d.name], env(passphrase));
}

it('two devices with a passphrase: what the remote holds is age files that reveal no record', async () => {
  await laptop.ok(['add', 'Grace Hopper', '--company', 'US Navy', '--no-thank-you']);
  const created = await initEncrypted(laptop);
  expect(created.code, created.stderr).toBe(0);
  expect(created.stderr).toContain(', encrypted.\n');
  const joined = await initEncrypted(desktop);
  expect(joined.code, joined.stderr).toBe(0);
  expect(joined.stderr).toMatch(
    /^Sync set up: this device is desktop, the remote .*, encrypted\.\n\d+ changes in from laptop, 0 out\n$/,
  );
  await desktop.ok(['contact', 'edit', 'Grace Hopper', '--role', 'Rear Admiral']);
  expect(await synced(desktop)).toBe('0 changes in, 1 out\n');
  expect(await synced(laptop)).toBe('1 change in from desktop, 0 out\n');
  expect(await canonicalExport(laptop)).toEqual(await canonicalExport(desktop));

  const files = remoteFiles();
  const names = [...files.keys()].sort();
  for (const name of names)
    expect(name).toMatch(
      /^(key\.age|netjournal-sync\.json|changes\/[0-9a-f-]+\/\d{6}\.jsonl\.age)$/,
    );
  expect(names.filter((n) => n.endsWith('.jsonl.age')).length).toBe(2);
  expect(JSON.parse(files.get('netjournal-sync.json')?.toString() ?? '')).toEqual({
    netjournal: 'sync',
    format: 2,
    encrypted: true,
  });
  for (const [name, bytes] of files) {
    if (name === 'netjournal-sync.json') continue;
    expect(bytes.includes('Grace'), name).toBe(false);
    expect(bytes.includes('Navy'), name).toBe(false);
    expect(bytes.includes(PASS), name).toBe(false);
  }
  // The passphrase is written nowhere: not in the journals, their sync folders or git config.
  for (const d of [laptop, desktop])
    for (const bytes of allBytes(d.dir)) expect(bytes.includes(PASS)).toBe(false);
  expect(statSync(syncFolder(laptop)).mode & 0o777).toBe(0o700);
  expect(statSync(join(syncFolder(laptop), '.git', 'netjournal-key')).mode & 0o777).toBe(0o600);
}, 120_000);

it('the age CLI reads a batch with the passphrase, through key.age, and not without it', async () => {
  await laptop.ok(['add', 'Ada Lovelace', '--no-thank-you']);
  expect((await initEncrypted(laptop)).code).toBe(0);
  const dir = syncFolder(laptop);
  const batch = [...remoteFiles().keys()].find((n) => n.endsWith('.jsonl.age')) ?? '';
  const key = join(laptop.dir, 'key.txt');
  ageWithPassphrase(join(dir, 'key.age'), PASS, key);
  expect(readFileSync(key, 'utf8')).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+\n$/);
  // Format 2: what is encrypted is gzip-compressed JSON lines.
  const sealed = execFileSync('age', ['-d', '-i', key, join(dir, batch)]);
  const text = execFileSync('gunzip', { input: sealed, encoding: 'utf8' });
  const lines = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines[0]).toMatchObject({ netjournal: 'sync-batch', seq: 1, name: 'laptop' });
  expect(lines.some((l) => JSON.stringify(l).includes('Ada Lovelace'))).toBe(true);
  // A wrong passphrase opens nothing, and neither does an unrelated age key.
  expect(() =>
    ageWithPassphrase(join(dir, 'key.age'), 'wrong passphrase', join(laptop.dir, 'x')),
  ).toThrow();
  expect(existsSync(join(laptop.dir, 'x'))).toBe(false);
  const other = join(laptop.dir, 'other.txt');
  execFileSync('age-keygen', ['-o', other], { stdio: 'ignore' });
  expect(() =>
    execFileSync('age', ['-d', '-i', other, join(dir, batch)], { stdio: 'pipe' }),
  ).toThrow();
}, 120_000);

it('a repository an older netjournal made (format 1) gets batches it can read: not compressed', async () => {
  await laptop.ok(['add', 'Ada Lovelace', '--no-thank-you']);
  expect((await initEncrypted(laptop)).code).toBe(0);
  // The marker as netjournal wrote it before format 2.
  const dir = syncFolder(laptop);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir });
  writeFileSync(
    join(dir, 'netjournal-sync.json'),
    '{"netjournal":"sync","format":1,"encrypted":true}\n',
  );
  git('commit', '-q', '-am', 'format 1');
  git('push', '-q', 'origin', 'HEAD:main');
  await laptop.ok(['add', 'Alan Turing', '--no-thank-you']);
  expect(await synced(laptop)).toBe('0 changes in, 3 out\n');
  const key = join(laptop.dir, 'key.txt');
  ageWithPassphrase(join(dir, 'key.age'), PASS, key);
  const second = execFileSync('age', [
    '-d',
    '-i',
    key,
    join(dir, 'changes', readdirSync(join(dir, 'changes'))[0] ?? '', '000002.jsonl.age'),
  ]).toString('utf8');
  expect(JSON.parse(second.split('\n')[0] ?? '')).toMatchObject({ format: 1, seq: 2 });
  expect(second).toContain('Alan Turing');
  // A new device reads both: the first batch compressed, the second not.
  expect((await initEncrypted(desktop)).code).toBe(0);
  expect(await canonicalExport(desktop)).toEqual(await canonicalExport(laptop));
}, 120_000);

it('a wrong passphrase, or --no-encrypt, on joining: refused, nothing written', async () => {
  expect((await initEncrypted(laptop)).code).toBe(0);
  await desktop.ok(['add', 'Alan Turing', '--no-thank-you']);
  const before = await journalState(desktop);
  const wrong = await initEncrypted(desktop, 'not the passphrase');
  expect(wrong.code).toBe(4);
  expect(wrong.stderr).toBe(
    'netjournal: wrong passphrase for the sync repository — give the passphrase the repository was set up with (NETJOURNAL_SYNC_PASSPHRASE, or typed when asked); nothing was written\n',
  );
  // NETJOURNAL_DEBUG's details name no secret either.
  const debug = await desktop.run(['sync', 'init', remote.path], {
    env: { NETJOURNAL_SYNC_PASSPHRASE: 'not the passphrase', NETJOURNAL_DEBUG: '1' },
  });
  expect(debug.code).toBe(4);
  expect(debug.stderr).not.toContain('not the passphrase');
  const plain = await desktop.run(['sync', 'init', remote.path, '--no-encrypt']);
  expect(plain.code).toBe(2);
  expect(plain.stderr).toBe(
    `netjournal: ${remote.path} is encrypted — leave out --no-encrypt: this device joins with the passphrase it was set up with\n`,
  );
  expect(await journalState(desktop)).toBe(before);
  expect(existsSync(syncFolder(desktop))).toBe(false);
  // The right one then joins.
  expect((await initEncrypted(desktop)).code).toBe(0);
  expect(await synced(laptop)).toBe('3 changes in from desktop, 0 out\n');
}, 120_000);

it('age identities instead of a passphrase: created for a recipient, joined with its identity file', async () => {
  const idFile = join(laptop.dir, 'me.txt');
  execFileSync('age-keygen', ['-o', idFile], { stdio: 'ignore' });
  const recipient = execFileSync('age-keygen', ['-y', idFile], { encoding: 'utf8' }).trim();
  await laptop.ok(['add', 'Hedy Lamarr', '--no-thank-you']);
  const made = await laptop.run([
    'sync',
    'init',
    remote.path,
    '--device',
    'laptop',
    '--recipient',
    recipient,
  ]);
  expect(made.code, made.stderr).toBe(0);
  // key.age is for that recipient: the age CLI opens it with the identity file.
  const key = execFileSync('age', ['-d', '-i', idFile, join(syncFolder(laptop), 'key.age')], {
    encoding: 'utf8',
  });
  expect(key).toMatch(/^AGE-SECRET-KEY-1/);
  const none = await desktop.run(
    ['sync', 'init', remote.path, '--device', 'desktop'],
    env('any passphrase'),
  );
  expect(none.code).toBe(4);
  const joined = await desktop.run([
    'sync',
    'init',
    remote.path,
    '--device',
    'desktop',
    '--identity',
    idFile,
  ]);
  expect(joined.code, joined.stderr).toBe(0);
  expect(await canonicalExport(desktop)).toEqual(await canonicalExport(laptop));
  const bad = await desktop.run(['sync', 'init', remote.path, '--recipient', 'age1nope']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toBe(
    'netjournal: "age1nope" is not an age recipient — give a public key as age-keygen prints it (age1…, 62 characters)\n',
  );
}, 120_000);
