import type { TodayItem, TodaySection } from '../domain/today.js';
import type { JsonRecord, RecordView } from './record-view.js';
import { renderJson, renderList, type RenderOptions } from './render.js';
import { dueWords } from './relative.js';
import { forTerminal } from './sanitize.js';
import type { Terminal } from './terminal.js';
import { displayWidth, truncate } from './width.js';
import { wrapLine } from './wrap.js';

/** The item record: JSON keys and csv/tsv columns, in this order. */
const todayItemView: RecordView<TodayItem> = {
  fields: ['section', 'id', 'kind', 'contact', 'contactId', 'text', 'due', 'days'],
  toRecord: (i): JsonRecord => ({
    section: i.section,
    id: i.id,
    kind: i.kind,
    contact: i.contact,
    contactId: i.contactId,
    text: i.text,
    due: i.due,
    days: i.days,
  }),
  columns: () => [],
  empty: '',
};

const HEADINGS: Record<TodaySection, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  thank_you: 'Thank-you notes to send',
  report_back: 'Tell your introducers how it went',
  waiting: 'Offers to check on — make it easy: offer to draft the note for them',
  birthday: 'Birthdays',
  reconnect: 'Time to reconnect',
  upcoming: 'Coming up',
};

const SUMMARY_WORDS: Record<Exclude<TodaySection, 'upcoming'>, [string, string]> = {
  overdue: ['overdue', 'overdue'],
  today: ['due today', 'due today'],
  thank_you: ['thank-you note', 'thank-you notes'],
  report_back: ['report-back', 'report-backs'],
  waiting: ['offer to check on', 'offers to check on'],
  birthday: ['birthday', 'birthdays'],
  reconnect: ['reconnect', 'reconnects'],
};

/** When an item is due, worded as everywhere else ("3 days late", "due today"); a birthday is today. */
function when(item: TodayItem, today: string): string {
  return item.section === 'birthday' ? 'today' : dueWords(item.due, today);
}

/** "6 things today: 1 overdue, 2 thank-you notes, …" (upcoming items are not counted). */
export function todaySummary(items: readonly TodayItem[], days: number): string {
  const counts = new Map<TodaySection, number>();
  for (const i of items) counts.set(i.section, (counts.get(i.section) ?? 0) + 1);
  const parts = (Object.keys(SUMMARY_WORDS) as (keyof typeof SUMMARY_WORDS)[])
    .filter((s) => counts.get(s))
    .map((s) => {
      const n = counts.get(s) ?? 0;
      return `${n} ${SUMMARY_WORDS[s][n === 1 ? 0 : 1]}`;
    });
  const attention = items.filter((i) => i.section !== 'upcoming').length;
  const upcoming = counts.get('upcoming') ?? 0;
  const later = upcoming ? `${upcoming} coming up in the next ${days} days` : '';
  if (attention === 0) {
    return `Nothing needs you today.${later ? ` ${later[0]?.toUpperCase()}${later.slice(1)}.` : ' Enjoy the quiet, or reach out to someone new.'}`;
  }
  return `${attention} thing${attention === 1 ? '' : 's'} today: ${parts.join(', ')}${later ? `; ${later}` : ''}.`;
}

/**
 * Bare `netjournal` on a terminal: the summary and where to go next, each
 * wrapped at spaces to the terminal's width (piped, one line each).
 */
export function renderSummary(items: readonly TodayItem[], days: number, term: Terminal): string {
  const { chalk } = term;
  const fit = (text: string): string[] => (term.isTTY ? wrapLine(text, term.columns) : [text]);
  const next =
    "See it all with 'netjournal today'; commands with 'netjournal --help'; try 'netjournal demo'.";
  return (
    [
      ...fit(todaySummary(items, days)).map((l) => chalk.bold(l)),
      ...fit(next).map((l) => chalk.dim(l)),
    ].join('\n') + '\n'
  );
}

/**
 * The morning page on a terminal: summary, then a heading per non-empty
 * section with one line per item: the id to type into `done`, when, who,
 * and what. When and who sit next to the id at every width; the text takes
 * the rest of the line and wraps at spaces under itself. Piped output never
 * uses this.
 */
function renderTodayPage(
  items: readonly TodayItem[],
  term: Terminal,
  today: string,
  days: number,
  labels: ReadonlyMap<number, string>,
): string {
  const { chalk } = term;
  const who = (i: TodayItem) => forTerminal(labels.get(i.contactId) ?? i.contact);
  const lines = wrapLine(todaySummary(items, days), term.columns).map((l) => chalk.bold(l));
  const idWidth = Math.max(0, ...items.map((i) => String(i.id).length));
  // Names get at most a quarter of the width, so the text (the reason) stays readable.
  const nameWidth = Math.min(
    Math.max(10, Math.floor(term.columns / 4)),
    Math.max(0, ...items.map((i) => displayWidth(who(i)))),
  );
  const whenWidth = Math.max(0, ...items.map((i) => when(i, today).length));
  const fixed = 2 + idWidth + 2 + whenWidth + 2 + nameWidth + 2;
  const textWidth = Math.max(12, term.columns - fixed);
  let section: TodaySection | null = null;
  for (const item of items) {
    if (item.section !== section) {
      section = item.section;
      const heading =
        section === 'upcoming' ? `${HEADINGS.upcoming} (next ${days} days)` : HEADINGS[section];
      lines.push('', chalk.bold.underline(truncate(heading, term.columns)));
    }
    const id = String(item.id).padStart(idWidth);
    const name = truncate(who(item), nameWidth);
    const whenText = when(item, today).padEnd(whenWidth);
    const styledWhen =
      item.days < 0
        ? chalk.red(whenText)
        : item.section === 'upcoming'
          ? chalk.dim(whenText)
          : chalk.yellow(whenText);
    const [first = '', ...rest] = wrapLine(forTerminal(item.text), textWidth);
    lines.push(
      `  ${chalk.dim(id)}  ${styledWhen}  ${chalk.bold(name)}${' '.repeat(nameWidth - displayWidth(name))}  ${first}`.trimEnd(),
      ...rest.map((line) => ' '.repeat(fixed) + line),
    );
  }
  return lines.join('\n') + '\n';
}

/** `today` in the chosen format: the page, `{"date", "items"}` in json, else one item a line. */
export function renderToday(
  items: readonly TodayItem[],
  opts: RenderOptions & {
    days: number;
    /** Contacts shown under a longer name, to tell apart people who share one (page only). */
    labels?: ReadonlyMap<number, string>;
  },
): string {
  if (opts.format === 'table')
    return renderTodayPage(items, opts.term, opts.today, opts.days, opts.labels ?? new Map());
  if (opts.format === 'json') {
    return renderJson({ date: opts.today, items: items.map(todayItemView.toRecord) }, opts.term);
  }
  return renderList(items, todayItemView, opts);
}
