/**
 * An import file's bytes as text, for every format. A UTF-8 byte-order mark
 * is dropped; UTF-16 (either byte order) is recognised by its mark or by the
 * NUL byte beside each ASCII character; anything else must be UTF-8, unless
 * the user names the encoding, or the file is a program's export that is
 * known to be in one other encoding when it is not UTF-8 (`decodeAsWritten`:
 * Outlook's CSV on Windows). Nothing here ever writes U+FFFD: bytes that are
 * not valid in the encoding found are reported with their line, and the
 * importer refuses the file (a vCard may still name each property's charset,
 * so it gets the bytes to decode one property at a time).
 */
import { TextDecoder } from 'node:util';

/** Bytes that do not decode, and the 1-based line they are on. */
export interface EncodingProblem {
  line: number;
  message: string;
}

export interface DecodedFile {
  text: string;
  /** The encoding the text was read in, as TextDecoder names it: utf-8, utf-16le, windows-1252, … */
  encoding: string;
  /** The bytes are not valid in `encoding`; the importer refuses the file (but see `bytes`). */
  problem: EncodingProblem | null;
  /**
   * With a problem found while guessing (no encoding named): `text` holds the
   * bytes one character each (latin1), so that a vCard can decode each
   * property with the CHARSET it declares. Other formats refuse the file.
   */
  bytes: boolean;
}

// Enough of the file to tell UTF-16 from text that merely holds a NUL or two.
const SNIFF_BYTES = 4096;
const SNIFF_MIN = 8;

/** Bytes to text in one encoding; throws on bytes that are not valid in it. */
export interface Decoder {
  /** The encoding's name as TextDecoder gives it: utf-8, windows-1252, iso-8859-2, … */
  readonly encoding: string;
  decode(bytes: Uint8Array): string;
}

// windows-1252's 0x80–0x9F (WHATWG Encoding); the rest of its bytes are their own code points.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * windows-1252 by hand: Node's TextDecoder (20.x, 22.x) reads it as
 * ISO-8859-1, turning € and curly quotes into invisible C1 controls. Every
 * label WHATWG maps to it (latin1, iso-8859-1, ascii, cp1252) comes here.
 */
const windows1252: Decoder = {
  encoding: 'windows-1252',
  decode(bytes) {
    const raw = asByteString(bytes);
    // Strict, as every other decoder here is: its five undefined bytes are no text.
    if (CP1252_UNDEFINED.test(raw)) throw new TypeError('not valid windows-1252');
    return raw.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
  },
};

// The bytes windows-1252 leaves undefined.
const CP1252_UNDEFINED = /[\x81\x8d\x8f\x90\x9d]/;

const decoders = new Map<string, Decoder | null>();

/** A strict decoder for an encoding label (`latin2`, `cp1252`, …), or null when TextDecoder knows no such encoding. */
export function decoderFor(label: string): Decoder | null {
  const key = label.trim().toLowerCase();
  let decoder = decoders.get(key);
  if (decoder === undefined) {
    try {
      const native = new TextDecoder(key, { fatal: true });
      decoder = native.encoding === 'windows-1252' ? windows1252 : native;
    } catch {
      decoder = null;
    }
    decoders.set(key, decoder);
  }
  return decoder;
}

