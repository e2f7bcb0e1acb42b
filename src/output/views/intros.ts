import type {
  ContactRef,
  IntroChain,
  IntroducerCount,
  Introduction,
} from '../../domain/journal-types.js';
import { renderDelimited } from '../delimited.js';
import type { Graph, GraphNode } from '../graph.js';
import type { JsonRecord, RecordFormat } from '../record-view.js';
import { renderJson, renderJsonLine } from '../render.js';
import { forTerminal } from '../sanitize.js';
import type { Terminal } from '../terminal.js';
import { displayWidth, truncate } from '../width.js';

/** What every `intros` renderer needs besides its rows. */
export interface IntrosRender {
  term: Terminal;
  /** Print the csv/tsv header row. */
  header: boolean;
  /** The user's contact id: named `me` in records, "you" on a terminal. */
  meId: number;
  /** On a terminal: labels for people shown who share a name ("Sarah Kim (Acme)", "Sarah Kim #2"). */
  labels?: ReadonlyMap<number, string>;
}

type Labels = ReadonlyMap<number, string> | undefined;

/** A contact as a person reads it on a terminal: its label where its name is shared. */
function shownName(ref: ContactRef, labels: Labels): string {
  return forTerminal(labels?.get(ref.id) ?? ref.name);
}

/** A report in a machine format: json wraps the records in `{key: […]}`. */
type MachineFormat = Exclude<RecordFormat, 'table'>;

/** The fields of one introduction in the `intros` report, in order. */
export const INTRO_REPORT_FIELDS = [
  'id',
  'date',
  'introducer',
  'person',
  'to',
  'reportedBack',
] as const;

function nameOf(ref: ContactRef, meId: number): string {
  return ref.id === meId ? 'me' : ref.name;
}

/** One introduction as the report prints it: exactly the six report fields. */
export function introReportRecord(i: Introduction, meId: number): JsonRecord {
  return {
    id: i.id,
    date: i.date,
    introducer: nameOf(i.introducer, meId),
    person: nameOf(i.person, meId),
    to: nameOf(i.to, meId),
    reportedBack: i.reportedBack,
  };
}

/** Records as a report: json `{key: […]}`, jsonl one per line, csv/tsv with a header row. */
export function renderReport(
  key: string,
  fields: readonly string[],
  records: readonly JsonRecord[],
  format: MachineFormat,
  r: IntrosRender,
): string {
  switch (format) {
    case 'json':
      return renderJson({ [key]: records }, r.term);
    case 'jsonl':
      return records.map((rec) => renderJsonLine(rec, r.term)).join('');
    case 'csv':
    case 'tsv':
      return renderDelimited(records, fields, format, r.header, r.term.isTTY);
  }
}

// The user reads as "you" on a terminal; everyone else by their sanitised name (or label).
function who(ref: ContactRef, meId: number, labels: Labels, capital = false): string {
  if (ref.id !== meId) return shownName(ref, labels);
  return capital ? 'You' : 'you';
}

/** "Joe Park introduced Ralph Smith to you", sanitised for a terminal. */
export function introductionSentence(i: Introduction, meId: number, labels?: Labels): string {
  return `${who(i.introducer, meId, labels, true)} introduced ${who(i.person, meId, labels)} to ${who(i.to, meId, labels)}`;
}

/** Everyone an introduction names but the user, for telling same-named people apart. */
export function peopleIn(intros: readonly Introduction[], meId: number): ContactRef[] {
  return intros.flatMap((i) => [i.introducer, i.person, i.to]).filter((ref) => ref.id !== meId);
}

// Cut to the terminal's width only on a terminal: `--format table` piped keeps it all.
function fit(text: string, width: number, term: Terminal): string {
  return term.isTTY ? truncate(text, Math.max(10, width)) : text;
}

const DATE_WIDTH = 'YYYY-MM-DD  '.length;
const SEP = ' · ';
// Cells a sentence keeps before the reported-back status gives way to it.
const MIN_SENTENCE = 24;

/**
 * `intros` on a terminal: a count, then a line per introduction, newest
 * first (its id for `intro edit|rm|reported`, date, who introduced whom to
 * whom, whether the user reported back when it was to them), with its
 * context below in dim.
 */
export function introsPage(
  intros: readonly Introduction[],
  r: IntrosRender,
  filtered: boolean,
): string {
  const { chalk, columns } = r.term;
  if (intros.length === 0) {
    const empty = filtered
      ? 'No introductions match. Drop a filter, or see them all with: netjournal intros'
      : 'No introductions recorded yet. Record one with: netjournal intro "Joe Park" "Ralph Smith"';
    return chalk.dim(empty) + '\n';
  }
  const count = `${intros.length} introduction${intros.length === 1 ? '' : 's'}, newest first`;
  const lines = [chalk.bold(count)];
  const idWidth = Math.max(...intros.map((i) => String(i.id).length));
  const indent = ' '.repeat(idWidth + 2 + DATE_WIDTH);
  const width = columns - indent.length;
  for (const i of intros) {
    const id = chalk.dim(String(i.id).padStart(idWidth));
    // Reporting back is owed to whoever introduced someone to the user.
    const status = i.to.id !== r.meId ? '' : i.reportedBack ? 'reported back' : 'not reported back';
    const styled = i.reportedBack ? chalk.dim(status) : chalk.yellow(status);
    // On a narrow terminal the status moves below, so the sentence stays readable.
    const inline = status !== '' && width - status.length - SEP.length >= MIN_SENTENCE;
    const room = inline ? width - status.length - SEP.length : width;
    const said = fit(introductionSentence(i, r.meId, r.labels), room, r.term);
    lines.push(`${id}  ${i.date}  ${said}${inline ? SEP + styled : ''}`);
    const context = i.context === null ? '' : forTerminal(i.context);
    // The context follows the status where ten cells of it fit, else goes below it.
    const besideStatus = width - status.length - SEP.length;
    if (status && !inline && context && besideStatus >= 10) {
      lines.push(indent + styled + chalk.dim(SEP + fit(context, besideStatus, r.term)));
    } else {
      if (status && !inline) lines.push(indent + styled);
      if (context) lines.push(indent + chalk.dim(fit(context, width, r.term)));
    }
  }
  return lines.join('\n') + '\n';
}

