"""Options laid out without a question ("Two rhythms that work: 1. ... 2. ...") and a reply that picks
one by its ordinal ("the first, no doubt") is a choice: a decision naming the option. Written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv


@pytest.mark.parametrize(
    ("offer", "reply", "needle"),
    [
        (
            "Two rhythms that work for a small team:\n\n1. **Weekly**, every Monday at noon\n"
            "2. **Fortnightly**, every other Monday, lighter\n\nBoth fit the shared calendar.",
            "The first, no doubt. Fortnightly we'd forget.",
            "Weekly",
        ),
        (
            "Zwei Rhythmen, die für ein kleines Team passen:\n\n1. **Wöchentlich**, jeden Montag um 12 Uhr\n"
            "2. **Zweiwöchentlich**, jeden zweiten Montag, leichter\n\nBeide passen in den Teamkalender.",
            "Der erste, ganz klar. Alle zwei Wochen vergessen wir es.",
            "Wöchentlich",
        ),
        (
            "Deux rythmes possibles pour une petite équipe :\n\n1. **Hebdomadaire**, chaque lundi à midi\n"
            "2. **Bimensuel**, un lundi sur deux, plus léger\n\nLes deux tiennent dans l'agenda partagé.",
            "Le premier, sans hésiter. Tous les quinze jours, on oublie.",
            "Hebdomadaire",
        ),
    ],
)
def test_an_ordinal_pick_from_an_unasked_list_is_a_decision(offer: str, reply: str, needle: str) -> None:
    c = Conv()
    c.user("how often should the volunteers' check-in call be?")
    c.say(offer)
    c.user(reply)
    c.say("Set up.")
    decisions = [i for i in c.items() if i.kind == "decision"]
    assert len(decisions) == 1
    assert needle in decisions[0].text and decisions[0].must_keep


def test_a_list_with_no_pick_in_reply_gives_no_decision() -> None:
    c = Conv()
    c.user("how often should the volunteers' check-in call be?")
    c.say(
        "Two rhythms that work:\n\n1. **Weekly**, every Monday at noon\n2. **Fortnightly**, every other Monday\n\n"
        "Both fit the shared calendar."
    )
    c.user("thanks, I'll think about it over the weekend")
    c.say("Sure.")
    assert not [i for i in c.items() if i.kind == "decision"]
