"""A reply whose first clause is a no-word and a word for one option ("no sync, ...", "kein Sync, ...",
"pas de synchro, ...") turns that option down, the rest of the sentence its reason: it is no pick of
that option. The word may begin one of the option's words ("sync" of "Syncjob", "synchro" of
"synchronisation"). Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.dialogue import _modifiers, _no_named
from memoryd.flush.extract.prose import Option

TWO = {
    "de": (
        "der Upload ins Archiv läuft ständig in einen Timeout, kannst du schauen?",
        "Das Archiv antwortet bei jedem Upload mit 504. Zwei Wege:\n"
        "1. Ich richte einen Syncjob ein, der es heute Nacht stündlich erneut versucht.\n"
        "2. Du lädst die Scans am Montag von Hand über die Webseite hoch.\n"
        "Was davon?",
        "kein sync, ich will nicht dass heute nacht stündlich was mit meinem schlüssel läuft.",
        ("Abgelehnt", "Syncjob"),
    ),
    "fr": (
        "l'envoi vers l'archive échoue sans arrêt, tu peux regarder ?",
        "L'archive répond 504 à chaque envoi. Deux façons :\n"
        "1. Je mets en place une synchronisation qui réessaie toutes les heures cette nuit.\n"
        "2. Tu envoies les scans à la main lundi depuis la page web.\n"
        "Laquelle ?",
        "pas de synchro, je ne veux pas que ça tourne toutes les heures cette nuit avec ma clé.",
        ("Rejeté", "synchronisation"),
    ),
}


def _items(ask: str, offer: str, reply: str) -> list:  # type: ignore[type-arg]
    c = Conv()
    c.user(ask)
    c.say(offer)
    c.user(reply)
    return [i for i in c.items() if i.kind == "decision"]


@pytest.mark.parametrize("lang", sorted(TWO))
def test_a_no_word_and_an_option_word_turn_that_option_down(lang: str) -> None:
    decisions = _items(*TWO[lang][:3])
    label, words = TWO[lang][3]
    assert decisions, decisions
    assert all(d.text.startswith(label) for d in decisions), decisions  # no pick of the refused option
    assert words in decisions[0].text and decisions[0].must_keep


def test_the_word_must_belong_to_one_option_only() -> None:
    opts = [Option("1", "retry the upload every hour"), Option("2", "upload the scans by hand")]
    assert _no_named("no retry, it hammers them", opts) == (0, "it hammers them")
    assert _no_named("no upload, not today", opts) is None  # both options have it
    assert _no_named("no, retry it later", opts) is None  # a bare no first: not this shape
    fr = [Option("1", "je relance la synchronisation chaque nuit"), Option("2", "tu envoies les scans lundi")]
    assert _no_named("pas de synchro, je ne veux rien la nuit", fr) == (0, "je ne veux rien la nuit")


def test_a_refusal_of_another_option_is_not_added_to_the_pick() -> None:
    en = [
        Option("1", "put the full key ARN back in main.tf"),
        Option("2", "add a lifecycle guard to the replica"),
    ]
    body = [
        "no lifecycle, it breaks the rebuild pipeline the platform team runs.",
        "the ARN back yes, do it now",
    ]
    assert all("pipeline" not in x for x in _modifiers(body, en[0], en)), _modifiers(body, en[0], en)
    de = [
        Option("1", "den vollen Schlüssel wieder eintragen"),
        Option("2", "einen Lifecycle-Schutz ergänzen"),
    ]
    body = ["kein lifecycle, das bricht die Pipeline vom Plattformteam.", "den Schlüssel ja, mach das gleich"]
    assert all("Pipeline" not in x for x in _modifiers(body, de[0], de)), _modifiers(body, de[0], de)
