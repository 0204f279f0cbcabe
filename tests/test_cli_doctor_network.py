"""``doctor`` on the optional LLM mode under the unit's sandbox, and ``tail --since AGE|TIME`` / ``-n``."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from openclaw_fixture import OpenClawFixture

from memoryd import doctor, service
from memoryd.config import load_settings
from memoryd.events import envelope
from memoryd.sinks.journal import segment_path
from memoryd.tail import At, add_tail_arguments, parse_since, run_tail

VENV_MEMORYD = Path(sys.executable).parent / "memoryd"
UNIT = service.render_unit()


@pytest.mark.parametrize(
    ("extra", "host", "blocked"),
    [
        (
            "",
            "127.0.0.1",
            ["PrivateNetwork=yes", "RestrictAddressFamilies= without AF_INET", "IPAddressDeny=any"],
        ),
        ("", "::1", ["PrivateNetwork=yes", "RestrictAddressFamilies= without AF_INET6", "IPAddressDeny=any"]),
        (
            "[Service]\nPrivateNetwork=no\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nIPAddressAllow=localhost\n",
            "127.0.0.1",
            [],
        ),
        (
            "[Service]\nPrivateNetwork=no\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nIPAddressAllow=localhost\n",
            "10.0.0.5",
            ["IPAddressDeny=any"],
        ),
        (
            "[Service]\nPrivateNetwork=no\nRestrictAddressFamilies=\nIPAddressAllow=10.0.0.0/8\n",
            "10.0.0.5",
            [],
        ),
    ],
)
def test_network_blocks(extra: str, host: str, blocked: list[str]) -> None:
    assert doctor.network_blocks(UNIT + "\n" + extra, host) == blocked


def _env(root: Path) -> dict[str, str]:
    return {
        "HOME": str(root / "home"),
        "USER": "tester",
        "XDG_CONFIG_HOME": str(root / "cfg"),
        "XDG_STATE_HOME": str(root / "state-home"),
        "PATH": "/usr/bin:/bin",
    }


def _doctor(oc: OpenClawFixture, env: dict[str, str]) -> tuple[int, str]:
    limits = oc.root / "proc" / "sys" / "fs" / "inotify"
    limits.mkdir(parents=True, exist_ok=True)
    (limits / "max_user_watches").write_text("524288\n")
    (limits / "max_user_instances").write_text("1024\n")
    out = io.StringIO()
    cfg = str(oc.config_path)
    code = doctor.run_doctor(
        lambda: load_settings(cfg, env), env, out, proc_root=oc.root / "proc", linger_dir=oc.root / "linger"
    )
    return code, out.getvalue()


def test_doctor_says_the_unit_blocks_the_llm_and_gives_the_drop_in(oc: OpenClawFixture) -> None:
    oc.write_config(
        extra_toml='\n[flush]\nextractor = "llm"\n\n[llm]\nbase_url = "http://127.0.0.1:8080/v1"\nmodel = "m"\n'
    )
    s = oc.session("agent:main:main", "s1")
    s.user("hello")
    oc.store("main", "agent:main:main", sessionId="s1", totalTokens=10)
    env = _env(oc.root)
    assert service.install(env, io.StringIO(), exec_path=str(VENV_MEMORYD)) == 0
    code, text = _doctor(oc, env)
    assert code == 1, text
    lines = text.splitlines()
    i = next(
        i for i, line in enumerate(lines) if line.startswith("FAIL") and "LLM" not in line and "llm" in line
    )
    assert "PrivateNetwork=yes" in lines[i] and "even to 127.0.0.1" in lines[i]
    assert "IPAddressAllow=localhost" in lines[i + 1] and "PrivateNetwork=no" in lines[i + 1]

    dropin = service.unit_dir(env) / f"{service.UNIT_NAME}.d" / "llm.conf"
    dropin.parent.mkdir()
    dropin.write_text(
        "[Service]\nPrivateNetwork=no\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nIPAddressAllow=localhost\n"
    )
    code, text = _doctor(oc, env)
    assert "ok    the unit lets memoryd reach the LLM endpoint http://127.0.0.1:8080/v1" in text


# -- tail --since AGE|TIME and -n ------------------------------------------------------------------------
def test_parse_since() -> None:
    now = 1_800_000_000.0
    assert parse_since("42") == 42
    assert parse_since("now") == "now"
    assert parse_since("10m", now) == At(now - 600)
    assert parse_since("1h30m", now) == At(now - 5400)
    assert parse_since("2d", now) == At(now - 2 * 86400)
    assert parse_since("2027-01-15T08:00:00+00:00", now) == At(now)
    for bad in ("yesterday", "10x", "-3", ""):
        with pytest.raises(argparse.ArgumentTypeError):
            parse_since(bad, now)


def _tail(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_tail_arguments(parser)
    return parser.parse_args(list(argv))


def test_tail_since_a_time_and_the_last_n(tmp_path: Path, capsys: Any) -> None:
    """Twelve events a minute apart, in a closed segment and the active file, as the journal names them."""
    log = tmp_path / "events.ndjson"
    lines = [
        orjson.dumps(
            envelope(
                i + 1,
                "memory.flush.completed" if i % 2 else "session.discovered",
                agent=None,
                session_key=None,
                session_id=None,
                data={"i": i},
                time=f"2027-01-15T08:{i:02d}:00.000000Z",
            )
        )
        + b"\n"
        for i in range(12)
    ]
    segment_path(log, 1).write_bytes(b"".join(lines[:7]))
    log.write_bytes(b"".join(lines[7:]))
    argv = ["--no-follow", "--socket", str(tmp_path / "none.sock"), "--log", str(log), "-j"]
    assert run_tail(_tail(*argv, "--since", "2027-01-15T08:05:00Z")) == 0  # 5 minutes after the first
    seqs = [
        int(line.split(b'"seq":')[1].split(b",")[0]) for line in capsys.readouterr().out.encode().splitlines()
    ]
    assert seqs == list(range(6, 13))
    assert run_tail(_tail(*argv, "-n", "3")) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert run_tail(_tail(*argv, "-n", "2", "--type", "memory.*")) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all("memory.flush.completed" in line for line in out)
    assert run_tail(_tail(*argv, "-n", "100")) == 0
    assert len(capsys.readouterr().out.splitlines()) == 12
