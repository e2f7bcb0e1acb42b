import type { Contact } from '../domain/contact.js';
import { cadenceWords } from '../domain/cadence.js';
import { CONTACT, CONTACT_INPUT_FIELDS } from '../model/declarations.js';
import type {
  ContactRef,
  FollowUp,
  Gift,
  Introduction,
  Meeting,
  Note,
} from '../domain/journal-types.js';
import type { JsonRecord } from './record-view.js';
import { dueWords, relativeDay } from './relative.js';
import { forTerminal } from './sanitize.js';
import type { Terminal } from './terminal.js';
import { contactView } from './views/contacts.js';
import {
  followUpView,
  giftView,
  introductionView,
  meetingView,
  noteView,
} from './views/journal-views.js';
import { displayWidth, truncate } from './width.js';
import { wrapLine } from './wrap.js';

/** Everything `contact show` tells about one contact. */
export interface ContactProfile {
  contact: Contact;
  /** The user's own contact id, so "me" reads as "you". */
  meId: number;
  /** How the user came to know them: first link first, ending with the contact. */
  chain: ContactRef[];
  /** Newest first. */
  notes: Note[];
  /** Newest first, all of them. */
  meetings: Meeting[];
  /** Open ones, by due date. */
  followUps: FollowUp[];
  /** Involving them in any role, newest first. */
  introductions: Introduction[];
  /** Newest first. */
  gifts: Gift[];
  /** The cadence that applies to them and when a reconnect is due, if any. */
  cadence: { days: number; fromCircle: boolean; due: string | null } | null;
}

/** `contact show --json`: the contact record plus what the profile lists. */
export function profileRecord(p: ContactProfile): JsonRecord {
  return {
    ...contactView.toRecord(p.contact),
    chain: p.chain.map((c) => c.name),
    notes: p.notes.map(noteView.toRecord),
    meetings: p.meetings.map(meetingView.toRecord),
    followUps: p.followUps.map(followUpView.toRecord),
    introductions: p.introductions.map(introductionView.toRecord),
    gifts: p.gifts.map(giftView.toRecord),
  };
}

const MAX_NOTES = 10;
const MAX_MEETINGS = 5;
const MAX_INTRODUCTIONS = 5;
const MAX_GIFTS = 5;
const INDENT = '  ';
const LABEL_WIDTH = 10;

/** The lines of the page being drawn, and what every section needs to draw its own. */
class Page {
  readonly lines: string[] = [];
  readonly chalk: Terminal['chalk'];
  /** The contact's name, quoted, for commands suggested on the page. */
  readonly quoted: string;

  constructor(
    readonly p: ContactProfile,
    private readonly term: Terminal,
    readonly today: string,
  ) {
    this.chalk = term.chalk;
    this.quoted = `"${forTerminal(p.contact.name)}"`;
  }

  heading(text: string): void {
    this.lines.push('', this.chalk.bold.cyan(text));
  }

  /** User text, sanitised, cut to what is left of the terminal's width after prefix. */
  fit(prefix: string, text: string): string {
    const safe = forTerminal(text);
    if (!this.term.isTTY) return safe;
    return truncate(safe, Math.max(10, this.term.columns - displayWidth(prefix)));
  }

  /**
   * A line of text after prefix (which may be coloured): on a terminal it
   * wraps at spaces, its further lines under the text's first character, so
   * a long note is read whole. text is sanitised here; suffix is not.
   */
  wrapped(prefix: string, text: string, suffix = ''): void {
    const line = forTerminal(text) + suffix;
    if (!this.term.isTTY) {
      this.lines.push(prefix + line);
      return;
    }
    const indent = displayWidth(prefix);
    const [first = '', ...rest] = wrapLine(line, Math.max(20, this.term.columns - indent));
    this.lines.push(prefix + first, ...rest.map((l) => ' '.repeat(indent) + l));
  }

  /** The id a command takes (`note edit 4`, `meeting show 2`, `done 6`), dim, padded to width. */
  id(id: number, width: number): string {
    return `${INDENT}${this.chalk.dim(String(id).padStart(width))}  `;
  }

  /** A dated line of user text with its id, e.g. a note or a gift. */
  dated(id: string, date: string, text: string, suffix = ''): void {
    this.wrapped(`${id}${date}  `, text, suffix);
  }

