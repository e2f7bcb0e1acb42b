import { dueDateProblem } from '../domain/date-bounds.js';
import { canonicalTimestamp } from '../domain/timestamps.js';
import { RECORDS } from '../model/declarations.js';
import { recordKeys, type RecordSpec } from '../model/field.js';
import type { JournalLine } from './jsonl-lines.js';

/** A line that could not be read, with why. */
export interface LineProblem {
  line: number;
  message: string;
}

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const strOrNull: Check = (v) => v === null || typeof v === 'string';
/**
 * The largest short id a file may bring: far inside the range where a
 * JavaScript number is exact (2^53), so every id the journal gives after it
 * is exact too. Real journals number their records from 1.
 */
export const MAX_IMPORTED_ID = 2 ** 48;
const int: Check = (v) =>
  Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_IMPORTED_ID;
const intOrNull: Check = (v) => v === null || int(v);
const bool: Check = (v) => typeof v === 'boolean';
const ints: Check = (v) => Array.isArray(v) && v.every((x) => int(x));
const strs: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The checks of a jsonl line's fields, from a record type's declaration. */
function lineShape(spec: RecordSpec): Record<string, Check> {
  const shape: Record<string, Check> = { id: int };
  for (const key of recordKeys(spec, true)) {
    const field = spec.fields.find((f) => f.key === key);
    if (!field) {
      // A list of link values: a contact's tags, a meeting's participants.
      const list = spec.lists?.find((l) => l.key === key);
      const value = list && RECORDS[list.record].fields.find((f) => f.column === list.column);
      const check = value?.type === 'ref' || value?.type === 'integer' ? ints : strs;
      shape[key] = list?.optional ? (v) => v === undefined || check(v) : check;
    } else {
      const check =
        field.type === 'boolean'
          ? bool
          : field.type === 'integer' || field.type === 'ref'
            ? field.required
              ? int
              : intOrNull
            : field.required
              ? str
              : strOrNull;
      // A hidden field a line carries only when set (jsonl-lines.ts): absent is fine.
      shape[key] = field.inLine ? (v) => v === undefined || check(v) : check;
    }
  }
  return shape;
}

// The fields each record type must have, with their types (jsonl-lines.ts).
const SHAPES: Record<JournalLine['type'], Record<string, Check>> = {
  setting: { key: str, value: str },
  contact: lineShape(RECORDS.contact),
  meeting: lineShape(RECORDS.meeting),
  introduction: lineShape(RECORDS.introduction),
  note: lineShape(RECORDS.note),
  gift: lineShape(RECORDS.gift),
  followUp: lineShape(RECORDS.followUp),
};

/**
 * The jsonl format version this netjournal writes in its header line
 * (`{"type":"netjournal","format":2}`). Version 1 had no header and no uids;
 * fields added later are optional, so newer versions read older files, and
 * a file of a newer version is refused as a whole.
 */
export const JSONL_FORMAT = 2;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The record types whose "created" is a timestamp (a contact's is a date, which the journal checks).
const STAMPED = new Set<string>(
  Object.values(RECORDS)
    .filter((spec) => spec.fields.some((f) => f.key === 'created' && f.type === 'text'))
    .map((spec) => spec.type),
);

/**
 * What is wrong with a well-shaped record's values that the journal's own
 * checks would let in, or null. A timestamp is stored in its one form (so
 * stats and the calendar export can read it); a due date more than 100 years
 * after `today` is refused as the CLI refuses it.
 */
function valueProblem(record: Record<string, unknown>, today: string | undefined): string | null {
  const type = String(record.type);
  if (STAMPED.has(type)) {
    const created = canonicalTimestamp(String(record.created));
    if (created === null)
      return `${type} has an invalid "created" (an ISO 8601 timestamp, as exported)`;
    record.created = created;
  }
  // Only a date-shaped due: anything else is the journal's own check to refuse.
  if (
    type === 'followUp' &&
    today !== undefined &&
    /^\d{4}-\d{2}-\d{2}$/.test(String(record.due))
  ) {
    const problem = dueDateProblem(String(record.due), today);
    if (problem !== null) return `followUp "due" ${problem}`;
  }
  return null;
}

/** A header line that is not for this version: why, or null when it is readable. */
function headerProblem(record: Record<string, unknown>): string | null {
  const format = record.format;
  if (!Number.isInteger(format) || (format as number) < 1)
    return 'header has a missing or invalid "format"';
  if ((format as number) > JSONL_FORMAT)
    return `written by a newer netjournal (jsonl format ${String(format)}; this one reads up to ${JSONL_FORMAT}): upgrade netjournal to import it`;
  return null;
}

/**
 * Read `export --format jsonl` output: records, and a problem for each line
 * that is not one. With `today`, a follow-up due more than 100 years later is
 * a problem too.
 */
export function readJournalLines(
  text: string,
  today?: string,
): {
  records: { line: number; record: JournalLine }[];
  problems: LineProblem[];
} {
  const records: { line: number; record: JournalLine }[] = [];
  const problems: LineProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line, message: 'not a JSON object' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ line, message: 'not a JSON object' });
      return;
    }
    const record = value as Record<string, unknown>;
    const type = record.type;
    if (type === 'netjournal') {
      const problem = headerProblem(record);
      if (problem) problems.push({ line, message: problem });
      return;
    }
    // Own keys only: "constructor" or "toString" is not a record type.
    const shape =
      typeof type === 'string' && Object.hasOwn(SHAPES, type)
        ? SHAPES[type as JournalLine['type']]
        : undefined;
    if (!shape) {
      problems.push({ line, message: `unknown record type ${JSON.stringify(type)}` });
      return;
    }
    const bad = Object.entries(shape).find(([field, check]) => !check(record[field]));
    if (bad) {
      problems.push({ line, message: `${type} has a missing or invalid "${bad[0]}"` });
      return;
    }
    if ('uid' in record && !(typeof record.uid === 'string' && UUID.test(record.uid))) {
      problems.push({ line, message: `${type} has an invalid "uid" (a UUID, as exported)` });
      return;
    }
    const problem = valueProblem(record, today);
    if (problem !== null) {
      problems.push({ line, message: problem });
      return;
    }
    records.push({ line, record: record as unknown as JournalLine });
  });
  return { records, problems };
}
