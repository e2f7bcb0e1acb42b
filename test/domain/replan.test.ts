import { describe, expect, it } from 'vitest';
import type { PlannedFollowUp } from '../../src/domain/capture.js';
import { choicesOf, replanFollowUps, type MeetingFollowUp } from '../../src/domain/replan.js';

const thanks = (contactId: number, due: string): PlannedFollowUp => ({
  contactId,
  kind: 'thank_you',
  text: `Thank ${contactId}`,
  due,
  introductionId: null,
  template: 'thank_you',
});

const made = (
  id: number,
  contactId: number,
  due: string,
  more: Partial<MeetingFollowUp> = {},
): MeetingFollowUp => ({
  id,
  kind: 'thank_you',
  template: 'thank_you',
  contactId,
  introductionId: null,
  personId: null,
  due,
  status: 'open',
  ...more,
});

const coffee = { kind: 'coffee' as const, outreach: false, contactIds: [1, 2] };

describe('replanFollowUps', () => {
  it('moves what is still planned, removes what is not, adds what is new', () => {
    const replan = replanFollowUps(
      [made(10, 1, '2026-11-21'), made(11, 3, '2026-11-21')],
      [thanks(1, '2026-11-21'), thanks(3, '2026-11-21')],
      [thanks(1, '2026-11-19'), thanks(2, '2026-11-19')],
      coffee,
    );
    expect(replan).toEqual({
      moved: [{ item: made(10, 1, '2026-11-21'), due: '2026-11-19' }],
      removed: [{ item: made(11, 3, '2026-11-21'), reason: 'left' }],
      added: [thanks(2, '2026-11-19')],
    });
  });

  it('does not make again what the meeting called for before and is gone (or was never made)', () => {
    const replan = replanFollowUps(
      [],
      [thanks(1, '2026-11-21')],
      [thanks(1, '2026-11-19')],
      coffee,
    );
    expect(replan).toEqual({ moved: [], removed: [], added: [] });
  });

  it('leaves done and dropped items alone, and counts them as made', () => {
    const done = made(10, 1, '2026-11-21', { status: 'done' });
    const dropped = made(11, 3, '2026-11-21', { status: 'dropped' });
    const replan = replanFollowUps([done, dropped], [], [thanks(1, '2026-11-19')], coffee);
    expect(replan).toEqual({ moved: [], removed: [], added: [] });
  });

  it('leaves the user own follow-ups (no template, action or waiting) alone', () => {
    const own = made(10, 1, '2026-11-28', { kind: 'action', template: null });
    const offered = made(11, 1, '2026-11-28', { kind: 'waiting', template: null });
    expect(replanFollowUps([own, offered], [], [], coffee)).toEqual({
      moved: [],
      removed: [],
      added: [],
    });
  });
});

describe('choicesOf', () => {
  it('reads --no-thank-you from a coffee with no thank-yous, and --no-nudge from an outreach without one', () => {
    expect(choicesOf({ kind: 'coffee', outreach: true }, [])).toEqual({
      thankYou: false,
      nudge: false,
    });
    expect(choicesOf({ kind: 'email', outreach: false }, [])).toEqual({
      thankYou: true,
      nudge: true,
    });
    expect(
      choicesOf({ kind: 'coffee', outreach: true }, [
        made(1, 1, '2026-11-21', { status: 'dropped' }),
        made(2, 1, '2026-11-28', { kind: 'waiting', template: 'nudge' }),
      ]),
    ).toEqual({ thankYou: true, nudge: true });
  });
});
