import type { Command } from 'commander';
import { parseDate } from '../../../domain/dates.js';
import type { ContactRef, IntroChain } from '../../../domain/journal-types.js';
import { UsageError } from '../../../errors.js';
import { renderDot, renderMermaid } from '../../../output/graph.js';
import { RECORD_FORMATS, type RecordFormat } from '../../../output/record-view.js';
import {
  INTRO_REPORT_FIELDS,
  introductionGraph,
  introReportRecord,
  introsPage,
  peopleIn,
  renderChain,
  renderReport,
  renderTop,
  type IntrosRender,
} from '../../../output/views/intros.js';
import { ME_ID } from '../../../storage/contacts.js';
import {
  countIntroductions,
  introChainOf,
  listIntroductions,
  topIntroducers,
  type IntroductionFilter,
} from '../../../storage/intros-report.js';
import type { Db } from '../../../storage/journal.js';
import { type CommandHost, completeValues, withContext, withExamples } from '../../command.js';
import type { Context } from '../../context.js';
import { resolveName } from '../../resolve.js';
import {
  checkPictureOutput,
  deliverPicture,
  refusePictureOptions,
  type PictureOutputOptions,
} from '../../picture-output.js';
import { sameNameLabels } from '../../same-names.js';
import { checkDrawable } from '../../../output/intro-picture.js';
import { drawIntros, introPicture, neighbourhood, parseDepth } from './picture.js';

export interface IntrosOptions extends PictureOutputOptions {
  since?: string;
  by?: string;
  of?: string;
  depth?: string;
  chain?: string;
  top?: boolean;
}

/** The formats that draw the graph as a picture (Graphviz in WebAssembly). */
const PICTURE_FORMATS = ['svg', 'html'] as const;
/** The record formats, the two graph languages and the pictures. */
const INTROS_FORMATS = [...RECORD_FORMATS, 'dot', 'mermaid', ...PICTURE_FORMATS] as const;
type IntrosFormat = (typeof INTROS_FORMATS)[number];
const isPicture = (format: IntrosFormat): boolean =>
  (PICTURE_FORMATS as readonly string[]).includes(format);

/** Reject combinations that have no single meaning, before anything is read. */
function checkOptions(opts: IntrosOptions, format: IntrosFormat): void {
  const mode = opts.chain !== undefined ? '--chain' : opts.top ? '--top' : null;
  if (opts.chain !== undefined && opts.top) {
    throw new UsageError('--chain and --top cannot be used together', 'pick one of them');
  }
  // A picture draws --chain over the whole graph; the graph languages have no way to.
  const graphMode = isPicture(format) && opts.chain !== undefined ? null : mode;
  if (graphMode && (format === 'dot' || format === 'mermaid' || isPicture(format))) {
    throw new UsageError(
      `--format ${format} draws the introduction graph and cannot be used with ${graphMode}`,
      `drop ${graphMode}, or pick one of ${RECORD_FORMATS.join(', ')}`,
    );
  }
  const filters = (['since', 'by', 'of'] as const).filter((f) => opts[f] !== undefined);
  if (opts.chain !== undefined && filters.length) {
    throw new UsageError(
      `--chain cannot be combined with ${filters.map((f) => `--${f}`).join(', ')}`,
      `the chain follows every introduction to you; drop ${filters.length > 1 ? 'them' : 'it'}`,
    );
  }
}

/** How the user came to know a contact, with the introduction behind each link. */
function loadChain(db: Db | null, name: string): IntroChain {
  // Without a journal resolveName has already failed: only "me" exists there.
  const contact = resolveName(db, name);
  if (!db) return { people: [contact], links: [], loopsBackTo: null };
  return introChainOf(db, contact.id);
}

