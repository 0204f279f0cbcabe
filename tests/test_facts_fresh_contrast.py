"""Structures that hand-written conversations use and generated ones did not: a value put right in
the user's own "X, not Y" next to a choice; a recollection that is no request to remember; a question
after "wait" that is no correction. Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def of(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_a_value_set_right_beside_a_choice_is_a_fact_and_the_choice_still_a_decision() -> None:
    c = Conv()
    c.user("Ich muss den Umzug planen, wir ziehen am 9. Mai um.")
    c.say(
        "Zwei Wege: entweder ein Umzugsunternehmen für etwa 1.400 €, oder ein Transporter zum "
        "Selbstfahren für rund 180 € am Tag. Welcher Weg passt dir?"
    )
    reply = c.user("Der Transporter. Und der Umzug ist am 19. Mai, nicht am 9.")
    c.say("Gut, Transporter für den 19. Mai.")
    items = c.items()
    (fact,) = [f for f in of(items, "fact") if "19" in f.text]
    assert fact.must_keep and reply in fact.entry_ids
    assert "nicht am 9" in fact.text and not fact.text.lower().startswith("und")
    assert [d for d in of(items, "decision") if reply in d.entry_ids]


def test_a_contrast_stated_after_an_interjection_needs_no_value_in_the_previous_turn() -> None:
    c = Conv()
    c.user("Escribe la nota para los inquilinos con la hora de entrega de llaves.")
    c.say("Nota lista en pisos/llaves.md.")
    fix = c.user("Ay, la entrega es a las 12 h, no a las 10 h: la señora limpia antes.")
    c.say("Cambiado a las 12 h.")
    items = c.items()
    (fact,) = [f for f in of(items, "fact") if "12 h" in f.text]
    assert fact.must_keep and fix in fact.entry_ids
    assert fact.text.startswith("La entrega es a las 12 h, no a las 10 h")


def test_an_order_with_a_contrast_is_no_fact() -> None:
    c = Conv()
    c.say("I'll book 4 seats for the workshop.")
    c.user("book 3, not 4, Sam dropped out")
    c.say("Booked 3 seats.")
    assert not [f for f in of(c.items(), "fact") if "not 4" in f.text]


def test_a_question_after_wait_with_a_recollection_is_neither_a_correction_nor_kept() -> None:
    c = Conv()
    c.user("Plan the conference talk, it's a 25-minute slot.")
    c.say(
        "Two ways to cut it: one long demo with a short intro, or three short case studies. "
        "With the slides due on 2 June the first is less work."
    )
    c.user("hang on, is there a limit on slide count? I vaguely remember something about 20 slides")
    c.say("Not that I can find: the speaker guide only fixes the 25 minutes.")
    facts = of(c.items(), "fact")
    assert not [f for f in facts if "20 slides" in f.text]
