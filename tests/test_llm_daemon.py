"""The LLM mode end to end: a real daemon subprocess, a real local HTTP stub model, real sockets.

The stub (``tests/llm_stub.py``) runs in this process and speaks Chat Completions; the daemon
reaches it over TCP at the ``[llm] base_url`` its config file names. What is checked is what a
person and a log reader see: the daily log, ``memory.flush.completed`` and the socket's status.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from daemon_helpers import DaemonProc, assert_valid_events, memoryd, wait_for
from llm_stub import Reply, Stub, chat, cited_ids, items_answer, serve
from openclaw_fixture import OpenClawFixture, Session

from memoryd import client
from memoryd.flush.llm import MAX_INPUT_TOKENS, estimate_tokens
from memoryd.flush.pipeline import FlushContent, content_of
from memoryd.sources.transcript import parse_lines

pytestmark = pytest.mark.slow

PASSWORD = "Moss-Lantern-58"  # a secret only its context gives away: no vendor pattern matches it
API_KEY = "sk-proj-Tq9vX2mL8pR4sW7yB1nC5dF0gH3jK6aE9uI2oP5qZ8xV1bN4"
#: Seconds a flush waits for the stub before the rules' result is written.
DEADLINE = 6.0
DUE = 20_300  # past the 32k window's flush point (19,576)


@pytest.fixture
def stub() -> Iterator[Stub]:
    with serve() as state:
        yield state


def _configure(oc: OpenClawFixture, stub: Stub) -> None:
    oc.write_config(
        context_tokens=32768,
        reserveTokensFloor=8192,
        keepRecentTokens=2000,
        extra_toml=(
            '\n[flush]\nextractor = "llm"\n\n'
            f'[llm]\nbase_url = "{stub.url}"\nmodel = "stub-model"\n'
            f"read_timeout = 30\ndeadline = {DEADLINE}\n"
        ),
    )


def _due_session(oc: OpenClawFixture, key: str, turns: list[tuple[str, str]]) -> Session:
    """A session whose last reply puts it past the flush point, and its store entry."""
    s = oc.session(key, str(uuid.uuid4()))
    for n, (user, reply) in enumerate(turns):
        s.user(user)
        s.assistant(reply, DUE if n == len(turns) - 1 else 12_000)
    oc.store("main", key, sessionId=s.session_id, contextTokens=32768, totalTokens=DUE)
    return s


def _completed(oc: OpenClawFixture, key: str) -> list[dict[str, Any]]:
    return [e for e in oc.events() if e["type"] == "memory.flush.completed" and e["session_key"] == key]


def _block(oc: OpenClawFixture, flush_id: str) -> str:
    log = oc.daily_logs("main")[f"{date.today().isoformat()}.md"]
    assert log.count(f"<!-- memoryd:flush id={flush_id}") == 1  # written exactly once
    start = log.rindex("## ", 0, log.index(f"id={flush_id}"))
    end = log.find("\n## ", start + 1)
    return log[start : end if end >= 0 else len(log)]


def _rules(s: Session) -> FlushContent:
    """What the rules alone keep from the session's transcript."""
    _, entries, errors = parse_lines(s.path.read_bytes())
    rules = content_of(entries, [], errors)
    assert rules.items, "the conversation must give the rules something to keep"
    return rules


def _assert_rules_block(oc: OpenClawFixture, s: Session, event: dict[str, Any]) -> None:
    rules = _rules(s)
    block = _block(oc, event["data"]["flush_id"])
    assert event["data"]["item_count"] == len(rules.items)
    assert event["data"]["items"] == rules.counts
    for item in rules.items:
        assert f"- {item.text} (" in block
    assert "Model:" not in block


# --- a model that answers -------------------------------------------------------------------------------


