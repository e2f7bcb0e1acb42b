import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/drafts.js';
import { mailtoUrl } from '../../src/output/mailto.js';

// --mailto: what a mail client reads back from the URL must be the draft,
// whatever the names and notes hold (RFC 6068: & = ? # % end or start fields
// unless percent-encoded; line breaks are %0D%0A).

/** What a mail client reads: the URL parsed, each field percent-decoded. */
function readBack(url: string): { to: string; subject: string; body: string } {
  const parsed = new URL(url);
  expect(parsed.protocol).toBe('mailto:');
  expect(parsed.hash).toBe('');
  const fields = new Map<string, string>();
  for (const pair of parsed.search.slice(1).split('&')) {
    const [key = '', value = ''] = pair.split('=');
    expect(fields.has(key), `field ${key} twice in ${url}`).toBe(false);
    fields.set(key, decodeURIComponent(value));
  }
  expect([...fields.keys()]).toEqual(['subject', 'body']);
  return {
    to: decodeURIComponent(parsed.pathname),
    subject: fields.get('subject') ?? '',
    body: (fields.get('body') ?? '').replace(/\r\n/g, '\n'),
  };
}

const draft = (over: Partial<Draft>): Draft => ({
  to: 'Ralph',
  email: 'ralph@example.com',
  subject: 'Thank you',
  body: 'Hi Ralph,\n\nThanks!',
  followUpId: 1,
  ...over,
});

describe('mailtoUrl', () => {
  it('encodes names with & ? # % = + and emoji, and line breaks as %0D%0A', () => {
    const hostile = 'Ann & Bob? #1 100% =+ 😀 Zoë';
    const d = draft({
      subject: `Thanks for introducing me to ${hostile}`,
      body: `Hi ${hostile},\n\nsubject=evil&body=worse #frag %41\r\nBest,\nSam`,
    });
    const url = mailtoUrl(d);
    expect(url).toContain('%0D%0A');
    expect(url).not.toMatch(/[\s#]|%(?![0-9A-F]{2})/);
    expect(readBack(url)).toEqual({
      to: 'ralph@example.com',
      subject: d.subject,
      body: d.body.replace(/\r\n/g, '\n'),
    });
    expect(url.startsWith('mailto:ralph@example.com?subject=Thanks%20for%20')).toBe(true);
  });

  it('has no address when the e-mail is unknown, and both for an introduction', () => {
    expect(mailtoUrl(draft({ email: null }))).toMatch(/^mailto:\?subject=Thank%20you&body=/);
    expect(readBack(mailtoUrl(draft({ email: 'a@x.org, b+tag@y.org' }))).to).toBe(
      'a@x.org,b+tag@y.org',
    );
  });

  it('round-trips any subject and body', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'grapheme' }),
        (subject, body) => {
          const back = readBack(mailtoUrl(draft({ subject, body })));
          expect(back.subject).toBe(subject);
          expect(back.body).toBe(body.replace(/\r?\n/g, '\n'));
        },
      ),
      { numRuns: 500 },
    );
  });
});
