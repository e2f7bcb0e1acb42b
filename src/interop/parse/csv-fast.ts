/**
 * A fast reader for the plain CSV that contact exports almost always are:
 * every field either unquoted (no quote, no space or other white space at
 * its edges) or quoted from its first character to a closing quote followed
 * by a comma, a line break or the end, with "" for a quote inside. csv-parse
 * reads such files at a few MB/s, byte by byte; this reads them at the speed
 * of indexOf. Anything outside that subset (white space that csv-parse would
 * trim, a stray quote, an unclosed quote) returns undefined, and the caller
 * reads the file with csv-parse, which decides what it means and reports
 * the problems; so this never changes what a file means, only how fast a
 * plain one is read (a property test holds the two to the same records).
 */

/** One record of a plain CSV text: its fields and the line where it starts. */
export interface FastRecord {
  line: number;
  fields: string[];
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;

/** White space csv-parse's `trim` would remove (the JS white space, plus NEL). */
function isTrimmable(code: number): boolean {
  if (code <= 32) return true;
  if (code < 0x85) return false;
  return code === 0x85 || /\s/.test(String.fromCharCode(code));
}

/** A field taken as is: empty, or with no white space at either edge and no quote. */
function plainField(text: string, start: number, end: number): string | undefined {
  if (start === end) return '';
  if (isTrimmable(text.charCodeAt(start)) || isTrimmable(text.charCodeAt(end - 1)))
    return undefined;
  const field = text.slice(start, end);
  return field.includes('"') ? undefined : field;
}

/**
 * The records of `text` (line breaks already made LF) when every field is
 * plain, else undefined. Empty lines are skipped, as csv-parse's
 * skip_empty_lines does.
 */
export function readPlainCsv(text: string): FastRecord[] | undefined {
  const records: FastRecord[] = [];
  const length = text.length;
  let pos = 0;
  let line = 1;
  while (pos < length) {
    if (text.charCodeAt(pos) === LF) {
      pos++;
      line++;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        // A quoted field: to the quote that is not doubled.
        let value = '';
        let from = pos + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) return undefined;
          const chunk = text.slice(from, close);
          for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) line++;
          value += chunk;
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          pos = close + 1;
          break;
        }
        fields.push(value);
        const next = pos < length ? text.charCodeAt(pos) : LF;
        if (next === COMMA) {
          pos++;
          continue;
        }
        if (next !== LF) return undefined;
      } else {
        let end = pos;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === LF) break;
          end++;
        }
        const field = plainField(text, pos, end);
        if (field === undefined) return undefined;
        fields.push(field);
        pos = end;
        if (pos < length && text.charCodeAt(pos) === COMMA) {
          pos++;
          continue;
        }
      }
      // The end of the record: a line break or the end of the text.
      if (pos < length) {
        pos++;
        line++;
      }
      break;
    }
    records.push({ line: startLine, fields });
  }
  return records;
}
