"""Round 6 of the dialogue rules: structures seen in two or more writers' splits.

* Named alternatives set side by side (each list item opens with its own name and states a figure)
  and compared by the closing prose, or asked for by the user, are a choice even without a closing
  question: the reply picks from them.
* The assistant's words right after a pick that say the chosen option back with what it settles
  (a date, a path, a flight number) are part of the decision, and cited.
* A numbered or lettered proposal answered by its labels ("1 yes. 3 no: ...") is answered point by
  point even when the list closed without a question.

Every conversation here is written for these tests.
"""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted

from memoryd.flush.extract import extract_items
from memoryd.flush.items import Item


def _items(t: Transcript) -> list[Item]:
    return extract_items(t.entries())


def _rejected(items: list[Item]) -> list[Item]:
    return [
        d
        for d in items
        if d.kind == "decision" and d.text.startswith(("Rejected", "Abgelehnt", "Rechazado", "Rejeté"))
    ]


# --- named alternatives side by side, no question --------------------------------------------------


def test_en_side_by_side_list_compared_in_closing_prose_is_a_choice() -> None:
    t = Transcript()
    t.user("we need a new issue tracker for the volunteers, can you compare two?")
    offer = t.assistant(
        "Here they are:\n\n"
        "- **Plane**: 9 € per seat, self-hosting possible\n"
        "- **Linear**: 12 € per seat, nicer keyboard flow\n\n"
        "Plane is the cheapest of the two and we could host it ourselves later."
    )
    pick = t.user("the cheaper one, fine")
    (decision,) = accepted(t.items())
    assert "Plane" in decision.text and decision.text.index("Plane") < decision.text.find("Linear") + 10**6
    assert {offer, pick} <= set(decision.entry_ids)


def test_de_side_by_side_list_after_the_user_asked_which() -> None:
    t = Transcript()
    t.user("Welcher Hallenboden passt besser für den Verein, Linoleum oder Kautschuk?")
    t.assistant(
        "Beide gehen:\n\n"
        "- **Linoleum**: 38 € pro m², hält etwa 20 Jahre\n"
        "- **Kautschuk**: 52 € pro m², dämpft deutlich mehr\n\n"
        "Für Gymnastikgruppen würde ich zum Kautschuk greifen."
    )
    pick = t.user("Kautschuk, die Knie der Senioren danken es")
    (decision,) = accepted(t.items())
    assert "Kautschuk" in decision.text
    assert pick in decision.entry_ids


def test_fr_status_list_without_comparison_or_question_is_no_choice() -> None:
    t = Transcript()
    t.user("état des deux serveurs de sauvegarde ?")
    t.assistant(
        "- **Orion** : 71 % du disque occupé\n"
        "- **Vega** : 43 % du disque occupé\n\n"
        "Orion a tourné cette nuit."
    )
    t.user("ok merci")
    assert accepted(t.items()) == []


# --- the assistant's confirmation after a pick -------------------------------------------------------


def test_en_confirmation_with_a_date_is_part_of_the_decision_and_cited() -> None:
    t = Transcript()
    t.assistant(
        "Two venues for the choir concert:\n\n"
        "1. Saint Anne's church, 180 seats\n"
        "2. The town library hall, 90 seats\n\n"
        "Which one?"
    )
    pick = t.user("the church")
    confirm = t.assistant("Saint Anne's church on Saturday 14 March, doors at 18:30.")
    (decision,) = accepted(t.items())
    assert "14 March" in decision.text and "18:30" in decision.text
    assert "Saint Anne" in decision.text
    assert {pick, confirm} <= set(decision.entry_ids)


def test_es_confirmation_after_work_is_the_closing_report() -> None:
    t = Transcript()
    t.assistant(
        "Para las fotos del archivo hay dos caminos:\n"
        "1. borrar las duplicadas sin mirar\n"
        "2. mover las 57 duplicadas a una carpeta aparte\n\n"
        "¿Cuál prefieres?"
    )
    t.user("la 2, quiero revisarlas yo")
    t.bash("mkdir -p fotos/duplicadas && mv $(cat dup.txt) fotos/duplicadas/", "", text="Las muevo.")
    report = t.assistant("fotos/duplicadas tiene ahora las 57 fotos.")
    (decision,) = accepted(t.items())
    assert "fotos/duplicadas" in decision.text
    assert report in decision.entry_ids


def test_de_plain_acknowledgement_adds_nothing_to_the_decision() -> None:
    t = Transcript()
    t.assistant("Für die Kasse: bleibt ihr bei der Volksbank mit 5,20 € oder geht ihr zur DKB mit 0 €?")
    t.user("DKB")
    ack = t.assistant("Prima, DKB.")
    (decision,) = accepted(t.items())
    assert not decision.text.startswith("Prima")
    assert ack not in decision.entry_ids


