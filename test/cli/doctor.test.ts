import {
  chmodSync,
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

const doctor = (args: string[] = []) => j.run(['doctor', ...args]);

interface Report {
  journal: string;
  ok: boolean;
  checks: { name: string; status: string; detail: string; fix: string | null }[];
}
const check = (report: Report, name: string) => report.checks.find((c) => c.name === name);

async function seed(): Promise<void> {
  expect(
    (
      await j.run([
        'add',
        'Ralph Smith',
        '--notes',
        'talked about marathons',
        '--learned',
        'runs marathons',
      ])
    ).code,
  ).toBe(0);
  expect(
    (await j.run(['add', 'Lena Park', '--date', '2026-11-01', '--follow-up', 'send the article']))
      .code,
  ).toBe(0);
  expect((await j.run(['contact', 'add', 'Joe Bloggs', '--company', 'Acme'])).code).toBe(0);
}

/** Write with a plain connection, as a stray tool or a bug would. */
function tamper(sql: string): void {
  const db = new Database(j.path);
  db.exec(sql);
  db.close();
}

describe('doctor', () => {
  it('says "no journal yet" for a missing journal, exits 0 and creates nothing', async () => {
    const result = await doctor(['--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.ok).toBe(true);
    expect(report.checks[0]?.detail).toContain('no journal yet');
    expect(existsSync(j.path)).toBe(false);
  });

  it('passes a healthy journal, every check ok', async () => {
    await seed();
    const result = await doctor(['--json']);
    expect(result.stderr).toBe('Journal is healthy.\n');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report).toMatchObject({ journal: j.path, ok: true });
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['journal', 'ok'],
      ['file permissions', 'ok'],
      ['folder permissions', 'ok'],
      ['hard links', 'ok'],
      ['file system', 'ok'],
      ['write access', 'ok'],
      ['integrity', 'ok'],
      ['application id', 'ok'],
      ['schema version', 'ok'],
      ['foreign keys', 'ok'],
      ['last met', 'ok'],
      ['next touch', 'ok'],
      ['search index', 'ok'],
      ['change log', 'ok'],
    ]);
    const text = await doctor();
    expect(text.stdout).toMatch(/^ok {4}journal {12}/);
    expect(text.stdout).not.toContain('FAIL');
  });

  it('fails a search index that lost a document, naming --repair, which fixes it', async () => {
    await seed();
    tamper(`DELETE FROM search_index WHERE rowid = (SELECT max(rowid) FROM search_index)`);
    const before = statSync(j.path).mtimeMs;
    const result = await doctor();
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/FAIL {2}search index .*1 missing/);
    expect(result.stdout).toContain('fix: netjournal doctor --repair');
    expect(statSync(j.path).mtimeMs).toBe(before); // checking wrote nothing
    expect((await j.run(['search', 'article', '--json'])).stdout).not.toContain('send the article');

    const repaired = await doctor(['--repair']);
    expect(repaired.code).toBe(0);
    expect(repaired.stderr).toContain('Rebuilt the search index');
    expect(repaired.stdout).not.toContain('FAIL');
    expect((await doctor()).code).toBe(0);
    expect((await j.run(['search', 'article', '--json'])).stdout).toContain('send the article');
  });

  it('fails a search index holding a stale document', async () => {
    await seed();
    tamper(`UPDATE search_index SET body = 'nothing' WHERE kind = 'note'`);
    const report = JSON.parse((await doctor(['--json'])).stdout) as Report;
    expect(report.ok).toBe(false);
    expect(check(report, 'search index')).toMatchObject({
      status: 'fail',
      fix: 'netjournal doctor --repair',
    });
  });

  it('fails a contact name index that lost a name (jot cannot place them), and --repair rebuilds it', async () => {
    await seed();
    tamper(
      `DELETE FROM contact_names WHERE rowid = (SELECT id FROM contacts WHERE name = 'Lena Park')`,
    );
    const jot = () => j.run(['jot', '--dry-run', 'coffee with Lena Park']);
    expect((await jot()).code).toBe(2);
    const before = statSync(j.path).mtimeMs;
    const result = await doctor(['--json']);
    expect(result.code).toBe(4);
    const report = JSON.parse(result.stdout) as Report;
    expect(check(report, 'search index')).toEqual({
      name: 'search index',
      status: 'fail',
      detail: 'the contact name index has 1 names missing or stale, 0 extra',
      fix: 'netjournal doctor --repair',
    });
    expect(statSync(j.path).mtimeMs).toBe(before); // checking wrote nothing

    const repaired = await doctor(['--repair']);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).not.toContain('FAIL');
    expect((await jot()).code).toBe(0);
  });

  it('fails a last-met date that differs from the meetings, and --repair recomputes it', async () => {
    await seed();
    tamper(`UPDATE contacts SET last_met = '2020-01-01' WHERE name = 'Lena Park'`);
    const result = await doctor(['--json']);
    expect(result.code).toBe(4);
    const report = JSON.parse(result.stdout) as Report;
    expect(check(report, 'last met')).toMatchObject({
      status: 'fail',
      fix: 'netjournal doctor --repair',
    });
    expect(check(report, 'last met')?.detail).toContain(
      'Lena Park: 2020-01-01, meetings say 2026-11-01',
    );
    expect((await doctor(['--repair'])).code).toBe(0);
    const db = new Database(j.path, { readonly: true });
    expect(db.prepare(`SELECT last_met FROM contacts WHERE name = 'Lena Park'`).get()).toEqual({
      last_met: '2026-11-01',
    });
    db.close();
  });

  it('fails a next-touch date that differs from meetings and cadence, and --repair recomputes it', async () => {
    await seed();
    // The cadence is changed as a user would (a raw UPDATE would also go around the change log).
    expect((await j.run(['contact', 'edit', 'Lena Park', '--every', '30d'])).code).toBe(0);
    tamper(`UPDATE contacts SET next_touch = '2020-01-01' WHERE name = 'Lena Park'`);
    const result = await doctor(['--json']);
    expect(result.code).toBe(4);
    const report = JSON.parse(result.stdout) as Report;
    expect(check(report, 'next touch')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('Lena Park: 2020-01-01, cadence says 2026-12-01') as unknown,
      fix: 'netjournal doctor --repair',
    });
    const repaired = await doctor(['--repair']);
    expect(repaired.stderr).toMatch(/fixed last met of 0 contacts and next touch of 1 contact\./);
    expect(repaired.code).toBe(0);
    const db = new Database(j.path, { readonly: true });
    expect(db.prepare(`SELECT next_touch FROM contacts WHERE name = 'Lena Park'`).get()).toEqual({
      next_touch: '2026-12-01',
    });
    db.close();
  });

  it('passes a journal after adds, edits, undos, merges and imports: the log matches the tables', async () => {
    await seed();
    const file = join(j.dir, 'people.csv');
    writeFileSync(
      file,
      'name,company,email,tags\nAna Lima,Initech,ana@initech.test,tech\nJoe Bloggs,,,golf\n',
    );
    const steps = [
      ['contact', 'edit', 'Ralph Smith', '--company', 'Acme', '--tag', 'running'],
      ['import', file],
      ['intro', 'Joe Bloggs', 'Lena Park', '--note', 'design'],
      ['follow-up', 'Joe Bloggs', 'send the deck', '--due', '2026-12-01'],
      ['done', '1'],
      ['snooze', '2', '--until', '2026-12-24'],
      ['undo'],
      ['config', 'set', 'cadence.second', '30d'],
      ['contact', 'merge', 'Ana Lima', 'Lena Park'],
      ['meeting', 'edit', '1', '--notes', 'talked about trail running'],
      ['undo'],
      ['meeting', 'rm', '2'],
      ['contact', 'rm', 'Joe Bloggs', '--yes'],
      ['undo'],
    ];
    for (const step of steps) expect((await j.run(step)).code, step.join(' ')).toBe(0);
    const exported = await j.run(['export']);
    const copy = tempJournal();
    try {
      writeFileSync(join(copy.dir, 'all.jsonl'), exported.stdout);
      expect((await copy.run(['import', join(copy.dir, 'all.jsonl')])).code).toBe(0);
      expect((await copy.run(['undo'])).code).toBe(0);
      expect((await copy.run(['import', join(copy.dir, 'all.jsonl')])).code).toBe(0);
      for (const journal of [j, copy]) {
        const result = await journal.run(['doctor', '--json']);
        expect(result.stderr).toBe('Journal is healthy.\n');
        expect(result.code).toBe(0);
        expect(check(JSON.parse(result.stdout) as Report, 'change log')).toMatchObject({
          status: 'ok',
          detail: expect.stringMatching(/^\d+ changes, matching the records$/) as unknown,
        });
      }
    } finally {
      copy.remove();
    }
  });

  it('fails (exit 4) when a row was changed behind the change log, naming the record, and changes nothing', async () => {
    await seed();
    tamper(`UPDATE contacts SET company = 'X' WHERE name = 'Joe Bloggs'`);
    const db = new Database(j.path, { readonly: true });
    const joe = db.prepare(`SELECT id, uid FROM contacts WHERE name = 'Joe Bloggs'`).get() as {
      id: number;
      uid: string;
    };
    db.close();
    new Database(j.path).pragma('wal_checkpoint(TRUNCATE)'); // the whole journal in the main file
    const bytes = readFileSync(j.path);
    const walSize = () => (existsSync(`${j.path}-wal`) ? statSync(`${j.path}-wal`).size : 0);
    expect(walSize()).toBe(0);

    const result = await doctor(['--json']);
    expect(result.code).toBe(4);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => c.status !== 'ok').map((c) => c.name)).toEqual([
      'change log',
    ]);
    expect(check(report, 'change log')).toEqual({
      name: 'change log',
      status: 'fail',
      detail: `1 record differs from the change log: contact #${joe.id} ${joe.uid} company is "X" in the table, "Acme" in the log`,
      fix: 'restore it from a backup: netjournal restore FILE (--repair does not change records)',
    });
    const text = await doctor();
    expect(text.code).toBe(4);
    expect(text.stdout).toMatch(/FAIL {2}change log .*contact #3 /);

    const repair = await doctor(['--repair']);
    expect(repair.code).toBe(4);
    expect(repair.stderr).toContain('Not repaired');
    expect(readFileSync(j.path).equals(bytes)).toBe(true);
    expect(walSize()).toBe(0);
  });

  it('names rows added or removed behind the change log', async () => {
    await seed();
    tamper(`DELETE FROM notes; INSERT INTO contact_tags (contact_id, tag) VALUES (1, 'sneaky')`);
    const report = JSON.parse((await doctor(['--json'])).stdout) as Report;
    const detail = check(report, 'change log')?.detail ?? '';
    expect(detail).toMatch(/^2 records differ from the change log: /);
    expect(detail).toMatch(/tag tag:[0-9a-f-]{36}:sneaky in the table but not in the change log/);
    expect(detail).toMatch(/note #1 [0-9a-f-]{36} in the change log but not in the table/);
  });

  it('warns, exit 0, when others can read the journal or list its folder', async () => {
    await seed();
    chmodSync(j.path, 0o644);
    chmodSync(j.dir, 0o755);
    const result = await doctor(['--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.ok).toBe(true);
    expect(check(report, 'file permissions')).toMatchObject({
      status: 'warn',
      fix: `chmod 600 ${j.path}`,
    });
    expect(check(report, 'folder permissions')).toMatchObject({
      status: 'warn',
      fix: `chmod 700 ${j.dir}`,
    });
    chmodSync(j.dir, 0o700);
  });

  it('fails a journal with a page overwritten by garbage, and --repair refuses to touch it', async () => {
    await seed();
    for (let i = 0; i < 40; i++)
      await j.run(['note', 'Ralph Smith', `note number ${i} `.repeat(30)]);
    new Database(j.path).pragma('wal_checkpoint(TRUNCATE)'); // everything in the main file
    const pages = statSync(j.path).size / 4096;
    expect(pages).toBeGreaterThan(10);
    const fd = openSync(j.path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(pages * 0.7) * 4096);
    closeSync(fd);
    const result = await doctor();
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/FAIL {2}integrity/);
    expect(result.stdout).toContain('fix: restore it from a backup');
    const repair = await doctor(['--repair']);
    expect(repair.code).toBe(4);
    expect(repair.stderr).toContain('Not repaired');
  });

  it('fails a journal from a newer netjournal and says so for an older one', async () => {
    await seed();
    tamper('PRAGMA user_version = 99');
    let report = JSON.parse((await doctor(['--json'])).stdout) as Report;
    expect(check(report, 'schema version')).toMatchObject({
      status: 'fail',
      fix: 'upgrade netjournal',
    });
    tamper('PRAGMA user_version = 1');
    const result = await doctor(['--json']);
    expect(result.code).toBe(0);
    report = JSON.parse(result.stdout) as Report;
    expect(check(report, 'schema version')?.detail).toContain('upgraded on next use');
  });
});
