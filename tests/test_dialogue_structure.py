"""Structures of issue 11 the dialogue rules read, on conversations written here (new topics and
wordings, several languages): a pick after a side question, options told clause by clause, the
assistant's confirmation, a change of a stated value offered after work, a reversal without a
reversal word, a point filed as open, a task given an owner and a date, a runbook offer.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind
from test_extract_dialogue import accepted, texts

from memoryd.flush.extract.dialogue import task_sentence
from memoryd.flush.extract.exchanges import offer_of, option_by_name
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import Option


def rejected(items: list) -> list[str]:  # type: ignore[type-arg]
    return [d.text for d in of_kind(items, "decision") if d not in accepted(items)]


# --- a pick after a side question -------------------------------------------------------------------


def test_pick_after_a_side_question_resolves_against_the_pending_options() -> None:
    t = Transcript()
    t.user("we still need a venue for the offsite")
    offer = t.assistant(
        "Three places are free that week:\n\n- **Option A**: Rotes Haus (40 seats; €1,900)\n"
        "- **Option B**: Kesselhalle (120 seats; €4,200)\n- **Option C**: Gartenpavillon (25 seats; €900)\n\n"
        "A is the one I'd book."
    )
    t.user("hang on, does C have a projector?")
    t.assistant("Gartenpavillon has a screen and a projector, yes; parking is the weak point.")
    pick = t.user("C then")
    t.assistant("Booked: Gartenpavillon.")
    (decision,) = accepted(t.items())
    assert "Gartenpavillon" in decision.text and "Rotes Haus" not in decision.text
    assert set(decision.entry_ids) >= {offer, pick}
    assert not of_kind(t.items(), "fact")  # the side question is no correction of the agent


def test_a_side_request_naming_an_option_is_superseded_by_the_pick_after_it() -> None:
    t = Transcript()
    t.assistant(
        "Zwei Varianten für die Sicherung:\n\n**A) Borg auf die Hetzner Storage Box**: 3,20 € im Monat\n"
        "**B) Restic nach Backblaze B2**: etwa 6 € im Monat\n\nIch nehme A."
    )
    t.user("moment, erzähl mir mehr über B")
    t.assistant("Restic nach Backblaze B2: kein eigener Server nötig, dafür Egress-Kosten beim Zurückholen.")
    t.user("B")
    (decision,) = accepted(t.items())
    assert "Backblaze" in decision.text


# --- options told in running prose; the assistant's confirmation --------------------------------------


def test_three_alternatives_told_clause_by_clause_and_the_middle_one() -> None:
    m = Msg(
        0,
        "a",
        "assistant",
        "Roughly three ways to ship the beans. Kurierdienst Blitz takes 2 days for €14; Paketpost Nord needs "
        "4 days at €7; and there is Frachtwerk Süd, 6 days, €4. Paketpost Nord looks like the sane middle. "
        "Your pick?",
    )
    offer = offer_of(m)
    assert len(offer.options) == 3 and offer.choice
    assert offer.recommended == 1
    t = Transcript()
    t.assistant(m.prose)
    t.user("the one in between")
    (decision,) = accepted(t.items())
    assert "Paketpost Nord" in decision.text


def test_a_reply_that_names_no_option_is_resolved_by_the_confirmation() -> None:
    t = Transcript()
    t.assistant(
        "Puedes quedarte con Vinoteca Alba (entrega en 24 h, 18 €), o Bodega Ruiz, que cuesta 11 € y tarda "
        "una semana. Una tercera opción sería Casa Merino: 9 €, solo recogida. Yo me quedaría con Bodega Ruiz. "
        "¿Qué te parece?"
    )
    t.user("la que menos tarde")  # the fastest: no number to compare by ("24 h" against "una semana")
    ack = t.assistant("Hecho: Vinoteca Alba.")
    (decision,) = accepted(t.items())
    assert "Vinoteca Alba" in decision.text and ack in decision.entry_ids


# --- a single offer after work: a change of a value the turn states ----------------------------------


def _checked(t: Transcript, cfg: str, said: str) -> str:
    t.user("look over the newsletter settings")
    t.tool("read", {"path": "config/newsletter.toml"}, cfg)
    return t.assistant(said)


def test_an_offer_to_change_a_stated_value_accepted_is_a_decision() -> None:
    t = Transcript()
    offer = _checked(
        t,
        "send_day = tuesday",
        "Everything checks out; the send day is set to tuesday at the moment. Happy to switch it to thursday "
        "too, if you like?",
    )
    reply = t.user("please do")
    t.assistant("Done: the newsletter now goes out on thursday.")
    (decision,) = accepted(t.items())
    assert "thursday" in decision.text and "tuesday" in decision.text  # the new value, and what it was
    assert set(decision.entry_ids) >= {offer, reply} and decision.must_keep


def test_a_reply_neither_yes_nor_no_is_read_from_the_assistants_next_words() -> None:
    t = Transcript()
    _checked(
        t,
        "sender = team@",
        "Alles stimmig, der Absender steht gerade auf team@. Wenn du willst, stelle ich den Absender auf hallo@ um. "
        "Passt das?",
    )
    t.user("lass es so wie es ist")
    t.assistant("Alles klar, der Absender bleibt team@.")
    (rejection,) = rejected(t.items())
    assert "hallo@" in rejection and "team@" in rejection  # a rejection (labelled in the user's language)


def test_asking_leave_for_the_next_step_is_no_change_offer() -> None:
    m = Msg(0, "a", "assistant", "The tests pass on the branch now. Shall I push it?")
    assert offer_of(m).change == ()


# --- a reversal without a reversal word ------------------------------------------------------------


def test_a_later_statement_naming_another_option_confirmed_by_the_assistant_reverses() -> None:
    t = Transcript()
    t.assistant(
        "For the team laptops:\n\n**A) Framework 13**: €1,350\n**B) ThinkPad T14**: €1,290\n"
        "**C) MacBook Air M3**: €1,399\n\nA would be my pick."
    )
    t.user("A")
    t.assistant("Framework 13 it is.")
    t.user("what's the weather in Graz tomorrow?")
    t.assistant("Sunny, around 14 °C.")
    turn = t.user("forget what I said about the laptops: ThinkPad T14")
    t.assistant("No problem, switched to ThinkPad T14.")
    (decision,) = accepted(t.items())
    assert "ThinkPad" in decision.text and "Framework" not in decision.text
    assert turn in decision.entry_ids


def test_option_by_name_needs_a_name_only_one_option_has() -> None:
    options = [Option("a", "Framework 13: €1,350"), Option("b", "ThinkPad T14: €1,290")]
    assert option_by_name("al final ThinkPad", options) == 1
    assert option_by_name("the 3rd of May", options) is None  # an ordinal in a date names nothing


# --- open points ------------------------------------------------------------------------------------


def test_a_point_the_assistant_files_as_open_is_an_open_question() -> None:
    t = Transcript()
    asked = t.user("any idea whether the venue lets us bring our own coffee?")
    filed = t.assistant("No way to tell from their site; Ilse would have to ask them. I'll keep it as open.")
    t.user("next: the seating plan")
    (question,) = of_kind(t.items(), "open_question")
    assert question.text.lower().startswith("whether the venue lets us bring our own coffee")
    assert set(question.entry_ids) == {asked, filed}


def test_a_request_naming_a_day_that_the_assistant_carries_out_defers_nothing() -> None:
    t = Transcript()
    t.user("how far is it from the station to the venue?")
    t.assistant("About 900 m, a 12 minute walk.")
    t.user("and what's on my calendar tomorrow")
    t.assistant("Tomorrow you have the dentist at 09:30 and nothing after 14:00.")
    assert not of_kind(t.items(), "open_question")


def test_a_question_deferred_after_the_assistant_could_not_settle_it_is_open() -> None:
    t = Transcript()
    t.user("¿sabes si la sala tiene aire acondicionado?")
    t.assistant("No puedo saberlo sin preguntar a la gerencia.")
    t.user("lo vemos la semana que viene")
    (question,) = of_kind(t.items(), "open_question")
    assert "aire acondicionado" in question.text


def test_nothing_pending_is_no_open_point() -> None:
    t = Transcript()
    t.user("what did we cover on Monday?")
    t.assistant("Mostly the budget, nothing pending from it.")
    assert not of_kind(t.items(), "open_question")


# --- to-dos: a task, who takes it and by when -------------------------------------------------------


def test_a_task_given_an_owner_and_a_date_in_reply_to_who_and_when_is_a_todo() -> None:
    t = Transcript()
    task = t.user("someone has to book the coach for the offsite")
    t.assistant("Who does that, and by when?")
    reply = t.user("Henrike, by the 9th")
    t.assistant("Noted for Henrike.")
    items = t.items()
    (todo,) = of_kind(items, "todo")
    assert todo.text.startswith("Henrike:") and "book the coach" in todo.text and "9th" in todo.text
    assert set(todo.entry_ids) == {task, reply}
    assert not of_kind(items, "open_question")


def test_a_self_assigned_task_with_a_latest_date_in_french() -> None:
    t = Transcript()
    t.user("il faut renvoyer le contrat signé au traiteur")
    t.assistant("Qui s'en occupe, et pour quand ?")
    t.user("moi, au plus tard vendredi")
    (todo,) = of_kind(t.items(), "todo")
    assert "contrat" in todo.text and "vendredi" in todo.text


def test_an_owner_statement_for_later_is_no_task() -> None:
    assert not task_sentence("Para el futuro: Inés es responsable del inventario")


# --- a runbook offer is a procedure's business, no decision -----------------------------------------


def test_an_offer_to_save_the_commands_just_run_is_no_decision() -> None:
    t = Transcript()
    t.user("rebuild the docs site and publish it")
    t.tool("bash", {"command": "mkdocs build --strict"}, "INFO - Documentation built in 2.1 seconds")
    t.tool("bash", {"command": "rsync -a site/ web01:/srv/docs/"}, "")
    t.assistant(
        "Both steps went through:\n1. `mkdocs build --strict`\n2. `rsync -a site/ web01:/srv/docs/`\n"
        "Want me to keep these as a runbook?"
    )
    t.user("sure")
    assert not of_kind(t.items(), "decision")


def test_completion_said_as_a_condition_is_no_outcome() -> None:
    t = Transcript()
    t.user("start the export and tell me when it's done")
    assert not texts(t.items(), "outcome")


# --- one item per decision; the bullet says what was decided ------------------------------------------


def test_the_assistant_restating_the_value_just_decided_is_the_same_item() -> None:
    t = Transcript()
    t.user("how long do we keep the scanned invoices?")
    question = t.assistant("The tax office wants at least 6 years. Should we keep them 6 or 10 years?")
    reply = t.user("10, the auditors asked for a decade")
    restated = t.assistant("OK, we decided to keep the scanned invoices for 10 years. Setting the rule now.")
    items = t.items()
    (decision,) = accepted(items)
    assert set(decision.entry_ids) == {question, reply, restated}
    assert "10" in decision.text and "auditors" in decision.text
    assert "10, the" not in decision.text  # the pick is not repeated in front of what the reply adds
    assert not of_kind(items, "open_question")  # "6 or 10 years?" was answered in the same range


def test_prose_options_whose_names_open_their_sentences_and_a_comparative_confirmed() -> None:
    t = Transcript()
    t.user("on cherche encore un outil de sondage pour l'assemblée")
    t.assistant(
        "En gros, trois pistes. Framaforms est gratuit et hébergé en France ; LimeSurvey Cloud coûte 29 € par "
        "mois, avec export SPSS ; et il reste Typeform, 25 € par mois, très joli. Framaforms me paraît le plus "
        "raisonnable. Ton avis ?"
    )
    t.user("le moins cher")
    t.assistant("Entendu : Framaforms.")
    (decision,) = accepted(t.items())
    assert decision.text.startswith("Framaforms") and "moins cher" not in decision.text


def test_an_introduction_is_no_option_and_the_recommendation_keeps_its_place() -> None:
    t = Transcript()
    t.assistant(
        "Es gibt drei Wege. Zammad kostet 0 € selbst gehostet; Freshdesk Growth liegt bei 15 € pro Agent; und "
        "dann noch Jira Service Management mit 20 € pro Agent. Ich würde Zammad nehmen. Was meinst du?"
    )
    t.user("passt")
    (decision,) = accepted(t.items())
    assert "Zammad" in decision.text


def test_a_lone_number_after_a_side_question_picks_the_numbered_option() -> None:
    t = Transcript()
    t.assistant(
        "Options for the logo file:\n\n- **Option 1**: SVG, scales cleanly\n- **Option 2**: PNG at 2x\n\n"
        "I'd take option 1."
    )
    t.user("is PNG smaller?")
    t.assistant("Usually larger for a logo this simple.")
    t.user("ok then 2")
    (decision,) = accepted(t.items())
    assert "PNG" in decision.text and "Options for" in decision.text  # "Options" itself is no label


def test_a_place_word_shared_with_a_report_is_no_change_of_value() -> None:
    t = Transcript()
    t.user("run the build")
    t.tool("bash", {"command": "npm run build"}, "built in 3s")
    offer = t.assistant("The build is green on node 18. Should I also run the linter on CI?")
    assert (
        offer_of(
            Msg(0, offer, "assistant", "The build is green on node 18. Should I also run the linter on CI?")
        ).change
        == ()
    )
    t.user("yes")
    assert not of_kind(t.items(), "decision")  # leave for the next step, not a decision


def test_an_answer_that_says_yes_is_open_files_nothing() -> None:
    t = Transcript()
    t.user("is the bakery on Lindenstraße still open on Sundays?")
    t.assistant("Yes, it's open.")
    assert not of_kind(t.items(), "open_question")


def test_an_offer_of_another_value_for_a_setting_just_read_is_a_decision() -> None:
    t = Transcript()
    t.user("have a look at the invoice template")
    t.tool("read", {"path": "templates/invoice.yaml"}, "paper: A4\nfooter: Bankverbindung")
    offer = t.assistant(
        "The template renders fine and the paper size is currently A4. Glad to move it to US Letter as well, "
        "if that's useful?"
    )
    reply = t.user("yes please")
    (decision,) = accepted(t.items())
    assert "US Letter" in decision.text and "A4" in decision.text
    assert set(decision.entry_ids) >= {offer, reply}


def test_a_next_step_after_a_read_that_restates_no_read_value_is_no_decision() -> None:
    t = Transcript()
    t.user("check the release notes file")
    t.tool("read", {"path": "RELEASE.md"}, "version: 2.4.0\nstatus: draft")
    t.assistant("The notes look complete. Want me to send them to the team channel?")
    t.user("sure")
    assert not of_kind(t.items(), "decision")
