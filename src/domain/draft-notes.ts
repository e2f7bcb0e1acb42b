import type { MeetingKind } from './journal-types.js';
import {
  asPromise,
  firstName,
  listed,
  oneLine,
  quoted,
  recipient,
  spokenDate,
  type Draft,
  type DraftFacts,
  type DraftPerson,
} from './drafts.js';

// The built-in notes, one function a kind: friendly, short (under ~120
// words), each sentence that needs a value the journal lacks left out.

// "Thank you for ___", "since our ___".
const KIND_NOUN: Record<MeetingKind, string> = {
  coffee: 'the coffee',
  lunch: 'lunch',
  call: 'the call',
  video: 'the video call',
  meeting: 'the meeting',
  event: 'our chat at the event',
  interview: 'the interview',
  email: 'your e-mail',
  message: 'your message',
  other: 'your time',
};

// "We ___ on 20 November".
const KIND_VERB: Record<MeetingKind, string> = {
  coffee: 'met for coffee',
  lunch: 'had lunch',
  call: 'had a call',
  video: 'had a video call',
  meeting: 'met',
  event: 'met at an event',
  interview: 'had an interview',
  email: 'exchanged e-mails',
  message: 'exchanged messages',
  other: 'were in touch',
};

/** A sentence, or null when a value it needs is missing: null sentences are left out. */
type Sentence = string | null;

function paragraph(...sentences: Sentence[]): string | null {
  const kept = sentences.filter((s): s is string => s !== null && s.trim() !== '');
  return kept.length > 0 ? kept.join(' ') : null;
}

function letter(
  greeting: string,
  paragraphs: (string | null)[],
  me: string | null,
  closing = 'Best,',
): string {
  const signOff = me ? `${closing}\n${firstName(me)}` : closing;
  return [greeting, ...paragraphs.filter((p): p is string => p !== null), signOff].join('\n\n');
}

/** " (Designer at Acme)", " (at Acme)", " (Designer)" or nothing. */
function whatTheyDo(p: DraftPerson): string {
  if (p.role && p.company) return ` (${p.role} at ${p.company})`;
  if (p.company) return ` (at ${p.company})`;
  if (p.role) return ` (${p.role})`;
  return '';
}

function thankYou(f: DraftFacts, today: string): { subject: string; body: string } {
  const m = f.meeting;
  const first = firstName(f.to.name);
  const body = letter(
    `Hi ${first},`,
    [
      paragraph(
        m
          ? `Thank you for ${KIND_NOUN[m.kind]} on ${spokenDate(m.date, today)} — I really enjoyed it.`
          : 'Thank you for your time — I really enjoyed talking with you.',
        f.learned.length > 0
          ? `I especially enjoyed hearing about ${listed(f.learned.slice(0, 2).map(quoted))}.`
          : null,
      ),
      paragraph(
        f.promised.length > 0
          ? `As promised, I'll ${listed(f.promised.slice(0, 2).map(asPromise))}.`
          : null,
        f.offered.length > 0
          ? `And thank you for your kind offer (${listed(f.offered.slice(0, 2).map(quoted))}) — no rush at all.`
          : null,
      ),
    ],
    f.me,
  );
  return { subject: m ? `Thank you for ${KIND_NOUN[m.kind]}` : 'Thank you', body };
}

function reportBack(f: DraftFacts, today: string): { subject: string; body: string } {
  const m = f.meeting;
  const person = f.other;
  const body = letter(
    `Hi ${firstName(f.to.name)},`,
    [
      paragraph(
        person
          ? `Thank you again for introducing me to ${person.name}.`
          : 'Thank you again for the introduction.',
        m
          ? `We ${KIND_VERB[m.kind]} on ${spokenDate(m.date, today)}, and it went really well.`
          : null,
        // Only the next step: things learned about the person may be theirs to tell.
        f.promised.length > 0 ? `As a next step, I'll ${asPromise(f.promised[0] ?? '')}.` : null,
      ),
      "I'll keep you posted — thanks for thinking of me.",
    ],
    f.me,
  );
  const subject = person
    ? `Thanks for introducing me to ${firstName(person.name)}`
    : 'Thanks for the introduction';
  return { subject, body };
}

