"""A choice the user states alone (no option list before it), which the assistant's next words open
with an acknowledgement and say back negated or with a "then": a decision (must keep), in the
assistant's words with the user's sentence as why. A standing rule said back, a point parked "for
now", and a task with an owner are not. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def _decisions(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "decision"]


CHOSEN = {
    "en": (
        "the staging database keeps filling its disk, the nightly dump is 40 GB now",
        "The dump of staging grows by about 2 GB a week; the volume has 12 GB left. I can rotate old dumps "
        "with a script.",
        "hm. about the offsite copy of staging, forget it, nobody ever restores staging from there.",
        "Makes sense, no offsite copy for staging then; only the local dumps stay.",
        "offsite copy",
    ),
    "de": (
        "die Druckerei hat den Flyer für den Basar geschickt, 500 Stück kosten 180 €",
        "Das Angebot gilt bis Freitag. Der Preis enthält den Versand an die Schule.",
        "die farbige Rückseite lassen wir weg, das zahlt der Förderverein nicht mit.",
        "Alles klar: keine farbige Rückseite, der Flyer bleibt einseitig.",
        "Rückseite",
    ),
    "fr": (
        "le traiteur demande combien de plateaux pour la réunion de lundi",
        "Vous étiez 18 inscrits la dernière fois. Le plateau standard est à 14 € par personne.",
        "pour les desserts, on les fait nous-mêmes, la boulangerie du coin ne prend plus de commandes.",
        "Entendu, desserts faits maison alors, le traiteur ne livre que les plateaux salés.",
        "desserts",
    ),
}


@pytest.mark.parametrize("lang", sorted(CHOSEN))
def test_a_choice_said_back_negated_or_with_then_is_a_decision(lang: str) -> None:
    ask, said, choice, ack, word = CHOSEN[lang]
    c = Conv()
    c.user(ask)
    c.say(said)
    chose = c.user(choice)
    back = c.say(ack)
    got = [d for d in _decisions(c.items()) if word in d.text]
    assert len(got) == 1
    assert got[0].must_keep
    assert {chose, back} <= set(got[0].entry_ids)


NOT_CHOICES = {
    "rule, en": (
        "one thing to keep in mind from now on: never deploy the billing service on a Friday.",
        "Got it, no billing deploys on Fridays.",
    ),
    "rule, de": (
        "und merk dir: am Wochenende wird nie eine Migration gestartet.",
        "Alles klar, keine Migrationen am Wochenende.",
    ),
    "parked, es": (
        "la partida de ordenadores déjala vacía, lo hablo con la directora.",
        "Vale, nada en la partida de ordenadores por ahora.",
    ),
    "no ack, fr": (
        "pour les desserts, on les fait nous-mêmes, la boulangerie est fermée lundi.",
        "Je commande donc seulement les plateaux salés, pas de desserts chez le traiteur.",
    ),
}


@pytest.mark.parametrize("case", sorted(NOT_CHOICES))
def test_beside_a_choice_a_rule_a_parked_point_or_no_acknowledgement_is_no_decision(case: str) -> None:
    said, ack = NOT_CHOICES[case]
    ask, stated, choice, back, word = CHOSEN["en"]
    c = Conv()
    c.user(ask)
    c.say(stated)
    c.user(choice)
    c.say(back)
    c.user(said)
    c.say(ack)
    got = _decisions(c.items())
    assert [word in d.text for d in got] == [True]


CONCLUDED = {
    "en": (
        "For the poster print there are two shops: PrintHaus does matte at 3.20 € a sheet, and Copyland does "
        "glossy at 2.90 €.",
        "matte, the glossy ones glared under the hall lights last year",
        "PrintHaus then.",
        "PrintHaus",
    ),
    "de": (
        "Für den Elternabend gibt es zwei Räume: die Aula mit 120 Plätzen oder den Musikraum mit 40 Plätzen.",
        "es kommen höchstens 35 leute, die aula ist viel zu groß",
        "Dann der Musikraum.",
        "Musikraum",
    ),
    "es": (
        "Para la cena hay dos sitios libres el viernes: Casa Pepa, menú a 22 €, o La Lonja, menú a 28 €.",
        "la lonja queda lejísimos del hotel para la mitad del grupo",
        "Casa Pepa, entonces.",
        "Casa Pepa",
    ),
}


@pytest.mark.parametrize("lang", sorted(CONCLUDED))
def test_a_short_conclusion_with_then_after_the_users_reason_is_a_decision(lang: str) -> None:
    laid_out, reason, conclusion, word = CONCLUDED[lang]
    c = Conv()
    c.user("what are our options?")
    c.say(laid_out)
    chose = c.user(reason)
    back = c.say(conclusion)
    got = [d for d in _decisions(c.items()) if word in d.text]
    assert len(got) == 1
    assert {chose, back} <= set(got[0].entry_ids)


def test_a_conclusion_with_a_conditional_modal_or_a_speaker_is_no_decision() -> None:
    laid_out, reason, conclusion, word = CONCLUDED["en"]
    c = Conv()
    c.user("what are our options?")
    c.say(laid_out)
    c.user(reason)
    c.say(conclusion)
    c.user("my internet plan is only 250 anyway, a faster switch buys nothing there")
    c.say("Then a faster switch would be mostly for show.")
    c.user("yeah the plan stays as is")
    c.say("Then I'll leave the router settings as they are.")
    got = _decisions(c.items())
    assert [word in d.text for d in got] == [True]


LABELLED = {
    "de": (
        "Es gibt drei Orte dafür:\n\n1. als Cronjob auf deinem Laptop,\n2. als systemd-Timer auf dem Laptop,\n"
        "3. als Cronjob auf dem Büroserver files01.lan, der läuft durchgehend.\n\nDas Skript bleibt gleich.",
        "der laptop ist nachts aus. also der server",
        "Dann Variante 3, der Server. Ich teste erst den Zugang.",
    ),
    "es": (
        "Hay tres sitios donde puede correr:\n\n1. como cron en tu portátil,\n2. como timer de systemd en el "
        "portátil,\n3. como cron en el servidor de la oficina files01.lan, que está siempre encendido.\n\n"
        "El script es el mismo.",
        "el portátil está apagado de noche. así que el servidor",
        "Entonces la opción 3, el servidor. Primero pruebo el acceso.",
    ),
}


@pytest.mark.parametrize("lang", sorted(LABELLED))
def test_a_label_said_back_with_then_is_the_options_own_words(lang: str) -> None:
    laid_out, reply, conclusion = LABELLED[lang]
    c = Conv()
    c.user(
        "wo soll der nächtliche Export laufen?" if lang == "de" else "¿dónde corre la exportación nocturna?"
    )
    c.say(laid_out)
    chose = c.user(reply)
    c.run("ssh -o BatchMode=yes files01.lan hostname", "files01", text=conclusion)
    back = f"{int(chose, 16) + 1:08x}"  # the turn that says it back, before its call's result
    got = [d for d in _decisions(c.items()) if "files01.lan" in d.text]
    assert len(got) == 1
    assert {chose, back} <= set(got[0].entry_ids)


PLANNED_BY = {
    "es": (
        "el gimnasio del barrio desde marzo solo abre los sábados",
        "Entonces pongo las clases los sábados.",
    ),
    "it": ("la palestra da marzo è aperta solo il sabato", "Allora metto le lezioni il sabato."),
}


@pytest.mark.parametrize("lang", sorted(PLANNED_BY))
def test_a_conclusion_that_plans_by_a_stated_fact_is_no_decision(lang: str) -> None:
    fact, plan = PLANNED_BY[lang]
    laid_out, reason, conclusion, word = CONCLUDED["es"]
    c = Conv()
    c.user("what are our options?")
    c.say(laid_out)
    c.user(reason)
    c.say(conclusion)
    said = c.user(fact)
    c.say(plan)
    assert [word in d.text for d in _decisions(c.items())] == [True]
    assert any(said in f.entry_ids for f in c.items() if f.kind == "fact")
