import { describe, expect, it } from 'vitest';
import { renderDelimited } from '../../src/output/delimited.js';
import { relativeDay } from '../../src/output/relative.js';
import {
  csvField,
  forTerminal,
  jsonForTerminal,
  linesForTerminal,
  tsvField,
} from '../../src/output/sanitize.js';
import { fitWidths } from '../../src/output/table.js';
import { decideColor, makeTerminal } from '../../src/output/terminal.js';
import { displayWidth, truncate } from '../../src/output/width.js';

describe('decideColor', () => {
  const base = { isTTY: true, noColorFlag: false, env: {} };
  it('is on for a terminal and off when piped', () => {
    expect(decideColor(base)).toBe(true);
    expect(decideColor({ ...base, isTTY: false })).toBe(false);
  });
  it('honours --no-color, NO_COLOR, TERM=dumb and FORCE_COLOR', () => {
    expect(decideColor({ ...base, noColorFlag: true })).toBe(false);
    expect(decideColor({ ...base, env: { NO_COLOR: '1' } })).toBe(false);
    expect(decideColor({ ...base, env: { NO_COLOR: '' } })).toBe(true);
    expect(decideColor({ ...base, env: { TERM: 'dumb' } })).toBe(false);
    expect(decideColor({ ...base, isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(decideColor({ ...base, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(decideColor({ ...base, noColorFlag: true, env: { FORCE_COLOR: '1' } })).toBe(false);
  });
  it('applies the decision to its chalk instance and reads COLUMNS', () => {
    const off = makeTerminal({ ...base, env: { NO_COLOR: '1', COLUMNS: '120' } });
    expect(off.chalk.red('x')).toBe('x');
    expect(off.columns).toBe(120);
    const on = makeTerminal({ ...base, columns: 90 });
    expect(on.chalk.red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(on.columns).toBe(90);
    expect(makeTerminal(base).columns).toBe(80);
  });
});

describe('sanitising', () => {
  it('shows escape sequences and controls instead of interpreting them', () => {
    expect(forTerminal('a\u001b[2Jb\u0007c\u009bd')).toBe('a\\x1b[2Jb\\x07c\\x9bd');
    expect(forTerminal('line\nbreak\ttab')).toBe('line\\nbreak\\ttab');
    expect(forTerminal('Zoë 東京')).toBe('Zoë 東京');
  });
  it('keeps one TSV record on one line, reversibly', () => {
    expect(tsvField('a\tb\nc\\d')).toBe('a\\tb\\nc\\\\d');
  });
  it('escapes in JSON what JSON.stringify leaves raw, keeping the value', () => {
    const value = { t: 'del\u007f c1\u0085\u009b bidi\u202e\u2066 esc\u001b ok é' };
    const json = jsonForTerminal(JSON.stringify(value));
    expect(json).toBe('{"t":"del\\u007f c1\\u0085\\u009b bidi\\u202e\\u2066 esc\\u001b ok é"}');
    expect(JSON.parse(json)).toEqual(value);
  });
  it('keeps line breaks of text shown as lines, CRLF as LF, escaping the rest', () => {
    expect(linesForTerminal('A:\u001b]52;c;x\u0007\r\nB:\u202eb\tc\rd\n')).toBe(
      'A:\\x1b]52;c;x\\x07\nB:\\u202eb\\tc\\rd\n',
    );
  });
  it('quotes CSV per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('renderDelimited', () => {
  const records = [{ id: 1, name: 'A, B', tags: ['x', 'y'], gone: null, ok: true }];
  const fields = ['id', 'name', 'tags', 'gone', 'ok'];
  it('writes a header and one line per record', () => {
    expect(renderDelimited(records, fields, 'csv')).toBe(
      'id,name,tags,gone,ok\n1,"A, B","x,y",,true\n',
    );
    expect(renderDelimited(records, fields, 'tsv', false)).toBe('1\tA, B\tx,y\t\ttrue\n');
  });
  it('writes only the header when there are no records', () => {
    expect(renderDelimited([], fields, 'tsv')).toBe('id\tname\ttags\tgone\tok\n');
  });
  it('on a terminal, writes no raw control: csv cells escaped, tsv bidi controls too', () => {
    const hostile = [{ id: 1, name: '=x\u001b]52;c;e\u0007\nnext', note: 'a\u202eb\u0085' }];
    expect(renderDelimited(hostile, ['id', 'name', 'note'], 'csv', false, true)).toBe(
      "1,'=x\\x1b]52;c;e\\x07\\nnext,a\\u202eb\\x85\n",
    );
    expect(renderDelimited(hostile, ['id', 'name', 'note'], 'tsv', false, true)).toBe(
      '1\t=x\\x1b]52;c;e\\x07\\nnext\ta\\u202eb\\x85\n',
    );
    // Piped: csv keeps the raw text (quoted), tsv leaves the bidi control to the script.
    expect(renderDelimited(hostile, ['name', 'note'], 'csv', false)).toBe(
      `"'=x\u001b]52;c;e\u0007\nnext",a\u202eb\u0085\n`,
    );
    expect(renderDelimited(hostile, ['note'], 'tsv', false)).toBe('a\u202eb\\x85\n');
  });
});

describe('table widths', () => {
  it('shrinks "first" columns before "last" ones, evenly from the widest', () => {
    expect(fitWidths([5, 20, 30], [undefined, 'last', 'first'], 80)).toEqual([5, 20, 30]);
    expect(fitWidths([5, 20, 30], [undefined, 'last', 'first'], 40)).toEqual([5, 20, 11]);
    expect(fitWidths([5, 20, 30, 30], [undefined, 'last', 'first', 'first'], 60)).toEqual([
      5, 20, 14, 15,
    ]);
    expect(fitWidths([5, 20, 30], [undefined, 'last', 'first'], 25)).toEqual([5, 8, 8]);
  });
  it('goes below 8 cells only on a very narrow terminal, and never below 4', () => {
    expect(fitWidths([5, 20, 30], [undefined, 'last', 'first'], 20)).toEqual([5, 7, 4]);
    expect(fitWidths([5, 20, 30], [undefined, 'last', 'first'], 10)).toEqual([5, 4, 4]);
    expect(fitWidths([5, 20, 30], [undefined, 'last', 'first'], 10, [2, 6, 7])).toEqual([5, 6, 7]);
  });
  it('truncates by display width with an ellipsis', () => {
    expect(truncate('Ralph Smith', 20)).toBe('Ralph Smith');
    expect(truncate('Ralph Smith', 6)).toBe('Ralph…');
    expect(displayWidth('東京')).toBe(4);
    expect(truncate('東京タワー', 5)).toBe('東京…');
  });
});

describe('relativeDay', () => {
  it('reads like a person talks', () => {
    const t = '2026-11-21';
    expect(relativeDay('2026-11-21', t)).toBe('today');
    expect(relativeDay('2026-11-20', t)).toBe('yesterday');
    expect(relativeDay('2026-11-22', t)).toBe('tomorrow');
    expect(relativeDay('2026-11-18', t)).toBe('3 days ago');
    expect(relativeDay('2026-11-24', t)).toBe('in 3 days');
    expect(relativeDay('2026-10-21', t)).toBe('4 weeks ago');
    expect(relativeDay('2026-05-21', t)).toBe('6 months ago');
    expect(relativeDay('2020-11-21', t)).toBe('6 years ago');
  });
});
