"""The ``memoryd`` command.

Exit codes: 0 ok, 1 runtime failure (a flush that could not be written included), 2 bad usage or bad
configuration (the message names the key or path), 3 ``status``: the daemon is not running (as
``systemctl status``), 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from memoryd import __version__
from memoryd.config import ConfigError, Settings, daemon_paths, load_settings

if TYPE_CHECKING:
    from memoryd.client import Connection, Subscription
    from memoryd.flush.llm import LLMSettings
    from memoryd.flush.pipeline import FlushContent
    from memoryd.sources.transcript import Entry, LineError

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2
EXIT_NOT_RUNNING = 3  # `status` without a daemon, like systemctl's and LSB's "program is not running"
EXIT_INTERRUPTED = 130
FLUSH_TIMEOUT = 30.0


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(getattr(args, "config", None))


def cmd_run(args: argparse.Namespace) -> int:
    import anyio

    from memoryd import logs
    from memoryd.daemon import Daemon
    from memoryd.lock import StateDirLocked, StateLock

    logs.configure(args.log_level)
    # A file-size limit (ulimit -f, a quota) must fail the write with EFBIG, which we retry,
    # not kill the daemon with SIGXFSZ.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    settings = _settings(args)
    lock = StateLock(settings.state_dir)
    try:
        lock.acquire()
    except StateDirLocked as exc:
        print(f"memoryd: {exc}", file=sys.stderr)
        return EXIT_FAIL
    try:
        daemon = Daemon(settings)
        if args.once:
            from memoryd.summary import once_exit_code, render_once

            summary = daemon.run_once()
            if args.json:
                sys.stdout.buffer.write(orjson.dumps(summary.to_json()) + b"\n")
            else:
                print(render_once(summary))
            return once_exit_code(summary)
        # Graceful from the first instant: until the event loop's own receiver takes over, a
        # SIGTERM / SIGINT asks the daemon to stop instead of killing it mid-start.
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda signum, _frame: daemon.request_stop(signal.Signals(signum).name))
        return anyio.run(daemon.run)
    finally:
        lock.release()


def cmd_demo(args: argparse.Namespace) -> int:
    from memoryd.demo import run_demo

    return run_demo(keep=args.keep, speed=args.speed)


def _extractor(args: argparse.Namespace) -> LLMSettings | None:
    """The configured LLM settings (``flush.extractor = "llm"``, as the daemon reads them), unless ``--rules``."""
    if args.rules:
        return None
    return _settings(args).llm


def _content(entries: Sequence[Entry], errors: Sequence[LineError], llm: LLMSettings | None) -> FlushContent:
    """What a flush of ``entries`` writes, with the extractor a flush would use (and its deadline)."""
    from memoryd.flush.pipeline import content_of

    if llm is None:
        return content_of(entries, [], errors)
    content = content_of(entries, [], errors, llm, deadline=time.monotonic() + llm.deadline)
    why = f"{content.llm_fallback_reason}; " if content.llm_fallback_reason else ""
    print(
        f"memoryd extract: extractor {content.extractor} ({why}model {llm.model} at {llm.base_url}, "
        f"{content.llm_tokens_in} tokens in, {content.llm_tokens_out} out)",
        file=sys.stderr,
    )
    return content


def cmd_extract(args: argparse.Namespace) -> int:
    from memoryd.sources.transcript import parse_lines

    if args.session is not None:
        return _extract_session(args)
    path = Path(args.transcript)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"memoryd extract: {path}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    header, entries, bad = parse_lines(data)
    if header is None and not entries:
        why = "it is empty" if not data.strip() else f"none of its {len(bad)} line(s) is a transcript entry"
        print(
            f"memoryd extract: {path}: not an OpenClaw transcript ({why}); "
            "give a session file from agents/<id>/sessions/*.jsonl",
            file=sys.stderr,
        )
        return EXIT_USAGE
    session_id = (header.session_id if header else None) or path.name.split(".jsonl")[0]
    content = _content(entries, bad, _extractor(args))
    return _print_extract(args, content, str(path), args.session_key or "(extract)", session_id)


def _extract_session(args: argparse.Namespace) -> int:
    """``--session KEY``: the key's current entries, from whichever layout its agent has."""
    from memoryd.sources.lookup import SessionNotFound, session_entries

    settings = _settings(args)
    try:
        got = session_entries(settings, args.session)
    except SessionNotFound as exc:
        print(f"memoryd extract: {exc}; memoryd status lists the session keys", file=sys.stderr)
        return EXIT_USAGE
    content = _content(got.entries, got.errors, None if args.rules else settings.llm)
    return _print_extract(args, content, got.location, got.session_key, got.session_id)


