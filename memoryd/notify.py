"""sd_notify with the standard library, plus the liveness record that gates the watchdog.

systemd's protocol is one datagram of ``KEY=value`` lines to the AF_UNIX socket named by
``$NOTIFY_SOCKET`` (a path, or ``@name`` for the abstract namespace). A notifier without that
variable does nothing, so the daemon calls it unconditionally. Sending never raises: a missing or
broken socket is logged once and the daemon goes on, because losing a status line must never stop
memoryd from saving memory.

The watchdog must mean "every part of the daemon works", not "the process exists": each task calls
``Liveness.beat(name)`` from its loop, and the daemon pings only while ``Liveness.all_alive`` holds.
A task stuck in an ``await`` thus stops the pings, and systemd restarts memoryd.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping

import structlog

log = structlog.get_logger("memoryd.notify")

Field = str | int | float
SEND_TIMEOUT = 1.0


def _socket_address(raw: str) -> str | None:
    """``$NOTIFY_SOCKET`` as a ``sendto`` address; None for kinds we do not speak (e.g. vsock)."""
    if raw.startswith("@"):
        return "\0" + raw[1:]
    if raw.startswith("/"):
        return raw
    return None


def _positive_int(raw: str | None) -> int | None:
    try:
        value = int(raw) if raw else 0
    except ValueError:
        return None
    return value if value > 0 else None


class Notifier:
    """Talks to systemd; every method is a no-op when not started by systemd with ``Type=notify``."""

    def __init__(
        self,
        address: str | None,
        *,
        watchdog_usec: int | None = None,
        watchdog_pid: int | None = None,
        pid: int | None = None,
    ) -> None:
        self.address = address
        self.watchdog_usec = watchdog_usec
        self.watchdog_pid = watchdog_pid
        self._pid = os.getpid() if pid is None else pid
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._failing = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Notifier:
        """Read ``NOTIFY_SOCKET``, ``WATCHDOG_USEC`` and ``WATCHDOG_PID`` (default: ``os.environ``)."""
        env = os.environ if env is None else env
        raw = env.get("NOTIFY_SOCKET", "")
        address = _socket_address(raw) if raw else None
        if raw and address is None:
            log.warning("notify.unsupported_socket", notify_socket=raw[:200])
        return cls(
            address,
            watchdog_usec=_positive_int(env.get("WATCHDOG_USEC")),
            watchdog_pid=_positive_int(env.get("WATCHDOG_PID")),
        )

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def send(self, **fields: Field) -> bool:
        """One datagram of ``KEY=value`` lines, e.g. ``send(READY=1, STATUS="...")``. True if sent."""
        return self._send(fields, wait=True)

    def _send(self, fields: Mapping[str, Field], *, wait: bool) -> bool:
        """A full queue (systemd not reading) is waited on for at most ``SEND_TIMEOUT``; with
        ``wait=False`` (a mere status line, sent often while a drain runs) not at all: the line is
        dropped rather than the event loop stalled."""
        if self.address is None or not fields:
            return False
        lines = "".join(f"{key}={_one_line(value)}\n" for key, value in fields.items())
        with self._lock:
            try:
                if self._sock is None:
                    self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
                    # A datagram queue that systemd does not drain must not stall the event loop.
                    self._sock.settimeout(SEND_TIMEOUT)
                self._sock.settimeout(SEND_TIMEOUT if wait else 0.0)
                self._sock.sendto(lines.encode(), self.address)
            except BlockingIOError:
                return False  # a status line dropped: the next one says the same, newer
            except OSError as exc:
                if not self._failing:
                    log.warning("notify.failed", error=str(exc)[:200], fields=sorted(fields))
                self._failing = True
                return False
        if self._failing:
            log.info("notify.recovered")
            self._failing = False
        return True

    def ready(self, status: str | None = None) -> bool:
        """The service is up: the socket listens and the first catch-up is done."""
        if status is None:
            return self.send(READY=1)
        return self.send(READY=1, STATUS=status)

    def status(self, text: str) -> bool:
        """A line a person reads in ``systemctl status`` (dropped, not waited on, if systemd lags)."""
        return self._send({"STATUS": text}, wait=False)

    def extend_timeout(self, seconds: float) -> bool:
        """Ask for ``seconds`` more before the start (or stop) timeout fires."""
        return self.send(EXTEND_TIMEOUT_USEC=max(1, int(seconds * 1_000_000)))

    def stopping(self, status: str | None = None) -> bool:
        """We got SIGTERM and are shutting down gracefully."""
        if status is None:
            return self.send(STOPPING=1)
        return self.send(STOPPING=1, STATUS=status)

    def ping(self) -> bool:
        """Keep the watchdog quiet; call only while ``Liveness.all_alive`` holds."""
        return self.send(WATCHDOG=1)

    def watchdog_interval(self) -> float | None:
        """Seconds between pings (half of ``WATCHDOG_USEC``), or None when the watchdog is not ours."""
        if self.watchdog_usec is None:
            return None
        if self.watchdog_pid is not None and self.watchdog_pid != self._pid:
            return None
        return self.watchdog_usec / 2 / 1_000_000

    @contextlib.contextmanager
    def extending_timeout(
        self, step: float = 30.0, *, limit: float = 1800.0, label: str = "catching up"
    ) -> Iterator[None]:
        """While the block runs (a long first catch-up), keep extending the start timeout.

        A helper thread sends ``EXTEND_TIMEOUT_USEC`` (and ``WATCHDOG=1``: systemd arms the watchdog
        at start, before ``READY=1``) every ``step / 2`` seconds, at most for ``limit`` seconds: a
        catch-up that truly hangs still ends in a start timeout.
        """
        if not self.enabled:
            yield
            return
        done = threading.Event()
        started = time.monotonic()

        def extend() -> None:
            while True:
                elapsed = time.monotonic() - started
                if elapsed >= limit:
                    return
                fields: dict[str, Field] = {
                    "EXTEND_TIMEOUT_USEC": int(step * 1_000_000),
                    "STATUS": f"{label} ({int(elapsed)} s)",
                }
                if self.watchdog_interval() is not None:
                    fields["WATCHDOG"] = 1
                self.send(**fields)
                if done.wait(step / 2):
                    return

        thread = threading.Thread(target=extend, name="memoryd-extend-timeout", daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()

    def close(self) -> None:
        with self._lock:
            if self._sock is not None:
                self._sock.close()
                self._sock = None


def _one_line(value: Field) -> str:
    """A value on one line: a newline would start a new (bogus) assignment."""
    return " ".join(str(value).splitlines())


class Liveness:
    """When each long-lived task last showed it was making progress (monotonic seconds)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._beats: dict[str, float] = {}

    def register(self, name: str) -> None:
        """Start watching a task (counts as a beat now)."""
        self._beats[name] = self._clock()

    def beat(self, name: str) -> None:
        """Called by a task from its loop; registers the task on its first beat."""
        self._beats[name] = self._clock()

    def unregister(self, name: str) -> None:
        """A task that ends on purpose stops being watched."""
        self._beats.pop(name, None)

    def stale(self, now: float | None = None, max_age: float = 30.0) -> list[str]:
        """The tasks that have not beaten within ``max_age``, sorted (for a STATUS line or a log)."""
        now = self._clock() if now is None else now
        return sorted(name for name, last in self._beats.items() if now - last > max_age)

    def all_alive(self, now: float | None = None, max_age: float = 30.0) -> bool:
        """True if every registered task beat within ``max_age`` (vacuously True with none)."""
        return not self.stale(now, max_age)

    def names(self) -> list[str]:
        return sorted(self._beats)


class Watchdog:
    """One decision per call: ping while every task is alive, withhold (and say why) when not.

    The daemon calls ``step()`` every ``notifier.watchdog_interval()`` seconds from its own task.
    """

    def __init__(self, notifier: Notifier, liveness: Liveness, max_age: float) -> None:
        self.notifier = notifier
        self.liveness = liveness
        self.max_age = max_age
        self._withheld: list[str] = []

    def step(self, now: float | None = None) -> bool:
        """True if a ``WATCHDOG=1`` went out."""
        stale = self.liveness.stale(now, self.max_age)
        if stale:
            if stale != self._withheld:
                log.error("watchdog.withheld", stalled_tasks=stale, max_age_seconds=self.max_age)
                self.notifier.status(f"stalled: {', '.join(stale)} (no progress for {self.max_age:g} s)")
            self._withheld = stale
            return False
        self._withheld = []
        return self.notifier.ping()
