import type { RecordType } from '../model/field.js';
import { compareChanges, foldChanges, type Folded } from '../sync/merge.js';
import {
  activeGroup,
  appendChange,
  appendForeignBulk,
  muted,
  observeClock,
  type ForeignChange,
} from './change-log.js';
import type { Db } from './journal.js';
import {
  conflictsOf,
  loadTouched,
  type FoundConflict,
  type IncomingChanges,
  type Touched,
} from './sync-touched.js';
import { dependentsOf, planOf, type RecordPlan } from './record-plan.js';
import { pauseSearch, rebuildSearchIndex, searchHighWater } from './search-maintenance.js';
import { statement } from './sqlite.js';
import { insertNewRecords } from './sync-apply-bulk.js';
import {
  deleteRecord,
  insertRecord,
  localIdOf,
  rowOf,
  updateRecord,
  type Row,
  type RowKey,
} from './write.js';

export type { FoundConflict, IncomingChanges } from './sync-touched.js';

/**
 * Applying other devices' changes (sync): the records each touched record
 * becomes once its changes, this journal's and the incoming ones, are folded
 * by the rules of sync/merge.ts, written through the write path with its
 * logging muted; the incoming changes are then logged as they came (their
 * own clock and device), so every device ends with the same change log.
 * Where the merged records cannot hold (an edit to a meeting of a contact
 * deleted elsewhere), this journal writes the repair as a change of its
 * own, which travels like any other. Call inside one write transaction: a
 * failure applies nothing.
 */

export interface AppliedChanges {
  /** New changes logged, by sending device (changes seen before are skipped). */
  applied: Map<string, number>;
  conflicts: FoundConflict[];
}

/** Parents before the records that refer to them (inserts), the reverse for deletes. */
export const APPLY_ORDER: readonly RecordType[] = [
  'setting',
  'contact',
  'meeting',
  'introduction',
  'note',
  'gift',
  'followUp',
  'tag',
  'alias',
  'participant',
];

