import { daysBetween } from './dates.js';

/**
 * `reach TEXT`: who can get the user to a company, role or tag. Pure: storage
 * hands in the people and the introductions to the user, this decides who
 * matches, why, and in what order.
 *
 * Warmth, used to rank within each group (direct matches, then one
 * introduction away):
 *
 *   warmth = meetings in the last 365 days + 30 / (days since last met + 30)
 *
 * so every recent meeting counts one point and recency adds up to one more
 * (met today: +1, a month ago: +0.5, never met: +0). Ties go by name, then id.
 */

/** A non-archived contact as `reach` sees it. */
export interface ReachPerson {
  id: number;
  name: string;
  company: string | null;
  role: string | null;
  tags: readonly string[];
  /** Things learned about them, newest first. */
  notes: readonly string[];
  lastMet: string | null;
  /** Meetings in the 365 days up to today. */
  meetings: number;
}

/** An introduction to the user: introducer introduced person to me. */
export interface IntroLink {
  introducerId: number;
  personId: number;
}

/** A contact who shares a company or a tag with another. */
export interface RelatedContact {
  id: number;
  name: string;
  /** "same company", or "tag X" (X as the first contact spells it). */
  reason: string;
}

/** One row of the `reach` answer. */
export interface ReachRow {
  name: string;
  contactId: number;
  /** 0: matches the text; 1: one introduction away from someone who does. */
  distance: 0 | 1;
  /** Rounded to two decimals. */
  warmth: number;
  reason: string;
  /** The matching contact a distance-1 row is one introduction away from. */
  via: string | null;
  lastMet: string | null;
  meetings: number;
}

/** What made a contact match: the sentence for their own row, and a label for others' rows. */
export interface MatchReason {
  /** "works at Northwind Labs", "role: Head of Design", "tagged design", "you noted: …". */
  reason: string;
  /** What goes in brackets after their name: "Northwind Labs", "tagged design", … */
  label: string;
}

/** Text folded for matching: lower case, accents removed (José → jose, Müller → muller). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

/**
 * Why a person matches the (already folded, non-empty) query: the first of
 * company, role, a tag (in their order), a note (newest first); null when
 * nothing matches.
 */
export function matchReason(person: ReachPerson, folded: string): MatchReason | null {
  const hit = (text: string | null): text is string =>
    text !== null && foldText(text).includes(folded);
  if (hit(person.company)) return { reason: `works at ${person.company}`, label: person.company };
  if (hit(person.role)) return { reason: `role: ${person.role}`, label: person.role };
  const tag = person.tags.find(hit);
  if (tag !== undefined) return { reason: `tagged ${tag}`, label: `tagged ${tag}` };
  const note = person.notes.find(hit);
  if (note !== undefined) return { reason: `you noted: ${note}`, label: `you noted: ${note}` };
  return null;
}

/** The warmth score (see the formula above), rounded to two decimals. */
export function warmth(lastMet: string | null, meetings: number, today: string): number {
  // A meeting dated after a fixed --now counts as today rather than as a bonus above one.
  const since = lastMet === null ? null : Math.max(0, daysBetween(lastMet, today));
  const recency = since === null ? 0 : 30 / (since + 30);
  return Math.round((meetings + recency) * 100) / 100;
}

function row(
  person: ReachPerson,
  distance: 0 | 1,
  reason: string,
  via: string | null,
  today: string,
): ReachRow {
  return {
    name: person.name,
    contactId: person.id,
    distance,
    warmth: warmth(person.lastMet, person.meetings, today),
    reason,
    via,
    lastMet: person.lastMet,
    meetings: person.meetings,
  };
}

/** Warmest first, then by name (case-insensitive), then id. */
function byWarmth(a: ReachRow, b: ReachRow): number {
  return (
    b.warmth - a.warmth ||
    a.name.localeCompare(b.name, undefined, { sensitivity: 'accent' }) ||
    a.contactId - b.contactId
  );
}

/**
 * Who can get the user to TEXT: people matching it directly (company, role,
 * tags, notes), then people one introduction away from a match — whoever
 * introduced the user to a match, and whoever a match introduced the user
 * to. Each person appears once: a direct match is never repeated one away,
 * and someone linked to several matches is listed through the warmest one.
 * People not among `people` (the user, archived contacts) are left out.
 */
export function reach(
  text: string,
  people: readonly ReachPerson[],
  links: readonly IntroLink[],
  today: string,
): ReachRow[] {
  const folded = foldText(text.trim());
  if (folded === '') return [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const matches = new Map<number, MatchReason>();
  const direct: ReachRow[] = [];
  for (const person of people) {
    const match = matchReason(person, folded);
    if (!match) continue;
    matches.set(person.id, match);
    direct.push(row(person, 0, match.reason, null, today));
  }
  direct.sort(byWarmth);
  // The warmest match first, so each person one away is reached through it.
  const order = new Map(direct.map((r, i) => [r.contactId, i]));
  const candidates: { rank: number; person: ReachPerson; reason: string; via: string }[] = [];
  for (const link of links) {
    const introducer = byId.get(link.introducerId);
    const person = byId.get(link.personId);
    if (!introducer || !person) continue;
    const personMatch = matches.get(person.id);
    if (personMatch && !matches.has(introducer.id)) {
      candidates.push({
        rank: order.get(person.id) ?? 0,
        person: introducer,
        reason: `${introducer.name} introduced you to ${person.name} (${personMatch.label})`,
        via: person.name,
      });
    }
    const introducerMatch = matches.get(introducer.id);
    if (introducerMatch && !matches.has(person.id)) {
      candidates.push({
        rank: order.get(introducer.id) ?? 0,
        person,
        reason: `${introducer.name} (${introducerMatch.label}) introduced you to ${person.name}`,
        via: introducer.name,
      });
    }
  }
  candidates.sort((a, b) => a.rank - b.rank);
  const away = new Map<number, ReachRow>();
  for (const c of candidates) {
    if (!away.has(c.person.id)) away.set(c.person.id, row(c.person, 1, c.reason, c.via, today));
  }
  return [...direct, ...[...away.values()].sort(byWarmth)];
}
