"""A request whose purpose is that something never happens again is a standing rule to keep; a
request with a plain purpose is not. New wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def of(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_a_request_so_that_something_no_longer_happens_is_a_rule_to_keep() -> None:
    c = Conv()
    c.user("On part en Bretagne du 3 au 10 août avec les enfants.")
    c.say("Très bien, je prépare l'itinéraire.")
    turn = c.user(
        "et organise les étapes de façon à ne plus rouler après 18 h, les petits sont épuisés sinon."
    )
    c.say("D'accord : arrivée avant 18 h chaque jour.")
    (fact,) = [f for f in of(c.items(), "fact") if "18 h" in f.text]
    assert fact.must_keep and fact.entry_ids == (turn,)
    assert fact.text.startswith("Organise les étapes")


def test_a_request_with_a_plain_purpose_is_no_rule() -> None:
    c = Conv()
    c.user("rename the files so that they sort by date")
    c.say("Renaming them now.")
    assert not [f for f in of(c.items(), "fact") if "sort by date" in f.text]
