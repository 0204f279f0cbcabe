"""A case settled beside a standing rule: the sentence next to a rule that decides this case.

"fine, keep the rest as slack, releases always slip a bit. Actually, drop OPS-230 too": a rule
word makes the turn a standing rule, but the sentence after it settles one point of this
conversation. A rule holds across future cases ("always", "never", "from now on"); a decision
turns one point of this case down or around (a no, a "drop", an "actually") and names it: a value
the assistant put on the table (an identifier it said before), or the day this case happens on
("am Wochenende keine Datenbank-Migration, die Schemaänderung wird auf Montag verschoben"). Such a
sentence is not glued onto the rule as its explanation: it is a decision of its own (must keep).
"""

from __future__ import annotations

from memoryd.flush.extract import todos
from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.dialogue import task_sentence
from memoryd.flush.extract.exchanges import distinct_values
from memoryd.flush.extract.fact_common import stresses
from memoryd.flush.extract.lexicon import NO, PREFER, REJECT, REVERSAL, RULE, tokens
from memoryd.flush.extract.markers import LEAD_FILLER
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import LIST_ITEM, has_secret, is_question, plain


def _value(v: str) -> bool:
    """An identifier worth matching: letters and a digit ("pay-441", "v2.3"), not a bare count."""
    return len(v) >= 3 and any(c.isdigit() for c in v) and any(c.isalpha() for c in v)


def _said_before(ctx: Ctx, m: Msg, s: str) -> bool:
    """Whether ``s`` names an identifier an assistant turn of the range said before ``m``."""
    own = {v for v in distinct_values(s) if _value(v)}
    if not own:
        return False
    return any(
        not own.isdisjoint(distinct_values(a.prose))
        for a in ctx.msgs[: m.pos]
        if a.role == "assistant" and a.prose
    )


def settles_case(ctx: Ctx, m: Msg, s: str) -> bool:
    """Whether the user's sentence ``s`` (next to a rule in ``m``) settles this case: no rule or
    preference word of its own, no question or task with an owner; it turns a point down or around
    (a no, a "drop", an "actually") and names it (a value the assistant said, or the day)."""
    if is_question(s) or has_secret(s) or RULE.hit(s) or PREFER.hit(s) or stresses(s):
        return False
    if len(tokens(s)) < 4 or task_sentence(s) or not (NO.hit(s) or REJECT.hit(s) or REVERSAL.hit(s)):
        return False  # ("el lunes 7 lo subimos": a plan for the day, the to-do rules' to read)
    return todos.when(s) or _said_before(ctx, m, s)


def add_settled(ctx: Ctx, m: Msg, s: str) -> None:
    """The sentence ``s`` of ``m`` as a decision (must keep), in the user's words (its list mark and
    lead filler left out)."""
    ctx.add("decision", plain(LEAD_FILLER.sub("", LIST_ITEM.sub("", s))), {m.pos}, must_keep=True)
