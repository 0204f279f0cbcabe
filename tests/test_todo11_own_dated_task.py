"""A reply to the assistant's offer in which the speaker takes the work on with a day: a to-do beside
whatever the reply decides.

Structure (fresh22 and fresh23, two writers): the assistant offers to do something ("Shall I keep
trying, or will you take it up with them?", "Soll ich dir die Mail vorbereiten?", "je prépare le
mail ?"); the user's reply answers it and, in a clause of its own, says when they will do the work
themselves: a first-person subject and a when ("I'll file a ticket with them on Thursday", "ich
schick sie selbst bis Freitag", "je l'enverrai moi-même lundi"). Not when the clause is the reason a
rejection quotes ("no, I'll send them myself on Monday"), nor when the choice already names its day,
nor a plan for tonight, nor whom the speaker will ask.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.own_task import own_dated_clause


def test_a_ticket_the_user_files_after_an_either_or_offer_in_english() -> None:
    t = Transcript()
    t.user("the invoice export keeps failing, can you look?")
    t.assistant(
        "It fails on their side: three tries, each HTTP 503 from the vendor's API. "
        "Shall I keep trying every hour, or do you want to take it up with the vendor?"
    )
    t.user("don't hammer them. I'll file a ticket with the vendor on Thursday morning, it can wait. thanks")
    t.assistant("Okay, I'll leave the export alone.")
    todo = of_kind(t.items(), "todo")
    assert len(todo) == 1 and "ticket" in todo[0].text and "Thursday" in todo[0].text


def test_a_pronoun_object_takes_the_sentence_before_it_in_german() -> None:
    t = Transcript()
    t.user("Die Serie für das Team ist angelegt?")
    t.assistant("Ja, alle zwölf Termine stehen. Soll ich dem Team eine Bestätigung schicken?")
    t.user(
        "Nein, noch nicht, das mache ich mit Jens Keller direkt, der ist deren Büroleiter. Ich ruf ihn am "
        "Freitag an, dann erkläre ich ihm auch das mit den zwei Ausweichterminen im großen Saal. Danke dir!"
    )
    t.assistant("Gut, dann bleibt die Bestätigung bei dir.")
    todo = of_kind(t.items(), "todo")
    assert len(todo) == 1 and "Freitag" in todo[0].text and "Keller" in todo[0].text


def test_a_draft_the_user_sends_on_monday_in_french() -> None:
    t = Transcript()
    t.user("Le devis du chauffagiste est arrivé, 1 940 € HT.")
    t.assistant("D'accord. Je peux préparer un mail pour le propriétaire avec le devis, tu veux ?")
    t.user("oui mais en brouillon, je l'enverrai moi-même lundi, je veux relire")
    t.bash("mailctl draft --to proprio@example.org --subject 'Contrat chauffage'", "draft d-42 saved")
    t.assistant("Brouillon d-42 prêt dans ta boîte.")
    todo = of_kind(t.items(), "todo")
    assert len(todo) == 1 and "lundi" in todo[0].text and "brouillon" in todo[0].text


def test_the_clause_reads_the_speaker_and_the_day() -> None:
    assert own_dated_clause("gotta go, I'll call the plumber on Friday") == "I'll call the plumber on Friday"
    assert own_dated_clause("dann ruf ich ihn am Montag an") == "dann ruf ich ihn am Montag an"
    assert own_dated_clause("je l'envoie demain matin") == "je l'envoie demain matin"
    assert own_dated_clause("I'll look at it tonight") == ""  # the rest of today, no due day
    assert own_dated_clause("I'll ask Dana on Friday") == ""  # whom to ask: how a point waits
    assert own_dated_clause("I already sent it on Friday") == ""  # the past
    assert own_dated_clause("Will you send it on Friday?") == ""
    # the reason a rejection quotes stays the rejection's
    t = Transcript()
    t.user("Der Bus kostet 14 € pro Kopf, das passt.")
    t.assistant("Gut, 14 € bleiben. Soll ich dir noch eine Bestätigung an das Busunternehmen vorbereiten?")
    t.user("nein danke, ich schick die bestätigung selbst bis freitag 11.12.")
    assert not of_kind(t.items(), "todo")
