import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../../errors.js';
import { csvTable, emptyCsvRows, renderCsv } from '../../../interop/export/csv.js';
import {
  ICS_STYLES,
  openFollowUps,
  renderIcs,
  type IcsStyle,
} from '../../../interop/export/ics.js';
import {
  DUMP_SECTION,
  EXPORT_WHATS,
  emptyDump,
  renderJsonDocument,
  renderJsonl,
  type ExportTable,
  type ExportWhat,
} from '../../../interop/export/jsonl.js';
import { renderVcards } from '../../../interop/export/vcard.js';
import type { JournalDump } from '../../../interop/jsonl-lines.js';
import { forTerminal, jsonForTerminal, linesForTerminal } from '../../../output/sanitize.js';
import { dumpJournal } from '../../../storage/dump.js';
import { exportRows } from '../../../storage/export-tables.js';
import { type CommandHost, completeValues, withContext, withExamples } from '../../command.js';
import type { Context } from '../../context.js';
import { alreadyExists, writeOutput } from '../../output-file.js';
import { exportVdir } from './export-vdir.js';

export interface ExportOptions {
  what?: string;
  as?: string;
  output?: string;
  force?: boolean;
  vdir?: string;
}

/** The formats `export` writes; jsonl, the full-fidelity one, is the default. */
export const EXPORT_FORMATS = ['jsonl', 'json', 'csv', 'vcard', 'ics'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export is, once its options are checked. */
interface ExportPlan {
  format: ExportFormat;
  what: ExportWhat;
  as: IcsStyle;
}

function choice<T extends string>(raw: string, allowed: readonly T[], option: string): T {
  const value = raw.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${option} "${raw}"`, `use one of ${allowed.join(', ')}`);
}

/** Check the options together, before anything is read or written. */
function plan(ctx: Context, opts: ExportOptions): ExportPlan {
  const { format: chosen, json } = ctx.globals;
  const format = chosen === undefined && !json ? 'jsonl' : ctx.format<ExportFormat>(EXPORT_FORMATS);
  const what = opts.what === undefined ? 'all' : choice(opts.what, EXPORT_WHATS, '--what');
  const as = opts.as === undefined ? 'todo' : choice(opts.as, ICS_STYLES, '--as');
  if (opts.as !== undefined && format !== 'ics') {
    throw new UsageError('--as only applies to --format ics', 'add --format ics, or drop --as');
  }
  if (format === 'csv' && what === 'all') {
    throw new UsageError(
      'csv holds one table',
      'choose --what contacts, meetings, follow-ups, intros or notes',
    );
  }
  if (format === 'vcard' && what !== 'all' && what !== 'contacts') {
    throw new UsageError(
      `vcard holds contacts, not ${what}`,
      'drop --what, or use --what contacts',
    );
  }
  if (format === 'ics' && what !== 'all' && what !== 'follow-ups') {
    throw new UsageError(
      `ics holds open follow-ups, not ${what}`,
      'drop --what, or use --what follow-ups',
    );
  }
  if (opts.vdir !== undefined) checkVdir(format, opts);
  if (opts.force && opts.output === undefined) {
    throw new UsageError(
      '--force only applies with --output',
      'add --output FILE, or drop --force',
    );
  }
  return { format, what, as };
}

/** --vdir writes one file per item: only ics and vcard have items, and it has no --output. */
function checkVdir(format: ExportFormat, opts: ExportOptions): void {
  if (format !== 'ics' && format !== 'vcard') {
    throw new UsageError(
      `--vdir holds calendar items or contacts, not ${format}`,
      'add --format ics (open follow-ups) or --format vcard (contacts)',
    );
  }
  if (opts.output !== undefined) {
    throw new UsageError(
      '--vdir and --output are two different places to write to',
      'choose one: --vdir DIR (one file per item) or --output FILE (one file)',
    );
  }
  if (opts.force) {
    throw new UsageError(
      '--vdir needs no --force',
      'drop --force: a vdir export replaces its own files and only those',
    );
  }
}

function count(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

const NOUN: Record<ExportTable, string> = {
  contacts: 'contact',
  meetings: 'meeting',
  'follow-ups': 'follow-up',
  intros: 'introduction',
  notes: 'note',
};

/** "2 contacts, 3 meetings, …": what a jsonl or json export holds. */
function dumpCounts(dump: JournalDump, what: ExportWhat): string {
  const size = (table: ExportTable) => count(dump[DUMP_SECTION[table]].length, NOUN[table]);
  if (what !== 'all') return size(what);
  return [
    ...(['contacts', 'meetings', 'intros', 'notes'] as const).map(size),
    count(dump.gifts.length, 'gift'),
    size('follow-ups'),
    count(dump.settings.length, 'setting'),
  ].join(', ');
}

/**
 * The exported text and what it holds, for the summary line. `terminal`: it
 * is shown on one, so nothing in it may be a raw control character (the
 * file written with --output, or piped, is exact).
 */
function render(ctx: Context, p: ExportPlan, terminal: boolean): { text: string; holds: string } {
  if (p.format === 'csv') {
    const db = ctx.readJournal();
    const what = p.what as ExportTable;
    const { fields, records } = csvTable(db ? exportRows(db, what) : emptyCsvRows(what));
    const text = renderCsv(records, fields, ctx.globals.header, terminal);
    return { text, holds: count(records.length, NOUN[what]) };
  }
  const { format } = p;
  const exported = renderDump(ctx, { ...p, format });
  if (!terminal) return exported;
  const shown = format === 'json' || format === 'jsonl' ? jsonForTerminal : linesForTerminal;
  return { text: shown(exported.text), holds: exported.holds };
}

/** A jsonl, json, vCard or iCalendar export of the whole journal's dump. */
function renderDump(
  ctx: Context,
  p: ExportPlan & { format: Exclude<ExportFormat, 'csv'> },
): { text: string; holds: string } {
  const db = ctx.readJournal();
  const dump = db ? dumpJournal(db) : emptyDump();
  switch (p.format) {
    case 'jsonl':
      return { text: renderJsonl(dump, p.what), holds: dumpCounts(dump, p.what) };
    case 'json':
      return { text: renderJsonDocument(dump, p.what), holds: dumpCounts(dump, p.what) };
    case 'vcard':
      return { text: renderVcards(dump.contacts), holds: count(dump.contacts.length, 'contact') };
    case 'ics': {
      const open = count(openFollowUps(dump).length, 'open follow-up');
      const as = p.as === 'todo' ? 'to-dos' : 'all-day events';
      return { text: renderIcs(dump, p.as), holds: `${open} as ${as}` };
    }
  }
}

/** `export`: the journal as jsonl, json, csv, vCard or iCalendar, on stdout or to --output. */
export function runExport(ctx: Context, opts: ExportOptions): void {
  const p = plan(ctx, opts);
  if (opts.vdir !== undefined) {
    return exportVdir(ctx, p.format === 'ics' ? 'ics' : 'vcard', p.as, opts.vdir);
  }
  const output = opts.output;
  if (output !== undefined) {
    if (resolve(output) === resolve(ctx.journalPath)) {
      throw new UsageError(`${output} is the journal itself`, 'choose another --output');
    }
    if (!opts.force && existsSync(output)) throw alreadyExists(output);
  }
  const { text, holds } = render(ctx, p, output === undefined && ctx.term.isTTY);
  if (output === undefined) ctx.out(text);
  else writeOutput(output, text, opts.force === true);
  ctx.info(`Exported ${holds}${output === undefined ? '' : ` to ${forTerminal(output)}`}.`);
}

/** Register `export`. */
export function exportCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('export')
    .description(
      'export the journal: --format jsonl (everything, the default; import reads it back), json, csv, vcard or ics',
    )
    .option(
      '--what <what>',
      'what to export: all (default), contacts, meetings, follow-ups, intros or notes; csv needs one',
    )
    .option(
      '--as <style>',
      'with --format ics: todo (to-dos with a due date, the default) or event (all-day events with a reminder, for Google Calendar)',
    )
    .option('--output <file>', 'write to FILE (created readable by you only) instead of stdout')
    .option('--force', 'replace the --output file if it exists')
    .option(
      '--vdir <dir>',
      'with --format ics or vcard: keep DIR a vdir (one file per open follow-up or contact, for khal, khard, vdirsyncer); files of closed or deleted items are removed',
    )
    .action(withContext(host, runExport));
  completeValues(command, '--format', EXPORT_FORMATS);
  completeValues(command, '--what', EXPORT_WHATS);
  completeValues(command, '--as', ICS_STYLES);
  return withExamples(command, [
    'netjournal export > backup.jsonl',
    'netjournal export --format vcard > contacts.vcf',
    'netjournal export --format ics --as event > follow-ups.ics',
    'netjournal export --format csv --what meetings > meetings.csv',
    'netjournal export --format json --what follow-ups --output follow-ups.json',
    'netjournal export --format ics --vdir ~/.calendars/netjournal',
    'netjournal export --format vcard --vdir ~/.contacts/netjournal',
  ]);
}
