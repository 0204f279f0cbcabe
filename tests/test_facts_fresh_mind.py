"""A sentence that opens by asking to bear something in mind keeps what follows (must keep), also
when a later clause says who will ask about it. New wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def of(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_what_the_user_asks_to_bear_in_mind_is_kept() -> None:
    c = Conv()
    turn = c.user(
        "y ten en cuenta que el contador de la luz está en el garaje, detrás de las bicis. "
        "el electricista lo preguntará el lunes"
    )
    c.say("Entendido: contador en el garaje, detrás de las bicis.")
    items = c.items()
    (fact,) = [f for f in of(items, "fact") if "garaje" in f.text]
    assert fact.must_keep and fact.entry_ids == (turn,)
    assert fact.text.lower().startswith("el contador de la luz está en el garaje")
    assert not [q for q in of(items, "open_question") if "garaje" in q.text]


def test_bear_in_mind_in_the_middle_of_a_sentence_is_no_request() -> None:
    c = Conv()
    c.user("the quote is fine, bear in mind it's only valid until Friday, can you book it?")
    c.say("Booking it now.")
    assert not [f for f in of(c.items(), "fact") if f.text.startswith("It's only valid")]


def test_bear_in_mind_at_the_head_of_a_sentence_keeps_the_rest() -> None:
    c = Conv()
    c.user("the electrician comes on Monday.")
    c.say("Okay.")
    turn = c.user("oh and bear in mind the fuse box is in the garage, not in the hall. he will ask")
    c.say("Got it: fuse box in the garage.")
    items = c.items()
    (fact,) = [f for f in of(items, "fact") if "fuse box" in f.text]
    assert fact.must_keep and fact.entry_ids == (turn,)
    assert fact.text.startswith("The fuse box is in the garage, not in the hall")
    assert not [q for q in of(items, "open_question") if "fuse box" in q.text]
