"""A rule that names a time is still a rule: "invoices always go out by the 5th" holds every month,
so it is a fact, not a to-do, even when the assistant acknowledges it like a task. (Found when the
to-do and fact rounds of 2026-12-03 were merged: the to-do rule took an Italian standing rule.)
The Italian case that failed is `tests/test_italian.py`; these (en, de, es) keep the other languages
from going the same way. Conversations written here."""

from __future__ import annotations

import pytest
from test_extract import Transcript

from memoryd.flush.extract.todos import standing


@pytest.mark.parametrize(
    ("rule", "word"),
    [
        ("for the record: invoices always go out by the 5th of the month", "invoices"),
        ("bei uns gilt: Rechnungen gehen immer bis zum 5. raus", "Rechnungen"),
        ("una cosa: las facturas salen siempre antes del día 5", "facturas"),
    ],
)
def test_a_rule_with_a_day_is_a_fact_not_a_todo(rule: str, word: str) -> None:
    t = Transcript()
    t.user("I'm sorting out the bookkeeping for the shop")
    t.assistant("Sure, tell me how you do it.")
    said = t.user(rule)
    t.assistant("Got it.")
    items = t.items()
    assert not [i for i in items if i.kind == "todo" and word in i.text]
    facts = [i for i in items if i.kind == "fact" and word in i.text]
    assert len(facts) == 1 and said in facts[0].entry_ids


def test_a_task_with_a_day_is_still_a_todo() -> None:
    t = Transcript()
    t.user("I'm sorting out the bookkeeping for the shop")
    t.assistant("Sure, tell me how you do it.")
    said = t.user("Marek sends the November invoices by Friday")
    t.assistant("Noted: Marek, Friday.")
    todos = [i for i in t.items() if i.kind == "todo"]
    assert len(todos) == 1 and said in todos[0].entry_ids and "Marek" in todos[0].text


def test_standing_reads_always_and_never_in_each_language() -> None:
    assert standing("we never deploy on Fridays")
    assert standing("die Schlüssel kommen immer ins Büro")
    assert not standing("Marek sends the invoices by Friday")
