"""A standing rule said plainly inside a turn that asks for something else: where things go, or how
it is done "bei uns" / "chez nous". Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def of(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_where_things_go_said_beside_a_request_is_a_fact_to_keep() -> None:
    c = Conv()
    turn = c.user(
        "Kannst du die Quittungen vom März sortieren? Die Originale kommen nach belege/2026/original/ und "
        "werden danach nicht mehr angefasst, Kopien zum Bearbeiten nach belege/arbeit/."
    )
    c.say("Mache ich.")
    (fact,) = [f for f in of(c.items(), "fact") if "belege/2026/original/" in f.text]
    assert fact.must_keep and fact.entry_ids == (turn,)


def test_how_it_is_done_here_said_beside_an_order_is_a_fact_to_keep() -> None:
    c = Conv()
    turn = c.user(
        "Vale, sube la rama y abre el PR. En nuestro equipo los títulos de los PR son en inglés, "
        "el repositorio lo compartimos con la oficina de Lisboa."
    )
    c.say("Hecho, PR abierto.")
    (fact,) = [f for f in of(c.items(), "fact") if "inglés" in f.text]
    assert fact.must_keep and turn in fact.entry_ids


def test_an_order_to_put_something_somewhere_is_no_fact() -> None:
    c = Conv()
    c.user("please move the old logs to archive/2025/ before Friday")
    c.say("Will do.")
    c.user("I go to work/site-b/ tomorrow, so it has to be today")
    c.say("Okay, today then.")
    assert not [f for f in of(c.items(), "fact") if "archive/2025/" in f.text or "site-b" in f.text]
