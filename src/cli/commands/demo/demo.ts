import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeDemoStory } from '../../../demo/story.js';
import { UsageError } from '../../../errors.js';
import { renderToday } from '../../../output/today-page.js';
import { renderChain } from '../../../output/views/intros.js';
import { ME_ID } from '../../../storage/contacts.js';
import { introChainOf } from '../../../storage/intros-report.js';
import { writeTransaction, type Db } from '../../../storage/journal.js';
import { todayItems } from '../../../storage/today.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import { Context } from '../../context.js';
import { resolveName } from '../../resolve.js';

const DEMO_DAYS = 7;

/** `demo`: build a demo journal (never the user's own), then show what netjournal is for. */
export function runDemo(ctx: Context, opts: { db?: string }): void {
  ctx.format();
  // --db is global; only an explicit demo path counts, never $NETJOURNAL_DB.
  const path = opts.db
    ? resolve(opts.db)
    : join(mkdtempSync(join(tmpdir(), 'netjournal-demo-')), 'journal.db');
  if (existsSync(path)) {
    throw new UsageError(
      `${path} already exists`,
      'the demo writes a new journal: give a path that does not exist',
    );
  }
  // The demo is a show for people: pages even when piped, unless a format was asked for.
  const format = ctx.globals.json ? undefined : (ctx.globals.format ?? 'table');
  const demo = new Context(ctx.io, { ...ctx.globals, db: path, format });
  try {
    const db = demo.writeJournal();
    const story = writeTransaction(db, ctx.invocation, () =>
      writeDemoStory(db, demo.today(), (day) => `${day}T12:00:00.000Z`),
    );
    demo.finishWrites();
    const shown = demo.format();
    const { header } = demo.globals;
    const { chalk } = ctx.term;
    const say = (text: string) => ctx.out(text + '\n');
    say(chalk.bold(`A demo journal: a student's first month of networking.`));
    say(chalk.dim(`It lives at ${path} (your own journal is untouched).`));
    say('');
    say(chalk.bold('$ netjournal today'));
    const items = todayItems(demo.readJournal() as Db, demo.today(), DEMO_DAYS);
    demo.out(
      renderToday(items, {
        format: shown,
        term: demo.term,
        today: demo.today(),
        days: DEMO_DAYS,
        header,
      }),
    );
    say('');
    say(chalk.bold('$ netjournal intros --chain "Marcus Chen"'));
    const shownDb = demo.readJournal() as Db;
    const chain = introChainOf(shownDb, resolveName(shownDb, 'Marcus Chen').id);
    demo.out(renderChain(chain, shown, { term: demo.term, header, meId: ME_ID }));
    say('');
    say(chalk.bold('Try next (on the demo journal):'));
    const env = `NETJOURNAL_DB=${path}`;
    for (const line of [
      `${env} netjournal prep "Marcus Chen"`,
      `${env} netjournal done ${story.thankYouId}`,
      `${env} netjournal add "Priya Shah" --kind call --learned "moving to Berlin"`,
      `${env} netjournal intros --format dot | dot -Tsvg > intros.svg`,
      `${env} netjournal stats`,
    ]) {
      say(`  ${line}`);
    }
    say('');
    say(`When you're ready for your own: netjournal add "Someone You Met" --kind coffee`);
  } catch (err) {
    demo.abandonWrites();
    throw err;
  } finally {
    demo.close();
  }
}

/** Register `demo`. */
export function demoCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('demo')
    .description(
      'build a demo journal (a new temp file; never your own) and show what netjournal does',
    )
    .action(
      withContext(host, (ctx: Context, _opts: object) => runDemo(ctx, { db: ctx.globals.db })),
    );
  return withExamples(command, ['netjournal demo', 'netjournal demo --db ~/netjournal-demo.db']);
}
