// C0 controls (except none), DEL and C1 controls: never written raw to a terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeControl(ch: string): string {
  return NAMED[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** Make user text safe for a terminal: escape sequences and controls shown, not interpreted. */
export function forTerminal(text: string): string {
  return text.replace(CONTROL, escapeControl);
}

/** A TSV field: backslash, tab, newline and every other control escaped, so one record stays one line. */
export function tsvField(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(CONTROL, escapeControl);
}

/** A CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
