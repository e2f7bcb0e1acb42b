import type { Introducer, TeamPerson } from '../domain/team-graph.js';
import type { RecordView } from './record-view.js';

/** `team reach` rows: each person once, with the members who know them, warmest first. */
export const teamReachView: RecordView<TeamPerson> = {
  fields: ['name', 'company', 'role', 'warmth', 'knownBy'],
  toRecord: (p) => ({
    name: p.name,
    company: p.company,
    role: p.role,
    warmth: p.warmth,
    knownBy: p.knownBy.map((k) => ({
      member: k.memberName,
      role: k.member,
      warmth: k.warmth,
      meetings: k.meetings,
      lastMet: k.lastMetMonth,
    })),
  }),
  columns: () => [
    {
      header: 'NAME',
      text: (p) => p.name,
      style: (t, _p, term) => term.chalk.bold(t),
      shrink: 'last',
    },
    {
      header: 'AT',
      text: (p) => [p.role, p.company].filter((v) => v !== null).join(', '),
      shrink: 'first',
    },
    { header: 'WARMTH', text: (p) => p.warmth.toFixed(2), align: 'right' },
    {
      header: 'KNOWN BY',
      text: (p) => p.knownBy.map((k) => `${k.memberName} (${k.warmth.toFixed(2)})`).join(', '),
      wrap: true,
    },
  ],
  empty: 'Nobody on the team has shared anyone there yet.',
};

/** `team intros` rows: who can introduce you, closest and warmest first. */
export const teamIntrosView: RecordView<Introducer> = {
  fields: ['member', 'role', 'hops', 'warmth', 'path'],
  toRecord: (i) => ({
    member: i.memberName,
    role: i.member,
    hops: i.hops,
    warmth: i.warmth,
    path: i.path,
  }),
  columns: () => [
    { header: 'MEMBER', text: (i) => i.memberName, style: (t, _i, term) => term.chalk.bold(t) },
    {
      header: 'HOW',
      text: (i) => (i.hops === 1 ? 'knows them' : `through ${i.path.slice(1, -1).join(' → ')}`),
      wrap: true,
    },
    { header: 'WARMTH', text: (i) => i.warmth.toFixed(2), align: 'right' },
  ],
  empty: 'Nobody else on the team knows them, or anyone introduced to them.',
};
