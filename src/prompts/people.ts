import { isMeName, validateName } from '../domain/contact.js';
import { foldName, oneTypoApart } from '../domain/names.js';
import { NetjournalError } from '../errors.js';
import { forTerminal } from '../output/sanitize.js';
import type { AddAsker, PromptChoice } from './ask.js';

/** An existing contact as the pickers offer it. */
export interface KnownContact {
  id: number;
  name: string;
  company: string | null;
}

/** Someone picked in a contact search: an existing contact (its id) or a new name (id null). */
export interface PickedPerson {
  id: number | null;
  name: string;
}

/** Who introduced you, as picked: a person, or nobody (null). */
export type IntroducerPick = PickedPerson | null;

const NEW_MARK = '＋ new contact: ';

function describeContact(c: KnownContact): string {
  return `${forTerminal(c.name)}${c.company ? ` (${forTerminal(c.company)})` : ''}  #${c.id}`;
}

const existingChoice = <V>(c: KnownContact, value: V): PromptChoice<V> => ({
  value,
  name: describeContact(c),
  short: forTerminal(c.name),
});

// The command resolves a typed name by exact name, then unique prefix, first among the
// journal's contacts and then among those this meeting creates before it: a "new" name
// that is a prefix of any of them would silently land on that contact (or be ambiguous).
function newNameProblem(
  name: string,
  contacts: readonly KnownContact[],
  people: readonly PickedPerson[],
  role: 'who' | 'via',
): string | undefined {
  try {
    validateName(name);
  } catch (err) {
    if (err instanceof NetjournalError) return `(${err.message})`;
    throw err;
  }
  const lower = foldName(name);
  if (people.some((p) => foldName(p.name) === lower)) {
    return role === 'who' ? '(already added)' : '(is in this meeting)';
  }
  const fresh = people.filter((p) => p.id === null);
  if ([...contacts, ...fresh].some((c) => foldName(c.name).startsWith(lower))) {
    return role === 'who'
      ? '(matches an existing name: pick it, or use netjournal add --new)'
      : '(matches an existing name: pick it)';
  }
  return undefined;
}

/** Contacts whose name or company contains the typed text: names starting with it first. */
function searchContacts(
  typed: string,
  contacts: readonly KnownContact[],
  people: readonly PickedPerson[],
): { leading: KnownContact[]; rest: KnownContact[] } {
  const needle = foldName(typed);
  const matches = contacts.filter(
    (c) =>
      !people.some((p) => p.id === c.id) &&
      (foldName(c.name).includes(needle) || foldName(c.company ?? '').includes(needle)),
  );
  const leading = matches.filter((c) => foldName(c.name).startsWith(needle));
  return { leading, rest: matches.filter((c) => !leading.includes(c)) };
}

function newChoice<V>(typed: string, value: V, problem: string | undefined): PromptChoice<V> {
  const fresh: PromptChoice<V> = {
    value,
    name: NEW_MARK + forTerminal(typed),
    short: `${forTerminal(typed)} (new)`,
  };
  if (problem !== undefined) fresh.disabled = problem;
  return fresh;
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
  const { leading, rest } = searchContacts(typed, contacts, picked);
  const existing = (c: KnownContact) => existingChoice(c, { id: c.id, name: c.name });
  if (typed === '') return leading.map(existing);
  const problem = newNameProblem(typed, contacts, picked, 'who');
  const fresh = newChoice<PickedPerson>(typed, { id: null, name: typed }, problem);
  return [...leading.map(existing), fresh, ...rest.map(existing)];
}

/**
 * The "who introduced you" prompt's choices, searched like "who": nobody first (Enter
 * skips), contacts not in the meeting, and the typed text as a new one. `me` is taken
 * as nobody: you met them yourself, and `add --via me` is refused ("me" means you).
 */
export function viaChoices(
  term: string,
  contacts: readonly KnownContact[],
  people: readonly PickedPerson[],
): PromptChoice<IntroducerPick>[] {
  const typed = term.trim();
  const { leading, rest } = searchContacts(typed, contacts, people);
  const existing = (c: KnownContact) =>
    existingChoice<IntroducerPick>(c, { id: c.id, name: c.name });
  if (typed === '') {
    const nobody = { value: null, name: '— nobody (skip)', short: 'nobody' };
    return [nobody, ...leading.map(existing)];
  }
  if (isMeName(typed)) {
    return [{ value: null, name: 'me: you met them yourself (nobody to record)', short: 'nobody' }];
  }
  const problem = newNameProblem(typed, contacts, people, 'via');
  const fresh = newChoice<IntroducerPick>(typed, { id: null, name: typed }, problem);
  return [...leading.map(existing), fresh, ...rest.map(existing)];
}

/** Existing contacts (not already in `people`) whose name is one typo away from `name`. */
export function nearNames(
  name: string,
  contacts: readonly KnownContact[],
  people: readonly PickedPerson[],
): KnownContact[] {
  return contacts
    .filter((c) => oneTypoApart(c.name, name) && !people.some((p) => p.id === c.id))
    .slice(0, 3);
}

/**
 * A new name one typo away from a contact is how duplicates are made: ask
 * "Did you mean Chirs Wong (#8)?" for each such contact; yes picks it instead.
 */
export async function checkNewName(
  ask: AddAsker,
  picked: PickedPerson,
  contacts: readonly KnownContact[],
  people: readonly PickedPerson[],
): Promise<PickedPerson> {
  if (picked.id !== null) return picked;
  for (const c of nearNames(picked.name, contacts, people)) {
    if (await ask.confirm(`Did you mean ${forTerminal(c.name)} (#${c.id})?`, true)) {
      return { id: c.id, name: c.name };
    }
  }
  return picked;
}
