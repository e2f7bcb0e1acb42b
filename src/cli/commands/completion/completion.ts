import type { Command } from 'commander';
import { UsageError } from '../../../errors.js';
import {
  bashCompletion,
  fishCompletion,
  type CompletionSpec,
  zshCompletion,
} from '../../../output/completion.js';
import { completionNames } from '../../../storage/contacts.js';
import { isDefaultSubcommand, withContext, withExamples, type CommandHost } from '../../command.js';
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

function longFlags(command: Command): string[] {
  return command.options.map((o) => o.long).filter((l): l is string => typeof l === 'string');
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
          options: longFlags(sub),
          takesNames: NAME_COMMANDS.has(path),
          runsByDefault: isDefaultSubcommand(sub),
        });
      }
    } else {
      specs.push({
        path: command.name(),
        options: longFlags(command),
        takesNames: NAME_COMMANDS.has(command.name()),
      });
    }
  }
  specs.push({ path: 'completion', options: ['--names'], takesNames: false });
  return specs;
}

/** `completion bash|zsh|fish`, and `completion --names` for the scripts. */
export function runCompletion(
  ctx: Context,
  shell: string | undefined,
  opts: { names?: boolean },
  program: Command,
): void {
  if (opts.names) {
    const db = ctx.readJournal();
    ctx.out(
      db
        ? completionNames(db)
            .map((n) => n.replace(/[\r\n]/g, ' ') + '\n')
            .join('')
        : '',
    );
    return;
  }
  const specs = completionSpecs(program);
  const globals = longFlags(program).filter((f) => f !== '--version');
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
    .action(
      withContext(host, (ctx: Context, shell: string | undefined, opts: { names?: boolean }) =>
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
