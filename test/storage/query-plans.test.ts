import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

// Every read statement the everyday commands run is explained (EXPLAIN QUERY
// PLAN, with the values it ran with), and a full scan of a table that grows
// with the journal fails the test: their cost must come from an index, not
// from the size of the journal (issue #7).

interface Plan {
  sql: string;
  steps: string[];
}

const KEYWORDS = new Set([
  'WHERE',
  'JOIN',
  'ON',
  'LEFT',
  'INNER',
  'CROSS',
  'ORDER',
  'GROUP',
  'LIMIT',
]);

/** Partial indexes (CREATE INDEX … WHERE): scanning one reads only the rows it selects. */
let partialIndexes = new Set<string>();

/**
 * The tables a plan reads in full ("SCAN x", x a table or its alias), except
 * through a partial index, such as the open follow-ups by due date.
 */
function scannedTables(plan: Plan): string[] {
  const tables = new Map<string, string>();
  for (const m of plan.sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const [, table = '', alias] = m;
    tables.set(table, table);
    if (alias && !KEYWORDS.has(alias.toUpperCase())) tables.set(alias, table);
  }
  return plan.steps.flatMap((step) => {
    const [, scanned, index] = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(step) ?? [];
    if (!scanned || (index && partialIndexes.has(index))) return [];
    return [tables.get(scanned) ?? scanned];
  });
}

type Runner = (...args: unknown[]) => unknown;

