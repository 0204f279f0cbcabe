"""One sentence that hands out two tasks: a dated one, and, in a later clause of its own, another
name's task without a day ("Lucie writes the editorial by the 27th, and Marc does the photos"): two
to-dos, one per owner, not one bullet for both. A capitalised verb opening the sentence or the
speaker's "I'd" is no second owner. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv


def _todos(said: str) -> list[str]:
    c = Conv()
    c.user("let's plan the february newsletter")
    c.say("Draft outline: an editorial, photos of the fair, the events calendar.")
    c.user(said)
    c.say("Thanks.")
    return [i.text for i in c.items() if i.kind == "todo"]


@pytest.mark.parametrize(
    ("said", "first", "second"),
    [
        ("Lucie writes the editorial by 27 January, and Marc does the photos of the fair.", "Lucie", "Marc"),
        (
            "Lucie schreibt das Editorial bis zum 27. Januar, und Marc macht die Fotos vom Markt.",
            "Lucie",
            "Marc",
        ),
        ("Lucie écrit l'édito pour le 27 janvier, et Marc s'occupe des photos du marché.", "Lucie", "Marc"),
    ],
)
def test_second_owner_gets_own_todo(said: str, first: str, second: str) -> None:
    todos = _todos(said)
    assert any(t.startswith(first) and second not in t for t in todos), todos
    assert any(t.startswith(second) for t in todos), todos


def test_opening_verb_and_speaker_are_no_second_owner() -> None:
    todos = _todos("Leave the photos for now, Lou took them and I'd like to pick one with her tomorrow.")
    assert not any(t.startswith("Lou") for t in todos), todos
