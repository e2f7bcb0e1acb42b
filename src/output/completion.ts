/** What completion needs to know about one command. */
export interface CompletionSpec {
  /** "add", or "contact show" for a subcommand. */
  path: string;
  options: string[];
  /** Positional arguments are contact names. */
  takesNames: boolean;
  /** A subcommand that also runs without its name (`note NAME TEXT` is `note add`). */
  runsByDefault?: boolean;
}

/** Each command's subcommands, and the one that runs when none is named. */
function subcommands(specs: readonly CompletionSpec[]) {
  const subs = new Map<string, { words: string[]; fallback: string }>();
  for (const s of specs) {
    const [head, sub] = s.path.split(' ');
    if (!head || !sub) continue;
    const entry = subs.get(head) ?? { words: [], fallback: '' };
    entry.words.push(sub);
    if (s.runsByDefault) entry.fallback = sub;
    subs.set(head, entry);
  }
  return subs;
}

const quoteWords = (words: readonly string[]) => words.join(' ');

/**
 * A bash completion script: commands, subcommands, each command's options,
 * and contact names (asked of `netjournal completion --names`, which reads
 * the journal read-only and quickly).
 */
export function bashCompletion(
  specs: readonly CompletionSpec[],
  globals: readonly string[],
): string {
  const top = [...new Set(specs.map((s) => s.path.split(' ')[0] ?? ''))];
  const subs = subcommands(specs);
  const cases = specs
    .map(
      (s) =>
        `    "${s.path}") opts="${quoteWords([...s.options, ...globals])}"; names=${s.takesNames ? 1 : 0} ;;`,
    )
    .join('\n');
  const subCases = [...subs.entries()]
    .map(
      ([head, { words, fallback }]) =>
        `    ${head}) words="${quoteWords(words)}"${fallback ? `; fallback="${fallback}"` : ''} ;;`,
    )
    .join('\n');
  return `# netjournal completion for bash. Load it with:
#   source <(netjournal completion bash)
_netjournal() {
  local cur=\${COMP_WORDS[COMP_CWORD]}
  local cmd=\${COMP_WORDS[1]} sub=\${COMP_WORDS[2]}
  COMPREPLY=()
  if (( COMP_CWORD == 1 )); then
    COMPREPLY=($(compgen -W "${quoteWords(top)}" -- "$cur"))
    return
  fi
  local words="" fallback=""
  case "$cmd" in
${subCases}
  esac
  # A command whose subcommand may be left out (note NAME TEXT) completes
  # its subcommands and that default one's arguments alike.
  if [[ -n "$words" ]]; then
    if (( COMP_CWORD == 2 )); then
      COMPREPLY=($(compgen -W "$words" -- "$cur"))
      [[ -n "$fallback" ]] || return
      cmd="$cmd $fallback"
    elif [[ -z "$fallback" || " $words " == *" $sub "* ]]; then
      cmd="$cmd $sub"
    else
      cmd="$cmd $fallback"
    fi
  fi
  local opts="" names=0
  case "$cmd" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  if (( names )); then
    local name IFS=$'\\n'
    for name in $(netjournal completion --names 2>/dev/null); do
      if [[ "\${name,,}" == "\${cur,,}"* ]]; then COMPREPLY+=("$(printf '%q' "$name")"); fi
    done
  fi
}
complete -o default -F _netjournal netjournal
`;
}

/** zsh: the bash script through zsh's bashcompinit, which understands it as is. */
export function zshCompletion(
  specs: readonly CompletionSpec[],
  globals: readonly string[],
): string {
  return `# netjournal completion for zsh. Load it with:
#   source <(netjournal completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(specs, globals).replace(/^# .*\n#.*\n/, '')}`;
}

/** A fish completion script. */
export function fishCompletion(
  specs: readonly CompletionSpec[],
  globals: readonly string[],
): string {
  const top = [...new Set(specs.map((s) => s.path.split(' ')[0] ?? ''))];
  const lines = [
    '# netjournal completion for fish. Load it with:',
    '#   netjournal completion fish | source',
    'complete -c netjournal -f',
    `complete -c netjournal -n '__fish_use_subcommand' -a '${top.join(' ')}'`,
  ];
  const subs = subcommands(specs);
  for (const s of specs) {
    const [head = '', sub] = s.path.split(' ');
    if (sub)
      lines.push(
        `complete -c netjournal -n '__fish_seen_subcommand_from ${head}; and not __fish_seen_subcommand_from ${sub}' -a '${sub}'`,
      );
    const others = (subs.get(head)?.words ?? []).filter((w) => w !== sub).join(' ');
    const cond = s.runsByDefault
      ? `__fish_seen_subcommand_from ${head}; and not __fish_seen_subcommand_from ${others}`
      : `__fish_seen_subcommand_from ${sub ?? head}`;
    for (const o of [...s.options, ...globals])
      lines.push(`complete -c netjournal -n '${cond}' -l ${o.replace(/^--/, '')}`);
    if (s.takesNames)
      lines.push(
        `complete -c netjournal -n '${cond}' -a '(netjournal completion --names 2>/dev/null)'`,
      );
  }
  return lines.join('\n') + '\n';
}
