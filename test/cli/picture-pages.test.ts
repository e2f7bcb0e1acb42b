import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../src/output/html-page.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';
import { allElements, parseXml, withClass } from '../helpers/xml.js';

// intros --format html and stats --format html: one self-contained page each.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

async function ok(args: string[]): Promise<string> {
  const result = await j.run(args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

const ODD = 'Zoë <b>&amp; "Z"';
const RTL = 'שרה כהן';

async function network(): Promise<void> {
  await ok(['intro', 'Mom', 'Joe Park', '--date', '2026-10-01']);
  await ok(['add', 'Ralph Smith', '--via', 'Joe Park', '--date', '2026-11-01', '--no-thank-you']);
  await ok(['intro', ODD, RTL, '--date', '2026-11-12']);
  await ok(['intro', 'me', 'Ana 🌻', '--to', 'Ralph Smith', '--date', '2026-11-13']);
  await ok(['contact', 'edit', 'Joe Park', '--company', 'Acme & Sons', '--circle', 'second']);
  await ok(['add', 'Joe Park', '--date', '2026-11-15', '--no-thank-you']);
  await ok(['intro', 'reported', '1']);
}

/** What a page must never hold: a URL it could fetch, or a script. */
function expectSelfContained(html: string): void {
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`);
  expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|@font-face/i);
  expect(html).not.toMatch(/(src|href)\s*=|url\(/i);
  // The only URLs are the SVG namespace names, which nothing fetches.
  const urls = html.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
  const namespaces = ['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink'];
  expect(urls.filter((u) => !namespaces.includes(u))).toEqual([]);
}

describe('intros --format html', () => {
  it('is one page: the graph, the report-backs owed, the people, every introduction', async () => {
    await network();
    const html = await ok(['intros', '--format', 'html']);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expectSelfContained(html);
    // The page is well-formed as XML too (void elements written as such aside):
    // its graph is the SVG of --format svg, inline.
    const graph = parseXml(/<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '');
    expect(withClass(graph, 'node')).toHaveLength(7);
    expect(withClass(graph, 'edge')).toHaveLength(4);
    expect(html).toContain(
      '<p class="lead">4 introductions among 6 people · 2 report-backs owed · as of 2026-11-21</p>',
    );
    // Owed: Joe (Ralph) and Zoë (Sarah); not Mom (reported), not Ralph (I made that one).
    expect(html).toContain(
      '<li class="owed">Tell <bdi>Joe Park</bdi> how it went with <bdi>Ralph Smith</bdi> <span class="muted">(introduced 2026-11-01)</span></li>',
    );
    expect(html).toContain(
      `<li class="owed">Tell <bdi>Zoë &lt;b&gt;&amp;amp; &quot;Z&quot;</bdi> how it went with <bdi>${RTL}</bdi>`,
    );
    expect(html).toContain(
      '<details><summary><bdi>Joe Park</bdi></summary><div class="muted">company: Acme &amp; Sons</div><div class="muted">circle: second</div><div class="muted">last met: 2026-11-15</div><div class="muted">warmth: 1.83</div></details>',
    );
    expect(html).toContain('<td>2026-11-13</td><td>me</td><td><bdi>Ana 🌻</bdi></td>');
    expect(html).not.toContain('<b>');
  });

  it('writes --output FILE 0600 and refuses a second time without --force', async () => {
    await network();
    const file = join(j.dir, 'intros.html');
    expect(await j.run(['intros', '--format', 'html', '--output', file])).toEqual({
      stdout: '',
      stderr: `Wrote ${file}.\n`,
      code: 0,
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const before = await journalState(j);
    expect((await j.run(['intros', '--format', 'html', '--output', file])).code).toBe(2);
    expect(await journalState(j)).toBe(before);
  });

  it('is a page with nothing in it before the first introduction', async () => {
    const html = await ok(['intros', '--format', 'html']);
    expectSelfContained(html);
    expect(html).toContain('0 introductions among 0 people');
    expect(html).toContain('No introductions recorded yet.');
  });
});

describe('stats --format html', () => {
  it('draws the figures stats --json computes, each chart with its numbers', async () => {
    await network();
    await ok(['add', 'Mom', '--date', '2026-11-16', '--gave', 'a book']);
    const stats = JSON.parse(await ok(['stats', '--json'])) as {
      meetings: { total: number; perWeek: { week: string; count: number }[] };
    };
    const html = await ok(['stats', '--format', 'html']);
    expectSelfContained(html);
    const charts = [...html.matchAll(/<svg class="chart"[\s\S]*?<\/svg>/g)].map((m) =>
      parseXml(m[0]),
    );
    expect(charts.map((c) => allElements(c).find((e) => e.name === 'title')?.text)).toEqual([
      'Meetings per week, by the Monday of each week',
      'Distinct people met in the period, by circle',
      'Follow-through rates',
      'What you gave and what others offered',
      'Introducers ranked by introductions made',
    ]);
    const [weeks] = charts;
    const bars = allElements(weeks ?? parseXml('<x/>')).filter((e) => e.name === 'rect');
    expect(bars.map((b) => b.children[0]?.text)).toEqual(
      stats.meetings.perWeek.map((w) => `${w.week.slice(5)}: ${w.count}`),
    );
    expect(html).toContain(`2026-08-30 to 2026-11-21 · ${stats.meetings.total} meetings`);
    expect(html).toContain('Reach beyond the inner circle: <strong>');
    expect(html).toContain('<li><bdi>Mom</bdi> — 1</li>');
    expect(html).toContain(`<li><bdi>Zoë &lt;b&gt;&amp;amp; &quot;Z&quot;</bdi> — 1</li>`);
  });

  it.each([
    [
      ['stats', '--output', 'x.html'],
      '--output writes a picture and needs --format html — add --format html, or drop --output',
    ],
    [
      ['stats', '--format', 'svg'],
      'unknown format "svg" — use one of table, json, jsonl, csv, tsv, html',
    ],
  ])('refuses %j with exit 2', async (args, message) => {
    await network();
    expect(await j.run(args)).toEqual({ stdout: '', stderr: `netjournal: ${message}\n`, code: 2 });
  });
});
