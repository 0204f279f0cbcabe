"""Deterministic OpenClaw-shaped corpora: state dirs, transcripts, stores, configs (seeded, no network).

A transcript is what OpenClaw 2026.7 writes: a ``session`` header, then messages (user, assistant
with thinking / text / tool calls and ``usage``, ``toolResult``, sometimes ``bashExecution``), model
changes, custom entries and ``compaction`` entries, each with ``id`` / ``parentId`` / ``timestamp``.
Text comes from a pool of paragraphs built once per seed (quotes, newlines, non-ASCII, escapes), so
that a gigabyte is written in seconds and parses like the real thing. The same seed gives the same
bytes.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

#: OpenClaw's default window and memoryd's default flush point on it (176,000 - 8,192).
WINDOW = 200_000
FLUSH_POINT = 167_808

_WORDS_TEXT = (
    "the a to of and in that is for it we on with as "
    "this be by are at from or an not use should will deploy staging "
    "database migration schema index query latency budget owner decided agreed rejected option rollback cache "
    "token window compaction memory flush daemon socket event journal session agent transcript workspace config "
    "service cluster region failover backup restore secret rotate review test suite coverage release friday "
    "monday owner Dana Marco Priya Lee build passed failed error retry timeout port 5433 "
    "postgres sqlite redis kafka queue worker cron nightly export import ledger invoice customer account "
    "billing report dashboard alert pager oncall SEV1 runbook ticket"
)
_WORDS = tuple(_WORDS_TEXT.split(" "))
_EXTRA = ("é", "—", "…", "ü", "→", "日本", "\\", '"quoted"', "\t", "🙂", "`code`", "<tag>", "&amp;")

REAL_SAMPLE_DIRS = (
    Path(__file__).resolve().parent.parent / "tests" / "data" / "samples" / "pi",
    Path("/work/shared/samples/pi"),
)


class TextPool:
    """Paragraphs of every size from 40 characters to 16 KB, picked by approximate length."""

    def __init__(self, seed: int, n: int = 600) -> None:
        rng = random.Random(seed * 7919 + 1)
        self.items: list[str] = []
        for i in range(n):
            target = int(40 * (1.0125 ** (i % 400)))  # 40 ... ~5,800 chars, geometric
            if i >= 400:
                target = rng.randint(6_000, 16_000)
            words: list[str] = []
            size = 0
            while size < target:
                w = rng.choice(_WORDS) if rng.random() > 0.005 else rng.choice(_EXTRA)
                if rng.random() < 0.02:
                    w += ".\n\n"
                elif rng.random() < 0.05:
                    w += ","
                words.append(w)
                size += len(w) + 1
            self.items.append(" ".join(words))
        self.items.sort(key=len)
        self.lengths = [len(s) for s in self.items]

    def pick(self, rng: random.Random, approx: int) -> str:
        """A paragraph of about ``approx`` characters (the nearest sizes, chosen at random)."""
        lo, hi = 0, len(self.lengths)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.lengths[mid] < approx:
                lo = mid + 1
            else:
                hi = mid
        j = min(len(self.items) - 1, max(0, lo + rng.randint(-3, 3)))
        return self.items[j]


@dataclass(slots=True)
class Writer:
    """Builds one transcript line by line; keeps ids, parents, the clock and the token count."""

    rng: random.Random
    pool: TextPool
    session_id: str
    ts_ms: int = 1_795_000_000_000
    parent: str | None = None
    ids: list[str] = field(default_factory=list)
    prompt: int = 0
    compactions: int = 0

    def _id(self) -> str:
        return f"{self.rng.getrandbits(32):08x}"

    def _stamp(self) -> str:
        self.ts_ms += self.rng.randint(200, 20_000)
        s, ms = divmod(self.ts_ms, 1000)
        return f"2026-11-{21 + (s // 86_400) % 7:02d}T{s // 3600 % 24:02d}:{s // 60 % 60:02d}:{s % 60:02d}.{ms:03d}Z"

    def header(self) -> bytes:
        return orjson.dumps(
            {
                "type": "session",
                "version": 3,
                "id": self.session_id,
                "timestamp": self._stamp(),
                "cwd": "/home/oc/work",
            }
        )

    def entry(self, obj: dict[str, Any]) -> bytes:
        eid = self._id()
        line = orjson.dumps({"type": obj.pop("type"), "id": eid, "parentId": self.parent, **obj})
        self.parent = eid
        self.ids.append(eid)
        del self.ids[:-64]
        return line

    def user(self, text: str | None = None) -> bytes:
        body = text if text is not None else self.pool.pick(self.rng, self.rng.choice((60, 150, 400, 900)))
        content: Any = body if self.rng.random() < 0.5 else [{"type": "text", "text": body}]
        return self.entry(
            {
                "type": "message",
                "timestamp": self._stamp(),
                "message": {"role": "user", "content": content, "timestamp": self.ts_ms},
            }
        )

    def assistant(self, prompt: int, output: int = 0, *, tool: bool | None = None, size: int = 0) -> bytes:
        """A reply; ``size``: about that many characters of text and no thinking (default: varied)."""
        rng = self.rng
        output = output or rng.randint(80, 1500)
        self.prompt = prompt
        content: list[dict[str, Any]] = []
        if not size and rng.random() < 0.4:
            content.append({"type": "thinking", "thinking": self.pool.pick(rng, rng.choice((200, 800)))})
        text_size = size or rng.choice((120, 500, 1500, 3000))
        content.append({"type": "text", "text": self.pool.pick(rng, text_size)})
        if tool if tool is not None else rng.random() < 0.5:
            content.append(
                {
                    "type": "toolCall",
                    "id": f"call_{self._id()}",
                    "name": rng.choice(("read", "bash", "edit", "write")),
                    "arguments": {"path": f"src/mod_{rng.randint(1, 99)}.py", "limit": rng.randint(10, 400)},
                }
            )
        cache = rng.randint(0, prompt)
        return self.entry(
            {
                "type": "message",
                "timestamp": self._stamp(),
                "message": {
                    "role": "assistant",
                    "content": content,
                    "api": "anthropic-messages",
                    "provider": "anthropic",
                    "model": "claude-sonnet-4-5",
                    "usage": {
                        "input": prompt - cache,
                        "output": output,
                        "cacheRead": cache,
                        "cacheWrite": 0,
                        "totalTokens": prompt + output,
                        "cost": {
                            "input": 0.01,
                            "output": 0.02,
                            "cacheRead": 0.0,
                            "cacheWrite": 0,
                            "total": 0.03,
                        },
                    },
                    "stopReason": "toolUse" if len(content) > 1 else "stop",
                    "timestamp": self.ts_ms,
                },
            }
        )

    def tool_result(self) -> bytes:
        rng = self.rng
        size = rng.choice((300, 1200, 3000, 6000, 12_000))
        return self.entry(
            {
                "type": "message",
                "timestamp": self._stamp(),
                "message": {
                    "role": "toolResult",
                    "toolCallId": f"call_{self._id()}",
                    "toolName": rng.choice(("read", "bash", "edit")),
                    "content": [{"type": "text", "text": self.pool.pick(rng, size)}],
                    "details": {"exitCode": 0} if rng.random() < 0.3 else {},
                    "isError": rng.random() < 0.05,
                    "timestamp": self.ts_ms,
                },
            }
        )

    def bash(self) -> bytes:
        return self.entry(
            {
                "type": "message",
                "timestamp": self._stamp(),
                "message": {
                    "role": "bashExecution",
                    "command": "pytest -q",
                    "output": self.pool.pick(self.rng, 8000),
                    "exitCode": 0,
                    "cancelled": False,
                    "truncated": False,
                    "timestamp": self.ts_ms,
                },
            }
        )

    def misc(self) -> bytes:
        if self.rng.random() < 0.5:
            return self.entry(
                {
                    "type": "model_change",
                    "timestamp": self._stamp(),
                    "provider": "anthropic",
                    "modelId": "claude-sonnet-4-5",
                }
            )
        return self.entry(
            {
                "type": "custom",
                "customType": "model-snapshot",
                "data": {"timestamp": self.ts_ms, "provider": "anthropic", "modelId": "claude-sonnet-4-5"},
                "timestamp": self._stamp(),
            }
        )

    def compaction(self, tokens_before: int | None = None, summary: int = 3000) -> bytes:
        keep = self.ids[-min(len(self.ids), 6)] if self.ids else None
        self.compactions += 1
        return self.entry(
            {
                "type": "compaction",
                "timestamp": self._stamp(),
                "summary": self.pool.pick(self.rng, summary),
                "firstKeptEntryId": keep,
                "tokensBefore": tokens_before if tokens_before is not None else self.prompt,
            }
        )

    def turn(self, prompt: int) -> list[bytes]:
        """One user turn: the question, the tool loop, the final answer."""
        rng = self.rng
        lines = [self.user()]
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            lines.append(self.assistant(prompt, tool=True))
            lines.append(self.bash() if rng.random() < 0.05 else self.tool_result())
        lines.append(self.assistant(prompt, tool=False))
        if rng.random() < 0.04:
            lines.append(self.misc())
        return lines


def transcript(
    seed: int,
    pool: TextPool,
    session_id: str,
    target_bytes: int,
    *,
    final_prompt: int,
    cycle_bytes: int = 1_500_000,
) -> tuple[bytes, Writer]:
    """One transcript of about ``target_bytes``: a compaction every ``cycle_bytes``, the last cycle's
    prompt ramping up to ``final_prompt`` (earlier cycles peak below the flush point)."""
    rng = random.Random(seed)
    w = Writer(rng, pool, session_id)
    out: list[bytes] = [w.header(), w.misc()]
    size = sum(len(x) + 1 for x in out)
    cycles = max(1, -(-target_bytes // cycle_bytes))
    per_cycle = target_bytes / cycles
    for c in range(cycles):
        peak = final_prompt if c == cycles - 1 else rng.randint(100_000, 160_000)
        start = size
        end = start + per_cycle - (400 if c == cycles - 1 else 3_500)
        while size < end:
            frac = min(1.0, (size - start) / max(1.0, end - start))
            prompt = int(18_000 + (peak - 18_000) * frac)
            for line in w.turn(prompt):
                out.append(line)
                size += len(line) + 1
        if c < cycles - 1:
            line = w.compaction(peak)
            out.append(line)
            size += len(line) + 1
    # The last reply carries the session's current prompt size exactly.
    line = w.assistant(final_prompt, tool=False)
    out.append(line)
    return b"\n".join(out) + b"\n", w


@dataclass(slots=True)
class SessionFile:
    agent: str
    key: str
    session_id: str
    path: Path
    size: int
    prompt: int
    compactions: int


@dataclass(slots=True)
class Install:
    """An OpenClaw state dir with workspaces, and a memoryd config pointing at them."""

    root: Path
    agents: list[str]
    sessions: list[SessionFile] = field(default_factory=list)
    reconcile_seconds: float = 5.0
    openclaw_extra: str = ""

    @property
    def state(self) -> Path:
        return self.root / "openclaw"

    @property
    def memoryd_state(self) -> Path:
        return self.root / "memoryd-state"

    @property
    def socket(self) -> Path:
        return self.root / "run" / "memoryd.sock"

    @property
    def config(self) -> Path:
        return self.root / "memoryd.toml"

    @property
    def total_bytes(self) -> int:
        return sum(s.size for s in self.sessions)

    def workspace(self, agent: str) -> Path:
        return self.root / f"ws-{agent}"

    def sessions_dir(self, agent: str) -> Path:
        return self.state / "agents" / agent / "sessions"

    def write_config(self) -> Path:
        entries = ", ".join(
            f'{{ id: "{a}", workspace: "{self.workspace(a)}"{", default: true" if i == 0 else ""} }}'
            for i, a in enumerate(self.agents)
        )
        self.state.mkdir(parents=True, exist_ok=True)
        (self.state / "openclaw.json").write_text(
            f"// bench\n{{ agents: {{ defaults: {{ {self.openclaw_extra} }}, list: [{entries}], }}, }}\n"
        )
        for a in self.agents:
            self.sessions_dir(a).mkdir(parents=True, exist_ok=True)
            self.workspace(a).mkdir(parents=True, exist_ok=True)
        self.socket.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.config.write_text(
            f'[openclaw]\nstate_dirs = ["{self.state}"]\n\n'
            f'[paths]\nstate_dir = "{self.memoryd_state}"\nsocket = "{self.socket}"\n\n'
            f"[daemon]\nreconcile_seconds = {self.reconcile_seconds}\n"
        )
        return self.config

    def store_doc(self, agent: str) -> dict[str, Any]:
        doc: dict[str, Any] = {}
        for s in self.sessions:
            if s.agent != agent:
                continue
            doc[s.key] = {
                "sessionId": s.session_id,
                "sessionFile": s.path.name,
                "updatedAt": 1_795_000_000_000,
                "totalTokens": s.prompt,
                "totalTokensFresh": True,
                "contextTokens": WINDOW,
                "compactionCount": s.compactions,
                "model": "claude-sonnet-4-5",
            }
        return doc

    def write_store(self, agent: str, doc: dict[str, Any] | None = None) -> None:
        """Replace ``sessions.json`` by temp file + rename, as OpenClaw does."""
        path = self.sessions_dir(agent) / "sessions.json"
        tmp = path.with_name(f"sessions.json.{os.getpid()}.bench.tmp")
        tmp.write_bytes(orjson.dumps(doc if doc is not None else self.store_doc(agent)))
        tmp.replace(path)

    def reset_memoryd(self) -> None:
        """Forget everything memoryd wrote: a cold start next time."""
        shutil.rmtree(self.memoryd_state, ignore_errors=True)
        for a in self.agents:
            shutil.rmtree(self.workspace(a) / "memory", ignore_errors=True)


def session_id_for(seed: int, i: int) -> str:
    r = random.Random(seed * 1_000_003 + i)
    h = f"{r.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:32]}"


def sizes(seed: int, n: int, total: int, lo: float = 0.2, hi: float = 1.8) -> list[int]:
    """``n`` session sizes around ``total / n`` (uniform in [lo, hi] times the mean), summing to ``total``."""
    rng = random.Random(seed)
    raw = [rng.uniform(lo, hi) for _ in range(n)]
    k = total / sum(raw)
    return [max(2_000, int(r * k)) for r in raw]


def build(
    root: Path,
    *,
    seed: int,
    sessions: int,
    total_bytes: int,
    agents: int = 1,
    due_fraction: float = 0.0,
    cycle_bytes: int = 1_500_000,
    size_spread: tuple[float, float] = (0.2, 1.8),
    real: bool = False,
    reconcile_seconds: float = 5.0,
    openclaw_extra: str = "",
) -> Install:
    """Generate an install under ``root``: ``sessions`` transcripts spread over ``agents`` agents.

    ``due_fraction`` of the sessions end above memoryd's flush point (they are flushed on first sight);
    the others end below it. With ``real``, the real pi transcripts found on this machine are added
    as one more agent (``real``), each a session.
    """
    names = [f"a{i}" for i in range(agents)] + (["real"] if real else [])
    inst = Install(root, names, reconcile_seconds=reconcile_seconds, openclaw_extra=openclaw_extra)
    inst.write_config()
    pool = TextPool(seed)
    rng = random.Random(seed)
    for i, size in enumerate(sizes(seed, sessions, total_bytes, *size_spread)):
        agent = names[i % agents]
        sid = session_id_for(seed, i)
        due = rng.random() < due_fraction
        prompt = rng.randint(FLUSH_POINT + 100, 172_000) if due else rng.randint(20_000, 150_000)
        data, w = transcript(seed * 10_007 + i, pool, sid, size, final_prompt=prompt, cycle_bytes=cycle_bytes)
        path = inst.sessions_dir(agent) / f"{sid}.jsonl"
        path.write_bytes(data)
        inst.sessions.append(
            SessionFile(agent, f"agent:{agent}:s{i}", sid, path, len(data), prompt, w.compactions)
        )
    if real:
        for j, src in enumerate(real_samples()):
            sid = session_id_for(seed + 1, j)
            path = inst.sessions_dir("real") / f"{sid}.jsonl"
            shutil.copyfile(src, path)
            path.chmod(0o644)
            inst.sessions.append(
                SessionFile("real", f"agent:real:{src.stem}", sid, path, path.stat().st_size, 20_000, 0)
            )
    for a in names:
        inst.write_store(a)
    return inst


def real_samples() -> list[Path]:
    """The real transcripts this machine has (read-only sources; copied, never written)."""
    seen: dict[str, Path] = {}
    for d in REAL_SAMPLE_DIRS:
        if d.is_dir():
            for p in sorted(d.glob("*.jsonl")):
                seen.setdefault(p.name, p)
    return list(seen.values())


def iter_transcripts(inst: Install) -> Iterator[Path]:
    for s in inst.sessions:
        yield s.path