def _print_extract(
    args: argparse.Namespace, content: FlushContent, where: str, session_key: str, session_id: str
) -> int:
    """The same Markdown block a flush would append, or its items as JSON lines."""
    from memoryd.flush.render import BlockMeta, render_block

    for err in content.line_errors:
        print(f"memoryd extract: {where}: skipped a line: {err}", file=sys.stderr)
    if args.json:
        out = sys.stdout.buffer
        for item in content.items:
            out.write(
                orjson.dumps(
                    {
                        "kind": item.kind,
                        "text": item.text,
                        "source": {"session_id": session_id, "entry_ids": list(item.entry_ids)},
                    }
                )
                + b"\n"
            )
        out.flush()
        return EXIT_OK
    meta = BlockMeta(
        flush_id="fl-dryrun",
        session_key=session_key,
        session_id=session_id,
        trigger="manual",
        cycle=0,
        local_time=datetime.now().astimezone(),
        first_entry_id=content.first_entry_id,
        last_entry_id=content.last_entry_id,
    )
    sys.stdout.write(render_block(meta, content.items))
    return EXIT_OK


def _ask_daemon(socket_path: Path, ask: Callable[[Connection], dict[str, Any]]) -> dict[str, Any] | None:
    """One request to a running daemon (``memoryd.client``), or None when none answers."""
    from memoryd import client

    try:
        with client.connect(socket_path, timeout=30) as conn:
            return ask(conn)
    except (client.MemorydError, OSError):
        return None


def _write_json(obj: Any, *, indent: bool = False) -> None:
    sys.stdout.buffer.write(orjson.dumps(obj, option=orjson.OPT_INDENT_2 if indent else 0) + b"\n")


def cmd_status(args: argparse.Namespace) -> int:
    """Per-session pressure and health; exit 3 (figures from the checkpoint) when no daemon runs."""
    from memoryd.status import offline_status, render_status

    answer = _ask_daemon(daemon_paths(args.config).socket_path, lambda conn: conn.status())
    running = answer is not None
    if answer is None:
        answer = offline_status(_settings(args))
    answer.pop("type", None)
    if args.json:
        _write_json(answer, indent=True)
    else:
        print(render_status(answer, legend=not args.no_legend))
    return EXIT_OK if running else EXIT_NOT_RUNNING


def _session_rows(status: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [r for r in status.get("sessions") or [] if r.get("session_key") == key]


def _flush_via_daemon(
    socket_path: Path, key: str, reason: str | None, timeout: float
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any], bool] | None:
    """Ask the daemon for the flush and watch its events until it is written, failed, or ``timeout``.

    The subscription starts before the request, so none of the flush's events can be missed.
    None when no daemon answered the request (the caller flushes itself); once it has answered, a
    daemon that goes away mid-wait is a timeout, never a second flush.
    """
    from memoryd import client

    try:
        watch = client.connect(socket_path, timeout=10)
    except (client.MemorydError, OSError):
        return None
    with watch:
        try:
            sub = watch.subscribe(since="now", types=["memory.flush.*"], session_key=key)
            with client.connect(socket_path, timeout=timeout + 10) as conn:
                answer = conn.flush(key, reason)
        except (client.MemorydError, OSError):
            return None
        fid = answer.get("flush_id") if answer.get("flushed") else None
        events, timed_out = _wait_for_outcome(sub, fid, timeout)
    status: dict[str, Any] = {}
    try:
        with client.connect(socket_path, timeout=10) as conn:
            status = conn.status()
    except (client.MemorydError, OSError):
        pass
    return answer, events, status, timed_out


def _wait_for_outcome(
    sub: Subscription, fid: str | None, timeout: float
) -> tuple[list[dict[str, Any]], bool]:
    """The flush's events until its ``completed`` or ``failed``; (events, timed out)."""
    import time

    from memoryd import client

    events: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while fid is not None:
        left = deadline - time.monotonic()
        if left <= 0:
            return events, True
        try:
            event = sub.next_within(left)
        except (TimeoutError, client.MemorydError, OSError):
            return events, True
        if event is None:
            continue
        events.append(dict(event))
        data = event.get("data") or {}
        if data.get("flush_id") == fid and event["type"] in ("memory.flush.completed", "memory.flush.failed"):
            break
    return events, False


def _flush_offline(
    settings: Settings, key: str, reason: str | None
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any], bool]:
    """No daemon: run the engine here, under the state dir's lock, and watch the same events."""
    from memoryd.daemon import Daemon

    daemon = Daemon(settings)
    events: list[dict[str, Any]] = []
    daemon.journal.listeners.append(
        lambda _seq, _line, ev: events.append(ev) if ev["type"].startswith("memory.flush.") else None
    )
    daemon.journal.open()
    try:
        daemon.engine.start()
        daemon.engine.scan_all()
        answer = daemon.engine.manual_flush(key, reason)
        if not any(e["type"] == "memory.flush.failed" for e in events):
            daemon.engine.settle()  # an editor's lock: wait it out, as the daemon would
        status = daemon.engine.status()
    finally:
        daemon.engine.close()
        daemon.journal.close()
    return answer, events, status, False


