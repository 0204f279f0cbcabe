"""A reply that turns the choice around ("actually the second one, ..."), said back by the
assistant's acknowledgement with what is not done ("Okay, importing it then, not deleting."): the
decision drafted from the offer takes the clause, and cites the acknowledgement. Conversations
written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

TURNED = {
    "en": (
        "the staging volume vol-7731 is not in terraform, what do we do",
        "Deleting it is cleaner, but something may still read it. Two ways: remove the volume now, or "
        "codify the volume in the repo for a while. Which one?",
        "actually the second one, import it, the nightly import still reads it. we drop it after the migration",
        "Okay, importing it then, not deleting.",
        "not deleting",
    ),
    "de": (
        "das Staging-Volume vol-7731 fehlt in Terraform, was machen wir",
        "Zwei Wege: das Volume jetzt löschen, oder das Volume vorerst in den Code importieren. Welcher?",
        "eigentlich das zweite, der nächtliche Import liest es noch. wir nehmen es nach der Migration raus",
        "Gut, importieren dann, nicht löschen.",
        "nicht löschen",
    ),
}


@pytest.mark.parametrize("lang", sorted(TURNED))
def test_the_acknowledgement_of_a_turned_choice_is_added_to_its_decision(lang: str) -> None:
    ask, offer, reply, ack, words = TURNED[lang]
    c = Conv()
    c.user(ask)
    c.say(offer)
    turned = c.user(reply)
    back = c.say(ack)
    got = [i for i in c.items() if i.kind == "decision" and words in i.text]
    assert len(got) == 1
    assert {turned, back} <= set(got[0].entry_ids)
    assert got[0].text.count(words) == 1
