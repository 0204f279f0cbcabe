"""A single offer whose reply has the user do (part of) it by their own hand, in any of its first
sentences: "poll yes. submit no, I'll answer in the Resolution Center myself", "tomorrow, not today.
I'll send the confirmation myself by Friday", "oui mais en brouillon, je l'enverrai moi-même".

The sentence that takes the task on says what happens instead of the agent doing it, so it belongs
in the item: with a "no" in it, or after a reply that does not open with a yes, the offer is turned
down (a rejection that names the user's replacement); after a yes, the offer is taken with that
condition (a decision). Words: the reflexive ("myself", "selbst", "moi-même") and first-person
pronouns per language, closed classes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract.lexicon import FIRST, NO, SELF, Words
from memoryd.flush.extract.prose import is_question

#: Reflexives that are first person by themselves ("myself", "moi-même"): no pronoun needed beside
#: them ("submit no, ill answer it myself" spells "I'll" without its apostrophe).
_OWN: Final = Words(
    "myself|ourselves|on my own",
    "moi-même|nous-mêmes|moi même",
    "yo mismo|yo misma|nosotros mismos|nosotras mismas|por mi cuenta",
    "io stesso|io stessa|noi stessi|per conto mio",
)


def takes_on(s: str) -> bool:
    """The user doing the offered thing themselves, as a statement."""
    return SELF.hit(s) and (FIRST.hit(s) or _OWN.hit(s)) and not is_question(s)


def taken_at(body: Sequence[str]) -> int | None:
    """The first of the reply's first three sentences that takes the offered task on, else None."""
    return next((i for i, s in enumerate(body[:3]) if takes_on(s)), None)


def turns_down(body: Sequence[str], at: int, agreed: bool) -> bool:
    """Whether taking it on at ``at`` turns the offer down: a "no" in that sentence, or no yes first."""
    return NO.hit(body[at]) or not agreed
