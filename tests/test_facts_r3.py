"""Facts, round 3 (third session of 2026-12-03): conversations written for this file, in en, de, es,
fr and it, worded unlike any eval split. Each test proves one structure the fact rules read: who said
it, what the assistant had said or asked just before, what a tool returned.
"""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def corrections(items: list[Item]) -> list[Item]:
    return [i for i in facts(items) if i.must_keep and i.text.rstrip(")").endswith(_LABELS)]


_LABELS = (
    "(user correction",
    "(Korrektur des Nutzers",
    "(corrección del usuario",
    "(correction de l'utilisateur",
)


# --- a pause word alone ("wait", "hold on") corrects nothing -----------------------------------------


@pytest.mark.parametrize(
    ("offer", "pick", "confirm", "objection"),
    [
        (
            "Two ways: 1. ship the parcel with DHL, €14, or 2. with Hermes, €9. Hermes is cheaper.",
            "hermes then",
            "Hermes it is. Shall I print the label?",
            "hold on. the recipient is never home before 18:00 and Hermes only delivers in the morning.",
        ),
        (
            "Zwei Möglichkeiten: 1. das Zimmer im Hotel Adler, 95 € die Nacht, oder 2. die Pension am Markt, 70 €.",
            "die Pension",
            "Pension am Markt also. Soll ich anfragen?",
            "wait. Die Pension hat keinen Aufzug, und Oma kommt mit. Also doch das Adler.",
        ),
        (
            "Hay dos opciones: 1. el tren de las 7:40, 32 €, o 2. el autobús de las 9:15, 18 €.",
            "el autobús",
            "Autobús de las 9:15 entonces. ¿Lo reservo?",
            "wait, hold on. el autobús para en cada pueblo, llego tarde a la cita de las 13:00.",
        ),
    ],
)
def test_a_pause_word_before_an_objection_to_a_choice_is_no_correction(
    offer: str, pick: str, confirm: str, objection: str
) -> None:
    c = Conv()
    c.user("need to decide something quickly")
    c.say(offer)
    c.user(pick)
    c.say(confirm)
    c.user(objection)
    c.say("Understood.")
    assert corrections(c.items()) == []


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        (
            "Should I send the reminder to the landlord today?",
            "not yet. wait until the plumber has been, then we'll see.",
        ),
        ("¿Mando ya la factura al cliente?", "todavía no. espera a que confirme el pedido, luego vemos."),
        ("J'envoie le devis maintenant ?", "pas encore. attends que Paul valide, ensuite on verra."),
    ],
)
def test_waiting_for_something_is_no_correction(question: str, reply: str) -> None:
    c = Conv()
    c.user("a few admin things today")
    c.say(question)
    c.user(reply)
    c.say("Okay, I'll hold off.")
    assert corrections(c.items()) == []


@pytest.mark.parametrize(
    ("said", "reply", "value"),
    [
        ("That's 12 × €45 = €540. Shall I send it?", "wait no, my day rate is 55 since the spring.", "55"),
        ("Das sind 3 Nächte à 80 €, also 240 €. Soll ich buchen?", "warte, nein, es sind 4 Nächte.", "4"),
        ("Sono 30 minuti a piedi dalla stazione, giusto?", "aspetta, no, sono 45 minuti a piedi.", "45"),
    ],
)
def test_a_no_right_after_the_pause_word_still_corrects(said: str, reply: str, value: str) -> None:
    c = Conv()
    c.user("quick sum for the invoice / trip")
    c.say(said)
    fix = c.user(reply)
    c.say("Sorry, fixed.")
    kept = [i for i in facts(c.items()) if i.must_keep and fix in i.entry_ids]
    assert kept and value in kept[0].text


# --- a turn that opens with its own question gives what to work it out with --------------------------


@pytest.mark.parametrize(
    ("report", "question"),
    [
        (
            "Clean file written: out/orders_clean.csv with 4,210 rows. Of 4,388 orders, 4,300 were paid and 4,210 shipped.",
            "Return rate per region? We shipped 2,000 orders per region.",
        ),
        (
            "Die Liste ist fertig: 312 Anmeldungen, davon 280 bestätigt.",
            "Quote pro Kurs? Wir hatten 40 Plätze pro Kurs.",
        ),
        (
            "Listo: de 1.250 facturas, 1.190 salieron sin errores.",
            "¿Porcentaje por tienda? Mandamos 300 facturas por tienda.",
        ),
    ],
)
def test_a_value_after_the_users_own_question_is_no_correction(report: str, question: str) -> None:
    c = Conv()
    c.user("clean the export please")
    c.say(report)
    c.user(question)
    c.say("Working it out now.")
    assert [i for i in c.items() if i.must_keep] == []  # neither a correction nor an order


def test_a_question_that_names_the_assistants_value_and_then_puts_it_right_still_corrects() -> None:
    c = Conv()
    c.user("how many seats do we need for the dinner?")
    c.say("For 24 guests the long table is enough.")
    fix = c.user("why 24 guests? we are 31 guests now.")
    c.say("Right, 31 then.")
    kept = [i for i in facts(c.items()) if i.must_keep and fix in i.entry_ids]
    assert kept and "31" in kept[0].text
