"""Per-session state machine: cycles, compactions, OpenClaw's own flushes, and when memoryd flushes.

Pure: every function takes the state and one input (an entry, a store snapshot, a clock tick) and
returns *effects* (events to emit, flushes to run). The shell executes them in order. A flush
range is a byte range of the transcript: each flush starts where the previous one ended, so the
ranges of one session never overlap and leave no gap.

Cycle numbers follow OpenClaw's ``compactionCount``: cycle ``c`` is the stretch between the
``c``-th and the ``c+1``-th compaction of the session key. A session seen for the first time is read
as *history* (no flushes for cycles that already ended); from then on it is *live*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from memoryd.sessions.gate import GateSettings, Pressure, pressure, transcript_bytes_due
from memoryd.sources.store import StoreEntry
from memoryd.sources.transcript import Entry, HistoryLines, decode_message

#: How many recent cycle numbers / compaction ids a state remembers (enough to dedupe re-reads).
_REMEMBER = 64

_RUNTIME_FLUSH_PROMPT = re.compile(
    r"continue the openclaw runtime event|pre-compaction memory flush|store durable memories now", re.I
)
# _is_runtime_flush_prompt looks first for a piece of each alternative that has no ``i``, ``k`` or ``s``
# (the only ASCII letters that other characters fold to under ``re.I``): a text whose ``lower()`` has
# none of them cannot match, and the search (a case-insensitive alternation: slow, and run on every
# user message) is skipped. ASCII pieces, so an undecoded line's lower-cased bytes can be asked too.
_FLUSH_PROMPT_PIECES = ("the openclaw runt", "pre-compa", "durable memor")
_FLUSH_PROMPT_BYTE_PIECES = tuple(p.encode() for p in _FLUSH_PROMPT_PIECES)
_DAILY_LOG_PATH = re.compile(r"(?:^|/)memory/\d{4}-\d{2}-\d{2}\.md$")


@dataclass(frozen=True, slots=True)
class Emit:
    type: str
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class FlushDue:
    trigger: str  # threshold | transcript_bytes | late | reset | manual
    cycle: int
    start: int
    end: int
    end_entry_id: str | None
    reason: str | None = None


Effect = Emit | FlushDue


@dataclass(slots=True)
class SessionState:
    agent_id: str
    session_key: str
    session_id: str
    # The generation of a session id that outlives a reset (OpenClaw's SQLite store keeps the id and
    # appends a ``reset`` event): that event's position, 0 before any reset. Part of the identity.
    epoch: int = 0
    cycle: int = 0
    live: bool = False
    ended: bool = False
    prompt: int = 0
    output: int = 0
    store_total: int | None = None
    context_tokens: int | None = None
    store_count: int | None = None
    read_offset: int = 0
    last_entry_id: str | None = None
    cycle_start_offset: int = 0
    flushed_upto: int = 0
    flushed_upto_entry: str | None = None
    unflushed_messages: int = 0
    flushed_cycles: list[int] = field(default_factory=list)
    crossed_cycles: list[int] = field(default_factory=list)
    runtime_flushed_cycles: list[int] = field(default_factory=list)
    compaction_ids: list[str] = field(default_factory=list)
    store_advanced: int = 0
    store_ahead_since: float | None = None
    in_runtime_flush: bool = False
    # A first read passed lines before this offset undecoded (a flush reports their errors).
    undecoded_until: int = 0
    # First read only: compactions found in history, and where this cycle's entries start.
    pending_history: list[dict[str, Any]] = field(default_factory=list)
    cycle_entry_offsets: dict[str, int] = field(default_factory=dict)
    history_start: int = 0
    # First read only: replies of history not decoded yet, oldest first (see on_history_lines).
    pending_replies: list[bytes] = field(default_factory=list)

    @property
    def uid(self) -> str:
        """The session's identity in memoryd: its id, and its generation after an in-place reset."""
        return f"{self.session_id}@{self.epoch}" if self.epoch else self.session_id

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if k not in _TRANSIENT}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> SessionState:
        names = set(cls.__slots__) - _TRANSIENT
        return cls(**{k: v for k, v in obj.items() if k in names})


_TRANSIENT = frozenset({"pending_history", "cycle_entry_offsets", "store_ahead_since", "pending_replies"})


def _remember(values: list[Any], value: Any) -> None:
    if value not in values:
        values.append(value)
        del values[:-_REMEMBER]


def current_pressure(state: SessionState, settings: GateSettings) -> Pressure:
    return pressure(
        context_tokens=state.context_tokens,
        prompt=state.prompt,
        output=state.output,
        store_total=state.store_total,
        settings=settings,
    )


