"""Speaking of one's own memory or confusion ("I always mix them up", "ich verwechsle die immer", "je
les confonds toujours") says why the user asks, it is no rule. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv


@pytest.mark.parametrize(
    ("ask", "aside"),
    [
        ("is a stoat the same as an ermine?", "I always mix them up"),
        ("ist ein Hermelin dasselbe wie ein Wiesel?", "ich verwechsle die immer"),
        ("une hermine, c'est la même chose qu'une belette ?", "je les confonds toujours"),
        ("un ermellino è uguale a una donnola?", "li confondo sempre"),
    ],
)
def test_ones_own_confusion_is_no_fact(ask: str, aside: str) -> None:
    c = Conv()
    c.user(ask)
    c.say("Close relatives, but not the same animal.")
    c.user(aside)
    c.say("Easy to do.")
    assert not [i for i in c.items() if i.kind == "fact"]


def test_a_rule_with_always_still_is_one() -> None:
    c = Conv()
    c.user("we always sign the newsletter as 'the garden team'")
    c.say("Noted.")
    assert [i for i in c.items() if i.kind == "fact"]
