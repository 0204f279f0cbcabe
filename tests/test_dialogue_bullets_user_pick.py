"""A decision on the user's own options reads "Topic: chosen option with its key details (instead of:
the other option's name)": one sentence, the chosen name said once, the rejected side by its name
only. When the assistant's short confirmation right after the pick names the chosen option with its
figures, those details are the decision and that entry is cited. Conversations written here."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted


def test_en_confirmation_with_figures_gives_the_details_and_is_cited() -> None:
    t = Transcript()
    t.user("the venue for the offsite: Harbour Loft or Mill House?")
    offer = t.assistant(
        "Harbour Loft seats 40 for 2,300 € with catering on site; Mill House seats 55 for 1,900 € "
        "but catering comes from outside."
    )
    pick = t.user("on-site catering matters more. Harbour Loft, book it")
    confirm = t.assistant("Harbour Loft, 40 seats, 2,300 €. Shall I send the booking request?")
    (decision,) = accepted(t.items())
    assert decision.text.count("Harbour Loft") == 1
    assert "2,300" in decision.text and "(instead of: Mill House)" in decision.text
    assert "seats 55" not in decision.text and "outside" not in decision.text
    assert decision.text.startswith("The venue for the offsite:")
    assert set(decision.entry_ids) >= {offer, pick, confirm}


def test_fr_without_confirmation_the_name_is_said_once() -> None:
    t = Transcript()
    t.user("pour la salle du séminaire : Domaine Lafitte ou Château Morel ?")
    t.assistant(
        "Lafitte loue sa grande salle 1 200 € la journée avec parking ; Morel demande 950 € mais "
        "sans parking."
    )
    t.user("le parking compte. Lafitte alors")
    t.assistant("Très bien.")
    (decision,) = accepted(t.items())
    assert decision.text.count("Lafitte") == 1 and "Domaine Lafitte" in decision.text
    assert "1 200" in decision.text
    assert decision.text.endswith("(plutôt que: Château Morel)")
    assert "950" not in decision.text


def test_de_confirmation_that_names_another_option_is_not_taken() -> None:
    t = Transcript()
    t.user("Für den Druck: Druckerei Stahl oder Papierwerk Linde?")
    t.assistant("Stahl druckt 500 Stück für 640 € in fünf Tagen; Linde braucht zehn Tage, kostet aber 480 €.")
    t.user("wir haben Zeit genug. Linde, bitte")
    said = t.assistant("Linde statt Stahl, 480 €, notiert.")
    (decision,) = accepted(t.items())
    assert decision.text.count("Linde") == 1 and "480" in decision.text
    assert "(statt: Druckerei Stahl)" in decision.text
    assert said not in decision.entry_ids


def test_es_three_listed_options_name_none_of_the_rejected() -> None:
    t = Transcript()
    t.user(
        "tengo tres ofertas de imprenta. Gráficas Sol 700 € en una semana, Copistería Luna 520 € en "
        "diez días, y Prensa Norte 880 € en tres días"
    )
    t.assistant(
        "Resumen: Sol (700 €) entrega en una semana; Luna (520 €) es la más barata pero tarda diez días; "
        "Norte (880 €) es la más rápida."
    )
    t.user("el plazo nos da igual. Luna, vamos con esa")
    confirm = t.assistant("Perfecto, Copistería Luna por 520 € en diez días.")
    (decision,) = accepted(t.items())
    assert decision.text.count("Luna") == 1 and "520" in decision.text
    assert "Sol" not in decision.text and "Norte" not in decision.text
    assert confirm in decision.entry_ids
