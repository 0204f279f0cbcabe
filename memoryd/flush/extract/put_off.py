"""The point a put-off names in passing: which sentence of the assistant's turn it is about.

A reply often settles several things and puts one off in a clause of its own ("flowers cut to the
small set. photobooth let me think about it", "go with what you said. lukas I dont know, i'll check
with Pavel", "mmm caddy... me lo pienso"). The clause names its point by one word the assistant's
turn used (an option, a person, a thing), mostly before the put-off words; the point is then the
assistant's sentence with that word, a question first. Pure functions over sentences; the dialogue
rules decide when a clause is a put-off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract.lexicon import ASK, ASK_SELF, DOUBT, FIRST, LATER, NO, YES, tokens
from memoryd.flush.extract.prose import LIST_ITEM, is_question, plain, word_set

#: A word shorter than this (and without a digit) names nothing on its own ("it", "one").
_MIN_WORD: Final = 4
#: An echo before the put-off ("mmm caddy...") is a few words, no clause of its own.
_ECHO_MAX: Final = 4


def _put_off_at(toks: Sequence[str]) -> int:
    """Where the put-off words start in a clause's tokens (its length when there are none)."""
    for end in range(1, len(toks) + 1):
        head = " ".join(toks[:end])
        if LATER.hit(head) or ASK.hit(head) or ASK_SELF.hit(head) or DOUBT.hit(head):
            return max(0, end - 3)  # a phrase's first word may be up to two tokens back
    return len(toks)


def _naming_words(clause: str) -> list[str]:
    """The clause's content words that can name a point, those before the put-off first."""
    toks = tokens(clause)
    at = _put_off_at(toks)
    out: list[str] = []
    for t in [*toks[:at], *toks[at:]]:
        if len(t) < _MIN_WORD and not any(c.isdigit() for c in t):
            continue
        if LATER.hit(t) or ASK.hit(t) or DOUBT.hit(t) or FIRST.hit(t) or YES.hit(t) or NO.hit(t):
            continue
        out.extend(w for w in word_set(t) if w not in out)  # folded as the sentences are ("lukas")
    return out


def named_point(offered: Sequence[str], clause: str) -> str:
    """The sentence of ``offered`` (the assistant's turn) that ``clause`` names, or ''.

    The first word of the clause that one of the sentences has decides; of those, a question comes
    first, else the earliest ("Drop the photobooth (−690 €)" for "photobooth let me think about it").
    """
    sets = [word_set(s) for s in offered]
    for w in _naming_words(clause):
        having = [s for s, ws in zip(offered, sets, strict=True) if w in ws]
        if having:
            best = next((s for s in having if is_question(s)), having[0])
            return plain(LIST_ITEM.sub("", best)).strip()
    return ""


def echo_before(sentences: Sequence[str], at: int) -> str:
    """The short echo right before a put-off with no word of its own ("mmm caddy...", then "me lo
    pienso."), or ''."""
    if at <= 0:
        return ""
    before = sentences[at - 1]
    return before if 0 < len(tokens(before)) <= _ECHO_MAX and not is_question(before) else ""
