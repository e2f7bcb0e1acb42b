import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_VIEWS } from '../../src/storage/search-maintenance.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

// The contract: the journal is an ordinary SQLite file that SQLite 3.37 or
// newer reads. better-sqlite3 bundles a recent SQLite, so syntax that only a
// new SQLite parses slips into the schema unnoticed; an older SQLite then
// refuses every statement ("malformed database schema"). This test reads a
// full journal with the tools a user has: Debian's sqlite3 shell and
// Python's sqlite3 module (both SQLite 3.40 on Debian 12; .ci/run installs
// them when missing).

const SQLITE3 = '/usr/bin/sqlite3';
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** SQLite 3.44 added concat_ws() and group_concat(… ORDER BY …): an older one is a real check. */
const NEWEST_OLD_SQLITE = [3, 44, 0];

let j: TempJournal;
/** Every table and view of the journal with its row count, as better-sqlite3 sees it. */
let expected: Record<string, number>;

/** A journal with rows in every table, and documents that exercise each view's edge cases. */
async function populate(): Promise<void> {
  const steps: string[][] = [
    ['config', 'set', 'cadence.second', '30d'],
    [
      'contact',
      'add',
      'Hannah Müller',
      '--company',
      'Deutsche Bahn',
      '--role',
      'Data engineer',
      '--email',
      'hannah@example.com',
      '--location',
      'Berlin',
      '--how',
      'PyData meetup',
      '--circle',
      'second',
      '--tag',
      'rail',
      '--tag',
      'Data',
      '--tag',
      'berlin',
    ],
    // Only some fields (NULLs in between), and only tags.
    ['contact', 'add', 'Ravi Rao', '--role', 'Designer', '--location', 'Pune'],
    ['contact', 'add', 'Ana Lima', '--tag', 'b', '--tag', 'A', '--alias', 'Aninha'],
    ['contact', 'add', 'Bare Name'],
    // Two contacts with the same name: the meeting's people break the tie by id.
    ['contact', 'add', 'Sam Lee', '--company', 'Acme'],
    ['contact', 'add', 'Sam Lee', '--new', '--company', 'Globex'],
    [
      'add',
      'Ravi Rao',
      'José Álvarez',
      'ana lima',
      '--via',
      'Hannah Müller',
      '--date',
      '2026-11-02',
      '--notes',
      'Coffee about his perception research lab',
      '--learned',
      'Has two kids',
      '--follow-up',
      'Send the paper',
      '--offered',
      'An intro to Ralph',
      '--gave',
      'A book on trains',
    ],
    ['add', '#5', '#6', '--kind', 'call', '--date', '2026-11-10'],
    ['intro', 'me', 'Ana Lima', '--to', 'Ravi Rao', '--note', 'both design'],
    ['note', 'Bare Name', 'Plays the cello'],
    ['follow-up', 'Ana Lima', 'Ask about Lisbon', '--due', '2026-11-25'],
  ];
  for (const step of steps) {
    const result = await j.run(step);
    expect(result.code, `${step.join(' ')}: ${result.stderr}`).toBe(0);
  }
  await populateSync();
}

/** sync's tables: another device, and a field both changed (a conflict). */
async function populateSync(): Promise<void> {
  const remote = join(j.dir, 'remote.git');
  execFileSync('git', ['init', '-q', '--bare', remote]);
  const other = tempJournal();
  try {
    const steps: [TempJournal, string[]][] = [
      [j, ['contact', 'add', 'Grace Hopper']],
      [j, ['sync', 'init', remote, '--device', 'laptop', '--no-encrypt']],
      [other, ['sync', 'init', remote, '--device', 'desktop', '--no-encrypt']],
      [j, ['contact', 'edit', 'Grace Hopper', '--company', 'Navy']],
      [other, ['contact', 'edit', 'Grace Hopper', '--company', 'US Navy']],
      [j, ['sync']],
      [other, ['sync']],
      [j, ['sync']],
    ];
    for (const [journal, step] of steps) {
      const result = await journal.run(step);
      expect(result.code, `${step.join(' ')}: ${result.stderr}`).toBe(0);
    }
  } finally {
    other.remove();
  }
}

function userObjects(db: Database.Database): { type: string; name: string }[] {
  return db
    .prepare(
      `SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY type, name`,
    )
    .all() as { type: string; name: string }[];
}

/** The statements every tool runs: its version, the integrity check, then each count. */
function probeSql(names: readonly string[]): string[] {
  return [
    'SELECT sqlite_version()',
    'PRAGMA integrity_check',
    ...names.map((n) => `SELECT '${n}', count(*) FROM "${n}"`),
  ];
}

interface ToolReport {
  version: string;
  integrity: string[];
  counts: Record<string, number>;
}

function parseReport(lines: string[], names: readonly string[]): ToolReport {
  const [version = '', ...rest] = lines;
  const integrity = rest.slice(0, rest.length - names.length);
  const counts = Object.fromEntries(
    rest.slice(integrity.length).map((line) => {
      const [name = '', n = ''] = line.split('|');
      return [name, Number(n)];
    }),
  );
  return { version, integrity, counts };
}

