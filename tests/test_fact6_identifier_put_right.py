"""The user names the right one of a family of names the agent just used another of ("the bucket is
kite-archive-2027, kite-store is the old one" after the agent synced to kite-store): a correction (a
fact, must keep), whatever the language. An order naming the two ("use ...-b instead of ...-a") is no
statement, and names of different families are no correction. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv


def _conv(said: str) -> Conv:
    c = Conv()
    c.user("the nightly copy to the storage box failed again, check it")
    c.run(
        "rclone copy /srv/photos box:kite-store/photos",
        "ERROR : box:kite-store: directory not found",
        code=1,
    )
    c.say("The copy to kite-store fails: the remote says the directory is not there.")
    c.user(said)
    c.say("Thanks, I'll point the job at it.")
    return c


@pytest.mark.parametrize(
    ("said", "new"),
    [
        (
            "the bucket is kite-archive-2027 now, kite-store is the old one I emptied in spring",
            "kite-archive-2027",
        ),
        (
            "ah nein, das ist nicht kite-store. Der Bucket für die Fotos ist kite-archive-2027.",
            "kite-archive-2027",
        ),
        (
            "ah non, c'est pas kite-store. Le bucket pour les photos c'est kite-archive-2027, kite-store c'est l'ancien.",
            "kite-archive-2027",
        ),
    ],
)
def test_right_name_of_the_family_is_a_correction(said: str, new: str) -> None:
    facts = [i for i in _conv(said).items() if i.kind == "fact" and i.must_keep]
    assert any(new in i.text for i in facts), facts


@pytest.mark.parametrize(
    "said",
    [
        "use kite-archive-2027 instead of kite-store",
        "the photos also go to lake-backup-2, kite-store is fine",
    ],
)
def test_no_correction_without_a_statement_of_one_family(said: str) -> None:
    corrections = [i for i in _conv(said).items() if i.kind == "fact" and "correction" in i.text]
    assert not corrections, corrections  # (an order with "instead" is the stated-fact rules' business)
