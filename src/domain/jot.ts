import { AmbiguousError, NotFoundError, UsageError } from '../errors.js';
import { parseEventDate } from './date-bounds.js';
import type { MeetingKind } from './journal-types.js';
import { isDatePhrase, splitJot } from './jot-parts.js';
import {
  combinedKind,
  DATE_PREPOSITIONS,
  FILLER_WORDS,
  headTokens,
  KIND_WORDS,
  kindOfWord,
  LIST_WORDS,
  nameWords,
  ORDINARY_WORDS,
  type HeadToken,
} from './jot-words.js';

export { splitJot, type JotParts } from './jot-parts.js';

/** A contact the sentence may name, as storage found it from the sentence's words. */
export interface JotCandidate {
  id: number;
  name: string;
  /** Nicknames: each names the contact as its whole name does ("Rafa"). */
  aliases: readonly string[];
  company: string | null;
  archived: boolean;
}

/**
 * How many contacts storage reads for a word that may be a first name: enough
 * to tell a unique one from a shared one, and to list some of those sharing it.
 */
export const FIRST_NAME_LIMIT = 10;

/** A person the sentence names: a contact, or a new person written `**Name**`. */
export interface JotPerson {
  name: string;
  contactId: number | null;
  new: boolean;
}

/** What one sentence says; kind and date are null when it does not say. */
export interface JotParse {
  people: JotPerson[];
  kind: MeetingKind | null;
  date: string | null;
  notes: string | null;
  learned: string[];
}

/** Candidates by their folded full name or nickname, and (not archived) by their first name. */
interface NameIndex {
  full: Map<string, JotCandidate[]>;
  /** The keys of full that are someone's nickname. */
  nicknames: Set<string>;
  first: Map<string, JotCandidate[]>;
  longest: number;
}

function indexNames(candidates: readonly JotCandidate[]): NameIndex {
  const full = new Map<string, JotCandidate[]>();
  const first = new Map<string, JotCandidate[]>();
  const nicknames = new Set<string>();
  let longest = 1;
  for (const c of candidates) {
    // A nickname is a whole name: shared by two contacts it is ambiguous, as a shared name is.
    for (const alias of c.aliases) {
      const words = nameWords(alias);
      if (words.length === 0) continue;
      longest = Math.max(longest, words.length);
      const key = words.join(' ');
      const same = full.get(key) ?? [];
      if (!same.includes(c)) full.set(key, [...same, c]);
      nicknames.add(key);
    }
    const words = nameWords(c.name);
    if (words.length === 0) continue;
    longest = Math.max(longest, words.length);
    const key = words.join(' ');
    const same = full.get(key) ?? [];
    if (!same.includes(c)) full.set(key, [...same, c]);
    if (words.length > 1 && !c.archived) {
      const f = words[0] as string;
      first.set(f, [...(first.get(f) ?? []), c]);
    }
  }
  return { full, nicknames, first, longest };
}

/** A word that is ordinary as well as a name needs a capital to be a person. */
function needsCapital(fold: string, today: string): boolean {
  return (
    ORDINARY_WORDS.has(fold) ||
    FILLER_WORDS.has(fold) ||
    KIND_WORDS[fold] !== undefined ||
    isDatePhrase(fold, today)
  );
}

// Storage reads at most FIRST_NAME_LIMIT contacts for a first name.
function howMany(n: number): string {
  return n >= FIRST_NAME_LIMIT ? `${FIRST_NAME_LIMIT} or more` : String(n);
}

function describe(c: JotCandidate): string {
  return `${c.name} ('#${c.id}'${c.company ? `, ${c.company}` : ''})`;
}

/**
 * Parse one sentence into a meeting, against the contacts it may name. Throws
 * UsageError (exit 2) for a word it cannot place, two kinds, two dates or no
 * person; AmbiguousError (exit 3) for a name several contacts share;
 * NotFoundError for a `#ID` no contact has. Nothing is guessed: see
 * README, "One sentence: jot".
 */
