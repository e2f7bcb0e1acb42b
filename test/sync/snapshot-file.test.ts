import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  bareRemote,
  canonicalExport,
  changeLogCheck,
  device,
  synced,
  type Device,
  type Remote,
} from './devices.js';

// In an encrypted repository a snapshot is an SQLite file (gzipped, then
// age): the compacted change log and the records it folds to. A device that
// joins with an empty journal takes the records whole (with the short ids
// they had on the device that wrote it); one with records of its own merges
// the changes as from any snapshot. Both end with the same journal as the
// others, and the file opens with the age CLI, gunzip and sqlite3.

const PASS = 'copper-lantern-meadow-12';
const env = { env: { NETJOURNAL_SYNC_PASSPHRASE: PASS } };

let remote: Remote;
let laptop: Device;
let desktop: Device;
let phone: Device;
let tablet: Device;
beforeEach(() => {
  remote = bareRemote();
  laptop = device('laptop');
  desktop = device('desktop');
  phone = device('phone');
  tablet = device('tablet');
});
afterEach(() => {
  for (const d of [laptop, desktop, phone, tablet]) d.remove();
  remote.remove();
});

const join_ = async (d: Device) => {
  const result = await d.run(['sync', 'init', remote.path, '--device', d.name], env);
  expect(result.code, `${d.name}: ${result.stderr}`).toBe(0);
  return result.stderr;
};

/** The remote's files at main. */
function remoteNames(): string[] {
  return execFileSync('git', ['-C', remote.path, 'ls-tree', '-r', '--name-only', 'main'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
}

it('a new device takes an encrypted snapshot whole; one with its own records merges it', async () => {
  // A journal with a record of every kind, a deleted contact (a gap in the
  // short ids, and a tombstone), a follow-up done, a setting and a nickname.
  await laptop.ok(['contact', 'add', 'Brief Acquaintance']);
  await laptop.ok(['contact', 'add', 'Grace Hopper', '--company', 'Navy', '--tag', 'navy']);
  await laptop.ok(['contact', 'rm', 'Brief Acquaintance', '--yes']);
  await laptop.ok([
    'add',
    'Ada Lovelace',
    '--via',
    'Grace Hopper',
    '--learned',
    'writes poetry about engines',
    '--follow-up',
    'send the Babbage paper',
    '--gave',
    'a book on looms',
    '--date',
    '2026-11-20',
  ]);
  await laptop.ok(['done', '1']);
  await laptop.ok(['config', 'set', 'cadence.inner', '45d']);
  await laptop.ok(['contact', 'edit', 'Ada Lovelace', '--alias', 'Countess']);
  expect(await join_(laptop)).toContain(', encrypted.');
  await join_(desktop);
  await desktop.ok(['add', 'Alan Kay', '--no-thank-you']);
  await synced(desktop);
  expect(await synced(laptop)).toMatch(/^\d+ changes? in from desktop, 0 out\n$/);
  await laptop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'Navy Reserve']);
  await laptop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'US Navy']);
  const written = await laptop.run(['sync', 'snapshot']);
  expect(written.stderr).toBe(
    '0 changes in, 2 out\nWrote a snapshot: new devices start from it.\n',
  );

  const snapshots = remoteNames().filter((n) => n.startsWith('snapshots/'));
  expect(snapshots).toHaveLength(2);
  expect(snapshots.find((n) => n.endsWith('.covers.json'))).toMatch(/\/000002\.covers\.json$/);
  const file = snapshots.find((n) => !n.endsWith('.covers.json')) ?? '';
  expect(file).toMatch(/^snapshots\/[0-9a-f-]+\/000002\.db\.age$/);

  // By hand: the repository key from key.age, then the snapshot as an SQLite file.
  const dir = join(laptop.dir, 'sync');
  const key = join(laptop.dir, 'key.txt');
  execFileSync('script', ['-qec', `age -d -o '${key}' '${join(dir, 'key.age')}'`, '/dev/null'], {
    input: PASS + '\n',
  });
  const db = join(laptop.dir, 'snapshot.db');
  writeFileSync(
    db,
    execFileSync('gunzip', { input: execFileSync('age', ['-d', '-i', key, join(dir, file)]) }),
  );
  const sql = (q: string) => execFileSync('sqlite3', [db, q], { encoding: 'utf8' }).trim();
  expect(JSON.parse(sql('SELECT header FROM snapshot_header'))).toMatchObject({
    netjournal: 'sync-snapshot',
    seq: 2,
  });
  expect(sql('SELECT name, company FROM contacts ORDER BY id')).toBe(
    'Grace Hopper|US Navy\nAda Lovelace|\nAlan Kay|',
  );
  // Compacted: Grace Hopper's two later companies are one update; the deleted contact a tombstone.
  expect(
    sql(
      `SELECT op, fields ->> 'company' FROM changes WHERE uid = (SELECT uid FROM contacts WHERE name = 'Grace Hopper')`,
    ),
  ).toBe('insert|Navy\nupdate|US Navy');
  expect(sql(`SELECT count(*) FROM changes WHERE op = 'delete' AND record = 'contact'`)).toBe('1');

  // The phone joins with nothing of its own: the records as the laptop numbers them.
  expect(await join_(phone)).toMatch(/\n\d+ changes in from laptop's snapshot, 0 out\n$/);
  expect(await canonicalExport(phone)).toEqual(await canonicalExport(laptop));
  expect(await changeLogCheck(phone)).toMatch(/^ok /);
  for (const id of ['#2', '#3', '#4'])
    expect(await phone.ok(['contact', 'show', id, '--json'])).toBe(
      await laptop.ok(['contact', 'show', id, '--json']),
    );
  expect(await phone.ok(['search', 'poetry', '--format', 'tsv'])).toBe(
    await laptop.ok(['search', 'poetry', '--format', 'tsv']),
  );
  expect(await phone.ok(['contact', 'show', 'Countess', '--json'])).toBe(
    await laptop.ok(['contact', 'show', 'Countess', '--json']),
  );
  expect(await phone.ok(['config', 'get', 'cadence.inner'])).toBe('45d\n');
  // Nothing of the file is left in the sync folder.
  expect(
    readdirSync(join(phone.dir, 'sync', '.git')).filter((f) => f.includes('snapshot')),
  ).toEqual([]);

  // The tablet had a contact of its own: it merges the snapshot's changes instead.
  await tablet.ok(['contact', 'add', 'Linus Pauling']);
  expect(await join_(tablet)).toMatch(/\n\d+ changes in from laptop's snapshot, 1 out\n$/);
  expect(await changeLogCheck(tablet)).toMatch(/^ok /);
  for (const d of [laptop, desktop, phone]) await synced(d);
  const everyone = await canonicalExport(tablet);
  expect(everyone.some((l) => l.includes('Linus Pauling'))).toBe(true);
  for (const d of [laptop, desktop, phone]) expect(await canonicalExport(d)).toEqual(everyone);

  // Later changes flow both ways as usual.
  await phone.ok(['add', 'Grace Hopper', '--no-thank-you']);
  await synced(phone);
  expect(await synced(laptop)).toMatch(/^\d+ changes? in from phone, 0 out\n$/);
  expect(await canonicalExport(laptop)).toEqual(await canonicalExport(phone));
  expect(readFileSync(join(phone.dir, 'sync', 'netjournal-sync.json'), 'utf8')).toContain(
    '"encrypted":true',
  );
}, 180_000);

