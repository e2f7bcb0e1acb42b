import type { Command } from 'commander';
import { CONTACT } from '../model/declarations.js';
import type { FieldSpec } from '../model/field.js';
import { collect, completeValues } from './command.js';

/** Options shared by `contact add` and `contact edit`: one per declared flag, and --tag. */
export function addContactOptions(command: Command): Command {
  for (const field of CONTACT.fields as readonly FieldSpec[]) {
    if (field.flag) command.option(field.flag, field.help ?? field.key);
    if (field.flag && field.values)
      completeValues(command, field.flag.split(' ')[0] ?? '', field.values);
    // The tags follow the field the declaration lists them after.
    if (CONTACT.lists.some((l) => l.after === field.key))
      command.option('--tag <tag>', 'a tag (repeatable)', collect);
  }
  return command;
}
