"""sd_notify against a real AF_UNIX datagram socket standing in for systemd, and the liveness gate."""

from __future__ import annotations

import itertools
import os
import signal
import socket
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import memoryd
from memoryd.notify import Liveness, Notifier, Watchdog

RECV_GUARD = 10.0  # only a hang guard: a datagram that arrives at all arrives in microseconds


class FakeSystemd:
    """A bound SOCK_DGRAM socket: what systemd listens on at ``$NOTIFY_SOCKET``."""

    def __init__(self, sock: socket.socket, env_value: str) -> None:
        self.sock = sock
        self.env_value = env_value
        sock.settimeout(RECV_GUARD)

    def recv(self) -> bytes:
        return self.sock.recv(4096)

    def nothing_pending(self) -> bool:
        self.sock.setblocking(False)
        try:
            self.sock.recv(4096)
        except BlockingIOError:
            return True
        finally:
            self.sock.settimeout(RECV_GUARD)
        return False


@pytest.fixture
def systemd() -> Iterator[FakeSystemd]:
    # A short folder: sun_path holds 107 bytes and pytest's tmp_path can be longer.
    with (
        tempfile.TemporaryDirectory(prefix="mdn-") as folder,
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s,
    ):
        path = os.path.join(folder, "notify")
        s.bind(path)
        yield FakeSystemd(s, path)


def test_messages_arrive_exactly_as_systemd_expects(systemd: FakeSystemd) -> None:
    n = Notifier.from_env({"NOTIFY_SOCKET": systemd.env_value})
    assert n.enabled
    assert n.ready("watching 2 agents")
    assert systemd.recv() == b"READY=1\nSTATUS=watching 2 agents\n"
    assert n.status("flushed agent:main:main")
    assert systemd.recv() == b"STATUS=flushed agent:main:main\n"
    assert n.extend_timeout(1.5)
    assert systemd.recv() == b"EXTEND_TIMEOUT_USEC=1500000\n"
    assert n.ping()
    assert systemd.recv() == b"WATCHDOG=1\n"
    assert n.stopping()
    assert systemd.recv() == b"STOPPING=1\n"
    n.close()


def test_a_newline_cannot_start_a_bogus_assignment(systemd: FakeSystemd) -> None:
    n = Notifier.from_env({"NOTIFY_SOCKET": systemd.env_value})
    n.status("line one\nREADY=1")
    assert systemd.recv() == b"STATUS=line one READY=1\n"


def test_abstract_socket() -> None:
    name = f"memoryd-test-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s:
        s.bind("\0" + name)
        s.settimeout(RECV_GUARD)
        n = Notifier.from_env({"NOTIFY_SOCKET": "@" + name})
        assert n.ready()
        assert s.recv(4096) == b"READY=1\n"


def test_without_systemd_everything_is_a_quiet_no_op() -> None:
    n = Notifier.from_env({})
    assert not n.enabled
    assert not n.ready("x")
    assert not n.ping()
    assert n.watchdog_interval() is None
    with n.extending_timeout(1.0):
        pass


def test_unsupported_socket_kinds_disable_it() -> None:
    assert not Notifier.from_env({"NOTIFY_SOCKET": "vsock:2:1234"}).enabled


def test_a_missing_socket_never_raises_and_recovers(tmp_path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="mdn-") as folder:
        path = os.path.join(folder, "notify")
        n = Notifier.from_env({"NOTIFY_SOCKET": path})
        assert not n.status("nobody listens")
        assert not n.status("still nobody")
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s:
            s.bind(path)
            s.settimeout(RECV_GUARD)
            assert n.status("now somebody does")
            assert s.recv(4096) == b"STATUS=now somebody does\n"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"WATCHDOG_USEC": "30000000"}, 15.0),
        ({"WATCHDOG_USEC": "1000000", "WATCHDOG_PID": str(os.getpid())}, 0.5),
        ({"WATCHDOG_USEC": "1000000", "WATCHDOG_PID": str(os.getpid() + 1)}, None),
        ({"WATCHDOG_USEC": "0"}, None),
        ({"WATCHDOG_USEC": "soon"}, None),
        ({}, None),
    ],
)
def test_watchdog_interval_is_half_of_watchdog_usec_for_our_pid(
    env: dict[str, str], expected: float | None
) -> None:
    assert Notifier.from_env({"NOTIFY_SOCKET": "/run/x", **env}).watchdog_interval() == expected


