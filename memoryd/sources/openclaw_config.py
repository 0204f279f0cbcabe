"""Find OpenClaw the way OpenClaw finds itself: state dir, config, agents, workspaces, compaction knobs.

``locate_state_dir`` and ``load_openclaw`` touch the filesystem; ``agents_from_config`` is pure
over the parsed config so that the fallback rules can be tested without a home directory.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import json5
import orjson

DEFAULT_CONTEXT_WINDOW = 200_000


class OpenClawConfigError(ValueError):
    """``openclaw.json`` exists but cannot be read; the message names the path."""


@dataclass(frozen=True, slots=True)
class CompactionSettings:
    """OpenClaw's compaction / memory-flush knobs, with OpenClaw 2026.7 defaults."""

    reserve_tokens_floor: int = 20_000
    soft_threshold_tokens: int = 4_000
    force_flush_transcript_bytes: int = 2 * 1024 * 1024
    keep_recent_tokens: int = 20_000
    context_tokens_cap: int | None = None
    memory_flush_enabled: bool = True


@dataclass(frozen=True, slots=True)
class AgentSource:
    """One agent: where its sessions live and where its memory goes."""

    agent_id: str
    sessions_dir: Path
    workspace: Path
    compaction: CompactionSettings = field(default_factory=CompactionSettings)


@dataclass(frozen=True, slots=True)
class OpenClawInstall:
    state_dir: Path
    config_path: Path | None
    agents: tuple[AgentSource, ...]


def _home(env: Mapping[str, str]) -> Path:
    return Path(env.get("HOME") or Path.home())


def _expand(value: str, env: Mapping[str, str]) -> Path:
    if value == "~" or value.startswith("~/"):
        return _home(env) / value[2:]
    return Path(os.path.expandvars(value))


def _profile(env: Mapping[str, str]) -> str | None:
    prof = env.get("OPENCLAW_PROFILE", "").strip()
    return prof if prof and prof != "default" else None


def locate_state_dir(env: Mapping[str, str]) -> Path:
    """``$OPENCLAW_STATE_DIR``, else ``$OPENCLAW_HOME/.openclaw``, profile, ``~/.openclaw``, legacy ``~/.clawdbot``."""
    explicit = env.get("OPENCLAW_STATE_DIR")
    if explicit:
        return _expand(explicit, env)
    base = Path(env["OPENCLAW_HOME"]) if env.get("OPENCLAW_HOME") else _home(env)
    profile = _profile(env)
    if profile:
        return base / f".openclaw-{profile}"
    primary = base / ".openclaw"
    legacy = base / ".clawdbot"
    if not primary.exists() and legacy.exists():
        return legacy
    return primary


def config_path_for(state_dir: Path, env: Mapping[str, str]) -> Path:
    explicit = env.get("OPENCLAW_CONFIG_PATH")
    return _expand(explicit, env) if explicit else state_dir / "openclaw.json"


def read_openclaw_json(path: Path) -> dict[str, Any]:
    """Parse ``openclaw.json`` (JSON5). A missing file is an empty config."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise OpenClawConfigError(f"{path}: cannot read: {exc}") from exc
    try:
        data = orjson.loads(text)  # most files are plain JSON: ~40x faster than the JSON5 parser
    except orjson.JSONDecodeError:
        try:
            data = json5.loads(text)
        except ValueError as exc:
            raise OpenClawConfigError(f"{path}: not valid JSON5: {exc}") from exc
    if not isinstance(data, dict):
        raise OpenClawConfigError(f"{path}: top level must be an object")
    return data


def _get(obj: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _pos_int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if value >= 0 else None


def compaction_from_config(
    cfg: Mapping[str, Any], agent_entry: Mapping[str, Any] | None = None
) -> CompactionSettings:
    """Defaults, then ``agents.defaults``, then the agent's own entry where it sets the same keys."""
    base = CompactionSettings()
    layers = [_get(cfg, "agents", "defaults")]
    if agent_entry:
        layers.append(agent_entry)
    values: dict[str, Any] = {}
    for layer in layers:
        if not isinstance(layer, dict):
            continue
        comp_raw = layer.get("compaction")
        comp: dict[str, Any] = comp_raw if isinstance(comp_raw, dict) else {}
        flush_raw = comp.get("memoryFlush")
        flush: dict[str, Any] = flush_raw if isinstance(flush_raw, dict) else {}
        for key, raw in (
            ("reserve_tokens_floor", comp.get("reserveTokensFloor")),
            ("keep_recent_tokens", comp.get("keepRecentTokens")),
            ("soft_threshold_tokens", flush.get("softThresholdTokens")),
            ("force_flush_transcript_bytes", flush.get("forceFlushTranscriptBytes")),
            ("context_tokens_cap", layer.get("contextTokens")),
        ):
            val = _pos_int(raw)
            if val is not None:
                values[key] = val
        if isinstance(flush.get("enabled"), bool):
            values["memory_flush_enabled"] = flush["enabled"]
    return CompactionSettings(
        reserve_tokens_floor=values.get("reserve_tokens_floor", base.reserve_tokens_floor),
        soft_threshold_tokens=values.get("soft_threshold_tokens", base.soft_threshold_tokens),
        force_flush_transcript_bytes=values.get(
            "force_flush_transcript_bytes", base.force_flush_transcript_bytes
        ),
        keep_recent_tokens=values.get("keep_recent_tokens", base.keep_recent_tokens),
        context_tokens_cap=values.get("context_tokens_cap", base.context_tokens_cap),
        memory_flush_enabled=values.get("memory_flush_enabled", base.memory_flush_enabled),
    )


