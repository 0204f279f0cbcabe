"""A remember request with its object between the words ("keep that in mind", "hold on to this one",
"tenlo en cuenta", "garde ça en tête", "behalt das im Kopf") keeps what it points at (a fact, must
keep), without the request clause itself. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.markers import REMEMBER


@pytest.mark.parametrize(
    ("said", "kept", "not_kept"),
    [
        (
            "which of the two venues should we book? the hall only fits 80 people seated, keep that in mind",
            "fits 80 people",
            "keep that",
        ),
        (
            "ok, send it. and please hold on to this one: the caretaker locks the side door at 21:30 sharp.",
            "locks the side door",
            "hold on",
        ),
        (
            "¿cuál de las dos salas reservamos? la sala pequeña cierra a las 22:00, tenlo en cuenta",
            "cierra a las 22:00",
            "tenlo",
        ),
        (
            "d'accord, envoie-le. et garde ça en tête : le gardien ferme la porte latérale à 21h30 pile.",
            "ferme la porte",
            "garde",
        ),
    ],
)
def test_request_with_its_object_keeps_the_point(said: str, kept: str, not_kept: str) -> None:
    c = Conv()
    c.user("I need a room for the volunteer evening on the 14th")
    c.say("I found two rooms free that evening: the parish hall and the small room at the library.")
    c.user(said)
    c.say("Sure.")
    facts = [i for i in c.items() if i.kind == "fact" and i.must_keep]
    assert any(kept in i.text for i in facts), facts
    assert not any(not_kept in i.text.lower() for i in facts), facts


def test_only_the_imperative_hold_on_to_asks() -> None:
    assert REMEMBER.search("behalt das im Kopf, bitte")
    assert REMEMBER.search("ok. hold on to that")
    assert not REMEMBER.search("I will hold on to this receipt")
    assert not REMEMBER.search("ok, I'll keep that in mind")
    assert REMEMBER.search("the hall fits 80, keep that in mind")
