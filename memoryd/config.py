"""memoryd's settings: OpenClaw's own discovery first, then an optional TOML file on top.

No file is needed. When one is given (``--config``, ``$MEMORYD_CONFIG`` or
``$XDG_CONFIG_HOME/memoryd/config.toml``) each key overrides what was discovered. Unknown keys
and wrong types are errors that name the key, so a typo never silently does nothing.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from memoryd.sources.openclaw_config import (
    AgentSource,
    CompactionSettings,
    OpenClawConfigError,
    load_openclaw,
)

if TYPE_CHECKING:
    from memoryd.flush.llm import LLMSettings

DEFAULT_LEAD_TOKENS = 8192


class ConfigError(ValueError):
    """Bad configuration (exit code 2); the message names the key or the path."""


@dataclass(frozen=True, slots=True)
class Settings:
    agents: tuple[AgentSource, ...]
    openclaw_state_dirs: tuple[Path, ...]
    state_dir: Path
    event_log: Path
    socket_path: Path
    lead_tokens: int = DEFAULT_LEAD_TOKENS
    timezone: str | None = None
    extractor: str = "rules"
    reconcile_seconds: float = 5.0
    compaction_grace_seconds: float = 3.0
    watch: bool = True
    segment_bytes: int = 64 * 1024 * 1024
    retention_bytes: int | None = 1024 * 1024 * 1024
    retention_seconds: float | None = None
    editor_wait_seconds: float = 10.0
    config_file: Path | None = None
    #: The optional LLM extractor (``flush.extractor = "llm"`` and an ``[llm]`` section); ``None``: rules only.
    llm: LLMSettings | None = None


def _home(env: Mapping[str, str]) -> Path:
    return Path(env.get("HOME") or Path.home())


def default_state_dir(env: Mapping[str, str]) -> Path:
    if env.get("STATE_DIRECTORY"):
        # systemd may pass several, colon-separated; the first is ours.
        return Path(env["STATE_DIRECTORY"].split(":")[0])
    xdg = Path(env.get("XDG_STATE_HOME") or str(_home(env) / ".local" / "state")) / "memoryd"
    # systemd < 254 puts a *user* unit's StateDirectory= under $XDG_CONFIG_HOME: when the service
    # wrote its log there and nothing is in the XDG state folder, the CLI reads the service's.
    legacy = Path(env.get("XDG_CONFIG_HOME") or str(_home(env) / ".config")) / "memoryd"
    if not (xdg / "events.ndjson").exists() and (legacy / "events.ndjson").exists():
        return legacy
    return xdg


def default_socket_path(env: Mapping[str, str]) -> Path:
    if env.get("RUNTIME_DIRECTORY"):
        return Path(env["RUNTIME_DIRECTORY"].split(":")[0]) / "memoryd.sock"
    runtime = env.get("XDG_RUNTIME_DIR") or f"/tmp/memoryd-{os.getuid()}"
    return Path(runtime) / "memoryd" / "memoryd.sock"


def config_file_for(explicit: str | None, env: Mapping[str, str]) -> Path | None:
    if explicit:
        return Path(explicit)
    if env.get("MEMORYD_CONFIG"):
        return Path(env["MEMORYD_CONFIG"])
    xdg = env.get("XDG_CONFIG_HOME") or str(_home(env) / ".config")
    candidate = Path(xdg) / "memoryd" / "config.toml"
    return candidate if candidate.exists() else None


_TOP_KEYS = {"openclaw", "flush", "paths", "workspaces", "daemon", "events", "llm"}
_SECTION_KEYS: dict[str, set[str]] = {
    "openclaw": {"state_dirs", "state_dir"},
    "flush": {
        "lead_tokens",
        "reserve_tokens_floor",
        "soft_threshold_tokens",
        "force_flush_transcript_bytes",
        "keep_recent_tokens",
        "context_tokens",
        "timezone",
        "extractor",
    },
    "paths": {"state_dir", "event_log", "socket"},
    "events": {"segment_bytes", "retention_bytes", "retention_days"},
    "daemon": {"reconcile_seconds", "compaction_grace_seconds", "watch", "editor_wait_seconds"},
    "llm": {"base_url", "model", "api_key_env", "connect_timeout", "read_timeout", "deadline"},
}
_INT_KEYS = {
    "segment_bytes",
    "retention_bytes",
    "retention_days",
    "lead_tokens",
    "reserve_tokens_floor",
    "soft_threshold_tokens",
    "force_flush_transcript_bytes",
    "keep_recent_tokens",
    "context_tokens",
}


def _check_shape(doc: Mapping[str, Any], path: Path) -> None:
    for key, value in doc.items():
        if key not in _TOP_KEYS:
            raise ConfigError(f"{path}: unknown section [{key}]")
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: [{key}] must be a table")
        if key == "workspaces":
            for agent, ws in value.items():
                if not isinstance(ws, str):
                    raise ConfigError(f"{path}: workspaces.{agent} must be a path string")
            continue
        for sub, subval in value.items():
            if sub not in _SECTION_KEYS[key]:
                raise ConfigError(f"{path}: unknown key {key}.{sub}")
            if sub in _INT_KEYS and (not isinstance(subval, int) or isinstance(subval, bool) or subval < 0):
                raise ConfigError(f"{path}: {key}.{sub} must be a non-negative integer")


def _bool(value: Any, key: str, cfile: Path | None) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{cfile}: {key} must be true or false")
    return value


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            doc = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    _check_shape(doc, path)
    return doc


def _override_compaction(comp: CompactionSettings, flush: Mapping[str, Any]) -> CompactionSettings:
    changes: dict[str, Any] = {}
    for key in (
        "reserve_tokens_floor",
        "soft_threshold_tokens",
        "force_flush_transcript_bytes",
        "keep_recent_tokens",
    ):
        if key in flush:
            changes[key] = int(flush[key])
    if "context_tokens" in flush:
        changes["context_tokens_cap"] = int(flush["context_tokens"]) or None
    return replace(comp, **changes) if changes else comp


@dataclass(frozen=True, slots=True)
class DaemonPaths:
    state_dir: Path
    event_log: Path
    socket_path: Path


def daemon_paths(config: str | None = None, env: Mapping[str, str] | None = None) -> DaemonPaths:
    """Where the daemon keeps its log and socket: ``[paths]`` of the TOML file over the defaults.

    Only ``[paths]`` matters, so clients (``tail``, ``status``, ``flush``) reach a running daemon
    even where OpenClaw itself cannot be found or its config is broken. A bad TOML file raises.
    """
    env = dict(os.environ) if env is None else env
    cfile = config_file_for(config, env)
    paths = read_toml(cfile).get("paths", {}) if cfile else {}
    state_dir = Path(paths["state_dir"]).expanduser() if paths.get("state_dir") else default_state_dir(env)
    return DaemonPaths(
        state_dir=state_dir,
        event_log=Path(paths["event_log"]).expanduser()
        if paths.get("event_log")
        else state_dir / "events.ndjson",
        socket_path=Path(paths["socket"]).expanduser() if paths.get("socket") else default_socket_path(env),
    )


def load_settings(config: str | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Discover OpenClaw, then apply the TOML file if there is one."""
    env = dict(os.environ) if env is None else env
    cfile = config_file_for(config, env)
    doc = read_toml(cfile) if cfile else {}
    oc = doc.get("openclaw", {})
    state_dirs_raw = oc.get("state_dirs") or ([oc["state_dir"]] if oc.get("state_dir") else None)
    agents: list[AgentSource] = []
    state_dirs: list[Path] = []
    try:
        if state_dirs_raw:
            if not isinstance(state_dirs_raw, list) or not all(isinstance(s, str) for s in state_dirs_raw):
                raise ConfigError(f"{cfile}: openclaw.state_dirs must be a list of paths")
            for raw in state_dirs_raw:
                install = load_openclaw(env, Path(raw).expanduser())
                state_dirs.append(install.state_dir)
                agents.extend(install.agents)
        else:
            install = load_openclaw(env)
            state_dirs.append(install.state_dir)
            agents.extend(install.agents)
    except OpenClawConfigError as exc:
        raise ConfigError(str(exc)) from None

    flush = doc.get("flush", {})
    workspaces = doc.get("workspaces", {})
    agents = [
        replace(
            a,
            compaction=_override_compaction(a.compaction, flush),
            workspace=Path(workspaces[a.agent_id]).expanduser() if a.agent_id in workspaces else a.workspace,
        )
        for a in agents
    ]
    where = daemon_paths(config, env)
    tz = flush.get("timezone")
    if tz is not None and not isinstance(tz, str):
        raise ConfigError(f"{cfile}: flush.timezone must be a string such as 'Europe/Berlin'")
    if tz:
        _check_timezone(tz, cfile)
    extractor = flush.get("extractor", "rules")
    if extractor not in ("rules", "llm"):
        raise ConfigError(f"{cfile}: flush.extractor must be 'rules' or 'llm'")
    llm = _llm_settings(doc.get("llm", {}), cfile, required=extractor == "llm")
    daemon = doc.get("daemon", {})
    events = doc.get("events", {})
    return Settings(
        agents=tuple(agents),
        openclaw_state_dirs=tuple(state_dirs),
        state_dir=where.state_dir,
        event_log=where.event_log,
        socket_path=where.socket_path,
        lead_tokens=int(flush.get("lead_tokens", DEFAULT_LEAD_TOKENS)),
        timezone=tz,
        extractor=extractor,
        reconcile_seconds=float(daemon.get("reconcile_seconds", 5.0)),
        compaction_grace_seconds=float(daemon.get("compaction_grace_seconds", 3.0)),
        watch=_bool(daemon.get("watch", True), "daemon.watch", cfile),
        segment_bytes=int(events.get("segment_bytes", 64 * 1024 * 1024)) or 64 * 1024 * 1024,
        retention_bytes=int(events.get("retention_bytes", 1024 * 1024 * 1024)) or None,
        retention_seconds=float(events["retention_days"]) * 86400 if events.get("retention_days") else None,
        editor_wait_seconds=float(daemon.get("editor_wait_seconds", 10.0)),
        config_file=cfile,
        llm=llm,
    )


