import { afterAll, describe, expect, it } from 'vitest';
import { RECORDS, specOfTable } from '../../src/model/declarations.js';
import { declaredColumns, type FieldType, type RecordSpec } from '../../src/model/field.js';
import { openMemoryJournal, type Db } from '../../src/storage/journal.js';

// Every table of user data is declared once (src/model/declarations.ts), and
// everything that writes, logs, exports or undoes it is derived from that
// declaration. So the tables a freshly migrated journal has must be exactly
// what is declared: a column added by a migration but not declared would
// silently escape the change log, undo and export.

/** The SQLite type each declared field type is stored as. */
const SQL_TYPE: Record<FieldType, string> = {
  text: 'TEXT',
  date: 'TEXT',
  integer: 'INTEGER',
  boolean: 'INTEGER',
  ref: 'INTEGER',
};

/** Tables that hold no user data: migrations, the change log, the journal's own facts, the search index and the contact name index, what sync knows of other devices. */
const INTERNAL =
  /^(schema_migrations|change_groups|changes|journal_meta|search_index.*|contact_names.*|sync_devices|sync_conflicts|sqlite_.*)$/;

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

interface Column {
  type: string;
  notnull: boolean;
  default: string | null;
}

/** A table's columns as the journal has them. */
function actualColumns(db: Db, table: string): Map<string, Column> {
  const rows = db.pragma(`table_info(${table})`) as ColumnInfo[];
  return new Map(
    rows.map((r) => [
      r.name,
      // An INTEGER PRIMARY KEY is the rowid: never null, whatever table_info says.
      {
        type: r.type.toUpperCase(),
        notnull: r.notnull === 1 || (r.pk === 1 && r.type === 'INTEGER'),
        default: r.dflt_value,
      },
    ]),
  );
}

/** A table's columns as declared: the short id and uid of entities, then each field. */
function expectedColumns(spec: RecordSpec): Map<string, Column> {
  const columns = new Map<string, Column>();
  if (spec.identity === 'uid') {
    columns.set('id', { type: 'INTEGER', notnull: true, default: null });
    // Added by 0006 to existing tables, so SQLite cannot hold it NOT NULL; every row has one.
    columns.set('uid', { type: 'TEXT', notnull: false, default: null });
  }
  for (const f of spec.fields) {
    const d = f.default;
    columns.set(f.column, {
      type: SQL_TYPE[f.type],
      notnull: f.required === true,
      default: d === undefined ? null : typeof d === 'number' ? String(d) : `'${d}'`,
    });
  }
  return columns;
}

/** Each difference, naming the table and column. */
function differences(
  table: string,
  expected: Map<string, Column>,
  actual: Map<string, Column>,
): string[] {
  const out: string[] = [];
  for (const [name, want] of expected) {
    const have = actual.get(name);
    if (!have) {
      out.push(`${table}.${name}: declared, but the table has no such column`);
      continue;
    }
    for (const key of ['type', 'notnull', 'default'] as const)
      if (have[key] !== want[key])
        out.push(
          `${table}.${name}: ${key} is ${String(have[key])} in the table, ${String(want[key])} in the declaration`,
        );
  }
  for (const name of actual.keys())
    if (!expected.has(name)) out.push(`${table}.${name}: in the table, but not declared`);
  return out;
}

describe('the tables are the declarations', () => {
  const db = openMemoryJournal('2026-11-21T00:00:00.000Z');
  afterAll(() => db.close());

  for (const spec of Object.values(RECORDS)) {
    it(`${spec.table} has the columns of ${spec.type}, with their types`, () => {
      const expected = expectedColumns(spec);
      expect([...expected.keys()].sort()).toEqual([...declaredColumns(spec)].sort());
      expect(differences(spec.table, expected, actualColumns(db, spec.table))).toEqual([]);
    });
  }

  it('every table of user data has a declaration', () => {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all() as string[];
    const undeclared = tables.filter((t) => !INTERNAL.test(t) && specOfTable(t) === undefined);
    expect(undeclared, 'tables with no declaration in src/model/declarations.ts').toEqual([]);
  });
});
