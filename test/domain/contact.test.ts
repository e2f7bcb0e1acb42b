import { describe, expect, it } from 'vitest';
import { reconnectDue, staleContacts } from '../../src/domain/cadence.js';
import {
  contactFieldsFromOptions,
  isMeName,
  parseTags,
  validateName,
  type Contact,
} from '../../src/domain/contact.js';
import { UsageError } from '../../src/errors.js';

const contact = (over: Partial<Contact>): Contact => ({
  id: 1,
  name: 'Ralph',
  aliases: [],
  company: null,
  role: null,
  email: null,
  phone: null,
  url: null,
  location: null,
  circle: null,
  cadenceDays: null,
  birthday: null,
  tags: [],
  howMet: null,
  archived: false,
  created: '2026-01-01',
  lastMet: null,
  ...over,
});

describe('contact fields', () => {
  it('recognises the user in any case', () => {
    expect(['me', 'I', 'Myself', ' ME '].every(isMeName)).toBe(true);
    expect(isMeName('Mei')).toBe(false);
  });

  it('trims names and keeps inner text exactly', () => {
    expect(validateName('  Zoë  Ng ')).toBe('Zoë  Ng');
    expect(() => validateName(' \t ')).toThrow(UsageError);
  });

  it('de-duplicates tags without regard to case, keeping the first spelling', () => {
    expect(parseTags(['Design', 'design', ' mentor '])).toEqual(['Design', 'mentor']);
  });

  it('turns options into validated fields, empty text into null', () => {
    expect(
      contactFieldsFromOptions(
        'Lena',
        { company: ' ', circle: 'INNER', every: '2w', birthday: '1990-03-14', tag: ['a'] },
        '2026-11-21',
      ),
    ).toEqual({
      name: 'Lena',
      aliases: [],
      company: null,
      role: null,
      email: null,
      phone: null,
      url: null,
      location: null,
      circle: 'inner',
      cadenceDays: 14,
      birthday: '1990-03-14',
      tags: ['a'],
      howMet: null,
    });
    expect(
      contactFieldsFromOptions('Lena', { every: 'none' }, '2026-11-21').cadenceDays,
    ).toBeNull();
  });
});

describe('cadence', () => {
  it('counts from the last meeting, else from creation', () => {
    expect(reconnectDue(contact({ cadenceDays: 30 }), {})).toBe('2026-01-31');
    expect(reconnectDue(contact({ cadenceDays: 30, lastMet: '2026-03-01' }), {})).toBe(
      '2026-03-31',
    );
  });

  it("falls back to the circle's default, and has none without either", () => {
    expect(reconnectDue(contact({ circle: 'second' }), { second: 60 })).toBe('2026-03-02');
    expect(reconnectDue(contact({ circle: 'second', cadenceDays: 7 }), { second: 60 })).toBe(
      '2026-01-08',
    );
    expect(reconnectDue(contact({ circle: 'inner' }), { second: 60 })).toBeNull();
    expect(reconnectDue(contact({}), { second: 60 })).toBeNull();
  });

  it('lists non-archived contacts due today or earlier', () => {
    const due = contact({ id: 1, cadenceDays: 10 });
    const notYet = contact({ id: 2, cadenceDays: 100 });
    const archived = contact({ id: 3, cadenceDays: 10, archived: true });
    expect(staleContacts([due, notYet, archived], '2026-01-11', {}).map((c) => c.id)).toEqual([1]);
    expect(staleContacts([due], '2026-01-10', {})).toEqual([]);
  });
});
