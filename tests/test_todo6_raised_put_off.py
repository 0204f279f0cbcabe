"""A short turn that raises a point, doubts or asks about it, and ends by putting it off with no
day is an open question, the point as its topic; a goodbye with "tomorrow" puts nothing off.

Structure (fresh10 and fresh11, two writers): "maybe move the archive to a cheaper host. cheaper?
think about it later"; "y lo de subir la cuota ..., no lo meto todavía. No sé si es el momento.
Lo dejamos para más adelante." The turn holds nothing else. "See you tomorrow", "hasta mañana",
"à demain", "bis morgen", "a domani" close a conversation; the turn before is no deferral then.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def _turn(text: str, answer: str) -> list[str]:
    t = Transcript()
    t.user("thanks, the sync to the remote bucket works again.")
    t.assistant("Good to hear: the last run copied 212 files and ended without errors.")
    t.user(text)
    t.assistant(answer)
    t.user("ok, thanks")
    return [i.text for i in of_kind(t.items(), "open_question")]


def test_a_point_a_question_and_a_later_in_english() -> None:
    opened = _turn(
        "and honestly maybe move the archive to a cold storage tier. cheaper? think about it later",
        "Could be: cold storage is priced per TB stored. Happy to compare when you get to it.",
    )
    assert len(opened) == 1 and "cold storage" in opened[0]


def test_a_point_a_doubt_and_a_later_in_spanish_and_german() -> None:
    for text, answer, word in (
        (
            "Y lo de cambiar el proveedor del local a uno más barato, no lo meto en la lista todavía. "
            "No sé si es el momento. Lo dejamos para más adelante.",
            "De acuerdo, queda aparcado por ahora.",
            "proveedor",
        ),
        (
            "Und das mit dem Umzug des Archivs auf den billigeren Speicher lasse ich erstmal raus. "
            "Ich weiß nicht, ob sich das lohnt. Vielleicht später.",
            "In Ordnung, das bleibt erstmal liegen.",
            "Archivs",
        ),
    ):
        opened = _turn(text, answer)
        assert len(opened) == 1 and word in opened[0], text


def test_a_plan_and_a_later_without_doubt_is_no_open_question() -> None:
    opened = _turn(
        "I want to move the archive to the cold storage tier at some point. later",
        "Sure.",
    )
    assert not opened


def test_a_goodbye_with_tomorrow_defers_nothing() -> None:
    for bye in (
        "Thanks a lot! See you tomorrow.",
        "¡Gracias, de verdad! Hasta mañana.",
        "Merci beaucoup, à demain !",
    ):
        t = Transcript()
        t.user("I'm not sure whether the association should raise the yearly fee to 20 euros.")
        t.assistant("It depends on the budget: with the new rent, 20 euros would cover the gap.")
        t.user(bye)
        t.assistant("Bye!")
        assert not of_kind(t.items(), "open_question"), bye
