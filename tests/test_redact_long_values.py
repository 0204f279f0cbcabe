"""A long random token is redacted however long it is.

Redaction's shape tests read a value's first 160 characters (``_CHECKED``), so that a long query
string is not read once per candidate. The class-change rate of an unlabelled opaque token was then
counted over those 160 characters but divided by the whole length, and a token of 400 characters
went to Markdown in the clear. Count and divisor now come from the same slice.
"""

from __future__ import annotations

import random

import pytest

from memoryd.flush.redact import redact

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


@pytest.mark.parametrize("n", [40, 159, 161, 400, 3000])
@pytest.mark.parametrize(
    "line", ["here it is {t} ok", "voilà le jeton {t} merci", "der Wert lautet {t} danke"]
)
def test_an_unlabelled_random_token_is_redacted_at_any_length(n: int, line: str) -> None:
    rng = random.Random(n)
    token = "".join(rng.choice(ALPHABET) for _ in range(n))
    out = redact(line.format(t=token)).text
    assert token[:30] not in out and token[-30:] not in out and out.endswith(line.split("{t}")[1])
