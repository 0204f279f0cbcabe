"""What the source split promises beyond the old suite: sessions that appear after memoryd first
looked are live (interface 5), and a checkpoint written before the split still loads."""

from __future__ import annotations

import shutil

import orjson
import pytest
from daemon_helpers import DaemonProc, assert_valid_events, memoryd, wait_for
from openclaw_fixture import OpenClawFixture

pytestmark = pytest.mark.slow


def test_a_session_in_a_sessions_folder_made_after_the_start_is_live(oc: OpenClawFixture) -> None:
    oc.small_config()
    shutil.rmtree(oc.state / "agents")  # an install whose agent has never run: no sessions/ folder
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: any(e["type"] == "daemon.started" for e in oc.events()), "start")
        wait_for((oc.memoryd_state / "checkpoint.json").exists, "the first catch-up")
        s = oc.one_turn(
            "abababab-0000-4000-8000-000000000001",
            "We decided to keep the archive for 90 days.",
            "Agreed: 90 days.",
            12_000,
        )
        wait_for(lambda: any(e["type"] == "session.discovered" for e in oc.events()), "discovery")
        s.user("Remember that the archive bucket is eu-west-3.")
        s.assistant("Noted: eu-west-3.", 20_500)
        oc.store("main", "agent:main:main", totalTokens=20_500)
        wait_for(lambda: any(e["type"] == "memory.flush.completed" for e in oc.events()), "the flush")
        s.compaction(tokens_before=21_000)
        oc.store("main", "agent:main:main", compactionCount=1, totalTokens=2_000)
        wait_for(lambda: any(e["type"] == "memory.compacted" for e in oc.events()), "the compaction")
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    events = oc.events()
    assert_valid_events(events)
    disc = next(e for e in events if e["type"] == "session.discovered")
    assert disc["data"]["first_sight"] is False
    done = [e for e in events if e["type"] == "memory.flush.completed"]
    assert [(e["data"]["trigger"], e["data"]["cycle"]) for e in done] == [("threshold", 0)]
    compacted = [e for e in events if e["type"] == "memory.compacted"]
    assert len(compacted) == 1 and not compacted[0]["data"].get("historical")
    assert compacted[0]["data"]["flushed_before"] is True
    assert "90 days" in "".join(oc.daily_logs().values())


def test_a_version_1_checkpoint_still_loads_and_nothing_is_repeated(oc: OpenClawFixture) -> None:
    oc.small_config()
    s = oc.one_turn(
        "cdcdcdcd-0000-4000-8000-000000000001",
        "We decided to pin the compiler to 1.82.",
        "Agreed: 1.82.",
        20_400,
    )
    cfg = str(oc.config_path)
    assert memoryd("run", "--once", "--config", cfg).returncode == 0
    ckpt = oc.memoryd_state / "checkpoint.json"
    doc = orjson.loads(ckpt.read_bytes())
    assert doc["version"] == 2
    # The shape memoryd wrote before sources were split out of the engine.
    doc["version"] = 1
    doc.pop("layouts", None)
    for raw in doc["sessions"].values():
        assert raw.pop("source") == "files"
        raw["version"] = raw["cursor"].pop("version")
    ckpt.write_bytes(orjson.dumps(doc))
    # Cut the log back to the checkpoint's seq: only the v1 checkpoint knows the session now.
    log = oc.memoryd_state / "events.ndjson"
    before = log.read_bytes()
    s.user("Remember that the release branch is cut on Thursdays.")
    s.assistant("Noted: Thursdays.", 20_900)
    oc.store("main", "agent:main:main", totalTokens=20_900)
    assert memoryd("run", "--once", "--config", cfg).returncode == 0
    new = oc.events()[len(before.splitlines()) :]
    assert not any(e["type"] in ("session.discovered", "memory.flush.started") for e in new), new
    assert "".join(oc.daily_logs().values()).count("memoryd:flush id=") == 1
    # ... and the session went on from where the v1 checkpoint left it: the next cycle flushes.
    s.compaction(tokens_before=21_000)
    oc.store("main", "agent:main:main", compactionCount=1, totalTokens=2_000)
    s.user("We decided to drop the beta channel.")
    s.assistant("Agreed: no beta channel.", 20_700)
    oc.store("main", "agent:main:main", totalTokens=20_700)
    assert memoryd("run", "--once", "--config", cfg).returncode == 0
    events = oc.events()
    assert_valid_events(events)
    done = [e for e in events if e["type"] == "memory.flush.completed"]
    assert [(e["data"]["trigger"], e["data"]["cycle"]) for e in done] == [("threshold", 0), ("threshold", 1)]
    assert [e["data"]["compaction_count"] for e in events if e["type"] == "memory.compacted"] == [1]
