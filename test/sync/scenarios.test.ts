import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bareRemote,
  canonicalExport,
  changeLogCheck,
  device,
  join_,
  synced,
  type Device,
  type Remote,
} from './devices.js';

// Two devices and a real bare git repository: what each writes reaches the
// other, the later change to a field wins and the other value is reported,
// an undo travels like any write, and a delete is a tombstone.

let remote: Remote;
let laptop: Device;
let desktop: Device;

beforeEach(async () => {
  remote = bareRemote();
  laptop = device('laptop');
  desktop = device('desktop');
  await laptop.ok(['add', 'Grace Hopper', '--notes', 'COBOL', '--follow-up', 'send the paper']);
  await join_(laptop, remote);
  await join_(desktop, remote);
});
afterEach(() => {
  laptop.remove();
  desktop.remove();
  remote.remove();
});

type FollowUp = { text: string; status: string; contact: string };
const followUps = async (d: Device) =>
  (JSON.parse(await d.ok(['follow-ups', '--all', '--json'])) as FollowUp[])
    .map((f) => `${f.contact}: ${f.text} (${f.status})`)
    .sort();

async function expectConverged(): Promise<void> {
  expect(await canonicalExport(desktop)).toEqual(await canonicalExport(laptop));
  expect(await changeLogCheck(laptop)).toMatch(/^ok /);
  expect(await changeLogCheck(desktop)).toMatch(/^ok /);
}

it('joining brings the other device’s journal whole', async () => {
  expect(JSON.parse(await desktop.ok(['contacts', '--json']))).toEqual([
    expect.objectContaining({ id: 1, name: 'Grace Hopper' }),
  ]);
  expect(await followUps(desktop)).toEqual([
    'Grace Hopper: Thank Grace Hopper for the coffee (open)',
    'Grace Hopper: send the paper (open)',
  ]);
  await expectConverged();
});

it('keeps both devices’ meetings and the follow-ups each marked done', async () => {
  await laptop.ok(['add', 'Alan Kay', '--notes', 'Smalltalk', '--no-thank-you']);
  await laptop.ok(['done', '1']);
  await desktop.ok(['add', 'Barbara Liskov', '--follow-up', 'read CLU paper', '--no-thank-you']);
  await desktop.ok(['done', '2']);

  // laptop: contact, meeting, participant, done; desktop: contact, meeting, participant, follow-up, done.
  expect(await synced(laptop)).toBe('0 changes in, 4 out\n');
  expect(await synced(desktop)).toBe('4 changes in from laptop, 5 out\n');
  expect(await synced(laptop)).toBe('5 changes in from desktop, 0 out\n');

  const expected = [
    'Barbara Liskov: read CLU paper (open)',
    'Grace Hopper: Thank Grace Hopper for the coffee (done)',
    'Grace Hopper: send the paper (done)',
  ];
  expect(await followUps(laptop)).toEqual(expected);
  expect(await followUps(desktop)).toEqual(expected);
  const meetings = async (d: Device) =>
    (JSON.parse(await d.ok(['log', '--json'])) as { contacts: string[] }[])
      .map((m) => m.contacts.join())
      .sort();
  expect(await meetings(desktop)).toEqual(['Alan Kay', 'Barbara Liskov', 'Grace Hopper']);
  await expectConverged();
});

it('keeps the later rename of a contact changed on both, and reports the other', async () => {
  await laptop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'Navy']);
  await desktop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'US Navy']);
  expect(await synced(laptop)).toBe('0 changes in, 1 out\n');
  // The date is when desktop made its change (the clock of the change, not --now).
  const line =
    "1 field changed on both devices: Grace Hopper's company — kept US Navy \\(desktop, \\d{4}-\\d{2}-\\d{2}\\), was Navy \\(laptop\\)\n";
  expect(await synced(desktop)).toMatch(new RegExp(`^1 change in from laptop, 1 out\n${line}$`));
  expect(await synced(laptop)).toMatch(new RegExp(`^1 change in from desktop, 0 out\n${line}$`));
  for (const d of [laptop, desktop]) {
    expect(JSON.parse(await d.ok(['contacts', '--json']))).toEqual([
      expect.objectContaining({ name: 'Grace Hopper', company: 'US Navy' }),
    ]);
    expect(JSON.parse(await d.ok(['sync', 'conflicts', '--json']))).toEqual([
      expect.objectContaining({
        record: 'contact',
        name: 'Grace Hopper',
        field: 'company',
        kept: 'US Navy',
        keptOn: 'desktop',
        lost: 'Navy',
        lostOn: 'laptop',
      }),
    ]);
  }
  // A later sync with nothing new reports nothing again.
  expect(await synced(desktop)).toBe('0 changes in, 0 out\n');
  await expectConverged();
});

