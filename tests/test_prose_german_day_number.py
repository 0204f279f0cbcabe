"""A German day number without its month ("am 17.", "ab dem 5.") before a word in lower case ends no sentence.

German writes the day as an ordinal with a dot; after a preposition or an article ("am", "ab dem",
"bis zum", "seit dem") the dot is the ordinal's, and a verb or adverb in lower case goes on with the
same sentence: "die Feier soll am 17. stattfinden". Cut there, a to-do lost its verb and a decision
its second half. A day number before a capital ("am 17. Danach ...") still ends the sentence, as does
a number after a word that is no preposition ("nimm Option 2. dann ...": chat in lower case).
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.prose import split_sentences


def test_a_day_number_after_a_preposition_goes_on_with_its_sentence() -> None:
    assert split_sentences("Die Übergabe soll am 17. stattfinden, sagt Ilse.") == (
        "Die Übergabe soll am 17. stattfinden, sagt Ilse.",
    )
    assert split_sentences("ok. ab dem 5. gilt der neue Dienstplan. Danke!") == (
        "ok.",
        "ab dem 5. gilt der neue Dienstplan.",
        "Danke!",
    )
    assert split_sentences("Bis zum 20. reicht das Budget noch.") == ("Bis zum 20. reicht das Budget noch.",)


def test_a_day_number_before_a_capital_or_after_another_word_still_ends_a_sentence() -> None:
    assert split_sentences("Wir sehen uns am 17. Danach bin ich weg.") == (
        "Wir sehen uns am 17.",
        "Danach bin ich weg.",
    )
    assert split_sentences("take option 2. then we ship") == ("take option 2.", "then we ship")


def test_the_task_keeps_its_verb() -> None:
    t = Transcript()
    t.user("passt. Mirko soll die Inventurliste bis zum 14. abschicken, nicht später.")
    t.assistant("Notiert.")
    (todo,) = of_kind(t.items(), "todo")
    assert "abschicken" in todo.text
