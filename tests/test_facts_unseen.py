"""Facts from conversations written for this file, worded unlike the eval splits (en, de, es, fr).

Each test says what must be kept; the rules read the structure (who said it, what the assistant
answered, which value changed), so the wording here is new on purpose.
"""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def kept(c: Conv) -> list[Item]:
    return [i for i in facts(c.items()) if i.must_keep]


# --- remember requests, however they are worded ---------------------------------------------------


def test_remember_where_a_runbook_lives_is_a_fact_not_a_missing_procedure() -> None:
    c = Conv()
    ask = c.user("Remember that the runbook lives in ops/RUNBOOK.md.")
    c.say("Will do.")
    (fact,) = kept(c)
    assert "ops/RUNBOOK.md" in fact.text and fact.entry_ids == (ask,)
    assert [i for i in c.items() if i.kind == "procedure"] == []


@pytest.mark.parametrize(
    ("said", "reply", "value"),
    [
        ("keep in mind: the invoices for Kessler GmbH go out on the 5th of each month", "Okay.", "5th"),
        ("note for later, the VPN gateway is vpn2.corp.example", "Sure, noted.", "vpn2.corp.example"),
        ("for the record, Ines handles the payroll export now", "Understood.", "Ines"),
        ("FYI the staging DB is on port 5544", "Thanks, good to know.", "5544"),
        ("Merk dir bitte: der Schlüsselkasten hängt neben der Tür im Keller.", "Mach ich.", "Keller"),
        (
            "Ten en cuenta que la reunión de equipo es los martes a las 9:30.",
            "Perfecto, lo tengo en cuenta.",
            "9:30",
        ),
        ("Pour info, le serveur de fichiers est passé à la version 4.2.", "Merci, c'est noté.", "4.2"),
        ("Pour mémoire, le fournisseur facture en CHF.", "D'accord.", "CHF"),
        ("Apunta que el código postal de la oficina nueva es 28014.", "Apuntado.", "28014"),
    ],
)
def test_a_remember_request_in_other_words_is_kept(said: str, reply: str, value: str) -> None:
    c = Conv()
    ask = c.user(said)
    c.say(reply)
    (fact,) = kept(c)
    assert value in fact.text and fact.entry_ids == (ask,)


def test_a_declined_remember_request_keeps_nothing_and_leaks_no_pin() -> None:
    c = Conv()
    c.user("remember that my bank PIN is 4821")
    c.say("I'd rather not store a PIN — please keep it in a password manager.")
    items = c.items()
    assert facts(items) == [] and not any("4821" in i.text for i in items)


@pytest.mark.parametrize(
    ("said", "reply", "secret"),
    [
        (
            "Merk dir: der Garagencode ist 7720",
            "Das speichere ich lieber nicht, Codes gehören nicht in Notizen.",
            "7720",
        ),
        (
            "Recuerda que el PIN del garaje es 9931.",
            "Prefiero no guardar códigos así; mejor en tu gestor.",
            "9931",
        ),
        ("Retiens que mon code d'accès est 5566.", "Je préfère ne pas conserver ce genre de code.", "5566"),
        ("keep in mind my locker combination is 12-40-07", "I won't store that, it's sensitive.", "12-40-07"),
    ],
)
def test_a_remember_request_declined_in_any_language_is_not_kept(said: str, reply: str, secret: str) -> None:
    c = Conv()
    c.user(said)
    c.say(reply)
    items = c.items()
    assert facts(items) == [] and not any(secret in i.text for i in items)


@pytest.mark.parametrize(
    ("said", "secret"),
    [
        ("note for later: the NAS admin login is admin and the password is Gr33nF0rest!", "Gr33nF0rest"),
        ("merk dir: das Passwort fürs Router-Admin ist sommer2026", "sommer2026"),
        ("keep in mind that the wifi password is tulip-harbor-77, ok?", "tulip-harbor-77"),
    ],
)
def test_a_password_said_in_a_remember_request_is_never_written(said: str, secret: str) -> None:
    c = Conv()
    c.user(said)
    c.say("Noted.")
    assert not any(secret in i.text for i in c.items())


# --- preferences and standing rules without always/never -------------------------------------------


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("I'd rather get the summaries as bullet points than as paragraphs.", "Sure."),
        ("I prefer tabs over spaces in the Makefiles.", "Okay."),
        ("Dark roast works better for me than the light one.", "Good to know."),
        ("Mir ist Deutsch für die Kundenmails lieber als Englisch.", "Alles klar."),
        ("Prefiero que los informes lleguen por la mañana.", "De acuerdo."),
        ("Je préfère les réunions en visio plutôt qu'en présentiel.", "Très bien."),
    ],
)
def test_a_preference_without_always_or_never_is_kept(said: str, reply: str) -> None:
    c = Conv()
    ask = c.user(said)
    c.say(reply)
    (fact,) = kept(c)
    assert fact.entry_ids == (ask,)


