"""Finding OpenClaw as OpenClaw does, and memoryd's TOML on top."""

from __future__ import annotations

from pathlib import Path

import pytest

from memoryd.config import ConfigError, load_settings
from memoryd.sources.openclaw_config import agents_from_config, load_openclaw, locate_state_dir

REAL = Path(__file__).parent / "data" / "samples" / "openclaw-real-2026.7.1" / "state"


def test_state_dir_precedence(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert locate_state_dir({"HOME": str(home)}) == home / ".openclaw"
    assert locate_state_dir({"HOME": str(home), "OPENCLAW_STATE_DIR": "/x/y"}) == Path("/x/y")
    assert locate_state_dir({"HOME": str(home), "OPENCLAW_HOME": "/h"}) == Path("/h/.openclaw")
    assert locate_state_dir({"HOME": str(home), "OPENCLAW_PROFILE": "work"}) == home / ".openclaw-work"
    (home / ".clawdbot").mkdir(parents=True)
    assert locate_state_dir({"HOME": str(home)}) == home / ".clawdbot"


def test_real_openclaw_json_is_read_as_json5() -> None:
    install = load_openclaw({"HOME": "/nonexistent"}, REAL)
    agents = {a.agent_id: a for a in install.agents}
    assert set(agents) == {"main", "work"}
    assert agents["main"].workspace == Path("/home/oc/run/workspace")
    assert agents["work"].workspace == Path("/home/oc/run/workspace-work")
    comp = agents["main"].compaction
    assert (comp.reserve_tokens_floor, comp.soft_threshold_tokens, comp.keep_recent_tokens) == (
        8192,
        4000,
        2000,
    )


def test_workspace_fallbacks() -> None:
    state = Path("/s")
    env = {"HOME": "/home/u"}
    cfg = {"agents": {"list": [{"id": "main", "default": True}, {"id": "ops"}]}}
    agents = {a.agent_id: a.workspace for a in agents_from_config(cfg, state, env, ["main", "ops", "extra"])}
    assert agents == {
        "main": state / "workspace",
        "ops": state / "workspace-ops",
        "extra": state / "workspace-extra",
    }
    cfg2 = {
        "agents": {"defaults": {"workspace": "~/ws"}, "list": [{"id": "a", "default": True}, {"id": "b"}]}
    }
    agents2 = {a.agent_id: a.workspace for a in agents_from_config(cfg2, state, env, [])}
    assert agents2 == {"a": Path("/home/u/ws"), "b": Path("/home/u/ws/b")}
    only = {
        a.agent_id: a.workspace for a in agents_from_config({}, state, {**env, "OPENCLAW_PROFILE": "p"}, [])
    }
    assert only == {"main": state / "workspace-p"}
    over = {
        a.agent_id: a.workspace
        for a in agents_from_config({}, state, {**env, "OPENCLAW_WORKSPACE_DIR": "/w"}, [])
    }
    assert over == {"main": Path("/w")}


def test_toml_overrides_and_names_bad_keys(tmp_path: Path) -> None:
    cfg = tmp_path / "m.toml"
    cfg.write_text(
        f'[openclaw]\nstate_dirs = ["{REAL}"]\n[flush]\nlead_tokens = 500\nreserve_tokens_floor = 1000\n'
        f'[workspaces]\nmain = "{tmp_path / "ws"}"\n[paths]\nstate_dir = "{tmp_path / "st"}"\n'
    )
    s = load_settings(str(cfg), {"HOME": str(tmp_path)})
    main = next(a for a in s.agents if a.agent_id == "main")
    assert (s.lead_tokens, main.compaction.reserve_tokens_floor, main.workspace) == (
        500,
        1000,
        tmp_path / "ws",
    )
    assert s.event_log == tmp_path / "st" / "events.ndjson"
    cfg.write_text("[flush]\nlead_tokenz = 5\n")
    with pytest.raises(ConfigError, match=r"flush\.lead_tokenz"):
        load_settings(str(cfg), {"HOME": str(tmp_path)})
    cfg.write_text("[flush\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(str(cfg), {"HOME": str(tmp_path)})


def test_broken_openclaw_json_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "openclaw.json").write_text("{ agents: [ }")
    with pytest.raises(ConfigError, match=r"openclaw\.json"):
        load_settings(None, {"HOME": str(tmp_path), "OPENCLAW_STATE_DIR": str(tmp_path)})


def test_state_and_socket_paths_follow_systemd_then_xdg(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "OPENCLAW_STATE_DIR": str(tmp_path / "oc")}
    s = load_settings(None, {**env, "XDG_STATE_HOME": "/xs", "XDG_RUNTIME_DIR": "/run/user/7"})
    assert (s.state_dir, s.socket_path) == (Path("/xs/memoryd"), Path("/run/user/7/memoryd/memoryd.sock"))
    s2 = load_settings(None, {**env, "STATE_DIRECTORY": "/var/lib/m", "RUNTIME_DIRECTORY": "/run/m"})
    assert (s2.state_dir, s2.socket_path) == (Path("/var/lib/m"), Path("/run/m/memoryd.sock"))


def test_state_dir_of_a_systemd_252_user_service_is_found(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "OPENCLAW_STATE_DIR": str(tmp_path / "oc")}
    assert load_settings(None, env).state_dir == tmp_path / ".local" / "state" / "memoryd"
    legacy = tmp_path / ".config" / "memoryd"
    legacy.mkdir(parents=True)
    (legacy / "events.ndjson").write_text("")
    assert load_settings(None, env).state_dir == legacy
