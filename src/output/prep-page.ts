import type { Contact } from '../domain/contact.js';
import type {
  ContactRef,
  FollowUp,
  Gift,
  Introduction,
  Meeting,
  Note,
} from '../domain/journal-types.js';
import type { RelatedContact } from '../domain/reach.js';
import type { JsonRecord } from './record-view.js';
import { dueWords, relativeDay } from './relative.js';
import { forTerminal } from './sanitize.js';
import type { Terminal } from './terminal.js';
import { contactView } from './views/contacts.js';
import { followUpView, giftView, meetingView, noteView } from './views/journal-views.js';
import { displayWidth, truncate } from './width.js';

/** Everything `prep` tells about one contact before meeting them. */
export interface PrepBrief {
  contact: Contact;
  /** All meetings with them, ever. */
  meetingCount: number;
  /** How the user came to know them: first link first, ending with the contact. */
  chain: ContactRef[];
  /** Things learned, newest first. */
  learned: Note[];
  /** The latest meetings (at most three), newest first. */
  lastMeetings: Meeting[];
  /** Open follow-ups the user owes them (action, thank-you, report-back), by due date. */
  promised: FollowUp[];
  /** Open `waiting` follow-ups: what they offered, by due date. */
  offered: FollowUp[];
  /** Introductions they made to the user, newest first. */
  introducedYouTo: Introduction[];
  /** Things given to them, newest first. */
  gifts: Gift[];
  /** Other contacts at their company or sharing a tag. */
  related: RelatedContact[];
}

/** `prep --json`: one object with the contact record and the brief's lists. */
export function prepRecord(b: PrepBrief): JsonRecord {
  return {
    contact: contactView.toRecord(b.contact),
    chain: b.chain.map((c) => c.name),
    learned: b.learned.map(noteView.toRecord),
    lastMeetings: b.lastMeetings.map(meetingView.toRecord),
    promised: b.promised.map(followUpView.toRecord),
    offered: b.offered.map(followUpView.toRecord),
    introducedYouTo: b.introducedYouTo.map((i) => ({
      name: i.person.name,
      contactId: i.person.id,
      date: i.date,
      reportedBack: i.reportedBack,
    })),
    gifts: b.gifts.map(giftView.toRecord),
    related: b.related.map((r) => ({ name: r.name, contactId: r.id, reason: r.reason })),
  };
}

const MAX_LEARNED = 5;
const MAX_INTRODUCED = 5;
const MAX_GIFTS = 3;
const INDENT = '  ';

/** The lines being drawn and the helpers each section shares. */
class Brief {
  readonly lines: string[] = [];
  readonly chalk: Terminal['chalk'];
  /** The contact's name, quoted, for commands suggested on the page. */
  readonly quoted: string;

  constructor(
    readonly b: PrepBrief,
    private readonly term: Terminal,
    readonly today: string,
  ) {
    this.chalk = term.chalk;
    this.quoted = `"${forTerminal(b.contact.name)}"`;
  }

  heading(text: string): void {
    this.lines.push('', this.chalk.bold.cyan(text));
  }

  /** Already-sanitised text cut to what the terminal leaves after prefix (plain width). */
  fitSafe(prefix: string, safe: string): string {
    if (!this.term.isTTY) return safe;
    return truncate(safe, Math.max(10, this.term.columns - displayWidth(prefix)));
  }

  /** User text, sanitised and cut to the terminal's width. */
  fit(prefix: string, text: string): string {
    return this.fitSafe(prefix, forTerminal(text));
  }

  dated(date: string, text: string, suffix = '', suffixWidth = 0): void {
    const prefix = `${INDENT}${date}  `;
    const room = prefix + ' '.repeat(suffixWidth);
    this.lines.push(prefix + this.fit(room, text) + suffix);
  }

  /** Dim advice; any user text in it must already be sanitised. */
  hint(text: string): void {
    this.lines.push(INDENT + this.chalk.dim(this.fitSafe(INDENT, text)));
  }

