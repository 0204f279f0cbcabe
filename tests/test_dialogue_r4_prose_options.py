"""Options an assistant lays out in running prose, without a list and often without a question mark,
then picked by the reply: long sides joined by "; or" (cut to each side's lead clause), "I could X,
or Y" (a suggestion of two), "the choice between A, which ..., and B, which ..." (sides split at the
"and" after a comma), two sides set against each other ("A ..., while B ..."), and lettered
alternatives inside a sentence ("two packages: A, ...; B, ..."), picked by "la B". A report that
only compares two things nobody picks decides nothing. Conversations written here, en/de/es/fr."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted

from memoryd.flush.extract.exchanges import offer_of
from memoryd.flush.extract.messages import visible_messages


def _offer(text: str):  # type: ignore[no-untyped-def]
    t = Transcript()
    t.user("hi")
    t.assistant(text)
    return offer_of(visible_messages(t.entries())[1])


def test_en_long_sides_joined_by_semicolon_or_cut_to_their_lead_clause() -> None:
    t = Transcript()
    t.user("the choir has 40 singers and the hall seats 30 on stage, what now")
    offer = t.assistant(
        "Some ways out. You could rent the Aldgate risers for 120 pounds, which puts everyone on "
        "stage but needs a van to fetch them from the depot on Friday; or you could split the choir "
        "into two halves that alternate songs, which costs nothing though the sound gets thinner; or "
        "you move the concert to the church next door with room for everyone. Which suits you?"
    )
    reply = t.user("ok the risers. Dana has a van anyway")
    (decision,) = accepted(t.items())
    assert "Aldgate risers" in decision.text and "You could" not in decision.text
    assert set(decision.entry_ids) >= {offer, reply}


def test_en_two_suggestions_without_a_question_mark() -> None:
    t = Transcript()
    t.user("grafana won't start, 3000 is taken")
    offer = t.assistant(
        "Port 3000 belongs to the dev server of the docs site. I could move Grafana to 3001, or stop "
        "the docs dev server while you need Grafana; moving Grafana is the cleaner fix."
    )
    reply = t.user("3001 works")
    (decision,) = accepted(t.items())
    assert "3001" in decision.text and not decision.text.startswith("I could")
    assert set(decision.entry_ids) >= {offer, reply}


def test_de_choice_between_two_with_relative_clauses_picked_by_comparative() -> None:
    t = Transcript()
    t.user("Welche Dämmung für den Dachboden?")
    offer = t.assistant(
        "Du hast die Wahl zwischen der Mineralwolle Isover 035, die 9 € pro Quadratmeter kostet und "
        "leicht zu verlegen ist, und der Holzfaser Steico flex, die besser gegen Hitze schützt, aber "
        "mit 21 € mehr als doppelt so teuer ist und einen Zuschnitt braucht."
    )
    t.user("geht die Mineralwolle auch über den Sparren?")
    t.assistant("Ja, in zwei Lagen, die zweite quer zur ersten.")
    reply = t.user("dann die günstigere")
    (decision,) = accepted(t.items())
    assert "Isover 035" in decision.text and "Steico" in decision.text  # the pick, over the other
    assert decision.text.index("Isover") < decision.text.index("Steico")
    assert set(decision.entry_ids) >= {offer, reply}


def test_es_two_sides_set_against_each_other_picked_by_name() -> None:
    t = Transcript()
    t.user("¿qué hacemos para la fiesta del barrio?")
    offer = t.assistant(
        "Para la fiesta de junio: una paella popular en la plaza cuesta unos 400 € y reúne a mucha "
        "gente, mientras que un mercadillo de segunda mano no cuesta casi nada pero necesita "
        "voluntarios toda la mañana."
    )
    reply = t.user("la paella, sin duda")
    (decision,) = accepted(t.items())
    assert "paella" in decision.text and "400" in decision.text
    assert set(decision.entry_ids) >= {offer, reply}


def test_fr_lettered_alternatives_inside_a_sentence_picked_by_la_b() -> None:
    t = Transcript()
    t.user("Il faut assurer le stand du salon.")
    offer = t.assistant(
        "Bonjour. Pour l'assurance, deux contrats : A, tous risques chez Hiscox, 180 € pour les "
        "trois jours ; B, responsabilité civile seule chez la MAIF, 60 € mais sans le matériel."
    )
    reply = t.user("va pour la B, le matériel est déjà couvert")
    (decision,) = accepted(t.items())
    assert "MAIF" in decision.text and "60" in decision.text
    assert set(decision.entry_ids) >= {offer, reply}
    assert [
        o.label
        for o in _offer(
            "Deux contrats : A, tous risques chez Hiscox ; B, responsabilité civile chez la MAIF."
        ).options
    ] == ["a", "b"]


def test_a_comparison_nobody_picks_decides_nothing() -> None:
    t = Transcript()
    t.user("how did the two runs compare?")
    t.assistant("Run 14 finished in 41 minutes, while run 15 needed 58 minutes because of the cold cache.")
    t.user("thanks, good to know")
    assert accepted(t.items()) == []
    t = Transcript()
    t.user("wie war der Test?")
    t.assistant("Der Unterschied zwischen Build 7, der 12 MB groß ist, und Build 8 liegt nur im Logo.")
    t.user("ok danke")
    assert accepted(t.items()) == []
