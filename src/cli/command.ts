import { maybeAutoSync } from './auto-sync.js';
import type { Command } from 'commander';
import { JournalStartedMeanwhile } from '../storage/new-journal.js';
import { Context, type GlobalOptions, type Io } from './context.js';

/** What main.ts gives the command builders: the streams and a place to put the exit code. */
export interface CommandHost {
  io: Io;
  setExitCode(code: number): void;
}

/** A command's run function; it may return an exit code (anything else means 0). */
type Handler<A extends unknown[]> = (ctx: Context, ...args: A) => unknown;

/**
 * Wrap a command's run function as a commander action: build its Context
 * from the global options, run it, record its exit code, close the journal.
 */
export function withContext<A extends unknown[]>(host: CommandHost, run: Handler<A>) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    // A default subcommand is named in the label only when it was typed.
    const typed = !DEFAULT_SUBCOMMANDS.has(command) || command.parent?.args[0] === command.name();
    const names = [
      command.parent?.parent ? command.parent.name() : '',
      typed ? command.name() : '',
    ];
    const label = invocationLabel(names, args.slice(0, -2));
    const globals = command.optsWithGlobals() as GlobalOptions;
    for (let attempt = 1; ; attempt++) {
      const ctx = new Context(host.io, globals, label);
      try {
        const code = await run(ctx, ...(args.slice(0, -1) as A));
        ctx.finishWrites();
        maybeAutoSync(ctx);
        host.setExitCode(typeof code === 'number' ? code : 0);
        return;
      } catch (err) {
        ctx.abandonWrites();
        // Two commands started the same new journal at once and the other one
        // won: this one wrote nothing and showed nothing, so it runs again on
        // the journal that now exists.
        if (err instanceof JournalStartedMeanwhile && attempt < 3 && ctx.canRunAgain()) continue;
        throw err;
      } finally {
        ctx.close();
      }
    }
  };
}

// Subcommands that run when the first word after their parent names none of
// its subcommands: `note Ralph TEXT` is `note add Ralph TEXT`, and its undo
// step is called "note Ralph TEXT", as typed.
const DEFAULT_SUBCOMMANDS = new WeakSet<Command>();

/**
 * A subcommand that also runs without its name (`note NAME TEXT` beside
 * `note edit ID`). Its parent takes no options of its own, so that options
 * such as --date reach whichever subcommand runs.
 */
export function defaultSubcommand(parent: Command, name: string): Command {
  const command = parent.command(name, { isDefault: true });
  DEFAULT_SUBCOMMANDS.add(command);
  return command;
}

/** Is this a subcommand that also runs without its name (defaultSubcommand)? */
export function isDefaultSubcommand(command: Command): boolean {
  return DEFAULT_SUBCOMMANDS.has(command);
}

/**
 * A command that holds subcommands, one of which runs by default
 * (defaultSubcommand), with its description and examples.
 */
export function commandGroup(
  program: Command,
  group: { name: string; usage: string; description: string; examples: readonly string[] },
): Command {
  const command = program
    .command(group.name)
    .usage(group.usage)
    .description(group.description)
    .addHelpCommand(false);
  return withExamples(command, group.examples);
}

/** "contact rm Ralph Smith" from a command's names and positional arguments. */
export function invocationLabel(names: readonly string[], args: readonly unknown[]): string {
  const words = [...names, ...args.flat()].filter(
    (w): w is string => typeof w === 'string' && w !== '',
  );
  const text = words.join(' ').replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Append an Examples: section to a command's help. */
export function withExamples(command: Command, lines: readonly string[]): Command {
  return command.addHelpText(
    'after',
    `\nExamples:\n${lines.map((l) => (l.startsWith('#') ? `  ${l}` : `  $ ${l}`)).join('\n')}\n`,
  );
}

/** Commander collector for repeatable options (--tag a --tag b). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

// The words an option's value may be, for shell completion. Kept beside the
// command that defines the option rather than as commander's choices(), which
// would replace the command's own error message for a wrong value.
const OPTION_VALUES = new WeakMap<Command, Map<string, readonly string[]>>();

/** Say that flag's value on command is one of values (completion offers them). */
export function completeValues<C extends Command>(
  command: C,
  flag: string,
  values: readonly string[],
): C {
  const known = OPTION_VALUES.get(command) ?? new Map<string, readonly string[]>();
  known.set(flag, values);
  OPTION_VALUES.set(command, known);
  return command;
}

/** The words flag's value may be on command (completeValues), by flag. */
export function valuesOfOptions(command: Command): ReadonlyMap<string, readonly string[]> {
  return OPTION_VALUES.get(command) ?? new Map();
}
