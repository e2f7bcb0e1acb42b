import type { AddOptions } from '../domain/capture.js';
import type { Circle } from '../domain/contact.js';
import { addDays } from '../domain/dates.js';
import { MEETING_KINDS, NO_THANK_YOU_KINDS } from '../domain/journal-types.js';
import { forTerminal } from '../output/sanitize.js';
import {
  askList,
  dateValidator,
  inquirerAsker,
  interruptible,
  parseAnswerDate,
  type AddAsker,
  type PromptChoice,
} from './ask.js';
import {
  checkNewName,
  viaChoices,
  whoChoices,
  type IntroducerPick,
  type KnownContact,
  type PickedPerson,
} from './people.js';

/** What the interactive add flow is given. */
export interface AddPromptOptions {
  today: string;
  /** Existing contacts offered in the "who" and "who introduced you" prompts. */
  contacts: KnownContact[];
}

/** The answers, as the names and options the flags would give: `add` takes one path for both. */
export interface AddAnswers {
  names: string[];
  opts: AddOptions;
}

/** Someone met: picked, and for a new contact what the user said about them. */
interface MetPerson extends PickedPerson {
  company?: string;
  circle?: Circle;
}

const CIRCLE_CHOICES: readonly PromptChoice<Circle | ''>[] = [
  { value: '', name: 'skip' },
  { value: 'inner', name: 'inner (family, friends)' },
  { value: 'second', name: 'second (colleagues, neighbours)' },
  { value: 'third', name: 'third (everyone else)' },
];

const KIND_CHOICES = MEETING_KINDS.map((kind) => ({ value: kind, name: kind }));

async function askWho(ask: AddAsker, contacts: readonly KnownContact[]): Promise<MetPerson[]> {
  const people: MetPerson[] = [];
  do {
    const message = people.length === 0 ? 'Who did you meet?' : 'Who else?';
    const source = (term: string): PromptChoice<PickedPerson>[] =>
      whoChoices(term, contacts, people);
    const picked = await ask.search(`${message} (type to search or add)`, source);
    const person: MetPerson = await checkNewName(ask, picked, contacts, people);
    if (person.id === null) {
      const name = forTerminal(person.name);
      const company = (await ask.input(`${name}'s company (Enter to skip)`)).trim();
      const circle = await ask.select(`${name}'s circle (Enter to skip)`, CIRCLE_CHOICES, '');
      if (company !== '') person.company = company;
      if (circle !== '') person.circle = circle;
    }
    people.push(person);
  } while (await ask.confirm('Anyone else?', false));
  return people;
}

async function askFollowUps(
  ask: AddAsker,
  today: string,
): Promise<{ text: string; due: string }[]> {
  const followUps: { text: string; due: string }[] = [];
  for (;;) {
    const text = (await ask.input('A follow-up you plan (Enter when done)')).trim();
    if (text === '') return followUps;
    const due = await ask.input(`Due when? (${forTerminal(text)})`, {
      default: 'in 7 days',
      validate: dateValidator(today, 'future'),
    });
    followUps.push({ text, due: parseAnswerDate(due, today, 'future') });
  }
}

const NO_NUDGE = ['none', 'no'];

/** With outreach: the nudge's due date, or false for none. */
async function askNudge(ask: AddAsker, today: string, everyone: string): Promise<string | false> {
  const due = dateValidator(today, 'future');
  const answer = await ask.input(`Nudge ${everyone} if there is no reply, when? ("none" to skip)`, {
    default: 'in 7 days',
    validate: (v) => NO_NUDGE.includes(v.trim().toLowerCase()) || due(v),
  });
  return NO_NUDGE.includes(answer.trim().toLowerCase())
    ? false
    : parseAnswerDate(answer, today, 'future');
}

function introducerQuery(via: IntroducerPick): string | undefined {
  if (via === null) return undefined;
  // An existing contact goes by #ID: several may share a name, or its prefix.
  return via.id === null ? via.name : `#${via.id}`;
}

