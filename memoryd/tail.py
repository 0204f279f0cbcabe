"""``memoryd tail``: the event stream, from the daemon's socket when it runs, else from the event log.

* ``--json`` prints the exact log lines, byte for byte, so ``memoryd tail --json | jq`` sees what the
  log holds; otherwise one human line per event: ``seq time type session_key key=value ...`` with the
  time in local time (``--utc``: UTC) and every value whole (lists and objects as compact JSON,
  paths uncut), coloured only on a terminal, and never with ``NO_COLOR`` set.
* ``--since`` takes a seq, ``now``, an age (``10m``, ``2h``, ``1d``, ``90s``) or a local time
  (``14:30``, ``2026-12-02 14:30``, ISO 8601 with an offset); ``-n N`` starts with the last N
  matching events (after ``--since``, if given), as ``tail -n`` and ``journalctl -n`` do.
* Following (the default) survives daemon restarts: it says on stderr when the daemon went away and
  when it is back, and resumes after the last event it printed. Without a daemon it polls the log
  files for new lines (across rotated segments).
* Paths: ``--socket``/``--log``, else ``[paths]`` of the config file (``--config`` when the CLI has it,
  ``$MEMORYD_CONFIG``, XDG), else the defaults of ``memoryd.config``.
* ``--no-follow`` prints what is there and exits: with the daemon, up to the ``head_seq`` of its
  hello; without, up to the end of the log files. ``--since`` defaults to ``now`` when following and
  to everything the log still keeps with ``--no-follow``.
* A ``--since`` older than the log keeps (retention) is an error (exit 1), from the daemon
  (``cursor_expired``) and from the files alike: never a silent gap.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final, TextIO

import orjson

from memoryd import client
from memoryd.config import daemon_paths
from memoryd.sinks.journal import CursorExpired, closed_segments, iter_log, log_bounds, log_exists
from memoryd.sinks.live_feed import EventFilter, event_filter

POLL_SECONDS: Final = 0.25
_AGE = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?:in)?)?(?:(\d+)s)?")


@dataclass(frozen=True, slots=True)
class At:
    """``--since`` as a moment (Unix time): events from then on."""

    epoch: float


SinceArg = client.Since | At


def parse_since(text: str, now: float | None = None) -> SinceArg:
    """A seq, ``now``, an age (``10m``, ``1h30m``, ``2d``) or a time (``14:30``, ``2026-12-02T14:30``)."""
    now = time.time() if now is None else now
    if text == "now":
        return "now"
    if text.isdigit():
        return int(text)
    m = _AGE.fullmatch(text)
    if m and any(m.groups()):
        d, h, mi, sec = (int(g or 0) for g in m.groups())
        return At(now - timedelta(days=d, hours=h, minutes=mi, seconds=sec).total_seconds())
    try:
        if re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", text):
            today = datetime.fromtimestamp(now).astimezone()
            clock = datetime.strptime(text, "%H:%M:%S" if text.count(":") == 2 else "%H:%M")
            t = today.replace(hour=clock.hour, minute=clock.minute, second=clock.second, microsecond=0)
            return At(t.timestamp())
        t = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a seq number, 'now', an age such as 10m / 2h / 1d, or a time such as 14:30 "
            f"or 2026-12-02T14:30; got {text!r}"
        ) from None
    return At((t if t.tzinfo else t.astimezone()).timestamp())


def _since_arg(text: str) -> SinceArg:
    return parse_since(text)


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of events >= 0, got {text!r}")
    return int(text)


def add_tail_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``memoryd tail`` (see ``contracts.md``)."""
    parser.add_argument(
        "--since",
        type=_since_arg,
        default=None,
        metavar="SEQ|now|AGE|TIME",
        help="events after this seq, or from this age (10m, 2h, 1d) or local time (14:30, 2026-12-02T14:30) "
        "on (default: now when following, all that is kept with --no-follow)",
    )
    parser.add_argument(
        "-n",
        "--lines",
        type=_count,
        default=None,
        metavar="N",
        help="begin with the last N matching events (after --since, if given)",
    )
    parser.add_argument(
        "--type",
        dest="types",
        action="append",
        default=None,
        metavar="GLOB",
        help="only event types matching this glob, e.g. 'memory.*' (repeatable)",
    )
    parser.add_argument(
        "--session", dest="session_key", default=None, metavar="KEY", help="only this session key"
    )
    parser.add_argument("-j", "--json", action="store_true", help="print the exact NDJSON log lines (for jq)")
    parser.add_argument("--utc", action="store_true", help="times in UTC (default: local time)")
    parser.add_argument(
        "--no-follow", dest="no_follow", action="store_true", help="print what is there now, then exit"
    )
    parser.add_argument("--socket", type=Path, default=None, metavar="PATH", help="the daemon's socket")
    parser.add_argument(
        "--log", type=Path, default=None, metavar="PATH", help="the event log (without a daemon)"
    )


