"""Write one OpenClaw transcript (pi session v3 JSONL) entry by entry, deterministically.

The builder owns what every entry must get right (8-hex ids unique in the file, the parentId
chain, increasing timestamps, usage that grows turn by turn, the sender envelope on OpenClaw user
messages) so that the act templates only say who said what.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

_CALL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_PROVIDERS = (
    ("anthropic-messages", "anthropic", "claude-sonnet-4-5"),
    ("openai-codex-responses", "openai-codex", "gpt-5.4"),
    ("google-generative-ai", "google", "gemini-2.5-pro"),
)


@dataclass(frozen=True, slots=True)
class Sender:
    """Who the user is, as OpenClaw's envelope names them (``None`` channel = pi-style, no envelope)."""

    name: str
    username: str
    uid: str
    channel: str | None  # "telegram", "control-ui" or None
    tz_hours: int


def _iso(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def _ms(t: datetime) -> int:
    return int(t.timestamp() * 1000)


_THOUGHTS = (
    "The user wants this handled. Check what is needed, then answer briefly.",
    "Keep it short; they are on their phone.",
    "I should look before answering rather than guess.",
    "Summarise the options with their trade-offs and recommend one.",
    "Confirm and move on.",
)


@dataclass
class Transcript:
    rng: random.Random
    sender: Sender
    start: datetime
    cwd: str
    lines: list[str] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)
    _parent: str | None = None
    _now: datetime = field(init=False)
    _context: int = field(init=False)
    _call_n: int = 0
    #: share of assistant turns that start with a ``thinking`` block
    thinking_rate: float = 0.0

    def __post_init__(self) -> None:
        self._now = self.start
        self._context = self.rng.randint(3000, 15000)
        self.api, self.provider, self.model = self.rng.choice(_PROVIDERS)
        header = {
            "type": "session",
            "version": 3,
            "id": self._uuid(),
            "timestamp": _iso(self._now),
            "cwd": self.cwd,
        }
        self.lines.append(json.dumps(header, ensure_ascii=False, separators=(",", ":")))
        self._entry(
            {
                "type": "custom",
                "customType": "model-snapshot",
                "data": {
                    "timestamp": _ms(self._now),
                    "provider": self.provider,
                    "modelApi": self.api,
                    "modelId": self.model,
                },
            }
        )

    # --- ids and time ------------------------------------------------------------------------------

    def _uuid(self) -> str:
        h = f"{self.rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"

    def _new_id(self) -> str:
        while True:
            eid = f"{self.rng.getrandbits(32):08x}"
            if eid not in self._ids:
                self._ids.add(eid)
                return eid

    def _tick(self, lo: float, hi: float) -> datetime:
        self._now += timedelta(seconds=self.rng.uniform(lo, hi))
        return self._now

    def pause(self, minutes: float) -> None:
        """Time passes between turns (the user went away)."""
        self._now += timedelta(minutes=minutes)

    def _entry(self, body: dict[str, Any], *, gap: tuple[float, float] = (0.05, 0.4)) -> str:
        eid = self._new_id()
        t = self._tick(*gap)
        entry = {"type": body.pop("type"), "id": eid, "parentId": self._parent, "timestamp": _iso(t), **body}
        self.lines.append(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
        self._parent = eid
        return eid

    # --- messages ----------------------------------------------------------------------------------

    def _envelope(self, t: datetime) -> str:
        s = self.sender
        if s.channel is None:
            return ""
        local = t.astimezone(timezone(timedelta(hours=s.tz_hours)))
        sign = "+" if s.tz_hours >= 0 else "-"
        stamp = local.strftime("%a %Y-%m-%d %H:%M") + f" GMT{sign}{abs(s.tz_hours)}"
        if s.channel == "telegram":
            meta = {
                "label": f"{s.name} (@{s.username}) id:{s.uid}",
                "id": s.uid,
                "name": s.name,
                "username": s.username,
            }
        else:
            meta = {"label": "openclaw-control-ui", "id": "openclaw-control-ui"}
        block = json.dumps(meta, indent=2, ensure_ascii=False)
        return f"Sender (untrusted metadata):\n```json\n{block}\n```\n\n[{stamp}] "

    def user(self, text: str) -> str:
        """A user turn; returns its entry id."""
        t = self._now + timedelta(seconds=self.rng.uniform(8, 90))
        self._context += len(text) // 4 + 20
        body = {
            "type": "message",
            "message": {
                "role": "user",
                "content": [{"type": "text", "text": self._envelope(t) + text}],
                "timestamp": _ms(t),
            },
        }
        self._now = t - timedelta(milliseconds=10)
        return self._entry(body, gap=(0.01, 0.02))

    def assistant(
        self, text: str | None, *, calls: list[tuple[str, dict[str, Any]]] | None = None
    ) -> tuple[str, list[str]]:
        """An assistant turn with optional tool calls; returns (entry id, tool call ids)."""
        content: list[dict[str, Any]] = []
        if self.thinking_rate and self.rng.random() < self.thinking_rate:
            content.append(
                {
                    "type": "thinking",
                    "thinking": self.rng.choice(_THOUGHTS),
                    "thinkingSignature": "sig_" + self._new_id(),
                }
            )
        if text:
            prefix = "[[reply_to_current]] " if self.sender.channel == "telegram" else ""
            content.append({"type": "text", "text": prefix + text})
        call_ids = []
        calls = calls or []
        for name, args in calls:
            self._call_n += 1
            cid = "call_" + "".join(self.rng.choice(_CALL_CHARS) for _ in range(24))
            call_ids.append(cid)
            content.append({"type": "toolCall", "id": cid, "name": name, "arguments": args})
        out = max(12, len(text or "") // 4 + 30 * len(calls))
        fresh = self.rng.randint(80, 400)
        cache_read = self._context
        self._context += fresh + out
        usage_cost = {
            "input": round(fresh * 3e-6, 8),
            "output": round(out * 15e-6, 8),
            "cacheRead": round(cache_read * 3e-7, 8),
            "cacheWrite": 0,
        }
        usage_cost["total"] = round(sum(usage_cost.values()), 8)
        t = self._tick(1.0, 6.0)
        body = {
            "type": "message",
            "message": {
                "role": "assistant",
                "content": content,
                "api": self.api,
                "provider": self.provider,
                "model": self.model,
                "usage": {
                    "input": fresh,
                    "output": out,
                    "cacheRead": cache_read,
                    "cacheWrite": 0,
                    "totalTokens": fresh + out + cache_read,
                    "cost": usage_cost,
                },
                "stopReason": "toolUse" if calls else "stop",
                "timestamp": _ms(t),
            },
        }
        return self._entry(body, gap=(0.01, 0.05)), call_ids

    def tool_result(self, call_id: str, name: str, text: str, *, is_error: bool = False) -> str:
        self._context += len(text) // 4
        t = self._tick(0.05, 3.0)
        body = {
            "type": "message",
            "message": {
                "role": "toolResult",
                "toolCallId": call_id,
                "toolName": name,
                "content": [{"type": "text", "text": text}],
                "isError": is_error,
                "timestamp": _ms(t),
            },
        }
        return self._entry(body, gap=(0.01, 0.05))

    def bash(self, text: str | None, command: str, output: str, exit_code: int = 0) -> tuple[str, str]:
        """An assistant turn running one command and its result; returns (call entry, result entry)."""
        aid, (cid,) = self.assistant(text, calls=[("bash", {"command": command})])
        if exit_code:
            output = f"{output}\n\nCommand exited with code {exit_code}".lstrip("\n")
        rid = self.tool_result(cid, "bash", output, is_error=bool(exit_code))
        return aid, rid

    def compaction(self, summary: str, first_kept: str) -> str:
        """OpenClaw compacted the context: the summary repeats earlier content and is not evidence."""
        return self._entry(
            {
                "type": "compaction",
                "summary": summary,
                "firstKeptEntryId": first_kept,
                "tokensBefore": self._context,
                "details": {"readFiles": [], "modifiedFiles": []},
            }
        )

    def model_change(self) -> str:
        return self._entry({"type": "model_change", "provider": self.provider, "modelId": self.model})

    @property
    def last_id(self) -> str | None:
        return self._parent

    def data(self) -> bytes:
        return ("\n".join(self.lines) + "\n").encode("utf-8")