/** The 1-based line of a position in text: CRLF, CR and LF each end a line, as the parsers count them. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return line;
}

/** The same, for a byte offset into bytes whose line breaks are ASCII (UTF-8, latin1, …). */
function byteLine(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

const hex = (b: number | undefined): string =>
  `0x${(b ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;

/** Where the first byte that is not valid UTF-8 is, or -1 (RFC 3629: no overlongs, surrogates or values past U+10FFFF). */
export function invalidUtf8At(bytes: Uint8Array, from = 0, to = bytes.length): number {
  for (let i = from; i < to;) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (i + k >= to || c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** UTF-16 without a byte-order mark: most code units of ASCII text have a zero high byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  // An odd length cannot be UTF-16, and a few bytes cannot tell.
  if (bytes.length % 2 === 1 || bytes.length < SNIFF_MIN) return null;
  const pairs = Math.min(bytes.length, SNIFF_BYTES) / 2;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  // Text with a stray NUL is not UTF-16: ask for half the units ASCII, and almost no NULs in the other half.
  if (oddZeros * 2 >= pairs && evenZeros * 10 <= pairs) return 'utf-16le';
  if (evenZeros * 2 >= pairs && oddZeros * 10 <= pairs) return 'utf-16be';
  return null;
}

function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

const ENCODING_NAMES: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/** How a message names an encoding. */
export function encodingTitle(encoding: string): string {
  return ENCODING_NAMES[encoding] ?? encoding;
}

// Where UTF-16 goes wrong: an odd byte at the end, or a surrogate without its pair.
function utf16Problem(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): EncodingProblem {
  const name = encodingTitle(encoding);
  const unit = (i: number): number =>
    encoding === 'utf-16le'
      ? (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8)
      : ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  let line = 1;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u === 0x0a || (u === 0x0d && (i + 3 >= bytes.length || unit(i + 2) !== 0x0a))) line++;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) {
        return { line, message: `not valid ${name}: a lone surrogate 0x${u.toString(16)}` };
      }
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      return { line, message: `not valid ${name}: a lone surrogate 0x${u.toString(16)}` };
    }
  }
  return { line, message: `not valid ${name}: the file ends in the middle of a character` };
}

function utf8Problem(bytes: Uint8Array): EncodingProblem {
  const at = Math.max(invalidUtf8At(bytes), 0);
  return { line: byteLine(bytes, at), message: `not valid UTF-8 (byte ${hex(bytes[at])})` };
}

// Any other encoding: where its decoder first gives up, found by decoding leniently.
function namedProblem(bytes: Uint8Array, encoding: string): EncodingProblem {
  // windows-1252 is read by hand (above); TextDecoder would keep its undefined bytes.
  const text =
    encoding === 'windows-1252'
      ? asByteString(bytes).replace(CP1252_UNDEFINED, '\uFFFD')
      : new TextDecoder(encoding).decode(bytes);
  const at = text.indexOf('\uFFFD');
  return {
    line: at === -1 ? 1 : lineAt(text, at),
    message: `not valid ${encodingTitle(encoding)}`,
  };
}

/** The bytes one character each (U+0000–U+00FF), so that any part can be turned back into its bytes. */
export function asByteString(bytes: Uint8Array): string {
  // Buffer's latin1 is ISO-8859-1 byte for byte (TextDecoder's "latin1" is windows-1252).
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** A string of byte characters (see asByteString) back as bytes. */
export function byteStringBytes(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

// C1 controls: what windows-1252's five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as.
const C1_CONTROL = /[\x80-\x9f]/;

/**
 * A file that decodeFile found not to be UTF-8, read again in the encoding
 * its program writes when it does not write UTF-8 (Outlook and Thunderbird on
 * Windows write their CSV in the system's code page: windows-1252 in the
 * Americas and Western Europe). Only when every byte is a character there;
 * otherwise the file is returned as found, for the importer to refuse naming
 * --encoding. A file in another code page that happens to be all characters
 * in this one is read as this one: the importer says which encoding it read.
 */
export function decodeAsWritten(found: DecodedFile, encoding: string): DecodedFile {
  if (found.problem === null || !found.bytes) return found;
  const decoder = decoderFor(encoding);
  if (decoder === null) return found;
  let text: string;
  try {
    text = decoder.decode(byteStringBytes(found.text));
  } catch {
    return found;
  }
  if (C1_CONTROL.test(text)) return found;
  return { text, encoding: decoder.encoding, problem: null, bytes: false };
}

/**
 * Decode an import file. With `encoding` (a TextDecoder label the caller has
 * checked with decoderFor), the bytes are read in it; otherwise by BOM, NUL
 * pattern or as UTF-8.
 */
export function decodeFile(bytes: Uint8Array, encoding?: string): DecodedFile {
  if (encoding !== undefined) {
    const decoder = decoderFor(encoding);
    if (decoder === null) throw new RangeError(`unknown encoding ${encoding}`);
    const name = decoder.encoding;
    try {
      return { text: decoder.decode(bytes), encoding: name, problem: null, bytes: false };
    } catch {
      const problem =
        name === 'utf-8'
          ? utf8Problem(bytes)
          : name === 'utf-16le' || name === 'utf-16be'
            ? utf16Problem(bytes, name)
            : namedProblem(bytes, name);
      return { text: '', encoding: name, problem, bytes: false };
    }
  }
  const found = byteOrderMark(bytes) ?? sniffUtf16(bytes) ?? 'utf-8';
  const decoder = decoderFor(found);
  if (decoder === null) throw new Error(`no TextDecoder for ${found}`);
  try {
    // TextDecoder drops the byte-order mark of its own encoding.
    return { text: decoder.decode(bytes), encoding: found, problem: null, bytes: false };
  } catch {
    if (found !== 'utf-8') {
      return { text: '', encoding: found, problem: utf16Problem(bytes, found), bytes: false };
    }
    const bom = byteOrderMark(bytes) === 'utf-8' ? 3 : 0;
    const text = asByteString(bytes.subarray(bom));
    return { text, encoding: found, problem: utf8Problem(bytes), bytes: true };
  }
}
