"""A value put right with the negation first ("it's not 240, it's 185", "no son 240, son 185", "es sind
nicht 240, sondern 185", "ce n'est pas 240, c'est 185", "non sono 240, sono 185"), in a turn that says
other things too: a correction (must keep), in the user's words, without its leading "but". An order
("make it not 3, 4") or a count without a copula is not. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.corrections import _contrasted
from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


@pytest.mark.parametrize(
    ("said", "old", "new"),
    [
        (
            "Looks fine. But the gym fee in March is not 72 a month, it's 64 plus 8 for the locker.",
            "72",
            "64",
        ),
        ("Passt. Aber die Kita im März sind nicht 310 Euro, sondern 280 und 30 fürs Essen.", "310", "280"),
        ("Bien. Pero el gimnasio en marzo no son 72 de cuota, son 64 más 8 de taquilla.", "72", "64"),
        ("Ça va. Mais la cantine en mars, ce n'est pas 96 euros, c'est 88 plus 8 de goûter.", "96", "88"),
        ("Va bene. Ma la palestra a marzo non sono 72 di quota, sono 64 più 8 di armadietto.", "72", "64"),
    ],
)
def test_a_value_put_right_negation_first(said: str, old: str, new: str) -> None:
    c = Conv()
    c.user("sum up the household costs per month / pro Monat / por mes / par mois / al mese")
    c.say(f"March: rent 950, gym {old}, food 410. / März / marzo / mars / marzo")
    pos = c.user(said)
    c.say("Noted.")
    (fact,) = [f for f in facts(c.items()) if new in f.text]
    assert fact.must_keep and pos in fact.entry_ids and old in fact.text
    assert not fact.text.lower().startswith(("but", "aber", "pero", "mais", "ma "))


@pytest.mark.parametrize("said", ["make it not 3, 4", "We have not 2 options, 3 at most", "not 5; 6?"])
def test_no_copula_or_a_question_is_no_correction(said: str) -> None:
    assert _contrasted(said) == ""
