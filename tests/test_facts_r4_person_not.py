"""A person's standing "doesn't" in German, Spanish, French and Italian, with the negation where each
language puts it ("Tom isst keinen Fisch", "Mia no toma lácteos", "Tom ne mange pas de poisson", "Mia
non mangia noci"): a fact to go by (must keep), as "Tom doesn't eat fish" is. A verb of knowing or a
one-off coming, going or answering ("Tom weiß nicht", "Ana no contestó", "Paul ne vient pas") is not.
Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def _turn(said: str) -> tuple[Conv, str]:
    c = Conv()
    c.user("plan the dinners for the hut weekend / plane das Essen / planea las cenas / le repas / le cene")
    c.say("Sure, anything to plan around?")
    pos = c.user(said)
    c.say("Got it, I'll plan around that.")
    return c, pos


@pytest.mark.parametrize(
    ("said", "needle"),
    [
        ("Jonas isst kein Schweinefleisch, und Ella verträgt keine Milch", "Jonas"),
        ("Álvaro no come marisco y Lucía no toma gluten", "Álvaro"),
        ("Hugo ne mange pas de porc, et Inès ne boit pas d'alcool", "Hugo"),
        ("Chiara non mangia carne e Paolo non beve caffè", "Chiara"),
    ],
)
def test_a_person_s_standing_not_is_a_rule(said: str, needle: str) -> None:
    c, pos = _turn(said)
    (fact,) = [f for f in facts(c.items()) if needle in f.text]
    assert pos in fact.entry_ids and fact.must_keep


@pytest.mark.parametrize(
    "said",
    [
        "Jonas weiß nicht, ob er kommt",
        "Álvaro no contestó el correo",
        "Hugo ne vient pas",
        "Chiara non ha risposto",
    ],
)
def test_knowing_or_a_one_off_is_no_rule(said: str) -> None:
    c, _ = _turn(said)
    assert not facts(c.items())
