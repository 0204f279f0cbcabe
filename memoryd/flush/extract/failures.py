"""Failures a tool states in its own JSON answer while its exit code (or ``isError``) says all is well.

An API called with ``curl -s`` exits 0 on a 403; a gateway tool answers ``{"ok": false, "error": ...}``.
The shape is the tool's, not a writer's wording: a boolean status key set to false, an HTTP status
field (``httpStatus``, ``statusCode``, ``status``) holding a 4xx/5xx code, or a top-level ``error``
object or message. Only the head of the output is read (where an API puts its envelope).
"""

from __future__ import annotations

import re
from typing import Final

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


# --- a tool of its own (cron, calendar, a fetch) that failed, then worked or not ---------------------


def _tool_failed(step: Step) -> bool:
    return step.failed or json_failure(step.output)


def _plain_tool(step: Step | None) -> bool:
    """A call of a tool of its own: no shell command, not a file write or edit."""
    return step is not None and not step.command and step.tool not in WRITE_TOOLS | EDIT_TOOLS


def _error_text(step: Step) -> str:
    if step.quiet:
        return "(output not quoted)"
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
