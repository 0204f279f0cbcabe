"""One flush of a full 176k-token cycle: time and bytes written; and extraction throughput (rules, no LLM).

In-process: the daemon's engine catches up with one session whose current cycle is ~700 KB of
transcript (about 176k tokens) just below the flush point, with a day's log that already holds notes;
then the reply that crosses the point is appended and the engine handles it as it would a watcher
batch. Timed: that handling (crossing, ``memory.flush.started``, extraction, the Markdown append and
the fsyncs, ``memory.flush.completed``, the checkpoint). Bytes: what the process wrote meanwhile
(``/proc/self/io`` ``wchar``) and the Markdown block alone. Baseline: reading the cycle's bytes and
decoding every line with ``orjson`` (the least any flush must do).

Extraction throughput: a first start where every session is due parses and extracts each whole
cycle. Measured on generated transcripts of both shapes a real install has (chat-heavy ones from
``bench.corpus``, and tool loops: tests, builds, deploys, HTTP probes, polling, failures and their
fixes), as ``parse_lines`` + ``extract_items`` MB/s against ``orjson.loads`` of the same lines.
"""

from __future__ import annotations

import importlib
import os
import random
import shutil
import time
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from bench import corpus
from bench.common import Figure, Opts, Result, median, proc_io
from memoryd import logs
from memoryd.config import load_settings
from memoryd.daemon import Daemon
from memoryd.flush.extract import extract_items
from memoryd.flush.pipeline import content_of
from memoryd.sources.transcript import parse_lines

CYCLE_BYTES = 704_000  # ~176k tokens at ~4 bytes a token


def _template(root: Path, seed: int) -> corpus.Install:
    inst = corpus.Install(root, ["main"], reconcile_seconds=3600.0)
    inst.write_config()
    pool = corpus.TextPool(seed)
    sid = corpus.session_id_for(seed, 0)
    data, w = corpus.transcript(seed, pool, sid, CYCLE_BYTES, final_prompt=160_000, cycle_bytes=10**9)
    path = inst.sessions_dir("main") / f"{sid}.jsonl"
    path.write_bytes(data)
    inst.sessions.append(corpus.SessionFile("main", "agent:main:main", sid, path, len(data), 160_000, 0))
    inst.write_store("main")
    # The reply that crosses the point, kept for the measurement.
    (root / "crossing.line").write_bytes(w.assistant(corpus.FLUSH_POINT + 2_000, tool=False) + b"\n")
    # Earlier notes of the day (what dedupe compares against).
    rng = random.Random(seed)
    mem = inst.workspace("main") / "memory"
    mem.mkdir(parents=True, exist_ok=True)
    notes = ["# Notes", ""] + [f"- {pool.pick(rng, rng.choice((60, 120, 200)))[:200]}" for _ in range(60)]
    day_log = mem / f"{date.today().isoformat()}.md"
    day_log.write_text("\n".join(notes) + "\n")
    old = time.time() - 3600  # written an hour ago: nobody is editing it now
    os.utime(day_log, (old, old))
    return inst