def _flush(state: SessionState, trigger: str, cycle: int, end: int, reason: str | None = None) -> FlushDue:
    due = FlushDue(trigger, cycle, state.flushed_upto, end, state.last_entry_id, reason)
    state.flushed_upto = end
    state.flushed_upto_entry = state.last_entry_id
    state.unflushed_messages = 0
    return due


def evaluate_gate(state: SessionState, settings: GateSettings) -> list[Effect]:
    """Threshold crossing and the cycle's flush, once per cycle, only for live sessions."""
    if not state.live or state.ended:
        return []
    p = current_pressure(state, settings)
    trigger: str | None = None
    if p.due:
        trigger = "threshold"
    elif transcript_bytes_due(state.read_offset, settings) and (
        state.cycle_start_offset < settings.compaction.force_flush_transcript_bytes
        or transcript_bytes_due(state.read_offset - state.flushed_upto, settings)
    ):
        trigger = "transcript_bytes"
    if trigger is None:
        return []
    effects: list[Effect] = []
    if state.cycle not in state.crossed_cycles:
        _remember(state.crossed_cycles, state.cycle)
        effects.append(
            Emit(
                "memory.threshold.crossed",
                {
                    "cycle": state.cycle,
                    "trigger": trigger,
                    "projected_tokens": p.projected,
                    "flush_point": p.flush_point,
                    "openclaw_threshold": p.threshold,
                    "window": p.window,
                    "lead_tokens": p.lead,
                    "transcript_bytes": state.read_offset,
                },
            )
        )
    if state.cycle in state.flushed_cycles or state.unflushed_messages == 0:
        return effects
    _remember(state.flushed_cycles, state.cycle)
    effects.append(_flush(state, trigger, state.cycle, state.read_offset))
    return effects


def _is_runtime_flush_prompt(entry: Entry) -> bool:
    if entry.role != "user":
        return False
    head = entry.text[:400]
    low = head.lower()
    if any(piece in low for piece in _FLUSH_PROMPT_PIECES):
        return bool(_RUNTIME_FLUSH_PROMPT.search(head))
    return False


def _runtime_flush_write(entry: Entry) -> str | None:
    for call in entry.tool_calls:
        path = call.arguments.get("path") or call.arguments.get("file_path")
        if (
            call.name in ("write", "edit", "apply_patch")
            and isinstance(path, str)
            and _DAILY_LOG_PATH.search(path)
        ):
            return path
    return None


def _compaction_info(state: SessionState, entry: Entry, ended_cycle: int) -> dict[str, Any]:
    comp = entry.compaction
    assert comp is not None
    return {
        "run_item_type": "memory_compaction",
        "compaction_count": ended_cycle + 1,
        "ended_cycle": ended_cycle,
        "tokens_before": comp.tokens_before,
        "first_kept_entry_id": comp.first_kept_entry_id,
        "summary_chars": len(comp.summary),
        "entry_id": entry.id,
        "source": "transcript",
    }


def _cycle_was_flushed(state: SessionState, cycle: int) -> bool:
    return cycle in state.flushed_cycles or cycle in state.runtime_flushed_cycles


def _end_cycle_live(state: SessionState, info: dict[str, Any], end: int) -> list[Effect]:
    """A compaction ended ``info['ended_cycle']``: report it, and flush late if nobody did."""
    ended = int(info["ended_cycle"])
    mine = ended in state.flushed_cycles
    info["flushed_before"] = mine
    info["runtime_flushed_before"] = ended in state.runtime_flushed_cycles
    effects: list[Effect] = [Emit("memory.compacted", info)]
    if not mine and state.unflushed_messages > 0 and end > state.flushed_upto:
        _remember(state.flushed_cycles, ended)
        effects.append(_flush(state, "late", ended, end))
    return effects


