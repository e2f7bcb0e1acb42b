import { displayWidth } from './width.js';

// Whether a page goes through a pager, as git decides it: only on a terminal,
// only when the page is taller than the screen, with the pager the user
// chose. Pure; starting the pager is cli/show-page.ts's job.

/** What the decision depends on. */
export interface PagerSituation {
  /** stdout is a terminal. */
  isTTY: boolean;
  /** The terminal's height; unknown or 0 (a pseudo-terminal nobody sized) never pages. */
  rows: number | undefined;
  /** The terminal's width, for lines that take more than one row. */
  columns: number;
  /** --no-pager was not given. */
  allowed: boolean;
  env: NodeJS.ProcessEnv;
}

/** The pager when the user chose none: quits at once on a page that fits, keeps colour, leaves the page on screen. */
export const DEFAULT_PAGER = 'less -FRX';

/**
 * The pager the user chose: $NETJOURNAL_PAGER, else $PAGER, else less -FRX.
 * Null when the choice is none: an empty one or `cat` (set, it wins even empty).
 */
export function chosenPager(env: NodeJS.ProcessEnv): string | null {
  const command = (env.NETJOURNAL_PAGER ?? env.PAGER ?? DEFAULT_PAGER).trim();
  return command === '' || command === 'cat' ? null : command;
}

/** The rows text takes on a terminal this wide: a line wider than it takes several. */
export function screenRows(text: string, columns: number): number {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.reduce(
    (rows, line) => rows + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, columns))),
    0,
  );
}

/** The pager command to show text with, or null to print it directly. */
export function pagerFor(text: string, s: PagerSituation): string | null {
  if (!s.isTTY || !s.allowed || !s.rows || s.rows <= 0) return null;
  const command = chosenPager(s.env);
  if (command === null) return null;
  // The shell's prompt takes a row after the page: a page as tall as the
  // screen would already push its first line out of sight.
  return screenRows(text, s.columns) >= s.rows ? command : null;
}
