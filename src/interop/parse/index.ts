/** The import parsers behind one entry point; jsonl is read elsewhere (it carries whole journals). */
import { parseCsv } from './csv.js';
import { parseOutlook, parseThunderbird } from './dialects.js';
import { parseGoogle } from './google.js';
import { parseLinkedIn } from './linkedin.js';
import type { ImportFormat, ParseOptions, ParseResult } from './types.js';
import { parseVcard, type VcardOptions } from './vcard.js';

export { detectFormat } from './detect.js';
export type {
  ImportFormat,
  ImportedContact,
  ParseNote,
  ParseOptions,
  ParseProblem,
  ParseResult,
} from './types.js';

/**
 * Parse an import file's text in the given format into contacts and problems;
 * never throws on bad input. `options`: today, and for a vCard how the file
 * was read (decode.ts).
 */
export function parseContacts(
  text: string,
  format: Exclude<ImportFormat, 'jsonl'>,
  options: ParseOptions & VcardOptions = {},
): ParseResult {
  switch (format) {
    case 'linkedin':
      return parseLinkedIn(text);
    case 'google':
      return parseGoogle(text, options);
    case 'outlook':
      return parseOutlook(text, options);
    case 'thunderbird':
      return parseThunderbird(text, options);
    case 'vcard':
      return parseVcard(text, options);
    case 'csv':
      return parseCsv(text, options);
  }
}