/** Apply incoming changes to the journal (inside a write transaction). */
export function applyIncoming(
  db: Db,
  ownDevice: string,
  incoming: readonly IncomingChanges[],
  foundAt: string,
  options: {
    /** From how many new records on the bulk path is worth its cost (tests compare both paths). */
    bulkMin?: number;
    /** false: the caller logs the incoming changes itself (snapshot-file.ts), in one statement with others. */
    log?: boolean;
  } = {},
): AppliedChanges {
  const { bulkMin, log = true } = options;
  db.pragma('defer_foreign_keys = ON');
  const group = activeGroup(db);
  const touched = loadTouched(db, incoming);
  // Many changes against few records (a new device, a big import elsewhere):
  // the search index is made again once at the end, cheaper than row by row.
  let freshCount = 0;
  for (const t of touched.values()) freshCount += t.fresh.length;
  const documents = Object.values(searchHighWater(db)).reduce((a, b) => a + b, 0);
  const reindex = freshCount >= 1000 && freshCount * 2 >= documents;
  if (reindex) pauseSearch(db, true);
  const applied = new Map<string, number>();
  const conflicts: FoundConflict[] = [];
  // The clock first: this journal's repairs come after every change it has seen.
  for (const t of touched.values()) for (const c of t.fresh) observeClock(group, c.hlc);

  const sorted = [...touched.values()].sort(
    (a, b) => APPLY_ORDER.indexOf(a.record) - APPLY_ORDER.indexOf(b.record),
  );
  const folded = new Map<Touched, Folded>();
  for (const t of sorted) folded.set(t, foldChanges([...t.known, ...t.fresh]));
  // Records new to this journal first, in bulk (sync-apply-bulk.ts); the rest one by one.
  const bulk = insertNewRecords(db, sorted, folded, !reindex, bulkMin);
  if (reindex && bulk.size > 0) pauseSearch(db, true);
  const careful = sorted.filter((t) => !bulk.has(t));
  const localIdsBefore = new Map<string, number | undefined>();
  for (const t of careful)
    if (planOf(t.record).entity) localIdsBefore.set(t.uid, localIdOf(db, t.record, t.uid));
  for (const t of careful) {
    const fold = folded.get(t) as Folded;
    // One field's conflict with this device's change is found once, whichever batches changed it.
    const found = new Set(
      conflicts.map((c) => `${c.uid} ${c.column} ${c.lost.hlc} ${c.lost.device}`),
    );
    for (const c of conflictsOf(t, ownDevice))
      if (!found.has(`${c.uid} ${c.column} ${c.lost.hlc} ${c.lost.device}`)) conflicts.push(c);
    if (fold.state !== 'dead') upsert(db, t, fold);
  }
  for (const t of [...careful].reverse()) if (folded.get(t)?.state === 'dead') remove(db, t);

  if (reindex) {
    pauseSearch(db, false);
    rebuildSearchIndex(db);
  }

  const logged: { change: ForeignChange; localId: number | null }[] = [];
  for (const t of sorted) {
    const entity = planOf(t.record).entity;
    const localId = !entity
      ? null
      : (bulk.get(t) ?? localIdOf(db, t.record, t.uid) ?? localIdsBefore.get(t.uid) ?? null);
    for (const change of t.fresh) logged.push({ change, localId });
  }
  logged.sort((a, b) => compareChanges(a.change, b.change));
  if (log) appendForeignBulk(db, group, logged);
  for (const { change } of logged) {
    const sender = (change as Touched['fresh'][number]).sender;
    applied.set(sender.device, (applied.get(sender.device) ?? 0) + 1);
  }
  const keep = statement(
    db,
    `INSERT OR IGNORE INTO sync_conflicts
       (record, uid, field, kept, kept_device, kept_hlc, lost, lost_device, lost_hlc, found)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of conflicts)
    keep.run(
      c.record,
      c.uid,
      c.column,
      JSON.stringify(c.kept.value),
      c.kept.device,
      c.kept.hlc,
      JSON.stringify(c.lost.value),
      c.lost.device,
      c.lost.hlc,
      foundAt,
    );
  return { applied, conflicts };
}

/**
 * A folded record's columns in this journal's terms: references by local
 * id. A reference to a record this journal does not hold (deleted here, or
 * never known) is missing.
 */
function localValues(
  db: Db,
  plan: RecordPlan,
  fields: Row,
  all: boolean,
): { values: Row; missing: string[] } {
  const values: Row = {};
  const missing: string[] = [];
  const columns = all ? plan.columns : plan.columns.filter((c) => c in fields);
  for (const column of columns) {
    const field = plan.byColumn.get(column);
    const value = column in fields ? (fields[column] ?? null) : (field?.default ?? null);
    if (field?.ref !== undefined && value !== null) {
      const id = localIdOf(db, field.ref, String(value));
      if (id === undefined) missing.push(column);
      values[column] = id ?? null;
    } else {
      values[column] = value;
    }
  }
  return { values, missing };
}

/** Write a record that the merge says exists (or was only edited) as the fold says. */
function upsert(db: Db, t: Touched, fold: Folded): void {
  const plan = planOf(t.record);
  const { values, missing } = localValues(db, plan, fold.fields, fold.state === 'alive');
  // A reference that must hold (a note's contact) to a record gone here: the
  // record goes too; one that may be empty (a note's meeting) is emptied.
  const orphan = missing.some((c) => plan.byColumn.get(c)?.onDelete !== 'null');
  if (plan.entity) {
    const localId = localIdOf(db, t.record, t.uid);
    if (orphan) {
      if (localId !== undefined) deleteRecord(db, t.record, localId);
      else if (fold.state === 'alive')
        appendChange(db, activeGroup(db), t.record, t.uid, 'delete', null, null, fold.fields);
      return;
    }
    if (localId !== undefined) muted(db, () => updateRecord(db, t.record, localId, values));
    else if (fold.state === 'alive')
      muted(db, () => insertRecord(db, t.record, { ...values, uid: t.uid }));
    else return;
    if (missing.length > 0) {
      const id = localIdOf(db, t.record, t.uid) ?? null;
      const prior: Row = {};
      for (const c of missing) prior[c] = fold.fields[c] ?? null;
      const emptied = Object.fromEntries(missing.map((c) => [c, null]));
      appendChange(db, activeGroup(db), t.record, t.uid, 'update', id, emptied, prior);
    }
    return;
  }
  const key = linkKey(db, plan, t.identity);
  if (orphan || key === undefined) {
    if (fold.state === 'alive')
      appendChange(db, activeGroup(db), t.record, t.uid, 'delete', null, null, fold.fields);
    return;
  }
  const existing = rowOf(db, t.record, key);
  if (existing) {
    const rest: Row = {};
    for (const [c, v] of Object.entries(values)) if (!plan.identity.includes(c)) rest[c] = v;
    muted(db, () => updateRecord(db, t.record, key, rest));
  } else if (fold.state === 'alive') {
    muted(db, () => insertRecord(db, t.record, values));
  }
}

/** A link's or setting's row key in local terms, or undefined when a record it joins is gone. */
function linkKey(db: Db, plan: RecordPlan, identity: Row): RowKey | undefined {
  const key: Row = {};
  for (const column of plan.identity) {
    const ref = plan.byColumn.get(column)?.ref;
    const value = identity[column] ?? null;
    if (ref !== undefined && value !== null) {
      const id = localIdOf(db, ref, String(value));
      if (id === undefined) return undefined;
      key[column] = id;
    } else key[column] = value;
  }
  return key;
}

/**
 * Delete a record the merge says is gone. What still refers to it here (a
 * record the deleting device had not seen) goes first as this journal's own
 * logged changes; the record itself is deleted muted (its delete is logged
 * as the device that made it).
 */
function remove(db: Db, t: Touched): void {
  const plan = planOf(t.record);
  if (!plan.entity) {
    const key = linkKey(db, plan, t.identity);
    if (key !== undefined) muted(db, () => deleteRecord(db, t.record, key));
    return;
  }
  const localId = localIdOf(db, t.record, t.uid);
  if (localId === undefined) return;
  for (const { plan: child, field } of dependentsOf(t.record)) {
    const rows = statement(db, `SELECT * FROM ${child.table} WHERE ${field.column} = ?`).all(
      localId,
    ) as Row[];
    for (const row of rows) {
      const key: RowKey = child.entity
        ? Number(row.id)
        : Object.fromEntries(child.identity.map((c) => [c, row[c] ?? null]));
      if (field.onDelete === 'null') updateRecord(db, child.type, key, { [field.column]: null });
      else deleteRecord(db, child.type, key);
    }
  }
  muted(db, () => deleteRecord(db, t.record, localId));
}
