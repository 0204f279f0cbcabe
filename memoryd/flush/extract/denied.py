"""A value of the agent's denied in so many words. The assistant's turn used a value ("team retro
Wed 2026-12-09", "14 niños"); a sentence of the user's reply says it is not so with a verb of being
("retro isn't the 9th, it got moved to the 10th", "pero ojo que no son 14, los tres ... no vienen"),
whatever else the reply does (picks an option, answers point by point). That sentence is a
correction (a fact, must keep), and no other rule reads it."""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.corrections import bare_values
from memoryd.flush.extract.markers import LEAD_FILLER
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import has_secret, is_question, plain

#: A verb of being, negated, and the value it denies: "isn't the 9th", "is not 14", "no son 14",
#: "ist nicht am 3.", "sind nicht 40", "n'est pas le 15", "c'est pas 40", "non è il 16", "non sono 14".
_DENIED: Final = re.compile(
    r"(?<![\w'])(?:isn'?t|is not|wasn'?t|was not|aren'?t|are not|ist nicht|sind nicht|war nicht|"
    r"no es|no son|no era|no eran|no está|n'est pas|c'est pas|ce n'est pas|ce sont pas|non è|non sono)\s+"
    r"(?:(?:on|at|am|um|el|la|los|las|le|les|il|lo|the|de|du|a|à|al|alle)\s+)?"
    r"(?P<old>\d[\d.:,]*(?:st|nd|rd|th|º|ª|er|e)?)(?![\d])",
    re.I,
)

_DIGIT: Final = re.compile(r"\d")  # what ``_DENIED`` 's value opens with

#: What opens a point of a reply and says nothing of the fact: its number ("2)"), "but watch out
#: that" ("pero ojo que", "aber achtung:", "mais attention,"), a "but" or an "and".
_POINT_LEAD: Final = re.compile(
    r"^(?:\(?\d{1,2}[.)]\s+)?(?:(?:but|and|pero|y|aber|und|mais|et|ma|e)\s+)?"
    r"(?:(?:ojo|cuidado|watch out|careful|achtung|vorsicht|attention|attenzione)(?:\s+que|\s+che)?[,:]?\s+)?",
    re.I,
)


def denied_values(ctx: Ctx, m: Msg, prev: Msg | None, used: set[int]) -> None:
    """Each sentence of ``m`` (the first eight, not read yet) that denies one of the values of the
    assistant's turn before it with a verb of being: a correction in the user's words. A sentence a
    correction rule already kept is left to it."""
    if prev is None or not _DIGIT.search(m.prose) or not _DENIED.search(m.prose):
        return  # (every denial names a number: a scan for a digit first, cheaper than the pattern)
    theirs = _days(prev.prose[-3000:])
    kept = " ".join(d.text for d in ctx.drafts if d.kind == "fact" and d.must_keep and m.pos in d.pos)
    for i, s in enumerate(m.sentences[:8]):
        got = _DENIED.search(s)
        if i in used or got is None or is_question(s) or has_secret(s):
            continue
        if not _days(got.group("old")) & theirs or got.group("old") in kept:
            continue  # a value the assistant did not say, or one put right already
        text = _POINT_LEAD.sub("", LEAD_FILLER.sub("", s)).strip()
        ctx.add(
            "fact", plain(text).rstrip(" .") + ctx.labels["correction"], {prev.pos, m.pos}, must_keep=True
        )
        used.add(i)


def _days(text: str) -> set[str]:
    """The values of ``text`` (see ``bare_values``), an ISO date's day besides ("2026-12-09" is the 9th)."""
    values = bare_values(text)
    return values | {v[-2:].lstrip("0") for v in values if re.fullmatch(r"\d{4}-\d\d-\d\d", v)}
