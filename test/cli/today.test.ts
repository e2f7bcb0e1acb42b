import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

const sections = async (now = '2026-11-21', ...extra: string[]) => {
  const r = await j.run(['today', '--json', '--now', now, ...extra]);
  expect(r.code).toBe(0);
  return (
    JSON.parse(r.stdout) as { items: { section: string; contact: string; days: number }[] }
  ).items.map((i) => `${i.section} ${i.contact} ${i.days}`);
};

describe('today', () => {
  it('prints an empty report for a missing journal and creates nothing', async () => {
    expect(await j.run(['today', '--json'])).toEqual({
      stdout: '{"date":"2026-11-21","items":[]}\n',
      stderr: '',
      code: 0,
    });
    const page = await j.run(['today'], { tty: true, env: { NO_COLOR: '1' } });
    expect(page.stdout).toBe(
      'Nothing needs you today. Enjoy the quiet, or reach out to someone new.\n',
    );
    expect((await j.run(['today', '--exit-status'])).code).toBe(0);
    expect((await j.run(['today'])).stdout).toBe(
      'section\tid\tkind\tcontact\tcontactId\ttext\tdue\tdays\n',
    );
    expect(existsSync(j.path)).toBe(false);
  });

  it('resets the keep-in-touch clock with any meeting, and counts a cadence due today', async () => {
    await j.run(['contact', 'add', 'Ralph', '--every', '7d', '--now', '2026-11-01']);
    expect(await sections('2026-11-07')).toEqual([]);
    expect(await sections('2026-11-08')).toEqual(['reconnect Ralph 0']);
    await j.run(['add', 'Ralph', '--kind', 'message', '--now', '2026-11-10']);
    expect(await sections('2026-11-16')).toEqual([]);
    expect(await sections('2026-11-17')).toEqual(['reconnect Ralph 0']);
  });

  it('skips reconnects for contacts with an open follow-up, and archived contacts', async () => {
    await j.run(['contact', 'add', 'Ralph', '--every', '7d', '--now', '2026-11-01']);
    await j.run([
      'contact',
      'add',
      'Al',
      '--every',
      '7d',
      '--birthday',
      '11-21',
      '--now',
      '2026-11-01',
    ]);
    await j.run(['follow-up', 'Ralph', 'call back', '--due', '2026-12-10']);
    await j.run(['contact', 'edit', 'Al', '--archive']);
    expect(await sections()).toEqual([]);
    await j.run(['done', '1']);
    expect(await sections()).toEqual(['reconnect Ralph -13']);
  });

  it("uses a circle's default cadence unless the contact has its own (tiered cadences)", async () => {
    await j.run(['contact', 'add', 'Colleague', '--circle', 'second', '--now', '2026-09-01']);
    await j.run([
      'contact',
      'add',
      'Own Pace',
      '--circle',
      'second',
      '--every',
      '1y',
      '--now',
      '2026-09-01',
    ]);
    await j.run(['contact', 'add', 'Stranger', '--circle', 'third', '--now', '2026-09-01']);
    expect(await sections()).toEqual([]);
    const set = await j.run(['config', 'set', 'cadence.second', '60d']);
    expect(set).toEqual({
      stdout: 'key\tvalue\ncadence.second\t60d\n',
      stderr: 'cadence.second = 60d\n',
      code: 0,
    });
    expect(await sections()).toEqual(['reconnect Colleague -21']);
    expect((await j.run(['contacts', '--stale', '--json'])).stdout).toContain('"Colleague"');
    await j.run(['config', 'unset', 'cadence.second']);
    expect(await sections()).toEqual([]);
  });

  it('shows 29 February birthdays on 28 February in common years, with ages', async () => {
    await j.run(['contact', 'add', 'Leap', '--birthday', '2000-02-29']);
    await j.run(['contact', 'add', 'Plain', '--birthday', '02-28']);
    expect(await sections('2027-02-28')).toEqual(['birthday Leap 0', 'birthday Plain 0']);
    expect(await sections('2028-02-28')).toEqual(['birthday Plain 0']);
    const r = await j.run(['today', '--json', '--now', '2028-02-29']);
    expect(JSON.parse(r.stdout).items).toEqual([
      {
        section: 'birthday',
        id: 'b1',
        kind: 'birthday',
        contact: 'Leap',
        contactId: 1,
        text: 'turns 28',
        due: '2028-02-29',
        days: 0,
      },
    ]);
  });

  it('looks --days ahead for upcoming items and validates it', async () => {
    await j.run(['contact', 'add', 'Ralph']);
    await j.run(['follow-up', 'Ralph', 'soon', '--due', '3d']);
    await j.run(['follow-up', 'Ralph', 'later', '--due', '10d']);
    expect(await sections()).toEqual(['upcoming Ralph 3']);
    expect(await sections('2026-11-21', '--days', '10')).toEqual([
      'upcoming Ralph 3',
      'upcoming Ralph 10',
    ]);
    expect(await sections('2026-11-21', '--days', '0')).toEqual([]);
    const bad = await j.run(['today', '--days', 'soon']);
    expect(bad).toEqual({
      stdout: '',
      stderr: 'netjournal: invalid --days "soon" — give a number of days, e.g. --days 14\n',
      code: 2,
    });
  });

  it('fits the page to a narrow terminal and keeps piped text whole', async () => {
    await j.run([
      'add',
      'Someone With A Really Quite Long Name',
      '--follow-up',
      'x'.repeat(120),
      '--due',
      'today',
      '--no-thank-you',
    ]);
    const page = await j.run(['today'], { tty: true, env: { NO_COLOR: '1', COLUMNS: '60' } });
    for (const line of page.stdout.trimEnd().split('\n'))
      expect(line.length).toBeLessThanOrEqual(60);
    expect(page.stdout).toContain('…');
    expect((await j.run(['today'])).stdout).toContain('x'.repeat(120));
  });
});

