import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bareRemote, canonicalExport, changeLogCheck, device, join_, synced } from './devices.js';

// An import of 30,000 LinkedIn rows on one device arrives whole on the
// other: every contact, searchable there (many changes at once take sync's
// path that makes the search index again once), the change logs equal.

it('30,000 imported LinkedIn connections arrive whole on the other device', async () => {
  const remote = bareRemote();
  const laptop = device('laptop');
  const desktop = device('desktop');
  try {
    await desktop.ok(['add', 'Grace Hopper', '--learned', 'wrote the first compiler']);
    await join_(laptop, remote);
    await join_(desktop, remote);
    const rows = [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ];
    for (let i = 0; i < 30_000; i++)
      rows.push(
        `First${i},Last${i},https://www.linkedin.com/in/p${i},${i % 5 ? '' : `p${i}@example.com`},"Company ${i % 300}, Inc.",Engineer,12 Mar 2024`,
      );
    const csv = join(laptop.dir, 'Connections.csv');
    writeFileSync(csv, rows.join('\n') + '\n');
    await laptop.ok(['import', csv]);
    const sent = await synced(laptop);
    expect(sent).toMatch(/^\d+ changes in from desktop, \d+ out\n$/);
    const out = Number(/, (\d+) out/.exec(sent)?.[1]);
    expect(out).toBeGreaterThanOrEqual(30_000);
    expect(await synced(desktop)).toBe(`${out} changes in from laptop, 0 out\n`);
    // Searchable on the desktop, old and new alike; doctor finds the index and the log whole.
    const found = JSON.parse(await desktop.ok(['search', 'First29999', '--json'])) as {
      kind: string;
      contact: string;
    }[];
    expect(found.map((f) => `${f.kind} ${f.contact}`)).toEqual(['contact First29999 Last29999']);
    const compiler = JSON.parse(await desktop.ok(['search', 'compiler', '--json'])) as unknown[];
    expect(compiler.length).toBe(1);
    const doctor = JSON.parse(await desktop.ok(['doctor', '--json'])) as {
      checks: { name: string; status: string; detail: string }[];
    };
    expect(doctor.checks.filter((c) => c.status !== 'ok')).toEqual([]);
    const log = doctor.checks.find((c) => c.name === 'change log');
    expect(`${log?.status} ${log?.detail}`).toBe(await changeLogCheck(laptop));
    const exported = await canonicalExport(desktop);
    expect(exported.filter((l) => l.startsWith('{"type":"contact"')).length).toBe(30_001);
    expect(exported).toEqual(await canonicalExport(laptop));
  } finally {
    laptop.remove();
    desktop.remove();
    remote.remove();
  }
}, 300_000);
