import type { Command } from 'commander';
import type { CommandHost } from '../command.js';
import { configCommands } from './config/config.js';
import { backupCommands } from './interop/backup.js';
import { exportCommand } from './interop/export.js';
import { importCommand } from './interop/import.js';
import { todayCommand } from './today/today.js';
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
  todayCommand(program, host);
  addCommand(program, host);
  noteCommand(program, host);
  introCommand(program, host);
  introsCommand(program, host);
  followUpCommand(program, host);
  followUpsCommand(program, host);
  followUpStatusCommands(program, host);
  logCommand(program, host);
  meetingCommands(program, host);
  const contact = program
    .command('contact')
    .description('add and manage contacts')
    .addHelpCommand(false);
  contactAddCommand(contact, host);
  contactShowCommand(contact, host);
  contactEditCommand(contact, host);
  contactRmCommand(contact, host);
  contactMergeCommand(contact, host);
  contactsCommand(program, host);
  importCommand(program, host);
  backupCommands(program, host);
  exportCommand(program, host);
  configCommands(program, host);
}
