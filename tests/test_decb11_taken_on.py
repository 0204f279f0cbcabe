"""A single offer whose reply has the user do (part of) it themselves: the sentence that takes it on
says what happens instead, so it is in the item. After a reply that opens with no yes the offer is
turned down ("tomorrow, not today. I'll send the confirmation myself"); after a yes, a "no" in that
sentence turns that part down ("poll yes. submit no, I'll answer myself"), else the offer is taken on
that condition ("yes but only as a draft, I'll send it myself"). Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract import taken_on

ASK = {
    "en": "the caterer sent the final menu, can you check it against the guest list?",
    "de": "der Caterer hat das finale Menü geschickt, kannst du es mit der Gästeliste abgleichen?",
    "fr": "le traiteur a envoyé le menu final, tu peux le comparer à la liste des invités ?",
}
OFFER = {
    "en": "The menu covers all 48 guests, 6 of them vegetarian. I could check the allergies and then send the confirmation to the caterer, want that?",
    "de": "Das Menü deckt alle 48 Gäste ab, davon 6 vegetarisch. Soll ich dem Caterer jetzt die Bestätigung schreiben?",
    "fr": "Le menu couvre les 48 invités, dont 6 végétariens. Je peux écrire la confirmation au traiteur maintenant, tu veux ?",
}
#: no yes first; a later sentence takes the task on: a rejection that says who does it
LATER_OWN = {
    "en": "tomorrow, not tonight. I'll send the confirmation myself by Thursday.",
    "de": "morgen, heute nicht mehr. ich schick die bestätigung selbst bis donnerstag.",
    "fr": "demain, pas ce soir. je l'envoie moi-même jeudi.",
}
#: a yes to one part, a "no" with the user's own hand for the other: that part turned down
YES_THEN_OWN_NO = {
    "en": "check the allergies yes. send no, ill call them myself",
    "de": "allergien ja. schicken nein, ich ruf da selbst an",
    "fr": "les allergies oui. l'envoi non, je les appelle moi-même",
}
#: a yes with the user's own hand and no "no": the offer taken on that condition
YES_BUT_OWN = {
    "en": "yes but only as a draft, I'll send it myself, I want to reread it",
    "de": "ja aber nur als Entwurf, ich schick es selbst, ich will es nochmal lesen",
    "fr": "oui mais en brouillon, je l'enverrai moi-même, je veux relire",
}
OWN_WORD = {"en": "myself", "de": "selbst", "fr": "moi-même"}


def _items(lang: str, reply: str, offer: str | None = None) -> list:  # type: ignore[type-arg]
    c = Conv()
    c.user(ASK[lang])
    c.say(offer or OFFER[lang])
    c.user(reply)
    return [i for i in c.items() if i.kind == "decision"]


@pytest.mark.parametrize("lang", sorted(ASK))
def test_taken_on_after_no_yes_is_a_rejection_naming_who_does_it(lang: str) -> None:
    decisions = _items(lang, LATER_OWN[lang])
    assert len(decisions) == 1, decisions
    d = decisions[0]
    assert d.must_keep and d.text.startswith(("Rejected", "Abgelehnt", "Rejeté")), d.text
    assert OWN_WORD[lang] in d.text, d.text  # the replacement the user gave


@pytest.mark.parametrize("lang", sorted(ASK))
def test_a_no_with_the_users_own_hand_after_a_yes_turns_that_part_down(lang: str) -> None:
    decisions = _items(lang, YES_THEN_OWN_NO[lang])
    rejected = [d for d in decisions if d.text.startswith(("Rejected", "Abgelehnt", "Rejeté"))]
    assert len(rejected) == 1, decisions
    assert OWN_WORD[lang] in rejected[0].text, rejected[0].text


@pytest.mark.parametrize("lang", sorted(ASK))
def test_a_yes_with_the_users_own_hand_is_the_offer_taken_on_that_condition(lang: str) -> None:
    decisions = _items(lang, YES_BUT_OWN[lang])
    assert len(decisions) == 1, decisions
    d = decisions[0]
    assert not d.text.startswith(("Rejected", "Abgelehnt", "Rejeté")), d.text
    assert OWN_WORD[lang] in d.text and d.must_keep, d.text


def test_takes_on_needs_the_speaker() -> None:
    assert taken_on.takes_on("ill answer them myself")
    assert taken_on.takes_on("das mach ich selbst")
    assert not taken_on.takes_on("Greta macht das selbst")  # someone else's own hand: no pronoun of mine
    assert not taken_on.takes_on("shall I do it myself?")
    assert taken_on.taken_at(["ok.", "fine.", "no.", "I'll do it myself"]) is None  # past the first three