def cmd_flush(args: argparse.Namespace) -> int:
    """A manual flush; the exit code says whether the block was written (0), not just started."""
    from memoryd.summary import flush_exit_code, flush_outcome, render_flush

    got = _flush_via_daemon(
        daemon_paths(args.config).socket_path, args.session_key, args.reason, args.timeout
    )
    if got is None:
        from memoryd.lock import StateDirLocked, StateLock

        settings = _settings(args)
        try:
            with StateLock(settings.state_dir):
                got = _flush_offline(settings, args.session_key, args.reason)
        except StateDirLocked as exc:
            print(f"memoryd flush: {exc}", file=sys.stderr)
            return EXIT_FAIL
    answer, events, status, timed_out = got
    rows = _session_rows(status, args.session_key)
    pending = [p for r in rows for p in r.get("pending") or []]
    outcome = flush_outcome(
        args.session_key,
        answer,
        events,
        workspace=rows[0].get("workspace") if rows else None,
        still_pending=pending,
        timed_out=timed_out,
    )
    if args.json:
        answer.pop("type", None)
        _write_json({**answer, **outcome.to_json()})
    else:
        text = render_flush(outcome, args.timeout)
        print(text, file=sys.stdout if flush_exit_code(outcome) == EXIT_OK else sys.stderr)
    return flush_exit_code(outcome)


def cmd_tail(args: argparse.Namespace) -> int:
    from memoryd.tail import run_tail

    return run_tail(args)


def cmd_eval(args: argparse.Namespace) -> int:
    from memoryd import evaluation as ev

    llm = _extractor(args)
    try:
        reports = ev.score_splits(Path(args.dir), llm=llm)
    except (FileNotFoundError, ValueError) as exc:
        print(f"memoryd eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        data = ev.splits_to_json(reports, llm)
        sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
        return EXIT_OK
    print(ev.format_extractor(reports, llm))
    print(ev.format_splits(reports))
    if args.verbose:
        for report in reports:
            print(f"\n== {report.name}\n{ev.format_report(report)}")
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from memoryd.doctor import run_doctor

    return run_doctor(lambda: _settings(args), os.environ, sys.stdout)


def cmd_service(args: argparse.Namespace) -> int:
    from memoryd import service

    if args.action == "install":
        return service.install(os.environ, sys.stdout, exec_path=args.exec_path, force=args.force)
    return service.uninstall(os.environ, sys.stdout, force=args.force)


def cmd_completion(args: argparse.Namespace) -> int:
    from memoryd.completion import script

    sys.stdout.write(script(build_parser(), args.shell))
    return EXIT_OK


def _speed(text: str) -> float:
    from memoryd.demo import MAX_SPEED, MIN_SPEED

    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not MIN_SPEED <= value <= MAX_SPEED:  # also false for nan
        raise argparse.ArgumentTypeError(
            f"expected a number from {MIN_SPEED:g} to {MAX_SPEED:g}, got {text!r}"
        )
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"expected seconds, more than 0 and at most 3600, got {text!r}")
    return value


