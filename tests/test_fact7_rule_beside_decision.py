"""A reply that decides a point and sets a standing rule in the same words ("the parcel one: never
promise delivery dates, rewrite that"): the decision quotes the reply, the rule is a fact of its own
(must keep). Within one flush the two are near-duplicates, but the fact is not merged into the
decision (nor into a to-do that quotes it); a point still open stays one item. Written here."""

from __future__ import annotations

import pytest

from memoryd.flush.dedupe import dedupe
from memoryd.flush.items import Item


def _item(kind: str, text: str, must_keep: bool = True) -> Item:
    return Item(kind=kind, text=text, entry_ids=("0de8b4c8",), must_keep=must_keep)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("quoted", "rule"),
    [
        (
            "Late parcel: draft says it arrives tomorrow. — the parcel one: never promise delivery dates in replies, ever, just say its on its way",
            "the parcel one: never promise delivery dates in replies, ever, just say its on its way",
        ),
        (
            "Paket verspätet: Entwurf sagt morgen. — das paket: nie lieferdaten in antworten versprechen, einfach sagen dass es unterwegs ist",
            "das paket: nie lieferdaten in antworten versprechen, einfach sagen dass es unterwegs ist",
        ),
        (
            "Te pongo una visita al taller el lunes (regla: nunca me metas nada en domingo, es mi día)",
            "Nunca me metas nada en domingo, es mi día",
        ),
    ],
)
def test_rule_quoted_by_a_decision_or_todo_stays_a_fact(quoted: str, rule: str) -> None:
    for kind in ("decision", "todo"):
        kept = dedupe([_item(kind, quoted), _item("fact", rule)], [])
        assert [i.kind for i in kept] == [kind, "fact"], kept
    kept = dedupe([_item("open_question", quoted, must_keep=False), _item("fact", rule)], [])
    assert [i.kind for i in kept] == ["open_question"], kept  # a point still open is one item, no fact
