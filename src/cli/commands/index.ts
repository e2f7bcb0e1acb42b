import type { Command } from 'commander';
import type { CommandHost } from '../command.js';
import { completionCommand } from './completion/completion.js';
import { configCommands } from './config/config.js';
import { demoCommand } from './demo/demo.js';
import { backupCommands } from './interop/backup.js';
import { exportCommand } from './interop/export.js';
import { importCommand } from './interop/import.js';
import { prepCommand } from './insight/prep.js';
import { reachCommand } from './insight/reach.js';
import { searchCommand } from './insight/search.js';
import { todayCommand } from './today/today.js';
import { statsCommand } from './insight/stats.js';
import { contactAddCommand } from './contact/add.js';
import { contactEditCommand } from './contact/edit.js';
import { contactMergeCommand } from './contact/merge.js';
import { contactRmCommand } from './contact/rm.js';
import { contactShowCommand } from './contact/show.js';
import { contactsCommand } from './contact/list.js';
import { followUpCommand } from './follow-up/add.js';
import { followUpsCommand } from './follow-up/list.js';
import { followUpStatusCommands } from './follow-up/status.js';
import { introCommand } from './intro/add.js';
import { introsCommand } from './intro/list.js';
import { addCommand } from './meeting/add.js';
import { logCommand } from './meeting/log.js';
import { meetingCommands } from './meeting/manage.js';
import { noteCommand } from './note/add.js';

/** Attach every command to the program. */
export function registerCommands(program: Command, host: CommandHost): void {
  program.commandsGroup('Reports:');
  todayCommand(program, host);
  introsCommand(program, host);
  followUpsCommand(program, host);
  logCommand(program, host);
  contactsCommand(program, host);

  program.commandsGroup('Capture:');
  addCommand(program, host);
  noteCommand(program, host);
  introCommand(program, host);
  followUpCommand(program, host);
  followUpStatusCommands(program, host);
  const contact = program
    .command('contact')
    .description('add, show, edit, remove or merge contacts')
    .addHelpCommand(false);
  contactAddCommand(contact, host);
  contactShowCommand(contact, host);
  contactEditCommand(contact, host);
  contactRmCommand(contact, host);
  contactMergeCommand(contact, host);
  meetingCommands(program, host);

  program.commandsGroup('Insight:');
  statsCommand(program, host);
  prepCommand(program, host);
  reachCommand(program, host);
  searchCommand(program, host);

  program.commandsGroup('Data:');
  importCommand(program, host);
  exportCommand(program, host);
  backupCommands(program, host);
  configCommands(program, host);
  demoCommand(program, host);
  completionCommand(program, host);
}
