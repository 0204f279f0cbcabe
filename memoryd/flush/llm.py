"""Optional LLM distillation over an OpenAI-compatible Chat Completions endpoint (off by default).

The rules run first and choose what is worth a model's attention: their candidate items, most
important first (must-keep, then kind order), each with the entries it cites, are sent as long as
the request stays within ``MAX_INPUT_TOKENS`` (estimated as characters / 4): the rules' draft notes
and the cited lines (user and assistant prose, tool calls in one line each with their exit status
and the tail of their output; the output of secret files is never sent), all redacted with the
range's own secrets. The model distills them, in the spirit of OpenClaw's pre-compaction memory
flush, into JSON items ``{kind, text, entry_ids, must_keep}``, validated strictly: every kind known
(``todo`` included), every entry id one that was sent, texts non-empty and short, at most
``MAX_ITEMS`` items. Candidates that did not fit are kept as the rules wrote them, and so is a
must-keep candidate the model left out. Anything else (a transport error after the retries, a
non-2xx status, a timeout, JSON that does not parse or validate) means no items from the model, and
the caller writes the rules' result. Tokens in and out come from the answer's ``usage`` (or the
estimate) and are reported either way.

``OpenAI``, ``Ollama`` (``http://127.0.0.1:11434/v1``), ``llama.cpp``'s server and ``vLLM`` all serve
this API. The key, if any, is read from the environment variable named by ``api_key_env``.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, cast

import structlog

from memoryd.flush.extract import MAX_TEXT, extract_items
from memoryd.flush.extract.budget import bound_items
from memoryd.flush.extract.context import Draft
from memoryd.flush.extract.messages import Msg, visible_messages
from memoryd.flush.items import KINDS, Item, Kind
from memoryd.flush.redact import redact, secrets_in
from memoryd.sources.transcript import Entry

if TYPE_CHECKING:
    import httpx

__all__ = [
    "DEFAULT_DEADLINE",
    "LLMAnswer",
    "LLMSettings",
    "ask_model",
    "build_prompt",
    "estimate_tokens",
    "extract_with_llm",
    "parse_answer",
    "render_candidates",
]

log = structlog.get_logger("memoryd.flush.llm")

#: Most items an answer may hold (the block's own bound).
MAX_ITEMS: Final = 30
#: Input tokens a flush may send at most (system prompt included), by :func:`estimate_tokens`.
MAX_INPUT_TOKENS: Final = 2_000
_MESSAGE_CHARS: Final = 320
_OUTPUT_CHARS: Final = 200
_MAX_IDS: Final = 12
#: Seconds a flush waits for the model, retries included, before the rules' result is written.
DEFAULT_DEADLINE: Final = 20.0
#: A sixth kind is coming (``todo``); until ``items.KINDS`` has it, a model's to-do is an open question.
_TODO: Final = "todo"


@dataclass(frozen=True, slots=True)
class LLMSettings:
    """Where and how to ask. Timeouts are in seconds; ``max_retries`` counts retries after the first try.

    ``deadline``: how long a flush waits for the model at most (all tries together), counted from
    when the flush asks; after it the rules' result is written.
    """

    base_url: str
    model: str
    api_key_env: str | None = None
    connect_timeout: float = 5.0
    read_timeout: float = 60.0
    max_retries: int = 2
    max_tokens: int = 1_500
    retry_backoff: float = 0.5
    deadline: float = DEFAULT_DEADLINE


SYSTEM_PROMPT: Final = """\
Pre-compaction memory flush: store durable memories now, for the daily log the agent and its person
read tomorrow. Below are draft notes that rules took from a session, and the transcript lines they
cite ([id] role: text). Rewrite them as the final notes, in the conversation's language: one short,
self-contained sentence each, stating what was decided, done or learned (not the whole proposal and
reply); fix a wrong kind; merge restatements; drop a draft the lines do not support or that is small
talk. Kinds: decision (settled choice; a turned-down option is "Rejected: X"), outcome (result of work,
a failure and its fix, an unresolved failure), open_question (still open at the end), todo (a task
with an owner or a due date), fact (durable fact, preference, correction, something to remember),
procedure (reusable steps). Keep identifiers verbatim; no secrets. must_keep: decisions, corrections,
requests to remember, unresolved failures. Cite the ids each note comes from.
Answer with JSON only: {"items": [{"kind": "...", "text": "...", "entry_ids": ["..."], "must_keep": false}]}"""


def estimate_tokens(text: str) -> int:
    """Tokens of ``text`` by the usual rule of thumb (four characters a token)."""
    return (len(text) + 3) // 4


@dataclass(frozen=True, slots=True)
class LLMAnswer:
    """What the model cost, and its items (``None`` when the model failed: ``failure`` says why).

    ``failure`` is one of ``deadline`` (no time was left for a try), ``timeout``, ``transport_error``
    (connection refused or reset), ``http_<status>`` (the last status, after the retries for 429 and
    5xx), ``no_api_key``, ``bad_response`` (not a Chat Completions answer), ``invalid_answer`` (the
    model's text is not JSON or does not validate), ``error`` (anything else). Tokens are 0 when no
    answer came back.
    """

    items: list[Item] | None
    tokens_in: int
    tokens_out: int
    #: The ids that were sent, in transcript order.
    sent: tuple[str, ...] = field(default=())
    failure: str | None = None


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _line(m: Msg) -> str:
    if m.step is None:
        return f"[{m.id}] {m.role}: {_clip(m.prose, _MESSAGE_CHARS)}" if m.prose else ""
    step = m.step
    what = step.command or (f"{step.tool} {step.path}".strip())
    status = "FAILED" if step.failed else "ok"
    output = (
        "(secret file: content not shown)"
        if step.quiet
        else _clip(step.output[-_OUTPUT_CHARS:], _OUTPUT_CHARS)
    )
    return f"[{m.id}] tool {step.tool}: {_clip(what, 200)} -> {status}: {output}"


def _priority(items: Sequence[Item]) -> list[Item]:
    rank = {k: i for i, k in enumerate(KINDS)}
    return sorted(items, key=lambda i: (not i.must_keep, rank.get(i.kind, len(rank))))


def _user_message(drafts: Sequence[str], lines: Sequence[str]) -> str:
    return "Draft notes:\n" + "\n".join(drafts) + "\n\nTranscript lines:\n" + "\n".join(lines)


def render_candidates(
    entries: Sequence[Entry],
    candidates: Sequence[Item],
    *,
    known: frozenset[str] = frozenset(),
    max_tokens: int = MAX_INPUT_TOKENS,
) -> tuple[str, tuple[str, ...], list[Item]]:
    """The user message for the candidates that fit: (redacted text, ids sent, candidates sent).

    Candidates are taken most important first; one that does not fit is skipped (a smaller one
    after it may still fit). ``known`` are the range's secrets, redacted wherever they appear.
    """
    by_id = {m.id: m for m in visible_messages(entries)}
    budget = max_tokens * 4 - len(SYSTEM_PROMPT) - len(_user_message([], [])) - 64
    chosen: list[Item] = []
    rendered: dict[str, str] = {}
    drafts: list[str] = []
    used = 0
    for item in _priority(candidates):
        ids = [i for i in item.entry_ids if i in by_id]
        # Redacted piece by piece, so that what is measured is what is sent.
        new = {i: redact(_line(by_id[i]), known=known).text for i in ids if i not in rendered}
        draft = redact(f"- {item.kind}: {_clip(item.text, 300)} [{', '.join(ids)}]", known=known).text
        cost = len(draft) + 1 + sum(len(line) + 1 for line in new.values())
        if not ids or used + cost > budget:
            continue
        chosen.append(item)
        rendered.update(new)
        drafts.append(draft)
        used += cost
    order = {m.id: m.pos for m in by_id.values()}
    sent = tuple(sorted(rendered, key=order.__getitem__))
    text = _user_message(drafts, [rendered[i] for i in sent if rendered[i]])
    return redact(text, known=known).text, sent, chosen


def build_prompt(user_message: str) -> list[dict[str, str]]:
    """Chat messages for the request."""
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": user_message},
    ]


class _Invalid(ValueError):
    """The model's answer does not validate."""


def _strip_fence(content: str) -> str:
    text = content.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.rsplit("```", 1)[0]
    return text.strip()


def _item(raw: Any, known: Mapping[str, int]) -> tuple[Kind, str, list[str], bool]:
    if not isinstance(raw, dict):
        raise _Invalid("item is not an object")
    kind, text, ids, keep = (
        raw.get("kind"),
        raw.get("text"),
        raw.get("entry_ids"),
        raw.get("must_keep", False),
    )
    if kind == _TODO and _TODO not in KINDS:
        kind = "open_question"
    if kind not in KINDS:
        raise _Invalid(f"unknown kind {kind!r}")
    if not isinstance(text, str) or not text.strip() or len(text.strip()) > MAX_TEXT:
        raise _Invalid("text missing, empty or too long")
    if not isinstance(ids, list) or not ids or len(ids) > _MAX_IDS:
        raise _Invalid("entry_ids must be a non-empty list")
    if not all(isinstance(i, str) and i in known for i in ids):
        raise _Invalid("entry_ids name entries outside the range")
    if not isinstance(keep, bool):
        raise _Invalid("must_keep must be a boolean")
    return cast(Kind, kind), " ".join(text.split()), ids, keep


def parse_answer(content: str, known: Sequence[str], *, secrets: frozenset[str] = frozenset()) -> list[Item]:
    """Validate the model's JSON into items (redacted, in kind order, bounded); raises ``ValueError``."""
    try:
        doc = json.loads(_strip_fence(content))
    except json.JSONDecodeError as exc:
        raise _Invalid(f"answer is not JSON: {exc}") from None
    raw_items = doc.get("items") if isinstance(doc, dict) else doc
    if not isinstance(raw_items, list):
        raise _Invalid("answer has no items list")
    if len(raw_items) > MAX_ITEMS:
        raise _Invalid("too many items")
    position = {eid: i for i, eid in enumerate(known)}
    drafts = []
    for raw in raw_items:
        kind, text, ids, keep = _item(raw, position)
        drafts.append(Draft(kind, redact(text, known=secrets).text, {position[i] for i in ids}, keep))
    return [
        Item(
            kind=d.kind, text=d.text, entry_ids=tuple(known[p] for p in sorted(d.pos)), must_keep=d.must_keep
        )
        for d in bound_items(drafts, MAX_ITEMS, 4096)
    ]


def _merge(
    model: list[Item], candidates: Sequence[Item], sent: Sequence[Item], order: Mapping[str, int]
) -> list[Item]:
    """The model's items, the candidates that were not sent, and sent must-keeps the model dropped."""
    cited = {i for item in model for i in item.entry_ids}
    sent_ids = {id(c) for c in sent}
    kept = [
        c
        for c in candidates
        if id(c) not in sent_ids or (c.must_keep and not cited.intersection(c.entry_ids))
    ]
    drafts = [
        Draft(i.kind, i.text, {order.get(e, len(order)) for e in i.entry_ids}, i.must_keep)
        for i in model + kept
    ]
    ids = {order.get(e, len(order)): e for item in model + kept for e in item.entry_ids}
    return [
        Item(kind=d.kind, text=d.text, entry_ids=tuple(ids[p] for p in sorted(d.pos)), must_keep=d.must_keep)
        for d in bound_items(drafts, MAX_ITEMS, 4096)
    ]


def _content(response: httpx.Response) -> tuple[str, tuple[int, int] | None]:
    """The answer's text, and its ``usage`` (prompt and completion tokens) when the server gave it."""
    body = response.json()
    content = body["choices"][0]["message"]["content"]
    if not isinstance(content, str):
        raise _Invalid("no message content")
    usage = body.get("usage")
    if isinstance(usage, dict):
        prompt, completion = usage.get("prompt_tokens"), usage.get("completion_tokens")
        if isinstance(prompt, int) and isinstance(completion, int):
            return content, (prompt, completion)
    return content, None


def _post(
    client: httpx.Client, settings: LLMSettings, payload: dict[str, Any], deadline: float | None = None
) -> tuple[str, tuple[int, int] | None] | str:
    """The answer and its usage, retrying transport errors, timeouts, 429 and 5xx; else why it failed.

    ``deadline`` (``time.monotonic()``) bounds the whole exchange: no try starts after it, and a
    try's timeouts are cut to what is left.
    """
    import httpx

    url = settings.base_url.rstrip("/") + "/chat/completions"
    headers = {"Content-Type": "application/json"}
    if settings.api_key_env:
        key = os.environ.get(settings.api_key_env)
        if not key:
            log.warning("llm.no_key", env=settings.api_key_env)
            return "no_api_key"
        headers["Authorization"] = f"Bearer {key}"
    failure = "deadline"
    for attempt in range(settings.max_retries + 1):
        if attempt:
            time.sleep(settings.retry_backoff * 2 ** (attempt - 1))
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            log.warning("llm.deadline", attempt=attempt)
            return failure  # "deadline" unless a try before it failed otherwise
        timeout = httpx.Timeout(
            settings.read_timeout if left is None else min(settings.read_timeout, left),
            connect=settings.connect_timeout if left is None else min(settings.connect_timeout, left),
        )
        try:
            response = client.post(url, json=payload, headers=headers, timeout=timeout)
        except httpx.TimeoutException as exc:
            log.warning("llm.timeout", attempt=attempt, error=type(exc).__name__)
            failure = "timeout"
            continue
        except httpx.HTTPError as exc:
            log.warning("llm.transport_error", attempt=attempt, error=type(exc).__name__)
            failure = "transport_error"
            continue
        if response.status_code == 429 or response.status_code >= 500:
            log.warning("llm.server_error", attempt=attempt, status=response.status_code)
            failure = f"http_{response.status_code}"
            continue
        if response.status_code != 200:
            log.warning("llm.rejected", status=response.status_code)
            return f"http_{response.status_code}"
        try:
            return _content(response)
        except (ValueError, KeyError, IndexError, TypeError):
            log.warning("llm.bad_response")
            return "bad_response"
    return failure


def ask_model(
    entries: Sequence[Entry],
    candidates: Sequence[Item],
    settings: LLMSettings,
    *,
    client: httpx.Client | None = None,
    known: frozenset[str] | None = None,
    deadline: float | None = None,
) -> LLMAnswer | None:
    """The model's distillation of the rules' ``candidates``; ``None`` when there was nothing to send.

    Nothing is sent when no candidate cites a visible entry. ``known`` are the range's secrets
    (computed when not given): what is sent and what comes back are redacted with them.
    ``deadline`` (``time.monotonic()``) is when the caller stops waiting: no retry starts after it.
    When the model fails the answer has no items and says why (``LLMAnswer.failure``).
    """
    secrets = secrets_in(entries) if known is None else known
    user, sent_ids, sent = render_candidates(entries, candidates, known=secrets)
    if not sent:
        return None
    messages = build_prompt(user)
    payload = {
        "model": settings.model,
        "messages": messages,
        "temperature": 0,
        "max_tokens": settings.max_tokens,
        "response_format": {"type": "json_object"},
    }
    try:
        if client is None:
            import httpx

            with httpx.Client() as own:
                answer = _post(own, settings, payload, deadline)
        else:
            answer = _post(client, settings, payload, deadline)
    except Exception as exc:  # a fallback must never take the flush down with it
        log.warning("llm.failed", error=type(exc).__name__)
        answer = "error"
    if isinstance(answer, str):
        return LLMAnswer(items=None, tokens_in=0, tokens_out=0, sent=sent_ids, failure=answer)
    content, usage = answer
    tokens_in, tokens_out = usage or (
        sum(estimate_tokens(m["content"]) for m in messages),
        estimate_tokens(content),
    )
    order = {eid: i for i, eid in enumerate(e.id for e in entries)}
    try:
        items = _merge(parse_answer(content, sent_ids, secrets=secrets), candidates, sent, order)
    except ValueError as exc:
        log.warning("llm.invalid_answer", error=str(exc)[:200])
        return LLMAnswer(
            items=None, tokens_in=tokens_in, tokens_out=tokens_out, sent=sent_ids, failure="invalid_answer"
        )
    return LLMAnswer(items=items, tokens_in=tokens_in, tokens_out=tokens_out, sent=sent_ids)


def extract_with_llm(
    entries: Sequence[Entry],
    settings: LLMSettings,
    *,
    client: httpx.Client | None = None,
    known: frozenset[str] | None = None,
    candidates: Sequence[Item] | None = None,
) -> list[Item] | None:
    """Items from the model over the rules' candidates, or ``None`` on any failure (use the rules).

    ``candidates`` default to the rules' own items for ``entries``. A range where the rules find
    nothing sends nothing and yields no items.
    """
    if candidates is None:
        candidates = extract_items(entries, max_items=MAX_ITEMS, max_bytes=4096)
    if not candidates:
        return []
    answer = ask_model(entries, candidates, settings, client=client, known=known)
    return None if answer is None else answer.items
