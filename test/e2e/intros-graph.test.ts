import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// The built bin/ as a user runs it, its graph piped into Graphviz. Not skipped
// when `dot` is missing: CI installs graphviz, and a missing one should fail loudly.
let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

function record(args: string[]): void {
  const result = spawnCli(args, j.env);
  expect(result.stderr).not.toMatch(/^netjournal:/m);
  expect(result.code).toBe(0);
}

describe('netjournal intros --format dot | dot -Tsvg', () => {
  it('draws the introduction graph, awkward names included', () => {
    record(['intro', 'Mom', 'Joe Park', '--date', '2026-10-01']);
    record(['add', 'Ralph Smith', '--via', 'Joe Park', '--date', '2026-11-01', '--no-thank-you']);
    record(['intro', 'me', 'Lena "LB" Berg', '--to', 'Ralph Smith', '--date', '2026-11-10']);
    record(['intro', 'Zoë <&> [x] \\', '日本 😀\tTab', '--date', '2026-11-12']);

    const graph = spawnCli(['intros', '--format', 'dot'], j.env);
    expect(graph).toMatchObject({ stderr: '', code: 0 });
    expect(graph.stdout).toMatch(/^digraph introductions \{\n/);
    expect(graph.stdout).toContain('n0 -> n4 [label="to Ralph Smith"];');

    const svg = spawnSync('dot', ['-Tsvg'], {
      input: graph.stdout,
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(svg.error, 'graphviz must be installed (apt-get install graphviz)').toBeUndefined();
    expect(svg.stderr).toBe('');
    expect(svg.status).toBe(0);
    expect(svg.stdout).toContain('<svg');
    expect(svg.stdout).toContain('Lena &quot;LB&quot; Berg');
    expect(svg.stdout).toContain('Zoë &lt;&amp;&gt; [x] \\');
  });

  it('gives dot a valid empty graph when there is no journal', () => {
    const graph = spawnCli(['intros', '--format', 'dot'], j.env);
    expect(graph.code).toBe(0);
    const svg = spawnSync('dot', ['-Tsvg'], {
      input: graph.stdout,
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(svg.error).toBeUndefined();
    expect(svg.status).toBe(0);
    expect(svg.stdout).toContain('<svg');
  });
});
