import type { Folded } from '../sync/merge.js';
import { muted } from './change-log.js';
import type { Db } from './journal.js';
import { withBulkWrite } from './bulk-write.js';
import { planOf, type RecordPlan } from './record-plan.js';
import { statement } from './sqlite.js';
import type { Touched } from './sync-touched.js';
import { RecordBuffer } from './write-many.js';
import type { Row } from './write.js';

/**
 * The bulk part of applying other devices' changes: the records this
 * journal has never held nor logged anything about, whose changes fold to a
 * living record whose references all resolve. That is all of a snapshot a
 * new device starts from, and most of a big import made elsewhere. Nothing
 * needs merging for them, so they are inserted as an import into an empty
 * journal is (write-many.ts: a few hundred rows a statement, derived data
 * made once after, bulk-write.ts), muted (the caller logs the changes as
 * they came). Records that do not qualify are left to the careful path,
 * which runs after this one, parents still before children.
 */

/** Fewer than this many new records are not worth the bulk path's fixed cost. */
export const BULK_APPLY_MIN = 500;

const CHUNK = 10_000;

/**
 * Insert the qualifying records of sorted (parents before children) in bulk;
 * returns them with their local ids (0 for links). With index false the
 * caller makes the search index again itself.
 */
export function insertNewRecords(
  db: Db,
  sorted: readonly Touched[],
  folded: ReadonlyMap<Touched, Folded>,
  index: boolean,
  min = BULK_APPLY_MIN,
): Map<Touched, number> {
  const candidates = sorted.filter((t) => {
    const fold = folded.get(t);
    return t.known.length === 0 && fold?.state === 'alive' && bulkable(planOf(t.record));
  });
  const written = new Map<Touched, number>();
  if (candidates.length === 0 || candidates.length < min) return written;
  const existing = existingUids(db, candidates);
  // Stable id → local id: of what this write adds, then of what the journal holds (looked up once).
  const added = new Map<string, number>();
  const held = new Map<string, number | undefined>();
  const localId = (plan: RecordPlan, column: string, uid: string): number | undefined => {
    const found = added.get(uid);
    if (found !== undefined) return found;
    if (!held.has(uid)) {
      const ref = plan.byColumn.get(column)?.ref;
      const row =
        ref === undefined
          ? undefined
          : (statement(db, `SELECT id FROM ${planOf(ref).table} WHERE uid = ?`).get(uid) as
              { id: number } | undefined);
      held.set(uid, row?.id);
    }
    return held.get(uid);
  };
  // More new contacts than the journal holds: its lookup indexes are made again in one sort.
  const newContacts = candidates.filter((t) => t.record === 'contact').length;
  const { n: heldContacts } = statement(db, 'SELECT count(*) AS n FROM contacts').get() as {
    n: number;
  };
  withBulkWrite(db, { dropLookupIndexes: newContacts > heldContacts, index }, () => {
    muted(db, () => {
      const buffer = new RecordBuffer(db);
      for (const t of candidates) {
        const plan = planOf(t.record);
        if (plan.entity && existing.has(t.uid)) continue;
        const values = localValues(plan, (folded.get(t) as Folded).fields, (column, uid) =>
          localId(plan, column, uid),
        );
        if (values === undefined) continue;
        if (plan.entity) {
          const id = buffer.add(t.record, { ...values, uid: t.uid });
          added.set(t.uid, id);
          written.set(t, id);
        } else {
          buffer.add(t.record, values);
          written.set(t, 0);
        }
      }
      buffer.flush();
    });
    return { result: undefined, changedContacts: [] };
  });
  return written;
}

/**
 * Entities, and links that are nothing but their identity (a tag, a
 * participant): a multi-row INSERT OR IGNORE leaves such a link as it would
 * be anyway. Settings and links with values of their own take the careful path.
 */
function bulkable(plan: RecordPlan): boolean {
  return (
    plan.entity || (plan.type !== 'setting' && plan.columns.every((c) => plan.identity.includes(c)))
  );
}

/** Of the candidates' stable ids, those some record here holds already (the user's own contact). */
function existingUids(db: Db, candidates: readonly Touched[]): Set<string> {
  const found = new Set<string>();
  const byTable = new Map<string, string[]>();
  for (const t of candidates) {
    const plan = planOf(t.record);
    if (!plan.entity) continue;
    let list = byTable.get(plan.table);
    if (!list) byTable.set(plan.table, (list = []));
    list.push(t.uid);
  }
  for (const [table, uids] of byTable) {
    if (!statement(db, `SELECT EXISTS (SELECT 1 FROM ${table}) AS held`).pluck().get()) continue;
    for (let start = 0; start < uids.length; start += CHUNK) {
      const rows = statement(
        db,
        `SELECT uid FROM ${table} WHERE uid IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(uids.slice(start, start + CHUNK))) as { uid: string }[];
      for (const r of rows) found.add(r.uid);
    }
  }
  return found;
}

/**
 * A folded record's columns in local terms, as the careful path writes
 * them (a column no change set is its default); undefined when a reference
 * does not resolve (the careful path decides what then).
 */
function localValues(
  plan: RecordPlan,
  fields: Row,
  localId: (column: string, uid: string) => number | undefined,
): Row | undefined {
  const values: Row = {};
  for (const column of plan.columns) {
    const field = plan.byColumn.get(column);
    const value = column in fields ? (fields[column] ?? null) : (field?.default ?? null);
    if (field?.ref !== undefined && value !== null) {
      const id = localId(column, String(value));
      if (id === undefined) return undefined;
      values[column] = id;
    } else values[column] = value;
  }
  return values;
}
