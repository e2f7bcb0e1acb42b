import { loadLibrary } from '../load-library.js';
import type { AddRequest } from '../domain/capture.js';
import { validateName } from '../domain/contact.js';
import { foldName } from '../domain/names.js';
import { parseDueDate, parseEventDate } from '../domain/date-bounds.js';
import { addDays, type DateDirection } from '../domain/dates.js';
import { MEETING_KINDS, NO_THANK_YOU_KINDS } from '../domain/journal-types.js';
import { InterruptedError, NetjournalError } from '../errors.js';
import { forTerminal } from '../output/sanitize.js';

/** What the interactive add flow is given. */
export interface AddPromptOptions {
  today: string;
  /** Existing contacts offered in the "who" prompt. */
  contacts: { id: number; name: string; company: string | null }[];
}

type KnownContact = AddPromptOptions['contacts'][number];

/** Someone picked in the "who" prompt: an existing contact (its id) or a new name (id null). */
export interface PickedPerson {
  id: number | null;
  name: string;
}

/** A choice in a search prompt, in the shape @inquirer/prompts takes. */
export interface PromptChoice<V> {
  value: V;
  name: string;
  short?: string;
  /** Shown greyed out with this reason; cannot be picked. */
  disabled?: string;
}

/** Inquirer's validate: true, or the message to show under the answer. */
export type Validate = (value: string) => true | string;

/** The prompts the add flow needs: inquirer on stderr for real, a script in tests. */
export interface AddAsker {
  search<V>(message: string, source: (term: string) => PromptChoice<V>[]): Promise<V>;
  select<V extends string>(message: string, choices: readonly V[], defaultValue: V): Promise<V>;
  input(message: string, options?: { default?: string; validate?: Validate }): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  /** Print a block of text (the summary) where the prompts are drawn. */
  say(text: string): void;
}

const NEW_MARK = '＋ new contact: ';

function describeContact(c: KnownContact): string {
  return `${forTerminal(c.name)}${c.company ? ` (${forTerminal(c.company)})` : ''}  #${c.id}`;
}

// The command resolves a typed name by exact name, then unique prefix, so a "new" name that
// is a prefix of an existing one would silently land on that contact (or be ambiguous).
function newNameProblem(
  name: string,
  contacts: readonly KnownContact[],
  picked: readonly PickedPerson[],
): string | undefined {
  try {
    validateName(name);
  } catch (err) {
    if (err instanceof NetjournalError) return `(${err.message})`;
    throw err;
  }
  const lower = foldName(name);
  if (picked.some((p) => foldName(p.name) === lower)) return '(already added)';
  if (contacts.some((c) => foldName(c.name).startsWith(lower))) {
    return '(matches an existing name: pick it, or use netjournal add --new)';
  }
  return undefined;
}

/**
 * The "who" prompt's choices for what has been typed: contacts whose name or company
 * contains it (names starting with it first), then the typed text as a new contact.
 */
export function whoChoices(
  term: string,
  contacts: readonly KnownContact[],
  picked: readonly PickedPerson[],
): PromptChoice<PickedPerson>[] {
  const typed = term.trim();
  const needle = foldName(typed);
  const matches = contacts.filter(
    (c) =>
      !picked.some((p) => p.id === c.id) &&
      (foldName(c.name).includes(needle) || foldName(c.company ?? '').includes(needle)),
  );
  const existing = (c: KnownContact): PromptChoice<PickedPerson> => ({
    value: { id: c.id, name: c.name },
    name: describeContact(c),
    short: forTerminal(c.name),
  });
  if (typed === '') return matches.map(existing);
  const leading = matches.filter((c) => foldName(c.name).startsWith(needle));
  const rest = matches.filter((c) => !leading.includes(c));
  const fresh: PromptChoice<PickedPerson> = {
    value: { id: null, name: typed },
    name: NEW_MARK + forTerminal(typed),
    short: `${forTerminal(typed)} (new)`,
  };
  const problem = newNameProblem(typed, contacts, picked);
  if (problem !== undefined) fresh.disabled = problem;
  return [...leading.map(existing), fresh, ...rest.map(existing)];
}

