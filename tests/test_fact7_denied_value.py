"""A value of the agent's denied with a verb of being inside a longer reply ("2) the review isn't the
9th, it moved to Thursday the 10th", "la primera. pero ojo que no son 14, los dos Ruiz no vienen"):
the sentence is a correction (a fact, must keep), not part of the decision the reply makes. A value
the assistant never said, or a negation without a verb of being ("not 100 % sure"), is none.
Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv


@pytest.mark.parametrize(
    ("said", "reply", "denied", "plain"),
    [
        (
            "Draft is in `reports/w50.md`:\n\n- **Costs**: 3 900 EUR, −10 %\n- **Upcoming**: team review Wed 2026-12-09\n\n"
            "Anything to add?",
            "two things. 1) costs stay in EUR, always. 2) the review isnt the 9th, it moved to thu the 10th.",
            "isnt the 9th",
            "2) I'm not 100 % sure about the costs, leave them.",
        ),
        (
            "Dos opciones para los 14 niños:\n\n1. **Mesa aparte** con una monitora y menú infantil\n"
            "2. **Con sus padres** en las mesas de adultos\n\nYo haría la 1. ¿Cuál prefieres?",
            "la primera. pero ojo que no son 14, los dos peques de los Ruiz al final no vienen, bórralos",
            "no son 14",
            "la primera. no es seguro que vengan todos, ya te diré",
        ),
        (
            "Ich habe das Treffen für Mittwoch, den 9. eingetragen, mit 12 Leuten. Passt das?",
            "passt fast. das treffen ist nicht am 9., es wurde auf donnerstag den 10. verschoben.",
            "ist nicht am 9.",
            "passt. die räume sind nicht fertig, aber das ist egal.",
        ),
    ],
)
def test_denied_value_is_a_correction(said: str, reply: str, denied: str, plain: str) -> None:
    def facts(user: str) -> list[str]:
        c = Conv()
        c.user("prepare the weekly summary")
        c.say(said)
        c.user(user)
        c.say("Updated.")
        return [i.text for i in c.items() if i.kind == "fact" and i.must_keep]

    assert any(denied in f for f in facts(reply)), facts(reply)
    assert not [f for f in facts(plain) if "correct" in f or "Korrektur" in f], facts(plain)
