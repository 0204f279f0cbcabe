"""Tool-loop conversations built entry by entry for the extractor's tests (parsed by the real parser)."""

from __future__ import annotations

from typing import Any

import orjson

from memoryd.flush.extract import extract_items
from memoryd.flush.items import Item
from memoryd.sources.transcript import parse_lines


class Conv:
    """A transcript built entry by entry: user turns, assistant prose, tool calls and their results."""

    def __init__(self) -> None:
        self.lines = [
            orjson.dumps({"type": "session", "version": 3, "id": "s", "timestamp": "2026-11-21T10:00:00Z"})
        ]
        self.n = 0

    def _add(self, message: dict[str, Any]) -> str:
        self.n += 1
        eid = f"{0xB0000000 + self.n:08x}"
        stamp = f"2026-11-21T10:{self.n // 60:02d}:{self.n % 60:02d}.000Z"
        self.lines.append(
            orjson.dumps(
                {"type": "message", "id": eid, "parentId": None, "timestamp": stamp, "message": message}
            )
        )
        return eid

    def user(self, text: str) -> str:
        return self._add({"role": "user", "content": [{"type": "text", "text": text}]})

    def say(self, text: str) -> str:
        return self._add(
            {"role": "assistant", "content": [{"type": "text", "text": text}], "stopReason": "stop"}
        )

    def run(self, command: str, output: str, *, code: int = 0, text: str = "") -> str:
        """A bash call and its result; returns the result's id. A non-zero ``code`` fails as OpenClaw shows it."""
        return self.call("bash", {"command": command}, output, code=code, text=text)

    def call(self, name: str, args: dict[str, Any], output: str, *, code: int = 0, text: str = "") -> str:
        cid = f"call_{self.n}"
        content: list[dict[str, Any]] = [{"type": "text", "text": text}] if text else []
        content.append({"type": "toolCall", "id": cid, "name": name, "arguments": args})
        self._add({"role": "assistant", "content": content, "stopReason": "toolUse"})
        body = output + (f"\n\nCommand exited with code {code}" if code else "")
        return self._add(
            {
                "role": "toolResult",
                "toolCallId": cid,
                "toolName": name,
                "isError": code != 0,
                "content": [{"type": "text", "text": body}],
            }
        )

    def edit(self, path: str, new: str = "x = 1\n") -> str:
        return self.call("edit", {"path": path, "oldText": "x = 0\n", "newText": new}, f"Edited {path}")

    def items(self) -> list[Item]:
        _, entries, errors = parse_lines(b"\n".join(self.lines) + b"\n")
        assert not errors
        return extract_items(entries)
