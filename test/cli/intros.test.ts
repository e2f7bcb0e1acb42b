import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

// One journal for the read-only tests: intros never writes, and a test below checks it.
// Contacts: Mom #1, Joe #2, Ralph Smith #3, Lena Berg #4, Alice #5, Bob #6.
// Introductions: 1 Mom→Joe, 2 Joe→Ralph (reported back), 3 Ralph→Lena, 4 Joe→Lena to Ralph,
// 5 me→Lena to Joe, 6 Alice→Bob, 7 Bob→Alice (a loop).
let j: TempJournal;
beforeAll(async () => {
  j = tempJournal();
  const steps = [
    ['intro', 'Mom', 'Joe', '--date', '2026-10-01'],
    ['add', 'Ralph Smith', '--via', 'Joe', '--date', '2026-11-01', '--no-thank-you'],
    [
      'intro',
      'Ralph Smith',
      'Lena Berg',
      '--date',
      '2026-11-10',
      '--note',
      'Lena runs the design guild',
    ],
    ['intro', 'Joe', 'Lena Berg', '--to', 'Ralph Smith', '--date', '2026-11-12'],
    ['intro', 'me', 'Lena Berg', '--to', 'Joe', '--date', '2026-11-15'],
    ['intro', 'Alice', 'Bob', '--date', '2026-09-01'],
    ['intro', 'Bob', 'Alice', '--date', '2026-09-02'],
    ['done', '1'],
  ];
  for (const step of steps) expect((await j.run(step)).code).toBe(0);
});
afterAll(() => j.remove());

