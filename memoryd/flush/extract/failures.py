"""Failures a tool states in its own JSON answer while its exit code (or ``isError``) says all is well.

An API called with ``curl -s`` exits 0 on a 403; a gateway tool answers ``{"ok": false, "error": ...}``.
The shape is the tool's, not a writer's wording: a boolean status key set to false, an HTTP status
field (``httpStatus``, ``statusCode``, ``status``) holding a 4xx/5xx code, or a top-level ``error``
object or message. Only the head of the output is read (where an API puts its envelope).
"""

from __future__ import annotations

import re
from typing import Any, Final

import orjson

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.messages import Step
from memoryd.flush.extract.prose import clip, is_question
from memoryd.flush.extract.shell import EDIT_TOOLS, EXIT_CODE, WRITE_TOOLS

#: How much of the output's head is read: an API's envelope comes first.
_HEAD: Final = 2000

_JSON_FAILURE: Final = re.compile(
    r"\"(?:ok|success|succeeded)\"\s*:\s*false\b"
    r"|\"(?:[a-z]+_?)?(?i:status|status_?code|http_?code)\"\s*:\s*\"?[45]\d\d\b"
    r"|^\s*\{\s*\"(?:error|errors|err)\"\s*:\s*(?:\"[^\"\s]|\{|\[\s*\{)"
    r"|\"meta\"\s*:\s*\{[^{}]{0,80}\"(?:error|errors)\"\s*:\s*\{"
)


def json_failure(output: str) -> bool:
    """Whether the head of ``output`` is a JSON answer that reports a failure."""
    head = output[:_HEAD]
    if "{" not in head:
        return False
    return _JSON_FAILURE.search(head) is not None


#: Keys that say an object failed, and the keys that say how.
_OK_KEYS: Final = ("ok", "success", "succeeded")
_STATUS_KEYS: Final = ("status", "httpStatus", "statusCode", "status_code", "http_code", "code")
_ERROR_KEYS: Final = ("error", "errors", "err", "reason", "message", "detail", "details")
_BAD_STATUS: Final = frozenset({"error", "failed", "failure", "rejected", "denied"})
#: Keys of an answer's bookkeeping (``request_id``, ``traceId``), which name no failed thing.
_TRACE_KEY: Final = re.compile(r"request|trace|correlation|timestamp|^ts$|^time$", re.I)


def _failed_object(obj: dict[str, Any]) -> bool:
    if any(obj.get(k) is False for k in _OK_KEYS) or obj.get("error") or obj.get("errors"):
        return True
    for k in _STATUS_KEYS:
        v = obj.get(k)
        if isinstance(v, int) and not isinstance(v, bool) and 400 <= v <= 599:
            return True
        if isinstance(v, str) and (v.lower() in _BAD_STATUS or re.fullmatch(r"[45]\d\d", v)):
            return True
    return False


def _scalar(v: Any) -> str | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (str, int, float)):
        return str(v)
    if isinstance(v, dict):  # ``"error": {"code": ..., "message": ...}``
        return ", ".join(s for k in ("code", *_ERROR_KEYS) if (s := _scalar(v.get(k)))) or None
    return None


def _said(obj: dict[str, Any]) -> str:
    """A failed object in words: what it names first, then how it failed."""
    how = [s for k in _ERROR_KEYS if k in obj and (s := _scalar(obj[k]))]
    names = [
        v
        for k, v in obj.items()
        if k not in _ERROR_KEYS
        and k not in _OK_KEYS
        and not _TRACE_KEY.search(k)
        and isinstance(v, str)
        and 0 < len(v) <= 40
        and v.lower() not in _BAD_STATUS  # "status": "error" says no more than the error itself
    ][:1]
    status = [str(obj[k]) for k in _STATUS_KEYS if k in obj and _scalar(obj[k]) and str(obj[k]) not in names][
        :1
    ]
    return ": ".join(p for p in (" ".join(names + status), ", ".join(dict.fromkeys(how))) if p)


