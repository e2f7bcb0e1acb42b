import type { IcsStyle } from '../../../interop/export/ics.js';
import { emptyDump } from '../../../interop/export/jsonl.js';
import { contactVdirItems, followUpVdirItems } from '../../../interop/export/vdir.js';
import { forTerminal } from '../../../output/sanitize.js';
import { dumpJournal } from '../../../storage/dump.js';
import type { Context } from '../../context.js';
import { writeVdir } from '../../vdir-files.js';

function count(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/**
 * `export --format ics|vcard --vdir DIR`: the open follow-ups (or the
 * contacts) as one file each in DIR, and one line on stderr saying what
 * changed there. The journal is read before DIR is touched, so a journal
 * that cannot be read leaves DIR as it was.
 */
export function exportVdir(ctx: Context, format: 'ics' | 'vcard', as: IcsStyle, dir: string): void {
  const db = ctx.readJournal();
  const dump = db ? dumpJournal(db) : emptyDump();
  const items = format === 'ics' ? followUpVdirItems(dump, as) : contactVdirItems(dump);
  const { written, unchanged, removed } = writeVdir(dir, format === 'ics' ? 'ics' : 'vcf', items);
  const holds =
    format === 'ics'
      ? `${count(items.length, 'open follow-up')} as ${as === 'todo' ? 'to-dos' : 'all-day events'}`
      : count(items.length, 'contact');
  ctx.info(
    `Exported ${holds} to the vdir ${forTerminal(dir)}: ` +
      `${written} written, ${unchanged} unchanged, ${removed} removed.`,
  );
}
