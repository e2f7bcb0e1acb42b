import { afterEach, describe, expect, it, vi } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import {
  dateValidator,
  runAddFlow,
  whoChoices,
  type AddAsker,
  type AddPromptOptions,
  type PromptChoice,
  type Validate,
} from '../../src/prompts/add.js';

const TODAY = '2026-11-21';
const CONTACTS: AddPromptOptions['contacts'] = [
  { id: 2, name: 'Joe Park', company: 'Acme' },
  { id: 3, name: 'Lena Ortiz', company: null },
];
const OPTIONS: AddPromptOptions = { today: TODAY, contacts: CONTACTS };

/** One scripted answer; `search` types a term and picks the first enabled choice (or one named). */
type Answer =
  | { search: string; pick?: string }
  | { select: string }
  | { input: string }
  | { confirm: boolean }
  | { interrupt: true };

interface Asked {
  type: 'search' | 'select' | 'input' | 'confirm';
  message: string;
  default?: string | boolean;
  validate?: Validate;
}

/** An asker that answers from a script and records every question, like a user at a terminal. */
function scripted(answers: Answer[]): { ask: AddAsker; asked: Asked[]; said: string[] } {
  const queue = [...answers];
  const asked: Asked[] = [];
  const said: string[] = [];
  function next(question: Asked): Answer {
    asked.push(question);
    const answer = queue.shift();
    if (answer === undefined) throw new Error(`no scripted answer for "${question.message}"`);
    if ('interrupt' in answer) throw new InterruptedError('interrupted', 'nothing was written');
    if (!(question.type in answer)) {
      throw new Error(
        `"${question.message}" is a ${question.type}, script has ${JSON.stringify(answer)}`,
      );
    }
    return answer;
  }
  const ask: AddAsker = {
    async search<V>(message: string, source: (term: string) => PromptChoice<V>[]): Promise<V> {
      const answer = next({ type: 'search', message }) as { search: string; pick?: string };
      const choices = source(answer.search).filter((c) => c.disabled === undefined);
      const chosen = choices.find((c) => answer.pick === undefined || c.name.includes(answer.pick));
      if (!chosen) throw new Error(`nothing to pick for "${answer.search}"`);
      return chosen.value;
    },
    async select<V extends string>(message: string, choices: readonly V[], d: V): Promise<V> {
      const answer = next({ type: 'select', message, default: d }) as { select: string };
      const chosen = choices.find((c) => c === answer.select);
      if (chosen === undefined) throw new Error(`"${answer.select}" is not offered`);
      return chosen;
    },
    async input(message, options = {}) {
      const question: Asked = { type: 'input', message, default: options.default };
      if (options.validate) question.validate = options.validate;
      const typed = (next(question) as { input: string }).input;
      // Like inquirer: Enter on an empty line takes the default, then validate must pass.
      const value = typed === '' ? (options.default ?? '') : typed;
      const valid = options.validate?.(value) ?? true;
      if (valid !== true) throw new Error(`"${value}" rejected: ${valid}`);
      return value;
    },
    async confirm(message, d) {
      return (next({ type: 'confirm', message, default: d }) as { confirm: boolean }).confirm;
    },
    say: (text) => {
      said.push(text);
    },
  };
  return { ask, asked, said };
}

/** Answers from "kind" to the end for a simple meeting with nothing extra. */
const plain = (kind = 'coffee'): Answer[] => [
  { select: kind },
  { input: '' },
  { input: '' },
  { input: '' },
  { input: '' },
  { input: '' },
];

