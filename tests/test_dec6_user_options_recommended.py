"""The user lays out the options ("the venue: Hall A or Hall B?"), the assistant answers by saying
which one it would take without speaking of each ("... I'd book the Granary."), and the user agrees
or picks: a decision on the user's options, described as the user described them. Quoted options
("'X' oder 'Y'.") count whatever their length, and an Italian ordinal ("il secondo") names one.
A question of fact with an "or" that the assistant answers with no pick of its own decides
nothing. Conversations written here, in en/de/it."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted

from memoryd.flush.extract.exchanges import user_laid_options


def test_en_recommended_by_the_speakers_own_conditional_then_a_comparative_pick() -> None:
    t = Transcript()
    laid = t.user(
        "We need somewhere for the choir's summer party, about 30 people. Two places: the Granary, "
        "£140 for the night, has a garden; or the Boathouse, £210, with a bar. Granary or Boathouse?"
    )
    offer = t.assistant(
        "Both hold 30 comfortably. The bar matters less than you'd think, people bring their own. "
        "I'd book the Granary."
    )
    pick = t.user("Then the cheaper one, fine by me.")
    (decision,) = accepted(t.items())
    assert "Granary" in decision.text and "£140" in decision.text
    assert "Boathouse" in decision.text  # what it was picked over
    assert set(decision.entry_ids) >= {offer, pick}
    assert laid  # the user's turn laid the options out


def test_en_plain_yes_takes_the_recommended_one() -> None:
    t = Transcript()
    t.user("and for the new service: Node 20 or Node 22? the base image has both, right?")
    t.assistant(
        "Yes, it ships both. I'd switch to Node 22 here: it's what the other two services run, "
        "so upgrades stay in step."
    )
    t.user("sure")
    (decision,) = accepted(t.items())
    assert "Node 22" in decision.text


def test_de_quoted_options_and_a_pick_by_ordinal() -> None:
    t = Transcript()
    t.user(
        "Noch was. Der Titel: 'Wasser im Stadtquartier der Zukunft' oder 'Regen sammeln, Hitze mindern'. "
        "Welcher klingt besser?"
    )
    t.assistant(
        "Der zweite ist konkreter und sagt gleich, was das Projekt tut. Der erste klingt nach Broschüre. "
        "Ich würde den zweiten nehmen."
    )
    t.user("Stimmt, den zweiten.")
    (decision,) = accepted(t.items())
    assert "Regen sammeln, Hitze mindern" in decision.text


def test_it_quoted_options_and_il_secondo() -> None:
    _, opts = user_laid_options("Il nome: 'Orto di quartiere' oppure 'Semi comuni in città'.") or ("", ())
    assert [o.text for o in opts] == ["Orto di quartiere", "Semi comuni in città"]
    t = Transcript()
    t.user("Per il volantino. Il nome: 'Orto di quartiere' oppure 'Semi comuni in città'. Quale ti piace?")
    t.assistant("Il primo è chiaro ma piatto. Il secondo si ricorda meglio. Io sceglierei il secondo.")
    t.user("D'accordo, il secondo.")
    (decision,) = accepted(t.items())
    assert "Semi comuni in città" in decision.text


def test_en_a_question_of_fact_answered_is_no_decision() -> None:
    t = Transcript()
    t.user("is the limit 500 or 5000 requests a minute?")
    t.assistant("It's 5000 a minute on the paid plan; 500 is the free tier.")
    t.user("ok thanks")
    assert accepted(t.items()) == []


def test_en_the_pick_is_read_from_the_recommending_sentences_first_clause() -> None:
    t = Transcript()
    t.user("Should we use Postgres or SQLite for the ledger?")
    t.assistant("I propose PostgreSQL 16 as the primary store; SQLite only for tests.")
    t.user("Yes, go with PostgreSQL.")
    (decision,) = accepted(t.items())
    assert "PostgreSQL 16" in decision.text
    assert "instead of" not in decision.text  # SQLite, named in the second clause, is not the pick


def test_es_the_pick_in_the_first_clause() -> None:
    t = Transcript()
    t.user("¿Usamos Trello o Notion-X para las tareas del club?")
    t.assistant("Yo haría el tablero en Trello; Notion-X solo para las actas.")
    t.user("Vale, Trello.")
    (decision,) = accepted(t.items())
    assert "Trello" in decision.text
