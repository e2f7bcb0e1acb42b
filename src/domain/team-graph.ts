import { daysBetween } from './dates.js';

/**
 * `team reach` and `team intros`, pure: the rows members shared, as the
 * server holds them, made into people (the same person shared by several
 * members is one, recognised by the salted hash of an e-mail or profile URL)
 * and ranked by warmth.
 *
 *   warmth = meetings in the last year + 30 / (days since the month last met + 30)
 *
 * as `reach` ranks a member's own contacts, with the first day of the month
 * last met standing for the day (members share the month, not the day).
 */

/** A shared row with the member who shared it. */
export interface TeamPersonRow {
  /** The member's role, and the name the team sees them as. */
  member: string;
  memberName: string;
  uid: string;
  name: string;
  company: string | null;
  role: string | null;
  emailHash: string | null;
  urlHash: string | null;
  meetings: number;
  lastMetMonth: string | null;
}

/** An introduction a member shared; '' is that member. */
export interface TeamIntroRow {
  member: string;
  introducer: string;
  person: string;
  to: string;
}

/** One member who knows a person, and how well. */
export interface Knower {
  member: string;
  memberName: string;
  warmth: number;
  meetings: number;
  lastMetMonth: string | null;
}

/** A person as the team knows them: once, with everyone who knows them, warmest first. */
export interface TeamPerson {
  name: string;
  company: string | null;
  role: string | null;
  /** The best warmth among the knowers. */
  warmth: number;
  knownBy: Knower[];
}

/** Warmth from what a member shares (see above), rounded to two decimals. */
export function teamWarmth(meetings: number, lastMetMonth: string | null, today: string): number {
  const since =
    lastMetMonth === null ? null : Math.max(0, daysBetween(`${lastMetMonth}-01`, today));
  const recency = since === null ? 0 : 30 / (since + 30);
  return Math.round((meetings + recency) * 100) / 100;
}

const rowKey = (r: { member: string; uid: string }) => `${r.member}\u0000${r.uid}`;

/**
 * The rows grouped into people: rows sharing an e-mail or URL hash are one
 * person (transitively); a row with neither is a person of its own.
 */
export function groupPeople(rows: readonly TeamPersonRow[]): TeamPersonRow[][] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const byHash = new Map<string, number>();
  rows.forEach((r, i) => {
    for (const h of [r.emailHash && `e${r.emailHash}`, r.urlHash && `u${r.urlHash}`]) {
      if (!h) continue;
      const seen = byHash.get(h);
      if (seen === undefined) byHash.set(h, i);
      else parent[find(i)] = find(seen);
    }
  });
  const groups = new Map<number, TeamPersonRow[]>();
  rows.forEach((r, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(r);
    else groups.set(root, [r]);
  });
  return [...groups.values()];
}

// One collator: localeCompare with options makes one per call (20 ms for 1,500 rows).
const collator = new Intl.Collator(undefined, { sensitivity: 'accent' });
const byName = (a: string, b: string) => collator.compare(a, b);

/** One group of rows as a person: named, placed and ranked by their warmest knower. */
export function teamPerson(group: readonly TeamPersonRow[], today: string): TeamPerson {
  const best = new Map<string, { row: TeamPersonRow; knower: Knower }>();
  for (const row of group) {
    const knower: Knower = {
      member: row.member,
      memberName: row.memberName,
      warmth: teamWarmth(row.meetings, row.lastMetMonth, today),
      meetings: row.meetings,
      lastMetMonth: row.lastMetMonth,
    };
    // A member who shared one person twice counts once, at their warmer row.
    const seen = best.get(row.member);
    if (!seen || knower.warmth > seen.knower.warmth) best.set(row.member, { row, knower });
  }
  const ranked = [...best.values()].sort(
    (a, b) => b.knower.warmth - a.knower.warmth || byName(a.knower.memberName, b.knower.memberName),
  );
  const top = ranked[0]?.row ?? group[0];
  return {
    name: top?.name ?? '',
    company: ranked.find((r) => r.row.company !== null)?.row.company ?? null,
    role: ranked.find((r) => r.row.role !== null)?.row.role ?? null,
    warmth: ranked[0]?.knower.warmth ?? 0,
    knownBy: ranked.map((r) => r.knower),
  };
}

