/**
 * Quoted-printable (RFC 2045 §6.7) as vCard 2.1 writers use it: `=XX` is one
 * byte, `=` at the end of a line is a soft line break (the vCard reader joins
 * those lines before a value gets here), every other character stands for
 * itself. The result is bytes: what they mean depends on the property's
 * CHARSET.
 */

const encoder = new TextEncoder();

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * The bytes a quoted-printable value stands for. Characters that are not
 * `=XX` are taken as bytes: one byte each when `byteString` (the file was
 * read one character per byte), else as their UTF-8. An `=` that does not
 * start two hex digits is kept as written, as lenient decoders do.
 */
export function quotedPrintableBytes(value: string, byteString: boolean): Uint8Array {
  // No more bytes than characters, unless text holds characters beyond ASCII (each up to 3 bytes a unit).
  const wide = !byteString && /[^\x00-\x7f]/.test(value);
  const bytes = new Uint8Array(wide ? value.length * 3 : value.length);
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3d) {
      const high = hexValue(value.charCodeAt(i + 1));
      const low = hexValue(value.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes[n++] = high * 16 + low;
        i += 2;
        continue;
      }
      // A soft break left at the very end (the card ended after it) stands for nothing.
      if (i === value.length - 1) continue;
      bytes[n++] = c;
    } else if (c < 0x80 || byteString) {
      bytes[n++] = c & 0xff;
    } else {
      // Text a writer left unencoded: its UTF-8 bytes, a surrogate pair as one character.
      const ch = String.fromCodePoint(value.codePointAt(i) ?? c);
      n += encoder.encodeInto(ch, bytes.subarray(n)).written;
      i += ch.length - 1;
    }
  }
  return bytes.subarray(0, n);
}
