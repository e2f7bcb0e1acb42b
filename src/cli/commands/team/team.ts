import type { Command } from 'commander';
import type { CommandHost } from '../../command.js';
import { teamReachCommands } from './reach.js';
import { teamSetupCommands } from './setup.js';
import { teamShareCommand } from './share.js';

/** Register `team` and its subcommands. */
export function teamCommands(program: Command, host: CommandHost): void {
  const team = program
    .command('team')
    .description("a team's shared who-knows-whom graph in PostgreSQL (you choose what is shared)")
    .addHelpCommand(false);
  teamSetupCommands(team, host);
  teamShareCommand(team, host);
  teamReachCommands(team, host);
}
