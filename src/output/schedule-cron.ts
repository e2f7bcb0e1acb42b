// `schedule cron`: crontab lines for the morning `today --notify` and for a
// calendar feed kept fresh (`export --format ics --as event --output FILE
// --force`), as text to add with `crontab -e` (nothing is installed).

/** One word for the shell cron runs a line with (/bin/sh): bare when safe, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w@+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A command as a crontab line's command part: shell words, and every `%`
 * escaped, since cron turns a bare one into a newline (crontab(5)), even
 * inside quotes.
 */
export function cronCommand(words: readonly string[]): string {
  return words.map(shellWord).join(' ').replace(/%/g, '\\%');
}

export interface CronSpec {
  /** The command that runs netjournal: node and the bin script, absolute. */
  command: readonly string[];
  /** The journal, when not the default one. */
  db: string | null;
  /** HH:MM, local time. */
  at: string;
  /** The calendar feed's file, absolute. */
  feed: string;
  /** The folder the feed is in, created by the line if missing. */
  feedFolder: string;
  /** The user's id: notify-send reaches the desktop through /run/user/<uid>/bus. */
  uid: number;
}

/** The two crontab lines with their comments, ready for `crontab -e`. */
export function crontabLines(spec: CronSpec): string {
  const [hours = '8', minutes = '0'] = spec.at.split(':').map((n) => String(Number(n)));
  const netjournal = [...spec.command, ...(spec.db ? ['--db', spec.db] : [])];
  const notify = cronCommand([...netjournal, 'today', '--notify']);
  const feed = cronCommand([
    ...netjournal,
    'export',
    '--format',
    'ics',
    '--as',
    'event',
    '--output',
    spec.feed,
    '--force',
  ]);
  return `# netjournal: add these lines with crontab -e (the times are this machine's local time)
# every morning at ${spec.at}: today's follow-ups as a desktop notification, through your
# desktop session's bus (cron mails you what goes wrong, e.g. when you are not logged in)
${minutes} ${hours} * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/${spec.uid}/bus ${notify}
# every hour: the open follow-ups as all-day events in a calendar file to subscribe to
# (the summary line is dropped, so cron mails only an error)
0 * * * * mkdir -p ${cronCommand([spec.feedFolder])} && ${feed} 2>&1 | grep -v '^Exported '
`;
}
