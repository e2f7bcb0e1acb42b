import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  dateOrNull,
  daysBetween,
  formatInterval,
  isIsoDate,
  localDate,
  parseBirthday,
  parseDate,
  parseInterval,
  parseNow,
  weekday,
  type DateDirection,
} from '../../src/domain/dates.js';
import { UsageError } from '../../src/errors.js';

// 2026-11-21 is a Saturday.
const TODAY = '2026-11-21';
const DATE_HINT = `try ${TODAY}, yesterday, monday, 3d or "2 weeks ago"`;
const DUE_HINT = `try ${TODAY}, tomorrow, friday, 2w or "next week"`;
const DAY_MS = 86_400_000;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

function expectUsage(fn: () => unknown, message: string, hint: string): void {
  const err = thrown(fn);
  expect(err).toBeInstanceOf(UsageError);
  expect((err as UsageError).message).toBe(message);
  expect((err as UsageError).hint).toBe(hint);
  expect((err as UsageError).exitCode).toBe(2);
}

// Independent oracle: format a UTC epoch-day with the built-in Date.
const isoFromEpochDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
const epochDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

const arbIsoBetween = (from: string, to: string): fc.Arbitrary<string> =>
  fc.integer({ min: epochDay(from), max: epochDay(to) }).map(isoFromEpochDay);
const arbDirection: fc.Arbitrary<DateDirection> = fc.constantFrom('past', 'future');

describe('isIsoDate', () => {
  it('accepts real dates, including leap days', () => {
    for (const d of ['2026-11-21', '2028-02-29', '2000-02-29', '1000-01-01', '9999-12-31']) {
      expect(isIsoDate(d)).toBe(true);
    }
  });
  it('rejects impossible or malformed dates', () => {
    for (const d of [
      '2026-02-29',
      '2100-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '0999-12-31',
      '2026-1-01',
      '2026-01-1',
      ' 2026-01-01',
      '2026-01-01T00:00',
      '20260101',
      '',
    ]) {
      expect(isIsoDate(d), d).toBe(false);
    }
  });
});

describe('localDate', () => {
  it('zero-pads the local calendar date', () => {
    expect(localDate(new Date(2026, 0, 5, 0, 0, 1))).toBe('2026-01-05');
    expect(localDate(new Date(2026, 10, 21, 23, 59, 59))).toBe('2026-11-21');
  });
  it('honours TZ', () => {
    const saved = process.env.TZ;
    try {
      const instant = new Date('2026-11-21T12:00:00Z');
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
      expect(localDate(instant)).toBe('2026-11-22');
      process.env.TZ = 'Pacific/Pago_Pago'; // UTC-11
      expect(localDate(instant)).toBe('2026-11-21');
      expect(localDate(new Date('2026-11-21T05:00:00Z'))).toBe('2026-11-20');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('addDays / addMonths / daysBetween / weekday', () => {
  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays(TODAY, 0)).toBe(TODAY);
  });
  it('adds months, clamping to the last day of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2026-01-31', -25)).toBe('2023-12-31');
  });
  it('counts days between dates', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-11-21', '2026-11-14')).toBe(-7);
    expect(daysBetween(TODAY, TODAY)).toBe(0);
  });
  it('knows the day of the week', () => {
    expect(weekday(TODAY)).toBe(6);
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2000-01-01')).toBe(6);
    expect(weekday('2028-02-29')).toBe(2);
    expect(weekday('1000-01-01')).toBe(3);
    expect(weekday('9999-12-31')).toBe(5);
  });
  it('rejects invalid input as a programming error', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays(TODAY, 1.5)).toThrow(RangeError);
    expect(() => addMonths('nope', 1)).toThrow(RangeError);
    expect(() => daysBetween(TODAY, '')).toThrow(RangeError);
    expect(() => weekday('2026-13-01')).toThrow(RangeError);
  });
});

