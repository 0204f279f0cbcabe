"""The ``memoryd`` command. Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad config."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from memoryd import __version__
from memoryd.config import ConfigError, Settings, daemon_paths, load_settings

if TYPE_CHECKING:
    from memoryd.client import Connection

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2


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
            return daemon.run_once()
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


def cmd_extract(args: argparse.Namespace) -> int:
    from memoryd.flush.pipeline import content_of_bytes
    from memoryd.flush.render import BlockMeta, render_block
    from memoryd.sources.transcript import parse_lines

    path = Path(args.transcript)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"memoryd extract: {path}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    header, _, _ = parse_lines(data.split(b"\n", 1)[0] + b"\n")
    session_id = (header.session_id if header else None) or path.name.split(".jsonl")[0]
    content = content_of_bytes(data, [])
    for err in content.line_errors:
        print(f"memoryd extract: {path}: skipped a line: {err}", file=sys.stderr)
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
        session_key=args.session_key or "(extract)",
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


def _print_status(st: dict[str, Any]) -> None:
    d = st.get("daemon") or {}
    if d:
        print(
            f"daemon: running, pid {d.get('pid')}, up {d.get('uptime_seconds')}s, watcher {d.get('watcher')}"
        )
    else:
        print("daemon: not running (figures from the last checkpoint)")
    print(f"events: head seq {st.get('head_seq')}, pending flushes {st.get('pending_flushes', 0)}")
    sessions = st.get("sessions") or []
    if not sessions:
        print("no sessions tracked yet")
        return
    print(f"{'session key':34} {'cycle':>5} {'tokens':>9} {'flush at':>9} {'window':>8}  last flush")
    for s in sessions:
        last = s.get("last_flush") or {}
        last_txt = f"{last.get('time', '')} {last.get('trigger', '')}".strip() or "-"
        mark = " *" if s.get("flushed_this_cycle") else ""
        print(
            f"{s['session_key'][:34]:34} {s['cycle']:>5} {s['projected_tokens']:>9} "
            f"{s['flush_point'] or '-':>9} {s['window']:>8}  {last_txt}{mark}"
        )


def cmd_status(args: argparse.Namespace) -> int:
    answer = _ask_daemon(daemon_paths(args.config).socket_path, lambda conn: conn.status())
    if answer is None:
        from memoryd.status import offline_status

        answer = offline_status(_settings(args))
    answer.pop("type", None)
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(answer, option=orjson.OPT_INDENT_2) + b"\n")
    else:
        _print_status(answer)
    return EXIT_OK


def cmd_flush(args: argparse.Namespace) -> int:
    answer = _ask_daemon(
        daemon_paths(args.config).socket_path, lambda conn: conn.flush(args.session_key, args.reason)
    )
    if answer is None:
        settings = _settings(args)
        from memoryd.daemon import Daemon
        from memoryd.lock import StateDirLocked, StateLock

        try:
            with StateLock(settings.state_dir):
                daemon = Daemon(settings)
                daemon.journal.open()
                try:
                    daemon.engine.start()
                    daemon.engine.scan_all()
                    answer = daemon.engine.manual_flush(args.session_key, args.reason)
                    daemon.engine.settle()
                finally:
                    daemon.engine.close()
                    daemon.journal.close()
        except StateDirLocked as exc:
            print(f"memoryd flush: {exc}", file=sys.stderr)
            return EXIT_FAIL
    answer.pop("type", None)
    sys.stdout.buffer.write(orjson.dumps(answer) + b"\n")
    if not answer.get("ok"):
        return EXIT_USAGE if "unknown session" in str(answer.get("error", "")) else EXIT_FAIL
    return EXIT_OK


def cmd_tail(args: argparse.Namespace) -> int:
    from memoryd.tail import run_tail

    return run_tail(args)


def cmd_eval(args: argparse.Namespace) -> int:
    from memoryd import evaluation as ev

    try:
        reports = ev.score_splits(Path(args.dir))
    except (FileNotFoundError, ValueError) as exc:
        print(f"memoryd eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        data = ev.splits_to_json(reports)
        sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
        return EXIT_OK
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
    return service.uninstall(os.environ, sys.stdout)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="memoryd",
        description="Saves what your agent's conversations decided before OpenClaw compacts them.",
    )
    parser.add_argument("--version", action="version", version=f"memoryd {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_config(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--config", metavar="FILE", help="TOML config (default: $MEMORYD_CONFIG or XDG)")
        return p

    run = with_config(sub.add_parser("run", help="the daemon, in the foreground"))
    run.add_argument("--once", action="store_true", help="catch up, flush what is due, exit")
    run.add_argument("--log-level", default=os.environ.get("MEMORYD_LOG_LEVEL", "info"))
    run.set_defaults(func=cmd_run)

    demo = sub.add_parser("demo", help="a throwaway copy of sample_workspace/, driven past the threshold")
    demo.add_argument("--keep", action="store_true", help="keep the temp folder and print its path")
    demo.add_argument("--speed", type=float, default=1.0, help="pace of the simulated conversation")
    demo.set_defaults(func=cmd_demo)

    status = with_config(sub.add_parser("status", help="sessions, thresholds, last flushes, daemon health"))
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=cmd_status)

    flush = with_config(sub.add_parser("flush", help="flush one session now"))
    flush.add_argument("session_key", metavar="SESSION_KEY")
    flush.add_argument("--reason", default=None)
    flush.set_defaults(func=cmd_flush)

    extract = sub.add_parser("extract", help="dry run: what a flush of a transcript would write")
    extract.add_argument("transcript", metavar="TRANSCRIPT")
    extract.add_argument("--json", action="store_true", help="items as JSON lines")
    extract.add_argument("--session-key", default=None, help=argparse.SUPPRESS)
    extract.set_defaults(func=cmd_extract)

    ev = sub.add_parser(
        "eval",
        help="score the extractor on transcripts with gold labels",
        description="Score the rules extractor on DIR: a folder of *.jsonl + *.gold.json (one split), "
        "or a folder of such folders (one split each). The matching rule is in docs/evaluation.md.",
    )
    ev.add_argument("dir", metavar="DIR")
    ev.add_argument("--json", action="store_true", help="every split's figures and items as JSON")
    ev.add_argument("--verbose", "-v", action="store_true", help="per-kind and per-transcript detail")
    ev.add_argument(
        "--rules", action="store_true", help="force the rules extractor (the only one eval runs today)"
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
    svc_sub.add_parser("uninstall", help="remove the unit file")
    svc.set_defaults(func=cmd_service)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from memoryd import logs

    logs.configure("warning")  # stdout is for answers; `run` picks its own level
    try:
        result: int = args.func(args)
        return result
    except ConfigError as exc:
        print(f"memoryd: config: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
