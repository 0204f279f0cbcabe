"""A number of the agent's gainsaid and the new one taken up: the assistant said a number, a later
user turn denies it (a negation) and gives another in its place, and the assistant's next words
repeat the user's number. That is a correction (a fact, must keep), even when the negation and the
new number sit in different sentences, the old number was said a turn or two back, or the old
number is denied only after the new one. Without the assistant taking the number up, or when the
user states a preference ("lieber am 3."), it is none. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def _corrections(c: Conv) -> list[Item]:
    return [i for i in c.items() if i.kind == "fact" and i.must_keep and "orrec" in i.text + "Korrektur"]


def _facts_with(c: Conv, value: str) -> list[Item]:
    return [i for i in c.items() if i.kind == "fact" and i.must_keep and value in i.text]


_LATER = {
    "en": (
        "Reminder sent to Ruth (id 5521). For Oskar: three months unpaid at 310 € is 930 €. "
        "Do we pause his badge, send a formal notice, or both?",
        "no idea yet, give me the weekend. leave him alone until then",
        "Sure, I won't do anything about Oskar.",
        "oh and careful, it isn't 310. he is on the small desk plan, 260 a month. so 780",
        "Right, the small desk plan at 260 €: 3 × 260 = 780 € unpaid for Oskar.",
    ),
    "fr": (
        "Relance envoyée à Ruth (id 5521). Pour Oskar : trois mois impayés à 310 €, ça fait 930 €. "
        "On suspend son badge, on envoie une mise en demeure, ou les deux ?",
        "aucune idée, laisse-moi le week-end. ne fais rien d'ici là",
        "D'accord, je ne touche à rien pour Oskar.",
        "ah et attention, ce n'est pas 310, il a le petit bureau, 260 par mois. donc 780",
        "Exact, petit bureau à 260 € : 3 × 260 = 780 € d'impayés pour Oskar.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_value_denied_turns_later_and_taken_up(lang: str) -> None:
    """The old number said two assistant turns back, denied in one sentence, the new one in the next."""
    a1, u1, a2, u2, a3 = _LATER[lang]
    c = Conv()
    c.user("who still owes us for November?")
    c.say(a1)
    c.user(u1)
    c.say(a2)
    c.user(u2)
    c.say(a3)
    facts = _facts_with(c, "260")
    assert facts, c.items()
    assert facts[0].must_keep


@pytest.mark.parametrize(
    ("lang", "master", "said", "echo"),
    [
        (
            "en",
            "Master data: Jana Roth at 2,680.00 gross (tax class 1). Shall I start the calculation?",
            "wait, Jana's been on 2.860 since october, they agreed a raise. that file is old. not 2.680",
            "Thanks, updating the file to 2,860.00 for Jana and running it.",
        ),
        (
            "de",
            "Stammdaten: Jana Roth mit 2.680,00 brutto (Steuerklasse 1). Soll ich die Abrechnung starten?",
            "warte, Jana bekommt seit Oktober 2.860, es gab eine Erhöhung. die Datei ist alt. nicht 2.680",
            "Danke, ich setze Jana in der Datei auf 2.860,00 und rechne.",
        ),
    ],
)
def test_old_value_denied_after_the_new_one(lang: str, master: str, said: str, echo: str) -> None:
    """The new number first, the old one denied in a later sentence, written in another format."""
    c = Conv()
    c.user("december payroll for Jana please")
    c.say(master)
    c.user(said)
    c.say(echo)
    facts = _facts_with(c, "2.860")
    assert facts and "2.680" in facts[0].text, c.items()


_COUNT = {
    "es": (
        "Hecho: notas.csv con 58 filas (30 de 4ºA y 28 de 4ºB).",
        "28 en 4ºB?? no, son 29, Lucía Gil entró en noviembre, añádela",
        "Listo, 4ºB queda con 29.",
        "añádela",
    ),
    "en": (
        "Done: grades.csv has 58 rows (30 in 4A and 28 in 4B).",
        "28 in 4B?? no, it's 29, Lucy Gill joined in november, put her in",
        "Done, 4B now has 29.",
        "put her in",
    ),
}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_number_taken_up_only_when_echoed(lang: str) -> None:
    """The same reply is a correction when the assistant repeats the user's number, none otherwise."""
    done, said, echo, _ = _COUNT[lang]
    echoed, silent = Conv(), Conv()
    for c, answer in ((echoed, echo), (silent, "OK.")):
        c.user("export the grades")
        c.say(done)
        c.user(said)
        c.say(answer)
    assert _facts_with(echoed, "29"), echoed.items()
    assert not _facts_with(silent, "29"), silent.items()


@pytest.mark.parametrize(
    ("lang", "offer", "said", "echo"),
    [
        (
            "de",
            "Ich würde den Umzug am 1.12. machen. Passt das?",
            "am 1.12. ist Monatsabschluss, da fassen wir billing nicht an. lieber Donnerstag 3.12.",
            "Gut, dann Donnerstag 3.12.",
        ),
        (
            "en",
            "I'd do the move on 1.12. Does that work?",
            "1.12 is month-end close, we do not touch billing then. I'd rather do thursday 3.12",
            "Good, thursday 3.12 then.",
        ),
    ],
)
def test_preferred_value_is_no_correction(lang: str, offer: str, said: str, echo: str) -> None:
    """A negation and a preferred new date taken up: a choice, not the agent's value put right; the
    same reply stating the value is one."""
    c = Conv()
    c.user("when do we move the billing tables?")
    c.say(offer)
    c.user(said)
    c.say(echo)
    assert not any("3.12" in i.text for i in _corrections(c)), c.items()
