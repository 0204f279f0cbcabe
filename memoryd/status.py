"""What `memoryd status` shows per session, and the offline figures of the last checkpoint."""

from __future__ import annotations

from typing import Any

from memoryd import checkpoint
from memoryd.config import Settings
from memoryd.sessions.gate import GateSettings
from memoryd.sessions.tracker import SessionState, current_pressure
from memoryd.sinks.journal import log_bounds
from memoryd.sources.openclaw_config import AgentSource


def session_row(
    st: SessionState,
    agent: AgentSource,
    gate: GateSettings,
    last_flush: dict[str, Any] | None,
    last_compaction: dict[str, Any] | None,
) -> dict[str, Any]:
    """One session as ``memoryd status`` shows it, from the daemon or from a checkpoint."""
    p = current_pressure(st, gate)
    return {
        "agent": agent.agent_id,
        "session_key": st.session_key,
        "session_id": st.session_id,
        "cycle": st.cycle,
        "projected_tokens": p.projected,
        "window": p.window,
        "flush_point": p.flush_point,
        "openclaw_threshold": p.threshold,
        "lead_tokens": p.lead,
        "transcript_bytes": st.read_offset,
        "flushed_this_cycle": st.cycle in st.flushed_cycles,
        "last_flush": last_flush,
        "last_compaction": last_compaction,
        "workspace": str(agent.workspace),
    }


def offline_status(settings: Settings) -> dict[str, Any]:
    data = checkpoint.load(settings.state_dir / "checkpoint.json")
    agents = {a.agent_id: a for a in settings.agents}
    sessions: list[dict[str, Any]] = []
    for raw in data.sessions.values():
        agent = agents.get(raw.get("agent", ""))
        if agent is None:
            continue
        st = SessionState.from_json(raw["state"])
        if st.ended:
            continue
        gate = GateSettings(agent.compaction, settings.lead_tokens)
        sessions.append(session_row(st, agent, gate, raw.get("last_flush"), raw.get("last_compaction")))
    sessions.sort(key=lambda s: (s["agent"], s["session_key"]))
    return {
        "head_seq": log_bounds(settings.event_log)[1],
        "sessions": sessions,
        "pending_flushes": len(data.pending_flushes),
        "daemon": None,
    }