def _walk(value: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 4 or len(out) >= 3:
        return
    if isinstance(value, dict):
        inner = len(out)
        for v in value.values():
            _walk(v, out, depth + 1)
        if len(out) == inner and _failed_object(value):  # the innermost failed object says the most
            out.append(value)
    elif isinstance(value, list):
        for v in value[:50]:
            _walk(v, out, depth + 1)


def failure_said(output: str) -> str:
    """What a failing JSON answer says failed, in a line ("3C-BIO: group_locked,
    locked for edits"), or "" when the output is no such answer. A one-line JSON body is read by
    its keys, not cut at a width, so the failing part of a long answer is not lost."""
    head = output.strip()
    if not head.startswith(("{", "[")):
        return ""
    try:
        doc = orjson.loads(head)
    except orjson.JSONDecodeError:
        return ""
    failed: list[dict[str, Any]] = []
    _walk(doc, failed)
    return "; ".join(s for o in failed if (s := _said(o)))


# --- a tool of its own (cron, calendar, a fetch) that failed, then worked or not ---------------------


def _tool_failed(step: Step) -> bool:
    return step.failed or json_failure(step.output)


def _plain_tool(step: Step | None) -> bool:
    """A call of a tool of its own: no shell command, not a file write or edit."""
    return step is not None and not step.command and step.tool not in WRITE_TOOLS | EDIT_TOOLS


def _error_text(step: Step) -> str:
    if step.quiet:
        return "(output not quoted)"
    if said := failure_said(step.output):
        return clip(said, 110)
    lines = [ln.strip() for ln in step.output.splitlines() if ln.strip() and not EXIT_CODE.search(ln)]
    return clip(lines[0], 110) if lines else ""


def tool_chain_rules(ctx: Ctx) -> None:
    """A failed call of a tool of its own and the later call of the same tool in the same turn that
    worked are one outcome ("cron failed: error; now the agent's report"); with no later call that
    worked, the failure is unresolved (must keep). Failure chains of commands are read first
    (``tools.chain_rules``); one pass over the messages."""
    open_fail: dict[tuple[str, int], int] = {}  # (tool, turn) -> first failing position
    closed: set[int] = set()
    turn = -1
    for m in ctx.msgs:
        if m.role == "user":
            turn = m.pos
        step = m.step
        if not _plain_tool(step) or m.pos in ctx.in_chain:
            continue
        assert step is not None
        key = (step.tool, turn)
        if _tool_failed(step):
            open_fail.setdefault(key, m.pos)
        elif key in open_fail:
            first = open_fail.pop(key)
            _resolved_tool(ctx, first, m.pos)
            closed.add(first)
    for first in sorted(open_fail.values()):
        step = ctx.msgs[first].step
        assert step is not None
        text = ctx.labels["still"].format(cmd=f"`{step.tool}`", err=_error_text(step))
        pos = {first}
        report = ctx.prose_after(first)
        if report is not None:
            said = next((s for s in report.sentences if not is_question(s)), "")
            if said and len(text) + len(said) < 280:
                text += f" ({said.rstrip('.')})"
                pos.add(report.pos)
        ctx.in_chain.add(first)
        ctx.add("outcome", text, pos, must_keep=True)


def _resolved_tool(ctx: Ctx, first: int, end: int) -> None:
    step = ctx.msgs[first].step
    assert step is not None
    head = ctx.labels["failed"].format(cmd=f"`{step.tool}`", err=_error_text(step))
    pos = {first, end}
    report = ctx.prose_after(end)
    ok = ""
    if report is not None:
        ok = next((s for s in report.sentences if not is_question(s)), "")
        if ok:
            pos.add(report.pos)
            ctx.reported.add(report.pos)
    now = _NOW.get(ctx.lang, _NOW["en"])
    text = head if not ok else f"{head.rstrip('.')}; {now} {ok}"
    ctx.in_chain.update(range(first, end + 1))
    ctx.used.update({first, end})
    ctx.add("outcome", text, pos)


_NOW: Final = {"en": "now", "de": "jetzt", "es": "ahora", "fr": "maintenant", "ja": "結果:"}
