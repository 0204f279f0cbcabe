"""A failure reproduced by hand with another command is one failure (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def _script(c: Conv) -> str:
    c.user("Der Abgleich der Mitgliederliste läuft seit Montag ins Leere. Schaust du mal?")
    return c.run(
        "python3 werkzeuge/abgleich.py",
        "lese 380 Mitglieder\nPOST /v1/verein/mitglieder/import -> 503 Service Unavailable\nfertig.",
    )


def test_the_same_endpoint_tried_by_hand_is_one_unresolved_failure() -> None:
    c = Conv()
    first = _script(c)
    again = c.run(
        "curl -s -X POST https://portal.example.de/v1/verein/mitglieder/import -d @probe.json",
        '{"status": 503, "error": "Service Unavailable"}',
    )
    c.say("Auch von Hand 503: das Portal nimmt gerade nichts an, am Skript liegt es nicht.")
    c.user("ok, dann warte ich auf die Betreiber")
    (still,) = outcomes(c.items())
    assert still.must_keep and {first, again} <= set(still.entry_ids)


def test_another_endpoint_failing_is_another_failure() -> None:
    c = Conv()
    first = _script(c)
    other = c.run(
        "curl -s https://portal.example.de/v1/verein/status/gesamt",
        '{"status": 500, "error": "Internal Server Error"}',
    )
    c.say("Auch die Statusseite antwortet mit 500.")
    got = outcomes(c.items())
    assert len(got) == 2
    assert not any({first, other} <= set(o.entry_ids) for o in got)
