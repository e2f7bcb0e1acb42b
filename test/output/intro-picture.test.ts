import { describe, expect, it } from 'vitest';
import type { Introduction } from '../../src/domain/journal-types.js';
import {
  MAX_DRAWN_INTRODUCTIONS,
  checkDrawable,
  layoutSvg,
  pictureDot,
  renderIntroSvg,
  type IntroPicture,
} from '../../src/output/intro-picture.js';
import type { PictureFacts } from '../../src/domain/journal-types.js';
import { allElements, parseXml, withClass, type XmlElement } from '../helpers/xml.js';

const ME = 0;
const person = (id: number, name: string) => ({ id, name });
const me = person(ME, 'Me');

function intro(
  id: number,
  date: string,
  introducer: { id: number; name: string },
  who: { id: number; name: string },
  to = me,
  reportedBack = false,
): Introduction {
  return { id, date, introducer, person: who, to, context: null, reportedBack };
}

const fact = (circle: PictureFacts['circle'], company: string | null = null): PictureFacts => ({
  company,
  circle,
  lastMet: '2026-11-01',
  meetings: 2,
});

/** The text of an element and everything in it. */
/** The value, which the test expects to be there. */
function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
const textOf = (e: XmlElement): string => e.text + e.children.map(textOf).join('');
const titleOf = (e: XmlElement): string =>
  textOf(e.children.find((c) => c.name === 'title') as XmlElement);

// Four people, four introductions: Mom → Joe → Ralph (to me), me → Lena to
// Ralph, and one Ralph reported back on.
const mom = person(1, 'Mom');
const joe = person(2, 'Joe Park');
const ralph = person(3, 'Ralph Smith');
const lena = person(4, 'Lena Berg');
const fixture: IntroPicture = {
  intros: [
    intro(1, '2026-10-01', mom, joe, me, true),
    intro(2, '2026-11-01', joe, ralph),
    intro(3, '2026-11-10', me, lena, ralph),
    intro(4, '2026-11-12', mom, lena),
  ],
  facts: new Map([
    [1, fact('inner')],
    [2, fact('second', 'Northwind Labs')],
    [3, fact('third')],
    [4, fact(null)],
  ]),
  meId: ME,
  today: '2026-11-21',
};

