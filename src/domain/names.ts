import { AmbiguousError, NotFoundError, UsageError } from '../errors.js';
import { isMeName } from './contact.js';

/**
 * A name as matching sees it: case and accents folded (Zoë → zoe, Müller →
 * muller, ÅSA → asa), so that people can type names as their keyboard allows.
 */
export function foldName(name: string): string {
  // Printable ASCII has no marks and NFD leaves it as it is: it skips the
  // Unicode property class, whose compiling costs ~0.6 ms in every process.
  if (PRINTABLE_ASCII.test(name)) return name.toLowerCase();
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Text split into words as name matching splits it: runs of letters, marks
 * and digits, anything else between them (empty words at the ends stay, as
 * with split). Printable ASCII splits at the same places with an ASCII class,
 * sparing the Unicode one its compiling (0.3–1 ms a process).
 */
export function splitNameWords(text: string): string[] {
  return PRINTABLE_ASCII.test(text)
    ? text.split(/[^A-Za-z0-9]+/)
    : text.split(/[^\p{L}\p{M}\p{N}]+/u);
}

/**
 * Does a word start with a capital, or with a letter of a script without
 * case (\p{Lo}: 李, ع), which counts as one? ASCII is answered without the
 * Unicode classes.
 */
export function startsCapitalised(word: string): boolean {
  const first = word.charAt(0);
  if (PRINTABLE_ASCII.test(first)) return first >= 'A' && first <= 'Z';
  return /\p{Lu}|\p{Lt}|\p{Lo}/u.test(first);
}

/** A contact as name lookups see it. */
export interface NamedContact {
  id: number;
  name: string;
  email: string | null;
  company: string | null;
}

/** The queries name resolution needs from storage. */
export interface ContactLookup {
  meId: number;
  byId(id: number): NamedContact | undefined;
  byEmail(email: string): NamedContact[];
  /** Contacts whose name is this one, ignoring case and accents. */
  byName(name: string): NamedContact[];
  /** Non-archived contacts whose name starts with this, ignoring case and accents. */
  byPrefix(prefix: string): NamedContact[];
  all(): NamedContact[];
}

export type Resolution =
  { found: NamedContact; how: 'me' | 'id' | 'email' | 'name' | 'prefix' } | { found: null };

function describe(c: NamedContact): string {
  return `${c.name} (#${c.id}${c.company ? `, ${c.company}` : ''})`;
}

function ambiguous(query: string, matches: NamedContact[]): AmbiguousError {
  const first = matches[0] as NamedContact;
  return new AmbiguousError(
    `"${query}" matches ${matches.length} contacts: ${matches.map(describe).join(', ')}`,
    `name one by its id, e.g. '#${first.id}'`,
  );
}

/**
 * Find the contact a name refers to: me/I/myself, #ID, an e-mail address, the
 * exact name, a bare number as an id (when no contact has that name), or a
 * unique prefix of a name (both ignoring case and accents). Several matches
 * throw AmbiguousError; no match returns { found: null }.
 */
export function findContact(rawQuery: string, lookup: ContactLookup, allowMe: boolean): Resolution {
  const query = rawQuery.trim();
  if (query === '') {
    throw new UsageError('a contact name cannot be empty', 'give a name, an e-mail address or #ID');
  }
  if (isMeName(query)) {
    if (!allowMe) throw new UsageError(`"${query}" means you here`, 'name someone else');
    return { found: { id: lookup.meId, name: 'me', email: null, company: null }, how: 'me' };
  }
  const idMatch = /^#(\d+)$/.exec(query);
  if (idMatch) {
    const found = lookup.byId(Number(idMatch[1]));
    if (!found) {
      throw new NotFoundError(`no contact ${query}`, "see the ids with 'netjournal contacts'");
    }
    return { found, how: 'id' };
  }
  if (query.includes('@')) {
    const byEmail = lookup.byEmail(query);
    if (byEmail.length > 1) throw ambiguous(query, byEmail);
    if (byEmail[0]) return { found: byEmail[0], how: 'email' };
  }
  const exact = lookup.byName(query);
  if (exact.length > 1) throw ambiguous(query, exact);
  if (exact[0]) return { found: exact[0], how: 'name' };
  // In a shell an unquoted #11 starts a comment, so `contact show 11` is how
  // people type an id; a contact named "11" wins, as it does above.
  if (/^\d+$/.test(query)) {
    const found = lookup.byId(Number(query));
    if (found) return { found, how: 'id' };
  }
  const prefixed = lookup.byPrefix(query);
  if (prefixed.length > 1) throw ambiguous(query, prefixed);
  if (prefixed[0]) return { found: prefixed[0], how: 'prefix' };
  return { found: null };
}

/** Like findContact, but a missing contact is a NotFoundError suggesting the closest names. */
export function resolveContact(
  query: string,
  lookup: ContactLookup,
  allowMe = false,
): NamedContact {
  const result = findContact(query, lookup, allowMe);
  if (result.found) return result.found;
  if (/^\d+$/.test(query.trim())) {
    // A number is an id more often than a name: names spelt alike would not help.
    throw new NotFoundError(
      `no contact '#${query.trim()}' or named "${query.trim()}"`,
      "see the ids with 'netjournal contacts'",
    );
  }
  const close = closestNames(
    query.trim(),
    lookup.all().map((c) => c.name),
  );
  throw new NotFoundError(
    `no contact named "${query.trim()}"`,
    close.length
      ? `did you mean ${close.map((n) => `"${n}"`).join(', ')}?`
      : `add them with: netjournal contact add "${query.trim()}"`,
  );
}

/** Edit distance between two strings, ignoring case and accents. */
export function distance(a: string, b: string): number {
  const s = foldName(a);
  const t = foldName(b);
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[t.length] ?? 0;
}

/**
 * Up to three names close to the query: within two edits (or a third of its length) in edit
 * distance, to the whole name or to any of its words.
 */
export function closestNames(query: string, names: readonly string[]): string[] {
  const limit = Math.max(2, Math.floor(query.length / 3));
  const scored = new Map<string, number>();
  for (const name of names) {
    const candidates = [name, ...name.split(/\s+/)];
    const best = Math.min(...candidates.map((c) => distance(query, c)));
    if (best <= limit) scored.set(name, Math.min(best, scored.get(name) ?? Infinity));
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([n]) => n);
}

/**
 * How to tell apart people shown together who share a name: for each such
 * contact, its name with its company (`Sarah Kim (Acme)`) when that company
 * is its own in the group, else with its id (`Sarah Kim #12`). Contacts whose
 * name is unique among those shown are left out.
 */
export function namesToTellApart(
  people: readonly { id: number; name: string; company: string | null }[],
): Map<number, string> {
  const groups = new Map<
    string,
    Map<number, { id: number; name: string; company: string | null }>
  >();
  for (const p of people) {
    const key = foldName(p.name.trim());
    const group = groups.get(key) ?? new Map();
    group.set(p.id, p);
    groups.set(key, group);
  }
  const labels = new Map<number, string>();
  for (const group of groups.values()) {
    if (group.size < 2) continue;
    const companies = [...group.values()].map((p) => foldName(p.company ?? ''));
    for (const p of group.values()) {
      const own =
        p.company && companies.filter((c) => c === foldName(p.company ?? '')).length === 1;
      labels.set(p.id, own ? `${p.name} (${p.company})` : `${p.name} #${p.id}`);
    }
  }
  return labels;
}

/**
 * Are two names one typo apart: one letter added, removed or changed, or two
 * neighbours swapped ("Chirs" / "Chris"), ignoring case and accents? Equal
 * names are not (that is the same name).
 */
export function oneTypoApart(a: string, b: string): boolean {
  const s = foldName(a.trim());
  const t = foldName(b.trim());
  if (s === t || Math.abs(s.length - t.length) > 1) return false;
  let i = 0;
  while (i < s.length && i < t.length && s[i] === t[i]) i++;
  let k = 0;
  while (k < s.length - i && k < t.length - i && s[s.length - 1 - k] === t[t.length - 1 - k]) k++;
  const restS = s.length - i - k;
  const restT = t.length - i - k;
  if (restS <= 1 && restT <= 1) return true; // one added, removed or changed
  // Two neighbours swapped: ab…/ba… with nothing else different.
  return restS === 2 && restT === 2 && s[i] === t[i + 1] && s[i + 1] === t[i];
}