/** `intros`: who introduced whom, newest first; or a chain, the top introducers, or the graph. */
export async function runIntros(ctx: Context, opts: IntrosOptions): Promise<void> {
  const format = ctx.format<IntrosFormat>(INTROS_FORMATS);
  // The table formats are pages for a person; the others are for tools.
  const print = (text: string) => (format === 'table' ? ctx.page(text) : ctx.out(text));
  checkOptions(opts, format);
  if (isPicture(format)) checkPictureOutput(ctx, opts);
  else refusePictureOptions(opts, PICTURE_FORMATS.join('|'));
  const depth = parseDepth(opts.depth, opts.of);
  const since = opts.since === undefined ? undefined : parseDate(opts.since, ctx.today(), 'past');
  const db = ctx.readJournal();
  const r: IntrosRender = { term: ctx.term, header: ctx.globals.header, meId: ME_ID };
  // Piped formats carry names as they are; a page tells same-named people apart.
  const label = (shown: Iterable<ContactRef>): IntrosRender =>
    format === 'table' ? { ...r, labels: sameNameLabels(db, shown) } : r;
  if (opts.chain !== undefined && isPicture(format)) {
    const chain = loadChain(db, opts.chain);
    checkDrawable(db ? countIntroductions(db) : 0);
    const intros = db ? listIntroductions(db) : [];
    const drawn = await drawIntros(introPicture(ctx, db, intros, chain), format as 'svg' | 'html');
    deliverPicture(ctx, drawn.text, drawn.fileName, opts);
    return;
  }
  if (opts.chain !== undefined) {
    // checkOptions has turned the graph formats away from --chain and --top.
    const chain = loadChain(db, opts.chain);
    const shown = [...chain.people, ...peopleIn(chain.links, ME_ID)];
    if (chain.loopsBackTo) shown.push(chain.loopsBackTo);
    await print(renderChain(chain, format as RecordFormat, label(shown)));
    return;
  }
  const filter: IntroductionFilter = {
    since,
    byId: opts.by === undefined ? undefined : resolveName(db, opts.by, true).id,
    ofId: opts.of === undefined ? undefined : resolveName(db, opts.of, true).id,
  };
  if (opts.top) {
    const top = db ? topIntroducers(db, filter) : [];
    await print(renderTop(top, format as RecordFormat, label(top)));
    return;
  }
  // A picture of too many is refused before they are read (a neighbourhood is counted once found).
  if (isPicture(format) && db && !(depth !== undefined && depth > 1)) {
    checkDrawable(countIntroductions(db, filter));
  }
  // Beyond one step the neighbourhood is found in JS, from every introduction the rest allows.
  const stepping = depth !== undefined && depth > 1 && filter.ofId !== undefined;
  const listed = db
    ? listIntroductions(db, stepping ? { ...filter, ofId: undefined } : filter)
    : [];
  const intros = stepping ? neighbourhood(listed, filter.ofId as number, depth) : listed;
  if (format === 'svg' || format === 'html') {
    checkDrawable(intros.length); // before reading what else the picture shows
    const drawn = await drawIntros(introPicture(ctx, db, intros, null), format);
    deliverPicture(ctx, drawn.text, drawn.fileName, opts);
  } else if (format === 'dot') {
    ctx.out(renderDot(introductionGraph(intros, ME_ID), 'introductions'));
  } else if (format === 'mermaid') ctx.out(renderMermaid(introductionGraph(intros, ME_ID)));
  else if (format === 'table') {
    const filtered = Object.values(filter).some((v) => v !== undefined);
    await ctx.page(introsPage(intros, label(peopleIn(intros, ME_ID)), filtered));
  } else {
    const records = intros.map((i) => introReportRecord(i, ME_ID));
    ctx.out(renderReport('introductions', INTRO_REPORT_FIELDS, records, format, r));
  }
}

/** Register `intros`. */
export function introsCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('intros')
    .description('who introduced whom: introductions newest first, chains, connectors, the graph')
    .option('--since <when>', 'only introductions on or after this date: 2026-11-01, 3m, monday')
    .option('--by <name>', 'only introductions made by NAME (me for the ones you made)')
    .option('--of <name>', 'only introductions involving NAME in any role')
    .option('--depth <n>', 'with --of: their neighbourhood, N introductions out (default 1)')
    .option('--chain <name>', 'how you came to know NAME, through whom, back to the start')
    .option('--top', 'your connectors: introducers ranked by introductions made')
    .option('--output <file>', 'with --format svg|html: write to FILE (readable by you only)')
    .option('--force', 'replace the --output file if it exists')
    .option('--open', "with --format svg|html: open the picture in the system's viewer")
    .addHelpText(
      'after',
      '\nFormats: table, json, jsonl, csv, tsv; dot (Graphviz) or mermaid for the graph;\n' +
        'svg draws it (nodes by circle, dashed until you reported back, --chain in red);\n' +
        'html is a page with the drawing, who is owed a report-back, and the people.',
    )
    .action(withContext(host, runIntros));
  completeValues(command, '--format', INTROS_FORMATS);
  return withExamples(command, [
    'netjournal intros',
    'netjournal intros --by "Joe Park" --since 6m',
    'netjournal intros --chain "Ralph Smith"',
    "netjournal intros --top --json | jq '.introducers[:3]'",
    'netjournal intros --format dot | dot -Tsvg > intros.svg',
    'netjournal intros --format mermaid >> network.md',
    'netjournal intros --format svg --of "Joe Park" --depth 2 --output joe.svg',
    'netjournal intros --format html --open',
  ]);
}
