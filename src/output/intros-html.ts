/**
 * `intros --format html`: one self-contained page with the introduction
 * graph (the SVG of `--format svg`, inline), the report-backs the user owes,
 * the people (tap one for company, last met and warmth; the graph's nodes show
 * the same on hover) and every introduction.
 */
import type { Introduction } from '../domain/journal-types.js';
import { warmth } from '../domain/reach.js';
import { htmlPage, nameHtml } from './html-page.js';
import { CIRCLE_COLOURS, type IntroPicture } from './intro-picture.js';
import { escapeMarkup } from './markup.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The introductions to the user by someone else that still wait for a report-back, oldest first. */
export function owedReportBacks(p: IntroPicture): Introduction[] {
  return p.intros
    .filter((i) => i.to.id === p.meId && i.introducer.id !== p.meId && !i.reportedBack)
    .sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
}

function legend(): string {
  const swatch = (circle: keyof typeof CIRCLE_COLOURS, label: string) =>
    `<span><i class="swatch" style="background:var(--${circle})"></i>${label}</span>`;
  return `<p class="legend muted">${[
    swatch('inner', 'inner circle'),
    swatch('second', 'second'),
    swatch('third', 'third'),
    swatch('none', 'no circle'),
    '<span>dashed: not reported back yet</span>',
  ].join('')}</p>`;
}

function person(p: IntroPicture, id: number, name: string): string {
  const facts = p.facts.get(id);
  const rows: string[] = [];
  rows.push(`company: ${facts?.company ? escapeMarkup(facts.company) : '—'}`);
  rows.push(`circle: ${facts?.circle ?? 'none'}`);
  rows.push(`last met: ${facts?.lastMet ?? 'never'}`);
  const w = facts ? warmth(facts.lastMet, facts.meetings, p.today) : 0;
  rows.push(`warmth: ${w.toFixed(2)}`);
  return `<li><details><summary>${nameHtml(name)}</summary>${rows.map((r) => `<div class="muted">${r}</div>`).join('')}</details></li>`;
}

/** The page, around the SVG document `renderIntroSvg` made of the same picture. */
export function renderIntrosHtml(p: IntroPicture, svg: string): string {
  const name = (ref: { id: number; name: string }) =>
    ref.id === p.meId ? 'me' : nameHtml(ref.name);
  const people = new Map<number, string>();
  for (const i of p.intros)
    for (const ref of [i.introducer, i.person, i.to])
      if (ref.id !== p.meId) people.set(ref.id, ref.name);
  const owed = owedReportBacks(p);
  const sortedPeople = [...people.entries()].sort(([a, x], [b, y]) =>
    x === y ? a - b : x.localeCompare(y),
  );
  const newestFirst = [...p.intros].sort((a, b) =>
    a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1,
  );
  const body = [
    '<h1>Who introduced whom</h1>',
    `<p class="lead">${plural(p.intros.length, 'introduction')} among ${plural(people.size, 'person').replace('persons', 'people')} · ${plural(owed.length, 'report-back')} owed · as of ${p.today}</p>`,
    legend(),
    `<div class="figure">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</div>`,
    '<h2>Report-backs you owe</h2>',
    owed.length === 0
      ? '<p class="muted">None: every introducer has heard how it went.</p>'
      : `<ul>${owed
          .map(
            (i) =>
              `<li class="owed">Tell ${name(i.introducer)} how it went with ${name(i.person)} <span class="muted">(introduced ${i.date})</span></li>`,
          )
          .join('')}</ul>`,
    '<h2>People</h2>',
    sortedPeople.length === 0
      ? '<p class="muted">No introductions recorded yet.</p>'
      : `<ul class="people">${sortedPeople.map(([id, n]) => person(p, id, n)).join('')}</ul>`,
    '<h2>All introductions</h2>',
    `<table><thead><tr><th>date</th><th>introducer</th><th>introduced</th><th>to</th><th>reported back</th></tr></thead><tbody>${newestFirst
      .map(
        (i) =>
          `<tr><td>${i.date}</td><td>${name(i.introducer)}</td><td>${name(i.person)}</td><td>${name(i.to)}</td><td>${
            i.to.id !== p.meId ? '' : i.reportedBack ? 'yes' : '<span class="owed">not yet</span>'
          }</td></tr>`,
      )
      .join('')}</tbody></table>`,
  ].join('\n');
  return htmlPage('Introductions — netjournal', body);
}
