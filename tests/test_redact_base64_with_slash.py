"""A random key whose base64 holds a slash is a key, not a path.

``_looks_secret`` turned down every value with a ``/`` and no ``=`` padding as "a path", so
``PRIVATE_KEY=`` followed by unpadded base64 went to Markdown in the clear. A path is now a value
that starts like one or whose slash-separated pieces are names.
"""

from __future__ import annotations

import random

import pytest

from memoryd.flush.redact import redact

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _key(n: int, seed: int) -> str:
    rng = random.Random(seed)
    while True:
        key = "".join(rng.choice(ALPHABET) for _ in range(n))
        if "/" in key:
            return key


@pytest.mark.parametrize("n", [40, 100, 2400])
@pytest.mark.parametrize("line", ["PRIVATE_KEY={k}", "client_secret: {k}", "export API_TOKEN={k}"])
def test_unpadded_base64_with_a_slash_is_redacted_whole(n: int, line: str) -> None:
    key = _key(n, n)
    out = redact(line.format(k=key) + "\nand the rest").text
    assert key[: n // 3] not in out and key[-(n // 3) :] not in out and "and the rest" in out


@pytest.mark.parametrize(
    "line",
    [
        "SECRET_KEY_FILE=config/secrets/productionKeys.yaml",
        "api_key: ~/credentials/openrouter/key.txt",
        "token_path=/var/lib/memoryd/state/token",
    ],
)
def test_a_path_behind_a_secret_name_stays(line: str) -> None:
    assert redact(line).text == line


def test_a_long_random_key_is_redacted_whole_though_only_its_head_is_read() -> None:
    rng = random.Random(7)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    key = "".join(rng.choice(alphabet) for _ in range(2400))
    out = redact(f"PRIVATE_KEY={key}\nand the rest").text
    assert key[:40] not in out and key[-40:] not in out and "and the rest" in out


@pytest.mark.parametrize("line", ["PRIVATE_KEY={k}", "the signing key is {k}"])
def test_a_key_longer_than_the_value_bound_is_redacted_to_its_end(line: str) -> None:
    key = _key(6000, 11)
    out = redact(line.format(k=key) + " and the rest").text
    assert key[-200:] not in out and key[:200] not in out and out.endswith(" and the rest")
