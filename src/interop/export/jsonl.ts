import { JSONL_FORMAT } from '../jsonl-read.js';
import type { JournalDump, JournalLine } from '../jsonl-lines.js';

/** What `export --what` can pick: everything, or one kind of record. */
export const EXPORT_WHATS = [
  'all',
  'contacts',
  'meetings',
  'follow-ups',
  'intros',
  'notes',
] as const;
export type ExportWhat = (typeof EXPORT_WHATS)[number];
/** One kind of record: what a csv table holds. */
export type ExportTable = Exclude<ExportWhat, 'all'>;

/** The part of the dump each single `--what` selects. */
export const DUMP_SECTION = {
  contacts: 'contacts',
  meetings: 'meetings',
  'follow-ups': 'followUps',
  intros: 'introductions',
  notes: 'notes',
} as const satisfies Record<ExportTable, keyof JournalDump>;

/** The sections of a dump in export order (jsonl-lines.ts): the keys of `--format json`. */
export const DUMP_ORDER = [
  'settings',
  'contacts',
  'meetings',
  'introductions',
  'notes',
  'gifts',
  'followUps',
] as const satisfies readonly (keyof JournalDump)[];

/** What a journal that does not exist yet exports: nothing. */
export function emptyDump(): JournalDump {
  return {
    settings: [],
    contacts: [],
    meetings: [],
    introductions: [],
    notes: [],
    gifts: [],
    followUps: [],
  };
}

/** The lines `--what` selects, in export order: all of them, or one section. */
export function selectLines(dump: JournalDump, what: ExportWhat): JournalLine[] {
  if (what !== 'all') return [...dump[DUMP_SECTION[what]]];
  return DUMP_ORDER.flatMap((key): JournalLine[] => dump[key]);
}

/**
 * `--format jsonl`: a header line when the whole journal is exported (and
 * holds anything), then one `JSON.stringify` of each selected line, LF after
 * each, nothing else; the line objects keep jsonl-lines.ts's field
 * order, so the same journal always gives the same bytes.
 */
export function renderJsonl(dump: JournalDump, what: ExportWhat): string {
  const lines = selectLines(dump, what);
  const header = what === 'all' && lines.length > 0 ? JSON.stringify(JSONL_HEADER) + '\n' : '';
  return header + lines.map((line) => JSON.stringify(line) + '\n').join('');
}

/**
 * The first line of a whole-journal export: which jsonl format it is, so a
 * newer netjournal reads it as written and an older one refuses it plainly.
 */
export const JSONL_HEADER = { type: 'netjournal', format: JSONL_FORMAT } as const;

/**
 * `--format json`: with `all` one object of the seven sections (the same
 * line objects, in export order); with one `--what` an array of its lines
 * (`[]` when empty). Compact, one line, so it does not depend on a terminal.
 */
export function renderJsonDocument(dump: JournalDump, what: ExportWhat): string {
  if (what !== 'all') return JSON.stringify(selectLines(dump, what)) + '\n';
  const doc: Partial<Record<keyof JournalDump, JournalLine[]>> = {};
  for (const key of DUMP_ORDER) doc[key] = dump[key];
  return JSON.stringify(doc) + '\n';
}
