"""The blocking client against the real server, which runs in an event loop on a helper thread."""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal
from journal_server import JournalServer

from memoryd import client
from memoryd.sinks.journal import Journal


@pytest.fixture
def sock() -> Iterator[Path]:
    base = Path(tempfile.mkdtemp(prefix="mdc-", dir="/tmp"))
    yield base / "run" / "memoryd.sock"
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def portal() -> Iterator[BlockingPortal]:
    with start_blocking_portal("asyncio") as p:
        yield p


@pytest.fixture
def daemon(portal: BlockingPortal, sock: Path, tmp_path: Path) -> Iterator[JournalServer]:
    d = JournalServer(portal, sock, tmp_path / "events.ndjson")
    d.start()
    yield d
    if d.server is not None:
        d.stop()


def take(events: Iterator[client.Event], n: int) -> list[int]:
    return [next(events).seq for _ in range(n)]


def test_status_and_flush(daemon: JournalServer) -> None:
    with client.connect(daemon.sock) as conn:
        assert conn.status() == {"type": "status", "healthy": True}
        assert conn.flush("agent:main:main", reason="test")["session_key"] == "agent:main:main"
        assert conn.flush("k")["reason"] is None
        with pytest.raises(client.RequestError) as info:
            conn.flush("")
        assert info.value.code == "bad_request"
        assert conn.status()["healthy"] is True  # still usable after an error


def test_no_daemon_is_daemon_not_running(sock: Path) -> None:
    with pytest.raises(client.DaemonNotRunning):
        client.connect(sock)
    sock.parent.mkdir(mode=0o700)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(sock))
    stale.close()  # a socket file nobody listens on
    with pytest.raises(client.DaemonNotRunning):
        client.connect(sock)


def test_subscribe_replays_exact_lines_then_live(daemon: JournalServer) -> None:
    daemon.append(3, session_key="k")
    daemon.append(2, "session.discovered", session_key="other")
    with client.connect(daemon.sock) as conn:
        sub = conn.subscribe(since=0)
        assert (sub.head_seq, sub.oldest_seq) == (5, 1)
        events = [next(sub) for _ in range(5)]
        assert b"".join(e.raw for e in events) == daemon.log.read_bytes()
        assert events[3]["type"] == "session.discovered"
        daemon.append(1, session_key="k")
        assert next(sub).seq == 6
        with pytest.raises(client.MemorydError):
            conn.status()  # the connection belongs to the stream now


def test_subscribe_filters(daemon: JournalServer) -> None:
    daemon.append(2, "memory.flush.started", session_key="a")
    daemon.append(2, "memory.flush.started", session_key="b")
    daemon.append(2, "daemon.started", session_key="a")
    with client.connect(daemon.sock) as conn:
        sub = conn.subscribe(since=0, types=["memory.*"], session_key="a")
        assert take(sub, 2) == [1, 2]
        daemon.append(1, "memory.compacted", session_key="a")
        assert take(sub, 1) == [7]


def test_expired_cursor_raises(daemon: JournalServer, tmp_path: Path) -> None:
    daemon.stop()
    daemon.log.write_bytes(b'{"v":1,"seq":40,"type":"daemon.started","data":{}}\n')  # older ones rotated away
    daemon.start()
    with client.connect(daemon.sock) as conn, pytest.raises(client.CursorExpired) as info:
        conn.subscribe(since=3)
    assert info.value.oldest_seq == 40


def test_slow_subscriber_gets_stream_overflow_with_resume_point(
    portal: BlockingPortal, sock: Path, tmp_path: Path
) -> None:
    daemon = JournalServer(portal, sock, tmp_path / "events.ndjson", queue_max=10)
    daemon.start()
    try:
        with client.connect(sock) as conn:
            sub = conn.subscribe(since="now")
            daemon.append(600, data={"pad": "x" * 2000})  # far more than the socket buffer and the queue
            seqs: list[int] = []
            with pytest.raises(client.StreamOverflow) as info:
                seqs.extend(event.seq for event in sub)
        assert seqs == list(range(1, len(seqs) + 1))
        assert info.value.resume_from == seqs[-1] < 600
    finally:
        daemon.stop()


def test_follow_resumes_across_a_daemon_restart(daemon: JournalServer) -> None:
    daemon.append(5, session_key="k")
    events = client.follow(daemon.sock, since=0)
    assert take(events, 5) == [1, 2, 3, 4, 5]
    daemon.stop()  # the follower is between two events
    restarted = Journal(daemon.log)
    restarted.open()
    for _ in range(3):
        restarted.append("memory.flush.completed")  # written while no socket is up
    restarted.close()
    daemon.start()
    daemon.append(2, session_key="k")
    assert take(events, 5) == [6, 7, 8, 9, 10]
    daemon.append(1, session_key="k")  # live again
    assert take(events, 1) == [11]
    events.close()


def test_follow_waits_for_a_daemon_that_is_not_up_yet(daemon: JournalServer) -> None:
    daemon.append(2, session_key="k")
    daemon.stop()
    timer = threading.Timer(0.2, daemon.start)
    timer.start()
    try:
        assert take(client.follow(daemon.sock, since=0), 2) == [1, 2]
    finally:
        timer.join()


def test_follow_resumes_after_overflow_without_loss_or_repeat(
    portal: BlockingPortal, sock: Path, tmp_path: Path
) -> None:
    daemon = JournalServer(portal, sock, tmp_path / "events.ndjson", queue_max=10)
    daemon.start()
    try:
        events = client.follow(sock, since="now")
        daemon.append(1, session_key="k")
        assert take(events, 1) == [1]
        daemon.append(600, data={"pad": "x" * 2000})  # the follower reads nothing meanwhile: overflow
        assert take(events, 600) == list(range(2, 602))
        events.close()
    finally:
        daemon.stop()


def test_follow_without_reconnect_raises_when_the_daemon_goes(daemon: JournalServer) -> None:
    daemon.append(1, session_key="k")
    events = client.follow(daemon.sock, since=0, reconnect=False)
    assert take(events, 1) == [1]
    daemon.stop()
    with pytest.raises(client.ConnectionLost):
        next(events)
