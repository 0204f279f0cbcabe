"""Helpers the fact rules share: values, sentence shape, whether a turn is the user's own."""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.dialogue import task_sentence
from memoryd.flush.extract.markers import (
    CONVENTION,
    PERSONAL,
    PLEASANTRY,
    REMEMBER,
    REQUEST,
)
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import (
    has_secret,
    is_question,
)

_VALUE: Final = re.compile(
    r"(?<![\w.-])(?:\d{4}-\d\d-\d\d|\d+(?:[.:,]\d+)*(?:st|nd|rd|th|[kmgtKMGT]i?[bB]?|ms|s|h|m)?|#[\w-]+|"
    r"[\w-]+\.[\w.-]*\w)(?![\w])"
)


_PLEASE: Final = re.compile(
    r"\b(?:please|pls|bitte|por favor|s'il te plaît|s'il vous plaît|stp|svp|per favore|per piacere)\b", re.I
)


def _unprompted(ctx: Ctx, m: Msg) -> bool:
    """Whether ``m`` says something of its own, not the answer to options or an offer just put
    ("What's up?" offers nothing: what follows it is the user's own)."""
    prev = ctx.prev_assistant(m.pos)
    if prev is None:
        return True
    offer = ctx.offer(prev)
    return not (offer.options or offer.single or offer.recommendation)


def _sentence_case(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _strip_label(s: str, words: int = 3) -> str:
    """``A few things: I'm vegetarian`` -> ``I'm vegetarian`` (a head of at most ``words`` words)."""
    head, sep, rest = s.partition(":")
    short = len(head.split()) <= words and "`" not in head and not any(c.isdigit() for c in head)
    return rest.strip() if sep and rest.strip() and short else s


def _continues(sentence: str) -> bool:
    """A follow-up sentence that only explains the one before it."""
    markers = (CONVENTION, PERSONAL, REMEMBER, REQUEST, PLEASANTRY)
    if is_question(sentence) or has_secret(sentence) or task_sentence(sentence):
        return False
    return not any(p.search(sentence) for p in markers)