def _one(template: Path, work: Path) -> dict[str, float]:
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(template, work)
    inst = corpus.Install(work, ["main"], reconcile_seconds=3600.0)
    inst.write_config()
    settings = load_settings(str(inst.config))
    d = Daemon(settings)
    d.journal.open()
    try:
        d.engine.start()
        d.engine.scan_all()
        transcript = next(inst.sessions_dir("main").glob("*.jsonl"))
        with open(transcript, "ab") as fh:
            fh.write((work / "crossing.line").read_bytes())
        w0 = proc_io(os.getpid())["wchar"]
        t0 = time.perf_counter()
        d.engine.handle_paths({str(transcript)})
        elapsed = time.perf_counter() - t0
        wrote = proc_io(os.getpid())["wchar"] - w0
    finally:
        d.engine.close()
        d.journal.close()
    done = [
        e
        for e in (orjson.loads(x) for x in settings.event_log.read_bytes().splitlines())
        if e["type"] == "memory.flush.completed"
    ]
    if len(done) != 1:
        raise RuntimeError(f"expected one flush, the log has {len(done)}")
    data = done[0]["data"]
    started = next(
        e
        for e in (orjson.loads(x) for x in settings.event_log.read_bytes().splitlines())
        if e["type"] == "memory.flush.started"
    )
    rng = started["data"]["range"]
    with open(transcript, "rb") as fh:
        fh.seek(rng["start_offset"])
        span = fh.read(rng["end_offset"] - rng["start_offset"])
    t1 = time.perf_counter()
    for line in span.split(b"\n"):
        if line:
            orjson.loads(line)
    raw = time.perf_counter() - t1
    return {
        "ms": elapsed * 1000,
        "duration_ms": float(data["duration_ms"]),
        "md_bytes": float(data["bytes"]),
        "wchar": float(wrote),
        "items": float(data["item_count"]),
        "range_bytes": float(len(span)),
        "raw_ms": raw * 1000,
    }


#: Tool loops of a working agent: (command, failing output, fixed output), with a file edited in between.
_TOOL_WORK = (
    ("pytest tests/test_{n}.py -q", "FAILED tests/test_{n}.py::test_total - AssertionError: 3 != 4\n"
     "1 failed, {k} passed in 0.41s", "{k1} passed in 0.39s"),
    ("npm run build", "ERROR in src/app{n}.ts:12:5 TS2322: Type 'string' is not assignable to type 'number'.\n"
     "webpack compiled with 1 error", "webpack 5.91.0 compiled successfully in {k} ms"),
    ("cargo test -p core{n}", "test parse::tests::roundtrip ... FAILED\ntest result: FAILED. {k} passed; 1 failed",
     "test result: ok. {k1} passed; 0 failed; 0 ignored"),
    ("go test ./pkg/store{n}/...", "--- FAIL: TestPut (0.00s)\n    store_test.go:41: got 2, want 3\nFAIL",
     "ok  \texample.com/pkg/store{n}\t0.{k}s"),
    ("curl -s -o /dev/null -w '%{{http_code}}' https://api{n}.example.com/health", "503", "200"),
    ("kubectl rollout status deploy/web{n} -n prod", "error: deployment \"web{n}\" exceeded its progress deadline",
     "deployment \"web{n}\" successfully rolled out"),
    ("terraform apply -auto-approve", "Error: creating S3 Bucket (logs-{n}): BucketAlreadyExists",
     "Apply complete! Resources: {k} added, 0 changed, 0 destroyed."),
    ("psql -h db{n} -c 'select count(*) from orders'", "psql: error: connection to server failed: Connection refused",
     " count\n-------\n {k}\n(1 row)"),
    ("git push origin feature-{n}", "! [rejected] feature-{n} -> feature-{n} (non-fast-forward)\n"
     "error: failed to push some refs", "To github.com:acme/app.git\n   1a2b3c4..5d6e7f8  feature-{n} -> feature-{n}"),
)  # fmt: skip


_CODE_LINES = (
    "def handle_{a}(request, ctx):",
    "    result = ctx.store.get({b!r}, default=None)",
    "    if result is None:",
    "        return Response(status=404)",
    "    for item in result.items[:{n}]:",
    "        total += item.amount * rate_{a}",
    "import {a} from './{b}'",
    "export const {a} = ({b}) => {b}.map((x) => x * {n});",
    "tests/test_{a}.py::test_{b} PASSED                                      [{n}%]",
    "  {a}_{b} | {n} | ok",
    "[{n}/120] Compiling {a} v0.{n}.1 ({b})",
)


def _code(rng: random.Random, size: int) -> str:
    """Source, test and build lines (what reads and runs print), about ``size`` characters."""
    names = ("orders", "invoice", "cart", "user", "ledger", "sync", "render", "parse", "store", "queue")
    out: list[str] = []
    n = 0
    while n < size:
        line = rng.choice(_CODE_LINES).format(a=rng.choice(names), b=rng.choice(names), n=rng.randint(1, 99))
        out.append(line)
        n += len(line) + 1
    return "\n".join(out)


