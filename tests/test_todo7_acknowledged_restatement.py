"""The assistant's acknowledgement says the task back in full: a to-do, from its own clause.

Structure (fresh17 and fresh18, two writers; fresh15 and fresh2 too): the user hands a task to a
third party in words the owner rules cannot see (a pronoun, a name in lower case, beside a point put
off, in the same sentence as a rule); the assistant answers "Noted: <Name> <verb> ... <when>"
("Notiert:", "Apuntado:", "Noté les deux :"), possibly after a first sentence of its own. That clause,
owner as its subject, a verb and a due day, is the to-do, citing the user turn and the answer.
A possessive ("Tom's quote is due Thursday"), a state ("is", "ist") or a rule ("never") is none.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.restated import acked_tasks


def test_a_pronoun_owner_the_acknowledgement_names_in_english() -> None:
    t = Transcript()
    t.user("the plumber still owes me the boiler invoice btw, he promised thursday. jot it down")
    t.assistant(
        "Not chasing him today then. Noted: Gareth Price sends the boiler invoice by Thursday 3 December. "
        "Want a reminder on Friday if it hasn't come?"
    )
    todos = of_kind(t.items(), "todo")
    assert len(todos) == 1
    assert "Gareth Price sends the boiler invoice by Thursday 3 December" in todos[0].text
    assert len(todos[0].entry_ids) == 2


def test_a_german_restatement_with_a_full_date() -> None:
    t = Transcript()
    t.user("er meldet sich bis donnerstag. also 10.12.")
    t.assistant("Notiert: Herr Brandt schickt das Angebot für den Estrich bis Donnerstag, 10.12.2026.")
    todos = of_kind(t.items(), "todo")
    assert len(todos) == 1 and "Brandt schickt das Angebot" in todos[0].text


def test_a_spanish_task_beside_a_point_put_off_is_its_own_to_do() -> None:
    t = Transcript()
    t.user("¿el patio lo cubrimos este año?")
    t.assistant("Se puede: podría pedir presupuesto de un toldo a la tienda de la esquina, si quieres.")
    t.user(
        "mmm toldo... me lo pienso. las medidas del patio me las manda rocío antes del 12 de enero, apúntalo"
    )
    t.assistant(
        "Apuntado: Rocío manda las medidas del patio antes del 12 de enero. Lo del toldo queda pendiente."
    )
    todos = of_kind(t.items(), "todo")
    assert len(todos) == 1 and "Rocío manda las medidas del patio" in todos[0].text


def test_a_french_task_said_with_a_rule_is_split_from_it() -> None:
    assert acked_tasks(
        "Noté les deux : Inès relit le devis du traiteur avant le 3 février, et le menu n'est jamais envoyé sans elle."
    ) == [("Inès", "Inès relit le devis du traiteur avant le 3 février")]


def test_a_possessive_a_state_or_a_rule_is_no_task() -> None:
    assert acked_tasks("Noted: Tom's revised quote is due Thursday, and I'll flag it if it's high.") == []
    assert acked_tasks("Notiert: Postgres ist ab Montag auf Version 16.") == []
    assert acked_tasks("Noted: Priya never takes calls before Monday 10:00.") == []
    assert acked_tasks("Noted: the VPN box is 192.168.1.25 from Friday.") == []


def test_a_task_the_user_already_gave_an_owner_is_not_doubled() -> None:
    t = Transcript()
    t.user("Dana is writing it by Friday.")
    t.assistant("Noted: Dana Kowalski drafts the staging schema migration for billing by Friday 11 December.")
    todos = of_kind(t.items(), "todo")
    assert len(todos) == 1 and len(todos[0].entry_ids) == 2


def test_an_ok_and_its_colon_restates_the_task_in_italian() -> None:
    t = Transcript()
    t.user(
        "Chiara è una delle due, le chiedo di mandare le foto entro venerdì 4. "
        "poi c'è la questione del logo: lo cambio subito o no? ci penso su"
    )
    t.assistant(
        "Ok: Chiara manda le foto del sopralluogo entro venerdì 4 dicembre. Per il resto aspetto tue notizie."
    )
    todos = of_kind(t.items(), "todo")
    assert len(todos) == 1 and "Chiara manda le foto del sopralluogo" in todos[0].text
