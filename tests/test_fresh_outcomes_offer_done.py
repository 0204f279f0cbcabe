"""Doing the one thing the user just accepted is that decision, not a separate outcome (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def kind(items: list[Item], k: str) -> list[Item]:
    return [i for i in items if i.kind == k]


def _offer(c: Conv, reply: str) -> str:
    c.user("Le plombier passe jeudi, il faut qu'il ait le plan de la salle de bain.")
    c.say("Je peux envoyer le plan salle-de-bain-v3.pdf à Marc Dubreuil par mail, tu veux ?")
    return c.user(reply)


def test_the_action_that_carries_out_an_accepted_offer_cites_the_decision() -> None:
    c = Conv()
    yes = _offer(c, "oui, vas-y")
    sent = c.run(
        "python3 outils/send_mail.py --a marc.dubreuil@example.fr --joindre plans/salle-de-bain-v3.pdf",
        "sent: <a81f@mail.example.fr> -> marc.dubreuil@example.fr (1 attachment)",
    )
    c.say("Envoyé à Marc Dubreuil avec le plan en pièce jointe.")
    items = c.items()
    assert kind(items, "outcome") == []
    (decision,) = kind(items, "decision")
    assert {yes, sent} <= set(decision.entry_ids)


def test_work_after_a_pick_among_options_stays_an_outcome() -> None:
    c = Conv()
    c.user("Le site doit passer sur un autre serveur.")
    c.say("Deux choix : 1) `web-a` à Roubaix, 2) `web-b` à Gravelines. Lequel ?")
    c.user("le deuxième")
    c.run("rsync -a site/ deploy@web-b.example.fr:/srv/site/", "sent 1,204,110 bytes")
    c.say("Le site est copié sur web-b, 1,2 Mo envoyés.")
    assert len(kind(c.items(), "outcome")) == 1
