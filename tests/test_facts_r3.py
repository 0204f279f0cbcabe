"""Facts, round 3 (third session of 2026-12-03): conversations written for this file, in en, de, es,
fr and it, worded unlike any eval split. Each test proves one structure the fact rules read: who said
it, what the assistant had said or asked just before, what a tool returned.
"""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def corrections(items: list[Item]) -> list[Item]:
    return [i for i in facts(items) if i.must_keep and i.text.rstrip(")").endswith(_LABELS)]


_LABELS = (
    "(user correction",
    "(Korrektur des Nutzers",
    "(corrección del usuario",
    "(correction de l'utilisateur",
)


# --- a pause word alone ("wait", "hold on") corrects nothing -----------------------------------------


@pytest.mark.parametrize(
    ("offer", "pick", "confirm", "objection"),
    [
        (
            "Two ways: 1. ship the parcel with DHL, €14, or 2. with Hermes, €9. Hermes is cheaper.",
            "hermes then",
            "Hermes it is. Shall I print the label?",
            "hold on. the recipient is never home before 18:00 and Hermes only delivers in the morning.",
        ),
        (
            "Zwei Möglichkeiten: 1. das Zimmer im Hotel Adler, 95 € die Nacht, oder 2. die Pension am Markt, 70 €.",
            "die Pension",
            "Pension am Markt also. Soll ich anfragen?",
            "wait. Die Pension hat keinen Aufzug, und Oma kommt mit. Also doch das Adler.",
        ),
        (
            "Hay dos opciones: 1. el tren de las 7:40, 32 €, o 2. el autobús de las 9:15, 18 €.",
            "el autobús",
            "Autobús de las 9:15 entonces. ¿Lo reservo?",
            "wait, hold on. el autobús para en cada pueblo, llego tarde a la cita de las 13:00.",
        ),
    ],
)
def test_a_pause_word_before_an_objection_to_a_choice_is_no_correction(
    offer: str, pick: str, confirm: str, objection: str
) -> None:
    c = Conv()
    c.user("need to decide something quickly")
    c.say(offer)
    c.user(pick)
    c.say(confirm)
    c.user(objection)
    c.say("Understood.")
    assert corrections(c.items()) == []


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        (
            "Should I send the reminder to the landlord today?",
            "not yet. wait until the plumber has been, then we'll see.",
        ),
        ("¿Mando ya la factura al cliente?", "todavía no. espera a que confirme el pedido, luego vemos."),
        ("J'envoie le devis maintenant ?", "pas encore. attends que Paul valide, ensuite on verra."),
    ],
)
def test_waiting_for_something_is_no_correction(question: str, reply: str) -> None:
    c = Conv()
    c.user("a few admin things today")
    c.say(question)
    c.user(reply)
    c.say("Okay, I'll hold off.")
    assert corrections(c.items()) == []


@pytest.mark.parametrize(
    ("said", "reply", "value"),
    [
        ("That's 12 × €45 = €540. Shall I send it?", "wait no, my day rate is 55 since the spring.", "55"),
        ("Das sind 3 Nächte à 80 €, also 240 €. Soll ich buchen?", "warte, nein, es sind 4 Nächte.", "4"),
        ("Sono 30 minuti a piedi dalla stazione, giusto?", "aspetta, no, sono 45 minuti a piedi.", "45"),
    ],
)
def test_a_no_right_after_the_pause_word_still_corrects(said: str, reply: str, value: str) -> None:
    c = Conv()
    c.user("quick sum for the invoice / trip")
    c.say(said)
    fix = c.user(reply)
    c.say("Sorry, fixed.")
    kept = [i for i in facts(c.items()) if i.must_keep and fix in i.entry_ids]
    assert kept and value in kept[0].text


# --- a turn that opens with its own question gives what to work it out with --------------------------


@pytest.mark.parametrize(
    ("report", "question"),
    [
        (
            "Clean file written: out/orders_clean.csv with 4,210 rows. Of 4,388 orders, 4,300 were paid and 4,210 shipped.",
            "Return rate per region? We shipped 2,000 orders per region.",
        ),
        (
            "Die Liste ist fertig: 312 Anmeldungen, davon 280 bestätigt.",
            "Quote pro Kurs? Wir hatten 40 Plätze pro Kurs.",
        ),
        (
            "Listo: de 1.250 facturas, 1.190 salieron sin errores.",
            "¿Porcentaje por tienda? Mandamos 300 facturas por tienda.",
        ),
    ],
)
def test_a_value_after_the_users_own_question_is_no_correction(report: str, question: str) -> None:
    c = Conv()
    c.user("clean the export please")
    c.say(report)
    c.user(question)
    c.say("Working it out now.")
    assert [i for i in c.items() if i.must_keep] == []  # neither a correction nor an order


