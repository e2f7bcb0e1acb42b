import type { Command } from 'commander';
import { collect } from './command.js';

/** Options shared by `contact add` and `contact edit`. */
export function addContactOptions(command: Command): Command {
  return command
    .option('--company <name>', 'where they work')
    .option('--role <title>', 'what they do there')
    .option('--email <address>', 'e-mail address')
    .option('--phone <number>', 'phone number')
    .option('--url <url>', 'a profile or home page')
    .option('--location <place>', 'where they live or work')
    .option(
      '--circle <circle>',
      'inner (family, friends), second (colleagues, neighbours) or third',
    )
    .option('--every <interval>', 'keep in touch this often: 30d, 6w, 3m, 1y or none')
    .option('--birthday <date>', 'MM-DD or YYYY-MM-DD')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--how <text>', 'how you met');
}