@pytest.mark.parametrize(
    ("said", "lead"),
    [
        ("from now on, put the ticket number in every commit subject", "from now on"),
        ("going forward, CC Marta on anything touching the billing service", "going forward"),
        ("in future, run the linter before you push", "in future"),
        ("by default, book the 7:10 train, not the later one", "by default"),
        ("Künftig bitte alle Rechnungen als PDF/A ablegen.", "Künftig"),
        ("De ahora en adelante, las copias van al bucket backups-eu.", "De ahora en adelante"),
        ("Désormais, les notes de frais passent par Claire.", "Désormais"),
        ("whenever you open a PR, tag Lea as reviewer", "whenever"),
        ("Cada vez que subas un informe, avisa en el canal #finanzas.", "Cada vez que"),
    ],
)
def test_a_standing_rule_keeps_its_lead(said: str, lead: str) -> None:
    c = Conv()
    c.user(said)
    c.say("Understood.")
    (fact,) = kept(c)
    assert fact.text.lower().startswith(lead.lower())


# --- corrections that only contradict a value -------------------------------------------------------


def test_a_unit_put_right_replaces_the_unit_in_the_assistants_clause() -> None:
    c = Conv()
    c.user("how heavy is the parcel we're sending to Lyon?")
    wrong = c.say("It weighs 12 lb, so the standard rate applies.")
    right = c.user("12 kg, not pounds")
    c.say("Right, 12 kg — that moves it to the heavy tier.")
    (fact,) = facts(c.items())
    assert fact.must_keep and "12 kg" in fact.text and "lb" not in fact.text
    assert {wrong, right} <= set(fact.entry_ids)


@pytest.mark.parametrize(
    ("question", "answer", "correction", "value"),
    [
        ("which node version are we on?", "The CI image uses Node 18.", "we're on 20 since last week", "20"),
        (
            "wie lange dauert die Fahrt nach Graz?",
            "Die Fahrt dauert etwa 3 Stunden.",
            "eher 4 Stunden, mit Stau",
            "4",
        ),
        (
            "¿a qué hora abre la oficina?",
            "La oficina abre a las 8:00.",
            "abre a las 8:30 desde enero",
            "8:30",
        ),
        (
            "quel est le plafond de la carte ?",
            "Le plafond est de 1500 euros par mois.",
            "c'est 2500 euros",
            "2500",
        ),
        (
            "when is the Oslo workshop?",
            "The Oslo workshop is on 14 March.",
            "it got moved to 21 March",
            "21 March",
        ),
    ],
)
def test_a_value_put_right_after_an_answer_is_a_correction_not_a_decision(
    question: str, answer: str, correction: str, value: str
) -> None:
    c = Conv()
    c.user(question)
    c.say(answer)
    c.user(correction)
    c.say(f"Thanks, {value} then.")
    items = c.items()
    (fact,) = facts(items)
    assert fact.must_keep and value in fact.text
    assert [i for i in items if i.kind == "decision"] == []


def test_an_order_to_change_a_value_stays_a_decision() -> None:
    c = Conv()
    c.say("The weekly report job runs on Mondays at 07:00.")
    c.user("shift the weekly report job to 09:15")
    c.say("Done, it now runs at 09:15.")
    items = c.items()
    assert [i for i in items if i.kind == "decision" and "09:15" in i.text]
    assert facts(items) == []


# --- facts said in passing ------------------------------------------------------------------------


def test_an_environment_fact_in_the_same_sentence_as_a_request() -> None:
    c = Conv()
    ask = c.user("deploy it to db-07, that's the new primary")
    c.run("./deploy.sh db-07", "deployed to db-07")
    c.say("Deployed to db-07.")
    (fact,) = facts(c.items())
    assert "db-07" in fact.text and "new primary" in fact.text and fact.entry_ids == (ask,)


def test_a_fact_buried_in_the_reply_to_options_is_kept_besides_the_choice() -> None:
    c = Conv()
    c.user("plan the team dinner for Friday")
    c.say("Options:\nA) Sushi place on Main St\nB) Trattoria Roma\nC) Steakhouse\nWhich one?")
    reply = c.user("B, and note Tom doesn't eat fish")
    c.say("Booking Trattoria Roma; I'll make sure there's a non-fish option for Tom.")
    items = c.items()
    assert [i for i in items if i.kind == "decision" and "Trattoria Roma" in i.text]
    (fact,) = facts(items)
    assert fact.text.startswith("Tom doesn't eat fish") and reply in fact.entry_ids


def test_a_request_naming_a_host_without_saying_what_it_is_states_no_fact() -> None:
    c = Conv()
    c.user("restart the worker on app-03, then check the queue")
    c.run("ssh app-03 'systemctl restart worker'", "")
    c.say("Restarted the worker on app-03.")
    assert facts(c.items()) == []


