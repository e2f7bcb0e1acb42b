import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECORDS } from '../../src/model/declarations.js';
import { dumpJournal } from '../../src/storage/dump.js';
import { openMemoryJournal, writeTransaction } from '../../src/storage/journal.js';
import { knownMigrations, latestVersion } from '../../src/storage/migrate.js';
import { iterateChanges, replayChanges } from '../../src/storage/replay.js';
import { ME_UID } from '../../src/storage/stable-id.js';
import {
  FIXTURE_V1,
  checkpoint,
  dumpTables,
  expectOneLineError,
  health,
  runCli,
  tempDir,
  type TempDir,
} from './helpers.js';
import { makeSchema5Journal } from './schema5-journal.js';

// test/fixtures/v1-journal.db is a journal as the first release wrote it
// (schema 1, made by test/fixtures/make-v1-journal.mjs), with rows in every table.

interface Exported {
  type: string;
  id?: number;
  key?: string;
  [field: string]: unknown;
}

/** The records of an export (its first line is the format header). */
function parseExport(jsonl: string): Exported[] {
  const lines = jsonl.split('\n').filter((line) => line !== '');
  expect(JSON.parse(lines[0] ?? '')).toEqual({ type: 'netjournal', format: 2 });
  return lines.slice(1).map((line) => JSON.parse(line) as Exported);
}

/** What a schema-1 journal holds, read straight from its tables, in export's terms. */
function v1AsExport(path: string): Exported[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const rows = <T>(sql: string) => db.prepare(sql).all() as T[];
  try {
    const tags = rows<{ contact_id: number; tag: string }>(
      'SELECT contact_id, tag FROM contact_tags ORDER BY contact_id, tag COLLATE NOCASE',
    );
    const participants = rows<{ meeting_id: number; contact_id: number }>(
      'SELECT meeting_id, contact_id FROM meeting_contacts ORDER BY meeting_id, contact_id',
    );
    const bool = (v: unknown) => v === 1;
    return [
      ...rows<{ key: string; value: string }>('SELECT key, value FROM settings ORDER BY key').map(
        (r) => ({ type: 'setting', key: r.key, value: r.value }),
      ),
      ...rows<Record<string, unknown>>('SELECT * FROM contacts WHERE is_me = 0 ORDER BY id').map(
        (c) => ({
          type: 'contact',
          id: c.id as number,
          name: c.name,
          company: c.company,
          role: c.role,
          email: c.email,
          phone: c.phone,
          url: c.url,
          location: c.location,
          circle: c.circle,
          cadenceDays: c.cadence_days,
          birthday: c.birthday,
          tags: tags.filter((t) => t.contact_id === c.id).map((t) => t.tag),
          howMet: c.how_met,
          archived: bool(c.archived),
          created: c.created,
        }),
      ),
      ...rows<Record<string, unknown>>('SELECT * FROM meetings ORDER BY id').map((m) => ({
        type: 'meeting',
        id: m.id as number,
        date: m.date,
        kind: m.kind,
        contactIds: participants.filter((p) => p.meeting_id === m.id).map((p) => p.contact_id),
        notes: m.notes,
        outreach: bool(m.outreach),
        created: m.created,
      })),
      ...rows<Record<string, unknown>>('SELECT * FROM introductions ORDER BY id').map((i) => ({
        type: 'introduction',
        id: i.id as number,
        date: i.date,
        introducerId: i.introducer_id,
        personId: i.person_id,
        toId: i.to_id,
        context: i.context,
        reportedBack: bool(i.reported_back),
        created: i.created,
      })),
      ...rows<Record<string, unknown>>('SELECT * FROM notes ORDER BY id').map((n) => ({
        type: 'note',
        id: n.id as number,
        contactId: n.contact_id,
        date: n.date,
        text: n.text,
        meetingId: n.meeting_id,
        created: n.created,
      })),
      ...rows<Record<string, unknown>>('SELECT * FROM gifts ORDER BY id').map((g) => ({
        type: 'gift',
        id: g.id as number,
        contactId: g.contact_id,
        date: g.date,
        text: g.text,
        meetingId: g.meeting_id,
        created: g.created,
      })),
      ...rows<Record<string, unknown>>('SELECT * FROM follow_ups ORDER BY id').map((f) => ({
        type: 'followUp',
        id: f.id as number,
        contactId: f.contact_id,
        kind: f.kind,
        text: f.text,
        due: f.due,
        status: f.status,
        closed: f.closed,
        meetingId: f.meeting_id,
        introductionId: f.introduction_id,
        created: f.created,
      })),
    ];
  } finally {
    db.close();
  }
}

