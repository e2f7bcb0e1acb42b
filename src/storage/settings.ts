import { CIRCLES, type Circle } from '../domain/contact.js';
import type { CircleCadences } from '../domain/cadence.js';
import { isCadenceDays } from '../domain/settings.js';
import type { Db } from './journal.js';
import { deleteRecord, insertRecord, updateRecord } from './write.js';
import { statement } from './sqlite.js';

/** A setting's stored value, or undefined. */
export function getSetting(db: Db, key: string): string | undefined {
  const row = statement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

/** The per-circle default cadences (stored as days under cadence.<circle>). */
export function cadenceDefaults(db: Db | null): CircleCadences {
  const defaults: CircleCadences = {};
  if (!db) return defaults;
  const rows = statement(
    db,
    `SELECT key, value FROM settings WHERE key LIKE 'cadence.%'`,
  ).all() as {
    key: string;
    value: string;
  }[];
  for (const { key, value } of rows) {
    const circle = key.slice('cadence.'.length) as Circle;
    if (CIRCLES.includes(circle) && isCadenceDays(value)) defaults[circle] = Number(value);
  }
  return defaults;
}

/** Store a setting. */
export function setSetting(db: Db, key: string, value: string): void {
  if (getSetting(db, key) === undefined) insertRecord(db, 'setting', { key, value });
  else updateRecord(db, 'setting', { key }, { value });
}

/** Remove a setting; true when it existed. */
export function unsetSetting(db: Db, key: string): boolean {
  return deleteRecord(db, 'setting', { key });
}

/** Every stored setting, by key. */
export function allSettings(db: Db): { key: string; value: string }[] {
  return statement(db, 'SELECT key, value FROM settings ORDER BY key').all() as {
    key: string;
    value: string;
  }[];
}
