/**
 * vCard's content lines, for every version (2.1, 3.0, 4.0): physical lines
 * joined back into content lines (folding, and 2.1's quoted-printable soft
 * line breaks), `[group.]NAME[;params]:value` split apart with the line each
 * starts on, cards found between BEGIN:VCARD and END:VCARD, and a value
 * turned into text (quoted-printable or base64 undone, its bytes decoded in
 * the property's CHARSET).
 */
import { byteStringBytes, decoderFor, invalidUtf8At, type Decoder } from './decode.js';
import { quotedPrintableBytes } from './quoted-printable.js';
import type { ParseProblem } from './types.js';

/** One content line and the 1-based line it starts on. */
export interface Property {
  line: number;
  name: string;
  /** The raw `;TYPE=work;…` part, read only for the few parameters that change a value. */
  params: string;
  /** As written: still escaped, still quoted-printable; one character a byte when the file was read as bytes. */
  value: string;
  /** The value as text once a reader has decoded it (valueText), null when it could not; kept so that it is decoded, and noted, once. */
  text?: string | null;
}

export interface Card {
  line: number;
  properties: Property[];
}

/** Undo vCard text escaping: `\\` `\,` `\;` `\:` (and Gmail's `\"`), and `\n`/`\N` for a line break. */
export function unescapeValue(value: string): string {
  if (!value.includes('\\')) return value;
  // Unknown escapes are kept as written: a stray backslash is more likely data than syntax.
  return value.replace(/\\([\\,;:"nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Split on `separator` where it is not escaped, then unescape each part. */
export function splitValue(value: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === separator) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map(unescapeValue);
}

const QUOTED_PRINTABLE = /quoted-printable/i;

// Where the "=" of a soft line break is: the physical line ends in "=" (transport padding after it allowed).
function trailingEquals(line: string): number {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line[end - 1] === '=' ? end - 1 : -1;
}

// Is this content line's value quoted-printable? Its parameters, before the first colon, say so.
function isQuotedPrintable(content: string): boolean {
  const colon = content.indexOf(':');
  return colon !== -1 && QUOTED_PRINTABLE.test(content.slice(0, colon));
}

const END_OF_CARD = /^end:vcard\s*$/i;

/**
 * Physical lines joined into content lines. A line starting with a space or
 * tab continues the last (RFC 6350 §3.2); after a quoted-printable soft
 * break the next line continues the value as it is, indented or not, as 2.1
 * writers (Android, Outlook) expect. Blank lines end a base64 block in 2.1
 * and are otherwise meaningless, so they are dropped (iOS 6 ended lines with
 * CR CR LF, which reads as a blank line after each).
 */
export function unfold(text: string): { line: number; text: string }[] {
  const logical: { line: number; text: string }[] = [];
  const physical = text.split(/\r\n|\r|\n/);
  let softBreak = false;
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i] ?? '';
    let current = logical[logical.length - 1];
    if (softBreak && current !== undefined && !END_OF_CARD.test(raw)) {
      current.text += raw;
    } else if (raw === '') {
      softBreak = false;
      continue;
    } else if ((raw[0] === ' ' || raw[0] === '\t') && current !== undefined) {
      current.text += raw.slice(1);
    } else {
      current = { line: i + 1, text: raw };
      logical.push(current);
    }
    // Only the line just read can end in a soft break; an "=" it follows on from is data.
    const equals = trailingEquals(raw);
    softBreak = equals !== -1 && isQuotedPrintable(current.text);
    if (softBreak)
      current.text = current.text.slice(0, current.text.length - (raw.length - equals));
  }
  return logical;
}

/** A content line as a property: the value starts after the first colon outside a quoted parameter value. */
export function toProperty(line: number, text: string): Property | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      const head = text.slice(0, i);
      const semicolon = head.indexOf(';');
      const qualified = semicolon === -1 ? head : head.slice(0, semicolon);
      const name = qualified
        .slice(qualified.lastIndexOf('.') + 1)
        .trim()
        .toUpperCase();
      const params = semicolon === -1 ? '' : head.slice(semicolon);
      // text is set here, not later, so that every property has one shape.
      return name === '' ? null : { line, name, params, value: text.slice(i + 1), text: undefined };
    }
  }
  return null;
}

/** The cards of a vCard file, and what is not inside one. */
export function splitCards(text: string): { cards: Card[]; problems: ParseProblem[] } {
  const cards: Card[] = [];
  const problems: ParseProblem[] = [];
  let open: Card | null = null;
  let strayRun = false;
  const unterminated = (card: Card): void => {
    problems.push({ line: card.line, message: 'BEGIN:VCARD without END:VCARD' });
  };
  for (const { line, text: content } of unfold(text)) {
    if (content.trim() === '') continue;
    const property = toProperty(line, content);
    const mark =
      property !== null && property.value.trim().toUpperCase() === 'VCARD' ? property.name : null;
    if (mark === 'BEGIN') {
      if (open !== null) unterminated(open);
      open = { line, properties: [] };
    } else if (open !== null) {
      if (mark === 'END') {
        cards.push(open);
        open = null;
        strayRun = false;
      } else if (property !== null) {
        open.properties.push(property);
      }
      // Lines without a colon inside a card (base64 lines of a 2.1 PHOTO, say) carry nothing we read.
    } else if (!strayRun) {
      // One problem per run of stray lines: a non-vCard file should not list every line.
      problems.push({ line, message: 'text outside BEGIN:VCARD … END:VCARD' });
      strayRun = true;
    }
  }
  if (open !== null) unterminated(open);
  return { cards, problems };
}

