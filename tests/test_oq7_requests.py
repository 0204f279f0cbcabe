"""A question that asks the agent to do something ("can you draft it?", "tu peux lui préparer la
liste ?") is a request the agent takes up, not a point the user parks.

Structure (fresh11 and fresh16, two writers): a user turn asks the agent for work with a "can you"
question, and a sentence beside it names someone asking ("the insurer asks us for ...", "I'll ask
Camille"). The request is no open question; when the sentence beside it does put a point off, the
open point is the one the exchange was about (the user's point the assistant answered), not the
request.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.dialogue import asks_agent


def test_a_request_beside_someone_asking_is_no_open_question_in_english() -> None:
    t = Transcript()
    t.user(
        "Morning! Our insurer, Allianz, wants to ask about a written fire drill plan for the workshop. "
        "Can you sketch a first version for me?"
    )
    t.assistant("Here is a first version: one drill each term, a named warden per floor, a meeting point.")
    assert not of_kind(t.items(), "open_question")


def test_a_request_beside_someone_asking_is_no_open_question_in_french() -> None:
    t = Transcript()
    t.user(
        "Bonjour ! Le bailleur nous demande un plan d'évacuation écrit pour l'atelier. "
        "Tu peux me proposer une première version ?"
    )
    t.assistant("Voici une première version : un exercice par trimestre, un responsable par étage.")
    assert not of_kind(t.items(), "open_question")


def test_the_point_put_off_is_kept_not_the_request_in_english() -> None:
    t = Transcript()
    t.user("the old backup bucket, could we just delete it?")
    t.assistant(
        "It was last written in June 2024 and has no owner tag. Deleting it can't be undone, so I'd "
        "want the data owner's ok first. Do you know who that is?"
    )
    t.user("i'll ask Camille. other thing: can you list the buckets without tags for me?")
    t.assistant("Three buckets have no tags at all: logs-old, tmp-exports and media-cache.")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "delete" in opened[0].text and "tags" not in opened[0].text


def test_the_point_put_off_is_kept_not_the_request_in_french() -> None:
    t = Transcript()
    t.user("le vieux bucket de sauvegarde, on pourrait pas le supprimer ?")
    t.assistant(
        "Dernière écriture en juin 2024, aucun tag de propriétaire. La suppression est irréversible, "
        "donc je voudrais l'accord du responsable. Tu sais qui c'est ?"
    )
    t.user("je lui demande. autre chose : tu peux me lister les buckets sans tags ?")
    t.assistant("Trois buckets n'ont aucun tag : logs-old, tmp-exports et media-cache.")
    opened = of_kind(t.items(), "open_question")
    assert len(opened) == 1 and "supprimer" in opened[0].text and "tags" not in opened[0].text


def test_a_request_that_asks_whether_still_raises_a_point() -> None:
    assert asks_agent("can you draft the reply for me?")
    assert asks_agent("kannst du mir die Liste schicken?")
    assert not asks_agent("can you tell whether the quota resets on Mondays?")
    assert not asks_agent("should we drop the old bucket?")
