"""The socket server against real Unix sockets and a real journal in temporary folders."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import orjson
import pytest
from anyio.abc import SocketStream
from anyio.streams.buffered import BufferedByteReceiveStream

from memoryd.events import envelope
from memoryd.sinks.journal import Journal, closed_segments
from memoryd.sinks.socket_server import AlreadyRunning, SocketServer, SocketSetupError

HANG = 10  # seconds; only protection against a hang, never a timing assertion


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def sock_path() -> Iterator[Path]:
    """A short path (AF_UNIX paths are limited to 108 bytes; pytest's tmp_path can be longer)."""
    base = Path(tempfile.mkdtemp(prefix="mds-", dir="/tmp"))
    yield base / "run" / "memoryd.sock"
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "state" / "events.ndjson")
    j.open()
    yield j
    j.close()


def status_provider() -> dict[str, Any]:
    return {"healthy": True, "sessions": []}


async def flush_handler(session_key: str, reason: str | None) -> dict[str, Any]:
    return {"ok": True, "session_key": session_key, "reason": reason}


@asynccontextmanager
async def running(path: Path, journal: Journal, **options: Any) -> AsyncIterator[SocketServer]:
    server = SocketServer(path, journal, status_provider, flush_handler, **options)
    async with anyio.create_task_group() as tg:
        await server.start(tg)
        try:
            yield server
        finally:
            await server.aclose()


class Peer:
    """A test client speaking raw NDJSON."""

    def __init__(self, stream: SocketStream) -> None:
        self.stream = stream
        self.reader = BufferedByteReceiveStream(stream)

    @classmethod
    async def open(cls, path: Path) -> Peer:
        return cls(await anyio.connect_unix(path))

    async def send(self, request: dict[str, Any] | bytes) -> None:
        line = request if isinstance(request, bytes) else orjson.dumps(request) + b"\n"
        await self.stream.send(line)

    async def raw_line(self) -> bytes:
        return await self.reader.receive_until(b"\n", 1 << 24) + b"\n"

    async def line(self) -> dict[str, Any]:
        obj = orjson.loads(await self.raw_line())
        assert isinstance(obj, dict)
        return obj

    async def closed(self) -> bool:
        """True when the server closed the connection (after whatever it had sent was read)."""
        try:
            await self.reader.receive()
        except (anyio.EndOfStream, anyio.BrokenResourceError):
            return True
        return False

    async def aclose(self) -> None:
        await self.stream.aclose()


def append(
    journal: Journal, n: int, type_: str = "memory.flush.completed", *, sync: bool = True, **kw: Any
) -> None:
    """Append ``n`` events and, as the daemon does after each step, make them durable (publish them)."""
    for _ in range(n):
        journal.append(
            type_, agent="main", session_key=kw.get("session_key", "agent:main:main"), data=kw.get("data")
        )
    if sync:
        journal.sync()


async def subscribe(path: Path, **request: Any) -> tuple[Peer, dict[str, Any]]:
    peer = await Peer.open(path)
    await peer.send({"op": "subscribe", **request})
    return peer, await peer.line()


async def wait_for(condition: Any) -> None:
    while not condition():
        await anyio.sleep(0.005)


# -- setup ---------------------------------------------------------------------------------------------
@pytest.mark.anyio
async def test_modes_hello_and_replay_from_zero(sock_path: Path, journal: Journal) -> None:
    append(journal, 3)
    append(journal, 2, "session.discovered", session_key="agent:main:other")
    async with running(sock_path, journal):
        assert stat.S_IMODE(os.stat(sock_path.parent).st_mode) == 0o700
        assert stat.S_IMODE(os.lstat(sock_path).st_mode) == 0o600
        with anyio.fail_after(HANG):
            peer, hello = await subscribe(sock_path, since=0)
            assert hello == {"type": "stream.hello", "head_seq": 5, "oldest_seq": 1}
            lines = [await peer.raw_line() for _ in range(5)]
            await peer.aclose()
    assert b"".join(lines) == journal.path.read_bytes()  # the exact bytes of the log, in order
    assert not sock_path.exists()


@pytest.mark.anyio
async def test_stale_socket_file_is_replaced(sock_path: Path, journal: Journal) -> None:
    sock_path.parent.mkdir(mode=0o700)
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(sock_path))
    crashed.close()  # the file stays, nothing listens: what a crash leaves behind
    assert sock_path.exists()
    async with running(sock_path, journal):
        with anyio.fail_after(HANG):
            peer = await Peer.open(sock_path)
            await peer.send({"op": "status"})
            assert (await peer.line())["type"] == "status"
            await peer.aclose()


