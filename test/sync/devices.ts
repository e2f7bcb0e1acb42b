import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { tempJournal, type RunResult, type TempJournal } from '../helpers/run-cli.js';

/**
 * Devices for sync tests: each a journal in its own temp folder (its sync
 * clone beside it), all syncing through one real bare git repository on disk.
 */

export const NOW = '2026-11-30';

export interface Device extends TempJournal {
  name: string;
  ok(args: readonly string[]): Promise<string>;
  sync(): Promise<RunResult>;
}

export interface Remote {
  path: string;
  remove(): void;
}

/** A new empty bare repository. */
export function bareRemote(): Remote {
  const dir = mkdtempSync(join(tmpdir(), 'netjournal-remote-'));
  const path = join(dir, 'sync.git');
  execFileSync('git', ['init', '-q', '--bare', path]);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A journal on a device called name (not yet syncing). */
export function device(name: string): Device {
  const j = tempJournal(NOW);
  const ok = async (args: readonly string[]) => {
    const result = await j.run(args);
    expect(result.code, `${name}: ${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result.stdout;
  };
  return { ...j, name, ok, sync: () => j.run(['sync']) };
}

/** Set up sync on a device, expecting success. */
export async function join_(d: Device, remote: Remote): Promise<RunResult> {
  const result = await d.run(['sync', 'init', remote.path, '--device', d.name, '--no-encrypt']);
  expect(result.code, `${d.name}: sync init: ${result.stderr}`).toBe(0);
  return result;
}

/** Sync, expecting success; returns stderr (what came in and went out). */
export async function synced(d: Device): Promise<string> {
  const result = await d.sync();
  expect(result.code, `${d.name}: sync: ${result.stderr}`).toBe(0);
  return result.stderr;
}

// Which record type an export's reference names, by its key.
const REFS: Record<string, string> = {
  contactId: 'contact',
  contactIds: 'contact',
  introducerId: 'contact',
  personId: 'contact',
  toId: 'contact',
  meetingId: 'meeting',
  introductionId: 'introduction',
};

/**
 * A device's jsonl export with the short local ids set aside: every record
 * named by its stable id, references too, in a stable order.
 */
export async function canonicalExport(d: Device): Promise<string[]> {
  const lines = (await d.ok(['export', '--format', 'jsonl']))
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => r.type !== 'netjournal');
  const uids = new Map<string, string>();
  for (const r of lines)
    if (typeof r.id === 'number') uids.set(`${String(r.type)} ${r.id}`, String(r.uid));
  const uidOf = (type: string, id: unknown) =>
    id === null ? null : (uids.get(`${type} ${String(id)}`) ?? `missing ${type} ${String(id)}`);
  return lines
    .map((r) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(r)) {
        if (key === 'id') continue;
        const ref = REFS[key];
        if (ref === undefined) out[key] = value;
        else if (Array.isArray(value)) out[key] = value.map((v) => uidOf(ref, v)).sort();
        else out[key] = uidOf(ref, value);
      }
      return JSON.stringify(out);
    })
    .sort();
}

/** doctor's change-log check on a device: the tables match the log folded by sync's rules. */
export async function changeLogCheck(d: Device): Promise<string> {
  const doc = JSON.parse(await d.ok(['doctor', '--json'])) as {
    checks: { name: string; status: string; detail: string }[];
  };
  const check = doc.checks.find((c) => c.name === 'change log');
  return `${check?.status ?? 'missing'} ${check?.detail ?? ''}`;
}