def test_fr_confirmation_naming_the_other_option_too_is_not_taken() -> None:
    t = Transcript()
    t.assistant(
        "Pour le traiteur :\n\n1. Chez Margaux, 24 € par personne\n2. Le Petit Four, 19 € par personne\n\n"
        "Lequel ?"
    )
    t.user("le deuxième")
    said = t.assistant("Le Petit Four plutôt que Chez Margaux, réservé pour le 12 juin.")
    (decision,) = accepted(t.items())
    assert "Petit Four" in decision.text
    assert said not in decision.entry_ids


# --- a proposal answered by its labels --------------------------------------------------------------


def test_en_unasked_numbered_proposal_answered_by_labels_is_point_by_point() -> None:
    t = Transcript()
    offer = t.assistant(
        "Draft for the garden day:\n\n"
        "1. Start at 09:00 with coffee in the shed\n"
        "2. Hedge cutting by the Weber family\n"
        "3. Compost turning postponed to April\n"
        "4. Lunch from the bakery, 60 € budget\n\n"
        "Tell me what to change."
    )
    reply = t.user("1 fine. 2 yes but the Okafors do it, the Webers are away. 3 no, we turn it this time.")
    items = _items(t)
    decisions = [d for d in items if d.kind == "decision"]
    assert len(decisions) == 3
    assert all({offer, reply} <= set(d.entry_ids) for d in decisions)
    assert any("Okafor" in d.text for d in decisions)
    (rejected,) = _rejected(items)
    assert "Compost" in rejected.text


def test_de_unasked_lettered_proposal_answered_by_labels() -> None:
    t = Transcript()
    t.assistant(
        "Vorschlag fürs Sommerfest:\n\n"
        "A) Grill von Familie Brandt, 2 Stück\n"
        "B) Hüpfburg mieten für 140 €\n"
        "C) Kuchenbuffet über die Elternliste"
    )
    t.user("A passt. B nein, zu teuer. C ja, ich schicke die Liste rum.")
    items = _items(t)
    assert len([d for d in items if d.kind == "decision"]) == 3
    (rejected,) = _rejected(items)
    assert "Hüpfburg" in rejected.text


def test_fr_a_list_mentioned_in_passing_is_not_answered_point_by_point() -> None:
    t = Transcript()
    t.assistant("Voici les trois fichiers modifiés :\n\n1. budget.ods\n2. planning.ods\n3. contacts.csv")
    t.user("merci, je regarde ça ce soir")
    assert [d for d in _items(t) if d.kind == "decision"] == []


# --- a small-talk "X or Y?" answered in passing ------------------------------------------------------


def test_en_small_talk_choice_answered_in_passing_is_no_decision() -> None:
    t = Transcript()
    t.user("long day, the train was late again")
    t.assistant("Ugh, sorry. A silly joke or a quiet playlist suggestion?")
    t.user("joke. also how many grams is a cup of flour?")
    t.assistant("Roughly 120 to 125 grams, sifted a bit less.")
    assert accepted(t.items()) == []


def test_de_small_talk_choice_answered_in_passing_is_no_decision() -> None:
    t = Transcript()
    t.user("puh, endlich Feierabend")
    t.assistant("Glückwunsch! Sofa oder noch eine Runde um den Block?")
    t.user("Sofa, ganz klar")
    t.assistant("Sehr vernünftig. Die Füße hochlegen hilft immer.")
    assert accepted(t.items()) == []


def test_it_short_prose_choice_said_back_by_the_assistant_is_kept() -> None:
    t = Transcript()
    t.assistant("Per le foto del sito: formato WebP o JPEG?")
    pick = t.user("WebP")
    t.assistant("Allora WebP, qualità 80.")
    (decision,) = accepted(t.items())
    assert "WebP" in decision.text and pick in decision.entry_ids


def test_fr_short_prose_choice_acted_on_with_a_tool_is_kept() -> None:
    t = Transcript()
    t.assistant("Je compresse les scans en zip ou en tar ?")
    pick = t.user("zip")
    t.bash("zip -r scans.zip scans/", "adding: scans/ (stored 0%)", text="Je compresse.")
    (decision,) = accepted(t.items())
    assert "zip" in decision.text and pick in decision.entry_ids


# --- a reply no rule reads, said back by the assistant ---------------------------------------------


