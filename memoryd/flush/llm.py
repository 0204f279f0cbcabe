"""Optional LLM extraction over an OpenAI-compatible Chat Completions endpoint (off by default).

The rules extractor is the default and the fallback. This module sends a compact, redacted rendering
of the range (user and assistant prose, tool calls in one line each with their exit status and the
tail of their output; the output of secret files is never sent) together with a prompt in the spirit
of OpenClaw's pre-compaction memory flush, and reads back JSON items ``{kind, text, entry_ids,
must_keep}``. The answer is validated strictly: every kind known, every entry id one that was sent,
texts non-empty and short, at most ``MAX_ITEMS`` items. Anything else (a transport error after the
retries, a non-2xx status, a timeout, JSON that does not parse or validate) returns ``None``, and the
caller falls back to the rules. Item texts are redacted again before they are returned.

``OpenAI``, ``Ollama`` (``http://127.0.0.1:11434/v1``), ``llama.cpp``'s server and ``vLLM`` all serve
this API. The key, if any, is read from the environment variable named by ``api_key_env``.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import structlog

from memoryd.flush.extract import MAX_TEXT
from memoryd.flush.extract.budget import bound_items
from memoryd.flush.extract.context import Draft
from memoryd.flush.extract.messages import Msg, visible_messages
from memoryd.flush.items import KINDS, Item, Kind
from memoryd.flush.redact import redact, secrets_in
from memoryd.sources.transcript import Entry

if TYPE_CHECKING:
    import httpx

__all__ = ["LLMSettings", "build_prompt", "extract_with_llm", "parse_answer", "render_transcript"]

log = structlog.get_logger("memoryd.flush.llm")

#: Most items an answer may hold (the block's own bound).
MAX_ITEMS: Final = 30
#: Characters of the rendered transcript sent at most; longer ranges keep their start and their end.
MAX_PROMPT_CHARS: Final = 48_000
_MESSAGE_CHARS: Final = 1_200
_OUTPUT_CHARS: Final = 400
_MAX_IDS: Final = 12


@dataclass(frozen=True, slots=True)
class LLMSettings:
    """Where and how to ask. Timeouts are in seconds; ``max_retries`` counts retries after the first try."""

    base_url: str
    model: str
    api_key_env: str | None = None
    connect_timeout: float = 5.0
    read_timeout: float = 60.0
    max_retries: int = 2
    max_tokens: int = 1_500
    retry_backoff: float = 0.5


SYSTEM_PROMPT: Final = """\
Pre-compaction memory flush. The session below is about to be compacted: store durable memories now.
You write the daily memory log that the agent and its person read tomorrow. Keep only what is worth
remembering, in the language of the conversation, as short standalone statements:

- decision: something the user and the agent settled on (a proposal and the user's agreement, or an
  explicit choice). A rejected option is its own decision: "Rejected: X, because ...".
- outcome: the result of work: a failure and its fix, a deploy, a commit (hash), a PR (number), a file
  written. A failure still unresolved at the end is an outcome with must_keep true.
- open_question: a question, TODO or next step still unresolved at the end. Answered questions are not items.
- fact: a durable fact or preference about the user, the project or the environment (hosts, ports,
  owners, conventions), a correction of the agent by the user, anything the user asked to remember.
- procedure: a reusable how-to that emerged (ordered commands or steps).

Rules: keep identifiers verbatim (paths, hosts, ports, hashes, PR numbers, versions). No small talk, no
narration ("let me check ..."), no code listings, no secrets. must_keep is true for decisions (also
rejected options), user corrections, explicit requests to remember, and unresolved failures. Cite the
ids in square brackets of the lines each item comes from. At most 30 items, each text under 300
characters. If nothing is worth storing, answer {"items": []}.