  more(shown: number, total: number, command: string): void {
    if (total > shown) this.hint(`… ${total - shown} more (${command})`);
  }
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

function drawHeadline(page: Brief): void {
  const { chalk, b } = page;
  const c = b.contact;
  const work = [c.role, c.company].filter((v): v is string => v !== null && v !== '').join(' @ ');
  const archivedText = c.archived ? '  (archived)' : '';
  // A long name is cut first, keeping room for its " · " and ten cells of the work.
  const name = page.fitSafe(
    work ? `${archivedText} · ${' '.repeat(10)}` : archivedText,
    forTerminal(c.name),
  );
  const archived = c.archived ? `  ${chalk.yellow('(archived)')}` : '';
  page.lines.push(
    chalk.bold(name) + (work ? ' · ' + page.fit(`${name} · ${archivedText}`, work) : '') + archived,
  );
  const met =
    c.lastMet === null
      ? chalk.dim('never met yet')
      : page.fitSafe(
          INDENT,
          `last met ${relativeDay(c.lastMet, page.today)} (${c.lastMet}) · met ${times(b.meetingCount)}`,
        );
  page.lines.push(INDENT + met);
  const chain =
    b.chain.length > 1
      ? page.fit(`${INDENT}How you know them: `, b.chain.map((l) => l.name).join(' → '))
      : chalk.dim('directly, no introduction recorded');
  page.lines.push(`${INDENT}How you know them: ${chain}`);
}

function drawLearned(page: Brief): void {
  const { learned } = page.b;
  page.heading('Remember');
  if (learned.length === 0)
    page.hint(`nothing yet; learn three things: netjournal note ${page.quoted} "…"`);
  for (const n of learned.slice(0, MAX_LEARNED)) page.dated(n.date, n.text);
  page.more(MAX_LEARNED, learned.length, `netjournal contact show ${page.quoted}`);
}

function drawMeetings(page: Brief): void {
  const { lastMeetings, contact, meetingCount } = page.b;
  page.heading('Last time');
  if (lastMeetings.length === 0)
    page.hint(`never met; log it after: netjournal add ${page.quoted}`);
  for (const m of lastMeetings) {
    const others = m.contacts.filter((o) => o.id !== contact.id).map((o) => o.name);
    const prefix = `${INDENT}${m.date}  ${m.kind}${m.outreach ? ' (outreach)' : ''}`;
    const text =
      (others.length ? ` with ${others.join(', ')}` : '') + (m.notes ? `: ${m.notes}` : '');
    page.lines.push(prefix + page.fit(prefix, text));
  }
  page.more(lastMeetings.length, meetingCount, `netjournal log ${page.quoted}`);
}

function drawFollowUps(page: Brief, title: string, items: readonly FollowUp[]): void {
  if (items.length === 0) return;
  const { chalk, today } = page;
  page.heading(title);
  for (const f of items) {
    const kind = f.kind.replace('_', '-');
    const due = dueWords(f.due, today);
    const styled = f.due < today ? chalk.red(due) : f.due === today ? chalk.yellow(due) : due;
    const plain = `${INDENT}${f.id}  ${kind}  ${due}  `;
    page.lines.push(
      `${INDENT}${chalk.dim(String(f.id))}  ${kind}  ${styled}  ${page.fit(plain, f.text)}`,
    );
  }
}

function drawIntroduced(page: Brief): void {
  const { introducedYouTo } = page.b;
  if (introducedYouTo.length === 0) return;
  page.heading('They introduced you to');
  for (const i of introducedYouTo.slice(0, MAX_INTRODUCED)) {
    const status = i.reportedBack ? 'reported back' : 'not reported back';
    const styled = i.reportedBack ? page.chalk.dim(status) : page.chalk.yellow(status);
    page.dated(i.date, i.person.name, ` · ${styled}`, status.length + 3);
  }
  page.more(MAX_INTRODUCED, introducedYouTo.length, `netjournal intros --by ${page.quoted}`);
}

function drawGifts(page: Brief): void {
  const { gifts } = page.b;
  if (gifts.length === 0) return;
  page.heading('You gave');
  for (const g of gifts.slice(0, MAX_GIFTS)) page.dated(g.date, g.text);
  page.more(MAX_GIFTS, gifts.length, `netjournal contact show ${page.quoted}`);
}

/** "Also at Acme: Lena Berg, Omar" and "Also tagged design: Priya", one line per reason. */
function drawRelated(page: Brief): void {
  const { related, contact } = page.b;
  if (related.length === 0) return;
  const groups = new Map<string, string[]>();
  for (const r of related) groups.set(r.reason, [...(groups.get(r.reason) ?? []), r.name]);
  page.lines.push('');
  for (const [reason, names] of groups) {
    const label = forTerminal(
      reason === 'same company'
        ? `Also at ${contact.company ?? ''}`
        : `Also tagged ${reason.slice(4)}`,
    );
    const prefix = `${label}: `;
    page.lines.push(page.chalk.bold.cyan(label) + ': ' + page.fit(prefix, names.join(', ')));
  }
}

/**
 * The one-screen brief drawn on a terminal: who they are and when you last
 * met, how you know them, what to remember, the last meetings, what is owed
 * both ways, the introductions they made, gifts and related contacts. All
 * user text is sanitised; empty sections are left out, except the two that
 * nudge (things learned, meetings).
 */
export function prepPage(b: PrepBrief, term: Terminal, today: string): string {
  const page = new Brief(b, term, today);
  drawHeadline(page);
  drawLearned(page);
  drawMeetings(page);
  drawFollowUps(page, 'You promised', b.promised);
  drawFollowUps(page, 'They offered', b.offered);
  drawIntroduced(page);
  drawGifts(page);
  drawRelated(page);
  return page.lines.join('\n') + '\n';
}
