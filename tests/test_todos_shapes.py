"""To-dos in the shapes other writers use: a bulleted list of tasks, a name and a progressive with a
day ("Priya is calling the caterer on Tuesday") said after another sentence, a name opening the
sentence that the assistant's answer restates by its day, a first person joined by "and" to
another task, "set a reminder for ...". Conversations written here (en, de, es, fr, it)."""

from __future__ import annotations

from test_extract import Transcript

from memoryd.flush.extract.todos import owner
from memoryd.flush.items import Item


def _todos(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "todo"]


def test_en_bulleted_tasks_each_a_todo() -> None:
    t = Transcript()
    said = t.user(
        "from the parents' meeting:\n- Wanjiru collects the raffle prizes by Thursday\n"
        "- I print the tickets on the 9th\n- the school hall is fine"
    )
    t.assistant("Thanks, noted.")
    todos = _todos(t.items())
    assert sorted(x.text.split()[0] for x in todos) == ["I", "Wanjiru"]
    assert all(said in x.entry_ids for x in todos)


def test_en_name_and_progressive_with_a_day_needs_no_ack() -> None:
    t = Transcript()
    t.user("the venue is sorted. Dmitri is bringing the sound system on Saturday.")
    t.assistant("Great, that covers the big items.")
    (todo,) = _todos(t.items())
    assert todo.text.startswith("Dmitri is bringing")


def test_es_name_opening_the_sentence_restated_by_its_day() -> None:
    t = Transcript()
    t.user("Rocío recoge las camisetas el viernes.")
    t.assistant("Vale, camisetas el viernes.")
    (todo,) = _todos(t.items())
    assert todo.text.startswith("Rocío recoge")


def test_de_name_and_first_person_joined_by_und_are_two_todos() -> None:
    t = Transcript()
    t.user("Anja holt die Stühle am Freitag ab, und ich bestelle bis Mittwoch den Kuchen.")
    t.assistant("Notiert.")
    todos = sorted(x.text for x in _todos(t.items()))
    assert len(todos) == 2 and todos[0].startswith("Anja holt") and todos[1].startswith("Ich bestelle")


def test_fr_set_a_reminder_request() -> None:
    t = Transcript()
    said = t.user("tu peux me mettre un rappel pour le contrôle technique le 3 avril ?")
    t.assistant("Bien sûr.")
    (todo,) = _todos(t.items())
    assert "contrôle technique" in todo.text and said in todo.entry_ids


def test_a_noun_opening_the_sentence_is_no_owner() -> None:
    assert not owner("Cambio de planes con el coro el jueves", initial=True, restated=True)
    assert not owner("Everything is going out on Friday", initial=True, restated=True)
    assert owner("Giulia prenota la sala venerdì", initial=True, restated=True)
    assert not owner("Giulia prenota la sala venerdì", initial=True)  # the answer did not take it in
    assert owner("e Giulia prenota la sala venerdì", initial=True)