/** Keep only the fields the schema-1 view has, so that fields added later do not count as changes. */
function project(records: Exported[], like: Exported[]): Exported[] {
  return records.map((r) => {
    const model = like.find((l) => l.type === r.type);
    if (!model) return r;
    return Object.fromEntries(Object.keys(model).map((k) => [k, r[k]])) as Exported;
  });
}

let t: TempDir;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.remove());

/**
 * Rows of after, keeping only the columns the tables had before: later
 * migrations add derived columns (contacts.next_touch in 0004), while every
 * stored value must come through unchanged.
 */
function columnsOf(
  after: Record<string, unknown[]>,
  before: Record<string, unknown[]>,
): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(after).map(([table, rows]) => {
      const columns = Object.keys((before[table]?.[0] ?? {}) as object);
      if (columns.length === 0) return [table, rows];
      const keep = (row: unknown) =>
        Object.fromEntries(columns.map((c) => [c, (row as Record<string, unknown>)[c]]));
      return [table, rows.map(keep)];
    }),
  );
}

describe.sequential('upgrades', () => {
  it('the fixture is a schema-1 journal with rows in every table and every follow-up status', () => {
    copyFileSync(FIXTURE_V1, t.path); // never open the committed file itself read-write
    const h = health(t.path);
    expect(h.version).toBe(1);
    expect(h.integrity).toBe('ok');
    for (const [table, n] of Object.entries(h.counts)) expect(n, table).toBeGreaterThan(0);
    const db = new Database(t.path, { readonly: true });
    const statuses = db.prepare('SELECT DISTINCT status FROM follow_ups ORDER BY 1').pluck().all();
    const kinds = db.prepare('SELECT DISTINCT kind FROM follow_ups ORDER BY 1').pluck().all();
    const migrations = db.prepare('SELECT version, name FROM schema_migrations').all();
    db.close();
    expect(statuses).toEqual(['done', 'dropped', 'open']);
    expect(kinds).toEqual(['action', 'report_back', 'thank_you', 'waiting']);
    expect(migrations).toEqual([{ version: 1, name: '0001_initial' }]);
  });

  it('a schema-1 journal is upgraded on first use with every record kept', async () => {
    copyFileSync(FIXTURE_V1, t.path);
    const tablesBefore = dumpTables(t.path);
    const before = v1AsExport(t.path);
    expect(before.length).toBeGreaterThan(20);

    // The first command is a read; it upgrades the journal in place.
    const exported = await runCli(['export'], t.env);
    expect(exported.stderr).toMatch(/^Exported 6 contacts, 4 meetings/);
    expect(exported.code).toBe(0);
    const after = parseExport(exported.stdout);
    expect(project(after, before)).toEqual(before);

    const h = health(t.path);
    expect(h.version).toBe(latestVersion());
    expect(h.integrity).toBe('ok');
    expect(h.foreignKeyProblems).toBe(0);
    expect(columnsOf(dumpTables(t.path), tablesBefore)).toEqual(tablesBefore);
    const db = new Database(t.path, { readonly: true });
    const migrations = db.prepare('SELECT version FROM schema_migrations ORDER BY 1').pluck().all();
    db.close();
    // Every migration this netjournal ships (0009 is on another branch until merged).
    expect(migrations).toEqual(knownMigrations().map((m) => m.version));

    // Upgraded data works with today's features (search came in schema 2) and is stable.
    const search = await runCli(['search', 'cello', '--json'], t.env);
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('Plays the cello');
    const again = await runCli(['export'], t.env);
    expect(again.stdout).toBe(exported.stdout);
    const added = await runCli(['add', 'Ralph Smith', '--no-thank-you'], t.env);
    expect(added.stderr).not.toMatch(/netjournal:/);
    expect(added.code).toBe(0);
    expect(health(t.path).counts.meetings).toBe(tablesBefore.meetings.length + 1);
  });

  it('a journal from a newer netjournal is refused (exit 4) and left byte-identical', async () => {
    copyFileSync(FIXTURE_V1, t.path);
    expect((await runCli(['follow-ups'], t.env)).code).toBe(0); // upgrade to the latest
    const newer = latestVersion() + 1;
    const db = new Database(t.path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)').run(
      newer,
      `${String(newer).padStart(4, '0')}_from_the_future`,
      '2027-01-01T00:00:00.000Z',
    );
    db.pragma(`user_version = ${newer}`);
    db.close();
    checkpoint(t.path);
    const bytes = readFileSync(t.path);
    const mtime = statSync(t.path).mtimeMs;

    for (const args of [
      ['contacts', '--json'],
      ['export'],
      ['add', 'Lena Ortiz'],
      ['note', 'Ralph Smith', 'Has a dog'],
    ]) {
      const result = await runCli(args, t.env);
      expect(result.code, args.join(' ')).toBe(4);
      expect(result.stdout).toBe('');
      expect(expectOneLineError(result.stderr), result.stderr).toBe(true);
      expect(result.stderr).toContain(t.path);
      expect(result.stderr).toContain(`schema ${newer}`);
      expect(result.stderr).toContain('upgrade netjournal');
    }
    expect(readFileSync(t.path).equals(bytes)).toBe(true);
    expect(statSync(t.path).mtimeMs).toBe(mtime);
    expect(existsSync(join(t.dir, 'journal.db-wal')) ? statSync(t.path + '-wal').size : 0).toBe(0);
  });

  it('a schema-5 journal (rows in every table, an undo history) is upgraded on first use with every record kept', async () => {
    makeSchema5Journal(t.path);
    const h5 = health(t.path);
    expect(h5.version).toBe(5);
    for (const [table, n] of Object.entries(h5.counts)) expect(n, table).toBeGreaterThan(0);
    const old = new Database(t.path, { readonly: true });
    expect(old.prepare('SELECT count(*) FROM undo_log').pluck().get()).toBeGreaterThan(20);
    old.close();
    const tablesBefore = dumpTables(t.path);
    const before = v1AsExport(t.path);

    const exported = await runCli(['export'], t.env);
    expect(exported.stderr).toMatch(/^Exported 3 contacts, 2 meetings/);
    expect(exported.code).toBe(0);
    expect(project(parseExport(exported.stdout), before)).toEqual(before);
    expect(health(t.path).version).toBe(latestVersion());
    expect(columnsOf(dumpTables(t.path), tablesBefore)).toEqual(tablesBefore);
    await expectUpgradedCore(t.path, t.env);
  });

  it('an upgraded schema-1 journal has stable ids and a change log that rebuilds it', async () => {
    copyFileSync(FIXTURE_V1, t.path);
    expect((await runCli(['follow-ups'], t.env)).code).toBe(0); // a read upgrades it
    await expectUpgradedCore(t.path, t.env);
  });
});

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * What migration 0006 promises an upgraded journal: a distinct UUIDv7 for
 * every entity (the user's own contact the same in every journal), a device
 * id, a change log of one 'upgrade' group that inserts every record (and
 * 0008's marking its generated follow-up texts), which undo cannot revert and whose replay into an empty journal gives the same
 * export, and a doctor that finds nothing wrong.
 */
async function expectUpgradedCore(path: string, env: NodeJS.ProcessEnv): Promise<void> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const uids: string[] = [];
    let records = 0;
    for (const spec of Object.values(RECORDS)) {
      const where = spec.internal ? `WHERE NOT (${spec.internal})` : '';
      records += db.prepare(`SELECT count(*) FROM ${spec.table} ${where}`).pluck().get() as number;
      if (spec.identity !== 'uid') continue;
      const rows = db.prepare(`SELECT id, uid FROM ${spec.table} ${where}`).all() as {
        id: number;
        uid: string | null;
      }[];
      for (const row of rows)
        expect([spec.table, row.id, row.uid]).toEqual([
          spec.table,
          row.id,
          expect.stringMatching(UUID_V7),
        ]);
      uids.push(...rows.map((r) => r.uid as string));
    }
    expect(new Set(uids).size).toBe(uids.length);
    expect(db.prepare('SELECT uid FROM contacts WHERE is_me = 1').pluck().get()).toBe(ME_UID);
    expect(db.prepare(`SELECT value FROM journal_meta WHERE key = 'device'`).pluck().get()).toMatch(
      UUID_V7,
    );

    // 0006's group inserts every record; 0008's marks the thank-yous and
    // report-backs netjournal wrote with their template (both not undoable).
    const generated = db
      .prepare(`SELECT count(*) FROM follow_ups WHERE kind IN ('thank_you', 'report_back')`)
      .pluck()
      .get() as number;
    expect(generated).toBeGreaterThan(0);
    const upgrade = {
      id: expect.any(Number) as unknown,
      label: 'upgrade',
      undoable: 0,
      undoes: null,
    };
    const groups = db.prepare('SELECT id, label, undoable, undoes FROM change_groups').all();
    expect(groups).toEqual([upgrade, upgrade]);
    const ops = db.prepare('SELECT op, count(*) AS n FROM changes GROUP BY op').all();
    expect(ops).toEqual([
      { op: 'insert', n: records },
      { op: 'update', n: generated },
    ]);
    expect(db.prepare(`SELECT count(*) FROM follow_ups WHERE template = kind`).pluck().get()).toBe(
      generated,
    );
    const logged = db
      .prepare(
        `SELECT uid FROM changes WHERE op = 'insert' AND record IN ('contact', 'meeting', 'note', 'introduction', 'followUp', 'gift')`,
      )
      .pluck()
      .all();
    expect([...logged].sort()).toEqual(uids.filter((u) => u !== ME_UID).sort());

    const fresh = openMemoryJournal('2026-11-21T00:00:00.000Z');
    try {
      writeTransaction(fresh, 'replay', () => replayChanges(fresh, iterateChanges(db)));
      expect(dumpJournal(fresh)).toEqual(dumpJournal(db));
    } finally {
      fresh.close();
    }
  } finally {
    db.close();
  }
  checkpoint(path);
  const bytes = readFileSync(path);
  const undo = await runCli(['undo'], env);
  expect(undo.code).toBe(2);
  expect(undo.stderr).toContain('nothing to undo');
  checkpoint(path);
  expect(readFileSync(path).equals(bytes)).toBe(true);

  // The journal was copied or made by hand with the umask's mode: a warning, not a failure.
  const doctor = await runCli(['doctor', '--json'], env);
  expect(doctor.code).toBe(0);
  const report = JSON.parse(doctor.stdout) as {
    ok: boolean;
    checks: { name: string; status: string }[];
  };
  expect(report.ok).toBe(true);
  const notOk = report.checks.filter((c) => c.status !== 'ok').map((c) => c.name);
  expect(notOk.filter((name) => name !== 'file permissions')).toEqual([]);
  expect(report.checks.find((c) => c.name === 'change log')).toMatchObject({ status: 'ok' });
}
