import { RECORDS } from '../model/declarations.js';
import {
  writableFields,
  type FieldSpec,
  type RecordSpec,
  type RecordType,
} from '../model/field.js';

/**
 * What the write path needs of a record type, derived once from its
 * declaration: the columns it writes, its statements, how a row is named.
 */
export interface RecordPlan {
  type: RecordType;
  spec: RecordSpec;
  table: string;
  /** An entity (short id and uid) rather than a link or setting. */
  entity: boolean;
  /** The written fields, in declaration order, and their columns. */
  fields: readonly FieldSpec[];
  columns: readonly string[];
  byColumn: ReadonlyMap<string, FieldSpec>;
  /** Where the written columns hold a reference: the type referred to, else undefined. */
  refs: readonly (RecordType | undefined)[];
  /** A link's or setting's identity columns (none for entities). */
  identity: readonly string[];
  insertSql: string;
  selectSql: string;
  deleteSql: string;
  whereKey: string;
}

const plans = new Map<RecordType, RecordPlan>();

/** The plan of a record type (made on first use). */
export function planOf(type: RecordType): RecordPlan {
  let plan = plans.get(type);
  if (!plan) plans.set(type, (plan = makePlan(RECORDS[type])));
  return plan;
}

function makePlan(spec: RecordSpec): RecordPlan {
  const entity = spec.identity === 'uid';
  const fields = writableFields(spec);
  const columns = fields.map((f) => f.column);
  const identity = entity ? [] : (spec.identity as readonly string[]);
  const whereKey = entity ? 'id = ?' : identity.map((c) => `${c} = ?`).join(' AND ');
  const all = entity ? ['id', 'uid', ...columns] : columns;
  // A link that exists already is left alone (and not logged).
  const verb = entity ? 'INSERT' : 'INSERT OR IGNORE';
  return {
    type: spec.type,
    spec,
    table: spec.table,
    entity,
    fields,
    columns,
    byColumn: new Map(spec.fields.map((f) => [f.column, f])),
    refs: fields.map((f) => (f.type === 'ref' ? f.ref : undefined)),
    identity,
    insertSql: `${verb} INTO ${spec.table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`,
    selectSql: `SELECT * FROM ${spec.table} WHERE ${whereKey}`,
    deleteSql: `DELETE FROM ${spec.table} WHERE ${whereKey}`,
    whereKey,
  };
}

let dependentsByType: Map<RecordType, { plan: RecordPlan; field: FieldSpec }[]> | undefined;

/** Records that refer to a record type, by which field (what deleting it must handle first). */
export function dependentsOf(type: RecordType): readonly { plan: RecordPlan; field: FieldSpec }[] {
  if (!dependentsByType) {
    dependentsByType = new Map();
    for (const spec of Object.values(RECORDS)) {
      for (const field of spec.fields) {
        if (!field.ref) continue;
        const list = dependentsByType.get(field.ref) ?? [];
        list.push({ plan: planOf(spec.type), field });
        dependentsByType.set(field.ref, list);
      }
    }
  }
  return dependentsByType.get(type) ?? [];
}

const anyDependentSql = new Map<RecordType, string | null>();

/**
 * One query that says whether anything refers to a record of this type
 * (@id is its id), or null when nothing can: most deletions (an import's
 * undo) find nothing, and one query costs less than one per referring table.
 */
export function anyDependentSqlOf(type: RecordType): string | null {
  let sql = anyDependentSql.get(type);
  if (sql === undefined) {
    const tests = dependentsOf(type).map(
      ({ plan, field }) => `EXISTS (SELECT 1 FROM ${plan.table} WHERE ${field.column} = @id)`,
    );
    sql = tests.length ? `SELECT ${tests.join(' OR ')} AS found` : null;
    anyDependentSql.set(type, sql);
  }
  return sql;
}
