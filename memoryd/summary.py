"""What a one-shot command did, in words and as data: ``memoryd flush`` and ``memoryd run --once``.

Pure functions over the events the command saw (``memory.flush.*``) and the status rows of the
sessions, so a failed write is never reported as success: the exit code comes from the outcome.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

Outcome = Literal[
    "written", "nothing_new", "nothing_durable", "failed", "timeout", "unknown_session", "error"
]

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2


@dataclass(frozen=True, slots=True)
class FlushOutcome:
    """The end of one manual flush, as far as the command waited for it."""

    session_key: str
    outcome: Outcome
    flush_id: str | None = None
    path: str | None = None  # the daily log, absolute when the workspace is known
    items: dict[str, int] = field(default_factory=dict)
    item_count: int = 0
    error: str | None = None
    will_retry: bool | None = None
    #: Earlier flushes of this session that are still not written: ``flush_id``, ``attempts``, ``error``.
    still_pending: tuple[dict[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["still_pending"] = list(self.still_pending)
        return out


def _abs(workspace: str | None, rel: str | None) -> str | None:
    if rel is None:
        return None
    return str(Path(workspace) / rel) if workspace else rel


def flush_outcome(
    session_key: str,
    answer: Mapping[str, Any],
    events: Iterable[Mapping[str, Any]],
    *,
    workspace: str | None = None,
    still_pending: Sequence[Mapping[str, Any]] = (),
    timed_out: bool = False,
) -> FlushOutcome:
    """Combine the daemon's ``flush.result`` with the flush's own events."""
    pending = tuple(dict(p) for p in still_pending)
    if not answer.get("ok"):
        error = str(answer.get("error") or "the flush was refused")
        outcome: Outcome = "unknown_session" if "unknown session" in error else "error"
        return FlushOutcome(session_key, outcome, error=error)
    if not answer.get("flushed"):
        reason = str(answer.get("reason") or "nothing_new")
        kind: Outcome = "nothing_durable" if reason == "nothing_durable" else "nothing_new"
        others = tuple(p for p in pending if p.get("flush_id") != answer.get("flush_id"))
        return FlushOutcome(session_key, kind, flush_id=answer.get("flush_id"), still_pending=others)
    fid = answer.get("flush_id")
    mine = [e for e in events if (e.get("data") or {}).get("flush_id") == fid]
    others = tuple(p for p in pending if p.get("flush_id") != fid)
    done = next((e for e in mine if e.get("type") == "memory.flush.completed"), None)
    if done is not None:
        d = done.get("data") or {}
        empty = not d.get("item_count") and not d.get("bytes") and not d.get("recovered")
        return FlushOutcome(
            session_key,
            "nothing_durable" if empty else "written",
            flush_id=fid,
            path=_abs(workspace, d.get("path")),
            items=dict(d.get("items") or {}),
            item_count=int(d.get("item_count") or 0),
            still_pending=others,
        )
    failed = [e for e in mine if e.get("type") == "memory.flush.failed"]
    if failed:
        d = failed[-1].get("data") or {}
        return FlushOutcome(
            session_key,
            "failed",
            flush_id=fid,
            path=_abs(workspace, d.get("path")),
            error=str(d.get("error")),
            will_retry=bool(d.get("will_retry")),
            still_pending=others,
        )
    started = next((e for e in mine if e.get("type") == "memory.flush.started"), None)
    path = _abs(workspace, (started.get("data") or {}).get("path")) if started else None
    if timed_out or answer.get("pending"):
        return FlushOutcome(session_key, "timeout", flush_id=fid, path=path, still_pending=others)
    # Written before the command subscribed (it cannot be: the subscription comes first), or the
    # events were not seen: the daemon's word that it is not pending is all there is.
    return FlushOutcome(session_key, "written", flush_id=fid, path=path, still_pending=others)


def flush_exit_code(o: FlushOutcome) -> int:
    if o.outcome == "unknown_session":
        return EXIT_USAGE
    if o.outcome in ("failed", "timeout", "error") or o.still_pending:
        return EXIT_FAIL
    return EXIT_OK


def _counts(items: Mapping[str, int]) -> str:
    return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in items.items() if v)


def _pending_lines(pending: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = []
    for p in pending:
        err = f": {p['error']}" if p.get("error") else ""
        lines.append(
            f"  still not written: {p.get('flush_id')} ({p.get('trigger', 'flush')}, "
            f"{p.get('attempts', 0)} attempt(s)){err}; memoryd retries it"
        )
    return lines


def render_flush(o: FlushOutcome, timeout: float | None = None) -> str:
    key = o.session_key
    if o.outcome == "written":
        what = f"{o.item_count} item(s)" + (f" ({_counts(o.items)})" if o.items else "")
        lines = [f"{key}: flushed {what} to {o.path or 'the daily log'} [{o.flush_id}]"]
    elif o.outcome == "nothing_new":
        lines = [f"{key}: nothing new since the previous flush; nothing written"]
    elif o.outcome == "nothing_durable":
        lines = [f"{key}: nothing durable in what is new since the previous flush; nothing written"]
    elif o.outcome == "failed":
        retry = (
            "memoryd retries it in the background (memoryd status shows it)"
            if o.will_retry
            else "it will not be retried"
        )
        lines = [f"{key}: the flush {o.flush_id} could not be written to {o.path}: {o.error}; {retry}"]
    elif o.outcome == "timeout":
        waited = f" within {timeout:g} s" if timeout is not None else ""
        lines = [
            f"{key}: the flush {o.flush_id} was started but not written{waited} "
            "(an editor has the daily log open?); memoryd status and memoryd tail show when it is"
        ]
    else:
        lines = [f"{key}: {o.error}"]
    lines += _pending_lines(o.still_pending)
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class OnceSummary:
    """What ``run --once`` did: the flushes written, those that could not be, and a no-op's reason."""

    sessions: int
    written: tuple[dict[str, Any], ...]
    failed: tuple[dict[str, Any], ...]  # still pending when the run ended
    skipped: int
    source_errors: int
    problem: str | None

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["written"], out["failed"] = list(self.written), list(self.failed)
        out["ok"] = once_exit_code(self) == EXIT_OK
        return out


