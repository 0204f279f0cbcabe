"""A reply that settles what was offered and, in the same breath, after "and", settles a second thing
of its own ("... And Patel's gets a phone call instead of a letter", "ja, so machen wir das. und host07
bleibt komplett"): two decisions, each in its own words; the first no longer swallows the second. A
refusal or a correction after "and" is read by the rules for those, and a second pick of the same
options is no second thing. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

_DONORS = (
    "Three donors: Carla (£80), the Lions Club (£400) and Mr Patel at Patel's Garage (£900). Two styles:\n\n"
    "- **brief**: two warm lines and what the money does;\n"
    "- **with figures**: the same, plus one line on impact ('your gift paid for 300 meals').\n\nWhich one?"
)
_DISK_DE = (
    "Fast alles liegt in /srv/backups (1.2T, 20 Hosts). Vorschlag: pro Host nur die letzten 5 Sicherungen "
    "behalten und /srv/scratch leeren. Das macht etwa 800G frei. Ich würde zuerst einen Trockenlauf machen."
)


def _decisions(ask: str, offer: str, reply: str, ack: str = "Done.") -> list[str]:
    c = Conv()
    c.user(ask)
    c.say(offer)
    c.user(reply)
    c.say(ack)
    return [i.text for i in c.items() if i.kind == "decision"]


@pytest.mark.parametrize(
    ("ask", "offer", "reply", "first", "second"),
    [
        (
            "write thank-you notes for the donors over 50",
            _DONORS,
            "With figures! Carla likes numbers anyway. And Patel's gets a phone call instead of a letter, "
            "they covered the van repair.",
            "With figures",
            "Patel's gets a phone call",
        ),
        (
            "die platte ist voll, räum auf",
            _DISK_DE,
            "ja, so machen wir das. und host07 bleibt komplett, den brauche ich für die Migration.",
            "5 Sicherungen",
            "host07 bleibt komplett",
        ),
    ],
)
def test_second_thing_settled_is_its_own_decision(
    ask: str, offer: str, reply: str, first: str, second: str
) -> None:
    decisions = _decisions(ask, offer, reply)
    main = [d for d in decisions if first in d]
    own = [d for d in decisions if d.startswith(second)]
    assert main and own, decisions
    assert all(second not in d for d in main), decisions


def test_refusal_after_and_is_no_second_decision() -> None:
    decisions = _decisions(
        "write thank-you notes for the donors over 50",
        _DONORS,
        "With figures. And no letter for Patel's at all, they asked us not to.",
    )
    assert not [d for d in decisions if d.startswith("no letter")], decisions
