"""A counter-proposal: the user turns the assistant's plan down and says what to do instead.

"no, don't hammer their API during their own incident. pull the events export instead and feed it to
our reconcile job"; "Non, pas les US. ... Plutôt 8 en europe-west4, sur 6 semaines". The reply opens
with a no to the assistant's last turn, and one of its sentences carries an "instead" word: that
sentence is the plan taken (must keep), with the refusing sentence as why. Whatever other rules drafted
for the refused part (a ``Rejected:`` item, a correction) stands beside it; a decision of the turn that
already has the sentence's words is not drafted twice. Words: "no" and "instead" per language,
closed classes.
"""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.lexicon import NO, RULE, Words, stems, tokens
from memoryd.flush.extract.markers import LABELS
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import has_secret, is_question, plain

#: "Instead": the sentence puts another plan in the refused one's place.
INSTEAD: Final = Words(
    "instead|stattdessen|statt dessen|en su lugar|en lugar de eso|en vez de eso|plutôt|à la place|"
    "invece|al suo posto|piuttosto"
)

#: The ``Rejected:`` labels of every language: a rejection of the turn is no decision of its plan.
_REJECTED: Final = tuple(labels["rejected"].strip() for labels in LABELS.values())

#: A no and its punctuation opening a sentence ("no, ", "nein - ").
_LEAD_NO: Final = re.compile(r"^\W*(?:no|nope|nah|nein|nee|non|nada)(?![\w'’])[\s,.:;!—-]*", re.I)


def _instead(m: Msg) -> str:
    """The sentence of the reply that says what to do instead (a statement, no rule), else ""."""
    for s in m.sentences:
        s = plain(_LEAD_NO.sub("", s)).strip()
        if INSTEAD.hit(s) and len(tokens(s)) >= 4 and not is_question(s) and not RULE.hit(s):
            return "" if has_secret(s) else s
    return ""


def _drafted(ctx: Ctx, m: Msg, s: str) -> bool:
    """Whether a decision of the turn (not a rejection) already has the sentence's words."""
    own = stems(s)
    return any(
        d.kind == "decision"
        and m.pos in d.pos
        and not d.text.startswith(_REJECTED)
        and len(own & stems(d.text)) * 2 >= len(own)
        for d in ctx.drafts
    )


def counter_proposals(ctx: Ctx) -> None:
    """Draft the plan a user's no puts in place of the assistant's (see the module)."""
    for m in ctx.msgs:
        if m.role != "user" or not m.prose or not NO.starts(m.prose):
            continue
        prev = ctx.prev_assistant(m.pos)
        alt = _instead(m) if prev is not None else ""
        if prev is None or not alt or _drafted(ctx, m, alt):
            continue
        why = plain(m.sentences[0]).strip().rstrip(".!。 ")
        text = alt.rstrip(".!。 ") if why and why in alt else f"{alt.rstrip('.!。 ')} ({why})"
        ctx.add("decision", f"{text[:1].upper()}{text[1:]}", {prev.pos, m.pos}, must_keep=True)


__all__ = ["INSTEAD", "counter_proposals"]