describe('runAddFlow', () => {
  it('logs a coffee with an existing and a new person, learned notes and follow-ups', async () => {
    const { ask, asked, said } = scripted([
      { search: 'acme', pick: 'Joe Park' },
      { confirm: true },
      { search: 'Ralph Smith' },
      { confirm: false },
      { select: 'coffee' },
      { input: 'yesterday' },
      { input: '  talked about trail running  ' },
      { input: 'runs marathons' },
      { input: 'two kids' },
      { input: '' },
      { input: 'Lena' },
      { input: 'send the deck' },
      { input: 'friday' },
      { input: 'intro to Ana' },
      { input: '' },
      { input: '' },
      { confirm: true },
      { confirm: true },
    ]);
    const request = await runAddFlow(ask, OPTIONS);
    expect(request).toEqual({
      names: ['#2', 'Ralph Smith'],
      kind: 'coffee',
      date: '2026-11-20',
      notes: 'talked about trail running',
      learned: ['runs marathons', 'two kids'],
      via: '#3',
      followUps: [
        { text: 'send the deck', due: '2026-11-27' },
        { text: 'intro to Ana', due: '2026-11-28' },
      ],
      offered: [],
      gave: [],
      outreach: false,
      nudge: null,
      thankYou: true,
      forceNew: false,
    });
    expect(asked.map((q) => q.message)).toEqual([
      'Who did you meet? (type to search or add)',
      'Anyone else?',
      'Who else? (type to search or add)',
      'Anyone else?',
      'Kind of meeting',
      'When was it?',
      'Notes (Enter to skip)',
      'Something you learned about Joe Park (Enter when done)',
      'Something you learned about Joe Park (Enter when done)',
      'Something you learned about Joe Park (Enter when done)',
      'Who introduced you? (Enter for nobody)',
      'A follow-up you plan (Enter when done)',
      'Due when? (send the deck)',
      'A follow-up you plan (Enter when done)',
      'Due when? (intro to Ana)',
      'A follow-up you plan (Enter when done)',
      'Remind you to send Joe Park, Ralph Smith a thank-you note?',
      'Log this meeting?',
    ]);
    expect(asked.find((q) => q.message === 'Anyone else?')?.default).toBe(false);
    expect(asked.find((q) => q.type === 'select')?.default).toBe('coffee');
    expect(said.join('')).toBe(
      [
        'Meeting to log:',
        '  who        Joe Park, Ralph Smith (new)',
        '  kind       coffee',
        '  date       2026-11-20',
        '  notes      talked about trail running',
        '  learned    runs marathons',
        '             two kids',
        '  via        Lena Ortiz',
        '  follow-ups send the deck (due 2026-11-27)',
        '             intro to Ana (due 2026-11-28)',
        '  thank-you  yes (due 2026-11-21)',
        '',
      ].join('\n'),
    );
  });

  it('does not ask about a thank-you note after an email', async () => {
    const { ask, asked, said } = scripted([
      { search: 'Ralph' },
      { confirm: false },
      ...plain('email'),
      { confirm: true },
    ]);
    const request = await runAddFlow(ask, OPTIONS);
    expect(request).toMatchObject({ names: ['Ralph'], kind: 'email', date: TODAY, via: null });
    expect(request?.thankYou).toBe(false);
    expect(asked.some((q) => q.message.includes('thank-you'))).toBe(false);
    expect(said.join('')).toContain('  thank-you  no\n');
    expect(said.join('')).toContain('  notes      —\n');
  });

  it('returns null when the user declines at the summary', async () => {
    const { ask, asked } = scripted([
      { search: 'Ralph' },
      { confirm: false },
      ...plain(),
      { confirm: true },
      { confirm: false },
    ]);
    await expect(runAddFlow(ask, OPTIONS)).resolves.toBeNull();
    expect(asked.at(-1)).toMatchObject({ message: 'Log this meeting?', default: true });
  });

  it('lets Ctrl-C (InterruptedError) through, wherever it happens', async () => {
    const { ask, asked } = scripted([{ search: 'Ralph' }, { confirm: false }, { interrupt: true }]);
    await expect(runAddFlow(ask, OPTIONS)).rejects.toBeInstanceOf(InterruptedError);
    expect(asked.at(-1)?.message).toBe('Kind of meeting');
  });

  it('rejects a bad date inline with the parser message and hint', async () => {
    const { ask, asked } = scripted([{ search: 'Ralph' }, { confirm: false }, { select: 'call' }]);
    await expect(runAddFlow(ask, OPTIONS)).rejects.toThrow(/no scripted answer/);
    const when = asked.at(-1);
    expect(when).toMatchObject({ message: 'When was it?', default: 'today' });
    expect(when?.validate?.('blurgh')).toBe(
      'unknown date "blurgh" — try 2026-11-21, yesterday, monday, 3d or "2 weeks ago"',
    );
    expect(when?.validate?.('3 days ago')).toBe(true);
    expect(dateValidator(TODAY, 'future')('in 7 days')).toBe(true);
    expect(dateValidator(TODAY, 'future')('9999-12-31')).toBe(
      '9999-12-31 is more than 100 years ahead (after 2126-11-21) — give a date within 100 years, e.g. friday, 2w or 2026-12-21',
    );
    expect(dateValidator(TODAY, 'past')('1899-12-31')).toBe(
      '1899-12-31 is before 1900 — give the date it happened, e.g. yesterday, 3d or 2026-11-14',
    );
  });

  it('validates the introducer against the people in the meeting and existing names', async () => {
    const contacts = [...CONTACTS, { id: 4, name: 'Joe Bloggs', company: null }];
    const { ask, asked } = scripted([{ search: 'Lena' }, { confirm: false }, ...plain()]);
    await expect(runAddFlow(ask, { today: TODAY, contacts })).rejects.toThrow(/no scripted/);
    const via = asked.find((q) => q.message.startsWith('Who introduced you'))?.validate;
    expect(via?.('')).toBe(true);
    expect(via?.('Ana')).toBe(true);
    expect(via?.('lena')).toBe('Lena Ortiz is in this meeting: name who introduced you');
    expect(via?.('Joe')).toBe(
      '"Joe" matches Joe Park #2, Joe Bloggs #4: type more of the name, or its #id',
    );
    expect(via?.('#9')).toBe('no contact #9');
    expect(via?.('me')).toMatch(/^"me" means you/);
  });
});

