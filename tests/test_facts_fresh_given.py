"""Figures the user gives to be worked on ("the school orders 12 trays on Monday and 8 on Thursday.
can you work out what that means for eggs?") are a fact; a request with figures of its own is not.
Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def of(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_figures_given_before_a_request_that_points_back_are_a_fact() -> None:
    c = Conv()
    turn = c.user(
        "Guten Morgen! Der Kindergarten am Markt bestellt ab Januar 12 Bleche Kuchen jeden Montag und "
        "8 Bleche am Donnerstag. Kannst du ausrechnen, was das für den Mehlbedarf heißt?"
    )
    c.say("Rechne ich aus.")
    (fact,) = [f for f in of(c.items(), "fact") if "12 Bleche" in f.text]
    assert fact.entry_ids == (turn,) and not fact.must_keep
    assert fact.text.startswith("Der Kindergarten")


def test_a_failure_report_before_a_request_is_no_fact() -> None:
    c = Conv()
    c.user("the import stopped at row 4200 of 9000. can you fix it?")
    c.say("Looking into it.")
    assert not [f for f in of(c.items(), "fact") if "4200" in f.text]
