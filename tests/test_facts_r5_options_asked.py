"""Places, prices or hosts the user lays out before asking which to take ("... the Parkhotel, EUR 140 a
night. Or the hostel on Lindenweg for EUR 45. Which one would you pick?") are options, not facts; the
same statement without the which-question stays a fact. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def _turn(said: str) -> Conv:
    c = Conv()
    c.user("I need a place to stay for the workshop in Bremen")
    c.say("Sure, what have you found so far?")
    c.user(said)
    c.say("I'd take the cheaper one.")
    return c


@pytest.mark.parametrize(
    "said",
    [
        "The workshop has a deal with the Parkhotel, EUR 140 a night. Or there's a hostel for EUR 45. Which one would you pick?",
        "Der Workshop hat ein Kontingent im Parkhotel, EUR 140 pro Nacht. Oder die Jugendherberge für EUR 45. Welche würdest du nehmen?",
        "Le congrès a un contingent au Parkhotel, EUR 140 la nuit. Ou l'auberge pour EUR 45. Laquelle tu prendrais ?",
    ],
)
def test_options_laid_out_before_which_are_no_facts(said: str) -> None:
    assert not facts(_turn(said).items())


def test_the_same_statement_without_the_question_stays_a_fact() -> None:
    said = "The workshop has a deal with the Parkhotel, EUR 140 a night. Or there's a hostel for EUR 45. Can you book?"
    assert [f for f in facts(_turn(said).items()) if "EUR 140" in f.text]
