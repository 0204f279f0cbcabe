"""The user lays out the options in their own question ("the caterer: Brasserie Kuhn or Chez Odile?"),
the assistant's next turn elaborates each one, and a later short reply (after a side question,
maybe) picks one: a decision on the user's options, carrying what the assistant said of the pick.
A question of fact with an "or" that the assistant answers is no offer; a choice nobody picks
decides nothing. Conversations written here, in en/de/es/fr."""

from __future__ import annotations

from test_extract import Transcript, of_kind
from test_extract_dialogue import accepted

from memoryd.flush.extract.exchanges import elaborated_offer, user_laid_options
from memoryd.flush.extract.messages import Msg, visible_messages


def _pair(user: str, reply: str) -> tuple[Msg, Msg]:
    t = Transcript()
    t.user(user)
    t.assistant(reply)
    first, second = visible_messages(t.entries())
    return first, second


def test_user_options_are_the_disjuncts_of_the_question() -> None:
    lead, opts = user_laid_options("der Caterer: Brasserie Kuhn oder Chez Odile?") or ("", ())
    assert lead == "der Caterer"
    assert [o.text for o in opts] == ["Brasserie Kuhn", "Chez Odile"]
    _, opts = user_laid_options("should the batch run nightly on node-7 or node-9?") or ("", ())
    assert [o.text for o in opts] == ["node-7", "node-9"]
    assert user_laid_options("why did the build fail or was it cancelled?") is None  # a wh-question
    assert user_laid_options("we ship Monday or Tuesday.") is None  # no question
    assert user_laid_options("should I restart nginx or reload it?") is None  # no named alternative


def test_en_pick_by_ordinal_after_a_side_question() -> None:
    t = Transcript()
    t.user("for the demo laptop: ThinkPad T14 or Framework 13?")
    offer = t.assistant(
        "The ThinkPad T14 costs 1,150 € and comes with a docking port; the Framework 13 is 1,320 € "
        "but every part can be swapped."
    )
    t.user("does either ship before Friday?")
    t.assistant("Both ship within two days.")
    pick = t.user("ok the first one then")
    (decision,) = accepted(t.items())
    assert "ThinkPad T14" in decision.text and "1,150" in decision.text
    assert set(decision.entry_ids) >= {offer, pick}


def test_de_pick_by_comparative() -> None:
    t = Transcript()
    t.user("Wir brauchen einen Raum fürs Quartalstreffen. Saal Nord oder Saal Süd?")
    t.assistant("Saal Nord hat 30 Plätze für 240 €; Saal Süd hat 60 Plätze für 410 €.")
    t.user("ok, dann die günstigere")
    (decision,) = accepted(t.items())
    assert "Saal Nord" in decision.text and "240" in decision.text


def test_es_pick_by_name() -> None:
    t = Transcript()
    t.user("para el catering de la boda: Casa Mirón o Sabores Pérez?")
    t.assistant(
        "Casa Mirón cobra 38 € por cubierto y trae camareros; Sabores Pérez cobra 31 € pero solo entrega."
    )
    t.user("Casa Mirón, sin duda")
    (decision,) = accepted(t.items())
    assert "Casa Mirón" in decision.text and "38" in decision.text


def test_fr_agreeing_with_the_recommendation() -> None:
    t = Transcript()
    t.user("pour le stand du salon : Expoline ou Standis ?")
    t.assistant(
        "Expoline livre un stand de 9 m² pour 1 400 € ; Standis propose 12 m² pour 2 100 €. "
        "Je recommande Expoline, largement suffisant pour deux personnes."
    )
    t.user("ok parfait")
    (decision,) = accepted(t.items())
    assert "Expoline" in decision.text


def test_a_question_of_fact_answered_is_no_decision() -> None:
    t = Transcript()
    t.user("what was the Q3 print run, 500 or 5000 copies?")
    t.assistant("It was 5000 copies; the 500 was the proof batch in July.")
    t.user("ok thanks")
    assert not of_kind(t.items(), "decision")


def test_a_yes_no_question_of_fact_answered_with_both_values_is_no_decision() -> None:
    t = Transcript()
    t.user("is the upload limit 50 MB or 500 MB on the free plan?")
    t.assistant("The free plan allows 50 MB per file; 500 MB is the team plan.")
    t.user("ok thanks, good to know")
    assert not of_kind(t.items(), "decision")


def test_an_answer_naming_one_option_is_no_offer() -> None:
    user, reply = _pair("is the limit 500 or 5000?", "It is 5000 per account.")
    assert elaborated_offer(user, reply) is None


def test_a_choice_never_picked_decides_nothing() -> None:
    t = Transcript()
    t.user("Kanban oder Scrum für das neue Team?")
    t.assistant("Kanban passt zu Support-Arbeit mit vielen kleinen Tickets; Scrum gibt feste Sprints vor.")
    t.user("wie lange dauert eigentlich ein Sprint normalerweise?")
    t.assistant("Meist zwei Wochen.")
    assert not of_kind(t.items(), "decision")


def test_es_options_listed_with_figures_then_a_reason_and_a_pick_by_name() -> None:
    t = Transcript()
    t.user(
        "ya tengo los presupuestos del fotógrafo. Estudio Lumen 1.200 € con álbum, Foto Reyes 950 € "
        "sin álbum, y Clic Norte 1.450 € con vídeo"
    )
    offer = t.assistant(
        "En resumen: Lumen (1.200 €) incluye el álbum impreso; Reyes (950 €) es el más barato pero sin "
        "álbum; Norte (1.450 €) añade un vídeo de cinco minutos."
    )
    t.user("a qué hora empezarían?")
    t.assistant("Los tres pueden llegar a las 11.")
    pick = t.user("el vídeo no nos hace falta. lumen, adelante con ese")
    decisions = [d for d in accepted(t.items()) if "Lumen" in d.text]
    assert len(decisions) == 1 and "1.200" in decisions[0].text
    assert set(decisions[0].entry_ids) >= {offer, pick}


def test_a_listed_statement_the_assistant_does_not_elaborate_is_no_offer() -> None:
    user, reply = _pair(
        "Estudio Lumen 1.200 €, Foto Reyes 950 € y Clic Norte 1.450 €.", "Anotado, tres presupuestos."
    )
    assert elaborated_offer(user, reply) is None


def test_fr_the_assistants_confirmation_names_the_pick() -> None:
    t = Transcript()
    t.user("pour la salle du repas : La Guinguette ou Le Relais 21 ?")
    t.assistant(
        "La Guinguette accueille 40 couverts à 32 € par personne ; Le Relais 21 monte à 70 couverts "
        "mais demande 45 €."
    )
    t.user("ok vas-y, prends la bonne")
    confirm = t.assistant("Le Relais 21, 70 couverts, 45 € par personne. Je leur écris ?")
    decisions = accepted(t.items())
    assert len(decisions) == 1 and "Relais 21" in decisions[0].text
    assert confirm in decisions[0].entry_ids
