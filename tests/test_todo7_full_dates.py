"""A date written in full, day, month and year ("15.12.2026", "20/11/2026"), is a when.

Structure (fresh16 and fresh17, two writers, German; fresh15's Spanish and Italian turns write
"29/05/2027"): the short forms ("bis 4.1.", "el 20/11") were read, the same date with its year was
not, so "Notiert: Frau Varga gibt bis 15.12.2026 Bescheid" had no due day. A version or an amount
("v2.3.2026", "1.234.567") stays none.
"""

from __future__ import annotations

from memoryd.flush.extract import todos


def test_german_day_month_year_is_a_when() -> None:
    assert todos.when("Frau Albers schickt die Liste bis 15.12.2026 zurück")
    assert todos.when("Abgabe am 4.1.2027.")
    assert not todos.when("the build is 1.234.567 bytes")  # an amount, no date


def test_spanish_and_italian_slashed_dates_with_a_year_are_a_when() -> None:
    assert todos.when("Nacho reenvía el contrato antes del 13/11/2026")
    assert todos.when("Matteo manda i voli entro il 20/11/2026")
    assert not todos.when("version 3.12.20265 is out")  # a version, no date
