"""The assistant's acknowledgement files a point as open "for" someone, or the user's short turn
only says how a point waits: an open question, the user's earlier question as its topic.

Structure (fresh10 and fresh11, two writers): the user asks; the assistant answers without settling
it ("It depends ...", "I can't tell from here"); the user's next turn asks nothing and says who or
when settles it ("I'll look at the fuse box tomorrow", "that's one for the committee"); the
assistant files it as open ("OK, open until you've checked", "noted as open for the committee",
"je la laisse ouverte pour le bureau"). The open word may be followed by "for"/"pour"/"für" and
whom it waits on.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_the_question_before_the_answer_is_the_open_point_in_english() -> None:
    t = Transcript()
    t.user("the garage freezer, is it on the same circuit as the boiler?")
    t.assistant("I can't tell from here: the breaker labels aren't in any of the notes I have.")
    t.user("ill look at the fuse box this weekend")
    t.assistant("OK, open until you've looked.")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "freezer" in opened[0].text
    assert not of_kind(t.items(), "todo")


def test_open_for_someone_after_an_answer_that_depends_in_german() -> None:
    t = Transcript()
    t.user("Noch was: die Hallenmiete für März sind 640 €, zählt die zum alten oder zum neuen Haushaltsjahr?")
    t.assistant("Das hängt von eurer Buchungsregel ab: nach Leistungszeitraum gehört sie ins neue Jahr.")
    t.user("Dann soll das der Kassenwart mit dem Vorstand entscheiden, nicht ich.")
    t.assistant("In Ordnung, ich führe es als offen für den Vorstand.")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "Hallenmiete" in opened[0].text


def test_open_for_the_board_in_french() -> None:
    t = Transcript()
    t.user(
        "Une question me reste : est-ce qu'on rend obligatoire le gilet jaune pour les tournées du soir ? "
        "Je ne veux pas décider seule, je la pose au comité."
    )
    t.assistant("D'accord, je la laisse ouverte pour le comité du mois prochain.")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "gilet" in opened[0].text


def test_an_answer_that_settles_it_leaves_nothing_open() -> None:
    t = Transcript()
    t.user("the garage freezer, is it on the same circuit as the boiler?")
    t.assistant("Yes: both are on breaker 7, according to the panel photo you sent in March.")
    t.user("great, thanks")
    assert not of_kind(t.items(), "open_question")
