"""Replies that open like an answer to the assistant's offer and are not one, and offers that put
nothing to decide.

A "no" that goes on to put a number right ("no, they land on the 26th, not the 16th", "non non, 38
heures, pas 44") says the assistant got a value wrong: the fact rules' correction, not a refusal of
what was offered. Read by its numbers: the reply names one the assistant's turn never said and one
it did, so no word list decides. An open offer of help ("Anything I can help with while you wait?",
"Anything you want to keep an eye on, or just killing time?") names nothing to take or turn down:
"not really, just killing time" refuses nothing; nor does a question whose sides each ask what
happened ("Did you create the key with an expiry, or was it limited to the old bucket?"): its
answer is what is so, no choice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract.exchanges import Offer, distinct_values
from memoryd.flush.extract.lexicon import ANYTHING, NO, PAST_ASK, tokens
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import capitalised_names, is_question

#: A number as a value: "26", "12th", "1.12.", "38", "14:30", "17h30", "2,150", "2e-4" (an ordinal suffix
#: left off).
_NUMBER: Final = re.compile(
    r"(?<![\w.,:/-])(\d+(?:[.,:h]\d+)*(?:e-?\d+|h)?)(?:st|nd|rd|th|er|e|º|ª)?(?![\w/-])", re.I
)  # ("2e-4, not 3e-4": a number written with its exponent; "17h30", "17h": a time)


def _numbers(text: str) -> set[str]:
    """The numbers of a text, a time in hours written one way ("17h30", "17h" as "17:30", "17:00")."""
    out = set()
    for n in _NUMBER.findall(text):
        n = n.rstrip(".,:")
        if (hour := re.fullmatch(r"(\d{1,2})h(\d{2})?", n, re.I)) is not None:
            n = f"{hour.group(1)}:{hour.group(2) or '00'}"
        out.add(n)
    return out


def sets_number_right(body: Sequence[str], prev: Msg) -> bool:
    """Whether a reply that opens with a no sets a number of its own against one the assistant said.

    The first four sentences that state something (no question) must hold both: a number absent from the
    assistant's turn (what is so) and one present in it (what was wrong). "no, 15:00 instead" names
    only a new value: a counter-offer, still read as a reply.
    """
    if not body or not NO.starts(body[0]):
        return False
    said = " ".join(s for s in body[:4] if not is_question(s))
    theirs = _numbers(prev.prose)
    mine = _numbers(said)
    return bool(theirs) and bool(mine - theirs) and bool(mine & theirs)


def offers_nothing(offer: Offer) -> bool:
    """Whether the assistant's question only asks if the user wants anything: it opens with an
    indefinite pronoun (within its first three words) and names nothing of its own: no value (an id,
    a number, a quoted name) and no capitalised name after its first word ("Anything to add under
    Decisions?" asks about the report's Decisions section)."""
    question = offer.question.lstrip("¿¡\"'([ ")
    if not question or not ANYTHING.hit(" ".join(tokens(question)[:3])):
        return False
    return not distinct_values(question) and not capitalised_names(question.split(None, 1)[-1])


def asks_what_happened(offer: Offer) -> bool:
    """Whether the offer's alternatives are sides of a question about the past: every side opens on
    the past of "do", "be" or "have" ("did it go smoothly, or was it one of those days?")."""
    sides = offer.options
    return len(sides) >= 2 and all(PAST_ASK.starts(o.text.lstrip("¿¡ ")) for o in sides)
