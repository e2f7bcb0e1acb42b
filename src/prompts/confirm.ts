import { loadLibrary } from '../load-library.js';
import { InterruptedError } from '../errors.js';

/**
 * Ask a yes/no question on the terminal, drawn on `output` (the context's
 * stderr) so stdout stays data. @inquirer/prompts costs ~45 ms to load, so it
 * is imported only here, when a prompt is really shown. Ctrl-C becomes
 * InterruptedError (exit 130).
 */
export async function confirmOnTerminal(
  message: string,
  defaultYes: boolean,
  output: NodeJS.WritableStream,
): Promise<boolean> {
  const { confirm } = loadLibrary('@inquirer/prompts') as typeof import('@inquirer/prompts');
  try {
    return await confirm({ message, default: defaultYes }, { output });
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') {
      throw new InterruptedError('interrupted', 'nothing was written');
    }
    throw err;
  }
}
