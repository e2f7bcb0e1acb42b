import { FIRST_NAME_LIMIT, type JotCandidate } from '../domain/jot.js';
import { nameSearchTerms } from '../domain/jot-words.js';
import { foldName, splitNameWords } from '../domain/names.js';
import type { Db } from './journal.js';
import { statement } from './sqlite.js';

type Row = Omit<JotCandidate, 'archived' | 'aliases'> & { archived: number };

// contact_names (0011) holds only names and nicknames: a word's list there is
// the contacts whose name has it. In the search index, which holds every
// note's and meeting's words too, the same lists cost 5 ms a word at L.
const BY_NAME = `SELECT c.id, c.name, c.company, c.archived FROM contact_names n
   JOIN contacts c ON c.id = n.rowid
  WHERE contact_names MATCH ? AND c.is_me = 0`;

/**
 * The nicknames of contacts with a nickname that holds one of the words (the
 * name index's aliases column: a common first name costs nothing here, it is
 * in names). Which of them the sentence names is decided in memory.
 */
const NICKNAMES_BY_WORD = `SELECT a.contact_id, a.alias FROM contact_names n
   JOIN contact_aliases a ON a.contact_id = n.rowid
  WHERE contact_names MATCH ?`;

const ANY_NICKNAME = 'SELECT 1 FROM contact_aliases LIMIT 1';

/** Words as the index splits them, case and accents folded as names are matched. */
const wordsOf = (text: string): string[] => splitNameWords(foldName(text)).filter((w) => w !== '');

const BY_IDS = `SELECT id, name, company, archived FROM contacts
  WHERE is_me = 0 AND id IN (SELECT value FROM json_each(?))`;

const ALIASES_OF = `SELECT contact_id, alias FROM contact_aliases
  WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY alias COLLATE NOCASE`;

/**
 * The contacts a sentence's head may name, from the contact name index (its
 * tokenizer folds case and accents as name matching does): those
 * whose name or a nickname holds two neighbouring words of it, up to FIRST_NAME_LIMIT
 * whose name starts with one of its words (enough to tell a unique first name
 * from a shared one), those with a nickname among its words, and those it
 * names by `#ID`; each with its nicknames. Never a scan of every contact, and
 * never every contact of a common first name.
 */
export function jotCandidates(db: Db, head: string): JotCandidate[] {
  const { words, pairs } = nameSearchTerms(head);
  const rows: Row[] = [];
  if (pairs.length > 0) {
    const phrases = pairs.map((p) => `"${p}"`).join(' OR ');
    rows.push(...(statement(db, BY_NAME).all(`{name aliases} : (${phrases})`) as Row[]));
  }
  const byFirstWord = statement(db, `${BY_NAME} LIMIT ${FIRST_NAME_LIMIT}`);
  for (const word of words) rows.push(...(byFirstWord.all(`{name} : ^"${word}"`) as Row[]));
  // Most journals have no nicknames: then the index is not asked for every word's list.
  if (words.length > 0 && statement(db, ANY_NICKNAME).get() !== undefined) {
    const any = words.map((w) => `"${w}"`).join(' OR ');
    const nicknames = statement(db, NICKNAMES_BY_WORD).all(`{aliases} : (${any})`) as {
      contact_id: number;
      alias: string;
    }[];
    // A nickname is named when every word of it is in the sentence (the parse reads them in order).
    const said = new Set(wordsOf(head));
    const named = nicknames.filter((n) => wordsOf(n.alias).every((w) => said.has(w)));
    if (named.length > 0) {
      rows.push(
        ...(statement(db, BY_IDS).all(JSON.stringify(named.map((n) => n.contact_id))) as Row[]),
      );
    }
  }
  const ids = [...head.matchAll(/#(\d+)/gu)].map((m) => Number(m[1]));
  if (ids.length > 0) {
    rows.push(...(statement(db, BY_IDS).all(JSON.stringify(ids)) as Row[]));
  }
  const byId = new Map<number, JotCandidate & { aliases: string[] }>(
    rows.map((r) => [r.id, { ...r, aliases: [], archived: r.archived === 1 }]),
  );
  if (byId.size > 0) {
    const aliases = statement(db, ALIASES_OF).all(JSON.stringify([...byId.keys()])) as {
      contact_id: number;
      alias: string;
    }[];
    for (const a of aliases) byId.get(a.contact_id)?.aliases.push(a.alias);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
