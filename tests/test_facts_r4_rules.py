"""A standing rule said without "always" or "never": named as the head of what follows ("general rule:
...", "Grundsatz bei uns: ...", "norma de la casa: ...", "regola: ..."), in a turn that may ask for
something else. A fact to go by (must keep). An assistant's own "rule of thumb" is no user fact, and a
question about a rule states none. Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def facts_with(items: list[Item], needle: str) -> list[Item]:
    return [i for i in items if i.kind == "fact" and needle in i.text]


def test_a_rule_named_as_a_head_is_a_standing_rule() -> None:
    c = Conv()
    c.user("draft the reply to the Okafor quote request")
    c.say("Drafted: a short thank-you with the quote attached as a PDF.")
    rule = c.user("house policy by the way: quotes stay valid for 21 days from the date on them")
    c.say("Understood, I'll state 21 days validity on every quote from now on, including this one.")
    (fact,) = facts_with(c.items(), "21 days")
    assert rule in fact.entry_ids and fact.must_keep
    assert not fact.text.lower().startswith("house policy")


def test_a_german_principle_as_a_head_is_a_standing_rule() -> None:
    c = Conv()
    c.user("Mach mir bitte die Einkaufsliste fürs Zeltlager.")
    c.say("Gern, hier ist die Liste nach Tagen sortiert.")
    rule = c.user("Grundsatz bei uns: Getränke kaufen die Betreuer, nicht die Eltern.")
    c.say("Alles klar, Getränke habe ich unter Betreuer eingetragen, die Liste ist angepasst.")
    (fact,) = facts_with(c.items(), "Getränke")
    assert rule in fact.entry_ids and fact.must_keep


def test_a_spanish_house_rule_inside_a_longer_turn_is_kept() -> None:
    c = Conv()
    c.user("prepara el cuadrante de limpieza del piso compartido")
    c.say("Hecho: cuatro semanas, una zona por persona y semana.")
    rule = c.user(
        "norma de la casa: la basura orgánica se saca cada noche. y pon a Irene en la cocina la primera"
    )
    c.say("Perfecto, Irene empieza en la cocina y he añadido la basura orgánica cada noche.")
    (fact,) = facts_with(c.items(), "basura")
    assert rule in fact.entry_ids and fact.must_keep


def test_an_italian_rule_head_is_a_standing_rule() -> None:
    c = Conv()
    c.user("organizza la raccolta dei libri usati per la scuola")
    c.say("Certo, preparo un modulo per le famiglie.")
    rule = c.user("regola della scuola: i libri si consegnano in segreteria, non ai maestri")
    c.say("Chiaro, ho scritto nel modulo che i libri vanno consegnati in segreteria.")
    (fact,) = facts_with(c.items(), "segreteria")
    assert rule in fact.entry_ids and fact.must_keep


def test_the_assistant_s_rule_of_thumb_and_a_question_about_a_rule_are_no_facts() -> None:
    c = Conv()
    c.user("is there a rule: do tips go on the card or in cash?")
    c.say("Rule of thumb: in Portugal a tip of 5-10% in cash is usual; cards rarely take tips.")
    c.user("ok thanks")
    assert not [i for i in c.items() if i.kind == "fact"]
