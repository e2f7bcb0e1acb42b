import { Command, Option } from 'commander';
import { RECORD_FORMATS } from '../output/record-view.js';
import { displayWidth } from '../output/width.js';
import { UsageError } from '../errors.js';
import { isDefaultSubcommand, type CommandHost } from './command.js';
import { COMMAND_NAMES, registerCommands } from './commands/index.js';
import { runtimeLine, VERSION } from './version.js';

// Global options that take a value: their value is not the command's name.
const VALUE_OPTIONS = new Set(['--db', '--now', '--format']);

/** Where the command's name is in argv: the first word that is not an option (or an option's value). */
function commandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return -1;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return i;
  }
  return -1;
}

/**
 * Which command argv runs: the first word that is not an option (or an
 * option's value). Undefined when there is none or it is not a command, so
 * that help, typo suggestions and completion see every command.
 */
export function commandIn(argv: readonly string[]): string | undefined {
  const word = argv[commandIndex(argv)];
  return word !== undefined && COMMAND_NAMES.includes(word) ? word : undefined;
}

const HELP_FLAGS = new Set(['-h', '--help']);

/** argv with `help CMD…` read as `CMD… --help` (`help` alone: the program's help). */
export function helpArgv(argv: readonly string[]): string[] {
  const at = commandIndex(argv);
  if (argv[at] !== 'help') return [...argv];
  return [...argv.slice(0, at), ...argv.slice(at + 1), '--help'];
}

/**
 * argv without --help when it names a command that does not exist (at the
 * top or below a command such as `contact`): commander would print the
 * nearest help and exit 0, where the user is to hear that the command does
 * not exist (exit 2).
 */
export function withoutHelpForUnknown(program: Command, argv: readonly string[]): string[] {
  const at = commandIndex(argv);
  if (at < 0) return [...argv];
  const command = program.commands.find((c) => c.name() === argv[at]);
  const unknown =
    !command ||
    (command.commands.length > 0 &&
      !command.commands.some(isDefaultSubcommand) &&
      nextWord(argv, at) !== undefined &&
      !command.commands.some((c) => c.name() === nextWord(argv, at)));
  return unknown ? argv.filter((a) => !HELP_FLAGS.has(a)) : [...argv];
}

const nextWord = (argv: readonly string[], at: number) =>
  argv.slice(at + 1).find((a) => !a.startsWith('-'));

// Words people try for what netjournal does with a noun and a verb; commander
// would suggest the commands spelt most alike (remove: demo, restore).
const VERB_HINTS: Readonly<Record<string, string>> = {
  rm: 'remove with: netjournal contact rm NAME, meeting rm ID, note rm ID, gift rm ID, intro rm ID, or drop ID (a follow-up)',
  edit: 'correct with: netjournal contact edit NAME, meeting edit ID, note edit ID, gift edit ID, intro edit ID or follow-up edit ID',
  show: 'see one with: netjournal contact show NAME, meeting show ID or prep NAME',
  list: 'list with: netjournal contacts, follow-ups, log, notes, gifts or intros',
};
const VERB_SYNONYMS: Readonly<Record<string, keyof typeof VERB_HINTS>> = {
  rm: 'rm',
  remove: 'rm',
  delete: 'rm',
  del: 'rm',
  edit: 'edit',
  update: 'edit',
  show: 'show',
  view: 'show',
  list: 'list',
  ls: 'list',
};

/** An unknown command that is a verb of other commands (`remove`): the usage error naming them. */
function verbWithoutNoun(argv: readonly string[]): UsageError | undefined {
  const word = argv[commandIndex(argv)];
  if (word === undefined || COMMAND_NAMES.includes(word) || !Object.hasOwn(VERB_SYNONYMS, word)) {
    return undefined;
  }
  const hint = VERB_HINTS[VERB_SYNONYMS[word] ?? ''];
  return new UsageError(`unknown command '${word}'`, hint);
}

/**
 * The command whose help a usage error in argv points at: "add", "contact
 * show", "note add" for `note NAME TEXT`; undefined when argv names none.
 */
