"""The docs say what the CLI does: the README's command table against ``--help``, and completion.

Every row of the table is run with ``--help`` and every option the row names must be in that help;
every subcommand of the parser must have a row. The generated bash completion is loaded into a
real bash and asked to complete.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from daemon_helpers import clean_env

from memoryd import cli

REPO = Path(__file__).resolve().parent.parent


def _table_rows() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("| command | what it does |")
    rows = []
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cell = re.split(r"(?<!\\)\|", line)[1].strip()
        rows.append(cell.strip("`").replace("\\|", "|"))
    return rows


def _command_words(row: str) -> list[str]:
    words = []
    for word in row.split()[1:]:
        if word.startswith(("[", "-")) or word.isupper() or "|" in word:
            break
        words.append(word)
    return words


def _help(words: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "memoryd", *words, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env=clean_env(),
        check=False,
    )


ROWS = _table_rows()


def test_the_table_has_rows() -> None:
    assert len(ROWS) >= 10
    assert all(row.startswith("memoryd ") for row in ROWS)


@pytest.mark.parametrize("row", ROWS)
def test_each_row_of_the_readme_table_is_a_real_command(row: str) -> None:
    words = _command_words(row)
    r = _help(words)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"usage: memoryd {' '.join(words)}".rstrip())
    for option in re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", row):
        assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", r.stdout), (
            f"{row}: {option} not in --help"
        )


def test_every_subcommand_has_a_row_in_the_readme() -> None:
    documented = {" ".join(_command_words(row)) for row in ROWS}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> list[str]:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            return [" ".join(path)]
        return [leaf for name, p in subs[0].choices.items() for leaf in walk(p, (*path, name))]

    leaves = walk(cli.build_parser(), ())
    assert sorted(set(leaves) - documented) == []


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_bash_completion_completes_commands_options_and_choices(tmp_path: Path) -> None:
    script = tmp_path / "memoryd.bash"
    r = subprocess.run(
        [sys.executable, "-m", "memoryd", "completion", "bash"],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=60,
        check=True,
    )
    script.write_text(r.stdout)
    probe = (
        f"source {script}\n"
        't() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _memoryd_complete; echo "${COMPREPLY[*]}"; }\n'
        "t memoryd st\n"
        "t memoryd service ''\n"
        "t memoryd completion ''\n"
        "t memoryd tail --config x.toml --s\n"
        "t memoryd run --log-level w\n"
    )
    out = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    lines = out.stdout.splitlines()
    assert lines[0] == "status"
    assert {"install", "uninstall"} <= set(lines[1].split())
    assert {"bash", "zsh"} <= set(lines[2].split())
    assert set(lines[3].split()) == {"--since", "--session", "--socket"}
    assert lines[4] == "warning"


def test_zsh_completion_names_every_command_and_defines_its_functions() -> None:
    from memoryd.completion import script

    text = script(cli.build_parser(), "zsh")
    assert text.startswith("#compdef memoryd")
    for name in ("run", "status", "flush", "tail", "doctor", "service", "completion"):
        assert f"'{name}:" in text
    assert "_memoryd_service_install() {" in text
    if shutil.which("zsh"):
        r = subprocess.run(["zsh", "-n", "-c", text], capture_output=True, text=True, timeout=60, check=False)
        assert r.returncode == 0, r.stderr
