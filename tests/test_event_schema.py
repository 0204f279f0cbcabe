"""docs/events.schema.json against what memoryd really writes and says, and against docs/events.md.

* a real ``memoryd run --once`` (twice, with a compaction, a reset, a deletion and OpenClaw's own flush
  in between) and a real ``memoryd run``: every event in the log, every line of the socket;
* the protocol's rarer messages (heartbeat, overflow, cursor_expired, errors) from the socket server;
* every type in ``EVENT_TYPES`` has a schema branch and a section in docs/events.md with an example
  line that the schema accepts.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import tempfile
import time
from pathlib import Path
from typing import Any

import anyio
import orjson
import pytest
from anyio.streams.buffered import BufferedByteReceiveStream
from daemon_helpers import DaemonProc, assert_valid_events, memoryd, wait_for
from jsonschema import Draft202012Validator
from openclaw_fixture import OpenClawFixture
from referencing import Registry, Resource

from memoryd import client
from memoryd.events import EVENT_TYPES
from memoryd.sinks.journal import Journal, iter_log
from memoryd.sinks.socket_server import SocketServer

DOCS = Path(__file__).parent.parent / "docs"
SCHEMA: dict[str, Any] = json.loads((DOCS / "events.schema.json").read_text())
PROTOCOL_MESSAGES = (
    "stream.hello",
    "stream.heartbeat",
    "stream.overflow",
    "stream.error",
    "status",
    "flush.result",
)
HANG = 30.0  # seconds; only protection against a hang

_REGISTRY: Registry[Any] = Registry().with_resource(SCHEMA["$id"], Resource.from_contents(SCHEMA))


def validator(definition: str | None = None) -> Draft202012Validator:
    """The whole schema (an event), or one of its ``$defs`` (a protocol message)."""
    ref = SCHEMA["$id"] + (f"#/$defs/{definition}" if definition else "")
    return Draft202012Validator({"$ref": ref}, registry=_REGISTRY)


def assert_valid(message: dict[str, Any], definition: str | None = None) -> None:
    errors = sorted(validator(definition).iter_errors(message), key=str)
    assert not errors, f"{message.get('type')}: {errors[0].message} in {message}"


def assert_valid_socket_line(message: dict[str, Any]) -> None:
    """Any line the server sends: ``socketMessage``, and the specific definition of its type."""
    assert_valid(message, "socketMessage")
    kind = message["type"]
    assert_valid(message, kind if kind in PROTOCOL_MESSAGES else None)


# -- a real daemon ------------------------------------------------------------------------------------
def _install(oc: OpenClawFixture) -> None:
    """Two agents; one session past its flush point (with a torn line), one below, one to delete."""
    oc.write_config(agents=["main", "ops"], reserveTokensFloor=20000, keepRecentTokens=20000)
    a = oc.session("agent:main:main", "11111111-aaaa-4aaa-8aaa-000000000001")
    a.user("Should we use Postgres or SQLite for the ledger?")
    a.assistant("I propose PostgreSQL 16 as the primary store; SQLite only for tests.", 150_000)
    a.user("Yes, go with PostgreSQL. Remember that the staging DB port is 5433.")
    a.assistant("Noted. Open question: do we need multi-region failover in phase 1?", 171_000)
    with a.path.open("ab") as fh:
        fh.write(b'{"type":"message", torn\n')
    oc.store("main", "agent:main:main", sessionId=a.session_id, contextTokens=200000, totalTokens=171_000)
    b = oc.session("agent:main:side", "11111111-aaaa-4aaa-8aaa-000000000002")
    b.user("What time is it in Lisbon?")
    b.assistant("It is 14:05 in Lisbon.", 20_000)
    oc.store("main", "agent:main:side", sessionId=b.session_id, contextTokens=200000, totalTokens=20_000)
    c = oc.session("agent:ops:main", "22222222-bbbb-4bbb-8bbb-000000000003", agent="ops")
    c.user("We decided to page only for SEV1 at night.")
    c.assistant("Agreed: night pages only for SEV1.", 30_000)
    oc.store("ops", "agent:ops:main", sessionId=c.session_id, contextTokens=64000, totalTokens=30_000)


def _meanwhile(oc: OpenClawFixture) -> None:
    """A compaction nobody flushed before, a /new, a deleted session, OpenClaw's own flush; and an
    hour has passed since the last daily-log write (else memoryd waits for a "person" editing it)."""
    hour_ago = time.time() - 3600
    for agent in ("main", "ops"):
        for md in (oc.workspace(agent) / "memory").glob("*.md"):
            os.utime(md, (hour_ago, hour_ago))
    side = oc.sessions[("main", "agent:main:side")]
    side.user("We decided to keep the Lisbon office hours in the calendar.")
    side.compaction(tokens_before=21_000)
    # The store's compactionCount is left alone: with it, ``run --once`` currently sits out its whole
    # settle timeout (the tracker keeps ``store_ahead_since`` after the transcript showed the compaction).
    oc.store("main", "agent:main:side", totalTokens=3_000)
    main = oc.sessions[("main", "agent:main:main")]
    main.user("We decided to drop the nightly job.")
    main.assistant("Agreed, dropped.", 172_000)
    main.path.rename(main.path.with_name(main.path.name + ".reset.2026-11-21T10-00-00.000Z"))
    new = oc.session("agent:main:main", "11111111-aaaa-4aaa-8aaa-000000000004")
    oc.store("main", "agent:main:main", sessionId=new.session_id, sessionFile=new.path.name, totalTokens=0)
    ops = oc.sessions[("ops", "agent:ops:main")]
    ops.path.rename(ops.path.with_name(ops.path.name + ".deleted.2026-11-21T10-01-00.000Z"))
    del oc.stores["ops"]["agent:ops:main"]
    oc.store("ops", "agent:ops:other", sessionId="22222222-bbbb-4bbb-8bbb-000000000005")
    oc.session("agent:ops:other", "22222222-bbbb-4bbb-8bbb-000000000005", agent="ops").user("hi")
    oc.store(
        "ops",
        "agent:ops:other",
        memoryFlushAt=1_763_700_000_000,
        memoryFlushCompactionCount=0,
        contextTokens=64000,
    )


def _log(oc: OpenClawFixture) -> list[dict[str, Any]]:
    """Every event of the log, across its segments."""
    return [event for _, event in iter_log(oc.memoryd_state / "events.ndjson", 0)]


@pytest.mark.slow
def test_every_event_of_real_runs_matches_the_schema(oc: OpenClawFixture) -> None:
    _install(oc)
    cfg = str(oc.config_path)
    first = memoryd("run", "--once", "--config", cfg)
    assert first.returncode == 0, first.stderr
    _meanwhile(oc)
    second = memoryd("run", "--once", "--config", cfg)
    assert second.returncode == 0, second.stderr
    events = _log(oc)
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    for event in events:
        assert_valid(event)
    assert_valid_events(events)
    assert {e["type"] for e in events} >= {
        "session.discovered",
        "source.error",
        "memory.threshold.crossed",
        "memory.flush.started",
        "memory.flush.completed",
        "memory.compacted",
        "session.reset",
        "runtime.flush.observed",
    }


def _socket_lines(path: Path, requests: list[bytes], replies: int | None) -> list[dict[str, Any]]:
    """Send raw request lines on one connection and read ``replies`` lines (blocking, with a timeout);
    ``None``: a subscription, read its hello and then the ``head_seq`` events it announced."""
    lines: list[dict[str, Any]] = []
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock, sock.makefile("rb") as reader:
        sock.settimeout(HANG)
        sock.connect(str(path))
        for request in requests:
            sock.sendall(request)
        while replies is None or len(lines) < replies:
            raw = reader.readline()
            assert raw.endswith(b"\n"), f"the daemon closed the connection after {lines}"
            lines.append(orjson.loads(raw))
            if replies is None and lines[0]["type"] == "stream.hello":
                replies = 1 + lines[0]["head_seq"]
    return lines


@pytest.mark.slow
def test_every_line_of_a_real_daemon_matches_the_schema(oc: OpenClawFixture) -> None:
    _install(oc)
    sock = oc.root / "run" / "memoryd.sock"
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: any(e["type"] == "memory.flush.completed" for e in oc.events()), "the flush")
        wait_for(sock.exists, "the socket")
        with client.connect(sock) as conn:
            seen = [
                {"type": "status", **conn.status()},
                {"type": "flush.result", **conn.flush("agent:main:side", reason="schema test")},
                {"type": "flush.result", **conn.flush("agent:main:side")},
                {"type": "flush.result", **conn.flush("agent:nope:main")},
            ]
        seen += _socket_lines(sock, [b"not json\n", b'{"op":"status"}\n'], 2)
        seen += _socket_lines(sock, [b'{"op":"subscribe","since":0}\n'], None)
    finally:
        rc, err = d.stop(signal.SIGTERM)
    assert rc == 0, err
    assert [m["type"] for m in seen[:6]] == [
        "status",
        "flush.result",
        "flush.result",
        "flush.result",
        "stream.error",
        "status",
    ]
    assert seen[6] == {"type": "stream.hello", "head_seq": len(seen) - 7, "oldest_seq": 1}
    assert [m["seq"] for m in seen[7:]] == list(range(1, len(seen) - 6))
    for message in seen:
        assert_valid_socket_line(message)
    events = _log(oc)
    assert events[0]["type"] == "daemon.started" and events[-1]["type"] == "daemon.stopped"
    assert "memory.flush.skipped" in {e["type"] for e in events}
    for event in events:
        assert_valid(event)


# -- the protocol's rarer messages, from the socket server itself ------------------------------------------
@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def _flush(session_key: str, reason: str | None) -> dict[str, Any]:
    return {"ok": True, "flushed": False, "reason": "nothing_new"}


class _Peer:
    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.reader = BufferedByteReceiveStream(stream)

    @classmethod
    async def subscribe(cls, path: Path, request: dict[str, Any]) -> _Peer:
        peer = cls(await anyio.connect_unix(path))
        await peer.stream.send(orjson.dumps(request) + b"\n")
        return peer

    async def line(self) -> dict[str, Any]:
        obj = orjson.loads(await self.reader.receive_until(b"\n", 1 << 24))
        assert isinstance(obj, dict)
        assert_valid_socket_line(obj)
        return obj


@pytest.mark.anyio
async def test_heartbeat_overflow_and_errors_match_the_schema(tmp_path: Path) -> None:
    base = Path(tempfile.mkdtemp(prefix="mdv-", dir="/tmp"))
    path = base / "run" / "memoryd.sock"
    journal = Journal(tmp_path / "events.ndjson", segment_bytes=2000, retention_bytes=8000)
    journal.open()
    for _ in range(100):
        journal.append(
            "memory.flush.skipped", data={"cycle": 0, "trigger": "manual", "reason": "nothing_new"}
        )
    journal.sync()  # durable: published (the daemon syncs after each step)
    server = SocketServer(
        path,
        journal,
        lambda: {"head_seq": journal.head_seq, "sessions": []},
        _flush,
        heartbeat_seconds=0.05,
        queue_max=5,
    )
    try:
        async with anyio.create_task_group() as tg:
            await server.start(tg)
            with anyio.fail_after(HANG):
                expired = await _Peer.subscribe(path, {"op": "subscribe", "since": 0})
                answer = await expired.line()
                assert (answer["type"], answer["code"]) == ("stream.error", "cursor_expired")
                quiet = await _Peer.subscribe(path, {"op": "subscribe", "since": "now"})
                assert (await quiet.line())["type"] == "stream.hello"
                assert (await quiet.line())["type"] == "stream.heartbeat"
                slow = await _Peer.subscribe(path, {"op": "subscribe", "since": "now"})
                assert (await slow.line())["type"] == "stream.hello"
                for _ in range(600):  # far more than the socket buffer and the queue of 5
                    journal.append(
                        "source.error", data={"path": "x", "offset": 0, "reason": "r", "detail": "x" * 2000}
                    )
                journal.sync()
                while (await slow.line())["type"] != "stream.overflow":
                    pass
                bad = await _Peer.subscribe(path, {"op": "nope"})
                assert (await bad.line())["code"] == "unknown_op"
                await bad.stream.send(b"x" * (70 * 1024) + b"\n")
                assert (await bad.line())["code"] == "line_too_long"
                for peer in (expired, quiet, slow, bad):
                    await peer.stream.aclose()
            await server.aclose()
    finally:
        journal.close()
        shutil.rmtree(base, ignore_errors=True)


# -- the schema and the docs cover every type ----------------------------------------------------------------
def _doc_sections() -> dict[str, str]:
    """docs/events.md: the text under each ``### `name` `` heading, up to the next heading."""
    text = (DOCS / "events.md").read_text()
    parts = re.split(r"^#{2,3} ", text, flags=re.MULTILINE)
    sections: dict[str, str] = {}
    for part in parts:
        heading, _, body = part.partition("\n")
        if m := re.fullmatch(r"`([a-z_.]+)`", heading.strip()):
            sections[m.group(1)] = body
    return sections


