"""Dedupe against the daily log and among new items: same memory dropped, updates kept."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest
from hypothesis import given
from hypothesis import strategies as st

from memoryd.flush.dedupe import (
    Fingerprint,
    _lcs_length,
    _sequence_ratio,
    already_said,
    dedupe,
    fingerprint,
    is_duplicate,
    normalise,
    same_item,
)
from memoryd.flush.items import Item


def fact(text: str, *ids: str, must_keep: bool = False) -> Item:
    return Item(kind="fact", text=text, entry_ids=ids or ("0de8b4c8",), must_keep=must_keep)


def test_normalise_drops_bullets_labels_citations_and_emphasis() -> None:
    line = "- **Decision:** Use `uv run pytest`, never bare pytest! (5f3c9a2e:0de8b4c8,10f880c1…)"
    assert normalise(line) == "use uv run pytest, never bare pytest!"


def test_item_already_in_the_log_is_dropped() -> None:
    log = [
        "## 14:03 · agent:main:main · threshold",
        "<!-- memoryd:flush id=abc session=s cycle=1 trigger=threshold entries=a..b -->",
        "### Facts",
        "- Staging DB is db-staging.internal on port 5433 (780c4b16:d9d2ef5d)",
    ]
    assert dedupe([fact("Staging DB is db-staging.internal on port 5433.")], log) == []


def test_case_and_punctuation_do_not_make_a_new_memory() -> None:
    log = ["* staging db is DB-STAGING.internal, on port 5433"]
    assert dedupe([fact("Staging DB is db-staging.internal on port 5433")], log) == []


def test_a_person_s_own_longer_line_covers_the_item() -> None:
    log = [
        "Jonas Brandt owns billing.py, and any change to invoice math needs his review on the PR (he said so)."
    ]
    assert (
        dedupe(
            [fact("Jonas Brandt owns billing.py; any change to invoice math needs his review on the PR")], log
        )
        == []
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The staging DB port is 5433", "The staging DB port is now 5434"),
        ("Deployed v1.4.2 to prod", "Deployed v1.4.3 to prod"),
        ("Committed 4f0c2d9 on fix/due-date-utc", "Committed 9a1b2c3 on fix/due-date-utc"),
        ("Config lives in /etc/app/app.env", "Config lives in /etc/app/app.yaml"),
    ],
)
def test_an_update_with_other_identifiers_is_not_a_duplicate(old: str, new: str) -> None:
    item = fact(new)
    assert dedupe([item], [old]) == [item]


def test_negation_is_not_a_duplicate() -> None:
    item = fact("PyMuPDF is not allowed in the stack")
    assert dedupe([item], ["PyMuPDF is allowed in the stack"]) == [item]


def test_unrelated_items_are_kept_in_order() -> None:
    items = [
        fact("Backups run at 02:00 UTC"),
        fact("Lena owns the payments service"),
        fact("Use zoneinfo, not pytz"),
    ]
    assert dedupe(items, ["Something else entirely", ""]) == items


def test_near_duplicates_among_new_items_keep_the_first_and_its_must_keep() -> None:
    first = fact("Releases only go out from v* tags, never from a push to main", "aaaaaaaa")
    second = fact(
        "Releases only go out from v* tags — never from a push to main.", "bbbbbbbb", must_keep=True
    )
    (kept,) = dedupe([first, second], [])
    assert kept.entry_ids == ("aaaaaaaa",) and kept.must_keep


def test_japanese_duplicate_is_found_by_character_bigrams() -> None:
    log = ["- api-prod-1 は先月 Ubuntu 24.04 に移行済みでログは journald (abcd1234:56074bad)"]
    item = fact("api-prod-1 は先月 Ubuntu 24.04 に移行済みで、ログは journald。")
    assert dedupe([item], log) == []


def test_japanese_update_with_a_new_number_is_kept() -> None:
    item = fact("ディスク使用率のアラートは 90% 超")
    assert dedupe([item], ["ディスク使用率のアラートは 85% 超"]) == [item]


def test_is_duplicate_needs_the_new_text_to_carry_no_new_identifier() -> None:
    old = fingerprint("deploy to prod-1 and prod-2 finished")
    assert is_duplicate(fingerprint("deploy to prod-1 finished"), old)
    assert not is_duplicate(fingerprint("deploy to prod-3 finished"), old)


def test_empty_text_is_never_a_duplicate() -> None:
    assert not is_duplicate(fingerprint(""), fingerprint(""))


def _lcs_by_table(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


@given(st.text(alphabet="abc é日", max_size=60), st.text(alphabet="abc é日", max_size=60))
def test_the_bit_parallel_lcs_is_the_lcs(a: str, b: str) -> None:
    assert _lcs_length(a, b) == _lcs_by_table(a, b)


@st.composite
def _near_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A text and a copy with a few edits: ratios near the 0.9 line are common."""
    a = draw(st.text(alphabet="ab cd", min_size=1, max_size=80))
    b = list(a)
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(b)))
        op = draw(st.sampled_from(("insert", "delete", "replace")))
        if op == "insert" or not b:
            b.insert(i, draw(st.sampled_from("ab cdx")))
        elif op == "delete":
            del b[min(i, len(b) - 1)]
        else:
            b[min(i, len(b) - 1)] = draw(st.sampled_from("ab cdx"))
    return a, "".join(b)


