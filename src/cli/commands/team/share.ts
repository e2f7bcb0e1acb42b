import type { Command } from 'commander';
import {
  isShared,
  parseShareRule,
  sharedIntroductions,
  sharedPerson,
  type ShareRule,
} from '../../../domain/team-share.js';
import { renderJson } from '../../../output/render.js';
import { getSetting } from '../../../storage/settings.js';
import { teamShareContacts, teamShareIntroductions } from '../../../storage/team-share.js';
import { teamSalt } from '../../../team/schema.js';
import { pushShare, type ShareCounts } from '../../../team/share.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { joinedUrl, withTeam } from './connect.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `team share`: make the server hold exactly what this journal shares. */
export async function runTeamShare(ctx: Context): Promise<void> {
  const format = ctx.format(['table', 'json'] as const);
  const url = joinedUrl(ctx);
  const db = ctx.readJournal();
  const stored = db ? getSetting(db, 'team.share') : undefined;
  const rule: ShareRule = stored === undefined ? { kind: 'none' } : parseShareRule(stored);
  const contacts = db ? teamShareContacts(db, ctx.today()) : [];
  const { meUid, introductions } = db
    ? teamShareIntroductions(db)
    : { meUid: '', introductions: [] };
  const counts = await withTeam(ctx, url, async (conn) => {
    const salt = await teamSalt(conn);
    const shared = contacts.filter((c) => isShared(c, rule));
    const people = shared.map((c) => sharedPerson(c, salt));
    const intros = sharedIntroductions(
      introductions,
      new Set(shared.map((c) => c.uid)),
      meUid,
      salt,
    );
    return pushShare(conn, people, intros);
  });
  ctx.info(describeShare(counts, stored === undefined));
  if (format === 'json') ctx.out(renderJson(counts, ctx.term));
}

function describeShare(c: ShareCounts, noRule: boolean): string {
  const total = `${plural(c.people, 'person', 'people')} and ${plural(c.introductions, 'introduction', 'introductions')}`;
  const sent = c.sent.people + c.sent.introductions;
  const removed = c.removed.people + c.removed.introductions;
  const what =
    sent + removed === 0
      ? `Shared ${total}: nothing changed, nothing sent.`
      : `Shared ${total}: sent ${plural(sent, 'row', 'rows')}, removed ${plural(removed, 'row', 'rows')}.`;
  return noRule && c.people === 0
    ? `${what} Choose what to share: netjournal config set team.share tag:work (or contact edit NAME --share).`
    : what;
}

/** Register `team share`. */
export function teamShareCommand(team: Command, host: CommandHost): void {
  withExamples(
    team
      .command('share')
      .description(
        'send what you share (team.share, contact edit --share) to the team; removes what you no longer share',
      )
      .action(withContext(host, runTeamShare)),
    [
      "netjournal config set team.share 'tag:work'",
      'netjournal team share',
      'netjournal team share --json',
    ],
  );
}