function summary(
  answers: AddAnswers,
  people: readonly MetPerson[],
  via: IntroducerPick,
  today: string,
): string {
  const t = forTerminal;
  const o = answers.opts;
  const date = o.date as string;
  const row = (label: string, values: string[]): string[] =>
    (values.length > 0 ? values : ['—']).map(
      (v, i) => `  ${(i === 0 ? label : '').padEnd(11)}${v}`,
    );
  const who = people.map((p) => {
    if (p.id !== null) return t(p.name);
    const known = [p.company && t(p.company), p.circle && `${p.circle} circle`].filter(Boolean);
    return `${t(p.name)} (new${known.length ? `: ${known.join(', ')}` : ''})`;
  });
  const dues = o.dues ?? [];
  const outreach = !o.outreach
    ? 'no'
    : `yes (${o.nudge === false ? 'no nudge' : `nudge ${String(o.nudge)}`})`;
  return [
    'Meeting to log:',
    ...row('who', [who.join(', ')]),
    ...row('kind', [o.kind as string]),
    ...row('date', [date]),
    ...row('notes', o.notes === undefined ? [] : [t(o.notes)]),
    ...row('learned', (o.learned ?? []).map(t)),
    ...row('via', via === null ? [] : [t(via.name)]),
    ...row(
      'follow-ups',
      (o.followUp ?? []).map((text, i) => `${t(text)} (due ${dues[i] ?? ''})`),
    ),
    ...row(
      'offered',
      (o.offered ?? []).map((text) => `${t(text)} (check in ${addDays(today, 7)})`),
    ),
    ...row('gave', (o.gave ?? []).map(t)),
    ...row('outreach', [outreach]),
    ...row('thank-you', [o.thankYou ? `yes (due ${addDays(date, 1)})` : 'no']),
    '',
  ].join('\n');
}

/**
 * The interactive add, question by question (PRODUCT.md, `add`), every question after
 * "who" skippable with Enter; null when the user declines at the summary.
 */
export async function runAddFlow(
  ask: AddAsker,
  options: AddPromptOptions,
): Promise<AddAnswers | null> {
  const { today, contacts } = options;
  const people = await askWho(ask, contacts);
  const first = forTerminal((people[0] as MetPerson).name);
  const everyone = people.map((p) => forTerminal(p.name)).join(', ');

  const kind = await ask.select('Kind of meeting', KIND_CHOICES, 'coffee');
  const when = await ask.input('When was it?', {
    default: 'today',
    validate: dateValidator(today, 'past'),
  });
  const date = parseAnswerDate(when, today, 'past');
  const notes = (await ask.input('Notes (Enter to skip)')).trim();
  const learned = await askList(ask, `Something you learned about ${first} (Enter when done)`);

  const viaPicked = await ask.search(
    'Who introduced you? (type to search or add, Enter for nobody)',
    (term) => viaChoices(term, contacts, people),
  );
  const via = viaPicked === null ? null : await checkNewName(ask, viaPicked, contacts, people);

  const followUps = await askFollowUps(ask, today);
  const offered = await askList(
    ask,
    'Did they offer anything? (Enter to skip)',
    'Anything else they offered? (Enter when done)',
  );
  const gave = await askList(
    ask,
    'Did you give anything? (an article, an intro…; Enter to skip)',
    'Anything else you gave? (Enter when done)',
  );
  const outreach = await ask.confirm('Did you reach out first?', false);
  const nudge = outreach ? await askNudge(ask, today, everyone) : undefined;
  const thankYou = NO_THANK_YOU_KINDS.includes(kind)
    ? false
    : await ask.confirm(`Remind you to send ${everyone} a thank-you note?`, true);

  const opts: AddOptions = {
    kind,
    date,
    learned,
    followUp: followUps.map((f) => f.text),
    dues: followUps.map((f) => f.due),
    offered,
    gave,
    outreach,
    thankYou,
    people: people.map(({ company, circle }) => ({ company, circle })),
  };
  if (notes !== '') opts.notes = notes;
  const viaQuery = introducerQuery(via);
  if (viaQuery !== undefined) opts.via = viaQuery;
  if (nudge !== undefined) opts.nudge = nudge;
  const answers: AddAnswers = {
    // Existing people go by #ID: several contacts may share a name.
    names: people.map((p) => (p.id === null ? p.name : `#${p.id}`)),
    opts,
  };
  ask.say(summary(answers, people, via, today));
  return (await ask.confirm('Log this meeting?', true)) ? answers : null;
}

/**
 * Ask for a meeting on the terminal, drawn on `output` (the context's stderr);
 * null when the user declines at the summary. Ctrl-C becomes InterruptedError (exit 130).
 */
export async function promptAddOptions(
  options: AddPromptOptions,
  output: NodeJS.WritableStream,
): Promise<AddAnswers | null> {
  return interruptible(() => runAddFlow(inquirerAsker(output), options));
}
