import { Command, Option } from 'commander';
import { RECORD_FORMATS } from '../output/record-view.js';
import { displayWidth } from '../output/width.js';
import type { CommandHost } from './command.js';
import { COMMAND_NAMES, registerCommands } from './commands/index.js';
import { runtimeLine, VERSION } from './version.js';

// Global options that take a value: their value is not the command's name.
const VALUE_OPTIONS = new Set(['--db', '--now', '--format']);

/**
 * Which command argv runs: the first word that is not an option (or an
 * option's value). Undefined when there is none or it is not a command, so
 * that help, typo suggestions and completion see every command.
 */
export function commandIn(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return undefined;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return COMMAND_NAMES.includes(arg) ? arg : undefined;
  }
  return undefined;
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
  const { stderr } = host.io;
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
      writeErr: (s) => stderr.write(s),
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

Run 'netjournal COMMAND --help' for a command's options and examples.
`,
  );
  return program;
}
