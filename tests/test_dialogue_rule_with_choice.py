"""A standing rule said along with a choice ("the second one. and from now on never X") is a fact of
its own; the decision states what was chosen, without it. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.dialogue import _standing_rule


@pytest.mark.parametrize(
    ("offer", "reply", "rule_word"),
    [
        (
            "Two rooms are free on the 9th:\n\n1. The library annex, 30 seats\n2. The parish hall, 60 seats\n\n"
            "Which one should I book?",
            "the parish hall. and from now on never book anything upstairs, half our members use a walker.",
            "never",
        ),
        (
            "El día 9 hay dos salas libres:\n\n1. El anexo de la biblioteca, 30 plazas\n2. El salón parroquial, 60 plazas\n\n"
            "¿Cuál reservo?",
            "el salón parroquial. y a partir de ahora nunca nada en un primer piso, la mitad va con andador.",
            "nunca",
        ),
        (
            "Il 9 sono liberi due locali:\n\n1. L'annesso della biblioteca, 30 posti\n2. La sala parrocchiale, 60 posti\n\n"
            "Quale prenoto?",
            "la sala parrocchiale. e d'ora in poi mai niente al piano di sopra, metà dei soci usa il deambulatore.",
            "mai",
        ),
    ],
)
def test_a_rule_said_with_the_choice_is_its_own_fact(offer: str, reply: str, rule_word: str) -> None:
    c = Conv()
    c.user("we need a room for the members' evening on the 9th")
    c.say(offer)
    c.user(reply)
    c.say("Booked.")
    items = c.items()
    decisions = [i for i in items if i.kind == "decision"]
    facts = [i for i in items if i.kind == "fact"]
    assert len(decisions) == 1
    assert f" {rule_word} " not in f" {decisions[0].text.lower()} "
    assert any(rule_word in f.text.lower() and f.must_keep for f in facts)


@pytest.mark.parametrize(
    ("s", "rule"),
    [
        ("and from now on never book anything upstairs", True),
        ("ab jetzt immer mit Rampe", True),
        ("nunca los lunes", True),
        ("no, never mind", False),
        ("should we always do that?", False),
        ("the parish hall, it has a kitchen", False),
    ],
)
def test_standing_rule(s: str, rule: bool) -> None:
    assert _standing_rule(s) is rule
