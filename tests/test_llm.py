"""The optional LLM mode against a real local HTTP stub that answers like Chat Completions.

The stub (``tests/llm_stub.py``) is a stdlib ``http.server`` in a thread on 127.0.0.1 with a random
port. Each test queues the answers it wants (status, body, delay) and reads back the request bodies
it received.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from llm_stub import Reply, Stub, chat, items_answer, serve

from memoryd.config import ConfigError, load_settings
from memoryd.flush.extract import extract_items
from memoryd.flush.items import KINDS, Item
from memoryd.flush.llm import (
    MAX_INPUT_TOKENS,
    LLMSettings,
    ask_model,
    estimate_tokens,
    extract_with_llm,
    parse_answer,
    render_candidates,
)
from memoryd.flush.pipeline import content_of
from memoryd.sources.transcript import Entry, parse_lines

DEV = Path(__file__).parent / "data" / "eval" / "dev"
REAL = Path(__file__).parent / "data" / "samples" / "openclaw-real-2026.7.1" / "state"
TRANSCRIPT = DEV / "01-invoice-due-date-test.jsonl"


@pytest.fixture
def stub() -> Iterator[Stub]:
    with serve() as state:
        yield state


def settings(url: str, **kw: Any) -> LLMSettings:
    base: dict[str, Any] = {"connect_timeout": 1.0, "read_timeout": 2.0, "retry_backoff": 0.01}
    return LLMSettings(base_url=url, model="stub-model", **(base | kw))


def entries(path: Path = TRANSCRIPT) -> list[Entry]:
    return parse_lines(path.read_bytes())[1]


def sent_ids(path: Path = TRANSCRIPT) -> tuple[str, ...]:
    """The ids a request for ``path`` cites: those of the rules' candidates that fit the budget."""
    es = entries(path)
    return render_candidates(es, extract_items(es))[1]


# --- a good answer ------------------------------------------------------------------------------------


def test_good_answer_becomes_items_in_kind_order(stub: Stub) -> None:
    ids = sent_ids()
    stub.replies = [
        items_answer(
            {
                "kind": "fact",
                "text": "Jonas Brandt owns billing.py",
                "entry_ids": [ids[3]],
                "must_keep": True,
            },
            {
                "kind": "decision",
                "text": "Due dates in UTC",
                "entry_ids": [ids[5], ids[2]],
                "must_keep": True,
            },
            {"kind": "outcome", "text": "Fixed the test", "entry_ids": [ids[7]]},
        )
    ]
    items = extract_with_llm(entries(), settings(stub.url))
    assert items is not None
    from_model = [
        i for i in items if i.text in ("Jonas Brandt owns billing.py", "Due dates in UTC", "Fixed the test")
    ]
    assert [i.kind for i in from_model] == ["decision", "outcome", "fact"]
    decision = from_model[0]
    assert decision.entry_ids == (ids[2], ids[5]) and decision.must_keep
    assert from_model[1].must_keep is False
    (request,) = stub.requests
    assert request["model"] == "stub-model"
    assert request["messages"][0]["role"] == "system" and "memory flush" in request["messages"][0]["content"]
    assert f"[{ids[0]}]" in request["messages"][1]["content"]


def test_answer_in_a_code_fence_and_empty_answer(stub: Stub) -> None:
    ids = sent_ids()
    fenced = (
        "```json\n"
        + json.dumps({"items": [{"kind": "fact", "text": "x y", "entry_ids": [ids[0]]}]})
        + "\n```"
    )
    stub.replies = [chat(fenced)]
    assert "x y" in [i.text for i in extract_with_llm(entries(), settings(stub.url)) or []]
    stub.replies = [items_answer()]
    assert extract_with_llm(entries(), settings(stub.url)) is not None


def test_secrets_in_the_answer_are_redacted(stub: Stub) -> None:
    ids = sent_ids()
    token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
    stub.replies = [items_answer({"kind": "fact", "text": f"The token is {token}", "entry_ids": [ids[0]]})]
    items = extract_with_llm(entries(), settings(stub.url)) or []
    (item,) = [i for i in items if i.text.startswith("The token is")]
    assert token not in item.text and "[REDACTED:github_token]" in item.text


