"""A reaction to this time or to the thing just named ("I can't sit through Cluedo again", "I can't
read them all", "Ich kann das heute nicht"...) is no person's standing "doesn't"; "Ben can't have nuts",
"Ich esse kein Fleisch" still are (must keep). Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.facts import _one_off
from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def _turn(said: str) -> Conv:
    c = Conv()
    c.user("we need something for the kids this afternoon")
    c.say("Happy to help, what do they like?")
    c.user(said)
    c.say("Here are three ideas.")
    return c


@pytest.mark.parametrize(
    "said",
    [
        "something that isn't Cluedo, I can't sit through Cluedo again",
        "the club sent four newsletters and I can't read them, any summary?",
        "I can't drive today, something at home please",
    ],
)
def test_a_reaction_to_this_time_is_no_fact(said: str) -> None:
    assert not facts(_turn(said).items())


@pytest.mark.parametrize(
    ("said", "needle"),
    [
        ("Ben can't have nuts, keep that in mind for snacks", "Ben"),
        ("Jonas isst kein Schweinefleisch", "Jonas"),
    ],
)
def test_a_standing_not_stays_a_rule(said: str, needle: str) -> None:
    (fact,) = [f for f in facts(_turn(said).items()) if needle in f.text]
    assert fact.must_keep


@pytest.mark.parametrize(
    ("clause", "once"),
    [
        ("I can't do that again", True),
        ("Ich kann das nicht schon wieder", True),
        ("No puedo otra vez", True),
        ("Je ne peux pas encore une fois", True),
        ("Non posso di nuovo", True),
        ("Mia can't have dairy", False),
    ],
)
def test_one_off_words_in_each_language(clause: str, once: bool) -> None:
    assert _one_off(clause) is once
