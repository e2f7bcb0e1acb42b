import type { Db } from './journal.js';
import { statement } from './sqlite.js';

/**
 * Change groups and the change log (0006_change_log.sql). A write command's
 * changes form one group, opened and closed by writeTransaction; write.ts
 * appends each change to the open group.
 */

export interface Group {
  id: number;
  device: string;
  changes: number;
  clock: { ms: number; counter: number; iso: string };
  /** Stable ids of entities by table and local id, as this group meets them. */
  uids: Map<string, Map<number, string>>;
  /**
   * While true, writes change rows but append nothing: sync writes another
   * device's changes into the tables and logs them as that device made them
   * (appendForeignBulk), not as new changes of this one.
   */
  muted?: boolean;
}

const groups = new WeakMap<Db, Group>();

/** How many write commands `undo` can revert; older groups stay in the log but are not undoable. */
export const UNDO_DEPTH = 20;

/** A value of the journal's own metadata (device id, clock). */
export function metaValue(db: Db, key: string): string | undefined {
  const row = statement(db, 'SELECT value FROM journal_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

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
  const clockMs = Number(ms);
  groups.set(db, {
    id,
    device,
    changes: 0,
    clock: { ms: clockMs, counter: Number(counter), iso: new Date(clockMs).toISOString() },
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

/** The open group; a write outside one is a bug. */
export function activeGroup(db: Db): Group {
  const group = groups.get(db);
  if (!group) throw new Error('a write outside a change group');
  return group;
}

/**
 * Run a write in the open change group or, like SQLite's autocommit, in a
 * group (and transaction) of its own when none is open: a storage function
 * called outside writeTransaction (a script, a test) is still logged.
 */
export function inGroup<T>(db: Db, fn: (group: Group) => T): T {
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

/**
 * Hybrid logical clock: wall-clock milliseconds, and a counter that orders
 * changes within one millisecond or when the clock went back. With the
 * device id it orders every change of every journal.
 */
function tick(group: Group): string {
  const now = Date.now();
  const clock = group.clock;
  if (now > clock.ms) {
    clock.ms = now;
    clock.counter = 0;
    clock.iso = new Date(now).toISOString();
  } else {
    clock.counter++;
  }
  return `${clock.iso}/${clock.counter.toString(36).padStart(4, '0')}`;
}

const APPEND = `INSERT INTO changes (grp, hlc, device, record, uid, op, local_id, fields, prior)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Append one change to the open group's log. */
export function appendChange(
  db: Db,
  group: Group,
  record: string,
  uid: string,
  op: 'insert' | 'update' | 'delete',
  localId: number | null,
  fields: object | null,
  prior: object | null,
): void {
  if (group.muted) return;
  statement(db, APPEND).run(
    group.id,
    tick(group),
    group.device,
    record,
    uid,
    op,
    localId,
    fields && JSON.stringify(fields),
    prior && JSON.stringify(prior),
  );
  group.changes++;
}

/** One change of a bulk append (see appendBulk): an insert's fields, or a deletion's prior values. */
export interface PendingChange {
  record: string;
  uid: string;
  localId: number | null;
  /** What an insert set, or what a deletion removed (by column, references as stable ids). */
  values: object;
}

/** Rows per multi-row INSERT: past a few hundred, longer statements gain nothing. */
export const ROWS_PER_STATEMENT = 500;

/** `INSERT INTO table (columns) VALUES (…), (…)` for this many rows. */
export function multiRowInsert(head: string, width: number, rows: number): string {
  const one = `(${new Array<string>(width).fill('?').join(', ')})`;
  return `${head} VALUES ${new Array<string>(rows).fill(one).join(', ')}`;
}

/**
 * Append many inserts or deletions to the open group's log, in order, a few
 * hundred rows a statement: the same rows appendChange would write, at a
 * fraction of the cost per row (an import and its undo write tens of thousands).
 */
export function appendBulk(
  db: Db,
  group: Group,
  op: 'insert' | 'delete',
  changes: readonly PendingChange[],
): void {
  if (group.muted) return;
  const head = 'INSERT INTO changes (grp, hlc, device, record, uid, op, local_id, fields, prior)';
  for (let start = 0; start < changes.length; start += ROWS_PER_STATEMENT) {
    const chunk = changes.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    for (const c of chunk) {
      const json = JSON.stringify(c.values);
      params.push(group.id, tick(group), group.device, c.record, c.uid, op, c.localId);
      params.push(op === 'insert' ? json : null, op === 'delete' ? json : null);
    }
    statement(db, multiRowInsert(head, 9, chunk.length)).run(...params);
    group.changes += chunk.length;
  }
}

/** Where the open group stands, to rewind to after rolling back to a savepoint. */
export interface GroupMark {
  changes: number;
}

/** Mark the open group's state before a write that may be rolled back (see rewindGroup). */
export function groupMark(db: Db): GroupMark {
  return { changes: activeGroup(db).changes };
}

/**
 * After a rollback to a savepoint taken at mark: the group forgets the
 * changes and the stable ids it met since (they are no longer in the journal).
 */
export function rewindGroup(db: Db, mark: GroupMark): void {
  const group = activeGroup(db);
  group.changes = mark.changes;
  group.uids.clear();
}

/** Columns' values as the log keeps them. */
export type LoggedColumns = Record<string, string | number | null>;

/** A change as another device logged it (a line of its sync batch). */
export interface ForeignChange {
  hlc: string;
  device: string;
  record: string;
  uid: string;
  op: 'insert' | 'update' | 'delete';
  /** JSON objects by column, references as stable ids (as in `changes`). */
  fields: LoggedColumns | null;
  prior: LoggedColumns | null;
}

/** A change as the `changes` table holds it (fields and prior as JSON text). */
export interface LoggedChangeRow {
  hlc: string;
  device: string;
  record: string;
  uid: string;
  op: ForeignChange['op'];
  fields: string | null;
  prior: string | null;
}

/** A logged change as sync sends it. */
export function parseLoggedChange(r: LoggedChangeRow): ForeignChange {
  return {
    hlc: r.hlc,
    device: r.device,
    record: r.record,
    uid: r.uid,
    op: r.op,
    fields: r.fields === null ? null : (JSON.parse(r.fields) as LoggedColumns),
    prior: r.prior === null ? null : (JSON.parse(r.prior) as LoggedColumns),
  };
}

/**
 * Run fn with the open group muted: its writes change rows and log nothing
 * (the caller logs what it applied with appendForeignBulk).
 */
export function muted<T>(db: Db, fn: () => T): T {
  const group = activeGroup(db);
  const was = group.muted === true;
  group.muted = true;
  try {
    return fn();
  } finally {
    group.muted = was;
  }
}

/**
 * Append other devices' changes to the open group with their own clock and
 * device (so every device ends with the same changes), a few hundred rows a
 * statement. The caller has moved this journal's clock past them first
 * (observeClock: the hybrid logical clock rule, which keeps every later
 * change of this device after every change it has seen).
 */
export function appendForeignBulk(
  db: Db,
  group: Group,
  changes: readonly { change: ForeignChange; localId: number | null }[],
): void {
  const head = 'INSERT INTO changes (grp, hlc, device, record, uid, op, local_id, fields, prior)';
  for (let start = 0; start < changes.length; start += ROWS_PER_STATEMENT) {
    const chunk = changes.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    for (const { change: c, localId } of chunk)
      params.push(
        group.id,
        c.hlc,
        c.device,
        c.record,
        c.uid,
        c.op,
        localId,
        c.fields && JSON.stringify(c.fields),
        c.prior && JSON.stringify(c.prior),
      );
    statement(db, multiRowInsert(head, 9, chunk.length)).run(...params);
    group.changes += chunk.length;
  }
}

/**
 * Append other devices' changes to the open group from a query, as
 * appendForeignBulk does from rows; returns how many. `query` is what
 * follows SELECT: hlc, device, record, uid, op, local_id, fields and prior,
 * then FROM and the rest (an ORDER BY gives the log's order).
 */
export function appendForeignSelect(db: Db, group: Group, query: string): number {
  const { changes } = db
    .prepare(
      `INSERT INTO changes (grp, hlc, device, record, uid, op, local_id, fields, prior)
       SELECT ?, ${query}`,
    )
    .run(group.id);
  group.changes += changes;
  return changes;
}

/** Move the group's clock to at least a clock reading seen elsewhere (`ISO/counter`). */
export function observeClock(group: Group, hlc: string): void {
  const slash = hlc.lastIndexOf('/');
  const ms = Date.parse(hlc.slice(0, slash));
  const counter = parseInt(hlc.slice(slash + 1), 36);
  if (!Number.isFinite(ms) || !Number.isFinite(counter)) return;
  const clock = group.clock;
  if (ms > clock.ms || (ms === clock.ms && counter > clock.counter)) {
    clock.ms = ms;
    clock.counter = counter;
    clock.iso = new Date(ms).toISOString();
  }
}
