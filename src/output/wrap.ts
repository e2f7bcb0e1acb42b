import { displayWidth, graphemes } from './width.js';

// The one line breaker for text a person reads on a terminal: help, the
// summary, hints, confirmations, error lines and every page's lines. It
// breaks at spaces only; a word wider than the whole line (a long URL) is
// the one thing cut. Widths are display cells (output/width.ts), so CJK and
// emoji count two and colour codes nothing.

// A colour or style (SGR) sequence, as chalk writes them.
const SGR = /\u001b\[([0-9;]*)m/g;

// The style each SGR code turns off, for the ones chalk uses.
const CLOSES: Record<string, readonly string[]> = {
  '22': ['1', '2'],
  '23': ['3'],
  '24': ['4'],
  '27': ['7'],
  '28': ['8'],
  '29': ['9'],
};

/** The styles still on after text, given those on before it (as their SGR sequences). */
function stylesAfter(open: readonly string[], text: string): string[] {
  let styles = [...open];
  for (const match of text.matchAll(SGR)) {
    const code = match[1] ?? '';
    if (code === '' || code === '0') styles = [];
    else if (code === '39') styles = styles.filter((s) => !/^\u001b\[(3[0-8]|9[0-7])[;m]/.test(s));
    else if (code === '49') styles = styles.filter((s) => !/^\u001b\[(4[0-8]|10[0-7])[;m]/.test(s));
    else if (CLOSES[code]) {
      const off = CLOSES[code];
      styles = styles.filter((s) => !off.includes(s.slice(2, -1)));
    } else styles.push(match[0]);
  }
  return styles;
}

/** A word wider than a line, in pieces: the first at most first cells, the others at most rest. */
function cutWord(word: string, first: number, rest: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const ch of graphemes(word)) {
    const w = displayWidth(ch);
    if (piece && used + w > (pieces.length ? rest : first)) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += ch;
    used += w;
  }
  return piece ? [...pieces, piece] : pieces;
}

/**
 * One line broken at spaces into lines of at most width cells. Its leading
 * spaces indent every line it becomes; spaces inside a line (a table's
 * columns) stay as they are where no break falls; a style still on at a
 * break is closed there and opened again on the next line.
 */
export function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const leading = /^ */.exec(line)?.[0] ?? '';
  // An indent that leaves too little room is dropped on the lines after the first.
  const indent = leading.length <= width / 2 ? leading : '';
  const lines: string[] = [];
  let styles: string[] = [];
  let start = leading; // the indent, and the styles opened again after a break
  let body = ''; // the words on the line being filled
  let used = leading.length;
  const breakLine = (): void => {
    styles = stylesAfter(styles, body);
    lines.push((start + body).trimEnd() + (styles.length ? '\u001b[0m' : ''));
    start = indent + styles.join('');
    body = '';
    used = indent.length;
  };
  for (const [, spaces = '', word = ''] of line.slice(leading.length).matchAll(/( *)([^ ]+)/g)) {
    const gap = body ? displayWidth(spaces) : 0;
    const size = displayWidth(word);
    if (body && used + gap + size > width) breakLine();
    if (used + size <= width) {
      body += (body ? spaces : '') + word;
      used += gap + size;
      continue;
    }
    // Wider than any line: cut, and the last piece carries on.
    const rest = Math.max(1, width - indent.length);
    cutWord(word, Math.max(1, width - used), rest).forEach((piece, i) => {
      if (i > 0) breakLine();
      body += piece;
      used += displayWidth(piece);
    });
  }
  lines.push((start + body).trimEnd());
  return lines;
}

/** Every line of text wrapped to width cells (a text's final newline is kept). */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
