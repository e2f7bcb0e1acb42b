import type { RunResult } from './run-cli.js';

// The realistic weeks of networking that test/e2e/week*.test.ts replay
// through the built CLI, a fixed --now each day. `on` runs one command on a
// day and throws unless it exits 0.
export type OnDay = (day: string, args: string[]) => RunResult;

/** The first week, Monday 2026-11-16 to Saturday 2026-11-21. */
export function weekOne(on: OnDay): void {
  // Monday: family and an old coach, then lunch with Joe, whom Mom introduced.
  on('2026-11-16', [
    'contact',
    'add',
    'Mom',
    '--circle',
    'inner',
    '--every',
    '2w',
    '--birthday',
    '1965-11-19',
  ]);
  on('2026-11-16', [
    'contact',
    'add',
    'Coach Dana',
    '--circle',
    'inner',
    '--tag',
    'sports',
    '--every',
    '1m',
  ]);
  on('2026-11-16', [
    'intro',
    'Mom',
    'Joe Park',
    '--date',
    '2026-11-10',
    '--note',
    'Joe hires for robotics',
  ]);
  on('2026-11-16', [
    'add',
    'Joe Park',
    '--kind',
    'lunch',
    '--learned',
    'builds robots on weekends',
    '--offered',
    'intro to Ralph at Acme',
  ]);
  // Tuesday: thank Joe; Joe introduces Ralph (two levels: Mom → Joe → Ralph).
  on('2026-11-17', ['done', '1']);
  on('2026-11-17', ['intro', 'Joe Park', 'Ralph Smith', '--note', 'Ralph leads design at Acme']);
  on('2026-11-17', [
    'contact',
    'edit',
    'Ralph Smith',
    '--company',
    'Acme, Inc.',
    '--role',
    'Head of Design',
    '--email',
    'ralph@acme.example',
    '--circle',
    'second',
  ]);
  on('2026-11-17', ['done', '3']);
  // Wednesday: coffee with Ralph (first meeting → report back to Joe), tell Mom how Joe went.
  on('2026-11-18', [
    'add',
    'Ralph',
    '--learned',
    'runs marathons',
    '--gave',
    'the design-systems article',
    '--follow-up',
    'send portfolio',
    '--due',
    'friday',
  ]);
  on('2026-11-18', ['done', '2']); // told Mom how lunch with Joe went
  on('2026-11-18', [
    'intro',
    'Ralph Smith',
    'Priya Raman',
    '--note',
    'Priya runs the Berlin office',
  ]);
  on('2026-11-18', [
    'contact',
    'add',
    'Lena Berg',
    '--company',
    'Northwind Labs',
    '--circle',
    'third',
    '--tag',
    'design',
    '--email',
    'lena@northwind.example',
  ]);
  // Thursday: a call with Priya (introduced by Ralph), an event with two new people.
  on('2026-11-19', [
    'add',
    'Priya Raman',
    '--kind',
    'call',
    '--outreach',
    '--no-nudge',
    '--offered',
    'a referral for the Berlin role',
  ]);
  on('2026-11-19', [
    'add',
    'Omar Haddad',
    'Sam Lee',
    '--kind',
    'event',
    '--notes',
    'design meetup',
    '--no-thank-you',
  ]);
  on('2026-11-19', ['note', 'Omar', 'moving to Lisbon in spring']);
  on('2026-11-19', ['follow-up', 'Sam Lee', 'share the meetup photos', '--due', 'tomorrow']);
  // Friday: portfolio sent, an e-mail with Lena, a duplicate Sam merged, a mistake removed.
  on('2026-11-20', ['done', '6']);
  on('2026-11-20', [
    'add',
    'lena@northwind.example',
    '--kind',
    'email',
    '--notes',
    'asked about the Northwind role',
  ]);
  on('2026-11-20', ['contact', 'add', 'Samuel Lee', '--phone', '+1 555 0100', '--tag', 'design']);
  on('2026-11-20', ['contact', 'merge', 'Sam Lee', 'Samuel Lee']);
  on('2026-11-20', ['add', 'Zoë Ng', '--kind', 'coffee', '--date', 'yesterday']);
  on('2026-11-20', ['meeting', 'rm', '6']);
  on('2026-11-20', ['contact', 'rm', 'Zoë Ng', '--yes']);
  // Saturday: a correction, a snooze, a drop.
  on('2026-11-21', ['meeting', 'edit', '4', '--notes', 'design meetup at Factory Berlin']);
  on('2026-11-21', ['snooze', '10', '--until', 'monday']);
  on('2026-11-21', ['drop', '8']);
  on('2026-11-21', ['note', 'Coach Dana', 'retiring next year', '--date', '2026-11-20']);
}

/**
 * The second week, Sunday 2026-11-22 to Thursday 2026-11-26: corrections
 * (a meeting's people and date, a follow-up's words and due), a reopened
 * promise, a birthday, an outreach answered, and a name typed one letter
 * off. Returns what the commands whose messages matter said.
 */
export function weekTwo(on: OnDay): Record<string, RunResult> {
  const said: Record<string, RunResult> = {};
  // Sunday: Coach Dana's birthday is this week; Ralph thanked, Joe told.
  on('2026-11-22', ['contact', 'edit', 'Coach Dana', '--birthday', '1958-11-25']);
  on('2026-11-22', ['done', '4', '5']);
  // Monday: coffee with Omar, his name typed one letter off: a new contact, with a warning.
  said.typo = on('2026-11-23', [
    'add',
    'Omar Hadad',
    '--notes',
    'talked about Lisbon and the Northwind team',
  ]);
  said.fixPeople = on('2026-11-23', ['meeting', 'edit', '7', '--with', 'Omar Haddad']);
  on('2026-11-23', ['contact', 'rm', 'Omar Hadad', '--yes']);
  // Lena has not answered about the Northwind role: write first, nudge Thursday.
  on('2026-11-23', [
    'add',
    'Lena Berg',
    '--kind',
    'message',
    '--outreach',
    '--nudge',
    'thursday',
    '--notes',
    'sent my portfolio',
  ]);
  // Tuesday: the call with Priya was on Wednesday; a follow-up gets more to do; a promise reopens.
  said.fixDate = on('2026-11-24', ['meeting', 'edit', '3', '--date', '2026-11-18']);
  on('2026-11-24', [
    'follow-up',
    'edit',
    '10',
    '--text',
    'share the meetup photos and the slides',
    '--due',
    'thursday',
  ]);
  on('2026-11-24', ['reopen', '6', '--due', 'friday']);
  // Wednesday: Coach Dana's birthday, and Lena calls back.
  said.birthday = on('2026-11-25', ['today', '--json']);
  on('2026-11-25', ['done', 'b2']);
  said.reply = on('2026-11-25', [
    'add',
    'Lena',
    '--kind',
    'call',
    '--notes',
    'she will pass my portfolio on',
  ]);
  // Thursday: thank-yous sent, photos shared.
  on('2026-11-26', ['done', '7', '10']);
  return said;
}
