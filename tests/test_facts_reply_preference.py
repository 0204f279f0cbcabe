"""The first words of a reply to what the assistant put to the user, liking or rather-ing ("rather 10
daily, otherwise fine"), take or amend the offer: a choice, not a fact. A preference the user states
unprompted is still a fact. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv


def _facts(c: Conv) -> list[str]:
    return [i.text for i in c.items() if i.kind == "fact"]


@pytest.mark.parametrize(
    ("offer", "reply"),
    [
        (
            "Backups run again. By the way, nothing is ever pruned. I'd suggest `--keep-daily 7 --keep-weekly 4`.",
            "weekly rather 8, otherwise ok",
        ),
        (
            "Backups laufen wieder. Übrigens wird nie etwas gelöscht. Ich würde `--keep-daily 7 --keep-weekly 4` vorschlagen.",
            "weekly lieber 8, sonst ok",
        ),
        (
            "Les sauvegardes tournent. Rien n'est jamais supprimé. Je propose `--keep-daily 7 --keep-weekly 4`.",
            "weekly plutôt 8, sinon ok",
        ),
    ],
)
def test_rather_in_the_reply_to_an_offer_is_no_fact(offer: str, reply: str) -> None:
    c = Conv()
    c.user("can you look at the backup job on the nas?")
    c.say(offer)
    c.user(reply)
    c.say("Done.")
    assert not _facts(c)
    assert [i.kind for i in c.items()] == ["decision"]


@pytest.mark.parametrize(
    "said",
    [
        "by the way, I prefer short summaries over long reports",
        "übrigens: ich mag kurze Zusammenfassungen lieber als lange Berichte",
    ],
)
def test_an_unprompted_preference_stays_a_fact(said: str) -> None:
    c = Conv()
    c.user("can you summarise the board minutes from March?")
    c.say("Here is the summary: three motions passed.")
    c.user(said)
    c.say("Noted.")
    assert _facts(c)
