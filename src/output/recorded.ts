import type { NameOutcome, RecordedMeeting } from '../domain/capture.js';
import type { FollowUp } from '../domain/journal-types.js';
import type { JsonRecord } from './record-view.js';
import { forTerminal } from './sanitize.js';
import type { Terminal } from './terminal.js';
import { displayWidth } from './width.js';
import { wrapLine } from './wrap.js';
import {
  followUpView,
  giftView,
  introductionView,
  meetingView,
  noteView,
} from './views/journal-views.js';
import { followUpState } from './relative.js';

/** The JSON document `add --json` prints. */
export function recordedJson(r: RecordedMeeting): JsonRecord {
  return {
    meeting: meetingView.toRecord(r.meeting),
    contactsCreated: r.names
      .filter((n) => n.how === 'created')
      .concat(r.via?.how === 'created' ? [r.via] : [])
      .map((n) => ({ id: n.contact.id, name: n.contact.name })),
    introductions: r.introductions.map(introductionView.toRecord),
    followUps: r.followUps.map(followUpView.toRecord),
    notes: r.notes.map(noteView.toRecord),
    gifts: r.gifts.map(giftView.toRecord),
    ...(r.answered.length ? { answered: r.answered.map(followUpView.toRecord) } : {}),
  };
}

/** One entry per follow-up (more than one line when its text wraps): its id (to type into `done`), kind, when due (or when closed), text. */
export function followUpLines(
  followUps: readonly FollowUp[],
  term: Terminal,
  today: string,
): string[] {
  const idWidth = Math.max(...followUps.map((f) => String(f.id).length), 1);
  const states = followUps.map((f) => followUpState(f, today));
  const stateWidth = Math.max(...states.map((s) => s.length));
  return followUps.map((f, i) => {
    const kind = f.kind.replace('_', '-').padEnd(11);
    const due = (states[i] ?? '').padEnd(stateWidth);
    const id = String(f.id).padStart(idWidth);
    // On a terminal a long text wraps under its first character, so the list's
    // columns stay whole (only there: measuring loads string-width, which a
    // piped `add` need not).
    const safe = forTerminal(f.text);
    const indent = displayWidth(`  ${id}  ${kind} ${due}  `);
    const text = term.isTTY
      ? wrapLine(safe, Math.max(20, term.columns - indent)).join(`\n${' '.repeat(indent)}`)
      : safe;
    return `  ${term.chalk.dim(id)}  ${kind} ${due}  ${text}`;
  });
}

/** Say which typed names became new contacts, and which matched by prefix or e-mail. */
export function nameNotices(outcomes: readonly NameOutcome[]): string[] {
  const lines: string[] = [];
  for (const n of outcomes) {
    const who = `${forTerminal(n.contact.name)} (#${n.contact.id})`;
    if (n.how === 'created' && n.near?.length) {
      const [first] = n.near;
      const others = n.near.map((c) => `${forTerminal(c.name)} ('#${c.id}')`).join(' or ');
      lines.push(
        `New contact: ${who} — did you mean ${others}? If so, merge them: netjournal contact merge '#${first?.id}' '#${n.contact.id}'`,
      );
    } else if (n.how === 'created') lines.push(`New contact: ${who}.`);
    else if (n.how === 'prefix' || n.how === 'email') {
      lines.push(`"${forTerminal(n.query)}" is ${who}.`);
    }
  }
  return lines;
}

/** What `add` tells the user on stderr: who was created or matched, the meeting, its follow-ups. */
export function recordedSummary(r: RecordedMeeting, term: Terminal, today: string): string {
  const { chalk } = term;
  const lines = nameNotices([...r.names, ...(r.via ? [r.via] : [])]);
  for (const i of r.introductions) {
    lines.push(
      `${forTerminal(i.introducer.name)} introduced ${forTerminal(i.person.name)} to you.`,
    );
  }
  const m = r.meeting;
  const people = m.contacts.map((c) => forTerminal(c.name)).join(', ');
  lines.push(
    `Logged ${m.kind}${m.outreach ? ' (outreach)' : ''} with ${chalk.bold(people)} on ${m.date} ${chalk.dim(`(meeting ${m.id})`)}.`,
  );
  if (r.notes.length)
    lines.push(`Noted ${r.notes.length} thing${r.notes.length > 1 ? 's' : ''} learned.`);
  if (r.gifts.length)
    lines.push(`Recorded ${r.gifts.length} thing${r.gifts.length > 1 ? 's' : ''} you gave.`);
  for (const f of r.answered) {
    lines.push(`They replied: follow-up ${f.id} (${forTerminal(f.text)}) done.`);
  }
  if (r.followUps.length) {
    lines.push('Follow-ups:');
    lines.push(...followUpLines(r.followUps, term, today));
  }
  return lines.join('\n') + '\n';
}