def _check_timezone(name: str, cfile: Path | None) -> None:
    """A zone the system does not know would fail only at the first flush: refuse it at load."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"{cfile}: flush.timezone = {name!r} is not a time zone this system knows "
            "(an IANA name such as 'Europe/Berlin'; see /usr/share/zoneinfo)"
        ) from None


def _llm_settings(section: Mapping[str, Any], cfile: Path | None, *, required: bool) -> LLMSettings | None:
    """``[llm]``: checked whenever it is there, used only with ``flush.extractor = "llm"``."""
    for key in ("base_url", "model", "api_key_env"):
        if key in section and (not isinstance(section[key], str) or not section[key].strip()):
            raise ConfigError(f"{cfile}: llm.{key} must be a non-empty string")
    for key in ("connect_timeout", "read_timeout", "deadline"):
        value = section.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int | float) or value <= 0
        ):
            raise ConfigError(f"{cfile}: llm.{key} must be a positive number of seconds")
    if not required:
        return None
    for key in ("base_url", "model"):
        if key not in section:
            raise ConfigError(f"{cfile}: llm.{key} is needed when flush.extractor is 'llm'")
    from memoryd.flush.llm import DEFAULT_DEADLINE, LLMSettings

    return LLMSettings(
        base_url=section["base_url"],
        model=section["model"],
        api_key_env=section.get("api_key_env"),
        connect_timeout=float(section.get("connect_timeout", 5.0)),
        read_timeout=float(section.get("read_timeout", 60.0)),
        deadline=float(section.get("deadline", DEFAULT_DEADLINE)),
    )
