"""An open offer of help ("Anything I can help with while you wait?", "Anything you want to keep an eye
on, or just killing time?") names nothing to take or turn down: "not really, just killing time" is no
rejection and no pick. Conversations written here, in en/de/es."""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_en_anything_i_can_help_with_refused_is_no_rejection() -> None:
    t = Transcript()
    t.user("morning. the train is stuck outside the station again. how are you?")
    t.assistant("Morning! Sorry about the train. I'm fine, thanks. Anything I can help with while you wait?")
    t.user("Not really, just passing the time. Random question: how long do boiled eggs keep?")
    assert of_kind(t.items(), "decision") == []


def test_en_anything_or_just_killing_time_is_no_choice() -> None:
    t = Transcript()
    t.user("quiet night on call so far, knock on wood")
    t.assistant("Quiet nights are the best kind. Anything you want to keep an eye on, or just killing time?")
    t.user("just killing time. the coffee went cold twice already")
    assert of_kind(t.items(), "decision") == []


def test_de_etwas_oder_nur_zeit_totschlagen_ist_keine_wahl() -> None:
    t = Transcript()
    t.user("ruhige Nacht im Bereitschaftsdienst bisher")
    t.assistant("Die besten Nächte. Etwas, worauf du achten willst, oder einfach abwarten?")
    t.user("einfach abwarten. der tee ist schon zweimal kalt geworden")
    assert of_kind(t.items(), "decision") == []


def test_es_algo_o_solo_pasar_el_rato_no_es_una_eleccion() -> None:
    t = Transcript()
    t.user("noche tranquila de guardia, de momento")
    t.assistant("Las mejores. ¿Algo que quieras vigilar, o solo pasar el rato?")
    t.user("solo pasar el rato. el café se me ha enfriado dos veces")
    assert of_kind(t.items(), "decision") == []
