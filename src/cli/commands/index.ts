import type { Command } from 'commander';
import type { CommandHost } from '../command.js';

type Register = (program: Command, host: CommandHost) => unknown;

/** A command module: the top-level names it registers, and how to load it. */
interface CommandEntry {
  group: 'Reports:' | 'Capture:' | 'Insight:' | 'Data:';
  names: readonly string[];
  load: () => Promise<Register>;
}

// Each module is imported only when its command runs (or for help and
// completion), so `netjournal today --json` loads today's code and nothing
// else: start-up time is most of what a command costs.
const ENTRIES: readonly CommandEntry[] = [
  {
    group: 'Reports:',
    names: ['today'],
    load: async () => (await import('./today/today.js')).todayCommand,
  },
  {
    group: 'Reports:',
    names: ['intros'],
    load: async () => (await import('./intro/list.js')).introsCommand,
  },
  {
    group: 'Reports:',
    names: ['follow-ups'],
    load: async () => (await import('./follow-up/list.js')).followUpsCommand,
  },
  {
    group: 'Reports:',
    names: ['log'],
    load: async () => (await import('./meeting/log.js')).logCommand,
  },
  {
    group: 'Reports:',
    names: ['contacts'],
    load: async () => (await import('./contact/list.js')).contactsCommand,
  },
  {
    group: 'Capture:',
    names: ['add'],
    load: async () => (await import('./meeting/add.js')).addCommand,
  },
  {
    group: 'Capture:',
    names: ['note'],
    load: async () => (await import('./note/add.js')).noteCommand,
  },
  {
    group: 'Capture:',
    names: ['intro'],
    load: async () => (await import('./intro/add.js')).introCommand,
  },
  {
    group: 'Capture:',
    names: ['follow-up'],
    load: async () => (await import('./follow-up/add.js')).followUpCommand,
  },
  {
    group: 'Capture:',
    names: ['done', 'snooze', 'drop'],
    load: async () => (await import('./follow-up/status.js')).followUpStatusCommands,
  },
  {
    group: 'Capture:',
    names: ['undo'],
    load: async () => (await import('./maintenance/undo.js')).undoCommand,
  },
  { group: 'Capture:', names: ['contact'], load: loadContactCommands },
  {
    group: 'Capture:',
    names: ['meeting'],
    load: async () => (await import('./meeting/manage.js')).meetingCommands,
  },
  {
    group: 'Insight:',
    names: ['stats'],
    load: async () => (await import('./insight/stats.js')).statsCommand,
  },
  {
    group: 'Insight:',
    names: ['prep'],
    load: async () => (await import('./insight/prep.js')).prepCommand,
  },
  {
    group: 'Insight:',
    names: ['reach'],
    load: async () => (await import('./insight/reach.js')).reachCommand,
  },
  {
    group: 'Insight:',
    names: ['search'],
    load: async () => (await import('./insight/search.js')).searchCommand,
  },
  {
    group: 'Data:',
    names: ['import'],
    load: async () => (await import('./interop/import.js')).importCommand,
  },
  {
    group: 'Data:',
    names: ['export'],
    load: async () => (await import('./interop/export.js')).exportCommand,
  },
  {
    group: 'Data:',
    names: ['backup', 'restore'],
    load: async () => (await import('./interop/backup.js')).backupCommands,
  },
  {
    group: 'Data:',
    names: ['doctor'],
    load: async () => (await import('./maintenance/doctor.js')).doctorCommand,
  },
  {
    group: 'Data:',
    names: ['config'],
    load: async () => (await import('./config/config.js')).configCommands,
  },
  {
    group: 'Data:',
    names: ['demo'],
    load: async () => (await import('./demo/demo.js')).demoCommand,
  },
  {
    group: 'Data:',
    names: ['completion'],
    load: async () => (await import('./completion/completion.js')).completionCommand,
  },
];

async function loadContactCommands(): Promise<Register> {
  const [add, show, edit, rm, merge] = await Promise.all([
    import('./contact/add.js'),
    import('./contact/show.js'),
    import('./contact/edit.js'),
    import('./contact/rm.js'),
    import('./contact/merge.js'),
  ]);
  return (program, host) => {
    const contact = program
      .command('contact')
      .description('add, show, edit, remove or merge contacts')
      .addHelpCommand(false);
    add.contactAddCommand(contact, host);
    show.contactShowCommand(contact, host);
    edit.contactEditCommand(contact, host);
    rm.contactRmCommand(contact, host);
    merge.contactMergeCommand(contact, host);
  };
}

/** Every top-level command name, without loading any command. */
export const COMMAND_NAMES: readonly string[] = ENTRIES.flatMap((e) => e.names);

/**
 * Attach commands to the program: only the one named (when given and known),
 * else all of them in their help groups (for --help, typos and completion).
 */
export async function registerCommands(
  program: Command,
  host: CommandHost,
  only?: string,
): Promise<void> {
  const wanted =
    only === undefined || only === 'completion'
      ? ENTRIES
      : ENTRIES.filter((e) => e.names.includes(only));
  const registers = await Promise.all(wanted.map((e) => e.load()));
  wanted.forEach((entry, i) => {
    program.commandsGroup(entry.group);
    registers[i]?.(program, host);
  });
}
