"""What `memoryd status` shows per session, the offline figures of the last checkpoint, and the text."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any, get_args

from memoryd import checkpoint, presence
from memoryd.config import Settings
from memoryd.sessions.gate import Era, GateSettings, compaction_threshold
from memoryd.sessions.tracker import SessionState, current_pressure
from memoryd.sinks.journal import iter_log, log_bounds
from memoryd.sources.openclaw_config import AgentSource

#: The eras a checkpoint record may name (``GateSettings.era``).
_ERAS: dict[str, Era] = {e: e for e in get_args(Era)}
#: How far back the offline status looks in the event log for the error of a pending flush.
ERROR_LOOKBACK_EVENTS = 20_000

LEGEND = (
    "legend: tokens = the prompt's projected size at the next turn; flush at = memoryd's flush point\n"
    "  (OpenClaw's own threshold minus the lead); % = tokens as a share of the flush point (memoryd\n"
    "  flushes at 100 %, OpenClaw compacts a little after); read to = where reading stopped (bytes of\n"
    "  a JSONL transcript; seq = the last row read of a SQLite store); * = this cycle is flushed\n"
    "  already; ! = a flush of this session is not written yet (its error below it; memoryd retries it)"
)


def session_row(
    st: SessionState,
    agent: AgentSource,
    gate: GateSettings,
    last_flush: dict[str, Any] | None,
    last_compaction: dict[str, Any] | None,
    *,
    pending: Sequence[Mapping[str, Any]] = (),
    last_error: Mapping[str, Any] | None = None,
    source: str = "files",
) -> dict[str, Any]:
    """One session as ``memoryd status`` shows it, from the daemon or from a checkpoint.

    ``pending``: its flushes that are started but not written (``flush_id``, ``trigger``,
    ``attempts``, ``error``); ``last_error``: the newest failed write of one of its flushes;
    ``source``: the adapter that reads it (``files``, ``sqlite``), which says the unit of its position.
    """
    p = current_pressure(st, gate)
    unit, where = read_position(st, source)
    return {
        "agent": agent.agent_id,
        "session_key": st.session_key,
        "session_id": st.session_id,
        "cycle": st.cycle,
        "projected_tokens": p.projected,
        "window": p.window,
        "flush_point": p.flush_point,
        "percent_of_flush_point": round(100 * p.projected / p.flush_point, 1) if p.flush_point else None,
        "openclaw_threshold": p.threshold,
        "compaction_threshold": compaction_threshold(p.window, gate.compaction, gate.era),
        "era": gate.era,
        "lead_tokens": p.lead,
        "transcript_bytes": st.read_offset,
        "position_unit": unit,
        "position": where,
        "source": source,
        "flushed_this_cycle": st.cycle in st.flushed_cycles,
        "last_flush": last_flush,
        "last_compaction": last_compaction,
        "workspace": str(agent.workspace),
        "pending": [dict(x) for x in pending],
        "last_error": dict(last_error) if last_error else None,
    }


def read_position(st: SessionState, source: str) -> tuple[str, int | None]:
    """Where reading stopped, in the unit of the session's source.

    A SQLite session's rows have no byte offsets: its position is the last ``seq`` read (the state's
    offset is that ``seq + 1``, a line end's counterpart); ``None`` before any row. A JSONL
    transcript's is the byte offset after the last line read.
    """
    if source == "sqlite":
        return "seq", st.read_offset - 1 if st.read_offset > 0 else None
    return "bytes", st.read_offset


def gate_of_record(raw: Mapping[str, Any], agent: AgentSource, lead_tokens: int) -> GateSettings:
    """The gate a checkpoint record was tracked with: its ``era`` (older records: the source's).

    The same settings the source adapter gives the daemon, so the offline flush point is the one the
    daemon flushes at (2026.9's automatic reserve for a SQLite session, not 2026.7's floor).
    """
    source = str(raw.get("source") or "files")
    default: Era = "2026.9" if source == "sqlite" else "2026.7"
    era = _ERAS.get(str(raw.get("era")), default)
    comp = agent.compaction
    if source == "sqlite":  # positions are seqs: the transcript-size trigger has no meaning there
        comp = replace(comp, force_flush_transcript_bytes=0)
    return GateSettings(comp, lead_tokens, era)


def pending_view(pend: Mapping[str, Any], error: str | None) -> dict[str, Any]:
    return {
        "flush_id": pend.get("flush_id"),
        "trigger": pend.get("trigger"),
        "cycle": pend.get("cycle"),
        "attempts": pend.get("attempts", 0),
        "error": error or pend.get("last_error"),
    }


def _recent_flush_errors(settings: Settings, flush_ids: set[str]) -> dict[str, dict[str, Any]]:
    """The newest ``memory.flush.failed`` of each of ``flush_ids``, from the end of the event log."""
    if not flush_ids:
        return {}
    head = log_bounds(settings.event_log)[1]
    found: dict[str, dict[str, Any]] = {}
    try:
        for _raw, ev in iter_log(settings.event_log, max(0, head - ERROR_LOOKBACK_EVENTS)):
            data = ev.get("data") or {}
            if ev.get("type") == "memory.flush.failed" and data.get("flush_id") in flush_ids:
                found[data["flush_id"]] = {"time": ev.get("time"), **data}
    except (OSError, LookupError):
        return found
    return found


def offline_status(settings: Settings) -> dict[str, Any]:
    ckpt_path = settings.state_dir / "checkpoint.json"
    data = checkpoint.load(ckpt_path)
    agents = {a.agent_id: a for a in settings.agents}
    pend_by_session: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for p in data.pending_flushes.values():
        pend_by_session.setdefault((str(p.get("agent_id")), str(p.get("session_key"))), []).append(p)
    errors = _recent_flush_errors(settings, {str(p.get("flush_id")) for p in data.pending_flushes.values()})
    sessions: list[dict[str, Any]] = []
    for raw in data.sessions.values():
        agent = agents.get(raw.get("agent", ""))
        if agent is None:
            continue
        st = SessionState.from_json(raw["state"])
        if st.ended:
            continue
        gate = gate_of_record(raw, agent, settings.lead_tokens)
        mine = pend_by_session.get((agent.agent_id, st.session_key), [])
        errs = [errors[str(p["flush_id"])] for p in mine if str(p.get("flush_id")) in errors]
        sessions.append(
            session_row(
                st,
                agent,
                gate,
                raw.get("last_flush"),
                raw.get("last_compaction"),
                pending=[
                    pending_view(p, (errors.get(str(p.get("flush_id"))) or {}).get("error")) for p in mine
                ],
                last_error=max(errs, key=lambda e: str(e.get("time"))) if errs else None,
                source=str(raw.get("source") or "files"),
            )
        )
    sessions.sort(key=lambda s: (s["agent"], s["session_key"]))
    if ckpt_path.exists():
        problem = (
            None
            if sessions
            else presence.unseen_sessions([presence.scan(d) for d in settings.openclaw_state_dirs], 0)
        )
    else:
        problem = None
    every_pending = [
        {
            "session_key": p.get("session_key"),
            "agent": p.get("agent_id"),
            **pending_view(p, (errors.get(str(p.get("flush_id"))) or {}).get("error")),
        }
        for p in data.pending_flushes.values()
    ]
    return {
        "head_seq": log_bounds(settings.event_log)[1],
        "sessions": sessions,
        "pending_flushes": len(data.pending_flushes),
        "pending": every_pending,
        "daemon": None,
        "problem": problem,
        "checkpoint": str(ckpt_path) if ckpt_path.exists() else None,
        "checkpoint_age_seconds": round(time.time() - ckpt_path.stat().st_mtime, 1)
        if ckpt_path.exists()
        else None,
        "event_log": str(settings.event_log),
        "today": _today(settings).isoformat(),
    }


def _today(settings: Settings) -> date:
    if settings.timezone:
        from zoneinfo import ZoneInfo

        return datetime.now(ZoneInfo(settings.timezone)).date()
    return datetime.now().astimezone().date()


# -- the text --------------------------------------------------------------------------------------
def ago(seconds: float | None) -> str:
    """``42 s ago``, ``5 min ago``, ``3 h 10 min ago``, ``2 d ago``: how `systemctl status` says it."""
    if seconds is None:
        return "-"
    s = max(0, int(seconds))
    if s < 60:
        return f"{s} s ago"
    if s < 3600:
        return f"{s // 60} min ago"
    if s < 86400:
        h, m = divmod(s // 60, 60)
        return f"{h} h {m} min ago" if m else f"{h} h ago"
    return f"{s // 86400} d ago"


def duration(seconds: float | None) -> str:
    return ago(seconds).removesuffix(" ago")


def _age(stamp: Any, now: float) -> float | None:
    if not isinstance(stamp, str | int | float) or stamp == "":
        return None
    if isinstance(stamp, int | float):
        return now - float(stamp)
    try:
        t = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if t.tzinfo is None:
        t = t.astimezone()
    return now - t.timestamp()


def _n(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else "-"


def due_text(due: Any) -> str | None:
    """``due flushes: draining 12/40 (most at risk first; next agent:main:s3, past_flush_point)``, or
    None when nothing is queued (the daemon's ``due``: ``queued``, ``done``, ``total``, ``next``)."""
    if not isinstance(due, Mapping) or not due.get("queued"):
        return None
    nxt = due.get("next") or {}
    where = f"; next {nxt.get('session_key')}, {nxt.get('risk')}" if nxt.get("session_key") else ""
    return (
        f"due flushes: draining {due.get('done', 0)}/{due.get('total', 0)} "
        f"(most at risk of compaction first{where})"
    )


def position_text(row: Mapping[str, Any]) -> str:
    """``seq 149`` for a SQLite session, ``5,120 B`` for a JSONL transcript, ``-`` when unknown."""
    unit, where = row.get("position_unit"), row.get("position")
    if not isinstance(where, int):
        return "-"
    return f"seq {where}" if unit == "seq" else f"{where:,} B"


def render_status(st: Mapping[str, Any], *, now: float | None = None, legend: bool = True) -> str:
    """The human `memoryd status`: daemon health, problems, then one table per agent."""
    now = time.time() if now is None else now
    out: list[str] = []
    d = st.get("daemon") or {}
    if d:
        reload_ = d.get("last_reload") or None
        reload_txt = ""
        if reload_:
            verdict = (
                "ok" if reload_.get("ok") else f"FAILED, kept the running config: {reload_.get('error')}"
            )
            reload_txt = f"; last reload {ago(_age(reload_.get('time'), now))}: {verdict}"
        out.append(
            f"daemon: running, pid {d.get('pid')}, up {duration(d.get('uptime_seconds'))}; "
            f"watcher {d.get('watcher')}{reload_txt}"
        )
        where = d.get("state_dir")
        out.append(f"  state {where}, socket {d.get('socket')}")
    else:
        age = st.get("checkpoint_age_seconds")
        src = f"the last checkpoint, saved {ago(age)}" if st.get("checkpoint") else "no checkpoint yet"
        out.append(f"daemon: not running (figures from {src})")
        out.append("  start it: systemctl --user start memoryd, or memoryd run")
    log_txt = f" in {st['event_log']}" if st.get("event_log") else ""
    out.append(
        f"events: head seq {st.get('head_seq')}{log_txt}; pending flushes {st.get('pending_flushes', 0)}"
        + (f"; flushes written since start {st['flushes_done']}" if "flushes_done" in st else "")
    )
    drain = due_text(st.get("due"))
    if drain:
        out.append(drain)
    if st.get("problem"):
        out.append(f"PROBLEM: {st['problem']}")
    shown = {p.get("flush_id") for s in st.get("sessions") or [] for p in s.get("pending") or []}
    for p in st.get("pending") or []:
        if p.get("flush_id") not in shown:  # its session ended (a reset's flush) or is not tracked
            out.append(
                f"  ! {p.get('session_key')}: {p.get('flush_id')} ({p.get('trigger')}) not written after "
                f"{p.get('attempts', 0)} attempt(s): {p.get('error') or 'not written yet'}"
            )
    sessions = list(st.get("sessions") or [])
    if not sessions:
        out.append("no sessions tracked yet")
        return "\n".join(out)
    today = st.get("today") or datetime.now().astimezone().date().isoformat()
    by_agent: dict[str, list[Mapping[str, Any]]] = {}
    for s in sessions:
        by_agent.setdefault(str(s.get("agent")), []).append(s)
    width = max(11, *(len(str(s.get("session_key"))) for s in sessions))
    for agent, rows in by_agent.items():
        ws = rows[0].get("workspace")
        out.append("")
        out.append(f"agent {agent}: workspace {ws}")
        out.append(f"  daily log {ws}/memory/{today}.md")
        out.append(
            f"  {'session key':{width}} {'cycle':>5} {'tokens':>9} {'flush at':>9} {'%':>6} "
            f"{'window':>9} {'read to':>12}  last flush"
        )
        for s in rows:
            last = s.get("last_flush") or {}
            last_txt = (
                f"{ago(_age(last.get('time'), now))} ({last.get('trigger')}, {last.get('items', '?')} items)"
                if last
                else "-"
            )
            pct = s.get("percent_of_flush_point")
            pct_txt = f"{pct:.0f} %" if isinstance(pct, int | float) else "-"
            pending = s.get("pending") or []
            mark = (" *" if s.get("flushed_this_cycle") else "") + (" !" if pending else "")
            out.append(
                f"  {s.get('session_key')!s:{width}} {s.get('cycle')!s:>5} {_n(s.get('projected_tokens')):>9} "
                f"{_n(s.get('flush_point')):>9} {pct_txt:>6} {_n(s.get('window')):>9} "
                f"{position_text(s):>12}  {last_txt}{mark}"
            )
            for p in pending:
                err = p.get("error") or "not written yet"
                out.append(
                    f"    ! {p.get('flush_id')} ({p.get('trigger')}, cycle {p.get('cycle')}) not written after "
                    f"{p.get('attempts', 0)} attempt(s): {err}"
                )
            err = s.get("last_error")
            if err and not pending:
                out.append(
                    f"    last error {ago(_age(err.get('time'), now))} ({err.get('flush_id')}): "
                    f"{err.get('error')}; written since"
                )
    if legend:
        out.append("")
        out.append(LEGEND)
    return "\n".join(out)
