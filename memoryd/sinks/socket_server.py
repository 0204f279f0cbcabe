"""The daemon's Unix socket: the event stream, ``status`` and manual ``flush``, NDJSON both ways.

The protocol is a user-facing contract (``contracts.md``). Two promises shape this module:

* A subscriber sees every matching event with ``seq > since`` exactly once, in order, across the seam
  between the log file (replay) and live events. The daemon appends from this event-loop thread only,
  so taking the subscriber's place in the live feed and reading ``journal.published_seq`` without
  an ``await`` in between splits the stream exactly: ``seq <= head`` comes from the file, ``seq >
  head`` from the feed. (The journal publishes an event only once it is durable.)
* No client can slow the daemon or another client: the journal's one listener appends to the live
  feed shared by all subscribers (``live_feed.py``); a client that falls too far behind is told where
  to resume (``stream.overflow``) and is dropped.

Usage (in the daemon)::

    server = SocketServer(path, journal, status_provider, flush_handler)
    async with anyio.create_task_group() as tg:
        await server.start(tg)
        ...
    await server.aclose()
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import socket
import stat
import struct
from collections.abc import Awaitable, Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import anyio
import anyio.lowlevel
import orjson
import structlog
from anyio.abc import TaskGroup, TaskStatus

from memoryd.sinks.journal import CursorExpired, Journal
from memoryd.sinks.live_feed import EventFilter, LiveFeed, Subscriber, event_filter

log = structlog.get_logger(__name__)

MAX_REQUEST_LINE: Final = 64 * 1024
REPLAY_BATCH: Final = 256
# A client that overflowed gets this long to take the overflow notice before it is cut off.
OVERFLOW_GRACE_SECONDS: Final = 5.0
_PEERCRED: Final = struct.Struct("3i")

StatusProvider = Callable[[], dict[str, Any]]
FlushHandler = Callable[[str, str | None], Awaitable[dict[str, Any]]]

# What a connection raises when the peer is gone (EPIPE, ECONNRESET ...): never an error of the server.
_GONE: Final = (OSError, anyio.ClosedResourceError)


class SocketSetupError(RuntimeError):
    """The socket cannot be set up safely; the message names the path and how to fix it."""


class AlreadyRunning(SocketSetupError):
    """Another process answers on the socket path (most likely another memoryd)."""


# -- requests ---------------------------------------------------------------------------------------
class _BadRequest(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class _Subscribe:
    since: int | None  # None: "now"
    types: tuple[str, ...] | None
    session_key: str | None


@dataclass(frozen=True, slots=True)
class _Status:
    pass


@dataclass(frozen=True, slots=True)
class _Flush:
    session_key: str
    reason: str | None


_Request = _Subscribe | _Status | _Flush


def _optional_str(req: dict[str, Any], key: str) -> str | None:
    value = req.get(key)
    if value is not None and not isinstance(value, str):
        raise _BadRequest("bad_request", f"{key!r} must be a string")
    return value


def _parse_since(value: Any) -> int | None:
    if value is None or value == "now":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise _BadRequest("bad_request", "'since' must be a seq number >= 0 or \"now\"")


def _parse_types(value: Any) -> tuple[str, ...] | None:
    if value is None or value == []:
        return None
    if isinstance(value, list) and all(isinstance(t, str) for t in value):
        return tuple(value)
    raise _BadRequest("bad_request", "'types' must be a list of glob strings such as [\"memory.*\"]")


def _parse_request(line: bytes) -> _Request:
    """One request line to a typed request; ``_BadRequest`` says what the client got wrong."""
    try:
        req = orjson.loads(line)
    except orjson.JSONDecodeError:
        raise _BadRequest("bad_request", "a request is one JSON object per line") from None
    if not isinstance(req, dict):
        raise _BadRequest("bad_request", "a request must be a JSON object")
    op = req.get("op")
    if not isinstance(op, str):
        raise _BadRequest("bad_request", 'a request needs "op": "subscribe" | "status" | "flush"')
    if op == "subscribe":
        return _Subscribe(
            _parse_since(req.get("since")), _parse_types(req.get("types")), _optional_str(req, "session_key")
        )
    if op == "status":
        return _Status()
    if op == "flush":
        key = _optional_str(req, "session_key")
        if not key:
            raise _BadRequest("bad_request", 'flush needs a non-empty "session_key"')
        return _Flush(key, _optional_str(req, "reason"))
    raise _BadRequest("unknown_op", f"unknown op {op[:64]!r}; known: subscribe, status, flush")


def _take_batch(
    lines: Iterator[tuple[bytes, dict[str, Any]]], upto: int
) -> list[tuple[bytes, dict[str, Any]]]:
    """Up to REPLAY_BATCH log lines with ``seq <= upto`` (runs in a worker thread: file I/O)."""
    batch: list[tuple[bytes, dict[str, Any]]] = []
    for raw, event in lines:
        if event["seq"] > upto:
            break
        batch.append((raw, event))
        if len(batch) >= REPLAY_BATCH:
            break
    return batch


# -- socket file and folder ------------------------------------------------------------------------------
def _check_private_dir(folder: Path) -> None:
    st = os.stat(folder)
    if not stat.S_ISDIR(st.st_mode):
        raise SocketSetupError(f"{folder} is not a directory; choose another socket path")
    if st.st_uid != os.geteuid():
        raise SocketSetupError(
            f"{folder} belongs to uid {st.st_uid}, not to us (uid {os.geteuid()}); "
            "remove it or choose another socket path"
        )
    if st.st_mode & 0o022:
        raise SocketSetupError(
            f"{folder} is writable by group or others (mode {stat.S_IMODE(st.st_mode):o}); run: chmod 700 {folder}"
        )


def _check_parent(folder: Path) -> None:
    """Whoever can write the parent can swap our folder: allow only us, root, or a sticky shared dir."""
    st = os.stat(folder)
    if st.st_uid not in (0, os.geteuid()):
        raise SocketSetupError(
            f"{folder} belongs to uid {st.st_uid}; choose a socket path in a folder of yours"
        )
    if st.st_mode & 0o022 and not st.st_mode & stat.S_ISVTX:
        raise SocketSetupError(
            f"{folder} is writable by others without the sticky bit (mode {stat.S_IMODE(st.st_mode):o}); "
            "choose a socket path in a private folder"
        )


def prepare_socket_dir(folder: Path) -> None:
    """Create the socket's folder 0700, or check that an existing one is private to us."""
    try:
        folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        raise SocketSetupError(f"cannot create {folder}: {exc.strerror or exc}") from None
    _check_parent(folder.parent)
    _check_private_dir(folder)