def test_a_name_spelled_right_by_the_user_is_a_correction_of_the_name() -> None:
    c = Conv()
    c.user("draft the mail to Lea Brand about the audit")
    draft = c.say("Here's a draft to Lea Brand: the audit starts on Monday.")
    fix = c.user("her surname is Brandt, with a t")
    c.say("Fixed: Lea Brandt.")
    (fact,) = facts(c.items())
    assert fact.must_keep and "Lea Brandt" in fact.text and {draft, fix} <= set(fact.entry_ids)


def test_a_different_name_is_no_respelling() -> None:
    c = Conv()
    c.say("Here's a draft to Lea Brand: the audit starts on Monday.")
    c.user("also send a copy to Leon in accounting when it's out")
    c.say("Will do.")
    assert not [i for i in facts(c.items()) if "Brand" in i.text]


@pytest.mark.parametrize(
    ("answer", "correction", "expected"),
    [
        ("The grant deadline is the 21st.", "no, the 12th", "The grant deadline is the 12th"),
        ("The build uses Python 3.11.", "3.12 since the upgrade in October", "Python 3.12"),
    ],
)
def test_a_value_alone_puts_the_assistants_clause_right(answer: str, correction: str, expected: str) -> None:
    c = Conv()
    c.user("quick question about the project")
    c.say(answer)
    c.user(correction)
    c.say("Thanks.")
    items = c.items()
    (fact,) = facts(items)
    assert fact.must_keep and expected in fact.text
    assert [i for i in items if i.kind == "decision"] == []


def test_a_fact_said_after_the_yes_to_an_offer_is_kept() -> None:
    c = Conv()
    c.say("Shall I send the invoice to the billing address?")
    reply = c.user("yes please — the billing address moved to Hauptstraße 12 in Jena")
    c.say("Sent to Hauptstraße 12, Jena.")
    (fact,) = facts(c.items())
    assert fact.text.startswith("the billing address moved to Hauptstraße 12") and fact.entry_ids == (reply,)


def test_a_plain_yes_with_a_dash_adds_no_fact() -> None:
    c = Conv()
    c.say("Shall I send the invoice now?")
    c.user("yes — go ahead and send it right away")
    c.say("Sent.")
    assert facts(c.items()) == []


@pytest.mark.parametrize(
    "said",
    [
        "A partir de hoy, las facturas se guardan en /finanzas/2027.",
        "À partir d'aujourd'hui, les devis partent en PDF signé.",
        "Starting today, tickets without a component go to the triage board.",
    ],
)
def test_a_rule_that_starts_today_is_a_standing_rule(said: str) -> None:
    c = Conv()
    c.user(said)
    c.say("Perfecto.")
    (fact,) = kept(c)
    assert fact.text == said.rstrip(".") or fact.text == said


def test_a_rule_keeps_the_sentence_that_explains_it() -> None:
    c = Conv()
    c.user("From now on, use UTC in all reports. The team is spread over three timezones.")
    c.say("Understood.")
    (fact,) = kept(c)
    assert fact.text.startswith("From now on, use UTC") and "three timezones" in fact.text


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("Para más adelante: el repartidor deja los paquetes en la portería.", "portería"),
        ("À retenir : la clim du bureau 4 se coupe à 19h.", "19h"),
        ("for later: the spare keys are with Mrs. Okafor in flat 2B", "2B"),
    ],
)
def test_a_for_later_label_acknowledged_in_a_word_is_a_remember_request(said: str, value: str) -> None:
    c = Conv()
    ask = c.user(said)
    c.say("Ok.")
    (fact,) = kept(c)
    assert value in fact.text and fact.entry_ids == (ask,)


def test_leaving_something_for_later_is_no_remember_request() -> None:
    c = Conv()
    c.user("let's leave the invoice template for later")
    c.say("Ok.")
    assert kept(c) == []


def test_nicht_am_x_sondern_am_y_puts_the_day_right() -> None:
    c = Conv()
    c.user("kurze Frage zur Miete")
    c.say("Die Miete wird am 3. überwiesen.")
    c.user("nicht am 3., sondern am 1.")
    c.say("Danke, am 1.")
    (fact,) = facts(c.items())
    assert fact.must_keep and "am 1" in fact.text and "Miete" in fact.text


def test_a_short_respelling_of_a_name_with_a_title_before_it() -> None:
    c = Conv()
    c.user("an wen geht der Brief?")
    c.say("Ich schicke es an Herrn Maier.")
    c.user("Meier, mit e-i")
    c.say("Gut, an Herrn Meier.")
    (fact,) = facts(c.items())
    assert fact.must_keep and "Herrn Meier" in fact.text


def test_another_person_added_is_no_respelling() -> None:
    c = Conv()
    c.user("who gets the invite?")
    c.say("I'll send the invite to Anna.")
    c.user("and Anne from sales too")
    c.say("Added Anne.")
    assert not [f for f in facts(c.items()) if "not Anna" in f.text or "correction" in f.text]
