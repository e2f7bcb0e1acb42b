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
    group: 'Reports:',
    names: ['notes', 'gifts'],
    load: async () => (await import('./note/list.js')).datedTextListCommands,
  },
  {
    group: 'Capture:',
    names: ['add'],
    load: async () => (await import('./meeting/add.js')).addCommand,
  },
  {
    group: 'Capture:',
    names: ['jot'],
    load: async () => (await import('./jot/jot.js')).jotCommand,
  },
  { group: 'Capture:', names: ['note'], load: loadNoteCommands },
  { group: 'Capture:', names: ['intro'], load: loadIntroCommands },
  { group: 'Capture:', names: ['follow-up'], load: loadFollowUpCommands },
  {
    group: 'Capture:',
    names: ['done', 'snooze', 'drop'],
    load: async () => (await import('./follow-up/status.js')).followUpStatusCommands,
  },
  {
    group: 'Capture:',
    names: ['reopen'],
    load: async () => (await import('./follow-up/reopen.js')).reopenCommand,
  },
  {
    group: 'Capture:',
    names: ['gift'],
    load: async () => (await import('./note/manage.js')).giftCommands,
  },
  {
    group: 'Capture:',
    names: ['draft'],
    load: async () => (await import('./draft/draft.js')).draftCommand,
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
    names: ['sync'],
    load: async () => (await import('./sync/sync.js')).syncCommands,
  },
  {
    group: 'Data:',
    names: ['team'],
    load: async () => (await import('./team/team.js')).teamCommands,
  },
  {
    group: 'Data:',
    names: ['demo'],
    load: async () => (await import('./demo/demo.js')).demoCommand,
  },
  {
    group: 'Data:',
    names: ['schedule'],
    load: async () => (await import('./schedule/schedule.js')).scheduleCommands,
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

// `note`, `intro` and `follow-up` add a record when their first word is not
// one of their subcommands (`note Ralph TEXT` is `note add Ralph TEXT`), and
// correct one with `edit`, `rm` (and `intro reported`).

async function loadNoteCommands(): Promise<Register> {
  const [{ commandGroup }, add, manage] = await Promise.all([
    import('../command.js'),
    import('./note/add.js'),
    import('./note/manage.js'),
  ]);
  return (program, host) => {
    const note = commandGroup(program, {
      name: 'note',
      usage: '[add] NAME TEXT [--date WHEN] | edit ID [TEXT] [--date WHEN] | rm ID',
      description:
        'remember a thing learned about someone; correct or remove one (notes lists them)',
      examples: [
        'netjournal note "Ralph Smith" "daughter starts university in Leeds"',
        'netjournal note edit 3 "daughter starts university in York"',
        'netjournal note rm 3',
      ],
    });
    add.noteAddCommand(note, host);
    manage.noteManageCommands(note, host);
  };
}

async function loadIntroCommands(): Promise<Register> {
  const [{ commandGroup }, add, manage] = await Promise.all([
    import('../command.js'),
    import('./intro/add.js'),
    import('./intro/manage.js'),
  ]);
  return (program, host) => {
    const intro = commandGroup(program, {
      name: 'intro',
      usage: '[add] INTRODUCER PERSON [--to NAME] | edit ID [options] | rm ID | reported ID',
      description:
        'record an introduction (INTRODUCER introduced PERSON to you); correct, remove or mark one reported back',
      examples: [
        'netjournal intro "Joe Park" "Ralph Smith" --note "Ralph hires designers at Acme"',
        'netjournal intro edit 3 --by "Lena Berg"',
        'netjournal intro reported 3',
      ],
    });
    add.introAddCommand(intro, host);
    manage.introManageCommands(intro, host);
  };
}

async function loadFollowUpCommands(): Promise<Register> {
  const [{ commandGroup }, add, edit] = await Promise.all([
    import('../command.js'),
    import('./follow-up/add.js'),
    import('./follow-up/edit.js'),
  ]);
  return (program, host) => {
    const followUp = commandGroup(program, {
      name: 'follow-up',
      usage: '[add] NAME TEXT [--due WHEN] [--kind action|waiting] | edit ID [options]',
      description: 'add a follow-up (something you will do, or they offered); correct one',
      examples: [
        'netjournal follow-up "Ralph Smith" "send the deck" --due friday',
        'netjournal follow-up edit 12 --due "next monday"',
      ],
    });
    add.followUpAddCommand(followUp, host);
    edit.followUpEditCommand(followUp, host);
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