def once_summary(
    events: Iterable[Mapping[str, Any]],
    pending: Iterable[Mapping[str, Any]],
    *,
    sessions: int,
    problem: str | None,
    workspaces: Mapping[str, str] | None = None,
) -> OnceSummary:
    """``events``: what the run emitted; ``pending``: the flushes still not written at its end."""
    ws = workspaces or {}
    written: list[dict[str, Any]] = []
    last_error: dict[str, str] = {}
    skipped = errors = 0
    for e in events:
        d = e.get("data") or {}
        t = e.get("type")
        if t == "memory.flush.completed":
            written.append(
                {
                    "session_key": e.get("session_key"),
                    "flush_id": d.get("flush_id"),
                    "trigger": d.get("trigger"),
                    "item_count": d.get("item_count", 0),
                    "path": _abs(ws.get(str(e.get("agent"))), d.get("path")),
                }
            )
        elif t == "memory.flush.failed":
            last_error[str(d.get("flush_id"))] = str(d.get("error"))
        elif t == "memory.flush.skipped":
            skipped += 1
        elif t == "source.error":
            errors += 1
    failed = tuple(
        {
            "session_key": p.get("session_key"),
            "flush_id": p.get("flush_id"),
            "trigger": p.get("trigger"),
            "attempts": p.get("attempts", 0),
            "error": last_error.get(str(p.get("flush_id"))) or p.get("last_error") or p.get("error"),
        }
        for p in pending
    )
    return OnceSummary(sessions, tuple(written), failed, skipped, errors, problem)


def once_exit_code(s: OnceSummary) -> int:
    return EXIT_FAIL if s.failed or s.problem else EXIT_OK


def render_once(s: OnceSummary) -> str:
    lines = [f"memoryd run --once: {s.sessions} session(s) read"]
    if s.problem:
        lines.append(f"  problem: {s.problem}")
    for w in s.written:
        lines.append(
            f"  flushed {w['session_key']} ({w['trigger']}): {w['item_count']} item(s) -> {w['path']}"
        )
    for f in s.failed:
        lines.append(
            f"  NOT written: {f['session_key']} ({f['trigger']}, {f['flush_id']}, "
            f"{f['attempts']} attempt(s)): {f['error'] or 'not written yet'}; the next run retries it"
        )
    if not s.written and not s.failed:
        lines.append("  no flush was due")
    if s.skipped:
        lines.append(f"  {s.skipped} flush(es) skipped: nothing new")
    if s.source_errors:
        lines.append(f"  {s.source_errors} bad input line(s) skipped (source.error in the event log)")
    return "\n".join(lines)