def _probe(path: Path) -> bool:
    """True when something accepts connections on ``path`` (blocking: run it in a thread)."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(1.0)
    try:
        probe.connect(str(path))
    except (ConnectionRefusedError, FileNotFoundError):
        return False
    except TimeoutError:
        return True  # a full backlog: somebody is there
    except OSError as exc:
        raise SocketSetupError(f"cannot check {path}: {exc.strerror}") from None
    finally:
        probe.close()
    return True


def remove_stale_socket(path: Path) -> None:
    """Remove the socket file a crashed daemon left; refuse when something answers or it is not a socket."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISSOCK(st.st_mode):
        raise SocketSetupError(f"{path} exists and is not a socket; remove it or choose another socket path")
    if _probe(path):
        raise AlreadyRunning(f"another process (a running memoryd?) already listens on {path}")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def bind_private(path: Path) -> socket.socket:
    """A listening socket at ``path``, mode 0600 from the start (umask set around ``bind``)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        old = os.umask(0o177)
        try:
            sock.bind(str(path))
        finally:
            os.umask(old)
        sock.listen(128)
        sock.setblocking(False)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:  # lost a race with another daemon starting
            raise AlreadyRunning(f"another process took {path} while we started") from None
        raise SocketSetupError(f"cannot listen on {path}: {exc.strerror or exc}") from None
    return sock


def peer_uid(sock: socket.socket) -> int:
    """The connecting process's uid, from the kernel (``SO_PEERCRED``), not from anything it says."""
    _pid, uid, _gid = _PEERCRED.unpack(sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _PEERCRED.size))
    return int(uid)


