"""A fact put aside in so many words ("heads up: ...", "übrigens: ...", "por cierto, ...", "au fait, ...",
"comunque ...") that names someone or something is a fact; a question, an order, a task or small talk
after the same words is not. "FYI X, Y" keeps all of "X, Y" (the note word goes, not the first clause).
Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def _turn(said: str) -> tuple[Conv, str]:
    c = Conv()
    c.user("can you help me plan the office move?")
    c.say("Sure, what should I know?")
    pos = c.user(said)
    c.say("Thanks, I'll keep that in view while I draft the plan for the move.")
    return c, pos


@pytest.mark.parametrize(
    ("said", "needle"),
    [
        ("heads up: the freight lift at Kantstraße takes 800 kg at most", "800 kg"),
        ("übrigens: Frau Yildiz ist in Elternzeit, Herr Brandt vertritt sie", "Yildiz"),
        ("por cierto, la empresa de mudanzas Trasluz solo trabaja de lunes a viernes", "Trasluz"),
        ("au fait, le nouveau bureau est au 3e étage, bâtiment C", "bâtiment C"),
        ("comunque il magazzino di via Solari chiude alle 17:30", "17:30"),
    ],
)
def test_a_fact_put_aside_is_a_fact(said: str, needle: str) -> None:
    c, pos = _turn(said)
    (fact,) = [f for f in facts(c.items()) if needle in f.text]
    assert pos in fact.entry_ids
    assert not fact.text.lower().startswith(("heads", "übrigens", "por cierto", "au fait", "comunque"))


@pytest.mark.parametrize(
    "said",
    [
        "by the way, I loved the last plan you did",
        "btw can you also book the van for Saturday?",
        "übrigens, mach bitte auch die Liste für Herrn Brandt",
        "por cierto, ¿sabes si Trasluz trabaja los sábados?",
    ],
)
def test_a_question_an_order_or_small_talk_put_aside_is_no_fact(said: str) -> None:
    c, _ = _turn(said)
    assert not facts(c.items())


def test_fyi_keeps_the_whole_statement() -> None:
    c, pos = _turn("FYI Lena is on parental leave until April, Tom covers for her")
    (fact,) = facts(c.items())
    assert pos in fact.entry_ids and "Lena" in fact.text and "Tom" in fact.text