def test_a_question_that_names_the_assistants_value_and_then_puts_it_right_still_corrects() -> None:
    c = Conv()
    c.user("how many seats do we need for the dinner?")
    c.say("For 24 guests the long table is enough.")
    fix = c.user("why 24 guests? we are 31 guests now.")
    c.say("Right, 31 then.")
    kept = [i for i in facts(c.items()) if i.must_keep and fix in i.entry_ids]
    assert kept and "31" in kept[0].text


# --- a fact bullet is the rule itself: no announcing head, the stress folded in, the talk around left --


@pytest.mark.parametrize(
    ("said", "reply", "starts", "absent"),
    [
        (
            "Book the room for Thursday. One more rule I'd like you to follow: we never schedule reviews after 16:00.",
            "Understood.",
            "We never schedule reviews after 16:00",
            "rule I'd like",
        ),
        (
            "Danke. Noch was Grundsätzliches: Rechnungen an Vereine schreibst du immer ohne Mehrwertsteuer.",
            "Alles klar.",
            "Rechnungen an Vereine schreibst du immer",
            "Grundsätzliches",
        ),
        (
            "Vale. Y una cosa para el futuro: los pedidos del bar siempre los confirmo yo por teléfono.",
            "Entendido.",
            "Los pedidos del bar siempre",
            "una cosa",
        ),
        (
            "Merci. Une règle pour la suite : on ne publie jamais de photo d'enfant sans accord écrit.",
            "Compris.",
            "On ne publie jamais",
            "règle pour",
        ),
    ],
)
def test_a_rule_is_written_without_the_head_that_announces_it(
    said: str, reply: str, starts: str, absent: str
) -> None:
    c = Conv()
    c.user("hi, a couple of things")
    c.say("Sure, go ahead.")
    at = c.user(said)
    c.say(reply)
    rules = [i for i in facts(c.items()) if i.must_keep and at in i.entry_ids]
    assert len(rules) == 1
    assert rules[0].text.lower().startswith(starts.lower()) and absent not in rules[0].text


def test_a_head_that_names_the_topic_stays() -> None:
    c = Conv()
    c.user("hi")
    c.say("Hi! What's up?")
    at = c.user("Rule for Mrs Okafor: always send her the invoices as PDF, never as Word files.")
    c.say("Noted.")
    (rule,) = [i for i in facts(c.items()) if at in i.entry_ids]
    assert "Okafor" in rule.text


@pytest.mark.parametrize(
    ("said", "stress"),
    [
        (
            "One rule for the whole team, so I stop saying it: we never merge on a red build. No exceptions for docs.",
            "docs",
        ),
        (
            "Eine Regel, die ich festhalten will: wir mergen nie ohne Review. Auch keine kleinen Fixes.",
            "Fixes",
        ),
        (
            "Una regla que quiero dejar clara: nunca subimos a producción en viernes. Ninguna excepción.",
            "excepción",
        ),
    ],
)
def test_a_short_stress_after_a_rule_is_part_of_it_not_a_rule_of_its_own(said: str, stress: str) -> None:
    c = Conv()
    c.user("let's set up the repo rules")
    c.say("Sure.")
    at = c.user(said)
    c.say("Got it.")
    rules = [i for i in facts(c.items()) if at in i.entry_ids]
    assert len(rules) == 1 and stress in rules[0].text