it('does not call a change the other device had already seen a conflict', async () => {
  await laptop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'Navy']);
  await synced(laptop);
  await synced(desktop);
  await desktop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'US Navy']);
  expect(await synced(desktop)).toBe('0 changes in, 1 out\n');
  expect(await synced(laptop)).toBe('1 change in from desktop, 0 out\n');
  expect(JSON.parse(await laptop.ok(['sync', 'conflicts', '--json']))).toEqual([]);
});

it('judges each batch by what its device had seen when it wrote it', async () => {
  await desktop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'US Navy']);
  expect(await synced(desktop)).toBe('0 changes in, 1 out\n');
  // laptop's next batch was written before it fetched desktop's change...
  await laptop.ok(['contact', 'add', 'Alan Kay']);
  expect(await synced(laptop)).toBe('1 change in from desktop, 1 out\n');
  // ...the one after, after: this edit overwrites a value laptop had seen.
  await laptop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'Yale']);
  expect(await synced(laptop)).toBe('0 changes in, 1 out\n');
  expect(await synced(desktop)).toBe('2 changes in from laptop, 0 out\n');
  expect(JSON.parse(await desktop.ok(['sync', 'conflicts', '--json']))).toEqual([]);
  await expectConverged();
});

it('carries an undo to the other device', async () => {
  await laptop.ok(['add', 'Alan Kay', '--no-thank-you']);
  await synced(laptop);
  await synced(desktop);
  expect((JSON.parse(await desktop.ok(['contacts', '--json'])) as unknown[]).length).toBe(2);
  await laptop.ok(['undo']);
  // The undo deletes the participant link, the meeting and the contact.
  expect(await synced(laptop)).toBe('0 changes in, 3 out\n');
  expect(await synced(desktop)).toBe('3 changes in from laptop, 0 out\n');
  expect(JSON.parse(await desktop.ok(['contacts', '--json']))).toEqual([
    expect.objectContaining({ name: 'Grace Hopper' }),
  ]);
  await expectConverged();
});

it('merges nicknames by element: each added on one device, both kept on both', async () => {
  await laptop.ok(['contact', 'edit', 'Grace Hopper', '--alias', 'Amazing Grace']);
  await desktop.ok(['contact', 'edit', 'Grace Hopper', '--alias', 'Grandma COBOL']);
  await synced(laptop);
  await synced(desktop);
  await synced(laptop);
  for (const d of [laptop, desktop]) {
    const grace = JSON.parse(await d.ok(['contact', 'show', 'Grace Hopper', '--json'])) as {
      aliases: string[];
    };
    expect([...grace.aliases].sort()).toEqual(['Amazing Grace', 'Grandma COBOL']);
    // And a nickname that came in names her in a lookup there.
    await d.ok(['note', 'grandma cobol', 'wrote FLOW-MATIC']);
  }
  await synced(laptop);
  await synced(desktop);
  await synced(laptop);
  await expectConverged();
});