def default_workspace(state_dir: Path, env: Mapping[str, str], *, explicit_state_dir: bool) -> Path:
    """OpenClaw's fallback workspace when the config names none."""
    if env.get("OPENCLAW_WORKSPACE_DIR"):
        return _expand(env["OPENCLAW_WORKSPACE_DIR"], env)
    if explicit_state_dir:
        return state_dir / "workspace"
    profile = _profile(env)
    return state_dir / (f"workspace-{profile}" if profile else "workspace")


def agents_from_config(
    cfg: Mapping[str, Any],
    state_dir: Path,
    env: Mapping[str, str],
    present_agent_ids: list[str],
    *,
    explicit_state_dir: bool = False,
) -> tuple[AgentSource, ...]:
    """Every agent that has a sessions folder or a config entry, with its workspace.

    Rules (OpenClaw's): an agent's own ``workspace`` wins; the default agent (``default: true``,
    else the first listed, else ``main``) uses ``agents.defaults.workspace`` or the fallback; other
    agents use ``<agents.defaults.workspace>/<id>`` when that root is set, else
    ``<state>/workspace-<id>``. ``$OPENCLAW_WORKSPACE_DIR`` overrides the default workspace.
    """
    raw_list = _get(cfg, "agents", "list")
    entries: list[dict[str, Any]] = [
        e for e in (raw_list if isinstance(raw_list, list) else []) if isinstance(e, dict) and e.get("id")
    ]
    # 2026.9 configs name agents in a map, ``agents.entries: {<id>: {...}}``.
    raw_map = _get(cfg, "agents", "entries")
    listed = {str(e["id"]) for e in entries}
    for agent_id, entry in (raw_map if isinstance(raw_map, dict) else {}).items():
        if isinstance(entry, dict) and str(agent_id) not in listed:
            entries.append({**entry, "id": str(agent_id)})
    by_id = {str(e["id"]): e for e in entries}
    default_id = next((str(e["id"]) for e in entries if e.get("default") is True), None)
    if default_id is None:
        default_id = str(entries[0]["id"]) if entries else "main"
    defaults_ws = _get(cfg, "agents", "defaults", "workspace")
    if env.get("OPENCLAW_WORKSPACE_DIR"):
        root: Path | None = _expand(env["OPENCLAW_WORKSPACE_DIR"], env)
    elif isinstance(defaults_ws, str) and defaults_ws:
        root = _expand(defaults_ws, env)
    else:
        root = None
    fallback = root or default_workspace(state_dir, env, explicit_state_dir=explicit_state_dir)
    multi = len(entries) > 1

    ids = list(dict.fromkeys([*by_id, *present_agent_ids]))
    if not ids:
        ids = [default_id]
    out: list[AgentSource] = []
    for agent_id in ids:
        entry = by_id.get(agent_id)
        own = entry.get("workspace") if entry else None
        if isinstance(own, str) and own:
            ws = _expand(own, env)
        elif agent_id == default_id or (not multi and entry is not None):
            ws = fallback
        elif root is not None:
            ws = root / agent_id
        else:
            ws = state_dir / f"workspace-{agent_id}"
        out.append(
            AgentSource(
                agent_id=agent_id,
                sessions_dir=state_dir / "agents" / agent_id / "sessions",
                workspace=ws,
                compaction=compaction_from_config(cfg, entry),
            )
        )
    return tuple(out)


def present_agents(state_dir: Path) -> list[str]:
    """Agent ids that have a ``sessions`` folder or (2026.7.2+) an agent database on disk, sorted."""
    agents_dir = state_dir / "agents"
    try:
        return sorted(
            p.name
            for p in agents_dir.iterdir()
            if (p / "sessions").is_dir() or (p / "agent" / "openclaw-agent.sqlite").is_file()
        )
    except OSError:
        return []


def load_openclaw(env: Mapping[str, str], state_dir: Path | None = None) -> OpenClawInstall:
    """Everything memoryd needs to know about one OpenClaw install."""
    explicit = state_dir is not None or bool(env.get("OPENCLAW_STATE_DIR"))
    sdir = state_dir if state_dir is not None else locate_state_dir(env)
    cpath = config_path_for(sdir, env)
    cfg = read_openclaw_json(cpath)
    agents = agents_from_config(cfg, sdir, env, present_agents(sdir), explicit_state_dir=explicit)
    return OpenClawInstall(state_dir=sdir, config_path=cpath if cpath.exists() else None, agents=agents)
