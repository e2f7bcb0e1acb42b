import { CIRCLE_KEYS, type CircleKey, type Stats } from '../domain/stats.js';
import type { JsonRecord, JsonValue, RecordView } from './record-view.js';
import { forTerminal } from './sanitize.js';
import type { Terminal } from './terminal.js';
import { displayWidth, truncate } from './width.js';

/** One figure of the flat `metric,value` table (tsv, csv, jsonl). */
export interface StatsMetric {
  metric: string;
  value: JsonValue;
}

/** The flat table's record: JSON keys and csv/tsv columns. */
export const statsMetricView: RecordView<StatsMetric> = {
  fields: ['metric', 'value'],
  toRecord: (m): JsonRecord => ({ metric: m.metric, value: m.value }),
  columns: () => [],
  empty: '',
};

function flattenInto(prefix: string, value: JsonValue, out: StatsMetric[]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flattenInto(`${prefix}.${key}`, inner, out);
  } else out.push({ metric: prefix, value });
}

/**
 * Every figure as a dotted metric name and its value, in the JSON's order:
 * `followUps.completionRate`, one `meetings.perWeek.<Monday>` per week, and
 * `connectors.<rank>.name` / `connectors.<rank>.count` (rank from 1).
 */
export function statsMetrics(stats: Stats): StatsMetric[] {
  const out: StatsMetric[] = [];
  for (const [key, value] of Object.entries(stats) as [keyof Stats, Stats[keyof Stats]][]) {
    if (key === 'meetings') {
      out.push({ metric: 'meetings.total', value: stats.meetings.total });
      for (const w of stats.meetings.perWeek) {
        out.push({ metric: `meetings.perWeek.${w.week}`, value: w.count });
      }
    } else if (key === 'connectors') {
      stats.connectors.forEach((c, k) => {
        out.push({ metric: `connectors.${k + 1}.name`, value: c.name });
        out.push({ metric: `connectors.${k + 1}.count`, value: c.count });
      });
    } else flattenInto(key, value as JsonValue, out);
  }
  return out;
}

const SPARKS = '▁▂▃▄▅▆▇█';
const BAR = 20;
const LABEL = 17;
const CIRCLE_NAMES: Record<CircleKey, string> = {
  inner: 'inner',
  second: 'second',
  third: 'third',
  none: 'no circle',
};

/** One block per count: ▁ for none, then ▂…█ in proportion to the largest. */
export function sparkline(counts: readonly number[]): string {
  const max = Math.max(0, ...counts);
  return counts
    .map((n) => SPARKS[n === 0 ? 0 : Math.max(1, Math.ceil((n / max) * 7))] ?? '')
    .join('');
}

