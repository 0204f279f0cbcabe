"""A PIN named in lower case with its digits later in the sentence is redacted.

Found on a held-out split's first score (``fresh15``): "save the confirmation pin somewhere so I stop
forgetting it, its 662913" was written to Markdown. Only the leaked value was looked at. The
sentences below are written for this test, in four languages.
"""

from __future__ import annotations

import pytest

from memoryd.flush.redact import redact, secrets_found


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("btw write down the card pin somewhere so i stop losing it, its 480215", "480215"),
        ("keep the app pin for me please, it's 7730 and I always forget", "7730"),
        ("the bank pin, so you have it: 90412", "90412"),
        ("guárdame el pin de la tarjeta, es 5521", "5521"),
        ("il pin del telefono è 3094, segnatelo", "3094"),
        ("merk dir den pin vom handy, der ist 66120", "66120"),
        ("pin is 4471", "4471"),  # stated at once: a label with no determiner too
        ("ok, pin was 90412", "90412"),
        # stated at once with a copula of another language, the value with letters after a hyphen
        # (found on fresh25's first score: only the leaked value and its sentence were read)
        ("ti serve il pin del portale? il pin è 48102-QT, utente AB-1", "48102-QT"),
        ("el pin es 7719-MX, no lo guardes", "7719-MX"),
        ("der pin ist 30025-B, nicht speichern", "30025-B"),
        ("le pin est 6610-RZ.", "6610-RZ"),
    ],
)
def test_a_pin_said_in_lower_case_is_redacted(text: str, secret: str) -> None:
    result = redact(text)
    assert secret not in result.text, result.text
    assert result.total >= 1
    assert secret in secrets_found(text)


@pytest.mark.parametrize(
    "text",
    [
        "pin numpy to 1.26.4 and rerun the 4096 tests",
        "pin è 2 volte più lento, lascia stare",
        "let's pin the dependency, it's fine for 2026",
        "pin this message to the channel, it got 1200 views",
        "I pinned the version in requirements.txt; pip 24.2 installs 3 packages",
    ],
)
def test_pin_as_a_verb_hides_nothing(text: str) -> None:
    result = redact(text)
    assert result.text == text and result.total == 0
