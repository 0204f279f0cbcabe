"""The rules-based extractor, on small transcripts written entry by entry and on the dev set."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from memoryd.flush.extract import MAX_TEXT, extract_items
from memoryd.flush.items import KINDS, Item
from memoryd.sources.transcript import Entry, parse_lines

EVAL = Path(__file__).parent / "data" / "eval"
DEV = EVAL / "dev"

SENDER = (
    "Sender (untrusted metadata):\n```json\n"
    '{\n  "label": "openclaw-tui (gateway-client)",\n  "id": "gateway-client"\n}\n```\n\n'
    "[Thu 2026-04-02 13:04 GMT+2] "
)


class Transcript:
    """An OpenClaw transcript built entry by entry, parsed by the real parser."""

    def __init__(self) -> None:
        header = {
            "type": "session",
            "version": 3,
            "id": "s-1",
            "timestamp": "2026-11-21T10:00:00Z",
            "cwd": "/w",
        }
        self.lines = [orjson.dumps(header)]
        self.n = 0
        self.calls = 0

    def add(self, obj: dict[str, Any]) -> str:
        self.n += 1
        eid = f"{0xA0000000 + self.n:08x}"
        stamp = f"2026-11-21T10:{self.n // 60:02d}:{self.n % 60:02d}.000Z"
        self.lines.append(orjson.dumps({**obj, "id": eid, "parentId": None, "timestamp": stamp}))
        return eid

    def user(self, text: str, *, envelope: bool = True) -> str:
        content = [{"type": "text", "text": (SENDER if envelope else "") + text}]
        return self.add({"type": "message", "message": {"role": "user", "content": content}})

    def assistant(self, text: str = "", calls: list[dict[str, Any]] | None = None, model: str = "m") -> str:
        content: list[dict[str, Any]] = [{"type": "text", "text": text}] if text else []
        content += calls or []
        message = {"role": "assistant", "content": content, "model": model, "stopReason": "stop"}
        return self.add({"type": "message", "message": message})

    def tool(
        self, name: str, args: dict[str, Any], output: str, *, error: bool = False, text: str = ""
    ) -> tuple[str, str]:
        """An assistant tool call and its result; returns (call entry id, result entry id)."""
        self.calls += 1
        call_id = f"call_{self.calls}"
        call = self.assistant(text, [{"type": "toolCall", "id": call_id, "name": name, "arguments": args}])
        message = {
            "role": "toolResult",
            "toolCallId": call_id,
            "toolName": name,
            "content": [{"type": "text", "text": output}],
            "isError": error,
        }
        return call, self.add({"type": "message", "message": message})

    def bash(self, command: str, output: str, *, code: int = 0, text: str = "") -> tuple[str, str]:
        if code:
            output += f"\n\nCommand exited with code {code}"
        return self.tool("bash", {"command": command}, output, error=code != 0, text=text)

    def entries(self) -> list[Entry]:
        _, entries, errors = parse_lines(b"\n".join(self.lines) + b"\n")
        assert not errors
        return entries

    def items(self, **bounds: int) -> list[Item]:
        return extract_items(self.entries(), **bounds)


def of_kind(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


# --- decisions ----------------------------------------------------------------------------------------


def test_agreed_proposal_is_a_must_keep_decision_citing_proposal_and_reply() -> None:
    t = Transcript()
    proposal = t.assistant(
        "Two ways to keep sessions:\n\n1. **Redis** with a 24h TTL\n2. **Postgres** table plus a cleanup cron\n\n"
        "I'd go with Redis. Which do you prefer?"
    )
    reply = t.user("Redis, sounds good. No Postgres for this, it would be overkill.")
    decisions = of_kind(t.items(), "decision")
    accepted = [d for d in decisions if not d.text.startswith("Rejected")]
    rejected = [d for d in decisions if d.text.startswith("Rejected")]
    assert len(accepted) == 1 and len(rejected) == 1
    assert accepted[0].entry_ids == (proposal, reply)
    assert "Redis" in accepted[0].text and accepted[0].must_keep
    assert "Postgres" in rejected[0].text and rejected[0].must_keep


def test_option_picked_by_label_names_that_option() -> None:
    t = Transcript()
    t.assistant("Options:\n\n- **A)** Pin numpy to 1.26\n- **B)** Upgrade pandas to 2.2\n\nWhich one?")
    t.user("B. We need the new parquet reader anyway.")
    (decision,) = of_kind(t.items(), "decision")
    assert "pandas to 2.2" in decision.text


def test_offer_without_alternatives_is_not_a_decision() -> None:
    t = Transcript()
    t.assistant("All 40 tests pass now. Want me to add a regression test for the leap-year case?")
    t.user("yes please")
    assert of_kind(t.items(), "decision") == []


def test_flat_rejection_is_a_rejected_decision() -> None:
    t = Transcript()
    t.assistant("Benchmarks: fastlib is 3x faster than slowlib, but fastlib is GPL-3.0 licensed.")
    reply = t.user("GPL is a no-go for us, we ship a proprietary appliance.")
    (decision,) = of_kind(t.items(), "decision")
    assert decision.text.startswith("Rejected: ") and decision.must_keep and reply in decision.entry_ids


def test_stated_decision_counts_without_a_proposal() -> None:
    t = Transcript()
    said = t.user("We decided to use Kafka for the event bus, not RabbitMQ.")
    (decision,) = of_kind(t.items(), "decision")
    assert decision.entry_ids == (said,) and "Kafka" in decision.text


# --- open questions -----------------------------------------------------------------------------------


def test_deferred_question_is_open_and_cites_question_and_deferral() -> None:
    t = Transcript()
    asked = t.assistant("The export is done. Should the nightly job also include archived accounts?")
    deferred = t.user("not sure, I'll check with Dana tomorrow.")
    (question,) = of_kind(t.items(), "open_question")
    assert question.entry_ids == (asked, deferred)
    assert "archived accounts" in question.text and not question.must_keep


def test_answered_question_is_not_open() -> None:
    t = Transcript()
    t.user("what's the default port of the admin UI?")
    t.assistant("It's 8443, set in config/admin.toml.")
    t.user("ok thanks")
    assert of_kind(t.items(), "open_question") == []


def test_todo_line_is_a_todo() -> None:
    """Labelled work left to do is a to-do, with or without an owner (``tests/test_todo_labels.py``)."""
    t = Transcript()
    t.assistant("Migrated the cron jobs.\n\nTODO: move the billing reports to the new scheduler.")
    (task,) = of_kind(t.items(), "todo")
    assert "billing reports" in task.text and not of_kind(t.items(), "open_question")


# --- facts and procedures -----------------------------------------------------------------------------


def test_correction_is_a_must_keep_fact() -> None:
    t = Transcript()
    t.assistant("The worker is a systemd unit, so I'll restart it with systemctl.")
    said = t.user("no wait, that's wrong: the worker runs under supervisord on this box, not systemd.")
    (fact,) = of_kind(t.items(), "fact")
    assert fact.must_keep and said in fact.entry_ids
    assert "supervisord" in fact.text and fact.text.endswith("(user correction)")


def test_remember_request_is_a_must_keep_fact_without_the_request_words() -> None:
    t = Transcript()
    t.user("Please remember that Lena owns the payments service and reviews every change to it.")
    (fact,) = of_kind(t.items(), "fact")
    assert fact.must_keep and "Lena owns the payments service" in fact.text
    assert "remember" not in fact.text.lower()


def test_remembered_sequence_is_a_must_keep_procedure() -> None:
    t = Transcript()
    t.user(
        "Remember this: for a hotfix, branch from the release tag, then cherry-pick the fix, then tag a patch."
    )
    (procedure,) = of_kind(t.items(), "procedure")
    assert procedure.must_keep and "cherry-pick" in procedure.text


def test_dictated_steps_are_a_procedure() -> None:
    t = Transcript()
    t.user("Our deploy routine is `make build`, then `make push`, then `make rollout`. Always in that order.")
    (procedure,) = of_kind(t.items(), "procedure")
    assert "`make push`" in procedure.text and not procedure.must_keep


def test_numbered_how_to_in_a_written_document_is_a_procedure() -> None:
    t = Transcript()
    steps = "# Restoring a backup\n\n1. `systemctl stop api`\n2. `pg_restore -d api latest.dump`\n3. `systemctl start api`\n"
    _, written = t.tool(
        "write", {"path": "docs/runbooks/restore.md", "content": steps}, "Successfully wrote 90 bytes"
    )
    (procedure,) = of_kind(t.items(), "procedure")
    assert procedure.entry_ids == (written,) and "pg_restore" in procedure.text


def test_environment_and_preference_facts_from_user_sentences() -> None:
    t = Transcript()
    t.user(
        "The metrics DB is tsdb.internal on port 8086. I always want metric names in snake_case. Can you add a panel?"
    )
    facts = of_kind(t.items(), "fact")
    assert any("tsdb.internal" in f.text for f in facts)
    assert any("snake_case" in f.text for f in facts)
    assert not any("panel" in f.text for f in facts)


# --- outcomes -----------------------------------------------------------------------------------------


def test_failure_then_fix_is_one_outcome_citing_failure_and_pass() -> None:
    t = Transcript()
    _, failed = t.bash("npm test", "FAIL src/date.test.ts\nTypeError: toISO is not a function", code=1)
    t.tool(
        "edit",
        {"path": "src/date.ts", "oldText": "toISO", "newText": "toISOString"},
        "Successfully replaced text in src/date.ts.",
        text="The helper was renamed upstream, so the call is stale; fixing it.",
    )
    _, passed = t.bash("npm test", "Tests: 12 passed, 12 total")
    (outcome,) = of_kind(t.items(), "outcome")
    assert failed in outcome.entry_ids and passed in outcome.entry_ids
    assert "TypeError" in outcome.text and not outcome.must_keep


def test_failure_nothing_fixed_is_a_must_keep_outcome() -> None:
    t = Transcript()
    _, first = t.bash(
        "pytest tests/test_sync.py", "FAILED tests/test_sync.py::test_pull - ConnectionError", code=1
    )
    _, second = t.bash(
        "pytest tests/test_sync.py", "FAILED tests/test_sync.py::test_pull - ConnectionError", code=1
    )
    (outcome,) = of_kind(t.items(), "outcome")
    assert outcome.must_keep and outcome.text.startswith("Still failing")
    assert (first, second) == outcome.entry_ids[:2]


def test_commit_and_pull_request_are_an_outcome_with_their_ids() -> None:
    t = Transcript()
    t.bash("git commit -m 'fix: stale import'", "[main 1a2b3c4] fix: stale import\n 1 file changed")
    t.bash("git push && gh pr create --fill", "https://github.com/acme/app/pull/77")
    (outcome,) = of_kind(t.items(), "outcome")
    assert "1a2b3c4" in outcome.text and "#77" in outcome.text


def test_reads_and_checks_are_not_outcomes() -> None:
    t = Transcript()
    t.bash("ls -la && cat README.md", "README.md")
    t.bash("pytest -q", "3 passed")
    t.tool("read", {"path": "src/app.py"}, "print('hi')")
    assert t.items() == []


def test_secret_file_output_is_never_quoted() -> None:
    t = Transcript()
    t.bash("cat .env && ./deploy.sh", "DB_PASSWORD=hunter2-but-longer\nError: deploy failed", code=1)
    items = t.items()
    assert items and all("hunter2" not in i.text for i in items)


# --- what is never evidence ---------------------------------------------------------------------------


def test_envelope_is_stripped_from_prose() -> None:
    t = Transcript()
    t.assistant("[[reply_to_current]] Two plans:\n\n1. Nginx in front\n2. Caddy in front\n\nWhich one?")
    t.user("the second one, Caddy does TLS for us")
    texts = " ".join(i.text for i in t.items())
    assert "Caddy" in texts
    for envelope in ("Sender", "untrusted", "GMT+2", "reply_to_current", "gateway-client"):
        assert envelope not in texts


def test_openclaw_flush_turns_are_skipped() -> None:
    t = Transcript()
    flush = [t.user("Continue the OpenClaw runtime event.", envelope=False)]
    flush += t.tool(
        "write", {"path": "memory/2026-11-21.md", "content": "- We decided to use Kafka."}, "Appended"
    )
    flush.append(t.assistant("NO_REPLY"))
    flush.append(t.user("Pre-compaction memory flush. Store durable memories now.", envelope=False))
    flush.append(t.assistant("We decided to use Kafka."))
    items = t.items()
    assert all(not set(i.entry_ids) & set(flush) for i in items)
    assert of_kind(items, "decision") == []


def test_compaction_custom_model_change_and_gateway_messages_are_not_evidence() -> None:
    t = Transcript()
    t.add(
        {
            "type": "compaction",
            "summary": "We decided to use Kafka.",
            "firstKeptEntryId": None,
            "tokensBefore": 1,
        }
    )
    t.add({"type": "custom", "customType": "model-snapshot", "data": {"modelId": "m"}})
    t.add({"type": "model_change", "provider": "p", "modelId": "m2"})
    t.assistant("We decided to use Kafka. TODO: ship it.", model="gateway-injected")
    assert t.items() == []


# --- other languages ----------------------------------------------------------------------------------


def test_japanese_agreement_and_deferral() -> None:
    t = Transcript()
    proposal = t.assistant("対応案:\n1. キャッシュを削除\n2. ワーカーを再起動\n\n進めていいですか？")
    agreed = t.user("はい、お願いします")
    stated = t.assistant("再起動しました。誰が設定を変えたかは、まだ分かっていません。")
    deferred = t.user("そこは後で調べる")
    items = t.items()
    (decision,) = of_kind(items, "decision")
    (question,) = of_kind(items, "open_question")
    assert decision.entry_ids == (proposal, agreed) and "キャッシュ" in decision.text
    assert question.entry_ids == (stated, deferred)


def test_japanese_correction() -> None:
    t = Transcript()
    t.assistant("api-1 も同じ構成なので確認しますか？")
    t.user("違う、api-1 は先月 journald に移行済み。")
    (fact,) = of_kind(t.items(), "fact")
    assert fact.must_keep and "journald" in fact.text


# --- whole sessions on other topics -------------------------------------------------------------------


def test_infrastructure_session_end_to_end() -> None:
    t = Transcript()
    t.user(
        "We need to upgrade ingress-nginx on the prod-eu cluster. "
        "Please remember that Anika is on-call this week, ping her before anything risky."
    )
    t.assistant(
        "Two options:\n\n- **A)** Upgrade ingress-nginx in place to 4.11 with helm\n"
        "- **B)** Migrate to the Gateway API with Envoy\n\nI'd go with A for now. Which one?"
    )
    t.user("Let's do A. Gateway API can wait until Q3.")
    upgrade = "helm upgrade ingress-nginx ingress-nginx/ingress-nginx -n ingress --version 4.11.0"
    _, failed = t.bash(upgrade, "Error: UPGRADE FAILED: another operation is in progress", code=1)
    t.bash(
        "helm rollback ingress-nginx 6 -n ingress",
        "Rollback was a success!",
        text="An upgrade is stuck, so rolling back.",
    )
    _, passed = t.bash(upgrade, 'Release "ingress-nginx" has been upgraded.\nREVISION: 8')
    t.assistant("Upgrade done: revision 8, all 12 ingresses answer 200.")
    t.user("next time do `helm diff upgrade` first, then `helm upgrade --atomic`, then `kubectl get ing -A`.")
    t.assistant("Noted. Should I also enable the metrics endpoint on the controller?")
    t.user("not now, I'll check with the SRE team first.")
    t.assistant("Das Dashboard liest noch den alten Namespace. Soll ich es umstellen?")
    t.user("Ja, gerne. Und merk dir: Dashboards gehören dem Team Observability.")
    items = t.items()
    (decision,) = of_kind(items, "decision")
    assert "in place" in decision.text and decision.must_keep
    (outcome,) = of_kind(items, "outcome")
    assert "UPGRADE FAILED" in outcome.text and {failed, passed} <= set(outcome.entry_ids)
    (question,) = of_kind(items, "open_question")
    assert "metrics endpoint" in question.text
    facts = of_kind(items, "fact")
    assert all(f.must_keep for f in facts) and len(facts) == 2
    assert any("Anika is on-call" in f.text for f in facts)
    assert any(f.text.startswith("Dashboards gehören") for f in facts)
    (procedure,) = of_kind(items, "procedure")
    assert "`helm diff upgrade`" in procedure.text


def test_research_session_end_to_end() -> None:
    t = Transcript()
    t.user("Can you compare Hetzner and OVH for our 3 build runners? Budget is 150 EUR/month.")
    t.tool("web_search", {"query": "hetzner ax42"}, "Hetzner AX42 from 49 EUR/month; Falkenstein, Helsinki")
    t.tool("web_search", {"query": "ovh rise-1"}, "OVH Rise-1 from 65 EUR/month")
    t.assistant(
        "Results for 3 runners:\n\n| provider | plan | per month | x3 |\n|---|---|---|---|\n"
        "| Hetzner | AX42 | 49 EUR | 147 EUR |\n| OVH | Rise-1 | 65 EUR | 195 EUR |\n\n"
        "My recommendation: Hetzner AX42 in Falkenstein. Shall I draft the order?"
    )
    t.user("ok go with Hetzner. but not Falkenstein, we need Helsinki for latency to the Finnish office.")
    t.assistant("Should the runners use Ubuntu 24.04 or Debian 12?")
    t.user("Debian 12.")
    t.user("Also, what's the setup fee at Hetzner?")
    t.assistant("There is none for the AX42 line, and no minimum contract either; you can cancel monthly.")
    t.user("¿Y el soporte? Lo consulto mañana con Lucía.")
    items = t.items()
    decisions = [d.text for d in of_kind(items, "decision")]
    assert any("Hetzner" in d and not d.startswith("Rejected") for d in decisions)
    assert any(d.startswith("Rejected") and "Falkenstein" in d for d in decisions)
    assert any("Debian 12" in d for d in decisions)
    assert any("147 EUR" in o.text for o in of_kind(items, "outcome"))
    (question,) = of_kind(items, "open_question")
    assert "soporte" in question.text


# --- bounds and form ----------------------------------------------------------------------------------


def _many_facts(t: Transcript, n: int) -> None:
    for i in range(n):
        t.user(f"The replica number {i} is db-{i}.internal on port {5400 + i}.")


def test_at_most_max_items_with_must_keep_first() -> None:
    t = Transcript()
    _many_facts(t, 12)
    t.user("Please remember that backups run at 02:00 UTC.")
    items = t.items(max_items=5)
    assert len(items) == 5
    assert any(i.must_keep and "02:00 UTC" in i.text for i in items)


def test_byte_budget_drops_ordinary_items_but_never_must_keep() -> None:
    t = Transcript()
    _many_facts(t, 12)
    t.user("Please remember that backups run at 02:00 UTC.")
    items = t.items(max_bytes=200)
    assert sum(len(i.text.encode()) for i in items if not i.must_keep) <= 200
    assert any(i.must_keep for i in items)
    assert len(items) < 13


def test_items_come_in_kind_order() -> None:
    t = Transcript()
    t.user("The queue is mq.internal on port 5672.")
    t.assistant("Two ways:\n\n1. Retry in place\n2. Dead-letter queue\n\nWhich one?")
    t.user("the second one")
    kinds = [i.kind for i in t.items()]
    assert kinds == sorted(kinds, key=KINDS.index)


@pytest.mark.parametrize("path", sorted(DEV.glob("*.jsonl")), ids=lambda p: p.stem)
def test_dev_items_cite_known_entries_in_order_with_short_texts(path: Path) -> None:
    _, entries, _ = parse_lines(path.read_bytes())
    position = {e.id: i for i, e in enumerate(entries)}
    items = extract_items(entries)
    assert items
    for item in items:
        assert item.entry_ids and all(e in position for e in item.entry_ids)
        assert [position[e] for e in item.entry_ids] == sorted(position[e] for e in item.entry_ids)
        assert 0 < len(item.text) <= MAX_TEXT
        assert item.kind in KINDS


_COUNT_CALLS = """
import cProfile, json, pstats, sys
from pathlib import Path
import orjson
from memoryd.flush.extract import extract_items
from memoryd.sources.transcript import parse_lines
lines, n = [], 0
for path in sorted(Path(sys.argv[1]).glob("*.jsonl"))[: int(sys.argv[2])]:
    for raw in path.read_text(encoding="utf-8").splitlines()[1:]:
        n += 1
        lines.append(orjson.dumps(json.loads(raw) | {"id": f"{n:08x}", "parentId": None}))