async function ok(
  args: string[],
  options: Parameters<TempJournal['run']>[1] = {},
): Promise<string> {
  const result = await j.run(['intros', ...args], options);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const ids = async (args: string[]): Promise<number[]> =>
  (
    JSON.parse(await ok([...args, '--json'])) as { introductions: { id: number }[] }
  ).introductions.map((i) => i.id);

const page = (args: string[], columns = 80) =>
  ok(args, { tty: true, env: { NO_COLOR: '1', COLUMNS: String(columns) } });

describe('intros: the list', () => {
  it('prints every introduction newest first as TSV when piped', async () => {
    expect(await ok([])).toBe(
      [
        'id\tdate\tintroducer\tperson\tto\treportedBack',
        '5\t2026-11-15\tme\tLena Berg\tJoe\tfalse',
        '4\t2026-11-12\tJoe\tLena Berg\tRalph Smith\tfalse',
        '3\t2026-11-10\tRalph Smith\tLena Berg\tme\tfalse',
        '2\t2026-11-01\tJoe\tRalph Smith\tme\ttrue',
        '1\t2026-10-01\tMom\tJoe\tme\tfalse',
        '7\t2026-09-02\tBob\tAlice\tme\tfalse',
        '6\t2026-09-01\tAlice\tBob\tme\tfalse',
        '',
      ].join('\n'),
    );
  });

  it('prints exactly the six report fields as --json', async () => {
    const all = JSON.parse(await ok(['--json'])) as { introductions: unknown[] };
    expect(Object.keys(all)).toEqual(['introductions']);
    expect(all.introductions).toHaveLength(7);
    expect(JSON.parse(await ok(['--by', 'Joe', '--json']))).toEqual({
      introductions: [
        {
          id: 4,
          date: '2026-11-12',
          introducer: 'Joe',
          person: 'Lena Berg',
          to: 'Ralph Smith',
          reportedBack: false,
        },
        {
          id: 2,
          date: '2026-11-01',
          introducer: 'Joe',
          person: 'Ralph Smith',
          to: 'me',
          reportedBack: true,
        },
      ],
    });
    // Key order is part of the contract.
    expect(await ok(['--by', 'me', '--json'])).toBe(
      '{"introductions":[{"id":5,"date":"2026-11-15","introducer":"me","person":"Lena Berg","to":"Joe","reportedBack":false}]}\n',
    );
  });

  it('prints one record a line as jsonl, and csv with or without a header', async () => {
    expect(await ok(['--by', 'Joe', '--format', 'jsonl'])).toBe(
      '{"id":4,"date":"2026-11-12","introducer":"Joe","person":"Lena Berg","to":"Ralph Smith","reportedBack":false}\n' +
        '{"id":2,"date":"2026-11-01","introducer":"Joe","person":"Ralph Smith","to":"me","reportedBack":true}\n',
    );
    expect(await ok(['--by', 'Joe', '--format', 'csv'])).toBe(
      'id,date,introducer,person,to,reportedBack\n4,2026-11-12,Joe,Lena Berg,Ralph Smith,false\n2,2026-11-01,Joe,Ralph Smith,me,true\n',
    );
    expect(await ok(['--by', 'Joe', '--format', 'tsv', '--no-header'])).toBe(
      '4\t2026-11-12\tJoe\tLena Berg\tRalph Smith\tfalse\n2\t2026-11-01\tJoe\tRalph Smith\tme\ttrue\n',
    );
  });

  it('filters by --since, --by, --of, and combinations of them', async () => {
    expect(await ids(['--since', '2026-11-10'])).toEqual([5, 4, 3]);
    expect(await ids(['--since', '2w'])).toEqual([5, 4, 3]);
    expect(await ids(['--by', 'joe'])).toEqual([4, 2]);
    expect(await ids(['--by', 'me'])).toEqual([5]);
    expect(await ids(['--by', 'myself'])).toEqual([5]);
    expect(await ids(['--of', 'Lena'])).toEqual([5, 4, 3]);
    expect(await ids(['--of', 'me'])).toEqual([5, 3, 2, 1, 7, 6]);
    expect(await ids(['--of', 'Ralph Smith', '--by', 'Joe'])).toEqual([4, 2]);
    expect(await ids(['--by', 'Joe', '--since', '2026-11-05'])).toEqual([4]);
    expect(await ids(['--of', '#5', '--since', '2026-10-01'])).toEqual([]);
  });

  it('reads as sentences on a terminal, each with its id: reported back or not when it was to you, context below', async () => {
    expect(await page([])).toBe(
      [
        '7 introductions, newest first',
        '5  2026-11-15  You introduced Lena Berg to Joe',
        '4  2026-11-12  Joe introduced Lena Berg to Ralph Smith',
        '3  2026-11-10  Ralph Smith introduced Lena Berg to you · not reported back',
        '               Lena runs the design guild',
        '2  2026-11-01  Joe introduced Ralph Smith to you · reported back',
        '1  2026-10-01  Mom introduced Joe to you · not reported back',
        '7  2026-09-02  Bob introduced Alice to you · not reported back',
        '6  2026-09-01  Alice introduced Bob to you · not reported back',
        '',
      ].join('\n'),
    );
  });

  it('fits a narrow terminal, moving the status below the sentence', async () => {
    const narrow = await page(['--since', '2026-11-10'], 40);
    expect(narrow).toBe(
      [
        '3 introductions, newest first',
        '5  2026-11-15  You introduced Lena Berg…',
        '4  2026-11-12  Joe introduced Lena Berg…',
        '3  2026-11-10  Ralph Smith introduced L…',
        '               not reported back',
        '               Lena runs the design gui…',
        '',
      ].join('\n'),
    );
  });

  it('says so kindly when nothing matches on a terminal', async () => {
    expect(await page(['--by', 'Lena'])).toBe(
      'No introductions match. Drop a filter, or see them all with: netjournal intros\n',
    );
    expect(await ok(['--by', 'Lena', '--json'])).toBe('{"introductions":[]}\n');
  });
});

describe('intros --chain', () => {
  it('follows "introduced to me by" back four levels', async () => {
    expect(await ok(['--chain', 'Lena Berg', '--json'])).toBe(
      '{"chain":["Mom","Joe","Ralph Smith","Lena Berg"]}\n',
    );
    expect(await ok(['--chain', 'Lena Berg'])).toBe('name\nMom\nJoe\nRalph Smith\nLena Berg\n');
    expect(await ok(['--chain', 'ralph', '--format', 'csv'])).toBe('name\nMom\nJoe\nRalph Smith\n');
    expect(await ok(['--chain', 'Ralph Smith', '--format', 'jsonl'])).toBe(
      '{"name":"Mom"}\n{"name":"Joe"}\n{"name":"Ralph Smith"}\n',
    );
  });

  it('shows the chain and a dated line per link on a terminal', async () => {
    expect(await page(['--chain', 'Lena Berg'])).toBe(
      [
        'Mom → Joe → Ralph Smith → Lena Berg',
        '  Mom introduced Joe to you on 2026-10-01',
        '  Joe introduced Ralph Smith to you on 2026-11-01',
        '  Ralph Smith introduced Lena Berg to you on 2026-11-10',
        '',
      ].join('\n'),
    );
  });

  it('gives a chain of one for someone known directly', async () => {
    expect(await ok(['--chain', 'Mom', '--json'])).toBe('{"chain":["Mom"]}\n');
    expect(await page(['--chain', 'Mom'])).toBe(
      'Mom\nYou know Mom directly: no introduction recorded.\n',
    );
  });

  it('stops on a loop (Alice introduced Bob, Bob introduced Alice) and says so', async () => {
    expect(await ok(['--chain', 'Bob', '--json'])).toBe('{"chain":["Alice","Bob"]}\n');
    expect(await ok(['--chain', 'Alice', '--json'])).toBe('{"chain":["Bob","Alice"]}\n');
    expect(await page(['--chain', 'Bob'])).toBe(
      [
        'Alice → Bob',
        '  Alice introduced Bob to you on 2026-09-01',
        '  Bob also introduced Alice to you: the chain loops, so it stops here.',
        '',
      ].join('\n'),
    );
  });
});

describe('intros --top', () => {
  it('ranks introducers by introductions made, then by name, leaving you out', async () => {
    expect(JSON.parse(await ok(['--top', '--json']))).toEqual({
      introducers: [
        { name: 'Joe', count: 2 },
        { name: 'Alice', count: 1 },
        { name: 'Bob', count: 1 },
        { name: 'Mom', count: 1 },
        { name: 'Ralph Smith', count: 1 },
      ],
    });
    expect(await ok(['--top', '--since', '2026-11-01'])).toBe(
      'name\tcount\nJoe\t2\nRalph Smith\t1\n',
    );
    expect(await ok(['--top', '--of', 'Lena', '--format', 'csv'])).toBe(
      'name,count\nJoe,1\nRalph Smith,1\n',
    );
    expect(await ok(['--top', '--by', 'me', '--json'])).toBe('{"introducers":[]}\n');
  });

  it('is a small ranked list on a terminal', async () => {
    expect(await page(['--top', '--since', '2026-10-01'])).toBe(
      [
        'Your connectors, by introductions made',
        '  1. Joe          2 introductions',
        '  2. Mom          1 introduction',
        '  3. Ralph Smith  1 introduction',
        '',
      ].join('\n'),
    );
  });
});

describe('intros --format dot|mermaid', () => {
  it('draws the filtered graph for Graphviz', async () => {
    expect(await ok(['--format', 'dot', '--since', '2026-11-01'])).toBe(
      [
        'digraph introductions {',
        '  rankdir=LR;',
        '  node [shape=box];',
        '  n0 [label="me", shape=ellipse];',
        '  n2 [label="Joe"];',
        '  n3 [label="Ralph Smith"];',
        '  n4 [label="Lena Berg"];',
        '  n2 -> n3;',
        '  n3 -> n4;',
        '  n2 -> n4 [label="to Ralph Smith"];',
        '  n0 -> n4 [label="to Joe"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('draws the graph as Mermaid', async () => {
    expect(await ok(['--format', 'mermaid', '--of', 'Alice'])).toBe(
      ['graph LR', '    n5["Alice"]', '    n6["Bob"]', '    n5 --> n6', '    n6 --> n5', ''].join(
        '\n',
      ),
    );
  });

  it('never colours the graph, even on a terminal with FORCE_COLOR', async () => {
    for (const format of ['dot', 'mermaid']) {
      const out = await ok(['--format', format], { tty: true, env: { FORCE_COLOR: '1' } });
      expect(out).not.toContain('\u001b');
    }
  });
});

describe('intros with awkward names', () => {
  let k: TempJournal;
  beforeEach(() => {
    k = tempJournal();
  });
  afterEach(() => k.remove());

  it('escapes names for dot, mermaid and the terminal', async () => {
    await k.run(['intro', 'Dan "D" [x] <&> \\', 'Eve\u001b[31m', '--date', '2026-11-01']);
    const dot = await k.run(['intros', '--format', 'dot']);
    expect(dot.stdout).toContain('  n1 [label="Dan \\"D\\" [x] <&amp;> \\\\"];\n');
    expect(dot.stdout).toContain('  n2 [label="Eve\\\\x1b[31m"];\n');
    const mermaid = await k.run(['intros', '--format', 'mermaid']);
    expect(mermaid.stdout).toContain('    n1["Dan #quot;D#quot; #91;x#93; #60;#38;#62; \\"]\n');
    const tty = await k.run(['intros'], { tty: true, columns: 100, env: { NO_COLOR: '1' } });
    expect(tty.stdout).toContain('Dan "D" [x] <&> \\ introduced Eve\\x1b[31m to you');
  });
});

describe('intros without a journal', () => {
  let k: TempJournal;
  beforeEach(() => {
    k = tempJournal();
  });
  afterEach(() => k.remove());

  it('prints an empty report in every format and creates nothing', async () => {
    const cases: [string[], string][] = [
      [['--json'], '{"introductions":[]}\n'],
      [[], 'id\tdate\tintroducer\tperson\tto\treportedBack\n'],
      [['--format', 'jsonl'], ''],
      [['--top', '--json'], '{"introducers":[]}\n'],
      [['--by', 'me', '--format', 'csv'], 'id,date,introducer,person,to,reportedBack\n'],
      [['--format', 'dot'], 'digraph introductions {\n  rankdir=LR;\n  node [shape=box];\n}\n'],
      [['--format', 'mermaid'], 'graph LR\n'],
    ];
    for (const [args, stdout] of cases) {
      expect(await k.run(['intros', ...args])).toEqual({ stdout, stderr: '', code: 0 });
    }
    const tty = await k.run(['intros'], { tty: true, env: { NO_COLOR: '1' } });
    // Hints wrap at spaces to the terminal's 80 columns.
    expect(tty.stdout).toBe(
      'No introductions recorded yet. Record one with: netjournal intro "Joe Park"\n"Ralph Smith"\n',
    );
    const top = await k.run(['intros', '--top'], { tty: true, env: { NO_COLOR: '1' } });
    expect(top.stdout).toBe(
      'No one has made an introduction yet. Record one with: netjournal intro "Joe\nPark" "Ralph Smith"\n',
    );
    expect(existsSync(k.path)).toBe(false);
  });

  it('exits 3 for a name, since nobody is in it yet', async () => {
    expect(await k.run(['intros', '--chain', 'Ralph'])).toEqual({
      stdout: '',
      stderr:
        'netjournal: no contact named "Ralph" — add them with: netjournal contact add "Ralph"\n',
      code: 3,
    });
    expect(existsSync(k.path)).toBe(false);
  });
});

describe('intros: bad input writes nothing', () => {
  const cases: [string, string[], number, string][] = [
    [
      '--chain with --top',
      ['--chain', 'Lena', '--top'],
      2,
      '--chain and --top cannot be used together — pick one of them',
    ],
    [
      'dot with --chain',
      ['--format', 'dot', '--chain', 'Lena'],
      2,
      '--format dot draws the introduction graph and cannot be used with --chain — drop --chain, or pick one of table, json, jsonl, csv, tsv',
    ],
    [
      'mermaid with --top',
      ['--top', '--format', 'mermaid'],
      2,
      '--format mermaid draws the introduction graph and cannot be used with --top — drop --top, or pick one of table, json, jsonl, csv, tsv',
    ],
    [
      '--chain with filters',
      ['--chain', 'Lena', '--since', '1m', '--by', 'Joe'],
      2,
      '--chain cannot be combined with --since, --by — the chain follows every introduction to you; drop them',
    ],
    [
      'a bad --since',
      ['--since', 'blurgh'],
      2,
      'unknown date "blurgh" — try 2026-11-21, yesterday, monday, 3d or "2 weeks ago"',
    ],
    [
      'an unknown format',
      ['--format', 'xml'],
      2,
      'unknown format "xml" — use one of table, json, jsonl, csv, tsv, dot, mermaid, svg, html',
    ],
    ['--chain me', ['--chain', 'me'], 2, '"me" means you here — name someone else'],
    ['an unknown --by', ['--by', 'Moom'], 3, 'no contact named "Moom" — did you mean "Mom"?'],
    [
      'an unknown --of',
      ['--of', '#99'],
      3,
      "no contact #99 — see the ids with 'netjournal contacts'",
    ],
    [
      'an unknown --chain',
      ['--chain', 'Lina Berg'],
      3,
      'no contact named "Lina Berg" — did you mean "Lena Berg"?',
    ],
  ];

  it.each(cases.map(([what, args, code, message]) => ({ what, args, code, message })))(
    '$what: exits $code with the message',
    async ({ args, code, message }) => {
      const before = readFileSync(j.path);
      expect(await j.run(['intros', ...args])).toEqual({
        stdout: '',
        stderr: `netjournal: ${message}\n`,
        code,
      });
      expect(readFileSync(j.path).equals(before)).toBe(true);
    },
  );

  it('leaves the journal byte for byte as it was after every report', async () => {
    const before = readFileSync(j.path);
    for (const args of [[], ['--chain', 'Bob'], ['--top'], ['--format', 'dot'], ['--of', 'me']]) {
      await j.run(['intros', ...args]);
    }
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });
});
