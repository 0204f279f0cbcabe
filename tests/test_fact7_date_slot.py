"""A date takes no count's place: when the user's new value is a day of a date ("before 10 December",
"the 12th") and the assistant's is a count or a share ("6 screenshots", "96 %"), or the other way
round, the two are not one slot. So a new task with a due date is no change of the assistant's
value, and the rest of the turn (a rule, a remember request) is still read. Written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv


def _conv(said: str, reply: str) -> Conv:
    c = Conv()
    c.user("get the store listing ready")
    c.say(said)
    c.user(reply)
    c.say("Noted, both.")
    return c


@pytest.mark.parametrize(
    ("said", "reply", "rule"),
    [
        (
            "Je peux générer les 6 visuels en fr-FR, les textes de l'app sont traduits à 96 %.",
            "ok. et Léa relit tous les textes FR de la fiche avant le 10 décembre. ah et souviens-toi : "
            "le nom de l'app reste Kiwi dans toutes les langues, on ne traduit jamais le nom",
            "jamais",
        ),
        (
            "Puedo generar las 6 capturas en es-ES, los textos de la app están traducidos al 96 %.",
            "vale. y Marta revisa todos los textos ES de la ficha antes del 10 de diciembre. y recuerda: "
            "el nombre de la app sigue siendo Kiwi en todos los idiomas, nunca se traduce",
            "nunca",
        ),
        (
            "I can render the 6 screenshots in en-GB, 96 % of the app's strings are translated.",
            "ok. and Leo proofreads all the app's strings of the listing before 10 December. oh and remember: "
            "the app's name stays Kiwi in every language, we never translate the name",
            "never",
        ),
    ],
)
def test_a_due_date_is_no_change_of_a_count(said: str, reply: str, rule: str) -> None:
    items = _conv(said, reply).items()
    assert any(i.kind == "fact" and i.must_keep and rule in i.text for i in items), items
    assert not [i for i in items if i.kind == "decision" and "10" in i.text], items
