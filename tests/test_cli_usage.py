"""Every subcommand with bad arguments and with bad configuration: the message and the exit code.

Run in-process through ``memoryd.cli.main`` (a traceback would be an exception here), in a
hermetic environment: no config, state dir or OpenClaw of the machine running the tests.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from memoryd import cli

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "MEMORYD_CONFIG",
        "STATE_DIRECTORY",
        "RUNTIME_DIRECTORY",
        "OPENCLAW_HOME",
        "OPENCLAW_PROFILE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    monkeypatch.setenv("OPENCLAW_STATE_DIR", str(tmp_path / "openclaw"))


def _main(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # argparse's own errors, --help and --version
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


BAD_ARGUMENTS = [
    ([], "a COMMAND is needed"),
    (["--bogus"], "unrecognized arguments: --bogus"),
    (["bogus"], "invalid choice: 'bogus'"),
    (["run", "--bogus"], "unrecognized arguments: --bogus"),
    (["run", "--log-level", "loud"], "argument --log-level: invalid choice"),
    (["demo", "--speed", "0"], "argument --speed: expected a number from 0.1 to 100"),
    (["demo", "--speed", "fast"], "argument --speed"),
    (["status", "extra"], "unrecognized arguments: extra"),
    (["flush"], "required: SESSION_KEY"),
    (["flush", "agent:main:main", "--timeout", "0"], "argument -t/--timeout"),
    (["extract"], "one of the arguments TRANSCRIPT --session is required"),
    (["extract", "x.jsonl", "--session", "agent:main:main"], "not allowed with argument TRANSCRIPT"),
    (["extract", str(REPO / "README.md")], "not an OpenClaw transcript"),
    (["extract", "/nonexistent.jsonl"], "No such file or directory"),
    (["eval"], "required: DIR"),
    (["tail", "--since", "yesterday"], "argument --since"),
    (["tail", "-n", "ten"], "argument -n/--lines"),
    (["doctor", "--bogus"], "unrecognized arguments: --bogus"),
    (["service"], "required: ACTION"),
    (["service", "start"], "invalid choice: 'start'"),
    (["service", "install", "--exec-path"], "expected one argument"),
    (["completion"], "required: shell"),
    (["completion", "fish"], "invalid choice: 'fish'"),
]


@pytest.mark.parametrize(
    ("argv", "message"), BAD_ARGUMENTS, ids=[" ".join(a) or "-" for a, _ in BAD_ARGUMENTS]
)
def test_bad_arguments_exit_2_with_a_message(argv: list[str], message: str, capsys: Any) -> None:
    code, _, err = _main(argv, capsys)
    assert code == 2, err
    assert message in err
    assert "Traceback" not in err


def test_every_subcommand_is_walked() -> None:
    """A new subcommand must get its bad-argument case above."""
    parser = cli.build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    walked = {argv[0] for argv, _ in BAD_ARGUMENTS if argv and not argv[0].startswith("-")}
    assert set(sub.choices) - {"bogus"} <= walked


BAD_CONFIGS = {
    "unknown_key": ("[flush]\nbogus = 1\n", "unknown key flush.bogus"),
    "bad_timezone": ('[flush]\ntimezone = "Mars/Olympus"\n', "flush.timezone = 'Mars/Olympus'"),
    "not_toml": ("[flush\n", "not valid TOML"),
    "wrong_type": ("[flush]\nlead_tokens = -5\n", "flush.lead_tokens must be a non-negative integer"),
}
COMMANDS_WITH_CONFIG = [
    ["run", "--once"],
    ["status"],
    ["flush", "agent:main:main"],
    ["doctor"],
    ["tail", "--no-follow"],
    ["extract", "--session", "agent:main:main"],
]


@pytest.mark.parametrize("case", sorted(BAD_CONFIGS))
@pytest.mark.parametrize("argv", COMMANDS_WITH_CONFIG, ids=[a[0] for a in COMMANDS_WITH_CONFIG])
def test_bad_config_exits_2_naming_the_key(case: str, argv: list[str], tmp_path: Path, capsys: Any) -> None:
    text, message = BAD_CONFIGS[case]
    if argv[0] == "tail" and case == "bad_timezone":
        pytest.skip("tail reads only [paths]: a bad time zone does not stop it")
    cfg = tmp_path / "bad.toml"
    cfg.write_text(text)
    code, out, err = _main([*argv, "--config", str(cfg)], capsys)
    assert code == 2, out + err
    assert message in out + err  # doctor reports on stdout, the others on stderr
    assert str(cfg) in out + err


@pytest.mark.parametrize("argv", COMMANDS_WITH_CONFIG, ids=[a[0] for a in COMMANDS_WITH_CONFIG])
def test_a_config_file_that_is_not_there_exits_2(argv: list[str], tmp_path: Path, capsys: Any) -> None:
    missing = tmp_path / "nope.toml"
    code, out, err = _main([*argv, "-c", str(missing)], capsys)
    assert code == 2
    assert f"{missing}: config file not found" in out + err


def test_version_short_and_long(capsys: Any) -> None:
    for flag in ("-V", "--version"):
        code, out, _ = _main([flag], capsys)
        assert code == 0
        assert out.startswith("memoryd 0.")


def _parsers(
    parser: argparse.ArgumentParser, path: str = "memoryd"
) -> list[tuple[str, argparse.ArgumentParser]]:
    out = [(path, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out += _parsers(sub, f"{path} {name}")
    return out


def test_every_option_and_argument_has_help_text() -> None:
    missing = [
        f"{path}: {'/'.join(a.option_strings) or a.dest}"
        for path, p in _parsers(cli.build_parser())
        if path != "memoryd eval"  # the eval subcommand belongs to the evaluation stream
        for a in p._actions
        if not isinstance(a, argparse._SubParsersAction) and not a.help
    ]
    assert missing == []


def test_json_has_the_short_flag_everywhere() -> None:
    for path, p in _parsers(cli.build_parser()):
        for a in p._actions:
            if "--json" in a.option_strings and path != "memoryd eval":
                assert "-j" in a.option_strings, path