Answer with JSON only, no prose:
{"items": [{"kind": "decision|outcome|open_question|fact|procedure", "text": "...", "entry_ids": ["..."], "must_keep": false}]}"""


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
    return f"[{m.id}] tool {step.tool}: {_clip(what, 300)} -> {status}: {output}"


def render_transcript(
    entries: Sequence[Entry], *, known: frozenset[str] = frozenset()
) -> tuple[str, tuple[str, ...], dict[str, int]]:
    """The range as compact, redacted lines: (text, ids sent, redactions per rule).

    ``known`` are the range's secrets (:func:`~memoryd.flush.redact.secrets_in`), redacted
    wherever they appear, so that a value used once as a password is never sent.
    """
    lines: list[str] = []
    ids: list[str] = []
    for m in visible_messages(entries):
        line = _line(m)
        if line:
            lines.append(line)
            ids.append(m.id)
    text = "\n".join(lines)
    if len(text) > MAX_PROMPT_CHARS:
        head, tail = text[: MAX_PROMPT_CHARS // 3], text[-(MAX_PROMPT_CHARS * 2 // 3) :]
        text = head[: head.rfind("\n")] + "\n[...]\n" + tail[tail.find("\n") + 1 :]
        ids = [i for i in ids if f"[{i}]" in text]
    red = redact(text, known=known)
    return red.text, tuple(ids), red.counts


def build_prompt(transcript: str) -> list[dict[str, str]]:
    """Chat messages for the request."""
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": f"Transcript (one line per entry, id in brackets):\n\n{transcript}"},
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
    checked: Kind = kind
    return checked, " ".join(text.split()), ids, keep


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


def _content(response: httpx.Response) -> str:
    body = response.json()
    content = body["choices"][0]["message"]["content"]
    if not isinstance(content, str):
        raise _Invalid("no message content")
    return content


def _post(client: httpx.Client, settings: LLMSettings, payload: dict[str, Any]) -> str | None:
    """The answer's content, retrying transport errors, timeouts, 429 and 5xx; ``None`` when all fail."""
    import httpx

    url = settings.base_url.rstrip("/") + "/chat/completions"
    headers = {"Content-Type": "application/json"}
    if settings.api_key_env:
        key = os.environ.get(settings.api_key_env)
        if not key:
            log.warning("llm.no_key", env=settings.api_key_env)
            return None
        headers["Authorization"] = f"Bearer {key}"
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    for attempt in range(settings.max_retries + 1):
        if attempt:
            time.sleep(settings.retry_backoff * 2 ** (attempt - 1))
        try:
            response = client.post(url, json=payload, headers=headers, timeout=timeout)
        except httpx.HTTPError as exc:
            log.warning("llm.transport_error", attempt=attempt, error=type(exc).__name__)
            continue
        if response.status_code == 429 or response.status_code >= 500:
            log.warning("llm.server_error", attempt=attempt, status=response.status_code)
            continue
        if response.status_code != 200:
            log.warning("llm.rejected", status=response.status_code)
            return None
        try:
            return _content(response)
        except (ValueError, KeyError, IndexError, TypeError):
            log.warning("llm.bad_response")
            return None
    return None


def extract_with_llm(
    entries: Sequence[Entry],
    settings: LLMSettings,
    *,
    client: httpx.Client | None = None,
    known: frozenset[str] | None = None,
) -> list[Item] | None:
    """Items from the model, or ``None`` on any failure (the caller falls back to the rules).

    Everything sent is redacted first, the range's ``known`` secrets included (computed when not
    given); nothing is sent for a range without conversation.
    """
    secrets = secrets_in(entries) if known is None else known
    transcript, ids, _ = render_transcript(entries, known=secrets)
    if not ids:
        return []
    payload = {
        "model": settings.model,
        "messages": build_prompt(transcript),
        "temperature": 0,
        "max_tokens": settings.max_tokens,
        "response_format": {"type": "json_object"},
    }
    try:
        if client is None:
            import httpx

            with httpx.Client() as own:
                content = _post(own, settings, payload)
        else:
            content = _post(client, settings, payload)
        if content is None:
            return None
        return parse_answer(content, ids, secrets=secrets)
    except ValueError as exc:
        log.warning("llm.invalid_answer", error=str(exc)[:200])
        return None
    except Exception as exc:  # a fallback must never take the flush down with it
        log.warning("llm.failed", error=type(exc).__name__)
        return None
