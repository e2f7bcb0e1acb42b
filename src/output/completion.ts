/** One option as completion sees it. */
export interface CompletionOption {
  /** "--kind" */
  flag: string;
  /** It takes a value (`--kind coffee`, `--date monday`). */
  takesValue: boolean;
  /** The words its value may be, when they are known (kinds, circles, formats). */
  values?: readonly string[];
}

/** What completion needs to know about one command. */
export interface CompletionSpec {
  /** "add", or "contact show" for a subcommand. */
  path: string;
  options: CompletionOption[];
  /** Positional arguments are contact names. */
  takesNames: boolean;
  /** A subcommand that also runs without its name (`note NAME TEXT` is `note add`). */
  runsByDefault?: boolean;
  /** The words its positional argument may be (`completion bash|zsh|fish`). */
  words?: readonly string[];
}

// Options whose value is a contact's name (add --via, intros --chain, meeting edit --with).
const NAME_OPTIONS = ['--via', '--by', '--of', '--chain', '--with', '--to', '--person'];

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

const topWords = (specs: readonly CompletionSpec[]) => [
  ...new Set([...specs.map((s) => s.path.split(' ')[0] ?? ''), 'help']),
];

/** A word as a shell word: only letters, digits and -_.,:/@+= go unquoted. */
const shellWord = (w: string) => (/^[\w.,:/@+=-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
const words = (list: readonly string[]) => list.map(shellWord).join(' ');

/**
 * The logic bash and zsh share, in the shell language both read:
 * `_netjournal_candidates CWORD WORD1 WORD2 PREV CUR` prints, one a line and
 * unquoted, what may follow for the word being completed (CWORD is its
 * position after `netjournal`; CUR is the word so far without its quoting).
 * Each shell then quotes them its own way. Contact names come from
 * `netjournal completion --names --prefix CUR`, which matches them as names
 * are matched everywhere (ignoring case and accents) and reads the journal
 * read-only.
 */
function sharedFunctions(specs: readonly CompletionSpec[], globals: readonly CompletionOption[]) {
  const subs = subcommands(specs);
  const groupCases = [...subs.entries()]
    .map(([head, { words: list, fallback }]) => {
      const alternatives = list.join('|');
      return fallback
        ? `    ${head})
      if [ "$cword" -eq 2 ]; then
        _netjournal_match "$cur" ${words(list)}
        cmd="${head} ${fallback}"
      else
        case "$w2" in ${alternatives}) cmd="${head} $w2" ;; *) cmd="${head} ${fallback}" ;; esac
      fi ;;`
        : `    ${head})
      if [ "$cword" -eq 2 ]; then _netjournal_match "$cur" ${words(list)}; return; fi
      case "$w2" in ${alternatives}) cmd="${head} $w2" ;; *) return ;; esac ;;`;
    })
    .join('\n');
  const valueCases: string[] = [];
  const valueTaking = new Set<string>();
  for (const s of specs) {
    for (const o of s.options) {
      if (o.values) {
        valueCases.push(
          `    "${s.path} ${o.flag}") _netjournal_match "$cur" ${words(o.values)} ;;`,
        );
      } else if (o.takesValue) valueTaking.add(`"${s.path} ${o.flag}"`);
    }
  }
  const globalValues = globals
    .filter((o) => o.values)
    .map((o) => `    *" ${o.flag}") _netjournal_match "$cur" ${words(o.values ?? [])} ;;`);
  const globalTaking = globals.filter((o) => o.takesValue && !o.values).map((o) => `*" ${o.flag}"`);
  // Options whose value is a contact's name complete names too.
  const nameOptions = NAME_OPTIONS.map((f) => `*" ${f}"`).join('|');
  const taking = [...valueTaking, ...globalTaking].filter(
    (t) => !NAME_OPTIONS.some((f) => t.endsWith(` ${f}"`)),
  );
  const optionCases = specs
    .map(
      (s) =>
        `    "${s.path}") _netjournal_match "$cur" ${words([...new Set([...s.options, ...globals].map((o) => o.flag))])} ;;`,
    )
    .join('\n');
  const wordCases = specs
    .filter((s) => s.words)
    .map((s) => `    "${s.path}") _netjournal_match "$cur" ${words(s.words ?? [])} ;;`)
    .join('\n');
  const nameCommands = specs
    .filter((s) => s.takesNames)
    .map((s) => `"${s.path}"`)
    .join('|');
  return `# Print the words given after $1 that start with $1, one a line.
_netjournal_match() {
  local cur=$1 w
  shift
  for w in "$@"; do
    case "$w" in "$cur"*) printf '%s\\n' "$w" ;; esac
  done
}

_netjournal_candidates() {
  local cword=$1 w1=$2 w2=$3 prev=$4 cur=$5 cmd=$2
  if [ "$cword" -eq 1 ]; then
    case "$cur" in
      -*) _netjournal_match "$cur" ${words(globals.map((o) => o.flag))} --version --help ;;
      *) _netjournal_match "$cur" ${words(topWords(specs))} ;;
    esac
    return
  fi
  case "$w1" in
    help) [ "$cword" -eq 2 ] && _netjournal_match "$cur" ${words(topWords(specs).filter((w) => w !== 'help'))}; return ;;
${groupCases}
  esac
  # The value of an option: its words when they are known, else nothing
  # (a date, a text, a file: the shell's own completion takes over).
  case "$cmd $prev" in
${[...valueCases, ...globalValues].join('\n')}
    ${nameOptions}) netjournal completion --names --prefix "$cur" 2>/dev/null ;;
    ${taking.length ? `${taking.join('|')}) ;;` : ''}
    *)
      case "$cur" in
        -*)
          case "$cmd" in
${optionCases}
          esac ;;
        *)
          case "$cmd" in
${wordCases}
            ${nameCommands}) netjournal completion --names --prefix "$cur" 2>/dev/null ;;
          esac ;;
      esac ;;
  esac
}
`;
}

/**
 * A bash completion script: commands, subcommands, each command's options
 * and the values of those that have a few, and contact names. A name is
 * completed as bash would a file: escaped (Sarah\\ Kim), or inside a quote
 * the user opened (prep "Sa), which bash then closes.
 */
export function bashCompletion(
  specs: readonly CompletionSpec[],
  globals: readonly CompletionOption[],
): string {
  return `# netjournal completion for bash. Load it with:
#   source <(netjournal completion bash)
${bashBody(specs, globals)}complete -o default -F _netjournal netjournal
`;
}

function bashBody(specs: readonly CompletionSpec[], globals: readonly CompletionOption[]): string {
  return `${sharedFunctions(specs, globals)}
_netjournal() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} quoted=0 word c q
  # The word as meant: bash hands it over as typed, with the quote the user
  # opened ("Sa) or the backslashes of an escaped space (Sarah\\ K).
  case "$cur" in
    \\"* | \\'*) quoted=1; word=\${cur:1} ;;
    *) word=\${cur//\\\\/} ;;
  esac
  COMPREPLY=()
  while IFS= read -r c; do
    # Inside a quote readline inserts the word as it is and closes the quote
    # when it is the only one; elsewhere it must be escaped to stay one word.
    if (( quoted )); then
      COMPREPLY+=("$c")
    else
      printf -v q '%q' "$c"
      COMPREPLY+=("$q")
    fi
  done < <(_netjournal_candidates "$COMP_CWORD" "\${COMP_WORDS[1]}" "\${COMP_WORDS[2]-}" "$prev" "$word")
}
`;
}

/**
 * zsh: its own completion function around the logic bash uses; compadd
 * quotes each word for where it goes (escaped, or inside an opened quote).
 */
export function zshCompletion(
  specs: readonly CompletionSpec[],
  globals: readonly CompletionOption[],
): string {
  return `# netjournal completion for zsh. Load it with:
#   source <(netjournal completion zsh)
(( $+functions[compdef] )) || { autoload -U +X compinit && compinit; }
${sharedFunctions(specs, globals)}
_netjournal() {
  local -a candidates
  candidates=(\${(f)"$(_netjournal_candidates $(( CURRENT - 1 )) "\${(Q)words[2]}" "\${(Q)words[3]}" "\${(Q)words[CURRENT-1]}" "\${(Q)PREFIX}")"})
  # The candidates already match what was typed (names ignoring case and
  # accents): -U keeps zsh from matching them again, case-sensitively.
  compadd -U -- "\${candidates[@]}"
}
compdef _netjournal netjournal
`;
}

/**
 * A fish completion script. fish matches, quotes and completes inside an
 * opened quote itself: options with a few values offer them (-x -a), and
 * contact names come from `netjournal completion --names`.
 */
export function fishCompletion(
  specs: readonly CompletionSpec[],
  globals: readonly CompletionOption[],
): string {
  const lines = [
    '# netjournal completion for fish. Load it with:',
    '#   netjournal completion fish | source',
    'complete -c netjournal -f',
    `complete -c netjournal -n '__fish_use_subcommand' -a '${topWords(specs).join(' ')}'`,
  ];
  const subs = subcommands(specs);
  const option = (cond: string, o: CompletionOption) => {
    const value = o.values
      ? ` -x -a '${o.values.join(' ')}'`
      : NAME_OPTIONS.includes(o.flag)
        ? ` -x -a '(netjournal completion --names 2>/dev/null)'`
        : o.takesValue
          ? ' -r'
          : '';
    return `complete -c netjournal -n '${cond}' -l ${o.flag.replace(/^--/, '')}${value}`;
  };
  for (const o of globals) lines.push(option('__fish_use_subcommand', o));
  for (const s of specs) {
    const [head = '', sub] = s.path.split(' ');
    if (sub)
      lines.push(
        `complete -c netjournal -n '__fish_seen_subcommand_from ${head}; and not __fish_seen_subcommand_from ${sub}' -a '${sub}'`,
      );
    const others = (subs.get(head)?.words ?? []).filter((w) => w !== sub).join(' ');
    const cond = s.runsByDefault
      ? `__fish_seen_subcommand_from ${head}; and not __fish_seen_subcommand_from ${others}`
      : sub
        ? `__fish_seen_subcommand_from ${head}; and __fish_seen_subcommand_from ${sub}`
        : `__fish_seen_subcommand_from ${head}`;
    const own = new Set(s.options.map((o) => o.flag));
    for (const o of [...s.options, ...globals.filter((g) => !own.has(g.flag))])
      lines.push(option(cond, o));
    if (s.words) lines.push(`complete -c netjournal -n '${cond}' -a '${s.words.join(' ')}'`);
    if (s.takesNames)
      lines.push(
        `complete -c netjournal -n '${cond}' -a '(netjournal completion --names 2>/dev/null)'`,
      );
  }
  return lines.join('\n') + '\n';
}
