import { UsageError } from '../errors.js';
import { parseInterval } from './dates.js';
import { formatShareRule, parseShareRule } from './team-share-rule.js';
import { teamUrl } from './team-url.js';

interface SettingSpec {
  description: string;
  /** Typed value → stored value; throws UsageError. */
  parse(value: string): string;
  /** Is this a stored value (what parse returns)? */
  isStored(value: string): boolean;
  /** Stored value → shown value. */
  format(stored: string): string;
}

const cadence = (circle: string): SettingSpec => ({
  description: `default keep-in-touch cadence for ${circle}-circle contacts without their own`,
  parse: (value) => {
    const days = parseInterval(value);
    if (days === null) {
      throw new UsageError(
        `"${value}" is not a cadence`,
        `clear it with: netjournal config unset cadence.${circle}`,
      );
    }
    return String(days);
  },
  format: (stored) => `${stored}d`,
  // The same rule as next_touch_expected in 0004_next_touch.sql: a positive whole number of days.
  isStored: isCadenceDays,
});

/** A stored cadence: a positive whole number of days, digits only. */
export function isCadenceDays(value: string): boolean {
  return /^[1-9][0-9]*$/.test(value);
}

/** A setting's value as stored: kept when already in stored form, else parsed (an import's "60d"). */
export function storedSettingValue(key: string, value: string): string {
  const spec = settingSpec(key);
  return spec.isStored(value) ? value : spec.parse(value);
}

/** A name as one line with single spaces: how `me.name` is kept. */
function oneLine(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

// The user's own name: `draft` signs with its first word (the `me` contact is
// called "me" and cannot be renamed).
const meName: SettingSpec = {
  description: 'your name, to sign drafts with (draft)',
  parse: (value) => {
    const name = oneLine(value);
    if (name === '') {
      throw new UsageError('me.name cannot be empty', 'give your name, e.g. "Sam Lee"');
    }
    return name;
  },
  format: (stored) => stored,
  isStored: (value) => value !== '' && value === oneLine(value),
};

// How stale a sync may get before a write starts one in the background.
const syncAuto: SettingSpec = {
  description: 'after a write, sync in the background when the last sync is older (15m, 1h)',
  parse: (value) => {
    const m = /^\s*([1-9][0-9]{0,5})\s*(m|min|minutes?|h|hours?)?\s*$/i.exec(value);
    if (!m)
      throw new UsageError(
        `"${value}" is not a time for sync.auto`,
        'give minutes or hours, e.g. 15m or 1h; turn it off with netjournal config unset sync.auto',
      );
    const n = Number(m[1]);
    return String(/^h/i.test(m[2] ?? '') ? n * 60 : n);
  },
  format: (stored) => `${stored}m`,
  isStored: (value) => /^[1-9][0-9]*$/.test(value),
};

// The team this journal shares with (`team join` sets both; never a password).
const teamUrlSetting: SettingSpec = {
  description: 'the team database this journal shares with (set by team join)',
  parse: (value) => teamUrl(value),
  format: (stored) => stored,
  isStored: (value) => {
    try {
      return teamUrl(value) === value;
    } catch {
      return false;
    }
  },
};

const teamMember: SettingSpec = {
  description: 'the name the team sees you as (set by team join)',
  parse: (value) => {
    const name = oneLine(value);
    if (name === '')
      throw new UsageError('team.member cannot be empty', 'give your name, e.g. "Sam Lee"');
    return name;
  },
  format: (stored) => stored,
  isStored: (value) => value !== '' && value === oneLine(value),
};

// Which contacts `team share` sends (a contact's own --share/--no-share wins).
const teamShare: SettingSpec = {
  description: 'which contacts team share sends: all, tag:TAG,… or circle:second,…',
  parse: (value) => formatShareRule(parseShareRule(value)),
  format: (stored) => stored,
  isStored: (value) => {
    try {
      return formatShareRule(parseShareRule(value)) === value;
    } catch {
      return false;
    }
  },
};

/** Every setting netjournal knows. */
export const SETTINGS: Record<string, SettingSpec> = {
  'cadence.inner': cadence('inner'),
  'cadence.second': cadence('second'),
  'cadence.third': cadence('third'),
  'me.name': meName,
  'sync.auto': syncAuto,
  'team.url': teamUrlSetting,
  'team.member': teamMember,
  'team.share': teamShare,
};

/** The spec of a known setting, or a usage error listing them. */
export function settingSpec(key: string): SettingSpec {
  // Own keys only: "constructor" or "__proto__" must not find Object's.
  const spec = Object.hasOwn(SETTINGS, key) ? SETTINGS[key] : undefined;
  if (!spec) {
    throw new UsageError(
      `unknown setting "${key}"`,
      `known settings: ${Object.keys(SETTINGS).join(', ')}`,
    );
  }
  return spec;
}
