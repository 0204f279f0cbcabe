"""A state of the setup the user says is so on purpose ("closed 22 in may on purpose", "den Drucker
habe ich absichtlich im Gästenetz", "la impresora está en la red de invitados adrede") is a standing
property of the environment: a fact, the sentence that says it. "a propósito, ..." at a sentence's head
opens an aside ("by the way"), and a question is no statement. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv


def _facts(said: str) -> list[str]:
    c = Conv()
    c.user("the printer can't be reached from the office laptops, can you see why?")
    c.run("ping -c 1 192.168.10.40", "1 packets transmitted, 0 received, 100% packet loss", code=1)
    c.say("The printer at 192.168.10.40 doesn't answer from the office network. Did you move it?")
    c.user(said)
    c.say("Got it.")
    return [i.text for i in c.items() if i.kind == "fact"]


@pytest.mark.parametrize(
    ("said", "word"),
    [
        ("yeah, the printer sits on the guest network on purpose since march.", "guest network"),
        ("ja, den Drucker habe ich im März absichtlich ins Gästenetz gehängt.", "Gästenetz"),
        ("sí, la impresora está en la red de invitados adrede desde marzo.", "red de invitados"),
        ("oui, l'imprimante est sur le réseau invités exprès depuis mars.", "réseau invités"),
    ],
)
def test_state_on_purpose_is_a_fact(said: str, word: str) -> None:
    facts = _facts(said)
    assert any(word in f for f in facts), facts


@pytest.mark.parametrize(
    "said",
    [
        "a propósito, ¿la impresora nueva llega el lunes?",
        "did someone unplug it on purpose?",
    ],
)
def test_aside_or_question_is_no_fact(said: str) -> None:
    assert not [f for f in _facts(said) if "propósito" in f or "purpose" in f]
