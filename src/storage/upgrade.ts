import { RECORDS } from '../model/declarations.js';
import type { RecordType } from '../model/field.js';
import type { Db } from './journal.js';
import { ME_UID, uuidv7 } from './stable-id.js';
import {
  abandonChangeGroup,
  closeChangeGroup,
  logExistingRow,
  openChangeGroup,
  updateRecord,
  type Row,
} from './write.js';

/**
 * The data part of migration 0006_change_log: give this journal a device id,
 * every existing record a stable id (a UUIDv7 dated by its creation), and log
 * every record as inserted by one "upgrade" group that undo cannot revert.
 * Runs inside the migration's transaction.
 */
export function assignStableIds(db: Db): void {
  db.prepare(`INSERT OR IGNORE INTO journal_meta (key, value) VALUES ('device', ?)`).run(uuidv7());
  db.prepare('UPDATE contacts SET uid = ? WHERE is_me = 1').run(ME_UID);
  for (const spec of Object.values(RECORDS)) {
    if (spec.identity !== 'uid') continue;
    const rows = db
      .prepare(`SELECT id, created FROM ${spec.table} WHERE uid IS NULL ORDER BY id`)
      .all() as { id: number; created: string }[];
    const set = db.prepare(`UPDATE ${spec.table} SET uid = ? WHERE id = ?`);
    for (const row of rows) {
      const ms = Date.parse(row.created);
      set.run(uuidv7(Number.isNaN(ms) ? Date.now() : ms), row.id);
    }
  }
  openChangeGroup(db, 'upgrade', false);
  try {
    for (const [type, spec] of Object.entries(RECORDS) as [
      RecordType,
      (typeof RECORDS)[RecordType],
    ][]) {
      // A table a later migration makes (contact_aliases, 0010) has no rows to log yet.
      const exists = db
        .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
        .get(spec.table);
      if (!exists) continue;
      const where = spec.internal ? `WHERE NOT (${spec.internal})` : '';
      const order = spec.identity === 'uid' ? 'id' : spec.identity.join(', ');
      for (const row of db.prepare(`SELECT * FROM ${spec.table} ${where} ORDER BY ${order}`).all())
        logExistingRow(db, type, row as Row);
    }
  } catch (err) {
    abandonChangeGroup(db);
    throw err;
  }
  closeChangeGroup(db);
}

/**
 * The data part of migration 0008_follow_up_templates: thank-yous and
 * report-backs written before it were all netjournal's own texts (they could
 * not be edited), so they are marked with their template, through the write
 * path, in an "upgrade" group that undo cannot revert.
 */
export function markGeneratedTexts(db: Db): void {
  const rows = db
    .prepare(
      `SELECT id, kind FROM follow_ups
        WHERE kind IN ('thank_you', 'report_back') AND template IS NULL ORDER BY id`,
    )
    .all() as { id: number; kind: string }[];
  if (rows.length === 0) return;
  openChangeGroup(db, 'upgrade', false);
  try {
    for (const row of rows) updateRecord(db, 'followUp', row.id, { template: row.kind });
  } catch (err) {
    abandonChangeGroup(db);
    throw err;
  }
  closeChangeGroup(db);
}
