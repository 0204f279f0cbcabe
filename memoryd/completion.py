"""``memoryd completion bash|zsh``: shell completion generated from the argparse parser itself.

Generated, not hand-written, so a new command or option completes the day it is added. Pure:
parser in, script text out.
"""

from __future__ import annotations

import argparse
import shlex
from dataclasses import dataclass, field

#: Metavars whose values are paths: completed with file names.
_PATHY = {"FILE", "PATH", "TRANSCRIPT", "DIR"}


@dataclass(frozen=True, slots=True)
class _Option:
    flags: tuple[str, ...]
    help: str
    takes_value: bool
    metavar: str
    choices: tuple[str, ...]


@dataclass(slots=True)
class _Command:
    """One parser: its options, positionals and sub-commands (``service install`` ...)."""

    path: tuple[str, ...]
    options: list[_Option] = field(default_factory=list)
    positionals: list[_Option] = field(default_factory=list)
    children: dict[str, tuple[str, _Command]] = field(default_factory=dict)  # name -> (help, command)


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> _Command:
    cmd = _Command(path)
    helps: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                helps[choice.dest] = choice.help or ""
            for name, sub in action.choices.items():
                cmd.children[name] = (helps.get(name, ""), _walk(sub, (*path, name)))
            continue
        if action.help == argparse.SUPPRESS:
            continue
        choices = tuple(str(c) for c in action.choices) if action.choices else ()
        opt = _Option(
            flags=tuple(action.option_strings),
            help=(action.help or "").replace("%(default)s", str(action.default)),
            takes_value=action.nargs != 0,
            metavar=str(action.metavar or action.dest).upper(),
            choices=choices,
        )
        (cmd.options if action.option_strings else cmd.positionals).append(opt)
    return cmd


def _all(cmd: _Command) -> list[_Command]:
    out = [cmd]
    for _, child in cmd.children.values():
        out += _all(child)
    return out


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    root = _walk(parser)
    return _bash(parser.prog, root) if shell == "bash" else _zsh(parser.prog, root)


# -- bash ------------------------------------------------------------------------------------------
def _bash(prog: str, root: _Command) -> str:
    fn = f"_{prog}_complete"
    valued = sorted({f for c in _all(root) for o in c.options if o.takes_value for f in o.flags})
    cases: list[str] = []
    for cmd in _all(root):
        words = [f for o in cmd.options for f in o.flags] + list(cmd.children)
        for p in cmd.positionals[:1]:
            words += list(p.choices)
        files = any(p.metavar in _PATHY for p in cmd.positionals)
        value_cases = []
        for o in cmd.options:
            if not o.takes_value:
                continue
            action = (
                f'COMPREPLY=($(compgen -W {shlex.quote(" ".join(o.choices))} -- "$cur"))'
                if o.choices
                else ('COMPREPLY=($(compgen -f -- "$cur"))' if o.metavar in _PATHY else "COMPREPLY=()")
            )
            value_cases.append(f"        {'|'.join(o.flags)}) {action}; return ;;")
        key = " ".join(cmd.path)
        body = [f'    "{key}")']
        if value_cases:
            body += ['      case "$prev" in', *value_cases, "      esac"]
        body.append(f'      COMPREPLY=($(compgen -W {shlex.quote(" ".join(words))} -- "$cur"))')
        if files:
            body.append('      [[ $cur != -* ]] && COMPREPLY+=($(compgen -f -- "$cur"))')
        body.append("      ;;")
        cases += body
    names = " ".join(sorted({n for c in _all(root) for n in c.children}))
    return f"""# {prog} completion for bash. Load it with: eval "$({prog} completion bash)"
{fn}() {{
  local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
  local path="" word skip=0 i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${{COMP_WORDS[i]}}"
    if ((skip)); then skip=0; continue; fi
    case "$word" in
      {"|".join(valued) or "--"}) skip=1 ;;
      -*) ;;
      *) case " {names} " in *" $word "*) path="${{path:+$path }}$word" ;; esac ;;
    esac
  done
  case "$path" in
{chr(10).join(cases)}
  esac
}}
complete -F {fn} {prog}
"""


# -- zsh -------------------------------------------------------------------------------------------
def _zq(text: str) -> str:
    """Text inside a zsh single-quoted _arguments spec: no quotes, brackets or colons to break it."""
    return text.replace("'", "").replace("[", "(").replace("]", ")").replace(":", " -")


def _zsh_spec(o: _Option) -> str:
    value = ""
    if o.takes_value:
        action = f"({' '.join(o.choices)})" if o.choices else ("_files" if o.metavar in _PATHY else " ")
        value = f":{_zq(o.metavar)}:{action}"
    if len(o.flags) > 1:
        excl = " ".join(o.flags)
        return f"'({excl})'{{{','.join(o.flags)}}}'[{_zq(o.help)}]{value}'"
    return f"'{o.flags[0]}[{_zq(o.help)}]{value}'"


def _zsh_fn(prog: str, cmd: _Command) -> list[str]:
    name = "_" + "_".join((prog, *cmd.path))
    specs = [_zsh_spec(o) for o in cmd.options]
    lines = [f"{name}() {{"]
    if cmd.children:
        described = " ".join(f"'{_zq(n)}:{_zq(h)}'" for n, (h, _) in cmd.children.items())
        lines += [
            "  local curcontext=$curcontext state line",
            f"  _arguments -C {' '.join(specs)} '1: :->cmd' '*:: :->arg'",
            "  case $state in",
            f"    cmd) local -a cmds; cmds=({described}); _describe command cmds ;;",
            "    arg) case $line[1] in",
        ]
        lines += [f"      {n}) {name}_{n} ;;" for n in cmd.children]
        lines += ["    esac ;;", "  esac", "}"]
    else:
        for p in cmd.positionals:
            action = f"({' '.join(p.choices)})" if p.choices else ("_files" if p.metavar in _PATHY else " ")
            specs.append(f"':{_zq(p.metavar)} - {_zq(p.help)}:{action}'")
        lines += [f"  _arguments {' '.join(specs)}", "}"]
    for _, child in cmd.children.values():
        lines += _zsh_fn(prog, child)
    return lines


def _zsh(prog: str, root: _Command) -> str:
    body = "\n".join(_zsh_fn(prog, root))
    return f"""#compdef {prog}
# {prog} completion for zsh. Load it with: eval "$({prog} completion zsh)" (after compinit),
# or save it as _{prog} in a folder of your $fpath.
{body}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _{prog} "$@"; else compdef _{prog} {prog}; fi
"""