def test_api_key_comes_from_the_named_env_var(stub: Stub, monkeypatch: pytest.MonkeyPatch) -> None:
    stub.replies = [items_answer()]
    monkeypatch.setenv("MEMORYD_TEST_LLM_KEY", "local-key-123")
    assert extract_with_llm(entries(), settings(stub.url, api_key_env="MEMORYD_TEST_LLM_KEY")) is not None
    assert stub.headers[0]["Authorization"] == "Bearer local-key-123"
    monkeypatch.delenv("MEMORYD_TEST_LLM_KEY")
    assert extract_with_llm(entries(), settings(stub.url, api_key_env="MEMORYD_TEST_LLM_KEY")) is None
    assert len(stub.requests) == 1  # nothing is sent without the key


# --- answers that do not validate: None, so the caller falls back to the rules ------------------------


@pytest.mark.parametrize(
    "content",
    [
        "Sure! Here are the items: decision ...",
        '{"items": [{"kind": "decision", "text": "x", "entry_ids": ["0de8b4c8"]',
        '{"notitems": []}',
        '{"items": [{"kind": "insight", "text": "x", "entry_ids": ["@ID@"]}]}',
        '{"items": [{"kind": "fact", "text": "x", "entry_ids": ["ffffffff"]}]}',
        '{"items": [{"kind": "fact", "text": "x", "entry_ids": []}]}',
        '{"items": [{"kind": "fact", "text": "", "entry_ids": ["@ID@"]}]}',
        '{"items": [{"kind": "fact", "text": "@LONG@", "entry_ids": ["@ID@"]}]}',
        '{"items": [{"kind": "fact", "text": "x", "entry_ids": ["@ID@"], "must_keep": "yes"}]}',
        '{"items": [{"kind": "fact", "text": "x", "entry_ids": "@ID@"}]}',
    ],
    ids=[
        "prose",
        "truncated-json",
        "no-items",
        "wrong-kind",
        "unknown-entry-id",
        "no-ids",
        "empty-text",
        "too-long",
        "must-keep-not-bool",
        "ids-not-a-list",
    ],
)
def test_invalid_answers_return_none(stub: Stub, content: str) -> None:
    content = content.replace("@ID@", sent_ids()[0]).replace("@LONG@", "word " * 80)
    stub.replies = [chat(content)]
    assert extract_with_llm(entries(), settings(stub.url)) is None


def test_too_many_items_return_none() -> None:
    ids = sent_ids()
    answer = json.dumps(
        {"items": [{"kind": "fact", "text": f"fact {n}", "entry_ids": [ids[0]]} for n in range(31)]}
    )
    with pytest.raises(ValueError, match="too many"):
        parse_answer(answer, ids)


def test_a_response_without_choices_returns_none(stub: Stub) -> None:
    stub.replies = [Reply(body=b'{"error": "model not loaded"}')]
    assert extract_with_llm(entries(), settings(stub.url)) is None


# --- transport: retries, timeouts, refused connections -------------------------------------------------


def test_500_then_success_is_retried(stub: Stub) -> None:
    ids = sent_ids()
    stub.replies = [
        Reply(500, b"oops"),
        Reply(503, b"busy"),
        items_answer({"kind": "fact", "text": "ok", "entry_ids": [ids[1]]}),
    ]
    items = extract_with_llm(entries(), settings(stub.url))
    assert "ok" in [i.text for i in items or []]
    assert len(stub.requests) == 3


def test_at_most_two_retries(stub: Stub) -> None:
    stub.replies = [Reply(500, b"oops")]
    assert extract_with_llm(entries(), settings(stub.url)) is None
    assert len(stub.requests) == 3


def test_a_client_error_is_not_retried(stub: Stub) -> None:
    stub.replies = [Reply(400, b'{"error": "bad request"}')]
    assert extract_with_llm(entries(), settings(stub.url)) is None
    assert len(stub.requests) == 1


def test_slow_server_beyond_the_read_timeout(stub: Stub) -> None:
    stub.replies = [Reply(delay=1.5, body=items_answer().body)]
    start = time.monotonic()
    assert extract_with_llm(entries(), settings(stub.url, read_timeout=0.2, max_retries=1)) is None
    assert time.monotonic() - start < 1.4  # two tries of 0.2 s, not the server's 1.5 s
    assert len(stub.requests) == 2


def test_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert extract_with_llm(entries(), settings(f"http://127.0.0.1:{port}/v1", max_retries=1)) is None


# --- what is sent ---------------------------------------------------------------------------------------


def _canaries(path: Path) -> list[str]:
    gold = json.loads(path.with_name(path.name.replace(".jsonl", ".gold.json")).read_text(encoding="utf-8"))
    return [str(c) for c in gold["canaries"]]


