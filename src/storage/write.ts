import { RECORDS } from '../model/declarations.js';
import {
  writableFields,
  type FieldSpec,
  type RecordSpec,
  type RecordType,
} from '../model/field.js';
import type { Db } from './journal.js';
import { statement } from './sqlite.js';
import { uuidv7 } from './stable-id.js';

/**
 * The one write path. Every change to user data goes through insertRecord,
 * updateRecord or deleteRecord, which write the row and, in the same
 * transaction, append a change to the change log (0006_change_log.sql):
 * record type, stable id, the columns set (references as stable ids), their
 * values before, a hybrid logical clock and this journal's device id. Derived
 * data (last met, next touch, the search index) is kept by triggers and is
 * not logged. A write command's changes form one group: what `undo` reverts.
 */

export type SqlValue = string | number | bigint | null;
/** A row by column name. */
export type Row = Record<string, SqlValue>;
/** Which row: an entity's local id, or the identity columns of a link or setting. */
export type RowKey = number | Row;

interface Group {
  id: number;
  device: string;
  changes: number;
  clock: { ms: number; counter: number };
  /** Stable ids of entities by table and local id, as this group meets them. */
  uids: Map<string, Map<number, string>>;
}

const groups = new WeakMap<Db, Group>();

/** How many write commands `undo` can revert; older groups stay in the log but are not undoable. */
export const UNDO_DEPTH = 20;

/** Open the change group of a write transaction; every write until closeChangeGroup belongs to it. */
export function openChangeGroup(db: Db, label: string, undoable = true): void {
  if (groups.has(db)) throw new Error('a change group is already open');
  const device = metaValue(db, 'device');
  if (device === undefined) throw new Error('journal has no device id');
  const [ms = '0', counter = '0'] = (metaValue(db, 'clock') ?? '0/0').split('/');
  const id = Number(
    statement(
      db,
      'INSERT INTO change_groups (label, at, device, undoable) VALUES (?, ?, ?, ?)',
    ).run(label.trim() || 'write', new Date().toISOString(), device, undoable ? 1 : 0)
      .lastInsertRowid,
  );
  groups.set(db, {
    id,
    device,
    changes: 0,
    clock: { ms: Number(ms), counter: Number(counter) },
    uids: new Map(),
  });
}

/**
 * Close the open group: drop it when it changed nothing, else save the clock
 * and leave only the newest UNDO_DEPTH command groups undoable.
 */
export function closeChangeGroup(db: Db): void {
  const group = groups.get(db);
  groups.delete(db);
  if (!group) return;
  if (group.changes === 0) {
    // An undo that found nothing left to revert still records that it ran.
    statement(db, 'DELETE FROM change_groups WHERE id = ? AND undoes IS NULL').run(group.id);
    return;
  }
  statement(db, `INSERT OR REPLACE INTO journal_meta (key, value) VALUES ('clock', ?)`).run(
    `${group.clock.ms}/${group.clock.counter}`,
  );
  statement(
    db,
    `UPDATE change_groups SET undoable = 0
      WHERE undoable = 1 AND id < (SELECT min(id) FROM (
              SELECT id FROM change_groups WHERE undoes IS NULL ORDER BY id DESC LIMIT ?))`,
  ).run(UNDO_DEPTH);
}

/** Forget an open group without touching the database (its transaction is rolling back). */
export function abandonChangeGroup(db: Db): void {
  groups.delete(db);
}

/** The id of the open change group (for undo, which links its group to the one it reverts). */
export function currentGroupId(db: Db): number {
  return activeGroup(db).id;
}

function activeGroup(db: Db): Group {
  const group = groups.get(db);
  if (!group) throw new Error('a write outside a change group');
  return group;
}

/**
 * Run a write in the open change group or, like SQLite's autocommit, in a
 * group (and transaction) of its own when none is open: a storage function
 * called outside writeTransaction (a script, a test) is still logged.
 */
function inGroup<T>(db: Db, fn: (group: Group) => T): T {
  const open = groups.get(db);
  if (open) return fn(open);
  return db.transaction(() => {
    openChangeGroup(db, 'write');
    try {
      const result = fn(activeGroup(db));
      closeChangeGroup(db);
      return result;
    } catch (err) {
      abandonChangeGroup(db);
      throw err;
    }
  })();
}

