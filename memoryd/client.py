"""Talk to a running memoryd over its Unix socket: synchronous, standard library only.

Ask once::

    from memoryd import client

    with client.connect() as conn:            # default socket path, as the daemon computes it
        print(conn.status())
        conn.flush("agent:main:main", reason="before a big refactor")

Read the event stream (``since`` is a seq number or ``"now"``)::

    with client.connect() as conn:
        for event in conn.subscribe(since=0, types=["memory.flush.*"]):
            print(event["seq"], event["type"], event["data"])

Keep reading across daemon restarts and slow-reader overflows, losing and repeating nothing::

    for event in client.follow(since=41):
        handle(event)          # event.raw is the exact log line, for byte-faithful copies

Errors: ``DaemonNotRunning`` (nothing listens), ``ConnectionLost`` (the daemon went away mid-stream),
``CursorExpired`` (``since`` is older than the log keeps), ``StreamOverflow`` (this reader was too slow;
subscribe again from ``resume_from``), ``RequestError`` (the daemon refused a request); all are
``MemorydError``. Socket timeouts raise the built-in ``TimeoutError``.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Literal

from memoryd.config import default_socket_path

__all__ = [
    "Connection",
    "ConnectionLost",
    "CursorExpired",
    "DaemonNotRunning",
    "Event",
    "MemorydError",
    "RequestError",
    "StreamOverflow",
    "Subscription",
    "connect",
    "follow",
]

Since = int | Literal["now"]

MAX_LINE: Final = 16 * 1024 * 1024  # a reply line longer than this is a broken daemon, not data
_RETRY_FIRST: Final = 0.1
_RETRY_MAX: Final = 2.0


class MemorydError(Exception):
    """Base of every error this module raises on purpose."""


class DaemonNotRunning(MemorydError):
    """Nothing listens on the socket path (the daemon is stopped or restarting)."""


class ConnectionLost(MemorydError):
    """The daemon closed the connection before answering, or in the middle of a stream."""


class RequestError(MemorydError):
    """The daemon answered with ``stream.error``; ``code`` says why (``bad_request``, ``forbidden`` ...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message


class CursorExpired(RequestError):
    """``since`` is older than what the log still keeps; ``oldest_seq`` is the oldest event there is."""

    def __init__(self, message: str, oldest_seq: int | None) -> None:
        super().__init__("cursor_expired", message)
        self.oldest_seq = oldest_seq


class StreamOverflow(MemorydError):
    """This reader fell too far behind and was disconnected; subscribe again with ``since=resume_from``."""

    def __init__(self, resume_from: int) -> None:
        super().__init__(f"reader too slow; resume from seq {resume_from}")
        self.resume_from = resume_from


class Event(dict[str, Any]):
    """One event: the parsed envelope (a plain dict), plus ``raw``, its exact log line with the newline."""

    __slots__ = ("raw",)

    def __init__(self, fields: dict[str, Any], raw: bytes) -> None:
        super().__init__(fields)
        self.raw = raw

    @property
    def seq(self) -> int:
        return int(self["seq"])


def _error_from(message: dict[str, Any]) -> RequestError:
    code = str(message.get("code") or "error")
    text = str(message.get("message") or "")
    if code == "cursor_expired":
        oldest = message.get("oldest_seq")
        return CursorExpired(text, oldest if isinstance(oldest, int) else None)
    return RequestError(code, text)


class Connection:
    """One connection to the daemon: any number of ``status``/``flush`` calls, or one ``subscribe``."""

    def __init__(self, sock: socket.socket, path: Path) -> None:
        self.path = path
        self._sock = sock
        self._buf = bytearray()
        self._streaming = False

    # -- requests ------------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """The daemon's status: per-session pressure and health (whatever the daemon reports)."""
        return self._request({"op": "status"})

    def flush(self, session_key: str, reason: str | None = None) -> dict[str, Any]:
        """Ask for a manual flush of one session now; returns the daemon's ``flush.result``."""
        return self._request({"op": "flush", "session_key": session_key, "reason": reason})

    def subscribe(
        self,
        since: Since = "now",
        types: Sequence[str] | None = None,
        session_key: str | None = None,
    ) -> Subscription:
        """Start the event stream: events with ``seq > since`` (logged, then live) matching the filters.

        ``types`` are globs on the event type (``"memory.*"``); ``session_key`` must match exactly.
        Returns once the daemon said hello, so ``head_seq`` is known before the first event; the
        connection carries nothing else afterwards.
        """
        request: dict[str, Any] = {"op": "subscribe", "since": since}
        if types:
            request["types"] = list(types)
        if session_key is not None:
            request["session_key"] = session_key
        hello = self._request(request)
        if hello.get("type") != "stream.hello":
            raise RequestError("protocol", f"expected stream.hello, got {hello.get('type')!r}")
        self._streaming = True
        self._sock.settimeout(None)  # a quiet stream is normal; the daemon sends heartbeats
        return Subscription(self, hello)

    def _request(self, request: dict[str, Any]) -> dict[str, Any]:
        if self._streaming:
            raise MemorydError("this connection is streaming events; open another one for requests")
        self._send_line(json.dumps(request, separators=(",", ":")).encode())
        answer = _decode(self._read_line())
        if answer.get("type") == "stream.error":
            raise _error_from(answer)
        return answer

    # -- lines ---------------------------------------------------------------------------------------
    def _send_line(self, line: bytes) -> None:
        try:
            self._sock.sendall(line + b"\n")
        except (BrokenPipeError, ConnectionResetError):
            raise ConnectionLost(f"memoryd at {self.path} closed the connection") from None

    def _read_line(self) -> bytes:
        """The next line, with its newline; a torn last line before EOF is dropped."""
        start = 0
        while True:
            nl = self._buf.find(b"\n", start)
            if nl >= 0:
                line = bytes(self._buf[: nl + 1])
                del self._buf[: nl + 1]
                return line
            if len(self._buf) > MAX_LINE:
                raise ConnectionLost(f"memoryd at {self.path} sent a line longer than {MAX_LINE} bytes")
            start = len(self._buf)
            try:
                chunk = self._sock.recv(65536)
            except (ConnectionResetError, BrokenPipeError):
                chunk = b""
            if not chunk:
                self._buf.clear()
                raise ConnectionLost(f"memoryd at {self.path} closed the connection")
            self._buf += chunk

    # -- lifecycle -----------------------------------------------------------------------------------
    def close(self) -> None:
        self._sock.close()

    def __enter__(self) -> Connection:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _decode(line: bytes) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except ValueError:
        raise RequestError("protocol", f"the daemon sent a line that is not JSON: {line[:80]!r}") from None
    if not isinstance(obj, dict):
        raise RequestError("protocol", "the daemon sent a JSON line that is not an object")
    return obj


class Subscription(Iterator[Event]):
    """The events of one ``subscribe``; iterate it. Heartbeats are absorbed, unknown messages skipped."""

    def __init__(self, conn: Connection, hello: dict[str, Any]) -> None:
        self._conn = conn
        self.head_seq: int = int(hello.get("head_seq", 0))
        self.oldest_seq: int = int(hello.get("oldest_seq", 1))

    def __iter__(self) -> Subscription:
        return self

    def __next__(self) -> Event:
        while True:
            event = self._one()
            if event is not None:
                return event

    def next_within(self, seconds: float) -> Event | None:
        """The next line within ``seconds``: an event, or None for a heartbeat or control message.

        ``TimeoutError`` when nothing came in time (the stream stays usable).
        """
        self._conn._sock.settimeout(max(seconds, 0.001))
        try:
            return self._one()
        finally:
            self._conn._sock.settimeout(None)

    def _one(self) -> Event | None:
        raw = self._conn._read_line()
        message = _decode(raw)
        kind = message.get("type")
        if kind == "stream.overflow":
            raise StreamOverflow(int(message["resume_from"]))
        if kind == "stream.error":
            raise _error_from(message)
        if isinstance(kind, str) and kind.startswith("stream."):
            return None  # heartbeat, or a control message this version does not know
        if isinstance(message.get("seq"), int):
            return Event(message, raw)
        return None


def connect(path: str | os.PathLike[str] | None = None, timeout: float | None = 10.0) -> Connection:
    """Connect to the daemon (default: ``memoryd.config.default_socket_path``).

    ``timeout`` bounds the connect and each request/answer; a subscribed stream waits without limit.
    """
    where = Path(path) if path is not None else default_socket_path(os.environ)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(where))
    except (FileNotFoundError, ConnectionRefusedError):
        sock.close()
        raise DaemonNotRunning(f"memoryd is not running (nothing listens on {where})") from None
    except PermissionError:
        sock.close()
        raise MemorydError(f"not allowed to connect to {where} (is it another user's daemon?)") from None
    except BaseException:
        sock.close()
        raise
    return Connection(sock, where)


