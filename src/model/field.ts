/**
 * How a record type is declared: each field once, with everything that is
 * derived from it (SQL lists, change-log fields, undo, table_info checks,
 * jsonl keys, CSV and vCard mappings, merge's fill list).
 */

/** Every kind of record the journal holds; the change log names them so. */
export const RECORD_TYPES = [
  'contact',
  'tag',
  'alias',
  'meeting',
  'participant',
  'note',
  'introduction',
  'followUp',
  'gift',
  'setting',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** How a value is stored: SQLite type affinity, and what the change log keeps. */
export type FieldType = 'text' | 'integer' | 'boolean' | 'date' | 'ref';

/**
 * How a value typed by a person (a command-line option, a CSV cell) is read;
 * domain/field-input.ts holds the parser of each.
 */
export type InputKind = 'text' | 'email' | 'circle' | 'interval' | 'birthday';

export interface FieldSpec {
  /** camelCase name in records and jsonl. */
  key: string;
  /** SQL column. */
  column: string;
  type: FieldType;
  /** NOT NULL in the table. */
  required?: boolean;
  /** The column's default, used when a write does not set it. */
  default?: string | number;
  /** For refs: the record type referred to (its local id is stored; the log keeps its uid). */
  ref?: RecordType;
  /** For refs: what removing the referred record does to this one. */
  onDelete?: 'cascade' | 'null';
  /** Kept by the database itself (triggers); never written, never logged. */
  derived?: boolean;
  /** The allowed values (the table's CHECK says the same). */
  values?: readonly string[];
  /** Kept out of records, views and exports (the user's own flag, derived indexes). */
  hidden?: boolean;
  /**
   * A hidden field that a jsonl line still carries, when it is set: state the
   * journal keeps for the user (a birthday marked done, a snoozed reconnect,
   * which texts netjournal wrote), lost otherwise by an export and import.
   * Optional in a line: files from before it lack it, and older netjournals
   * ignore it.
   */
  inLine?: boolean;
  /** How a person types it; a field with one can be set by `add` and `edit`. */
  input?: InputKind;
  /** The command-line option that sets it (contact add/edit), with its value's name. */
  flag?: string;
  /** One line of option help. */
  help?: string;
  /** How a page about the record names it ("how met"). */
  label?: string;
  /** Header names other programs' CSV files use for it (lower case). */
  csv?: readonly string[];
  /** The vCard property that carries it. */
  vcard?: string;
  /** Part of the record's search document. */
  searchable?: boolean;
  /** `contact merge` fills it on KEEP from OTHER when KEEP has none. */
  mergeFill?: boolean;
}

export interface RecordSpec {
  type: RecordType;
  table: string;
  /**
   * 'uid': an entity with a short local id (`id`) and a stable uid column.
   * Otherwise the columns whose values identify a row (links and settings);
   * its stable id is made from them (see stableKey in storage/write.ts).
   */
  identity: 'uid' | readonly string[];
  fields: readonly FieldSpec[];
  /** Rows the journal holds that are not user data (the user's own contact). */
  internal?: string;
  /**
   * Lists of link records shown as a field of this one (a contact's aliases, its tags):
   * the key, the link type and its value column, and the field it follows.
   */
  lists?: readonly {
    key: string;
    record: RecordType;
    column: string;
    after: string;
    /** A jsonl line may lack it: files written before it existed (read as empty). */
    optional?: boolean;
  }[];
}

/** The TypeScript type of a declared field's value. */
export type ValueOf<F> = F extends { values: readonly (infer V)[] }
  ? V | null
  : F extends { type: 'boolean' }
    ? boolean
    : F extends { type: 'integer' | 'ref' }
      ? F extends { required: true }
        ? number
        : number | null
      : F extends { required: true }
        ? string
        : string | null;

type Fields<S> = S extends { fields: readonly (infer F)[] } ? F : never;

/** A record's fields as the domain sees them, by key (hidden fields left out). */
export type FieldsOf<S> = {
  -readonly [
    F in Fields<S> as F extends { hidden: true }
      ? never
      : F extends { key: infer K extends string }
        ? K
        : never
  ]: ValueOf<F>;
};

/** The keys of fields the database derives (never imported). */
export type DerivedKeys<S> =
  Fields<S> extends infer F ? (F extends { derived: true; key: infer K } ? K : never) : never;

/** The fields a person sets (those with an input kind), by key. */
export type InputFieldsOf<S> = {
  -readonly [
    F in Fields<S> as F extends { input: InputKind; key: infer K extends string } ? K : never
  ]: ValueOf<F>;
};

/** A command-line option's name as commander keys it: `--every <interval>` is `every`. */
export function optionName(field: FieldSpec): string | undefined {
  return field.flag ? /^--([a-z]+)/.exec(field.flag)?.[1] : undefined;
}

/** The options that set a record's fields, as commander hands them over (all strings). */
export type OptionInputOf<S> = {
  -readonly [F in Fields<S> as F extends { flag: `--${infer N} ${string}` } ? N : never]?: string;
};

/**
 * The fields shown in a record: declared order, hidden ones left out, lists
 * where they go; for a jsonl line (what import reads back) no derived ones.
 */
export function recordKeys(spec: RecordSpec, forLine = false): readonly string[] {
  const cache = forLine ? lineKeysCache : recordKeysCache;
  let keys = cache.get(spec);
  if (!keys) cache.set(spec, (keys = computeRecordKeys(spec, forLine)));
  return keys;
}

const recordKeysCache = new WeakMap<RecordSpec, readonly string[]>();
const lineKeysCache = new WeakMap<RecordSpec, readonly string[]>();

function computeRecordKeys(spec: RecordSpec, forLine: boolean): string[] {
  const keys: string[] = [];
  for (const field of spec.fields) {
    if (forLine ? field.derived || (field.hidden && !field.inLine) : field.hidden) continue;
    keys.push(field.key);
    for (const list of spec.lists ?? []) if (list.after === field.key) keys.push(list.key);
  }
  return keys;
}

/** The fields a write sets: everything but derived fields. */
export function writableFields(spec: RecordSpec): FieldSpec[] {
  return spec.fields.filter((f) => !f.derived);
}

/** Every column of the table, as declared (id and uid first for entities). */
export function declaredColumns(spec: RecordSpec): string[] {
  const own = spec.fields.map((f) => f.column);
  return spec.identity === 'uid' ? ['id', 'uid', ...own] : own;
}