describe('parseDate', () => {
  const past = (s: string): string => parseDate(s, TODAY, 'past');
  const future = (s: string): string => parseDate(s, TODAY, 'future');

  it('accepts ISO dates as written', () => {
    expect(past('2026-11-21')).toBe('2026-11-21');
    expect(future('2020-02-29')).toBe('2020-02-29');
    expect(past('  2030-01-01\t')).toBe('2030-01-01');
  });
  it('understands today, yesterday and tomorrow in any case', () => {
    expect(past('today')).toBe(TODAY);
    expect(future('TODAY')).toBe(TODAY);
    expect(past('Yesterday')).toBe('2026-11-20');
    expect(future('yesterday')).toBe('2026-11-20');
    expect(past('tomorrow')).toBe('2026-11-22');
    expect(past('  ToMoRrOw  ')).toBe('2026-11-22');
  });
  it('resolves bare weekday names by direction, strictly before or after today', () => {
    expect(past('monday')).toBe('2026-11-16');
    expect(future('monday')).toBe('2026-11-23');
    expect(past('mon')).toBe('2026-11-16');
    expect(past('friday')).toBe('2026-11-20');
    expect(future('fri')).toBe('2026-11-27');
    expect(past('sun')).toBe('2026-11-15');
    expect(future('Sunday')).toBe('2026-11-22');
    expect(past('tues')).toBe('2026-11-17');
    expect(past('tue')).toBe('2026-11-17');
    expect(future('thurs')).toBe('2026-11-26');
    expect(future('thu')).toBe('2026-11-26');
    expect(past('WED')).toBe('2026-11-18');
  });
  it('treats today’s own weekday as a week away', () => {
    expect(past('saturday')).toBe('2026-11-14');
    expect(future('sat')).toBe('2026-11-28');
    expect(past('next saturday')).toBe('2026-11-28');
    expect(future('last saturday')).toBe('2026-11-14');
  });
  it('resolves next/last weekday regardless of direction', () => {
    for (const dir of ['past', 'future'] as const) {
      expect(parseDate('next monday', TODAY, dir)).toBe('2026-11-23');
      expect(parseDate('last monday', TODAY, dir)).toBe('2026-11-16');
      expect(parseDate('next fri', TODAY, dir)).toBe('2026-11-27');
      expect(parseDate('last sun', TODAY, dir)).toBe('2026-11-15');
      expect(parseDate('  Next   SUNDAY ', TODAY, dir)).toBe('2026-11-22');
    }
  });
  it('resolves compact offsets by direction', () => {
    expect(past('3d')).toBe('2026-11-18');
    expect(future('3d')).toBe('2026-11-24');
    expect(past('2w')).toBe('2026-11-07');
    expect(future('2W')).toBe('2026-12-05');
    expect(past('1m')).toBe('2026-10-21');
    expect(future('1M')).toBe('2026-12-21');
    expect(past('1y')).toBe('2025-11-21');
    expect(future('1y')).toBe('2027-11-21');
    expect(future('9999d')).toBe(addDays(TODAY, 9999));
  });
  it('clamps month and year offsets at month end and on leap days', () => {
    expect(parseDate('1m', '2026-01-31', 'future')).toBe('2026-02-28');
    expect(parseDate('1m', '2028-01-31', 'future')).toBe('2028-02-29');
    expect(parseDate('1m', '2026-03-31', 'past')).toBe('2026-02-28');
    expect(parseDate('1y', '2028-02-29', 'past')).toBe('2027-02-28');
    expect(parseDate('4y', '2028-02-29', 'future')).toBe('2032-02-29');
    expect(parseDate('next month', '2026-01-31', 'past')).toBe('2026-02-28');
    expect(parseDate('last year', '2028-02-29', 'future')).toBe('2027-02-28');
  });
  it('understands "in N units" and "N units ago" regardless of direction', () => {
    for (const dir of ['past', 'future'] as const) {
      const p = (s: string): string => parseDate(s, TODAY, dir);
      expect(p('in 3 days')).toBe('2026-11-24');
      expect(p('in 1 day')).toBe('2026-11-22');
      expect(p('3 days ago')).toBe('2026-11-18');
      expect(p('in 2 weeks')).toBe('2026-12-05');
      expect(p('2 weeks ago')).toBe('2026-11-07');
      expect(p('in 3 months')).toBe('2027-02-21');
      expect(p('3 months ago')).toBe('2026-08-21');
      expect(p('in 2 years')).toBe('2028-11-21');
      expect(p('2 years ago')).toBe('2024-11-21');
      expect(p('in a week')).toBe('2026-11-28');
      expect(p('in one year')).toBe('2027-11-21');
      expect(p('an year ago')).toBe('2025-11-21');
      expect(p('a month ago')).toBe('2026-10-21');
      expect(p('One Day Ago')).toBe('2026-11-20');
      expect(p('  in   3\tDAYS ')).toBe('2026-11-24');
    }
  });
  it('understands next/last week, month and year', () => {
    expect(past('next week')).toBe('2026-11-28');
    expect(future('last week')).toBe('2026-11-14');
    expect(past('next month')).toBe('2026-12-21');
    expect(future('last month')).toBe('2026-10-21');
    expect(past('next year')).toBe('2027-11-21');
    expect(future('LAST YEAR')).toBe('2025-11-21');
  });
  it('rejects unknown input with the exact message and hint', () => {
    for (const input of [
      '',
      '   ',
      'someday',
      '3',
      '0d',
      '-3d',
      '+3d',
      '3 d',
      '3dd',
      '10000d',
      '1.5d',
      'in 0 days',
      'in 3',
      'in -3 days',
      '3 days',
      'ago',
      'in a fortnight',
      'next',
      'next day',
      'next weeks',
      'last mondays',
      'monday next',
      'thur',
      '2026/11/21',
      '21-11-2026',
      '2026-11-21T10:00',
      '2026-1-5',
    ]) {
      expectUsage(() => past(input), `unknown date "${input.trim()}"`, DATE_HINT);
    }
  });
  it('shows the trimmed input as typed in the message', () => {
    expectUsage(() => past('  Some Day  '), 'unknown date "Some Day"', DATE_HINT);
  });
  it('rejects well-formed impossible dates as "no such date"', () => {
    expectUsage(() => past('2026-02-30'), 'no such date "2026-02-30"', DATE_HINT);
    expectUsage(() => past('2026-02-29'), 'no such date "2026-02-29"', DATE_HINT);
    expectUsage(() => past(' 2026-13-01 '), 'no such date "2026-13-01"', DATE_HINT);
    expectUsage(() => past('0999-12-31'), 'no such date "0999-12-31"', DATE_HINT);
  });
  it('gives examples that are valid for the field: the past for meetings, ahead for due dates', () => {
    for (const [direction, hint] of [
      ['past', DATE_HINT],
      ['future', DUE_HINT],
    ] as const) {
      const examples = hint
        .replace(/^try /, '')
        .split(/, | or /)
        .map((e) => e.replace(/"/g, ''));
      expect(examples).toHaveLength(5);
      for (const example of examples) {
        const date = parseDate(example, TODAY, direction);
        if (direction === 'past') expect(date <= TODAY, example).toBe(true);
        else expect(date >= TODAY, example).toBe(true);
      }
    }
  });
  it('uses the given today in the hint', () => {
    expectUsage(
      () => parseDate('nope', '2030-01-02', 'past'),
      'unknown date "nope"',
      'try 2030-01-02, yesterday, monday, 3d or "2 weeks ago"',
    );
  });
  it('rejects results outside years 1000-9999', () => {
    expectUsage(() => future('9999y'), 'date "9999y" is out of range (years 1000-9999)', DUE_HINT);
    expectUsage(
      () => past('2000 years ago'),
      'date "2000 years ago" is out of range (years 1000-9999)',
      DATE_HINT,
    );
  });
});

describe('parseNow', () => {
  const hint = 'use a date like 2026-11-21';
  it('accepts a date or the date part of an ISO timestamp, as written', () => {
    expect(parseNow('2026-11-21')).toBe('2026-11-21');
    expect(parseNow('2026-11-21T10:00:00Z')).toBe('2026-11-21');
    expect(parseNow('2026-11-21T23:30:00.000-08:00')).toBe('2026-11-21');
    expect(parseNow('2028-02-29T00:00:00+14:00')).toBe('2028-02-29');
  });
  it('rejects anything else', () => {
    for (const input of [
      '',
      'today',
      '2026-02-30',
      '2026-02-30T10:00:00Z',
      '2026-11-21 10:00',
      '2026-11-21X',
      '2026/11/21',
      '1763683200',
    ]) {
      expectUsage(() => parseNow(input), `invalid --now "${input}"`, hint);
    }
  });
});

describe('parseInterval / formatInterval', () => {
  const hint = 'try 30d, 6w, 3m, 1y or none';
  it('parses every unit, case-insensitively', () => {
    expect(parseInterval('30d')).toBe(30);
    expect(parseInterval('6w')).toBe(42);
    expect(parseInterval('3m')).toBe(90);
    expect(parseInterval('1y')).toBe(365);
    expect(parseInterval('2Y')).toBe(730);
    expect(parseInterval('30 d')).toBe(30);
    expect(parseInterval(' 1d ')).toBe(1);
    expect(parseInterval('100y')).toBe(36500);
    expect(parseInterval('36500d')).toBe(36500);
  });
  it('returns null for none', () => {
    expect(parseInterval('none')).toBeNull();
    expect(parseInterval(' NONE ')).toBeNull();
  });
  it('rejects zero with its own message', () => {
    expectUsage(() => parseInterval('0d'), 'interval must be at least one day', hint);
    expectUsage(() => parseInterval('00w'), 'interval must be at least one day', hint);
  });
  it('rejects unknown or too-long intervals', () => {
    for (const input of ['', 'd', '30', '1x', '-1d', '1.5m', '101y', '36501d', 'never', '1 year']) {
      expectUsage(() => parseInterval(input), `unknown interval "${input}"`, hint);
    }
  });
  it('formats with the largest exact unit', () => {
    expect(formatInterval(1)).toBe('1d');
    expect(formatInterval(31)).toBe('31d');
    expect(formatInterval(7)).toBe('1w');
    expect(formatInterval(35)).toBe('5w');
    expect(formatInterval(30)).toBe('1m');
    expect(formatInterval(90)).toBe('3m');
    expect(formatInterval(210)).toBe('7m');
    expect(formatInterval(365)).toBe('1y');
    expect(formatInterval(730)).toBe('2y');
    expect(formatInterval(36500)).toBe('100y');
  });
});

describe('parseBirthday', () => {
  const hint = 'use MM-DD or YYYY-MM-DD, e.g. 03-14 or 1990-03-14';
  it('accepts MM-DD, including 02-29', () => {
    for (const b of ['03-14', '01-01', '12-31', '02-29', '04-30']) {
      expect(parseBirthday(b, TODAY)).toBe(b);
    }
  });
  it('accepts real full dates up to today', () => {
    expect(parseBirthday('1990-03-14', TODAY)).toBe('1990-03-14');
    expect(parseBirthday('2000-02-29', TODAY)).toBe('2000-02-29');
    expect(parseBirthday(TODAY, TODAY)).toBe(TODAY);
    expect(parseBirthday(' 1990-03-14 ', TODAY)).toBe('1990-03-14');
  });
  it('rejects everything else', () => {
    for (const input of [
      '',
      '3-14',
      '03-4',
      '13-01',
      '00-10',
      '02-30',
      '04-31',
      '1990-02-29',
      '1990-3-14',
      '2026-11-22',
      '14/03',
      'march 14',
    ]) {
      expectUsage(() => parseBirthday(input, TODAY), `invalid birthday "${input}"`, hint);
    }
  });
});

describe('properties', () => {
  type Case = { input: string; sign: -1 | 0 | 1 | null };
  const weekdayNames = [
    'sunday',
    'sun',
    'monday',
    'mon',
    'tuesday',
    'tue',
    'tues',
    'wednesday',
  ].concat(['wed', 'thursday', 'thu', 'thurs', 'friday', 'fri', 'saturday', 'sat']);
  const unitWord = fc.constantFrom(
    ...['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years'],
  );
  const count = fc.oneof(
    fc.integer({ min: 1, max: 999 }).map(String),
    fc.constantFrom('a', 'an', 'one'),
  );
  const ws = fc.constantFrom(' ', '  ', '\t', ' \t ');
  const pad = fc.constantFrom('', ' ', '\t', '  \n');

  // sign: which side of today the result must fall on (null: an absolute date).
  const arbCase = (direction: DateDirection): fc.Arbitrary<Case> => {
    const dirSign: Case['sign'] = direction === 'past' ? -1 : 1;
    return fc.oneof(
      arbIsoBetween('1000-01-01', '9999-12-31').map((input): Case => ({ input, sign: null })),
      fc.constantFrom<Case>(
        { input: 'today', sign: 0 },
        { input: 'yesterday', sign: -1 },
        { input: 'tomorrow', sign: 1 },
      ),
      fc.constantFrom(...weekdayNames).map((input): Case => ({ input, sign: dirSign })),
      fc
        .tuple(fc.constantFrom('next', 'last'), ws)
        .chain(([w, sp]) =>
          fc
            .constantFrom(...weekdayNames, 'week', 'month', 'year')
            .map((x): Case => ({ input: `${w}${sp}${x}`, sign: w === 'next' ? 1 : -1 })),
        ),
      fc
        .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('d', 'w', 'm'))
        .map(([n, u]): Case => ({ input: `${n}${u}`, sign: dirSign })),
      fc.integer({ min: 1, max: 999 }).map((n): Case => ({ input: `${n}y`, sign: dirSign })),
      fc.tuple(count, ws, ws, unitWord).map(([n, a, b, u]): Case => ({
        input: `in${a}${n}${b}${u}`,
        sign: 1,
      })),
      fc.tuple(count, ws, ws, unitWord).map(([n, a, b, u]): Case => ({
        input: `${n}${a}${u}${b}ago`,
        sign: -1,
      })),
    );
  };
  const randomCase = (s: string, flips: boolean[]): string =>
    [...s].map((c, i) => (flips[i % Math.max(flips.length, 1)] ? c.toUpperCase() : c)).join('');

  it('every accepted input gives a valid date on the expected side of today', () => {
    fc.assert(
      fc.property(
        arbIsoBetween('2000-01-01', '2100-12-31'),
        arbDirection.chain((d) => fc.tuple(fc.constant(d), arbCase(d))),
        fc.array(fc.boolean(), { maxLength: 20 }),
        pad,
        pad,
        (today, [direction, c], flips, before, after) => {
          const result = parseDate(
            `${before}${randomCase(c.input, flips)}${after}`,
            today,
            direction,
          );
          expect(isIsoDate(result)).toBe(true);
          if (c.sign === null) expect(result).toBe(c.input);
          else expect(Math.sign(daysBetween(today, result))).toBe(c.sign);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('every rejected input throws a UsageError naming the trimmed input', () => {
    const fragment = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('next', 'last', 'in', 'ago', 'a', '3', '0', '-', 'd', 'mon', 'week', ' '),
    );
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 4 }).map((xs) => xs.join('')),
        arbIsoBetween('1000-01-01', '9999-12-31'),
        arbDirection,
        (input, today, direction) => {
          let err: unknown;
          try {
            const result = parseDate(input, today, direction);
            expect(isIsoDate(result)).toBe(true);
            return;
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(UsageError);
          expect((err as UsageError).message).toContain(input.trim());
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a valid ISO date parses to itself', () => {
    fc.assert(
      fc.property(
        arbIsoBetween('1000-01-01', '9999-12-31'),
        arbIsoBetween('1000-01-01', '9999-12-31'),
        arbDirection,
        (d, today, direction) => {
          expect(parseDate(d, today, direction)).toBe(d);
        },
      ),
    );
  });

  it('daysBetween undoes addDays, and both agree with Date', () => {
    fc.assert(
      fc.property(
        arbIsoBetween('2000-01-01', '2100-12-31'),
        fc.integer({ min: -300_000, max: 300_000 }),
        (t, n) => {
          const later = addDays(t, n);
          expect(daysBetween(t, later)).toBe(n);
          expect(later).toBe(isoFromEpochDay(epochDay(t) + n));
          expect(weekday(later)).toBe(new Date(epochDay(later) * DAY_MS).getUTCDay());
        },
      ),
    );
  });

  it('addMonths moves the month exactly and never overshoots the day', () => {
    fc.assert(
      fc.property(
        arbIsoBetween('2000-01-01', '2100-12-31'),
        fc.integer({ min: -1200, max: 1200 }),
        (t, n) => {
          const r = addMonths(t, n);
          expect(isIsoDate(r)).toBe(true);
          const months = (s: string): number => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
          expect(months(r) - months(t)).toBe(n);
          expect(Number(r.slice(8))).toBeLessThanOrEqual(Number(t.slice(8)));
        },
      ),
    );
  });

  it('parseInterval(formatInterval(n)) === n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 36_500 }), (n) => {
        expect(parseInterval(formatInterval(n))).toBe(n);
      }),
    );
  });
});

describe('dateOrNull', () => {
  // jot asks it of every few words of a sentence: it answers what parseDate
  // answers, null where parseDate throws, without making an error to throw.
  const throwing = (input: string, today: string, direction: 'past' | 'future') => {
    try {
      return parseDate(input, today, direction);
    } catch (err) {
      if (err instanceof UsageError) return null;
      throw err;
    }
  };

  it('is the date parseDate reads, or null where it throws', () => {
    const words = fc.constantFrom(
      ...['yesterday', 'today', 'monday', 'last', 'next', 'friday', '3', 'days', 'ago', 'in'],
      ...['2w', '99999y', '2026-11-20', '2026-02-30', 'coffee', 'with', 'ralph', '', ' '],
    );
    const text = fc.array(words, { maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(
        text,
        fc.constantFrom('past', 'future') as fc.Arbitrary<'past' | 'future'>,
        (t, d) => {
          expect(dateOrNull(t, '2026-11-21', d)).toBe(throwing(t, '2026-11-21', d));
        },
      ),
      { numRuns: 1000 },
    );
    expect(dateOrNull('yesterday', '2026-11-21', 'past')).toBe('2026-11-20');
    expect(dateOrNull('coffee', '2026-11-21', 'past')).toBeNull();
    expect(dateOrNull('99999y', '2026-11-21', 'future')).toBeNull();
  });
});
