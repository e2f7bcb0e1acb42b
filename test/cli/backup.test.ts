import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

let j: TempJournal;
beforeEach(async () => {
  j = tempJournal();
  await j.run(['add', 'Ralph Smith', '--learned', 'runs marathons']);
});
afterEach(() => j.remove());

const names = async () =>
  (JSON.parse((await j.run(['contacts', '--json'])).stdout) as { name: string }[]).map(
    (c) => c.name,
  );

describe('backup', () => {
  it('writes a dated, owner-only copy beside the journal by default', async () => {
    const r = await j.run(['backup']);
    const path = join(j.dir, 'journal-backup-2026-11-21.db');
    expect(r).toEqual({
      stdout: `${path}\n`,
      stderr: `Backed up ${j.path} to ${path}.\n`,
      code: 0,
    });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = await j.run(['backup', '--json']);
    expect(JSON.parse(second.stdout)).toEqual({
      backup: join(j.dir, 'journal-backup-2026-11-21-2.db'),
    });
  });

  it('refuses to overwrite a file unless --force', async () => {
    const target = join(j.dir, 'copy.db');
    writeFileSync(target, 'keep me');
    const r = await j.run(['backup', target]);
    expect(r).toEqual({
      stdout: '',
      stderr: `netjournal: ${target} already exists — choose another file, or add --force to replace it\n`,
      code: 2,
    });
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect((await j.run(['backup', target, '--force'])).code).toBe(0);
    expect(readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('exits 4 when there is no journal to back up', async () => {
    const empty = tempJournal();
    try {
      const r = await empty.run(['backup']);
      expect(r).toEqual({
        stdout: '',
        stderr: `netjournal: no journal at ${empty.path} — nothing to back up yet\n`,
        code: 4,
      });
    } finally {
      empty.remove();
    }
  });
});

describe('restore', () => {
  it('puts a backup in place and keeps the journal as it was in a new dated .bak', async () => {
    const copy = join(j.dir, 'copy.db');
    await j.run(['backup', copy]);
    await j.run(['add', 'Lena Berg']);
    expect(await names()).toEqual(['Lena Berg', 'Ralph Smith']);
    const r = await j.run(['restore', copy, '--yes']);
    // --now fixes the time in the name; a second restore the same second gets -2.
    const kept = `${j.path}.2026-11-21T00-00-00Z.bak`;
    expect(r).toEqual({
      stdout: '',
      stderr: `Restored ${j.path} from ${copy}. The journal as it was is ${kept} (to go back: netjournal restore ${kept}).\n`,
      code: 0,
    });
    expect(await names()).toEqual(['Ralph Smith']);
    expect(statSync(j.path).mode & 0o777).toBe(0o600);
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    const bak = await j.run(['contacts', '--json', '--db', kept]);
    expect(JSON.parse(bak.stdout).map((c: { name: string }) => c.name)).toEqual([
      'Lena Berg',
      'Ralph Smith',
    ]);
    // Going back the way the message says, keeps the restored state too.
    const back = await j.run(['restore', kept, '--yes']);
    expect(back.stderr).toContain(`The journal as it was is ${j.path}.2026-11-21T00-00-00Z-2.bak`);
    expect(await names()).toEqual(['Lena Berg', 'Ralph Smith']);
  });

  it('needs --yes when not on a terminal, and refuses files that are not journals', async () => {
    const copy = join(j.dir, 'copy.db');
    await j.run(['backup', copy]);
    const before = readFileSync(j.path);
    expect(await j.run(['restore', copy])).toEqual({
      stdout: '',
      stderr: `netjournal: restore needs --yes when not run on a terminal — add --yes to replace ${j.path}\n`,
      code: 2,
    });
    const text = join(j.dir, 'notes.txt');
    writeFileSync(text, 'hello');
    expect(await j.run(['restore', text, '--yes'])).toEqual({
      stdout: '',
      stderr: `netjournal: ${text} is not a netjournal journal — point --db or NETJOURNAL_DB at a journal, or at a new file to start one\n`,
      code: 4,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
    expect(await names()).toEqual(['Ralph Smith']);
  });
});
