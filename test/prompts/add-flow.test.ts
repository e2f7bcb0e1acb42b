import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestFromOptions } from '../../src/cli/commands/meeting/add.js';
import { InterruptedError } from '../../src/errors.js';
import type { AddRequest } from '../../src/domain/capture.js';
import { runAddFlow, type AddAnswers, type AddPromptOptions } from '../../src/prompts/add.js';
import {
  dateValidator,
  type AddAsker,
  type PromptChoice,
  type Validate,
} from '../../src/prompts/ask.js';
import { nearNames, viaChoices, whoChoices } from '../../src/prompts/people.js';

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
    async select<V extends string>(
      message: string,
      choices: readonly PromptChoice<V>[],
      d: V,
    ): Promise<V> {
      const answer = next({ type: 'select', message, default: d }) as { select: string };
      const chosen = choices.find((c) => c.value === answer.select);
      if (chosen === undefined) throw new Error(`"${answer.select}" is not offered`);
      return chosen.value;
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

/** Answers from "kind" to the outreach question for a meeting with nothing extra. */
const plain = (kind = 'coffee'): Answer[] => [
  { select: kind },
  { input: '' },
  { input: '' },
  { input: '' },
  { search: '' },
  { input: '' },
  { input: '' },
  { input: '' },
  { confirm: false },
];

/** The request `add` makes of the answers: the flags' own validation. */
function asRequest(answers: AddAnswers | null): AddRequest {
  if (answers === null) throw new Error('the flow logged nothing');
  return requestFromOptions(answers.names, answers.opts, TODAY);
}

/** Answers to a new person's company and circle prompts. */
const details = (company = '', circle = ''): Answer[] => [{ input: company }, { select: circle }];

describe('runAddFlow', () => {
  it('asks every question in order and answers with the names and options of the flags', async () => {
    const { ask, asked, said } = scripted([
      { search: 'acme', pick: 'Joe Park' },
      { confirm: true },
      { search: 'Ralph Smith' },
      ...details('  Initech ', 'second'),
      { confirm: false },
      { select: 'coffee' },
      { input: 'yesterday' },
      { input: '  talked about trail running  ' },
      { input: 'runs marathons' },
      { input: 'two kids' },
      { input: '' },
      { search: 'ort', pick: 'Lena Ortiz' },
      { input: 'send the deck' },
      { input: 'friday' },
      { input: 'intro to Ana' },
      { input: '' },
      { input: '' },
      { input: 'intro to his manager' },
      { input: '' },
      { input: 'the UX article' },
      { input: '' },
      { confirm: true },
      { input: '' },
      { confirm: true },
      { confirm: true },
    ]);
    const answers = await runAddFlow(ask, OPTIONS);
    expect(answers).toEqual({
      names: ['#2', 'Ralph Smith'],
      opts: {
        kind: 'coffee',
        date: '2026-11-20',
        notes: 'talked about trail running',
        learned: ['runs marathons', 'two kids'],
        via: '#3',
        followUp: ['send the deck', 'intro to Ana'],
        dues: ['2026-11-27', '2026-11-28'],
        offered: ['intro to his manager'],
        gave: ['the UX article'],
        outreach: true,
        nudge: '2026-11-28',
        thankYou: true,
        people: [
          { company: undefined, circle: undefined },
          { company: 'Initech', circle: 'second' },
        ],
      },
    });
    expect(asked.map((q) => q.message)).toEqual([
      'Who did you meet? (type to search or add)',
      'Anyone else?',
      'Who else? (type to search or add)',
      "Ralph Smith's company (Enter to skip)",
      "Ralph Smith's circle (Enter to skip)",
      'Anyone else?',
      'Kind of meeting',
      'When was it?',
      'Notes (Enter to skip)',
      'Something you learned about Joe Park (Enter when done)',
      'Something you learned about Joe Park (Enter when done)',
      'Something you learned about Joe Park (Enter when done)',
      'Who introduced you? (type to search or add, Enter for nobody)',
      'A follow-up you plan (Enter when done)',
      'Due when? (send the deck)',
      'A follow-up you plan (Enter when done)',
      'Due when? (intro to Ana)',
      'A follow-up you plan (Enter when done)',
      'Did they offer anything? (Enter to skip)',
      'Anything else they offered? (Enter when done)',
      'Did you give anything? (an article, an intro…; Enter to skip)',
      'Anything else you gave? (Enter when done)',
      'Did you reach out first?',
      'Nudge Joe Park, Ralph Smith if there is no reply, when? ("none" to skip)',
      'Remind you to send Joe Park, Ralph Smith a thank-you note?',
      'Log this meeting?',
    ]);
    expect(asked.find((q) => q.message === 'Anyone else?')?.default).toBe(false);
    expect(asked.find((q) => q.type === 'select')?.default).toBe('');
    expect(asked.find((q) => q.message === 'Kind of meeting')?.default).toBe('coffee');
    expect(asked.find((q) => q.message === 'Did you reach out first?')?.default).toBe(false);
    expect(asked.find((q) => q.message.startsWith('Nudge'))?.default).toBe('in 7 days');
    expect(said.join('')).toBe(
      [
        'Meeting to log:',
        '  who        Joe Park, Ralph Smith (new: Initech, second circle)',
        '  kind       coffee',
        '  date       2026-11-20',
        '  notes      talked about trail running',
        '  learned    runs marathons',
        '             two kids',
        '  via        Lena Ortiz',
        '  follow-ups send the deck (due 2026-11-27)',
        '             intro to Ana (due 2026-11-28)',
        '  offered    intro to his manager (check in 2026-11-28)',
        '  gave       the UX article',
        '  outreach   yes (nudge 2026-11-28)',
        '  thank-you  yes (due 2026-11-21)',
        '',
      ].join('\n'),
    );
    // The answers become a request through the flags' own validation.
    expect(asRequest(answers)).toMatchObject({
      names: ['#2', 'Ralph Smith'],
      followUps: [
        { text: 'send the deck', due: '2026-11-27' },
        { text: 'intro to Ana', due: '2026-11-28' },
      ],
      newContacts: [
        { company: null, circle: null },
        { company: 'Initech', circle: 'second' },
      ],
    });
  });

  it('gives the same request as the flags for the same meeting', async () => {
    const { ask } = scripted([
      { search: 'Ralph Smith' },
      ...details('Initech', 'third'),
      { confirm: false },
      { select: 'lunch' },
      { input: '2026-11-19' },
      { input: 'tacos' },
      { input: 'has a dog' },
      { input: '' },
      { search: 'joe' },
      { input: 'send the deck' },
      { input: '' },
      { input: '' },
      { input: 'an intro to Ana' },
      { input: '' },
      { input: 'a book' },
      { input: '' },
      { confirm: true },
      { input: 'none' },
      { confirm: false },
      { confirm: true },
    ]);
    const answers = await runAddFlow(ask, OPTIONS);
    const flags = requestFromOptions(
      ['Ralph Smith'],
      {
        kind: 'lunch',
        date: '2026-11-19',
        notes: 'tacos',
        learned: ['has a dog'],
        via: '#2',
        followUp: ['send the deck'],
        offered: ['an intro to Ana'],
        gave: ['a book'],
        outreach: true,
        nudge: false,
        thankYou: false,
        company: 'Initech',
        circle: 'third',
      },
      TODAY,
    );
    expect(asRequest(answers)).toEqual(flags);
  });

  it('skips everything after "who" with Enter: a coffee today, a thank-you, nothing else', async () => {
    const { ask, asked } = scripted([
      { search: 'Joe' },
      { confirm: false },
      ...plain(),
      { confirm: true },
      { confirm: true },
    ]);
    const answers = await runAddFlow(ask, OPTIONS);
    expect(asRequest(answers)).toEqual(requestFromOptions(['#2'], { thankYou: true }, TODAY));
    // Every question but "who" was answered by Enter alone: its default is the skip.
    expect(asked).toHaveLength(13);
  });

  it('asks "Did you mean" for a new name one typo from a contact; yes picks the contact', async () => {
    const contacts = [...CONTACTS, { id: 8, name: 'Chris Wong', company: null }];
    const { ask, asked } = scripted([
      { search: 'Chirs Wong' },
      { confirm: true },
      { confirm: false },
      ...plain(),
      { confirm: true },
      { confirm: true },
    ]);
    const answers = await runAddFlow(ask, { today: TODAY, contacts });
    expect(asked[1]).toMatchObject({ message: 'Did you mean Chris Wong (#8)?', default: true });
    // An existing contact: no company or circle to ask.
    expect(asked[3]?.message).toBe('Kind of meeting');
    expect(answers?.names).toEqual(['#8']);
  });

  it('keeps the new name when the answer is no, and asks its company and circle', async () => {
    const contacts = [...CONTACTS, { id: 8, name: 'Chris Wong', company: null }];
    const { ask } = scripted([
      { search: 'Chirs Wong' },
      { confirm: false },
      ...details('Acme'),
      { confirm: false },
      { select: 'call' },
      { input: '' },
      { input: '' },
      { input: '' },
      { search: 'Lena Ortis' },
      { confirm: true },
      { input: '' },
      { input: '' },
      { input: '' },
      { confirm: false },
      { confirm: true },
      { confirm: true },
    ]);
    const answers = await runAddFlow(ask, { today: TODAY, contacts });
    expect(answers?.names).toEqual(['Chirs Wong']);
    expect(answers?.opts.people).toEqual([{ company: 'Acme', circle: undefined }]);
    // The introducer typed one letter off Lena Ortiz (#3) became her.
    expect(answers?.opts.via).toBe('#3');
  });

  it('does not ask about a thank-you note after an email', async () => {
    const { ask, asked, said } = scripted([
      { search: 'Ralph' },
      ...details(),
      { confirm: false },
      ...plain('email'),
      { confirm: true },
    ]);
    const answers = await runAddFlow(ask, OPTIONS);
    expect(answers?.names).toEqual(['Ralph']);
    expect(answers?.opts).toMatchObject({ kind: 'email', date: TODAY, thankYou: false });
    expect(answers?.opts.via).toBeUndefined();
    expect(asked.some((q) => q.message.includes('thank-you'))).toBe(false);
    expect(said.join('')).toContain('  thank-you  no\n');
    expect(said.join('')).toContain('  notes      —\n');
    expect(said.join('')).toContain('  who        Ralph (new)\n');
    expect(said.join('')).toContain('  outreach   no\n');
  });

  it('returns null when the user declines at the summary', async () => {
    const { ask, asked } = scripted([
      { search: 'Ralph' },
      ...details(),
      { confirm: false },
      ...plain(),
      { confirm: true },
      { confirm: false },
    ]);
    await expect(runAddFlow(ask, OPTIONS)).resolves.toBeNull();
    expect(asked.at(-1)).toMatchObject({ message: 'Log this meeting?', default: true });
  });

  it('lets Ctrl-C (InterruptedError) through, wherever it happens', async () => {
    const { ask, asked } = scripted([{ search: 'Joe' }, { confirm: false }, { interrupt: true }]);
    await expect(runAddFlow(ask, OPTIONS)).rejects.toBeInstanceOf(InterruptedError);
    expect(asked.at(-1)?.message).toBe('Kind of meeting');
  });

  it('rejects a bad date inline with the parser message and hint', async () => {
    const { ask, asked } = scripted([{ search: 'Joe' }, { confirm: false }, { select: 'call' }]);
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

  it('refuses a meeting date after today with dates it would take', async () => {
    const past = dateValidator(TODAY, 'past');
    expect(past('tomorrow')).toBe(
      "a meeting date can't be in the future (tomorrow) — give the day it happened, e.g. today, yesterday or 2026-11-18",
    );
    expect(past('2026-11-22')).toBe(
      "a meeting date can't be in the future (2026-11-22) — give the day it happened, e.g. today, yesterday or 2026-11-18",
    );
    // Each example it gives is taken.
    for (const example of ['today', 'yesterday', '2026-11-18']) expect(past(example)).toBe(true);
  });

  it('validates the nudge date, and "none" means no nudge', async () => {
    const { ask, asked } = scripted([
      { search: 'Joe' },
      { confirm: false },
      ...plain().slice(0, -1),
      { confirm: true },
    ]);
    await expect(runAddFlow(ask, OPTIONS)).rejects.toThrow(/no scripted/);
    const nudge = asked.at(-1)?.validate;
    expect(nudge?.('none')).toBe(true);
    expect(nudge?.('friday')).toBe(true);
    expect(nudge?.('yesterday')).toBe(
      '2026-11-20 is in the past: a due date is today or later — give one ahead, e.g. today, friday, 2w',
    );
  });
});

describe('viaChoices', () => {
  const names = (choices: PromptChoice<unknown>[]): string[] =>
    choices.map((c) => c.name + (c.disabled ? ` ${c.disabled}` : ''));
  const people = [
    { id: 3, name: 'Lena Ortiz' },
    { id: null, name: 'Ralph Smith' },
  ];

  it('offers nobody first, then the contacts not in the meeting', () => {
    const choices = viaChoices('', CONTACTS, people);
    expect(names(choices)).toEqual(['— nobody (skip)', 'Joe Park (Acme)  #2']);
    expect(choices[0]?.value).toBeNull();
  });

  it('takes me as nobody, offers existing names and a new name, never someone in the meeting', () => {
    // `add --via me` is refused ("me" means you): having met them yourself, there is no one to record.
    for (const me of ['me', 'Myself', 'I']) {
      expect(viaChoices(me, CONTACTS, people)).toEqual([
        { value: null, name: 'me: you met them yourself (nobody to record)', short: 'nobody' },
      ]);
    }
    expect(names(viaChoices('jo', CONTACTS, people))).toEqual([
      'Joe Park (Acme)  #2',
      '＋ new contact: jo (matches an existing name: pick it)',
    ]);
    expect(names(viaChoices('lena', CONTACTS, people))).toEqual([
      '＋ new contact: lena (matches an existing name: pick it)',
    ]);
    expect(names(viaChoices('ralph smith', CONTACTS, people))).toEqual([
      '＋ new contact: ralph smith (is in this meeting)',
    ]);
    // A prefix of a new person's name would resolve to them once they are created.
    expect(names(viaChoices('Ralph', CONTACTS, people))).toEqual([
      '＋ new contact: Ralph (matches an existing name: pick it)',
    ]);
    expect(viaChoices('Ana Lee', CONTACTS, people)).toEqual([
      {
        value: { id: null, name: 'Ana Lee' },
        name: '＋ new contact: Ana Lee',
        short: 'Ana Lee (new)',
      },
    ]);
  });
});

describe('nearNames', () => {
  it('finds contacts one typo away, not those already in the meeting', () => {
    const contacts = [...CONTACTS, { id: 8, name: 'Chris Wong', company: null }];
    expect(nearNames('Chirs Wong', contacts, []).map((c) => c.id)).toEqual([8]);
    expect(nearNames('Chirs Wong', contacts, [{ id: 8, name: 'Chris Wong' }])).toEqual([]);
    expect(nearNames('Joe Parks', contacts, []).map((c) => c.id)).toEqual([2]);
    expect(nearNames('Joe Pike', contacts, [])).toEqual([]);
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

describe('promptAddOptions', () => {
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
    const { promptAddOptions: prompt } = await import('../../src/prompts/add.js');
    await expect(prompt(OPTIONS, process.stderr)).rejects.toMatchObject({
      name: 'InterruptedError',
      exitCode: 130,
      hint: 'nothing was written',
    });
    expect(search.mock.calls[0]?.[1]).toEqual({ output: process.stderr });
  });
});
