"""A third party's dated task said in the reply to an offer is a to-do of its own, not the decision's detail.

Structure (fresh15 and fresh16, two writers): the user answers the assistant's offer and, in the same
turn, gives a named owner (or "he"/"she" after the name) a task with a due day and a modal ("and Dara
should run the provider tests by Friday", "raw_crm is Sofia's, she needs to fix it by Wednesday",
"ask Nacho, he should send it by Monday"). The decision keeps the choice; the task is a to-do.
"should" is a modal like "must" and "has to" (sollte, debería, devrait, dovrebbe).
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract import todos


def test_should_is_a_modal_that_gives_an_owner_a_task() -> None:
    assert todos.owned_task("Priya should update the runbook by Friday the 11th")
    assert todos.owned_task("Jonas sollte die Zugangsdaten bis Montag, 14.12., tauschen")
    assert todos.owned_task("Lucía debería mandar las fotos antes del viernes 4")
    assert not todos.owned_task("the renewal should be automatic")  # no when: no task


def test_a_dated_task_beside_a_plan_accepted_in_english() -> None:
    t = Transcript()
    t.user("how do we roll out the new exporter?")
    t.assistant(
        "Proposed plan: deploy the exporter to staging first, let it run for a week, then move prod. "
        "Want me to go ahead with that?"
    )
    t.user("go with that. and Priya should check the staging dashboards by friday dec 11")
    items = t.items()
    todos_ = of_kind(items, "todo")
    assert len(todos_) == 1 and "Priya should check the staging dashboards" in todos_[0].text
    assert not any("Priya" in d.text for d in of_kind(items, "decision"))


def test_a_dated_task_beside_an_option_picked_in_german() -> None:
    t = Transcript()
    t.user("wie machen wir das mit dem neuen Exporter?")
    t.assistant(
        "Zwei Wege:\n\nA) erst auf Staging ausrollen, eine Woche laufen lassen, dann Prod\n"
        "B) direkt auf Prod mit Feature-Flag\n\nWelchen nehmen wir?"
    )
    t.user("A. und Jonas sollte die Dashboards auf Staging bis Freitag anschauen")
    items = t.items()
    todos_ = of_kind(items, "todo")
    assert len(todos_) == 1 and todos_[0].text.startswith("Jonas sollte die Dashboards")
    (decision,) = of_kind(items, "decision")
    assert "Jonas" not in decision.text and "Staging ausrollen" in decision.text
