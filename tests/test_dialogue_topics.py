"""Structures the dialogue rules read, second round, on conversations written here (new topics
and wordings): an open point never glues the user's words on as a second speaker; options joined
by a correlative pair ("soit ... soit", "entweder ... oder"); a choice the user lays out and hands
over ("X or Y, your call") carries its topic into the decision; a bare "X or Y?" closing a turn
names the options; the assistant's pick after "you decide" is the decision's text.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind
from test_extract_dialogue import accepted


def test_an_open_point_keeps_the_reason_in_brackets_never_as_a_second_speaker() -> None:
    t = Transcript()
    t.user("the greenhouse heater keeps tripping the breaker")
    t.assistant(
        "The heater draws 2.4 kW on a 10 A circuit shared with the pump. "
        "Should we move the pump to the garage socket, or buy a smaller heater?"
    )
    t.user("no idea yet, I'll ask my neighbour who did the wiring")
    (point,) = of_kind(t.items(), "open_question")
    assert "pump" in point.text and "neighbour" in point.text
    assert "user:" not in point.text and " — " not in point.text


def test_options_joined_by_a_repeated_correlative_word_and_a_pick_by_ordinal() -> None:
    t = Transcript()
    t.user("Le chauffe-eau du local fuit encore, on fait quoi ?")
    offer = t.assistant(
        "Le joint du groupe de sécurité est usé depuis l'hiver. On peut soit changer le joint nous-mêmes "
        "pour une dizaine d'euros, soit faire venir le plombier de la mairie jeudi, ce qui prend une matinée. "
        "Je ferais la première."
    )
    pick = t.user("d'accord, la première")
    (decision,) = accepted(t.items())
    assert decision.text.startswith("Changer le joint")  # what it was picked over comes after it
    assert set(decision.entry_ids) >= {offer, pick}


def test_either_or_sides_end_where_a_remark_on_the_last_one_starts() -> None:
    t = Transcript()
    t.user("the shed roof leaks over the workbench")
    offer = t.assistant(
        "The felt has split along the ridge. You have two ways: either patch the ridge with bitumen tape "
        "this weekend, or have the whole roof re-felted by the Okafor brothers; that runs to about £380 "
        "but comes with a ten-year guarantee. What do you prefer?"
    )
    pick = t.user("the second")
    decisions = accepted(t.items())
    (decision,) = decisions
    assert decision.text.startswith("Have the whole roof re-felted") and "£380" not in decision.text
    assert set(decision.entry_ids) >= {offer, pick}


def test_no_idea_and_a_need_to_consult_someone_first_keeps_the_question_open() -> None:
    t = Transcript()
    t.assistant(
        "Noch eine Sache: Soll der Wintergarten eine Fußbodenheizung bekommen, oder reicht ein Heizkörper "
        "an der Nordwand?"
    )
    t.user("Keine Ahnung. Das muss ich erst mit meiner Schwester besprechen.")
    (point,) = of_kind(t.items(), "open_question")
    assert "Fußbodenheizung" in point.text
    assert not accepted(t.items())


def test_a_reply_that_has_to_consult_first_names_an_option_and_still_picks_nothing() -> None:
    t = Transcript()
    t.assistant("¿Pintamos la fachada de blanco roto o de ocre, como la casa de al lado?")
    t.user("Uf, eso lo tengo que hablar con la comunidad de vecinos antes.")
    (point,) = of_kind(t.items(), "open_question")
    assert "ocre" in point.text
    assert not accepted(t.items())


def test_a_pick_between_two_says_what_it_was_picked_over() -> None:
    t = Transcript()
    t.assistant(
        "Pour la fête de l'école on peut soit louer la sono de la mairie pour 60 €, soit emprunter "
        "les enceintes du club de foot, qui grésillent un peu. Tu préfères laquelle ?"
    )
    t.user("la deuxième")
    (decision,) = accepted(t.items())
    assert "enceintes" in decision.text and "sono" in decision.text
    assert decision.text.index("enceintes") < decision.text.index("sono")


def test_a_value_corrected_in_the_reply_turns_no_option_down() -> None:
    t = Transcript()
    t.assistant(
        "For the bike rack there are two routes: either bolt it to the wall by the bins, or put a "
        "freestanding one on the lawn. Which suits you?"
    )
    t.user("the wall one. and it's 6 bikes, not 4, I miscounted")
    items = t.items()
    (decision,) = accepted(items)
    assert "wall" in decision.text
    assert not [d for d in of_kind(items, "decision") if d.text.startswith("Rejected")]


def test_a_bare_closing_question_names_the_options_and_the_sentence_before_gives_the_topic() -> None:
    t = Transcript()
    t.user("the club newsletter is ready, can you send it?")
    offer = t.assistant(
        "The March newsletter has 212 recipients this time. Mailjet sends it today for free; Brevo "
        "would give us open rates but needs a new account. Mailjet or Brevo?"
    )
    t.user("no clue, you decide")
    choice = t.assistant("Then Mailjet, it is set up already and free. Sending now.")
    (decision,) = accepted(t.items())
    assert "newsletter" in decision.text and decision.text.index("Mailjet") < decision.text.index("Brevo")
    assert "set up already" in decision.text  # how the assistant chose is what was decided
    assert set(decision.entry_ids) >= {offer, choice}


def test_a_choice_the_user_lays_out_and_hands_over_is_decided_by_the_assistants_pick() -> None:
    t = Transcript()
    asked = t.user(
        "Für die Terrasse hinterm Vereinsheim: nehmen wir Lärche oder WPC-Dielen? Ich hab keine Meinung, "
        "entscheide du."
    )
    chose = t.assistant(
        "Dann WPC-Dielen: sie splittern nicht, und die Kinder laufen dort barfuß. Lärche müsste jedes "
        "Frühjahr geölt werden."
    )
    yes = t.user("ok, passt")
    items = t.items()
    (decision,) = accepted(items)
    assert "Terrasse" in decision.text and "WPC" in decision.text and "splittern" in decision.text
    assert set(decision.entry_ids) >= {asked, chose, yes}
    assert not [d for d in of_kind(items, "decision") if d.text.startswith("Abgelehnt")]


def test_a_choice_between_two_handed_over_in_the_opening_turn() -> None:
    t = Transcript()
    asked = t.user(
        "the porch light keeps dying. we have to pick between a motion-sensor lamp and a dusk-to-dawn "
        "bulb, I really don't mind, up to you"
    )
    chose = t.assistant(
        "I'd take the motion-sensor lamp: it only burns when someone walks up, so it saves power."
    )
    items = t.items()
    (decision,) = accepted(items)
    assert "porch light" in decision.text.lower() or "pick between" in decision.text
    assert "saves power" in decision.text
    assert set(decision.entry_ids) >= {asked, chose}


def test_an_answer_that_lists_options_back_chooses_nothing() -> None:
    t = Transcript()
    t.user("train or coach to Porto? you decide")
    t.assistant("Depends: do you want it cheap or fast? The coach is €19, the train €34.")
    assert not accepted(t.items())


def test_a_question_left_last_carries_the_point_its_labelled_sentence_announced() -> None:
    t = Transcript()
    t.user("merci pour le planning des bénévoles")
    last = t.assistant(
        "Planning envoyé aux 14 bénévoles. Reste un point : la buvette du dimanche n'a encore personne "
        "après 16 h. On la ferme plus tôt ou je relance la liste ?"
    )
    (point,) = of_kind(t.items(), "open_question")
    assert "buvette" in point.text and "relance" in point.text
    assert "Reste un point" not in point.text and "Planning envoyé" not in point.text
    assert point.entry_ids == (last,)


def test_tasks_said_in_the_present_with_a_who_and_a_by_when_are_to_dos() -> None:
    t = Transcript()
    t.user("Pour la kermesse : je réserve les tables à la mairie d'ici jeudi 9, promis.")
    t.assistant("Noté.")
    t.user("Und Jens bringt die Getränkekisten bis Samstag, 11. Juli, in die Halle.")
    t.assistant("Alles klar.")
    t.user("she'll confirm the bouncy castle by Friday")
    t.assistant("Great.")
    todos = [d.text for d in of_kind(t.items(), "todo")]
    assert any("tables" in x for x in todos)
    assert any("Getränkekisten" in x for x in todos)
    assert any("bouncy castle" in x for x in todos)


def test_what_happened_by_a_time_or_on_a_day_is_no_to_do() -> None:
    t = Transcript()
    t.user("Ich war bis 14 Uhr beim Zahnarzt, deshalb erst jetzt.")
    t.assistant("Kein Problem.")
    t.user("Tickets are already booked: the ferry leaves on the 21st at 08:15.")
    t.assistant("Noted.")
    assert not of_kind(t.items(), "todo")


def test_an_accepted_offer_to_write_to_someone_carried_out_is_a_decision_citing_the_send() -> None:
    t = Transcript()
    t.user("the caterer confirmed 40 plates for the 9th")
    offer = t.assistant(
        "Great, 40 plates it is. ¿Quieres que les escriba pidiendo la factura proforma para el depósito?"
    )
    yes = t.user("venga, sí")
    _, sent = t.bash(
        "mailx -s 'Proforma' pedidos@catering-olmo.es < /tmp/proforma.txt",
        "queued: 1 message to pedidos@catering-olmo.es",
    )
    t.assistant("Enviado.")
    (decision,) = accepted(t.items())
    assert "factura proforma" in decision.text and "pedidos@catering-olmo.es" in decision.text
    assert not decision.text.startswith(("¿", "Quieres"))
    assert set(decision.entry_ids) == {offer, yes, sent}


def test_an_accepted_offer_of_more_work_carried_out_is_no_decision() -> None:
    t = Transcript()
    t.assistant("The parser is fixed. Want me to run the slow test suite too?")
    t.user("yes please")
    t.bash("pytest -q -m slow", "212 passed in 41.0s")
    t.assistant("All 212 slow tests pass.")
    assert not accepted(t.items())


def test_long_sides_before_a_closing_question_are_cut_to_their_leads() -> None:
    t = Transcript()
    t.user("the allotment needs water over the holidays")
    offer = t.assistant(
        "For the three weeks you are away you need about 900 litres or so. You can ask Mrs Duval next "
        "door to water every second evening, which she offered in May and which costs nothing but a jar "
        "of jam, or install a drip kit on the rain barrel, which runs on a timer, needs a morning to "
        "set up and comes to about €60 with the hoses. Which way do you want to go?"
    )
    pick = t.user("the barrel is full anyway. let's do the drip kit")
    t.assistant("Drip kit it is. I'll list the parts.")
    (decision,) = accepted(t.items())
    assert decision.text.lower().startswith("install a drip kit on the rain barrel")
    assert "Duval" in decision.text  # what it was picked over
    assert set(decision.entry_ids) >= {offer, pick}


def test_a_later_preference_with_a_comparative_reverses_no_decision() -> None:
    t = Transcript()
    t.assistant(
        "Zwei Wege für die Vereinskasse: entweder bleibt ihr bei der Sparkasse mit 6,90 € im Monat, "
        "oder ihr wechselt zur GLS Bank mit 4,50 €. Was ist euch lieber?"
    )
    t.user("GLS Bank")
    t.assistant("Gut, GLS Bank.")
    later = t.user(
        "und die Quittungen hätte ich lieber als eine PDF pro Monat statt einzeln, viel weniger Arbeit"
    )
    t.assistant("Mache ich so.")
    (decision,) = accepted(t.items())
    assert decision.text.startswith("Ihr wechselt zur GLS Bank") and later not in decision.entry_ids


def test_a_task_with_a_german_date_is_a_to_do_even_when_the_answer_files_a_point_as_open() -> None:
    t = Transcript()
    t.user(
        "Die Hallenzeiten für den Winter sind noch nicht da. Und ich frage bis 14. Januar beim Sportamt nach, ob wir die Halle auch sonntags bekommen."
    )
    t.assistant("Gut, dann bleibt das vorerst offen.")
    todos = of_kind(t.items(), "todo")
    assert any("14. Januar" in d.text and "Sportamt" in d.text for d in todos)
    assert not [d for d in of_kind(t.items(), "open_question") if "Sportamt" in d.text]


def test_correlative_options_without_a_question_mark_and_a_leaning_recommendation() -> None:
    t = Transcript()
    t.user("Pour la chorale, on répète où cet hiver ?")
    offer = t.assistant(
        "Deux façons de faire : soit la salle paroissiale, gratuite mais froide le soir ; soit l'auditorium "
        "du conservatoire, 40 € la soirée avec le piano accordé. Je pencherais pour l'auditorium."
    )
    yes = t.user("oui, d'accord")
    (decision,) = accepted(t.items())
    assert decision.text.lower().startswith("l'auditorium du conservatoire")
    assert set(decision.entry_ids) >= {offer, yes}


def test_an_offer_about_an_open_failure_refused_is_a_rejection_too() -> None:
    t = Transcript()
    t.user("the label printer sync is broken again")
    t.bash("python sync_labels.py", 'POST /v1/labels -> {"status": 502, "error": "Bad Gateway"}')
    offer = t.assistant(
        "The vendor's API answers 502 to every request, so it is on their side. "
        "I could open a ticket with their helpdesk and attach the log, want that?"
    )
    no = t.user("no, leave it, I'll phone them myself tomorrow morning")
    t.assistant("Understood.")
    items = t.items()
    rejected = [d for d in of_kind(items, "decision") if d.text.startswith("Rejected")]
    assert len(rejected) == 1 and "ticket" in rejected[0].text
    assert set(rejected[0].entry_ids) >= {offer, no}


def test_a_word_listed_with_others_in_an_offer_is_no_value_being_changed() -> None:
    t = Transcript()
    t.bash("curl -s https://api.example-shop.test/v1/stock", '{"error": "timeout", "trace_id": "tr_91ZqX"}')
    t.assistant(
        "The timeout comes from the warehouse API, not from our proxy (trace_id tr_91ZqX). "
        "I could write to the warehouse team with the trace_id and the raw response, want that?"
    )
    t.user("no thanks, I'll do it")
    (rejected,) = [d for d in of_kind(t.items(), "decision") if d.text.startswith("Rejected")]
    assert "proxy" not in rejected.text and "tr_91ZqX" not in rejected.text


def test_a_remember_request_with_a_later_word_is_a_fact_not_a_point_put_off() -> None:
    t = Transcript()
    t.user("bear in mind the gas meter is in the cupboard by the front door, the engineer comes next week")
    t.assistant("Got it: gas meter in the cupboard by the front door.")
    items = t.items()
    assert not of_kind(items, "open_question")
    assert any("gas meter" in d.text for d in of_kind(items, "fact"))


def test_an_accepted_suggestion_sent_at_once_cites_the_send_and_its_address() -> None:
    t = Transcript()
    offer = t.assistant(
        "I could email Ravi the revised floor plan and ask him to confirm the door widths. Shall I?"
    )
    yes = t.user("sounds good, do it")
    _, sent = t.bash(
        "python3 mail.py --to ravi@studio-north.example --body plan.txt", "sent to ravi@studio-north.example"
    )
    t.assistant("Sent.")
    (decision,) = accepted(t.items())
    assert "ravi@studio-north.example" in decision.text and set(decision.entry_ids) == {offer, yes, sent}


def test_two_ways_told_as_one_and_the_other_then_a_pick_after_a_side_question() -> None:
    t = Transcript()
    t.user("the garden party: where do we put the grill?")
    offer = t.assistant(
        "I see two workable spots. One puts it on the patio next to the kitchen door, close to the fridge "
        "but the smoke drifts into the living room. The other puts it at the far end of the lawn by the "
        "shed, which needs an extension cable for the lights."
    )
    t.user("hm, is the extension cable long enough for that?")
    t.assistant("Yes, the 25 m reel in the garage reaches the shed.")
    pick = t.user("ok great. then the second one.")
    (decision,) = accepted(t.items())
    assert decision.text.lower().startswith("puts it at the far end of the lawn")
    assert "second one" not in decision.text
    assert set(decision.entry_ids) >= {offer, pick}


def test_una_y_otra_are_the_two_options_of_a_turn() -> None:
    t = Transcript()
    offer = t.assistant(
        "Hay dos salidas. Una: alquilar la carpa del ayuntamiento por 300 €. Otra: montar la fiesta en el "
        "polideportivo cubierto, gratis pero sin cocina."
    )
    pick = t.user("vale, la segunda")
    (decision,) = accepted(t.items())
    assert "polideportivo" in decision.text and decision.text.index("polideportivo") < decision.text.index(
        "carpa"
    )
    assert set(decision.entry_ids) >= {offer, pick}


def test_a_no_that_only_says_why_to_leave_a_failure_is_no_rejection() -> None:
    t = Transcript()
    t.user("the nightly import failed again")
    t.bash("python import_orders.py", 'POST /v2/orders -> {"status": 503, "error": "Service Unavailable"}')
    t.assistant("The partner API answers 503. Want me to add a retry with backoff to the importer?")
    t.user("no, Marta is replacing that importer next week anyway")
    t.assistant("Understood.")
    assert not [d for d in of_kind(t.items(), "decision") if d.text.startswith("Rejected")]
