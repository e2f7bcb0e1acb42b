import { UsageError } from '../errors.js';
import { dateOrNull } from './dates.js';

// A jot sentence cut into its parts before any word is matched to a contact.

/** The parts of a sentence before matching: the head (people, kind, date), notes, things learned. */
export interface JotParts {
  head: string;
  /** A date written first and closed by a colon (`yesterday: lunch with Ralph`). */
  leadingDate: string | null;
  notes: string | null;
  learned: string[];
}

// A colon between digits is a time (10:30), not the start of the notes.
const NOTES_START = /(?<!\d):|:(?!\d)|—/u;
const LEARNED = /(?:^|\s)\+learned(?:\s+|$)/iu;

/** Split a sentence into its head, notes (after the first `:` or `—`) and `+learned` texts. */
export function splitJot(text: string, today: string): JotParts {
  const [sentence = '', ...learnedParts] = text.split(LEARNED);
  const learned = learnedParts.map((t) => t.trim());
  if (learned.some((t) => t === '')) {
    throw new UsageError('+learned needs some words', 'e.g. +learned she runs marathons');
  }
  let rest = sentence;
  let leadingDate: string | null = null;
  let cut = NOTES_START.exec(rest);
  // "on monday: …" reads as "monday: …".
  const lead = cut
    ? rest
        .slice(0, cut.index)
        .trim()
        .replace(/^on\s+/iu, '')
    : '';
  if (cut && isDatePhrase(lead, today)) {
    leadingDate = lead;
    rest = rest.slice(cut.index + cut[0].length);
    cut = NOTES_START.exec(rest);
  }
  const notes = cut ? rest.slice(cut.index + cut[0].length).trim() : '';
  return {
    head: (cut ? rest.slice(0, cut.index) : rest).trim(),
    leadingDate,
    notes: notes === '' ? null : notes,
    learned,
  };
}

/** Is this text a date of the date grammar (a past one or not)? */
export function isDatePhrase(text: string, today: string): boolean {
  const phrase = text.trim().replace(/\s+/g, ' ').toLowerCase();
  return phrase !== '' && dateOrNull(phrase, today, 'past') !== null;
}
