import { introNeighbourhood } from '../../../domain/intro-neighbourhood.js';
import type { IntroChain, Introduction } from '../../../domain/journal-types.js';
import { UsageError } from '../../../errors.js';
import { renderIntroSvg, type IntroPicture } from '../../../output/intro-picture.js';
import { renderIntrosHtml } from '../../../output/intros-html.js';
import { ME_ID } from '../../../storage/contacts.js';
import type { Db } from '../../../storage/journal.js';
import { pictureFacts } from '../../../storage/picture-people.js';
import type { Context } from '../../context.js';

// The picture formats of `intros` (svg, html): what to draw and drawing it.

/** `--depth N`: steps out from `--of NAME`, a whole number from 1 to 10. */
export function parseDepth(raw: string | undefined, of: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (of === undefined) {
    throw new UsageError(
      '--depth needs --of NAME',
      'add --of NAME, e.g. --of "Joe Park" --depth 2',
    );
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 10) {
    throw new UsageError(`invalid --depth "${raw}"`, 'give a number from 1 to 10, e.g. --depth 2');
  }
  return Number(raw);
}

/** The introductions within `depth` steps of a person, from those already filtered by the rest. */
export function neighbourhood(intros: Introduction[], ofId: number, depth: number): Introduction[] {
  return introNeighbourhood(intros, ofId, depth, ME_ID);
}

/** What a picture needs besides the introductions: its people's facts and the chain to highlight. */
export function introPicture(
  ctx: Context,
  db: Db | null,
  intros: readonly Introduction[],
  chain: IntroChain | null,
): IntroPicture {
  const ids = new Set<number>();
  for (const i of intros) for (const ref of [i.introducer, i.person, i.to]) ids.add(ref.id);
  return {
    intros,
    facts: db ? pictureFacts(db, ids, ctx.today()) : new Map(),
    meId: ME_ID,
    today: ctx.today(),
    ...(chain
      ? {
          chain: {
            people: new Set(chain.people.map((p) => p.id)),
            links: new Set(chain.links.map((l) => l.id)),
          },
        }
      : {}),
  };
}

/** A picture as an SVG document, or the HTML page around it; with the file name --open uses. */
export async function drawIntros(
  picture: IntroPicture,
  format: 'svg' | 'html',
): Promise<{ text: string; fileName: string }> {
  const svg = await renderIntroSvg(picture);
  return format === 'svg'
    ? { text: svg, fileName: 'introductions.svg' }
    : { text: renderIntrosHtml(picture, svg), fileName: 'introductions.html' };
}
