"""A standing "not then" said without "never": a negation with a time that comes round again
("sonntags liefern wir nicht", "los domingos no repartimos", "on ne livre pas le dimanche", "la
domenica non facciamo consegne") is a rule to go by (must keep). One date ("le dimanche 14") or a
question is not. Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


@pytest.mark.parametrize(
    ("ask", "said", "needle"),
    [
        (
            "Kannst du die Proben für den Chor planen?",
            "Abends proben wir nicht mehr, nur vormittags.",
            "Abends",
        ),
        ("¿me organizas las visitas al taller?", "los sábados no abrimos el taller al público", "sábados"),
        (
            "tu peux caler les rendez-vous du cabinet ?",
            "le mercredi on ne prend pas de patients, c'est fermé",
            "mercredi",
        ),
        (
            "mi organizzi gli allenamenti della squadra?",
            "il lunedì non usiamo la palestra, è dei pallavolisti",
            "lunedì",
        ),
        ("can you plan the site visits?", "no visits at weekends, the gate is locked", "weekends"),
    ],
)
def test_a_negation_with_a_recurring_time_is_a_standing_rule(ask: str, said: str, needle: str) -> None:
    c = Conv()
    c.user(ask)
    c.say("Gern / claro / bien sûr / certo / sure: any constraints?")
    pos = c.user(said)
    c.say("Okay.")
    (fact,) = [f for f in facts(c.items()) if needle in f.text]
    assert pos in fact.entry_ids and fact.must_keep


def test_one_date_or_a_question_is_no_standing_rule() -> None:
    c = Conv()
    c.user("on organise le pique-nique du club ?")
    c.say("Avec plaisir. Quel jour ?")
    c.user("le dimanche 14 on ne peut pas, on verra la semaine d'après")
    c.say("D'accord.")
    c.user("¿los domingos no abre el mercado?")
    c.say("Lo miro.")
    assert not [f for f in facts(c.items()) if "dimanche" in f.text or "domingos" in f.text]