it('a device joins from the newest commit alone: the older snapshots history keeps stay on the remote', async () => {
  await laptop.ok(['add', 'Grace Hopper', '--no-thank-you']);
  await join_(laptop);
  await laptop.ok(['sync', 'snapshot']);
  const blob = (path: string) =>
    execFileSync('git', ['-C', remote.path, 'rev-parse', `main:${path}`], {
      encoding: 'utf8',
    }).trim();
  const first = remoteNames().find((n) => n.endsWith('.db.age')) ?? '';
  const older = blob(first);
  await laptop.ok(['add', 'Ada Lovelace', '--no-thank-you']);
  await laptop.ok(['sync', 'snapshot']);
  expect(remoteNames().filter((n) => n.endsWith('.db.age'))).toEqual([
    first.replace('000001', '000002'),
  ]);

  await join_(phone);
  const clone = join(phone.dir, 'sync');
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8', stdio: 'pipe' }).trim();
  expect(git('rev-parse', '--is-shallow-repository')).toBe('true');
  expect(() => git('cat-file', '-e', older)).toThrow();
  expect(await canonicalExport(phone)).toEqual(await canonicalExport(laptop));
  // Later syncs both ways work from the shallow clone.
  await phone.ok(['add', 'Alan Kay', '--no-thank-you']);
  expect(await synced(phone)).toBe('0 changes in, 3 out\n');
  expect(await synced(laptop)).toBe('3 changes in from phone, 0 out\n');
  await laptop.ok(['contact', 'edit', 'Alan Kay', '--company', 'Xerox PARC']);
  await synced(laptop);
  expect(await synced(phone)).toBe('1 change in from laptop, 0 out\n');
  expect(await canonicalExport(phone)).toEqual(await canonicalExport(laptop));
}, 120_000);

it('a snapshot file that is not a snapshot stops a joining device: exit 4, nothing written', async () => {
  await laptop.ok(['add', 'Grace Hopper', '--no-thank-you']);
  await join_(laptop);
  await laptop.ok(['sync', 'snapshot']);
  const clone = join(laptop.dir, 'sync');
  const key = join(laptop.dir, 'key.txt');
  execFileSync('script', ['-qec', `age -d -o '${key}' '${join(clone, 'key.age')}'`, '/dev/null'], {
    input: PASS + '\n',
  });
  const recipient = execFileSync('age-keygen', ['-y', key], { encoding: 'utf8' }).trim();
  // The file as netjournal seals one, with a header that names it, and no changes.
  const file = remoteNames().find((n) => n.endsWith('.db.age')) ?? '';
  const real = join(laptop.dir, 'real.db');
  writeFileSync(
    real,
    execFileSync('gunzip', { input: execFileSync('age', ['-d', '-i', key, join(clone, file)]) }),
  );
  const header = execFileSync('sqlite3', [real, 'SELECT header FROM snapshot_header'], {
    encoding: 'utf8',
  }).trim();
  const bogus = join(laptop.dir, 'bogus.db');
  execFileSync('sqlite3', [
    bogus,
    `CREATE TABLE snapshot_header (header TEXT); INSERT INTO snapshot_header VALUES ('${header}')`,
  ]);
  const sealed = execFileSync('age', ['-r', recipient], {
    input: execFileSync('gzip', ['-c', bogus]),
  });
  writeFileSync(join(clone, file), sealed);
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', clone, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args]);
  git('commit', '-q', '-am', 'a damaged snapshot');
  git('push', '-q', 'origin', 'HEAD:main');

  const joined = await phone.run(['sync', 'init', remote.path, '--device', 'phone'], env);
  expect(joined.code).toBe(4);
  expect(joined.stderr).toMatch(
    /^netjournal: sync snapshot .*\/000001\.db\.age is damaged \(not an SQLite snapshot\) — the device that wrote it should run netjournal sync snapshot again; nothing was applied\n$/,
  );
  expect(existsSync(phone.path)).toBe(false);
  expect(readdirSync(phone.dir).filter((f) => f !== 'sync')).toEqual([]);
}, 120_000);
