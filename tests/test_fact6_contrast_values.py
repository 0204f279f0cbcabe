"""The user sets a value against the one it replaces ("X, not Y") where the values carry a currency
sign in front ("£640, not £460", "$1,200, not $900") or the old one its day's name ("el viernes 22,
no el jueves 21", "le mardi 9, pas le lundi 8"): a correction (a fact, must keep), cut at the end of
the contrast. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.corrections import _contrasted


@pytest.mark.parametrize(
    ("said", "new", "after"),
    [
        ("Close! The hall deposit is £500, not £350, you took last year's letter.", "£500", ""),
        (
            "Almost: the printer lease is $1,200, not $900. Ask me before you change the layout.",
            "$1,200",
            "Ask",
        ),
        (
            "Perdona, me he liado: la cena es el viernes 22 de enero, no el jueves 21. El jueves hay ensayo.",
            "22 de enero",
            "ensayo",
        ),
        (
            "Pardon, je me suis trompée : la réunion est le mardi 9 mars, pas le lundi 8. Le lundi la salle est prise.",
            "9 mars",
            "prise",
        ),
    ],
)
def test_contrast_with_sign_or_day_is_a_correction(said: str, new: str, after: str) -> None:
    c = Conv()
    c.user("write up the costs and dates for the spring fair in a note")
    c.call(
        "write",
        {
            "path": "fair/notes.md",
            "content": "deposit 350, lease 900, dinner Thursday 21, meeting Monday 8\n",
        },
        "Successfully wrote 61 bytes to fair/notes.md",
    )
    c.say("Written to fair/notes.md.")
    c.user(said)
    c.say("Sorry, fixing it.")
    facts = [i for i in c.items() if i.kind == "fact" and i.must_keep and new in i.text]
    assert facts, c.items()
    assert not after or not any(after in i.text for i in facts), facts


def test_plain_contrast_unchanged() -> None:
    assert _contrasted("we have 42 hosts, not 24") == "We have 42 hosts, not 24"
    assert _contrasted("make it 3 servers") == ""
    assert (
        _contrasted("One thing straight away: the deposit was £500, not £350.")
        == "The deposit was £500, not £350"
    )
