/**
 * Graphs as text for other tools: Graphviz DOT and Mermaid flowcharts.
 * Labels are user text, so each language gets its own escaping; the output
 * never holds colour or terminal escapes, since it is meant to be piped.
 */

/** A node: `id` must be a plain identifier (letters, digits, _), `label` is any text. */
export interface GraphNode {
  id: string;
  label: string;
  /** Drawn differently (the user among their contacts). */
  emphasis?: boolean;
  /** Further DOT attributes (colours, class, id) for a drawing; values are any text. */
  attributes?: Readonly<Record<string, string>>;
}

/** An edge between two node ids, with an optional label. */
export interface GraphEdge {
  from: string;
  to: string;
  label?: string;
  /** Further DOT attributes (style, colour, class, id); values are any text. */
  attributes?: Readonly<Record<string, string>>;
}

/** A directed graph to draw. */
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
// Lone surrogates cannot be written as UTF-8; Graphviz warns and Mermaid mangles them.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text as lines, each escaped for a language and then its control characters
 * shown as `\xNN` (tabs become spaces): well-formed, printable, one line each.
 */
function encodeLines(text: string, escape: (line: string) => string, backslash: string): string[] {
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .split(LINE_BREAK)
    .map((line) =>
      escape(line).replace(CONTROL, (ch) =>
        ch === '\t' ? ' ' : `${backslash}x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
      ),
    );
}

const escapeDot = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/&/g, '&amp;');

/**
 * A DOT double-quoted string. Inside one, `"` and `\` are escaped with a
 * backslash; in a label Graphviz also reads `\n` as a line break and decodes
 * HTML entities, so `&` becomes `&amp;` to show a name as typed.
 */
export function dotString(text: string): string {
  // A control character is shown as text, so the backslash of its \xNN is escaped too.
  return `"${encodeLines(text, escapeDot, '\\\\').join('\\n')}"`;
}

// Mermaid entity codes (#quot;, #35;) for every character that means something
// to its parser or its pre-processing: quotes and brackets end the label, | ends
// an edge label, # starts an entity, %% a comment or directive, : lets
// Mermaid's style-line rewrite eat a ';', $$ starts KaTeX, ` markdown, <>&
// HTML, and ﬂ ¶ are the placeholders Mermaid swaps entities for.
const MERMAID_ENTITIES = new Map<string, string>([
  ['"', '#quot;'],
  ...[...'#&<>[](){}|`:%$ﬂ¶'].map((ch): [string, string] => [ch, `#${ch.codePointAt(0)};`]),
]);

const escapeMermaid = (s: string): string =>
  [...s].map((ch) => MERMAID_ENTITIES.get(ch) ?? ch).join('');

/** Text for inside a Mermaid `"…"` label: entity codes for anything special, `<br/>` for line breaks. */
export function mermaidText(text: string): string {
  return encodeLines(text, escapeMermaid, '\\').join('<br/>');
}

/** Attribute names are plain identifiers (ours); values are quoted and escaped. */
function dotAttributes(attributes: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(attributes ?? {})
    .map(([key, value]) => `, ${key}=${dotString(value)}`)
    .join('');
}

/** Defaults for a whole drawing: `graph`, `node` and `edge` attribute statements. */
export interface DotDefaults {
  graph?: Readonly<Record<string, string>>;
  node?: Readonly<Record<string, string>>;
  edge?: Readonly<Record<string, string>>;
}

/**
 * The graph in Graphviz DOT: `digraph NAME { … }`, nodes as boxes, the
 * emphasised one an ellipse; `defaults` and each element's `attributes` add
 * what a drawing needs (colours, classes) to the same text.
 */
export function renderDot(graph: Graph, name: string, defaults: DotDefaults = {}): string {
  const lines = [`digraph ${name} {`, '  rankdir=LR;', '  node [shape=box];'];
  for (const kind of ['graph', 'node', 'edge'] as const) {
    const attrs = dotAttributes(defaults[kind]).slice(2);
    if (attrs) lines.push(`  ${kind} [${attrs}];`);
  }
  for (const node of graph.nodes) {
    const shape = node.emphasis ? ', shape=ellipse' : '';
    lines.push(
      `  ${node.id} [label=${dotString(node.label)}${shape}${dotAttributes(node.attributes)}];`,
    );
  }
  for (const edge of graph.edges) {
    const attrs =
      (edge.label === undefined ? '' : `, label=${dotString(edge.label)}`) +
      dotAttributes(edge.attributes);
    lines.push(`  ${edge.from} -> ${edge.to}${attrs ? ` [${attrs.slice(2)}]` : ''};`);
  }
  return lines.join('\n') + '\n}\n';
}

/** The graph as a Mermaid flowchart: `graph LR`, nodes `id["label"]`, edges `a -->|"label"| b`. */
export function renderMermaid(graph: Graph): string {
  const lines = ['graph LR'];
  for (const node of graph.nodes) lines.push(`    ${node.id}["${mermaidText(node.label)}"]`);
  for (const edge of graph.edges) {
    const label = edge.label === undefined ? '' : `|"${mermaidText(edge.label)}"|`;
    lines.push(`    ${edge.from} -->${label} ${edge.to}`);
  }
  return lines.join('\n') + '\n';
}
