import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { JournalError, UsageError } from '../errors.js';
import { loadLibrary } from '../load-library.js';

/**
 * Encryption of what sync pushes, with age (the npm `age-encryption`, pure
 * JS and format-compatible with the `age` CLI). The repository has one age
 * key of its own: `key.age` holds it, encrypted with the user's passphrase
 * (or to their age recipients), and every batch is encrypted to it. A
 * passphrase is stretched by scrypt, which takes seconds in JavaScript on
 * purpose: done once when a device joins, not once per batch. The key is
 * kept by each device in its sync folder's `.git` (0600), as private as
 * the journal it syncs; the passphrase is never written anywhere.
 *
 * From format 2 on, what is encrypted is gzip-compressed first: encrypted
 * bytes do not compress, so git would otherwise store and send JSON at full
 * size (the L journal's first batch: 270 MB, 35 MB gzipped).
 *
 * By hand: `age -d key.age > key.txt` (asks the passphrase), then
 * `age -d -i key.txt changes/<device>/<seq>.jsonl.age | gunzip`.
 */

/** How a repository's files are written: its format, and its key when it is encrypted. */
export interface RepoFiles {
  format: number;
  key?: string;
}

/** The repository format from which encrypted files are compressed. */
const COMPRESSED_FROM = 2;

export const KEY_FILE = 'key.age';
const LOCAL_KEY = join('.git', 'netjournal-key');

/** How a device unlocks (or, creating, locks) the repository's key. */
export type Unlock = { passphrase: string } | { identities: string[]; recipients: string[] };

type Age = typeof import('age-encryption');

// Loaded when sync encrypts or decrypts, never at start-up.
function age(): Age {
  return loadLibrary('age-encryption') as Age;
}

/** A new repository key and key.age's bytes. */
export async function createRepoKey(unlock: Unlock): Promise<{ key: string; file: Uint8Array }> {
  const lib = age();
  const key = await lib.generateX25519Identity();
  const e = new lib.Encrypter();
  if ('passphrase' in unlock) e.setPassphrase(unlock.passphrase);
  else for (const r of unlock.recipients) e.addRecipient(r);
  const file = lib.armor.encode(await e.encrypt(key + '\n'));
  return { key, file: new TextEncoder().encode(file) };
}

/** The repository key from key.age; a wrong passphrase or identity is exit 4, nothing written. */
export async function openRepoKey(bytes: Uint8Array, unlock: Unlock): Promise<string> {
  const lib = age();
  const d = new lib.Decrypter();
  if ('passphrase' in unlock) d.addPassphrase(unlock.passphrase);
  else for (const i of unlock.identities) d.addIdentity(i);
  let text: string;
  try {
    const armored = new TextDecoder().decode(bytes);
    text = await d.decrypt(
      armored.startsWith('-----BEGIN AGE') ? lib.armor.decode(armored) : bytes,
      'text',
    );
  } catch {
    throw new JournalError(
      'passphrase' in unlock
        ? 'wrong passphrase for the sync repository'
        : 'none of the given age identities opens the sync repository',
      'passphrase' in unlock
        ? 'give the passphrase the repository was set up with (NETJOURNAL_SYNC_PASSPHRASE, or typed when asked); nothing was written'
        : 'give the identity file whose recipient the repository was set up for; nothing was written',
    );
  }
  const key = text.trim();
  if (!/^AGE-SECRET-KEY-1[0-9A-Z]+$/.test(key))
    throw new JournalError(
      `${KEY_FILE} in the sync repository does not hold an age key`,
      'the repository is damaged; set up sync again with a new remote',
    );
  return key;
}

/** Encrypt a batch's bytes to the repository key. */
export async function seal(bytes: string | Uint8Array, key: string): Promise<Uint8Array> {
  const lib = age();
  const e = new lib.Encrypter();
  e.addRecipient(await lib.identityToRecipient(key));
  return e.encrypt(bytes);
}

/** Decrypt a batch; a file the key does not open is damaged (named by the caller). */
export async function unseal(bytes: Uint8Array, key: string): Promise<Uint8Array> {
  const lib = age();
  const d = new lib.Decrypter();
  d.addIdentity(key);
  return d.decrypt(bytes);
}

/** Write a repository file (0600): text, sealed to key when the repository is encrypted. */
export async function writeSealed(path: string, text: string, files: RepoFiles): Promise<void> {
  const { key, format } = files;
  const bytes =
    key === undefined
      ? text
      : await seal(format >= COMPRESSED_FROM ? gzipSync(text, { level: 3 }) : text, key);
  writeFileSync(path, bytes, { mode: 0o600 });
}

/** Read what writeSealed wrote, compressed or not; throws when it cannot (the caller names the file). */
export async function readSealed(path: string, files: RepoFiles): Promise<string> {
  if (files.key === undefined) return readFileSync(path, 'utf8');
  const bytes = await unseal(readFileSync(path), files.key);
  // gzip's magic bytes; JSON text never starts with them.
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzipped ? gunzipSync(bytes) : Buffer.from(bytes)).toString('utf8');
}

/**
 * Write bytes to a repository file (0600), gzipped and sealed to the
 * repository key: a snapshot file, whichever the repository's format (old
 * devices do not read this kind of file at all).
 */
export async function writeSealedBytes(
  path: string,
  bytes: Uint8Array,
  key: string,
): Promise<void> {
  writeFileSync(path, await seal(gzipSync(bytes, { level: 3 }), key), { mode: 0o600 });
}

/** Read what writeSealedBytes wrote; throws when it cannot (the caller names the file). */
export async function readSealedBytes(path: string, key: string): Promise<Buffer> {
  return gunzipSync(await unseal(readFileSync(path), key));
}

/** Keep this device's copy of the repository key (in the sync folder's .git, 0600). */
export function saveLocalKey(dir: string, key: string): void {
  const path = join(dir, LOCAL_KEY);
  writeFileSync(path, key + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** This device's copy of the repository key, or undefined when it has none. */
export function localKey(dir: string): string | undefined {
  const path = join(dir, LOCAL_KEY);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
}

/** The secret keys (AGE-SECRET-KEY-1…) of an age identity file. */
export function readIdentityFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(
      `cannot read the identity file ${path}`,
      'give the path of an age identity file (age-keygen -o FILE)',
    );
  }
  const keys = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('AGE-SECRET-KEY-1'));
  if (keys.length === 0)
    throw new UsageError(
      `${path} holds no age secret key`,
      'give a file made by age-keygen (a line AGE-SECRET-KEY-1…)',
    );
  return keys;
}

/** The public recipients of secret keys (to lock key.age to an identity file at creation). */
export async function recipientsOf(keys: string[]): Promise<string[]> {
  const lib = age();
  return Promise.all(keys.map((k) => lib.identityToRecipient(k)));
}
