import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dotString,
  mermaidText,
  renderDot,
  renderMermaid,
  type Graph,
} from '../../src/output/graph.js';

/** A one-edge graph whose every label is the given name. */
const oneEdge = (name: string): Graph => ({
  nodes: [
    { id: 'n1', label: name },
    { id: 'n2', label: name },
  ],
  edges: [{ from: 'n1', to: 'n2', label: `to ${name}` }],
});

/** What a label should show for a name: one line per line break, controls visible. */
function shown(name: string): string {
  return name
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/\r\n|[\n\r\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (ch) => {
      return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    });
}

function renderSvg(dot: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8', timeout: 10_000 });
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of each <text> element of an SVG, XML entities decoded. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '').replace(/&(#\d+|\w+);/g, (_e, name: string) =>
      name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (XML_ENTITIES[name] ?? ''),
    ),
  );
}

/** Undo Mermaid's entity codes and <br/>, as Mermaid does when it draws a label. */
function mermaidDecode(label: string): string {
  return label
    .replace(/<br\/>/g, '\n')
    .replace(/#(\w+);/g, (_e, code: string) =>
      code === 'quot' ? '"' : String.fromCodePoint(Number(code)),
    );
}

// Names built from the characters that trouble DOT, Mermaid, XML and terminals, plus anything at all.
const nasty = fc.constantFrom(
  ...['"', '\\', '\n', '\r', '\t', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028'],
  ...['<', '>', '&', '[', ']', '(', ')', '{', '}', '|', '#', ';', '%', ':', '$', '`'],
  ...['é', '日本', '😀', 'ﬂ', '°', '¶', 'ß', '\ud800', '\u0301', ' ', 'a', 'N', 'n', 'amp', 'quot'],
);
const arbName = fc.oneof(
  fc.array(nasty, { minLength: 1, maxLength: 12 }).map((xs) => xs.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }),
);

describe('dotString', () => {
  it.each([
    ['Ralph Smith', '"Ralph Smith"'],
    ['Joe "JP" Park', '"Joe \\"JP\\" Park"'],
    ['back\\slash\\', '"back\\\\slash\\\\"'],
    ['two\nlines\r\nthree\rfour', '"two\\nlines\\nthree\\nfour"'],
    ['tab\there, bell\u0007, esc\u001b[31m', '"tab here, bell\\\\x07, esc\\\\x1b[31m"'],
    ['Tom &amp; Jerry <b>', '"Tom &amp;amp; Jerry <b>"'],
    ['Zoë 日本 😀', '"Zoë 日本 😀"'],
    ['lone \ud800 half', '"lone \ufffd half"'],
    ['\\N \\G \\l', '"\\\\N \\\\G \\\\l"'],
  ])('%j → %s', (name, quoted) => {
    expect(dotString(name)).toBe(quoted);
  });

  it('renders a name exactly as typed in the SVG Graphviz draws', () => {
    const name = 'Tom "T" &amp; <Jerry> \\N back\\ [x]\nline2\ttab\u0007 日本 😀';
    const result = renderSvg(renderDot(oneEdge(name), 'g'));
    expect(result.status).toBe(0);
    const [node1a, node1b, node2a, node2b, edgeA, edgeB] = svgTexts(result.stdout);
    expect([node1a, node1b].join('\n')).toBe(shown(name));
    expect([node2a, node2b].join('\n')).toBe(shown(name));
    expect([edgeA, edgeB].join('\n')).toBe(shown(`to ${name}`));
  });

  it('property: is one well-formed DOT string with no raw quote, newline or control inside', () => {
    fc.assert(
      fc.property(arbName, (name) => {
        const quoted = dotString(name);
        expect(quoted).toMatch(/^"(?:[^"\\\u0000-\u001f\u007f-\u009f]|\\[\\"n])*"$/);
      }),
      { numRuns: 500 },
    );
  });

  it('property: the dot output of a one-edge graph renders with dot -Tsvg, labels intact', () => {
    fc.assert(
      fc.property(arbName, (name) => {
        const result = renderSvg(renderDot(oneEdge(name), 'introductions'));
        expect(result.stderr).not.toMatch(/error/i);
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('<svg');
        // Graphviz writes runs of spaces as no-break spaces and draws no empty line.
        const lines = (texts: string[]): string[] =>
          texts
            .join('\n')
            .replace(/\u00a0/g, ' ')
            .split('\n')
            .filter((l) => l !== '');
        expect(lines(svgTexts(result.stdout))).toEqual(
          lines([shown(name), shown(name), shown(`to ${name}`)]),
        );
      }),
      { numRuns: 25 },
    );
  });
});

