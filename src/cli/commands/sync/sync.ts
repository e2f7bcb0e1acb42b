import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../../errors.js';
import { renderJson } from '../../../output/render.js';
import { forTerminal } from '../../../output/sanitize.js';
import type { Db } from '../../../storage/journal.js';
import { deviceNames, recordLabel, sameNamePairs } from '../../../storage/sync-state.js';
import { describeConflict, describeConflicts, describeTraffic } from '../../../sync/describe.js';
import { initSync } from '../../../sync/init.js';
import { runSync, type SyncSummary } from '../../../sync/run.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { keySource } from './keys.js';
import { syncStatusCommands } from './status.js';

export interface SyncInitOptions {
  device?: string;
  /** false with --no-encrypt. */
  encrypt: boolean;
  identity?: string[];
  recipient?: string[];
}

/** A device name: letters, digits, dot, dash and underscore, as a person would type it. */
function checkDeviceName(name: string): string {
  const trimmed = name.trim();
  if (!/^[\p{L}\p{N}._-]{1,40}$/u.test(trimmed))
    throw new UsageError(
      `device name "${name}" is not usable`,
      'use up to 40 letters, digits, dots, dashes or underscores, e.g. --device laptop',
    );
  return trimmed;
}

/** `sync init REMOTE`: create or join a sync repository, then sync once. */
export async function runSyncInit(
  ctx: Context,
  remote: string,
  opts: SyncInitOptions,
): Promise<void> {
  const format = ctx.format(['table', 'json'] as const);
  const keys = keySource(ctx, opts);
  if (remote.trim() === '')
    throw new UsageError('no remote given', 'give a git URL or the path of a bare repository');
  const name = checkDeviceName(opts.device ?? (hostname().split('.')[0] || 'device'));
  // git runs in the sync folder: a local path is made absolute from where it was typed.
  const where = existsSync(remote) ? resolve(remote) : remote;
  const db = ctx.writeJournal();
  const { summary, encrypted } = await initSync(syncRun(ctx, db), where, name, keys);
  // Joining follows the repository: say so when it is not what was asked for.
  const how = encrypted
    ? ', encrypted'
    : opts.encrypt
      ? ' (not encrypted: it was set up with --no-encrypt)'
      : '';
  ctx.info(`Sync set up: this device is ${name}, the remote ${forTerminal(where)}${how}.`);
  report(ctx, db, summary, format);
  // Records are one only when they share a stable id: a person in both journals is twice.
  const pairs = sameNamePairs(db);
  for (const p of pairs.slice(0, 5))
    ctx.info(
      forTerminal(
        `${p.name} is in the journal twice (#${p.first} and #${p.second}); if they are one person: netjournal contact merge '#${p.first}' '#${p.second}'`,
      ),
    );
  if (pairs.length > 5) ctx.info(`… and ${pairs.length - 5} more pairs of contacts with one name.`);
}

/** `sync snapshot`: sync, then write a snapshot for new devices now. */
export async function runSyncSnapshot(ctx: Context): Promise<void> {
  const format = ctx.format(['table', 'json'] as const);
  const db = ctx.writeJournal();
  report(ctx, db, await runSync(syncRun(ctx, db), { snapshot: true }), format);
}

/** `sync`: send this device's changes, apply the others'. */
export async function runSyncNow(ctx: Context): Promise<void> {
  const format = ctx.format(['table', 'json'] as const);
  const db = ctx.writeJournal();
  report(ctx, db, await runSync(syncRun(ctx, db)), format);
}

function syncRun(ctx: Context, db: Db) {
  return { db, journalPath: ctx.journalPath, env: ctx.io.env, at: new Date().toISOString() };
}

/** What came in and went out on stderr, and the conflicts; --json prints it all on stdout. */
function report(ctx: Context, db: Db, summary: SyncSummary, format: 'table' | 'json'): void {
  const names = deviceNames(db);
  const conflicts = summary.conflicts.map((c) => ({
    record: c.record,
    uid: c.uid,
    label: recordLabel(db, c.record, c.uid),
    field: c.column,
    kept: JSON.stringify(c.kept.value),
    keptDevice: names.get(c.kept.device) ?? c.kept.device,
    keptHlc: c.kept.hlc,
    lost: JSON.stringify(c.lost.value),
    lostDevice: names.get(c.lost.device) ?? c.lost.device,
  }));
  ctx.info(forTerminal(describeTraffic(summary.in, summary.out)));
  const lines = conflicts.map(describeConflict);
  if (lines.length > 0) ctx.info(forTerminal(describeConflicts(lines)));
  if (summary.snapshot) ctx.info('Wrote a snapshot: new devices start from it.');
  if (format === 'json')
    ctx.out(
      renderJson(
        {
          device: summary.device,
          in: summary.in,
          out: summary.out,
          snapshot: summary.snapshot === true,
          conflicts: conflicts.map((c, i) => ({
            record: c.record,
            uid: c.uid,
            name: c.label,
            field: c.field,
            kept: summary.conflicts[i]?.kept.value ?? null,
            keptOn: c.keptDevice,
            lost: summary.conflicts[i]?.lost.value ?? null,
            lostOn: c.lostDevice,
          })),
        },
        ctx.term,
      ),
    );
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Register `sync`, `sync init`, `sync status`, `sync conflicts`. */
export function syncCommands(program: Command, host: CommandHost): void {
  const sync = program
    .command('sync')
    .description('sync this journal with your other devices through a git remote')
    .addHelpCommand(false)
    .action(withContext(host, runSyncNow));
  withExamples(sync, [
    '# once on each device (the remote: any git URL or a bare repository)',
    'netjournal sync init git@github.com:me/netjournal-sync.git --device laptop',
    'netjournal sync',
    'netjournal sync status',
  ]);
  withExamples(
    sync
      .command('init')
      .description('set up sync with a git remote: create it (empty remote) or join it')
      .argument('<remote>', 'a git URL or the path of a bare repository')
      .option('--device <name>', 'what to call this device (default: the host name)')
      .option('--no-encrypt', 'keep the changes readable in the remote (new repositories only)')
      .option(
        '--identity <file>',
        'unlock with an age identity file instead of a passphrase (repeatable)',
        collect,
      )
      .option(
        '--recipient <age1…>',
        'a new repository: also let this age public key unlock it (repeatable)',
        collect,
      )
      .action(withContext(host, runSyncInit)),
    [
      'netjournal sync init ~/usb/netjournal.git --device laptop',
      '# encrypted with a passphrase (asked on the terminal, or from NETJOURNAL_SYNC_PASSPHRASE)',
      '# the remote: an empty repository (git init --bare ~/usb/netjournal.git), or one',
      '# another device set up; any URL git reaches without a password prompt works',
      'netjournal sync init git@github.com:me/netjournal-sync.git --identity ~/.age/key.txt',
      'netjournal sync init ~/shared/netjournal.git --no-encrypt   # a readable repository',
    ],
  );
  withExamples(
    sync
      .command('snapshot')
      .description(
        'sync, then write a snapshot new devices start from (sync writes one every 100 batches)',
      )
      .action(withContext(host, runSyncSnapshot)),
    ['netjournal sync snapshot'],
  );
  syncStatusCommands(sync, host);
}