  /** A hint (its names already sanitised), cut to the terminal's width: a long name must not wrap it. */
  hint(text: string): void {
    const fitted = this.term.isTTY
      ? truncate(text, Math.max(10, this.term.columns - INDENT.length))
      : text;
    this.lines.push(INDENT + this.chalk.dim(fitted));
  }

  more(shown: number, total: number, command: string): void {
    if (total > shown) this.hint(`… ${total - shown} more (${command})`);
  }

  /** A contact as the page names them: "you" for the user, sanitised otherwise. */
  who(ref: ContactRef): string {
    return ref.id === this.p.meId ? 'you' : forTerminal(ref.name);
  }

  relative(date: string): string {
    return relativeDay(date, this.today);
  }

  /** Red when late, yellow when due today. */
  due(date: string, text: string): string {
    if (date < this.today) return this.chalk.red(text);
    return date === this.today ? this.chalk.yellow(text) : text;
  }
}

/** The widest of some ids, in characters. */
const idWidth = (ids: readonly { id: number }[]): number =>
  Math.max(1, ...ids.map((r) => String(r.id).length));

function drawDetails(page: Page): void {
  const { chalk, p } = page;
  const c = p.contact;
  const tail = `  #${c.id}${c.archived ? '  (archived)' : ''}`;
  page.lines.push(
    `${chalk.bold(page.fit(tail, c.name))}  ${chalk.dim(`#${c.id}`)}` +
      (c.archived ? `  ${chalk.yellow('(archived)')}` : ''),
  );
  const detail = (label: string, value: string | null, extra = ''): void => {
    if (value === null || value === '') return;
    page.wrapped(INDENT + chalk.dim(label.padEnd(LABEL_WIDTH)), value, extra);
  };
  const when = (date: string): string => ' ' + chalk.dim(`(${page.relative(date)})`);
  // The fields a person sets, in declaration order (model/declarations.ts); the cadence as due.
  const fields = c as unknown as Record<string, string | number | null>;
  // The nicknames follow the name (the declaration lists them after it).
  detail('nicknames', c.aliases.join(', '));
  for (const field of CONTACT_INPUT_FIELDS) {
    if (field.input === 'interval') drawCadence(page, detail);
    else detail(field.label ?? field.key, fields[field.key] as string | null);
    if (CONTACT.lists.some((l) => l.key === 'tags' && l.after === field.key))
      detail('tags', c.tags.join(', '));
  }
  detail('created', c.created, when(c.created));
  const lastMet = c.lastMet === null ? chalk.dim('never') : c.lastMet + when(c.lastMet);
  page.lines.push(INDENT + chalk.dim('last met'.padEnd(LABEL_WIDTH)) + lastMet);
}

function drawCadence(
  page: Page,
  detail: (label: string, value: string | null, extra?: string) => void,
): void {
  const cadence = page.p.cadence;
  if (!cadence) return;
  const { days, fromCircle, due } = cadence;
  // When a reconnect is due, in the words of every other due date ("due in 9 days").
  const reconnect =
    due === null ? '' : ` · ${page.due(due, `reconnect ${dueWords(due, page.today)}`)}`;
  detail('cadence', `${cadenceWords(days)}${fromCircle ? ' (circle default)' : ''}`, reconnect);
}

function drawChain(page: Page): void {
  page.heading('How you know them');
  const { chain } = page.p;
  if (chain.length > 1)
    page.lines.push(INDENT + chain.map((link) => forTerminal(link.name)).join(' → '));
  else page.hint('directly: no introduction recorded');
}

function drawNotes(page: Page): void {
  const { notes } = page.p;
  page.heading('Things learned');
  if (notes.length === 0)
    page.hint(`nothing yet; learn three things: netjournal note ${page.quoted} "…"`);
  const shown = notes.slice(0, MAX_NOTES);
  for (const n of shown) page.dated(page.id(n.id, idWidth(shown)), n.date, n.text);
  page.more(MAX_NOTES, notes.length, `netjournal contact show ${page.quoted} --json`);
}