def follow(
    path: str | os.PathLike[str] | None = None,
    since: Since = "now",
    types: Sequence[str] | None = None,
    session_key: str | None = None,
    reconnect: bool = True,
    on_lost: Callable[[MemorydError | TimeoutError], None] | None = None,
    on_back: Callable[[], None] | None = None,
) -> Generator[Event, None, None]:
    """Events with ``seq > since``, forever: resumes after the last event it yielded.

    With ``reconnect`` (the default) a stopped or restarting daemon is waited for (retrying with
    backoff up to 2 s) and an overflow is resumed at once, so the consumer sees each matching event
    exactly once, in order. ``"now"`` is the daemon's head when ``follow`` is called (it connects right
    away), or at the first successful connection if the daemon is not up yet. ``on_lost`` is called
    once when a connection that was up is lost, ``on_back`` when one is up again (``memoryd tail``
    prints a line for each). Only ``CursorExpired`` (events lost to retention) and ``RequestError``
    end it with an error::

        for event in follow(since=0, types=["memory.*"]):
            print(event["seq"], event["type"])
    """
    first: tuple[Connection, Subscription] | None = None
    if since == "now":
        try:
            first = _open(path, "now", types, session_key)
        except (DaemonNotRunning, ConnectionLost, TimeoutError):
            if not reconnect:
                raise
    return _follow(path, since, types, session_key, reconnect, first, on_lost, on_back)


