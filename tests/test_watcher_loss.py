"""watchfiles loses events (a stopped watcher, a watched folder deleted and made again): the
periodic reconcile must catch every loss within seconds, and status must say how the watcher is."""

from __future__ import annotations

import json
import shutil

import pytest
from daemon_helpers import DaemonProc, assert_valid_events, memoryd, wait_for
from openclaw_fixture import OpenClawFixture

pytestmark = pytest.mark.slow


def _types(oc: OpenClawFixture) -> list[str]:
    return [e["type"] for e in oc.events()]


def test_with_the_watcher_off_the_reconcile_alone_finds_everything(oc: OpenClawFixture) -> None:
    oc.write_config(context_tokens=32768, reserveTokensFloor=8192, keepRecentTokens=2000, extra_toml="")
    cfg = oc.config_path
    cfg.write_text(cfg.read_text().replace("[daemon]", "[daemon]\nwatch = false"))
    d = DaemonProc(cfg)
    try:
        wait_for(lambda: "daemon.started" in _types(oc), "start")
        s = oc.one_turn(
            "bbbbbbbb-0000-4000-8000-000000000001",
            "We decided to move the cron to 02:00.",
            "Agreed, 02:00.",
            20_000,
        )
        wait_for(lambda: "memory.flush.completed" in _types(oc), "a flush found by the reconcile")
        s.compaction(tokens_before=20_500)
        oc.store("main", "agent:main:main", compactionCount=1, totalTokens=2_000)
        wait_for(lambda: "memory.compacted" in _types(oc), "a compaction found by the reconcile")
        st = json.loads(memoryd("status", "--json", "--config", str(cfg)).stdout)
        assert st["daemon"]["watcher"].startswith("off")
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    assert_valid_events(oc.events())


def test_a_sessions_folder_deleted_and_made_again_is_watched_again(oc: OpenClawFixture) -> None:
    oc.small_config()
    s = oc.one_turn("cccccccc-0000-4000-8000-000000000001", "hello", "hi", 5_000)
    d = DaemonProc(oc.config_path)
    try:
        wait_for(lambda: "session.discovered" in _types(oc), "discovery")
        # Someone restores the agent's folder from a backup: a new folder at the same path.
        folder = oc.sessions_dir("main")
        backup = oc.root / "backup"
        shutil.copytree(folder, backup)
        shutil.rmtree(folder)
        shutil.copytree(backup, folder)
        s.user("Remember that the VPN endpoint is vpn.example.net.")
        s.assistant("Noted: vpn.example.net.", 20_000)
        oc.store("main", "agent:main:main", totalTokens=20_000)
        wait_for(lambda: "memory.flush.completed" in _types(oc), "the flush after the folder came back")
        s.user("and again")
        s.compaction(tokens_before=20_600)
        oc.store("main", "agent:main:main", compactionCount=1, totalTokens=2_000)
        wait_for(lambda: "memory.compacted" in _types(oc), "the compaction in the new folder")
    finally:
        rc, err = d.stop()
    assert rc == 0, err
    types = _types(oc)
    assert types.count("memory.flush.completed") == 1 and types.count("memory.compacted") == 1
    assert_valid_events(oc.events())