@pytest.mark.parametrize(
    ("said", "reply", "rule", "talk"),
    [
        (
            "Fine. Not happening this week then. Team rule while we're at it: we never hand out a laptop without disk encryption.",
            "Noted: no laptop without disk encryption.",
            "never hand out",
            "this week",
        ),
        (
            "Bon. Pas cette semaine alors. Règle pour l'équipe au passage : on ne prête jamais de clé sans la noter.",
            "Noté : jamais de clé sans la noter.",
            "jamais",
            "semaine",
        ),
        (
            "Va bene. Non oggi allora. Regola per il gruppo: non si stampa mai a colori senza chiedere.",
            "Annotato.",
            "mai a colori",
            "oggi",
        ),
    ],
)
def test_a_rule_the_assistant_notes_is_kept_without_the_talk_before_it(
    said: str, reply: str, rule: str, talk: str
) -> None:
    c = Conv()
    c.user("any chance we get the new laptops / keys / printer sorted today?")
    c.say("Not today, the supplier is late.")
    at = c.user(said)
    c.say(reply)
    (kept,) = [i for i in facts(c.items()) if i.must_keep and at in i.entry_ids]
    assert rule in kept.text and talk not in kept.text


def test_a_remembered_point_ends_where_the_user_moves_on() -> None:
    c = Conv()
    c.user("quick one about the funding call")
    c.say("Sure.")
    at = c.user(
        "For the record: our contact at the foundation is Ms. Ilse Varga, all formal questions go to her. "
        "Anyway. My actual question: travel costs."
    )
    c.say("Noted. On travel costs: ...")
    (kept,) = [i for i in facts(c.items()) if i.must_keep and at in i.entry_ids]
    assert "Varga" in kept.text and "travel costs" not in kept.text and "Anyway" not in kept.text


# --- what a lookup returned, in answer to the user's question or request ------------------------------


@pytest.mark.parametrize(
    ("ask", "command", "output", "answer", "value"),
    [
        (
            "Can you compare the two electricity bills from this year and last?",
            "pdftotext bills/2026.pdf - | grep -E 'Grundpreis|Arbeitspreis'; pdftotext bills/2025.pdf - | grep -E 'Grundpreis|Arbeitspreis'",
            "Grundpreis 142,80\nArbeitspreis 731,45\nGrundpreis 139,20\nArbeitspreis 512,10",
            "The jump is the energy price: 731,45 € this year against 512,10 € last year. The base fee barely moved.",
            "731,45",
        ),
        (
            "Kannst du nachsehen, wie viele Mitglieder jede Gruppe hat?",
            "sqlite3 verein.db 'select gruppe, count(*) from mitglieder group by gruppe'",
            "Jugend|38\nSenioren|54\nKurse|21",
            "Jugend hat 38 Mitglieder, Senioren 54 und die Kurse 21.",
            "54",
        ),
        (
            "¿Cuota de respuesta por barrio? Repartimos 400 encuestas en cada uno.",
            "cut -d, -f3 encuesta.csv | sort | uniq -c",
            "    291 Centro\n    233 Norte",
            "Respuestas: Centro 291 de 400 (72,8 %), Norte 233 de 400 (58,3 %).",
            "291",
        ),
    ],
)
def test_the_answer_that_repeats_what_a_read_returned_is_a_fact(
    ask: str, command: str, output: str, answer: str, value: str
) -> None:
    c = Conv()
    c.user("morning")
    c.say("Morning!")
    q = c.user(ask)
    step = c.run(command, output, text="Let me look.")
    said = c.say(answer)
    (fact,) = [i for i in c.items() if i.kind == "fact"]
    assert value in fact.text and {q, said, step} <= set(fact.entry_ids)
    assert [i for i in c.items() if i.kind == "outcome"] == []  # read, not work done


def test_handles_a_listing_returned_count_as_what_the_answer_repeats() -> None:
    c = Conv()
    c.user("hey")
    c.say("Hi!")
    q = c.user("Qui s'occupe en ce moment des workflows de déploiement ?")
    step = c.run(
        "grep -n deploy .github/CODEOWNERS",
        ".github/CODEOWNERS:9:/.github/workflows/deploy*.yml  @infra-crew @m-duval",
    )
    said = c.say(
        "D'après CODEOWNERS, les workflows de déploiement sont à @infra-crew, avec Marie Duval (@m-duval)."
    )
    (fact,) = [i for i in c.items() if i.kind == "fact"]
    assert "@m-duval" in fact.text and {q, step, said} <= set(fact.entry_ids)


def test_a_request_answered_by_work_is_no_lookup_fact() -> None:
    c = Conv()
    c.user("hi")
    c.say("Hi!")
    c.user("Can you clean the export and tell me how many rows are left?")
    c.edit("scripts/clean.py")
    c.run("python3 scripts/clean.py data/export.csv", "wrote 1,412 rows to data/clean.csv")
    c.say("Done: 1,412 rows left in data/clean.csv.")
    assert [i for i in c.items() if i.kind == "fact"] == []