def _peer_hung_up(sock: socket.socket) -> bool:
    """After EOF on read: did the peer close entirely (POLLHUP), or only shut down its sending side?"""
    poller = select.poll()
    poller.register(sock.fileno(), select.POLLOUT)
    return any(revents & (select.POLLHUP | select.POLLERR) for _fd, revents in poller.poll(0))


def _typed(type_: str, fields: dict[str, Any]) -> dict[str, Any]:
    """``{"type": type_, **fields}`` with ``type`` first and not overridable by ``fields``."""
    return {"type": type_, **{k: v for k, v in fields.items() if k != "type"}}


# -- one connection ----------------------------------------------------------------------------------------
class _LineTooLong(Exception):
    pass


class _Connection:
    """A client connection on a raw non-blocking socket: request lines in, NDJSON lines out.

    Raw sockets with ``anyio.wait_readable``/``wait_writable`` rather than anyio's UNIX socket
    stream: on asyncio, cancelling that stream's pending receive while the socket turns readable in the
    same loop iteration makes the loop report an ``InvalidStateError``, and cancelling a reader is
    exactly how a subscription ends.
    """

    def __init__(self, sock: socket.socket) -> None:
        sock.setblocking(False)
        self.sock = sock
        self._buf = bytearray()
        self._eof = False

    async def readline(self) -> bytes | None:
        """The next request line (without newline), or None at EOF; a last line may lack its newline."""
        scanned = 0
        while True:
            nl = self._buf.find(b"\n", scanned)
            if nl >= 0:
                if nl > MAX_REQUEST_LINE:
                    raise _LineTooLong
                line = bytes(self._buf[:nl])
                del self._buf[: nl + 1]
                return line
            if len(self._buf) > MAX_REQUEST_LINE:
                raise _LineTooLong
            scanned = len(self._buf)
            chunk = await self._receive()
            if not chunk:
                line = bytes(self._buf)
                self._buf.clear()
                return line or None
            self._buf += chunk

    async def _receive(self) -> bytes:
        while not self._eof:
            try:
                chunk = self.sock.recv(65536)
            except BlockingIOError:
                await anyio.wait_readable(self.sock)
                continue
            self._eof = not chunk
            return chunk
        return b""

    async def discard_input(self, hung_up: anyio.CancelScope) -> None:
        """While streaming, ignore what the client sends; cancel ``hung_up`` when it has gone away.

        EOF alone is not enough: a client may shut down only its sending side and keep reading.
        """
        self._buf.clear()
        try:
            while await self._receive():
                pass
            gone = _peer_hung_up(self.sock)
        except OSError:
            gone = True
        if gone:
            hung_up.cancel()

    async def send_bytes(self, data: bytes) -> None:
        """Send it all; waits (without blocking the loop) only while the client's buffer is full."""
        view = memoryview(data)
        while view:
            try:
                view = view[self.sock.send(view, socket.MSG_NOSIGNAL) :]
            except BlockingIOError:
                await anyio.wait_writable(self.sock)

    async def send(self, message: dict[str, Any]) -> None:
        await self.send_bytes(orjson.dumps(message) + b"\n")

    async def send_error(self, code: str, message: str, **extra: Any) -> None:
        await self.send({"type": "stream.error", "code": code, "message": message, **extra})


