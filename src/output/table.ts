import Table from 'cli-table3';
import type { TableColumn } from './records.js';
import { forTerminal } from './sanitize.js';
import type { Terminal } from './terminal.js';
import { displayWidth, truncate } from './width.js';

const GAP = 2;
const MIN_SHRUNK = 8;

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
 * Widths that fit the terminal: 'first' columns give up cells (widest first)
 * before 'last' ones do; others keep their natural width.
 */
export function fitWidths(
  natural: readonly number[],
  shrink: readonly ('first' | 'last' | undefined)[],
  columns: number,
): number[] {
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  for (const pass of ['first', 'last'] as const) {
    while (total() > columns) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) {
        if (shrink[i] !== pass || (widths[i] ?? 0) <= MIN_SHRUNK) continue;
        if (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0)) widest = i;
      }
      if (widest < 0) break;
      widths[widest] = Math.max(MIN_SHRUNK, (widths[widest] ?? 0) - (total() - columns));
    }
  }
  return widths;
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
  );
  const table = new Table({
    head: columns.map((c) => term.chalk.bold(c.header)),
    chars: BLANK_CHARS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    colAligns: columns.map((c) => c.align ?? 'left'),
  });
  rows.forEach((row, r) => {
    table.push(
      columns.map((c, i) => {
        const text = truncate(cells[r]?.[i] ?? '', widths[i] ?? 0);
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
