import { RECORDS } from '../model/declarations.js';
import { writableFields, type RecordSpec, type RecordType } from '../model/field.js';
import type { Db } from './journal.js';
import { metaValue } from './change-log.js';
import { ME_UID } from './stable-id.js';
import type { Row, SqlValue } from './write.js';

/**
 * The tables against the change log: folds every logged change, in order,
 * into the records the log says the journal holds, and compares them with
 * the rows. Replaying the log (replay.ts) would give the same records; the
 * fold needs no second journal, so doctor checks a 100,000-change journal
 * in well under a second. Derived columns are not logged and not compared.
 */

/** A record on which the tables and the log disagree. */
export interface LogDisagreement {
  type: RecordType;
  /** The stable id the log knows it by (an entity's uid, or a link's made-up key). */
  uid: string;
  /** The short id, for entities. */
  localId: number | null;
  /** What is wrong, in words ("company is "X" in the table, "Acme" in the log"). */
  problem: string;
}

/** What the log says of one record. */
interface Logged {
  type: RecordType;
  uid: string;
  localId: number | null;
  fields: Row;
}

/** The user's own contact is created by the first migration, never by a logged change. */
const isMe = (type: RecordType, uid: string) => type === 'contact' && uid === ME_UID;

/** Every record on which the tables and the change log disagree, in table order. */
export function logDisagreements(db: Db): LogDisagreement[] {
  const problems: LogDisagreement[] = [];
  const implied = foldLog(db, problems);
  const uids = entityUids(db);
  for (const [type, spec] of Object.entries(RECORDS) as [RecordType, RecordSpec][]) {
    const columns = writableFields(spec);
    const where = spec.internal ? `WHERE NOT (${spec.internal})` : '';
    const order = spec.identity === 'uid' ? 'id' : spec.identity.join(', ');
    for (const row of db
      .prepare(`SELECT * FROM ${spec.table} ${where} ORDER BY ${order}`)
      .iterate() as IterableIterator<Row>) {
      const localId = spec.identity === 'uid' ? Number(row.id) : null;
      const uid = stableKeyOf(spec, row, uids);
      const logged = implied.get(`${type} ${uid}`);
      if (!logged) {
        problems.push({ type, uid, localId, problem: 'in the table but not in the change log' });
        continue;
      }
      implied.delete(`${type} ${uid}`);
      if (logged.localId !== localId) {
        problems.push({
          type,
          uid,
          localId,
          problem: `has short id ${String(localId)} in the table, ${String(logged.localId)} in the log`,
        });
        continue;
      }
      const differ: string[] = [];
      for (const field of columns) {
        const value =
          field.type === 'ref' ? refUid(field.ref, row[field.column], uids) : row[field.column];
        const expected =
          field.column in logged.fields ? logged.fields[field.column] : (field.default ?? null);
        if ((value ?? null) !== (expected ?? null))
          differ.push(
            `${field.column} is ${show(value)} in the table, ${show(expected)} in the log`,
          );
      }
      if (differ.length > 0) problems.push({ type, uid, localId, problem: differ.join(', ') });
    }
  }
  for (const logged of implied.values())
    problems.push({ ...logged, problem: 'in the change log but not in the table' });
  return problems;
}

/**
 * The records the log implies, by type and stable id. Changes apply in clock
 * order (hlc, then device), which is the order of seq in a journal that
 * never synced; a synced one also holds other devices' changes, and its
 * tables follow sync's rules (sync/merge.ts): an edit or delete another
 * device made to a record already deleted changes nothing, and a link two
 * devices both added is one link. Changes the log
 * cannot apply otherwise are problems.
 */
function foldLog(db: Db, problems: LogDisagreement[]): Map<string, Logged> {
  const implied = new Map<string, Logged>();
  const own = metaValue(db, 'device');
  const deletedBy = new Map<string, string>();
  const insertedBy = new Map<string, string>();
  const changes = db
    .prepare(
      'SELECT seq, record, uid, op, local_id, fields, device FROM changes ORDER BY hlc, device, seq',
    )
    .raw()
    .iterate() as IterableIterator<
    [
      number,
      RecordType,
      string,
      'insert' | 'update' | 'delete',
      number | null,
      string | null,
      string,
    ]
  >;
  for (const [seq, type, uid, op, localId, fields, device] of changes) {
    if (isMe(type, uid)) continue;
    const key = `${type} ${uid}`;
    const known = implied.get(key);
    const broken = (what: string) =>
      problems.push({ type, uid, localId, problem: `change ${seq} ${what}` });
    if (op === 'insert') {
      // Two devices may add the same link (a tag) before they sync: sync keeps one.
      if (known && insertedBy.get(key) === device) broken('inserts it again');
      implied.set(key, { type, uid, localId, fields: JSON.parse(fields ?? '{}') as Row });
      insertedBy.set(key, device);
    } else if (!known) {
      const deleter = deletedBy.get(key);
      // Another device's deletion of a record this log never held is a
      // tombstone: a snapshot compacts a record made and deleted to it.
      if (op === 'delete' && device !== own) deletedBy.set(key, device);
      else if (deleter === undefined || deleter === device) broken(`${op}s it before any insert`);
    } else if (op === 'update') {
      Object.assign(known.fields, JSON.parse(fields ?? '{}') as Row);
    } else {
      implied.delete(key);
      deletedBy.set(key, device);
    }
  }
  return implied;
}

/** Stable ids of every entity, by type and short id. */
function entityUids(db: Db): Map<RecordType, Map<number, string>> {
  const uids = new Map<RecordType, Map<number, string>>();
  for (const spec of Object.values(RECORDS)) {
    if (spec.identity !== 'uid') continue;
    const rows = db.prepare(`SELECT id, uid FROM ${spec.table}`).raw().all() as [number, string][];
    uids.set(spec.type, new Map(rows));
  }
  return uids;
}

function refUid(
  type: RecordType | undefined,
  id: SqlValue | undefined,
  uids: Map<RecordType, Map<number, string>>,
): SqlValue {
  if (id === null || id === undefined || type === undefined) return null;
  return uids.get(type)?.get(Number(id)) ?? `(missing ${type} ${String(id)})`;
}

/**
 * A row's stable id as the write path logs it (stableKey in write.ts): an
 * entity's uid; for a link or setting its type and identity, references as
 * uids, other values in lower case (tags compare without case).
 */
function stableKeyOf(
  spec: RecordSpec,
  row: Row,
  uids: Map<RecordType, Map<number, string>>,
): string {
  if (spec.identity === 'uid') return String(row.uid);
  const parts = spec.identity.map((column) => {
    const field = spec.fields.find((f) => f.column === column);
    if (field?.type === 'ref') return String(refUid(field.ref, row[column], uids));
    return String(row[column]).toLowerCase();
  });
  return `${spec.type}:${parts.join(':')}`;
}

function show(value: SqlValue | undefined): string {
  return value === null || value === undefined ? 'empty' : JSON.stringify(value);
}
