import type { Command } from 'commander';
import { SETTINGS, settingSpec } from '../../../domain/settings.js';
import { NotFoundError } from '../../../errors.js';
import type { RecordView } from '../../../output/record-view.js';
import { renderList } from '../../../output/render.js';
import { writeTransaction } from '../../../storage/journal.js';
import { allSettings, getSetting, setSetting, unsetSetting } from '../../../storage/settings.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { printWritten } from '../../print.js';

interface Setting {
  key: string;
  value: string;
}

const settingView: RecordView<Setting> = {
  fields: ['key', 'value'],
  toRecord: (s) => ({ key: s.key, value: s.value }),
  columns: () => [
    { header: 'KEY', text: (s) => s.key },
    { header: 'VALUE', text: (s) => s.value },
    {
      header: 'MEANING',
      text: (s) => (Object.hasOwn(SETTINGS, s.key) ? SETTINGS[s.key]?.description : '') ?? '',
      shrink: 'first',
    },
  ],
  empty: 'No settings. Try: netjournal config set cadence.second 60d',
};

const shown = (key: string, stored: string): Setting => ({
  key,
  value: settingSpec(key).format(stored),
});

function runSet(ctx: Context, key: string, value: string): void {
  ctx.format();
  const stored = settingSpec(key).parse(value);
  const db = ctx.writeJournal();
  writeTransaction(db, ctx.invocation, () => setSetting(db, key, stored));
  ctx.info(`${key} = ${shown(key, stored).value}`);
  printWritten(ctx, [shown(key, stored)], settingView);
}

// `$(netjournal config get KEY)` is the value: piped as on a terminal it is
// printed alone, and only an explicit --json or --format asks for the record.
function runGet(ctx: Context, key: string): void {
  const format = ctx.pageFormat();
  settingSpec(key);
  const db = ctx.readJournal();
  const stored = db ? getSetting(db, key) : undefined;
  if (stored === undefined)
    throw new NotFoundError(`${key} is not set`, `set it with: netjournal config set ${key} 60d`);
  if (format === 'table') ctx.out(shown(key, stored).value + '\n');
  else printWritten(ctx, [shown(key, stored)], settingView);
}

function runUnset(ctx: Context, key: string): void {
  ctx.format();
  settingSpec(key);
  // Nothing to unset in a journal that does not exist: creating one to say so would be a write.
  if (ctx.readJournal() === null) {
    ctx.info(`${key} was not set.`);
    return;
  }
  const db = ctx.writeJournal();
  const existed = writeTransaction(db, ctx.invocation, () => unsetSetting(db, key));
  ctx.info(existed ? `${key} unset.` : `${key} was not set.`);
}

function runList(ctx: Context): void {
  const format = ctx.format();
  const db = ctx.readJournal();
  const settings = db
    ? allSettings(db)
        .filter((s) => Object.hasOwn(SETTINGS, s.key))
        .map((s) => shown(s.key, s.value))
    : [];
  ctx.out(
    renderList(settings, settingView, {
      format,
      term: ctx.term,
      today: ctx.today(),
      header: ctx.globals.header,
    }),
  );
}

/** Register `config set|get|unset|list`. */
export function configCommands(parent: Command, host: CommandHost): void {
  const config = parent
    .command('config')
    .description('settings stored in the journal (they travel with it)');
  withExamples(
    config
      .command('set')
      .description('set a setting: cadence.inner, cadence.second, cadence.third or me.name')
      .argument('<key>', 'the setting')
      .argument('<value>', 'its value, e.g. 60d')
      .action(withContext(host, runSet)),
    [
      'netjournal config set cadence.second 60d',
      'netjournal config set cadence.inner 2w',
      '# the name drafts are signed with',
      'netjournal config set me.name "Sam Lee"',
    ],
  );
  withExamples(
    config
      .command('get')
      .description('print the value of a setting (exit 3 when it is not set)')
      .argument('<key>', 'the setting')
      .action(withContext(host, runGet)),
    [
      'netjournal config get cadence.second',
      'every=$(netjournal config get cadence.third) || every=none',
      'netjournal config get cadence.second --json',
    ],
  );
  withExamples(
    config
      .command('unset')
      .description('remove a setting')
      .argument('<key>', 'the setting')
      .action(withContext(host, runUnset)),
    ['netjournal config unset cadence.second'],
  );
  withExamples(
    config.command('list').description('list the settings').action(withContext(host, runList)),
    ['netjournal config list', 'netjournal config list --json'],
  );
}
