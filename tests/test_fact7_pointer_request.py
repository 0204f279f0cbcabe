"""A request to keep something that only points back ("can you write that down somewhere", "note
that pls", "merk dir das gleich mit", "apunta eso por favor"): what is kept is the point just made
(the sentence before, with a short due-date fragment before that), a to-do when it has a due date;
the request's own words are never the bullet. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv


@pytest.mark.parametrize(
    ("said", "kept", "ask"),
    [
        (
            "leave the 3rd, Omar fixed it by hand. tell you what, Omar should also add the new subnet to the firewall module. "
            "by friday the 11th. can you write that down somewhere",
            "Omar should also add the new subnet",
            "can you write that down",
        ),
        (
            "don't send it yet. Lina still owes me the receipts for the van repair, she promised friday, so by fri 11 dec. "
            "note that pls",
            "Lina still owes me the receipts",
            "note that pls",
        ),
        (
            "gut. Timo soll mir bis zum 11.12. die unterschriebenen Verträge schicken. merk dir das gleich mit",
            "Timo soll mir bis zum 11.12.",
            "merk dir das",
        ),
        (
            "vale. Lucía tiene que mandarme los recibos de la furgoneta antes del viernes 11. apunta eso por favor",
            "Lucía tiene que mandarme los recibos",
            "apunta eso",
        ),
    ],
)
def test_request_that_points_back_keeps_the_point(said: str, kept: str, ask: str) -> None:
    c = Conv()
    c.user("the nightly job failed, have a look")
    c.say("Fixed: the job runs again, the run of the 3rd is still failed. Want me to rerun that one too?")
    c.user(said)
    c.say("Noted.")
    items = c.items()
    assert any(kept in i.text and i.kind in ("todo", "fact") and i.must_keep for i in items), items
    assert not [i for i in items if i.text.lower().startswith(ask.lower())], items
