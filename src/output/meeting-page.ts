import type { FollowUp, Gift, Meeting, Note } from '../domain/journal-types.js';
import { followUpLines } from './recorded.js';
import { relativeDay } from './relative.js';
import { forTerminal } from './sanitize.js';
import type { Terminal } from './terminal.js';
import { displayWidth } from './width.js';
import { wrapLine } from './wrap.js';

/** `meeting show` on a terminal: the meeting, then what came of it. */
export function meetingPage(
  m: { meeting: Meeting; followUps: FollowUp[]; notes: Note[]; gifts: Gift[] },
  term: Terminal,
  today: string,
): string {
  const { chalk } = term;
  const { meeting } = m;
  // On a terminal user text wraps under its first character, read whole.
  const fit = (prefix: string, safe: string): string =>
    prefix +
    (term.isTTY
      ? wrapLine(safe, Math.max(20, term.columns - displayWidth(prefix))).join(
          `\n${' '.repeat(displayWidth(prefix))}`,
        )
      : safe);
  const lines = [
    chalk.bold(`Meeting ${meeting.id}: ${meeting.kind}${meeting.outreach ? ' (outreach)' : ''}`),
    `Date:  ${meeting.date} (${relativeDay(meeting.date, today)})`,
    fit('With:  ', meeting.contacts.map((c) => `${forTerminal(c.name)} (#${c.id})`).join(', ')),
  ];
  if (meeting.notes) lines.push(fit('Notes: ', forTerminal(meeting.notes)));
  if (m.notes.length) {
    lines.push('', chalk.bold('Learned'));
    lines.push(
      ...m.notes.map((n) => fit('  ', `${forTerminal(n.contact.name)}: ${forTerminal(n.text)}`)),
    );
  }
  if (m.gifts.length) {
    lines.push('', chalk.bold('Gave'));
    lines.push(
      ...m.gifts.map((g) => fit('  ', `${forTerminal(g.contact.name)}: ${forTerminal(g.text)}`)),
    );
  }
  if (m.followUps.length) {
    lines.push('', chalk.bold('Follow-ups'));
    lines.push(
      ...followUpLines(m.followUps, term, today).map((l, i) => {
        const f = m.followUps[i] as FollowUp;
        return f.status === 'open' ? l : chalk.dim(l);
      }),
    );
  }
  return lines.join('\n') + '\n';
}
