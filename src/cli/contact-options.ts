import type { Command } from 'commander';
import { CONTACT } from '../model/declarations.js';
import type { FieldSpec } from '../model/field.js';
import { collect, completeValues } from './command.js';

/** The option that sets each of a contact's lists. */
const LIST_OPTIONS: Record<string, [flag: string, help: string]> = {
  aliases: ['--alias <nickname>', 'another name they go by, found like their name (repeatable)'],
  tags: ['--tag <tag>', 'a tag (repeatable)'],
};

/** Options shared by `contact add` and `contact edit`: one per declared flag, --alias and --tag. */
export function addContactOptions(command: Command): Command {
  for (const field of CONTACT.fields as readonly FieldSpec[]) {
    if (field.flag) command.option(field.flag, field.help ?? field.key);
    if (field.flag && field.values)
      completeValues(command, field.flag.split(' ')[0] ?? '', field.values);
    // A list follows the field the declaration lists it after.
    for (const list of CONTACT.lists) {
      const [flag, help] = LIST_OPTIONS[list.key] ?? [];
      if (list.after === field.key && flag && help) command.option(flag, help, collect);
    }
  }
  return command;
}
