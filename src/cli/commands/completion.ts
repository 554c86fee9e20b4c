// `spotlight completion bash|zsh`: prints a shell completion script generated from the
// commander program, so completion always knows every command and flag.
import type { Command } from "commander";
import type { CliContext } from "../context.js";

function words(program: Command): { commands: string[]; flags: Record<string, string[]> } {
  const flags: Record<string, string[]> = {};
  const longFlags = (cmd: Command) =>
    cmd.options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)));
  for (const cmd of program.commands) flags[cmd.name()] = [...longFlags(cmd), "--help"];
  return { commands: program.commands.map((c) => c.name()), flags };
}

export function bashCompletion(program: Command): string {
  const { commands, flags } = words(program);
  const cases = Object.entries(flags)
    .map(([name, f]) => `    ${name}) opts="${f.join(" ")}" ;;`)
    .join("\n");
  return `# bash completion for spotlight; add to ~/.bashrc:  eval "$(spotlight completion bash)"
_spotlight() {
  local cur cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands.join(" ")} --help --version" -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -F _spotlight spotlight
`;
}

export function zshCompletion(program: Command): string {
  const { commands, flags } = words(program);
  const describe = program.commands
    .map((c) => `'${c.name()}:${c.description().replace(/'/g, "")}'`)
    .join(" ");
  const cases = Object.entries(flags)
    .map(
      ([name, f]) =>
        `    ${name}) _arguments '*:file:_files' ${f.map((x) => `'${x}'`).join(" ")} ;;`,
    )
    .join("\n");
  return `#compdef spotlight
# zsh completion for spotlight; add to ~/.zshrc:  eval "$(spotlight completion zsh)"
_spotlight() {
  if (( CURRENT == 2 )); then
    local -a cmds; cmds=(${describe})
    _describe 'command' cmds
    return
  fi
  case "$words[2]" in
${cases}
  esac
}
compdef _spotlight spotlight
# commands: ${commands.join(" ")}
`;
}

export function completionCommand(shell: string, program: Command) {
  return async (ctx: CliContext) => {
    ctx.stdout.write(shell === "zsh" ? zshCompletion(program) : bashCompletion(program));
    return 0;
  };
}
