import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// Issue 14, points 6 and 7: a journal path that is a FIFO or a device, and a
// backup --force onto something that is not a regular file. Spawned, so that
// a command that blocks on a FIFO fails the test by its timeout instead of
// hanging the suite.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

function fifo(name: string): string {
  const path = join(j.dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

describe('a journal path that is not a regular file', () => {
  it.each([
    ['today', '--json'],
    ['contacts'],
    ['export'],
    ['backup', 'copy.db'],
    ['add', 'Ralph Smith'],
  ])('a FIFO: %s exits 4 at once and leaves the FIFO alone', (...args) => {
    const path = fifo('journal.db');
    const result = spawnCli(args, { ...j.env, NETJOURNAL_DB: path, HOME: j.dir });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `netjournal: journal path ${path} is not a regular file — point --db or NETJOURNAL_DB at a journal file, or at a new file to start one\n`,
    );
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it('doctor says a FIFO is not a regular file and exits 4', () => {
    const path = fifo('journal.db');
    const result = spawnCli(['doctor'], { ...j.env, NETJOURNAL_DB: path, HOME: j.dir });
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(new RegExp(`${path} is not a regular file`));
  });

  it.each(['/dev/null', '/dev/zero'])('%s: read commands exit 4, not 70', (device) => {
    for (const args of [['contacts'], ['today', '--json'], ['doctor']]) {
      const result = spawnCli(args, { ...j.env, NETJOURNAL_DB: device, HOME: j.dir });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(4);
    }
  });
});

describe('backup --force onto something that is not a regular file', () => {
  async function journal(): Promise<void> {
    expect((await j.run(['contact', 'add', 'Ralph Smith'])).code).toBe(0);
  }

  it('refuses a FIFO (exit 2) and leaves it a FIFO', async () => {
    await journal();
    const path = fifo('backup.db');
    const result = spawnCli(['backup', path, '--force'], j.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `netjournal: ${path} is not a regular file — give the path of a file to write the backup to\n`,
    );
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it('refuses a symbolic link (exit 2): neither the link nor its target changes', async () => {
    await journal();
    const target = join(j.dir, 'precious.txt');
    writeFileSync(target, 'keep me\n');
    const link = join(j.dir, 'backup.db');
    symlinkSync(target, link);
    const result = await j.run(['backup', link, '--force']);
    expect(result.code).toBe(2);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
  });

  it('refuses a folder (exit 2)', async () => {
    await journal();
    const folder = join(j.dir, 'backups');
    mkdirSync(folder);
    const result = await j.run(['backup', folder, '--force']);
    expect(result.code).toBe(2);
    expect(lstatSync(folder).isDirectory()).toBe(true);
  });

  it('still replaces a regular file with --force', async () => {
    await journal();
    const file = join(j.dir, 'old-backup.db');
    writeFileSync(file, 'not sqlite\n');
    expect((await j.run(['backup', file, '--force'])).code).toBe(0);
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
