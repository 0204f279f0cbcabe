"""Environment facts said while asking for something else: a machine named with its address in brackets
("moved it to the new box (atlas, 192.168.1.40)"), and with it where a thing is on it ("compose file is
in ~/srv/app"), make one fact. A file's place alone is only what to work on. And a standing state from
a date on, narrowed to "only" ("ab Januar nur noch Mo-Mi", "from March only at weekends"), is a fact.
Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def test_a_machine_named_with_its_address_and_a_path_on_it_is_one_fact() -> None:
    c = Conv()
    ask = c.user(
        "grafana is blank since I put it on the spare laptop (orion, 10.0.0.23). the config is in "
        "~/stack/grafana, can you check"
    )
    c.run("docker logs grafana | tail -2", "logger=server t=... msg='HTTP Server Listen' address=[::]:3000")
    c.say("Grafana is up; the blank page was the browser cache.")
    (fact,) = [f for f in facts(c.items()) if "10.0.0.23" in f.text]
    assert ask in fact.entry_ids and "orion" in fact.text and "~/stack/grafana" in fact.text


def test_a_german_and_a_spanish_machine_with_its_address_are_facts() -> None:
    c = Conv()
    ask = c.user("Der Drucker hängt am neuen Router (fritz7590, 192.168.178.1), kannst du ihn einrichten?")
    c.say("Ich richte ihn ein.")
    (fact,) = [f for f in facts(c.items()) if "192.168.178.1" in f.text]
    assert ask in fact.entry_ids

    c = Conv()
    ask = c.user(
        "he movido la base de datos al servidor nuevo (vega, db.vega.lan). ¿puedes migrar las tablas?"
    )
    c.say("Empiezo la migración.")
    (fact,) = [f for f in facts(c.items()) if "db.vega.lan" in f.text]
    assert ask in fact.entry_ids


def test_a_file_s_place_alone_is_no_fact() -> None:
    c = Conv()
    c.user("can you tidy the bibliography? the references are in thesis/refs.bib")
    c.say("Sure, tidying it now.")
    c.user("das Rezept liegt in kochen/brot.md, rechnest du es auf 3 Laibe hoch?")
    c.say("Mache ich.")
    assert not facts(c.items())


def test_a_state_from_a_date_on_narrowed_to_only_is_a_fact() -> None:
    c = Conv()
    c.user("Mach bitte den Putzplan fürs Büro im Februar.")
    c.say("Gern, wer ist dabei?")
    said = c.user("Alle vier, aber Herr Kowalski kommt ab Februar nur noch dienstags und freitags.")
    c.say("Alles klar, ich plane ihn nur dienstags und freitags ein.")
    (fact,) = [f for f in facts(c.items()) if "Kowalski" in f.text]
    assert said in fact.entry_ids and fact.text.startswith("Herr Kowalski")

    c = Conv()
    c.user("plan the swim lessons for spring")
    c.say("Sure, which days work?")
    said = c.user("any day, but from March the pool opens only at weekends")
    c.say("Then I'll put the lessons on Saturdays.")
    (fact,) = [f for f in facts(c.items()) if "pool" in f.text]
    assert said in fact.entry_ids


def test_the_italian_and_spanish_kin_and_the_speaker_s_own_plan() -> None:
    c = Conv()
    c.user("mi aiuti con il calendario del coro?")
    c.say("Certo, quali giorni?")
    said = c.user("la sala parrocchiale da febbraio è disponibile solo il giovedì")
    c.say("Allora metto le prove il giovedì.")
    (fact,) = [f for f in facts(c.items()) if "giovedì" in f.text]
    assert said in fact.entry_ids

    c = Conv()
    c.user("organiza los turnos de la tienda")
    c.say("Vale, ¿alguna limitación?")
    c.user("yo a partir de marzo solo puedo por las tardes, apúntalo como tarea")
    c.say("Hecho.")
    assert not [f for f in facts(c.items()) if "marzo" in f.text]


def test_a_day_and_a_room_in_brackets_name_no_machine() -> None:
    c = Conv()
    c.user("move the review meeting (Monday, Room 4) to the afternoon, and the retro (Friday, Room 2) too")
    c.say("Both moved to 14:00.")
    assert not [f for f in facts(c.items()) if "Room" in f.text]
