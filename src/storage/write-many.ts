import { RECORDS } from '../model/declarations.js';
import type { RecordType } from '../model/field.js';
import {
  activeGroup,
  appendBulk,
  multiRowInsert,
  ROWS_PER_STATEMENT,
  type Group,
  type PendingChange,
} from './change-log.js';
import type { Db } from './journal.js';
import { dependentsOf, planOf, type RecordPlan } from './record-plan.js';
import { statement } from './sqlite.js';
import { uuidv7 } from './stable-id.js';
import { logged, loggedValue, sqlValue, type Row, type SqlValue } from './write.js';

/**
 * The write path for many new records at once (an import's tens of
 * thousands): the same rows and the same change log as insertRecord, written
 * a few hundred rows a statement. Entities get their local id when added
 * (the next free one, as AUTOINCREMENT would give), so later records can
 * refer to them before anything is written. While a buffer is open, every
 * insert of the types it holds must go through it (the ids it hands out are
 * the table's next ones); flush before reading or updating what it holds.
 */
export class RecordBuffer {
  private readonly rows = new Map<RecordType, unknown[][]>();
  private readonly nextId = new Map<RecordType, number>();

  constructor(private readonly db: Db) {}

  /** Add a record (values by column, as insertRecord takes them); returns an entity's local id. */
  add(type: RecordType, values: Record<string, unknown>): number {
    const plan = planOf(type);
    const group = activeGroup(this.db);
    let list = this.rows.get(type);
    if (!list) this.rows.set(type, (list = []));
    const params = plan.fields.map((f) => sqlValue(values[f.column] ?? f.default ?? null));
    if (!plan.entity) {
      list.push(params);
      return 0;
    }
    const id = typeof values.id === 'number' ? values.id : this.takeId(plan);
    const uid = typeof values.uid === 'string' ? values.uid : uuidv7();
    let cache = group.uids.get(plan.table);
    if (!cache) group.uids.set(plan.table, (cache = new Map()));
    cache.set(id, uid);
    list.push([id, uid, ...params]);
    return id;
  }

  /** Write what was added, parents before children (the declarations' order), and log it. */
  flush(): void {
    const group = activeGroup(this.db);
    for (const type of Object.keys(RECORDS) as RecordType[]) {
      const list = this.rows.get(type);
      if (!list?.length) continue;
      this.rows.set(type, []);
      const plan = planOf(type);
      // Muted (sync applying what another device logged): the rows alone.
      if (group.muted) {
        const head = `${plan.entity ? 'INSERT' : 'INSERT OR IGNORE'} INTO ${plan.table}`;
        const columns = plan.entity ? ['id', 'uid', ...plan.columns] : plan.columns;
        this.insertChunks(`${head} (${columns.join(', ')})`, columns.length, list);
        continue;
      }
      const changes = plan.entity
        ? this.writeEntities(plan, group, list)
        : this.writeLinks(plan, group, list);
      appendBulk(this.db, group, 'insert', changes);
    }
  }

  private takeId(plan: RecordPlan): number {
    let next = this.nextId.get(plan.type);
    if (next === undefined) {
      const row = statement(
        this.db,
        `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0),
                coalesce((SELECT max(id) FROM ${plan.table}), 0)) AS top`,
      ).get(plan.table) as { top: number };
      next = row.top + 1;
    }
    this.nextId.set(plan.type, next + 1);
    return next;
  }

  private writeEntities(plan: RecordPlan, group: Group, list: unknown[][]): PendingChange[] {
    const width = plan.columns.length + 2;
    const head = `INSERT INTO ${plan.table} (${['id', 'uid', ...plan.columns].join(', ')})`;
    this.insertChunks(head, width, list);
    return list.map((row) => ({
      record: plan.type,
      uid: row[1] as string,
      localId: row[0] as number,
      values: this.logOf(plan, group, row, 2),
    }));
  }

