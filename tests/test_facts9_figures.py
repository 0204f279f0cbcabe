"""Figures read and reported: a tool prints a table of figures, one per line, and the assistant's next
words give three or more of them back, exactly or rounded ("EC2 $31.2k" for 31204.10). That
paragraph is a fact, also when the read came after a failure. A report that gives fewer of them, or
a table of one repeated figure (three 204s), is none. Conversations written here."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.items import Item


def _facts(c: Conv, value: str) -> list[Item]:
    return [i for i in c.items() if i.kind == "fact" and value in i.text]


_TABLE = "GROUPS  Amazon EC2   31204.10\nGROUPS  Amazon RDS   12880.45\nGROUPS  Amazon S3     5410.90\n"


@pytest.mark.parametrize(
    ("lang", "ask", "report"),
    [
        ("en", "pull last month's cost by service please", "Top three: EC2 $31.2k, RDS $12.9k, S3 $5.4k."),
        (
            "de",
            "hol bitte die Kosten vom letzten Monat pro Dienst",
            "Die größten drei: EC2 31,2k $, RDS 12,9k $, S3 5,4k $.",
        ),
    ],
)
def test_rounded_figures_after_a_failure_are_a_fact(lang: str, ask: str, report: str) -> None:
    c = Conv()
    c.user(ask)
    c.run("aws ce get-cost-and-usage --profile billing", "An error occurred (ExpiredToken)", code=254)
    c.say("The billing profile's token expired, refreshing it.")
    c.run("aws ce get-cost-and-usage --profile billing --output text", _TABLE)
    c.say(report)
    assert _facts(c, "EC2"), c.items()


@pytest.mark.parametrize(
    ("lang", "report", "kept"),
    [
        ("es", "Las cifras de 2026:\n\n- 1.412 hogares\n- 6.902 lotes\n- 3.118 horas de voluntariado", True),
        ("es", "Las cifras de 2026: 1.412 hogares, y el resto está en el CSV.", False),
        ("en", "The 2026 figures:\n\n- 1,412 households\n- 6,902 parcels\n- 3,118 volunteer hours", True),
    ],
)
def test_three_figures_given_back_exactly(lang: str, report: str, kept: bool) -> None:
    c = Conv()
    c.user("saca las cifras de 2026 del CSV" if lang == "es" else "get the 2026 figures from the csv")
    c.run("python3 figures.py data/2026.csv", "households 1412\nparcels 6902\nvolunteer_hours 3118\n")
    c.say(report)
    assert bool(_facts(c, "1")) == kept, c.items()


def test_one_repeated_figure_is_no_table() -> None:
    """Three 204s are one figure; with three distinct figures the same report is kept."""
    one, three = Conv(), Conv()
    for c, out in (
        (one, "task 0: 204\ntask 2: 204\ntask 3: 204"),
        (three, "task 0: 204\ntask 2: 301\ntask 3: 415"),
    ):
        c.user("restart the failed tasks of the sink connector")
        c.run(
            "for t in 0 2 3; do curl -s -o /dev/null -w 'task $t: %{http_code}\\n' http://c:8083/t/$t; done",
            out,
        )
        c.say("Restart answers: 204, 301 and 415, and they failed again within a minute.")
    assert not _facts(one, "204"), one.items()
    assert _facts(three, "204"), three.items()
