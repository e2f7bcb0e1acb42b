import { lstatSync, readdirSync, statfsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ok, warn, type Check } from './doctor-checks.js';
import { writeAccess } from './read-only-folder.js';

// Where the journal file sits: how many names it has, on what file system,
// and whether this user can write it. None of these is damage: each is a
// warning (exit 0) about what would break the next write or corrupt the file.

/** The file-level checks of a journal that exists at path. */
export function placementChecks(path: string): Check[] {
  return [linkCheck(path), fileSystemCheck(path), writeAccessCheck(path)];
}

/**
 * SQLite finds a journal's -wal and -shm by its name, so two names (hard
 * links) for one file mean two logs: writes through both corrupt it.
 */
function linkCheck(path: string): Check {
  const st = statSync(path);
  if (st.nlink <= 1) return ok('hard links', 'none');
  const others = otherNamesInFolder(path, st.dev, st.ino);
  const detail = `journal has ${st.nlink} names (hard links); SQLite's locking breaks when it is written through two of them`;
  const unknown = st.nlink - 1 - others.length;
  const remove = others.map((p) => `rm ${quoteForShell(p)}`).join('; ');
  const fix =
    unknown === 0
      ? `keep one name: ${remove}`
      : `keep one name, e.g. ${remove ? `${remove}; ` : 'rm OTHER; '}` +
        `the other name${unknown === 1 ? ' is' : 's are'} not known: find ${unknown === 1 ? 'it' : 'them'} with find / -samefile ${quoteForShell(path)}`;
  return warn('hard links', detail, fix);
}

/** The journal's other names in its own folder (the only place looked at: searching a disk is slow). */
function otherNamesInFolder(path: string, dev: number, ino: number): string[] {
  const self = resolve(path);
  const dir = dirname(self);
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries
    .map((entry) => join(dir, entry))
    .filter((candidate) => {
      if (candidate === self) return false;
      try {
        const st = lstatSync(candidate);
        return st.ino === ino && st.dev === dev;
      } catch {
        return false; // gone or unreadable: not a name we can report
      }
    });
}

/** A network file system, from statfs's f_type, with whether the type says so for certain. */
export interface NetworkFileSystem {
  name: string;
  /** False for FUSE: sshfs is a network file system, but FUSE also mounts local ones. */
  certain: boolean;
}

/** statfs f_type magic numbers of network file systems (linux/magic.h, fs/*). */
const NETWORK_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'SMB/CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x01021997, '9p'],
  [0x5346414f, 'AFS'],
  [0x6b414653, 'AFS'],
  [0x00c36400, 'Ceph'],
  [0x73757245, 'Coda'],
  [0x0bd00bd0, 'Lustre'],
  [0x47504653, 'GPFS'],
]);

const FUSE = 0x65735546;

/** Classify a statfs type: a network file system, perhaps one (FUSE), or null for a local one. */
export function networkFileSystem(type: number | bigint): NetworkFileSystem | null {
  // f_type is a signed long in C: a 32-bit build gives CIFS's magic as a negative number.
  const magic = Number(BigInt.asUintN(32, BigInt(type)));
  if (magic === FUSE) return { name: 'FUSE, such as sshfs', certain: false };
  const name = NETWORK_FILE_SYSTEMS.get(magic);
  return name ? { name, certain: true } : null;
}

function fileSystemCheck(path: string): Check {
  // The magic numbers are Linux's: macOS numbers its file systems per boot.
  const unknown = ok('file system', 'type not known on this platform');
  if (process.platform !== 'linux') return unknown;
  let type: number;
  try {
    type = statfsSync(path).type;
  } catch {
    return unknown;
  }
  const network = networkFileSystem(type);
  if (!network) return ok('file system', 'local');
  return warn(
    'file system',
    `${network.certain ? 'on' : 'may be on'} a network file system (${network.name}): SQLite's locking is not reliable there, and writes from two machines can corrupt the journal`,
    'keep the journal on a local disk (--db or NETJOURNAL_DB); netjournal sync shares it between machines',
  );
}

/**
 * A journal this user cannot write is healthy and readable: say that writes
 * need write access, never that it is damaged.
 */
function writeAccessCheck(path: string): Check {
  const denied = writeAccess(path);
  if (!denied) return ok('write access', 'the journal and its folder are writable');
  const target = denied.readOnly === 'folder' ? dirname(path) : path;
  const detail =
    denied.readOnly === 'folder'
      ? `read-only: reads work, writes need write access to the folder ${target}`
      : `read-only: reads work, writes need write access to the file`;
  let fix: string;
  if (denied.code === 'EROFS') {
    fix = `${target} is on a read-only file system: remount it read-write, or copy the journal to a folder you can write`;
  } else if (ownedByMe(target)) {
    fix = `chmod u+w ${quoteForShell(target)}`;
  } else {
    fix = `ask the owner of ${target} for write access, or copy the journal to a folder you can write`;
  }
  return warn('write access', detail, fix);
}

function ownedByMe(path: string): boolean {
  try {
    return process.getuid !== undefined && statSync(path).uid === process.getuid();
  } catch {
    return false;
  }
}

/** A path as the shell reads it: quoted only when it holds anything beyond safe characters. */
function quoteForShell(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
