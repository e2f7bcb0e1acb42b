/**
 * `stats --format html`: the figures `stats --json` prints, as one
 * self-contained page of charts with their numbers: meetings per week, people
 * met by circle (and the share beyond the inner circle), follow-through, give
 * and ask, top connectors. It reads the Stats object only.
 */
import { CIRCLE_KEYS, type Stats } from '../domain/stats.js';
import { htmlPage, nameHtml } from './html-page.js';
import { escapeMarkup } from './markup.js';
import { barChart, columnChart, rateChart } from './svg-charts.js';

const CIRCLE_LABELS = { inner: 'inner', second: 'second', third: 'third', none: 'no circle' };

const card = (title: string, ...content: string[]): string =>
  `<section class="card"><h2>${escapeMarkup(title)}</h2>${content.join('\n')}</section>`;
const note = (text: string): string => `<p class="muted">${text}</p>`;
const percent = (rate: number | null): string =>
  rate === null ? '—' : `${Math.round(rate * 100)}%`;

/** The share of people met who are not in the inner circle: the seeds' reach beyond it. */
export function reachBeyondInner(stats: Stats): number | null {
  const met = CIRCLE_KEYS.reduce((sum, c) => sum + stats.contacts.metByCircle[c], 0);
  return met === 0
    ? null
    : Math.round(((met - stats.contacts.metByCircle.inner) * 100) / met) / 100;
}

/** The page. */
export function renderStatsHtml(stats: Stats): string {
  const weeks = stats.meetings.perWeek.map((w) => ({ label: w.week.slice(5), value: w.count }));
  const met = CIRCLE_KEYS.map((c) => ({
    label: CIRCLE_LABELS[c],
    value: stats.contacts.metByCircle[c],
  }));
  const f = stats.followUps;
  const g = stats.giveAsk;
  const beyond = reachBeyondInner(stats);
  const body = [
    '<h1>Your networking</h1>',
    `<p class="lead">${stats.since} to ${stats.until} · ${stats.meetings.total} meetings · ${stats.contacts.total} contacts, ${stats.contacts.new} new · ${stats.introductions.received} introductions received, ${stats.introductions.made} made</p>`,
    card(
      'Meetings per week',
      columnChart(weeks, 'Meetings per week, by the Monday of each week'),
      note(
        `${stats.meetings.total} in ${stats.meetings.perWeek.length} weeks; weeks named by their Monday.`,
      ),
    ),
    '<div class="cards">',
    card(
      'People met, by circle',
      barChart(met, 'Distinct people met in the period, by circle'),
      note(
        `Reach beyond the inner circle: <strong>${percent(beyond)}</strong> of the people you met.`,
      ),
    ),
    card(
      'Follow-through',
      rateChart(
        [
          { label: 'thank-yous within 2 days', rate: stats.thankYouRate },
          { label: 'report-backs done', rate: stats.reportBackRate },
          { label: 'follow-ups done', rate: f.completionRate },
        ],
        'Follow-through rates',
      ),
      note(
        `${f.created} follow-ups created: ${f.done} done, ${f.dropped} dropped, ${f.open} open` +
          (f.medianDaysToDone === null
            ? '.'
            : `; done in ${f.medianDaysToDone === 1 ? '1 day' : `${f.medianDaysToDone} days`} (median).`),
      ),
    ),
    card(
      'Give and ask',
      barChart(
        [
          { label: 'given', value: g.given },
          { label: 'offers received', value: g.offersReceived },
        ],
        'What you gave and what others offered',
        'bar2',
      ),
      note(
        g.ratio === null
          ? 'No offers received in this period.'
          : `${g.ratio.toFixed(2)} given per offer received.`,
      ),
    ),
    card(
      'Top connectors',
      stats.connectors.length === 0
        ? note('No one has introduced you to anyone yet.')
        : barChart(
            stats.connectors.map((c) => ({ label: c.name, value: c.count })),
            'Introducers ranked by introductions made',
          ),
      stats.connectors.length === 0
        ? ''
        : `<ol>${stats.connectors.map((c) => `<li>${nameHtml(c.name)} — ${c.count}</li>`).join('')}</ol>`,
    ),
    '</div>',
  ].join('\n');
  return htmlPage('Your networking — netjournal', body);
}
