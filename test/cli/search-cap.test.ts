import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cappedNotice, runSearch } from '../../src/cli/commands/insight/search.js';
import { Context, type GlobalOptions } from '../../src/cli/context.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

// The cap on ranked matches, seen from the command: a small cap injected into
// runSearch stands in for the default one of a large journal.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

/** Ada and Ben, with four notes and two meetings mentioning perception. */
async function journal(): Promise<void> {
  const steps = [
    ['contact', 'add', 'Ada Perception-Lab'],
    ['contact', 'add', 'Ben Stone'],
    ['note', 'Ben Stone', 'Reads about perception'],
    ['note', 'Ben Stone', 'Perception of risk in teams'],
    ['note', 'Ada Perception-Lab', 'Runs a perception lab'],
    ['note', 'Ada Perception-Lab', 'Perception and colour'],
    ['add', 'Ben Stone', '--no-thank-you', '--notes', 'Talked about perception'],
    ['add', 'Ada Perception-Lab', '--no-thank-you', '--notes', 'perception study'],
  ];
  for (const step of steps) {
    const result = await j.run(step);
    expect(result.code, `${step.join(' ')}: ${result.stderr}`).toBe(0);
  }
}

interface Ran {
  stdout: string;
  stderr: string;
}

function search(words: string[], limit: string, cap?: number): Ran {
  let stdout = '';
  let stderr = '';
  const ctx = new Context(
    {
      stdout: { write: (s: string) => (stdout += s), isTTY: false },
      stderr: { write: (s: string) => (stderr += s), isTTY: false },
      stdin: { isTTY: false },
      env: j.env,
    },
    { json: true, color: false, input: false, header: true } as GlobalOptions,
  );
  try {
    runSearch(ctx, words, { limit, cap });
  } finally {
    ctx.close();
  }
  return { stdout, stderr };
}

const brief = (ran: Ran) =>
  (JSON.parse(ran.stdout) as { kind: string; id: number }[]).map((h) => `${h.kind} ${h.id}`);

describe('search with a cap on ranked matches', () => {
  it('ranks only the newest matches of each kind and says what it left out', async () => {
    await journal();
    const all = search(['perception'], '20');
    expect(all.stderr).toBe('');
    expect(brief(all)).toHaveLength(7);

    // Beyond 6 matches, 2 of each kind (a quarter of the cap, rounded up):
    // the contact, notes 4 and 3, meetings 2 and 1. Notes 1 and 2 are left out.
    const capped = search(['perception'], '1', 6);
    expect(capped.stderr).toBe(
      'Showing the best of the 5 newest matches of 7 (older notes left out);' +
        ' narrow the search to see older ones.\n',
    );
    expect(brief(capped)).toEqual([brief(all)[0]]);
    const ranked = brief(search(['perception'], '2', 6));
    expect(ranked).toEqual(
      brief(all)
        .filter((h) => h !== 'note 1' && h !== 'note 2')
        .slice(0, 2),
    );
  });

  it('says nothing when the matches fit under the cap', async () => {
    await journal();
    const ran = search(['perception'], '20', 7);
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toBe(search(['perception'], '20').stdout);
  });

  it('says nothing on an empty journal', () => {
    expect(search(['perception'], '20', 1)).toEqual({ stdout: '[]\n', stderr: '' });
  });
});

describe('cappedNotice', () => {
  it('counts with thousands separators and names the kinds left out', () => {
    expect(
      cappedNotice({
        hits: [],
        matches: 32_990,
        ranked: 1500,
        capped: ['note', 'meeting', 'followUp'],
      }),
    ).toBe(
      'Showing the best of the 1,500 newest matches of 32,990' +
        ' (older notes, meetings and follow-ups left out); narrow the search to see older ones.',
    );
    expect(
      cappedNotice({ hits: [], matches: 2100, ranked: 2000, capped: ['contact', 'note'] }),
    ).toBe(
      'Showing the best of the 2,000 newest matches of 2,100' +
        ' (older contacts and notes left out); narrow the search to see older ones.',
    );
  });
});
