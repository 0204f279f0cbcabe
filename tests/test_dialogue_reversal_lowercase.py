"""A decided choice turned around by a short sentence naming another option in lower case ("the
brompton, weight matters more"), said back by the assistant with its name: a reversal, the decision
now names the new option. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

LIST = {
    "en": (
        "From the shop's list:\n\n- Brompton C Line: 1,450 €, 11 kg, folds small\n- Dahon Mariner D8: 820 €, "
        "13 kg, eight gears\n- Tern Link B8: 690 €, 14 kg, heavier\n\nThe Tern is the cheapest."
    ),
    "fr": (
        "Dans la liste du magasin :\n\n- Brompton C Line : 1 450 €, 11 kg, se plie petit\n- Dahon Mariner D8 : 820 €, "
        "13 kg, huit vitesses\n- Tern Link B8 : 690 €, 14 kg, plus lourd\n\nLe Tern est le moins cher."
    ),
    "es": (
        "De la lista de la tienda:\n\n- Brompton C Line: 1.450 €, 11 kg, se pliega pequeña\n- Dahon Mariner D8: 820 €, "
        "13 kg, ocho marchas\n- Tern Link B8: 690 €, 14 kg, más pesada\n\nLa Tern es la más barata."
    ),
}


@pytest.mark.parametrize(
    ("lang", "pick", "ack1", "turn", "ack2"),
    [
        ("en", "the tern then", "Tern Link B8 then, 690 €.", "ok drop the tern. the brompton c line, it folds smaller",
         "Brompton C Line it is: 1,450 €."),
        ("fr", "le tern alors", "Tern Link B8 alors, 690 €.", "bon, oublie le tern. le brompton c line, il se plie plus petit",
         "Brompton C Line, donc : 1 450 €."),
        ("es", "la tern entonces", "Tern Link B8 entonces, 690 €.", "vale, olvida la tern. la brompton c line, se pliega más pequeña",
         "Brompton C Line, pues: 1.450 €."),
    ],
)  # fmt: skip
def test_a_lowercase_name_said_back_reverses_the_choice(
    lang: str, pick: str, ack1: str, turn: str, ack2: str
) -> None:
    c = Conv()
    c.user("I need a folding bike for the train commute, under 1,500 €")
    c.say(LIST[lang])
    c.user(pick)
    c.say(ack1)
    c.user(turn)
    c.say(ack2)
    decisions = [i for i in c.items() if i.kind == "decision"]
    assert len(decisions) == 1
    assert decisions[0].text.startswith("Brompton")
