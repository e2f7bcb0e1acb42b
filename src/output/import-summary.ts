import type { ParseNote } from '../interop/parse/types.js';
import type { ImportCounts, KeptValue } from '../storage/import-contacts.js';
import { forTerminal } from './sanitize.js';

/** Everything an import did with the file's rows, for the summary. */
export interface ImportReport {
  file: string;
  format: string;
  formatName: string;
  dryRun: boolean;
  counts: ImportCounts;
  /** Rows refused for a problem (only with --skip-bad), one per line. */
  problems: readonly { line: number; message: string }[];
  /** Rows skipped and fields dropped for what the file's own program does. */
  notes: readonly ParseNote[];
  /** Values the journal already had otherwise. */
  kept: readonly KeptValue[];
}

const EXAMPLES = 3;

const shown = (value: string) =>
  JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function examples<T>(items: readonly T[], show: (item: T) => string): string {
  const listed = items.slice(0, EXAMPLES).map(show).join(', ');
  return items.length > EXAMPLES ? `${listed}, …` : listed;
}

/** Skipped rows: those with a problem (one each, by line) and those the notes skip. */
function skippedRows(r: ImportReport): number {
  const lines = new Set(r.problems.map((p) => p.line));
  for (const n of r.notes) if (n.action === 'skipped') lines.add(n.line);
  return lines.size;
}

/**
 * The summary on stderr: one line of counts that accounts for every row,
 * then what was skipped and why, what was dropped from kept contacts, and
 * values the journal kept over the file's.
 */
export function importSummaryLines(r: ImportReport): string[] {
  const { created, updated, unchanged } = r.counts;
  const lines = [
    `${r.dryRun ? 'Would import' : 'Imported'} ${forTerminal(r.file)} (${r.formatName}): ` +
      `${created} created, ${updated} updated, ${unchanged} unchanged, ${skippedRows(r)} skipped.`,
  ];
  for (const p of r.problems) lines.push(`  skipped line ${p.line}: ${forTerminal(p.message)}`);
  const skips = new Map<string, ParseNote[]>();
  const drops = new Map<string, ParseNote[]>();
  for (const n of r.notes) {
    const groups = n.action === 'skipped' ? skips : drops;
    groups.set(n.what, [...(groups.get(n.what) ?? []), n]);
  }
  for (const [why, notes] of skips) {
    const hidden =
      why === 'no name' && r.format === 'linkedin' ? ' (LinkedIn hides some connections)' : '';
    const had = why === 'no name' ? `had no name${hidden}` : forTerminal(why);
    lines.push(
      `  ${notes.length} ${plural(notes.length, 'row')} ${had} — skipped: ${examples(notes, (n) => `line ${n.line}`)}`,
    );
  }
  for (const [what, notes] of drops) {
    lines.push(
      `  ${notes.length} ${plural(notes.length, forTerminal(what))} not understood, kept the ${plural(notes.length, 'contact')}: ` +
        examples(notes, (n) => `line ${n.line} ${forTerminal(shown(n.value ?? ''))}`),
    );
  }
  if (r.kept.length) {
    lines.push(
      `  ${r.kept.length} ${plural(r.kept.length, 'value')} in the file ${r.kept.length === 1 ? 'differs' : 'differ'} from the journal's, which ${r.kept.length === 1 ? 'is' : 'are'} kept: ` +
        examples(
          r.kept,
          (k) =>
            `line ${k.line} ${k.field} ${forTerminal(shown(k.value))} (${forTerminal(k.contact)})`,
        ),
    );
  }
  return lines;
}

/** The summary for scripts (--json): the counts, and every skipped, dropped and kept value. */
export function importSummaryRecord(r: ImportReport): Record<string, unknown> {
  const skipped = [
    ...r.problems,
    ...r.notes
      .filter((n) => n.action === 'skipped')
      .map((n) => ({ line: n.line, message: n.what })),
  ].sort((a, b) => a.line - b.line);
  return {
    file: r.file,
    format: r.format,
    dryRun: r.dryRun,
    ...r.counts,
    skipped,
    dropped: r.notes
      .filter((n) => n.action === 'dropped')
      .map((n) => ({ line: n.line, field: n.what, value: n.value ?? null })),
    kept: r.kept.map((k) => ({ line: k.line, contact: k.contact, field: k.field, value: k.value })),
  };
}