def _tool_transcript(seed: int, pool: corpus.TextPool, target_bytes: int) -> bytes:
    """A session of tool work: each request reads a few files and runs a command; in 4 of 10 the run
    fails first, the agent edits, sometimes polls the failing command, and the run passes; a report.
    (Real sessions fail less often: tests/data/samples/pi has a failure chain every ~300 KB.)"""
    rng = random.Random(seed)
    w = corpus.Writer(rng, pool, corpus.session_id_for(seed, 1))
    out = [w.header()]
    size = 0
    prompt = 20_000

    def call(name: str, args: dict[str, object], result: str, failed: bool) -> None:
        nonlocal size
        cid = f"call_{rng.getrandbits(32):08x}"
        lines = [
            w.entry({"type": "message", "timestamp": w._stamp(), "message": {
                "role": "assistant", "content": [
                    {"type": "text", "text": pool.pick(rng, rng.choice((60, 200)))},
                    {"type": "toolCall", "id": cid, "name": name, "arguments": args}],
                "stopReason": "toolUse", "usage": {"input": prompt, "output": 200, "totalTokens": prompt + 200}}}),
            w.entry({"type": "message", "timestamp": w._stamp(), "message": {
                "role": "toolResult", "toolCallId": cid, "toolName": name, "isError": failed,
                "content": [{"type": "text", "text": result + ("\n\nCommand exited with code 1" if failed else "")}]}}),
        ]  # fmt: skip
        out.extend(lines)
        size += sum(len(x) + 1 for x in lines)

    while size < target_bytes:
        n, k = rng.randint(1, 99), rng.randint(5, 400)
        cmd, bad, good = (x.format(n=n, k=k, k1=k + 1) for x in rng.choice(_TOOL_WORK))
        out.append(w.user(pool.pick(rng, rng.choice((80, 300)))))
        size += len(out[-1]) + 1
        for _ in range(rng.randint(2, 6)):  # looking around: files read, listings
            call(
                "read",
                {"path": f"src/mod_{rng.randint(1, 99)}.py"},
                _code(rng, rng.choice((2000, 6000, 12000))),
                False,
            )
        if rng.random() < 0.4:  # a failure, a fix, maybe a poll, and the passing run
            call("bash", {"command": cmd}, _code(rng, rng.choice((300, 3000))) + "\n" + bad, True)
            call("edit", {"path": f"src/mod_{n}.py", "oldText": "a", "newText": _code(rng, 200)}, "ok", False)
            for _ in range(rng.choice((0, 0, 1, 8))):  # polling: the same command again and again
                call("bash", {"command": cmd}, bad, True)
        call("bash", {"command": cmd}, _code(rng, rng.choice((300, 3000))) + "\n" + good, False)
        out.append(w.assistant(prompt, tool=False, size=rng.choice((200, 800))))
        prompt = min(prompt + 3_000, 170_000)
        size += len(out[-1]) + 1
    return b"\n".join(out) + b"\n"


def _generator() -> tuple[Any, Any]:
    """The labelled conversation generator of the test suite (``tests/evalgen``) and its tuning set:
    imported at run time, it is not part of the installed package."""
    return (
        importlib.import_module("tests.evalgen.generate").build,
        importlib.import_module("tests.evalgen.splits").TUNE,
    )


def _dialogue_transcript(seed: int, target_bytes: int) -> bytes:
    """A long session of conversation in en/de/es/fr: the labelled generator's dialogue-act families
    (``tests/evalgen``, tuning set A: options and picks, reversals, deferrals, to-dos, corrections,
    remember requests, secrets, tool fix chains, polls), conversation after conversation in one
    session. Dense: nearly every turn is an act the rules read."""
    build, tune = _generator()
    out: list[bytes] = []
    size, i = 0, 0
    while size < target_bytes:
        lines = [x for x in build(tune, seed, i)[1].split(b"\n") if x]
        if out:
            lines = lines[1:]  # one session header
        out += lines
        size += sum(len(x) + 1 for x in lines)
        i += 1
    return b"\n".join(out) + b"\n"


