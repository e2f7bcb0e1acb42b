import type { Command } from 'commander';
import {
  MATCH_START,
  buildSearchQuery,
  splitHighlights,
  stripHighlights,
} from '../../../domain/search-query.js';
import { UsageError } from '../../../errors.js';
import { renderList } from '../../../output/render.js';
import type { RecordView } from '../../../output/record-view.js';
import { forTerminal } from '../../../output/sanitize.js';
import type { Terminal } from '../../../output/terminal.js';
import {
  searchRanked,
  type SearchHit,
  type SearchKind,
  type SearchResult,
} from '../../../storage/search.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';

// How hits are shown: stable fields for machines, highlighted one-line matches
// for people. (Kept here, not in src/output/views/, to stay within this files.)
const KIND_LABELS: Readonly<Record<SearchKind, string>> = {
  contact: 'contact',
  note: 'note',
  meeting: 'meeting',
  followUp: 'follow-up',
};

const ARCHIVED = ' (archived)';

/** A run of a cell: matched (bold, underlined), dim, or plain. */
interface Run {
  text: string;
  look: 'match' | 'dim' | 'plain';
}

function runsOf(marked: string): Run[] {
  return splitHighlights(marked).map((p) => ({
    text: forTerminal(p.text),
    look: p.match ? 'match' : 'plain',
  }));
}

/**
 * Colour a cell the table has already sanitised and maybe cut short: `shown`
 * is a prefix of the runs' text (plus an ellipsis when cut), so each run
 * styles the stretch of it that it covers.
 */
function styleRuns(shown: string, runs: readonly Run[], term: Terminal): string {
  let out = '';
  let at = 0;
  for (const run of runs) {
    if (at >= shown.length) break;
    const piece = shown.slice(at, at + run.text.length);
    at += piece.length;
    if (run.look === 'match') out += term.chalk.bold.underline(piece);
    else if (run.look === 'dim') out += term.chalk.dim(piece);
    else out += piece;
  }
  return out + shown.slice(at);
}

function whoRuns(h: SearchHit): Run[] {
  const runs =
    h.who !== '' ? runsOf(h.who) : [{ text: forTerminal(h.contact ?? ''), look: 'plain' as const }];
  return h.archived ? [...runs, { text: ARCHIVED, look: 'dim' }] : runs;
}

const plain = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

// How much text may come before the first match: the rest is cut at a word
// boundary, so that the match stays in view when the column is narrow.
const LEAD = 12;

/** Start marked text a few words before its first match ("…the perception paper"). */
function focusOnMatch(marked: string, lead = LEAD): string {
  const at = marked.indexOf(MATCH_START);
  if (at <= lead) return marked;
  const space = marked.indexOf(' ', at - lead);
  const start = space === -1 || space >= at ? at : space + 1;
  return '…' + marked.slice(start);
}

/** Search hits: stable fields for machines, highlighted one-line matches for people. */
export function searchView(typed: string): RecordView<SearchHit> {
  return {
    fields: ['kind', 'id', 'contact', 'contactId', 'date', 'text'],
    toRecord: (h) => ({
      kind: h.kind,
      id: h.id,
      contact: h.contact,
      contactId: h.contactId,
      date: h.date,
      text: h.text,
    }),
    columns: () => [
      { header: 'KIND', text: (h) => KIND_LABELS[h.kind] },
      {
        header: 'ID',
        text: (h) => (h.kind === 'contact' ? `#${h.id}` : String(h.id)),
        style: (t, _h, term) => term.chalk.dim(t),
        align: 'right',
      },
      { header: 'DATE', text: (h) => h.date ?? '' },
      {
        header: 'CONTACT',
        text: (h) => plain(whoRuns(h)),
        style: (t, h, term) => styleRuns(t, whoRuns(h), term),
        shrink: 'last',
      },
      {
        header: 'MATCH',
        text: (h) => stripHighlights(focusOnMatch(h.snippet)),
        style: (t, h, term) => styleRuns(t, runsOf(focusOnMatch(h.snippet)), term),
        shrink: 'first',
      },
    ],
    empty: `Nothing matches "${forTerminal(typed.trim())}".`,
  };
}

/** `search` options as commander gives them. */
export interface SearchCommandOptions {
  /** The most matches to print (a whole number as typed). */
  limit: string;
  /** The most matches of each kind to rank (tests use a small one; no flag sets it). */
  cap?: number;
}

function parseLimit(raw: string): number {
  const trimmed = raw.trim();
  if (!/^\d{1,6}$/.test(trimmed) || Number(trimmed) < 1) {
    throw new UsageError(`invalid --limit "${raw}"`, 'give a number of 1 or more, e.g. --limit 10');
  }
  return Number(trimmed);
}

/** `search TEXT…`: full-text search over contacts, notes, meeting notes and follow-ups. */
export function runSearch(ctx: Context, words: string[], opts: SearchCommandOptions): void {
  const format = ctx.format();
  const limit = parseLimit(opts.limit);
  const typed = words.join(' ');
  const query = buildSearchQuery(typed);
  if (query === '') {
    throw new UsageError(
      `nothing to search for in "${typed}"`,
      'give a word or a name, e.g. netjournal search perception',
    );
  }
  const db = ctx.readJournal();
  const result: SearchResult = db
    ? searchRanked(db, query, { limit, cap: opts.cap })
    : { hits: [], matches: 0, ranked: 0, capped: [] };
  ctx.out(
    renderList(result.hits, searchView(typed), {
      format,
      term: ctx.term,
      today: ctx.today(),
      header: ctx.globals.header,
    }),
  );
  if (result.capped.length > 0) ctx.info(cappedNotice(result));
}

const KIND_PLURALS: Readonly<Record<SearchKind, string>> = {
  contact: 'contacts',
  note: 'notes',
  meeting: 'meetings',
  followUp: 'follow-ups',
};

// Thousands grouped by hand: the first toLocaleString of a process loads ICU's
// number formats, 15 ms or more.
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "a", "a and b", "a, b and c". */
function listOf(items: readonly string[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** What a person reads when the cap left older matches out of the ranking. */
export function cappedNotice(result: SearchResult): string {
  const kinds = listOf(result.capped.map((k) => KIND_PLURALS[k]));
  return (
    `Showing the best of the ${count(result.ranked)} newest matches of ${count(result.matches)}` +
    ` (older ${kinds} left out); narrow the search to see older ones.`
  );
}

/** Register `search`. */
export function searchCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('search')
    .description('find contacts, notes, meeting notes and follow-ups by their words')
    .argument('<text...>', 'words to find; each matches as a prefix, accents ignored')
    .option('--limit <n>', 'show at most this many matches, best first', '50')
    .action(withContext(host, runSearch));
  return withExamples(command, [
    'netjournal search zoe',
    'netjournal search percep',
    'netjournal search "design systems" --limit 10',
    'netjournal search acme --json | jq -r ".[].contact"',
  ]);
}
