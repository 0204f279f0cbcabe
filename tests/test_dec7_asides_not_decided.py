"""A reply sentence that another rule owns, a task with a who and a when (a to-do) or a standing rule
(a fact), is no part of what the reply decides: not a change to a point of an agreed plan, not a
point of a list answered point by point, not a value changed by instruction. Conversations written
here, in en/de/fr."""

from __future__ import annotations

from test_extract import Transcript, of_kind
from test_extract_dialogue import accepted


def test_en_a_task_beside_a_plan_agreed_is_a_todo_not_a_changed_point() -> None:
    t = Transcript()
    t.user("we need a plan to move the wiki to the new server")
    t.assistant(
        "Proposed plan:\n\n"
        "1. Export the pages with `wikictl export --all`\n"
        "2. Import them on wiki-02 and check the links\n"
        "3. Switch the DNS name once the import is checked\n\n"
        "OK?"
    )
    t.user("go with what you said. and Priya should check the links on wiki-02 by friday dec 12")
    items = t.items()
    (decision,) = accepted(items)
    assert "Priya" not in decision.text
    assert any("Priya" in d.text for d in of_kind(items, "todo"))


def test_de_a_rule_for_one_point_of_a_list_is_no_decision_on_it() -> None:
    t = Transcript()
    t.user("was machen wir mit den vier Anfragen?")
    t.assistant(
        "Vier Anfragen, mit einem Vorschlag je:\n\n"
        "1. **Rückerstattung Jahresabo**: auf das Formular des Stores verweisen\n"
        "2. **Export kaputt**: entschuldigen und die Version 2.4 nennen\n"
        "3. **Kalender-Funktion**: antworten, dass sie im Frühjahr kommt\n"
        "4. **Konto löschen**: löschen und bestätigen\n\n"
        "Passt das so?"
    )
    t.user(
        "rückerstattung passt. export passt auch. kalender: wir versprechen nie termine in antworten, "
        "einfach sagen dass es auf der liste steht. konto löschen ja"
    )
    decisions = of_kind(t.items(), "decision")
    assert not any("Kalender" in d.text or "Frühjahr" in d.text for d in decisions)
    assert any("Rückerstattung" in d.text for d in decisions)


def test_fr_a_task_with_its_date_changes_no_value() -> None:
    t = Transcript()
    t.user("on fait les captures en français pour la fiche ?")
    t.assistant(
        "Entendu, captures en français alors. Je peux générer les 6 captures sur le Mac mini, "
        "les textes de l'app sont déjà traduits."
    )
    t.user("ok. et Mathilde relit tous les textes de la fiche avant le 14 janvier.")
    items = t.items()
    assert not any("Mathilde" in d.text for d in of_kind(items, "decision"))
