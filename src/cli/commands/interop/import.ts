import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseCircle, parseTags } from '../../../domain/contact.js';
import { JournalError, UsageError } from '../../../errors.js';
import { CIRCLES } from '../../../model/declarations.js';
import type { ImportFormat, ParseNote } from '../../../interop/parse/types.js';
import { renderJson, renderJsonLine } from '../../../output/render.js';
import { forTerminal } from '../../../output/sanitize.js';
import {
  importContacts,
  type ImportCounts,
  type KeptValue,
} from '../../../storage/import-contacts.js';
import {
  importSummaryLines,
  importSummaryRecord,
  type ImportReport,
} from '../../../output/import-summary.js';
import { importJournal, isEmptyJournal } from '../../../storage/import-journal.js';
import { openMemoryJournal, writeTransaction, type Db } from '../../../storage/journal.js';
import { withBulkWrite } from '../../../storage/bulk-write.js';
import { type CommandHost, completeValues, withContext, withExamples } from '../../command.js';
import type { Context } from '../../context.js';
import { progressBar } from '../../progress.js';

const FORMATS = ['auto', 'linkedin', 'google', 'vcard', 'csv', 'jsonl'] as const;
const FORMAT_NAMES: Record<ImportFormat, string> = {
  linkedin: 'LinkedIn connections',
  google: 'Google Contacts',
  outlook: 'Outlook contacts',
  thunderbird: 'Thunderbird address book',
  vcard: 'vCard',
  csv: 'CSV',
  jsonl: 'netjournal jsonl',
};

export interface ImportOptions {
  from: string;
  dryRun?: boolean;
  circle?: string;
  tag?: string;
  skipBad?: boolean;
  /** Read the file in this encoding (a TextDecoder label) instead of telling it from the bytes. */
  encoding?: string;
}

/** What running an import gives: its counts, the records it refused, the values it kept. */
interface ImportResult {
  counts: ImportCounts;
  problems: { line: number; message: string }[];
  kept: KeptValue[];
}

/** Rolls a dry run back after it has counted everything. */
class DryRun extends Error {}

