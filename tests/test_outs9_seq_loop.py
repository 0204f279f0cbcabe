"""A loop over ``$(seq 1 N)`` names its work by the command it repeats, not by ``seq``: ``seq`` only
counts, like ``sleep`` or ``echo``. Conversations written here, in en/fr."""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.shell import TRIVIAL


def test_seq_is_a_trivial_helper() -> None:
    assert "seq" in TRIVIAL


def test_en_repeated_run_is_named_by_what_it_repeats() -> None:
    t = Transcript()
    t.user("is the checkout test flaky? run it a few times")
    t.bash(
        "for i in $(seq 1 8); do npx vitest run src/checkout.test.ts | tail -1; done",
        "Tests  1 failed | 11 passed (12)\nTests  12 passed (12)\nTests  1 failed | 11 passed (12)",
    )
    t.assistant("It fails 2 runs out of 8, always on the coupon case.")
    t.user("ok leave it for now")
    (open_failure,) = [o for o in of_kind(t.items(), "outcome") if o.must_keep]
    assert "vitest" in open_failure.text and "seq 1" not in open_failure.text


def test_fr_polled_job_is_named_by_its_request() -> None:
    t = Transcript()
    t.user("suis l'export annuel jusqu'à la fin")
    t.bash(
        "for i in $(seq 1 5); do curl -s https://api.archivage.example/v1/exports/exp_77 | jq -c '{status}'; "
        "sleep 30; done",
        '{"status":"running"}\n{"status":"running"}\n{"status":"error"}',
    )
    t.assistant("L'export exp_77 a échoué (status error), même si chaque appel a répondu normalement.")
    t.user("bon, on verra demain")
    failures = [o for o in of_kind(t.items(), "outcome") if o.must_keep]
    assert failures and all("seq 1" not in o.text for o in failures)