# --- an answer from the agent's own head keeps only what the question names ----------------------------


@pytest.mark.parametrize(
    ("ask", "answer"),
    [
        (
            "what's the name for that knot sailors use again, the loop one?",
            "That's the bowline, a fixed loop at the end of a rope; it holds well and unties easily.",
        ),
        (
            "Wie lange muss der Teig ungefähr gehen?",
            "Rechne mit 2 bis 3 Stunden bei Zimmertemperatur, bis er sich verdoppelt hat.",
        ),
        (
            "¿Cuánto tarda en secar la pintura más o menos?",
            "Cuenta con 4 a 6 horas al tacto y 24 horas para una segunda mano.",
        ),
        (
            "Combien de temps faut-il laisser reposer la pâte ?",
            "Compte 30 à 60 minutes au frais, elle s'étale mieux ensuite.",
        ),
    ],
)
def test_general_knowledge_or_advice_without_a_lookup_is_no_fact(ask: str, answer: str) -> None:
    c = Conv()
    c.user("random question")
    c.say("Sure, shoot.")
    c.user(ask)
    c.say(answer)
    assert [i for i in c.items() if i.kind == "fact"] == []


@pytest.mark.parametrize(
    ("ask", "answer", "value"),
    [
        (
            "what's the upload limit of the Zenodo API?",
            "Good question: Zenodo allows 50 GB per record.",
            "50",
        ),
        ("wie hoch ist das Freigepäck bei LOT?", "Bei LOT sind es 23 kg Aufgabegepäck.", "23"),
        ("¿cuál es el límite de la API de OpenAlex?", "Son 100.000 llamadas al día.", "100.000"),
    ],
)
def test_a_question_that_names_its_thing_is_answered_with_a_fact(ask: str, answer: str, value: str) -> None:
    c = Conv()
    c.user("hola / hi")
    c.say("Hi!")
    q = c.user(ask)
    a = c.say(answer)
    (fact,) = [i for i in c.items() if i.kind == "fact"]
    assert value in fact.text and {q, a} <= set(fact.entry_ids)


# --- the assistant asks to confirm what it said; a no and another value put it right ------------------


@pytest.mark.parametrize(
    ("said", "reply", "value"),
    [
        (
            "By the way, your notes say the lease ends after 24 months, correct?",
            "No, it's 36 months, not 24.",
            "36",
        ),
        (
            "Übrigens, laut deinen Notizen hat die Halle 80 Plätze, stimmt das?",
            "Nein, es sind 120 Plätze, nicht 80.",
            "120",
        ),
        ("Por cierto, el vuelo sale a las 7:15, ¿verdad?", "No, sale a las 9:40, no a las 7:15.", "9:40"),
        (
            "Au fait, la cotisation est de 30 euros par an, c'est bien ça ?",
            "Non, c'est 45 euros, pas 30.",
            "45",
        ),
    ],
)
def test_a_no_to_a_value_the_assistant_asked_to_confirm_is_a_correction(
    said: str, reply: str, value: str
) -> None:
    c = Conv()
    c.user("let's go over the details")
    c.say(said)
    fix = c.user(reply)
    c.say("Thanks, fixed.")
    (kept,) = corrections(c.items())
    assert value in kept.text and fix in kept.entry_ids
    assert [i for i in c.items() if i.kind == "decision"] == []  # nothing was offered, nothing rejected


@pytest.mark.parametrize(
    ("said", "reply", "who"),
    [
        (
            "The old template says nothing about it. I had put down Imogen as reviewer, is that right?",
            "No, not Imogen. I review them myself, and for big launches the CTO as well.",
            "review them myself",
        ),
        (
            "In der alten Liste steht nichts dazu. Ich hatte Jonas notiert, stimmt das?",
            "Nein, nicht Jonas. Ich mache das selbst, bei Großkunden zusätzlich Petra.",
            "mache das selbst",
        ),
        (
            "La plantilla antigua no dice nada. Tenía apuntada a Lucía, ¿correcto?",
            "No, Lucía no. Lo reviso yo, y en clientes grandes también Marta.",
            "reviso yo",
        ),
    ],
)
def test_a_no_to_a_name_the_assistant_asked_to_confirm_keeps_what_is_so_instead(
    said: str, reply: str, who: str
) -> None:
    c = Conv()
    c.user("who signs off the post-mortems?")
    c.say(said)
    fix = c.user(reply)
    c.say("Corrected.")
    (kept,) = corrections(c.items())
    assert who in kept.text and fix in kept.entry_ids