@dataclass(frozen=True, slots=True)
class _Options:
    since: client.Since | None  # None: everything the log still keeps (--no-follow without --since)
    types: list[str] | None
    session_key: str | None
    follow: bool
    socket: Path
    log: Path

    @property
    def match(self) -> EventFilter:
        return event_filter(self.types, self.session_key)


def _configured_paths(config: str | None) -> tuple[Path, Path]:
    """(socket, event log) as the daemon finds them; ``ConfigError`` propagates (exit code 2)."""
    where = daemon_paths(config, os.environ)
    return where.socket_path, where.event_log


def seq_before(log: Path, epoch: float) -> int:
    """The seq after which the events from ``epoch`` on begin (their ``time``s rise with ``seq``)."""
    after = 0
    for seg in closed_segments(log):  # start in the newest segment that begins before ``epoch``
        first = _first_line_event(seg.path)
        if first is None or _epoch(first) >= epoch:
            break
        after = int(first["seq"]) - 1
    last = after
    for _raw, event in iter_log(log, after):
        if _epoch(event) >= epoch:
            return int(event["seq"]) - 1
        last = int(event["seq"])
    return last


def seq_of_last(log: Path, n: int, match: EventFilter, after: int) -> int:
    """The seq after which the last ``n`` events matching ``match`` (with ``seq > after``) begin."""
    if n == 0:
        return log_bounds(log)[1]
    newest: deque[int] = deque(maxlen=n)
    for _raw, event in iter_log(log, after):
        if match(event):
            newest.append(int(event["seq"]))
    return newest[0] - 1 if len(newest) == n else after


def _first_line_event(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            event = orjson.loads(fh.readline())
    except (OSError, orjson.JSONDecodeError):
        return None
    return event if isinstance(event, dict) and isinstance(event.get("seq"), int) else None


def _epoch(event: dict[str, Any]) -> float:
    when = event.get("time")
    try:
        return datetime.fromisoformat(str(when)).timestamp()
    except ValueError:
        return 0.0


def _options(args: argparse.Namespace) -> _Options:
    follow = not args.no_follow
    sock, log = args.socket, args.log
    if sock is None or log is None:
        configured_sock, configured_log = _configured_paths(getattr(args, "config", None))
        sock, log = sock or configured_sock, log or configured_log
    raw_since: SinceArg | None = args.since
    since: client.Since | None = seq_before(log, raw_since.epoch) if isinstance(raw_since, At) else raw_since
    lines: int | None = getattr(args, "lines", None)
    if lines is not None:
        after = log_bounds(log)[1] if since == "now" else (since or 0)
        if since != "now":
            since = seq_of_last(log, lines, event_filter(args.types or None, args.session_key), after)
    if since is None and follow:
        since = "now"
    return _Options(
        since=since,
        types=args.types or None,
        session_key=args.session_key,
        follow=follow,
        socket=sock,
        log=log,
    )


# -- output ------------------------------------------------------------------------------------------
_RESET: Final = "\x1b[0m"
_DIM: Final = "\x1b[2m"


def _type_colour(type_: str) -> str:
    if type_.endswith((".failed", ".error", ".conflict")) or type_ == "source.error":
        return "\x1b[31m"
    if type_.endswith((".completed", ".compacted")):
        return "\x1b[32m"
    if type_.endswith((".started", ".crossed")):
        return "\x1b[33m"
    return "\x1b[36m"


def _safe(text: str) -> str:
    """Event text comes from transcripts: never let it put control characters on a terminal."""
    return text if text.isprintable() else json.dumps(text)


def _value(value: Any) -> str:
    """A value whole: plain when it can be, else JSON (lists and objects compact), safe for a terminal."""
    if isinstance(value, str):
        plain = value and value.isprintable() and not any(c in value for c in ' ="')
        return value if plain else json.dumps(value, ensure_ascii=not value.isprintable())
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text if text.isprintable() else json.dumps(value, separators=(",", ":"))


def local_time(stamp: Any, *, utc: bool = False) -> str:
    """An event's RFC 3339 UTC ``time`` as ``2026-12-02T15:32:05.401`` local (``utc``: with ``Z``)."""
    try:
        t = datetime.fromisoformat(str(stamp))
    except ValueError:
        return _safe(str(stamp))
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    if utc:
        return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return t.astimezone().strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]


