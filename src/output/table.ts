import { loadLibrary } from '../load-library.js';
import type TableType from 'cli-table3';

// cli-table3 is loaded only when a table is drawn (never for piped output).
import type { TableColumn } from './record-view.js';
import { forTerminal } from './sanitize.js';
import type { Terminal } from './terminal.js';
import { displayWidth, truncate } from './width.js';
import { wrapLine } from './wrap.js';

const GAP = 2;
const MIN_SHRUNK = 8;
const MIN_NARROW = 4;
const MIN_WRAPPED = 24;
const MAX_CELL_LINES = 6;

// No borders: columns separated by two spaces, like gh and git.
const BLANK_CHARS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: ' '.repeat(GAP),
};

/**
 * Widths that fit the terminal: 'first' columns give up cells before 'last'
 * ones, one cell at a time from the widest, down to 8 cells; on a very
 * narrow terminal they go down to 4, or their header's width if wider.
 * A wrapped column (its text wraps rather than being cut) keeps 24 cells
 * until the 'last' columns are down to 8. Other columns keep their width.
 */
export function fitWidths(
  natural: readonly number[],
  shrink: readonly ('first' | 'last' | undefined)[],
  columns: number,
  headers: readonly number[] = [],
  wrapped: readonly boolean[] = [],
): number[] {
  const widths = [...natural];
  let total = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  const passes = [
    ['first', MIN_WRAPPED],
    ['last', MIN_SHRUNK],
    ['first', MIN_SHRUNK],
    ['first', MIN_NARROW],
    ['last', MIN_NARROW],
  ] as const;
  for (const [pass, min] of passes) {
    while (total > columns) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) {
        const floor =
          min === MIN_NARROW
            ? Math.max(min, headers[i] ?? 0)
            : min === MIN_WRAPPED && !wrapped[i]
              ? MIN_SHRUNK
              : min;
        if (shrink[i] !== pass || (widths[i] ?? 0) <= floor) continue;
        if (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0)) widest = i;
      }
      if (widest < 0) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
      total--;
    }
  }
  return widths;
}

/**
 * A cell's text wrapped at spaces to width, at most MAX_CELL_LINES lines
 * (the last cut with "…"): a text pasted whole (5,000 characters) must not
 * make one row a page long, and cli-table3 lays out tall cells slowly.
 */
function wrapCell(text: string, width: number): string {
  const lines = wrapLine(text, width);
  if (lines.length <= MAX_CELL_LINES) return lines.join('\n');
  const kept = lines.slice(0, MAX_CELL_LINES);
  kept[MAX_CELL_LINES - 1] = truncate(`${kept[MAX_CELL_LINES - 1] ?? ''} …`, width);
  return kept.join('\n');
}

/** A borderless table for the terminal: sanitised, fitted to its width, coloured once. */
export function renderTable<R>(
  rows: readonly R[],
  columns: TableColumn<R>[],
  term: Terminal,
): string {
  const cells = rows.map((row) => columns.map((c) => forTerminal(c.text(row))));
  const natural = columns.map((c, i) =>
    Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i] ?? ''))),
  );
  const widths = fitWidths(
    natural,
    columns.map((c) => c.shrink),
    term.columns,
    columns.map((c) => displayWidth(c.header)),
    columns.map((c) => c.wrap === true),
  );
  const Table = loadLibrary('cli-table3') as typeof TableType;
  const table = new Table({
    head: columns.map((c) => term.chalk.bold(c.header)),
    chars: BLANK_CHARS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    colAligns: columns.map((c) => c.align ?? 'left'),
  });
  rows.forEach((row, r) => {
    table.push(
      columns.map((c, i) => {
        const cell = cells[r]?.[i] ?? '';
        const width = widths[i] ?? 0;
        // A wrapped column gives its text the lines it needs, broken at spaces.
        const text =
          c.wrap && displayWidth(cell) > width ? wrapCell(cell, width) : truncate(cell, width);
        return c.style ? c.style(text, row, term) : text;
      }),
    );
  });
  return (
    table
      .toString()
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n') + '\n'
  );
}
