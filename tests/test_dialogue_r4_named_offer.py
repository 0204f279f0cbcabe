"""A short yes/no question that puts a name of its own (an invoice number, a ticket id) on the figures
the sentence before states ("... = 1,900 net. Book it as PO-4471?"): a yes takes those figures under
that name, a decision; a no decides nothing of it. A named question after a sentence without
figures puts no figures under the name. Conversations written here, en/de/es."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted

from memoryd.flush.extract.lexicon import tokens


def _rejected(t: Transcript) -> list[str]:
    return [
        i.text
        for i in t.items()
        if i.kind == "decision" and i.text.split(":")[0] in ("Rejected", "Abgelehnt", "Rechazado")
    ]


def test_en_yes_to_figures_under_a_name_then_acted_on() -> None:
    t = Transcript()
    t.user("order 40 chairs from Hallam at 38 each plus 380 delivery")
    offer = t.assistant("Sure: 40 × £38 = £1,520 + £380 delivery = £1,900 net. Book it as PO-4471?")
    reply = t.user("yep")
    t.tool("write", {"file_path": "/srv/po/PO-4471.md", "content": "40 chairs"}, "Successfully wrote 9 bytes")
    (decision,) = accepted(t.items())
    assert "PO-4471" in decision.text and "£1,900" in decision.text
    assert not decision.text.startswith("Sure")
    assert {offer, reply} <= set(decision.entry_ids)


def test_de_yes_to_a_named_booking() -> None:
    t = Transcript()
    t.user("Buch mir den Transporter für Samstag, 9 bis 17 Uhr")
    t.assistant("Gern: 8 Stunden × 14 € = 112 € plus 30 € Kaution. Als Auftrag MV-2207 anlegen?")
    t.user("ja bitte")
    (decision,) = accepted(t.items())
    assert "MV-2207" in decision.text and "112" in decision.text


def test_es_no_to_a_named_offer_is_a_rejection() -> None:
    t = Transcript()
    t.user("prepara el pedido de tóner, 6 cartuchos a 42")
    t.assistant("Vale: 6 × 42 € = 252 € sin IVA. ¿Lo registro como pedido PC-118?")
    t.user("no, espera a que llegue el presupuesto nuevo")
    assert accepted(t.items()) == []


def test_a_named_question_after_a_sentence_without_figures_offers_nothing_concrete() -> None:
    t = Transcript()
    t.user("the api is slow again")
    t.assistant("I looked at the logs and the pool looks exhausted. Restart api-2 first?")
    t.user("yes")
    assert not any("api-2" in d.text and ":" in d.text for d in accepted(t.items()))
    assert len(tokens("Restart api-2 first?")) <= 6
