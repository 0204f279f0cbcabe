"""A reply that picks one option and puts another off with a doubt ("not sure, let me ask Priya
first") turns nothing down: the "not" of "not sure" is no refusal. The option put off is open.

Structure (dev and fresh18, two writers): options laid out; the reply picks one and names another
in a sentence that doubts and hands it to someone or to later.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind


def test_an_option_put_off_with_a_doubt_is_not_rejected_in_english() -> None:
    t = Transcript()
    t.user("pricing for the 3.0 release, what would you do?")
    t.assistant(
        "Three options:\n"
        "- **Option A**: keep $3.99/month and raise the year to $24.99\n"
        "- **Option B**: $4.99/month and $29.99/year\n"
        "- **Option C**: either of the above plus a one-off unlock at $49.99\n"
        "Which do you prefer?"
    )
    t.user("A. the unlock... not sure, let me ask Priya first, she had an unlock on her app")
    items = t.items()
    assert not [d for d in of_kind(items, "decision") if d.text.startswith("Rejected")]
    assert any("unlock" in o.text for o in of_kind(items, "open_question"))


def test_an_option_put_off_with_a_doubt_is_not_rejected_in_spanish() -> None:
    t = Transcript()
    t.user("precios para la versión 3.0, ¿qué harías?")
    t.assistant(
        "Tres opciones:\n"
        "- **Opción A**: mantener 3,99 $/mes y subir el año a 24,99 $\n"
        "- **Opción B**: 4,99 $/mes y 29,99 $/año\n"
        "- **Opción C**: cualquiera de las dos más un desbloqueo único a 49,99 $\n"
        "¿Cuál prefieres?"
    )
    t.user("A. el desbloqueo... no sé, se lo pregunto primero a Priya, ella tuvo un desbloqueo en su app")
    items = t.items()
    assert not [d for d in of_kind(items, "decision") if d.text.startswith("Rechaz")]
    assert any("desbloqueo" in o.text for o in of_kind(items, "open_question"))
