import type { TempJournal } from './run-cli.js';

/** Everything a journal holds, as the CLI shows it: for "nothing was written" checks. */
export async function journalState(j: TempJournal): Promise<string> {
  const parts = await Promise.all([
    j.run(['contacts', '--json', '--archived']),
    j.run(['log', '--json']),
    j.run(['follow-ups', '--all', '--json']),
  ]);
  return parts.map((p) => p.stdout).join('');
}