entries = parse_lines(b"\\n".join(lines))[1]
profile = cProfile.Profile()
profile.enable()
items = extract_items(entries)
profile.disable()
print(len(entries), pstats.Stats(profile).total_calls, len(items))
"""


def _work(files: int) -> tuple[int, int]:
    """Entries in a range of ``files`` different generated conversations, and the Python calls one
    extraction of it makes: counted, not timed (a fresh process each, so no cache carries over)."""
    out = subprocess.run(
        [sys.executable, "-c", _COUNT_CALLS, str(EVAL / "gen-tune"), str(files)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert int(out[2]) > 0
    return int(out[0]), int(out[1])


def test_extraction_work_grows_linearly_with_the_range() -> None:
    """A regression guard against quadratic work (a rule that re-reads every earlier turn per turn),
    without a clock: four times the conversation may cost at most 1.5 times as many calls per entry
    (linear today: about 0.85). Speed itself is measured in bench/, not asserted here."""
    small_entries, small_calls = _work(20)
    big_entries, big_calls = _work(80)
    assert big_entries > 3.5 * small_entries
    per_entry = (big_calls / big_entries) / (small_calls / small_entries)
    assert per_entry < 1.5, (
        f"calls per entry grew {per_entry:.2f}x over a {big_entries / small_entries:.1f}x range"
    )


# --- rules that generalise past the dev set -------------------------------------------------------------


def test_each_turned_down_option_is_its_own_rejection() -> None:
    t = Transcript()
    t.user("The nightly job keeps failing when the upstream file is late. Options?")
    t.assistant(
        "Three ways:\n\nA) Wait for the file with a sensor\nB) Run the job three hours later\n"
        "C) Skip missing days and catch up on the next run\n\nWhich do you want?"
    )
    t.user("A, definitely. B would miss the morning report, that's a hard no. And C just hides the problem.")
    decisions = [d.text for d in of_kind(t.items(), "decision")]
    assert any("sensor" in d and not d.startswith("Rejected") for d in decisions)
    assert any(d.startswith("Rejected: Run the job three hours later") for d in decisions)
    assert any(d.startswith("Rejected: Skip missing days") for d in decisions)


def test_a_plan_answered_point_by_point() -> None:
    t = Transcript()
    t.user("Can you review the supplier contract?")
    t.assistant(
        "Four points stand out:\n\n1. **Term**: five years is long\n2. **Exclusivity**: they want exclusivity "
        "for Europe\n3. **Liability cap**: capped at one month of fees\n4. **Jurisdiction**: courts of Texas\n\n"
        "How do you want to handle each?"
    )
    t.user(
        "Term of two years is fine. Strike the exclusivity, we can't accept that. "
        "The liability cap has to go up to twelve months. Jurisdiction: ask for Dublin."
    )
    decisions = [d.text for d in of_kind(t.items(), "decision")]
    assert len(decisions) == 4
    assert sum(d.startswith("Rejected") for d in decisions) == 1
    assert any(d.startswith("Rejected: Exclusivity") for d in decisions)


def test_german_ordinal_pick_and_rejection_without_english_words() -> None:
    t = Transcript()
    t.user("Wie oft soll das Backup laufen?")
    t.assistant(
        "Zwei Vorschläge:\n\n1. **Sparsam**: täglich, 7 Tage aufbewahren\n2. **Großzügig**: täglich, 30 Tage "
        "aufbewahren\n\nWelche Variante soll ich einrichten?"
    )
    t.user("Nimm die erste. Eine zweite Kopie in den USA kommt nicht in Frage, die Daten bleiben in der EU.")
    decisions = [d.text for d in of_kind(t.items(), "decision")]
    assert any(d.startswith("Sparsam") for d in decisions)
    assert any(d.startswith("Abgelehnt:") and "USA" in d for d in decisions)


def test_spanish_pick_by_its_words() -> None:
    t = Transcript()
    t.user("¿Cómo automatizamos el envío?")
    t.assistant(
        "Dos maneras:\n\n1. Un cron semanal los lunes a las 9:00\n2. Enviar cada factura desde el TPV\n\n"
        "¿Cuál prefieres?"
    )
    t.user("la del cron me va perfecto. lo del TPV ni hablar")
    decisions = [d.text for d in of_kind(t.items(), "decision")]
    assert any("cron" in d and not d.startswith("Rechazado") for d in decisions)
    assert any(d.startswith("Rechazado: Enviar cada factura") for d in decisions)


def test_a_question_the_user_parks_stays_open_even_after_a_reply() -> None:
    t = Transcript()
    t.assistant("The NDA is ready for review.")
    t.user("good. who drafts the DPA, us or them? I'll check with Pieter tomorrow.")
    t.assistant("Usually the controller proposes it, but practice varies a lot. I'll leave that to Pieter.")
    (question,) = of_kind(t.items(), "open_question")
    assert question.text.lower().startswith("who drafts the dpa")


def test_a_sign_off_is_not_a_deferral() -> None:
    t = Transcript()
    t.assistant("Added the backfill steps to docs/RUNBOOK.md. Anything else?")
    t.user("thanks, that's it for now")
    assert of_kind(t.items(), "open_question") == []


def test_steps_the_user_asked_for_are_a_procedure() -> None:
    t = Transcript()
    t.user("could you give me a routine for Sunday so weeknights are quicker?")
    t.assistant(
        "Sunday, about an hour:\n\n1. Chop the onions and peppers\n2. Make and freeze the pizza dough\n"
        "3. Cook the soup base\n4. Marinate the chicken"
    )
    (procedure,) = of_kind(t.items(), "procedure")
    assert "pizza dough" in procedure.text and len(procedure.entry_ids) == 2


def test_facts_inside_a_reply_are_kept_and_negated_remember_is_no_request() -> None:
    t = Transcript()
    t.assistant(
        "Plan A: fish on Monday, pasta on Tuesday. Plan B: curry on Monday, soup on Tuesday. Which one?"
    )
    t.user("plan A but swap the fish for lentils, Tom doesn't eat fish.")
    t.user("write down what to do when the router dies, I won't remember this.")
    facts = [f.text for f in of_kind(t.items(), "fact")]
    assert any("doesn't eat fish" in f for f in facts)
    assert not any("won't remember" in f for f in facts)


def test_a_standing_rule_is_kept_like_a_remember_request() -> None:
    t = Transcript()
    t.user("From now on e2e tests must use the team test account only, never personal keys.")
    (fact,) = of_kind(t.items(), "fact")
    assert fact.must_keep
