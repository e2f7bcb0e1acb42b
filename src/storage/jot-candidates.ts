import { FIRST_NAME_LIMIT, type JotCandidate } from '../domain/jot.js';
import { nameSearchTerms } from '../domain/jot-words.js';
import type { Db } from './journal.js';
import { statement } from './sqlite.js';

type Row = Omit<JotCandidate, 'archived' | 'aliases'> & { archived: number };

const BY_NAME = `SELECT c.id, c.name, c.company, c.archived FROM search_index s
   JOIN contacts c ON c.id = s.ref
  WHERE search_index MATCH ? AND s.kind = 'contact' AND c.is_me = 0`;

/**
 * Contacts with a nickname that holds one of the words. The index's name
 * column holds the name and then the nicknames (0010), so this also finds
 * a contact by a word of its name; the parse tells them apart. Few contacts
 * have nicknames, and fewer share a word with a sentence: the cap only
 * bounds a pathological journal.
 */
const BY_NICKNAME = `${BY_NAME}
    AND EXISTS (SELECT 1 FROM contact_aliases a WHERE a.contact_id = c.id) LIMIT 200`;

const ALIASES_OF = `SELECT contact_id, alias FROM contact_aliases
  WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY alias COLLATE NOCASE`;

/**
 * The contacts a sentence's head may name, from the search index's name
 * column (its tokenizer folds case and accents as name matching does): those
 * whose name holds two neighbouring words of it, up to FIRST_NAME_LIMIT
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
    rows.push(...(statement(db, BY_NAME).all(`{name} : (${phrases})`) as Row[]));
  }
  const byFirstWord = statement(db, `${BY_NAME} LIMIT ${FIRST_NAME_LIMIT}`);
  for (const word of words) rows.push(...(byFirstWord.all(`{name} : ^"${word}"`) as Row[]));
  if (words.length > 0) {
    const any = words.map((w) => `"${w}"`).join(' OR ');
    rows.push(...(statement(db, BY_NICKNAME).all(`{name} : (${any})`) as Row[]));
  }
  const ids = [...head.matchAll(/#(\d+)/gu)].map((m) => Number(m[1]));
  if (ids.length > 0) {
    rows.push(
      ...(statement(
        db,
        `SELECT id, name, company, archived FROM contacts
          WHERE is_me = 0 AND id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(ids)) as Row[]),
    );
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