def on_entry(state: SessionState, entry: Entry, start: int, end: int, settings: GateSettings) -> list[Effect]:
    """Apply one transcript entry that spans bytes ``[start, end)``."""
    effects: list[Effect] = []
    if entry.type == "compaction" and entry.compaction is not None:
        if entry.id in state.compaction_ids:
            state.read_offset, state.last_entry_id = end, entry.id
            return []
        _remember(state.compaction_ids, entry.id)
        if state.store_advanced > 0:
            # The store already told us about this compaction; it was reported then.
            state.store_advanced -= 1
            state.read_offset, state.last_entry_id = end, entry.id
            return []
        ended = state.cycle
        info = _compaction_info(state, entry, ended)
        state.cycle += 1
        if state.live:
            effects.extend(_end_cycle_live(state, info, start))
        else:
            info["flushed_before"] = False
            info["runtime_flushed_before"] = ended in state.runtime_flushed_cycles
            state.pending_history.append({"_type": "memory.compacted", **info})
            fk = entry.compaction.first_kept_entry_id
            state.history_start = state.cycle_entry_offsets.get(fk, end) if fk else end
            state.cycle_entry_offsets.clear()
        state.prompt = state.output = 0
        state.pending_replies.clear()  # their usage was of the cycle that just ended
        state.store_total = None
        state.cycle_start_offset = end
        if state.store_count is not None and state.store_count <= state.cycle:
            state.store_ahead_since = None  # the store's rise was this compaction: nothing to wait for
        state.read_offset, state.last_entry_id = end, entry.id
        return effects

    state.read_offset, state.last_entry_id = end, entry.id
    if not state.live:
        state.cycle_entry_offsets[entry.id] = start
    if entry.type != "message":
        return effects
    state.unflushed_messages += 1
    if entry.role == "user":
        state.in_runtime_flush = _is_runtime_flush_prompt(entry)
    elif entry.role == "assistant":
        effects.extend(_on_reply(state, entry))
        effects.extend(evaluate_gate(state, settings))
    return effects


def _take_usage(state: SessionState, entry: Entry) -> bool:
    """A reply's usage is the session's new size, unless it is empty or injected (as OpenClaw counts)."""
    usage = entry.usage
    if usage is None or usage.is_zero or entry.model == "gateway-injected":
        return False
    state.prompt, state.output = usage.prompt, usage.output
    return True


def _on_reply(state: SessionState, entry: Entry) -> list[Effect]:
    """An assistant reply: the session's size, and OpenClaw's own flush when it writes the daily log."""
    if state.pending_replies:
        _settle_replies(state)
    _take_usage(state, entry)
    path = _runtime_flush_write(entry) if state.in_runtime_flush else None
    if path is None or state.cycle in state.runtime_flushed_cycles:
        return []
    _remember(state.runtime_flushed_cycles, state.cycle)
    data = {"cycle": state.cycle, "source": "transcript", "entry_id": entry.id, "path": path}
    if state.live:
        return [Emit("runtime.flush.observed", data)]
    state.pending_history.append({"_type": "runtime.flush.observed", **data})
    return []


#: How many undecoded replies a first read holds before it settles them (memory stays bounded).
_PENDING_REPLIES = 16


def _settle_replies(state: SessionState) -> None:
    """Apply the usage of the undecoded replies: the newest one that counts wins, as one by one.

    Decodes from the newest backwards and stops at the first that counts, so a long history of
    replies costs one decode per ``_PENDING_REPLIES`` of them.
    """
    pending = state.pending_replies
    while pending:
        entry = decode_message(pending.pop())
        if entry is not None and _take_usage(state, entry):
            break
    pending.clear()


def _may_be_runtime_flush_prompt(data: bytes) -> bool:
    """Could this undecoded user line be OpenClaw's flush prompt? (A superset of the real test.)"""
    low = data.lower()
    return any(piece in low for piece in _FLUSH_PROMPT_BYTE_PIECES)


def on_history_lines(state: SessionState, lines: HistoryLines) -> None:
    """Apply a run of undecoded message lines of history: the same state as ``on_entry`` line by line.

    Only history (a first read) comes this way, so no gate is evaluated and no effect is due: what
    it found is reported by ``finish_first_read``. A reply's usage matters only if no later reply of the cycle
    counts: replies wait undecoded in ``pending_replies``. A user line is decoded only when it may be
    OpenClaw's flush prompt; the replies after such a prompt are decoded at once, to see whether
    they write the daily log.
    """
    assert not state.live
    pending = state.pending_replies
    datas = lines.datas
    for i, role in enumerate(lines.roles):
        if role == "assistant":
            if state.in_runtime_flush:
                entry = decode_message(datas[i])
                if entry is not None:
                    _on_reply(state, entry)
            else:
                pending.append(datas[i])
                if len(pending) >= _PENDING_REPLIES:
                    _settle_replies(state)
        elif role == "user":
            if _may_be_runtime_flush_prompt(datas[i]):
                entry = decode_message(datas[i])
                if entry is not None:  # (a line that does not decode is no entry at all)
                    state.in_runtime_flush = _is_runtime_flush_prompt(entry)
            else:
                state.in_runtime_flush = False
    state.cycle_entry_offsets.update(zip(lines.ids, lines.starts, strict=True))
    state.unflushed_messages += len(lines.ids)
    state.read_offset, state.last_entry_id = lines.ends[-1], lines.ids[-1]
    state.undecoded_until = state.read_offset


