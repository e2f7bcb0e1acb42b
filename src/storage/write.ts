import { JournalError } from '../errors.js';
import type { RecordType } from '../model/field.js';
import { activeGroup, appendChange, inGroup, type Group } from './change-log.js';
import type { Db } from './journal.js';
import { anyDependentSqlOf, dependentsOf, planOf, type RecordPlan } from './record-plan.js';
import { statement } from './sqlite.js';
import { uuidv7 } from './stable-id.js';

/**
 * The one write path. Every change to user data goes through insertRecord,
 * updateRecord or deleteRecord, which write the row and, in the same
 * transaction, append a change to the change log (0006_change_log.sql):
 * record type, stable id, the columns set (references as stable ids), their
 * values before, a hybrid logical clock and this journal's device id. Derived
 * data (last met, next touch, the search index) is kept by triggers and is
 * not logged. A write command's changes form one group (change-log.ts): what
 * `undo` reverts.
 */

export {
  abandonChangeGroup,
  closeChangeGroup,
  currentGroupId,
  metaValue,
  openChangeGroup,
  UNDO_DEPTH,
} from './change-log.js';

export type SqlValue = string | number | bigint | null;
/** A row by column name. */
export type Row = Record<string, SqlValue>;
/** Which row: an entity's local id, or the identity columns of a link or setting. */
export type RowKey = number | Row;

/** The stable id of an entity by local id (cached for the group). */
function uidOf(db: Db, group: Group, type: RecordType, id: number): string {
  const plan = planOf(type);
  let cache = group.uids.get(plan.table);
  if (!cache) group.uids.set(plan.table, (cache = new Map()));
  let uid = cache.get(id);
  if (uid === undefined) {
    const row = statement(db, `SELECT uid FROM ${plan.table} WHERE id = ?`).get(id) as
      { uid: string | null } | undefined;
    if (!row?.uid) throw new Error(`${type} ${id} refers to a missing record`);
    uid = row.uid;
    cache.set(id, uid);
  }
  return uid;
}

/** The columns' values as the log keeps them: references as stable ids. */
export function logged(
  db: Db,
  group: Group,
  plan: RecordPlan,
  row: Row,
  columns: readonly string[],
): Row {
  const out: Row = {};
  for (const column of columns) {
    const ref = plan.byColumn.get(column)?.ref;
    const value = row[column] ?? null;
    out[column] =
      ref !== undefined && value !== null ? uidOf(db, group, ref, Number(value)) : value;
  }
  return out;
}

/** A record's stable id: its uid, or for links and settings one made of its identity. */
function stableKey(db: Db, group: Group, plan: RecordPlan, row: Row): string {
  if (plan.entity) return String(row.uid);
  const parts = plan.identity.map((column) => {
    const ref = plan.byColumn.get(column)?.ref;
    const value = row[column];
    if (ref !== undefined) return uidOf(db, group, ref, Number(value));
    // Tags compare without case (COLLATE NOCASE), so their ids do too.
    return String(value).toLowerCase();
  });
  return `${plan.type}:${parts.join(':')}`;
}

/** A reference as the log keeps it: the stable id of the record referred to. */
export function loggedValue(db: Db, group: Group, ref: RecordType, value: SqlValue): string {
  return uidOf(db, group, ref, Number(value));
}

/** A value as SQLite stores it: booleans as 0/1, undefined as null. */
export function sqlValue(value: unknown): SqlValue {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as SqlValue;
}

function keyParams(plan: RecordPlan, key: RowKey): SqlValue[] {
  if (typeof key === 'number') return [key];
  return plan.identity.map((c) => sqlValue(key[c]));
}

function keyOf(plan: RecordPlan, row: Row): RowKey {
  if (plan.entity) return Number(row.id);
  const key: Row = {};
  for (const c of plan.identity) key[c] = row[c] ?? null;
  return key;
}

/** The row a key names, as stored, or undefined. */
export function rowOf(db: Db, type: RecordType, key: RowKey): Row | undefined {
  const plan = planOf(type);
  return statement(db, plan.selectSql).get(...keyParams(plan, key)) as Row | undefined;
}

/**
 * Insert a record. values are by column (booleans as 0/1 or true/false); an
 * entity may come with its id and uid (import, undo), else it gets new ones.
 * A link that exists already is left alone. Returns the local id (entities),
 * or 1/0 for whether a link or setting was added.
 */
export function insertRecord(db: Db, type: RecordType, values: Record<string, unknown>): number {
  return inGroup(db, (group) => insertInGroup(db, group, planOf(type), values));
}

function insertInGroup(
  db: Db,
  group: Group,
  plan: RecordPlan,
  values: Record<string, unknown>,
): number {
  const { fields, columns, refs } = plan;
  const params: SqlValue[] = new Array<SqlValue>(fields.length);
  const log: Row = {};
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as (typeof fields)[number];
    const value = sqlValue(values[field.column] ?? field.default ?? null);
    params[i] = value;
    // An insert logs the fields it sets: a column left out is null.
    if (value === null) continue;
    const ref = refs[i];
    log[field.column] = ref !== undefined ? uidOf(db, group, ref, Number(value)) : value;
  }
  if (plan.entity) {
    const uid = typeof values.uid === 'string' ? values.uid : uuidv7();
    const rowid = statement(db, plan.insertSql).run(
      sqlValue(values.id),
      uid,
      ...params,
    ).lastInsertRowid;
    // A rowid past 2^53 would come back rounded and name another record.
    if (typeof rowid !== 'number' || !Number.isSafeInteger(rowid))
      throw new JournalError(
        `${plan.type} id ${String(rowid)} is too large`,
        'export the journal and import it into a new one to renumber it',
      );
    const id = rowid;
    let cache = group.uids.get(plan.table);
    if (!cache) group.uids.set(plan.table, (cache = new Map()));
    cache.set(id, uid);
    appendChange(db, group, plan.type, uid, 'insert', id, log, null);
    return id;
  }
  if (statement(db, plan.insertSql).run(...params).changes === 0) return 0;
  const row: Row = {};
  columns.forEach((c, i) => (row[c] = params[i] ?? null));
  appendChange(db, group, plan.type, stableKey(db, group, plan, row), 'insert', null, log, null);
  return 1;
}