/** How a value is written: its transfer encoding and charset (2.1 writes `;QUOTED-PRINTABLE` bare). */
interface ValueCoding {
  encoding: 'quoted-printable' | 'base64' | null;
  charset: string | null;
}

const PLAIN: ValueCoding = { encoding: null, charset: null };
const CODING_PARAM = /encoding|charset|quoted-printable|base64/i;

// A file repeats a handful of parameter lists thousands of times: read each once.
const codings = new Map<string, ValueCoding>();
const CODINGS_KEPT = 1000;

function valueCoding(params: string): ValueCoding {
  let coding = codings.get(params);
  if (coding === undefined) {
    coding = readValueCoding(params);
    if (codings.size >= CODINGS_KEPT) codings.clear();
    codings.set(params, coding);
  }
  return coding;
}

function readValueCoding(params: string): ValueCoding {
  if (!CODING_PARAM.test(params)) return PLAIN;
  let encoding: ValueCoding['encoding'] = null;
  let charset: string | null = null;
  for (const param of params.split(';')) {
    const eq = param.indexOf('=');
    const key = (eq === -1 ? '' : param.slice(0, eq)).trim().toUpperCase();
    const value = (eq === -1 ? param : param.slice(eq + 1))
      .trim()
      .replace(/^"|"$/g, '')
      .toUpperCase();
    if (key === 'CHARSET') charset = value;
    else if (key === 'ENCODING' || key === '') {
      if (value === 'QUOTED-PRINTABLE') encoding = 'quoted-printable';
      else if (value === 'BASE64' || value === 'B') encoding = 'base64';
    }
  }
  return { encoding, charset };
}

/** A value whose bytes mean nothing in its charset. */
export class Unreadable {
  constructor(
    /** What is wrong, for a problem or a note. */
    readonly message: string,
    /** Raw bytes of a file that is not UTF-8: the file is refused (unless --skip-bad), not the field dropped. */
    readonly refuse: boolean,
  ) {}
}

const utf8 = decoderFor('utf-8');
const windows1252 = decoderFor('windows-1252');
const NON_ASCII = /[^\x00-\x7f]/;

function decodeWith(decoder: Decoder | null, bytes: Uint8Array): string | null {
  if (decoder === null) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

const byteName = (b: number | undefined): string =>
  `0x${(b ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;

// 8-bit bytes written as they are, in a file that is not UTF-8: only a CHARSET can say what they mean.
function rawBytesText(p: Property, charset: string | null): string | Unreadable {
  const bytes = byteStringBytes(p.value);
  if (charset !== null && decoderFor(charset) !== null) {
    return (
      decodeWith(decoderFor(charset), bytes) ??
      new Unreadable(`${p.name} is not valid ${charset}, the CHARSET it names`, true)
    );
  }
  const text = decodeWith(utf8, bytes);
  if (text !== null) return text;
  const bad = bytes[invalidUtf8At(bytes)];
  return new Unreadable(
    `${p.name} is not UTF-8 (byte ${byteName(bad)}) and names no CHARSET; ` +
      'if the whole file is in one encoding, read it with --encoding windows-1252 (or its name)',
    true,
  );
}

/**
 * A property's value as text, still vCard-escaped: quoted-printable or
 * base64 undone and the bytes decoded in the property's CHARSET, or as UTF-8
 * when it names none (windows-1252 when they are not UTF-8: what 2.1 writers
 * without a CHARSET used). Line breaks come out as LF. `byteString`: the file
 * was read one character per byte because it is not UTF-8.
 */
export function valueText(p: Property, byteString: boolean): string | Unreadable {
  const coding = p.params === '' ? PLAIN : valueCoding(p.params);
  if (coding.encoding === null) {
    if (!byteString || !NON_ASCII.test(p.value)) return p.value;
    return rawBytesText(p, coding.charset);
  }
  const bytes =
    coding.encoding === 'quoted-printable'
      ? quotedPrintableBytes(p.value, byteString)
      : Buffer.from(p.value.replace(/\s+/g, ''), 'base64');
  const declared = coding.charset === null ? null : decoderFor(coding.charset);
  const text =
    declared !== null
      ? decodeWith(declared, bytes)
      : (decodeWith(utf8, bytes) ?? decodeWith(windows1252, bytes));
  if (text === null) {
    return new Unreadable(`${p.name} is not valid ${coding.charset ?? 'UTF-8'}`, false);
  }
  return text.replace(/\r\n?/g, '\n');
}