#: The corpus shapes of the extraction figure, in its order.
SHAPES = ("chat", "tools", "dialogue", "real")


def _corpus(opts: Opts) -> dict[str, list[bytes]]:
    """Every shape a first start meets: chat-heavy ``bench.corpus`` sessions (long paragraphs, English),
    tool loops (long outputs: reads, builds, tests, failures and fixes, polls), multilingual dialogue
    (``_dialogue_transcript``) and the real pi transcripts this machine has."""
    pool = corpus.TextPool(opts.seed)
    each = 400_000 if opts.quick else 4_000_000
    chat = [
        corpus.transcript(opts.seed + i, pool, corpus.session_id_for(opts.seed, i), each, final_prompt=160_000,
                          cycle_bytes=10**9)[0]
        for i in range(2)
    ]  # fmt: skip
    try:
        dialogue = [_dialogue_transcript(opts.seed + i, each // 2) for i in range(2)]
    except ImportError:  # an installed memoryd without its tests
        dialogue = []
    real = [p.read_bytes() for p in corpus.real_samples()][: 1 if opts.quick else None]
    return {
        "chat": chat,
        "tools": [_tool_transcript(opts.seed + i, pool, each) for i in range(2)],
        "dialogue": dialogue,
        "real": real,
    }


def _day_log(seed: int, lines: int) -> list[str]:
    """A busy day's log: other sessions' flushes (generated conversations' items, cited), ``lines`` long."""
    try:
        build, tune = _generator()
    except ImportError:
        return []
    out: list[str] = []
    i = 0
    while len(out) < lines:
        items = extract_items(parse_lines(build(tune, seed + 7, i)[1])[1])
        out += [f"- {it.text} (5f3c9a2e:{it.entry_ids[0]})" for it in items]
        i += 1
    return out[:lines]


def _extraction(opts: Opts) -> dict[str, list[float]]:
    """MB/s per repeat: ``extract`` (``extract_items`` alone, every shape), ``both`` (``parse_lines`` +
    ``extract_items``), ``raw`` (``orjson.loads`` of every line), ``flush`` (``content_of``: the range's
    secrets, extraction, redaction, dedupe against a 2,000-line day log), and ``extract:<shape>``."""
    shapes = _corpus(opts)
    files = [d for k in SHAPES for d in shapes[k]]
    mb = sum(len(d) for d in files) / 1e6
    log = _day_log(opts.seed, 200 if opts.quick else 2_000)
    out: dict[str, list[float]] = {"extract": [], "both": [], "raw": [], "cpu": [], "flush": [], "mb": [mb]}
    for k in SHAPES:
        out[f"extract:{k}"] = []
        out[f"mb:{k}"] = [sum(len(d) for d in shapes[k]) / 1e6]
    parsed = {k: [parse_lines(d)[1] for d in shapes[k]] for k in SHAPES}
    for _ in range(1 if opts.quick else 5):
        t0 = time.perf_counter()
        for data in files:
            for line in data.split(b"\n"):
                if line:
                    orjson.loads(line)
        raw = time.perf_counter() - t0
        parse = extract = cpu = flush = 0.0
        for k in SHAPES:
            shape = 0.0
            for data in shapes[k]:
                t0 = time.perf_counter()
                entries = parse_lines(data)[1]
                t1, c1 = time.perf_counter(), time.process_time()
                extract_items(entries)
                t2 = time.perf_counter()
                parse, shape = parse + t1 - t0, shape + t2 - t1
                cpu += time.process_time() - c1
            extract += shape
            if shapes[k]:
                out[f"extract:{k}"].append(out[f"mb:{k}"][0] / shape)
        for k in SHAPES:
            for entries in parsed[k]:
                t0 = time.perf_counter()
                content_of(entries, log)
                flush += time.perf_counter() - t0
        out["extract"].append(mb / extract)
        out["cpu"].append(mb / cpu if cpu else 0.0)
        out["both"].append(mb / (parse + extract))
        out["raw"].append(mb / raw)
        out["flush"].append(mb / flush)
    return out


def run(opts: Opts) -> Result:
    res = Result("flush", "One flush of a full 176k-token cycle")
    logs.configure("warning")
    repeats = 2 if opts.quick else 7
    template = opts.work / "flush-template"
    _template(template, opts.seed)
    runs = [_one(template, opts.work / "flush-run") for _ in range(repeats)]
    shutil.rmtree(opts.work / "flush-run", ignore_errors=True)
    res.params = {
        "range_bytes": runs[0]["range_bytes"],
        "items": runs[0]["items"],
        "day_log_lines_before": 62,
        "repeats": repeats,
    }
    ms = [r["ms"] for r in runs]
    res.figures.append(
        Figure(
            "flush time (crossing → flush.completed, in the engine)",
            median(ms),
            "ms",
            median([r["raw_ms"] for r in runs]),
            "orjson.loads of the cycle's lines",
            target="<= 150 ms",
            met=median(ms) <= 150,
            samples=ms,
        )
    )
    res.figures.append(
        Figure(
            "extract+write (the event's duration_ms)",
            median([r["duration_ms"] for r in runs]),
            "ms",
            None,
            samples=[r["duration_ms"] for r in runs],
        )
    )
    res.figures.append(
        Figure(
            "bytes written by the flush (all files)",
            median([r["wchar"] for r in runs]),
            "B",
            median([r["md_bytes"] for r in runs]),
            "the Markdown block",
            samples=[r["wchar"] for r in runs],
            note="event log lines and the checkpoint besides the block",
        )
    )
    ex = _extraction(opts)
    res.params["extraction_mb"] = round(ex["mb"][0], 1)
    res.params["extraction_mb_by_shape"] = {k: round(ex[f"mb:{k}"][0], 1) for k in SHAPES}
    res.params["extraction_cpu_mb_s"] = round(
        max(ex["cpu"]), 1
    )  # CPU time, best repeat: a busy machine's noise out
    note = (
        "2 chat-heavy bench.corpus transcripts + 2 tool-loop sessions (4 MB each), 2 multilingual dialogue "
        "sessions (2 MB each, tests/evalgen set A), the real pi samples"
    )
    raw = median(ex["raw"])
    res.figures.append(
        Figure(
            "extraction MB/s (extract_items, every session due)",
            median(ex["extract"]),
            "MB/s",
            raw,
            "orjson.loads of the same lines, MB/s",
            better="higher",
            target=">= 30 MB/s",
            met=median(ex["extract"]) >= 30,
            samples=ex["extract"],
            note=note,
        )
    )
    for k in SHAPES:
        if ex[f"extract:{k}"]:
            res.figures.append(
                Figure(
                    f"extraction MB/s, {k} sessions only ({ex[f'mb:{k}'][0]:.1f} MB)",
                    median(ex[f"extract:{k}"]),
                    "MB/s",
                    raw,
                    "orjson.loads of the whole corpus, MB/s",
                    better="higher",
                    samples=ex[f"extract:{k}"],
                )
            )
    res.figures.append(
        Figure(
            "parse + extraction MB/s (parse_lines + extract_items)",
            median(ex["both"]),
            "MB/s",
            raw,
            "orjson.loads of the same lines, MB/s",
            better="higher",
            samples=ex["both"],
            note=note,
        )
    )
    res.figures.append(
        Figure(
            "flush content MB/s (content_of: range secrets, extraction, redaction, dedupe vs a 2,000-line log)",
            median(ex["flush"]),
            "MB/s",
            raw,
            "orjson.loads of the same lines, MB/s",
            better="higher",
            samples=ex["flush"],
            note=note,
        )
    )
    return res
