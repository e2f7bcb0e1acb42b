import type { Command } from 'commander';
import { UsageError } from '../../../errors.js';
import { foldName } from '../../../domain/names.js';
import {
  bashCompletion,
  fishCompletion,
  type CompletionOption,
  type CompletionSpec,
  zshCompletion,
} from '../../../output/completion.js';
import { RECORD_FORMATS } from '../../../output/record-view.js';
import { completionNames } from '../../../storage/contacts.js';
import {
  completeValues,
  isDefaultSubcommand,
  valuesOfOptions,
  withContext,
  withExamples,
  type CommandHost,
} from '../../command.js';
import type { Context } from '../../context.js';

// Commands whose arguments are contact names.
const NAME_COMMANDS = new Set([
  'add',
  'note add',
  'intro add',
  'follow-up add',
  'follow-ups',
  'notes',
  'gifts',
  'log',
  'prep',
  'intros',
  'contact show',
  'contact edit',
  'contact rm',
  'contact merge',
]);

const SHELLS = ['bash', 'zsh', 'fish'];

/** A command's own options, and the values of those that have a few (completeValues). */
function optionsOf(command: Command): CompletionOption[] {
  const values = valuesOfOptions(command);
  const own: CompletionOption[] = command.options
    .filter((o) => typeof o.long === 'string')
    .map((o) => ({
      flag: o.long as string,
      takesValue: o.required || o.optional,
      ...(values.has(o.long as string) ? { values: values.get(o.long as string) } : {}),
    }));
  // A global option whose values differ for this command (export --format).
  for (const [flag, list] of values) {
    if (!own.some((o) => o.flag === flag)) own.push({ flag, takesValue: true, values: list });
  }
  return own;
}

/** Every command (and subcommand) of the program, with its options. */
export function completionSpecs(program: Command): CompletionSpec[] {
  const specs: CompletionSpec[] = [];
  for (const command of program.commands) {
    if (command.name() === 'completion') continue;
    if (command.commands.length) {
      for (const sub of command.commands) {
        const path = `${command.name()} ${sub.name()}`;
        specs.push({
          path,
          options: optionsOf(sub),
          takesNames: NAME_COMMANDS.has(path),
          runsByDefault: isDefaultSubcommand(sub),
        });
      }
    } else {
      specs.push({
        path: command.name(),
        options: optionsOf(command),
        takesNames: NAME_COMMANDS.has(command.name()),
      });
    }
  }
  specs.push({
    path: 'completion',
    options: [
      { flag: '--names', takesValue: false },
      { flag: '--prefix', takesValue: true },
    ],
    takesNames: false,
    words: SHELLS,
  });
  return specs;
}

/** The program's global options; --format offers the record formats. */
function globalOptions(program: Command): CompletionOption[] {
  return optionsOf(completeValues(program, '--format', RECORD_FORMATS)).filter(
    (o) => o.flag !== '--version' && o.flag !== '--help',
  );
}

export interface CompletionOptions {
  names?: boolean;
  prefix?: string;
}

/** `completion bash|zsh|fish`, and `completion --names [--prefix TEXT]` for the scripts. */
export function runCompletion(
  ctx: Context,
  shell: string | undefined,
  opts: CompletionOptions,
  program: Command,
): void {
  if (opts.names) {
    const db = ctx.readJournal();
    const prefix = foldName(opts.prefix ?? '');
    ctx.out(
      db
        ? completionNames(db)
            // Matched as names are everywhere: `zoe` completes to Zoë.
            .filter((n) => foldName(n).startsWith(prefix))
            .map((n) => n.replace(/[\r\n]/g, ' ') + '\n')
            .join('')
        : '',
    );
    return;
  }
  const specs = completionSpecs(program);
  const globals = globalOptions(program);
  switch (shell) {
    case 'bash':
      return void ctx.out(bashCompletion(specs, globals));
    case 'zsh':
      return void ctx.out(zshCompletion(specs, globals));
    case 'fish':
      return void ctx.out(fishCompletion(specs, globals));
    default:
      throw new UsageError(
        shell === undefined ? 'which shell?' : `unknown shell "${shell}"`,
        'use netjournal completion bash, zsh or fish',
      );
  }
}

/** Register `completion`. */
export function completionCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('completion')
    .description('print a shell completion script (commands, options and contact names)')
    .argument('[shell]', 'bash, zsh or fish')
    .option('--names', 'print contact names, one a line (used by the scripts)')
    .option('--prefix <text>', 'with --names: only names starting with this')
    .action(
      withContext(host, (ctx: Context, shell: string | undefined, opts: CompletionOptions) =>
        runCompletion(ctx, shell, opts, parent),
      ),
    );
  return withExamples(command, [
    'netjournal completion bash > ~/.local/share/bash-completion/completions/netjournal',
    'source <(netjournal completion bash)     # or add this to ~/.bashrc',
    'source <(netjournal completion zsh)      # add to ~/.zshrc',
    'netjournal completion fish | source      # add to ~/.config/fish/config.fish',
  ]);
}
