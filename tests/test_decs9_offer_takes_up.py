"""A single offer accepted that takes up a statement of the same turn ("The library is under
BSD-3-Clause. Shall I put BSD-3-Clause in the metadata then?", "Only one train: ICE 577 ...
Shall I write the change to Jana?"): the decision says that statement too, not only the offer's
object. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def _decisions(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "decision"]


NAMED = {
    "en": (
        "which licence should the package use, the one upstream has?",
        "The upstream parser library is under BSD-3-Clause. Shall I put BSD-3-Clause in the metadata then?",
        "yes",
        "upstream parser",
    ),
    "de": (
        "welche Lizenz soll das Paket bekommen, die vom Upstream?",
        "Die Parser-Bibliothek im Upstream steht unter BSD-3-Clause. Soll ich dann BSD-3-Clause in die Metadaten "
        "schreiben?",
        "ja",
        "Parser-Bibliothek",
    ),
}


@pytest.mark.parametrize("lang", sorted(NAMED))
def test_an_offer_naming_the_stated_value_keeps_the_statement(lang: str) -> None:
    ask, offer, yes, subject = NAMED[lang]
    c = Conv()
    c.user(ask)
    c.say(offer)
    c.user(yes)
    got = [d for d in _decisions(c.items()) if "BSD-3-Clause" in d.text]
    assert len(got) == 1
    assert subject in got[0].text


UNNAMED = {
    "en": (
        "the wedding moved, I have to be there saturday before 12. any train?",
        "Only one: ICE 577, Saturday 9 at 07:12, arriving 11:40, 64 €. The ceremony starts at 14:00, so that "
        "works. Shall I write the change to Jana?",
        "yes please",
    ),
    "fr": (
        "le mariage a changé, je dois y être samedi avant midi. il y a un train ?",
        "Un seul : TGV 6611, samedi à 07:12, arrivée 11:40, 64 €. La cérémonie commence à 14:00, ça passe. "
        "Tu veux que j'écrive le changement à Jana ?",
        "oui merci",
    ),
}


@pytest.mark.parametrize("lang", sorted(UNNAMED))
def test_an_offer_naming_nothing_keeps_the_statement_with_the_values(lang: str) -> None:
    ask, offer, yes = UNNAMED[lang]
    c = Conv()
    c.user(ask)
    c.say(offer)
    c.user(yes)
    c.run("mailcli send --to jana@example.org --subject change --body 'ICE 577'", "sent: message-id <1@x>")
    got = [d for d in _decisions(c.items()) if "Jana" in d.text]
    assert len(got) == 1
    assert "07:12" in got[0].text and "11:40" in got[0].text