def human_line(event: dict[str, Any], colour: bool, *, utc: bool = False) -> str:
    """``seq time type session_key key=value ...``, one line, safe for a terminal."""
    seq = str(event.get("seq", "?"))
    when = local_time(event.get("time", "-"), utc=utc)
    type_ = _safe(str(event.get("type", "?")))
    session = _safe(str(event.get("session_key") or "-"))
    data = event.get("data")
    pairs = [(_safe(str(k)), _value(v)) for k, v in data.items()] if isinstance(data, dict) else []
    if not colour:
        return " ".join([seq, when, type_, session, *(f"{k}={v}" for k, v in pairs)])
    fields = [
        f"{_DIM}{seq}{_RESET}",
        f"{_DIM}{when}{_RESET}",
        f"{_type_colour(type_)}{type_}{_RESET}",
        session,
    ]
    return " ".join([*fields, *(f"{_DIM}{k}={_RESET}{v}" for k, v in pairs)])


class _Printer:
    """Writes events to stdout: exact bytes with ``--json``, else human lines."""

    def __init__(self, out: TextIO, as_json: bool, colour: bool, *, utc: bool = False) -> None:
        self._out = out
        self._json = as_json
        self._colour = colour
        self._utc = utc

    def emit(self, raw: bytes, event: dict[str, Any]) -> None:
        if not self._json:
            self._out.write(human_line(event, self._colour, utc=self._utc) + "\n")
            return
        line = raw if raw.endswith(b"\n") else raw + b"\n"
        binary = getattr(self._out, "buffer", None)
        if binary is None:
            self._out.write(line.decode("utf-8", "replace"))
            return
        self._out.flush()  # keep order with anything written as text before
        binary.write(line)

    def flush(self) -> None:
        self._out.flush()
        binary = getattr(self._out, "buffer", None)
        if binary is not None:
            binary.flush()


def _wants_colour(out: TextIO) -> bool:
    return not os.environ.get("NO_COLOR") and out.isatty()


# -- the log file, without a daemon -----------------------------------------------------------------
def _tail_file(opts: _Options, printer: _Printer, err: TextIO) -> int:
    """Print from the log files (all segments), then poll them for more when following.

    One code path with the daemon's replay: ``iter_log`` (strict: a ``--since`` older than retention
    is an error, never a silent gap).
    """
    if not opts.follow and not log_exists(opts.log):
        err.write(
            f"memoryd tail: the daemon is not running ({opts.socket}) and there is no event log at {opts.log}\n"
        )
        return 1
    cursor = log_bounds(opts.log)[1] if opts.since == "now" else (opts.since or 0)
    strict = opts.since is not None
    match = opts.match
    if opts.follow:
        err.write(f"memoryd tail: the daemon is not running; following {opts.log}\n")
        err.flush()
    while True:
        for raw, event in iter_log(opts.log, cursor, strict=strict):
            cursor = event["seq"]
            if match(event):
                printer.emit(raw, event)
        printer.flush()
        if not opts.follow:
            return 0
        time.sleep(POLL_SECONDS)