@pytest.mark.anyio
async def test_second_server_on_same_path_raises_already_running(sock_path: Path, journal: Journal) -> None:
    async with running(sock_path, journal):
        second = SocketServer(sock_path, journal, status_provider, flush_handler)
        async with anyio.create_task_group() as tg:
            with pytest.raises(AlreadyRunning):
                await second.start(tg)
        with anyio.fail_after(HANG):
            peer = await Peer.open(sock_path)  # the first one still serves
            await peer.send({"op": "status"})
            assert (await peer.line())["healthy"] is True
            await peer.aclose()


@pytest.mark.anyio
async def test_refuses_unsafe_folder_and_non_socket_file(sock_path: Path, journal: Journal) -> None:
    sock_path.parent.mkdir()
    os.chmod(sock_path.parent, 0o777)
    server = SocketServer(sock_path, journal, status_provider, flush_handler)
    async with anyio.create_task_group() as tg:
        with pytest.raises(SocketSetupError, match="writable by group or others"):
            await server.start(tg)
        os.chmod(sock_path.parent, 0o700)
        sock_path.write_text("not a socket")
        with pytest.raises(SocketSetupError, match="not a socket"):
            await server.start(tg)
    assert sock_path.read_text() == "not a socket"


@pytest.mark.anyio
@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the folder to another uid")
async def test_refuses_folder_of_another_uid(sock_path: Path, journal: Journal) -> None:
    sock_path.parent.mkdir(mode=0o700)
    os.chown(sock_path.parent, 65534, 65534)
    server = SocketServer(sock_path, journal, status_provider, flush_handler)
    async with anyio.create_task_group() as tg:
        with pytest.raises(SocketSetupError, match="belongs to uid 65534"):
            await server.start(tg)


def _connect_as_nobody(path: Path, out: int) -> None:
    """In a forked child: drop to uid 65534, connect, pass the first line back through ``out``."""
    try:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(5)
            s.connect(str(path))
            data = b""
            while not data.endswith(b"\n") and (chunk := s.recv(4096)):
                data += chunk
            os.write(out, data)
    except BaseException as exc:
        os.write(out, repr(exc).encode())
    finally:
        os._exit(0)


@pytest.mark.anyio
@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to connect as another uid")
async def test_peer_of_another_uid_is_forbidden(sock_path: Path, journal: Journal) -> None:
    async with running(sock_path, journal):
        os.chmod(sock_path.parent.parent, 0o711)  # misconfigured on purpose: SO_PEERCRED still guards
        os.chmod(sock_path.parent, 0o711)
        os.chmod(sock_path, 0o666)
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:
            _connect_as_nobody(sock_path, wfd)
        os.close(wfd)
        with anyio.fail_after(HANG):
            data = await anyio.to_thread.run_sync(lambda: os.read(rfd, 65536))
            await anyio.to_thread.run_sync(os.waitpid, pid, 0)
        os.close(rfd)
    answer = json.loads(data)
    assert answer["type"] == "stream.error"
    assert answer["code"] == "forbidden"


# -- requests ------------------------------------------------------------------------------------------------
@pytest.mark.anyio
async def test_bad_lines_get_errors_and_connection_stays_usable(sock_path: Path, journal: Journal) -> None:
    async with running(sock_path, journal):
        with anyio.fail_after(HANG):
            peer = await Peer.open(sock_path)
            for bad, code in [
                (b"not json\n", "bad_request"),
                (b"[1, 2]\n", "bad_request"),
                (b'{"no": "op"}\n', "bad_request"),
                (b'{"op": "nope"}\n', "unknown_op"),
                (b'{"op": "subscribe", "since": "yesterday"}\n', "bad_request"),
                (b'{"op": "subscribe", "since": -1}\n', "bad_request"),
                (b'{"op": "subscribe", "types": "memory.*"}\n', "bad_request"),
                (b'{"op": "flush"}\n', "bad_request"),
                (b'{"op": "flush", "session_key": 7}\n', "bad_request"),
            ]:
                await peer.send(bad)
                answer = await peer.line()
                assert (answer["type"], answer["code"]) == ("stream.error", code), bad
                assert answer["message"]
            await peer.send(b"\n")  # blank lines are ignored
            await peer.send({"op": "status"})
            assert await peer.line() == {"type": "status", "healthy": True, "sessions": []}
            await peer.send({"op": "status"})
            assert (await peer.line())["type"] == "status"
            await peer.send({"op": "flush", "session_key": "agent:main:main", "reason": "test"})
            answer = await peer.line()
            assert answer == {
                "type": "flush.result",
                "ok": True,
                "session_key": "agent:main:main",
                "reason": "test",
            }
            await peer.aclose()


