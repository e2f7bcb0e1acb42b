import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeAsWritten,
  decodeFile,
  decoderFor,
  invalidUtf8At,
  lineAt,
} from '../../src/interop/parse/decode.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { BIN } from '../helpers/spawn-cli.js';

// Issue 15 point 2: how an import file's bytes become text, for every format.

const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
};
const cp1252 = (text: string): Buffer => {
  const bytes: number[] = [];
  for (const ch of text) {
    const euro = ch === '€' ? 0x80 : ch === '–' ? 0x96 : ch.charCodeAt(0);
    bytes.push(euro);
  }
  return Buffer.from(bytes);
};

describe('decodeFile', () => {
  it('drops a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name\nZoë\n')]);
    expect(decodeFile(bytes)).toEqual({
      text: 'name\nZoë\n',
      encoding: 'utf-8',
      problem: null,
      bytes: false,
    });
  });

  it.each([
    ['le', true],
    ['le', false],
    ['be', true],
    ['be', false],
  ] as const)('reads UTF-16%s (byte-order mark: %s)', (order, bom) => {
    const text = 'name,email\r\nZoë Ng,zoe@example.com\r\n東京 😀,\r\n';
    expect(decodeFile(utf16(text, order, bom))).toEqual({
      text,
      encoding: `utf-16${order}`,
      problem: null,
      bytes: false,
    });
  });

  it('does not take UTF-8 text with a stray NUL for UTF-16', () => {
    for (const text of [
      'a\u0000b',
      'Nul\u0000Byte,x\n',
      '\u0000',
      'ab\u0000c',
      'name\nA\u0000\u0000B\n',
    ]) {
      expect(decodeFile(Buffer.from(text)).encoding).toBe('utf-8');
    }
  });

  it('reports bytes that are not UTF-8 with their line, and keeps them one character each', () => {
    const bytes = Buffer.concat([
      Buffer.from('name\r\nAda\r\nRen'),
      Buffer.from([0xe9]),
      Buffer.from('e\n'),
    ]);
    expect(decodeFile(bytes)).toEqual({
      text: 'name\r\nAda\r\nRen\u00e9e\n',
      encoding: 'utf-8',
      problem: { line: 3, message: 'not valid UTF-8 (byte 0xE9)' },
      bytes: true,
    });
  });

  it('reports a UTF-16 file that ends inside a character, or has a lone surrogate', () => {
    const odd = Buffer.concat([utf16('a\nb', 'le', true), Buffer.from([0x41])]);
    expect(decodeFile(odd).problem).toEqual({
      line: 2,
      message: 'not valid UTF-16LE: the file ends in the middle of a character',
    });
    const lone = Buffer.concat([
      utf16('a\r\nb\r\n', 'be', true),
      Buffer.from([0xd8, 0x00, 0x00, 0x41]),
    ]);
    expect(decodeFile(lone)).toMatchObject({
      encoding: 'utf-16be',
      problem: { line: 3, message: 'not valid UTF-16BE: a lone surrogate 0xd800' },
      bytes: false,
    });
  });

  it("reads a file that is not UTF-8 again in its program's encoding, only when every byte is a character there", () => {
    const found = decodeFile(cp1252('First Name\r\nRenée – 12 €\r\n'));
    expect(decodeAsWritten(found, 'windows-1252')).toEqual({
      text: 'First Name\r\nRenée – 12 €\r\n',
      encoding: 'windows-1252',
      problem: null,
      bytes: false,
    });
    // UTF-8 needs nothing; a file read in a named encoding stays as it was read.
    const utf8 = decodeFile(Buffer.from('Zoë'));
    expect(decodeAsWritten(utf8, 'windows-1252')).toBe(utf8);
    const named = decodeFile(cp1252('Renée'), 'utf-8');
    expect(decodeAsWritten(named, 'windows-1252')).toBe(named);
    // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are no characters in windows-1252.
    for (const undefinedByte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      const other = decodeFile(Buffer.from([0x41, 0xe9, undefinedByte]));
      expect(decodeAsWritten(other, 'windows-1252')).toBe(other);
    }
  });

  it('reads a named encoding; windows-1252 by its own table', () => {
    expect(decodeFile(cp1252('Renée – 12 €'), 'windows-1252').text).toBe('Renée – 12 €');
    // Node's TextDecoder reads windows-1252 as ISO-8859-1; every label WHATWG maps to it is fixed.
    for (const label of ['latin1', 'ISO-8859-1', 'cp1252', 'us-ascii']) {
      expect(decoderFor(label)?.decode(Uint8Array.from([0x80, 0x84, 0x93, 0x9f, 0xff]))).toBe(
        '€„“Ÿÿ',
      );
    }
    expect(decodeFile(Buffer.from([0xa3, 0xf3, 0x64, 0xbc]), 'iso-8859-2').text).toBe('Łódź');
    expect(decodeFile(Buffer.from('a\nb\n\xff', 'latin1'), 'utf-8')).toMatchObject({
      problem: { line: 3, message: 'not valid UTF-8 (byte 0xFF)' },
      bytes: false,
    });
    expect(decoderFor('no-such-encoding')).toBeNull();
  });

  it('refuses windows-1252 named by hand when a byte is none of its characters', () => {
    for (const undefinedByte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      const bytes = Buffer.concat([
        cp1252('Name\r\nRenée €\r\n'),
        Buffer.from([0x41, undefinedByte]),
      ]);
      expect(decodeFile(bytes, 'windows-1252')).toEqual({
        text: '',
        encoding: 'windows-1252',
        problem: { line: 3, message: 'not valid windows-1252' },
        bytes: false,
      });
    }
  });

  it('finds the first invalid UTF-8 byte exactly where a strict TextDecoder fails', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 40 }),
          fc.string({ unit: 'grapheme' }).map((s) => Buffer.from(s)),
          fc
            .tuple(fc.string({ unit: 'grapheme' }), fc.nat(), fc.integer({ min: 0x80, max: 0xff }))
            .map(([s, at, b]) => {
              const bytes = Buffer.from(s);
              if (bytes.length > 0) bytes[at % bytes.length] = b;
              return bytes;
            }),
        ),
        (bytes) => {
          const at = invalidUtf8At(bytes);
          let valid = true;
          try {
            strict.decode(bytes);
          } catch {
            valid = false;
          }
          expect(at === -1).toBe(valid);
          if (at !== -1) {
            // Everything before it is valid, and that prefix plus the byte is not.
            expect(() => strict.decode(bytes.subarray(0, at))).not.toThrow();
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts lines the way the parsers do: CRLF, CR and LF each end one', () => {
    expect(lineAt('a\r\nb\rc\nd', 7)).toBe(4);
    expect(lineAt('a\r\nb', 1)).toBe(1);
    expect(lineAt('a\r\nb', 3)).toBe(2);
  });
});