describe('intros --format svg: the drawing', () => {
  it('is XML with one node per person and one edge per introduction', async () => {
    const svg = parseXml(await renderIntroSvg(fixture));
    expect(svg.name).toBe('svg');
    const nodes = withClass(svg, 'node');
    expect(nodes.map((n) => n.attributes.id).sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(
      withClass(svg, 'edge')
        .map((e) => e.attributes.id)
        .sort(),
    ).toEqual(['i1', 'i2', 'i3', 'i4']);
    // Nothing a viewer would fetch: no doctype, no href.
    expect(
      allElements(svg).some((e) => 'xlink:href' in e.attributes || 'href' in e.attributes),
    ).toBe(false);
  });

  it('colours people by circle, marks me, and dashes introductions not reported back', async () => {
    const svg = parseXml(await renderIntroSvg(fixture));
    const node = (id: string) => must(withClass(svg, 'node').find((n) => n.attributes.id === id));
    expect(node('p1').attributes.class).toBe('node person circle-inner');
    expect(node('p2').attributes.class).toBe('node person circle-second');
    expect(node('p3').attributes.class).toBe('node person circle-third');
    expect(node('p4').attributes.class).toBe('node person circle-none');
    expect(node('p0').attributes.class).toBe('node person me');
    expect(textOf(node('p0'))).toContain('me');
    expect(titleOf(node('p2'))).toBe(
      'Joe Park · Northwind Labs · last met 2026-11-01 · warmth 2.60',
    );
    const dashed = withClass(svg, 'edge')
      .filter((e) => allElements(e).some((x) => x.attributes['stroke-dasharray']))
      .map((e) => e.attributes.id)
      .sort();
    // i1 was reported back; i3 is to Ralph, so nobody owes me a report on it.
    expect(dashed).toEqual(['i2', 'i4']);
    expect(
      withClass(svg, 'unreported')
        .map((e) => e.attributes.id)
        .sort(),
    ).toEqual(['i2', 'i4']);
    const edge = (id: string) => must(withClass(svg, 'edge').find((e) => e.attributes.id === id));
    expect(titleOf(edge('i2'))).toBe(
      '2026-11-01: Joe Park introduced Ralph Smith to me, not reported back',
    );
    expect(textOf(edge('i3'))).toContain('2026-11-10, to Ralph Smith');
  });

  it('draws a chain over the graph', async () => {
    const chained = { ...fixture, chain: { people: new Set([1, 2, 3]), links: new Set([1, 2]) } };
    const svg = parseXml(await renderIntroSvg(chained));
    expect(
      withClass(svg, 'chain')
        .map((e) => e.attributes.id)
        .sort(),
    ).toEqual(['i1', 'i2', 'p1', 'p2', 'p3']);
  });

  it.each([
    ['angle brackets and ampersands', 'Zoë <&> "Z" \'z\''],
    ['right-to-left text', 'שרה כהן'],
    ['Arabic with a Latin company', 'ليلى (Acme)'],
    ['emoji', 'Ana 🌻 👩🏽‍💻'],
    ['a tab and a lone surrogate', 'Tab\there \ud800'],
  ])('shows names with %s as typed, in labels and tooltips', async (_, name) => {
    const odd = person(5, name);
    const picture: IntroPicture = {
      ...fixture,
      intros: [intro(9, '2026-11-20', odd, joe, me), intro(10, '2026-11-20', joe, odd, lena)],
      facts: new Map([[5, fact('inner', `${name} & Co`)]]),
    };
    const source = await renderIntroSvg(picture);
    const svg = parseXml(source);
    const node = must(withClass(svg, 'node').find((n) => n.attributes.id === 'p5'));
    const shown = name.replace('\t', ' ').replace('\ud800', '\ufffd');
    const label = must(allElements(node).find((e) => e.name === 'text'));
    expect(textOf(label)).toBe(shown);
    expect(titleOf(node)).toBe(
      `${name.replace('\ud800', '\ufffd')} · ${name.replace('\ud800', '\ufffd')} & Co · last met 2026-11-01 · warmth 2.60`,
    );
    const edge = must(withClass(svg, 'edge').find((e) => e.attributes.id === 'i10'));
    expect(titleOf(edge)).toBe(
      `2026-11-20: Joe Park introduced ${name.replace('\ud800', '\ufffd')} to Lena Berg`,
    );
  });

  it(`refuses more than ${MAX_DRAWN_INTRODUCTIONS} introductions, saying how to narrow them`, () => {
    expect(() => checkDrawable(MAX_DRAWN_INTRODUCTIONS)).not.toThrow();
    expect(() => checkDrawable(MAX_DRAWN_INTRODUCTIONS + 1)).toThrow(
      /too many to draw.*|narrow it with --of NAME/,
    );
  });

  it('stops a layout that runs past its deadline and refuses it with the same hint', async () => {
    // 300 introductions among 100 people, every one a crossing: seconds of layout, cut at 0.2 s.
    const people = Array.from({ length: 100 }, (_, k) => person(k + 1, `Person ${k + 1}`));
    const tangled = Array.from({ length: 300 }, (_, k) =>
      intro(k + 1, '2026-11-01', must(people[(k * 7) % 100]), must(people[(k * 13 + 1) % 100])),
    ).filter((i) => i.introducer.id !== i.person.id);
    const dot = pictureDot({ ...fixture, intros: tangled });
    const started = Date.now();
    await expect(layoutSvg(dot, tangled.length, 200)).rejects.toThrow(
      `laying out ${tangled.length} introductions took over 0.2 s`,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