def test_the_model_distills_and_the_event_says_what_it_cost(oc: OpenClawFixture, stub: Stub) -> None:
    def answer(request: dict[str, Any]) -> Reply:
        ids = cited_ids(request)
        return items_answer(
            {
                "kind": "decision",
                "text": "Model: the ledger runs on PostgreSQL 16; SQLite only in unit tests.",
                "entry_ids": [ids[0], ids[-1]],
                "must_keep": True,
            },
            {  # a model that repeats a secret: it is redacted again before anything is written
                "kind": "fact",
                "text": f"Model: the staging password is {PASSWORD} and the key {API_KEY}.",
                "entry_ids": [ids[-1]],
            },
            usage={"prompt_tokens": 731, "completion_tokens": 64, "total_tokens": 795},
        )

    stub.replies = [answer]
    _configure(oc, stub)
    s = _due_session(
        oc,
        "agent:main:main",
        [
            (
                "Should the ledger service use PostgreSQL 16 or SQLite?",
                "I'd suggest PostgreSQL 16; SQLite only in unit tests. Want that?",
            ),
            (
                f"Yes, go with PostgreSQL 16. Remember that the staging db password is {PASSWORD}, "
                f"and my API key is {API_KEY}.",
                "Noted: PostgreSQL 16 for the ledger. I will not write the password anywhere.",
            ),
        ],
    )
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: bool(_completed(oc, s.key)), "the flush")
    finally:
        rc, err = d.stop()
    assert rc == 0, err

    (event,) = _completed(oc, s.key)
    data = event["data"]
    assert data["extractor"] == "llm" and data["llm_fallback_reason"] is None
    assert (data["llm_tokens_in"], data["llm_tokens_out"]) == (731, 64)
    block = _block(oc, data["flush_id"])
    assert "Model: the ledger runs on PostgreSQL 16; SQLite only in unit tests." in block
    assert "Model: the staging password is [REDACTED:" in block

    # Secrets never reached the model, and never reached a file: redacted before sending, and after.
    (body,) = stub.raw
    assert PASSWORD.encode() not in body and API_KEY.encode() not in body
    assert b"[REDACTED:" in body  # the line holding them was sent, with the values replaced
    (request,) = stub.requests
    assert sum(estimate_tokens(m["content"]) for m in request["messages"]) <= MAX_INPUT_TOKENS
    assert request["model"] == "stub-model"
    for path in [*oc.root.rglob("*.md"), *oc.memoryd_state.glob("events*.ndjson")]:
        text = path.read_text()
        assert PASSWORD not in text and API_KEY not in text, path
    assert_valid_events(oc.events())


# --- a model that fails, or is late: the rules' result, once, and the daemon keeps serving --------------


def test_a_failing_or_late_model_falls_back_to_the_rules(oc: OpenClawFixture, stub: Stub) -> None:
    _configure(oc, stub)
    release = threading.Event()
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: any(e["type"] == "daemon.started" for e in oc.events()), "the daemon")

        # 1. The server answers 500, every time: one try and two retries, then the rules.
        stub.replies = [Reply(500, b'{"error": "overloaded"}')]
        s1 = _due_session(
            oc,
            "agent:main:billing",
            [
                (
                    "Which queue should the billing exporter use, RabbitMQ or Kafka?",
                    "I recommend Kafka 3.7 with 12 partitions for the exporter. OK?",
                ),
                ("ok, Kafka it is.", "Done: the billing exporter now writes to Kafka 3.7, 12 partitions."),
            ],
        )
        wait_for(lambda: bool(_completed(oc, s1.key)), "the flush after 500s")
        (e1,) = _completed(oc, s1.key)
        assert (e1["data"]["extractor"], e1["data"]["llm_fallback_reason"]) == ("rules-fallback", "http_500")
        assert e1["data"]["llm_tokens_in"] == 0 and e1["data"]["llm_tokens_out"] == 0
        assert len(stub.requests) == 3
        _assert_rules_block(oc, s1, e1)

        # 2. The server answers, but not with the JSON asked for.
        stub.replies = [chat('{"items": [{"kind": "decision", "text": "Model: rotate the certific')]
        s2 = _due_session(
            oc,
            "agent:main:certs",
            [
                (
                    "How often should we rotate the TLS certificates, 60 or 90 days?",
                    "Every 60 days is safer; shall I schedule that?",
                ),
                ("yes, every 60 days", "Scheduled: TLS certificates rotate every 60 days, next on the 1st."),
            ],
        )
        wait_for(lambda: bool(_completed(oc, s2.key)), "the flush after a malformed answer")
        (e2,) = _completed(oc, s2.key)
        assert (e2["data"]["extractor"], e2["data"]["llm_fallback_reason"]) == (
            "rules-fallback",
            "invalid_answer",
        )
        assert e2["data"]["llm_tokens_in"] > 0  # an answer came back: it cost tokens (estimated)
        _assert_rules_block(oc, s2, e2)

        # 3. The server takes the request and holds it past the deadline.
        stub.replies = [Reply(hold=release, body=items_answer().body)]
        asked = len(stub.requests)
        s3 = _due_session(
            oc,
            "agent:main:backup",
            [
                (
                    "Should the nightly backup run at 02:00 UTC or 04:00 UTC?",
                    "I'd go with 02:00 UTC, before the batch jobs. Shall I set it?",
                ),
                ("yes, 02:00 UTC", "Set: the nightly backup runs at 02:00 UTC."),
            ],
        )
        wait_for(lambda: len(stub.requests) > asked, "the request to the model")
        # The model is holding the request: the daemon answers on its socket all the same, and
        # reports the flush as started, not written.
        with client.connect(oc.root / "run" / "memoryd.sock") as conn:
            status = conn.status()
        assert not _completed(oc, s3.key)
        (row,) = [r for r in status["sessions"] if r["session_key"] == s3.key]
        assert [p["trigger"] for p in row["pending"]] == ["threshold"]
        wait_for(lambda: bool(_completed(oc, s3.key)), "the flush at the deadline")
        (e3,) = _completed(oc, s3.key)
        assert e3["data"]["extractor"] == "rules-fallback"
        # Which side noticed first (the engine's deadline, or the request's own timeout cut to it)
        # depends on scheduling; either way it is the deadline that ended the wait.
        assert e3["data"]["llm_fallback_reason"] in ("deadline", "timeout")
        _assert_rules_block(oc, s3, e3)
        release.set()

        # 4. The model answers again: the next flush is distilled (the worker was not left stuck).
        stub.replies = [
            lambda request: items_answer(
                {
                    "kind": "fact",
                    "text": "Model: staging runs Valkey 8.",
                    "entry_ids": cited_ids(request)[:1],
                }
            )
        ]
        s4 = _due_session(
            oc,
            "agent:main:cache",
            [
                ("Should staging run Redis 7 or Valkey 8?", "I'd pick Valkey 8 for staging. OK?"),
                ("ok, Valkey 8", "Done: staging now runs Valkey 8."),
            ],
        )
        wait_for(lambda: bool(_completed(oc, s4.key)), "the flush after the model recovered")
        (e4,) = _completed(oc, s4.key)
        assert e4["data"]["extractor"] == "llm"
        assert "Model: staging runs Valkey 8." in _block(oc, e4["data"]["flush_id"])
        with client.connect(oc.root / "run" / "memoryd.sock") as conn:
            assert conn.status()["pending_flushes"] == 0
    finally:
        release.set()
        rc, err = d.stop()
    assert rc == 0, err
    events = oc.events()
    done = [e["data"]["flush_id"] for e in events if e["type"] == "memory.flush.completed"]
    assert len(done) == len(set(done)) == 4
    for fid in done:
        _block(oc, fid)  # each block is in the log exactly once
    assert_valid_events(events)


