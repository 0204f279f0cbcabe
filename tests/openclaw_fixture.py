"""Write OpenClaw state the way OpenClaw 2026.7 does: appends, in-place rewrites, store renames."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson


class Session:
    def __init__(self, fx: OpenClawFixture, agent: str, key: str, session_id: str) -> None:
        self.fx = fx
        self.agent = agent
        self.key = key
        self.session_id = session_id
        self.path = fx.sessions_dir(agent) / f"{session_id}.jsonl"
        self.n = 0
        self.parent: str | None = None
        self.prompt = 0
        self.ids: list[str] = []
        if not self.path.exists():
            self._append(
                {
                    "type": "session",
                    "version": 3,
                    "id": session_id,
                    "timestamp": "2026-11-21T10:00:00.000Z",
                    "cwd": "/tmp",
                }
            )

    def _append(self, obj: dict[str, Any]) -> None:
        with self.path.open("ab") as fh:
            fh.write(orjson.dumps(obj) + b"\n")

    def entry(self, obj: dict[str, Any]) -> str:
        self.n += 1
        eid = f"{abs(hash((self.session_id, self.n))) % 0xFFFFFFFF:08x}"
        self._append(  # OpenClaw's key order: type, id, parentId, timestamp, then the rest
            {
                "type": obj["type"],
                "id": eid,
                "parentId": self.parent,
                "timestamp": f"2026-11-21T10:{self.n // 60 % 60:02d}:{self.n % 60:02d}.000Z",
                **obj,
            }
        )
        self.parent = eid
        self.ids.append(eid)
        return eid

    def user(self, text: str) -> str:
        return self.entry({"type": "message", "message": {"role": "user", "content": text}})

    def assistant(self, text: str, prompt: int, output: int = 100) -> str:
        self.prompt = prompt
        usage = {
            "input": prompt,
            "output": output,
            "cacheRead": 0,
            "cacheWrite": 0,
            "totalTokens": prompt + output,
        }
        return self.entry(
            {
                "type": "message",
                "message": {
                    "role": "assistant",
                    "content": [{"type": "text", "text": text}],
                    "usage": usage,
                    "model": "m",
                    "stopReason": "stop",
                },
            }
        )

    def compaction(self, tokens_before: int = 0, first_kept: str | None = None) -> str:
        return self.entry(
            {
                "type": "compaction",
                "summary": "summary",
                "firstKeptEntryId": first_kept or self.parent,
                "tokensBefore": tokens_before,
            }
        )

    def rewrite_in_place(self) -> None:
        data = self.path.read_bytes()
        with self.path.open("r+b") as fh:
            fh.truncate(0)
            fh.write(data)


class OpenClawFixture:
    """An OpenClaw state dir + workspaces under ``root``, and a memoryd config pointing at them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.state = root / "openclaw"
        self.memoryd_state = root / "memoryd-state"
        self.stores: dict[str, dict[str, Any]] = {}
        self.sessions: dict[tuple[str, str], Session] = {}
        self.agents: dict[str, dict[str, Any]] = {}
        self.config_path = root / "memoryd.toml"

    def workspace(self, agent: str) -> Path:
        return self.root / f"ws-{agent}"

    def sessions_dir(self, agent: str) -> Path:
        d = self.state / "agents" / agent / "sessions"
        d.mkdir(parents=True, exist_ok=True)
        return d

    def write_config(
        self,
        *,
        context_tokens: int | None = None,
        extra_toml: str = "",
        agents: list[str] | None = None,
        **compaction: Any,
    ) -> Path:
        ids = agents or ["main"]
        entries = ", ".join(
            f'{{ id: "{a}", workspace: "{self.workspace(a)}"{", default: true" if i == 0 else ""} }}'
            for i, a in enumerate(ids)
        )
        comp = ", ".join(f"{k}: {v}" for k, v in compaction.items())
        ctx = f"contextTokens: {context_tokens}," if context_tokens else ""
        self.state.mkdir(parents=True, exist_ok=True)
        (self.state / "openclaw.json").write_text(
            f"// test config\n{{ agents: {{ defaults: {{ {ctx} compaction: {{ {comp} }} }}, list: [{entries}], }}, }}\n"
        )
        for a in ids:
            self.sessions_dir(a)
            self.workspace(a).mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(
            f'[openclaw]\nstate_dirs = ["{self.state}"]\n\n[paths]\nstate_dir = "{self.memoryd_state}"\n'
            f'socket = "{self.root / "run" / "memoryd.sock"}"\n\n'
            "[daemon]\nreconcile_seconds = 0.5\ncompaction_grace_seconds = 0.5\n" + extra_toml
        )
        return self.config_path

    def small_config(self) -> Path:
        """The 32k window most e2e tests use: flush point 19,576 tokens (floor 8192, lead 1000)."""
        return self.write_config(context_tokens=32768, reserveTokensFloor=8192, keepRecentTokens=2000)

    def one_turn(
        self, session_id: str, user: str, reply: str, tokens: int, key: str = "agent:main:main"
    ) -> Session:
        """A session of one exchange whose reply reports ``tokens``, and its store entry (32k window)."""
        s = self.session(key, session_id)
        s.user(user)
        s.assistant(reply, tokens)
        self.store("main", key, sessionId=session_id, contextTokens=32768, totalTokens=tokens)
        return s

    def session(self, key: str, session_id: str, agent: str = "main") -> Session:
        s = Session(self, agent, key, session_id)
        self.sessions[(agent, key)] = s
        return s

    def store(self, agent: str, key: str, **fields: Any) -> None:
        """Replace sessions.json by temp file + rename, like OpenClaw."""
        st = self.stores.setdefault(agent, {})
        st.setdefault(key, {}).update(fields)
        path = self.sessions_dir(agent) / "sessions.json"
        tmp = path.with_name(f"sessions.json.{os.getpid()}.x.tmp")
        tmp.write_bytes(orjson.dumps(st))
        tmp.replace(path)

    def events(self) -> list[dict[str, Any]]:
        path = self.memoryd_state / "events.ndjson"
        if not path.exists():
            return []
        data = path.read_bytes()
        if not data.endswith(b"\n"):
            data = data[
                : data.rfind(b"\n") + 1
            ]  # a line being written (or torn by SIGKILL): not yet an event
        return [orjson.loads(line) for line in data.splitlines()]

    def daily_logs(self, agent: str = "main") -> dict[str, str]:
        mem = self.workspace(agent) / "memory"
        return {p.name: p.read_text() for p in sorted(mem.glob("*.md"))} if mem.exists() else {}
