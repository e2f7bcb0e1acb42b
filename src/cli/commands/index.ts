import type { Command } from 'commander';
import type { CommandHost } from '../command.js';
import { contactAddCommand } from './contact/add.js';
import { contactsCommand } from './contact/list.js';

/** Attach every command to the program. */
export function registerCommands(program: Command, host: CommandHost): void {
  const contact = program
    .command('contact')
    .description('add and manage contacts')
    .addHelpCommand(false);
  contactAddCommand(contact, host);
  contactsCommand(program, host);
}