# -- the server ----------------------------------------------------------------------------------------------
class SocketServer:
    """Serves subscribe / status / flush on a private Unix socket; see the module docstring."""

    def __init__(
        self,
        path: Path,
        journal: Journal,
        status_provider: StatusProvider,
        flush_handler: FlushHandler,
        heartbeat_seconds: float = 15.0,
        queue_max: int = 10_000,
    ) -> None:
        self.path = Path(path)
        self._journal = journal
        self._status_provider = status_provider
        self._flush_handler = flush_handler
        self._heartbeat = heartbeat_seconds
        self._queue_max = queue_max
        self._scope: anyio.CancelScope | None = None
        self._stopped: anyio.Event | None = None
        self._socket_id: tuple[int, int] | None = None
        self._clients = 0
        self._subscribers = 0
        self._feed = LiveFeed(queue_max)

    # -- lifecycle ------------------------------------------------------------------------------------------
    async def start(self, tg: TaskGroup) -> None:
        """Bind (folder 0700, socket 0600, stale file removed) and serve in ``tg``; returns once listening."""
        prepare_socket_dir(self.path.parent)
        await anyio.to_thread.run_sync(remove_stale_socket, self.path)
        sock = bind_private(self.path)
        st = os.stat(self.path)
        self._socket_id = (st.st_dev, st.st_ino)
        self._scope = anyio.CancelScope()
        self._stopped = anyio.Event()
        self._journal.listeners.append(self._feed.on_event)
        await tg.start(self._serve, sock)

    async def aclose(self) -> None:
        """Stop listening, close every client, remove the socket file (if it is still ours)."""
        if self._scope is not None:
            self._scope.cancel()
        if self._stopped is not None:
            await self._stopped.wait()
        with contextlib.suppress(ValueError):
            self._journal.listeners.remove(self._feed.on_event)
        self._remove_socket_file()

    def _remove_socket_file(self) -> None:
        if self._socket_id is None:
            return
        with contextlib.suppress(FileNotFoundError):
            st = os.lstat(self.path)
            if (st.st_dev, st.st_ino) == self._socket_id:
                os.unlink(self.path)
        self._socket_id = None

    def stats(self) -> dict[str, int]:
        """Connected clients, subscribers and events waiting in their queues (for ``status``)."""
        return {
            "clients": self._clients,
            "subscribers": self._subscribers,
            "queued": self._feed.behind(),
        }

    async def _serve(self, listening: socket.socket, *, task_status: TaskStatus[None]) -> None:
        assert self._scope is not None and self._stopped is not None
        try:
            with self._scope:
                async with anyio.create_task_group() as clients:
                    task_status.started()
                    while True:
                        try:
                            client, _addr = listening.accept()
                        except BlockingIOError:
                            await anyio.wait_readable(listening)
                            continue
                        except OSError as exc:  # e.g. EMFILE: back off, stay up
                            log.warning("socket.accept_failed", error=str(exc))
                            await anyio.sleep(0.1)
                            continue
                        clients.start_soon(self._handle, client)
        finally:
            listening.close()
            self._stopped.set()

    # -- connections ------------------------------------------------------------------------------------------
    async def _handle(self, sock: socket.socket) -> None:
        self._clients += 1
        try:
            await self._converse(_Connection(sock))
        except _GONE as exc:
            log.debug("socket.client_gone", error=repr(exc))
        except Exception:  # a bug in one conversation must not take the server down
            log.exception("socket.client_failed")
        finally:
            self._clients -= 1
            sock.close()

    async def _converse(self, conn: _Connection) -> None:
        uid = peer_uid(conn.sock)
        if uid not in (0, os.geteuid()):
            await conn.send_error("forbidden", "this memoryd belongs to another user")
            return
        while True:
            try:
                line = await conn.readline()
            except _LineTooLong:
                await conn.send_error(
                    "line_too_long", f"request lines are limited to {MAX_REQUEST_LINE} bytes"
                )
                return
            if line is None:
                return
            if not line.strip():
                continue
            try:
                req = _parse_request(line)
            except _BadRequest as exc:
                await conn.send_error(exc.code, exc.message)
                continue
            if isinstance(req, _Subscribe):
                await self._subscribe(conn, req)  # takes over the connection
                return
            await conn.send(await self._answer(req))

    async def _answer(self, req: _Status | _Flush) -> dict[str, Any]:
        """The one answer line to status / flush; a failing provider becomes an error line, not a crash."""
        try:
            if isinstance(req, _Status):
                return _typed("status", self._status_provider())
            return _typed("flush.result", await self._flush_handler(req.session_key, req.reason))
        except Exception as exc:
            log.exception("socket.request_failed", request=type(req).__name__)
            return {
                "type": "stream.error",
                "code": "internal_error",
                "message": str(exc) or type(exc).__name__,
            }

    # -- subscribe ---------------------------------------------------------------------------------------------
    async def _subscribe(self, conn: _Connection, req: _Subscribe) -> None:
        journal = self._journal
        oldest = journal.oldest_seq
        if req.since is not None and req.since < oldest - 1:
            await self._send_expired(conn, req.since, oldest)
            return
        match = event_filter(req.types, req.session_key)
        # The seam. No ``await`` between these lines: every event with seq <= head is in the file,
        # every later one reaches the feed at or after ``sub``'s position.
        head = journal.published_seq
        since = head if req.since is None else req.since
        sub = Subscriber(match, (req.types, req.session_key), after=max(since, head))
        self._feed.join(sub)
        sub.covered = since
        self._subscribers += 1
        try:
            async with anyio.create_task_group() as tg:
                tg.start_soon(conn.discard_input, tg.cancel_scope)
                tg.start_soon(self._cut_off_after_overflow, sub, tg.cancel_scope)
                with contextlib.suppress(*_GONE):  # the client went away: just clean up
                    await conn.send({"type": "stream.hello", "head_seq": head, "oldest_seq": oldest})
                    if await self._replay(conn, sub, match, since, head):
                        await self._live(conn, sub)
                tg.cancel_scope.cancel()
        finally:
            self._feed.leave(sub)
            self._subscribers -= 1

    async def _replay(
        self, conn: _Connection, sub: Subscriber, match: EventFilter, since: int, head: int
    ) -> bool:
        """Send matching logged events ``since < seq <= head``; False when the stream must end.

        It ends when the client overflowed meanwhile (``stream.overflow``), or when retention deleted
        a segment before this replay reached it (``stream.error`` ``cursor_expired``: never a gap).
        """
        if since >= head:
            return True
        lines = self._journal.iter_since(since, strict=True)
        try:
            while batch := await anyio.to_thread.run_sync(_take_batch, lines, head):
                for raw, event in batch:
                    if match(event):
                        await conn.send_bytes(raw)
                    sub.covered = event["seq"]
                    if sub.overflowed.is_set():
                        await conn.send({"type": "stream.overflow", "resume_from": sub.covered})
                        return False
        except CursorExpired as exc:
            await self._send_expired(conn, exc.since, exc.oldest_seq)
            return False
        finally:
            if isinstance(lines, Generator):
                lines.close()  # closes the log file now, not whenever it is collected
        sub.covered = head
        return True

    @staticmethod
    async def _send_expired(conn: _Connection, since: int, oldest: int) -> None:
        await conn.send_error(
            "cursor_expired",
            f"events after seq {since} are no longer kept; the oldest kept is {oldest}",
            oldest_seq=oldest,
        )

    async def _live(self, conn: _Connection, sub: Subscriber) -> None:
        """Live events (all ``seq > head``) in batches, heartbeats when idle, until overflow or disconnect."""
        feed = self._feed
        while True:
            await feed.wait(sub, self._heartbeat)
            if sub.overflowed.is_set():
                await conn.send({"type": "stream.overflow", "resume_from": sub.covered})
                return
            if sub.pos >= feed.end:
                await conn.send({"type": "stream.heartbeat", "head_seq": self._journal.published_seq})
                continue
            data, seq = feed.take(sub)
            if data:
                await conn.send_bytes(data)
            sub.covered = max(sub.covered, seq)
            # Let the others take this batch too (each one encoded once) before the next.
            await anyio.lowlevel.checkpoint()

    @staticmethod
    async def _cut_off_after_overflow(sub: Subscriber, scope: anyio.CancelScope) -> None:
        """A client that does not even take the overflow notice is disconnected after a grace period."""
        await sub.overflowed.wait()
        await anyio.sleep(OVERFLOW_GRACE_SECONDS)
        scope.cancel()
