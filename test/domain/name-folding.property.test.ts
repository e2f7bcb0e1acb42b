import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName, splitNameWords, startsCapitalised } from '../../src/domain/names.js';

// foldName, splitNameWords and startsCapitalised answer printable ASCII
// without the Unicode property classes (compiling one costs 0.3–1 ms in
// every process that uses it). Their answers must be exactly what the
// Unicode rules give, for ASCII and for everything else.

const byUnicode = {
  fold: (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
  split: (s: string) => s.split(/[^\p{L}\p{M}\p{N}]+/u),
  capital: (s: string) => /\p{Lu}|\p{Lt}|\p{Lo}/u.test(s.charAt(0)),
};

// Names as people type them: ASCII, accented Latin, other scripts, marks,
// separators and controls, so that both paths are taken.
const char = fc.oneof(
  fc.constantFrom(...' -_.,:;!?\'"#*()[]{}\t\n0123456789'.split('')),
  fc.constantFrom(...'abcxyzABCXYZ'.split('')),
  fc.constantFrom('é', 'Ü', 'ñ', 'Å', 'ß', 'ǅ', 'Ω', 'Дмитрий', 'й', '李', 'ع', '\u0301', '\u0308'),
  fc.string({ unit: 'binary', maxLength: 2 }),
);
const text = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(''));

describe('name folding, ASCII fast paths', () => {
  it('fold, split and capital agree with the Unicode rules on any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(foldName(s)).toBe(byUnicode.fold(s));
        expect(splitNameWords(s)).toEqual(byUnicode.split(s));
        expect(startsCapitalised(s)).toBe(byUnicode.capital(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('examples', () => {
    expect(foldName('Zoë Ng')).toBe('zoe ng');
    expect(foldName('Farah Varga 12')).toBe('farah varga 12');
    expect(splitNameWords('coffee with o’brien-smith, 12')).toEqual([
      'coffee',
      'with',
      'o',
      'brien',
      'smith',
      '12',
    ]);
    expect(splitNameWords('lunch with ralph')).toEqual(['lunch', 'with', 'ralph']);
    expect(['Ralph', 'ralph', '李', 'Éva', 'éva', ''].map(startsCapitalised)).toEqual([
      true,
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});
