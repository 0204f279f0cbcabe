"""How it is done where the user works, said at the head of a statement and without "always": "for us
it's invoices in English only", "para nosotros es factura electrónica", "per noi è solo bonifico". A
house rule (must keep). "Pour nous c'est réglé, merci" (it is settled) and "for us it's fine" say too
little; "book a table for us, it's Friday" is an order. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


@pytest.mark.parametrize(
    "said",
    [
        "for us it's quotes in euros only, even for clients abroad",
        "para nosotros es entrega en mano, nada por mensajería",
        "per noi è solo pagamento anticipato, niente fatture a 30 giorni",
        "with us it's one reviewer per pull request, never two",
    ],
)
def test_for_us_it_is_a_house_rule(said: str) -> None:
    c = Conv()
    c.user("set up the order form / el formulario / il modulo")
    c.say("Sure, anything I should know?")
    pos = c.user(said)
    c.say("Okay.")
    (fact,) = facts(c.items())
    assert pos in fact.entry_ids and fact.must_keep


def test_too_little_said_or_an_order_is_no_house_rule() -> None:
    c = Conv()
    c.user("t'as pu régler la facture du plombier ?")
    c.say("Oui, payée ce matin.")
    c.user("pour nous c'est réglé, merci")
    c.say("Avec plaisir.")
    c.user("book a table for us, it's Friday at eight")
    c.say("Booked.")
    c.user("for us it's fine")
    assert not facts(c.items())
