"""A speaker who claims a task by naming itself after a clitic and its verb (es/it): "il bonifico lo
faccio io domani", "el pedido lo hago yo el lunes". With a when it is a to-do, as "I'll do it on
Monday" is, whether or not the assistant acknowledges it; the clitic takes up the object fronted
before it, so nothing said earlier is put in brackets as what it refers to.

Structure (fresh3 "la sala ... la prenoto io entro venerdì", fresh11 "i gazebo li porto io ...
sabato 23", fresh23 "los llamo yo hoy", fresh24 "il commit col fix lo faccio io stasera"): before,
only an acknowledging answer kept it.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract import todos


def test_the_claim_is_found_in_both_languages() -> None:
    assert todos.self_after_clitic("il bonifico lo faccio io domani")
    assert todos.self_after_clitic("y los de 3ºB los llamo yo el martes")
    assert todos.self_after_clitic("se lo pregunto yo mañana")
    assert not todos.self_after_clitic("lo fa Chiara domani")
    assert not todos.self_after_clitic("io lo guardo domani")


def test_a_claimed_task_in_italian_without_an_acknowledgement() -> None:
    t = Transcript()
    t.user("la caldaia è ripartita dopo il reset. il bonifico all'idraulico lo faccio io domani")
    t.assistant("Intanto preparo il riepilogo delle spese del mese.")
    tasks = of_kind(t.items(), "todo")
    assert len(tasks) == 1 and "bonifico" in tasks[0].text
    assert "caldaia" not in tasks[0].text  # the fronted object is what "lo" takes up


def test_a_claimed_task_in_spanish_without_an_acknowledgement() -> None:
    t = Transcript()
    t.user("el pedido de las sillas lo hago yo el lunes")
    t.assistant("Mientras, reviso el resto de la lista del material.")
    tasks = of_kind(t.items(), "todo")
    assert len(tasks) == 1 and "sillas" in tasks[0].text
    t = Transcript()
    t.user("el pedido de las sillas lo hago yo")  # no day: a claim, no task with a when
    t.assistant("Mientras, reviso el resto de la lista del material.")
    assert not of_kind(t.items(), "todo")
