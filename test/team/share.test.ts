import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeam, type Member, type TeamFixture } from './team-fixture.js';

// Issue 22: what `team share` sends, and what it never sends.

let team: TeamFixture;
let alice: Member;

beforeAll(async () => {
  team = await startTeam({ alice: 'Alice Chen', bob: 'Bob Ode' });
  alice = team.member('alice');
  const ok = alice.ok;
  await ok([
    'contact',
    'add',
    'Ralph Smith',
    '--company',
    'Northwind Labs',
    '--role',
    'Head of Design',
    '--email',
    ' Ralph.Smith@Northwind.example ',
    '--phone',
    '+44 7700 900123',
    '--birthday',
    '1980-05-17',
    '--url',
    'https://example.com/in/ralph-SECRETURL',
    '--location',
    'Secretville',
    '--how',
    'SECRET-HOW-MET at the climbing wall',
    '--tag',
    'work',
    '--now',
    '2025-01-01',
  ]);
  await ok(['contact', 'add', 'Joe Park', '--company', 'Acme', '--tag', 'work']);
  await ok(['contact', 'add', 'Lena Private', '--company', 'Northwind Labs', '--tag', 'family']);
  await ok([
    'intro',
    'Joe Park',
    'Ralph Smith',
    '--date',
    '2026-03-02',
    '--note',
    'SECRET-INTRO-CONTEXT',
  ]);
  await ok([
    'add',
    'Ralph Smith',
    '--date',
    '2026-10-05',
    '--notes',
    'SECRET-MEETING-NOTES',
    '--learned',
    'SECRET-LEARNED daughter in Leeds',
    '--gave',
    'SECRET-GIFT book',
    '--follow-up',
    'SECRET-FOLLOW-UP send deck',
  ]);
  await ok(['add', 'Ralph Smith', '--date', '2026-11-02', '--no-thank-you']);
  await ok(['add', 'Ralph Smith', '--date', '2025-06-01', '--no-thank-you']);
  await ok(['note', 'Joe Park', 'SECRET-NOTE about Joe']);
});

afterAll(() => team.stop());

const peopleOnServer = () =>
  team.adminSql(
    `SELECT member, name, coalesce(company, '-'), coalesce(role, '-'), meetings_last_year,
            coalesce(last_met_month, '-'), email_hash IS NOT NULL, url_hash IS NOT NULL
       FROM netjournal_team.people ORDER BY member, name`,
  );

describe('team share', () => {
  it('shares nothing until told what to share, and says how', async () => {
    const r = await alice.run(['team', 'share']);
    expect(r.stderr).toBe(
      'Shared 0 people and 0 introductions: nothing changed, nothing sent. Choose what to share: netjournal config set team.share tag:work (or contact edit NAME --share).\n',
    );
    expect(r.code).toBe(0);
    expect(peopleOnServer()).toBe('');
  });

  it('refuses a share rule it cannot read (exit 2)', async () => {
    const r = await alice.run(['config', 'set', 'team.share', 'colour:blue']);
    expect(r.stderr).toBe(
      `netjournal: "colour:blue" is not a share rule — use all, tag:TAG[,TAG…] or circle:second[,third], e.g. 'tag:work'\n`,
    );
    expect(r.code).toBe(2);
  });

  it('shares the contacts team.share picks: name, company, role, hashes and warmth', async () => {
    await alice.ok(['config', 'set', 'team.share', 'tag:work']);
    const r = await alice.run(['team', 'share', '--json']);
    expect(r.stderr).toBe('Shared 2 people and 1 introduction: sent 3 rows, removed 0 rows.\n');
    expect(JSON.parse(r.stdout)).toEqual({
      people: 2,
      introductions: 1,
      sent: { people: 2, introductions: 1 },
      removed: { people: 0, introductions: 0 },
    });
    expect(peopleOnServer()).toBe(
      'alice|Joe Park|Acme|-|0|-|f|f\n' +
        'alice|Ralph Smith|Northwind Labs|Head of Design|2|2026-11|t|t\n',
    );
    // Joe introduced Ralph to Alice: the introducer and the person are shared, '' is Alice.
    expect(
      team.adminSql(
        `SELECT a.name, p.name, i.to_person, i.date FROM netjournal_team.introductions i
           JOIN netjournal_team.people a ON a.member = i.member AND a.uid = i.introducer
           JOIN netjournal_team.people p ON p.member = i.member AND p.uid = i.person`,
      ),
    ).toBe('Joe Park|Ralph Smith||2026-03-02\n');
  });

  it('sends nothing when nothing changed', async () => {
    const r = await alice.run(['team', 'share']);
    expect(r.stderr).toBe('Shared 2 people and 1 introduction: nothing changed, nothing sent.\n');
    expect(r.code).toBe(0);
  });

  it('never sends notes, meetings, follow-ups, gifts, phone, birthday, the e-mail or URL', () => {
    const dump = ['members', 'people', 'introductions', 'team', 'migrations']
      .map((t) => team.adminSql(`SELECT t::text FROM netjournal_team.${t} t`))
      .join('\n');
    expect(dump).toContain('Ralph Smith');
    for (const secret of [
      'SECRET',
      'ralph.smith@northwind.example',
      'Ralph.Smith',
      'northwind.example',
      'example.com/in',
      '7700',
      '900123',
      '1980',
      '05-17',
      'Secretville',
      'Leeds',
      'Lena',
      'family',
    ])
      expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
    // Nothing else in the database holds a copy: every table of every schema.
    const tables = team
      .adminSql(
        `SELECT schemaname || '.' || tablename FROM pg_tables
          WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
      )
      .trim()
      .split('\n');
    expect(tables.sort()).toEqual([
      'netjournal_team.introductions',
      'netjournal_team.members',
      'netjournal_team.migrations',
      'netjournal_team.people',
      'netjournal_team.team',
    ]);
  });

  it('removes what is no longer shared: an un-shared tag, --no-share; adds --share', async () => {
    await alice.ok(['contact', 'edit', 'Joe Park', '--remove-tag', 'work']);
    await alice.ok(['contact', 'edit', 'Lena Private', '--share']);
    const r = await alice.run(['team', 'share']);
    expect(r.stderr).toBe('Shared 2 people and 0 introductions: sent 1 row, removed 2 rows.\n');
    expect(peopleOnServer()).toBe(
      'alice|Lena Private|Northwind Labs|-|0|-|f|f\n' +
        'alice|Ralph Smith|Northwind Labs|Head of Design|2|2026-11|t|t\n',
    );
    await alice.ok(['contact', 'edit', 'Ralph Smith', '--no-share']);
    await alice.ok(['config', 'set', 'team.share', 'all']);
    await alice.ok(['team', 'share']);
    expect(peopleOnServer()).toBe(
      'alice|Joe Park|Acme|-|0|-|f|f\n' + 'alice|Lena Private|Northwind Labs|-|0|-|f|f\n',
    );
  });

  it('team members counts what each shares; team leave removes all of it', async () => {
    const members = JSON.parse(await alice.ok(['team', 'members', '--json'])) as {
      role: string;
      people: number;
    }[];
    expect(members.map((m) => [m.role, m.people])).toEqual([
      ['alice', 2],
      ['bob', 0],
    ]);
    const left = await alice.run(['team', 'leave']);
    expect(left.stderr).toBe(
      'Left the team: removed 2 shared people and 0 introductions from the server.\n',
    );
    expect(peopleOnServer()).toBe('');
    expect(team.adminSql('SELECT member FROM netjournal_team.members')).toBe('bob\n');
  });
});
