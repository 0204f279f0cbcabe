"""A request to note down how something is done, answered by the agent writing it into a document
("can you jot the steps down in ops/HOWTO.md?", "schreib noch rein, wie man den Export startet, dann
muss ich das nicht jedes Mal erklären"), asks for a procedure: its remember word or its "every time"
(the reason) makes no fact of it. Where a thing lives ("remember that the runbook lives in
ops/RUNBOOK.md") stays a fact. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv


def _items(said: str, *, writes: bool) -> list[str]:
    c = Conv()
    c.user("the monthly export is done, thanks")
    c.say("Good. It took three steps this time: dump, compress, upload to the share.")
    c.user(said)
    if writes:
        c.call(
            "write",
            {"path": "ops/HOWTO.md", "content": "1. dump\n2. compress\n3. upload\n"},
            "Successfully wrote 30 bytes to ops/HOWTO.md",
        )
    c.say("Done, it's in ops/HOWTO.md.")
    return [i.text for i in c.items() if i.kind == "fact"]


@pytest.mark.parametrize(
    "said",
    [
        "Before I forget: can you jot the steps down in ops/HOWTO.md for next month? Future me has a bad memory.",
        "Schreib noch rein, wie man den Export startet, dann muss ich das nicht jedes Mal erklären.",
        "Añade cómo se lanza la exportación en ops/HOWTO.md, así no tengo que explicarlo cada vez.",
    ],
)
def test_how_to_written_into_a_document_is_no_fact(said: str) -> None:
    assert _items(said, writes=True) == []


def test_where_the_runbook_lives_stays_a_fact() -> None:
    facts = _items("remember that the runbook lives in ops/RUNBOOK.md", writes=False)
    assert any("ops/RUNBOOK.md" in f for f in facts), facts
