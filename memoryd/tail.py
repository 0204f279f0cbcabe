"""``memoryd tail``: the event stream, from the daemon's socket when it runs, else from the event log.

* ``--json`` prints the exact log lines, byte for byte, so ``memoryd tail --json | jq`` sees what the
  log holds; otherwise one human line per event: ``seq time type session_key key=value ...``
  (coloured only on a terminal, and never with ``NO_COLOR`` set).
* Following (the default) survives daemon restarts: it reconnects and resumes after the last event
  it printed. Without a daemon it polls the log files for new lines (across rotated segments).
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
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TextIO

from memoryd import client
from memoryd.config import daemon_paths
from memoryd.sinks.journal import CursorExpired, iter_log, log_bounds, log_exists
from memoryd.sinks.live_feed import EventFilter, event_filter

POLL_SECONDS: Final = 0.25
_MAX_VALUE_CHARS: Final = 60


def _since_arg(text: str) -> client.Since:
    if text == "now":
        return "now"
    try:
        seq = int(text)
    except ValueError:
        seq = -1
    if seq < 0:
        raise argparse.ArgumentTypeError(f"expected a seq number >= 0 or 'now', got {text!r}")
    return seq


def add_tail_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``memoryd tail`` (see ``contracts.md``)."""
    parser.add_argument(
        "--since",
        type=_since_arg,
        default=None,
        metavar="SEQ|now",
        help="events after this seq (default: now when following, all that is kept with --no-follow)",
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
    parser.add_argument("--json", action="store_true", help="print the exact NDJSON log lines (for jq)")
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


def _options(args: argparse.Namespace) -> _Options:
    follow = not args.no_follow
    since: client.Since | None = args.since if args.since is not None else ("now" if follow else None)
    sock, log = args.socket, args.log
    if sock is None or log is None:
        configured_sock, configured_log = _configured_paths(getattr(args, "config", None))
        sock, log = sock or configured_sock, log or configured_log
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
    if isinstance(value, str):
        short = value if len(value) <= _MAX_VALUE_CHARS else value[: _MAX_VALUE_CHARS - 1] + "…"
        plain = short and short.isprintable() and not any(c in short for c in ' ="')
        return short if plain else json.dumps(short)
    if isinstance(value, list):
        return f"[{len(value)}]"
    if isinstance(value, dict):
        return f"{{{len(value)}}}"
    return json.dumps(value)


def human_line(event: dict[str, Any], colour: bool) -> str:
    """``seq time type session_key key=value ...``, one line, safe for a terminal."""
    seq = str(event.get("seq", "?"))
    when = _safe(str(event.get("time", "-")))
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

    def __init__(self, out: TextIO, as_json: bool, colour: bool) -> None:
        self._out = out
        self._json = as_json
        self._colour = colour

    def emit(self, raw: bytes, event: dict[str, Any]) -> None:
        if not self._json:
            self._out.write(human_line(event, self._colour) + "\n")
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


def _follow_daemon(opts: _Options, printer: _Printer) -> int:
    assert opts.since is not None, "following always has a --since (default: now)"
    for event in client.follow(opts.socket, since=opts.since, types=opts.types, session_key=opts.session_key):
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
    return _follow_daemon(opts, printer)


def run_tail(args: argparse.Namespace) -> int:
    """``memoryd tail``; returns the exit code (0 also when the reader of a pipe went away)."""
    opts = _options(args)
    printer = _Printer(sys.stdout, args.json, colour=not args.json and _wants_colour(sys.stdout))
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
