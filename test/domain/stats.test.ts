import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, weekday } from '../../src/domain/dates.js';
import {
  buildStats,
  createdRange,
  daysToDone,
  emptyStatsCounts,
  median,
  mondayOf,
  rate,
  statsPeriod,
  weekBuckets,
} from '../../src/domain/stats.js';
import { UsageError } from '../../src/errors.js';

describe('rate', () => {
  it('rounds to two decimals and is null for nothing to count', () => {
    expect(rate(1, 2)).toBe(0.5);
    expect(rate(2, 3)).toBe(0.67);
    expect(rate(1, 3)).toBe(0.33);
    expect(rate(1, 8)).toBe(0.13);
    expect(rate(201, 200)).toBe(1.01);
    expect(rate(3, 1)).toBe(3);
    expect(rate(0, 4)).toBe(0);
    expect(rate(0, 0)).toBeNull();
    expect(rate(5, 0)).toBeNull();
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([4])).toBe(4);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 2, 10])).toBe(3);
    expect(median([1, 2])).toBe(1.5);
    expect(median([7, 7, 0, 7])).toBe(7);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('lies between the smallest and largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }), (values) => {
        const m = median(values) as number;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });
});

describe('statsPeriod', () => {
  it('defaults to 12 weeks of days ending today', () => {
    expect(statsPeriod('2026-11-21', undefined)).toEqual({
      since: '2026-08-30',
      until: '2026-11-21',
    });
    expect(daysBetween('2026-08-30', '2026-11-21') + 1).toBe(84);
  });

  it('reads --since as a past date', () => {
    expect(statsPeriod('2026-11-21', '2026-01-01').since).toBe('2026-01-01');
    expect(statsPeriod('2026-11-21', '2w').since).toBe('2026-11-07');
    expect(statsPeriod('2026-11-21', 'today').since).toBe('2026-11-21');
  });

  it("refuses a date it cannot read, or one after today, with the parser's words", () => {
    expect(() => statsPeriod('2026-11-21', 'blurgh')).toThrow(
      new UsageError(
        'unknown date "blurgh"',
        'try 2026-11-21, yesterday, monday, 3d or "2 weeks ago"',
      ),
    );
    expect(() => statsPeriod('2026-11-21', 'tomorrow')).toThrow(/after today/);
  });
});

describe('week buckets', () => {
  it('finds the Monday on or before a date', () => {
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(mondayOf('2026-11-21')).toBe('2026-11-16');
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('covers every week overlapping the period, zeros included, across a year end', () => {
    const period = { since: '2026-12-24', until: '2027-01-13' };
    expect(
      weekBuckets(period, [
        { date: '2026-12-20', count: 9 }, // before the period: ignored
        { date: '2026-12-24', count: 1 },
        { date: '2026-12-31', count: 2 },
        { date: '2027-01-03', count: 1 },
        { date: '2027-01-13', count: 4 },
        { date: '2027-01-14', count: 9 }, // after it: ignored
      ]),
    ).toEqual([
      { week: '2026-12-21', count: 1 },
      { week: '2026-12-28', count: 3 },
      { week: '2027-01-04', count: 0 },
      { week: '2027-01-11', count: 4 },
    ]);
  });

  it('has one bucket for a one-day period, and 12 for the default period ending on a Sunday', () => {
    expect(weekBuckets({ since: '2026-11-21', until: '2026-11-21' }, [])).toEqual([
      { week: '2026-11-16', count: 0 },
    ]);
    expect(weekBuckets(statsPeriod('2026-11-22', undefined), [])).toHaveLength(12);
    expect(weekBuckets(statsPeriod('2026-11-21', undefined), [])).toHaveLength(13);
  });

  it('gives consecutive Mondays and loses no meeting in the period', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 5 }))),
        (since, length, meetings) => {
          const until = addDays(since, length);
          const byDay = meetings.map(([offset, count]) => ({
            date: addDays(since, offset),
            count,
          }));
          const buckets = weekBuckets({ since, until }, byDay);
          buckets.forEach((b, k) => {
            expect(weekday(b.week)).toBe(1);
            if (k > 0) expect(daysBetween(buckets[k - 1]?.week ?? '', b.week)).toBe(7);
          });
          expect((buckets[0]?.week ?? '9999-12-31') <= since).toBe(true);
          expect(addDays(buckets[buckets.length - 1]?.week ?? '', 6) >= until).toBe(true);
          const inPeriod = byDay.filter((d) => d.date <= until);
          expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(
            inPeriod.reduce((s, d) => s + d.count, 0),
          );
        },
      ),
    );
  });
});

