"""``memoryd tail`` (the command, ``memoryd/tail.py``) through ``run_tail``: log file and real daemon.

``tests/test_tail.py`` is about the transcript tailer, ``memoryd/sources/tail.py``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal
from journal_server import JournalServer

from memoryd.config import ConfigError
from memoryd.sinks.journal import Journal, closed_segments
from memoryd.tail import add_tail_arguments, human_line, run_tail

HANG = 10.0  # seconds; only protection against a hang


def tail_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="memoryd tail")
    add_tail_arguments(parser)
    return parser.parse_args(list(argv))


@pytest.fixture(autouse=True)
def hermetic_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No config file or state dir of the machine running the tests leaks in."""
    for name in ("MEMORYD_CONFIG", "STATE_DIRECTORY", "RUNTIME_DIRECTORY", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def paths(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(socket, log): a short socket path nobody listens on, and a log in the test's folder."""
    base = Path(tempfile.mkdtemp(prefix="mdt-", dir="/tmp"))
    yield base / "run" / "memoryd.sock", tmp_path / "events.ndjson"
    shutil.rmtree(base, ignore_errors=True)


def write_log(log: Path) -> None:
    journal = Journal(log)
    journal.open()
    journal.append("daemon.started", agent="main", data={"pid": 1})
    journal.append(
        "memory.flush.completed",
        agent="main",
        session_key="agent:main:main",
        data={"items": 3, "path": "memory/2025-01-02.md", "note": "café ☕ done"},
    )
    journal.append("memory.flush.started", agent="main", session_key="agent:main:other", data={"cycle": 2})
    journal.append(
        "source.error", agent="main", session_key="agent:main:main", data={"reason": "\x1b[31mbad"}
    )
    journal.close()


def log_lines(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines(keepends=True)


# -- without a daemon ------------------------------------------------------------------------------------
def test_json_no_follow_prints_the_log_byte_for_byte(paths: tuple[Path, Path], capsys: Any) -> None:
    sock, log = paths
    write_log(log)
    code = run_tail(
        tail_args("--json", "--no-follow", "--since", "0", "--socket", str(sock), "--log", str(log))
    )
    assert code == 0
    assert capsys.readouterr().out == log.read_text(encoding="utf-8")


def test_human_lines_and_filters(paths: tuple[Path, Path], capsys: Any) -> None:
    sock, log = paths
    write_log(log)
    argv = ["--no-follow", "--socket", str(sock), "--log", str(log)]
    assert run_tail(tail_args(*argv, "--since", "1", "--type", "memory.*", "--type", "source.*")) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(" ")[0] for line in out] == ["2", "3", "4"]
    seq, when, type_, session, *pairs = out[0].split(" ")
    assert (seq, type_, session) == ("2", "memory.flush.completed", "agent:main:main")
    logged = datetime.fromisoformat(json.loads(log_lines(log)[1])["time"])
    assert when == logged.astimezone().strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]  # local time by default
    assert pairs[:2] == ["items=3", "path=memory/2025-01-02.md"]
    assert run_tail(tail_args(*argv, "--since", "1", "--utc")) == 0
    utc_when = capsys.readouterr().out.splitlines()[0].split(" ")[1]
    assert utc_when == logged.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    assert "\x1b" not in "".join(out)  # not a terminal: no colour, and no escapes from event data either
    assert run_tail(tail_args(*argv, "--session", "agent:main:other")) == 0
    assert [line.split(" ")[0] for line in capsys.readouterr().out.splitlines()] == ["3"]


def test_no_follow_defaults_to_everything_and_now_prints_nothing(
    paths: tuple[Path, Path], capsys: Any
) -> None:
    sock, log = paths
    write_log(log)
    argv = ["--json", "--no-follow", "--socket", str(sock), "--log", str(log)]
    assert run_tail(tail_args(*argv)) == 0
    assert capsys.readouterr().out == log.read_text(encoding="utf-8")
    assert run_tail(tail_args(*argv, "--since", "now")) == 0
    assert capsys.readouterr().out == ""


def test_no_daemon_and_no_log_is_an_error(paths: tuple[Path, Path], capsys: Any) -> None:
    sock, log = paths
    assert run_tail(tail_args("--no-follow", "--socket", str(sock), "--log", str(log))) == 1
    assert str(log) in capsys.readouterr().err


def test_paths_come_from_the_config_file_unless_given(
    paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    sock, log = paths
    write_log(log)
    config = tmp_path / "memoryd.toml"
    config.write_text(f'[paths]\nevent_log = "{log}"\nsocket = "{sock}"\n')
    monkeypatch.setenv("MEMORYD_CONFIG", str(config))
    assert run_tail(tail_args("--json", "--no-follow")) == 0
    assert capsys.readouterr().out == log.read_text(encoding="utf-8")
    config.write_text("[paths]\nsocket = 3\nbogus = 1\n")
    with pytest.raises(ConfigError, match="bogus"):
        run_tail(tail_args("--json", "--no-follow"))


def test_bad_since_is_a_usage_error(capsys: Any) -> None:
    with pytest.raises(SystemExit) as info:
        tail_args("--since", "yesterday")
    assert info.value.code == 2
    assert "--since" in capsys.readouterr().err


def test_colour_only_on_a_terminal_without_no_color(
    paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    sock, log = paths
    write_log(log)
    args = tail_args("--no-follow", "--socket", str(sock), "--log", str(log))
    outputs: list[bytes] = []
    for no_color in (None, "1"):
        if no_color is None:
            monkeypatch.delenv("NO_COLOR", raising=False)
        else:
            monkeypatch.setenv("NO_COLOR", no_color)
        master, slave = os.openpty()
        with open(slave, "w", encoding="utf-8") as terminal:
            monkeypatch.setattr(sys, "stdout", terminal)
            assert run_tail(args) == 0
        outputs.append(os.read(master, 65536))
        os.close(master)
    coloured, plain = outputs
    assert b"\x1b[" in coloured
    assert b"\x1b" not in plain
    assert b"\x1b[31mbad" not in coloured  # the event's own escape sequence is shown quoted, not obeyed


def write_segmented_log(log: Path, n: int = 120, **options: Any) -> Journal:
    """A log of ``n`` events in segments of ~1 kB; ``options`` go to the Journal (retention)."""
    journal = Journal(log, segment_bytes=1000, **options)
    journal.open()
    for i in range(n):
        journal.append("memory.flush.skipped", agent="main", session_key=f"agent:main:s{i % 3}")
    journal.close()
    assert len(closed_segments(log)) >= 3
    return journal


def kept_bytes(log: Path) -> bytes:
    return b"".join(seg.path.read_bytes() for seg in closed_segments(log)) + log.read_bytes()


def test_log_files_are_read_across_segments(paths: tuple[Path, Path], capsysbinary: Any) -> None:
    sock, log = paths
    write_segmented_log(log)
    argv = ["--json", "--no-follow", "--socket", str(sock), "--log", str(log)]
    assert run_tail(tail_args(*argv, "--since", "0")) == 0
    assert capsysbinary.readouterr().out == kept_bytes(log)
    assert run_tail(tail_args(*argv, "--since", "57", "--session", "agent:main:s1")) == 0
    seqs = [json.loads(line)["seq"] for line in capsysbinary.readouterr().out.splitlines()]
    assert seqs == [s for s in range(58, 121) if (s - 1) % 3 == 1]


def test_since_older_than_retention_is_an_error_from_the_files(
    paths: tuple[Path, Path], capsysbinary: Any
) -> None:
    sock, log = paths
    oldest = write_segmented_log(log, retention_bytes=5000).oldest_seq
    assert oldest > 2
    argv = ["--json", "--no-follow", "--socket", str(sock), "--log", str(log)]
    for since in ("0", "1"):
        assert run_tail(tail_args(*argv, "--since", since)) == 1
        out, err = capsysbinary.readouterr()
        assert out == b""
        assert b"no longer kept" in err and f"the oldest kept is {oldest}".encode() in err
    assert run_tail(tail_args(*argv, "--since", str(oldest - 1))) == 0
    assert capsysbinary.readouterr().out == kept_bytes(log)
    assert run_tail(tail_args(*argv)) == 0  # no --since: everything that is kept
    assert capsysbinary.readouterr().out == kept_bytes(log)


def test_human_line_quotes_awkward_values() -> None:
    event = {
        "seq": 7,
        "time": "t",
        "type": "x.y",
        "session_key": None,
        "data": {"a": "two words", "l": [1, 2]},
    }
    assert human_line(event, colour=False) == '7 t x.y - a="two words" l=[1,2]'


# -- following, with and without a daemon ---------------------------------------------------------------
class Pipe(io.StringIO):
    """A stdout whose reader goes away after ``limit`` lines, like ``memoryd tail | head -n limit``."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.lines: list[str] = []
        self.changed = threading.Condition()

    def write(self, text: str) -> int:
        if len(self.lines) >= self.limit:
            raise BrokenPipeError(32, "Broken pipe")
        with self.changed:
            self.lines.extend(text.splitlines(keepends=True))
            self.changed.notify_all()
        return len(text)

    def wait_lines(self, n: int) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.lines) >= n, timeout=HANG)


def run_with_watchdog(args: argparse.Namespace) -> int:
    """``run_tail`` in this thread; a SIGINT after HANG seconds ends it if the test is stuck."""
    main = threading.get_ident()
    watchdog = threading.Timer(HANG, lambda: signal.pthread_kill(main, signal.SIGINT))
    watchdog.start()
    try:
        return run_tail(args)
    finally:
        watchdog.cancel()


async def _flush(session_key: str, reason: str | None) -> dict[str, Any]:
    return {"ok": True}


@pytest.fixture
def portal() -> Iterator[BlockingPortal]:
    with start_blocking_portal("asyncio") as p:
        yield p


def test_no_follow_with_daemon_prints_up_to_head(
    portal: BlockingPortal, paths: tuple[Path, Path], capsys: Any
) -> None:
    sock, log = paths
    write_log(log)
    daemon = JournalServer(portal, sock, log)
    daemon.start()
    try:
        daemon.append(1, "memory.compacted")
        args = tail_args("--json", "--no-follow", "--since", "1", "--type", "memory.*", "--socket", str(sock))
        assert run_tail(args) == 0
    finally:
        daemon.stop()
    lines = log_lines(log)
    assert capsys.readouterr().out == "".join([lines[1], lines[2], lines[4]])


def test_follow_with_daemon_resumes_after_restart_and_ends_quietly_on_broken_pipe(
    portal: BlockingPortal, paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    sock, log = paths
    write_log(log)
    daemon = JournalServer(portal, sock, log)
    daemon.start()
    pipe = Pipe(limit=7)
    monkeypatch.setattr(sys, "stdout", pipe)

    def restart_meanwhile() -> None:
        pipe.wait_lines(4)
        daemon.stop()
        down = Journal(log)
        down.open()
        down.append("memory.flush.skipped")  # seq 5, while no daemon listens
        down.close()
        daemon.start()
        daemon.append(5, "memory.compacted")  # 6..10: the pipe breaks at 8

    helper = threading.Thread(target=restart_meanwhile)
    helper.start()
    try:
        code = run_with_watchdog(
            tail_args("--json", "--since", "0", "--socket", str(sock), "--log", str(log))
        )
    finally:
        helper.join()
        daemon.stop()
    assert code == 0
    assert [json.loads(line)["seq"] for line in pipe.lines] == [1, 2, 3, 4, 5, 6, 7]
    assert pipe.lines == log_lines(log)[:7]


def test_no_follow_with_daemon_and_retention(
    portal: BlockingPortal, paths: tuple[Path, Path], capsys: Any
) -> None:
    sock, log = paths
    write_segmented_log(log, retention_bytes=5000)
    daemon = JournalServer(portal, sock, log, journal={"segment_bytes": 1000, "retention_bytes": 5000})
    daemon.start()
    assert daemon.journal is not None
    oldest = daemon.journal.oldest_seq
    try:
        argv = ["--json", "--no-follow", "--socket", str(sock)]
        assert run_tail(tail_args(*argv, "--since", "1")) == 1
        assert f"no longer kept (the oldest kept is {oldest})" in capsys.readouterr().err
        assert run_tail(tail_args(*argv)) == 0  # no --since: everything that is kept
        assert capsys.readouterr().out.encode() == kept_bytes(log)
    finally:
        daemon.stop()


def test_follow_without_daemon_reads_on_across_rotations(
    paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    sock, log = paths
    write_segmented_log(log, n=30)
    pipe = Pipe(limit=90)
    monkeypatch.setattr(sys, "stdout", pipe)

    def append_later() -> None:
        pipe.wait_lines(10)
        journal = Journal(log, segment_bytes=1000)
        journal.open()
        for _ in range(70):  # several rotations while the reader polls
            journal.append("memory.compacted", session_key="agent:main:main")
        journal.close()

    helper = threading.Thread(target=append_later)
    helper.start()
    try:
        code = run_with_watchdog(
            tail_args("--json", "--since", "5", "--socket", str(sock), "--log", str(log))
        )
    finally:
        helper.join()
    assert code == 0
    assert [json.loads(line)["seq"] for line in pipe.lines] == list(range(6, 96))


def test_follow_without_daemon_polls_the_log(
    paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    sock, log = paths
    write_log(log)
    pipe = Pipe(limit=2)
    monkeypatch.setattr(sys, "stdout", pipe)

    def append_later() -> None:
        journal = Journal(log)
        journal.open()
        journal.append("memory.flush.started", session_key="agent:main:main")  # 5: filtered out
        journal.append("memory.compacted", session_key="agent:main:main")  # 6
        pipe.wait_lines(1)
        journal.append("memory.compacted", session_key="agent:main:main")  # 7
        journal.append("memory.compacted", session_key="agent:main:main")  # 8: the pipe breaks
        journal.close()

    helper = threading.Thread(target=append_later)
    helper.start()
    try:
        args = tail_args(
            "--since", "4", "--type", "memory.compacted", "--socket", str(sock), "--log", str(log)
        )
        code = run_with_watchdog(args)
    finally:
        helper.join()
    assert code == 0
    assert [line.split(" ")[0] for line in pipe.lines] == ["6", "7"]
    assert "following" in capsys.readouterr().err
