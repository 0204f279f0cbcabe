"""A task the user gives someone named in lower case, which the assistant's next words say back with
the name capitalised and the day: a to-do in the answer's words.

Structure (fresh15 and fresh16, two writers): the user's turn names a person only in lower case in a
sentence with a day ("que pablo lo corrija antes del viernes", "le foto le manda chiara entro
giovedì"); the assistant's first answer has a clause with a day in which that word stands
capitalised after a word in lower case that is no article ("Escrito a Pablo: ... antes del viernes
13", "Aspetto le foto da Chiara entro giovedì 3 dicembre"). A later answer that gives the same
owner's same thing a new day updates that to-do. Not a question, an ask, a point left open.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.restated import named_again


def test_a_lower_case_owner_said_back_capitalised_in_spanish() -> None:
    t = Transcript()
    t.user(
        "vale, el pack de 6 horas. y la fecha del contrato está mal, que pablo lo corrija antes del viernes"
    )
    t.assistant("Le escribo a Pablo para que tenga el contrato corregido antes del viernes 13.")
    todo = of_kind(t.items(), "todo")
    assert len(todo) == 1 and "Pablo" in todo[0].text and "viernes 13" in todo[0].text


def test_a_lower_case_owner_said_back_capitalised_in_italian() -> None:
    t = Transcript()
    t.user("i menù li sceglie la sposa. le foto della sala le raccoglie chiara, me le manda entro giovedì 3")
    t.assistant("Perfetto. Aspetto le foto della sala da Chiara entro giovedì 3 dicembre.")
    todo = of_kind(t.items(), "todo")
    assert len(todo) == 1 and "Chiara" in todo[0].text and "dicembre" in todo[0].text


def test_a_new_day_for_the_same_task_updates_it_in_german() -> None:
    t = Transcript()
    t.user("Und Jonas soll bis 30.11. das Migrationsskript fertig haben, schreib das mit rein.")
    t.assistant("Notiert.")
    t.user("planänderung: der umzug ist erst donnerstag, jonas hat für das migrationsskript bis 2.12. zeit")
    t.assistant("Geändert: Umzug am Donnerstag 3.12., Migrationsskript von Jonas bis 2.12.")
    todo = of_kind(t.items(), "todo")
    assert len(todo) == 1 and "2.12" in todo[0].text


def test_the_owner_is_a_lower_case_name_and_no_noun() -> None:
    asked = Msg(pos=0, id="u0", role="user", prose="i voli li raccoglie matteo, me li manda entro venerdì 20")
    said = named_again(asked, ["Resto in attesa dei voli da Matteo entro venerdì 20 novembre."])
    assert said == [("Matteo", "Resto in attesa dei voli da Matteo entro venerdì 20 novembre")]
    user = Msg(
        pos=0, id="u1", role="user", prose="der anruf beim support ist montag, die salida al parque el 17"
    )
    answer = [
        "Für den Anruf beim Support am Montag, 7.12.: die Nummer steht im Wiki.",
        "Asunto: Salida al Parque el 17.",
    ]
    assert named_again(user, answer) == []
