/**
 * Small charts as inline SVG for the pages, each with its numbers written on
 * it (a chart nobody can read the values off is decoration). Colours come
 * from the page's CSS classes, so light and dark both work.
 */
import { escapeMarkup } from './markup.js';

/** One bar: its label and value, and the text shown beside it (the value unless given). */
export interface Bar {
  label: string;
  value: number;
  shown?: string;
}

const svgOpen = (width: number, height: number, title: string): string =>
  `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"><title>${escapeMarkup(title)}</title>`;

/** Columns over time (meetings per week): the count above each, every few labels below. */
export function columnChart(bars: readonly Bar[], title: string): string {
  const width = 640;
  const height = 180;
  const top = 18;
  const bottom = 26;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = width / Math.max(1, bars.length);
  const barWidth = Math.max(2, step * 0.7);
  const every = Math.ceil(bars.length / 8);
  const parts = bars.map((b, k) => {
    const h = ((height - top - bottom) * b.value) / max;
    const x = k * step + (step - barWidth) / 2;
    const y = height - bottom - h;
    const count = `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle">${escapeMarkup(b.shown ?? String(b.value))}</text>`;
    const label =
      k % every === 0
        ? `<text x="${(x + barWidth / 2).toFixed(1)}" y="${height - 8}" text-anchor="middle">${escapeMarkup(b.label)}</text>`
        : '';
    return `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}"><title>${escapeMarkup(`${b.label}: ${b.shown ?? b.value}`)}</title></rect>${count}${label}`;
  });
  const axis = `<line class="axis" x1="0" x2="${width}" y1="${height - bottom}" y2="${height - bottom}"/>`;
  return `${svgOpen(width, height, title)}${axis}${parts.join('')}</svg>`;
}

/** Horizontal bars (people by circle, connectors): label left, value right of its bar. */
export function barChart(bars: readonly Bar[], title: string, barClass = 'bar'): string {
  const width = 340;
  const row = 26;
  const labelWidth = 120;
  const height = Math.max(row, bars.length * row);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = width - labelWidth - 45;
  const parts = bars.map((b, k) => {
    const y = k * row;
    const w = (room * b.value) / max;
    return (
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escapeMarkup(b.label)}</text>` +
      `<rect class="${barClass}" x="${labelWidth}" y="${y + 5}" width="${w.toFixed(1)}" height="${row - 10}"/>` +
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 17}">${escapeMarkup(b.shown ?? String(b.value))}</text>`
    );
  });
  return `${svgOpen(width, height, title)}${parts.join('')}</svg>`;
}

/** Rates as filled tracks (share of thank-yous on time …): "—" and an empty track when null. */
export function rateChart(
  rates: readonly { label: string; rate: number | null }[],
  title: string,
): string {
  const width = 340;
  const row = 30;
  const labelWidth = 160;
  const room = width - labelWidth - 45;
  const parts = rates.map((r, k) => {
    const y = k * row;
    const shown = r.rate === null ? '—' : `${Math.round(r.rate * 100)}%`;
    const w = r.rate === null ? 0 : room * Math.min(1, Math.max(0, r.rate));
    return (
      `<text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end">${escapeMarkup(r.label)}</text>` +
      `<rect class="track" x="${labelWidth}" y="${y + 7}" width="${room}" height="${row - 14}" rx="3"/>` +
      `<rect class="good" x="${labelWidth}" y="${y + 7}" width="${w.toFixed(1)}" height="${row - 14}" rx="3"/>` +
      `<text x="${labelWidth + room + 6}" y="${y + 19}">${shown}</text>`
    );
  });
  return `${svgOpen(width, Math.max(row, rates.length * row), title)}${parts.join('')}</svg>`;
}