def _json_flag(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("-j", "--json", action="store_true", help=what)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="memoryd",
        description="Saves what your agent's conversations decided before OpenClaw compacts them.",
        epilog="Exit codes: 0 ok, 1 failure, 2 bad usage or configuration, 3 (status) daemon not running.",
    )
    parser.add_argument(
        "-V", "--version", action="version", version=f"memoryd {__version__}", help="print the version, exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def with_config(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "-c",
            "--config",
            metavar="FILE",
            help="memoryd's TOML config (default: $MEMORYD_CONFIG, else ~/.config/memoryd/config.toml)",
        )
        return p

    run = with_config(sub.add_parser("run", help="the daemon, in the foreground"))
    run.add_argument(
        "--once", action="store_true", help="catch up, flush what is due, exit (1 if a flush failed)"
    )
    run.add_argument(
        "--log-level",
        default=os.environ.get("MEMORYD_LOG_LEVEL", "info"),
        type=str.lower,
        choices=["debug", "info", "warning", "error"],
        help="log lines on stderr from this level up (default: $MEMORYD_LOG_LEVEL or info)",
    )
    _json_flag(run, "with --once: the summary as one JSON object")
    run.set_defaults(func=cmd_run)

    demo = sub.add_parser("demo", help="a throwaway copy of the sample install, driven past the threshold")
    demo.add_argument("--keep", action="store_true", help="keep the temp folder and print its path")
    demo.add_argument(
        "--speed",
        type=_speed,
        default=1.0,
        metavar="X",
        help="pace of the simulated conversation, 0.1 to 100 (default 1: about 30 s)",
    )
    demo.set_defaults(func=cmd_demo)

    status = with_config(sub.add_parser("status", help="sessions, thresholds, last flushes, daemon health"))
    _json_flag(status, "the daemon's status answer as JSON")
    status.add_argument("--no-legend", action="store_true", help="leave out the legend of the markers")
    status.set_defaults(func=cmd_status)

    flush = with_config(sub.add_parser("flush", help="flush one session now, and wait until it is written"))
    flush.add_argument("session_key", metavar="SESSION_KEY", help="e.g. agent:main:main (see memoryd status)")
    flush.add_argument("-r", "--reason", default=None, help="why, recorded in the flush's events")
    flush.add_argument(
        "-t",
        "--timeout",
        type=_seconds,
        default=FLUSH_TIMEOUT,
        metavar="SECONDS",
        help=f"how long to wait for the block to be written (default {FLUSH_TIMEOUT:g})",
    )
    _json_flag(flush, "the outcome as one JSON object")
    flush.set_defaults(func=cmd_flush)

    extract = with_config(
        sub.add_parser(
            "extract",
            help="dry run: what a flush of a transcript or a session would write",
            usage="%(prog)s [-h] [-c FILE] [-j] [--rules] (TRANSCRIPT | --session KEY)",
        )
    )
    what = extract.add_mutually_exclusive_group(required=True)
    what.add_argument("transcript", metavar="TRANSCRIPT", nargs="?", help="a session's .jsonl file")
    what.add_argument(
        "--session",
        metavar="KEY",
        default=None,
        help="a session key (e.g. agent:main:main): its current entries, from its JSONL or SQLite store",
    )
    extract.add_argument("-j", "--json", action="store_true", help="items as JSON lines")
    extract.add_argument(
        "--rules", action="store_true", help='the rules only, even with flush.extractor = "llm" configured'
    )
    extract.add_argument("--session-key", default=None, help=argparse.SUPPRESS)
    extract.set_defaults(func=cmd_extract)

    ev = with_config(
        sub.add_parser(
            "eval",
            help="score the extractor on transcripts with gold labels",
            description="Score the configured extractor (the rules, or the LLM mode with "
            'flush.extractor = "llm") on DIR: a folder of *.jsonl + *.gold.json (one split), '
            "or a folder of such folders (one split each). The matching rule is in docs/evaluation.md.",
        )
    )
    ev.add_argument("dir", metavar="DIR")
    ev.add_argument("--json", action="store_true", help="every split's figures and items as JSON")
    ev.add_argument("--verbose", "-v", action="store_true", help="per-kind and per-transcript detail")
    ev.add_argument(
        "--rules", action="store_true", help='the rules only, even with flush.extractor = "llm" configured'
    )
    ev.set_defaults(func=cmd_eval)

    from memoryd.tail import add_tail_arguments

    tail = with_config(
        sub.add_parser("tail", help="the event stream (socket, or the log when no daemon runs)")
    )
    add_tail_arguments(tail)
    tail.set_defaults(func=cmd_tail)

    doc = with_config(sub.add_parser("doctor", help="check config, paths, permissions and watcher limits"))
    doc.set_defaults(func=cmd_doctor)

    svc = sub.add_parser("service", help="install or remove the systemd user unit")
    svc_sub = svc.add_subparsers(dest="action", required=True, metavar="ACTION")
    inst = svc_sub.add_parser("install", help="write ~/.config/systemd/user/memoryd.service")
    inst.add_argument("--force", action="store_true", help="replace a different unit that is already there")
    inst.add_argument(
        "--exec-path", default=None, metavar="PATH", help="the memoryd to run (default: this one)"
    )
    uninst = svc_sub.add_parser("uninstall", help="remove the unit file (after disable --now)")
    uninst.add_argument("--force", action="store_true", help="remove it even while the unit is still enabled")
    svc.set_defaults(func=cmd_service)

    comp = sub.add_parser("completion", help="print a shell completion script")
    comp.add_argument(
        "shell",
        choices=["bash", "zsh"],
        help='bash: eval "$(memoryd completion bash)" in ~/.bashrc; zsh: likewise',
    )
    comp.set_defaults(func=cmd_completion)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        print("memoryd: error: a COMMAND is needed (memoryd --help lists them)", file=sys.stderr)
        return EXIT_USAGE
    from memoryd import logs

    logs.configure("warning")  # stdout is for answers; `run` picks its own level
    try:
        result: int = args.func(args)
        return result
    except ConfigError as exc:
        print(f"memoryd: config: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a folder we cannot read or write: say which, without a traceback
        where = f": {exc.filename}" if exc.filename else ""
        print(f"memoryd {args.command}{where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAIL
