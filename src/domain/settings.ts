import { UsageError } from '../errors.js';
import { parseInterval } from './dates.js';

interface SettingSpec {
  description: string;
  /** Typed value → stored value; throws UsageError. */
  parse(value: string): string;
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
});

/** Every setting netjournal knows. */
export const SETTINGS: Record<string, SettingSpec> = {
  'cadence.inner': cadence('inner'),
  'cadence.second': cadence('second'),
  'cadence.third': cadence('third'),
};

/** The spec of a known setting, or a usage error listing them. */
export function settingSpec(key: string): SettingSpec {
  const spec = SETTINGS[key];
  if (!spec) {
    throw new UsageError(
      `unknown setting "${key}"`,
      `known settings: ${Object.keys(SETTINGS).join(', ')}`,
    );
  }
  return spec;
}
