"""A question asked while the assistant's options wait for a pick ("wait, who of us has a trailer
licence?") is part of the choice: its answer is no fact on its own. A question of fact asked when no
choice is pending still is. New wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def of(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def _options(c: Conv) -> None:
    c.user("Nous devons choisir une salle pour l'assemblée générale de mars.")
    c.say(
        "Il y a trois possibilités. La salle des fêtes coûte 180 € la soirée. La salle paroissiale est "
        "gratuite mais n'a que 40 places. Le café du port prête son étage pour 60 €. Je prendrais la "
        "salle des fêtes. Laquelle tu préfères ?"
    )


def test_the_answer_to_a_side_question_between_options_is_no_fact() -> None:
    c = Conv()
    _options(c)
    c.user("attends, combien on était à la dernière assemblée ?")
    c.say("D'après le compte rendu de 2025, 52 adhérents étaient présents.")
    c.user("bon, la salle des fêtes alors")
    c.say("Très bien, la salle des fêtes.")
    assert not [f for f in of(c.items(), "fact") if "52" in f.text]


def test_the_same_question_with_no_choice_pending_is_a_fact() -> None:
    c = Conv()
    c.user("combien on était à la dernière assemblée ?")
    c.say("D'après le compte rendu de 2025, 52 adhérents étaient présents à la dernière assemblée.")
    assert [f for f in of(c.items(), "fact") if "52" in f.text]
