"""A run that retried its way past a failure (every failing line says it is retried, and a later line
for the same item shows none: ``try 1: 503 ... retry later`` / ``try 2: accepted``) did not fail: no
"still failing". A failure that is not retried, or whose retry failed too, still fails.
Conversations written here, in en/de."""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.tools import retried_past

TRIES = (
    'try 1: {"status":"error","code":503,"message":"gateway busy, retry later"}\n'
    'try 2: {"status":"accepted","id":"pay_81x"}'
)
MONTHS = (
    "2026-01 job_11 done 12 MB\n2026-02 job_12 HTTP 502 -> retry in 30s\n2026-02 job_13 done 9 MB\n2/2 ok"
)


def test_retried_lines_with_a_later_pass_are_no_failure() -> None:
    assert retried_past(TRIES)
    assert retried_past(MONTHS)


def test_failures_not_retried_or_retried_in_vain_still_fail() -> None:
    assert not retried_past('try 1: {"status":"error","code":503}\ntry 2: {"status":"accepted"}')
    assert not retried_past(
        'try 1: {"status":"error","code":503,"message":"retry later"}\n'
        'try 2: {"status":"error","code":503,"message":"retry later"}'
    )


def test_en_payment_accepted_on_the_second_try_is_no_open_failure() -> None:
    t = Transcript()
    t.user("pay the caterer's deposit, 800 EUR, reference CAT-07")
    t.bash(
        "for i in 1 2 3; do out=$(curl -s -X POST https://api.payco.example/v1/payments -d @cat07.json); "
        'echo "try $i: $out"; echo "$out" | grep -q accepted && break; sleep 20; done',
        TRIES,
    )
    t.assistant("Accepted on the second try: payment pay_81x, 800 EUR, reference CAT-07.")
    outcomes = of_kind(t.items(), "outcome")
    assert not any(o.must_keep for o in outcomes)


def test_de_monthly_exports_past_a_retry_are_no_open_failure() -> None:
    t = Transcript()
    t.user("zieh bitte die Belege für Januar und Februar als Monatsexporte")
    t.bash("~/bin/export_monate.sh K-4471 2026-01 2026-02 ~/belege/", MONTHS)
    t.assistant(
        "Beide Monate sind da (Februar brauchte einen zweiten Versuch nach HTTP 502), zusammen 21 MB."
    )
    outcomes = of_kind(t.items(), "outcome")
    assert not any(o.must_keep for o in outcomes)