export function parseJot(
  text: string,
  candidates: readonly JotCandidate[],
  today: string,
): JotParse {
  const parts = splitJot(text, today);
  const tokens = headTokens(parts.head);
  const names = indexNames(candidates);
  const people: JotPerson[] = [];
  const unplaced: string[] = [];
  const ambiguous: { word: string; matches: JotCandidate[] }[] = [];
  const kinds: { kind: MeetingKind; weak: boolean; typo: boolean }[] = [];
  const dates: string[] = parts.leadingDate === null ? [] : [parts.leadingDate];

  const addContact = (c: JotCandidate) => {
    if (!people.some((p) => p.contactId === c.id)) {
      people.push({ name: c.name, contactId: c.id, new: false });
    }
  };
  const plain = (t: HeadToken | undefined) => t !== undefined && !t.marked && t.fold !== ',';

  for (let i = 0; i < tokens.length;) {
    const t = tokens[i] as HeadToken;
    const prev = tokens[i - 1]?.fold;
    const next = tokens[i + 1]?.fold;
    if (t.marked) {
      const same = names.full.get(nameWords(t.text).join(' '));
      if (same?.length) {
        throw new UsageError(
          `**${t.text}** is marked new, but ${describe(same[0] as JotCandidate)} is already a contact`,
          `write ${t.text} without ** to mean them; for another person of that name use netjournal add "${t.text}" --new`,
        );
      }
      if (!people.some((p) => p.new && nameWords(p.name).join(' ') === t.fold)) {
        people.push({ name: t.text, contactId: null, new: true });
      }
      i++;
      continue;
    }
    const id = /^#(\d+)$/.exec(t.text);
    if (id) {
      const found = candidates.find((c) => c.id === Number(id[1]));
      if (!found) {
        throw new NotFoundError(`no contact ${t.text}`, "see the ids with 'netjournal contacts'");
      }
      addContact(found);
      i++;
      continue;
    }
    // The longest run of words that is a contact's whole name ("Anna van der Berg", "Sun Li").
    let matched = 0;
    for (let k = Math.min(names.longest, tokens.length - i); k >= 2 && matched === 0; k--) {
      const run = tokens.slice(i, i + k);
      if (!run.every(plain)) continue;
      const found = names.full.get(run.map((r) => r.fold).join(' '));
      if (!found?.length) continue;
      if (found.length > 1)
        ambiguous.push({ word: run.map((r) => r.text).join(' '), matches: found });
      else addContact(found[0] as JotCandidate);
      matched = k;
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    const single = singleNameMatches(t, names);
    // A weekday that is also someone's first name is a person only with a capital, in a list of people.
    const personHere =
      single.length > 0 &&
      t.capital &&
      prev !== undefined &&
      LIST_WORDS.has(prev) &&
      !DATE_PREPOSITIONS.has(prev);
    const date = personHere ? 0 : datePhraseAt(tokens, i, today);
    if (date > 0) {
      dates.push(
        tokens
          .slice(i, i + date)
          .map((r) => r.text)
          .join(' '),
      );
      i += date;
      continue;
    }
    if (single.length > 0 && (t.capital || !needsCapital(t.fold, today))) {
      if (single.length > 1) ambiguous.push({ word: t.text, matches: single });
      else addContact(single[0] as JotCandidate);
      i++;
      continue;
    }
    i++;
    if (FILLER_WORDS.has(t.fold)) continue;
    const kind = kindOfWord(t.fold);
    if (kind) {
      kinds.push({ ...kind, typo: KIND_WORDS[t.fold] === undefined });
      continue;
    }
    const inList =
      (prev !== undefined && LIST_WORDS.has(prev)) ||
      (next !== undefined && LIST_WORDS.has(next) && next !== 'with');
    // A capital at the start of the sentence says nothing about a name.
    const capitalised = t.capital && i - 1 > 0;
    // In a list, a lower-case word may still be a name typed in a hurry, unless it reads as a verb
    // or an ordinary word ("Ralph, may meet again").
    const word = /(ed|ing)$/u.test(t.fold) || ORDINARY_WORDS.has(t.fold);
    if (capitalised || (inList && !t.capital && !word) || (inList && i - 1 === 0)) {
      unplaced.push(t.text);
    }
  }

  if (unplaced.length > 0) {
    const quoted = unplaced.map((w) => `"${w}"`).join(', ');
    const example = unplaced[0] as string;
    throw new UsageError(
      `could not place ${quoted}: no contact has ${unplaced.length > 1 ? 'those names' : 'that name'}`,
      `write **${example}** for a new person, a contact's full name or '#ID', or put other words after ":" as notes`,
    );
  }
  // A misspelt kind counts only when the sentence has no kind word spelt right.
  const spelt = kinds.filter((k) => !k.typo);
  const kind = combinedKind(spelt.length > 0 ? spelt : kinds);
  if (Array.isArray(kind)) {
    throw new UsageError(
      `two kinds of meeting in one sentence: ${kind.join(' and ')}`,
      'keep one kind word, or give --kind',
    );
  }
  const date = resolveDates(dates, today);
  if (ambiguous.length > 0) {
    const first = ambiguous[0] as { word: string; matches: JotCandidate[] };
    throw new AmbiguousError(
      ambiguous
        .map(
          (a) =>
            `"${a.word}" matches ${howMany(a.matches.length)} contacts: ${a.matches.map(describe).join(', ')}`,
        )
        .join('; '),
      `write the full name, or the id, e.g. '#${(first.matches[0] as JotCandidate).id}'`,
    );
  }
  if (people.length === 0) {
    throw new UsageError(
      `who did you meet? no contact named in "${parts.head}"`,
      'name a contact, or write **Name** for a new person, e.g. netjournal jot "coffee with **Ralph Smith**"',
    );
  }
  return { people, kind, date, notes: parts.notes, learned: parts.learned };
}

/** Contacts a single word names: a one-word name, else a unique-or-not first name. */
function singleNameMatches(t: HeadToken, names: NameIndex): JotCandidate[] {
  if (t.fold === ',' || (FILLER_WORDS.has(t.fold) && !t.capital)) return [];
  const whole = names.full.get(t.fold);
  const first = names.first.get(t.fold) ?? [];
  // A nickname that is someone else's first name names either of them.
  if (whole?.length && names.nicknames.has(t.fold))
    return [...whole, ...first.filter((c) => !whole.includes(c))];
  if (whole?.length) return whole;
  return first;
}

/** How many words from i make a date ("3 days ago", "last monday", "2026-11-20"), or 0. */
function datePhraseAt(tokens: readonly HeadToken[], i: number, today: string): number {
  for (let k = Math.min(3, tokens.length - i); k >= 1; k--) {
    const run = tokens.slice(i, i + k);
    if (run.some((r) => r.marked || r.fold === ',')) continue;
    if (isDatePhrase(run.map((r) => r.fold).join(' '), today)) return k;
  }
  return 0;
}

/** The one date the sentence gives (checked as a meeting date), or null. */
function resolveDates(phrases: readonly string[], today: string): string | null {
  const dates = [...new Set(phrases.map((p) => parseEventDate(p, today)))];
  if (dates.length > 1) {
    throw new UsageError(
      `two dates in one sentence: ${phrases.map((p) => `"${p}"`).join(' and ')}`,
      'keep one, or give --date',
    );
  }
  return dates[0] ?? null;
}
