import { describe, expect, it } from 'vitest';
import { builtInDraft } from '../../src/domain/draft-notes.js';
import { DRAFT_KINDS, draftText, type DraftKind } from '../../src/domain/drafts.js';
import { rich, sparse, TODAY } from './draft-facts.js';

// Every built-in draft on a journal that knows a lot and on one that knows
// little: the exact text, and nothing of a sentence whose value is missing.

const text = (kind: DraftKind, facts: typeof rich) => draftText(builtInDraft(facts(kind), TODAY));

/** A draft with no placeholder, no empty or half sentence, and short. */
function expectClean(t: string): void {
  expect(t).not.toMatch(/\{\{|\}\}|undefined|null|NaN/);
  // An empty sentence: punctuation with nothing before it, or doubled.
  expect(t).not.toMatch(/(^|\n|[.!?] )[ \t]*[.,;:!?]|[.,] ?[.,]|\( ?\)| {2}/);
  expect(t).not.toMatch(/\n{3}/);
  const [, body = ''] = t.split('\n\n', 2);
  expect(t.slice(t.indexOf('\n\n') + 2).split(/\s+/).length, body).toBeLessThan(120);
}

const EXPECTED: Record<DraftKind, { rich: string; sparse: string }> = {
  thank_you: {
    rich: `Thank you for the coffee

Hi Ralph,

Thank you for the coffee on 20 November — I really enjoyed it. I especially enjoyed hearing about his sailing trip to Norway and the new Berlin office.

As promised, I'll send my portfolio by Friday and CV with the case studies. And thank you for your kind offer (intro to Lena Berg at Globex) — no rush at all.

Best,
Sam
`,
    sparse: `Thank you

Hi Ana,

Thank you for your time — I really enjoyed talking with you.

Best,
`,
  },
  report_back: {
    rich: `Thanks for introducing me to Ralph

Hi Lena,

Thank you again for introducing me to Ralph Smith. We met for coffee on 20 November, and it went really well. As a next step, I'll send my portfolio by Friday.

I'll keep you posted — thanks for thinking of me.

Best,
Sam
`,
    sparse: `Thanks for the introduction

Hi Ana,

Thank you again for the introduction.

I'll keep you posted — thanks for thinking of me.

Best,
`,
  },
  waiting: {
    rich: `A blurb for Lena, if it helps

Hi Ralph,

When we met for coffee on 20 November, you kindly offered to help (intro to Lena Berg at Globex). No rush at all — to make it easy, here's a short blurb you can forward:

---
Hi Lena,

Ralph Smith suggested we get in touch. I'm Sam Lee. I'd love to hear about your work at Globex. Would you be open to a short call in the next couple of weeks?

Thank you,
Sam
---

Thanks so much either way.

Best,
Sam
`,
    sparse: `A blurb, if it helps

Hi Ana,

You kindly offered to help (an intro to someone at her old team). No rush at all — to make it easy, here's a short blurb you can forward:

---
Hi,

Ana suggested we get in touch. I'd love to hear about your work. Would you be open to a short call in the next couple of weeks?

Thank you,
---

Thanks so much either way.

Best,
`,
  },
  nudge: {
    rich: `Following up

Hi Ralph,

I'm just bringing my note from 10 November back to the top of your inbox. No pressure at all — I know how busy things get. If now isn't a good time, I'd be glad to hear from you whenever it suits you.

Best,
Sam
`,
    sparse: `Following up

Hi Ana,

I'm just bringing my last note back to the top of your inbox. No pressure at all — I know how busy things get. If now isn't a good time, I'd be glad to hear from you whenever it suits you.

Best,
`,
  },
  reconnect: {
    rich: `It's been a while

Hi Ralph,

It's been a while — I hope you're well. I was thinking back to when we had lunch on 3 June 2025. Last time you told me about the marathon in Lisbon — I'd love to hear how that's going. Would you be up for a catch-up soon?

Best,
Sam
`,
    sparse: `It's been a while

Hi Ana,

It's been a while — I hope you're well. Would you be up for a catch-up soon?

Best,
`,
  },
  birthday: {
    rich: `Happy birthday!

Hi Ralph,

Happy birthday! I hope you have a wonderful day. I was thinking back to when we had lunch on 3 June 2025. Last time you told me about the marathon in Lisbon — I'd love to hear how that's going.

Best,
Sam
`,
    sparse: `Happy birthday!

Hi Ana,

Happy birthday! I hope you have a wonderful day.

Best,
`,
  },
  intro: {
    rich: `Introduction: Ralph Smith and Lena Berg

Hi Ralph and Lena,

As promised, I'm introducing you to each other — thank you both for saying yes. I thought of you both because of this: both work on accessible maps.

Ralph, meet Lena Berg (Engineer at Globex). Lena, meet Ralph Smith (Head of Design at Acme).

I'll let you take it from here.

Best,
Sam
`,
    sparse: `Introduction: Ana and Bo Chen

Hi Ana and Bo,

As promised, I'm introducing you to each other — thank you both for saying yes.

Ana, meet Bo Chen. Bo, meet Ana.

I'll let you take it from here.

Best,
`,
  },
};

describe.each(DRAFT_KINDS)('the built-in %s draft', (kind) => {
  it('on a rich journal: the meeting, what was learned, promised and offered', () => {
    const t = text(kind, rich);
    expect(t).toBe(EXPECTED[kind].rich);
    expectClean(t);
  });

  it('on a sparse journal: sentences without their values are left out', () => {
    const t = text(kind, sparse);
    expect(t).toBe(EXPECTED[kind].sparse);
    expectClean(t);
  });
});

describe('who a draft is for', () => {
  it('is the contact, with their e-mail when known', () => {
    expect(builtInDraft(rich('thank_you'), TODAY)).toMatchObject({
      to: 'Ralph Smith',
      email: 'ralph@example.com',
      followUpId: 7,
    });
    expect(builtInDraft(sparse('thank_you'), TODAY)).toMatchObject({ to: 'Ana', email: null });
  });

  it('is both people of an introduction, with the e-mails known', () => {
    expect(builtInDraft(rich('intro'), TODAY)).toMatchObject({
      to: 'Ralph Smith, Lena Berg',
      email: 'ralph@example.com, lena@example.org',
      followUpId: null,
    });
    expect(builtInDraft(sparse('intro'), TODAY)).toMatchObject({ email: null });
  });

  it('keeps the subject on one line when a name holds a line break', () => {
    const facts = { ...rich('intro'), to: { ...rich('intro').to, name: 'Evil\r\nBcc: x@y' } };
    expect(builtInDraft(facts, TODAY).subject).toBe('Introduction: Evil Bcc: x@y and Lena Berg');
  });
});
