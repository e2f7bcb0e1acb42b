import { createHash } from 'node:crypto';
import { foldText } from './reach.js';
export {
  formatShareRule,
  isShared,
  parseShareRule,
  type ShareCandidate,
  type ShareRule,
} from './team-share-rule.js';

/**
 * What a member shares with their team, decided here without a database:
 * the share rule (`team.share`), each contact's own choice (`--share`,
 * `--no-share`), and the row sent for a shared contact — only name,
 * company, role, salted hashes of the normalised e-mail and profile URL,
 * and warmth. Nothing else of a contact can reach this module's output.
 */

/** An e-mail or URL as compared across members: trimmed and lower-cased. */
export function normaliseIdentifier(value: string): string {
  return value.trim().toLowerCase();
}

/** The salted hash a team sees instead of an e-mail or URL (null when there is none). */
export function identifierHash(value: string | null, salt: string): string | null {
  if (value === null) return null;
  const normal = normaliseIdentifier(value);
  if (normal === '') return null;
  return createHash('sha256').update(`${salt}\n${normal}`).digest('hex');
}

/**
 * The key a shared record goes by on the server: its stable id hashed with
 * the team's salt (a UUIDv7 would tell when the contact was created).
 */
export function shareKey(uid: string, salt: string): string {
  return createHash('sha256').update(`${salt}\nrecord\n${uid}`).digest('hex').slice(0, 32);
}

/** A shared contact as the journal knows it (its private fields never read). */
export interface SharedContactSource {
  uid: string;
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  url: string | null;
  /** Meetings in the 365 days up to today. */
  meetings: number;
  lastMet: string | null;
}

/** A row of the team's people table: exactly what leaves the journal for one contact. */
export interface SharedPerson {
  uid: string;
  name: string;
  company: string | null;
  role: string | null;
  emailHash: string | null;
  urlHash: string | null;
  meetingsLastYear: number;
  /** YYYY-MM: the month, not the day. */
  lastMetMonth: string | null;
  /** The name folded, for team intros. */
  nameKey: string;
  /** Company and role folded, for team reach. */
  search: string;
  rowHash: string;
}

/** The row sent for a shared contact. */
export function sharedPerson(c: SharedContactSource, salt: string): SharedPerson {
  const row = {
    uid: shareKey(c.uid, salt),
    name: c.name,
    company: c.company,
    role: c.role,
    emailHash: identifierHash(c.email, salt),
    urlHash: identifierHash(c.url, salt),
    meetingsLastYear: c.meetings,
    lastMetMonth: c.lastMet === null ? null : c.lastMet.slice(0, 7),
    nameKey: foldText(c.name),
    search: foldText([c.company ?? '', c.role ?? ''].join('\u001e')),
  };
  return { ...row, rowHash: rowHash(row) };
}

/** An introduction among shared contacts; '' is the member. */
export interface SharedIntroduction {
  uid: string;
  introducer: string;
  person: string;
  to: string;
  date: string;
  rowHash: string;
}

/**
 * The introductions a member shares: those whose three people are each
 * the member or a shared contact (`shared` holds their stable ids, `meUid`
 * is the member's own), keyed like the people.
 */
export function sharedIntroductions(
  intros: readonly { uid: string; introducer: string; person: string; to: string; date: string }[],
  shared: ReadonlySet<string>,
  meUid: string,
  salt: string,
): SharedIntroduction[] {
  const side = (uid: string) => (uid === meUid ? '' : shared.has(uid) ? shareKey(uid, salt) : null);
  const out: SharedIntroduction[] = [];
  for (const i of intros) {
    const introducer = side(i.introducer);
    const person = side(i.person);
    const to = side(i.to);
    if (introducer === null || person === null || to === null) continue;
    const row = { uid: shareKey(i.uid, salt), introducer, person, to, date: i.date };
    out.push({ ...row, rowHash: rowHash(row) });
  }
  return out;
}

/** A short hash of a row's content: an unchanged row is not sent again. */
function rowHash(row: object): string {
  return createHash('sha256').update(JSON.stringify(row)).digest('base64url').slice(0, 22);
}

/** What a share changes on the server: rows to write and uids to remove. */
export interface ShareDiff<R> {
  upsert: R[];
  remove: string[];
}

/** Compare what should be shared with the row hashes the server holds. */
export function shareDiff<R extends { uid: string; rowHash: string }>(
  wanted: readonly R[],
  onServer: ReadonlyMap<string, string>,
): ShareDiff<R> {
  const upsert = wanted.filter((r) => onServer.get(r.uid) !== r.rowHash);
  const keep = new Set(wanted.map((r) => r.uid));
  const remove = [...onServer.keys()].filter((uid) => !keep.has(uid)).sort();
  return { upsert, remove };
}
