import type { Introduction } from './journal-types.js';

/**
 * `intros --of NAME --depth N`: the introductions within N steps of a person.
 * An introduction joins its three people (introducer, person, to); step 1 is
 * every introduction NAME is part of (what `--of` alone gives), step 2 adds
 * those of everyone step 1 reached, and so on. Order is kept. The user is
 * never a step (unless they are the centre): nearly every introduction is
 * to them, so stepping through them would draw the whole journal.
 */
export function introNeighbourhood(
  intros: readonly Introduction[],
  centreId: number,
  depth: number,
  meId: number,
): Introduction[] {
  const reached = new Set([centreId]);
  const taken = new Set<number>();
  let frontier = new Set([centreId]);
  for (let step = 0; step < depth && frontier.size > 0; step++) {
    const next = new Set<number>();
    for (const i of intros) {
      if (taken.has(i.id)) continue;
      const people = [i.introducer.id, i.person.id, i.to.id];
      if (!people.some((id) => frontier.has(id))) continue;
      taken.add(i.id);
      for (const id of people) {
        if (!reached.has(id)) {
          reached.add(id);
          if (id !== meId) next.add(id);
        }
      }
    }
    frontier = next;
  }
  return intros.filter((i) => taken.has(i.id));
}
