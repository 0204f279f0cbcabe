"""A status paragraph told clause by clause, then a closing paragraph that lays out two sides in
running prose ("two candidates: X or Y. Which one?"): the options are the closing sides, not the
report's clauses, so a reply that names one side by its words is a decision. Conversations written
here, en/de."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted

CASES = (
    (
        "All three mirrors are up on build 14. mirror-01 answers in 20 ms, mirror-02 is at 90 ms; "
        "mirror-03 sits in the old rack, which explains the delay.\n\n"
        "For the new primary I see two candidates: mirror-01 (rack 4, fastest) or mirror-02 (rack 7, slower, "
        "but it would test the second uplink). Which one?",
        "the fastest one please. we want a quiet weekend.",
        "Switching the primary to mirror-01 now.",
        "mirror-01",
        "(instead of: mirror-02",
    ),
    (
        "Alle drei Spiegel laufen auf Build 14. spiegel-01 antwortet in 20 ms, spiegel-02 braucht 90 ms; "
        "spiegel-03 steht im alten Schrank, daher die Verzögerung.\n\n"
        "Für den neuen Primärserver sehe ich zwei Kandidaten: spiegel-01 (Schrank 4, am schnellsten) oder "
        "spiegel-02 (Schrank 7, langsamer, testet aber den zweiten Uplink). Welcher?",
        "den am schnellsten bitte. wir wollen ein ruhiges Wochenende.",
        "Ich stelle den Primärserver jetzt auf spiegel-01 um.",
        "spiegel-01",
        "(statt: spiegel-02",
    ),
)


def test_closing_sides_win_over_report_clauses() -> None:
    for offer, reply, ack, chosen, over in CASES:
        t = Transcript()
        t.user("check the mirrors and pick a new primary")
        t.assistant(offer)
        t.user(reply)
        t.assistant(ack)
        decisions = accepted(t.items())
        assert [d for d in decisions if chosen in d.text and over in d.text], [d.text for d in decisions]


def test_report_clauses_alone_are_no_choice() -> None:
    t = Transcript()
    t.assistant(
        "All three mirrors are up on build 14. mirror-01 answers in 20 ms, mirror-02 is at 90 ms; "
        "mirror-03 sits in the old rack, which explains the delay."
    )
    t.user("ok thanks")
    assert not accepted(t.items())