const percent = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 100)}%`);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The sparkline and the counts of the most recent weeks that fit the width. */
function weekLines(stats: Stats, term: Terminal): string[] {
  const { chalk } = term;
  const weeks = stats.meetings.perWeek;
  let shown = weeks.length;
  const width = (k: number): number =>
    weeks.slice(-k).reduce((sum, w) => sum + 2 + String(w.count).length, 2 + 1);
  while (shown > 1 && width(shown) > term.columns) shown -= 1;
  const last = weeks.slice(-shown);
  const first = last[0];
  const final = last[last.length - 1];
  if (!first || !final) return [];
  const counts = last.map((w) => String(w.count)).join(' ');
  const span = shown < weeks.length ? `the last ${shown} weeks` : 'weeks';
  return [
    `  ${chalk.cyan(sparkline(last.map((w) => w.count)))}  ${counts}`,
    chalk.dim(`  ${span} from Monday ${first.week} to Monday ${final.week}`),
  ];
}

/** Who the user met by circle: a bar of each circle's share, and the circle's size. */
function circleLines(stats: Stats, term: Terminal): string[] {
  const { chalk } = term;
  const met = stats.contacts.metByCircle;
  const everyone = CIRCLE_KEYS.reduce((sum, k) => sum + met[k], 0);
  return CIRCLE_KEYS.map((k) => {
    const share = everyone === 0 ? null : met[k] / everyone;
    const filled = share === null ? 0 : Math.round(share * BAR);
    const bar = chalk.green('█'.repeat(filled)) + chalk.dim('░'.repeat(BAR - filled));
    const pct = (share === null ? '—' : `${Math.round(share * 100)}%`).padStart(4);
    const name = CIRCLE_NAMES[k].padEnd(10);
    return `  ${name}${bar}  ${pct}  ${met[k]} met of ${plural(stats.contacts.byCircle[k], 'contact')}`;
  });
}

function followUpLines(stats: Stats): string[] {
  const f = stats.followUps;
  if (f.created === 0) return ['none created in this period'];
  const median =
    f.medianDaysToDone === null
      ? 'none done yet'
      : `median ${plural(f.medianDaysToDone, 'day')} to done`;
  return [
    `${f.created} created: ${f.done} done, ${f.dropped} dropped, ${f.open} open`,
    `${percent(f.completionRate)} completed · ${median}`,
  ];
}

function connectorLines(stats: Stats, term: Terminal): string[] {
  const { chalk } = term;
  if (stats.connectors.length === 0) {
    return [
      chalk.dim('  No one has introduced you to anyone yet. Record it with: netjournal intro'),
    ];
  }
  const counts = stats.connectors.map((c) => plural(c.count, 'introduction'));
  const countWidth = Math.max(...counts.map((c) => c.length));
  const names = stats.connectors.map((c) =>
    truncate(forTerminal(c.name), Math.max(10, term.columns - 7 - countWidth)),
  );
  const nameWidth = Math.max(...names.map(displayWidth));
  return names.map((name, k) => {
    const pad = ' '.repeat(nameWidth - displayWidth(name));
    return `  ${chalk.dim(`${k + 1}.`)} ${chalk.bold(name)}${pad}  ${counts[k] ?? ''}`;
  });
}

/**
 * `stats` on a terminal: the period, meetings per week as a sparkline with
 * the counts, who the user met by circle, then a line per figure (rates as
 * percentages, — where there was nothing to count) and the connectors.
 */
export function renderStatsPage(stats: Stats, term: Terminal): string {
  const { chalk } = term;
  const row = (label: string, ...values: string[]): string[] =>
    values.map((v, k) => `${k === 0 ? chalk.bold(label.padEnd(LABEL)) : ' '.repeat(LABEL)}${v}`);
  const g = stats.giveAsk;
  const o = stats.outreach;
  const lines = [
    chalk.bold(`Your networking from ${stats.since} to ${stats.until}`),
    '',
    ...row('Meetings', String(stats.meetings.total)),
    ...(stats.meetings.total === 0
      ? [chalk.dim('  None logged in this period. Log one with: netjournal add NAME')]
      : weekLines(stats, term)),
    '',
    ...row('Contacts', `${stats.contacts.total} · ${stats.contacts.new} new in this period`),
    chalk.bold('People met, by circle'),
    ...circleLines(stats, term),
    '',
    ...row(
      'Introductions',
      `${stats.introductions.received} received · ${stats.introductions.made} made`,
    ),
    ...row('Follow-ups', ...followUpLines(stats)),
    ...row(
      'Thank-you notes',
      stats.thankYouRate === null
        ? 'none owed for meetings in this period'
        : `${percent(stats.thankYouRate)} sent within two days of the meeting`,
    ),
    ...row(
      'Report-backs',
      stats.reportBackRate === null
        ? 'none owed in this period'
        : `${percent(stats.reportBackRate)} done`,
    ),
    ...row(
      'Give and ask',
      `${g.given} given · ${plural(g.offersReceived, 'offer')} received` +
        (g.ratio === null ? '' : ` · ${g.ratio.toFixed(2)} given per offer`),
    ),
    ...row(
      'Outreach',
      o.meetings === 0
        ? 'none logged (add --outreach when you reach out first)'
        : `${o.meetings} reached out · ${o.followedUp} met again · ${percent(o.responseRate)} response`,
    ),
    '',
    chalk.bold('Your connectors'),
    ...connectorLines(stats, term),
  ];
  return lines.map((l) => l.trimEnd()).join('\n') + '\n';
}
