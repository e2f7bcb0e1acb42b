/**
 * `intros --format svg`: the introduction graph laid out by Graphviz compiled
 * to WebAssembly (@viz-js/viz), so nothing has to be installed. The drawing is
 * the DOT of `--format dot` with colours and classes added: nodes coloured by
 * circle, the user marked, an introduction to the user dashed until they
 * reported back, a `--chain` drawn over in red. Each node's and edge's SVG
 * <title> (the tooltip a browser shows) says who it is.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Introduction } from '../domain/journal-types.js';
import { warmth } from '../domain/reach.js';
import { UsageError } from '../errors.js';
import type { PictureFacts } from '../domain/journal-types.js';
import { renderDot, type Graph, type GraphEdge, type GraphNode } from './graph.js';
import { escapeMarkup } from './markup.js';

/**
 * Most introductions one picture lays out. Graphviz's dot layout grows worse
 * than linearly: 1,500 introductions in chains took 4.5 s here, a 20,000-one
 * journal would take many minutes. Beyond this it is refused at once.
 */
export const MAX_DRAWN_INTRODUCTIONS = 1000;

/**
 * How long a layout may take. Tangled graphs (many people introducing each
 * other) are slow long before the count above: 300 random introductions among
 * 200 people took 6 s, 600 among 300 over a minute. Past this it is stopped
 * and refused with the same hint.
 */
export const LAYOUT_DEADLINE_MS = 9000;

/** Fill and line colour of a person's box, by circle (`none`: no circle set). */
export const CIRCLE_COLOURS = {
  inner: { fill: '#fde2b3', line: '#b7791f' },
  second: { fill: '#d6e6fb', line: '#2f6db5' },
  third: { fill: '#d5f0d9', line: '#2e8540' },
  none: { fill: '#eeeeee', line: '#777777' },
} as const;
const ME_COLOURS = { fill: '#2b2d42', line: '#2b2d42', text: '#ffffff' };
const CHAIN_COLOUR = '#d62828';

/** What to draw: the introductions, what is known of their people, and a chain to highlight. */
export interface IntroPicture {
  intros: readonly Introduction[];
  facts: ReadonlyMap<number, PictureFacts>;
  meId: number;
  today: string;
  /** `--chain NAME`: the people and introductions (by id) drawn over in red. */
  chain?: { people: ReadonlySet<number>; links: ReadonlySet<number> };
}

/** A person's tooltip: name, then company, last met and warmth where known. */
export function personSummary(
  name: string,
  facts: PictureFacts | undefined,
  today: string,
): string {
  if (!facts) return name;
  const parts = [name];
  if (facts.company) parts.push(facts.company);
  parts.push(facts.lastMet ? `last met ${facts.lastMet}` : 'never met');
  parts.push(`warmth ${warmth(facts.lastMet, facts.meetings, today).toFixed(2)}`);
  return parts.join(' · ');
}

/** An introduction in words: "2026-11-01: Joe introduced Ralph to me, not reported back". */
export function introSummary(i: Introduction, meId: number): string {
  const name = (id: number, n: string) => (id === meId ? 'me' : n);
  const line = `${i.date}: ${name(i.introducer.id, i.introducer.name)} introduced ${name(i.person.id, i.person.name)} to ${name(i.to.id, i.to.name)}`;
  if (i.to.id !== meId) return line;
  return `${line}, ${i.reportedBack ? 'reported back' : 'not reported back'}`;
}

/** Oldest first, the order `--format dot` draws them in. */
function oldestFirst(intros: readonly Introduction[]): Introduction[] {
  return [...intros].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
}

/** The drawing as a graph: one node per person, one edge per introduction (introducer → person). */
export function pictureGraph(p: IntroPicture): Graph {
  const nodes = new Map<number, GraphNode>();
  const node = (id: number, name: string): string => {
    if (!nodes.has(id)) {
      const isMe = id === p.meId;
      const circle = p.facts.get(id)?.circle ?? 'none';
      const colours = isMe ? ME_COLOURS : CIRCLE_COLOURS[circle];
      const onChain = p.chain?.people.has(id) === true;
      nodes.set(id, {
        id: `n${id}`,
        label: isMe ? 'me' : name,
        ...(isMe ? { emphasis: true } : {}),
        attributes: {
          id: `p${id}`,
          class: ['person', isMe ? 'me' : `circle-${circle}`, ...(onChain ? ['chain'] : [])].join(
            ' ',
          ),
          style: isMe ? 'filled,bold' : 'filled,rounded',
          fillcolor: colours.fill,
          color: onChain ? CHAIN_COLOUR : colours.line,
          ...(isMe ? { fontcolor: ME_COLOURS.text } : {}),
          ...(onChain ? { penwidth: '3' } : {}),
        },
      });
    }
    return `n${id}`;
  };
  const edges = oldestFirst(p.intros).map((i): GraphEdge => {
    const from = node(i.introducer.id, i.introducer.name);
    const to = node(i.person.id, i.person.name);
    if (i.to.id !== p.meId) node(i.to.id, i.to.name);
    const unreported = i.to.id === p.meId && !i.reportedBack;
    const onChain = p.chain?.links.has(i.id) === true;
    const toWhom = i.to.id === p.meId ? '' : `, to ${i.to.name}`;
    return {
      from,
      to,
      label: `${i.date}${toWhom}`,
      attributes: {
        id: `i${i.id}`,
        class: ['intro', ...(unreported ? ['unreported'] : []), ...(onChain ? ['chain'] : [])].join(
          ' ',
        ),
        ...(unreported ? { style: 'dashed' } : {}),
        ...(onChain ? { color: CHAIN_COLOUR, penwidth: '2.5' } : {}),
      },
    };
  });
  const sorted = [...nodes.entries()].sort(([a], [b]) => a - b).map(([, n]) => n);
  return { nodes: sorted, edges };
}

