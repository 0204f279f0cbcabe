"""The evening or afternoon of today is a when, in each language: "heute abend", "esta noche",
"ce soir", "stasera", "this afternoon".

Structure (fresh24 "... lo faccio io stasera", fresh18 "stasera sistemiamo ...", fresh23 "esta tarde";
in English "tonight" in fresh6 and fresh22 was read already): a speaker's dated task whose only
day is this evening; the assistant takes it in. Without the words the task has no when and is
not kept.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract import todos


def test_evening_words_are_a_when() -> None:
    for said in (
        "ich rufe sie heute abend an",
        "la llamo esta noche",
        "je l'appelle ce soir",
        "la chiamo stasera",
        "I'll call her this afternoon",
        "ci penso oggi pomeriggio",
    ):
        assert todos.when(said), said
    assert not todos.when("la chiamo appena posso")


def test_a_task_for_tonight_acknowledged_in_german() -> None:
    t = Transcript()
    t.user("ich schicke dem Vermieter heute abend die Zählerstände")
    t.assistant("Notiert.")
    tasks = of_kind(t.items(), "todo")
    assert len(tasks) == 1 and "Zählerstände" in tasks[0].text


def test_a_task_for_tonight_acknowledged_in_french() -> None:
    t = Transcript()
    t.user("je rappelle le plombier ce soir pour le devis")
    t.assistant("C'est noté.")
    tasks = of_kind(t.items(), "todo")
    assert len(tasks) == 1 and "plombier" in tasks[0].text


def test_a_task_for_tonight_acknowledged_in_spanish() -> None:
    t = Transcript()
    t.user("yo reviso las facturas del trimestre esta noche")
    t.assistant("Apuntado.")
    tasks = of_kind(t.items(), "todo")
    assert len(tasks) == 1 and "facturas" in tasks[0].text
