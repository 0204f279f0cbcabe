"""The names the agent is given to work with: a clause of the user's request that is a label and an
identifier ("Kundennummer K-77120", "user is ledger_ro, host db-ledger-02.int.example.net"), which
the agent's next tool calls then use as written, is an environment fact. A secret beside it is not
kept; a file or path to work on, an identifier the calls do not use, or a label that is a verb with
"please" is no fact. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def _facts(c: Conv) -> list[Item]:
    return [i for i in c.items() if i.kind == "fact"]


@pytest.mark.parametrize(
    ("lang", "ask", "command", "name"),
    [
        (
            "de",
            "kannst du die offenen Posten von Bäckerei Kolb aus dem Portal holen? Kunde K-77120, alles ab 1.11.",
            "curl -s https://api.portal.example.de/v2/kunden/K-77120/posten?since=2026-11-01",
            "K-77120",
        ),
        (
            "en",
            "can you pull the open items for Kolb Bakery from the portal? customer K-77120, everything since 1 November.",
            "curl -s https://api.portal.example.com/v2/customer/K-77120/items?since=2026-11-01",
            "K-77120",
        ),
        (
            "fr",
            "tu peux compter les lignes de novembre dans athena ? le profil aws c'est data-reports, merci",
            "aws --profile data-reports athena start-query-execution --query-string 'select 1'",
            "data-reports",
        ),
    ],
)
def test_labelled_name_the_calls_use_is_a_fact(lang: str, ask: str, command: str, name: str) -> None:
    c = Conv()
    c.user(ask)
    c.run(command, '{"ok": true, "items": 12}')
    c.say("There are 12 items.")
    assert any(name in i.text for i in _facts(c)), c.items()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "oh right. user is ledger_ro, password is Xq7#pLm2Wz9, host db-ledger-02.int.example.net"),
        ("de", "ach ja. user ist ledger_ro, passwort ist Xq7#pLm2Wz9, host db-ledger-02.int.example.net"),
    ],
)
def test_access_named_after_a_failure_is_kept_without_its_secret(lang: str, said: str) -> None:
    c = Conv()
    c.user("run the ledger reconciliation for yesterday")
    c.run("python scripts/recon.py 2026-11-24", "KeyError: 'PG_DSN'", code=1)
    c.say("The script needs PG_DSN. Which database user should it use?")
    c.user(said)
    c.run(
        "PG_DSN='host=db-ledger-02.int.example.net user=ledger_ro' python scripts/recon.py 2026-11-24",
        "invoices 120 120",
    )
    c.say("Counts match: 120 in both.")
    facts = [i for i in _facts(c) if "ledger_ro" in i.text]
    assert facts and "db-ledger-02.int.example.net" in facts[0].text, c.items()
    assert all("Xq7#pLm2Wz9" not in i.text for i in c.items())


@pytest.mark.parametrize(
    ("lang", "ask", "label"),
    [
        ("en", "customer K-77120, and the template is in docs/TEMPLATE.md", "customer"),
        ("es", "cliente K-77120, la plantilla está en docs/TEMPLATE.md", "clientes"),
    ],
)
def test_name_the_calls_do_not_use_is_no_fact(lang: str, ask: str, label: str) -> None:
    """The same labelled name is kept only once a call uses it; a file to read is never kept."""
    used, unused = Conv(), Conv()
    command = "cat docs/TEMPLATE.md"
    for c, cmd in ((used, f"{command}; curl -s https://api.example.com/{label}/K-77120"), (unused, command)):
        c.user(ask)
        c.run(cmd, "# Template")
        c.say("Read it.")
    assert any("K-77120" in i.text for i in _facts(used)), used.items()
    assert not any("K-77120" in i.text or "TEMPLATE" in i.text for i in _facts(unused)), unused.items()
