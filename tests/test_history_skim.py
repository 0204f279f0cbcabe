"""History read undecoded (``HistoryLines``) ends in the same state as history decoded entry by entry.

On first sight the reader hands most message lines of history over undecoded and the tracker
decodes only what it needs (``on_history_lines``). These tests write generated transcripts to real
files, read them both ways and compare the state and every effect, down to the last field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memoryd.sessions.gate import GateSettings
from memoryd.sessions.tracker import (
    Effect,
    SessionState,
    finish_first_read,
    on_entry,
    on_history_lines,
)
from memoryd.sources.openclaw_config import CompactionSettings
from memoryd.sources.reader import ParsedLine, TranscriptReader, parse_line
from memoryd.sources.tail import Cursor
from memoryd.sources.transcript import HistoryLines, skim_head

GATE = GateSettings(CompactionSettings(reserve_tokens_floor=8192, keep_recent_tokens=2000))
HEADER = {"type": "session", "version": 3, "id": "s1", "timestamp": "2026-11-21T10:00:00.000Z", "cwd": "/w"}
FLUSH_PROMPTS = (
    "Pre-compaction memory flush. Store durable memories now (use memory/2026-11-21.md).",
    "CONTINUE THE OPENCLAW RUNTIME EVENT: pre-compaction",
    "Please remember: durable memories matter",  # has a fragment, is not the prompt
)


def _usage(prompt: int) -> dict[str, int]:
    return {"input": prompt, "output": 7, "cacheRead": 0, "cacheWrite": 0, "totalTokens": prompt + 7}


def _message(role: str, draw: Any) -> dict[str, Any]:
    if role == "user":
        text = draw(st.sampled_from(("what next?", "ok, ship it", *FLUSH_PROMPTS)))
        return {"role": "user", "content": text}
    if role == "assistant":
        content: list[dict[str, Any]] = [{"type": "text", "text": "Decision: use Postgres."}]
        if draw(st.booleans()):
            path = draw(st.sampled_from(("memory/2026-11-21.md", "notes/todo.md")))
            content.append(
                {"type": "toolCall", "id": "c1", "name": "write", "arguments": {"path": path, "content": "x"}}
            )
        msg: dict[str, Any] = {"role": "assistant", "content": content}
        usage = draw(st.sampled_from(("counts", "zero", "none")))
        if usage == "counts":
            msg["usage"] = _usage(draw(st.integers(1, 40_000)))
        elif usage == "zero":
            msg["usage"] = _usage(0) | {"output": 0, "totalTokens": 0}
        msg["model"] = draw(st.sampled_from(("m", "gateway-injected")))
        return msg
    return {"role": role, "content": [{"type": "text", "text": "out\n" * draw(st.integers(0, 5))}]}


@st.composite
def transcripts(draw: Any) -> list[bytes]:
    """Lines of a transcript: OpenClaw's key order mostly, other orders and odd lines sometimes."""
    lines = [orjson.dumps(HEADER)]
    ids: list[str] = []
    for n in range(draw(st.integers(0, 60))):
        eid = f"e{n:04x}"
        kind = draw(
            st.sampled_from(
                ("user", "assistant", "assistant", "toolResult", "bashExecution", "compaction", "custom")
            )
        )
        head = {"type": "message", "id": eid, "parentId": ids[-1] if ids else None, "timestamp": "2026-11-21"}
        if kind == "compaction":
            kept = draw(st.sampled_from((None, *ids[-6:], "gone")))
            obj = {**head, "type": "compaction", "summary": "s", "firstKeptEntryId": kept, "tokensBefore": 9}
        elif kind == "custom":
            obj = {**head, "type": "custom", "customType": "model-snapshot", "data": {}}
        else:
            obj = {**head, "message": _message(kind, draw)}
            if draw(st.integers(0, 9)) == 0:  # another writer's key order: decoded in full
                obj = {"message": obj["message"], **head}
        ids.append(eid)
        lines.append(orjson.dumps(obj))
    return lines


def _one_by_one(lines: list[bytes], store_count: int) -> tuple[dict[str, Any], list[Effect]]:
    state = SessionState(agent_id="a", session_key="k", session_id="s1", store_count=store_count)
    effects: list[Effect] = []
    offset = 0
    for no, data in enumerate(lines, start=1):
        parsed = parse_line(no, offset, offset + len(data) + 1, data)
        offset += len(data) + 1
        if parsed.entry is not None:
            effects += on_entry(state, parsed.entry, parsed.start, parsed.end, GATE)
    effects += finish_first_read(state, GATE)
    return state.to_json(), effects


