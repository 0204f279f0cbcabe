"""Regenerate the sample OpenClaw state in this folder (run from the repo root:
``python3 sample_workspace/make_sample.py``). The output is committed; memoryd never runs this."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STATE = HERE / "state"
SESSIONS = STATE / "agents" / "main" / "sessions"
WORKSPACE = HERE / "workspace"

MAIN_ID = "7c1f3a52-9d4e-4b8a-a6f1-2e5d8c0b9a14"
GROUP_ID = "b2e4d6f8-1a3c-4e5f-8a9b-0c1d2e3f4a5b"
T0 = 1795230000000  # ms

_counter = 0


def eid() -> str:
    global _counter
    _counter += 1
    return uuid.uuid5(uuid.NAMESPACE_OID, f"memoryd-sample-{_counter}").hex[:8]


def iso(ms: int) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


class Writer:
    def __init__(self, session_id: str, cwd: str) -> None:
        self.lines = [{"type": "session", "version": 3, "id": session_id, "timestamp": iso(T0), "cwd": cwd}]
        self.parent: str | None = None
        self.t = T0

    def add(self, obj: dict[str, Any]) -> str:
        self.t += 7000
        entry_id = eid()
        self.lines.append({**obj, "id": entry_id, "parentId": self.parent, "timestamp": iso(self.t)})
        self.parent = entry_id
        return entry_id

    def user(self, text: str) -> str:
        envelope = 'Sender (untrusted metadata):\n```json\n{"label": "Lena (webchat)", "id": "webchat:lena"}\n```\n\n'
        stamp = f"[Fri 2026-11-20 09:{len(self.lines) % 60:02d} GMT+1] "
        return self.add(
            {
                "type": "message",
                "message": {
                    "role": "user",
                    "content": [{"type": "text", "text": envelope + stamp + text}],
                    "timestamp": self.t,
                },
            }
        )

    def assistant(
        self, text: str, prompt: int, output: int, calls: list[dict[str, Any]] | None = None
    ) -> str:
        content: list[dict[str, Any]] = [{"type": "text", "text": text}] if text else []
        content += calls or []
        usage = {
            "input": 1200,
            "output": output,
            "cacheRead": prompt - 1200,
            "cacheWrite": 0,
            "totalTokens": prompt + output,
            "cost": {"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0, "total": 0},
        }
        return self.add(
            {
                "type": "message",
                "message": {
                    "role": "assistant",
                    "content": content,
                    "api": "anthropic-messages",
                    "provider": "anthropic",
                    "model": "claude-sonnet-4-5",
                    "usage": usage,
                    "stopReason": "toolUse" if calls else "stop",
                    "timestamp": self.t,
                },
            }
        )

    def tool_result(self, call_id: str, name: str, text: str, is_error: bool = False) -> str:
        return self.add(
            {
                "type": "message",
                "message": {
                    "role": "toolResult",
                    "toolCallId": call_id,
                    "toolName": name,
                    "content": [{"type": "text", "text": text}],
                    "isError": is_error,
                    "timestamp": self.t,
                },
            }
        )

    def write(self, path: Path) -> None:
        path.write_text(
            "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in self.lines), encoding="utf-8"
        )


def bash(call_id: str, command: str) -> dict[str, Any]:
    return {"type": "toolCall", "id": call_id, "name": "bash", "arguments": {"command": command}}


def main_session() -> tuple[Writer, int]:
    w = Writer(MAIN_ID, "/home/lena/src/ledger")
    w.add({"type": "model_change", "provider": "anthropic", "modelId": "claude-sonnet-4-5"})
    p = 148_000
    w.user(
        "The nightly export job for ledger failed again. Can you look at why `make export` breaks on staging?"
    )
    w.assistant("Let me reproduce it first.", p, 60, [bash("call_01", "make export ENV=staging")])
    w.tool_result(
        "call_01",
        "bash",
        'psql: error: connection to server at "db-staging.internal" (10.4.2.17), port 5433 failed: FATAL: password authentication failed for user "export"\n\nCommand exited with code 2',
        True,
    )
    p += 2400
    w.assistant(
        "The export user can't log in to db-staging.internal:5433. The password in the job's env was rotated last week but the job still has the old one. Two options:\n\n1. Move the job to the `ledger-export` service account with IAM auth, no password at all.\n2. Put the new password in the job's secret and keep password auth.\n\nI'd go with option 1: nothing to rotate again.",
        p,
        180,
    )
    p += 900
    w.user(
        "Yes, go with option 1. And remember that db-staging listens on 5433, not 5432 - you got that wrong last time."
    )
    w.assistant(
        "Switching the job to IAM auth now.",
        p,
        90,
        [
            bash(
                "call_02",
                "sed -i 's/^EXPORT_AUTH=.*/EXPORT_AUTH=iam/' deploy/export.env && make export ENV=staging",
            )
        ],
    )
    w.tool_result(
        "call_02", "bash", "exported 18,204 rows to s3://ledger-exports/staging/2026-11-20.parquet\n"
    )
    p += 2100
    w.assistant(
        "The export works with IAM auth: 18,204 rows written to s3://ledger-exports/staging/2026-11-20.parquet.",
        p,
        70,
    )
    p += 700
    w.user(
        "Great. Here's the token for the metrics push, put it in the CI secret: sk-proj-Tq9vX2mL8pR4sW7yB1nC5dF0gH3jK6aE9uI2oP5qZ8xV1bN4 . Also, do we keep the old password-based user around or drop it?"
    )
    w.assistant(
        "I added the token to the CI secret store (not to any file in the repo). On the old `export` user: I'd keep it until the next nightly run succeeds, then drop it. Should I put that on the list for Monday?",
        p,
        110,
    )
    p += 1500
    w.user("Not sure yet, I need to check with Marco whether the reporting cron still uses it.")
    w.assistant("Noted: whether to drop the old `export` user waits on Marco (reporting cron).", p, 40)
    p += 18_000  # a long tool-heavy stretch happened here, cached context grew
    return w, p


def group_session() -> Writer:
    w = Writer(GROUP_ID, "/home/lena")
    w.user("What's a good name for the new staging bucket?")
    w.assistant("`ledger-exports-staging` follows your existing naming.", 21_500, 30)
    w.user("Fine, use that.")
    w.assistant("Done.", 22_100, 8)
    return w


def main() -> None:
    SESSIONS.mkdir(parents=True, exist_ok=True)
    (WORKSPACE / "memory").mkdir(parents=True, exist_ok=True)
    w, prompt = main_session()
    w.write(SESSIONS / f"{MAIN_ID}.jsonl")
    g = group_session()
    g.write(SESSIONS / f"{GROUP_ID}.jsonl")
    store = {
        "agent:main:main": {
            "sessionId": MAIN_ID,
            "sessionFile": f"{MAIN_ID}.jsonl",
            "updatedAt": w.t,
            "chatType": "direct",
            "model": "claude-sonnet-4-5",
            "modelProvider": "anthropic",
            "compactionCount": 2,
            "contextTokens": 200000,
            "inputTokens": 1200,
            "outputTokens": 40,
            "cacheRead": prompt - 1200 - 18_000,
            "cacheWrite": 0,
            "totalTokens": prompt - 18_000,
            "totalTokensFresh": True,
        },
        "agent:main:telegram:group:-1001234": {
            "sessionId": GROUP_ID,
            "sessionFile": f"{GROUP_ID}.jsonl",
            "updatedAt": g.t,
            "chatType": "group",
            "model": "claude-sonnet-4-5",
            "compactionCount": 0,
            "contextTokens": 200000,
            "totalTokens": 22_100,
            "totalTokensFresh": True,
        },
    }
    (SESSIONS / "sessions.json").write_text(json.dumps(store, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