/** Record the plan of every read statement prepared while fn runs. */
async function plansOf(fn: () => Promise<unknown>): Promise<Plan[]> {
  const plans: Plan[] = [];
  const prepare = Database.prototype.prepare;
  const spy = vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (
    this: Database.Database,
    sql: string,
  ) {
    const statement = prepare.call(this, sql);
    if (!statement.reader || /^\s*(EXPLAIN|PRAGMA)\b/i.test(sql)) return statement;
    const explain = prepare.call(this, `EXPLAIN QUERY PLAN ${sql}`);
    const methods = statement as unknown as Record<'all' | 'get' | 'iterate', Runner>;
    for (const name of ['all', 'get', 'iterate'] as const) {
      const original = methods[name].bind(statement);
      methods[name] = (...args: unknown[]) => {
        const steps = ((explain.all as Runner)(...args) as { detail: string }[]).map(
          (r) => r.detail,
        );
        plans.push({ sql, steps });
        return original(...args);
      };
    }
    return statement;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return plans;
}

let journal: TempJournal;

beforeAll(async () => {
  journal = tempJournal();
  const setup = [
    ['config', 'set', 'cadence.second', '30d'],
    ['contact', 'add', 'Mom', '--circle', 'inner', '--birthday', '1960-11-21'],
    ['add', 'Joe Park', '--via', 'Mom', '--date', '2026-09-01', '--follow-up', 'send the deck'],
    ['add', 'Ralph Smith', '--via', 'Joe Park', '--date', '2026-10-01', '--offered', 'an intro'],
    ['contact', 'edit', 'Ralph Smith', '--every', '2w', '--circle', 'second'],
    ['note', 'Joe Park', 'climbs on Sundays'],
  ];
  for (const args of setup) {
    const r = await journal.run(args);
    expect(r.stderr).not.toMatch(/^netjournal: /m);
    expect(r.code).toBe(0);
  }
  const db = new Database(journal.path, { readonly: true });
  const partial = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'`)
    .pluck()
    .all() as string[];
  db.close();
  partialIndexes = new Set(partial);
  expect(partialIndexes).toContain('follow_ups_open_by_due');
});

afterAll(() => journal.remove());

const GROWING = ['meetings', 'meeting_contacts', 'follow_ups', 'notes', 'introductions'];

const cases: [string, string[], string[]][] = [
  ['today --json', ['today', '--json'], [...GROWING, 'contacts']],
  ['today --days 30', ['today', '--days', '30', '--format', 'tsv'], [...GROWING, 'contacts']],
  ['intros --chain', ['intros', '--chain', 'Ralph Smith', '--json'], GROWING],
  ['contacts --json', ['contacts', '--json'], GROWING],
  ['contacts --stale', ['contacts', '--stale', '--json'], [...GROWING, 'contacts']],
  ['search', ['search', 'sundays', '--json'], GROWING],
  ['follow-ups', ['follow-ups', '--json'], GROWING],
  ['log NAME', ['log', 'Joe Park', '--json'], GROWING],
  // Finding Joe Park by name (or nickname) reads the contacts through their indexes.
  ['add (a write)', ['add', 'Joe Park', '--no-thank-you'], [...GROWING, 'contacts']],
  // jot reads its candidate contacts from the name index, never every contact per word.
  [
    'jot (a write)',
    ['jot', 'coffee with joe park and Ralph yesterday: notes', '--yes', '--no-thank-you'],
    [...GROWING, 'contacts'],
  ],
  ['jot --dry-run', ['jot', '--dry-run', 'lunch with Joe and Mom'], [...GROWING, 'contacts']],
  ['notes NAME', ['notes', 'Joe Park', '--json'], GROWING],
  ['note edit (a write)', ['note', 'edit', '1', 'climbs on Saturdays'], GROWING],
  ['intro edit (a write)', ['intro', 'edit', '2', '--date', '2026-09-30'], GROWING],
  ['intro reported (a write)', ['intro', 'reported', '2'], GROWING],
  ['intro (a write)', ['intro', 'Mom', 'Ralph Smith', '--to', 'Joe Park'], GROWING],
  ['follow-up edit (a write)', ['follow-up', 'edit', '1', '--due', 'monday'], GROWING],
];

describe('query plans of the everyday commands', () => {
  it.each(cases)('%s reads no growing table in full', async (_name, args, forbidden) => {
    let code = -1;
    const plans = await plansOf(async () => {
      code = (await journal.run(args)).code;
    });
    expect(code).toBe(0);
    expect(plans.length).toBeGreaterThan(0);
    const scans = plans.flatMap((plan) =>
      scannedTables(plan)
        .filter((table) => forbidden.includes(table))
        .map((table) => `${table} in: ${plan.sql.replace(/\s+/g, ' ').trim()}`),
    );
    expect(scans).toEqual([]);
  });

  // The search index's list of a word runs through every note's and meeting's
  // words as well as the names: 5 ms a word at L. jot and the name lookups
  // read the contact name index (0011), which holds only names.
  it.each([
    ['jot (a write)', ['jot', 'coffee with joe park and Ralph yesterday: notes', '--yes']],
    ['jot --dry-run', ['jot', '--dry-run', 'lunch with Joe and Mom']],
    ['add (a write)', ['add', 'Joe Park', '--no-thank-you']],
    ['log NAME', ['log', 'Joe Park', '--json']],
  ])('%s finds names in the contact name index, not in the search index', async (_n, args) => {
    let code = -1;
    const plans = await plansOf(async () => {
      code = (await journal.run(args)).code;
    });
    expect(code).toBe(0);
    const reading = (table: string) =>
      plans.filter((plan) => new RegExp(`\\b${table}\\b`).test(plan.sql)).map((p) => p.sql);
    expect(reading('contact_names')).not.toEqual([]);
    expect(reading('search_index')).toEqual([]);
    const scans = plans.flatMap((plan) => scannedTables(plan).filter((t) => t === 'contacts'));
    expect(scans).toEqual([]);
  });

  it('notices a full scan (the check itself can fail)', async () => {
    const plans = await plansOf(async () => {
      const db = new Database(journal.path, { readonly: true });
      db.prepare('SELECT count(*) FROM meetings m WHERE m.notes LIKE ?').get('%x%');
      db.close();
    });
    expect(plans.flatMap(scannedTables)).toEqual(['meetings']);
  });
});
