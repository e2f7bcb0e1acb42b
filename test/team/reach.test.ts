import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeam, type Member, type TeamFixture } from './team-fixture.js';

// Issue 22: three members share overlapping contacts; team reach shows each
// person once with everyone who knows them, warmest first; team intros finds
// a way through a shared introduction; row-level security holds in psql.

let team: TeamFixture;
let alice: Member;
let bob: Member;
let carol: Member;

beforeAll(async () => {
  team = await startTeam({ alice: 'Alice Chen', bob: 'Bob Ode', carol: 'Carol Diaz' });
  alice = team.member('alice');
  bob = team.member('bob');
  carol = team.member('carol');
  for (const m of [alice, bob, carol]) await m.ok(['config', 'set', 'team.share', 'all']);

  await alice.ok([
    'contact',
    'add',
    'Ralph Smith',
    '--company',
    'Northwind Labs',
    '--role',
    'Head of Design',
    '--email',
    'ralph@northwind.example',
  ]);
  await alice.ok([
    'contact',
    'add',
    'Joe Park',
    '--company',
    'Acme',
    '--email',
    'JOE@acme.example',
  ]);
  await alice.ok(['intro', 'Joe Park', 'Ralph Smith', '--date', '2026-03-02']);
  await alice.ok(['add', 'Ralph Smith', '--date', '2026-10-05', '--no-thank-you']);
  await alice.ok(['add', 'Ralph Smith', '--date', '2026-11-02', '--no-thank-you']);

  // Bob knows the same Ralph (the e-mail typed differently) less warmly.
  await bob.ok([
    'contact',
    'add',
    'Ralph Smith',
    '--company',
    'Northwind Labs',
    '--email',
    ' RALPH@Northwind.example',
  ]);
  await bob.ok(['add', 'Ralph Smith', '--date', '2026-06-10', '--no-thank-you']);
  await bob.ok(['contact', 'add', 'Joanna Lee']);

  // Carol knows Joe (alice's Joe, by e-mail), and Erin at Northwind, never met.
  await carol.ok(['contact', 'add', 'Joe Park', '--email', 'joe@acme.example']);
  await carol.ok(['add', 'Joe Park', '--date', '2026-11-20', '--no-thank-you']);
  await carol.ok(['contact', 'add', 'Erin Wu', '--company', 'Northwind Labs', '--role', 'CTO']);

  for (const m of [alice, bob, carol]) await m.ok(['team', 'share']);
});

afterAll(() => team.stop());

describe('team reach', () => {
  it('shows a person two members know once, with both, warmest first', async () => {
    const out = JSON.parse(await alice.ok(['team', 'reach', 'northwind', '--json'])) as unknown;
    expect(out).toEqual([
      {
        name: 'Ralph Smith',
        company: 'Northwind Labs',
        role: 'Head of Design',
        warmth: 2.6,
        knownBy: [
          { member: 'Alice Chen', role: 'alice', warmth: 2.6, meetings: 2, lastMet: '2026-11' },
          { member: 'Bob Ode', role: 'bob', warmth: 1.15, meetings: 1, lastMet: '2026-06' },
        ],
      },
      {
        name: 'Erin Wu',
        company: 'Northwind Labs',
        role: 'CTO',
        warmth: 0,
        knownBy: [{ member: 'Carol Diaz', role: 'carol', warmth: 0, meetings: 0, lastMet: null }],
      },
    ]);
  });

  it('matches a role ignoring case and accents, and prints tsv when piped', async () => {
    expect(await carol.ok(['team', 'reach', 'HEAD of désign'])).toBe(
      'name\tcompany\trole\twarmth\tknownBy\n' +
        'Ralph Smith\tNorthwind Labs\tHead of Design\t2.6\t' +
        '{"member":"Alice Chen","role":"alice","warmth":2.6,"meetings":2,"lastMet":"2026-11"},' +
        '{"member":"Bob Ode","role":"bob","warmth":1.15,"meetings":1,"lastMet":"2026-06"}\n',
    );
    expect(await carol.ok(['team', 'reach', 'Globex', '--json'])).toBe('[]\n');
  });

  it('needs something to look for (exit 2)', async () => {
    const r = await alice.run(['team', 'reach', ' ']);
    expect(r.stderr).toBe(
      'netjournal: team reach needs something to look for — e.g. netjournal team reach "Northwind Labs"\n',
    );
    expect(r.code).toBe(2);
  });
});