def test_de_plan_changed_without_a_yes_is_what_the_assistant_says_back() -> None:
    t = Transcript()
    offer = t.assistant(
        "Vorschlag für den Putzplan:\n\n"
        "- **Küche**: jeden Montag, wechselnd\n"
        "- **Treppe**: alle zwei Wochen, Samstag\n"
        "- **Flur**: einmal im Monat\n\n"
        "Passt das so?"
    )
    reply = t.user("Beinahe. Treppe jede Woche statt alle zwei Wochen, sonst wird es staubig. Flur bleibt.")
    ack = t.assistant("Also: Küche montags, Treppe wöchentlich am Samstag, Flur monatlich.")
    decisions = accepted(t.items())
    assert any(
        "Treppe wöchentlich am Samstag" in d.text and {offer, reply, ack} <= set(d.entry_ids)
        for d in decisions
    )


def test_en_pick_after_a_side_question_said_back_with_its_details() -> None:
    t = Transcript()
    t.user("two rooms free for the workshop, how do we use them")
    offer = t.assistant(
        "You could keep both rooms for the plenary so nobody is cramped, or you could run two parallel "
        "tracks with one room each, or you use one room and keep the other as a quiet corner. Which one?"
    )
    t.user("how many seats does each room have")
    t.assistant("Room K1 has 30 seats, room K2 has 24.")
    reply = t.user("ok the tracks then")
    ack = t.assistant("Tracks it is: K1 takes the beginners, K2 the advanced group, 09:00 to 12:00.")
    decisions = accepted(t.items())
    assert any("K1" in d.text and {offer, reply, ack} <= set(d.entry_ids) for d in decisions)


def test_es_reply_to_a_list_that_is_a_new_request_gets_no_decision() -> None:
    t = Transcript()
    t.assistant("Pasos para publicar:\n1. `npm run build`\n2. `npm publish`")
    t.user("ahora prepárame el changelog de Nube")
    t.assistant("Nube tiene 4 cambios desde la 1.2, los pongo en CHANGELOG.md.")
    assert accepted(t.items()) == []


def test_fr_answer_to_a_side_question_is_not_said_back_as_a_decision() -> None:
    t = Transcript()
    t.assistant("Pour la salle : on garde la grande, ou on prend les deux petites ? Laquelle ?")
    t.user("combien de places dans la grande ?")
    t.assistant("La grande salle Vauban a 80 places.")
    assert accepted(t.items()) == []


# --- a point of a proposal put off ----------------------------------------------------------------


def _open_items(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "open_question"]


def test_en_point_put_off_in_a_point_by_point_reply_is_open() -> None:
    t = Transcript()
    t.assistant(
        "For the move:\n\n1. Van from Kessler Rentals, 89 € a day\n2. Movers for the piano, 240 €\n"
        "3. New sofa from the outlet, 600 €\n\nWhich of these?"
    )
    t.user("1 yes. 2 yes. 3 not now, ask me again once the first salary is in.")
    items = _items(t)
    (open_q,) = _open_items(items)
    assert "sofa" in open_q.text and "salary" in open_q.text
    assert not any("sofa" in d.text for d in items if d.kind == "decision")


def test_de_point_put_off_in_a_point_by_point_reply_is_open() -> None:
    t = Transcript()
    t.assistant(
        "Für das Vereinsheim:\n\n1. Neue Stühle, 35 Stück\n2. Beamer für 420 €\n3. Markise für die Terrasse\n\n"
        "Was davon?"
    )
    t.user("1 ja. 2 ja. 3 noch nicht, das besprechen wir im Frühjahr.")
    (open_q,) = _open_items(_items(t))
    assert "Markise" in open_q.text


def test_es_point_turned_down_is_no_open_question() -> None:
    t = Transcript()
    t.assistant(
        "Para la oficina:\n\n1. Sillas nuevas, 12 unidades\n2. Cafetera de 300 €\n3. Plantas de interior\n\n"
        "¿Cuáles?"
    )
    t.user("1 sí. 2 no, demasiado cara. 3 sí.")
    items = _items(t)
    assert _open_items(items) == []
    assert any("Cafetera" in d.text for d in _rejected(items))


# --- a choice turned around, and said back with its details ------------------------------------------


def test_en_turned_around_choice_takes_the_confirmation_details() -> None:
    t = Transcript()
    t.assistant(
        "Three ferries on the 9th:\n\n1. Stena at 08:15, €96\n2. DFDS at 11:40, €82\n3. Irish Ferries at 14:05, €88\n\n"
        "The DFDS one is the cheapest."
    )
    t.user("ok the cheapest then")
    t.assistant("DFDS it is. Shall I reserve it?")
    turn = t.user("Hmm, my sister arrives with the car at noon, that's too late for 11:40. So Irish Ferries.")
    ack = t.assistant("Then it's Irish Ferries, sailing 14:05 from Holyhead, €88, cabin on deck 7.")
    (decision,) = accepted(t.items())
    assert "Holyhead" in decision.text and "Irish Ferries" in decision.text
    assert "DFDS" not in decision.text.split(";")[0]
    assert {turn, ack} <= set(decision.entry_ids)