/** The picture in DOT, with the fonts and colours every drawing shares. */
export function pictureDot(p: IntroPicture): string {
  const font = 'Helvetica,Arial,sans-serif';
  return renderDot(pictureGraph(p), 'introductions', {
    graph: { bgcolor: 'white', fontname: font, nodesep: '0.3', ranksep: '0.6' },
    node: { fontname: font, fontsize: '12' },
    edge: { fontname: font, fontsize: '9', color: '#555555', fontcolor: '#444444' },
  });
}

/** Refuse at once a graph too large to lay out in a few seconds, saying how to narrow it. */
export function checkDrawable(count: number): void {
  if (count <= MAX_DRAWN_INTRODUCTIONS) return;
  throw new UsageError(
    `${count} introductions are too many to draw (at most ${MAX_DRAWN_INTRODUCTIONS})`,
    'narrow it with --of NAME (--depth 2 for their neighbourhood) or --since, e.g. --since 3m',
  );
}

// The worker's code: Graphviz (~1 MB of WebAssembly that only pictures need)
// is loaded there, so the main thread can stop a layout that runs too long.
const LAYOUT_WORKER = `
  const { parentPort, workerData } = require('node:worker_threads');
  require(workerData.viz)
    .instance()
    .then((viz) => parentPort.postMessage({ svg: viz.renderString(workerData.dot, { format: 'svg' }) }))
    .catch((err) => parentPort.postMessage({ error: String(err && err.message || err) }));
`;

/** Lay a DOT graph out as SVG with Graphviz in WebAssembly, in a worker stopped after the deadline. */
export function layoutSvg(
  dot: string,
  count: number,
  deadlineMs = LAYOUT_DEADLINE_MS,
): Promise<string> {
  const viz = createRequire(import.meta.url).resolve('@viz-js/viz');
  const worker = new Worker(LAYOUT_WORKER, { eval: true, workerData: { viz, dot } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new UsageError(
          `laying out ${count} introductions took over ${deadlineMs / 1000} s`,
          'narrow it with --of NAME (--depth 2 for their neighbourhood) or --since, e.g. --since 3m',
        ),
      );
    }, deadlineMs);
    worker.once('message', (answer: { svg?: string; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (answer.svg !== undefined) resolve(answer.svg);
      else reject(new Error(`Graphviz failed: ${answer.error ?? 'no answer'}`));
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/**
 * The picture as a standalone SVG document. Graphviz's comments and DTD line
 * are dropped (the DTD is a URL a reader might fetch), and each <title> that
 * named a DOT id names the person or the introduction instead.
 */
export async function renderIntroSvg(p: IntroPicture): Promise<string> {
  checkDrawable(p.intros.length);
  const svg = await layoutSvg(pictureDot(p), p.intros.length);
  const people = new Map<number, string>();
  const intros = new Map<number, Introduction>();
  for (const i of p.intros) {
    intros.set(i.id, i);
    for (const ref of [i.introducer, i.person, i.to]) people.set(ref.id, ref.name);
  }
  const titleOf = (kind: string, id: number): string => {
    if (kind === 'i') {
      const intro = intros.get(id);
      return intro ? introSummary(intro, p.meId) : '';
    }
    const name = id === p.meId ? 'me' : (people.get(id) ?? '');
    return personSummary(name, id === p.meId ? undefined : p.facts.get(id), p.today);
  };
  return svg
    .replace(/<!DOCTYPE[^>]*>\n?/, '')
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(
      /(<g id="([pi])(\d+)" class="[^"]*">\n<title>)[^<]*(<\/title>)/g,
      (_all, open: string, kind: string, id: string, close: string) =>
        `${open}${escapeMarkup(titleOf(kind, Number(id)))}${close}`,
    );
}
