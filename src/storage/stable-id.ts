import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Stable ids are UUID version 7 (RFC 9562): 48 bits of Unix milliseconds,
 * then 74 random bits. Chosen over ULID because it is the standard form
 * every tool reads (PostgreSQL's uuid type, which team sharing uses, stores
 * it natively), and like ULID it sorts by creation time, so the unique
 * index on uid grows at its right edge instead of splitting pages at random.
 */

// Random bytes are drawn in blocks: one read per 256 ids, not one per id.
const pool = Buffer.alloc(16 * 256);
let used = pool.length;

/**
 * Fill buf from the system's random source. /dev/urandom is the kernel's
 * CSPRNG, as node:crypto's is, read with the fs module every command has
 * loaded already: loading node:crypto cost every write ~4–8 ms of a start
 * (0.3 ms so). Where there is no /dev/urandom, node:crypto.
 */
function fillRandom(buf: Buffer): void {
  let fd: number | undefined;
  try {
    fd = openSync('/dev/urandom', 'r');
    for (let filled = 0; filled < buf.length;) {
      const n = readSync(fd, buf, filled, buf.length - filled, null);
      if (n <= 0) throw new Error('/dev/urandom ended');
      filled += n;
    }
    return;
  } catch {
    // No /dev/urandom here (Windows), or it failed: the crypto module's source.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  process.getBuiltinModule('node:crypto').randomFillSync(buf);
}

function randomBlock(): Buffer {
  if (used === pool.length) {
    fillRandom(pool);
    used = 0;
  }
  const block = pool.subarray(used, used + 16);
  used += 16;
  return block;
}

/** A new UUIDv7 for a record created at ms (Unix milliseconds; default now). */
export function uuidv7(ms: number = Date.now()): string {
  const b = Buffer.from(randomBlock());
  const time = Math.max(0, Math.min(Math.floor(ms), 2 ** 48 - 1));
  b.writeUIntBE(time, 0, 6);
  b[6] = 0x70 | ((b[6] as number) & 0x0f);
  b[8] = 0x80 | ((b[8] as number) & 0x3f);
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Is this a stable id as netjournal writes it (lower-case canonical UUID text)? */
export function isStableId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * The user's own contact has the same stable id in every journal: it is the
 * same person on every device.
 */
export const ME_UID = '00000000-0000-7000-8000-000000000000';
