import { describe, expect, it } from 'vitest';
import type { FollowUp, FollowUpKind } from '../../src/domain/journal-types.js';
import {
  birthdayMonthDays,
  buildToday,
  followUpSection,
  isBirthdayToday,
  needsAttention,
} from '../../src/domain/today.js';

const T = '2026-11-21';
let nextId = 1;
const f = (kind: FollowUpKind, due: string, name = 'Ralph'): FollowUp => ({
  id: nextId++,
  kind,
  contact: { id: 1, name },
  text: `${kind} ${due}`,
  due,
  status: 'open',
  closed: null,
  meetingId: null,
  introductionId: null,
});

describe('followUpSection', () => {
  const horizon = '2026-11-28';
  it('splits actions into overdue (yesterday), today (today) and upcoming (tomorrow)', () => {
    expect(followUpSection(f('action', '2026-11-20'), T, horizon)).toBe('overdue');
    expect(followUpSection(f('action', T), T, horizon)).toBe('today');
    expect(followUpSection(f('action', '2026-11-22'), T, horizon)).toBe('upcoming');
  });
  it('keeps thank-yous, report-backs and waiting items in their own section once due', () => {
    for (const kind of ['thank_you', 'report_back', 'waiting'] as const) {
      expect(followUpSection(f(kind, '2026-11-01'), T, horizon)).toBe(kind);
      expect(followUpSection(f(kind, T), T, horizon)).toBe(kind);
      expect(followUpSection(f(kind, '2026-11-22'), T, horizon)).toBe('upcoming');
    }
  });
  it('leaves out what is due after the window', () => {
    expect(followUpSection(f('action', horizon), T, horizon)).toBe('upcoming');
    expect(followUpSection(f('action', '2026-11-29'), T, horizon)).toBeNull();
  });
});

describe('birthdays', () => {
  it('match on month and day, with or without a year', () => {
    expect(isBirthdayToday('11-21', T)).toBe(true);
    expect(isBirthdayToday('1965-11-21', T)).toBe(true);
    expect(isBirthdayToday('1965-11-22', T)).toBe(false);
  });
  it('keep 29 February on 28 February in common years only', () => {
    expect(isBirthdayToday('2000-02-29', '2027-02-28')).toBe(true);
    expect(isBirthdayToday('02-29', '2028-02-28')).toBe(false);
    expect(isBirthdayToday('02-29', '2028-02-29')).toBe(true);
    expect(birthdayMonthDays('2027-02-28')).toEqual(['02-28', '02-29']);
    expect(birthdayMonthDays('2028-02-28')).toEqual(['02-28']);
  });
});

describe('buildToday', () => {
  it('orders sections, then due date, then name, with days relative to today', () => {
    const items = buildToday(
      {
        followUps: [
          f('action', '2026-11-25', 'Zoe'),
          f('waiting', '2026-11-19', 'Priya'),
          f('thank_you', '2026-11-20', 'lena'),
          f('thank_you', '2026-11-20', 'Joe'),
          f('action', '2026-11-19', 'Ralph'),
        ],
        birthdays: [
          { id: 7, name: 'Mom', birthday: '1965-11-21' },
          { id: 8, name: 'Aunt May', birthday: '11-21' },
        ],
        reconnects: [
          { id: 9, name: 'Coach', cadenceDays: 30, lastMet: '2026-10-22', created: '2026-01-01' },
          {
            id: 10,
            name: 'Not yet',
            cadenceDays: 30,
            lastMet: '2026-10-23',
            created: '2026-01-01',
          },
          { id: 11, name: 'New', cadenceDays: 7, lastMet: null, created: '2026-11-01' },
        ],
      },
      T,
      7,
    );
    expect(items.map((i) => [i.section, i.contact, i.text, i.due, i.days])).toEqual([
      ['overdue', 'Ralph', 'action 2026-11-19', '2026-11-19', -2],
      ['thank_you', 'Joe', 'thank_you 2026-11-20', '2026-11-20', -1],
      ['thank_you', 'lena', 'thank_you 2026-11-20', '2026-11-20', -1],
      ['waiting', 'Priya', 'waiting 2026-11-19', '2026-11-19', -2],
      ['birthday', 'Aunt May', 'birthday', T, 0],
      ['birthday', 'Mom', 'turns 61', T, 0],
      ['reconnect', 'New', 'never met; added 20 days ago; every 7 days', '2026-11-08', -13],
      ['reconnect', 'Coach', 'last met 30 days ago; every 30 days', T, 0],
      ['upcoming', 'Zoe', 'action 2026-11-25', '2026-11-25', 4],
    ]);
    // Birthdays and reconnects carry handles that done, drop and snooze accept.
    expect(items.filter((i) => typeof i.id === 'string').map((i) => i.id)).toEqual([
      'b8',
      'b7',
      'r11',
      'r9',
    ]);
    expect(needsAttention(items)).toBe(true);
    expect(needsAttention(items.filter((i) => i.section === 'upcoming'))).toBe(false);
  });
});
