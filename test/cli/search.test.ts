import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../src/storage/migrate.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

interface Hit {
  kind: string;
  id: number;
  contact: string | null;
  contactId: number | null;
  date: string | null;
  text: string;
}

/**
 * Hannah Müller introduced José Álvarez, who introduced Zoë Ng: a two-level
 * chain, with report-backs owed to both introducers, notes, meeting notes,
 * a follow-up and an archived Zoe.
 */
async function journalWithChain(): Promise<void> {
  const steps = [
    ['contact', 'add', 'Hannah Müller', '--company', 'Deutsche Bahn', '--role', 'Data engineer'],
    ['add', 'José Álvarez', '--via', 'Hannah Müller', '--date', '2026-11-02', '--no-thank-you'],
    ['meeting', 'edit', '1', '--notes', 'Coffee about his perception research lab'],
    [
      'add',
      'Zoë Ng',
      '--via',
      'José Álvarez',
      '--date',
      '2026-11-10',
      '--notes',
      'Walked through her portfolio',
    ],
    ['note', 'Zoë Ng', 'Studies perception of colour in infants'],
    ['follow-up', 'Hannah Müller', 'Send Hannah the perception paper', '--due', '2026-11-25'],
    [
      'add',
      'José Álvarez',
      'Zoë Ng',
      '--kind',
      'lunch',
      '--date',
      '2026-11-15',
      '--no-thank-you',
      '--notes',
      'Planned the perception workshop',
    ],
    ['contact', 'add', 'Zoe Archer', '--company', 'Globex'],
    ['contact', 'edit', 'Zoe Archer', '--archive'],
  ];
  for (const step of steps) {
    const result = await j.run(step);
    expect(result.code, `${step.join(' ')}: ${result.stderr}`).toBe(0);
  }
  const chain = await j.run(['intros', '--chain', 'Zoë Ng', '--json']);
  expect(JSON.parse(chain.stdout)).toEqual({ chain: ['Hannah Müller', 'José Álvarez', 'Zoë Ng'] });
}