  private writeLinks(plan: RecordPlan, group: Group, list: unknown[][]): PendingChange[] {
    // A link that exists already (or twice in the list) is left alone and not logged, as insertRecord does.
    const head = `INSERT OR IGNORE INTO ${plan.table} (${plan.columns.join(', ')})`;
    const changes: PendingChange[] = [];
    for (let start = 0; start < list.length; start += ROWS_PER_STATEMENT) {
      const chunk = list.slice(start, start + ROWS_PER_STATEMENT);
      const added = statement(
        this.db,
        `${multiRowInsert(head, plan.columns.length, chunk.length)} RETURNING ${plan.columns.join(', ')}`,
      ).all(...chunk.flat()) as Record<string, SqlValue>[];
      for (const row of added) {
        const values = plan.columns.map((c) => row[c] ?? null);
        const key = plan.identity.map((column) => {
          const value = row[column] ?? null;
          const ref = plan.byColumn.get(column)?.ref;
          return ref !== undefined
            ? loggedValue(this.db, group, ref, value)
            : String(value).toLowerCase();
        });
        changes.push({
          record: plan.type,
          uid: `${plan.type}:${key.join(':')}`,
          localId: null,
          values: this.logOf(plan, group, values, 0),
        });
      }
    }
    return changes;
  }

  private insertChunks(head: string, width: number, list: unknown[][]): void {
    for (let start = 0; start < list.length; start += ROWS_PER_STATEMENT) {
      const chunk = list.slice(start, start + ROWS_PER_STATEMENT);
      statement(this.db, multiRowInsert(head, width, chunk.length)).run(...chunk.flat());
    }
  }

  /** The fields an insert logs: those set, references as stable ids. */
  private logOf(plan: RecordPlan, group: Group, row: unknown[], offset: number): object {
    const log: Record<string, SqlValue> = {};
    for (let i = 0; i < plan.fields.length; i++) {
      const value = (row[i + offset] ?? null) as SqlValue;
      if (value === null) continue;
      const ref = plan.refs[i];
      log[plan.columns[i] as string] =
        ref !== undefined ? loggedValue(this.db, group, ref, value) : value;
    }
    return log;
  }
}

/**
 * Delete many entities of one type, by stable id, as deleteRecord would
 * (each logged with its prior values, newest id first), in a few set-based
 * statements: what undoing an import does. Only when nothing refers to any
 * of them: otherwise it deletes nothing and returns false, and deleteRecord,
 * one by one, deals with what refers to them. Uids not in the journal are
 * passed over.
 */
export function deleteUnreferenced(db: Db, type: RecordType, uids: readonly string[]): boolean {
  const plan = planOf(type);
  if (!plan.entity) throw new Error(`${type} is not an entity`);
  const group = activeGroup(db);
  const rows = statement(
    db,
    `SELECT * FROM ${plan.table} WHERE uid IN (SELECT value FROM json_each(?)) ORDER BY id DESC`,
  ).all(JSON.stringify(uids)) as Row[];
  // The user's own contact is never deleted.
  if (rows.some((row) => row.is_me === 1)) return false;
  const ids = JSON.stringify(rows.map((row) => row.id));
  for (const { plan: child, field } of dependentsOf(type)) {
    const found = statement(
      db,
      `SELECT EXISTS (SELECT 1 FROM ${child.table}
                       WHERE ${field.column} IN (SELECT value FROM json_each(?))) AS found`,
    ).get(ids) as { found: number };
    if (found.found) return false;
  }
  const changes: PendingChange[] = rows.map((row) => ({
    record: type,
    uid: String(row.uid),
    localId: Number(row.id),
    values: logged(
      db,
      group,
      plan,
      row,
      plan.columns.filter((c) => row[c] !== null),
    ),
  }));
  statement(db, `DELETE FROM ${plan.table} WHERE id IN (SELECT value FROM json_each(?))`).run(ids);
  appendBulk(db, group, 'delete', changes);
  return true;
}
