"""A rule word said alone after a statement ("... announced in #ops first. Always.", "... immer.",
"... siempre."): the statement before it is the rule (a fact, must keep), also when it sits in a
reply another rule read; the word alone is never a bullet. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv


def _conv(offer: str, reply: str, after: str) -> Conv:
    c = Conv()
    c.user("the scheduler pod hung again, sort it out")
    c.say(offer)
    c.user(reply)
    c.say(after)
    return c


@pytest.mark.parametrize(
    ("offer", "reply", "after", "rule", "word"),
    [
        (
            "Scheduler is back up. For the handover I'd write a runbook: the wiki or `runbooks/` in the repo. "
            "I'd take the repo.",
            "repo, as you say. and write in it: the prod scheduler is only restarted after it was announced in #ops. Always.",
            "Runbook goes into runbooks/ with that rule.",
            "only restarted after it was announced in #ops",
            "Always.",
        ),
        (
            "Der Scheduler läuft wieder. Für die Übergabe würde ich ein Runbook schreiben: Wiki oder `runbooks/` im Repo. "
            "Ich würde das Repo nehmen.",
            "repo, wie du sagst. und schreib rein: der scheduler in prod wird nur neugestartet, nachdem es in #ops angekündigt wurde. immer.",
            "Das Runbook kommt nach runbooks/, mit der Regel.",
            "nachdem es in #ops angekündigt wurde",
            "immer.",
        ),
        (
            "El scheduler vuelve a funcionar. Para el relevo escribiría un runbook: la wiki o `runbooks/` en el repo. "
            "Yo elegiría el repo.",
            "el repo, como dices. y pon en él: el scheduler de prod solo se reinicia después de avisarlo en #ops. siempre.",
            "El runbook va a runbooks/ con esa regla.",
            "después de avisarlo en #ops",
            "siempre.",
        ),
    ],
)
def test_rule_word_alone_points_back(offer: str, reply: str, after: str, rule: str, word: str) -> None:
    facts = [i for i in _conv(offer, reply, after).items() if i.kind == "fact"]
    assert any(i.must_keep and rule in i.text for i in facts), facts
    assert not [i for i in facts if i.text.strip().lower() == word.lower()], facts