@given(_near_pairs())
def test_the_bounds_never_change_difflib_s_verdict(pair: tuple[str, str]) -> None:
    """The cheap bounds only skip pairs that difflib itself would find under 0.9."""
    a, b = pair
    want = SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9
    assert (_sequence_ratio(a, b) >= 0.9) == want


_WORDS = (
    "deploy",
    "the",
    "api",
    "to",
    "prod-1",
    "prod-2",
    "port",
    "5433",
    "not",
    "Postgres",
    "`uv`",
    "v1.2",
    "now",
)


@st.composite
def _item_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """Two short texts from a few words, names, identifiers and negations; the second often an edit
    of the first, so every branch of the comparison (containment, Jaccard, ratio) is reached."""
    a = draw(st.lists(st.sampled_from(_WORDS), min_size=0, max_size=9))
    b = list(a) if draw(st.booleans()) else draw(st.lists(st.sampled_from(_WORDS), max_size=9))
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, len(b)))
        if draw(st.booleans()) or not b:
            b.insert(i, draw(st.sampled_from(_WORDS)))
        else:
            del b[min(i, len(b) - 1)]
    return " ".join(a), " ".join(b)


@given(_item_pairs())
def test_same_item_is_is_duplicate_either_way(pair: tuple[str, str]) -> None:
    a, b = (fingerprint(t) for t in pair)
    assert same_item(a, b) == (is_duplicate(a, b) or is_duplicate(b, a))


def _dedupe_by_definition(items: list[Item], existing: list[str]) -> list[Item]:
    """What ``dedupe`` does, written as its definition: every item against every line, pairwise."""
    old = [fingerprint(line) for line in existing if line.strip()]
    kept: list[Item] = []
    prints: list[Fingerprint] = []
    for item in items:
        fp = fingerprint(item.text)
        if any(already_said(fp, o) for o in old):
            continue
        twin = next((i for i, k in enumerate(prints) if is_duplicate(fp, k) or is_duplicate(k, fp)), None)
        if twin is None:
            kept.append(item)
            prints.append(fp)
        elif item.must_keep and not kept[twin].must_keep:
            kept[twin] = Item(kept[twin].kind, kept[twin].text, kept[twin].entry_ids, must_keep=True)
    return kept


_LOG_WORDS = (*_WORDS, "just", "also", "ok", "Decision:", "database", "deploys", "deploy", "Friday", "owner")