/** The date a prompt's answer names: when it happened ('past') or when it is due ('future'). */
function parseAnswerDate(value: string, today: string, direction: DateDirection): string {
  return direction === 'past' ? parseEventDate(value, today) : parseDueDate(value, today);
}

/** A validate that shows the date parser's own message and hint inline. */
export function dateValidator(today: string, direction: DateDirection): Validate {
  return (value) => {
    try {
      parseAnswerDate(value, today, direction);
      return true;
    } catch (err) {
      if (err instanceof NetjournalError) return forTerminal(`${err.message} — ${err.hint}`);
      throw err;
    }
  };
}

interface ViaChoice {
  /** What goes into the request: #ID for an existing contact, else the new name. */
  query: string;
  shown: string;
}

// Mirrors the command's lookup (#ID, exact name, unique prefix) so a bad introducer is
// caught at the prompt instead of failing after every question was answered.
function resolveVia(
  typed: string,
  contacts: readonly KnownContact[],
  people: readonly PickedPerson[],
): ViaChoice | string {
  const lower = foldName(typed);
  const pool: PickedPerson[] = [...contacts, ...people.filter((p) => p.id === null)];
  const idMatch = /^#(\d+)$/.exec(typed);
  let matches: PickedPerson[];
  if (idMatch) {
    matches = pool.filter((c) => c.id === Number(idMatch[1]));
    if (matches.length === 0) return `no contact ${typed}`;
  } else {
    try {
      validateName(typed);
    } catch (err) {
      if (err instanceof NetjournalError) return `${err.message}: name who introduced you`;
      throw err;
    }
    const exact = pool.filter((c) => foldName(c.name) === lower);
    matches = exact.length > 0 ? exact : pool.filter((c) => foldName(c.name).startsWith(lower));
  }
  if (matches.length > 1) {
    const listed = matches.map((c) => (c.id === null ? c.name : `${c.name} #${c.id}`));
    return `"${typed}" matches ${listed.join(', ')}: type more of the name, or its #id`;
  }
  const match = matches[0];
  if (match === undefined) return { query: typed, shown: `${typed} (new)` };
  if (people.some((p) => p === match || (match.id !== null && p.id === match.id))) {
    return `${match.name} is in this meeting: name who introduced you`;
  }
  // An existing match is passed as #ID: the typed prefix could mean someone else by then.
  return match.id === null
    ? { query: match.name, shown: match.name }
    : { query: `#${match.id}`, shown: match.name };
}

async function askWho(ask: AddAsker, contacts: readonly KnownContact[]): Promise<PickedPerson[]> {
  const people: PickedPerson[] = [];
  do {
    const message = people.length === 0 ? 'Who did you meet?' : 'Who else?';
    const source = (term: string): PromptChoice<PickedPerson>[] =>
      whoChoices(term, contacts, people);
    people.push(await ask.search(`${message} (type to search or add)`, source));
  } while (await ask.confirm('Anyone else?', false));
  return people;
}

async function askUntilEmpty(ask: AddAsker, message: string): Promise<string[]> {
  const answers: string[] = [];
  for (;;) {
    const text = (await ask.input(message)).trim();
    if (text === '') return answers;
    answers.push(text);
  }
}

