"""Options laid out, and a reply whose first clause turns one of them down by name ("not the NAS,
the stick has to stay in the hallway"): that option is rejected, with the rest as the reason; it
is not picked. Conversations written here, in en/de."""

from __future__ import annotations

from test_extract import Transcript, of_kind
from test_extract_dialogue import accepted

from memoryd.flush.items import Item


def _rejected(items: list[Item]) -> list[Item]:
    return [d for d in of_kind(items, "decision") if d.text.startswith(("Rejected", "Abgelehnt"))]


def test_en_not_the_named_option_with_a_reason() -> None:
    t = Transcript()
    t.user("the old print server died, what now?")
    t.assistant(
        "Options:\n\n1. Reinstall CUPS on a new SD card: quickest, the card will wear out again\n"
        "2. Run CUPS on the spare mini-PC: sturdier, needs a power socket in the office\n"
        "3. Move printing into a container on the NAS with the printer on a long USB cable"
    )
    t.user("not the nas, the printer has to stay next to the reception desk for the staff")
    items = t.items()
    assert accepted(items) == []
    (rejected,) = _rejected(items)
    assert "NAS" in rejected.text and "reception desk" in rejected.text


def test_de_nicht_die_genannte_option() -> None:
    t = Transcript()
    t.user("Wohin mit den Fotos vom Vereinsfest?")
    t.assistant(
        "Drei Wege:\n\n1. Ein geteiltes Album in der Cloud: bequem, liegt aber bei Google\n"
        "2. Ein Ordner auf dem Vereins-NAS: bleibt bei uns, braucht VPN\n"
        "3. USB-Sticks für alle: ohne Technik, aber mühsam"
    )
    t.user("nicht die Cloud, die Eltern wollen die Kinderfotos nicht bei Google sehen")
    items = t.items()
    assert accepted(items) == []
    (rejected,) = _rejected(items)
    assert "Cloud" in rejected.text