function olderThan(version: string, limit: number[]): boolean {
  const parts = version.split('.').map(Number);
  for (let i = 0; i < limit.length; i++) {
    const [a, b] = [parts[i] ?? 0, limit[i] ?? 0];
    if (a !== b) return a < b;
  }
  return false;
}

function sqliteShell(path: string, names: readonly string[]): ToolReport {
  const out = execFileSync(SQLITE3, ['-batch', '-bail', '-noheader', '-list', path], {
    input: probeSql(names).join(';\n') + ';\n',
    encoding: 'utf8',
  });
  return parseReport(out.trimEnd().split('\n'), names);
}

const PYTHON_PROBE = `
import sqlite3, sys, json
db = sqlite3.connect(sys.argv[1])
lines = []
for sql in json.loads(sys.stdin.read()):
    for row in db.execute(sql):
        lines.append('|'.join(str(v) for v in row))
db.close()
print('\\n'.join(lines))
`;

function pythonModule(path: string, names: readonly string[]): ToolReport {
  const out = execFileSync(PYTHON, ['-c', PYTHON_PROBE, path], {
    input: JSON.stringify(probeSql(names)),
    encoding: 'utf8',
  });
  return parseReport(out.trimEnd().split('\n'), names);
}

beforeAll(async () => {
  j = tempJournal();
  await populate();
  const db = new Database(j.path, { readonly: true, fileMustExist: true });
  try {
    expected = Object.fromEntries(
      userObjects(db).map(({ name }) => [
        name,
        (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    db.close();
  }
});
afterAll(() => j.remove());

describe('a journal read by an older SQLite', () => {
  it('has a row in every table', () => {
    const empty = Object.entries(expected).filter(([, n]) => n === 0);
    expect(empty).toEqual([]);
  });

  const tools: [string, (path: string, names: readonly string[]) => ToolReport][] = [
    [`the sqlite3 shell (${SQLITE3})`, sqliteShell],
    [`Python's sqlite3 module (${PYTHON})`, pythonModule],
  ];
  for (const [tool, probe] of tools) {
    it(`opens, checks and reads every table and view with ${tool}`, () => {
      const names = Object.keys(expected);
      const report = probe(j.path, names);
      expect(
        olderThan(report.version, NEWEST_OLD_SQLITE),
        `${tool} has SQLite ${report.version}: it should be older than 3.44 to check anything`,
      ).toBe(true);
      expect(report.integrity).toEqual(['ok']);
      expect(report.counts).toEqual(expected);
    });
  }
});

describe('the portable search views', () => {
  it('hold exactly the documents that the views of 0002_search.sql defined', () => {
    // better-sqlite3's SQLite parses the original definitions: recreate them
    // as temporary views beside the journal's and compare row for row.
    const original = readFileSync(
      new URL('../../migrations/0002_search.sql', import.meta.url),
      'utf8',
    );
    const db = new Database(j.path, { readonly: true, fileMustExist: true });
    try {
      for (const view of SEARCH_VIEWS) {
        const definition = new RegExp(`CREATE VIEW ${view} AS\\n[\\s\\S]*?;\\n`).exec(original);
        expect(definition, view).not.toBeNull();
        db.exec(
          (definition?.[0] ?? '').replace(`CREATE VIEW ${view}`, `CREATE TEMP VIEW old_${view}`),
        );
        // 0010 adds a contact's nicknames to its name, each after char(30): the rest is as it was.
        const rows = (from: string) =>
          (
            db
              .prepare(`SELECT doc, kind, ref, name, people, body FROM ${from} ORDER BY doc`)
              .all() as { name: string }[]
          ).map((r) => ({ ...r, name: r.name.split('\u001e')[0] }));
        const now = rows(view);
        expect(now.length, view).toBeGreaterThan(0);
        expect(now, view).toEqual(rows(`old_${view}`));
      }
      expect(
        db
          .prepare(`SELECT name FROM search_contact_docs WHERE name LIKE 'Ana Lima%'`)
          .pluck()
          .get(),
      ).toBe('Ana Lima\u001eAninha');
      // The cases the rewrite must get right, spelled out.
      const body = (name: string) =>
        (
          db
            .prepare(
              `SELECT body FROM search_contact_docs
                      WHERE ref IN (SELECT id FROM contacts WHERE name = ?) ORDER BY ref`,
            )
            .all(name) as { body: string }[]
        ).map((r) => r.body);
      const RS = '\x1e';
      expect(body('Hannah Müller')).toEqual([
        ['Deutsche Bahn', 'Data engineer', 'hannah@example.com', 'Berlin', 'PyData meetup'].join(
          RS,
        ) +
          RS +
          'berlin, Data, rail',
      ]);
      expect(body('Ravi Rao')).toEqual([`Designer${RS}Pune`]);
      expect(body('Ana Lima')).toEqual(['A, b']);
      expect(body('Bare Name')).toEqual(['']);
      const people = db
        .prepare(`SELECT people FROM search_meeting_docs ORDER BY ref`)
        .pluck()
        .all();
      expect(people).toEqual(['Ana Lima, José Álvarez, Ravi Rao', 'Sam Lee, Sam Lee']);
    } finally {
      db.close();
    }
  });
});