@given(
    st.lists(st.lists(st.sampled_from(_LOG_WORDS), max_size=8), max_size=6),
    st.lists(st.lists(st.sampled_from(_LOG_WORDS), max_size=8), max_size=12),
    st.lists(st.booleans(), min_size=6, max_size=6),
)
def test_dedupe_is_its_pairwise_definition(
    texts: list[list[str]], lines: list[list[str]], keep: list[bool]
) -> None:
    """The log index and the shared pair test change nothing: same items kept, same flags."""
    items = [fact(" ".join(t), must_keep=k) for t, k in zip(texts, keep, strict=False)]
    log = ["- " + " ".join(w) for w in lines] + [" ".join(t) for t in texts[:2]]
    assert dedupe(items, log) == _dedupe_by_definition(items, log)


# --- against the log: only what a line already says in full is dropped -----------------------------


def test_another_session_s_similar_decision_does_not_drop_this_one() -> None:
    """The issue's case: same shape, other content. The old near-duplicate rule dropped these."""
    log = [
        "### Decisions",
        "- I'd recommend B. Which one? — user: go with B, Postgres (780c4b16:00000002,00000003)",
        "### Facts",
        "- from now on always lint with ruff before committing. (780c4b16:00000006)",
        "- that the orders DB listens on port 5433. (780c4b16:00000006)",
    ]
    items = [
        Item(
            kind="decision",
            text="I'd recommend B. Which one? — user: go with B, MySQL",
            entry_ids=("aaaaaaaa",),
        ),
        fact("from now on always lint with pylint before committing."),
        fact("that the orders DB listens on port 9440."),
    ]
    assert dedupe(items, log) == items


def test_a_vague_item_is_kept_even_when_the_log_has_the_same_words() -> None:
    """ "I'd recommend B." in another session may recommend something else."""
    item = Item(kind="decision", text="I'd recommend B.", entry_ids=("aaaaaaaa",), must_keep=True)
    assert dedupe([item], ["- I'd recommend B. (780c4b16:00000002,00000003)"]) == [item]


def test_a_line_naming_more_options_does_not_cover_an_item_naming_one() -> None:
    item = fact("Chose SQLite for the orders store")
    assert dedupe([item], ["- Chose Postgres over SQLite for the orders store"]) == [item]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Go with `uv` for installs", "Go with `pip` for installs"),
        ("Lena owns the payments service", "Priya owns the payments service"),
        ("Use the EU region for the bucket", "Use the US region for the bucket"),
        (
            "Always use single quotes in Python code, never double quotes",
            "Always use double quotes in Python code",
        ),
    ],
)
def test_a_different_name_or_value_is_a_different_item(old: str, new: str) -> None:
    item = fact(new)
    assert dedupe([item], [old]) == [item]
    assert not is_duplicate(fingerprint(new), fingerprint(old))


def test_an_exact_restatement_from_another_session_is_dropped() -> None:
    log = ["- Decision: go with B, MySQL for the orders DB (780c4b16:00000003)"]
    assert dedupe([fact("Agreed: go with B, MySQL for the orders DB.")], log) == []


def test_labels_of_every_kind_are_ignored_to_dos_included() -> None:
    assert normalise("- **To-do:** ship the export by Friday") == "ship the export by friday"
    log = ["- To-do: ship the export by Friday (abcd1234:0de8b4c8)"]
    todo = Item(kind="fact", text="ship the export by Friday", entry_ids=("0de8b4c8",))
    assert dedupe([todo], log) == []


def test_names_keep_near_duplicates_apart_within_a_flush() -> None:
    a = fact("We will host the staging database on Hetzner in the Falkenstein region for now")
    b = fact("We will host the staging database on Scaleway in the Falkenstein region for now")
    assert dedupe([a, b], []) == [a, b]