export function commandPath(program: Command, argv: readonly string[]): string | undefined {
  const at = commandIndex(argv);
  const command = program.commands.find((c) => c.name() === argv[at]);
  if (!command) return undefined;
  if (command.commands.length === 0) return command.name();
  const next = nextWord(argv, at);
  const sub =
    command.commands.find((c) => c.name() === next) ??
    command.commands.find((c) => isDefaultSubcommand(c));
  return sub ? `${command.name()} ${sub.name()}` : command.name();
}

/** Is this run only asking for the version (so no command needs loading)? */
function onlyVersion(argv: readonly string[]): boolean {
  return commandIn(argv) === undefined && argv.some((a) => a === '--version' || a === '-V');
}

/** Where help goes, and the width commander wraps it to (80 when piped). */
export interface HelpOutput {
  write(text: string): unknown;
  width: number | undefined;
}

// Commander leaves a description unwrapped when less than 40 cells are left
// beside the longest option or command (39 at 80 columns): wrap down to 20.
const MIN_WIDTH_TO_WRAP = 20;

/** The commander program: global options, help and error routing, and the commands argv needs. */
export async function buildProgram(
  host: CommandHost,
  argv?: readonly string[],
  help: HelpOutput = { write: (s) => host.io.stdout.write(s), width: undefined },
): Promise<Command> {
  const verb = argv && verbWithoutNoun(argv);
  if (verb) throw verb;
  const version = argv && onlyVersion(argv);
  // `--version --verbose` adds the versions a bug report needs on a second line.
  const verbose = version && argv.includes('--verbose');
  const program = new Command('netjournal')
    .description(
      'A local-first journal for professional networking: who you met, who introduced whom, and who to follow up with today.',
    )
    .version(
      `netjournal ${VERSION}${verbose ? `\n${await runtimeLine()}` : ''}`,
      '-V, --version',
      'print the version (--verbose: Node, SQLite)',
    )
    .helpOption('-h, --help', 'show help')
    .addOption(
      new Option('--db <path>', 'journal file (default: $NETJOURNAL_DB, else XDG data folder)'),
    )
    .addOption(new Option('--now <date>', 'pretend today is this date (also $NETJOURNAL_NOW)'))
    .addOption(new Option('--format <format>', `output format: ${RECORD_FORMATS.join(', ')}`))
    .option('--json', 'same as --format json')
    .option('--no-header', 'omit the header row of csv and tsv')
    .option('--no-color', 'no colour (also NO_COLOR=1 or TERM=dumb)')
    .option('--no-input', 'never prompt; a missing value is an error')
    .option('--no-pager', 'no pager for long pages (also NETJOURNAL_PAGER=cat)')
    .configureHelp({
      showGlobalOptions: true,
      sortSubcommands: false,
      minWidthToWrap: MIN_WIDTH_TO_WRAP,
      // The width tables and pages are measured with: CJK and emoji take two cells.
      displayWidth,
    })
    .configureOutput({
      writeOut: (s) => help.write(s),
      getOutHelpWidth: () => help.width ?? 80,
      // A command group run without its subcommand (`contact`) is an error of
      // one line, pointing at the group's help, rather than that help on stderr.
      writeErr: () => undefined,
      // Errors are printed by main.ts in netjournal's own one-line format.
      outputError: () => undefined,
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  if (version) program.addOption(new Option('--verbose').hideHelp());
  else await registerCommands(program, host, argv && commandIn(argv));
  program.addHelpCommand(false);
  program.addHelpText(
    'after',
    `
Examples:
  $ netjournal demo                          # try it on a demo journal
  $ netjournal add "Ralph Smith" --via "Joe Park" --learned "runs marathons"
  $ netjournal today
  $ netjournal intros --chain "Ralph Smith"
  $ netjournal today --json | jq '.items[] | select(.section == "overdue")'

Run 'netjournal help COMMAND' (or 'netjournal COMMAND --help') for a command's
options and examples.
`,
  );
  return program;
}
