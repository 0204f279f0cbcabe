"""Reusable how-tos: steps the user dictates in order, numbered steps the assistant writes in prose
or into a document (README, runbook), and the steps a "remember this procedure" request points at."""

from __future__ import annotations

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.markers import LEAD_FILLER, PLEASANTRY, PROCEDURE_WORD, REMEMBER, SEQUENCE
from memoryd.flush.extract.messages import Msg, Step
from memoryd.flush.extract.prose import (
    HEADING,
    STEP_START,
    has_steps,
    is_question,
    numbered_steps,
    paragraphs,
    plain,
    split_sentences,
)


def sequence_like(text: str) -> bool:
    """Ordered steps: "a, then b, then c" or "a -> b -> c"."""
    return len(SEQUENCE.findall(text)) >= 2


def attach_procedure(ctx: Ctx, m: Msg) -> None:
    """A "remember this procedure" request: the steps are in the file or list that comes next (or just came)."""
    before = reversed(ctx.msgs[max(0, m.pos - 6) : m.pos])
    for other in [*ctx.after(m.pos), *before]:
        if other.step is not None and other.step.effect == "procedure_doc":
            ctx.add("procedure", _procedure_from_doc(other.step), {m.pos, other.pos}, must_keep=True)
            return
        if other.role == "assistant" and len(numbered_steps(other.prose)) >= 2:
            ctx.add("procedure", procedure_from_prose(other), {m.pos, other.pos}, must_keep=True)
            return


def _procedure_from_doc(step: Step) -> str:
    """The steps written to a document, under the heading just above them."""
    first = STEP_START.search(step.content)
    headings = HEADING.findall(step.content[: first.start()] if first else step.content)
    head = f"{plain(headings[-1])} ({step.path})" if headings else step.path
    return f"{head}: " + "; ".join(numbered_steps(step.content))


def procedure_from_prose(m: Msg) -> str:
    header = plain(m.blocks[0].header if m.blocks else "").rstrip(":：")
    return (f"{header}: " if header else "") + "; ".join(numbered_steps(m.prose))


def procedure_prose(ctx: Ctx, m: Msg) -> None:
    """Steps the user dictates in order ("`a`, then `b`, then `c`", "a -> b -> c")."""
    sequence, numbered = m.has(SEQUENCE), bool(STEP_START.search(m.prose))
    if not (sequence or numbered):
        return
    for para in paragraphs(m.prose):
        if (m.has(REMEMBER) and REMEMBER.search(para)) or is_question(para):
            continue
        ordered = sequence and sequence_like(para) and (para.count("`") >= 4 or PROCEDURE_WORD.search(para))
        listed = numbered and has_steps(para) and PROCEDURE_WORD.search(para)
        if ordered or listed:
            steps = " ".join(s for s in split_sentences(para) if not PLEASANTRY.match(s))
            ctx.add("procedure", LEAD_FILLER.sub("", plain(steps)), {m.pos})


def assistant_how_to(ctx: Ctx, m: Msg) -> None:
    """Numbered steps the assistant writes in prose: under a how-to header, or asked for by the user.

    A list is a how-to when its header says so ("Release steps:") or when the user's turn it
    answers asked for one ("give me a routine", "wie ich ... zurückhole") and it has three steps.
    """
    if not m.blocks or m.proposal:
        return
    steps = len(numbered_steps(m.prose))
    if PROCEDURE_WORD.search(m.blocks[0].header) and steps >= 2:
        ctx.add("procedure", procedure_from_prose(m), {m.pos})
        return
    asker = ctx.last_user(m.pos)
    if asker is not None and steps >= 3 and PROCEDURE_WORD.search(ctx.msgs[asker].prose):
        ctx.add("procedure", procedure_from_prose(m), {asker, m.pos})


def doc_procedures(ctx: Ctx) -> None:
    """How-tos written into a document (README, runbook, CONTRIBUTING)."""
    for m in ctx.msgs:
        if m.step is not None and m.step.effect == "procedure_doc":
            ctx.add("procedure", _procedure_from_doc(m.step), {m.pos})
