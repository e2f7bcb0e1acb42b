import { loadLibrary } from '../load-library.js';

// Cells are counted by string-width, the function cli-table3 lays its columns
// out with: a table's cells, a wrapped line and a cut text then agree on what
// fits (CJK and emoji take two cells, combining marks none, colour codes
// none). It is loaded on the first count, which only terminal output makes.
let stringWidth: ((text: string) => number) | undefined;

// Printable ASCII only: one cell a character, and nothing to load or segment.
const PLAIN = /^[\x20-\x7e]*$/;

/** Cells a string takes on a terminal; ANSI colour codes take none. */
export function displayWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  stringWidth ??= loadLibrary('string-width') as (text: string) => number;
  return stringWidth(text);
}

let segmenter: Intl.Segmenter | undefined;

/** The characters a person sees (grapheme clusters): an emoji sequence or a letter with its accents is one. */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Cut text to at most max cells, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  if (max <= 0) return '';
  if (PLAIN.test(text)) return text.slice(0, max - 1) + '…';
  let out = '';
  let width = 0;
  for (const ch of graphemes(text)) {
    const w = displayWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return out + '…';
}