def _skimmed(path: Path, store_count: int) -> tuple[dict[str, Any], list[Effect], int]:
    state = SessionState(agent_id="a", session_key="k", session_id="s1", store_count=store_count)
    reader = TranscriptReader(Cursor(str(path)))
    effects: list[Effect] = []
    skimmed = 0
    while batch := reader.read(now_ns=0, max_bytes=4096, skim_until=1 << 62).lines:
        for line in batch:
            if isinstance(line, HistoryLines):
                skimmed += len(line.ids)
                on_history_lines(state, line)
            else:
                assert isinstance(line, ParsedLine)
                if line.entry is not None:
                    effects += on_entry(state, line.entry, line.start, line.end, GATE)
    effects += finish_first_read(state, GATE)
    return state.to_json(), effects, skimmed


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=transcripts(), store_count=st.integers(0, 4))
def test_skimmed_history_equals_entry_by_entry(tmp_path: Path, lines: list[bytes], store_count: int) -> None:
    path = tmp_path / "t.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    want_state, want_effects = _one_by_one(lines, store_count)
    got_state, got_effects, skimmed = _skimmed(path, store_count)
    # The one intended difference: where the undecoded lines end (a flush reports their errors).
    assert want_state.pop("undecoded_until") == 0
    assert (got_state.pop("undecoded_until") > 0) == (skimmed > 0)
    assert got_state == want_state
    assert got_effects == want_effects


def test_a_long_history_is_mostly_skimmed(tmp_path: Path) -> None:
    """Not vacuous: with OpenClaw's key order nearly every message line comes undecoded."""
    lines = [orjson.dumps(HEADER)]
    parent = None
    for n in range(300):
        role = ("user", "assistant", "toolResult")[n % 3]
        msg: dict[str, Any] = {"role": role, "content": "x"}
        if role == "assistant":
            msg["usage"] = _usage(1000 + n)
        obj = {"type": "message", "id": f"e{n}", "parentId": parent, "timestamp": "t", "message": msg}
        lines.append(orjson.dumps(obj))
        parent = f"e{n}"
    path = tmp_path / "t.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    state, effects, skimmed = _skimmed(path, 0)
    assert skimmed == 300
    assert (state["prompt"], state["last_entry_id"]) == (1000 + 298, "e299")
    assert state.pop("undecoded_until") == path.stat().st_size
    want_state, want_effects = _one_by_one(lines, 0)
    del want_state["undecoded_until"]
    assert (state, effects) == (want_state, want_effects)


@pytest.mark.parametrize(
    "line",
    [
        # torn by a crash, then the next append: two entries on one line
        b'{"type":"message","id":"a1","parentId":null,"timestamp":"t","message":{"role":"toolResult","content":"ha'
        b'{"type":"compaction","id":"c1","parentId":"a1","timestamp":"t","summary":"s"}',
        # torn inside the head
        b'{"type":"message","id":"a1{"type":"message","id":"a2","parentId":null,"timestamp":"t","message":{}}',
        # the object never ends
        b'{"type":"message","id":"a1","parentId":null,"timestamp":"t","message":{"role":"toolResult","content":"',
        # v1: no ids
        b'{"type":"message","timestamp":"t","message":{"role":"toolResult","content":"x"}}',
    ],
)
def test_lines_that_may_not_be_one_entry_are_decoded(line: bytes) -> None:
    assert skim_head(line) is None


def test_a_torn_line_in_history_is_still_reported(tmp_path: Path) -> None:
    torn = (
        b'{"type":"message","id":"a1","parentId":null,"timestamp":"t","message":{"role":"toolResult","content":"ha'
        b'{"type":"message","id":"a2","parentId":"a1","timestamp":"t","message":{"role":"toolResult","content":"x"}}'
    )
    path = tmp_path / "t.jsonl"
    path.write_bytes(orjson.dumps(HEADER) + b"\n" + torn + b"\n")
    batch = TranscriptReader(Cursor(str(path))).read(now_ns=0, skim_until=1 << 62)
    errors = [line.error.reason for line in batch.lines if isinstance(line, ParsedLine) and line.error]
    assert errors == ["invalid_json"]
