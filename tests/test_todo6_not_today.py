"""A thing put off with no day ("not today", "another day", "heute nicht", "hoy no") stays open.

Structure (fresh9 and fresh10, two writers): the assistant offers one thing, or answers a request
the user made "at some point" without doing it; the user's reply agrees it is worth doing, or says
nothing else, and puts it off with no day or date. That is an open question, not a dated to-do;
the offer's own paragraph says what it was about when the offer is a bare "want me to look at it?".
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def _offer_then(reply: str, note: str, offer: str) -> Transcript:
    t = Transcript()
    t.user("can you check why the nightly export is slow")
    t.bash("time ./export.sh", "real 41m12s")
    t.assistant(f"The export finished in 41 minutes.\n\n{note} {offer}")
    t.user(reply)
    t.assistant("Okay, leaving it.")
    return t


def test_yes_but_not_today_is_an_open_question_in_english() -> None:
    items = _offer_then(
        "yeah, that has been growing for a while. not today though",
        "Side note: the vacuum job now takes 38 of its 45 allowed minutes on db-07.",
        "Want me to look at it?",
    ).items()
    opened = of_kind(items, "open_question")
    assert len(opened) == 1 and "vacuum" in opened[0].text
    assert not of_kind(items, "todo")


def test_yes_but_not_today_is_an_open_question_in_german_and_spanish() -> None:
    for reply, note, offer in (
        (
            "ja, das wächst schon länger. heute nicht",
            "Nebenbei: der Vacuum-Job braucht auf db-07 jetzt 38 seiner 45 erlaubten Minuten.",
            "Soll ich mir das ansehen?",
        ),
        (
            "sí, eso lleva tiempo creciendo. hoy no",
            "Por cierto: el vacuum de db-07 ya tarda 38 de sus 45 minutos permitidos.",
            "¿Quieres que lo mire?",
        ),
    ):
        items = _offer_then(reply, note, offer).items()
        opened = of_kind(items, "open_question")
        assert len(opened) == 1 and "db-07" in opened[0].text, reply
        assert not of_kind(items, "todo"), reply


def test_another_day_for_one_part_of_a_reply() -> None:
    t = Transcript()
    t.user("the eval finished?")
    t.assistant(
        "Yes, the run scored 0.41 on the held-out set.\n\n"
        "What I still don't know is why the loader stalls instead of failing when the disk "
        "fills up. I can also save these steps as a checklist if you want."
    )
    t.user(
        "checklist yes, put it next to the other ones in docs/checks. the stalling thing, let's look at that another day"
    )
    t.assistant("Saving the checklist.")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "stalls" in opened[0].text


def test_a_request_made_for_some_point_and_put_off_again() -> None:
    for ask, answer, reply in (
        (
            "also could we add a second key for the tablet at some point",
            "Sure, whenever you want: it is one more key pair and an entry with 10.9.0.4/32. Just say when.",
            "not today",
        ),
        (
            "und vielleicht noch einen zweiten Schlüssel fürs Tablet",
            "Klar, wann du willst: ein weiteres Schlüsselpaar und ein Eintrag mit 10.9.0.4/32. Sag einfach Bescheid.",
            "heute nicht",
        ),
    ):
        t = Transcript()
        t.user("the vpn works now, thanks")
        t.assistant("Good: the handshake is up and the tunnel carries traffic.")
        t.user(ask)
        t.assistant(answer)
        t.user(reply)
        opened = of_kind(t.items(), "open_question")
        assert len(opened) == 1 and ("tablet" in opened[0].text.lower()), ask


def test_yes_with_a_day_stays_a_dated_task() -> None:
    items = _offer_then(
        "yep, but next week. make a ticket",
        "Side note: the vacuum job now takes 38 of its 45 allowed minutes on db-07.",
        "Want me to look at it?",
    ).items()
    assert not of_kind(items, "open_question")
