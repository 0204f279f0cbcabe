"""A day and month written with dots ("4.1.", "30.11.") before a word in lower case ends no sentence.

Structure (fresh16 and fresh17, two writers, German chat in lower case): "mirko soll mir die liste
bis 4.1. zurückschicken", "Felix soll bis donnerstag 3.12. entweder ... reparieren": the sentence went
on after the date, and the task lost its verb and object when the date's dot was read as its end.
A date that does end a sentence, before a capital or before a question of its own, still does.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.prose import split_sentences


def test_a_german_date_before_the_verb_keeps_the_sentence_whole() -> None:
    said = split_sentences("passt. mirko soll mir die liste bis 4.1. zurückschicken. Danke!")
    assert said == ("passt.", "mirko soll mir die liste bis 4.1. zurückschicken.", "Danke!")
    assert split_sentences("Abgabe bis 30.11. Danach ist Urlaub.") == (
        "Abgabe bis 30.11.",
        "Danach ist Urlaub.",
    )
    # a question of its own after the date is a sentence of its own
    assert split_sentences("Anna übernimmt ab montag 30.11. kannst du mir sagen, was offen ist?") == (
        "Anna übernimmt ab montag 30.11.",
        "kannst du mir sagen, was offen ist?",
    )


def test_an_english_date_with_dots_before_the_rest_of_the_task() -> None:
    said = split_sentences("ok. Marek should send the signed lease by 14.12. to the landlord, not to me.")
    assert said[1] == "Marek should send the signed lease by 14.12. to the landlord, not to me."


def test_the_whole_task_is_the_to_do() -> None:
    t = Transcript()
    t.user("gut. Jonas soll bis 30.11. das Rollback-Skript fertig haben.")
    t.assistant("Notiert.")
    (todo,) = of_kind(t.items(), "todo")
    assert "Rollback-Skript" in todo.text
