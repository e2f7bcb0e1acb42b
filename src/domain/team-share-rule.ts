import { UsageError } from '../errors.js';
import { CIRCLES, type Circle } from './contact.js';

/**
 * Who a member shares with their team: the share rule (`team.share`) and
 * each contact's own choice (`--share`, `--no-share`). Apart from
 * team-share.ts (which hashes, with node:crypto) because settings read it
 * in every command.
 */

/** `team.share`: nobody (unset), everyone, those with one of some tags, or in some circles. */
export type ShareRule =
  | { kind: 'none' }
  | { kind: 'all' }
  | { kind: 'tag'; tags: string[] }
  | { kind: 'circle'; circles: Circle[] };

const RULE_HINT = "use all, tag:TAG[,TAG…] or circle:second[,third], e.g. 'tag:work'";

/** Parse a typed rule ("tag:work, clients", "circle:second,third", "all"); throws UsageError. */
export function parseShareRule(text: string): ShareRule {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'all') return { kind: 'all' };
  const m = /^(tag|circle)\s*:(.*)$/is.exec(trimmed);
  const list = (m?.[2] ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (!m || list.length === 0) throw new UsageError(`"${text}" is not a share rule`, RULE_HINT);
  if (m[1]?.toLowerCase() === 'tag') return { kind: 'tag', tags: unique(list) };
  const circles = list.map((c) => c.toLowerCase());
  const unknown = circles.find((c) => !(CIRCLES as readonly string[]).includes(c));
  if (unknown !== undefined)
    throw new UsageError(`"${unknown}" is not a circle`, 'circles are inner, second and third');
  return { kind: 'circle', circles: unique(circles) as Circle[] };
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A rule as it is stored and shown: `all`, `tag:work,clients`, `circle:second,third`. */
export function formatShareRule(rule: ShareRule): string {
  switch (rule.kind) {
    case 'none':
      return '';
    case 'all':
      return 'all';
    case 'tag':
      return `tag:${rule.tags.join(',')}`;
    case 'circle':
      return `circle:${rule.circles.join(',')}`;
  }
}

/** What decides whether one contact is shared. */
export interface ShareCandidate {
  circle: Circle | null;
  tags: readonly string[];
  archived: boolean;
  /** The contact's own choice: true (--share), false (--no-share), null (the rule decides). */
  share: boolean | null;
}

/** Is this contact shared? Its own choice first, then the rule; archived contacts never. */
export function isShared(c: ShareCandidate, rule: ShareRule): boolean {
  if (c.archived) return false;
  if (c.share !== null) return c.share;
  switch (rule.kind) {
    case 'none':
      return false;
    case 'all':
      return true;
    case 'tag': {
      const wanted = new Set(rule.tags.map((t) => t.toLowerCase()));
      return c.tags.some((t) => wanted.has(t.toLowerCase()));
    }
    case 'circle':
      return c.circle !== null && rule.circles.includes(c.circle);
  }
}
