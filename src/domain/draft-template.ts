import { UsageError } from '../errors.js';
import { builtInDraft } from './draft-notes.js';
import {
  asPromise,
  firstName,
  listed,
  oneLine,
  quoted,
  spokenDate,
  type Draft,
  type DraftFacts,
} from './drafts.js';

// A user's own draft template: the first line is the subject, the rest (after
// a blank line) the body; {{name}}-style placeholders are replaced by values
// from the journal in one pass — a value is never read again as a template, and
// nothing in a template can run code or name a file. A line with a placeholder
// whose value the journal lacks is left out, as the built-in notes leave out a
// sentence.

/** The placeholders a template may use, with their values for a draft (null: unknown). */
function placeholderValues(f: DraftFacts, today: string): Record<string, string | null> {
  const introducer = f.kind === 'report_back' ? f.to : f.kind === 'thank_you' ? f.other : null;
  const orNull = (s: string): string | null => (s === '' ? null : s);
  return {
    first: firstName(f.to.name),
    name: f.to.name,
    'meeting.kind': f.meeting?.kind ?? null,
    'meeting.date': f.meeting ? spokenDate(f.meeting.date, today) : null,
    learned: orNull(listed(f.learned.map(quoted))),
    promised: orNull(listed(f.promised.map(asPromise))),
    offered: orNull(listed(f.offered.map(quoted))),
    'introducer.first': introducer ? firstName(introducer.name) : null,
    'me.first': f.me ? firstName(f.me) : null,
  };
}

/** Every placeholder a template may use. */
export const PLACEHOLDERS: readonly string[] = Object.keys(
  placeholderValues(
    {
      kind: 'thank_you',
      followUpId: null,
      to: { name: '', email: null, company: null, role: null },
      me: null,
      meeting: null,
      learned: [],
      promised: [],
      offered: [],
      other: null,
      context: null,
    },
    '2000-01-01',
  ),
);

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** One line filled in, or null when it names a value the journal lacks. */
function fillLine(
  line: string,
  values: Record<string, string | null>,
  where: string,
): string | null {
  let missing = false;
  const filled = line.replace(PLACEHOLDER, (_, key: string) => {
    if (!Object.hasOwn(values, key)) {
      throw new UsageError(
        `unknown placeholder {{${key}}} in ${where}`,
        `use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`,
      );
    }
    const value = values[key];
    if (value === null || value === undefined) missing = true;
    return value ?? '';
  });
  // What is left of a brace pair after the placeholders: a typo such as {{first}.
  const rest = line.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    throw new UsageError(
      `a {{ without its }} in ${where}`,
      'write placeholders as {{first}}, with two braces each side',
    );
  }
  return missing ? null : filled;
}

/** A user template filled in for a draft; throws UsageError naming file:line for a bad placeholder. */
export function templateDraft(
  template: { text: string; file: string },
  f: DraftFacts,
  today: string,
): Draft {
  const values = placeholderValues(f, today);
  const builtIn = builtInDraft(f, today);
  const lines = template.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const filled = lines.map((line, i) => fillLine(line, values, `${template.file}:${i + 1}`));
  const [subjectLine, ...bodyLines] = filled;
  // Lines left out must not leave two blank lines, nor blank lines at either end.
  const body = bodyLines
    .filter((l): l is string => l !== null)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const subject = subjectLine ? oneLine(subjectLine) : '';
  return { ...builtIn, subject: subject === '' ? builtIn.subject : subject, body };
}
