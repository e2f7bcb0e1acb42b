import { describe, expect, it } from 'vitest';
import {
  foldText,
  matchReason,
  reach,
  warmth,
  type IntroLink,
  type ReachPerson,
} from '../../src/domain/reach.js';

const TODAY = '2026-11-21';

function person(id: number, name: string, fields: Partial<ReachPerson> = {}): ReachPerson {
  return {
    ...{ id, name, company: null, role: null, tags: [], notes: [] },
    ...{ lastMet: null, meetings: 0 },
    ...fields,
  };
}

describe('foldText', () => {
  it('ignores case and accents', () => {
    expect(foldText('José Álvarez')).toBe('jose alvarez');
    expect(foldText('MÜLLER')).toBe('muller');
    expect(foldText('Zoë')).toBe(foldText('zoe'));
    // Already decomposed input folds the same way.
    expect(foldText('Jose\u0301')).toBe('jose');
  });
});

describe('matchReason', () => {
  const omar = person(1, 'Omar Haddad', {
    company: 'Northwind Labs',
    role: 'Head of Design',
    tags: ['design', 'mentor'],
    notes: ['newest: runs the design guild', 'older: northwind alumni'],
  });

  it('prefers company, then role, then a tag, then the newest note', () => {
    expect(matchReason(omar, 'northwind')).toEqual({
      reason: 'works at Northwind Labs',
      label: 'Northwind Labs',
    });
    expect(matchReason(omar, 'head')).toEqual({
      reason: 'role: Head of Design',
      label: 'Head of Design',
    });
    expect(matchReason(omar, 'ment')).toEqual({ reason: 'tagged mentor', label: 'tagged mentor' });
    expect(matchReason(omar, 'guild')?.reason).toBe('you noted: newest: runs the design guild');
    expect(matchReason(omar, 'alumni')?.reason).toBe('you noted: older: northwind alumni');
    expect(matchReason(omar, 'design')?.reason).toBe('role: Head of Design');
    expect(matchReason(omar, 'acme')).toBeNull();
  });

  it('matches accented text with plain queries', () => {
    const hannah = person(2, 'Hannah', { company: 'Müller & Söhne', notes: ['met at Café Olé'] });
    expect(matchReason(hannah, foldText('muller'))?.reason).toBe('works at Müller & Söhne');
    expect(matchReason(hannah, foldText('SÖHNE'))?.reason).toBe('works at Müller & Söhne');
    expect(matchReason(hannah, foldText('cafe ole'))?.reason).toBe('you noted: met at Café Olé');
  });
});

describe('warmth', () => {
  it('is recent meetings plus a recency bonus of 30 / (days since + 30)', () => {
    expect(warmth(null, 0, TODAY)).toBe(0);
    expect(warmth(TODAY, 1, TODAY)).toBe(2);
    expect(warmth('2026-10-22', 2, TODAY)).toBe(2.5);
    expect(warmth('2026-11-11', 1, TODAY)).toBe(1.75);
    expect(warmth('2026-11-20', 1, TODAY)).toBe(1.97);
    // A meeting after a fixed --now counts as today.
    expect(warmth('2026-12-01', 0, TODAY)).toBe(1);
  });
});

describe('reach', () => {
  // Lena introduced Omar to the user; Omar introduced Priya; Joe introduced Ralph,
  // Mom introduced Joe (two levels: Mom is two introductions away from Ralph).
  const people = [
    person(1, 'Omar Haddad', { company: 'Northwind Labs', lastMet: '2026-11-01', meetings: 2 }),
    person(2, 'Zoë Ng', { role: 'Engineer at Northwind' }),
    person(3, 'Ralph Smith', {
      notes: ['moving to Northwind'],
      lastMet: '2026-11-20',
      meetings: 1,
    }),
    person(4, 'Lena Berg'),
    person(5, 'Priya Shah', { lastMet: '2026-11-11', meetings: 1 }),
    person(6, 'Joe'),
    person(7, 'Mom'),
    person(8, 'Ann Able'),
  ];
  const links: IntroLink[] = [
    { introducerId: 7, personId: 6 },
    { introducerId: 6, personId: 3 },
    { introducerId: 4, personId: 1 },
    { introducerId: 1, personId: 5 },
    // The user (0) and anyone not among the people (an archived #99) are left out.
    { introducerId: 0, personId: 1 },
    { introducerId: 99, personId: 1 },
    // Both Omar and Ralph introduced Ann: she is listed once, through the warmer Omar.
    { introducerId: 3, personId: 8 },
    { introducerId: 1, personId: 8 },
    // A match introduced to the user by another match is not repeated.
    { introducerId: 1, personId: 2 },
  ];

  it('lists direct matches, then people one introduction away, each by warmth then name', () => {
    const rows = reach('  NORTHWÏND ', people, links, TODAY);
    expect(rows.map((r) => [r.name, r.distance, r.warmth, r.via, r.reason])).toEqual([
      ['Omar Haddad', 0, 2.6, null, 'works at Northwind Labs'],
      ['Ralph Smith', 0, 1.97, null, 'you noted: moving to Northwind'],
      ['Zoë Ng', 0, 0, null, 'role: Engineer at Northwind'],
      [
        'Priya Shah',
        1,
        1.75,
        'Omar Haddad',
        'Omar Haddad (Northwind Labs) introduced you to Priya Shah',
      ],
      ['Ann Able', 1, 0, 'Omar Haddad', 'Omar Haddad (Northwind Labs) introduced you to Ann Able'],
      [
        'Joe',
        1,
        0,
        'Ralph Smith',
        'Joe introduced you to Ralph Smith (you noted: moving to Northwind)',
      ],
      [
        'Lena Berg',
        1,
        0,
        'Omar Haddad',
        'Lena Berg introduced you to Omar Haddad (Northwind Labs)',
      ],
    ]);
    expect(rows[0]).toEqual({
      name: 'Omar Haddad',
      contactId: 1,
      distance: 0,
      warmth: 2.6,
      reason: 'works at Northwind Labs',
      via: null,
      lastMet: '2026-11-01',
      meetings: 2,
    });
  });

  it('finds nothing for blank text or text nobody matches', () => {
    expect(reach('   ', people, links, TODAY)).toEqual([]);
    expect(reach('globex', people, links, TODAY)).toEqual([]);
    expect(reach('northwind', [], links, TODAY)).toEqual([]);
  });

  it('breaks warmth ties by name, ignoring case, then by id', () => {
    const tied = [
      person(3, 'bea', { tags: ['x'] }),
      person(1, 'Bea', { tags: ['x'] }),
      person(2, 'Al', { tags: ['x'] }),
    ];
    expect(reach('x', tied, [], TODAY).map((r) => r.contactId)).toEqual([2, 1, 3]);
  });
});
