"""Italian is a language of its own: detected as Italian (not French, whose articles it shares), and its
turns read with Italian function words (always, remember, not/but, the assistant's "noted").
Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.extract.messages import Msg, language_of
from memoryd.flush.items import Item


def of(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def _user(text: str, pos: int = 0) -> Msg:
    return Msg(pos=pos, id=f"u{pos}", role="user", prose=text)


def test_italian_is_told_apart_from_french_and_spanish() -> None:
    it = [
        _user("la riunione è alle nove, mentre il pranzo lo facciamo in sede."),
        _user("ho già mandato la mail al fornitore, ma non ha ancora risposto", 1),
    ]
    fr = [_user("la réunion est à neuf heures, et nous déjeunons sur place avec le fournisseur.")]
    es = [_user("la reunión es a las nueve y comemos en la oficina con el proveedor.")]
    assert language_of(it) == "it"
    assert language_of(fr) == "fr"
    assert language_of(es) == "es"


def test_an_italian_standing_rule_with_always_is_kept() -> None:
    c = Conv()
    c.user("devo organizzare i turni della biblioteca per gennaio")
    c.say("Va bene, dimmi chi è disponibile.")
    rule = c.user("per noi vale questo: le chiavi si restituiscono sempre in segreteria entro le 18")
    c.say("Capito.")
    facts = [f for f in of(c.items(), "fact") if "chiavi" in f.text]
    assert len(facts) == 1 and rule in facts[0].entry_ids and facts[0].must_keep


def test_an_italian_remember_request_keeps_what_follows() -> None:
    c = Conv()
    c.user("sto preparando il viaggio a Torino con la squadra")
    c.say("Ottimo, come posso aiutarti?")
    rem = c.user("ricordati che il pullman parte dal piazzale nord alle 7:15")
    c.say("Me lo segno.")
    facts = [f for f in of(c.items(), "fact") if "7:15" in f.text]
    assert len(facts) == 1 and rem in facts[0].entry_ids and facts[0].must_keep
    assert not facts[0].text.lower().startswith("ricordati")


def test_an_italian_correction_of_the_assistant_s_value_is_labelled_in_italian() -> None:
    c = Conv()
    c.user("quanto costa l'affitto della sala per sabato?")
    c.say("L'affitto della sala costa 250 € per la serata.")
    fix = c.user("non 250 ma 320, hanno alzato i prezzi")
    c.say("Giusto, 320 €.")
    facts = [f for f in of(c.items(), "fact") if "320" in f.text]
    assert len(facts) == 1 and fix in facts[0].entry_ids and facts[0].must_keep
    assert "correzione" in facts[0].text and "user correction" not in facts[0].text


def test_an_italian_remember_request_the_assistant_declines_leaves_no_trace() -> None:
    c = Conv()
    c.user("ricordati il PIN della carta aziendale: 48213")
    c.say("Non posso conservare il PIN della carta: tienilo nel gestore di password.")
    items = c.items()
    assert not of(items, "fact")
    assert all("48213" not in i.text for i in items)


def test_an_italian_failure_then_fix_is_written_with_italian_labels() -> None:
    c = Conv()
    c.user("mi fai il backup della cartella foto sul disco esterno?")
    c.run(
        "rsync -a ~/foto /mnt/esterno/",
        "rsync: mkdir '/mnt/esterno/foto' failed: Read-only file system",
        code=23,
    )
    c.run(
        "sudo mount -o remount,rw /mnt/esterno && rsync -a ~/foto /mnt/esterno/", "", text="Rimonto il disco."
    )
    c.say("Fatto: il disco era montato in sola lettura, ora il backup delle foto è sul disco esterno.")
    (outcome,) = of(c.items(), "outcome")
    assert "non è riuscito" in outcome.text and "failed:" not in outcome.text.split("rsync:")[0]
