"""A line the assistant labels ``TODO:`` or ``Action item:`` is a to-do, owner or not; one that asks
something under that label, or a line labelled as an open question, stays an open question.

Found on the real OpenClaw sample (``openclaw-real-2026.7.1``): "TODO: benchmark batch inserts at
5k rows/s on the staging box." was filed as an open question because it names no owner and no date.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def _summary(*lines: str) -> Transcript:
    t = Transcript()
    t.user("where do we stand on the billing export?")
    t.assistant("Here is where we are.\n\n" + "\n".join(lines))
    return t


def test_a_todo_line_without_owner_or_date_is_a_todo() -> None:
    items = _summary(
        "We decided to keep the CSV layout as is.", "TODO: rotate the SFTP key on the export host."
    ).items()
    assert [i.text for i in of_kind(items, "todo")] == ["Rotate the SFTP key on the export host."]
    assert not of_kind(items, "open_question")


def test_an_action_item_line_is_a_todo() -> None:
    items = _summary("Action item: archive the 2024 exports to cold storage.").items()
    assert len(of_kind(items, "todo")) == 1 and "cold storage" in of_kind(items, "todo")[0].text
    assert not of_kind(items, "open_question")


def test_a_question_under_a_todo_label_stays_an_open_question() -> None:
    items = _summary("TODO: do we still need the legacy XML feed?").items()
    assert [i.kind for i in items if "XML" in i.text] == ["open_question"]


def test_an_open_question_label_stays_an_open_question_in_other_languages() -> None:
    for line in (
        "Offene Frage: wer übernimmt die Rufbereitschaft im Januar?",
        "Pregunta abierta: ¿quién revisa las facturas de enero?",
        "Question ouverte : qui valide le budget de janvier ?",
    ):
        items = _summary(line).items()
        assert [i.kind for i in items] == ["open_question"], line
