import type { Command } from 'commander';

/** What a shell needs to know of one option. */
interface OptionSpec {
  long: string;
  short: string | null;
  description: string;
  takesValue: boolean;
  choices: readonly string[];
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** Fixed values of the first argument (e.g. the shells of `completion`). */
  argumentChoices: readonly string[];
}

export const shells = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof shells)[number];

/** The commands and options as the program declares them: completion never drifts from --help. */
function specOf(program: Command): CommandSpec[] {
  return program.commands.map((command) => ({
    name: command.name(),
    description: command.description(),
    options: [
      ...command.options.map((option) => ({
        long: option.long ?? '',
        short: option.short ?? null,
        description: option.description,
        takesValue: option.required || option.optional,
        choices: option.argChoices ?? [],
      })),
      { long: '--help', short: '-h', description: 'show help', takesValue: false, choices: [] },
    ],
    argumentChoices: command.registeredArguments[0]?.argChoices ?? [],
  }));
}

export function completionScript(program: Command, shell: Shell): string {
  const spec = specOf(program);
  const name = program.name();
  switch (shell) {
    case 'bash':
      return bash(name, spec);
    case 'zsh':
      return zsh(name, spec);
    case 'fish':
      return fish(name, spec);
  }
}

function bash(name: string, spec: CommandSpec[]): string {
  const fn = `_${name}_completion`;
  const valueCases = spec
    .flatMap((command) => command.options.filter((o) => o.takesValue))
    .map(
      (o) =>
        `    ${o.long}) COMPREPLY=($(compgen -W "${o.choices.join(' ')}" -- "$cur")); return ;;`,
    );
  const commandCases = spec.map((command) => {
    const words = [
      ...command.options.flatMap((o) => (o.short === null ? [o.long] : [o.short, o.long])),
      ...command.argumentChoices,
    ];
    return `    ${command.name}) words="${words.join(' ')}" ;;`;
  });
  return `# bash completion for ${name}: source <(${name} completion bash)
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" words=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${spec.map((c) => c.name).join(' ')} --help --version" -- "$cur"))
    return
  fi
  case "$prev" in
${[...new Set(valueCases)].join('\n')}
  esac
  case "\${COMP_WORDS[1]}" in
${commandCases.join('\n')}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F ${fn} ${name}
`;
}

/** Text inside a zsh `_arguments` spec between single quotes and brackets. */
const zshText = (text: string): string =>
  text.replace(/'/g, `'\\''`).replace(/[[\]:]/g, (char) => `\\${char}`);

function zsh(name: string, spec: CommandSpec[]): string {
  const commands = spec.map((c) => `    '${c.name}:${zshText(c.description)}'`).join('\n');
  const cases = spec.map((command) => {
    const options = command.options.map((o) => {
      const value = o.takesValue
        ? `:${o.long.slice(2)}:${o.choices.length > 0 ? `(${o.choices.join(' ')})` : ''}`
        : '';
      const body = `'[${zshText(o.description)}]${value}'`;
      if (o.short === null) return `'${o.long}${body.slice(1)}`;
      return `'(${o.short} ${o.long})'{${o.short},${o.long}}${body}`;
    });
    const argument =
      command.argumentChoices.length > 0
        ? [`'1:shell:(${command.argumentChoices.join(' ')})'`]
        : [];
    return `    ${command.name}) _arguments ${[...options, ...argument].join(' ')} ;;`;
  });
  return `#compdef ${name}
# zsh completion for ${name}: source <(${name} completion zsh), or save as _${name} in $fpath
_${name}() {
  local -a commands
  commands=(
${commands}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case $words[1] in
${cases.join('\n')}
  esac
}
if [ "$funcstack[1]" = "_${name}" ]; then _${name} "$@"; else compdef _${name} ${name}; fi
`;
}

const fishText = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fish(name: string, spec: CommandSpec[]): string {
  const lines = [`# fish completion for ${name}: ${name} completion fish | source`];
  lines.push(`complete -c ${name} -f`);
  for (const command of spec) {
    lines.push(
      `complete -c ${name} -n __fish_use_subcommand -a ${command.name} -d ${fishText(command.description)}`,
    );
    const when = `-n '__fish_seen_subcommand_from ${command.name}'`;
    for (const o of command.options) {
      const short = o.short === null ? '' : ` -s ${o.short.slice(1)}`;
      const value = o.takesValue ? ' -r' : '';
      const choices = o.choices.length > 0 ? ` -a ${fishText(o.choices.join(' '))}` : '';
      lines.push(
        `complete -c ${name} ${when}${short} -l ${o.long.slice(2)}${value}${choices} -d ${fishText(o.description)}`,
      );
    }
    if (command.argumentChoices.length > 0) {
      lines.push(`complete -c ${name} ${when} -a ${fishText(command.argumentChoices.join(' '))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
