import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, truncate } from '../../src/output/width.js';
import { wrapLine, wrapText } from '../../src/output/wrap.js';

// Issue 17, point 1: lines for a person break at spaces, measured in display
// cells by cli-table3's own string-width.

const require = createRequire(import.meta.url);
const BOLD = (s: string) => `\u001b[1m${s}\u001b[22m`;
const RED = (s: string) => `\u001b[31m${s}\u001b[39m`;
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('display width', () => {
  it('is the string-width that cli-table3 lays its columns out with', () => {
    const tables = createRequire(require.resolve('cli-table3'));
    expect(tables.resolve('string-width')).toBe(require.resolve('string-width'));
    const stringWidth = require('string-width') as (s: string) => number;
    for (const text of [
      'Ralph',
      '東京タワー',
      'Zoë',
      'e\u0301',
      '👩‍👩‍👧 family',
      BOLD('bold'),
      '🎹 jazz',
    ]) {
      expect(displayWidth(text), text).toBe(stringWidth(text));
    }
    expect(displayWidth('東京')).toBe(4);
    expect(displayWidth('🎹')).toBe(2);
    expect(displayWidth(RED('late'))).toBe(4);
  });

  it('cuts a text by whole characters: an emoji sequence is never cut inside', () => {
    expect(truncate('👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧', 5)).toBe('👩‍👩‍👧👩‍👩‍👧…');
    expect(truncate('👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧', 4)).toBe('👩‍👩‍👧…');
    expect(truncate('Zoë Ng', 3)).toBe('Zo…');
  });
});

describe('wrapLine', () => {
  it('breaks the issue\'s confirmation at a space, not inside "follow-up"', () => {
    const line =
      'Removed meeting 12 (coffee with Ralph Smith on 2026-11-20) and its 1 open follow-up: 39.';
    expect(wrapLine(line, 80)).toEqual([
      'Removed meeting 12 (coffee with Ralph Smith on 2026-11-20) and its 1 open',
      'follow-up: 39.',
    ]);
  });

  it('leaves a line that fits as it is, spaces and all', () => {
    expect(wrapLine('  ID  DUE     TEXT   ', 40)).toEqual(['  ID  DUE     TEXT   ']);
  });

  it("keeps a line's indent on the lines it becomes", () => {
    expect(wrapLine('    one two three four five six', 16)).toEqual([
      '    one two',
      '    three four',
      '    five six',
    ]);
  });

  it('counts CJK and emoji as two cells', () => {
    expect(wrapLine('東京 タワー 🗼 ok', 8)).toEqual(['東京', 'タワー', '🗼 ok']);
    expect(wrapLine('ab cd ef', 5)).toEqual(['ab cd', 'ef']);
  });

  it('gives colour codes no width, and closes and reopens a style across a break', () => {
    const line = `${BOLD('one two three')} four`;
    const lines = wrapLine(line, 9);
    expect(lines.map(strip)).toEqual(['one two', 'three', 'four']);
    expect(lines[0]).toBe('\u001b[1mone two\u001b[0m');
    expect(lines[1]).toBe('\u001b[1mthree\u001b[22m');
    // Unwrapped, a coloured line that fits is never touched.
    expect(wrapLine(RED('x'.repeat(10)), 10)).toEqual([RED('x'.repeat(10))]);
  });

  it('cuts only a word wider than the whole line', () => {
    expect(wrapLine('see https://example.com/a/very/long/path now', 12)).toEqual([
      'see',
      'https://exam',
      'ple.com/a/ve',
      'ry/long/path',
      'now',
    ]);
  });

  it(
    'never makes a line wider than the width, and loses or splits no word that fits (property)',
    { timeout: 30_000 },
    () => {
      // At most 12 cells: every word fits a line of 12 or more.
      const word = fc
        .array(fc.constantFrom('a', 'b', 'é', '東', '京', '🎹', '-'), {
          minLength: 1,
          maxLength: 6,
        })
        .map((chars) => chars.join(''));
      fc.assert(
        fc.property(
          fc.array(word, { minLength: 1, maxLength: 30 }),
          fc.integer({ min: 12, max: 120 }),
          (words, width) => {
            const lines = wrapLine(words.join(' '), width);
            for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
            expect(lines.join(' ').split(' ')).toEqual(words);
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});

describe('wrapText', () => {
  it('wraps every line and keeps the final newline', () => {
    expect(wrapText('aaa bbb\nccc ddd eee\n', 7)).toBe('aaa bbb\nccc ddd\neee\n');
  });
});