# -- the daemon -----------------------------------------------------------------------------------------
def _print_until_head(opts: _Options, conn: client.Connection, printer: _Printer) -> int:
    """``--no-follow`` with a daemon: everything up to the hello's ``head_seq``, then exit.

    The stream is unfiltered and filtered here, because only the seqs tell when the head is reached.
    After an overflow it resubscribes; if the daemon goes away, the log file supplies the rest.
    """
    since: client.Since = 0 if opts.since is None else opts.since
    try:
        sub = conn.subscribe(since=since)
    except client.CursorExpired as exc:
        if opts.since is not None or exc.oldest_seq is None:
            raise
        conn.close()  # no --since: "everything" means everything that is still kept
        conn = client.connect(opts.socket)
        since = exc.oldest_seq - 1
        sub = conn.subscribe(since=since)
    head = sub.head_seq
    cursor = head if since == "now" else since
    match = opts.match
    try:
        while cursor < head:
            try:
                for event in sub:
                    cursor = event.seq
                    if match(event):
                        printer.emit(event.raw, event)
                    if cursor >= head:
                        break
            except client.StreamOverflow as exc:
                cursor = max(cursor, exc.resume_from)
                conn.close()
                conn = client.connect(opts.socket)
                sub = conn.subscribe(since=cursor)
    except (client.ConnectionLost, client.DaemonNotRunning):
        _print_file_range(opts.log, cursor, head, match, printer)
    finally:
        conn.close()
    return 0


def _print_file_range(path: Path, after: int, upto: int, match: EventFilter, printer: _Printer) -> None:
    for raw, event in iter_log(path, after, strict=True):
        if event["seq"] > upto:
            return
        if match(event):
            printer.emit(raw, event)


def _follow_daemon(opts: _Options, printer: _Printer, err: TextIO) -> int:
    assert opts.since is not None, "following always has a --since (default: now)"
    last = [opts.since]

    def lost(exc: Exception) -> None:
        printer.flush()
        after = f" after seq {last[0]}" if isinstance(last[0], int) else ""
        err.write(f"memoryd tail: the daemon went away ({exc}); waiting for it, to go on{after}\n")
        err.flush()

    def back() -> None:
        err.write("memoryd tail: the daemon is back\n")
        err.flush()

    for event in client.follow(
        opts.socket,
        since=opts.since,
        types=opts.types,
        session_key=opts.session_key,
        on_lost=lost,
        on_back=back,
    ):
        last[0] = event.seq
        printer.emit(event.raw, event)
        printer.flush()
    return 0


def _run(opts: _Options, printer: _Printer, err: TextIO) -> int:
    try:
        conn = client.connect(opts.socket)
    except client.DaemonNotRunning:
        return _tail_file(opts, printer, err)
    try:
        if not opts.follow:
            return _print_until_head(opts, conn, printer)
    finally:
        conn.close()
    return _follow_daemon(opts, printer, err)


def run_tail(args: argparse.Namespace) -> int:
    """``memoryd tail``; returns the exit code (0 also when the reader of a pipe went away)."""
    opts = _options(args)
    printer = _Printer(
        sys.stdout,
        args.json,
        colour=not args.json and _wants_colour(sys.stdout),
        utc=getattr(args, "utc", False),
    )
    try:
        code = _run(opts, printer, sys.stderr)
        printer.flush()
        return code
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 0
    except (client.CursorExpired, CursorExpired) as exc:
        oldest = f" (the oldest kept is {exc.oldest_seq})" if exc.oldest_seq is not None else ""
        after = f"--since {opts.since}" if opts.since is not None else "the oldest one it found"
        sys.stderr.write(f"memoryd tail: events after {after} are no longer kept{oldest}\n")
        return 1
    except client.MemorydError as exc:
        sys.stderr.write(f"memoryd tail: {exc}\n")
        return 1


def _silence_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so the interpreter's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (e.g. captured in tests): nothing to silence