def on_store(state: SessionState, entry: StoreEntry, settings: GateSettings, now: float) -> list[Effect]:
    """Apply a fresh ``sessions.json`` snapshot of this session's key."""
    if entry.session_id != state.session_id:
        return []
    effects: list[Effect] = []
    if entry.context_tokens:
        state.context_tokens = entry.context_tokens
    state.store_total = entry.total_tokens if entry.total_tokens_fresh else None
    state.store_count = entry.compaction_count
    mfcc = entry.memory_flush_compaction_count
    # sessions.json says ``memoryFlushAt``; the SQLite store (2026.7.2+) ``memoryFlush.kind``.
    flushed = bool(entry.memory_flush_at) or entry.memory_flush_kind == "succeeded"
    if flushed and mfcc is not None and mfcc not in state.runtime_flushed_cycles:
        _remember(state.runtime_flushed_cycles, mfcc)
        data: dict[str, Any] = {"cycle": mfcc, "source": "sessions.json"}
        if entry.memory_flush_at:
            data["memory_flush_at"] = entry.memory_flush_at
        else:
            data["source"] = "session_nodes"
            data["kind"] = entry.memory_flush_kind
        effects.append(Emit("runtime.flush.observed", data))
    if state.live and entry.compaction_count > state.cycle:
        if state.store_ahead_since is None:
            state.store_ahead_since = now
    else:
        state.store_ahead_since = None
    effects.extend(evaluate_gate(state, settings))
    return effects


def on_tick(
    state: SessionState,
    now: float,
    grace: float,
    checkpoints: tuple[Any, ...] = (),
    store: str = "sessions.json",
) -> list[Effect]:
    """A compaction the store (``store`` names it in the event) reports but the transcript never
    showed (after ``grace`` seconds)."""
    if state.store_ahead_since is None or state.store_count is None or not state.live:
        return []
    if now - state.store_ahead_since < grace or state.store_count <= state.cycle:
        return []
    effects: list[Effect] = []
    mine = [c for c in checkpoints if getattr(c, "session_id", None) in (None, state.session_id)]
    while state.cycle < state.store_count:
        ended = state.cycle
        cp = mine[ended] if ended < len(mine) else None
        info: dict[str, Any] = {
            "run_item_type": "memory_compaction",
            "compaction_count": ended + 1,
            "ended_cycle": ended,
            "tokens_before": getattr(cp, "tokens_before", None),
            "first_kept_entry_id": getattr(cp, "first_kept_entry_id", None),
            "summary_chars": None,
            "entry_id": getattr(cp, "entry_id", None),
            "source": store,
        }
        state.cycle += 1
        if info["entry_id"]:
            _remember(state.compaction_ids, info["entry_id"])
        else:
            state.store_advanced += 1
        effects.extend(_end_cycle_live(state, info, state.read_offset))
        state.prompt = state.output = 0
        state.cycle_start_offset = state.read_offset
    state.store_ahead_since = None
    return effects


def finish_first_read(state: SessionState, settings: GateSettings) -> list[Effect]:
    """End of the first read: report history, then go live from the current cycle's context."""
    if state.live:
        return []
    _settle_replies(state)
    base = max(0, (state.store_count or 0) - state.cycle)
    state.cycle += base
    effects: list[Effect] = []
    for item in state.pending_history:
        info = dict(item)
        etype = info.pop("_type")
        for key in ("compaction_count", "ended_cycle", "cycle"):
            if key in info:
                info[key] += base
        info["historical"] = True
        effects.append(Emit(etype, info))
    if base:
        state.runtime_flushed_cycles = [c + base for c in state.runtime_flushed_cycles]
    state.pending_history = []
    state.cycle_entry_offsets = {}
    state.flushed_upto = state.history_start
    state.live = True
    state.unflushed_messages = 1 if state.read_offset > state.flushed_upto else 0
    effects.extend(evaluate_gate(state, settings))
    return effects


def end_session(state: SessionState, trigger: str, reason: str | None = None) -> list[Effect]:
    """The session is over (reset) or asked for (manual): flush what is still unflushed."""
    if trigger == "reset":
        state.ended = True
    if not state.live or state.unflushed_messages == 0 or state.read_offset <= state.flushed_upto:
        return [
            Emit("memory.flush.skipped", {"cycle": state.cycle, "trigger": trigger, "reason": "nothing_new"})
        ]
    return [_flush(state, trigger, state.cycle, state.read_offset, reason)]
