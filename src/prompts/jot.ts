import { loadLibrary } from '../load-library.js';
import { InterruptedError } from '../errors.js';

/** What the person answered to a jot's "Log this meeting?". */
export type JotAnswer = 'log' | 'correct' | 'cancel';

const ANSWERS: Readonly<Record<string, JotAnswer>> = {
  '': 'log',
  y: 'log',
  yes: 'log',
  e: 'correct',
  edit: 'correct',
  n: 'cancel',
  no: 'cancel',
};

type Inquirer = typeof import('@inquirer/prompts');

/** Ctrl-C at a prompt is InterruptedError (exit 130): nothing is written. */
async function interruptible<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') {
      throw new InterruptedError('interrupted', 'nothing was written');
    }
    throw err;
  }
}

/**
 * Ask whether to log what jot understood: Enter (or y) logs it, e corrects
 * the sentence, n logs nothing. Drawn on `output` (the context's stderr);
 * @inquirer/prompts is loaded only here, when a prompt is really shown.
 */
export async function askJotAnswer(output: NodeJS.WritableStream): Promise<JotAnswer> {
  const { input } = loadLibrary('@inquirer/prompts') as Inquirer;
  const answer = await interruptible(() =>
    input(
      {
        message: 'Log this meeting? (Enter: yes, e: correct the sentence, n: no)',
        validate: (value) =>
          ANSWERS[value.trim().toLowerCase()] !== undefined || 'press Enter, or type e or n',
      },
      { output },
    ),
  );
  return ANSWERS[answer.trim().toLowerCase()] ?? 'log';
}

/** The sentence again, on one editable line that starts as it was; returns the edited line. */
export async function correctSentence(
  sentence: string,
  output: NodeJS.WritableStream,
): Promise<string> {
  const { input } = loadLibrary('@inquirer/prompts') as Inquirer;
  return interruptible(() =>
    input(
      { message: 'Sentence:', default: sentence, prefill: 'editable', required: true },
      { output },
    ),
  );
}
