"""A later turn with an "instead" word turns a decision around only when it names another option by
label, value or name: a long sentence about something else shares a pronoun or a verb with some
option ("instead of waiting, ask them for ..."). And a turn that does turn it around still keeps
its "remember that one". Conversations written here, in en/fr."""

from __future__ import annotations

from test_extract import Transcript, of_kind
from test_extract_dialogue import accepted


def test_en_instead_about_another_point_keeps_the_pick() -> None:
    t = Transcript()
    t.user("the caterer sent the new quote")
    t.assistant(
        "For the lunch you could (a) keep Gusto as it is, (b) switch to Brightline for 400 €, or (c) "
        "ask them for a discount."
    )
    t.user("b. the old menu was getting boring")
    t.assistant("Brightline it is, 400 €. Shall I write to them?")
    t.user("yes. and instead of waiting for the paper invoice, ask them for a pdf receipt by friday")
    (decision,) = accepted(t.items())
    assert "Brightline" in decision.text


def test_fr_au_lieu_de_about_another_point_keeps_the_pick() -> None:
    t = Transcript()
    t.user("le propriétaire a écrit pour le loyer")
    t.assistant(
        "Pour le loyer tu peux (a) l'accepter, (b) demander un plafonnement à 2 %, ou (c) lui proposer "
        "un report de six mois."
    )
    t.user("la b, il ne répare rien depuis octobre")
    t.assistant("D'accord, je demande le plafonnement à 2 %. Je fais le brouillon ?")
    t.user(
        "oui. et pour la fenêtre : au lieu d'attendre, exige une date avant le 15, sinon on lui envoie "
        "la facture du vitrier"
    )
    (decision,) = accepted(t.items())
    assert "2 %" in decision.text


def test_en_remember_after_a_reversal_is_kept() -> None:
    t = Transcript()
    t.user("the printer in room 4 is jammed again")
    t.assistant(
        "You could (a) clear the jam yourself tonight, (b) call Printwell now, or (c) wait till Monday."
    )
    t.user("the first one then")
    t.assistant("Okay, clearing it tonight.")
    t.user(
        "actually wait, call Printwell instead, the jam comes back every week. our customer number is PW-40871, remember that one"
    )
    t.assistant("Understood, calling Printwell.")
    items = t.items()
    (decision,) = accepted(items)
    assert "Printwell" in decision.text
    assert any("PW-40871" in f.text for f in of_kind(items, "fact"))


def test_fr_retiens_after_a_reversal_is_kept() -> None:
    t = Transcript()
    t.user("la chaudière affiche F28")
    t.assistant(
        "Tu peux (1) la réarmer toi-même ce soir, (2) appeler Thermo-Est maintenant, ou (3) attendre lundi."
    )
    t.user("la première alors")
    t.assistant("D'accord, réarmement ce soir.")
    t.user("non, finalement appelle plutôt Thermo-Est. notre numéro de contrat est TE-55120, retiens-le")
    t.assistant("Entendu, j'appelle Thermo-Est.")
    items = t.items()
    (decision,) = accepted(items)
    assert "Thermo-Est" in decision.text
    assert any("TE-55120" in f.text for f in of_kind(items, "fact"))