describe('team intros', () => {
  it('finds who knows them, and who reaches them through a shared introduction', async () => {
    const out = JSON.parse(await alice.ok(['team', 'intros', 'ralph', '--json'])) as unknown;
    expect(out).toEqual({
      person: 'Ralph Smith',
      company: 'Northwind Labs',
      introducers: [
        { member: 'Bob Ode', role: 'bob', hops: 1, warmth: 1.15, path: ['Bob Ode', 'Ralph Smith'] },
        {
          member: 'Carol Diaz',
          role: 'carol',
          hops: 2,
          warmth: 1.6,
          path: ['Carol Diaz', 'Joe Park', 'Ralph Smith'],
        },
      ],
    });
  });

  it('on a terminal says who and how', async () => {
    const r = await alice.journal.run(['team', 'intros', 'Ralph Smith'], {
      tty: true,
      env: { PGPASSWORD: alice.password, NO_COLOR: '1' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('Who on the team can introduce you to Ralph Smith:\n');
    expect(r.stdout).toContain('Bob Ode');
    expect(r.stdout).toContain('knows them');
    expect(r.stdout).toContain('through Joe Park');
  });

  it('a name that could be several people is ambiguous (exit 3)', async () => {
    const r = await carol.run(['team', 'intros', 'jo']);
    expect(r.stderr).toBe(
      'netjournal: "jo" could be Joe Park, Joanna Lee — give more of the name\n',
    );
    expect(r.code).toBe(3);
  });

  it('someone nobody shared is not found (exit 3)', async () => {
    const r = await alice.run(['team', 'intros', 'Nobody Known']);
    expect(r.stderr).toBe(
      'netjournal: nobody on the team has shared "Nobody Known" — check the spelling, or look by company: netjournal team reach TEXT\n',
    );
    expect(r.code).toBe(3);
  });
});

describe('row-level security, tried with psql as alice', () => {
  const asAlice = (sql: string) => team.server.psql('alice', alice.password, sql);
  const bobsRows = () =>
    team.adminSql(
      `SELECT name, coalesce(company, '-') FROM netjournal_team.people WHERE member = 'bob' ORDER BY name`,
    );

  it("reads bob's rows, but cannot update or delete them", () => {
    expect(asAlice(`SELECT count(*) FROM netjournal_team.people WHERE member = 'bob'`).stdout).toBe(
      '2\n',
    );
    const update = asAlice(
      `WITH u AS (UPDATE netjournal_team.people SET company = 'Hacked' WHERE member = 'bob'
                  RETURNING 1) SELECT count(*) FROM u`,
    );
    expect(update).toMatchObject({ code: 0, stdout: '0\n' });
    const del = asAlice(
      `WITH d AS (DELETE FROM netjournal_team.people WHERE member = 'bob' RETURNING 1)
       SELECT count(*) FROM d`,
    );
    expect(del).toMatchObject({ code: 0, stdout: '0\n' });
    const members = asAlice(`DELETE FROM netjournal_team.members WHERE member = 'bob'`);
    expect(members.code).toBe(0);
    expect(bobsRows()).toBe('Joanna Lee|-\nRalph Smith|Northwind Labs\n');
    expect(team.adminSql(`SELECT count(*) FROM netjournal_team.members`)).toBe('3\n');
  });

  it("refuses rows written in bob's name, and handing her own rows to him", () => {
    const insert = asAlice(
      `INSERT INTO netjournal_team.people (member, uid, name, meetings_last_year, name_key, search, row_hash)
       VALUES ('bob', 'x', 'Fake', 0, 'fake', '', 'h')`,
    );
    expect(insert.code).not.toBe(0);
    expect(insert.stderr).toContain('new row violates row-level security policy');
    const handOver = asAlice(
      `UPDATE netjournal_team.people SET member = 'bob' WHERE member = 'alice'`,
    );
    expect(handOver.code).not.toBe(0);
    expect(handOver.stderr).toContain('new row violates row-level security policy');
    const salt = asAlice(`UPDATE netjournal_team.team SET value = 'mine'`);
    expect(salt.stderr).toContain('permission denied for table team');
    expect(bobsRows()).toBe('Joanna Lee|-\nRalph Smith|Northwind Labs\n');
  });
});