_TUNE = sorted(DEV.glob("*.jsonl")) + sorted((DEV.parent / "heldout-local").glob("*.jsonl"))


@pytest.mark.parametrize("path", _TUNE, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_request_never_carries_a_canary_and_stays_in_budget(stub: Stub, path: Path) -> None:
    stub.replies = [items_answer()]
    assert extract_with_llm(entries(path), settings(stub.url)) is not None
    (request,) = stub.requests
    body = json.dumps(request, ensure_ascii=False)
    for canary in _canaries(path):
        assert canary not in body
    assert sum(estimate_tokens(m["content"]) for m in request["messages"]) <= MAX_INPUT_TOKENS


def test_nothing_is_sent_for_a_range_without_conversation(stub: Stub) -> None:
    stub.replies = [items_answer()]
    assert extract_with_llm([], settings(stub.url)) == []
    assert stub.requests == []


# --- the rules choose what is sent; the model distills ------------------------------------------------


def test_candidates_go_most_important_first_within_the_budget() -> None:
    es = entries()
    ids = [e.id for e in es if e.role in ("user", "assistant")]
    filler = "word " * 55
    candidates = [
        Item(kind="fact", text=f"Fact {n}: {filler}", entry_ids=(ids[n % len(ids)],)) for n in range(25)
    ]
    keep = Item(kind="decision", text="The must-keep decision", entry_ids=(ids[-1],), must_keep=True)
    text, sent, chosen = render_candidates(es, [*candidates, keep], max_tokens=1_000)
    assert chosen[0] is keep and 1 < len(chosen) < 26
    assert "The must-keep decision" in text
    assert all(f"[{i}]" in text for i in sent)


def test_the_model_s_items_replace_what_was_sent_and_the_rest_stays(stub: Stub) -> None:
    es = entries()
    ids = [e.id for e in es if e.role in ("user", "assistant")]
    big = "word " * 55
    candidates = [
        Item(kind="fact", text=f"Fact {n}: {big}", entry_ids=(ids[n % len(ids)],)) for n in range(30)
    ]
    keep = Item(kind="decision", text="Due dates are computed in UTC", entry_ids=(ids[2],), must_keep=True)
    stub.replies = [items_answer({"kind": "fact", "text": "Distilled fact", "entry_ids": [ids[0]]})]
    answer = ask_model(es, [keep, *candidates], settings(stub.url))
    assert answer is not None and answer.items is not None
    texts = [i.text for i in answer.items]
    assert "Distilled fact" in texts
    assert "Due dates are computed in UTC" in texts  # sent, must keep, left out by the model
    unsent = [c.text for c in candidates if not set(c.entry_ids) <= set(answer.sent)]
    assert unsent and all(t in texts for t in unsent[:3])


def test_a_model_s_to_do_is_accepted(stub: Stub) -> None:
    ids = sent_ids()
    stub.replies = [
        items_answer({"kind": "todo", "text": "Priya ships the export by Friday", "entry_ids": [ids[0]]})
    ]
    items = extract_with_llm(entries(), settings(stub.url)) or []
    (todo,) = [i for i in items if i.text == "Priya ships the export by Friday"]
    assert todo.kind == ("todo" if "todo" in KINDS else "open_question")


def test_tokens_in_and_out_come_from_usage_or_the_estimate(stub: Stub) -> None:
    ids = sent_ids()
    answer = json.dumps({"items": [{"kind": "fact", "text": "From the model", "entry_ids": [ids[0]]}]})
    stub.replies = [chat(answer, usage={"prompt_tokens": 812, "completion_tokens": 95, "total_tokens": 907})]
    content = content_of(entries(), [], llm=settings(stub.url))
    assert (content.llm_tokens_in, content.llm_tokens_out) == (812, 95)
    stub.replies = [chat(answer)]
    content = content_of(entries(), [], llm=settings(stub.url))
    request = stub.requests[-1]
    assert content.llm_tokens_in == sum(estimate_tokens(m["content"]) for m in request["messages"])
    assert content.llm_tokens_out == estimate_tokens(answer)
    assert content_of(entries(), []).llm_tokens_in == 0


def test_a_secret_the_range_gave_is_not_sent_where_it_stands_alone(stub: Stub) -> None:
    lines = [
        {"type": "session", "version": 3, "id": "s", "timestamp": "2026-06-01T10:00:00Z", "cwd": "/w"},
        _message("00000001", "user", "the staging db password is Moss-Lantern-58"),
        _message("00000002", "assistant", "Noted: Moss-Lantern-58 goes into the vault, not the repo."),
    ]
    es = parse_lines(b"\n".join(json.dumps(x).encode() for x in lines) + b"\n")[1]
    stub.replies = [items_answer()]
    candidate = Item(kind="fact", text="Moss-Lantern-58 goes into the vault", entry_ids=("00000002",))
    assert ask_model(es, [candidate], settings(stub.url)) is not None
    assert "Moss-Lantern-58" not in json.dumps(stub.requests[0])


def _message(eid: str, role: str, text: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": eid,
        "parentId": None,
        "timestamp": f"2026-06-01T10:00:{int(eid):02d}Z",
        "message": {"role": role, "content": [{"type": "text", "text": text}]},
    }


# --- the pipeline and the configuration -----------------------------------------------------------------


def test_pipeline_uses_the_model_and_falls_back_to_the_rules(stub: Stub) -> None:
    ids = sent_ids()
    stub.replies = [items_answer({"kind": "fact", "text": "From the model", "entry_ids": [ids[0]]})]
    content = content_of(entries(), [], llm=settings(stub.url))
    assert content.extractor == "llm" and "From the model" in [i.text for i in content.items]
    assert content.llm_tokens_in > 0 and content.llm_tokens_out > 0
    stub.replies = [chat("not json")]
    fallback = content_of(entries(), [], llm=settings(stub.url))
    assert fallback.extractor == "rules-fallback" and len(fallback.items) > 3
    assert fallback.llm_fallback_reason == "invalid_answer"
    assert fallback.llm_tokens_in > 0  # the failed answer still cost tokens
    assert content_of(entries(), []).items == fallback.items


def _config(tmp_path: Path, body: str) -> Path:
    cfg = tmp_path / "m.toml"
    cfg.write_text(f'[openclaw]\nstate_dirs = ["{REAL}"]\n{body}')
    return cfg


def test_config_llm_section(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    assert load_settings(str(_config(tmp_path, "")), env).llm is None
    cfg = _config(
        tmp_path,
        '[flush]\nextractor = "llm"\n[llm]\nbase_url = "http://127.0.0.1:11434/v1"\nmodel = "qwen3:8b"\n'
        'api_key_env = "OLLAMA_KEY"\nconnect_timeout = 2\nread_timeout = 90.5\n',
    )
    s = load_settings(str(cfg), env)
    assert s.extractor == "llm"
    assert s.llm == LLMSettings(
        base_url="http://127.0.0.1:11434/v1",
        model="qwen3:8b",
        api_key_env="OLLAMA_KEY",
        connect_timeout=2.0,
        read_timeout=90.5,
    )
    rules = _config(tmp_path, '[llm]\nbase_url = "http://127.0.0.1:8080/v1"\nmodel = "m"\n')
    assert load_settings(str(rules), env).llm is None  # configured but not chosen


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[flush]\nextractor = "gpt"\n', r"flush\.extractor"),
        ('[flush]\nextractor = "llm"\n', r"llm\.base_url"),
        ('[flush]\nextractor = "llm"\n[llm]\nbase_url = "http://x/v1"\n', r"llm\.model"),
        ('[llm]\nbase_urll = "http://x/v1"\n', r"llm\.base_urll"),
        ("[llm]\nread_timeout = -1\n", r"llm\.read_timeout"),
        ('[llm]\nconnect_timeout = "5"\n', r"llm\.connect_timeout"),
        ("[llm]\nmodel = 3\n", r"llm\.model"),
    ],
)
def test_config_llm_errors_name_the_key(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(str(_config(tmp_path, body)), {"HOME": str(tmp_path)})


def test_no_retry_starts_after_the_deadline(stub: Stub) -> None:
    """The engine gives the model a deadline; a failing server is not retried past it."""
    stub.replies = [Reply(500, b"oops")]
    past = time.monotonic() - 1.0
    content = content_of(entries(), [], llm=settings(stub.url), deadline=past)
    assert stub.requests == [] and content.llm_tokens_in == 0
    assert (content.extractor, content.llm_fallback_reason) == ("rules-fallback", "deadline")
    soon = time.monotonic() + 60.0
    late = content_of(entries(), [], llm=settings(stub.url), deadline=soon)
    assert (late.extractor, late.llm_fallback_reason) == ("rules-fallback", "http_500")
    assert len(stub.requests) == 3  # within the deadline: the first try and two retries


# --- why the model failed: the reason a flush event gives -----------------------------------------------


def _failure(stub: Stub, reply: Reply, **kw: Any) -> str | None:
    es = entries()
    stub.replies = [reply]
    answer = ask_model(es, extract_items(es), settings(stub.url, **kw))
    assert answer is not None and answer.items is None
    return answer.failure


def test_each_failure_names_its_reason(stub: Stub, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _failure(stub, Reply(500, b"oops"), max_retries=1) == "http_500"
    assert _failure(stub, Reply(429, b"slow down"), max_retries=0) == "http_429"
    assert _failure(stub, Reply(401, b"{}")) == "http_401"
    assert _failure(stub, Reply(body=b'{"error": "model not loaded"}')) == "bad_response"
    assert _failure(stub, chat("I think the decisions were...")) == "invalid_answer"
    delayed = Reply(delay=1.0, body=items_answer().body)
    assert _failure(stub, delayed, read_timeout=0.2, max_retries=0) == "timeout"
    monkeypatch.delenv("MEMORYD_TEST_NO_KEY", raising=False)
    assert _failure(stub, chat("{}"), api_key_env="MEMORYD_TEST_NO_KEY") == "no_api_key"


def test_a_refused_connection_is_a_transport_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    es = entries()
    answer = ask_model(es, extract_items(es), settings(f"http://127.0.0.1:{port}/v1", max_retries=0))
    assert answer is not None and answer.failure == "transport_error"


def test_config_deadline(tmp_path: Path) -> None:
    body = '[flush]\nextractor = "llm"\n[llm]\nbase_url = "http://127.0.0.1:8080/v1"\nmodel = "m"\n'
    env = {"HOME": str(tmp_path)}
    default = load_settings(str(_config(tmp_path, body)), env).llm
    assert default is not None and default.deadline == 20.0
    set_ = load_settings(str(_config(tmp_path, body + "deadline = 4.5\n")), env).llm
    assert set_ is not None and set_.deadline == 4.5
    with pytest.raises(ConfigError, match=r"llm\.deadline"):
        load_settings(str(_config(tmp_path, body + "deadline = 0\n")), env)


# --- the engine's worker --------------------------------------------------------------------------------


def test_the_worker_does_not_send_a_job_whose_deadline_passed_while_it_waited(stub: Stub) -> None:
    """One request at a time: a flush queued behind a slow one is not sent after its own deadline."""
    from memoryd.flush.executor import ModelJob, ModelWorker

    release = threading.Event()
    stub.replies = [Reply(hold=release, body=items_answer().body)]
    es = entries()
    rules = content_of(es, [])
    now = time.monotonic()

    def job(deadline: float) -> ModelJob:
        return ModelJob(
            entries=es,
            existing=[],
            errors=[],
            llm=settings(stub.url, read_timeout=30.0),
            deadline=deadline,
            rules=rules,
        )

    slow, queued = job(now + 0.5), job(now + 0.3)
    worker = ModelWorker()
    worker.submit(slow)
    worker.submit(queued)
    try:
        assert queued.done.wait(30) and slow.done.is_set()
    finally:
        release.set()
    assert slow.result is not None and slow.result.extractor == "rules-fallback"
    assert slow.result.llm_fallback_reason in ("timeout", "deadline")  # its request ran out with the deadline
    assert queued.result is None and queued.failure == "deadline"
    assert len(stub.requests) == 1  # the queued one was never sent
    assert slow.result.items == rules.items


def test_the_model_worker_leaves_the_collector_on_while_it_waits_for_the_model(stub: Stub) -> None:
    """The LLM worker runs the rules again (collector paused, as everywhere) and then waits for the
    model, seconds on a real one: the collector is on while it waits, and off neither before nor after."""
    import gc

    from memoryd.flush.executor import ModelJob, ModelWorker

    es = entries()
    ids = sent_ids()
    seen: list[bool] = []

    def answer(request: dict[str, Any]) -> Reply:
        seen.append(gc.isenabled())  # the server's thread, while the worker's request is open
        return items_answer({"kind": "fact", "text": "The invoice is due in 30 days.", "entry_ids": [ids[0]]})

    stub.replies = [answer]
    was = gc.isenabled()
    gc.enable()
    try:
        job = ModelJob(
            entries=es,
            existing=(),
            errors=(),
            llm=settings(stub.url),
            deadline=time.monotonic() + 30,
            rules=content_of(es, ()),
        )
        ModelWorker().submit(job)
        assert job.done.wait(30)
        assert seen == [True]
        assert job.result is not None and job.result.extractor == "llm"
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()
