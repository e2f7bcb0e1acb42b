import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, graphemes, truncate } from '../../src/output/width.js';

// Plain ASCII takes a shortcut (no string-width, no segmenter: ~40 ms on a
// tall page); it must give what the general path gives.
const stringWidth = createRequire(import.meta.url)('string-width') as (s: string) => number;

describe('display width and cutting, plain ASCII', () => {
  it('measures as string-width does, and cuts as the general path does', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[\x20-\x7e]{0,60}$/),
        fc.integer({ min: 0, max: 70 }),
        (text, max) => {
          expect(displayWidth(text)).toBe(stringWidth(text));
          // The general path: whole characters while they fit, then an ellipsis.
          let general = text;
          if (stringWidth(text) > max) {
            general = '';
            if (max > 0) {
              let width = 0;
              for (const ch of graphemes(text)) {
                if (width + stringWidth(ch) > max - 1) break;
                general += ch;
                width += stringWidth(ch);
              }
              general += '…';
            }
          }
          expect(truncate(text, max)).toBe(general);
        },
      ),
    );
  });

  it('still counts wide characters and colour codes by string-width', () => {
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('\u001b[1mbold\u001b[22m')).toBe(4);
    expect(truncate('日本語のテキスト', 7)).toBe('日本語…');
  });
});
