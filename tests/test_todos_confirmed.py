"""To-dos read from the shape of a turn: a task with an owner and a when that the assistant takes in
(an acknowledgement, or its number, day or name said back), said mid-turn or in the third person;
two tasks in one sentence; "remind me to ..."; a reminder set only with a tool. Conversations
written here (en, de, es, fr, it), not taken from the eval splits."""

from __future__ import annotations

from test_extract import Transcript

from memoryd.flush.extract.todos import clauses, owned_task, remind_request, reminder_of
from memoryd.flush.items import Item


def _todos(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "todo"]


def test_en_third_person_task_mid_turn_confirmed_by_name() -> None:
    t = Transcript()
    t.user("the quiz night is on. we have 14 teams signed up")
    t.assistant("Great turnout. Anything you want me to track?")
    said = t.user(
        "yeah. Oskar is booking the projector, needs to be sorted by thu 8 jan. and we need more pencils"
    )
    t.assistant("Oskar and the projector, by Thursday the 8th: on the list.")
    (todo,) = _todos(t.items())
    assert "Oskar" in todo.text and "projector" in todo.text and "8 jan" in todo.text
    assert said in todo.entry_ids


def test_de_first_person_present_with_a_day_and_a_short_ack() -> None:
    t = Transcript()
    t.user("Die Vereinsfeier ist am 19. Dezember im Gemeindesaal.")
    t.assistant("Notiert: Vereinsfeier 19. Dezember, Gemeindesaal.")
    said = t.user("ich besorg die Getränke am Donnerstag, 17.12., beim Großhandel Berger.")
    t.assistant("Okay, Getränke Donnerstag 17. Dezember.")
    (todo,) = _todos(t.items())
    assert "Getränke" in todo.text and "Donnerstag" in todo.text
    assert said in todo.entry_ids


def test_de_title_and_name_with_bis_zum() -> None:
    t = Transcript()
    said = t.user(
        "Herr Brandt schickt mir die Zählerstände bis zum 9. Januar, dann mache ich die Abrechnung."
    )
    t.assistant("Gut, Zählerstände von Herrn Brandt bis 9. Januar.")
    (todo,) = _todos(t.items())
    assert todo.text.startswith("Herr Brandt schickt") and said in todo.entry_ids


def test_fr_two_tasks_in_one_sentence_one_each() -> None:
    t = Transcript()
    t.user("pour le salon : le stand est réservé.")
    t.assistant("Parfait.")
    said = t.user("j'imprime les flyers le 3 mars, Inès les badges le 5 mars.")
    t.assistant("Noté : flyers le 3 mars (toi), badges le 5 mars (Inès).")
    todos = _todos(t.items())
    assert len(todos) == 2
    assert any("flyers" in x.text and "3 mars" in x.text for x in todos)
    assert any("Inès" in x.text and "5 mars" in x.text for x in todos)
    assert all(said in x.entry_ids for x in todos)


def test_es_two_owners_in_one_sentence_split() -> None:
    t = Transcript()
    t.user("la comida del equipo ya tiene sitio")
    t.assistant("¡Bien! ¿Falta algo?")
    t.user("yo reservo la mesa el martes, y Nerea encarga la tarta antes del jueves 14")
    t.assistant("Apuntado: tú la mesa el martes, Nerea la tarta antes del jueves 14.")
    todos = _todos(t.items())
    assert len(todos) == 2
    assert any("mesa" in x.text and "martes" in x.text and "Nerea" not in x.text for x in todos)
    assert any(x.text.startswith("Nerea encarga") for x in todos)


def test_it_first_person_with_entro_and_a_bare_ack() -> None:
    t = Transcript()
    t.user("per il torneo di scacchi servono 12 scacchiere")
    t.assistant("Segnato: 12 scacchiere.")
    said = t.user("le scacchiere le ritiro io entro giovedì 22 gennaio")
    t.assistant("Annotato.")
    (todo,) = _todos(t.items())
    assert "scacchiere" in todo.text and "22 gennaio" in todo.text and said in todo.entry_ids


def test_past_and_unacknowledged_present_are_no_todos() -> None:
    t = Transcript()
    t.user("ich war am Montag beim Zahnarzt, alles gut.")
    t.assistant("Schön zu hören.")
    t.user("Prefiero los vuelos de mañana, y ya reservé el hotel el lunes.")
    t.assistant("Vale.")
    t.user("I picked up the keys on Friday 4 Dec.")
    t.assistant("Noted.")
    assert _todos(t.items()) == []


def test_without_an_owner_a_date_is_no_todo() -> None:
    t = Transcript()
    t.user("the lease ends on 31 March")
    t.assistant("Noted: lease ends 31 March.")
    assert _todos(t.items()) == []


def test_remind_me_in_a_question_is_a_todo_en_de_fr() -> None:
    for ask, word in [
        ("can you remind me to renew the parking permit on Monday?", "parking permit"),
        ("erinnere mich daran, am Freitag die Steuer abzuschicken", "Steuer"),
        ("rappelle-moi de rappeler le garage demain", "garage"),
    ]:
        t = Transcript()
        said = t.user(ask)
        t.assistant("Sure." if ask.startswith("can") else "Ok.")
        (todo,) = _todos(t.items())
        assert word in todo.text and said in todo.entry_ids
    assert remind_request("remind me about it") == ""  # no when: nothing to note


def test_reminder_set_only_with_a_tool_cites_the_request_and_result() -> None:
    t = Transcript()
    t.assistant("Want me to nudge you before the vet appointment?")
    asked = t.user("yes please, the evening before")
    _, result = t.tool(
        "cron",
        {
            "action": "add",
            "job": {
                "schedule": {"kind": "at", "at": "2027-02-09T18:30:00Z"},
                "payload": {"kind": "systemEvent", "text": "Take Biscuit to the vet at 9"},
            },
        },
        '{"ok": true, "id": "job_77"}',
    )
    t.assistant("Done, you'll get it on the 9th at 18:30.")
    (todo,) = _todos(t.items())
    assert todo.text.startswith("2027-02-09 18:30: Take Biscuit to the vet")
    assert {asked, result} <= set(todo.entry_ids)


def test_a_failed_or_listing_reminder_call_is_no_todo() -> None:
    assert reminder_of("cron", {"action": "list"}) is None
    assert reminder_of("bash", {"command": "echo at 5 text"}) is None
    assert reminder_of("reminders_create", {"due": "2027-01-04", "title": "call the bank"}) == (
        "2027-01-04",
        "call the bank",
    )
    t = Transcript()
    t.user("remind me at noon")
    t.tool(
        "cron",
        {"action": "add", "schedule": "2027-01-04T12:00:00Z", "text": "stretch a bit"},
        "error: no scheduler",
        error=True,
    )
    t.assistant("The scheduler isn't available, sorry.")
    assert _todos(t.items()) == []


def test_owned_task_needs_a_doer_and_a_when() -> None:
    assert owned_task("Lotte is printing the programmes by Friday")
    assert owned_task("la mairie doit confirmer la salle avant vendredi")
    assert not owned_task("the programmes are printed by Friday")
    assert not owned_task("Lotte was printing the programmes on Friday")
    assert clauses("I drive on Sunday, and Tomás brings the tent on Saturday") == [
        "I drive on Sunday",
        "Tomás brings the tent on Saturday",
    ]
    assert clauses("we meet on Sunday at the lake") == ["we meet on Sunday at the lake"]