function drawMeetings(page: Page): void {
  const { meetings, contact } = page.p;
  page.heading('Recent meetings');
  if (meetings.length === 0) page.hint(`none yet; log one: netjournal add ${page.quoted}`);
  const shown = meetings.slice(0, MAX_MEETINGS);
  for (const m of shown) {
    // Names come sanitised from page.who; the notes are sanitised by wrapped.
    const others = m.contacts.filter((o) => o.id !== contact.id).map((o) => page.who(o));
    const what =
      `${m.kind}${m.outreach ? ' (outreach)' : ''}` +
      (others.length ? ` with ${others.join(', ')}` : '') +
      (m.notes ? `: ${m.notes}` : '');
    page.dated(page.id(m.id, idWidth(shown)), m.date, what);
  }
  page.more(MAX_MEETINGS, meetings.length, `netjournal log ${page.quoted}`);
}

/** Open follow-ups both ways: what the user owes them, and what they offered (waiting). */
function drawFollowUps(page: Page): void {
  const section = (title: string, items: FollowUp[]): void => {
    if (items.length === 0) return;
    page.heading(title);
    // Kinds and due dates in columns, so that the texts start under each other.
    const kinds = items.map((f) => f.kind.replace('_', '-'));
    const dues = items.map((f) => dueWords(f.due, page.today));
    const kindWidth = Math.max(...kinds.map((k) => k.length));
    const dueWidth = Math.max(...dues.map((d) => d.length));
    items.forEach((f, i) => {
      const kind = (kinds[i] ?? '').padEnd(kindWidth);
      const due = page.due(f.due, (dues[i] ?? '').padEnd(dueWidth));
      page.wrapped(`${page.id(f.id, idWidth(items))}${kind}  ${due}  `, f.text);
    });
  };
  section(
    'You owe them',
    page.p.followUps.filter((f) => f.kind !== 'waiting'),
  );
  section(
    'They offered',
    page.p.followUps.filter((f) => f.kind === 'waiting'),
  );
}

function drawIntroductions(page: Page): void {
  const { introductions, contact, meId } = page.p;
  const made = introductions.filter((i) => i.introducer.id === contact.id);
  if (made.length) {
    page.heading('Introductions they made');
    const shown = made.slice(0, MAX_INTRODUCTIONS);
    for (const i of shown) {
      // Reporting back is owed to whoever introduced someone to the user.
      const status =
        i.to.id !== meId
          ? ''
          : i.reportedBack
            ? ' · reported back'
            : ` · ${page.chalk.yellow('not reported back yet')}`;
      page.dated(
        page.id(i.id, idWidth(shown)),
        i.date,
        `introduced ${i.person.id === meId ? 'you' : i.person.name} to ${i.to.id === meId ? 'you' : i.to.name}`,
        status,
      );
    }
    page.more(MAX_INTRODUCTIONS, made.length, `netjournal intros --by ${page.quoted}`);
  }
  const others = introductions.filter((i) => i.introducer.id !== contact.id);
  if (others.length) {
    page.heading('Other introductions');
    const shown = others.slice(0, MAX_INTRODUCTIONS);
    const name = (ref: ContactRef): string => (ref.id === meId ? 'you' : ref.name);
    for (const i of shown) {
      page.dated(
        page.id(i.id, idWidth(shown)),
        i.date,
        `${name(i.introducer)} introduced ${name(i.person)} to ${name(i.to)}`,
      );
    }
    page.more(MAX_INTRODUCTIONS, others.length, `netjournal intros --of ${page.quoted}`);
  }
}

function drawGifts(page: Page): void {
  const { gifts } = page.p;
  if (gifts.length === 0) return;
  page.heading('Gifts');
  const shown = gifts.slice(0, MAX_GIFTS);
  for (const g of shown) page.dated(page.id(g.id, idWidth(shown)), g.date, g.text);
  page.more(MAX_GIFTS, gifts.length, `netjournal contact show ${page.quoted} --json`);
}

/**
 * The one-screen profile drawn on a terminal: details, how the user knows
 * them, things learned, recent meetings, open follow-ups both ways,
 * introductions and gifts. All user text is sanitised; empty optional
 * sections are left out.
 */
export function renderProfile(p: ContactProfile, term: Terminal, today: string): string {
  const page = new Page(p, term, today);
  for (const draw of [
    drawDetails,
    drawChain,
    drawNotes,
    drawMeetings,
    drawFollowUps,
    drawIntroductions,
    drawGifts,
  ]) {
    draw(page);
  }
  return page.lines.join('\n') + '\n';
}
