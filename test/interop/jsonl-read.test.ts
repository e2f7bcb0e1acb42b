import { describe, expect, it } from 'vitest';
import { readJournalLines } from '../../src/interop/jsonl-read.js';

const TODAY = '2026-11-21';

const followUp = (fields: Record<string, unknown>) =>
  JSON.stringify({
    type: 'followUp',
    id: 1,
    contactId: 1,
    kind: 'action',
    text: 'send the deck',
    due: '2026-11-25',
    status: 'open',
    closed: null,
    meetingId: null,
    introductionId: null,
    created: '2026-11-20T09:00:00.000Z',
    ...fields,
  });

const note = (created: string) =>
  JSON.stringify({
    type: 'note',
    id: 1,
    contactId: 1,
    date: '2026-11-20',
    text: 'likes maps',
    meetingId: null,
    created,
  });

describe('readJournalLines: values the journal would take but nothing can use', () => {
  it('stores a creation timestamp in the one form netjournal writes', () => {
    const { records, problems } = readJournalLines(
      [
        note('2026-11-21T00:30:00+02:00'),
        note('2026-11-21'),
        followUp({ created: '2026-11-20T09:00Z' }),
      ].join('\n'),
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(
      records.map((r) => ({ line: r.line, created: 'created' in r.record && r.record.created })),
    ).toEqual([
      { line: 1, created: '2026-11-20T22:30:00.000Z' },
      { line: 2, created: '2026-11-21T00:00:00.000Z' },
      { line: 3, created: '2026-11-20T09:00:00.000Z' },
    ]);
  });

  it('refuses a creation timestamp it cannot read or that lies outside the years 1000-9999', () => {
    const { records, problems } = readJournalLines(
      [
        note('garbage'),
        followUp({ created: '+275760-09-13' }),
        followUp({ created: '0000-01-01T00:00:00Z' }),
      ].join('\n'),
      TODAY,
    );
    expect(records).toEqual([]);
    expect(problems).toEqual([
      { line: 1, message: 'note has an invalid "created" (an ISO 8601 timestamp, as exported)' },
      {
        line: 2,
        message: 'followUp has an invalid "created" (an ISO 8601 timestamp, as exported)',
      },
      {
        line: 3,
        message: 'followUp has an invalid "created" (an ISO 8601 timestamp, as exported)',
      },
    ]);
  });

  it('refuses a follow-up due more than 100 years after today, when told today', () => {
    const text = [followUp({ due: '2126-11-21' }), followUp({ id: 2, due: '2126-11-22' })].join(
      '\n',
    );
    expect(readJournalLines(text, TODAY).problems).toEqual([
      {
        line: 2,
        message: 'followUp "due" 2126-11-22 is more than 100 years ahead (after 2126-11-21)',
      },
    ]);
    expect(readJournalLines(text).problems).toEqual([]);
  });
});
