"""A way of working the agent takes on in its answer: the user sets a rule in passing, in words no
rule marker catches, and the agent's first words say it back as what it will do every time ("if
... again I ...", "I'll ... before any ..."). That sentence is a standing rule (must keep), citing
the turn and the answer. An offer ("I could ... next time") takes nothing on. Conversations
written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def _rules(c: Conv, word: str) -> list[Item]:
    return [i for i in c.items() if i.kind == "fact" and i.must_keep and word in i.text]


@pytest.mark.parametrize(
    ("report", "reply", "answer", "word"),
    [
        (
            "The nightly import stopped because redis-cache ran out of memory; I restarted it and the "
            "import finished at 04:10.",
            "ok thanks. and next time redis is stuck like that just restart it, dont wait for me",
            "Got it. If redis-cache is stuck again I restart it without asking.",
            "redis-cache",
        ),
        (
            "Der nächtliche Import ist stehen geblieben, weil redis-cache keinen Speicher mehr hatte; ich "
            "habe ihn neu gestartet, der Import lief um 04:10 durch.",
            "ok danke. und beim nächsten mal wenn redis so hängt einfach neu starten, nicht auf mich warten",
            "Alles klar. Wenn redis-cache wieder hängt, starte ich ihn ohne Rückfrage neu.",
            "redis-cache",
        ),
        (
            "Le paiement de 1 450 € au traiteur est parti, référence PAY-3321.",
            "parfait. règle générale, tout ce qui dépasse 2000 tu me demandes avant de payer",
            "Compris : je te demanderai avant tout paiement de plus de 2000 €.",
            "2000",
        ),
    ],
)
def test_a_rule_the_answer_takes_on(report: str, reply: str, answer: str, word: str) -> None:
    c = Conv()
    c.user("Can you check on the nightly jobs? / Kannst du nachsehen? / Tu regardes ?")
    c.say(report)
    u = c.user(reply)
    a = c.say(answer)
    got = _rules(c, word)
    assert got, c.items()
    assert {u, a} <= set(got[-1].entry_ids)


@pytest.mark.parametrize(
    ("reply", "answer"),
    [
        (
            "ok thanks, redis-cache was a pain again",
            "To catch it next time, I could add an alert on redis-cache memory every 5 minutes.",
        ),
        (
            "gracias, la memoria de redis-cache ha vuelto a dar guerra",
            "Para la próxima vez, yo podría añadir una alerta sobre la memoria de redis-cache cada 5 minutos.",
        ),
    ],
)
def test_an_offer_takes_nothing_on(reply: str, answer: str) -> None:
    c = Conv()
    c.user("Can you check on the nightly jobs?")
    c.say("The nightly import stopped because redis-cache ran out of memory; I restarted it.")
    c.user(reply)
    a = c.say(answer)
    assert not [i for i in _rules(c, "redis-cache") if a in i.entry_ids], c.items()


@pytest.mark.parametrize(
    ("reply", "answer"),
    [
        (
            "can you check the invoices from redis-cache vendor for duplicates",
            "I went through every invoice from the redis-cache vendor and found 3 duplicates.",
        ),
        (
            "kannst du die Rechnungen vom redis-cache Anbieter auf Dubletten prüfen",
            "Ich habe jede Rechnung vom redis-cache Anbieter geprüft, 3 sind doppelt.",
        ),
    ],
)
def test_a_report_of_work_takes_nothing_on(reply: str, answer: str) -> None:
    c = Conv()
    c.user(reply)
    a = c.say(answer)
    assert not [i for i in _rules(c, "redis-cache") if a in i.entry_ids], c.items()