async function search(...args: string[]): Promise<Hit[]> {
  const result = await j.run(['search', ...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Hit[];
}

const brief = (hits: Hit[]) => hits.map((h) => `${h.kind} ${h.id}`);

describe('search', () => {
  it('finds Zoë by "zoe", ranked: contacts by name first, archived ones too', async () => {
    await journalWithChain();
    const result = await j.run(['search', 'zoe', '--json']);
    expect(result.stdout).toBe(
      '[' +
        [
          '{"kind":"contact","id":3,"contact":"Zoë Ng","contactId":3,"date":null,"text":"Zoë Ng"}',
          '{"kind":"contact","id":4,"contact":"Zoe Archer","contactId":4,"date":null,"text":"Zoe Archer"}',
          '{"kind":"followUp","id":2,"contact":"Zoë Ng","contactId":3,"date":"2026-11-11","text":"Thank Zoë Ng for the coffee"}',
          '{"kind":"followUp","id":3,"contact":"José Álvarez","contactId":2,"date":"2026-11-12","text":"Tell José Álvarez how it went with Zoë Ng"}',
          '{"kind":"meeting","id":2,"contact":"Zoë Ng","contactId":3,"date":"2026-11-10","text":"Walked through her portfolio"}',
          '{"kind":"note","id":1,"contact":"Zoë Ng","contactId":3,"date":"2026-11-21","text":"Studies perception of colour in infants"}',
          '{"kind":"meeting","id":3,"contact":"José Álvarez, Zoë Ng","contactId":2,"date":"2026-11-15","text":"Planned the perception workshop"}',
        ].join(',') +
        ']\n',
    );
    expect(await search('ZOË', 'ng')).toEqual(
      (await search('zoe')).filter((h) => h.id !== 4 || h.kind !== 'contact'),
    );
  });

  it('matches prefixes: "percep" finds the note, the meeting notes and the follow-up', async () => {
    await journalWithChain();
    expect(brief(await search('percep'))).toEqual([
      'followUp 4',
      'note 1',
      'meeting 1',
      'meeting 3',
    ]);
    expect(brief(await search('perception', 'colour'))).toEqual(['note 1']);
    expect(await search('perceptions')).toEqual([]);
  });

  it('folds accents both ways: müller, muller and MULLER find Hannah', async () => {
    await journalWithChain();
    const hannah = await search('muller');
    expect(brief(hannah)).toEqual(['contact 1', 'followUp 1', 'followUp 4']);
    expect(await search('müller')).toEqual(hannah);
    expect(await search('MULLER')).toEqual(hannah);
    expect(brief(await search('alvarez'))).toEqual(brief(await search('Álvarez')));
  });

  it('follows the introduction chain through the report-backs owed to each introducer', async () => {
    await journalWithChain();
    const jose = await search('jose');
    expect(brief(jose)).toEqual([
      'contact 2',
      'followUp 3',
      'followUp 1',
      'meeting 1',
      'meeting 3',
    ]);
    expect(jose.find((h) => h.id === 1 && h.kind === 'followUp')).toEqual({
      kind: 'followUp',
      id: 1,
      contact: 'Hannah Müller',
      contactId: 1,
      date: '2026-11-04',
      text: 'Tell Hannah Müller how it went with José Álvarez',
    });
    expect(brief(await search('how it went'))).toEqual(['followUp 1', 'followUp 3']);
  });

  it('finds a contact by its fields and says which one matched', async () => {
    await journalWithChain();
    expect(await search('deutsche')).toEqual([
      {
        kind: 'contact',
        id: 1,
        contact: 'Hannah Müller',
        contactId: 1,
        date: null,
        text: 'Deutsche Bahn',
      },
    ]);
    expect((await search('bahn', 'engineer'))[0]?.text).toBe('Deutsche Bahn · Data engineer');
  });

  it('highlights matches on a terminal, fitted to its width', async () => {
    await journalWithChain();
    const result = await j.run(['search', 'müller'], { tty: true, env: { FORCE_COLOR: '1' } });
    const b = (s: string) => `\u001b[1m${s}\u001b[22m`;
    const hit = (s: string) => `\u001b[1m\u001b[4m${s}\u001b[24m\u001b[22m`;
    const dim = (s: string) => `\u001b[2m${s}\u001b[22m`;
    expect(result.stdout).toBe(
      [
        `${b('KIND')}       ${b('ID')}  ${b('DATE')}        ${b('CONTACT')}        ${b('MATCH')}`,
        `contact    ${dim('#1')}              Hannah ${hit('Müller')}  Deutsche Bahn · Data engineer`,
        `follow-up   ${dim('1')}  2026-11-04  Hannah ${hit('Müller')}  Tell Hannah ${hit('Müller')} how it went with J…`,
        `follow-up   ${dim('4')}  2026-11-25  Hannah ${hit('Müller')}  Send Hannah the perception paper`,
        '',
      ].join('\n'),
    );
  });

  it('prints plain text with NO_COLOR, marks archived contacts and keeps each match in view', async () => {
    await journalWithChain();
    const result = await j.run(['search', 'zoe'], { tty: true, env: { NO_COLOR: '1' } });
    expect(result.stdout).toBe(
      [
        'KIND       ID  DATE        CONTACT                MATCH',
        'contact    #3              Zoë Ng',
        'contact    #4              Zoe Archer (archived)  Globex',
        'follow-up   2  2026-11-11  Zoë Ng                 Thank Zoë Ng for the coffee',
        'follow-up   3  2026-11-12  José Álvarez           …went with Zoë Ng',
        'meeting     2  2026-11-10  Zoë Ng                 Walked through her portfolio',
        'note        1  2026-11-21  Zoë Ng                 Studies perception of colour …',
        'meeting     3  2026-11-15  José Álvarez, Zoë Ng   Planned the perception worksh…',
        '',
      ].join('\n'),
    );
    const narrow = await j.run(['search', 'percep'], {
      tty: true,
      columns: 50,
      env: { NO_COLOR: '1' },
    });
    for (const line of narrow.stdout.trimEnd().split('\n'))
      expect(line.length).toBeLessThanOrEqual(50);
  });

  it('prints tsv when piped, and csv and jsonl on request', async () => {
    await journalWithChain();
    expect((await j.run(['search', 'deutsche'])).stdout).toBe(
      'kind\tid\tcontact\tcontactId\tdate\ttext\ncontact\t1\tHannah Müller\t1\t\tDeutsche Bahn\n',
    );
    expect((await j.run(['search', 'workshop', '--format', 'csv'])).stdout).toBe(
      'kind,id,contact,contactId,date,text\nmeeting,3,"José Álvarez, Zoë Ng",2,2026-11-15,Planned the perception workshop\n',
    );
    const jsonl = (await j.run(['search', 'percep', '--format', 'jsonl', '--limit', '2'])).stdout;
    expect(
      jsonl
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as Hit).kind),
    ).toEqual(['followUp', 'note']);
  });

  it('prints [] when nothing matches, and says so on a terminal', async () => {
    await journalWithChain();
    expect((await j.run(['search', 'xylophone', '--json'])).stdout).toBe('[]\n');
    expect((await j.run(['search', 'xylophone'])).stdout).toBe(
      'kind\tid\tcontact\tcontactId\tdate\ttext\n',
    );
    const tty = await j.run(['search', 'xylo\u001b[31mphone'], {
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(tty.stdout).toBe('Nothing matches "xylo\\x1b[31mphone".\n');
  });

  it('prints [] for a missing journal and creates nothing', async () => {
    const result = await j.run(['search', 'zoe', '--json']);
    expect(result).toEqual({ stdout: '[]\n', stderr: '', code: 0 });
    expect(existsSync(j.path)).toBe(false);
  });

  it('treats search syntax the user did not mean as plain words, never crashing', async () => {
    await journalWithChain();
    for (const text of [
      '"unbalanced',
      'a AND (',
      'NEAR(',
      'zoe OR',
      'NOT zoe',
      'title:x',
      '^zoe',
      'zoe*',
      "o'brien",
    ]) {
      const result = await j.run(['search', text, '--json']);
      expect(result.stderr, text).toBe('');
      expect(result.code, text).toBe(0);
      expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
    }
    expect(brief(await search('^zoe*', 'NG"'))).toEqual(brief(await search('zoe ng')));
  });

  it('rejects text with no word in it, and a bad --limit, with exit 2, writing nothing', async () => {
    for (const args of [
      [''],
      ['   '],
      ['-'],
      ['*'],
      ['"', '()'],
      ['((('],
      ['zoe', '--limit', '0'],
      ['zoe', '--limit', 'all'],
    ]) {
      const result = await j.run(['search', ...args, '--json']);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^netjournal: (nothing to search for|invalid --limit)/);
    }
    expect((await j.run(['search', '*'])).stderr).toBe(
      'netjournal: nothing to search for in "*" — give a word or a name, e.g. netjournal search perception\n',
    );
    expect(existsSync(j.path)).toBe(false);
  });

  it('stops at --limit, best first', async () => {
    await journalWithChain();
    expect(brief(await search('zoe', '--limit', '3'))).toEqual([
      'contact 3',
      'contact 4',
      'followUp 2',
    ]);
  });

  it('forgets what is removed or merged away', async () => {
    await journalWithChain();
    expect((await j.run(['meeting', 'rm', '3'])).code).toBe(0);
    expect(brief(await search('workshop'))).toEqual([]);
    expect((await j.run(['contact', 'merge', 'José Álvarez', 'Hannah Müller'])).code).toBe(0);
    expect(brief(await search('hannah'))).toEqual(['followUp 4']);
    expect(brief(await search('deutsche'))).toEqual(['contact 2']);
    expect((await j.run(['contact', 'rm', 'Zoë Ng', '--yes'])).code).toBe(0);
    // José's report-back about Zoë goes with the introduction.
    expect(brief(await search('zoe'))).toEqual(['contact 4']);
    expect(brief(await search('portfolio'))).toEqual([]);
  });
});

describe('an upgraded journal', () => {
  it('is searchable as soon as the new netjournal opens it', async () => {
    // A journal as netjournal 0.1 wrote it: migration 1 only.
    const db = new Database(j.path);
    db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
                                             applied TEXT NOT NULL);
             PRAGMA application_id = ${APPLICATION_ID};`);
    db.exec(readFileSync(new URL('../../migrations/0001_initial.sql', import.meta.url), 'utf8'));
    db.prepare(
      `INSERT INTO schema_migrations VALUES (1, '0001_initial', '2026-01-01T00:00:00Z')`,
    ).run();
    db.pragma('user_version = 1');
    db.exec(`INSERT INTO contacts (name, company, created) VALUES ('Zoë Ng', 'Acme', '2026-01-02');
             INSERT INTO contact_tags VALUES (1, 'design');
             INSERT INTO notes (contact_id, date, text, created)
             VALUES (1, '2026-01-03', 'perception research', '2026-01-03T00:00:00Z');`);
    db.close();

    expect(brief(await search('zoe'))).toEqual(['contact 1', 'note 1']);
    expect(brief(await search('percep'))).toEqual(['note 1']);
    expect(await search('design')).toEqual([
      { kind: 'contact', id: 1, contact: 'Zoë Ng', contactId: 1, date: null, text: 'design' },
    ]);
    const after = new Database(j.path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(12);
    expect(
      after.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all(),
    ).toEqual([
      '0001_initial',
      '0002_search',
      '0003_undo',
      '0004_next_touch',
      '0005_portable_search',
      '0006_change_log',
      '0007_today_handles',
      '0008_follow_up_templates',
      '0009_sync',
      '0010_contact_aliases',
      '0011_contact_names',
      '0012_contact_team_share',
    ]);
    after.close();
  });
});
