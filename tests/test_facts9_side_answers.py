"""A side question answered beside the work: the user asks for work and, in the same turn, what
something is (with or without its question mark); the agent's words before the user's next turn
state the answer with a value one of its tools returned and the question's own words. That sentence
is a fact, also when the turn's other question is an either-or, or before options on the work. A value no tool returned is no such
answer. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def _facts(c: Conv, value: str) -> list[Item]:
    return [i for i in c.items() if i.kind == "fact" and value in i.text]


def test_question_without_its_mark_in_french() -> None:
    c = Conv()
    c.user(
        "Je voudrais caler le repas des bénévoles. Plutôt le jeudi 3 ou le vendredi 4, tu peux regarder ce qui "
        "est libre ? et dis-moi combien on était l'an dernier"
    )
    c.run(
        "calctl list --from 2026-12-03 --to 2026-12-05",
        "2026-12-03 18:00-20:00  Atelier Nordlicht\n2026-12-04  (rien)",
        text="Je regarde l'agenda et le bilan de l'an dernier.",
    )
    c.run(
        "mailctl search --subject 'repas bénévoles' --limit 1",
        "881  2025-12-06  Bilan repas : 71 inscrits, 53 présents",
    )
    c.say(
        "Le jeudi 3 est pris par l'atelier Nordlicht de 18:00 à 20:00, le vendredi 4 est libre. "
        "L'an dernier, d'après ton bilan, vous étiez 71 inscrits et 53 présents."
    )
    assert _facts(c, "71 inscrits"), c.items()


@pytest.mark.parametrize(
    ("lang", "ask", "answer", "offer"),
    [
        (
            "de",
            "Lag-Alarm auf orders-sync, 1,2 Mio. und steigend. und wie lang ist die retention auf topic orders.raw?",
            "Die Retention auf `orders.raw` ist `604800000` ms, also 7 Tage.",
            "Zum Lag: fast alles liegt auf einem Consumer. Optionen:\n1. den Pod neu starten\n"
            "2. auf 6 Replicas skalieren\n\nIch würde 2 nehmen. Passt das?",
        ),
        (
            "en",
            "lag alert on orders-sync, 1.2M and climbing. also unrelated, whats the retention on topic orders.raw",
            "Retention on `orders.raw` is `604800000` ms, 7 days.",
            "On the lag: almost all of it sits on one consumer. Options:\n1. restart that pod\n"
            "2. scale to 6 replicas\n\nI'd go with 2. OK?",
        ),
    ],
)
def test_answer_before_options_on_the_work(lang: str, ask: str, answer: str, offer: str) -> None:
    """The answer stands in the reply's first paragraph; the options after it are about the work.
    Only a value a tool returned ties it to the question: said from nowhere, it is no fact."""
    read, unread = Conv(), Conv()
    for c, output in ((read, "retention.ms=604800000\nretention.bytes=-1"), (unread, "retention.bytes=-1")):
        c.user(ask)
        c.run("kafka-consumer-groups --describe --group orders-sync", "orders-sync orders.raw 7 778967")
        c.run("kafka-configs --entity-type topics --entity-name orders.raw --describe", output)
        c.say(f"{answer}\n\n{offer}")
    assert _facts(read, "604800000"), read.items()
    assert not _facts(unread, "604800000"), unread.items()
