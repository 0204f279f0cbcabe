"""A day or number picked with "then" ("fri then", "el 11 entonces", "freitag dann") from the days the
assistant just named as statements, not as a list of options: a decision in the assistant's words,
its next statement when that says the day back. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def _decisions(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "decision"]


STATED = {
    "en": (
        "when can we hold the members' dinner, the 10th or the 11th?",
        "Thursday 10 is taken: the hall is booked for the board meeting until 23:00. Friday 11 is completely free.",
        "fri then. can you look for a caterer next?",
        "Friday 11",
    ),
    "es": (
        "¿cuándo hacemos la cena de socios, el 10 o el 11?",
        "El jueves 10 la sala está ocupada por la junta hasta las 23:00. El viernes 11 está totalmente libre.",
        "el 11 entonces. ¿me buscas un catering?",
        "viernes 11",
    ),
    "de": (
        "wann machen wir das Mitgliederessen, Donnerstag oder Freitag?",
        "Am Donnerstag ist der Saal bis 23:00 für die Vorstandssitzung gebucht. Am Freitag ist er ganz frei.",
        "freitag dann. suchst du mir noch einen Caterer?",
        "Freitag",
    ),
}


@pytest.mark.parametrize("lang", sorted(STATED))
def test_a_day_picked_with_then_is_the_assistants_sentence_for_it(lang: str) -> None:
    ask, said, reply, day = STATED[lang]
    c = Conv()
    c.user(ask)
    stated = c.say(said)
    picked = c.user(reply)
    got = [d for d in _decisions(c.items()) if day in d.text]
    assert len(got) == 1
    assert {stated, picked} <= set(got[0].entry_ids)


SAID_BACK = {
    "en": (
        "The free slots for the review are Monday 14 at 09:00 or Wednesday 16 at 11:00.",
        "wed then",
        "Wednesday 16 at 11:00, in the small room.",
    ),
    "fr": (
        "Les créneaux libres pour la revue sont lundi 14 à 09:00 ou mercredi 16 à 11:00.",
        "mercredi alors",
        "Mercredi 16 à 11:00, dans la petite salle.",
    ),
}


@pytest.mark.parametrize("lang", sorted(SAID_BACK))
def test_the_day_said_back_is_what_was_decided(lang: str) -> None:
    said, reply, ack = SAID_BACK[lang]
    c = Conv()
    c.user("when can we do the review?")
    c.say(said)
    picked = c.user(reply)
    back = c.say(ack)
    got = [d for d in _decisions(c.items()) if "11:00" in d.text]
    assert len(got) == 1
    assert "09:00" not in got[0].text
    assert {picked, back} <= set(got[0].entry_ids)
