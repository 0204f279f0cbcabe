"""A standing rule that names its manner only by pointing back ("Always do it that way", "mach das
immer so", "hazlo siempre así", "fais toujours comme ça", "fallo sempre così"): the how is the
sentence before, so the rule keeps it (must keep); and a rule headed by a longer noun phrase ("one rule
for all the club's mail: ...") is read as a headed rule. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def _turn(said: str) -> tuple[Conv, str]:
    c = Conv()
    c.user("draft the newsletter for the choir / den Rundbrief / el boletín / la lettre / il notiziario")
    c.say("Done, the draft is in newsletter.md.")
    pos = c.user(said)
    c.say("Understood.")
    return c, pos


@pytest.mark.parametrize(
    ("said", "needle"),
    [
        (
            "The treasurer wants dates written as 2026-12-03 in every list. Always do it that way for him.",
            "2026",
        ),
        ("Der Kassenwart will Beträge ohne Cent-Stellen in jeder Liste. Mach das bitte immer so.", "Cent"),
        ("El tesorero quiere las fechas con el año delante en cada lista. Hazlo siempre así.", "año"),
        (
            "Le trésorier veut les montants sans centimes dans chaque tableau. Fais toujours comme ça.",
            "centimes",
        ),
        ("Il tesoriere vuole le date con l'anno davanti in ogni elenco. Fallo sempre così.", "anno"),
    ],
)
def test_a_rule_that_points_back_keeps_the_sentence_before(said: str, needle: str) -> None:
    c, pos = _turn(said)
    (fact,) = [f for f in facts(c.items()) if needle in f.text]
    assert pos in fact.entry_ids and fact.must_keep
    assert any(w in fact.text.lower() for w in ("always", "immer", "siempre", "toujours", "sempre"))


def test_a_rule_that_names_its_manner_stays_as_it_is() -> None:
    c, _ = _turn("The treasurer is new this year. Always send him the PDF, never the Word file.")
    (fact,) = facts(c.items())
    assert fact.must_keep and "treasurer is new" not in fact.text


def test_a_rule_headed_by_a_longer_noun_phrase() -> None:
    c, pos = _turn(
        "Oh, and one rule for all the choir mail from now: the conductor gets every message in copy."
    )
    (fact,) = facts(c.items())
    assert fact.must_keep and "conductor" in fact.text and pos in fact.entry_ids
