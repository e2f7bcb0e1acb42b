import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

// Issue 17, points 5 and 6: undo says what it undid in the user's words, and
// both removals (contact rm, meeting rm) ask on a terminal and say that undo
// brings back what they remove.

// The terminal prompt reads the real stdin; answer it from the test instead.
const confirmOnTerminal = vi.hoisted(() =>
  vi.fn<(message: string, defaultYes?: boolean) => Promise<boolean>>(),
);
vi.mock('../../src/prompts/confirm.js', () => ({ confirmOnTerminal }));

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
  confirmOnTerminal.mockReset();
});
afterEach(() => j.remove());

async function ok(args: string[], tty = false): Promise<string> {
  const result = await j.run(args, { tty });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stderr;
}

/** A meeting with Ralph Smith and its three follow-ups (the thank-you and two promises). */
async function coffee(): Promise<void> {
  await ok(['contact', 'add', 'Ralph Smith']);
  await ok([
    'add',
    'Ralph Smith',
    '--date',
    '2026-11-16',
    '--follow-up',
    'send the article',
    '--follow-up',
    'ask about Berlin',
  ]);
}

describe('undo in the user’s words', () => {
  it('names the meeting and counts its follow-ups', async () => {
    await coffee();
    const dry = await j.run(['undo', '--dry-run']);
    expect(dry.stdout).toBe(
      'undo: coffee with Ralph Smith on 2026-11-16 (meeting 1) and its 3 follow-ups\n',
    );
    expect(await ok(['undo'])).toBe(
      'Undid: coffee with Ralph Smith on 2026-11-16 (meeting 1) and its 3 follow-ups.\n',
    );
  });

  it('names a note by its id and contact, and a contact by name and id', async () => {
    await ok(['contact', 'add', 'Ralph Smith', '--tag', 'runner']);
    await ok(['note', 'Ralph Smith', 'runs marathons']);
    expect(await ok(['undo'])).toBe('Undid: note 1 about Ralph Smith.\n');
    expect(await ok(['undo'])).toBe('Undid: contact Ralph Smith (#1).\n');
    await ok(['intro', 'Joe Park', 'Lena Berg']);
    expect(await ok(['undo'])).toBe(
      'Undid: introduction 1 (Joe Park introduced Lena Berg to you) and 2 new contacts.\n',
    );
  });

  it('tells a removal apart, with what went with it', async () => {
    await coffee();
    await ok(['meeting', 'rm', '1']);
    expect(await ok(['undo'])).toBe(
      'Undid: removal of coffee with Ralph Smith on 2026-11-16 (meeting 1) and its 3 follow-ups.\n',
    );
    await ok(['contact', 'rm', 'Ralph', '--yes']);
    expect(await ok(['undo'])).toBe(
      'Undid: removal of contact Ralph Smith (#1) with 3 follow-ups and 1 meeting.\n',
    );
  });

  it('counts what an import brought in', async () => {
    const file = `${j.dir}/people.csv`;
    writeFileSync(file, 'Name,Company\nLena Berg,Acme\nJoe Park,Initech\nAmara Okafor,\n');
    await ok(['import', file]);
    expect(await ok(['undo'])).toBe('Undid: import of 3 contacts.\n');
  });

  it('keeps the fields undo --json had, and adds the description', async () => {
    await coffee();
    const json = JSON.parse((await j.run(['undo', '--dry-run', '--json'])).stdout) as unknown;
    expect(json).toMatchObject({
      dryRun: true,
      command: 'add Ralph Smith',
      changes: [
        { table: 'meetings', op: 'insert', rows: 1 },
        { table: 'meeting_contacts', op: 'insert', rows: 1 },
        { table: 'follow_ups', op: 'insert', rows: 3 },
      ],
      description: 'coffee with Ralph Smith on 2026-11-16 (meeting 1) and its 3 follow-ups',
    });
  });
});

describe('removals say undo brings them back', () => {
  it('contact rm asks, saying it can be undone', async () => {
    await coffee();
    const before = readFileSync(j.path);
    confirmOnTerminal.mockResolvedValueOnce(false);
    expect(await ok(['contact', 'rm', 'Ralph'], true)).toBe('Kept Ralph Smith.\n');
    expect(confirmOnTerminal).toHaveBeenCalledWith(
      "Remove Ralph Smith (#1) with 1 meeting, 0 notes, 3 follow-ups, 0 introductions, 0 gifts? You can undo it with 'netjournal undo'.",
      false,
      expect.objectContaining({ isTTY: true }),
    );
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('meeting rm asks on a terminal, default no, and keeps the meeting when told no', async () => {
    await coffee();
    const before = await journalState(j);
    const bytes = readFileSync(j.path);
    confirmOnTerminal.mockResolvedValueOnce(false);
    const kept = await j.run(['meeting', 'rm', '1'], { tty: true });
    expect(kept).toEqual({ stdout: '', stderr: 'Kept meeting 1.\n', code: 0 });
    expect(confirmOnTerminal).toHaveBeenCalledWith(
      "Remove meeting 1 (coffee with Ralph Smith on 2026-11-16) and its 3 open follow-ups? You can undo it with 'netjournal undo'.",
      false,
      expect.objectContaining({ isTTY: true }),
    );
    expect(readFileSync(j.path).equals(bytes)).toBe(true);
    expect(await journalState(j)).toBe(before);
  });

  it('meeting rm removes when told yes, and undo brings it back', async () => {
    await coffee();
    const before = await journalState(j);
    confirmOnTerminal.mockResolvedValueOnce(true);
    expect(await ok(['meeting', 'rm', '1'], true)).toBe(
      'Removed meeting 1 (coffee with Ralph Smith on 2026-11-16) and its 3 open\nfollow-ups: 1, 2, 3.\n',
    );
    expect(confirmOnTerminal).toHaveBeenCalledTimes(1);
    expect(await journalState(j)).not.toBe(before);
    await ok(['undo']);
    expect(await journalState(j)).toBe(before);
  });

  it('meeting rm does not ask with --yes, nor when piped', async () => {
    await coffee();
    await ok(['meeting', 'rm', '1', '--yes'], true);
    await ok(['undo']);
    await ok(['meeting', 'rm', '1']);
    expect(confirmOnTerminal).not.toHaveBeenCalled();
    expect((await j.run(['meeting', 'show', '1'])).code).toBe(3);
  });
});
