// C0 controls (except none), DEL and C1 controls: never written raw to a terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

// Bidi controls (ALM, LRM, RLM, embeddings and overrides, isolates): a terminal that honours
// them draws the rest of the line reordered, so "Rtl\u202eexe.txt" would look like "Rtltxt.exe".
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// The same, line breaks kept: for text that is lines (a vCard or iCalendar file shown as it is).
const CONTROL_OR_BIDI_BUT_LF =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// What JSON.stringify leaves raw that a terminal would still act on: DEL, C1 and bidi
// controls (it escapes C0 itself). They can only stand inside a JSON string.
const JSON_RAW_CONTROL = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeControl(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code > 0xff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return NAMED[ch] ?? `\\x${code.toString(16).padStart(2, '0')}`;
}

function jsonEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Make user text safe for a terminal: escape sequences, controls and bidi controls shown, not interpreted. */
export function forTerminal(text: string): string {
  return text.replace(CONTROL_OR_BIDI, escapeControl);
}

/**
 * Lines of text made safe for a terminal: as forTerminal, but line breaks
 * (LF, and CRLF written as LF) stay line breaks.
 */
export function linesForTerminal(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL_OR_BIDI_BUT_LF, escapeControl);
}

/**
 * JSON text made safe for a terminal without changing the value it holds:
 * DEL, C1 and bidi controls written as \uXXXX escapes, which JSON.parse reads
 * back as the same characters (JSON.stringify already escapes C0).
 */
export function jsonForTerminal(json: string): string {
  return json.replace(JSON_RAW_CONTROL, jsonEscape);
}

/** A TSV field: backslash, tab, newline and every other control escaped, so one record stays one line. */
export function tsvField(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(CONTROL, escapeControl);
}

/** A CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
