/**
 * Which import format a file is in, judged by its content first (so a vCard
 * saved as .txt still reads as one) and by its extension only when the
 * content is inconclusive.
 */
import { dialectOf } from './dialects.js';
import { isLinkedInHeader } from './linkedin.js';
import { stripBom, type ImportFormat } from './types.js';

// How a hand-made CSV names its e-mail column: such a file names its contacts by it.
const GENERIC_EMAIL = new Set(['email', 'e-mail', 'email address']);
// LinkedIn's preamble is three or four lines; ten leaves room for a longer one.
const LINKEDIN_HEADER_WITHIN = 10;

// CRLF, LF and a lone CR (old Mac files) all end a line.
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  const breaks = /\r\n?|\n/g;
  let offset = 0;
  while (lines.length < count && offset < text.length) {
    const match = breaks.exec(text);
    lines.push(text.slice(offset, match === null ? text.length : match.index));
    offset = match === null ? text.length : breaks.lastIndex;
  }
  return lines;
}

function isJsonRecord(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(line);
    return (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      typeof (value as { type?: unknown }).type === 'string'
    );
  } catch {
    return false;
  }
}

function headerCells(line: string): string[] {
  return line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

function byContent(lines: string[]): ImportFormat | null {
  const first = lines.find((line) => line.trim() !== '')?.trim();
  if (first === undefined) return null;
  if (/^begin:vcard$/i.test(first)) return 'vcard';
  if (isJsonRecord(first)) return 'jsonl';
  if (lines.some(isLinkedInHeader)) return 'linkedin';
  const cells = headerCells(first);
  const hasFirstName = cells.includes('first name');
  if (hasFirstName && (cells.includes('organization name') || cells.includes('e-mail 1 - value'))) {
    return 'google';
  }
  if (cells[0] === 'name' && cells[1] === 'given name') return 'google';
  // Outlook and Thunderbird by the columns only they write ("E-mail Address", "Primary Email").
  const dialect = dialectOf(cells);
  if (dialect !== null) return dialect.format;
  const hasEmail = cells.some((cell) => GENERIC_EMAIL.has(cell));
  if (cells.includes('name') || hasFirstName || hasEmail) return 'csv';
  return null;
}

function byExtension(fileName: string): ImportFormat | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'vcf' || ext === 'vcard') return 'vcard';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'csv') return 'csv';
  return null;
}

/** The format of an import file by its content, else its extension; null when unknown. */
export function detectFormat(text: string, fileName: string): ImportFormat | null {
  return byContent(firstLines(stripBom(text), LINKEDIN_HEADER_WITHIN)) ?? byExtension(fileName);
}