def _examples(body: str) -> list[dict[str, Any]]:
    """The one-line JSON examples of a section (```json blocks)."""
    blocks = re.findall(r"```json\n(.*?)```", body, flags=re.DOTALL)
    return [orjson.loads(line) for block in blocks for line in block.splitlines() if line.strip()]


def test_every_event_type_has_a_schema_branch_and_a_documented_example() -> None:
    assert set(SCHEMA["$defs"]["knownTypes"]["enum"]) == EVENT_TYPES
    branches = {branch["if"]["properties"]["type"]["const"] for branch in SCHEMA["allOf"]}
    assert branches == EVENT_TYPES
    sections = _doc_sections()
    for type_ in sorted(EVENT_TYPES):
        assert type_ in sections, f"docs/events.md has no section ### `{type_}`"
        examples = _examples(sections[type_])
        assert examples, f"the section on {type_} has no ```json example"
        for example in examples:
            assert example["type"] == type_
            assert_valid(example)


def test_every_protocol_message_has_a_definition_and_a_documented_example() -> None:
    union = {item["$ref"] for item in SCHEMA["$defs"]["socketMessage"]["anyOf"]}
    sections = _doc_sections()
    for kind in PROTOCOL_MESSAGES:
        assert f"#/$defs/{kind}" in union
        assert SCHEMA["$defs"][kind]["properties"]["type"] == {"const": kind}
        examples = _examples(sections[kind])
        assert examples, f"the section on {kind} has no ```json example"
        for example in examples:
            assert example["type"] == kind
            assert_valid_socket_line(example)


def test_the_schema_rejects_what_it_should() -> None:
    good: dict[str, Any] = {
        "v": 1,
        "seq": 1,
        "type": "memory.compacted",
        "time": "2026-11-21T18:21:29.401778Z",
        "agent": "main",
        "session_key": "agent:main:main",
        "session_id": "s",
        "data": {
            "run_item_type": "memory_compaction",
            "compaction_count": 1,
            "tokens_before": None,
            "first_kept_entry_id": None,
            "summary_chars": None,
            "flushed_before": False,
        },
    }
    assert_valid(good)
    for bad in (
        {**good, "seq": 0},
        {**good, "v": 2},
        {**good, "time": "2026-11-21 18:21:29"},
        {**good, "data": {**good["data"], "run_item_type": "compaction"}},
        {k: v for k, v in good.items() if k != "session_id"},
    ):
        assert list(validator().iter_errors(bad)), bad
    assert list(validator("stream.hello").iter_errors({"type": "stream.hello", "head_seq": 3}))
    assert list(validator("stream.overflow").iter_errors({"type": "stream.overflow"}))
