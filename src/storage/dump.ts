import type { JournalDump } from '../interop/jsonl-lines.js';
import { RECORDS } from '../model/declarations.js';
import { recordKeys, type RecordSpec, type RecordType } from '../model/field.js';
import type { Db } from './journal.js';
import { fieldValue, recordFromRow } from './record-rows.js';

/**
 * Read the whole journal in export order (ids ascending), the user excluded:
 * each record as its jsonl line, derived from its declaration (the fields a
 * person or an import sets, its stable id, and its lists: a contact's tags,
 * a meeting's participants).
 */
export function dumpJournal(db: Db): JournalDump {
  const settings = (
    db
      .prepare(`SELECT key, value FROM settings WHERE key <> 'search.paused' ORDER BY key`)
      .all() as {
      key: string;
      value: string;
    }[]
  ).map((s) => ({ type: 'setting' as const, key: s.key, value: s.value }));
  const lines = <T>(type: RecordType) => entityLines(db, RECORDS[type]) as T[];
  return {
    settings,
    contacts: lines('contact'),
    meetings: lines('meeting'),
    introductions: lines('introduction'),
    notes: lines('note'),
    gifts: lines('gift'),
    followUps: lines('followUp'),
  };
}

/** Lists come back in one column each, joined by a separator no value holds. */
const LIST_SEP = '\u001f';

function entityLines(db: Db, spec: RecordSpec): Record<string, unknown>[] {
  const lists = (spec.lists ?? []).map((list) => {
    const link = RECORDS[list.record];
    const parent = link.fields.find((f) => f.ref === spec.type);
    const value = link.fields.find((f) => f.column === list.column);
    if (!parent || !value) throw new Error(`${spec.type}'s list ${list.key} is misdeclared`);
    return {
      key: list.key,
      numeric: value.type === 'ref' || value.type === 'integer',
      sql: `(SELECT group_concat(${list.column}, char(31) ORDER BY ${list.column} COLLATE NOCASE)
               FROM ${link.table} WHERE ${parent.column} = r.id) AS "list:${list.key}"`,
    };
  });
  const where = spec.internal ? `WHERE NOT (${spec.internal})` : '';
  const rows = db
    .prepare(
      `SELECT r.*${lists.map((l) => `, ${l.sql}`).join('')} FROM ${spec.table} r ${where} ORDER BY r.id`,
    )
    .all() as Record<string, unknown>[];
  const keys = recordKeys(spec, true);
  const kept = new Map(spec.fields.filter((f) => f.inLine).map((f) => [f.key, f]));
  return rows.map((row) => {
    const record = recordFromRow(spec, row);
    const line: Record<string, unknown> = { type: spec.type, id: row.id, uid: row.uid };
    for (const key of keys) {
      const list = lists.find((l) => l.key === key);
      const hidden = kept.get(key);
      // A hidden field goes in the line only when set: most records never set it.
      if (hidden) {
        const value = fieldValue(hidden, row[hidden.column]);
        if (value !== null) line[key] = value;
      } else if (!list) line[key] = record[key];
      else {
        const joined = row[`list:${key}`];
        const values = typeof joined === 'string' && joined !== '' ? joined.split(LIST_SEP) : [];
        line[key] = list.numeric ? values.map(Number) : values;
      }
    }
    return line;
  });
}