describe('a delete and an edit of the same contact', () => {
  it('keeps the delete when the edit came later, on both devices', async () => {
    await laptop.ok(['contact', 'rm', 'Grace Hopper', '--yes']);
    await desktop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'US Navy']);
    await desktop.ok(['note', 'Grace Hopper', 'coined "bug"']);
    // laptop's delete: the contact, its two follow-ups, its meeting and that meeting's link to it.
    expect(await synced(laptop)).toBe('0 changes in, 5 out\n');
    expect(await synced(desktop)).toBe('5 changes in from laptop, 2 out\n');
    // The note desktop added meanwhile cannot outlive its contact: each device
    // records its removal as a change of its own, which then travels.
    expect(await synced(laptop)).toBe('2 changes in from desktop, 0 out\n');
    expect(await synced(desktop)).toBe('0 changes in, 1 out\n');
    expect(await synced(laptop)).toBe('1 change in from desktop, 1 out\n');
    expect(await synced(desktop)).toBe('1 change in from laptop, 0 out\n');
    // Every change is on both devices once each has seen the other's last batch.
    expect(await changeLogCheck(desktop)).toBe(await changeLogCheck(laptop));
    for (const d of [laptop, desktop]) {
      expect(JSON.parse(await d.ok(['contacts', '--json']))).toEqual([]);
      expect(JSON.parse(await d.ok(['notes', '--json']))).toEqual([]);
    }
    await expectConverged();
  });

  it('keeps the delete when the edit came first', async () => {
    await desktop.ok(['contact', 'edit', 'Grace Hopper', '--company', 'US Navy']);
    await laptop.ok(['contact', 'rm', 'Grace Hopper', '--yes']);
    await synced(desktop);
    await synced(laptop);
    await synced(desktop);
    for (const d of [laptop, desktop])
      expect(JSON.parse(await d.ok(['contacts', '--json']))).toEqual([]);
    await expectConverged();
  });

  it('brings the contact back on both when the delete is undone', async () => {
    await laptop.ok(['contact', 'rm', 'Grace Hopper', '--yes']);
    await synced(laptop);
    await synced(desktop);
    await laptop.ok(['undo']);
    await synced(laptop);
    await synced(desktop);
    expect(JSON.parse(await desktop.ok(['contacts', '--json']))).toEqual([
      expect.objectContaining({ name: 'Grace Hopper' }),
    ]);
    await expectConverged();
  });
});

it('merges a third device that already had a journal of its own when it joined', async () => {
  const phone = device('phone');
  try {
    await phone.ok(['add', 'Grace Hopper', '--no-thank-you', '--notes', 'met at the conference']);
    await phone.ok(['contact', 'add', 'Ada Lovelace']);
    const joined = await join_(phone, remote);
    // laptop's journal (contact, meeting, link, two follow-ups) in; phone's whole log out.
    expect(joined.stderr).toBe(
      'Sync set up: this device is phone, the remote ' +
        `${remote.path}.\n5 changes in from laptop, 4 out\n` +
        "Grace Hopper is in the journal twice (#1 and #3); if they are one person: netjournal contact merge '#1' '#3'\n",
    );
    expect(await synced(laptop)).toBe('4 changes in from phone, 0 out\n');
    expect(await synced(desktop)).toBe('4 changes in from phone, 0 out\n');
    const names = async (d: Device) =>
      (JSON.parse(await d.ok(['contacts', '--json'])) as { name: string }[])
        .map((c) => c.name)
        .sort();
    // Two records of one person are not merged by name: they have different stable ids.
    for (const d of [laptop, desktop, phone])
      expect(await names(d)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Grace Hopper']);
    expect(await canonicalExport(phone)).toEqual(await canonicalExport(laptop));
    expect(await canonicalExport(desktop)).toEqual(await canonicalExport(laptop));
    // desktop has made no change yet, so no batch of its own tells phone about it.
    expect(JSON.parse(await phone.ok(['sync', 'status', '--json']))).toMatchObject({
      devices: ['laptop', 'phone'],
    });
    expect(
      (JSON.parse(await phone.ok(['sync', 'devices', '--json'])) as object[]).map((d) => ({
        ...d,
        device: typeof (d as { device: unknown }).device,
      })),
    ).toEqual([
      { name: 'laptop', device: 'string', self: false, batches: 1 },
      { name: 'phone', device: 'string', self: true, batches: 0 },
    ]);
  } finally {
    phone.remove();
  }
});