/** The blurb the person who offered can forward, written from the user's side. */
function forwardable(f: DraftFacts): string {
  const target = f.other;
  return letter(
    target ? `Hi ${firstName(target.name)},` : 'Hi,',
    [
      paragraph(
        `${f.to.name} suggested we get in touch.`,
        f.me ? `I'm ${f.me}.` : null,
        target?.company
          ? `I'd love to hear about your work at ${target.company}.`
          : "I'd love to hear about your work.",
        'Would you be open to a short call in the next couple of weeks?',
      ),
    ],
    f.me,
    'Thank you,',
  );
}

function waiting(f: DraftFacts, today: string): { subject: string; body: string } {
  const m = f.meeting;
  const offer = f.offered[0];
  const body = letter(
    `Hi ${firstName(f.to.name)},`,
    [
      paragraph(
        offer
          ? m
            ? `When we ${KIND_VERB[m.kind]} on ${spokenDate(m.date, today)}, you kindly offered to help (${quoted(offer)}).`
            : `You kindly offered to help (${quoted(offer)}).`
          : null,
        "No rush at all — to make it easy, here's a short blurb you can forward:",
      ),
      `---\n${forwardable(f)}\n---`,
      'Thanks so much either way.',
    ],
    f.me,
  );
  const target = f.other;
  return {
    subject: target ? `A blurb for ${firstName(target.name)}, if it helps` : 'A blurb, if it helps',
    body,
  };
}

function nudge(f: DraftFacts, today: string): { subject: string; body: string } {
  const m = f.meeting;
  const body = letter(
    `Hi ${firstName(f.to.name)},`,
    [
      paragraph(
        m
          ? `I'm just bringing my note from ${spokenDate(m.date, today)} back to the top of your inbox.`
          : "I'm just bringing my last note back to the top of your inbox.",
        'No pressure at all — I know how busy things get.',
        "If now isn't a good time, I'd be glad to hear from you whenever it suits you.",
      ),
    ],
    f.me,
  );
  return { subject: 'Following up', body };
}

function lastTime(f: DraftFacts, today: string): Sentence {
  const m = f.meeting;
  return m
    ? `I was thinking back to when we ${KIND_VERB[m.kind]} on ${spokenDate(m.date, today)}.`
    : null;
}

function lastLearned(f: DraftFacts): Sentence {
  const last = f.learned[0];
  return last
    ? `Last time you told me about ${quoted(last)} — I'd love to hear how that's going.`
    : null;
}

function reconnect(f: DraftFacts, today: string): { subject: string; body: string } {
  const body = letter(
    `Hi ${firstName(f.to.name)},`,
    [
      paragraph(
        "It's been a while — I hope you're well.",
        lastTime(f, today),
        lastLearned(f),
        'Would you be up for a catch-up soon?',
      ),
    ],
    f.me,
  );
  return { subject: "It's been a while", body };
}

function birthday(f: DraftFacts, today: string): { subject: string; body: string } {
  const body = letter(
    `Hi ${firstName(f.to.name)},`,
    [
      paragraph(
        'Happy birthday! I hope you have a wonderful day.',
        lastTime(f, today),
        lastLearned(f),
      ),
    ],
    f.me,
  );
  return { subject: 'Happy birthday!', body };
}

function intro(f: DraftFacts): { subject: string; body: string } {
  const a = f.to;
  const b = f.other ?? f.to;
  const [aFirst, bFirst] = [firstName(a.name), firstName(b.name)];
  const body = letter(
    `Hi ${aFirst} and ${bFirst},`,
    [
      paragraph(
        "As promised, I'm introducing you to each other — thank you both for saying yes.",
        f.context ? `I thought of you both because of this: ${quoted(f.context)}.` : null,
      ),
      paragraph(
        `${aFirst}, meet ${b.name}${whatTheyDo(b)}.`,
        `${bFirst}, meet ${a.name}${whatTheyDo(a)}.`,
      ),
      "I'll let you take it from here.",
    ],
    f.me,
  );
  return { subject: `Introduction: ${a.name} and ${b.name}`, body };
}

/** The built-in draft for these facts: friendly, short, and with no sentence whose value is unknown. */
export function builtInDraft(f: DraftFacts, today: string): Draft {
  const { subject, body } = (() => {
    switch (f.kind) {
      case 'thank_you':
        return thankYou(f, today);
      case 'report_back':
        return reportBack(f, today);
      case 'waiting':
        return waiting(f, today);
      case 'nudge':
        return nudge(f, today);
      case 'reconnect':
        return reconnect(f, today);
      case 'birthday':
        return birthday(f, today);
      case 'intro':
        return intro(f);
    }
  })();
  return { ...recipient(f), subject: oneLine(subject), body, followUpId: f.followUpId };
}