@pytest.mark.anyio
async def test_too_long_line_is_refused_and_server_stays_up(sock_path: Path, journal: Journal) -> None:
    async with running(sock_path, journal):
        with anyio.fail_after(HANG):
            peer = await Peer.open(sock_path)
            await peer.send(b"x" * 70_000)
            answer = await peer.line()
            assert answer["code"] == "line_too_long"
            assert await peer.closed()
            await peer.aclose()
            other = await Peer.open(sock_path)
            await other.send({"op": "status"})
            assert (await other.line())["type"] == "status"
            await other.aclose()


@pytest.mark.anyio
async def test_failing_status_provider_is_an_error_line_not_a_crash(
    sock_path: Path, journal: Journal
) -> None:
    def broken() -> dict[str, Any]:
        raise RuntimeError("tracker not ready")

    server = SocketServer(sock_path, journal, broken, flush_handler)
    async with anyio.create_task_group() as tg:
        await server.start(tg)
        with anyio.fail_after(HANG):
            peer = await Peer.open(sock_path)
            await peer.send({"op": "status"})
            assert await peer.line() == {
                "type": "stream.error",
                "code": "internal_error",
                "message": "tracker not ready",
            }
            await peer.send({"op": "flush", "session_key": "k"})
            assert (await peer.line())["type"] == "flush.result"
            await peer.aclose()
        await server.aclose()


# -- the stream ----------------------------------------------------------------------------------------------
@pytest.mark.anyio
async def test_replay_then_live_has_no_gap_and_no_repeat(sock_path: Path, journal: Journal) -> None:
    await _every_reader_sees_each_seq_once(sock_path, journal)


@pytest.mark.anyio
async def test_no_gap_and_no_repeat_while_segments_rotate(sock_path: Path, tmp_path: Path) -> None:
    """The same, with a segment every ~10 events: replays cross segments closed under their feet."""
    journal = Journal(tmp_path / "state" / "events.ndjson", segment_bytes=2500, retention_bytes=None)
    journal.open()
    try:
        await _every_reader_sees_each_seq_once(sock_path, journal)
        assert len(closed_segments(journal.path)) > 30
    finally:
        journal.close()


async def _every_reader_sees_each_seq_once(sock_path: Path, journal: Journal) -> None:
    """Subscribers join while events are appended; each sees exactly seq > since, in order."""
    total = 450
    append(journal, 50)
    results: dict[str, list[int]] = {}

    async def appender() -> None:
        for i in range(total - 50):
            # Published every other append: readers also join while an event is written, not durable yet.
            append(journal, 1, data={"i": i}, sync=i % 2 == 1)
            if i % 3 == 0:
                await anyio.sleep(0)

    async def reader(name: str, join_at: int, since: int | str) -> None:
        await wait_for(lambda: journal.head_seq >= join_at)
        peer, hello = await subscribe(sock_path, since=since)
        start = hello["head_seq"] if since == "now" else since
        seqs: list[int] = []
        while not seqs or seqs[-1] < total:
            seqs.append((await peer.line())["seq"])
        await peer.aclose()
        assert seqs == list(range(int(start) + 1, total + 1)), name
        results[name] = seqs

    async with running(sock_path, journal):
        with anyio.fail_after(HANG):
            async with anyio.create_task_group() as tg:
                tg.start_soon(reader, "from zero", 0, 0)
                tg.start_soon(reader, "early, since 0", 120, 0)
                tg.start_soon(reader, "mid, since 100", 250, 100)
                tg.start_soon(reader, "late, now", 300, "now")
                await anyio.sleep(0)
                tg.start_soon(appender)
    assert len(results) == 4


@pytest.mark.anyio
async def test_filters_by_type_glob_and_session_key(sock_path: Path, journal: Journal) -> None:
    def mixed() -> None:
        append(journal, 1, "memory.flush.started", session_key="a")
        append(journal, 1, "memory.flush.completed", session_key="b")
        append(journal, 1, "daemon.started", session_key=None)
        append(journal, 1, "memory.compacted", session_key="a")
        append(journal, 1, "source.error", session_key="a")

    mixed()
    async with running(sock_path, journal):
        with anyio.fail_after(HANG):
            memory_a, _ = await subscribe(sock_path, since=0, types=["memory.*"], session_key="a")
            two_globs, _ = await subscribe(sock_path, since=0, types=["daemon.*", "source.*"])
            mixed()  # live, same filters
            got_a = [(await memory_a.line())["seq"] for _ in range(4)]
            got_two = [(await two_globs.line())["seq"] for _ in range(4)]
            await memory_a.aclose()
            await two_globs.aclose()
    assert got_a == [1, 4, 6, 9]
    assert got_two == [3, 5, 8, 10]


