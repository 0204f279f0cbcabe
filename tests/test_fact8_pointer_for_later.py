"""A request to keep that only points back and says for when ("note that for later", "merk dir das
bitte für später", "apunta eso para luego") keeps the statement before it, not its own
"for later": the time words are function words, no fact. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv


def _facts(said: str) -> list[str]:
    c = Conv()
    c.user("who can approve the firewall change for the shop network?")
    c.say("I don't know who approves changes there. Do you want me to look it up in the wiki?")
    c.user(said)
    c.say("Noted.")
    return [i.text for i in c.items() if i.kind == "fact" and i.must_keep]


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("no need. Only Farid can approve changes on vlan-30. note that for later", "Farid"),
        (
            "nicht nötig. Nur Farid darf Änderungen an vlan-30 freigeben. merk dir das bitte für später",
            "Farid",
        ),
        ("no hace falta. Solo Farid aprueba cambios en vlan-30. apunta eso para luego", "Farid"),
    ],
)
def test_pointer_for_later_keeps_the_statement_before(said: str, name: str) -> None:
    facts = _facts(said)
    assert any(name in f for f in facts), facts
