"""An abbreviation inside a sentence ("i.e.", "e.g.", "z.B.", "bzw.", "inkl.", "vs.") ends no sentence.

The splitter cut at every dot before a blank, so a standing rule lost its second half ("… bis Ende
Juni bzw." without "Ende Dezember") and a price its tax ("+210 € inkl." without "MwSt."). "etc." and
"usw." often do end a sentence and still may.
"""

from __future__ import annotations

import pytest

from memoryd.flush.extract.prose import split_sentences


@pytest.mark.parametrize(
    "text",
    [
        "Use a managed queue, i.e. SQS, for the export.",
        "Pick a cheap region, e.g. eu-west-1, for staging.",
        "Wir brauchen z.B. zwei Knoten mehr.",
        "Verträge immer bis Ende März bzw. Ende September abschließen.",
        "Der Kleinbus kostet 180 € inkl. MwSt. und Fahrer.",
        "Compare Postgres vs. MySQL on the same box first.",
        "Son ca. 40 personas, p.ej. los de tercero.",
    ],
)
def test_an_abbreviation_keeps_its_sentence_whole(text: str) -> None:
    assert split_sentences(text) == (text,)


def test_etc_may_still_end_a_sentence() -> None:
    assert split_sentences("We need logs, metrics, etc. Then we ship.") == (
        "We need logs, metrics, etc.",
        "Then we ship.",
    )
