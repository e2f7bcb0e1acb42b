/**
 * The shell of a self-contained page (`intros --format html`, `stats
 * --format html`): everything inline, and a Content-Security-Policy that
 * forbids the page any script, font, frame or fetch, so opening it never
 * reaches the network. It reads on a phone and a laptop, light and dark.
 */
import { escapeMarkup } from './markup.js';

/** Only inline styles and data: images; nothing else may load or run. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --ink: #1d1f24; --muted: #5c6370; --rule: #d9dce1; --card: #f6f7f9;
  --bar: #3b6fb6; --bar2: #c47f00; --good: #2e8540; --warn: #b3541e;
  --inner: #fde2b3; --inner-line: #b7791f; --second: #d6e6fb; --second-line: #2f6db5;
  --third: #d5f0d9; --third-line: #2e8540; --none: #eeeeee; --none-line: #777777;
  --me: #2b2d42; --me-ink: #ffffff; --chain: #d62828;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15171b; --ink: #e6e8eb; --muted: #a0a7b2; --rule: #353a42; --card: #1e2127;
    --bar: #6fa0e6; --bar2: #e0a23a; --good: #5cc27a; --warn: #f08a5d;
    --inner: #5a4311; --inner-line: #e0a23a; --second: #1d3a5f; --second-line: #6fa0e6;
    --third: #1f4a2a; --third-line: #5cc27a; --none: #33363c; --none-line: #a0a7b2;
    --me: #e6e8eb; --me-ink: #15171b; --chain: #ff6b6b;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 70rem; padding: 1rem; background: var(--bg); color: var(--ink);
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
h1 { font-size: 1.5rem; margin: 0.2rem 0 0.3rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; border-bottom: 1px solid var(--rule); }
p.lead, .muted { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem;
  margin-top: 1rem; }
@media (max-width: 40rem) { .cards { grid-template-columns: 1fr; } }
.card { background: var(--card); border-radius: 0.5rem; padding: 0.8rem 1rem; }
.card h2 { margin-top: 0; border: 0; }
.figure { overflow: auto; border: 1px solid var(--rule); border-radius: 0.5rem; padding: 0.5rem; }
.figure svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.chart text { fill: var(--ink); font: 12px system-ui, sans-serif; }
svg.chart .axis { stroke: var(--rule); }
svg.chart .bar { fill: var(--bar); }
svg.chart .bar2 { fill: var(--bar2); }
svg.chart .track { fill: var(--rule); }
svg.chart .good { fill: var(--good); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
ul.people { list-style: none; padding: 0; display: grid; gap: 0.4rem;
  grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
details { background: var(--card); border-radius: 0.4rem; padding: 0.4rem 0.6rem; }
summary { cursor: pointer; font-weight: 600; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 0.2em;
  vertical-align: -0.1em; margin-inline-end: 0.3em; border: 1px solid var(--none-line); }
.legend span { margin-inline-end: 1rem; white-space: nowrap; }
.owed { color: var(--warn); }
/* The graph follows the page's colours: these beat Graphviz's presentation attributes. */
.graph > polygon { fill: transparent; }
.node.circle-inner path { fill: var(--inner); stroke: var(--inner-line); }
.node.circle-second path { fill: var(--second); stroke: var(--second-line); }
.node.circle-third path { fill: var(--third); stroke: var(--third-line); }
.node.circle-none path { fill: var(--none); stroke: var(--none-line); }
.node.me ellipse { fill: var(--me); stroke: var(--me); }
.node.me text { fill: var(--me-ink); }
.node text { fill: var(--ink); }
.node.chain path, .node.chain ellipse { stroke: var(--chain); }
.edge path { stroke: var(--muted); }
.edge polygon { fill: var(--muted); stroke: var(--muted); }
.edge text { fill: var(--muted); }
.edge.chain path { stroke: var(--chain); }
.edge.chain polygon { fill: var(--chain); stroke: var(--chain); }
@media (max-width: 40rem) { body { padding: 0.6rem; font-size: 15px; } th, td { padding: 0.25rem; } }
`;

/** A complete HTML document: title, the CSP, the shared style and the body's markup. */
export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${escapeMarkup(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A name in running text, isolated so right-to-left names do not reorder what is around them. */
export function nameHtml(name: string): string {
  return `<bdi>${escapeMarkup(name)}</bdi>`;
}
