"""The envelope of the hand-written eval splits (``fresh2/make.py``, ``fresh3/build.py``).

A conversation is written turn by turn in those scripts; this module only supplies what OpenClaw
wraps around the words: the session header, ids, the parent chain, timestamps, usage, sender
metadata and tool-call ids, and writes the transcript and its gold file. Shared, so that both
splits are built the same way and a fix to the envelope reaches both.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

MODELS = {
    "anthropic": ("anthropic-messages", "claude-sonnet-4-5"),
    "openai-codex": ("openai-codex-responses", "gpt-5.4"),
    "google": ("google-generative-ai", "gemini-2.5-pro"),
}
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass
class Conv:
    name: str
    start: str  # ISO UTC, e.g. "2026-11-12T07:40:00"
    tz: int  # hours east of UTC, for the wall-clock stamp
    channel: str  # "telegram", "control-ui" or "pi"
    provider: str = "anthropic"
    sender: tuple[str, str, str] = ("", "", "")  # name, username, numeric id (telegram)
    cwd: str = "/home/user/.openclaw/workspace"
    reply_tag: bool = True
    lines: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    canaries: list[str] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.name)
        self.now = datetime.fromisoformat(self.start).replace(tzinfo=UTC)
        self.n = 0
        self.parent: str | None = None
        self.ids: set[str] = set()
        self.cache = 9000 + self.rng.randrange(4000)
        self.pending: list[tuple[str, str]] = []  # (call id, tool name) awaiting a result
        api, model = MODELS[self.provider]
        self.api, self.model = api, model
        sid = hashlib.sha1(self.name.encode()).hexdigest()
        self.session = f"{sid[:8]}-{sid[8:12]}-4{sid[13:16]}-a{sid[17:20]}-{sid[20:32]}"
        self.header = {
            "type": "session",
            "version": 3,
            "id": self.session,
            "timestamp": self._iso(self.now),
            "cwd": self.cwd,
        }
        self._entry(
            {
                "type": "custom",
                "customType": "model-snapshot",
                "data": {
                    "timestamp": self._ms(self.now),
                    "provider": self.provider,
                    "modelApi": api,
                    "modelId": model,
                },
            },
            gap=0.05,
        )

    # --- envelope ---------------------------------------------------------------------------------

    @staticmethod
    def _iso(t: datetime) -> str:
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"

    @staticmethod
    def _ms(t: datetime) -> int:
        return int(t.timestamp() * 1000)

    def _new_id(self) -> str:
        while True:
            self.n += 1
            eid = hashlib.sha1(f"{self.name}/{self.n}".encode()).hexdigest()[:8]
            if eid not in self.ids:
                self.ids.add(eid)
                return eid

    def _entry(self, body: dict[str, Any], gap: float) -> str:
        self.now += timedelta(seconds=gap + self.rng.random())
        eid = self._new_id()
        line = {
            "type": body.pop("type"),
            "id": eid,
            "parentId": self.parent,
            "timestamp": self._iso(self.now),
        }
        line.update(body)
        self.lines.append(line)
        self.parent = eid
        return eid

    def _stamp(self, at: datetime) -> str:
        local = at + timedelta(hours=self.tz)
        sign = "+" if self.tz >= 0 else "-"
        return f"[{_DAYS[local.weekday()]} {local:%Y-%m-%d %H:%M} GMT{sign}{abs(self.tz)}]"

    def _envelope(self, text: str, at: datetime) -> str:
        if self.channel == "pi":
            return text
        if self.channel == "telegram":
            name, user, num = self.sender
            meta = {"label": f"{name} (@{user}) id:{num}", "id": num, "name": name, "username": user}
        else:
            meta = {"label": "openclaw-control-ui", "id": "openclaw-control-ui"}
        block = json.dumps(meta, indent=2, ensure_ascii=False)
        return f"Sender (untrusted metadata):\n```json\n{block}\n```\n\n{self._stamp(at)} {text}"

    def _usage(self, out_tokens: int) -> dict[str, Any]:
        inp = 80 + self.rng.randrange(400)
        self.cache += inp + out_tokens + self.rng.randrange(60)
        read = self.cache
        return {
            "input": inp,
            "output": out_tokens,
            "cacheRead": read,
            "cacheWrite": 0,
            "totalTokens": inp + out_tokens + read,
            "cost": {
                "input": round(inp * 3e-6, 8),
                "output": round(out_tokens * 1.5e-5, 8),
                "cacheRead": round(read * 3e-7, 8),
                "cacheWrite": 0,
                "total": round(inp * 3e-6 + out_tokens * 1.5e-5 + read * 3e-7, 8),
            },
        }

    # --- turns ------------------------------------------------------------------------------------

    def u(self, text: str, gap: float = 40.0) -> str:
        """A user message (the envelope is added for Telegram and the control UI)."""
        gap = gap * (0.6 + self.rng.random())
        body = self._envelope(text, self.now + timedelta(seconds=gap))
        content: Any = (
            body if (self.channel == "pi" and self.n % 3 == 0) else [{"type": "text", "text": body}]
        )
        msg = {"role": "user", "content": content, "timestamp": self._ms(self.now + timedelta(seconds=gap))}
        return self._entry({"type": "message", "message": msg}, gap)

    def a(
        self,
        text: str = "",
        tools: list[tuple[str, dict[str, Any]]] | None = None,
        think: str = "",
        gap: float = 3.0,
    ) -> str:
        """An assistant reply: optional thinking, text, then tool calls (results follow via ``r``)."""
        assert not self.pending, f"{self.name}: tool results missing before the next assistant turn"
        blocks: list[dict[str, Any]] = []
        if think:
            blocks.append({"type": "thinking", "thinking": think})
        if text:
            tag = "[[reply_to_current]] " if self.reply_tag and self.channel != "pi" and not tools else ""
            blocks.append({"type": "text", "text": tag + text})
        for name, args in tools or []:
            cid = "call_" + "".join(
                self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789")
                for _ in range(24)
            )
            blocks.append({"type": "toolCall", "id": cid, "name": name, "arguments": args})
            self.pending.append((cid, name))
        out_tokens = 20 + len(text) // 4 + 30 * len(tools or [])
        msg = {
            "role": "assistant",
            "content": blocks,
            "api": self.api,
            "provider": self.provider,
            "model": self.model,
            "usage": self._usage(out_tokens),
            "stopReason": "toolUse" if tools else "stop",
            "timestamp": self._ms(self.now),
        }
        return self._entry({"type": "message", "message": msg}, gap)

    def r(self, output: str, exit_code: int = 0, gap: float = 1.5) -> str:
        """The result of the oldest pending tool call; a bash failure ends with its exit code."""
        cid, name = self.pending.pop(0)
        failed = exit_code != 0
        text = output + (f"\n\nCommand exited with code {exit_code}" if failed else "")
        msg = {
            "role": "toolResult",
            "toolCallId": cid,
            "toolName": name,
            "content": [{"type": "text", "text": text}],
            "isError": failed,
            "timestamp": self._ms(self.now),
        }
        return self._entry({"type": "message", "message": msg}, gap)

    def compaction(self, summary: str, first_kept: str, tokens_before: int) -> str:
        return self._entry(
            {
                "type": "compaction",
                "summary": summary,
                "firstKeptEntryId": first_kept,
                "tokensBefore": tokens_before,
                "details": {"readFiles": [], "modifiedFiles": []},
            },
            gap=2.0,
        )

    def model_change(self, provider: str) -> str:
        self.provider = provider
        self.api, self.model = MODELS[provider]
        return self._entry({"type": "model_change", "provider": provider, "modelId": self.model}, gap=5.0)

    # --- gold -------------------------------------------------------------------------------------

    def item(self, kind: str, text: str, evidence: list[str], must_keep: bool = False) -> None:
        order = [line["id"] for line in self.lines]
        self.items.append(
            {
                "kind": kind,
                "text": text,
                "evidence": sorted(evidence, key=order.index),
                "must_keep": must_keep,
            }
        )

    def write(self, out: Path) -> None:
        assert not self.pending, f"{self.name}: a tool call has no result"
        with open(out / f"{self.name}.jsonl", "w", encoding="utf-8") as fh:
            for line in [self.header, *self.lines]:
                fh.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
        gold = {
            "transcript": f"{self.name}.jsonl",
            "items": self.items,
            "canaries": self.canaries,
            "noise": self.noise,
        }
        (out / f"{self.name}.gold.json").write_text(
            json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def main(convs: Sequence[Callable[[], Conv]], default_out: Path, argv: list[str] | None = None) -> None:
    """Write every transcript and gold file of a split (to ``--out DIR``, default: its folder)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[args.index("--out") + 1]) if "--out" in args else default_out
    out.mkdir(parents=True, exist_ok=True)
    for make in convs:
        make().write(out)
