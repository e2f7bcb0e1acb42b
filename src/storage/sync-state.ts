import { parseLoggedChange, type ForeignChange, type LoggedChangeRow } from './change-log.js';
import type { Db } from './journal.js';
import { statement } from './sqlite.js';

/**
 * What the journal remembers about sync (0009_sync.sql): its own settings
 * in journal_meta ('sync.*'), the other devices and how far their batches
 * are applied, and the conflicts found. Not user data: none of it is logged.
 */

/** This device's sync settings; undefined until `sync init`. */
export interface SyncSettings {
  remote: string;
  /** The name this device goes by in the sync repository. */
  name: string;
  /** The newest of this journal's changes (seq) written to a batch. */
  pushed: number;
  /** When the last sync finished (ISO), if one did. */
  last?: string;
}

/** This journal's device id (journal_meta 'device'). */
export function deviceId(db: Db): string {
  return meta(db, 'device') ?? '';
}

function meta(db: Db, key: string): string | undefined {
  const row = statement(db, 'SELECT value FROM journal_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

function setMeta(db: Db, key: string, value: string): void {
  statement(db, 'INSERT OR REPLACE INTO journal_meta (key, value) VALUES (?, ?)').run(key, value);
}

/** The sync settings, or undefined when sync was never set up. */
export function syncSettings(db: Db): SyncSettings | undefined {
  const remote = meta(db, 'sync.remote');
  if (remote === undefined) return undefined;
  return {
    remote,
    name: meta(db, 'sync.name') ?? '',
    pushed: Number(meta(db, 'sync.pushed') ?? 0),
    last: meta(db, 'sync.last'),
  };
}

/** Save what `sync init` chose (inside a write transaction). */
export function saveSyncSettings(db: Db, remote: string, name: string): void {
  setMeta(db, 'sync.remote', remote);
  setMeta(db, 'sync.name', name);
  // A new clone may lack batches this device committed but never pushed: all
  // of its changes go again (other devices skip the ones they hold).
  setMeta(db, 'sync.pushed', '0');
  statement(db, 'INSERT OR REPLACE INTO sync_devices (device, name, applied) VALUES (?, ?, 0)').run(
    deviceId(db),
    name,
  );
}

/** Record that this journal's changes up to seq are in a batch file. */
export function markPushed(db: Db, seq: number): void {
  setMeta(db, 'sync.pushed', String(seq));
}

/** Record when a sync finished. */
export function markSynced(db: Db, at: string): void {
  setMeta(db, 'sync.last', at);
}

/** This device's changes not yet in a batch, oldest first, as batch lines. */
export function unpushedChanges(db: Db, after: number): { last: number; changes: ForeignChange[] } {
  const rows = statement(
    db,
    `SELECT seq, hlc, device, record, uid, op, fields, prior FROM changes
      WHERE seq > ? AND device = ? ORDER BY seq`,
  ).all(after, deviceId(db)) as (LoggedChangeRow & { seq: number })[];
  return {
    last: rows.length ? (rows[rows.length - 1]?.seq ?? after) : after,
    changes: rows.map(parseLoggedChange),
  };
}

/** How many of this device's changes wait for the next sync. */
export function waitingChanges(db: Db, after: number): number {
  const row = statement(db, 'SELECT count(*) AS n FROM changes WHERE seq > ? AND device = ?').get(
    after,
    deviceId(db),
  ) as { n: number };
  return row.n;
}

/** The newest clock reading of each device's changes this journal holds: what it has seen. */
export function seenClocks(db: Db): Record<string, string> {
  const rows = statement(
    db,
    'SELECT device, max(hlc) AS hlc FROM changes GROUP BY device',
  ).all() as {
    device: string;
    hlc: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.device, r.hlc]));
}

/** A device this journal has heard of. */
export interface SyncDevice {
  device: string;
  name: string;
  applied: number;
}

/** Every device this journal has heard of (itself included). */
export function syncDevices(db: Db): SyncDevice[] {
  return statement(
    db,
    'SELECT device, name, applied FROM sync_devices ORDER BY name',
  ).all() as SyncDevice[];
}

/** Record a device's name and the newest of its batches applied here. */
export function markApplied(db: Db, device: string, name: string, applied: number): void {
  statement(
    db,
    `INSERT INTO sync_devices (device, name, applied) VALUES (?, ?, ?)
       ON CONFLICT (device) DO UPDATE SET name = excluded.name, applied = max(applied, excluded.applied)`,
  ).run(device, name, applied);
}

/** A conflict as stored (values as JSON text). */
export interface StoredConflict {
  id: number;
  record: string;
  uid: string;
  field: string;
  kept: string | null;
  kept_device: string;
  kept_hlc: string;
  lost: string | null;
  lost_device: string;
  lost_hlc: string;
  found: string;
}

/** Every conflict sync has kept, oldest first. */
export function syncConflicts(db: Db): StoredConflict[] {
  return statement(db, 'SELECT * FROM sync_conflicts ORDER BY id').all() as StoredConflict[];
}

/** How a conflict names its record: a contact by name, anything else by kind and short id. */
export function recordLabel(db: Db, record: string, uid: string): string {
  if (record === 'contact') {
    const row = statement(db, 'SELECT name FROM contacts WHERE uid = ?').get(uid) as
      { name: string } | undefined;
    if (row) return row.name;
  }
  const tables: Record<string, string> = {
    meeting: 'meetings',
    note: 'notes',
    introduction: 'introductions',
    followUp: 'follow_ups',
    gift: 'gifts',
  };
  const kind = record === 'followUp' ? 'follow-up' : record;
  const table = tables[record];
  if (table === undefined) return kind;
  const row = statement(db, `SELECT id FROM ${table} WHERE uid = ?`).get(uid) as
    { id: number } | undefined;
  return row ? `${kind} #${row.id}` : `a deleted ${kind}`;
}

/** The names of devices by id. */
export function deviceNames(db: Db): Map<string, string> {
  return new Map(syncDevices(db).map((d) => [d.device, d.name]));
}

/** Contacts that share a name (case aside): after joining, perhaps one person twice. */
export function sameNamePairs(db: Db): { name: string; first: number; second: number }[] {
  return statement(
    db,
    `SELECT a.name AS name, a.id AS first, b.id AS second FROM contacts a
       JOIN contacts b ON b.name = a.name COLLATE NOCASE AND b.id > a.id
      WHERE a.is_me = 0 AND b.is_me = 0
      ORDER BY a.name COLLATE NOCASE, a.id, b.id`,
  ).all() as { name: string; first: number; second: number }[];
}
