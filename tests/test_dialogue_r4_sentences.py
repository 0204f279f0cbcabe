"""Sentence cuts the dialogue rules rely on: a title before a name and a run of day numbers end no sentence."""

from memoryd.flush.extract.prose import split_sentences


def test_title_before_a_name_is_no_sentence_end() -> None:
    text = "Zwei Wege: Dr. Brunner nimmt alle Termine; oder Prof. Aydin teilt sie. Passt das?"
    assert split_sentences(text) == (
        "Zwei Wege: Dr. Brunner nimmt alle Termine; oder Prof. Aydin teilt sie.",
        "Passt das?",
    )
    assert split_sentences("Ask Mrs. Okoro first. Then book it.") == (
        "Ask Mrs. Okoro first.",
        "Then book it.",
    )


def test_a_list_of_day_numbers_goes_on_after_its_and() -> None:
    text = "Lena hat Dienst am 3., 10. und 17., Tomás am 24. und 31. Danach ist Pause."
    assert split_sentences(text) == (
        "Lena hat Dienst am 3., 10. und 17., Tomás am 24. und 31.",
        "Danach ist Pause.",
    )


def test_a_number_then_a_new_sentence_still_splits() -> None:
    assert split_sentences("It costs 12. Should I order it?") == ("It costs 12.", "Should I order it?")
    assert split_sentences("Wir brauchen 4. Oder doch 5?") == ("Wir brauchen 4.", "Oder doch 5?")