def test_two_sessions_flushed_the_same_day_keep_both_decisions() -> None:
    """End to end: the second session's flush, given the first one's block as the log, loses nothing."""
    from datetime import datetime

    from test_redact import Transcript

    from memoryd.flush.pipeline import block_for, content_of
    from memoryd.flush.render import BlockMeta

    def session(db: str, other: str, port: int, lint: str) -> Transcript:
        t = Transcript()
        t.user("We need a database for the orders service. What are the options?")
        t.assistant(
            f"Two options: A) {other}, simple and already on the box; B) {db}, better JSON support "
            "and replication. I'd recommend B. Which one?"
        )
        t.user(f"go with B, {db}")
        t.assistant(
            f"Done: {db} is set up for the orders service.", command=f"docker run -d -p {port}:{port} {db}"
        )
        t.result("ok")
        t.user(
            f"note that the orders DB listens on port {port}. Also, from now on always lint with {lint} before committing."
        )
        t.assistant("Noted.")
        return t

    first = content_of(session("Postgres", "SQLite", 5433, "ruff").entries(), [])
    meta = BlockMeta(
        "f1", "agent:main:main", "780c4b16-a510-49fa-a2b2-bbd1c38dbe31", "threshold", 1,
        datetime(2026, 6, 1, 10, 0), None, None,
    )  # fmt: skip
    log = block_for(meta, first).splitlines()
    second = session("MySQL", "MariaDB", 9440, "pylint").entries()
    alone = content_of(second, []).items
    assert content_of(second, log).items == alone
    said = " ".join(i.text for i in alone)
    assert any(i.kind == "decision" for i in alone) and "9440" in said and "pylint" in said
    # and what the first session's block says in full is not written twice
    again = content_of(session("Postgres", "SQLite", 5433, "ruff").entries(), log).items
    assert len(again) < len(first.items) and not any("5433" in i.text or "ruff" in i.text for i in again)


# --- entity-aware, in new wordings: what differs in a name, identifier, number word or role stays -------

_APART = [
    (
        "Alice owns the billing migration and the quarterly export to the finance warehouse.",
        "Bob owns the billing migration and the quarterly export to the finance warehouse.",
    ),
    (
        "Kafka carries the audit events from the checkout service to the ledger consumer.",
        "Redis carries the audit events from the checkout service to the ledger consumer.",
    ),
    (
        "Move the old rows into the orders_archive table before the nightly cleanup job runs.",
        "Move the old rows into the orders_backup table before the nightly cleanup job runs.",
    ),
    (
        "Deploy the frontend to the prod-eu cluster after the smoke tests pass on staging.",
        "Deploy the frontend to the prod-us cluster after the smoke tests pass on staging.",
    ),
    (
        "Rotate the signing key every ninety days and keep the previous one for a week.",
        "Rotate the signing key every thirty days and keep the previous one for a week.",
    ),
    (
        "Use the staging database for the load test, never the production one, during the cutover.",
        "Use the production database for the load test, never the staging one, during the cutover.",
    ),
    (
        "Prefer Postgres over MySQL for the orders store and the billing ledger.",
        "Prefer MySQL over Postgres for the orders store and the billing ledger.",
    ),
]


@pytest.mark.parametrize(("old", "new"), _APART, ids=[n[:40] for _, n in _APART])
def test_items_that_differ_in_a_name_an_identifier_a_number_or_a_role_stay_apart(old: str, new: str) -> None:
    a, b = fact(old), fact(new)
    assert dedupe([a, b], []) == [a, b]  # within one flush
    assert dedupe([b], ["- " + old]) == [b]  # against another session's line


def test_a_restatement_in_another_order_is_still_one_item() -> None:
    """Without a negation or a contrast word the order of the words decides nothing."""
    log = ["- aiohttp 3.12 (4 dependencies), async only"]
    assert dedupe([fact("aiohttp 3.12: async only, 4 dependencies")], log) == []
    a = fact("Sure, we go with Caddy as the reverse proxy for the internal dashboards")
    b = fact("Okay, we go with Caddy as the reverse proxy for the internal dashboards")
    assert dedupe([a, b], []) == [a]
