import { UsageError } from '../../../errors.js';
import { loadLibrary } from '../../../load-library.js';
import { interruptible } from '../../../prompts/ask.js';
import { readIdentityFile, recipientsOf, type Unlock } from '../../../sync/crypt.js';
import type { KeySource } from '../../../sync/init.js';
import type { Context } from '../../context.js';

/** The environment variable a script gives the passphrase in. */
export const PASSPHRASE_ENV = 'NETJOURNAL_SYNC_PASSPHRASE';

/**
 * Where `sync init` gets its secret: age identity files (--identity), else
 * the passphrase from NETJOURNAL_SYNC_PASSPHRASE, else asked on the terminal
 * (twice when it is new). Never written anywhere, never printed.
 */
export function keySource(
  ctx: Context,
  opts: { encrypt: boolean; identity?: string[]; recipient?: string[] },
): KeySource {
  const identities = (opts.identity ?? []).flatMap(readIdentityFile);
  const recipients = opts.recipient ?? [];
  for (const r of recipients)
    if (!/^age1[0-9a-z]{58}$/.test(r))
      throw new UsageError(
        `"${r}" is not an age recipient`,
        'give a public key as age-keygen prints it (age1…, 62 characters)',
      );
  if (!opts.encrypt && (identities.length > 0 || recipients.length > 0))
    throw new UsageError(
      '--no-encrypt cannot go with --identity or --recipient',
      'leave out --no-encrypt to encrypt to them',
    );
  return {
    encrypt: opts.encrypt,
    async unlock(creating: boolean): Promise<Unlock> {
      if (identities.length > 0 || (creating && recipients.length > 0))
        return {
          identities,
          recipients: [...recipients, ...(await recipientsOf(identities))],
        };
      return { passphrase: await passphrase(ctx, creating) };
    },
  };
}

async function passphrase(ctx: Context, creating: boolean): Promise<string> {
  const given = ctx.io.env[PASSPHRASE_ENV];
  if (given !== undefined) {
    if (given === '')
      throw new UsageError(`${PASSPHRASE_ENV} is empty`, 'set it to the sync passphrase');
    return given;
  }
  if (!ctx.canPrompt())
    throw new UsageError(
      'encrypted sync needs a passphrase, and there is no terminal to ask it on',
      `set ${PASSPHRASE_ENV}, give --identity FILE, or set up with --no-encrypt`,
    );
  const { password } = loadLibrary('@inquirer/prompts') as typeof import('@inquirer/prompts');
  const context = { output: ctx.promptOutput() };
  return interruptible(async () => {
    for (;;) {
      const first = await password(
        {
          message: creating ? 'New sync passphrase' : 'Sync passphrase',
          mask: true,
          validate: (v) => (v.length >= 8 ? true : 'use at least 8 characters'),
        },
        context,
      );
      if (!creating) return first;
      const again = await password({ message: 'The same again', mask: true }, context);
      if (again === first) return first;
      ctx.info('The two passphrases differ; once more.');
    }
  });
}