/** `intros --chain NAME`: `{"chain": […]}` in json, a `name` column otherwise, or a page. */
export function renderChain(chain: IntroChain, format: RecordFormat, r: IntrosRender): string {
  if (format !== 'table') {
    const records = chain.people.map((p) => ({ name: nameOf(p, r.meId) }));
    if (format === 'json') return renderJson({ chain: records.map((rec) => rec.name) }, r.term);
    return renderReport('chain', ['name'], records, format, r);
  }
  const { chalk, columns } = r.term;
  const names = chain.people.map((p) => shownName(p, r.labels));
  const lines = [chalk.bold(fit(names.join(' → '), columns, r.term))];
  const last = chain.people[chain.people.length - 1];
  if (chain.links.length === 0 && last) {
    lines.push(
      chalk.dim(`You know ${shownName(last, r.labels)} directly: no introduction recorded.`),
    );
  }
  for (const link of chain.links) {
    lines.push(
      '  ' +
        fit(`${introductionSentence(link, r.meId, r.labels)} on ${link.date}`, columns - 2, r.term),
    );
  }
  const first = chain.people[0];
  if (chain.loopsBackTo && first) {
    const loop = `${shownName(chain.loopsBackTo, r.labels)} also introduced ${shownName(first, r.labels)} to you: the chain loops, so it stops here.`;
    lines.push(chalk.dim('  ' + fit(loop, columns - 2, r.term)));
  }
  return lines.join('\n') + '\n';
}

/** `intros --top`: `{"introducers": [{name, count}]}`, or a ranked list on a terminal. */
export function renderTop(
  rows: readonly IntroducerCount[],
  format: RecordFormat,
  r: IntrosRender,
): string {
  if (format !== 'table') {
    const records = rows.map((row) => ({ name: row.name, count: row.count }));
    return renderReport('introducers', ['name', 'count'], records, format, r);
  }
  const { chalk, columns } = r.term;
  if (rows.length === 0) {
    return (
      chalk.dim(
        'No one has made an introduction yet. Record one with: netjournal intro "Joe Park" "Ralph Smith"',
      ) + '\n'
    );
  }
  const lines = [chalk.bold('Your connectors, by introductions made')];
  const rankWidth = String(rows.length).length + 1;
  const counts = rows.map((row) => `${row.count} introduction${row.count === 1 ? '' : 's'}`);
  const countWidth = Math.max(...counts.map((c) => c.length));
  // Names take what the rank and count leave, but no more than the longest needs.
  const room = columns - 2 - rankWidth - 1 - 2 - countWidth;
  const names = rows.map((row) => fit(shownName(row, r.labels), room, r.term));
  const nameWidth = Math.max(...names.map(displayWidth));
  rows.forEach((_row, k) => {
    const rank = `${k + 1}.`.padStart(rankWidth);
    const name = names[k] ?? '';
    const pad = ' '.repeat(nameWidth - displayWidth(name));
    lines.push(`  ${chalk.dim(rank)} ${chalk.bold(name)}${pad}  ${counts[k] ?? ''}`);
  });
  return lines.join('\n') + '\n';
}

/**
 * The introduction graph: an edge introducer → person per introduction,
 * oldest first, labelled `to NAME` unless it was to the user (the usual
 * case, left unlabelled). Nodes are everyone at an end of an edge plus
 * anyone else introduced to, by id; the user is `me`, drawn apart.
 */
export function introductionGraph(intros: readonly Introduction[], meId: number): Graph {
  const nodes = new Map<number, GraphNode>();
  const node = (ref: ContactRef): string => {
    const id = `n${ref.id}`;
    if (!nodes.has(ref.id)) {
      const isMe = ref.id === meId;
      nodes.set(ref.id, { id, label: nameOf(ref, meId), ...(isMe ? { emphasis: true } : {}) });
    }
    return id;
  };
  const oldestFirst = [...intros].sort((a, b) =>
    a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1,
  );
  const edges = oldestFirst.map((i) => {
    const from = node(i.introducer);
    const to = node(i.person);
    if (i.to.id === meId) return { from, to };
    node(i.to);
    return { from, to, label: `to ${i.to.name}` };
  });
  const sorted = [...nodes.entries()].sort(([a], [b]) => a - b).map(([, n]) => n);
  return { nodes: sorted, edges };
}
