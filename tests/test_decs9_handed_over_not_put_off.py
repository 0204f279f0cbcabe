"""A sentence that hands the choice over after a doubt ("pipes dunno, your call", "ni idea, como
veas") puts nothing off: it leaves no open question behind. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

TURNS = {
    "en": (
        "For the shelves, the three boards the yard has in stock:\n"
        "- Spruce 18 mm, 14 € a metre (the one in the plan now)\n"
        "- Beech 20 mm, 21 € a metre\n"
        "- Oak 20 mm, 33 € a metre\n"
        "For the brackets: steel ones at 4 € each, or brass ones at 11 € each.",
        "beech. the spruce sagged last time. brackets dunno, your call",
        "Beech 20 mm then. For the brackets I'd take steel: nobody sees them under the boards.",
    ),
    "es": (
        "Para las baldas, las tres tablas que tiene el almacén:\n"
        "- Abeto 18 mm, 14 € el metro (la del plan ahora)\n"
        "- Haya 20 mm, 21 € el metro\n"
        "- Roble 20 mm, 33 € el metro\n"
        "Para las escuadras: de acero a 4 € cada una, o de latón a 11 € cada una.",
        "haya. el abeto se combó la otra vez. las escuadras ni idea, como veas",
        "Haya 20 mm entonces. Para las escuadras cogería acero: no se ven debajo de las baldas.",
    ),
}


@pytest.mark.parametrize("lang", sorted(TURNS))
def test_a_choice_handed_over_after_a_doubt_leaves_nothing_open(lang: str) -> None:
    offer, reply, ack = TURNS[lang]
    c = Conv()
    c.user("help me order wood for the shelves")
    c.say(offer)
    c.user(reply)
    c.say(ack)
    assert not [i for i in c.items() if i.kind == "open_question"]
