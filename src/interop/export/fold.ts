/**
 * The content-line rules vCard (RFC 6350 §3.2, §3.4) and iCalendar
 * (RFC 5545 §3.1, §3.3.11) share: TEXT values escaped, lines folded at 75
 * octets, every line ended by CRLF.
 */

/** The longest physical line, in UTF-8 octets, CRLF excluded. */
export const FOLD_LIMIT = 75;

// RFC 5545 CONTROL: every C0 control but HTAB (LF is turned into "\n" first), and DEL.
const FORBIDDEN = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/**
 * A TEXT value: CRLF, CR and LF become the two characters `\n`; backslash,
 * comma and semicolon get a backslash; other control characters (which
 * neither format allows in a value) are dropped. Structured values (N, ORG)
 * escape each component with this and join them with a bare `;`.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(FORBIDDEN, '').replace(/[\\,;]/g, (ch) => `\\${ch}`))
    .join('\\n');
}

/** A value that is not TEXT (a URI): not escaped, but kept on one line with no controls. */
export function singleLine(value: string): string {
  return value.replace(/\r\n?|\n/g, ' ').replace(FORBIDDEN, '');
}

// Octets one code point takes in UTF-8 (a lone surrogate is written as U+FFFD: 3).
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Fold one content line so no physical line exceeds 75 octets: a break is
 * CRLF followed by a space, the space counting towards the next line's 75,
 * and a multi-byte character is never split.
 */
export function foldLine(line: string, limit = FOLD_LIMIT): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (octets + size > limit) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** Content lines (`NAME;PARAM=x:value`, already escaped) as text: each folded, each ended by CRLF. */
export function contentLines(lines: readonly string[]): string {
  return lines.map((line) => foldLine(line) + '\r\n').join('');
}