/** `team reach`: the people the rows make, warmest first, then by name. */
export function teamReach(rows: readonly TeamPersonRow[], today: string): TeamPerson[] {
  return groupPeople(rows)
    .map((g) => teamPerson(g, today))
    .sort((a, b) => b.warmth - a.warmth || byName(a.name, b.name));
}

/** A member who can introduce the asker to someone, and how. */
export interface Introducer {
  member: string;
  memberName: string;
  /** 1: they know the person; 2: through one person they know; … */
  hops: number;
  /** Names from the member to the person: ["Bob Ode", "Joe Park", "Ralph Smith"]. */
  path: string[];
  /** How well the member knows the first person on the path. */
  warmth: number;
}

/** The most people between a member and the person `team intros` looks through. */
export const MAX_HOPS = 4;

/**
 * `team intros`: for every member but the asker, the shortest way to one of
 * the target rows' people — they know them, or know someone who introduced
 * them or was introduced to them (an introduction links its three people),
 * and so on. Closest first, then warmest, then by name.
 */
export function teamIntroducers(
  rows: readonly TeamPersonRow[],
  intros: readonly TeamIntroRow[],
  targets: ReadonlySet<string>,
  asker: string,
  today: string,
): Introducer[] {
  const groups = groupPeople(rows);
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((r) => groupOf.set(rowKey(r), i)));
  const names = groups.map((g, i) => teamPerson(g, today).name || `#${i}`);
  const goal = new Set<number>();
  for (const r of rows) if (targets.has(rowKey(r))) goal.add(groupOf.get(rowKey(r)) as number);

  // People linked by an introduction, and who each member knows.
  const links = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    if (a === b) return;
    (links.get(a) ?? links.set(a, new Set()).get(a))?.add(b);
    (links.get(b) ?? links.set(b, new Set()).get(b))?.add(a);
  };
  for (const i of intros) {
    const people = [i.introducer, i.person, i.to]
      .filter((uid) => uid !== '')
      .map((uid) => groupOf.get(rowKey({ member: i.member, uid })))
      .filter((g): g is number => g !== undefined);
    for (const a of people) for (const b of people) if (a < b) link(a, b);
  }
  const members = new Map<string, { name: string; knows: Map<number, number> }>();
  for (const r of rows) {
    const m = members.get(r.member) ?? { name: r.memberName, knows: new Map<number, number>() };
    members.set(r.member, m);
    const g = groupOf.get(rowKey(r)) as number;
    const w = teamWarmth(r.meetings, r.lastMetMonth, today);
    m.knows.set(g, Math.max(w, m.knows.get(g) ?? 0));
  }

  const found: Introducer[] = [];
  for (const [member, m] of members) {
    if (member === asker) continue;
    // Breadth first from the people the member knows, warmest first so ties go to them.
    const start = [...m.knows.entries()].sort((a, b) => b[1] - a[1]);
    const cameFrom = new Map<number, number | null>(start.map(([g]) => [g, null]));
    let frontier = start.map(([g]) => g);
    let reached: number | undefined;
    for (let hops = 1; hops <= MAX_HOPS && frontier.length > 0; hops++) {
      reached = frontier.find((g) => goal.has(g));
      if (reached !== undefined) break;
      const next: number[] = [];
      for (const g of frontier)
        for (const n of [...(links.get(g) ?? [])].sort((a, b) => a - b))
          if (!cameFrom.has(n)) {
            cameFrom.set(n, g);
            next.push(n);
          }
      frontier = next;
    }
    if (reached === undefined) continue;
    const path: number[] = [];
    let step: number | null | undefined = reached;
    while (step !== null && step !== undefined) {
      path.unshift(step);
      step = cameFrom.get(step);
    }
    found.push({
      member,
      memberName: m.name,
      hops: path.length,
      path: [m.name, ...path.map((g) => names[g] ?? '')],
      warmth: m.knows.get(path[0] as number) ?? 0,
    });
  }
  return found.sort(
    (a, b) => a.hops - b.hops || b.warmth - a.warmth || byName(a.memberName, b.memberName),
  );
}