describe('mermaidText', () => {
  it.each([
    ['Ralph Smith', 'Ralph Smith'],
    ['Joe "JP" Park', 'Joe #quot;JP#quot; Park'],
    ['A [team] (x) {y} | z', 'A #91;team#93; #40;x#41; #123;y#125; #124; z'],
    ['C# & <b>', 'C#35; #38; #60;b#62;'],
    ['two\nlines\r\nthree', 'two<br/>lines<br/>three'],
    ['tab\there, bell\u0007', 'tab here, bell\\x07'],
    ['%%{init: {}}%%', '#37;#37;#123;init#58; #123;#125;#125;#37;#37;'],
    ['$$x$$ `md`', '#36;#36;x#36;#36; #96;md#96;'],
    ['ﬂ°35¶ß Zoë 日本 😀', '#64258;°35#182;ß Zoë 日本 😀'],
    ['back\\slash', 'back\\slash'],
  ])('%j → %s', (name, text) => {
    expect(mermaidText(name)).toBe(text);
  });

  it('property: a node line keeps its label inside ["…"] and decodes back to the name', () => {
    fc.assert(
      fc.property(arbName, (name) => {
        const [, line] = renderMermaid({ nodes: [{ id: 'n7', label: name }], edges: [] }).split(
          '\n',
        );
        const match = /^ {4}n7\["(.*)"\]$/.exec(line ?? '');
        expect(match).not.toBeNull();
        const label = match?.[1] ?? '';
        expect(label).not.toMatch(/["[\]|`$%:{}()\r\n\u0000-\u001f\u007f-\u009f]/);
        expect(label.replace(/#(quot|\d+);/g, '')).not.toContain('#');
        expect(mermaidDecode(label)).toBe(shown(name));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('renderDot and renderMermaid', () => {
  const graph: Graph = {
    nodes: [
      { id: 'n0', label: 'me', emphasis: true },
      { id: 'n1', label: 'Joe "JP" Park' },
      { id: 'n2', label: 'Ralph [Acme]' },
      { id: 'n3', label: 'Lena' },
    ],
    edges: [
      { from: 'n1', to: 'n2' },
      { from: 'n0', to: 'n2', label: 'to Lena' },
    ],
  };

  it('draws DOT: boxes, the user an ellipse, edge labels quoted', () => {
    expect(renderDot(graph, 'introductions')).toBe(
      [
        'digraph introductions {',
        '  rankdir=LR;',
        '  node [shape=box];',
        '  n0 [label="me", shape=ellipse];',
        '  n1 [label="Joe \\"JP\\" Park"];',
        '  n2 [label="Ralph [Acme]"];',
        '  n3 [label="Lena"];',
        '  n1 -> n2;',
        '  n0 -> n2 [label="to Lena"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('draws Mermaid: graph LR, nodes ["…"], edges -->|"…"|', () => {
    expect(renderMermaid(graph)).toBe(
      [
        'graph LR',
        '    n0["me"]',
        '    n1["Joe #quot;JP#quot; Park"]',
        '    n2["Ralph #91;Acme#93;"]',
        '    n3["Lena"]',
        '    n1 --> n2',
        '    n0 -->|"to Lena"| n2',
        '',
      ].join('\n'),
    );
  });

  it('draws an empty graph that is still valid', () => {
    const empty = renderDot({ nodes: [], edges: [] }, 'introductions');
    expect(empty).toBe('digraph introductions {\n  rankdir=LR;\n  node [shape=box];\n}\n');
    expect(renderSvg(empty).status).toBe(0);
    expect(renderMermaid({ nodes: [], edges: [] })).toBe('graph LR\n');
  });
});
