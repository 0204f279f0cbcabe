"""A reply with no yes or no that writes the recommended numbers down itself ("I'd start at 18:30" -
"put it on the noticeboard: Fridays, 18:30") takes the recommendation: a decision. Written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.dialogue import _carries_values


@pytest.mark.parametrize(
    ("offer", "reply"),
    [
        (
            "Weekly then. For the start time, I'd suggest 18:30: most helpers come straight from work.",
            "Just put it on the noticeboard: Fridays, 18:30.",
        ),
        (
            "Hebdomadaire, donc. Pour l'heure, je suggère 18:30 : la plupart viennent directement du travail.",
            "Je viens de l'afficher au tableau : le vendredi, 18:30.",
        ),
        (
            "Semanal, entonces. Para la hora, sugiero las 18:30: casi todos vienen directos del trabajo.",
            "Ya lo he puesto en el tablón: los viernes, 18:30.",
        ),
    ],
)
def test_writing_the_recommended_value_down_takes_it(offer: str, reply: str) -> None:
    c = Conv()
    c.user("the repair café needs a fixed weekly slot")
    c.say(offer)
    c.user(reply)
    c.say("Great.")
    decisions = [i for i in c.items() if i.kind == "decision"]
    assert len(decisions) == 1
    assert "18:30" in decisions[0].text and decisions[0].must_keep


@pytest.mark.parametrize(
    ("rec", "body", "takes"),
    [
        ("I'd suggest 18:30.", ["Fridays, 18:30."], True),
        ("I'd suggest 18:30.", ["No, 19:00, 18:30 is too early."], False),
        ("I'd suggest 18:30.", ["Fridays at 19:00."], False),
        ("I'd suggest 18:30.", ["Is 18:30 not too early?"], False),
        ("I'd go with the bigger room.", ["ok"], False),
    ],
)
def test_carries_values(rec: str, body: list[str], takes: bool) -> None:
    assert _carries_values(rec, body) is takes
