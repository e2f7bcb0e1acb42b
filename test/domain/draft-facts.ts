import type { DraftFacts, DraftKind, DraftPerson } from '../../src/domain/drafts.js';

// Draft facts as the journal gives them: rich (everything known) and sparse
// (no learned things, no e-mail, no introducer, no meeting, no name to sign).

export const TODAY = '2026-11-21';

const person = (name: string, more: Partial<DraftPerson> = {}): DraftPerson => ({
  name,
  email: null,
  company: null,
  role: null,
  ...more,
});

export const RALPH = person('Ralph Smith', {
  email: 'ralph@example.com',
  company: 'Acme',
  role: 'Head of Design',
});
export const LENA = person('Lena Berg', {
  email: 'lena@example.org',
  company: 'Globex',
  role: 'Engineer',
});

/** Everything the journal can know for a kind. */
export function rich(kind: DraftKind): DraftFacts {
  const base: DraftFacts = {
    kind,
    followUpId: 7,
    to: RALPH,
    me: 'Sam Lee',
    meeting: { kind: 'coffee', date: '2026-11-20' },
    learned: ['his sailing trip to Norway', 'the new Berlin office.'],
    promised: ['Send my portfolio by Friday', 'CV with the case studies'],
    offered: ['intro to Lena Berg at Globex'],
    other: null,
    context: null,
  };
  switch (kind) {
    case 'thank_you':
      return { ...base, other: LENA };
    case 'report_back':
      return { ...base, to: LENA, other: RALPH, learned: [], offered: [] };
    case 'waiting':
      return { ...base, learned: [], promised: [], other: LENA };
    case 'nudge':
      return {
        ...base,
        meeting: { kind: 'email', date: '2026-11-10' },
        learned: [],
        promised: [],
        offered: [],
      };
    case 'reconnect':
    case 'birthday':
      return {
        ...base,
        followUpId: null,
        meeting: { kind: 'lunch', date: '2025-06-03' },
        learned: ['the marathon in Lisbon'],
        promised: [],
        offered: [],
      };
    case 'intro':
      return {
        ...base,
        followUpId: null,
        meeting: null,
        learned: [],
        promised: [],
        offered: [],
        other: LENA,
        context: 'both work on accessible maps',
      };
  }
}

/** What a journal knows when little was recorded. */
export function sparse(kind: DraftKind): DraftFacts {
  return {
    kind,
    followUpId: kind === 'reconnect' || kind === 'birthday' || kind === 'intro' ? null : 3,
    to: person('Ana'),
    me: null,
    meeting: null,
    learned: [],
    promised: [],
    offered: kind === 'waiting' ? ['an intro to someone at her old team'] : [],
    other: kind === 'intro' ? person('Bo Chen') : null,
    context: null,
  };
}