describe('import reads every format through it', () => {
  let j: TempJournal;
  beforeEach(() => {
    j = tempJournal();
  });
  afterEach(() => j.remove());

  const names = async (): Promise<string[]> =>
    (JSON.parse((await j.run(['contacts', '--json'])).stdout) as { name: string }[]).map(
      (c) => c.name,
    );
  /** A journal with one contact, and its bytes, for "nothing was written" checks. */
  const seeded = async (): Promise<Buffer> => {
    expect((await j.run(['contact', 'add', 'Ralph Smith'])).code).toBe(0);
    return readFileSync(j.path);
  };

  it.each([
    ['a generic CSV', 'people.csv', 'name,company\r\nZoë Ng,東京 Lab\r\n'],
    ['a Google CSV', 'google.csv', 'First Name,Last Name,Organization Name\r\nZoë,Ng,東京 Lab\r\n'],
    [
      'a vCard',
      'people.vcf',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ng\r\nORG:東京 Lab\r\nEND:VCARD\r\n',
    ],
    [
      'a jsonl export',
      'all.jsonl',
      '{"type":"contact","id":1,"name":"Zoë Ng","company":"東京 Lab","role":null,"email":null,"phone":null,"url":null,"location":null,"circle":null,"cadenceDays":null,"birthday":null,"tags":[],"howMet":null,"archived":false,"created":"2026-11-01"}\n',
    ],
  ])('%s in UTF-16LE with a BOM and UTF-16BE without', async (_, file, text) => {
    for (const [order, bom] of [
      ['le', true],
      ['be', false],
    ] as const) {
      const other = tempJournal();
      try {
        const path = join(other.dir, file);
        writeFileSync(path, utf16(text, order, bom));
        const result = await other.run(['import', path]);
        expect(result.code, result.stderr).toBe(0);
        const contacts = JSON.parse((await other.run(['contacts', '--json'])).stdout) as {
          name: string;
          company: string;
        }[];
        expect(contacts.map((c) => [c.name, c.company])).toEqual([['Zoë Ng', '東京 Lab']]);
      } finally {
        other.remove();
      }
    }
  });

  it('refuses a CSV that is not UTF-8 (exit 2), naming the line and --encoding; writes nothing', async () => {
    const before = await seeded();
    const file = join(j.dir, 'people.csv');
    writeFileSync(file, cp1252('name,company\nAda,Acme\nRenée Côté,Café – 12 €\n'));
    const result = await j.run(['import', file]);
    expect(result).toEqual({
      stdout: '',
      stderr:
        'netjournal: people.csv:3: not valid UTF-8 (byte 0xE9) — nothing was imported; ' +
        'if the file is in another encoding, read it with --encoding windows-1252 (or its name)\n',
      code: 2,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);

    const named = await j.run(['import', file, '--encoding', 'windows-1252', '--json']);
    expect(named.code, named.stderr).toBe(0);
    expect(await names()).toEqual(['Ada', 'Ralph Smith', 'Renée Côté']);
    const renee = (
      JSON.parse((await j.run(['contacts', '--json'])).stdout) as {
        name: string;
        company: string;
      }[]
    ).find((c) => c.name === 'Renée Côté');
    expect(renee?.company).toBe('Café – 12 €');
  });

  it('refuses an unknown --encoding (exit 2) before reading anything', async () => {
    const before = await seeded();
    const result = await j.run(['import', join(j.dir, 'missing.csv'), '--encoding', 'klingon']);
    expect(result).toEqual({
      stdout: '',
      stderr:
        'netjournal: unknown encoding "klingon" — name one such as utf-8, utf-16le, utf-16be, ' +
        'windows-1252, iso-8859-1, iso-8859-2 or windows-1250\n',
      code: 2,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('refuses a file that is not in the encoding named (exit 2)', async () => {
    const before = await seeded();
    const file = join(j.dir, 'people.csv');
    writeFileSync(file, cp1252('name\nRenée\n'));
    const result = await j.run(['import', file, '--encoding', 'utf-8']);
    expect(result).toEqual({
      stdout: '',
      stderr:
        'netjournal: people.csv:2: not valid UTF-8 (byte 0xE9) — nothing was imported; ' +
        'the file is not in utf-8: name the encoding it is in\n',
      code: 2,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('refuses a broken UTF-16 file (exit 2) instead of storing U+FFFD', async () => {
    const before = await seeded();
    const file = join(j.dir, 'people.csv');
    writeFileSync(file, Buffer.concat([utf16('name\r\nZoë\r\n', 'le', true), Buffer.from([0x41])]));
    const result = await j.run(['import', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'netjournal: people.csv:3: not valid UTF-16LE: the file ends in the middle of a character — ' +
        'nothing was imported; if the file is in another encoding, read it with --encoding windows-1252 (or its name)\n',
    );
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('reads UTF-16 from standard input (import -)', () => {
    const result = spawnSync(process.execPath, [BIN, 'import', '-'], {
      env: { PATH: process.env.PATH, ...j.env },
      input: utf16('BEGIN:VCARD\r\nFN:Zoë Ng\r\nEND:VCARD\r\n', 'le', true),
      encoding: 'utf8',
    });
    expect(result.stderr).toBe(
      'Imported stdin (vCard): 1 created, 0 updated, 0 unchanged, 0 skipped.\n',
    );
    expect(result.status).toBe(0);
    const listed = spawnSync(process.execPath, [BIN, 'contacts', '--json'], {
      env: { PATH: process.env.PATH, ...j.env },
      encoding: 'utf8',
    });
    expect((JSON.parse(listed.stdout) as { name: string }[]).map((c) => c.name)).toEqual([
      'Zoë Ng',
    ]);
  });
});
