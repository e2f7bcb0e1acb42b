import type { Command } from 'commander';
import type { RecordView } from '../../../output/record-view.js';
import { renderJson, renderList } from '../../../output/render.js';
import { forTerminal } from '../../../output/sanitize.js';
import {
  deviceId,
  deviceNames,
  recordLabel,
  syncConflicts,
  syncDevices,
  waitingChanges,
} from '../../../storage/sync-state.js';
import { describeConflict, fieldName } from '../../../sync/describe.js';
import { requireSync, syncFolder } from '../../../sync/run.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';

/** `sync status`: this device, the remote, the last sync and what waits to be sent. */
export function runSyncStatus(ctx: Context): void {
  const format = ctx.format(['table', 'json'] as const);
  const db = ctx.readJournal();
  const settings = requireSync(db);
  if (!db) return;
  const status = {
    device: settings.name,
    remote: settings.remote,
    folder: syncFolder(ctx.journalPath),
    lastSync: settings.last ?? null,
    waiting: waitingChanges(db, settings.pushed),
    devices: syncDevices(db).map((d) => d.name),
  };
  if (format === 'json') {
    ctx.out(renderJson(status, ctx.term));
    return;
  }
  const rows: [string, string][] = [
    ['device', status.device],
    ['remote', status.remote],
    ['folder', status.folder],
    ['last sync', status.lastSync ?? 'never'],
    ['waiting', `${status.waiting} change${status.waiting === 1 ? '' : 's'} to send`],
    ['devices', status.devices.join(', ')],
  ];
  ctx.out(rows.map(([k, v]) => `${`${k}:`.padEnd(11)}${forTerminal(v)}\n`).join(''));
}

interface ConflictRow {
  found: string;
  record: string;
  name: string;
  field: string;
  kept: unknown;
  keptOn: string;
  lost: unknown;
  lostOn: string;
  text: string;
}

const conflictView: RecordView<ConflictRow> = {
  fields: ['found', 'record', 'name', 'field', 'kept', 'keptOn', 'lost', 'lostOn'],
  toRecord: (c) => ({
    found: c.found,
    record: c.record,
    name: c.name,
    field: c.field,
    kept: c.kept as string | number | null,
    keptOn: c.keptOn,
    lost: c.lost as string | number | null,
    lostOn: c.lostOn,
  }),
  columns: () => [
    { header: 'FOUND', text: (c) => c.found.slice(0, 10) },
    { header: 'CONFLICT', text: (c) => c.text, shrink: 'first' },
  ],
  empty: 'No conflicts: no field was changed on two devices between syncs.',
};

/** `sync conflicts`: every field two devices changed between syncs, and the value not kept. */
export function runSyncConflicts(ctx: Context): void {
  const format = ctx.format();
  const db = ctx.readJournal();
  requireSync(db);
  if (!db) return;
  const names = deviceNames(db);
  const rows = syncConflicts(db).map((c): ConflictRow => {
    const label = recordLabel(db, c.record, c.uid);
    const keptOn = names.get(c.kept_device) ?? c.kept_device;
    const lostOn = names.get(c.lost_device) ?? c.lost_device;
    return {
      found: c.found,
      record: c.record,
      name: label,
      field: fieldName(c.record, c.field),
      kept: c.kept === null ? null : JSON.parse(c.kept),
      keptOn,
      lost: c.lost === null ? null : JSON.parse(c.lost),
      lostOn,
      text: describeConflict({
        record: c.record,
        label,
        field: c.field,
        kept: c.kept,
        keptDevice: keptOn,
        keptHlc: c.kept_hlc,
        lost: c.lost,
        lostDevice: lostOn,
      }),
    };
  });
  ctx.out(
    renderList(rows, conflictView, {
      format,
      term: ctx.term,
      today: ctx.today(),
      header: ctx.globals.header,
    }),
  );
}

interface DeviceRow {
  name: string;
  device: string;
  self: boolean;
  batches: number;
}

const deviceView: RecordView<DeviceRow> = {
  fields: ['name', 'device', 'self', 'batches'],
  toRecord: (d) => ({ name: d.name, device: d.device, self: d.self, batches: d.batches }),
  columns: () => [
    { header: 'NAME', text: (d) => (d.self ? `${d.name} (this device)` : d.name) },
    { header: 'DEVICE ID', text: (d) => d.device },
    { header: 'BATCHES', text: (d) => (d.self ? '' : String(d.batches)), align: 'right' },
  ],
  empty: 'No devices yet.',
};

/** `sync devices`: the devices this journal has heard of, and how many of their batches it applied. */
export function runSyncDevices(ctx: Context): void {
  const format = ctx.format();
  const db = ctx.readJournal();
  requireSync(db);
  if (!db) return;
  const own = deviceId(db);
  const rows = syncDevices(db).map((d) => ({
    name: d.name,
    device: d.device,
    self: d.device === own,
    batches: d.applied,
  }));
  ctx.out(
    renderList(rows, deviceView, {
      format,
      term: ctx.term,
      today: ctx.today(),
      header: ctx.globals.header,
    }),
  );
}

/** Register `sync status`, `sync conflicts` and `sync devices`. */
export function syncStatusCommands(sync: Command, host: CommandHost): void {
  withExamples(
    sync
      .command('status')
      .description('this device, the remote, the last sync and the changes waiting to be sent')
      .action(withContext(host, runSyncStatus)),
    ['netjournal sync status', 'netjournal sync status --json'],
  );
  withExamples(
    sync
      .command('conflicts')
      .description('fields changed on two devices between syncs: the value kept and the one not')
      .action(withContext(host, runSyncConflicts)),
    ['netjournal sync conflicts', 'netjournal sync conflicts --json'],
  );
  withExamples(
    sync
      .command('devices')
      .description('the devices syncing with this journal (that have sent changes)')
      .action(withContext(host, runSyncDevices)),
    ['netjournal sync devices', 'netjournal sync devices --json'],
  );
}