def test_de_turned_around_choice_with_a_reversal_word_takes_the_details() -> None:
    t = Transcript()
    t.assistant("Für die Hütte: Edelweißhütte für 64 € pro Nacht oder Almrausch für 52 €. Welche?")
    t.user("Almrausch")
    t.assistant("Gut, Almrausch.")
    turn = t.user("Doch lieber die Edelweißhütte, die hat einen Trockenraum.")
    ack = t.assistant("Umgebucht: Edelweißhütte, 3 Nächte ab 12. Februar, Zimmer 4.")
    (decision,) = accepted(t.items())
    assert "Edelweißhütte" in decision.text and "12. Februar" in decision.text
    assert {turn, ack} <= set(decision.entry_ids)


# --- a plan agreed with changes, said back whole ----------------------------------------------------


def test_en_plan_agreed_with_changes_and_said_back_whole_is_one_decision() -> None:
    t = Transcript()
    offer = t.assistant(
        "Plan for the open day:\n\n1. **Doors** at 10:00\n2. **Tour** of the workshop every hour\n"
        "3. **Talk** by the chair at 14:00\n\nOK?"
    )
    reply = t.user("Yes, mostly. Move the talk to 15:00, the band plays at 14:00. Rest is fine.")
    ack = t.assistant("Done: doors 10:00, workshop tour hourly, the chair's talk at 15:00 after the band.")
    (decision,) = [d for d in t.items() if d.kind == "decision"]
    assert "15:00" in decision.text and "10:00" in decision.text
    assert {offer, reply, ack} <= set(decision.entry_ids)


def test_fr_plan_said_back_for_one_point_only_keeps_the_points_apart() -> None:
    t = Transcript()
    t.assistant(
        "Je propose :\n\n1. Réunion **mensuelle**, le premier mardi\n2. Compte rendu par **Lucie**\n"
        "3. Apéro après chaque réunion, 5 € par personne\n\nÇa te va ?"
    )
    t.user("Pour le 1 et le 2, oui. Pour l'apéro, plutôt 3 € par personne, sinon personne ne vient.")
    t.assistant("D'accord : apéro à 3 € par personne.")
    decisions = [d for d in t.items() if d.kind == "decision"]
    assert len(decisions) >= 2


def test_de_plain_yes_to_a_plan_is_the_plan_as_offered() -> None:
    t = Transcript()
    t.assistant(
        "Vorschlag:\n\n1. **Training** dienstags 18:00\n2. **Spiel** samstags 10:00\n3. **Kasse** bei Jonas\n\n"
        "Passt das?"
    )
    t.user("ja, passt")
    t.assistant("Prima: Training dienstags 18:00, Spiel samstags 10:00, Kasse bei Jonas.")
    (decision,) = [d for d in t.items() if d.kind == "decision"]
    assert "Training" in decision.text and "Prima" not in decision.text


# --- a value the user proposes, the assistant approves, the user confirms -----------------------------


def test_en_value_proposed_approved_and_confirmed_is_a_decision() -> None:
    t = Transcript()
    t.user("the rehearsal in March, the 3rd is bad for me. 10th?")
    approve = t.assistant("The 10th is a Tuesday, the hall is free that evening.")
    confirm = t.user("10th then, 18:30, bring the new scores")
    (decision,) = accepted(t.items())
    assert "10th" in decision.text and "18:30" in decision.text
    assert {approve, confirm} <= set(decision.entry_ids)


def test_es_value_proposed_approved_and_agreed_is_a_decision() -> None:
    t = Transcript()
    t.user("el martes no puedo. ¿Mejor el jueves 16?")
    t.assistant("El jueves 16 va bien, la sala está libre toda la tarde.")
    t.user("Vale, perfecto.")
    (decision,) = accepted(t.items())
    assert "16" in decision.text


def test_fr_request_with_a_date_is_no_proposal() -> None:
    t = Transcript()
    t.user("Tu peux me rappeler le 30 novembre d'envoyer les convocations ?")
    t.assistant("Rappel prévu le 30 novembre à 9h.")
    t.user("Merci.")
    assert accepted(t.items()) == []


def test_de_proposal_the_assistant_turns_down_is_no_decision() -> None:
    t = Transcript()
    t.user("Dann am 22.?")
    t.assistant("Am 22. geht leider nicht, da ist die Halle belegt.")
    t.user("ok")
    assert accepted(t.items()) == []
