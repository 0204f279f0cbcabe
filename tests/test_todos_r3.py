"""To-dos and open questions, third round: what is no to-do (an appointment the assistant put in a
calendar, a routine that repeats, a pronoun taken for an owner), and what is (tasks the assistant's
acknowledgement lists by owner, without a date), and open questions parked with someone after the
assistant could not answer. Conversations written here (en, de, es, fr, it), in no eval split's
wording."""

from __future__ import annotations

from test_extract import Transcript

from memoryd.flush.extract.todos import (
    appointment_or_routine,
    files_open,
    listed_owners,
    owned_task,
    owner,
    owner_clause,
    parks_a_question,
    reminder_of,
    restates_decision,
    when,
)
from memoryd.flush.items import Item


def _kind(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


# --- an appointment in the calendar, a routine: no to-do -------------------------------------------


def test_en_calendar_event_for_a_settled_appointment_is_no_todo() -> None:
    t = Transcript()
    t.user("the vet can see Pepper on Wednesday 13 January at 16:40, put it in the family calendar")
    t.tool(
        "calendar",
        {
            "action": "create",
            "title": "Pepper vaccination, Dr. Haldane",
            "start": "2027-01-13T16:40:00+00:00",
            "durationMinutes": 30,
        },
        '{"ok": true, "eventId": "ev_91"}',
    )
    t.assistant("In the calendar: Wednesday 13 January, 16:40, Pepper at Dr. Haldane.")
    assert not any("reminder set" in i.text for i in _kind(t.items(), "todo"))


def test_de_calendar_event_with_a_place_is_no_todo() -> None:
    t = Transcript()
    t.user("Die Chorprobe ist jetzt am Donnerstag, 14. Januar, um 18 Uhr. Trag sie mir bitte ein.")
    t.tool(
        "calendar",
        {
            "action": "create",
            "title": "Chorprobe Sopran",
            "start": "2027-01-14T18:00:00+01:00",
            "location": "Gemeindehaus Lindenweg",
        },
        '{"ok": true, "eventId": "ev_12"}',
    )
    t.assistant("Eingetragen: Donnerstag, 14. Januar, 18 Uhr, Gemeindehaus Lindenweg.")
    assert not any("Erinnerung gesetzt" in i.text for i in _kind(t.items(), "todo"))


def test_fr_weekly_routine_set_with_cron_is_no_todo() -> None:
    t = Transcript()
    t.user("Rappelle-moi chaque dimanche soir de sortir la poubelle jaune.")
    t.tool(
        "cron",
        {
            "action": "add",
            "job": {
                "name": "poubelle jaune",
                "schedule": {"kind": "cron", "expr": "0 19 * * 0"},
                "payload": {"kind": "systemEvent", "text": "Sortir la poubelle jaune ce soir"},
            },
        },
        '{"ok": true, "jobId": "job_4"}',
    )
    t.assistant("C'est en place : chaque dimanche à 19h.")
    assert _kind(t.items(), "todo") == []  # neither the request nor the schedule is a task left to do


def test_one_off_reminder_with_a_message_is_still_a_todo() -> None:
    """The other side: a reminder at one moment, to do something, stays a to-do."""
    args = {"action": "add", "at": "2027-01-08T07:30:00Z", "text": "Llamar al fontanero por la caldera"}
    assert not appointment_or_routine(args)
    assert reminder_of("cron", args) == ("2027-01-08 07:30", "Llamar al fontanero por la caldera")
    assert (
        reminder_of(
            "calendar",
            {
                "action": "create",
                "title": "Esame di guida",
                "start": "2027-02-02T09:00:00Z",
                "end": "2027-02-02T10:00:00Z",
            },
        )
        is None
    )
    assert (
        reminder_of("cron", {"action": "add", "schedule": "30 6 * * 1-5", "text": "stretch before work"})
        is None
    )


# --- a pronoun is no owner -----------------------------------------------------------------------------


def test_pronoun_subject_is_no_owner_but_a_name_is() -> None:
    assert not owner("Il propose lundi à 9h ou jeudi à 14h", initial=True, ack="Il propose lundi")
    assert not owner("Sie bietet Montag oder Mittwoch an", initial=True, ack="Sie bietet Montag")
    assert not owner("Ella puede el martes o el viernes", initial=True, ack="Ella puede el martes")
    assert owner("Ottavio porta le sedie venerdì", initial=True, ack="Ottavio, sedie, venerdì")


def test_fr_options_someone_offers_are_no_todo() -> None:
    t = Transcript()
    t.user("Le garagiste a rappelé. Il peut prendre la voiture mercredi à 8h ou samedi à 10h.")
    t.assistant("Noté : mercredi 8h ou samedi 10h.")
    assert _kind(t.items(), "todo") == []


# --- a question parked after the assistant could not settle it ------------------------------------------


def test_en_question_parked_with_someone_after_the_assistant_cannot_say() -> None:
    t = Transcript()
    asked = t.user(
        "the choir needs a new librarian in spring. who took over the sheet music last year, any idea?"
    )
    t.assistant("Nothing about that in my notes, and the old mails don't say either.")
    parked = t.user("hm, ok. I'll ask Bertrand at rehearsal, leave it for now")
    ack = t.assistant("Fine, it stays open.")
    (q,) = _kind(t.items(), "open_question")
    assert "sheet music" in q.text and "Bertrand" in q.text
    assert {asked, parked} <= set(q.entry_ids) and ack in q.entry_ids


def test_de_question_parked_after_advice_only() -> None:
    t = Transcript()
    asked = t.user("Zählt die Fahrt zur Fortbildung als Werbungskosten oder zahlt die Firma sie zurück?")
    t.assistant("Das hängt von deinem Arbeitsvertrag ab, frag am besten in der Personalabteilung nach.")
    parked = t.user("Ja, ich schreibe der Personalabteilung morgen früh. Bis dahin lassen wir das offen.")
    t.assistant("Gut, bleibt offen, bis sie antworten.")
    (q,) = _kind(t.items(), "open_question")
    assert "Werbungskosten" in q.text and "Personalabteilung" in q.text
    assert {asked, parked} <= set(q.entry_ids)


def test_it_question_parked_for_later() -> None:
    t = Transcript()
    asked = t.user("La palestra rimborsa l'abbonamento se mi trasferisco a marzo, sai niente?")
    t.assistant("Non ho il regolamento della palestra, non saprei dirti.")
    parked = t.user("Va bene, chiedo in segreteria sabato. Per ora lasciamo stare.")
    (q,) = _kind(t.items(), "open_question")
    assert "abbonamento" in q.text and {asked, parked} <= set(q.entry_ids)


def test_an_answer_that_states_the_value_settles_the_question() -> None:
    t = Transcript()
    t.user("how long is the warranty on the dishwasher, do you know?")
    t.assistant("The receipt in ~/docs says 24 months, until 14 March 2028.")
    t.user("ok, I'll check the paper copy later anyway")
    assert _kind(t.items(), "open_question") == []


def test_a_deferral_inside_a_turn_about_something_else_parks_nothing() -> None:
    assert parks_a_question(["Tant pis.", "On verra plus tard."], ["On verra plus tard."])
    turn = [
        "Tant pis.",
        "La salle est réservée de 14h à minuit, le traiteur arrive à 17h.",
        "Le reste demain.",
    ]
    assert not parks_a_question(turn, ["Le reste demain."])
    t = Transcript()
    t.user("which bin does the broken lamp go in, do you know?")
    t.assistant("No idea, the council leaflet isn't in my notes.")
    said = t.user("fine. I'm taking the blue tent to the fair and Hugo drives the van at 7. the rest later")
    assert not any(said in q.entry_ids for q in _kind(t.items(), "open_question"))


def test_es_doubt_and_whom_to_ask_in_one_turn() -> None:
    t = Transcript()
    said = t.user(
        "lo del campamento de verano para Lucía, el colegio ofrece dos semanas en julio. "
        "No estoy segura, tengo que preguntar a Andrés primero. No reserves nada todavía."
    )
    t.assistant("Entendido, no toco lo del campamento hasta que lo habléis.")
    (q,) = _kind(t.items(), "open_question")
    assert "campamento" in q.text and "Andrés" in q.text and said in q.entry_ids


def test_fr_doubt_and_whom_to_ask_in_one_turn() -> None:
    t = Transcript()
    said = t.user(
        "pour la cantine de Jules, l'école propose un forfait au trimestre. "
        "Je ne suis pas sûre, je dois en parler à Karim d'abord."
    )
    t.assistant("D'accord, je laisse la cantine de côté en attendant.")
    (q,) = _kind(t.items(), "open_question")
    assert "cantine" in q.text and "Karim" in q.text and said in q.entry_ids


# --- a point kept open says who settles it; one point, one item ------------------------------------------


def test_de_point_kept_open_says_who_settles_it() -> None:
    t = Transcript()
    said = t.user(
        "Offen ist noch, ob der Bus für den Ausflug 40 Plätze hat. Das kläre ich am Montag mit Frau Kessler."
    )
    t.assistant("Gut, das bleibt offen bis zu deinem Anruf bei Frau Kessler.")
    (q,) = _kind(t.items(), "open_question")
    assert "40 Plätze" in q.text and "Kessler" in q.text and said in q.entry_ids


def test_fr_point_kept_open_says_who_settles_it() -> None:
    t = Transcript()
    t.user("Reste à savoir si la salle des fêtes accepte les chiens. Je demande à la mairie jeudi.")
    t.assistant("Entendu, je le laisse en suspens jusqu'à jeudi.")
    (q,) = _kind(t.items(), "open_question")
    assert "chiens" in q.text and "mairie" in q.text


def test_en_a_later_for_now_does_not_open_the_point_twice() -> None:
    t = Transcript()
    t.user("we hire two juniors in spring.")
    t.assistant("Noted.")
    asked = t.user(
        "one thing I can't settle: do the volunteers get lunch vouchers or a flat allowance? "
        "I'll ask Ingrid, she ran it last year."
    )
    t.assistant("Sounds good. I'll keep that open until you've heard from her.")
    t.user("thx, nothing else for now")
    (q,) = _kind(t.items(), "open_question")
    assert "vouchers" in q.text and "Ingrid" in q.text and asked in q.entry_ids


# --- tasks the acknowledgement lists by owner, with or without a date ------------------------------------


def test_en_acknowledged_owner_list_makes_a_dateless_task_a_todo() -> None:
    t = Transcript()
    t.user("the garden clean-up is on for Saturday.")
    t.assistant("Great, Saturday it is.")
    said = t.user(
        "who brings what: Ilse brings the shredder by Friday, Ruben sorts out the skip whenever he can."
    )
    ack = t.assistant("Noted: Ilse, shredder by Friday; Ruben, the skip (no date).")
    todos = _kind(t.items(), "todo")
    assert any(
        x.text.startswith("Ruben sorts out the skip") and {said, ack} <= set(x.entry_ids) for x in todos
    )
    assert any("Ilse" in x.text and "shredder" in x.text for x in todos)


def test_es_acknowledged_owner_list_present_tense_is_no_past() -> None:
    t = Transcript()
    said = t.user("Para la mudanza: Nuria hace las cajas de la cocina. Tomeu lleva la furgoneta el sábado.")
    t.assistant("Anotado: Nuria, cajas de la cocina; Tomeu, furgoneta el sábado.")
    todos = _kind(t.items(), "todo")
    assert any(x.text.startswith("Nuria hace las cajas") and said in x.entry_ids for x in todos)


def test_de_owner_after_a_long_label_in_a_bulleted_acknowledgement() -> None:
    t = Transcript()
    said = t.user(
        "Also, die Aufgaben aus dem Treffen heute: Henrike bucht den Saal für die Feier bis Freitag. "
        "Und die Aufgabe für die Getränke übernimmt Lutz, Lutz besorgt die Getränke beim Großmarkt."
    )
    t.assistant("Notiert:\n- Henrike: Saal für die Feier buchen, bis Freitag\n- Lutz: Getränke vom Großmarkt")
    todos = _kind(t.items(), "todo")
    assert any(x.text.startswith("Henrike bucht den Saal") and said in x.entry_ids for x in todos)
    assert any(x.text.startswith("Lutz besorgt die Getränke") for x in todos)


def test_an_acknowledged_name_in_a_statement_of_state_is_no_todo() -> None:
    t = Transcript()
    t.user("Quick context: Postgres is on version 16 and Redis runs on the same box.")
    t.assistant("Noted: Postgres, version 16; Redis, same box.")
    assert _kind(t.items(), "todo") == []


def test_fr_an_answer_without_an_acknowledgement_lists_no_owner() -> None:
    assert (
        listed_owners(["Très bien, Aurore: la salle, Basile: le gâteau."], "Très bien, Aurore: la salle.")
        == []
    )
    answer = "C'est noté : Aurore, la salle pour samedi ; Basile, le gâteau ; toi, les invitations."
    assert listed_owners([answer], answer) == ["Aurore", "Basile"]
    dateless = "C'est noté : Aurore, la salle ; Basile, le gâteau."
    assert listed_owners([dateless], dateless) == []  # no due day anywhere: no list of tasks
    assert (
        owner_clause("Et Basile s'occupe du gâteau pour dimanche.", "Basile") == ""
    )  # no lower-case verb next
    assert (
        owner_clause("et Basile fait le gâteau pour dimanche.", "Basile")
        == "Basile fait le gâteau pour dimanche"
    )


# --- "this weekend" is a when; a task of finding out is how a question waits ------------------------------


def test_the_weekend_is_a_when_in_each_language() -> None:
    for said in (
        "I'll repaint the fence this weekend",
        "Das Regal baue ich am Wochenende auf",
        "Lo arreglo este fin de semana",
        "Je range la cave ce week-end",
        "Sistemo la bici nel fine settimana",
    ):
        assert when(said), said
    assert not when("the fence needs paint")


def test_fr_looking_it_up_this_weekend_keeps_the_question_open_not_a_todo() -> None:
    t = Transcript()
    asked = t.user("Merci. Le club rembourse la licence si j'arrête en février, tu sais ?")
    t.assistant("Je n'ai pas leur règlement, je ne peux pas te répondre sans le voir.")
    parked = t.user("Bon, je regarderai sur le site du club ce week-end.")
    t.assistant("D'accord, on verra ça plus tard.")
    items = t.items()
    (q,) = _kind(items, "open_question")
    assert "licence" in q.text and {asked, parked} <= set(q.entry_ids)
    assert _kind(items, "todo") == []


def test_en_a_weekend_task_with_no_question_before_stays_a_todo() -> None:
    t = Transcript()
    t.user("my sister visits on the 20th, she sleeps in the spare room.")
    t.assistant("Nice. I've put the 20th in the calendar.")
    said = t.user("the spare room is full of boxes. I'll clear it out this weekend")
    t.assistant("Noted.")
    (todo,) = _kind(t.items(), "todo")
    assert "this weekend" in todo.text and said in todo.entry_ids


# --- a deadline with no doer; the choice said again -------------------------------------------------------


def test_a_passive_deadline_names_no_owner() -> None:
    assert not owned_task("The renewal form must be in by 3 March at the latest")
    assert not owned_task("Der Antrag muss bis Freitag eingereicht sein")
    assert not owned_task("La solicitud debe estar lista antes del 12 de marzo")
    assert not owned_task("Le dossier doit être envoyé avant vendredi")
    assert owned_task("La mairie doit confirmer la salle avant vendredi")  # a doer, active: a task
    assert owned_task("Die Hausverwaltung muss den Zähler bis Freitag ablesen")


def test_en_passive_deadline_in_a_turn_is_no_todo() -> None:
    t = Transcript()
    t.user("the lease says the notice must be with the landlord by 30 April at the latest.")
    t.assistant("Good to know: notice to the landlord by 30 April.")
    assert _kind(t.items(), "todo") == []


def test_a_task_that_restates_the_choice_of_the_same_turn_is_no_todo() -> None:
    t = Transcript()
    t.assistant(
        "Two ways to do the seating chart:\n"
        "1. Let the venue's planner seat everyone from the guest list\n"
        "2. Draw the chart by hand, table by table\n"
        "Which one?"
    )
    said = t.user("number 2, it's only 9 tables, I'll draw the chart by hand on Sunday")
    t.assistant("OK, the hand-drawn chart it is.")
    items = t.items()
    assert any(d.kind == "decision" and said in d.entry_ids for d in items)
    assert not any(x.kind == "todo" and "draw the chart" in x.text and said in x.entry_ids for x in items), (
        items
    )


def test_restates_decision_needs_the_same_turn_and_most_words() -> None:
    from memoryd.flush.extract.context import Draft

    decision = Draft(
        "decision", "Affitto del furgone da Rossi; lo prenoto io giovedì (invece di: Bianchi)", {4, 5}
    )
    assert restates_decision([decision], "lo prenoto io giovedì, il furgone da Rossi", 5)
    assert not restates_decision([decision], "lo prenoto io giovedì, il furgone da Rossi", 7)  # another turn
    assert not restates_decision([decision], "Marta porta le sedie giovedì sera", 5)  # another task


# --- "let me ..." with a when is the speaker's own task ---------------------------------------------------


def test_let_me_with_a_when_is_the_speakers_task_in_each_language() -> None:
    assert owner("let me sort the invoices on Monday")
    assert owner("lass mich das am Freitag erledigen")
    assert owner("déjame revisar las facturas el lunes")
    assert owner("laisse-moi trier les factures lundi")
    assert not owner("let me know by Friday")  # a request to the other side, not a task of one's own


def test_en_let_me_with_a_when_acknowledged_is_a_todo() -> None:
    t = Transcript()
    t.assistant(
        "Two of the scans are unreadable: the pharmacy one and the parking one. A rescan would fix both."
    )
    said = t.user("right, let me rescan them tomorrow at the office")
    ack = t.assistant("OK. I'll keep those two aside for now.")
    (todo,) = _kind(t.items(), "todo")
    assert "rescan them tomorrow" in todo.text and {said, ack} <= set(todo.entry_ids)


# --- an outburst and a command raise no point ---------------------------------------------------------


def test_an_outburst_and_a_command_before_a_deferral_open_nothing() -> None:
    from memoryd.flush.extract import dialogue
    from memoryd.flush.extract.context import Ctx
    from memoryd.flush.extract.messages import language_of, visible_messages

    for outburst, parks in (
        ("Argh. Skip it.", "The treasurer has the login, but she's on holiday until next week."),
        ("Mist. Lass es.", "Die Kassenwartin hat den Zugang, ist aber bis nächste Woche im Urlaub."),
        ("Uf. Déjalo.", "La tesorera tiene el acceso, pero está de vacaciones hasta la semana que viene."),
    ):
        t = Transcript()
        t.assistant("The portal refuses: the account lacks the export role.")
        t.user(f"{outburst} {parks}")
        msgs = visible_messages(t.entries())
        ctx = Ctx(msgs, language_of(msgs))
        m = msgs[-1]
        dialogue._parked(ctx, m, list(m.sentences), outburst, [parks])
        assert ctx.drafts == [], outburst
        dialogue._parked(ctx, m, list(m.sentences), "Skip the member export for now", [parks])
        assert [d.kind for d in ctx.drafts] == ["open_question"]  # a point with words of its own is kept


# --- "an open question" files the point ---------------------------------------------------------------


def test_assistant_filing_the_point_as_an_open_question_keeps_it_open() -> None:
    for asked, answer in (
        (
            "one more, and I can't answer it: why did the backup job skip Sunday? let's not speculate, it's for the retro.",
            "Agreed. I'll record it as an open question for the retro.",
        ),
        (
            "Noch was, ohne Antwort: warum hat der Zähler im Keller zwei Nummern? Das klären wir beim Termin.",
            "Gut, ich notiere es als offene Frage für den Termin.",
        ),
        (
            "Ultima cosa, senza risposta: perché la fattura di ottobre è doppia? Ne parliamo con il commercialista.",
            "Va bene, la segno come domanda aperta per il commercialista.",
        ),
    ):
        t = Transcript()
        said = t.user(asked)
        ack = t.assistant(answer)
        (q,) = _kind(t.items(), "open_question")
        assert {said, ack} <= set(q.entry_ids), asked


def test_files_open_reads_the_open_word_before_its_noun() -> None:
    assert files_open(["I'll keep it as an open question for Monday."])
    assert files_open(["Lo dejo como pregunta abierta."])  # the open word closes the clause
    assert not files_open(["Yes, that's an open question."])  # a plain yes answers it
    assert not files_open(["I'll open an issue for it."])  # "open" the verb, then a noun: nothing filed


# --- a reminder for a point put off, or for the choice just made ------------------------------------------


def _cron(t: Transcript, at: str, text: str) -> str:
    _, result = t.tool("cron", {"action": "add", "at": at, "text": text}, '{"ok": true, "id": "rem_5"}')
    return result


def test_a_reminder_asked_while_putting_the_point_off_is_an_open_question() -> None:
    for asked, text in (
        (
            "not yet. let's wait until the surveyor has been, then we'll see. remind me?",
            "Check the survey; decide on the roof offer",
        ),
        (
            "Noch nicht. Warten wir ab, bis der Gutachter da war, dann sehen wir weiter. Erinnerst du mich?",
            "Gutachten prüfen; über das Dachangebot entscheiden",
        ),
        (
            "Pas encore. Attendons le passage de l'expert, on verra après. Tu me le rappelles ?",
            "Voir le rapport de l'expert ; décider pour le toit",
        ),
    ):
        t = Transcript()
        t.assistant("The roofer's offer is valid until 20 January. Shall I accept it?")
        said = t.user(asked)
        result = _cron(t, "2027-01-12T09:00:00Z", text)
        t.assistant("Reminder set for 12 January, 09:00.")
        items = t.items()
        assert not any(x.kind == "todo" and result in x.entry_ids for x in items), asked
        assert any(q.kind == "open_question" and {said, result} <= set(q.entry_ids) for q in items), asked


def test_a_reminder_asked_with_the_pick_joins_that_decision() -> None:
    t = Transcript()
    t.assistant(
        "Two ways to pay the gas bill:\n1. Pay the full €318 now\n2. Spread it over three instalments\nWhich one?"
    )
    said = t.user("the first one, I'll pay it in full. set me a reminder for the 9th")
    result = _cron(t, "2027-02-09T08:00:00Z", "Pay the gas bill, €318, in full")
    t.assistant("Reminder set for 9 February.")
    items = t.items()
    assert any(d.kind == "decision" and {said, result} <= set(d.entry_ids) for d in items)
    assert not any(x.kind == "todo" and result in x.entry_ids for x in items)


# --- a dated statement that sets up work the assistant does at once -------------------------------------


def test_dated_context_of_a_request_done_at_once_is_no_todo() -> None:
    for said in (
        "Change of plan, my brother can't drive on Saturday. I'll have to leave on Sunday morning. Any bus before 10?",
        "Planänderung, mein Bruder kann Samstag nicht fahren. Ich muss dann am Sonntag früh los. Gibt es einen Bus vor 10?",
        "Cambio de planes, mi hermano no puede conducir el sábado. Tengo que salir el domingo por la mañana. ¿Hay algún autobús antes de las 10?",
    ):
        t = Transcript()
        t.user(said)
        t.tool(
            "exec", {"command": "bussearch --from OSL --to BGO --before 10:00"}, "1 result: bus 430 dep 08:15"
        )
        t.assistant("One: bus 430 at 08:15.")
        assert _kind(t.items(), "todo") == [], said


def test_a_named_owners_task_stays_a_todo_whatever_the_assistant_runs_next() -> None:
    t = Transcript()
    said = t.user("Marta sends the signed lease by Friday. Can you check which clauses changed?")
    t.tool("exec", {"command": "diff lease_v1.txt lease_v2.txt"}, "3 clauses changed: 4.2, 7.1, 9")
    t.assistant("Three clauses changed: 4.2, 7.1 and 9. Marta's lease by Friday is noted.")
    assert any(x.text.startswith("Marta sends") and said in x.entry_ids for x in _kind(t.items(), "todo"))