describe('config', () => {
  const bad: [string, string[], number, string][] = [
    [
      'an unknown key',
      ['config', 'set', 'colour', 'red'],
      2,
      'unknown setting "colour" — known settings: cadence.inner, cadence.second, cadence.third, me.name, sync.auto, team.url, team.member, team.share',
    ],
    [
      'a bad interval',
      ['config', 'set', 'cadence.inner', 'often'],
      2,
      'unknown interval "often" — try 30d, 6w, 3m, 1y or none',
    ],
    [
      'none as a value',
      ['config', 'set', 'cadence.inner', 'none'],
      2,
      '"none" is not a cadence — clear it with: netjournal config unset cadence.inner',
    ],
    [
      'a key that is not set',
      ['config', 'get', 'cadence.third'],
      3,
      'cadence.third is not set — set it with: netjournal config set cadence.third 60d',
    ],
  ];
  it.each(bad)('rejects %s, writing nothing', async (_what, args, code, message) => {
    await j.run(['config', 'set', 'cadence.second', '8w']);
    const before = await journalState(j);
    const list = (await j.run(['config', 'list', '--json'])).stdout;
    expect(await j.run(args)).toEqual({ stdout: '', stderr: `netjournal: ${message}\n`, code });
    expect(await journalState(j)).toBe(before);
    expect((await j.run(['config', 'list', '--json'])).stdout).toBe(list);
  });

  it('gets, lists and unsets settings stored in the journal', async () => {
    await j.run(['config', 'set', 'cadence.inner', '2w']);
    await j.run(['config', 'set', 'cadence.third', '1y']);
    expect((await j.run(['config', 'get', 'cadence.inner'], { tty: true })).stdout).toBe('14d\n');
    expect(JSON.parse((await j.run(['config', 'list', '--json'])).stdout)).toEqual([
      { key: 'cadence.inner', value: '14d' },
      { key: 'cadence.third', value: '365d' },
    ]);
    expect((await j.run(['config', 'unset', 'cadence.inner'])).stderr).toBe(
      'cadence.inner unset.\n',
    );
    expect((await j.run(['config', 'unset', 'cadence.inner'])).stderr).toBe(
      'cadence.inner was not set.\n',
    );
    expect((await j.run(['config', 'list'])).stdout).toBe('key\tvalue\ncadence.third\t365d\n');
  });
});