describe('buildStats', () => {
  const period = { since: '2026-11-02', until: '2026-11-15' };

  it('gives zeros and nulls for an empty journal', () => {
    const stats = buildStats(emptyStatsCounts(), period);
    expect(stats.meetings).toEqual({
      total: 0,
      perWeek: [
        { week: '2026-11-02', count: 0 },
        { week: '2026-11-09', count: 0 },
      ],
    });
    expect(stats.followUps.completionRate).toBeNull();
    expect(stats.followUps.medianDaysToDone).toBeNull();
    expect(stats.thankYouRate).toBeNull();
    expect(stats.reportBackRate).toBeNull();
    expect(stats.giveAsk.ratio).toBeNull();
    expect(stats.outreach.responseRate).toBeNull();
    expect(stats.connectors).toEqual([]);
  });

  it('computes the rates from the counts and keeps the top five connectors', () => {
    const counts = {
      ...emptyStatsCounts(),
      meetingsByDay: [
        { date: '2026-11-03', count: 2 },
        { date: '2026-11-15', count: 1 },
      ],
      followUps: { created: 6, done: 3, dropped: 1, open: 2 },
      daysToDone: [4, -1, 1],
      thankYou: { owed: 3, onTime: 2 },
      reportBack: { created: 2, done: 1 },
      gifts: 3,
      offersReceived: 2,
      outreach: { meetings: 2, followedUp: 1 },
      connectors: ['A', 'B', 'C', 'D', 'E', 'F'].map((name, k) => ({ name, count: 6 - k })),
    };
    const stats = buildStats(counts, period);
    expect(stats.meetings.total).toBe(3);
    expect(stats.followUps.completionRate).toBe(0.5);
    // A follow-up closed before its creation date (--now can do that) counts as done the same day.
    expect(stats.followUps.medianDaysToDone).toBe(1);
    expect(stats.thankYouRate).toBe(0.67);
    expect(stats.reportBackRate).toBe(0.5);
    expect(stats.giveAsk).toEqual({ given: 3, offersReceived: 2, ratio: 1.5 });
    expect(stats.outreach).toEqual({ meetings: 2, followedUp: 1, responseRate: 0.5 });
    expect(stats.connectors.map((c) => c.name)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});

describe('follow-ups by their local creation date', () => {
  function inZone<T>(tz: string, fn: () => T): T {
    const saved = process.env.TZ;
    try {
      process.env.TZ = tz;
      return fn();
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  }

  it('a period covers the creation instants of its local days', () => {
    const period = { since: '2026-11-20', until: '2026-11-21' };
    expect(inZone('UTC', () => createdRange(period))).toEqual({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-22T00:00:00.000Z',
    });
    expect(inZone('Pacific/Kiritimati', () => createdRange(period))).toEqual({
      from: '2026-11-19T10:00:00.000Z',
      to: '2026-11-21T10:00:00.000Z',
    });
    expect(inZone('Pacific/Pago_Pago', () => createdRange(period))).toEqual({
      from: '2026-11-20T11:00:00.000Z',
      to: '2026-11-22T11:00:00.000Z',
    });
    // There is no day after the last: every stored timestamp is before the end.
    expect(inZone('UTC', () => createdRange({ since: '9999-12-31', until: '9999-12-31' }).to)).toBe(
      '9999-12-32',
    );
  });

  it('days to done count from the local date the follow-up was created', () => {
    const created = '2026-11-21T05:00:00.000Z';
    expect(inZone('UTC', () => daysToDone(created, '2026-11-21'))).toBe(0);
    expect(inZone('Pacific/Pago_Pago', () => daysToDone(created, '2026-11-21'))).toBe(1);
    expect(
      inZone('Pacific/Kiritimati', () => daysToDone('2026-11-20T20:00:00.000Z', '2026-11-21')),
    ).toBe(0);
    // A timestamp an older netjournal stored unread: its date part, else nothing to count.
    expect(daysToDone('2026-11-19 garbage', '2026-11-21')).toBe(2);
    expect(daysToDone('garbage', '2026-11-21')).toBeNull();
  });
});
