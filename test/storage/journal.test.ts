import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalError } from '../../src/errors.js';
import { openJournal, writeTransaction, type Db } from '../../src/storage/journal.js';
import { APPLICATION_ID, latestVersion } from '../../src/storage/migrate.js';
import { resolveJournalPath } from '../../src/storage/paths.js';

let dir: string;
let path: string;
const open = (write = true) => openJournal(path, { write, timestamp: '2026-11-21T00:00:00.000Z' });
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netjournal-storage-'));
  path = join(dir, 'journal.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveJournalPath', () => {
  it('prefers --db, then NETJOURNAL_DB, then XDG_DATA_HOME, then the home folder', () => {
    const env = { HOME: '/home/u', XDG_DATA_HOME: '/xdg', NETJOURNAL_DB: '/env.db' };
    expect(resolveJournalPath('/flag.db', env, 'linux')).toBe('/flag.db');
    expect(resolveJournalPath(undefined, env, 'linux')).toBe('/env.db');
    expect(resolveJournalPath(undefined, { HOME: '/home/u', XDG_DATA_HOME: '/xdg' }, 'linux')).toBe(
      '/xdg/netjournal/journal.db',
    );
    expect(resolveJournalPath(undefined, { HOME: '/home/u' }, 'linux')).toBe(
      '/home/u/.local/share/netjournal/journal.db',
    );
    expect(resolveJournalPath(undefined, { HOME: '/Users/u' }, 'darwin')).toBe(
      '/Users/u/Library/Application Support/netjournal/journal.db',
    );
  });
});

describe('openJournal', () => {
  it('returns null for a read of a missing journal and creates nothing', () => {
    expect(open(false)).toBeNull();
    expect(existsSync(path)).toBe(false);
  });

  it('creates, stamps and migrates a new journal with the pragmas set', () => {
    const db = open() as Db;
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.prepare('SELECT version, name, applied FROM schema_migrations').all()).toEqual([
      { version: 1, name: '0001_initial', applied: '2026-11-21T00:00:00.000Z' },
      { version: 2, name: '0002_search', applied: '2026-11-21T00:00:00.000Z' },
      { version: 3, name: '0003_undo', applied: '2026-11-21T00:00:00.000Z' },
      { version: 4, name: '0004_next_touch', applied: '2026-11-21T00:00:00.000Z' },
      { version: 5, name: '0005_portable_search', applied: '2026-11-21T00:00:00.000Z' },
      { version: 6, name: '0006_change_log', applied: '2026-11-21T00:00:00.000Z' },
      { version: 7, name: '0007_today_handles', applied: '2026-11-21T00:00:00.000Z' },
      { version: 8, name: '0008_follow_up_templates', applied: '2026-11-21T00:00:00.000Z' },
      { version: 9, name: '0009_sync', applied: '2026-11-21T00:00:00.000Z' },
      { version: 10, name: '0010_contact_aliases', applied: '2026-11-21T00:00:00.000Z' },
      { version: 11, name: '0011_contact_names', applied: '2026-11-21T00:00:00.000Z' },
      { version: 12, name: '0012_contact_team_share', applied: '2026-11-21T00:00:00.000Z' },
    ]);
    expect(db.prepare('SELECT id, name, is_me FROM contacts').all()).toEqual([
      { id: 0, name: 'me', is_me: 1 },
    ]);
    db.close();
  });

  it('opens an existing journal read-only for reads', () => {
    open()?.close();
    const db = open(false) as Db;
    expect(db.readonly).toBe(true);
    expect(() => db.prepare(`INSERT INTO settings VALUES ('a', 'b')`).run()).toThrow();
    db.close();
  });

  it('initialises an empty (zero-byte) file', () => {
    writeFileSync(path, '');
    const db = open() as Db;
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();
  });

  it('refuses a journal with a migration this version does not know, untouched', () => {
    open()?.close();
    const raw = new Database(path);
    raw.prepare(`UPDATE schema_migrations SET name = '0001_something_else'`).run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = readFileSync(path);
    expect(() => open()).toThrow(JournalError);
    expect(() => open()).toThrow(
      /has migration 1 "0001_something_else" that this netjournal does not know/,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a truncated journal with a JournalError', () => {
    open()?.close();
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, 1000));
    expect(() => {
      const db = open(false);
      db?.prepare('SELECT count(*) FROM contacts').get();
    }).toThrow(JournalError);
  });
});

describe('the schema', () => {
  let db: Db;
  beforeEach(() => {
    db = open() as Db;
  });
  afterEach(() => db.close());

  const meeting = (date: string) =>
    Number(
      db.prepare(`INSERT INTO meetings (date, kind, created) VALUES (?, 'coffee', 'now')`).run(date)
        .lastInsertRowid,
    );
  const contact = (name: string) =>
    Number(
      db.prepare(`INSERT INTO contacts (name, created) VALUES (?, '2026-01-01')`).run(name)
        .lastInsertRowid,
    );
  const lastMet = (id: number) =>
    (
      db.prepare('SELECT last_met FROM contacts WHERE id = ?').get(id) as {
        last_met: string | null;
      }
    ).last_met;

  it('keeps last_met in step with meetings (insert, redate, remove)', () => {
    const ralph = contact('Ralph');
    const m1 = meeting('2026-03-01');
    const m2 = meeting('2026-05-01');
    db.prepare('INSERT INTO meeting_contacts VALUES (?, ?)').run(m1, ralph);
    expect(lastMet(ralph)).toBe('2026-03-01');
    db.prepare('INSERT INTO meeting_contacts VALUES (?, ?)').run(m2, ralph);
    expect(lastMet(ralph)).toBe('2026-05-01');
    db.prepare(`UPDATE meetings SET date = '2026-02-01' WHERE id = ?`).run(m2);
    expect(lastMet(ralph)).toBe('2026-03-01');
    db.prepare('DELETE FROM meetings WHERE id = ?').run(m1);
    expect(lastMet(ralph)).toBe('2026-02-01');
    db.prepare('DELETE FROM meeting_contacts WHERE meeting_id = ?').run(m2);
    expect(lastMet(ralph)).toBeNull();
  });

  it('rejects impossible dates and unknown enum values', () => {
    expect(() => meeting('2026-02-30')).toThrow(/CHECK/);
    expect(() => meeting('2026-13-01')).toThrow(/CHECK/);
    expect(() => meeting('yesterday')).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(`INSERT INTO meetings (date, kind, created) VALUES ('2026-01-01', 'brunch', 'x')`)
        .run(),
    ).toThrow(/CHECK/);
    const id = contact('Lena');
    expect(() => db.prepare(`UPDATE contacts SET circle = 'fourth' WHERE id = ?`).run(id)).toThrow(
      /CHECK/,
    );
    expect(() =>
      db.prepare(`UPDATE contacts SET birthday = '02-30x' WHERE id = ?`).run(id),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO follow_ups (contact_id, kind, text, due, status, created)
           VALUES (?, 'action', 'x', '2026-01-01', 'done', 'now')`,
        )
        .run(id),
    ).toThrow(/CHECK/);
  });

  it('enforces foreign keys and allows only one "me"', () => {
    expect(() => db.prepare('INSERT INTO meeting_contacts VALUES (999, 999)').run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() =>
      db
        .prepare(`INSERT INTO contacts (name, is_me, created) VALUES ('me2', 1, '2026-01-01')`)
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('writes nothing when a write transaction throws', () => {
    expect(() =>
      writeTransaction(db, 'test', () => {
        contact('Ralph');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.prepare('SELECT count(*) AS n FROM contacts WHERE is_me = 0').get()).toEqual({
      n: 0,
    });
  });
});