def test_events_schema_knows_the_llm_fields() -> None:
    schema = json.loads((Path(__file__).parent.parent / "docs" / "events.schema.json").read_text())
    (rule,) = [
        r["then"]["properties"]["data"]["properties"]
        for r in schema["allOf"]
        if r.get("if", {}).get("properties", {}).get("type", {}).get("const") == "memory.flush.completed"
    ]
    assert rule["extractor"] == {"enum": ["rules", "llm", "rules-fallback"]}
    assert {"llm_tokens_in", "llm_tokens_out", "llm_fallback_reason"} <= set(rule)


# --- a stop while the model holds a flush; --once --------------------------------------------------------


def test_a_stop_does_not_wait_for_the_model_and_the_flush_is_done_once_at_the_next_start(
    oc: OpenClawFixture, stub: Stub
) -> None:
    release = threading.Event()
    stub.replies = [Reply(hold=release, body=items_answer().body)]
    _configure(oc, stub)
    s = _due_session(
        oc,
        "agent:main:main",
        [
            (
                "Should the docs site build with Hugo or Zola?",
                "I'd pick Zola 0.19: one binary, no Go toolchain. OK?",
            ),
            ("ok, Zola", "Done: the docs site now builds with Zola 0.19."),
        ],
    )
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: len(stub.requests) == 1, "the request to the model")
    finally:
        rc, err = d.stop()  # the model still holds the request
    assert rc == 0, err
    release.set()
    started = [e for e in oc.events() if e["type"] == "memory.flush.started"]
    assert len(started) == 1 and not _completed(oc, s.key)
    assert not oc.daily_logs("main")  # nothing half-written

    stub.replies = [
        lambda request: items_answer(
            {
                "kind": "decision",
                "text": "Model: the docs site builds with Zola 0.19.",
                "entry_ids": cited_ids(request)[:2],
            }
        )
    ]
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: bool(_completed(oc, s.key)), "the flush, finished at the next start")
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    (event,) = _completed(oc, s.key)
    assert event["data"]["flush_id"] == started[0]["data"]["flush_id"]  # the same flush, not a new one
    assert event["data"]["extractor"] == "llm"
    assert "Model: the docs site builds with Zola 0.19." in _block(oc, event["data"]["flush_id"])
    assert_valid_events(oc.events())


def test_once_waits_for_the_model_up_to_the_deadline_then_writes_the_rules(
    oc: OpenClawFixture, stub: Stub
) -> None:
    stub.replies = [chat("Here are your notes: we decided on Zola.")]
    _configure(oc, stub)
    s = _due_session(
        oc,
        "agent:main:main",
        [
            (
                "Should the docs site build with Hugo or Zola?",
                "I'd pick Zola 0.19: one binary, no Go toolchain. OK?",
            ),
            ("ok, Zola", "Done: the docs site now builds with Zola 0.19."),
        ],
    )
    r = memoryd("run", "--once", "--config", str(oc.config_path))
    assert r.returncode == 0, r.stderr
    (event,) = _completed(oc, s.key)
    assert (event["data"]["extractor"], event["data"]["llm_fallback_reason"]) == (
        "rules-fallback",
        "invalid_answer",
    )
    _assert_rules_block(oc, s, event)
    assert_valid_events(oc.events())