describe('whoChoices', () => {
  const names = (choices: PromptChoice<unknown>[]): string[] =>
    choices.map((c) => c.name + (c.disabled ? ` ${c.disabled}` : ''));

  it('matches anywhere in name or company, ignoring case, and offers the text as new', () => {
    expect(names(whoChoices('', CONTACTS, []))).toEqual(['Joe Park (Acme)  #2', 'Lena Ortiz  #3']);
    expect(names(whoChoices('ORT', CONTACTS, []))).toEqual([
      '＋ new contact: ORT',
      'Lena Ortiz  #3',
    ]);
    expect(names(whoChoices('acme', CONTACTS, []))).toEqual([
      '＋ new contact: acme',
      'Joe Park (Acme)  #2',
    ]);
  });

  it('never offers a duplicate, a name the command would resolve elsewhere, or "me"', () => {
    const picked = [
      { id: 2, name: 'Joe Park' },
      { id: null, name: 'Ralph Smith' },
    ];
    expect(names(whoChoices('joe', CONTACTS, picked))).toEqual([
      '＋ new contact: joe (matches an existing name: pick it, or use netjournal add --new)',
    ]);
    expect(names(whoChoices('ralph smith', CONTACTS, picked))).toEqual([
      '＋ new contact: ralph smith (already added)',
    ]);
    expect(names(whoChoices('me', CONTACTS, []))[0]).toMatch(
      /^＋ new contact: me \("me" means you/,
    );
    expect(whoChoices('Ana\u001b[31m', [], [])[0]?.name).toBe('＋ new contact: Ana\\x1b[31m');
  });
});

describe('promptAddRequest', () => {
  afterEach(() => {
    vi.doUnmock('../../src/load-library.js');
    vi.resetModules();
  });

  it('draws on stderr and turns inquirer Ctrl-C into InterruptedError', async () => {
    const exit = Object.assign(new Error('User force closed the prompt'), {
      name: 'ExitPromptError',
    });
    const search = vi.fn().mockRejectedValue(exit);
    const inquirer = { search, select: vi.fn(), input: vi.fn(), confirm: vi.fn() };
    const loadLibrary = vi.fn((name: string) => {
      if (name !== '@inquirer/prompts') throw new Error(`unexpected library ${name}`);
      return inquirer;
    });
    // inquirer is loaded through loadLibrary (a require), so that is what is replaced.
    vi.resetModules();
    vi.doMock('../../src/load-library.js', () => ({ loadLibrary }));
    const { promptAddRequest: prompt } = await import('../../src/prompts/add.js');
    await expect(prompt(OPTIONS, process.stderr)).rejects.toMatchObject({
      name: 'InterruptedError',
      exitCode: 130,
      hint: 'nothing was written',
    });
    expect(search.mock.calls[0]?.[1]).toEqual({ output: process.stderr });
  });
});
