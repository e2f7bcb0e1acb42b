import type { MeetingKind } from './journal-types.js';
import { foldName, oneTypoApart, splitNameWords, startsCapitalised } from './names.js';

/**
 * The words `jot` reads as a meeting's kind (README, "One sentence: jot").
 * Meals go to lunch and a drink to coffee: those are the kinds that keep the
 * thank-you note's wording right ("Thank Ralph for lunch"). `met`, `meeting`
 * and the like are weak: they say only that people met, so any other kind
 * word in the sentence wins over them ("met Ralph for coffee" is a coffee).
 */
export const KIND_WORDS: Readonly<Record<string, MeetingKind>> = {
  coffee: 'coffee',
  coffees: 'coffee',
  espresso: 'coffee',
  tea: 'coffee',
  drink: 'coffee',
  drinks: 'coffee',
  beer: 'coffee',
  beers: 'coffee',
  lunch: 'lunch',
  lunched: 'lunch',
  breakfast: 'lunch',
  brunch: 'lunch',
  dinner: 'lunch',
  call: 'call',
  called: 'call',
  calls: 'call',
  phone: 'call',
  phoned: 'call',
  rang: 'call',
  video: 'video',
  videocall: 'video',
  zoom: 'video',
  zoomed: 'video',
  facetime: 'video',
  hangout: 'video',
  met: 'meeting',
  meet: 'meeting',
  meeting: 'meeting',
  saw: 'meeting',
  event: 'event',
  conference: 'event',
  conf: 'event',
  meetup: 'event',
  summit: 'event',
  workshop: 'event',
  interview: 'interview',
  interviewed: 'interview',
  email: 'email',
  emailed: 'email',
  emails: 'email',
  'e-mail': 'email',
  'e-mailed': 'email',
  mailed: 'email',
  message: 'message',
  messaged: 'message',
  text: 'message',
  texted: 'message',
  dm: 'message',
  dmed: 'message',
  whatsapp: 'message',
};

/** Kind words that only say people met: any other kind in the sentence wins. */
const WEAK_KINDS: ReadonlySet<string> = new Set(['met', 'meet', 'meeting', 'saw']);

/** The kind a word names (a typo allowed in words of five letters or more), and how sure. */
export function kindOfWord(fold: string): { kind: MeetingKind; weak: boolean } | null {
  const exact = KIND_WORDS[fold];
  if (exact) return { kind: exact, weak: WEAK_KINDS.has(fold) };
  if (fold.length < 4) return null;
  for (const [word, kind] of Object.entries(KIND_WORDS)) {
    if (word.length >= 5 && oneTypoApart(word, fold)) return { kind, weak: WEAK_KINDS.has(word) };
  }
  return null;
}

/**
 * The kind several kind words make together: the strong ones must agree, except
 * that a call and a video make a video ("zoom call"); only weak ones make a meeting.
 */
export function combinedKind(
  found: readonly { kind: MeetingKind; weak: boolean }[],
): MeetingKind | MeetingKind[] | null {
  const strong = [...new Set(found.filter((k) => !k.weak).map((k) => k.kind))];
  if (strong.length === 2 && strong.includes('video') && strong.includes('call')) return 'video';
  if (strong.length > 1) return strong;
  return strong[0] ?? (found.length > 0 ? 'meeting' : null);
}

/** Words that join people in a list: the word after (or before) one is taken for a name. */
export const LIST_WORDS: ReadonlySet<string> = new Set(['with', 'and', '&', ',', '+']);

/** Words after which a weekday is a date, never a person ("on Sun"). */
export const DATE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'on',
  'last',
  'this',
  'since',
  'from',
]);

/** Words a sentence is made of that are never a person and never need placing. */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and & , + with on at in for of to from by about over after before during this that ' +
    'last since i me my we our us you your he she they his her their them it its some quick long ' +
    'short great good nice lovely fun had have has got grabbed did do went caught up catch chat ' +
    'chatted talked spoke spent quick-ish first again finally also then just who is was were be ' +
    'via new old friend friends colleague colleagues boss team'
  ).split(' '),
);