function readInput(ctx: Context, file: string): Uint8Array {
  try {
    return file === '-' ? ctx.readStdin() : readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot read ${file} (${code})`, 'check the path');
  }
}

/** `import FILE`: contacts from LinkedIn, Google, vCard or CSV, or a whole journal from jsonl. */
export async function runImport(ctx: Context, file: string, opts: ImportOptions): Promise<void> {
  const format = ctx.format();
  if (!(FORMATS as readonly string[]).includes(opts.from)) {
    throw new UsageError(
      `unknown import format "${opts.from}"`,
      `use one of ${FORMATS.join(', ')}`,
    );
  }
  const circle = opts.circle === undefined ? null : parseCircle(opts.circle);
  const tag = opts.tag === undefined ? null : (parseTags([opts.tag])[0] ?? null);
  const { decodeAsWritten, decodeFile, decoderFor } =
    await import('../../../interop/parse/decode.js');
  if (opts.encoding !== undefined && decoderFor(opts.encoding) === null) {
    throw new UsageError(
      `unknown encoding "${opts.encoding}"`,
      'name one such as utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1, iso-8859-2 or windows-1250',
    );
  }
  const name = file === '-' ? 'stdin' : basename(file);
  const found = decodeFile(readInput(ctx, file), opts.encoding);
  const { detectFormat } = await import('../../../interop/parse/detect.js');
  const kind = opts.from === 'auto' ? detectFormat(found.text, file) : (opts.from as ImportFormat);
  // Outlook and Thunderbird on Windows write their CSV in the system's code page, not UTF-8.
  const { dialectFor } = await import('../../../interop/parse/dialects.js');
  const writer = opts.encoding === undefined && kind ? dialectFor(kind) : null;
  const decoded = writer === null ? found : decodeAsWritten(found, writer.notUtf8);
  const text = decoded.text;
  // Bytes that are not UTF-8 may still be a vCard's, each property naming its CHARSET; nothing else can say.
  if (decoded.problem !== null && !(kind === 'vcard' && decoded.bytes)) {
    throw new UsageError(
      `${forTerminal(name)}:${decoded.problem.line}: ${decoded.problem.message}`,
      opts.encoding !== undefined
        ? `nothing was imported; the file is not in ${opts.encoding}: name the encoding it is in`
        : writer !== null
          ? `nothing was imported; the file is not in ${writer.notUtf8} either: name the encoding it is in with --encoding NAME`
          : 'nothing was imported; if the file is in another encoding, read it with --encoding windows-1252 (or its name)',
    );
  }
  if (!kind) {
    throw new UsageError(
      `cannot tell what kind of file ${name} is`,
      `name it with --from ${FORMATS.slice(1).join('|')}`,
    );
  }

  let parsed: {
    records: number;
    problems: { line: number; message: string }[];
    notes: ParseNote[];
  };
  let run: (db: Db, tick: (n: number) => void) => ImportResult;
  if (kind === 'jsonl') {
    const { readJournalLines } = await import('../../../interop/jsonl-read.js');
    const { records, problems } = readJournalLines(text, ctx.today());
    parsed = { records: records.length, problems, notes: [] };
    run = (db) =>
      // Into a journal with data, import matches contacts by name and e-mail in SQL.
      withBulkWrite(db, { dropLookupIndexes: isEmptyJournal(db) }, () => {
        const outcome = importJournal(db, records);
        return { result: { ...outcome, kept: [] }, changedContacts: outcome.changedContacts };
      });
  } else {
    const { parseContacts } = await import('../../../interop/parse/index.js');
    const { contacts, problems, notes } = parseContacts(text, kind, {
      byteString: decoded.bytes,
      today: ctx.today(),
    });
    parsed = { records: contacts.length, problems, notes: notes ?? [] };
    run = (db, tick) =>
      withBulkWrite(db, { dropLookupIndexes: true }, () => {
        const settings = { circle, tag, today: ctx.today(), timestamp: ctx.timestamp() };
        const outcome = importContacts(db, contacts, settings, tick);
        return {
          result: { counts: outcome.counts, problems: [], kept: outcome.kept },
          changedContacts: outcome.changedContacts,
        };
      });
  }
  const refuse = (problems: { line: number; message: string }[]) => {
    const first = problems[0];
    if (!first) return;
    throw new UsageError(
      `${name}:${first.line}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
      'nothing was imported; fix the file, or use --skip-bad to import the rest',
    );
  };
  if (!opts.skipBad) refuse(parsed.problems);

  // A dry run with no journal yet counts against an empty one in memory, creating nothing.
  const inMemory = opts.dryRun === true && ctx.readJournal() === null;
  const db = inMemory ? openMemoryJournal(ctx.timestamp()) : ctx.writeJournal();
  const bar = await progressBar(ctx, parsed.records, `Importing ${name}`);
  let result: ImportResult | undefined;
  try {
    writeTransaction(db, ctx.invocation, () => {
      result = run(db, bar.tick);
      if (!opts.skipBad) refuse(result.problems);
      if (opts.dryRun) throw new DryRun();
    });
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  } finally {
    bar.stop();
    if (inMemory) db.close();
  }
  if (!result) throw new JournalError('import did not run', 'try again');
  const report: ImportReport = {
    file: name,
    format: kind,
    formatName: FORMAT_NAMES[kind],
    dryRun: opts.dryRun === true,
    counts: result.counts,
    problems: [...parsed.problems, ...result.problems].sort((a, b) => a.line - b.line),
    notes: parsed.notes,
    kept: result.kept,
  };
  for (const line of importSummaryLines(report)) ctx.info(line);
  if (decoded !== found && writer !== null) {
    ctx.info(
      `  not UTF-8: read as ${decoded.encoding}, the code page ${writer.title} writes its CSV in on Windows ` +
        '(if a name looks wrong, undo and import it again with --encoding NAME)',
    );
  }
  if (format === 'json' || format === 'jsonl') {
    const summary = importSummaryRecord(report);
    ctx.out(format === 'json' ? renderJson(summary, ctx.term) : renderJsonLine(summary, ctx.term));
  }
}

/** Register `import`. */
export function importCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('import')
    .description(
      'import contacts (LinkedIn, Google, vCard, CSV) or a whole journal (jsonl from export)',
    )
    .argument('<file>', 'the file to import (- for standard input)')
    .option('--from <format>', `what the file is: ${FORMATS.join(', ')}`, 'auto')
    .option('--dry-run', 'show what would change; write nothing')
    .option(
      '--circle <circle>',
      'circle for imported contacts that have none: inner, second or third',
    )
    .option('--tag <tag>', 'tag every imported contact')
    .option('--skip-bad', 'import the good records and list the bad lines')
    .option(
      '--encoding <name>',
      'read the file in this encoding (windows-1252, iso-8859-2, utf-16le, …) instead of telling it from the bytes',
    )
    .action(withContext(host, runImport));
  completeValues(command, '--from', FORMATS);
  completeValues(command, '--circle', CIRCLES);
  return withExamples(command, [
    'netjournal import ~/Downloads/Connections.csv --circle third --tag linkedin',
    'netjournal import contacts.vcf --dry-run',
    'netjournal import google.csv --from google --skip-bad',
    'netjournal import old-outlook.vcf --encoding windows-1252',
    'netjournal export > all.jsonl && netjournal --db new.db import all.jsonl',
  ]);
}
