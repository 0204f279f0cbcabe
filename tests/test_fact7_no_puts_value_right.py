"""A bare "no" that puts a value right: the assistant used a value and asked or proposed something
("I'll ask for a quote for 118 cards. Should I send it?"), and the user answers with a no and the
value of that slot ("no!! 70, it's per household"). That is a correction (a fact, must keep), not a
refusal of the offer; an order after the no ("no, book it for 6") stays a reply. A correction after a
side question does not pick the options still pending either. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.markers import LABELS

_REJECTED = tuple(v["rejected"].strip() for v in LABELS.values())


def _reply(offer: str, reply: str, after: str = "Done.") -> Conv:
    c = Conv()
    c.user("sort out the printing for the reunion")
    c.say(offer)
    c.user(reply)
    c.say(after)
    return c


@pytest.mark.parametrize(
    ("offer", "reply", "new", "old"),
    [
        (
            "I'll ask the print shop for a quote for 118 cards, one per guest. Should I send it?",
            "no!! 70. its per family, a couple gets one",
            "70",
            "118",
        ),
        (
            "Le pido a la imprenta un presupuesto de 118 tarjetas, una por invitado. ¿Lo envío?",
            "no, 70. es por familia, cada pareja recibe una",
            "70",
            "118",
        ),
        (
            "Saved the note: the reunion is on 13 June 2027, 40 guests. Want me to block your calendar too?",
            "no the reunion is the 12th, saturday 12 june. 13th is a sunday",
            "12th",
            "13th",
        ),
        (
            "Dans le planning, l'accueil est à 17:00. Je le partage avec le traiteur ?",
            "non, l'accueil c'est 17:30. 17:00 c'est l'arrivée des musiciens",
            "17:30",
            "17:00",
        ),
        (
            "Ich trage das Treffen für Dienstag, 14.10., ein. Soll ich Jana einladen?",
            "nein, das Treffen ist am 16.10., der 14. ist ein Feiertag",
            "16.10",
            "14",
        ),
    ],
)
def test_bare_no_and_a_value_is_a_correction(offer: str, reply: str, new: str, old: str) -> None:
    items = _reply(offer, reply).items()
    facts = [i for i in items if i.kind == "fact" and i.must_keep and new in i.text]
    assert facts, items
    assert old in facts[0].text, facts  # the user's words, or the value it replaces
    assert not [i for i in items if i.text.startswith(_REJECTED)], items  # the no refuses nothing


@pytest.mark.parametrize(
    ("offer", "fixed", "other"),
    [
        (
            "I'll book the table for 4 people at 19:00. Shall I?",
            "no, 6. the Kims are coming too",
            "no, book it for 6",
        ),
        (
            "The box has 1 GB RAM and no swap. I could add a 1 GB swap file now. Want that?",
            "no, it has 2 GB since the upgrade",
            "no swap, I'm moving it to the 2 GB plan",
        ),
        (
            "Reservo la mesa para 4 personas a las 19:00. ¿Lo hago?",
            "no, son 6. vienen también los Kim",
            "no, resérvala para 6",
        ),
    ],
)
def test_an_order_or_a_determiner_no_is_no_correction(offer: str, fixed: str, other: str) -> None:
    assert [i for i in _reply(offer, fixed).items() if i.kind == "fact" and i.must_keep]  # a value put right
    facts = [i for i in _reply(offer, other).items() if i.kind == "fact"]
    assert not facts, facts  # an order after the no, or a no before a noun: a reply to the offer


@pytest.mark.parametrize(
    ("options", "pick", "confirm", "reply", "chosen"),
    [
        (
            "Three options for the goal:\n\n1. **Uptime**: 99.9 % on the booking API\n"
            "2. **Speed**: onboarding a new venue in 4 days instead of 10\n3. **Cost**: 20 % cheaper per booking\n\n"
            "Which one fits best?",
            "The second one. Uptime we already measure as an SLO, no need for a goal on it.",
            "By the way, per your notes onboarding takes 10 working days today, right?",
            "No, 12 calendar days, not 10 working days. Priya measured it in October.",
            "onboarding a new venue in 4 days",
        ),
        (
            "Tres opciones para el objetivo:\n\n1. **Disponibilidad**: 99,9 % en la API de reservas\n"
            "2. **Velocidad**: dar de alta un local nuevo en 4 días en vez de 10\n3. **Coste**: un 20 % más barato por reserva\n\n"
            "¿Cuál encaja mejor?",
            "La segunda. La disponibilidad ya la medimos como SLO.",
            "Por cierto, según tus notas, hoy el alta tarda 10 días hábiles, ¿correcto?",
            "No, son 12 días naturales, no 10 hábiles. Lo midió Priya en octubre.",
            "dar de alta un local nuevo en 4 días",
        ),
    ],
)
def test_correction_after_a_side_question_picks_nothing(
    options: str, pick: str, confirm: str, reply: str, chosen: str
) -> None:
    c = Conv()
    c.user("help me set the team's goal for next quarter")
    c.say(options)
    c.user(pick)
    c.say("Done: the goal is the second one.")
    c.say(confirm)
    c.user(reply)
    c.say("Fixed: 12 calendar days as the starting point.")
    items = c.items()
    decisions = [i for i in items if i.kind == "decision" and not i.text.startswith(_REJECTED)]
    assert any(chosen in i.text for i in decisions), items
    assert any(i.kind == "fact" and "12" in i.text for i in items), items


@pytest.mark.parametrize(
    ("offer", "reply", "new"),
    [
        (
            "Per la build (41) non c'è nessun crash inviato. Sicuro che sia quella la build?",
            "ah no scusa, è la 42, quella col menu nuovo. la 41 non è mai uscita ai tester",
            "42",
        ),
        (
            "Pour le lot 41 je ne trouve aucun retour. Tu es sûre que c'est ce lot-là ?",
            "ah non pardon, c'est le 42, celui du nouveau menu. le 41 n'est jamais parti",
            "42",
        ),
    ],
)
def test_a_sound_or_a_sorry_around_the_no(offer: str, reply: str, new: str) -> None:
    items = _reply(offer, reply).items()
    assert any(i.kind == "fact" and i.must_keep and new in i.text for i in items), items
