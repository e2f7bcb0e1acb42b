import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalError } from '../../src/errors.js';
import { contactFields } from '../helpers/contact-fields.js';
import { insertContact } from '../../src/storage/contacts.js';
import { openJournal, writeTransaction } from '../../src/storage/journal.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// Issue 14, point 8: a full disk is a journal problem (exit 4, "the disk is
// full"), not an internal error, and what was acknowledged before stays. The
// disk is a 2 MiB tmpfs where this machine lets the test mount one (CI runs
// as root); elsewhere SQLite's own page limit stands in for the full disk.

const NOW = '2026-11-30';
let dir: string;
let mounted = false;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netjournal-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
});

afterAll(() => {
  if (mounted) execFileSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
});

describe('a full disk', () => {
  it('write commands exit 4 saying so; acknowledged writes stay; freeing space is enough', () => {
    const path = join(dir, 'journal.db');
    if (!mounted) {
      // No tmpfs here: SQLite refuses to grow the file past max_page_count
      // with the same SQLITE_FULL a full disk gives.
      const db = openJournal(path, { write: true, timestamp: `${NOW}T00:00:00.000Z` });
      if (!db) throw new Error('no journal');
      writeTransaction(db, 'contact add Ralph Smith', () =>
        insertContact(db, contactFields('Ralph Smith'), NOW),
      );
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      let error: unknown;
      try {
        writeTransaction(db, 'contact add Big', () => {
          for (let i = 0; i < 500; i++)
            insertContact(db, contactFields(`Person ${i}`, { howMet: 'x'.repeat(2000) }), NOW);
        });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(JournalError);
      expect((error as JournalError).message).toMatch(/the disk holding journal .* is full/);
      expect(db.prepare('SELECT count(*) FROM contacts WHERE is_me = 0').pluck().get()).toBe(1);
      db.close();
      return;
    }
    const env = { NETJOURNAL_DB: path, NETJOURNAL_NOW: NOW, HOME: dir };
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const name = `Person ${i}`;
      expect(spawnCli(['add', name, '--no-thank-you'], env).code).toBe(0);
      acknowledged.push(name);
    }
    // Fill what is left of the disk.
    const filler = join(dir, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(2 * 1024 * 1024));
    } catch {
      // ENOSPC: the disk is now full, which is the point.
    }
    const big = 'y'.repeat(4000);
    const refused = [
      ['add', 'Lena Berg', '--learned', big],
      ['note', 'Person 1', big],
      ['config', 'set', 'cadence.inner', '30d'],
    ].map((args) => spawnCli(args, env));
    const full = refused.filter((r) => r.code === 4);
    expect(refused.filter((r) => r.code !== 0 && r.code !== 4)).toEqual([]);
    expect(full.length).toBeGreaterThan(0);
    for (const r of full)
      expect(r.stderr).toBe(
        `netjournal: the disk holding journal ${path} is full; nothing was written — free some space and run the command again\n`,
      );
    rmSync(filler, { force: true });
    const contacts = JSON.parse(spawnCli(['contacts', '--json'], env).stdout) as { name: string }[];
    for (const name of acknowledged) expect(contacts.map((c) => c.name)).toContain(name);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    expect(spawnCli(['add', 'After Space', '--no-thank-you'], env).code).toBe(0);
  });
});