def test_the_users_own_x_not_y_is_the_correction_not_a_word_after_the_stop() -> None:
    c = Conv()
    c.user("price the monitoring for us")
    c.say("With 16 nodes the plan comes to about $640 a month.")
    c.user("we run 61 nodes, not 16. redo it")
    c.say("Sorry, with 61 nodes it is about $2,440 a month.")
    (kept,) = corrections(c.items())
    assert kept.text.startswith("We run 61 nodes, not 16")


# --- a reply that names a laid-out point by its label answers it; a title's words ask nothing ---------


@pytest.mark.parametrize(
    ("plan", "reply", "noise"),
    [
        (
            "Draft for the week:\n1. Ravi takes the billing migration\n2. Lea does the docs\n3. Skip the SDK spike\n\nWhat should change?",
            "1 yes but Omar owns it, not Ravi, he's off Thursday. 2 fine. 3 agreed.",
            "Omar owns it",
        ),
        (
            "Plan für die Woche:\n1. Ravi übernimmt die Migration\n2. Lea macht die Doku\n\nWas soll anders sein?",
            "1 ja, aber Omar ist zuständig, nicht Ravi. 2 passt.",
            "Omar ist zuständig",
        ),
        (
            "Propuesta:\n1. Ravi lleva la migración\n2. Lea hace la documentación\n\n¿Qué cambio?",
            "1 sí pero el responsable es Omar, no Ravi. 2 bien.",
            "responsable es Omar",
        ),
    ],
)
def test_a_point_by_point_reply_to_a_plan_is_no_fact(plan: str, reply: str, noise: str) -> None:
    c = Conv()
    c.user("plan the week for the team please")
    c.say(plan)
    c.user(reply)
    c.say("Updated.")
    assert [i for i in facts(c.items()) if noise in i.text and not i.must_keep] == []


@pytest.mark.parametrize(
    "said",
    [
        "For the next meeting people proposed two films: 'Notes from the Future' and 'Paris, Texas'. Which one?",
        "Für das nächste Treffen gibt es zwei Vorschläge: „Merk dir meinen Namen“ und „Der Schwarm“. Welches?",
        "Para el club hay dos propuestas: «Recuerda mi nombre» y «La sombra del viento». ¿Cuál elegimos?",
    ],
)
def test_a_remember_word_inside_a_quoted_title_asks_nothing(said: str) -> None:
    c = Conv()
    c.user("book club admin")
    c.say("Sure, what's up?")
    c.user(said)
    c.say("Both are good; the second is shorter.")
    assert [i for i in facts(c.items()) if i.must_keep] == []


@pytest.mark.parametrize(
    ("options", "reply", "reason"),
    [
        (
            "Three trains:\n1. ICE via Hannover, 4h10, €89\n2. IC via Hannover, 5h, €59\n3. Direct Flixtrain, 4h40, €35\n\nThe direct one is cheapest.",
            "ok the direct one. I hate changing in Hannover",
            "Hannover",
        ),
        (
            "Drei Züge:\n1. ICE über Köln, 3h, 79 €\n2. RE über Köln, 4h, 39 €\n3. Direkt mit Flixtrain, 3h30, 29 €\n\nDer direkte ist am günstigsten.",
            "gut, der direkte. Umsteigen in Köln mag ich überhaupt nicht",
            "Köln",
        ),
        (
            "Tres vuelos:\n1. Iberia vía Madrid, 480 €\n2. Vueling vía Madrid, 390 €\n3. Directo con Volotea, 310 €\n\nEl directo es el más barato.",
            "vale, el directo. Odio hacer escala en Madrid",
            "Madrid",
        ),
    ],
)
def test_a_dislike_of_what_an_option_names_is_the_reason_for_the_pick(
    options: str, reply: str, reason: str
) -> None:
    c = Conv()
    c.user("find me a connection for Friday")
    c.say(options)
    c.user(reply)
    c.say("Direct it is.")
    assert [i for i in facts(c.items()) if reason in i.text] == []