@pytest.mark.anyio
async def test_cursor_older_than_retention_is_expired(sock_path: Path, tmp_path: Path) -> None:
    log = tmp_path / "events.ndjson"
    log.write_bytes(
        b"".join(
            orjson.dumps(
                envelope(seq, "daemon.started", agent=None, session_key=None, session_id=None, data={})
            )
            + b"\n"
            for seq in (10, 11, 12)
        )
    )
    journal = Journal(log)
    journal.open()
    try:
        async with running(sock_path, journal):
            with anyio.fail_after(HANG):
                peer, answer = await subscribe(sock_path, since=5)
                assert answer["type"] == "stream.error"
                assert (answer["code"], answer["oldest_seq"]) == ("cursor_expired", 10)
                assert await peer.closed()
                await peer.aclose()
                peer, hello = await subscribe(sock_path, since=9)  # oldest - 1: nothing is missing
                assert hello == {"type": "stream.hello", "head_seq": 12, "oldest_seq": 10}
                assert [(await peer.line())["seq"] for _ in range(3)] == [10, 11, 12]
                await peer.aclose()
    finally:
        journal.close()


@pytest.mark.anyio
async def test_replay_from_zero_across_segments_is_the_exact_bytes_then_live(
    sock_path: Path, tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "state" / "events.ndjson", segment_bytes=1200, retention_bytes=None)
    journal.open()
    try:
        append(journal, 60)
        segments = closed_segments(journal.path)
        assert len(segments) >= 5
        on_disk = b"".join(seg.path.read_bytes() for seg in segments) + journal.path.read_bytes()
        async with running(sock_path, journal):
            with anyio.fail_after(HANG):
                peer, hello = await subscribe(sock_path, since=0)
                assert hello == {"type": "stream.hello", "head_seq": 60, "oldest_seq": 1}
                replayed = b"".join([await peer.raw_line() for _ in range(60)])
                append(journal, 40)  # live, rotating as it goes
                live = [(await peer.line())["seq"] for _ in range(40)]
                await peer.aclose()
    finally:
        journal.close()
    assert replayed == on_disk
    assert live == list(range(61, 101))


@pytest.mark.anyio
async def test_retention_expires_old_cursors_and_keeps_the_rest(sock_path: Path, tmp_path: Path) -> None:
    journal = Journal(tmp_path / "state" / "events.ndjson", segment_bytes=1000, retention_bytes=4000)
    journal.open()
    try:
        append(journal, 100)
        oldest = journal.oldest_seq
        assert oldest > 2
        async with running(sock_path, journal):
            with anyio.fail_after(HANG):
                for since in (0, 1, oldest - 2):
                    peer, answer = await subscribe(sock_path, since=since)
                    assert answer["type"] == "stream.error"
                    assert (answer["code"], answer["oldest_seq"]) == ("cursor_expired", oldest)
                    assert await peer.closed()
                    await peer.aclose()
                peer, hello = await subscribe(sock_path, since=oldest - 1)
                assert hello == {"type": "stream.hello", "head_seq": 100, "oldest_seq": oldest}
                assert [(await peer.line())["seq"] for _ in range(100 - oldest + 1)] == list(
                    range(oldest, 101)
                )
                await peer.aclose()
    finally:
        journal.close()


@pytest.mark.anyio
async def test_segments_deleted_before_a_replay_reaches_them_end_it_with_cursor_expired(
    sock_path: Path, tmp_path: Path
) -> None:
    """Never a silent gap: a replay that cannot continue says so, and the client resubscribes."""
    journal = Journal(tmp_path / "state" / "events.ndjson", segment_bytes=200_000, retention_bytes=None)
    journal.open()
    try:
        append(journal, 4000, data={"pad": "x" * 2000})  # ~8 MB, far more than the socket buffers
        async with running(sock_path, journal):
            with anyio.fail_after(HANG):
                peer, hello = await subscribe(sock_path, since=0)
                assert hello["head_seq"] == 4000
                seqs = [(await peer.line())["seq"] for _ in range(10)]  # and the server is stuck sending
                journal.retention_bytes = 1_000_000
                assert journal.enforce_retention()
                while (message := await peer.line()).get("type") != "stream.error":
                    seqs.append(message["seq"])
                assert seqs == list(range(1, len(seqs) + 1))
                assert seqs[-1] < journal.oldest_seq - 1
                assert (message["code"], message["oldest_seq"]) == ("cursor_expired", journal.oldest_seq)
                assert await peer.closed()
                await peer.aclose()
    finally:
        journal.close()


