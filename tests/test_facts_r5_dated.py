"""A date the user gives as a thing's own ("the submission deadline is 14 January"), in a turn that
goes on to ask for something else: a fact, the sentence that says it. A question about a date, an
order with one, or a date still to be settled is not. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def _turn(said: str) -> tuple[Conv, str]:
    c = Conv()
    c.user("help me with the choir's grant form / Förderantrag / la solicitud / le dossier / la domanda")
    c.say("Sure, go ahead.")
    pos = c.user(said)
    c.say("OK, I'll draft the cover page now.")
    return c, pos


@pytest.mark.parametrize(
    ("said", "needle"),
    [
        (
            "So. The foundation's deadline is 14 January, the city's the 21st. Can you draft the cover page?",
            "14",
        ),
        (
            "Also. Die Frist der Stiftung ist am 14. Januar, die der Stadt am 21. Kannst du das Deckblatt machen?",
            "14",
        ),
        ("Bueno. La fecha límite de la fundación es el 14 de enero. ¿Me haces la portada?", "14 de enero"),
        (
            "Bon. La date limite de la fondation est le 14 janvier. Tu me fais la page de garde ?",
            "14 janvier",
        ),
        (
            "Allora. La scadenza della fondazione è il 14 gennaio, quella del comune il 21. Mi fai la copertina?",
            "14",
        ),
    ],
)
def test_a_thing_s_date_is_a_fact(said: str, needle: str) -> None:
    c, pos = _turn(said)
    (fact,) = [f for f in facts(c.items()) if needle in f.text]
    assert pos in fact.entry_ids and not fact.text.endswith("?")


@pytest.mark.parametrize(
    "said",
    [
        "Is the foundation's deadline 14 January or the 21st?",
        "The deadline is 14 January, please put it in my calendar.",
        "La fecha límite es el 14 de enero, pero lo confirmo mañana.",
    ],
)
def test_a_question_an_order_or_a_date_still_open_is_no_fact(said: str) -> None:
    c, _ = _turn(said)
    assert not [f for f in facts(c.items()) if "14" in f.text]