def _open(
    path: str | os.PathLike[str] | None, since: Since, types: Sequence[str] | None, session_key: str | None
) -> tuple[Connection, Subscription]:
    conn = connect(path)
    try:
        return conn, conn.subscribe(since=since, types=types, session_key=session_key)
    except BaseException:
        conn.close()
        raise


def _follow(
    path: str | os.PathLike[str] | None,
    since: Since,
    types: Sequence[str] | None,
    session_key: str | None,
    reconnect: bool,
    first: tuple[Connection, Subscription] | None,
    on_lost: Callable[[MemorydError | TimeoutError], None] | None = None,
    on_back: Callable[[], None] | None = None,
) -> Generator[Event, None, None]:
    cursor: int | None = None if since == "now" else since
    delay = _RETRY_FIRST
    up = False  # a connection is (or was, until the last error) subscribed
    lost = False  # one that was up went away, and none is up again yet
    while True:
        try:
            conn, sub = first or _open(path, "now" if cursor is None else cursor, types, session_key)
            first = None
            up = True
            if lost and on_back is not None:
                on_back()
            lost = False
            with conn:
                if cursor is None:
                    cursor = sub.head_seq
                delay = _RETRY_FIRST
                for event in sub:
                    cursor = event.seq
                    yield event
        except StreamOverflow as exc:
            if not reconnect:
                raise
            cursor = max(cursor or 0, exc.resume_from)
            continue  # the daemon is there: resume at once
        except (DaemonNotRunning, ConnectionLost, TimeoutError) as exc:
            if not reconnect:
                raise
            if up and not lost and on_lost is not None:
                on_lost(exc)
            lost, up = lost or up, False
        time.sleep(delay)
        delay = min(delay * 2, _RETRY_MAX)