/**
 * Words that are first names as well as ordinary words (April, May, Sun,
 * Rose, Bill): in lower case they are words, never a person.
 */
export const ORDINARY_WORDS: ReadonlySet<string> = new Set(
  (
    'april may june august rose bill will mark sun grace hope joy faith art jack pat sue rob ' +
    'ray dawn summer autumn winter iris lily daisy ivy amber ruby pearl jade rich frank earnest ' +
    'drew chase hunter sky rain storm bob gene chuck'
  ).split(' '),
);

/** A token of the sentence's head (the part before the notes). */
export interface HeadToken {
  /** As typed, without surrounding punctuation. */
  text: string;
  /** Case and accents folded. */
  fold: string;
  /** Starts with a capital, or with a letter of a script without case (李, ا). */
  capital: boolean;
  /** `**Name**` or `[[Name]]`: a new person. */
  marked: boolean;
}

const MARKED = /\*\*(.+?)\*\*|\[\[(.+?)\]\]/gu;

/** Split a head into tokens: marked names whole, commas and `&` on their own, punctuation off. */
export function headTokens(head: string): HeadToken[] {
  const tokens: HeadToken[] = [];
  let last = 0;
  for (const m of head.matchAll(MARKED)) {
    tokens.push(...plainTokens(head.slice(last, m.index)));
    const name = (m[1] ?? m[2] ?? '').trim().replace(/\s+/g, ' ');
    tokens.push({ text: name, fold: foldName(name), capital: true, marked: true });
    last = m.index + m[0].length;
  }
  tokens.push(...plainTokens(head.slice(last)));
  return tokens;
}

function plainTokens(text: string): HeadToken[] {
  const tokens: HeadToken[] = [];
  for (const raw of text.split(/\s+/u)) {
    const word = raw
      .replace(/^[("'“‘[]+/u, '')
      .replace(/[)"'”’\].!?;]+$/u, '')
      .replace(/['’]s$/u, '');
    const comma = /,+$/u.test(word);
    const bare = word.replace(/,+$/u, '');
    if (bare !== '') tokens.push(token(bare));
    if (comma) tokens.push(token(','));
  }
  return tokens;
}

function token(text: string): HeadToken {
  return { text, fold: foldName(text), capital: startsCapitalised(text), marked: false };
}

/** A name's words as matching compares them with a sentence's. */
export function nameWords(name: string): string[] {
  return foldName(name.trim())
    .split(/\s+/u)
    .filter((w) => w !== '');
}

// Date words that are no one's name; weekdays are left in (Sun is a name too).
const DATE_WORDS: ReadonlySet<string> = new Set(
  'today yesterday tomorrow ago day days week weeks month months year years next'.split(' '),
);

function mayBeName(word: string): boolean {
  const fold = foldName(word);
  return (
    fold !== '' &&
    !/^\d+$/u.test(fold) &&
    !FILLER_WORDS.has(fold) &&
    KIND_WORDS[fold] === undefined &&
    !DATE_WORDS.has(fold)
  );
}

/**
 * What storage looks contacts up by, from a sentence's head (in lower case,
 * split as the search index splits; the index's tokenizer folds the accents,
 * which it does for Latin letters only, so "Дмитрий" keeps its й): each word that may be part of a name, as a first
 * word, and each two neighbours that may both be, as a phrase (every whole
 * name of two words or more holds one). Fillers, kind words and numbers are
 * left out: the most common words of a journal's notes cost the most to look up.
 */
export function nameSearchTerms(head: string): { words: string[]; pairs: string[] } {
  const all = splitNameWords(head.toLowerCase());
  const pairs = new Set<string>();
  all.forEach((w, i) => {
    const next = all[i + 1];
    if (next !== undefined && mayBeName(w) && mayBeName(next)) pairs.add(`${w} ${next}`);
  });
  return { words: [...new Set(all.filter(mayBeName))], pairs: [...pairs] };
}
