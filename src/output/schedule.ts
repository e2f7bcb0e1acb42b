// `schedule systemd`: a user service that runs `today --notify` and a timer
// that starts it every morning, as text to save (nothing is installed).

/** One word of an ExecStart= line: quoted, with systemd's specifiers (%) and variables ($) kept literal. */
function unitWord(word: string): string {
  const escaped = word
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/%/g, '%%')
    .replace(/\$/g, '$$$$');
  return /^[\w./:@+=,-]+$/.test(word) ? escaped : `"${escaped}"`;
}

/** A value after Description= or OnCalendar=: one line, % doubled. */
function unitValue(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/%/g, '%%');
}

export interface ScheduleSpec {
  /** The command that runs netjournal: node and the bin script, absolute. */
  command: readonly string[];
  /** The journal, when not the default one. */
  db: string | null;
  /** HH:MM, local time. */
  at: string;
}

/** netjournal.service and netjournal.timer, each headed by where it goes. */
export function systemdUnits(spec: ScheduleSpec): string {
  const exec = [...spec.command, ...(spec.db ? ['--db', spec.db] : []), 'today', '--notify'];
  return `# ~/.config/systemd/user/netjournal.service
[Unit]
Description=netjournal: today's follow-ups as a desktop notification

[Service]
Type=oneshot
ExecStart=${exec.map(unitWord).join(' ')}
# 1 means something needs you today: not a failure
SuccessExitStatus=1

# ~/.config/systemd/user/netjournal.timer
[Unit]
Description=${unitValue(`netjournal every morning at ${spec.at}`)}

[Timer]
OnCalendar=*-*-* ${unitValue(spec.at)}:00
Persistent=true

[Install]
WantedBy=timers.target
`;
}