function summary(request: AddRequest, people: readonly PickedPerson[], via: string | null): string {
  const t = forTerminal;
  const none = '—';
  const row = (label: string, values: string[]): string[] =>
    (values.length > 0 ? values : [none]).map(
      (v, i) => `  ${(i === 0 ? label : '').padEnd(11)}${v}`,
    );
  return [
    'Meeting to log:',
    ...row('who', [people.map((p) => t(p.name) + (p.id === null ? ' (new)' : '')).join(', ')]),
    ...row('kind', [request.kind]),
    ...row('date', [request.date]),
    ...row('notes', request.notes === null ? [] : [t(request.notes)]),
    ...row('learned', request.learned.map(t)),
    ...row('via', via === null ? [] : [t(via)]),
    ...row(
      'follow-ups',
      request.followUps.map((f) => `${t(f.text)} (due ${f.due})`),
    ),
    ...row('thank-you', [request.thankYou ? `yes (due ${addDays(request.date, 1)})` : 'no']),
    '',
  ].join('\n');
}

/** The interactive add, question by question; null when the user declines at the summary. */
export async function runAddFlow(
  ask: AddAsker,
  options: AddPromptOptions,
): Promise<AddRequest | null> {
  const { today, contacts } = options;
  const people = await askWho(ask, contacts);
  const first = forTerminal((people[0] as PickedPerson).name);
  const everyone = people.map((p) => forTerminal(p.name)).join(', ');

  const kind = await ask.select('Kind of meeting', MEETING_KINDS, 'coffee');
  const when = await ask.input('When was it?', {
    default: 'today',
    validate: dateValidator(today, 'past'),
  });
  const date = parseAnswerDate(when, today, 'past');
  const notes = (await ask.input('Notes (Enter to skip)')).trim();
  const learned = await askUntilEmpty(
    ask,
    `Something you learned about ${first} (Enter when done)`,
  );

  let via: ViaChoice | null = null;
  const viaTyped = await ask.input('Who introduced you? (Enter for nobody)', {
    validate: (v) => {
      const found = v.trim() === '' ? null : resolveVia(v.trim(), contacts, people);
      return typeof found === 'string' ? forTerminal(found) : true;
    },
  });
  if (viaTyped.trim() !== '') {
    const found = resolveVia(viaTyped.trim(), contacts, people);
    // validate already rejected every string answer; this only narrows the type.
    if (typeof found !== 'string') via = found;
  }

  const followUps: AddRequest['followUps'] = [];
  for (;;) {
    const text = (await ask.input('A follow-up you plan (Enter when done)')).trim();
    if (text === '') break;
    const due = await ask.input(`Due when? (${forTerminal(text)})`, {
      default: 'in 7 days',
      validate: dateValidator(today, 'future'),
    });
    followUps.push({ text, due: parseAnswerDate(due, today, 'future') });
  }

  const thankYou = NO_THANK_YOU_KINDS.includes(kind)
    ? false
    : await ask.confirm(`Remind you to send ${everyone} a thank-you note?`, true);

  const request: AddRequest = {
    // Existing people go by #ID: several contacts may share a name.
    names: people.map((p) => (p.id === null ? p.name : `#${p.id}`)),
    kind,
    date,
    notes: notes === '' ? null : notes,
    learned,
    via: via?.query ?? null,
    followUps,
    offered: [],
    gave: [],
    outreach: false,
    nudge: null,
    thankYou,
    forceNew: false,
  };
  ask.say(summary(request, people, via?.shown ?? null));
  return (await ask.confirm('Log this meeting?', true)) ? request : null;
}

/**
 * Ask for a meeting on the terminal; null when the user declines at the summary.
 * Prompts are drawn on `output` (the context's stderr) so stdout stays data;
 * Ctrl-C becomes InterruptedError (exit 130).
 */
export async function promptAddRequest(
  options: AddPromptOptions,
  output: NodeJS.WritableStream,
): Promise<AddRequest | null> {
  // Imported here, not at the top: @inquirer/prompts costs ~45 ms and most runs never prompt.
  const { search, select, input, confirm } = loadLibrary(
    '@inquirer/prompts',
  ) as typeof import('@inquirer/prompts');
  const context = { output };
  const ask: AddAsker = {
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
  try {
    return await runAddFlow(ask, options);
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') {
      throw new InterruptedError('interrupted', 'nothing was written');
    }
    throw err;
  }
}
