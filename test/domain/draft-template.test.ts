import { describe, expect, it } from 'vitest';
import { templateDraft } from '../../src/domain/draft-template.js';
import { rich, sparse, TODAY } from './draft-facts.js';

// A user's template: placeholders filled from the journal in one pass, a line
// whose value is unknown left out, and an unknown placeholder named with its
// file and line. Nothing in a template runs or reads anything.

const FILE = '/home/sam/.config/netjournal/templates/thank-you.txt';

const TEMPLATE = `Thanks, {{first}}!

Dear {{name}},

Great {{meeting.kind}} on {{meeting.date}}.
I loved hearing about {{learned}}.
I'll {{promised}}; thanks for offering {{offered}}.
{{introducer.first}} was right about you.

Cheers,
{{me.first}}
`;

const fill = (text: string, facts = rich('thank_you')) =>
  templateDraft({ text, file: FILE }, facts, TODAY);

describe('a user template', () => {
  it('fills every placeholder from a rich journal', () => {
    expect(fill(TEMPLATE)).toEqual({
      to: 'Ralph Smith',
      email: 'ralph@example.com',
      subject: 'Thanks, Ralph!',
      body: `Dear Ralph Smith,

Great coffee on 20 November.
I loved hearing about his sailing trip to Norway and the new Berlin office.
I'll send my portfolio by Friday and CV with the case studies; thanks for offering intro to Lena Berg at Globex.
Lena was right about you.

Cheers,
Sam`,
      followUpId: 7,
    });
  });

  it('leaves out each line whose value a sparse journal lacks, and no {{', () => {
    const draft = fill(TEMPLATE, sparse('thank_you'));
    expect(draft.subject).toBe('Thanks, Ana!');
    expect(draft.body).toBe('Dear Ana,\n\nCheers,');
    expect(JSON.stringify(draft)).not.toContain('{{');
  });

  it('takes the introducer of a report-back from its recipient', () => {
    expect(fill('Hi\n\n{{introducer.first}}, thanks!', rich('report_back')).body).toBe(
      'Lena, thanks!',
    );
  });

  it('keeps the built-in subject when the first line names an unknown value', () => {
    expect(fill('About {{learned}}\n\nHi', sparse('thank_you')).subject).toBe('Thank you');
  });

  it.each([
    ['{{firstname}}', 3, 'unknown placeholder {{firstname}}'],
    ['{{ constructor }}', 3, 'unknown placeholder {{constructor}}'],
    ['{{__proto__}}', 3, 'unknown placeholder {{__proto__}}'],
    ['{{first}', 3, 'a {{ without its }}'],
    ['{{first}} and {{ me.last }}', 3, 'unknown placeholder {{me.last}}'],
  ])('refuses %s, naming it and file:line (exit 2)', (line, at, what) => {
    let thrown: unknown;
    try {
      fill(`Subject\n\n${line}\n`);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ exitCode: 2 });
    expect((thrown as Error).message).toBe(`${what} in ${FILE}:${at}`);
  });

  it('never reads a value as a template, nor as a replacement pattern, nor as code', () => {
    const facts = {
      ...rich('thank_you'),
      to: { ...rich('thank_you').to, name: "{{me.first}} $& $1 $' ${process.exit(1)}" },
    };
    const draft = fill('Hi {{first}}\n\n{{name}} ${process.exit(1)} <%= 1 %>', facts);
    expect(draft.subject).toBe('Hi {{me.first}}');
    expect(draft.body).toBe("{{me.first}} $& $1 $' ${process.exit(1)} ${process.exit(1)} <%= 1 %>");
  });
});
