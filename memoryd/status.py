"""``memoryd status`` when no daemon answers: the figures of the last checkpoint, read-only."""

from __future__ import annotations

from typing import Any

from memoryd import checkpoint
from memoryd.config import Settings
from memoryd.sessions.gate import GateSettings
from memoryd.sessions.tracker import SessionState, current_pressure
from memoryd.sinks.journal import Journal


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
        p = current_pressure(st, GateSettings(agent.compaction, settings.lead_tokens))
        sessions.append(
            {
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
                "last_flush": raw.get("last_flush"),
                "last_compaction": raw.get("last_compaction"),
                "workspace": str(agent.workspace),
            }
        )
    sessions.sort(key=lambda s: (s["agent"], s["session_key"]))
    journal = Journal(settings.event_log)
    return {
        "head_seq": journal._last_seq(),
        "sessions": sessions,
        "pending_flushes": len(data.pending_flushes),
        "daemon": None,
    }