/**
 * Set some columns of a record; only the ones whose value changes are
 * written and logged. Returns whether anything changed.
 */
export function updateRecord(
  db: Db,
  type: RecordType,
  key: RowKey,
  values: Record<string, unknown>,
): boolean {
  return inGroup(db, (group) => updateInGroup(db, group, planOf(type), key, values));
}

function updateInGroup(
  db: Db,
  group: Group,
  plan: RecordPlan,
  key: RowKey,
  values: Record<string, unknown>,
): boolean {
  const before = statement(db, plan.selectSql).get(...keyParams(plan, key)) as Row | undefined;
  if (!before) return false;
  const next: Row = {};
  const columns: string[] = [];
  for (const [column, raw] of Object.entries(values)) {
    const field = plan.byColumn.get(column);
    if (!field || field.derived) throw new Error(`${plan.type} has no writable field ${column}`);
    const value = sqlValue(raw);
    if (value === before[column]) continue;
    if (plan.identity.includes(column))
      throw new Error(`${plan.type}'s ${column} is its identity: delete and insert instead`);
    next[column] = value;
    columns.push(column);
  }
  if (columns.length === 0) return false;
  statement(
    db,
    `UPDATE ${plan.table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${plan.whereKey}`,
  ).run(...columns.map((c) => next[c] ?? null), ...keyParams(plan, key));
  // A link or setting is found again by its identity, so the log keeps it with every change.
  const shown = [...plan.identity, ...columns];
  appendChange(
    db,
    group,
    plan.type,
    stableKey(db, group, plan, before),
    'update',
    plan.entity ? Number(before.id) : null,
    logged(db, group, plan, { ...before, ...next }, shown),
    logged(db, group, plan, before, shown),
  );
  return true;
}

/**
 * Delete a record. What refers to it goes first, through this same path, as
 * the schema's foreign keys say (cascade: deleted; null: the reference is
 * cleared), so that every row that changes is in the log. Returns whether
 * the record existed. The user's own contact is never deleted.
 */
export function deleteRecord(db: Db, type: RecordType, key: RowKey): boolean {
  return inGroup(db, (group) => deleteInGroup(db, group, planOf(type), key));
}

function deleteInGroup(db: Db, group: Group, plan: RecordPlan, key: RowKey): boolean {
  const before = statement(db, plan.selectSql).get(...keyParams(plan, key)) as Row | undefined;
  if (!before || (plan.type === 'contact' && before.is_me === 1)) return false;
  const anyDependent = plan.entity ? anyDependentSqlOf(plan.type) : null;
  if (
    anyDependent &&
    (statement(db, anyDependent).get({ id: before.id }) as { found: number }).found
  ) {
    for (const { plan: child, field } of dependentsOf(plan.type)) {
      const rows = statement(db, `SELECT * FROM ${child.table} WHERE ${field.column} = ?`).all(
        before.id,
      ) as Row[];
      for (const row of rows) {
        if (field.onDelete === 'null')
          updateInGroup(db, group, child, keyOf(child, row), { [field.column]: null });
        else deleteInGroup(db, group, child, keyOf(child, row));
      }
    }
  }
  const prior = logged(
    db,
    group,
    plan,
    before,
    plan.columns.filter((c) => before[c] !== null),
  );
  const stable = stableKey(db, group, plan, before);
  statement(db, plan.deleteSql).run(...keyParams(plan, key));
  const localId = plan.entity ? Number(before.id) : null;
  appendChange(db, group, plan.type, stable, 'delete', localId, null, prior);
  return true;
}

/** The local id of an entity by stable id, or undefined. */
export function localIdOf(db: Db, type: RecordType, uid: string): number | undefined {
  const row = statement(db, `SELECT id FROM ${planOf(type).table} WHERE uid = ?`).get(uid) as
    { id: number } | undefined;
  return row?.id;
}

/** A logged row back in local terms: references by local id. Throws when one is missing. */
export function unlogged(db: Db, type: RecordType, row: Row): Row {
  const plan = planOf(type);
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    const ref = plan.byColumn.get(column)?.ref;
    if (ref !== undefined && value !== null) {
      const id = localIdOf(db, ref, String(value));
      if (id === undefined) throw new Error(`${type} refers to a missing ${ref}`);
      out[column] = id;
    } else {
      out[column] = value;
    }
  }
  return out;
}

/**
 * Log a row that is already in the table as inserted (an upgraded journal's
 * baseline, so that replaying the log rebuilds it).
 */
export function logExistingRow(db: Db, type: RecordType, row: Row): void {
  const group = activeGroup(db);
  const plan = planOf(type);
  const log = logged(
    db,
    group,
    plan,
    row,
    plan.columns.filter((c) => (row[c] ?? null) !== null),
  );
  const localId = plan.entity ? Number(row.id) : null;
  appendChange(db, group, plan.type, stableKey(db, group, plan, row), 'insert', localId, log, null);
}
