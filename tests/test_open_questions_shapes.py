"""Open points in the shapes other writers use: "X still needs Y" said alongside a task, a point
put off in the same sentence ("the seating we'll sort out later"), a question the user asks and
parks in a turn that answers nothing, and no open question for a rhetorical "why does this always
...?". Conversations written here (en, de, es, fr, it)."""

from __future__ import annotations

from test_extract import Transcript

from memoryd.flush.extract.todos import puts_off_itself, rhetorical, still_open
from memoryd.flush.items import Item


def _open(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "open_question"]


def test_en_task_and_still_open_point_in_one_sentence() -> None:
    t = Transcript()
    said = t.user(
        "posters are done. Ilse is collecting the banners on Monday and the stage still needs a licence."
    )
    t.assistant("Thanks for the update.")
    items = t.items()
    (q,) = _open(items)
    assert q.text == "The stage still needs a licence" and said in q.entry_ids
    (todo,) = [i for i in items if i.kind == "todo"]
    assert "licence" not in todo.text and "Ilse" in todo.text


def test_de_es_fr_it_still_open_statements() -> None:
    for said, word in [
        ("die Sitzordnung für die Hochzeit ist noch offen", "Sitzordnung"),
        ("el cartel de la fiesta sigue sin diseñador", "cartel"),
        ("reste à savoir qui garde le chat pendant les vacances", "chat"),
        ("per la gita manca ancora il pullman", "pullman"),
    ]:
        t = Transcript()
        t.user(said)
        t.assistant("Ok.")
        (q,) = _open(t.items())
        assert word in q.text


def test_en_point_put_off_in_the_same_sentence() -> None:
    t = Transcript()
    said = t.user("the table plan we'll sort out later, the invitations come first")
    t.assistant("Sure. Want a draft of the invitation?")
    (q,) = _open(t.items())
    assert "table plan" in q.text and said in q.entry_ids


def test_es_question_parked_in_a_turn_that_answers_nothing() -> None:
    t = Transcript()
    said = t.user("¿el menú de los niños lo hacemos sin gluten? lo consulto con mi hermana")
    t.assistant("Buena idea.")
    (q,) = _open(t.items())
    assert "sin gluten" in q.text and said in q.entry_ids


def test_rhetorical_question_at_the_end_is_not_open() -> None:
    t = Transcript()
    t.user("the printer jammed again. why does it always do this before a deadline?")
    assert _open(t.items()) == []
    assert rhetorical("warum passiert das immer mir?")
    assert rhetorical("seriously?!")
    assert not rhetorical("why is the build slower on main?")


def test_shapes_of_the_helpers() -> None:
    assert still_open("the cake is ordered and the candles still need buying") == (
        ["the candles still need buying"],
        "the cake is ordered",
    )
    assert still_open("the DJ is booked") == ([], "the DJ is booked")
    assert puts_off_itself("das mit dem Grill klären wir später, erst die Einladungen")
    assert not puts_off_itself("I'll look at it later")  # no point named, nothing to decide
