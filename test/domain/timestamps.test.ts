import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { canonicalTimestamp, localDateOf, startOfLocalDay } from '../../src/domain/timestamps.js';

const TODAY = '2026-11-21';

/** Run fn with TZ set, restoring it afterwards. */
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

describe('canonicalTimestamp', () => {
  it.each([
    ['2026-11-21T08:30:05.123Z', '2026-11-21T08:30:05.123Z'],
    ['2026-11-21T08:30Z', '2026-11-21T08:30:00.000Z'],
    ['2026-11-21T00:30:00+02:00', '2026-11-20T22:30:00.000Z'],
    ['2026-11-21T08:30:05.123456Z', '2026-11-21T08:30:05.123Z'],
    ['2026-11-21', '2026-11-21T00:00:00.000Z'],
  ])('%s is stored as %s', (input, stored) => {
    expect(canonicalTimestamp(input)).toBe(stored);
  });

  it.each([
    'garbage',
    '',
    '+275760-09-13',
    '+275760-09-13T00:00:00.000Z',
    '0000-01-01T00:00:00Z',
    '0999-12-31T23:00:00Z',
    // An offset that carries the instant out of the years 1000-9999.
    '1000-01-01T00:30:00+01:00',
    '9999-12-31T23:30:00-01:00',
    '2026-02-30T00:00:00Z',
    '2026-11-21T25:00:00Z',
    '2026-11-21 08:30:00',
    '2026-11-21T08:30:00',
    'Sat, 21 Nov 2026 08:30:00 GMT',
  ])('%j is not a timestamp netjournal stores', (input) => {
    expect(canonicalTimestamp(input)).toBeNull();
  });

  it('is its own fixed point on every instant of the years 1000-9999', () => {
    const instants = fc.date({
      min: new Date('1000-01-01T00:00:00.000Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (d) => {
        const iso = d.toISOString();
        expect(canonicalTimestamp(iso)).toBe(iso);
      }),
    );
  });
});

describe('local dates of timestamps', () => {
  it('read a UTC timestamp as the date it was where the user is (TZ)', () => {
    const evening = '2026-11-21T05:00:00.000Z';
    expect(inZone('UTC', () => localDateOf(evening))).toBe('2026-11-21');
    expect(inZone('Pacific/Kiritimati', () => localDateOf(evening))).toBe('2026-11-21');
    expect(inZone('Pacific/Pago_Pago', () => localDateOf(evening))).toBe('2026-11-20');
    expect(inZone('Pacific/Kiritimati', () => localDateOf('2026-11-20T20:00:00.000Z'))).toBe(
      '2026-11-21',
    );
    expect(localDateOf('garbage')).toBeNull();
  });

  it('start each local day at the instant of its local midnight', () => {
    expect(inZone('UTC', () => startOfLocalDay(TODAY))).toBe('2026-11-21T00:00:00.000Z');
    expect(inZone('Pacific/Kiritimati', () => startOfLocalDay(TODAY))).toBe(
      '2026-11-20T10:00:00.000Z',
    );
    expect(inZone('Pacific/Pago_Pago', () => startOfLocalDay(TODAY))).toBe(
      '2026-11-21T11:00:00.000Z',
    );
    // Chile moved its clocks from midnight to 01:00 that day: the day begins at 01:00.
    expect(inZone('America/Santiago', () => startOfLocalDay('2022-09-11'))).toBe(
      '2022-09-11T04:00:00.000Z',
    );
  });

  it('the start of a local day is on that local date, and the day before ends just before it', () => {
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin']) {
      inZone(tz, () => {
        for (const date of ['2026-03-29', '2026-10-25', '2026-11-21', '1900-01-01']) {
          const start = startOfLocalDay(date);
          expect(localDateOf(start)).toBe(date);
          const before = new Date(Date.parse(start) - 1).toISOString();
          expect(localDateOf(before)).toBe(addDays(date, -1));
        }
      });
    }
  });
});