def test_extending_timeout_extends_and_keeps_the_watchdog_quiet_while_the_block_runs(
    systemd: FakeSystemd,
) -> None:
    n = Notifier.from_env({"NOTIFY_SOCKET": systemd.env_value, "WATCHDOG_USEC": "30000000"})
    with n.extending_timeout(20.0, label="catching up"):
        first = systemd.recv()
    assert first.startswith(b"EXTEND_TIMEOUT_USEC=20000000\nSTATUS=catching up (")
    assert first.endswith(b"WATCHDOG=1\n")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_liveness_needs_every_registered_task() -> None:
    clock = FakeClock()
    live = Liveness(clock)
    assert live.all_alive(clock.now, 10.0)  # nothing registered: nothing is stuck
    live.register("watcher")
    live.beat("tick")
    clock.now += 8
    live.beat("tick")
    assert live.all_alive(clock.now, 10.0)
    clock.now += 5
    assert not live.all_alive(clock.now, 10.0)
    assert live.stale(clock.now, 10.0) == ["watcher"]
    live.beat("watcher")
    assert live.all_alive(clock.now, 10.0)
    clock.now += 11
    live.unregister("watcher")
    live.unregister("tick")
    assert live.all_alive(clock.now, 10.0)


def test_watchdog_pings_only_while_all_tasks_are_alive(systemd: FakeSystemd) -> None:
    clock = FakeClock()
    live = Liveness(clock)
    live.register("watcher")
    live.register("tick")
    dog = Watchdog(Notifier.from_env({"NOTIFY_SOCKET": systemd.env_value}), live, max_age=10.0)
    assert dog.step()
    assert systemd.recv() == b"WATCHDOG=1\n"

    clock.now += 11
    live.beat("tick")
    assert not dog.step()
    assert systemd.recv() == b"STATUS=stalled: watcher (no progress for 10 s)\n"
    assert not dog.step()  # said once, then silence: no ping, no repeated status
    assert systemd.nothing_pending()

    live.beat("watcher")
    assert dog.step()
    assert systemd.recv() == b"WATCHDOG=1\n"


# -- the daemon under a fake systemd ---------------------------------------------------------------------
def _daemon_wired() -> bool:
    return "memoryd.notify" in (Path(memoryd.__file__).parent / "daemon.py").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(not _daemon_wired(), reason="memoryd.daemon does not use memoryd.notify yet")
def test_daemon_speaks_sd_notify(systemd: FakeSystemd, oc: object) -> None:
    from daemon_helpers import DaemonProc, clean_env
    from openclaw_fixture import OpenClawFixture

    assert isinstance(oc, OpenClawFixture)
    config = oc.write_config()
    env = clean_env(NOTIFY_SOCKET=systemd.env_value, WATCHDOG_USEC="1000000")
    daemon = DaemonProc(config, env)
    try:
        seen: list[bytes] = []
        while not any(b"READY=1" in m for m in seen):
            seen.append(systemd.recv())
        assert any(b"STATUS=" in m for m in seen)
        ping_times: list[float] = []
        while len(ping_times) < 3:
            if systemd.recv() == b"WATCHDOG=1\n":
                ping_times.append(time.monotonic())
        # WATCHDOG_USEC=1 s: a ping every 0.5 s. Only the lower bound is checked (load only delays).
        gaps = [b - a for a, b in itertools.pairwise(ping_times)]
        assert min(gaps) >= 0.25, gaps
    finally:
        code, err = daemon.stop(signal.SIGTERM)
    assert code == 0, err
    while b"STOPPING=1" not in systemd.recv():  # queued before it exited; TimeoutError if never sent
        pass


def test_a_status_line_is_dropped_not_waited_on_when_systemd_lags(systemd: FakeSystemd) -> None:
    """The drain sends STATUS= after its flushes: a queue nobody reads must not stall the loop (a
    blocking send waited its 1 s timeout per line, which doubled a 40-flush drain in bench due)."""
    n = Notifier.from_env({"NOTIFY_SOCKET": systemd.env_value})
    dropped = 0
    for i in range(100_000):  # the queue fills after a few hundred datagrams
        if not n.status(f"draining {i}/100000 due flushes " + "x" * 200):
            dropped += 1
            break
    assert dropped == 1
    assert not n._failing  # dropped without the error path: no timeout, no warning
    assert systemd.recv().startswith(b"STATUS=draining 0/100000")  # what was queued is intact, in order
