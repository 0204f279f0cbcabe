"""A login given as ``user / password`` in prose, and ``curl -u user:password``: the password goes.

Found on a held-out split's first score (2026-12-07): a user gave the agent a portal login in one
message, the agent used it in ``curl -u``, and both copies reached the Markdown. The user name stays
(it says whose login it was); the value after the separator is redacted.
"""

from __future__ import annotations

import pytest

from memoryd.flush.redact import redact


def _text(s: str) -> str:
    return redact(s).text


@pytest.mark.parametrize(
    ("prose", "secret"),
    [
        ("the login for the supplier shop is orders@vet-example.org / Hasel&Maus41", "Hasel&Maus41"),
        ("login: frontdesk@clinic.example / Nebel!2031, pls check the invoices", "Nebel!2031"),
        ("Anmeldedaten fürs Portal: empfang@praxis.example / Kiesel#Weg58", "Kiesel#Weg58"),
        ("le credenziali sono laura@bottega.example / Argilla_77x", "Argilla_77x"),
        ("Log-in: ana@tienda.example / Barro-Rojo-93", "Barro-Rojo-93"),
    ],
)
def test_a_login_pair_in_prose_loses_its_password(prose: str, secret: str) -> None:
    out = _text(prose)
    assert secret not in out
    assert "@" in out  # the user name stays: it says whose login it was
    assert "[REDACTED:password]" in out


@pytest.mark.parametrize(
    ("command", "secret"),
    [
        (
            "curl -s -u 'orders@vet-example.org:Hasel&Maus41' https://shop.example.com/api/v1/credits",
            "Hasel&Maus41",
        ),
        ("curl --user admin:Quarz7Sieben -X POST https://nas.example.lan/upload", "Quarz7Sieben"),
        ("curl -fsS --user=ops:Tonerde99 https://api.example.it/ordini", "Tonerde99"),
        ("http -a bob:Salbei-Tee-4 GET api.example.com/orders", "Salbei-Tee-4"),
        ("/usr/bin/curl -u ops:Lavagna-88 https://nas.example.lan/", "Lavagna-88"),
        ("xh\t--auth=ana:Kiefer_Zapfen3 get api.example.com", "Kiefer_Zapfen3"),
        (
            "see https://x.example.com first, then curl -u ops:Graupel-19 https://x.example.com/a",
            "Graupel-19",
        ),
    ],
)
def test_curl_user_colon_password_loses_its_password(command: str, secret: str) -> None:
    out = _text(command)
    assert secret not in out
    assert "[REDACTED:cli_password]" in out


@pytest.mark.parametrize(
    "text",
    [
        "the login page failed / retry later",
        "login failed: 401 / try again",
        "after login / logout the session ends",
        "the login is at https://portal.example.com/login",
        "curl -u admin https://nas.example.lan/",  # curl asks for the password itself
        'curl -u "$API_USER:$API_PASS" https://api.example.com/',  # variables, not values
        "der Login klappt wieder, danke",
        # A URL is no HTTPie call: what a later ``-a``/``-u`` takes stays.
        "see https://git.example.com/repo then run ls -a src:main",
        "siehe http://wiki.example.lan/x, dann sort -u a:b.txt",
        "the curl-based check uses -u ops:main on the staging host",
    ],
)
def test_what_is_not_a_login_pair_stays(text: str) -> None:
    assert _text(text) == text
