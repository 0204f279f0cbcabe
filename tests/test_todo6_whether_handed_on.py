"""A "whether" point the speaker hands on is an open question, and the point is the embedded
question itself, not the task said beside it.

Structure (fresh9 and fresh11, two writers): a user turn names a point as an embedded question
("whether we ...", "ob wir ...", "si on ...") and, in that sentence or the next, says the speaker
will settle it with someone or bring it somewhere, or does not know. The open question is the
embedded point (with how it waits); a dated task by a named person in the same turn stays a to-do;
a dated "I'll bring it to the committee" after "I don't know" is how the point waits, not a to-do.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def _reply_turn(text: str) -> Transcript:
    t = Transcript()
    t.user("Die Folien für den Workshop sind fertig, danke.")
    t.assistant("Gern: 14 Folien, als PDF unter talks/workshop.pdf abgelegt.")
    t.user(text)
    t.assistant("Notiert. Soll ich dir für den 12. März eine Erinnerung setzen?")
    t.user("nein danke, nicht nötig")
    return t


def test_the_embedded_point_is_the_topic_and_the_dated_task_survives_in_german() -> None:
    items = _reply_turn(
        "Mira baut die Demo bis 12. März. Und ob wir die Daten mit veröffentlichen oder erst nach dem "
        "Review, das kläre ich noch mit Mira"
    ).items()
    opened = of_kind(items, "open_question")
    assert len(opened) == 1 and opened[0].text.startswith("Ob wir die Daten")
    assert "Demo" not in opened[0].text
    assert [i.text for i in of_kind(items, "todo") if "Demo" in i.text]


def test_the_embedded_point_in_english() -> None:
    t = Transcript()
    t.user("the poster is printed, thanks")
    t.assistant("Great, glad it came out well.")
    t.user(
        "Ravi will book the van by March 12. And whether we bring the demo rig or only the laptop, I'll check with Ravi"
    )
    t.assistant("Noted. Want a reminder for March 12?")
    t.user("no thanks")
    items = t.items()
    opened = of_kind(items, "open_question")
    assert len(opened) == 1 and opened[0].text.startswith("Whether we bring the demo rig")
    assert [i.text for i in of_kind(items, "todo") if "van" in i.text]


def test_dont_know_and_a_dated_handover_is_an_open_question_not_a_todo() -> None:
    for text, word in (
        (
            "The printer also asked whether we want the recycled paper for the whole run. "
            "I really don't know, that's for the committee, I'll bring it to the meeting on the 14th.",
            "recycled",
        ),
        (
            "La imprenta también pregunta si queremos el papel reciclado para toda la tirada. "
            "No sé, eso lo decide la junta, lo llevo a la reunión del 14.",
            "reciclado",
        ),
    ):
        t = Transcript()
        t.user("the flyers for the spring fair: can you check the quote from the printer?")
        t.assistant("The quote is 420 € for 2,000 flyers, delivery in five working days.")
        t.user(text)
        t.assistant("Understood.")
        items = t.items()
        opened = of_kind(items, "open_question")
        assert len(opened) == 1 and word in opened[0].text, text
        assert not of_kind(items, "todo"), text
