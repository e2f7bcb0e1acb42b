import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupPeople,
  MAX_HOPS,
  teamIntroducers,
  teamReach,
  teamWarmth,
  type TeamPersonRow,
} from '../../src/domain/team-graph.js';

const row = (member: string, uid: string, extra: Partial<TeamPersonRow> = {}): TeamPersonRow => ({
  member,
  memberName: member.toUpperCase(),
  uid,
  name: uid,
  company: null,
  role: null,
  emailHash: null,
  urlHash: null,
  meetings: 0,
  lastMetMonth: null,
  ...extra,
});

describe('teamWarmth', () => {
  it('counts meetings and the recency of the month last met', () => {
    expect(teamWarmth(0, null, '2026-11-21')).toBe(0);
    expect(teamWarmth(2, '2026-11', '2026-11-21')).toBe(2.6);
    // A month after --now counts as now, not as a bonus.
    expect(teamWarmth(0, '2027-01', '2026-11-21')).toBe(1);
  });
});

describe('groupPeople', () => {
  it('joins rows through e-mail and URL hashes, transitively', () => {
    const rows = [
      row('a', '1', { emailHash: 'e1' }),
      row('b', '2', { emailHash: 'e1', urlHash: 'u1' }),
      row('c', '3', { urlHash: 'u1' }),
      row('c', '4'),
    ];
    expect(groupPeople(rows).map((g) => g.map((r) => r.uid))).toEqual([['1', '2', '3'], ['4']]);
  });

  it('every row lands in exactly one group', () => {
    const hash = fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(hash, hash), { maxLength: 20 }), (hashes) => {
        const rows = hashes.map(([e, u], i) => row('m', String(i), { emailHash: e, urlHash: u }));
        const uids = groupPeople(rows).flatMap((g) => g.map((r) => r.uid));
        expect(uids.sort()).toEqual(rows.map((r) => r.uid).sort());
      }),
    );
  });

  it('team reach counts a member who shared one person twice once', () => {
    const people = teamReach(
      [
        row('a', '1', { emailHash: 'e', meetings: 1 }),
        row('a', '2', { emailHash: 'e', meetings: 3 }),
      ],
      '2026-11-21',
    );
    expect(people.map((p) => [p.warmth, p.knownBy.length])).toEqual([[3, 1]]);
  });
});

describe('teamIntroducers', () => {
  it('leaves out the asker, and people more than MAX_HOPS away', () => {
    // a chain p0 - p1 - … - p6 through introductions shared by x; m knows p0, the asker knows p6.
    const rows = [row('m', 'p0'), row('asker', 'p6', { name: 'Target' })];
    const intros = [];
    for (let i = 0; i < 6; i++) {
      rows.push(
        row('x', `p${i}`, { emailHash: `h${i}` }),
        row('x', `p${i + 1}`, { emailHash: `h${i + 1}` }),
      );
      intros.push({ member: 'x', introducer: `p${i}`, person: `p${i + 1}`, to: '' });
    }
    rows[0] = row('m', 'p0', { emailHash: 'h0' });
    rows[1] = row('asker', 'p6', { emailHash: 'h6', name: 'Target' });
    const targets = new Set(['asker\u0000p6']);
    const found = teamIntroducers(rows, intros, targets, 'asker', '2026-11-21');
    // x knows p6 itself; m is 7 people away, more than MAX_HOPS.
    expect(found.map((f) => [f.member, f.hops])).toEqual([['x', 1]]);
    expect(MAX_HOPS).toBeLessThan(7);
  });
});
