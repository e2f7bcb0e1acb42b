/**
 * Turning what the user typed into an FTS5 query, and reading back the
 * highlight markers SQLite puts around matches. Pure: no SQLite here.
 */

/** Marks the start of a matched term in highlighted text (never shown raw). */
export const MATCH_START = '\u0002';
/** Marks the end of a matched term in highlighted text. */
export const MATCH_END = '\u0003';

// A word starts with a letter or digit; combining marks stay with their letter
// so that a decomposed "Zoë" (o + U+0308) is one word, as the tokenizer sees it
// (remove_diacritics folds composed and decomposed accents alike).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** The words in text: runs of Unicode letters and digits, everything else a separator. */
export function searchWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** An FTS5 string literal: the text in double quotes, inner quotes doubled. */
export function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The most words a search looks for: each one more is another pass over the index. */
export const MAX_SEARCH_WORDS = 8;

/**
 * The words of a search, each once (ignoring case; composed and decomposed
 * accents alike, as the tokenizer sees them), in the order typed, at most
 * MAX_SEARCH_WORDS of them. A repeated word would only repeat the work.
 */
export function distinctSearchWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of searchWords(text)) {
    const key = word.normalize('NFC').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    words.push(word);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  return words;
}

/**
 * The FTS5 query for what the user typed: every word must occur, each as a
 * prefix ("percep" finds "perception"). Quotes, operators (AND, OR, NOT,
 * NEAR, -, ^, :, *, parentheses) are plain text: only words survive, each
 * quoted, so the result is always a valid query. Repeated words count once,
 * and only the first MAX_SEARCH_WORDS distinct words are used. Empty when
 * there is no word.
 */
export function buildSearchQuery(text: string): string {
  return distinctSearchWords(text)
    .map((word) => `${ftsString(word)}*`)
    .join(' AND ');
}

/** A run of highlighted text: matched or not. */
export interface HighlightPart {
  text: string;
  match: boolean;
}

/** Split text carrying MATCH_START/MATCH_END markers into matched and unmatched runs. */
export function splitHighlights(marked: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ text, match });
    text = '';
  };
  for (const ch of marked) {
    if (ch === MATCH_START || ch === MATCH_END) {
      flush();
      match = ch === MATCH_START;
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}

/** Text with the highlight markers removed. */
export function stripHighlights(marked: string): string {
  return marked.replace(/[\u0002\u0003]/g, '');
}

/** Does highlighted text contain a match? */
export function hasMatch(marked: string): boolean {
  return marked.includes(MATCH_START);
}
