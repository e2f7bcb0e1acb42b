import { loadLibrary } from '../load-library.js';
import { parseDueDate, parseEventDate } from '../domain/date-bounds.js';
import { addDays, parseDate, type DateDirection } from '../domain/dates.js';
import { InterruptedError, NetjournalError } from '../errors.js';
import { forTerminal } from '../output/sanitize.js';

/** A choice in a search or select prompt, in the shape @inquirer/prompts takes. */
export interface PromptChoice<V> {
  value: V;
  name: string;
  short?: string;
  /** Shown greyed out with this reason; cannot be picked. */
  disabled?: string;
}

/** Inquirer's validate: true, or the message to show under the answer. */
export type Validate = (value: string) => true | string;

/** The prompts a flow needs: inquirer on stderr for real, a script in tests. */
export interface AddAsker {
  search<V>(message: string, source: (term: string) => PromptChoice<V>[]): Promise<V>;
  select<V extends string>(
    message: string,
    choices: readonly PromptChoice<V>[],
    defaultValue: V,
  ): Promise<V>;
  input(message: string, options?: { default?: string; validate?: Validate }): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  /** Print a block of text (the summary) where the prompts are drawn. */
  say(text: string): void;
}

/** The date a prompt's answer names: when it happened ('past') or when it is due ('future'). */
export function parseAnswerDate(value: string, today: string, direction: DateDirection): string {
  return direction === 'past' ? parseEventDate(value, today) : parseDueDate(value, today);
}

/** A validate that shows the date parser's own message and hint inline. */
export function dateValidator(today: string, direction: DateDirection): Validate {
  return (value) => {
    try {
      // The flags' hint for a future meeting (plan it with `follow-up`) names a command;
      // at the prompt the answer itself must change, so give dates it would take.
      if (direction === 'past' && parseDate(value, today, 'past') > today) {
        return forTerminal(
          `a meeting date can't be in the future (${value.trim()}) — give the day it happened, e.g. today, yesterday or ${addDays(today, -3)}`,
        );
      }
      parseAnswerDate(value, today, direction);
      return true;
    } catch (err) {
      if (err instanceof NetjournalError) return forTerminal(`${err.message} — ${err.hint}`);
      throw err;
    }
  };
}

/** Ask `first`, then `more` after each answer, until an empty answer; the trimmed answers. */
export async function askList(ask: AddAsker, first: string, more = first): Promise<string[]> {
  const answers: string[] = [];
  for (;;) {
    const text = (await ask.input(answers.length === 0 ? first : more)).trim();
    if (text === '') return answers;
    answers.push(text);
  }
}

/**
 * The asker that draws @inquirer/prompts on `output` (the context's stderr, so stdout
 * stays data). Inquirer is loaded here, not at the top: it costs ~45 ms and most runs
 * never prompt.
 */
export function inquirerAsker(output: NodeJS.WritableStream): AddAsker {
  const { search, select, input, confirm } = loadLibrary(
    '@inquirer/prompts',
  ) as typeof import('@inquirer/prompts');
  const context = { output };
  return {
    search: (message, source) =>
      search({ message, source: (term) => source(term ?? ''), pageSize: 8 }, context),
    select: (message, choices, defaultValue) =>
      select(
        { message, choices, default: defaultValue, pageSize: choices.length, loop: false },
        context,
      ),
    input: (message, o = {}) =>
      input({ message, default: o.default, validate: o.validate }, context),
    confirm: (message, defaultValue) => confirm({ message, default: defaultValue }, context),
    say: (text) => {
      output.write(text);
    },
  };
}

/** Run a flow; Ctrl-C in any prompt becomes InterruptedError (exit 130). */
export async function interruptible<T>(flow: () => Promise<T>): Promise<T> {
  try {
    return await flow();
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') {
      throw new InterruptedError('interrupted', 'nothing was written');
    }
    throw err;
  }
}