/** A value of the journal's own metadata (device id, clock). */
export function metaValue(db: Db, key: string): string | undefined {
  const row = statement(db, 'SELECT value FROM journal_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

/**
 * Hybrid logical clock: wall-clock milliseconds, and a counter that orders
 * changes within one millisecond or when the clock went back. With the
 * device id it orders every change of every journal.
 */
function tick(group: Group): string {
  const now = Date.now();
  if (now > group.clock.ms) {
    group.clock.ms = now;
    group.clock.counter = 0;
  } else {
    group.clock.counter++;
  }
  return `${new Date(group.clock.ms).toISOString()}/${group.clock.counter.toString(36).padStart(4, '0')}`;
}

const isEntity = (spec: RecordSpec) => spec.identity === 'uid';

function fieldOf(spec: RecordSpec, column: string): FieldSpec | undefined {
  return spec.fields.find((f) => f.column === column);
}

/** The stable id of an entity by local id (cached for the group). */
function uidOf(db: Db, group: Group, type: RecordType, id: number): string {
  const spec = RECORDS[type];
  let cache = group.uids.get(spec.table);
  if (!cache) group.uids.set(spec.table, (cache = new Map()));
  let uid = cache.get(id);
  if (uid === undefined) {
    const row = statement(db, `SELECT uid FROM ${spec.table} WHERE id = ?`).get(id) as
      { uid: string | null } | undefined;
    if (!row?.uid) throw new Error(`${type} ${id} refers to a missing record`);
    uid = row.uid;
    cache.set(id, uid);
  }
  return uid;
}

/** The columns' values as the log keeps them: references as stable ids. */
function logged(db: Db, group: Group, spec: RecordSpec, row: Row, columns: readonly string[]): Row {
  const out: Row = {};
  for (const column of columns) {
    const field = fieldOf(spec, column);
    const value = row[column] ?? null;
    out[column] =
      field?.type === 'ref' && value !== null
        ? uidOf(db, group, field.ref as RecordType, Number(value))
        : value;
  }
  return out;
}

/** A record's stable id: its uid, or for links and settings one made of its identity. */
function stableKey(db: Db, group: Group, spec: RecordSpec, row: Row): string {
  if (spec.identity === 'uid') return String(row.uid);
  const parts = spec.identity.map((column) => {
    const field = fieldOf(spec, column);
    const value = row[column];
    if (field?.type === 'ref') return uidOf(db, group, field.ref as RecordType, Number(value));
    // Tags compare without case (COLLATE NOCASE), so their ids do too.
    return String(value).toLowerCase();
  });
  return `${spec.type}:${parts.join(':')}`;
}

function appendChange(
  db: Db,
  group: Group,
  spec: RecordSpec,
  key: string,
  op: 'insert' | 'update' | 'delete',
  localId: number | null,
  fields: Row | null,
  prior: Row | null,
): void {
  statement(
    db,
    `INSERT INTO changes (grp, hlc, device, record, uid, op, local_id, fields, prior)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    group.id,
    tick(group),
    group.device,
    spec.type,
    key,
    op,
    localId,
    fields && JSON.stringify(fields),
    prior && JSON.stringify(prior),
  );
  group.changes++;
}

function sqlValue(value: unknown): SqlValue {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as SqlValue;
}

function whereKey(spec: RecordSpec): string {
  return isEntity(spec)
    ? 'id = ?'
    : (spec.identity as readonly string[]).map((c) => `${c} = ?`).join(' AND ');
}

function keyParams(spec: RecordSpec, key: RowKey): SqlValue[] {
  if (typeof key === 'number') return [key];
  return (spec.identity as readonly string[]).map((c) => sqlValue(key[c]));
}

/** A link's or setting's identity columns, logged with every change so it can be found again. */
function identityColumns(spec: RecordSpec): readonly string[] {
  return isEntity(spec) ? [] : (spec.identity as readonly string[]);
}

function keyOf(spec: RecordSpec, row: Row): RowKey {
  if (isEntity(spec)) return Number(row.id);
  const key: Row = {};
  for (const c of spec.identity as readonly string[]) key[c] = row[c] ?? null;
  return key;
}

/** The row a key names, as stored, or undefined. */
export function rowOf(db: Db, type: RecordType, key: RowKey): Row | undefined {
  const spec = RECORDS[type];
  return statement(db, `SELECT * FROM ${spec.table} WHERE ${whereKey(spec)}`).get(
    ...keyParams(spec, key),
  ) as Row | undefined;
}

/**
 * Insert a record. values are by column (booleans as 0/1 or true/false); an
 * entity may come with its id and uid (import, undo), else it gets new ones.
 * A link that exists already is left alone. Returns the local id (entities),
 * or 1/0 for whether a link or setting was added.
 */
export function insertRecord(db: Db, type: RecordType, values: Record<string, unknown>): number {
  return inGroup(db, (group) => insertInGroup(db, group, type, values));
}

function insertInGroup(
  db: Db,
  group: Group,
  type: RecordType,
  values: Record<string, unknown>,
): number {
  const spec = RECORDS[type];
  const fields = writableFields(spec);
  const row: Row = {};
  for (const f of fields) row[f.column] = sqlValue(values[f.column] ?? f.default ?? null);
  const columns = fields.map((f) => f.column);
  if (isEntity(spec)) {
    const uid = typeof values.uid === 'string' ? values.uid : uuidv7();
    const result = statement(
      db,
      `INSERT INTO ${spec.table} (id, uid, ${columns.join(', ')})
         VALUES (${['?', '?', ...columns.map(() => '?')].join(', ')})`,
    ).run(sqlValue(values.id), uid, ...columns.map((c) => row[c] ?? null));
    const id = Number(result.lastInsertRowid);
    let cache = group.uids.get(spec.table);
    if (!cache) group.uids.set(spec.table, (cache = new Map()));
    cache.set(id, uid);
    appendChange(db, group, spec, uid, 'insert', id, logged(db, group, spec, row, columns), null);
    return id;
  }
  const result = statement(
    db,
    `INSERT OR IGNORE INTO ${spec.table} (${columns.join(', ')})
       VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(...columns.map((c) => row[c] ?? null));
  if (result.changes === 0) return 0;
  const key = stableKey(db, group, spec, row);
  appendChange(db, group, spec, key, 'insert', null, logged(db, group, spec, row, columns), null);
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
  return inGroup(db, (group) => updateInGroup(db, group, type, key, values));
}

function updateInGroup(
  db: Db,
  group: Group,
  type: RecordType,
  key: RowKey,
  values: Record<string, unknown>,
): boolean {
  const spec = RECORDS[type];
  const before = rowOf(db, type, key);
  if (!before) return false;
  const next: Row = {};
  const columns: string[] = [];
  for (const [column, raw] of Object.entries(values)) {
    const field = fieldOf(spec, column);
    if (!field || field.derived) throw new Error(`${type} has no writable field ${column}`);
    const value = sqlValue(raw);
    if (value === before[column]) continue;
    if (!isEntity(spec) && (spec.identity as readonly string[]).includes(column))
      throw new Error(`${type}'s ${column} is its identity: delete and insert instead`);
    next[column] = value;
    columns.push(column);
  }
  if (columns.length === 0) return false;
  statement(
    db,
    `UPDATE ${spec.table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${whereKey(spec)}`,
  ).run(...columns.map((c) => next[c] ?? null), ...keyParams(spec, key));
  appendChange(
    db,
    group,
    spec,
    stableKey(db, group, spec, before),
    'update',
    isEntity(spec) ? Number(before.id) : null,
    logged(db, group, spec, { ...before, ...next }, [...identityColumns(spec), ...columns]),
    logged(db, group, spec, before, [...identityColumns(spec), ...columns]),
  );
  return true;
}

/** Records that refer to a record type, by which field. */
function dependents(type: RecordType): { spec: RecordSpec; field: FieldSpec }[] {
  const out: { spec: RecordSpec; field: FieldSpec }[] = [];
  for (const spec of Object.values(RECORDS))
    for (const field of spec.fields) if (field.ref === type) out.push({ spec, field });
  return out;
}

/**
 * Delete a record. What refers to it goes first, through this same path, as
 * the schema's foreign keys say (cascade: deleted; null: the reference is
 * cleared), so that every row that changes is in the log. Returns whether
 * the record existed.
 */
export function deleteRecord(db: Db, type: RecordType, key: RowKey): boolean {
  return inGroup(db, (group) => deleteInGroup(db, group, type, key));
}

function deleteInGroup(db: Db, group: Group, type: RecordType, key: RowKey): boolean {
  const spec = RECORDS[type];
  const before = rowOf(db, type, key);
  if (!before || (type === 'contact' && before.is_me === 1)) return false;
  if (isEntity(spec)) {
    for (const { spec: child, field } of dependents(type)) {
      const rows = statement(db, `SELECT * FROM ${child.table} WHERE ${field.column} = ?`).all(
        before.id,
      ) as Row[];
      for (const row of rows) {
        if (field.onDelete === 'null')
          updateInGroup(db, group, child.type, keyOf(child, row), { [field.column]: null });
        else deleteInGroup(db, group, child.type, keyOf(child, row));
      }
    }
  }
  const columns = writableFields(spec).map((f) => f.column);
  const prior = logged(db, group, spec, before, columns);
  const stable = stableKey(db, group, spec, before);
  statement(db, `DELETE FROM ${spec.table} WHERE ${whereKey(spec)}`).run(...keyParams(spec, key));
  appendChange(
    db,
    group,
    spec,
    stable,
    'delete',
    isEntity(spec) ? Number(before.id) : null,
    null,
    prior,
  );
  return true;
}

/** The local id of an entity by stable id, or undefined. */
export function localIdOf(db: Db, type: RecordType, uid: string): number | undefined {
  const row = statement(db, `SELECT id FROM ${RECORDS[type].table} WHERE uid = ?`).get(uid) as
    { id: number } | undefined;
  return row?.id;
}

/** A logged row back in local terms: references by local id. Throws when one is missing. */
export function unlogged(db: Db, type: RecordType, row: Row): Row {
  const spec = RECORDS[type];
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    const field = fieldOf(spec, column);
    if (field?.type === 'ref' && value !== null) {
      const id = localIdOf(db, field.ref as RecordType, String(value));
      if (id === undefined) throw new Error(`${type} refers to a missing ${field.ref}`);
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
  const spec = RECORDS[type];
  const columns = writableFields(spec).map((f) => f.column);
  const key = stableKey(db, group, spec, row);
  const localId = isEntity(spec) ? Number(row.id) : null;
  appendChange(
    db,
    group,
    spec,
    key,
    'insert',
    localId,
    logged(db, group, spec, row, columns),
    null,
  );
}
