import type { JotCandidate } from '../domain/jot.js';
import { nameSearchWords } from '../domain/jot-words.js';
import type { Db } from './journal.js';
import { statement } from './sqlite.js';

/**
 * The contacts a sentence's head may name: those with any of its words that
 * may be a name in their name (one query on the search index's name column,
 * whose tokenizer folds case and accents as name matching does), and those it
 * names by `#ID`. Never a scan of every contact: the parser compares whole
 * names only among these.
 */
export function jotCandidates(db: Db, sentence: string): JotCandidate[] {
  const words = nameSearchWords(sentence);
  const ids = [...sentence.matchAll(/#(\d+)/gu)].map((m) => Number(m[1]));
  const rows: (Omit<JotCandidate, 'archived'> & { archived: number })[] = [];
  if (words.length > 0) {
    rows.push(
      ...(statement(
        db,
        `SELECT c.id, c.name, c.company, c.archived FROM search_index s
           JOIN contacts c ON c.id = s.ref
          WHERE search_index MATCH ? AND s.kind = 'contact' AND c.is_me = 0`,
      ).all(`{name} : (${words.map((w) => `"${w}"`).join(' OR ')})`) as typeof rows),
    );
  }
  if (ids.length > 0) {
    rows.push(
      ...(statement(
        db,
        `SELECT id, name, company, archived FROM contacts
          WHERE is_me = 0 AND id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(ids)) as typeof rows),
    );
  }
  const byId = new Map(rows.map((r) => [r.id, { ...r, archived: r.archived === 1 }]));
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