@pytest.mark.anyio
async def test_heartbeat_when_idle(sock_path: Path, journal: Journal) -> None:
    append(journal, 2)
    async with running(sock_path, journal, heartbeat_seconds=0.05):
        with anyio.fail_after(HANG):
            peer, _ = await subscribe(sock_path)
            assert await peer.line() == {"type": "stream.heartbeat", "head_seq": 2}
            append(journal, 1)
            assert (await peer.line())["seq"] == 3
            await peer.aclose()


@pytest.mark.anyio
async def test_slow_reader_overflows_and_does_not_hold_back_others(sock_path: Path, journal: Journal) -> None:
    queue_max = 20
    total = 1000  # ~2 MB: far more than a socket buffer plus the queue
    pad = {"pad": "x" * 2000}
    async with running(sock_path, journal, queue_max=queue_max) as server:
        with anyio.fail_after(HANG):
            slow, slow_hello = await subscribe(sock_path)  # and then it reads nothing for a while
            fast, _ = await subscribe(sock_path)
            peak_queued = 0
            for i in range(total):
                append(journal, 1, data=pad)
                assert (await fast.line())["seq"] == i + 1  # the fast reader gets each one right away
                peak_queued = max(peak_queued, server.stats()["queued"])
            assert peak_queued <= 2 * queue_max

            seqs: list[int] = []
            while (message := await slow.line()).get("type") != "stream.overflow":
                seqs.append(message["seq"])
            assert seqs == list(range(slow_hello["head_seq"] + 1, len(seqs) + 1))
            assert len(seqs) < total
            assert message["resume_from"] == seqs[-1]
            assert await slow.closed()
            await slow.aclose()
            await wait_for(lambda: server.stats()["subscribers"] == 1)
            assert len(journal.listeners) == 1

            append(journal, 1)  # the fast one is still live
            assert (await fast.line())["seq"] == total + 1
            await fast.aclose()


@pytest.mark.anyio
async def test_clients_that_vanish_leave_nothing_behind(sock_path: Path, journal: Journal) -> None:
    append(journal, 3000)
    async with running(sock_path, journal) as server:
        with anyio.fail_after(HANG):
            idle, _ = await subscribe(sock_path)  # gone while waiting for live events
            replaying, _ = await subscribe(sock_path, since=0)  # gone in the middle of a replay
            await replaying.raw_line()
            half = await Peer.open(sock_path)  # gone before finishing its request line
            await half.send(b'{"op": "sta')
            await wait_for(lambda: server.stats()["subscribers"] == 2)
            for peer in (idle, replaying, half):
                await peer.aclose()
            await wait_for(lambda: server.stats() == {"clients": 0, "subscribers": 0, "queued": 0})
            assert len(journal.listeners) == 1  # the server's one feed: clients leave nothing there
            append(journal, 5)  # nobody listens; appending is unaffected
            peer = await Peer.open(sock_path)
            await peer.send({"op": "status"})
            assert (await peer.line())["type"] == "status"
            await peer.aclose()


@pytest.mark.anyio
async def test_half_closed_subscriber_keeps_streaming(sock_path: Path, journal: Journal) -> None:
    """``echo '{"op":"subscribe"}' | socat - UNIX:...`` shuts its sending side down and keeps reading."""
    append(journal, 2)
    async with running(sock_path, journal):
        with anyio.fail_after(HANG):
            peer, _ = await subscribe(sock_path, since=0)
            await peer.stream.send_eof()
            assert [(await peer.line())["seq"] for _ in range(2)] == [1, 2]
            append(journal, 1)
            assert (await peer.line())["seq"] == 3
            await peer.aclose()


@pytest.mark.anyio
async def test_aclose_disconnects_clients_and_removes_socket(sock_path: Path, journal: Journal) -> None:
    server = SocketServer(sock_path, journal, status_provider, flush_handler)
    async with anyio.create_task_group() as tg:
        await server.start(tg)
        with anyio.fail_after(HANG):
            peer, _ = await subscribe(sock_path)
            await server.aclose()
            assert await peer.closed()
            await peer.aclose()
    assert not sock_path.exists()
    assert journal.listeners == []
