"""A standing rule said inside a longer request: the clause with a subject of its own that holds the rule
word is the fact ("can you draft the welcome email, and we always sign off as the team" keeps "We always
sign off as the team"), not the request around it; an order whose second half is its own "never" ("run
them through make test, never bare pytest") stays whole. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


@pytest.mark.parametrize(
    ("said", "starts"),
    [
        (
            "can you draft the welcome email for the new volunteers, and we always sign off as the "
            "Greenway team, never with personal names",
            "We always sign off",
        ),
        (
            "please write the reminder for the tenants' meeting, our letters always go out in German and Turkish",
            "Our letters always",
        ),
        (
            "can you sort the photos from the trip, I never want faces of the kids online",
            "I never want",
        ),
    ],
)
def test_the_rule_clause_of_a_request_is_the_fact(said: str, starts: str) -> None:
    c = Conv()
    c.user("hi")
    c.say("Hi! What can I do?")
    pos = c.user(said)
    c.say("On it.")
    (fact,) = facts(c.items())
    assert pos in fact.entry_ids and fact.must_keep and fact.text.startswith(starts)


def test_an_order_with_its_own_never_stays_whole() -> None:
    c = Conv()
    c.user("set up the CI job")
    c.say("Sure. Anything to know?")
    c.user("run the checks through `make check`, never bare `ruff` or `mypy`")
    c.say("Understood.")
    (fact,) = facts(c.items())
    assert "make check" in fact.text and "never bare" in fact.text
