"""A remember request tacked onto a short statement of a value ("our customer number is KD-4471,
remember that one") keeps that statement, not the sentence before it: a head that says what something is, with
a number or an identifier, is what the pointer points at. A head with no value ("ok so, remember
that") still points back at what was said before. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv


def _facts(said: str) -> list[str]:
    c = Conv()
    c.user("the courier could not get into the yard this morning")
    c.say("Sorry to hear that. Do you want me to write to the courier company?")
    c.user(said)
    c.say("Will do.")
    return [i.text for i in c.items() if i.kind == "fact" and i.must_keep]


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("yes, write to them today. our customer number is KD-4471, remember that one.", "KD-4471"),
        ("ja, schreib ihnen heute. unsere Kundennummer ist KD-4471, merk dir das.", "KD-4471"),
        ("oui, écris-leur aujourd'hui. notre numéro client est KD-4471, retiens ça.", "KD-4471"),
    ],
)
def test_short_statement_of_a_value_is_what_is_remembered(said: str, value: str) -> None:
    facts = _facts(said)
    assert any(value in f for f in facts), facts
    assert not any("write" in f or "schreib" in f or "écris" in f for f in facts), facts
