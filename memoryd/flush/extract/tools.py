"""Outcomes from tool work: failures and their fixes, actions that changed something, reports.

Structure, not wording, decides what happened:

* **Did a run fail?** Its exit code or ``isError`` say so, and so does its own output when a tool
  exits 0 anyway: an HTTP status of 4xx/5xx, a non-zero count of failed tests or errors in a test
  runner's summary, a ``Traceback``, a line that opens with ``error:`` / ``fatal:`` / ``FAILED``.
  (Only for commands that run something: the output of ``cat`` or ``kubectl logs`` is data.)
* **Which later run is the same work?** Runs are keyed by the command's identity: program,
  subcommand and main target (``pytest tests/test_a.py``, ``npm run build``, ``git push origin``,
  ``curl <url>``). A failing run opens a *failure chain*; a passing run of the same identity (or a
  broader check, or another changing subcommand on the same target) closes it: one outcome, "X
  failed: error; the agent's account; fixed by what it changed; now the result". Runs of the same
  identity that keep failing, however often (polling), stay one chain. A chain still open at the
  end is an unresolved failure (must keep), with what the user said about it.
* **Waits.** The same command polled until its output changed is one outcome, in the words of the
  agent's report after the last poll; so is one shell loop that polls with ``sleep`` and printed
  another state at its end than at its start.
* Successful state-changing actions (commits, PRs, deploys, configs and documents written) are
  grouped per stretch of work into one outcome, led by the assistant's closing report; commands the
  agent then writes out as numbered steps are a procedure (``procedures``), not an outcome.
* An assistant report that repeats measured numbers from tool output, or names a root cause, is
  an outcome too.

Texts are built from whole sentences and clauses (``fit``), never cut through one. Sections, in
order: what a run's output says; fitting text into a bullet; who said what about it (the agent's
account, its result sentence); what actions print; failure chains; actions; waits and reports.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Final
from weakref import WeakKeyDictionary

from memoryd.flush.extract.context import Ctx, Draft
from memoryd.flush.extract.cues import make_cue
from memoryd.flush.extract.failures import failure_said, json_failure
from memoryd.flush.extract.lexicon import WH, tokens
from memoryd.flush.extract.markers import (
    AGREE_START,
    CAUSE,
    NARRATION,
    NO_START,
    OFFER,
    RECOMMEND,
    REQUEST,
    RESULT_NUM,
)
from memoryd.flush.extract.messages import Msg, Step
from memoryd.flush.extract.prose import (
    CJK,
    HEADING,
    LIST_ITEM,
    MAX_TEXT,
    NUMBER,
    STEP_START,
    TABLE_ROW,
    TABLE_RULE,
    clip,
    has_secret,
    is_question,
    numbered_steps,
    plain,
    quote_user,
    split_sentences,
    word_set,
)
from memoryd.flush.extract.shell import (
    EDIT_TOOLS,
    EXIT_CODE,
    TRIVIAL,
    WRITE_TOOLS,
    identity,
    is_config,
    program,
    segment_effect,
    write_targets,
)
from memoryd.flush.memo import memo

#: Most distinct actions one outcome groups together (and cites).
MAX_GROUP: Final = 6


# --- what a run's output says --------------------------------------------------------------------

_ERROR_TOKEN: Final = re.compile(
    r"\b[A-Za-z_][\w.]*(?:Error|Exception|Timeout|NotAvailable|NotFound|Refused|Denied)\b|\bERR_[A-Z0-9_]+\b|"
    r"(?:FAILED|FAIL|ERROR)\s+([\w/.:\-\[\]>]+)|No space left on device|Permission denied|Connection refused|"
    r"command not found|does not exist|timed out|out of memory|\bHTTP/[\d.]+ ([45]\d\d)\b"
)


#: Searched on lower-cased output (``IGNORECASE`` makes ``re`` several times slower).
_ERRORISH: Final = re.compile(
    r"rror|xception|fail|err_|err!|imeout|refused|denied|notfound|notavailable|fatal|cannot|can't|unable|"
    r"timed out|no space|not found|does not exist|out of memory|traceback|panic|rejected|http/[\d.]+ [45]|[✗✘❌]"
)


_ERROR_STRONG: Final = re.compile(
    r"\b[A-Za-z_][\w.]*(?:Error|Exception)\b:|\berror [A-Z]+\d+|\bERR_[A-Z0-9_]+|\bHTTP/[\d.]+ [45]\d\d"
)


_ERROR_WORD: Final = re.compile(
    r"\b(?:error|fatal|failed|fail|failing|errored|cannot|can't|unable|denied|refused|rejected|timed out|"
    r"no space left|not found|panic)\b|[A-Za-z](?:Error|Exception)\b|ERR_|\bHTTP/[\d.]+ [45]\d\d|[✗✘❌]",
    re.I,
)


_LOG_PREFIX: Final = re.compile(
    r"^(?:\S+\t){1,3}|\[?\d{4}-\d{2}-\d{2}[T ][\d:.,]+Z?\]?\s*|^(?:INFO|DEBUG|WARN(?:ING)?|NOTICE)\s+\[[^\]]+\]\s*|"
    r"^E\s+"
)


#: Shapes of failure in a run's own output: an HTTP error status, a runner's non-zero failure
#: count, a traceback, a line that opens with an error level. Language-independent: these are
#: what the tools print, not what people say. Each shape is tried only on the lines holding its
#: needle (lower-cased), found at C speed.
class _AnyOf:
    """A regex alternation ``a|b|...`` searched one alternative at a time, each behind literals one of
    which it must contain: the same yes or no (a match of the whole is a match of one alternative),
    without ``re`` trying every alternative at every position of a long line. ``pattern`` is the
    whole alternation."""

    __slots__ = ("parts", "pattern")

    def __init__(self, *parts: tuple[tuple[str, ...], str]) -> None:
        self.parts = tuple((needles, re.compile(p)) for needles, p in parts)
        self.pattern = "|".join(p for _, p in parts)

    def search(self, line: str) -> bool:
        for needles, pattern in self.parts:
            if (not needles or any(n in line for n in needles)) and pattern.search(line):
                return True
        return False


_TEXT_FAILURE: Final = (
    (("http",), re.compile(r"\bHTTP(?:/[\d.]+)?\s+[45]\d\d\b")),
    (
        ("status", "code"),
        re.compile(
            r"(?<![(,])(?<![(,] )\b(?i:status|statusCode|status_code|http_code|code)[\"']?\s*[:=]?\s*[\"']?[45]\d\d\b"
        ),
    ),
    (  # the reason phrases HTTP defines for its error codes
        ("bad gateway", "unavailable", "internal server error", "gateway timeout", "too many requests"),
        re.compile(
            r"\b5\d\d\s+(?:Bad Gateway|Service Unavailable|Internal Server Error|Gateway Time-?out)\b|\b429 Too"
        ),
    ),
    (
        ("fail", "error", "broken"),
        _AnyOf(
            (
                (" fail", " error", " broken"),
                r"(?<![\w.,])[1-9]\d* (?:failed|failing|failures?|errors?|errored|broken)\b",
            ),
            (("=", ":"), r"\b(?i:failed|failures|errors|errored)[=:]\s*[1-9]"),
            (("test result: FAILED",), r"\btest result: FAILED\b"),
            (
                (),
                r"^(?:--- )?FAIL\b|^FAILED\b|^\s*\[?(?:error|ERROR|Error)\]?(?::|!| -|\s\[)|^npm ERR!"
                r"|^\s*(?:Failed|FAILED)\b|^FAILURES!",
            ),
            (("errored",), r"\berrored\b"),
            (("ERROR:",), r"\bERROR:\s"),
            (
                ("FAIL", "ERROR"),
                r"(?:\.{2,}|:|\s-)\s*(?:FAILED|FAIL|ERROR)\b",
            ),  # a step's status word: "login ... FAILED"
        ),
    ),
    (("traceback",), re.compile(r"^Traceback \(most recent call last\)")),
    (
        ("state", "status", "conclusion", "result", "phase", "health", "active"),
        re.compile(
            r"\b(?i:state|status|conclusion|result|phase|health|active)[\"']?\s*[:=]\s*[\"']?(?:FAILED|FAILURE|ERROR|ERRORED|CANCELL?ED|"
            r"TIMED_OUT|UNHEALTHY|failed|failure|error|errored|cancell?ed|timed_out|unhealthy|Failed|Unhealthy|"
            r"PartiallyFailed|PARTIALLY_FAILED|partially_failed|DEGRADED|Degraded|degraded)\b"
        ),
    ),
    (("✗", "✘", "❌"), re.compile(r"^\s*\[?[✗✘❌]\]?\s")),
    (
        ("fatal", "panic", "critical"),
        re.compile(r"^\s*\[?(?:fatal|FATAL|CRITICAL|PANIC|panic)\]?(?::|!| -|\s\[)|\bFATAL:\s"),
    ),
)


#: The code ``curl -w '%{http_code}'`` prints at the end, once or per try (``502 502 504 502``):
#: the last one is the verdict.
_HTTP_CODE_ONLY: Final = re.compile(r"(?:^|\n)\s*(?:[1-5]\d\d[^\S\n]+)*([1-5]\d\d)\s*$")


_PASS_LINE: Final = re.compile(
    r"\b\d+ (?:passed|passing|tests? passed|ok)\b|\btest result: ok\b|^ok\s|\bHTTP/[\d.]+\s+[23]\d\d\b|"
    r"\b(?:all (?:\w+ )?(?:checks|tests) passed|success(?:ful(?:ly)?)?|succeeded|complete[d]?|rolled out|"
    r"up to date|passed|0 (?:failed|errors?))\b|[✓✔]",
    re.I | re.M,
)


#: Programs whose output is data (logs, files, listings): their text is not their own status.
_READERS: Final = frozenset(
    {"journalctl", "dmesg", "less", "more", "zcat", "zless", "bat", "strings", "xxd", "hexdump", "od"}
)
_READER_SUBS: Final = frozenset({"logs", "log", "cat", "describe", "show", "blame", "diff"})


@dataclass(frozen=True, slots=True)
class Run:
    """What one tool step shows about itself."""

    failed: bool
    by_text: bool  # failed although the exit code said 0: the output shows it
    keys: frozenset[str]  # full identities: "program subcommand target"
    loose: frozenset[str]  # "program|target", for another subcommand on the same target
    check: bool  # a test, linter or probe: a broader passing check closes a narrower failure


def _reader_sub(words: Sequence[str]) -> bool:
    """A reading subcommand past the global options (``kubectl -n web logs``, ``kubectl --context c
    describe``): what it prints is another thing's log or state, not how the command went."""
    return any(w in _READER_SUBS for w in identity(words)[1].split())


def _runs_something(step: Step) -> bool:
    """Whether the command's output speaks for the command (not data it printed). A look beside a
    reader (``kubectl get pods && kubectl logs ...``, ``systemctl status x; journalctl -u x``) reads
    the state of another thing with its log: a report of that thing, not a run that failed."""
    speaking: list[tuple[str, ...]] = []
    read = False
    for _, words in step.segments:
        prog = program(words)
        if prog in TRIVIAL or prog.startswith("-"):  # (an option left over from a ``$(...)`` split)
            continue
        if prog in _READERS or any(w in _READER_SUBS for w in words[1:3]) or _reader_sub(words):
            read = True
            continue
        if prog == "git" and len(words) > 1 and words[1] in ("status", "log", "show", "diff", "branch"):
            continue
        speaking.append(tuple(words))
    if read:
        return any(not _LOOK_SUBS.intersection(identity(w)[1].split()) for w in speaking)
    return bool(speaking)


#: Every ``_ERRORISH`` match holds one of these.
_ERROR_NEEDLES: Final = (
    "rror", "xception", "fail", "err_", "err!", "imeout", "refused", "denied", "notfound", "notavailable",
    "fatal", "cannot", "can't", "unable", "timed out", "no space", "not found", "does not exist",
    "out of memory", "traceback", "panic", "rejected", "http/", "✗", "✘", "❌",
)  # fmt: skip


_ANSI: Final = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _window(output: str, size: int) -> str:
    """A long output's head and (larger) tail: where runners print the first error and the summary.

    Terminal colour codes are removed (``\x1b[31mFAILED\x1b[0m`` is ``FAILED``)."""
    text = output if len(output) <= size else output[: size // 4] + "\n" + output[-(size - size // 4) :]
    return _ANSI.sub("", text) if "\x1b" in text else text


def _lower(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else text  # lower-casing changed the length: search as written


def _lines_with(text: str, needles: Sequence[str], limit: int = 200, low: str = "") -> dict[int, str]:
    """Lines of ``text`` that contain a needle (searched in ``low``, its lower-cased twin), in order.

    At most ``limit`` lines: the first half from the top (where the first error is), the rest from the
    bottom (where runners print their summary).
    """
    low = low or _lower(text)
    found: dict[int, str] = {}

    def take(at: int) -> int:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        found.setdefault(start, text[start:end])
        return start

    for needle in needles:
        at, n = low.find(needle), 0
        while at >= 0 and n < limit // 2 and len(found) < limit:
            start = take(at)
            n += 1
            at = low.find(needle, start + len(found[start]) + 1)
        at, n = low.rfind(needle), 0
        while at >= 0 and n < limit - limit // 2 and len(found) < 2 * limit:
            start = take(at)
            n += 1
            at = low.rfind(needle, 0, start) if start > 0 else -1
    return dict(sorted(found.items()))


def text_failure(output: str, command: str = "") -> bool:
    """A failure shown only in the output: an HTTP error status, failing counts, a traceback, error lines."""
    if not output:
        return False
    text = _window(output, 8000)
    if "http_code" in command and (m := _HTTP_CODE_ONLY.search(text)):
        return m.group(1)[0] in "45"
    if json_failure(text):  # an API's JSON envelope says it failed
        return True
    low = _lower(text)
    for needles, shape in _TEXT_FAILURE:
        if not any(n in low for n in needles):
            continue
        lines = _lines_with(text, needles, limit=16, low=low)  # the first error lines, the summary
        if any(shape.search(line[:300]) for line in lines.values()):
            return True
    return False


def retried_past(output: str, command: str = "") -> bool:
    """Whether every line that shows a failure says it is retried and a later line for the same item
    (its first word: ``try``, ``2026-05``) shows none: a run that retried its way past the failure
    (``try 1: 503 ... retry later`` / ``try 2: accepted``)."""
    if "retry" not in output.lower():
        return False
    lines = [ln.strip() for ln in output.strip().splitlines()[-200:] if ln.strip()]
    bad = [i for i, ln in enumerate(lines) if text_failure(ln, command)]
    if not bad:
        return False
    for i in bad:
        key = lines[i].split()[0]
        if "retry" not in lines[i].lower() or not any(
            ln.split()[0] == key and not text_failure(ln, command) for ln in lines[i + 1 :]
        ):
            return False
    return True


#: Targets too common to link two different programs' runs.
_COMMON_TARGETS: Final = frozenset(
    {"origin", "main", "master", "HEAD", "tests", "test", "src", "build", "all"}
)


def _keys(step: Step) -> tuple[frozenset[str], frozenset[str]]:
    if step.command:
        return _segment_keys(step.segments)
    full, loose = _segment_keys(step.segments)
    if step.effect == "change" and step.tool not in WRITE_TOOLS | EDIT_TOOLS:
        full = full | {f"{step.tool} {step.path}".strip()}  # a tool of its own that changes something
    return full, loose


@memo(1024)
def _segment_keys(segments: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The full and loose identities of a shell line's simple commands: pure in the segments, which
    repeat (polls, re-runs), so each line is read once."""
    full: set[str] = set()
    loose: set[str] = set()
    for _, words in segments:
        prog = program(words)
        if prog in TRIVIAL:
            continue
        prog, sub, target = identity(words)
        if prog == "git" and sub in ("status", "log", "diff", "show", "fetch", "branch", "add"):
            continue
        target = target.removeprefix("./")
        full.add(" ".join(x for x in (prog, sub, target) if x))
        if target:
            loose.add(f"{prog}|{target}")
            if len(target) >= 4 and target not in _COMMON_TARGETS:
                loose.add(
                    f"*|{target}"
                )  # another program on the same thing: ``snap install`` for ``apt install``
    return frozenset(full), frozenset(loose)


_RUNS: Final[WeakKeyDictionary[Msg, Run]] = WeakKeyDictionary()


def _run(m: Msg) -> Run:
    """``run_of`` of a message's step, once per message (the cache dies with the messages)."""
    run = _RUNS.get(m)
    if run is None:
        assert m.step is not None
        run = _RUNS[m] = run_of(m.step)
    return run


def run_of(step: Step) -> Run:
    full, loose = _keys(step)
    speaks = _runs_something(step) if step.command else bool(full)  # a command, or a tool that changes things
    by_text = (
        not step.failed
        and not step.quiet
        and speaks
        and text_failure(step.output, step.command)
        and not retried_past(step.output, step.command)
    )
    return Run(step.failed or by_text, by_text, full, loose, step.effect == "check")


def _error_identity(output: str) -> frozenset[str]:
    """Names of what failed (exceptions, error codes, failing tests), to tell two failures apart."""
    lines = "\n".join(ln[:300] for ln in _error_lines(output)[:8])
    return frozenset((m.group(1) or m.group(0)).lower() for m in _ERROR_TOKEN.finditer(lines))


@memo(16)  # keys are whole outputs: keep few (a long-running daemon)
def _error_lines(output: str) -> tuple[str, ...]:
    """Lines of a (long) output that mention an error, in order."""
    text = _window(output, 8000)
    return tuple(
        ln for ln in _lines_with(text, _ERROR_NEEDLES, limit=40).values() if _ERRORISH.search(ln.lower())
    )


#: A source line quoted in a compiler's or test runner's code frame: a line number and a gutter.
_CODE_FRAME: Final = re.compile(r"^\s*>?\s*\d+\s*[│|┃]")


def _error_line(step: Step) -> str:
    """The line of a failing output that says what went wrong."""
    if step.quiet:
        return "(output not quoted)"
    best, best_score = "", 0
    for raw in _error_lines(step.output):
        if len(raw) > 400 or not _ERROR_WORD.search(raw) or EXIT_CODE.search(raw):
            continue
        line = _LOG_PREFIX.sub("", _LOG_PREFIX.sub("", raw.strip())).strip()
        if len(line.split()) < 2 or _CODE_FRAME.match(line):
            continue  # a bare "failed" says nothing; a quoted source line ("216 │ ...") is not the error
        strong = line.startswith(("FAILED ", "✗", "[✗]", "✘", "❌")) or _ERROR_STRONG.search(line)
        score = 3 if line.startswith("FAILED ") else 2 if strong else 1
        if score > best_score:
            best, best_score = line, score
    if not best:
        lines = [ln.strip() for ln in step.output.splitlines() if ln.strip() and not EXIT_CODE.search(ln)]
        best = lines[-1] if lines else ""
        if "http_code" in step.command and (m := _HTTP_CODE_ONLY.search(step.output)):
            best = f"HTTP {m.group(1)}"
    if best.lstrip().startswith(("{", "[")) and (said := failure_said(step.output)):
        return _words_clip(said, 110)  # a JSON answer: what it says failed, not its first 110 characters
    if (m := _ERROR_STRONG.search(best)) and m.start() > 0 and not best.startswith("FAILED"):
        best = best[m.start() :]
    return _words_clip(best, 110)


def _pass_line(step: Step) -> str:
    """The line of a passing run that says it passed ("12 passed in 0.38s", "HTTP/2 200", "200")."""
    if step.quiet:
        return ""
    if "http_code" in step.command and (m := _HTTP_CODE_ONLY.search(step.output)):
        return f"HTTP {m.group(1)}"
    lines = [
        _LOG_PREFIX.sub("", ln.strip()).strip() for ln in _window(step.output[-4000:], 4000).splitlines()
    ]
    return next((_words_clip(ln, 90) for ln in reversed(lines) if ln and _PASS_LINE.search(ln)), "")


# --- fitting text into a bullet ------------------------------------------------------------------

_CLAUSE: Final = re.compile(r"[;,:—–]\s|\s[-–—]\s|、")


def _words_clip(text: str, limit: int) -> str:
    """A tool line or command shortened at a word boundary (these are quotes, not sentences)."""
    return clip(text, limit)


def fit(sentence: str, limit: int) -> str:
    """A sentence that fits ``limit``: whole, else cut at its last clause boundary that fits."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= limit:
        return sentence
    cut = [
        m.start()
        for m in _CLAUSE.finditer(sentence, 0, limit)
        if m.start() >= 25 and _closed(sentence[: m.start()])
    ]
    if cut:
        return sentence[: cut[-1]].rstrip(" ,;:—–-")
    return clip(sentence, limit)


def _closed(text: str) -> bool:
    """No bracket, quote or code span left open: a cut here does not break one."""
    return (
        text.count("(") <= text.count(")")
        and text.count("[") <= text.count("]")
        and text.count("`") % 2 == 0
        and text.count('"') % 2 == 0
    )


def fit_all(parts: Sequence[str], limit: int, sep: str = "; ") -> str:
    """Whole parts in order while they fit; the first is shortened at a clause boundary if alone too long."""
    out: list[str] = []
    used = 0
    for p in parts:
        p = " ".join(p.split())
        if not p:
            continue
        extra = len(p) + (len(sep) if out else 0)
        if used + extra <= limit:
            out.append(p)
            used += extra
        elif not out:
            out.append(fit(p, limit))
            break
    return join_parts(out, sep)


def join_parts(parts: Sequence[str], sep: str = "; ") -> str:
    """Parts of one bullet joined into one sentence (a part's closing period dropped before ``sep``)."""
    kept = [p for p in parts if p]
    return sep.join(
        [p[:-1] if p.endswith((".", "。")) and not p.endswith("..") else p for p in kept[:-1]] + kept[-1:]
    )


# --- who said what about it ----------------------------------------------------------------------

#: Small function-word lexicons per language: how an explanation or a plan for the next step opens.
_BECAUSE: Final = make_cue(
    r"\b(?:because|since|due to|caused by|root cause|the cause|so that|which means|instead of|weil|da |denn|"
    r"wegen|ursache|porque|debido a|la causa|parce que|car |à cause|la cause)\b|ので|ため|原因|せい",
    "because|since|due to|caused|cause|so that|which means|instead|weil|da |denn|wegen|ursache|porque|debido|causa|"
    "parce que|car |à cause|ので|ため|原因|せい",
)
_OK_WORD: Final = make_cue(
    r"\b(?:pass(?:es|ed|ing)?|green|works|worked|succeeded|successful(?:ly)?|fixed|resolved|ok|healthy|applied|"
    r"done|deployed|merged|restored|created|completed?|"
    r"up again|back up|bestanden|erfolgreich|läuft|funktioniert|grün|erledigt|pasan|funciona|exitos[oa]|correcto|"
    r"listo|passent|réussi|fonctionne|vert|terminé)\b|復旧|完了|成功|通り|通過|グリーン",
    "pass|green|work|succe|fixed|resolved|ok|healthy|applied|done|deployed|merged|restored|created|complete|"
    "up again|back up|bestanden|erfolg|läuft|funktion|grün|erledigt|funciona|exitos|correct|listo|réussi|"
    "fonctionne|vert|terminé|"
    "復旧|完了|成功|通り|通過|グリーン",
)
#: Characters that make a word an identifier: numbers, versions, paths, snake_case, #refs, `code`.
_ID_CHARS: Final = frozenset("0123456789/_#`")


def _ids(s: str) -> int:
    """How many words of ``s`` are identifiers (a language-independent sign of a concrete statement)."""
    return sum(1 for w in s[:400].split() if not _ID_CHARS.isdisjoint(w))


@dataclass(frozen=True, slots=True)
class _Said:
    """One statement of an assistant message, with its identifier count (computed once)."""

    text: str
    ids: int  # identifiers in it, at most 3
    lead: bool  # said before any options the message lays out

    @property
    def because(self) -> bool:  # it explains
        return bool(_BECAUSE.search(self.text))

    @property
    def ok(self) -> bool:  # it says something worked
        return bool(_OK_WORD.search(self.text))

    @property
    def offer(self) -> bool:  # it offers more work ("want me to ...")
        return bool(OFFER.search(self.text))


#: How first-person narration opens ("let me check", "ich schaue"), lower-cased: a plan, not a result.
_NARRATION_START: Final = (
    "let me", "let's", "i'll", "i will", "i'm going to", "i am going to", "now i", "next i", "first i",
    "ok, let", "okay, let", "lass mich", "ich werde", "ich schaue", "ich prüfe", "voy a", "vamos a", "je vais",
    "voyons",
)  # fmt: skip


_SAID: Final[WeakKeyDictionary[Msg, tuple[_Said, ...]]] = WeakKeyDictionary()


def _sentences(m: Msg) -> tuple[_Said, ...]:
    """The first statements of an assistant message: not questions, not list headers, not narration."""
    cached = _SAID.get(m)
    if cached is not None:
        return cached
    out = []
    # of a proposal, only what comes before the options is the agent's account
    lead = len(split_sentences(m.paragraphs[0])) if m.proposal else len(m.sentences)
    for n, s in enumerate(m.sentences[:12]):
        s = LIST_ITEM.sub("", plain(s))
        if len(s) < 12 and not CJK.search(s):
            continue
        if is_question(s) or s.endswith((":", "：")) or s[:16].lower().startswith(_NARRATION_START):
            continue
        out.append(_Said(s, min(_ids(s), 3), n < lead))
    _SAID[m] = result = tuple(out)
    return result


def _account(ctx: Ctx, start: int, end: int) -> tuple[str, int | None]:
    """The assistant's account of a failure between ``start`` and ``end``: why it failed / what it did.

    Scored by structure: identifiers (paths, hashes, numbers, code) and an explaining connective.
    """
    best: tuple[int, str, int | None] = (0, "", None)
    for m in _account_msgs(ctx, start, end):
        for s in _sentences(m):
            if not s.lead:
                continue
            score = s.ids + (3 if s.because else 0)
            if score > best[0]:
                best = (score, s.text, m.pos)
    return best[1], best[2]


def _account_msgs(ctx: Ctx, start: int, end: int) -> list[Msg]:
    """Where the agent explains: its first words after the failure, the words that come with each
    change it makes (its fix), and its words just before the run that decides."""
    picked: dict[int, Msg] = {}
    last_prose: Msg | None = None
    changes = 0
    for m in ctx.msgs[start + 1 : end]:
        if m.role == "assistant" and m.prose:
            if not picked:
                picked[m.pos] = m
            last_prose = m
        elif (
            m.step is not None
            and m.step.effect not in ("read", "check")
            and last_prose is not None
            and changes < 2
        ):
            picked[last_prose.pos] = last_prose
            changes += 1
    if last_prose is not None:
        picked[last_prose.pos] = last_prose
    return [picked[p] for p in sorted(picked)]


def _changes(ctx: Ctx, start: int, end: int) -> tuple[list[str], list[int]]:
    """What the agent changed between two runs: files edited or written, commands that change things."""
    names: list[str] = []
    where: list[int] = []
    for m in ctx.msgs[start + 1 : end]:
        step = m.step
        if step is None or step.failed or step.effect in ("read", "check", "install"):
            continue
        if step.path and (step.tool in WRITE_TOOLS or step.tool in EDIT_TOOLS):
            name = f"`{step.path}`"
        elif step.command:
            changing = _changing(step.segments)
            name = f"`{clip(changing[0], 60)}`" if changing else ""
        else:
            name = ""
        if name and name not in names:
            names.append(name)
            where.append(m.pos)
    return names, where


@memo(1024)
def _changing(segments: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """The simple commands of a shell line that change or edit something, as written (read once a line)."""
    return tuple(raw for raw, w in segments if segment_effect(w, raw) in ("change", "edit"))


def _result_sentence(
    m: Msg,
    evidence: str,
    limit: int = 200,
    bare: bool = False,
    known: str = "",
    about: frozenset[str] = frozenset(),
) -> str:
    """The sentence of a closing report that states the result: numbers the run printed, ids, success.
    One whose identifiers the bullet's lead (``known``: "committed c8a47e1 ...") already names all of
    says nothing new ("Committed as `c8a47e1`."): another is taken, or none.

    A short one ("Recovered.", "復旧しました。") that a list spells out takes the list's items
    with it, whole, while they fit (not when ``bare``). Of a report on several pieces of work, the
    sentence that names a file the run worked on (``about``) is that run's result.
    """
    numbers = set(NUMBER.findall(evidence[-4000:])) if evidence else set()
    said = _sentences(m)
    best: tuple[int, int, int] = (0, 0, -1)  # score with the file named (in a list), score, index
    for i, s in enumerate(said):
        if s.offer or (known and _only_known(s.text, known)):
            continue
        shared = len(numbers & set(NUMBER.findall(s.text))) if numbers else 0
        alone = len(said) == 1 and not is_question(s.text)  # a report of one sentence says what came of it
        score = 2 * min(shared, 3) + s.ids + (2 if s.ok else 0) + (2 if i == 0 else 0) + alone
        named = score + 6 if about and any(f in s.text for f in about) and _listed(m, s.text) else score
        if named > best[0]:
            best = (named, score, i)
    if best[0] < 3:
        return ""
    first = said[best[2]].text
    if len(first) > 80:
        return _result_clause(first, numbers)
    if not bare and (figures := _figures_after(said[best[2] + 1 : best[2] + 8], first, numbers)):
        return fit_all([first, *figures], limit)  # "Fixed: ..." and the list of what the run printed
    if len(first) >= 30 or bare:
        return first
    rest = [s.text for s in said[best[2] + 1 : best[2] + 8] if not s.offer and s.ids]
    return fit_all([first, *rest], limit)


_BULLET: Final = re.compile(r"^[^\S\n]*(?:[-*•]|\d+[.)])\s+", re.M)


def _listed(m: Msg, sentence: str) -> bool:
    """Whether ``sentence`` is (in) an item of a list the message makes: one piece of work it reports."""
    head = sentence[:20]
    return any(
        head in line.replace("*", "").replace("`", "") for line in m.prose.splitlines() if _BULLET.match(line)
    )


def _figures_after(rest: Sequence[_Said], first: str, numbers: set[str]) -> list[str]:
    """The sentences after a result that names none of the run's numbers which repeat them, in order
    (a list of the totals the run printed): the result is in them. Numbers go by their digits:
    ``37,830 €`` as the agent writes it is ``37830`` as the run printed it."""
    printed = {_digits(n) for n in numbers}
    if not printed or printed & _digit_set(first):
        return []
    return [s.text for s in rest if not s.offer and printed & _digit_set(s.text)]


def _only_known(sentence: str, known: str) -> bool:
    """``sentence`` only names what ``known`` names: every identifier of it (a word with a digit, a
    slash, a backtick) is there, and at most a few other words go with them ("Committed as `c8a47e1`.",
    "Files: `a.pdf` and `b.csv`.")."""
    words = sentence.split()
    ids = [w.strip("`'\".,;:()") for w in words if not _ID_CHARS.isdisjoint(w)]
    ids = [w.rsplit("/", 1)[-1] for w in ids if w]
    return bool(ids) and len(words) - len(ids) <= _FEW and all(w in known for w in ids)


_FEW: Final = 3


_CLAUSE_SPLIT: Final = re.compile(r";\s+|\s+(?:—|–|-)\s+")


def _result_clause(sentence: str, numbers: set[str]) -> str:
    """Of a long report sentence, the clause that carries the result ("... and all 61 tests pass now"):
    the run's numbers, identifiers, a success word. The whole sentence when no clause stands out."""
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(sentence) if c.strip()]
    if len(clauses) < 2:
        return sentence

    def score(c: str) -> int:
        shared = len(numbers & set(NUMBER.findall(c))) if numbers else 0
        return 2 * min(shared, 3) + min(_ids(c), 3) + (2 if _OK_WORD.search(c) else 0)

    best = max(clauses, key=score)
    return best if score(best) > score(clauses[0]) else sentence


# --- what actions print (commits, PRs, confirmations) -----------------------------------------

_COMMIT_OUT: Final = re.compile(
    r"^\[(?P<branch>[^\s\]]+) (?:\(root-commit\) )?(?P<hash>[0-9a-f]{7,40})\] (?P<msg>.+)$", re.M
)


_COMMIT_MSG: Final = re.compile(r"\bgit commit\b[^\n]*?-\w*m\s+(['\"])(?P<msg>.+?)\1")


_PR_URL: Final = re.compile(r"https?://\S+/pull/(?P<n>\d+)")


_PUSH: Final = re.compile(r"^(?:\S+=\S+\s+)*git push\b")


_CONFIRMATION: Final = re.compile(
    r"^(?:[✓✔]|(?:created|updated|deleted|removed|set|sent|added|deployed|published|successfully|uploaded|"
    r"scheduled|booked|saved|wrote|applied|message (?:sent|successfully))\b)",
    re.I,
)


# --- failure chains ------------------------------------------------------------------------------

#: What a resolved chain's bullet says after the failure ("fixed by ...", "now ..."), per language.
_LABELS: Final = {
    "en": ("fixed by {fix}", "now {ok}"),
    "de": ("behoben durch {fix}", "jetzt {ok}"),
    "es": ("corregido con {fix}", "ahora {ok}"),
    "fr": ("corrigé par {fix}", "maintenant {ok}"),
    "it": ("risolto con {fix}", "ora {ok}"),
    "ja": ("修正: {fix}", "結果: {ok}"),
}


@dataclass(slots=True)
class _Chain:
    fails: list[int]
    keys: set[str]
    loose: set[str]
    errors: frozenset[str]  # names in the latest error (exceptions, codes, failing tests)
    errors_at: int  # the failing run they were read from
    end: int | None = None  # the run that closed it
    passed: bool = True  # False: closed by a different error after a change (the first one is gone)
    silent: frozenset[str] = frozenset()  # commands that failed with exit 0 (only their output shows it)
    silent_args: frozenset[tuple[str, ...]] = frozenset()  # their simple commands' words but the flags


def _same_work(keys: frozenset[str], chain: _Chain) -> bool:
    """The same identity; or one names no target (``git push``, ``git push origin``) or a folder of
    the other's target (``pytest tests``, ``pytest tests/test_a.py``)."""
    return any(
        a == b or a.startswith((b + " ", b + "/")) or b.startswith((a + " ", a + "/"))
        for a in keys
        for b in chain.keys
    )


def _closes(run: Run, step: Step, c: _Chain) -> bool:
    if _same_work(run.keys, c):
        return True
    shared = run.loose & c.loose
    if any(not k.startswith("*|") for k in shared):
        return step.effect not in ("read", "check")  # another changing subcommand on the same target
    return bool(shared) and step.effect in ("change", "install")  # another program did it


def _errors_of(step: Step) -> frozenset[str]:
    return frozenset() if step.quiet else _error_identity(step.output)


def _chain_errors(msgs: Sequence[Msg], chain: _Chain) -> frozenset[str]:
    """The chain's latest error names, read from its latest failing run when first needed."""
    if chain.errors_at != chain.fails[-1]:
        step = msgs[chain.fails[-1]].step
        chain.errors, chain.errors_at = (_errors_of(step) if step else frozenset()), chain.fails[-1]
    return chain.errors


_URL_HOST: Final = re.compile(r"^[a-z][a-z0-9+.-]*://[^/\s]+", re.I)


def _reproduces(msgs: Sequence[Msg], step: Step, chain: _Chain) -> bool:
    """A failing run of another command, nothing changed since, aimed at what the chain's last
    failure printed (the API path a script's error line named, now tried by hand): the same failure."""
    last = msgs[chain.fails[-1]].step
    if last is None or last.quiet or not last.output:
        return False
    shown = last.output[:8000]
    for _, words in step.segments:
        for w in words[1:]:
            path = _URL_HOST.sub("", w.strip("'\""))
            if len(path) >= 8 and path.count("/") >= 2 and path in shown:
                return True
    return False


def _main_words(step: Step) -> list[tuple[str, ...]]:
    return [words for _, words in step.segments if program(words) not in TRIVIAL]


def _one_value_changed(msgs: Sequence[Msg], chain: _Chain, step: Step) -> bool:
    """The failing command run again, as written but for one argument (the calendar's id for its
    name, the other project): the value was corrected, the work is the same. Not for looks."""
    last = msgs[chain.fails[-1]].step
    if last is None or not last.command or not step.command or step.effect in ("read", "check"):
        return False
    a, b = _main_words(last), _main_words(step)
    if not a or len(a) != len(b) or any(len(x) != len(y) for x, y in zip(a, b, strict=True)):
        return False
    diffs = [
        i for x, y in zip(a, b, strict=True) for i, (u, v) in enumerate(zip(x, y, strict=True)) if u != v
    ]
    if len(diffs) != 1:
        return False
    head = 1 + len(identity(a[0])[1].split())  # program and subcommand words stay the same
    return diffs[0] >= head


_NOT_FOUND: Final = re.compile(
    r"command not found|not found|exited with code 127\b|does not exist|no such file or directory", re.I
)


def _worked_around(msgs: Sequence[Msg], chain: _Chain, m: Msg) -> bool:
    """The agent's very next run after a tool or a file it lacks (``pdftotext: command not found``,
    ``x.md: does not exist``) is another program on the same file, and it passed: the work was done
    another way (``at`` missing, a ``systemd-run`` timer instead; the PDF made from the CSV), so
    that failure is over."""
    last, step = msgs[chain.fails[-1]].step, m.step
    if last is None or step is None or not last.command or not step.command or step.effect == "edit":
        return False
    if _run(msgs[chain.fails[-1]]).by_text or not _NOT_FOUND.search(last.output[-2000:]):
        return False
    if any(x.step is not None or x.role == "user" for x in msgs[chain.fails[-1] + 1 : m.pos]):
        return False  # not the next thing the agent ran, or after the user had a word
    before, now = _main_words(last), _main_words(step)
    if not now or {program(w) for w in before} & {program(w) for w in now}:
        return False
    return bool(_files(last.command) & _files(step.command))


def _looked_past(msgs: Sequence[Msg], chain: _Chain) -> bool:
    """A look that failed for want of a tool or a file, done at once by another program on the same
    file (``pypdf`` for a missing ``pdftotext``): the look's result is what the agent reports, and
    the missing tool is no outcome of the conversation."""
    first = msgs[chain.fails[0]].step
    if chain.end is None or len(chain.fails) != 1 or first is None or _acts(first):
        return False
    end = msgs[chain.end]
    return end.step is not None and not _acts(end.step) and _worked_around(msgs, chain, end)


_MADE_HANDLE: Final = re.compile(r"[\w~./-]*\d[\w./-]*|[\w~.-]*/[\w./-]+")


def _handles(step: Step) -> frozenset[str]:
    """Paths and ids a run names or prints (``factures/2026-T4``, a query's id): what it made."""
    words = " ".join(w for _, ws in step.segments for w in ws[1:]) + "\n" + step.output[:2000]
    return frozenset(h.strip("./~") for h in _MADE_HANDLE.findall(words) if len(h.strip("./~")) >= 8)


def _redone(msgs: Sequence[Msg], chain: _Chain, m: Msg) -> bool:
    """A failing run on what an earlier run made (the query that run started, the folder it wrote),
    and before the user's next word the agent runs that earlier work again, otherwise, and it passes
    (the query relaunched on the right column, the invoices made again with the converter built
    in): the failure was got past another way."""
    last, step = msgs[chain.fails[-1]].step, m.step
    if (
        last is None
        or step is None
        or last.quiet
        or step.quiet
        or not step.command
        or not step.output.strip()
    ):
        return False
    if any(
        x.role == "user" or (x.step is not None and _run(x).failed) for x in msgs[chain.fails[-1] + 1 : m.pos]
    ):
        return False
    keys = _run(m).keys
    source = next(
        (x.step for x in reversed(msgs[: chain.fails[0]]) if x.step is not None and _run(x).keys & keys),
        None,
    )
    if source is None or source.command == step.command or _run(msgs[chain.fails[0]]).keys & keys:
        return False
    failed_words = " ".join(w for _, ws in last.segments for w in ws)
    return any(h in failed_words for h in _handles(source))


def _ends(msgs: Sequence[Msg], run: Run, chain: _Chain, m: Msg) -> bool:
    """Whether the passing run ``m`` can end ``chain`` (``_shows_pass`` still has to agree)."""
    assert m.step is not None
    return (
        _closes(run, m.step, chain)
        or _one_value_changed(msgs, chain, m.step)
        or _worked_around(msgs, chain, m)
        or _redone(msgs, chain, m)
    )


def _find_chains(msgs: Sequence[Msg]) -> list[_Chain]:
    """Failing runs and the later run of the same command identity that passed (one pass over the steps)."""
    open_chains: list[_Chain] = []
    done: list[_Chain] = []
    changed = False  # the agent changed something since the last failing run
    turn = -1  # the latest user turn
    for m in msgs:
        step = m.step
        if m.role == "user":
            turn = m.pos
        if step is None:
            continue
        if step.effect in ("code", "doc", "procedure_doc", "change", "edit") and not step.failed:
            changed = True
        if step.effect in ("code", "doc", "procedure_doc"):
            continue
        run = _run(m)
        if not run.keys:
            continue
        if run.failed:
            same = next((c for c in open_chains if _same_work(run.keys, c) or run.loose & c.loose), None)
            errors = _errors_of(step) if same is None or changed else frozenset()
            if (
                same is not None
                and changed
                and errors
                and _chain_errors(msgs, same)
                and not errors & same.errors
            ):
                same.end, same.passed = m.pos, False  # a fix made that error go; another one took its place
                open_chains.remove(same)
                done.append(same)
                same = None
            if same is None and not changed and step.command:
                same = next((c for c in open_chains if _reproduces(msgs, step, c)), None)
            silent = frozenset({_norm_command(step.command)}) if run.by_text else frozenset()
            silent_args = _unflagged(step) if run.by_text else frozenset()
            if same is not None:  # the same work failing again (a retry, a poll)
                same.fails.append(m.pos)
                same.keys |= run.keys
                same.loose |= run.loose
                same.silent |= silent
                same.silent_args |= silent_args
                if errors:
                    same.errors = errors
                    same.errors_at = m.pos
            else:
                open_chains.append(
                    _Chain(
                        [m.pos],
                        set(run.keys),
                        set(run.loose),
                        frozenset(),
                        -1,
                        silent=silent,
                        silent_args=silent_args,
                    )
                )
            changed = False
            continue
        for c in [c for c in open_chains if _ends(msgs, run, c, m)]:
            if not _shows_pass(step, run, c, turn) and not _redone(msgs, c, m):
                continue
            c.end = m.pos
            open_chains.remove(c)
            done.append(c)
    return sorted(done + open_chains, key=lambda c: c.fails[0])


def _shows_pass(step: Step, run: Run, c: _Chain, turn: int) -> bool:
    """Whether a passing run shows the chain's failure gone. Exit 0 says nothing where the failure
    was only in the output: then the same command passing does (also with only its switches
    changed), a success status, or the agent retrying the same work in the same turn, its output
    clean (``[7d:5m]`` for ``[7d:30s]``); not the same program on another request of the user's."""
    if not c.silent or _norm_command(step.command) in c.silent or _unflagged(step) & c.silent_args:
        return True
    if c.fails[-1] > turn and _same_work(run.keys, c) and step.output.strip() and not step.quiet:
        return True
    return bool(_STATUS_OK.search(step.output))


#: Output that is nothing but success statuses: the code ``curl -w '%{http_code}'`` prints, once
#: or per try (``200 200 200``), a status line, a JSON status. Where a failure printed 502, this
#: says the same probe works now, whatever else its command line changed.
_STATUS_OK: Final = re.compile(
    r"\A\s*(?:(?:HTTP/[\d.]+\s+)?2\d\d\b[^\S\n]*(?:OK)?[^\S\n]*)+\s*\Z|\A\s*\{[^\n]*\"status(?:Code)?\"\s*:\s*2\d\d\b"
)


def _norm_command(command: str) -> str:
    return " ".join(command.split())


def _unflagged(step: Step) -> frozenset[tuple[str, ...]]:
    """Each simple command's words but its flags: the failing command run again as written, or
    with only a switch changed (``--keep-formulas`` for ``--rewrite-formulas``), inside a retry
    (``sleep 60; <it> && file out.pdf``) is the same work on the same inputs; another option
    value (``--profile photos``) is not."""
    return frozenset(
        kept
        for _, words in step.segments
        if program(words) not in TRIVIAL
        and len(kept := tuple(w for w in words if not w.startswith("-"))) >= 2
    )


def _short_command(step: Step, limit: int = 70) -> str:
    """The first non-trivial simple command, as written."""
    if not step.command:
        return step.path or step.tool
    raw = next((r for r, w in step.segments if program(w) not in TRIVIAL), step.command)
    return "`" + clip(raw, limit) + "`"


def _flaps_merged(msgs: Sequence[Msg], chains: list[_Chain]) -> list[_Chain]:
    """A check that fails and passes by turns (a flapping probe, polled) is one chain, not one per flap.

    Chains of the same command identity whose first failures show the same error line are folded
    into the first: its failures, and the last one's end.
    """
    out: list[_Chain] = []
    seen: dict[tuple[frozenset[str], str], _Chain] = {}
    for c in chains:
        step = msgs[c.fails[0]].step
        key = (frozenset(c.keys), _error_line(step) if step is not None else "")
        first = seen.get(key)
        if first is None or first.end is None or c.end is None or not c.passed:
            seen[key] = c
            out.append(c)
            continue
        first.fails.extend(c.fails)
        first.end = c.end
    return out


def chain_rules(ctx: Ctx) -> None:
    """One outcome per failure chain. A chain that a fix closed only by swapping its error for
    another, within one turn of the user's, is the first part of the chain that error opened: one
    failure, one outcome (citing both), told by how the last part ended."""
    carried: dict[int, Draft] = {}  # first failure of a chain -> the outcome of the chain it ended
    outer: tuple[int, Draft] | None = None  # the resolved chain still being fixed: its end, its outcome
    for chain in _flaps_merged(ctx.msgs, _find_chains(ctx.msgs)):
        end = chain.end if chain.end is not None else chain.fails[-1]
        if outer is not None and chain.end is not None and end <= outer[0]:
            # failed and fixed while a failure was still open (a wrong revision while rolling back):
            # a step of that fix, cited by its outcome
            ctx.in_chain.update(range(chain.fails[0], end + 1))
            outer[1].pos.update({chain.fails[0], end})
            continue
        ctx.in_chain.update(range(chain.fails[0], end + 1))
        if _looked_past(ctx.msgs, chain):
            continue
        ctx.used.update(
            m.pos for m in ctx.msgs[chain.fails[0] : end + 1] if m.step and m.step.effect != "read"
        )
        count = len(ctx.drafts)
        if chain.end is None:
            _unresolved(ctx, chain)
        else:
            _resolved(ctx, chain, chain.end)
        if len(ctx.drafts) == count:
            continue
        draft = ctx.drafts[-1]
        if chain.end is not None and chain.passed:
            outer = (chain.end, draft)
        if (before := carried.pop(chain.fails[0], None)) is not None:
            draft.pos |= before.pos
        if (
            not chain.passed
            and chain.end is not None
            and ctx.last_user(chain.end) == ctx.last_user(chain.fails[0])
        ):
            carried[chain.end] = draft  # (one the user heard about and answered stays its own)
            ctx.drafts.pop()
    ctx.drafts.extend(carried.values())  # the error that took its place opened no chain of its own


def _closing_result(ctx: Ctx, end: int, end_step: Step) -> tuple[str, int | None]:
    """The result as the assistant reported it after the passing run: its first words after the run,
    else its closing report of the turn, when nothing else was changed in between.

    The report's position comes back even when no sentence of it states the result in a way the
    scoring sees ("C'est réglé. ..."): it is still this chain's closing report, not an outcome of
    its own.
    """
    for m in ctx.after(end):
        if m.step is not None and m.step.effect in ("change", "doc") and not m.step.failed:
            return "", None  # later work: the closing report belongs to it
        if m.role == "assistant" and m.prose:
            if _changes_next(ctx, m):
                continue  # words on the way to more changes ("four of five done, setting the last")
            about = _files(end_step.command) | _files("" if end_step.quiet else end_step.output[-2000:])
            ok = _result_sentence(m, end_step.output, about=about)
            if ok or not m.has_calls:
                return ok, m.pos
    return "", None


def _changes_next(ctx: Ctx, m: Msg) -> bool:
    """Whether the first tool step after ``m`` in the same turn changes something."""
    step = next((x.step for x in ctx.after(m.pos) if x.step is not None), None)
    return step is not None and step.effect in ("change", "doc") and not step.failed


def _labels(ctx: Ctx) -> tuple[str, str]:
    return _LABELS.get(ctx.lang, _LABELS["en"])


def _resolved(ctx: Ctx, chain: _Chain, end: int) -> None:
    """A failure that went away: what failed, the agent's account, what it changed, the result."""
    first = ctx.msgs[chain.fails[0]].step
    end_step = ctx.msgs[end].step
    assert first is not None and end_step is not None
    fixed, now = _labels(ctx)
    head = ctx.labels["failed"].format(cmd=_short_command(first), err=_error_line(first))
    pos = {chain.fails[0], end}
    account, account_pos = _account(ctx, chain.fails[0], end)
    names, where = _changes(ctx, chain.fails[0], end)
    pos.update(where[:2])
    ok = ""
    if chain.passed:
        ok, report_pos = _closing_result(ctx, end, end_step)
        if report_pos is not None:
            pos.add(report_pos)
            ctx.reported.add(report_pos)
        if not ok:
            ok = _pass_line(end_step)
    else:
        pos.discard(end)
    if account and account_pos is not None and account != ok:
        pos.add(account_pos)
    if ok[:1].isupper() and ok[1:2].islower():
        ok = ok[0].lower() + ok[1:]
    head = fit_all([head], 150)
    room = 300 - len(head)
    # "Now all tests pass.", "it builds now": the result already says it
    said_now = now.split(" ", 1)[0].lower() in ok.lower().replace(";", " ").split()
    parts = {"ok": (ok if said_now else now.format(ok=fit(ok, min(130, room - 2 - len(now))))) if ok else ""}
    room -= len(parts["ok"]) + 2 if ok else 0
    why = fit(account, min(130, room - 2)) if account and account != ok and room > 40 else ""
    parts["why"] = why if why and not why.endswith("…") else ""
    room -= len(parts["why"]) + 2 if parts["why"] else 0
    told = parts["why"] + " " + parts["ok"]
    names = [n for n in names if n.strip("`") not in told]  # the agent already said what it changed
    fix = fixed.format(fix=", ".join(names[:2])) if names else ""
    parts["fix"] = fix if fix and len(fix) + 2 <= room else ""
    text = join_parts([head, parts["why"], parts["fix"], parts["ok"]])
    ctx.add("outcome", text, pos)


def _unresolved(ctx: Ctx, chain: _Chain) -> None:
    """A failure nothing fixed: what fails, the agent's reading of it, and what the user decided.

    What failed is the error: the command, only its echo, gives way when both do not fit."""
    last = ctx.msgs[chain.fails[-1]].step
    assert last is not None
    err = _error_line(last)
    bare = len(ctx.labels["still"].format(cmd="``", err=err))
    cmd = _short_command(last, max(30, min(70, 180 - bare)))
    text = fit_all([ctx.labels["still"].format(cmd=cmd, err=err)], 180)
    pos = {chain.fails[0], chain.fails[-1]}
    # the agent's words on the failure end where it goes on to other work (another command)
    end = next(
        (m.pos for m in ctx.after(chain.fails[-1]) if m.step is not None and m.pos not in ctx.in_chain),
        ctx.next_user(chain.fails[-1]),
    )
    account, account_pos = _account(ctx, chain.fails[0], end)
    if account and account_pos is not None:
        text += f" ({fit(account, 100)})"
        pos.add(account_pos)
    report = ctx.prose_after(chain.fails[-1])
    if report is not None and report.pos > end:
        report = None  # that report is about the other work
    nxt = ctx.msgs[report.pos + 1] if report is not None and report.pos + 1 < len(ctx.msgs) else None
    if report is not None and nxt is not None and nxt.role == "user" and not report.proposal:
        # what the user said about the failure (a reply to options the agent laid out is a choice:
        # the dialogue rules read it)
        said = [NO_START.sub("", s).strip() for s in nxt.sentences if not is_question(s)][:2]
        room = 300 - len(text) - len(ctx.labels["user"]) - 3
        if room > 30 and (quote := quote_user([fit_all(said, room)], room)):
            text += " — " + ctx.labels["user"] + quote
            pos.update({report.pos, nxt.pos})
            ctx.reported.add(report.pos)
            ctx.answered.add(nxt.pos)
    _partly_done(ctx, chain.fails[-1])
    ctx.add("outcome", text, pos, must_keep=True)


def _done_lines(step: Step) -> list[str]:
    """What a run printed it did, with a count or a name (``wrote 45 rows to out.csv``,
    ``deleted 209 checkpoints``)."""
    lines = [_LOG_PREFIX.sub("", ln.strip()) for ln in step.output[-4000:].splitlines() if ln.strip()]
    return list(dict.fromkeys(clip(ln, 110) for ln in lines if _CONFIRMATION.match(ln) and _ids(ln)))[:2]


def _partly_done(ctx: Ctx, at: int) -> None:
    """A run that failed only in part (exit 0; its output shows errors for some items and says what
    it did with the rest: "wrote 45 rows", "deleted 209 checkpoints") did work: what it did is an
    outcome of its own, told by the agent's first words after it, beside the failure left open."""
    step = ctx.msgs[at].step
    if step is None or step.quiet or not _run(ctx.msgs[at]).by_text or not (done := _done_lines(step)):
        return
    pos = {at}
    report = ctx.prose_after(at)
    # the sentence on the done part; the items it may list are the ones that failed
    said = _result_sentence(report, "\n".join(done), bare=True) if report is not None else ""
    if report is not None and said:
        pos.add(report.pos)
    ctx.add("outcome", join_parts([fit_all(done, 150), fit(said, 140)]), pos)


# --- actions -------------------------------------------------------------------------------------


def _describe(step: Step, labels: dict[str, str]) -> tuple[str, bool]:
    """One action in a few words, and whether that is only an echo of the command.

    Commits and PRs are named by their ids, files by path, tool confirmations as printed; else the
    command (an echo: the assistant's report says the result better).
    """
    out = "" if step.quiet else step.output
    parts: list[str] = []
    if m := _COMMIT_OUT.search(out):
        parts.append(labels["committed"].format(hash=m["hash"], msg=m["msg"].strip(), branch=m["branch"]))
    elif m := _COMMIT_MSG.search(step.command):
        parts.append(labels["committed_msg"].format(msg=m["msg"]))
    if m := _PR_URL.search(out):
        parts.append(labels["pr"].format(n=m["n"], url=m.group(0)))
    if parts:
        return "; ".join(parts), False
    if step.tool in WRITE_TOOLS or step.tool in EDIT_TOOLS:
        heading = HEADING.search(step.content)
        return labels["wrote"].format(path=step.path) + (
            f" ({clip(plain(heading.group(1)), 80)})" if heading else ""
        ), False
    lines = [_LOG_PREFIX.sub("", ln.strip()) for ln in out[-4000:].splitlines() if ln.strip()]
    confirmations = list(dict.fromkeys(clip(ln, 110) for ln in lines if _CONFIRMATION.match(ln)))[:3]
    if confirmations and not has_secret("\n".join(confirmations)):
        named = [c for c in confirmations if _ids(c)]  # "Created event 9d4f…" names what; "Sent!" does not
        return "; ".join(named or confirmations), not named
    if not step.command:
        summary = _summary_line(out)
        return step.tool + (f" → {summary}" if summary else ""), True
    changing = [raw for raw, w in step.segments if segment_effect(w, raw) == "change"]
    if changing and all(_PUSH.match(raw) for raw in changing):
        return "", True  # a push only carries the commits already named
    targets = [t for t in write_targets(step.command) if is_config(t)]
    if not changing and targets:
        return labels["wrote"].format(path=targets[0]), False
    shown = "; ".join(changing[:3]) or _short_command(step).strip("`")
    summary = _summary_line(out)
    return f"`{clip(shown, 120)}`" + (f" → {summary}" if summary else ""), True


def _summary_line(output: str) -> str:
    lines = [_LOG_PREFIX.sub("", ln.strip()).strip() for ln in _window(output[-4000:], 4000).splitlines()]
    lines = [ln for ln in lines if ln and not EXIT_CODE.search(ln)]
    return lines[-1] if lines and 12 <= len(lines[-1]) <= 140 else ""


def _is_ack(m: Msg) -> bool:
    """A user turn that only says yes, so the work before and after it is one stretch."""
    return bool(m.sentences) and bool(AGREE_START.match(m.cores[0] or m.sentences[0]))


#: Subcommands that only look (``kubectl get``, ``readerctl status``): a run of them does no work.
_LOOK_SUBS: Final = frozenset(
    {"get", "list", "ls", "status", "show", "describe", "logs", "log", "view", "info", "version", "help",
     "search", "query", "inspect", "top", "cat", "diff", "whoami", "env", "config", "ps", "test", "lint",
     "check", "typecheck"}
)  # fmt: skip
LOOK_SUBS: Final = _LOOK_SUBS


#: Programs whose effect the table reads from the script's name or the SQL: "read" is its answer.
_READ_KNOWN: Final = frozenset(
    {"python", "python3", "node", "ruby", "perl", "bash", "sh", "zsh", "deno", "bun", "php", "psql", "mysql",
     "mariadb", "sqlite3", "mongosh", "mongo", "clickhouse-client", "git"}
)  # fmt: skip


_FILTERS: Final = frozenset(
    {"grep", "egrep", "fgrep", "rg", "head", "tail", "jq", "awk", "cut", "sort", "uniq", "wc"}
)


def _opaque_work(step: Step) -> bool:
    """A command the effect table does not know (``fastlane supply``, ``make envoyer``, a project's
    own script) that ran something and passed: work, when the assistant then reports a result."""
    if step.effect != "read" or not step.command or step.failed or step.quiet or not _runs_something(step):
        return False
    if len(step.segments) > 1 and program(step.segments[-1][1]) in _FILTERS:
        return False  # output piped into a filter (``... | grep pdf/a``): a look
    return not any(
        program(words) in _READ_KNOWN or any(w in _LOOK_SUBS for w in words[1:5])
        for _, words in step.segments
    )


def _acts(step: Step) -> bool:
    return step.effect in ("change", "doc") or _opaque_work(step)


def _groups(ctx: Ctx) -> list[list[int]]:
    """Successful state-changing steps, cut at failures, at user turns that are more than a yes.

    A group holds at most ``MAX_GROUP`` distinct commands: the same command repeated (a loop, a
    poll) is one action however often it ran.
    """
    groups: list[list[int]] = []
    current: list[int] = []
    seen: set[str] = set()
    told = False  # the assistant reported on the work so far, asking nothing
    after_report = False  # a user turn came after such a report
    for m in ctx.msgs:
        if m.role == "assistant" and m.prose and not m.has_calls and current:
            told = not is_question(m.sentences[-1] if m.sentences else m.prose)
        cut = (m.role == "user" and not _is_ack(m)) or (
            m.step is not None and (m.step.failed or m.pos in ctx.in_chain)
        )
        if m.role == "user":
            after_report, told = told, False
        elif m.step is not None and after_report and _acts(m.step):
            # "Done." - "great, now the invoices": commands the effect table does not know start
            # (or end) a stretch of work at a turn that follows a report
            opaque = _opaque_work(m.step) or any(
                (s := ctx.msgs[p].step) is not None and _opaque_work(s) for p in current
            )
            if opaque and current and not cut:
                groups.append(current)
                current, seen = [], set()
            after_report = False
        if m.step is None or not _acts(m.step) or m.pos in ctx.used:
            if current and cut:
                groups.append(current)
                current, seen = [], set()
            continue
        key = m.step.command or f"{m.step.tool} {m.step.path}"
        if current and (cut or (key not in seen and len(seen) >= MAX_GROUP)):
            groups.append(current)
            current, seen = [], set()
        if not cut:
            current.append(m.pos)
            seen.add(key)
    return [*groups, current] if current else groups


#: A handle a tool hands back for what it made: letters and digits mixed (``evt_b31e07``,
#: ``QX7P2M``), or a bare id of four or more digits (``sent: 4833``); not a date, time or amount.
_NEW_HANDLE: Final = re.compile(
    r"(?<![\w./:-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9][\w-]{3,}(?![\w/.:-])|(?<![\w.,/:-])\d{4,}(?![\w.,/:-])"
)
#: A line of a tool's short answer that says it made or sent something.
_MADE_LINE: Final = re.compile(r"\b(?:created|saved|sent|booked|scheduled|added|held|reserved|OK)\b", re.I)


def _made_lines(ctx: Ctx, group: Sequence[int]) -> list[tuple[str, frozenset[str]]]:
    """The lines of ``group``'s short outputs that say a step made something and hand back a handle
    the conversation had not shown before (``created evt_b31e07``, ``HOLD OK ref QX7P2M``), with
    those handles: the thing made is a result of its own, beside the decision to make it."""
    found: list[tuple[str, frozenset[str]]] = []
    for p in group:
        step = ctx.msgs[p].step
        out = "" if step is None or step.quiet else step.output.strip()
        lines = [ln.strip() for ln in out.splitlines() if ln.strip()]
        if len(lines) > 3:
            continue
        made = [(ln, frozenset(_NEW_HANDLE.findall(ln))) for ln in lines if _MADE_LINE.search(ln)]
        if not any(handles for _, handles in made):
            continue
        seen = "\n".join(
            f"{m.prose}\n{m.step.command if m.step else ''}\n{m.step.output[:4000] if m.step else ''}"
            for m in ctx.msgs[:p]
        )
        found += [(" ".join(ln.split())[:110], h) for ln, h in made if h and any(x not in seen for x in h)]
    return found


def _listed_as_steps(ctx: Ctx, group: Sequence[int]) -> bool:
    """Whether the assistant, within the next two turns, writes every command of ``group`` as a
    numbered step (the user asked for the steps of what was just done)."""
    commands = [
        " ".join(s.command.split()) for p in group if (s := ctx.msgs[p].step) is not None and s.command
    ]
    if not commands or len(commands) < len(group):
        return False
    turns = 0
    for m in islice(ctx.msgs, group[-1] + 1, None):  # no copy of the rest of the range per group
        if m.role == "user":
            turns += 1
            if turns > 2:
                return False
        elif m.role == "assistant" and m.prose and STEP_START.search(m.prose):
            steps = " ".join(" ".join(x.split()) for x in numbered_steps(m.prose))
            if all(c in steps for c in commands):
                return True
    return False


def _printed(ctx: Ctx, group: Sequence[int], report: int) -> str:
    """What a group's runs printed, and the checks run after them before the report (its figures)."""
    shown = [*group, *(m.pos for m in ctx.msgs[group[-1] + 1 : report] if m.step is not None)]
    return "\n".join(s.output[-2000:] for p in shown if (s := ctx.msgs[p].step) and not s.quiet)


def group_rules(ctx: Ctx) -> None:
    """One outcome per stretch of work that changed something, led by the closing report's result."""
    stage: tuple[Draft, frozenset[str], frozenset[str]] | None = None  # the last outcome, to extend
    for group in _groups(ctx):
        sent = [p for p in group if (s := ctx.msgs[p].step) is not None and _sends_message(s)]
        if sent:
            # a message sent (the tool printed its message id) carries what was decided; it is no
            # result of its own: the decision the asking turn made cites it, and its report
            sent_at = set(sent)
            if (report := _report_after(ctx, sent[-1])) is not None:
                ctx.reported.add(report.pos)
                sent_at.add(report.pos)
            if (decided := _decision_of(ctx, ctx.last_user(sent[0]), sent_at)) is not None:
                decided.pos.update(sent)
            group = [p for p in group if p not in sent_at]
            if not group:
                continue
        if _listed_as_steps(ctx, group):
            continue  # a walk-through: the commands are the steps of a how-to, not a result of their own
        described = [_describe(s, ctx.labels) for p in group if (s := ctx.msgs[p].step) is not None]
        named = list(dict.fromkeys(d for d, echo in described if d and not echo))
        echoes = list(dict.fromkeys(d for d, echo in described if d and echo))
        pos = set(group)
        said_nothing = not named and not any(
            _summary_line(s.output) for p in group if (s := ctx.msgs[p].step) is not None and not s.quiet
        )
        chain = _checked_by_chain(ctx, group[-1])
        after = _report_after(ctx, group[-1]) if chain is not None and not said_nothing else None
        if chain is not None and (
            said_nothing or (after is not None and after.pos in chain.pos and not named)
        ):
            # "restart it and see that it comes back": the check's chain says how; so it does when
            # the agent's words after the check are that chain's account ("the restart didn't help")
            chain.pos.update(pos)
            continue
        report = _report_after(ctx, group[-1])
        said = ""
        if report is not None:
            said = _result_sentence(report, _printed(ctx, group, report.pos), known=" ".join(named))
            pos.add(report.pos)
            ctx.reported.add(report.pos)
        if (
            not said
            or (report is not None and _lays_out_options(ctx, report))
            or _asks_to_know(ctx, ctx.last_user(group[0]))
        ) and all(not (s := ctx.msgs[p].step) or _opaque_work(s) for p in group):
            if report is not None:
                ctx.reported.discard(report.pos)
            continue  # commands the effect table does not know, and no report of a result: no outcome
        trigger = ctx.last_user(group[0])
        if trigger is not None and (taken := _offer_taken(ctx, trigger)) is not None:
            taken.pos.update(pos)  # "Shall I email them the quote?" - "ok": the sending is that decision
            if not (made := _made_lines(ctx, group)):
                continue  # unless the tool answered with what it made: that is a result too
            named += [ln for ln, handles in made if not any(h in n for h in handles for n in named)]
        if trigger is not None and trigger in ctx.conditional:
            ctx.conditional[trigger].pos.update(pos)  # what the agent did waits on the open question
            continue
        if said:
            said = fit(said, 200)
            head = fit_all(named, 300 - len(said) - 2)
            text = join_parts([head, said])
        else:
            text = fit_all([*named, *echoes], 300)
        progs = _programs(ctx, group)
        ids = _stage_ids(text)
        if stage is not None and progs & stage[1] and ids & stage[2]:
            # the same tool taking the same artefact a stage further (uploaded, then promoted): one outcome
            stage[0].text = fit_all([stage[0].text, text], 300)
            stage[0].pos.update(pos)
            continue
        draft = ctx.add("outcome", text, pos)
        stage = (draft, progs, ids) if draft is not None and progs and ids else None
    _edit_rules(ctx)


_STAGE_ID: Final = re.compile(r"(?<![\w.])\d+(?:\.\d+){1,3}(?![\w.])|(?<![\w.])\d{3,}(?![\w.%])")


def _stage_ids(text: str) -> frozenset[str]:
    """Versions and build numbers an outcome names (``3.8.0``, ``3080``)."""
    return frozenset(_STAGE_ID.findall(text))


def _programs(ctx: Ctx, group: Sequence[int]) -> frozenset[str]:
    """The programs a group of steps ran (not shell plumbing)."""
    return frozenset(
        program(words)
        for p in group
        if (step := ctx.msgs[p].step) is not None
        for _, words in step.segments
        if program(words) not in TRIVIAL and program(words) != "git"
    )


def _edit_rules(ctx: Ctx) -> None:
    """A turn's work that was only edits of files the agent then reports on ("Changed to 50 € in
    banner.html"): one outcome, the report. A later turn that edits the same files again (the user
    corrected the value) replaces it: the file's state is what was last reported."""
    last: tuple[Draft, frozenset[str]] | None = None
    for i, user in enumerate(ctx.users):
        end = ctx.users[i + 1] if i + 1 < len(ctx.users) else len(ctx.msgs)
        seen = [m for m in ctx.msgs[user + 1 : end] if m.step is not None]
        # a file read to find the place, then edited, is part of the editing (other reads are not)
        edited = {m.step.path for m in seen if m.step is not None and m.step.effect == "code"}
        steps = [
            m
            for m in seen
            if m.step is None or m.step.failed or m.step.effect != "read" or m.step.path not in edited
        ]
        if not steps or any(
            s.step is None or s.step.failed or s.step.effect != "code" or not s.step.path or s.pos in ctx.used
            for s in steps
        ):
            last = None if seen else last
            continue
        report = ctx.prose_after(steps[-1].pos)
        if report is None or report.pos in ctx.reported or any(is_question(x) for x in report.sentences):
            last = None
            continue
        said = report.sentences[0] if report.sentences else ""
        if not said or len(said) < 12:
            last = None
            continue
        paths = frozenset(s.step.path for s in steps if s.step is not None)
        pos = {steps[-1].pos, report.pos}
        ctx.reported.add(report.pos)
        if (rule := _written_fact(ctx, user, steps)) is not None:
            rule.pos.update(pos)  # the user's rule put into the notes: that rule is what is kept
            last = None
            continue
        if last is not None and paths <= last[1]:
            last[0].text = fit(said, 300)  # the same files edited again: what they say now
            last[0].pos = pos
            continue
        wrote = next((d for d in ctx.drafts if d.kind == "outcome" and paths <= _paths(ctx, d)), None)
        if wrote is not None:  # a file an earlier outcome wrote, corrected: part of that outcome
            wrote.text = fit_all([wrote.text, said], 300)
            wrote.pos.update(pos)
            last = None
            continue
        draft = ctx.add("outcome", fit(said, 300), pos)
        last = (draft, paths) if draft is not None else None


#: What a mail or chat tool prints for one message it sent: "sent" and a message id
#: (``<20261130T1652.4471@host>``), or a JSON answer with a ``messageId``.
_SENT_LINE: Final = re.compile(
    r"^(?:message\s+)?sent\b[^\n]*<[^<>\s]+@[^<>\s]+>|\"message_?id\"\s*:", re.I | re.M
)


def _sends_message(step: Step) -> bool:
    """A step that sent one message: its whole output is the tool's short send confirmation."""
    out = "" if step.quiet else step.output.strip()
    return bool(out) and len(out) <= 300 and out.count("\n") <= 2 and bool(_SENT_LINE.search(out))


def _decision_of(ctx: Ctx, user: int | None, pos: set[int]) -> Draft | None:
    """The decision that the user turn ``user`` made, or that already cites one of ``pos``."""
    return next(
        (
            d
            for d in ctx.drafts
            if d.kind == "decision" and ((user is not None and user in d.pos) or not d.pos.isdisjoint(pos))
        ),
        None,
    )


def _written_fact(ctx: Ctx, user: int, steps: Sequence[Msg]) -> Draft | None:
    """The fact the user turn ``user`` stated that the edits wrote down (most words of the text they
    added are the fact's): writing it into a file keeps it, it is no result of its own."""
    added = {w for w in word_set(" ".join(s.step.content for s in steps if s.step is not None)) if len(w) > 3}
    if len(added) < 2:
        return None
    for d in ctx.drafts:
        if d.kind == "fact" and user in d.pos and len(added & word_set(d.text)) >= 0.6 * len(added):
            return d
    return None


def _offer_taken(ctx: Ctx, user: int) -> Draft | None:
    """The decision a user turn made by taking the single thing the assistant offered to do."""
    prev = ctx.prev_assistant(user)
    if prev is None or not ctx.offer(prev).single or ctx.offer(prev).options:
        return None
    return next(
        (
            d
            for d in ctx.drafts
            if d.kind == "decision" and user in d.pos and not d.text.startswith("Rejected")
        ),
        None,
    )


def _paths(ctx: Ctx, draft: Draft) -> frozenset[str]:
    return frozenset(s.path for p in draft.pos if (s := ctx.msgs[p].step) is not None and s.path)


def _lays_out_options(ctx: Ctx, m: Msg) -> bool:
    """The message puts alternatives to the user: what it says is a proposal, not a result."""
    offer = ctx.offer(m)
    return len(offer.options) >= 2 and (offer.choice or offer.asked)


def _checked_by_chain(ctx: Ctx, pos: int) -> Draft | None:
    """The outcome of a failure chain that starts right after the action at ``pos`` (before the user
    speaks again and before the assistant reports): the action's check, whose outcome tells it."""
    end = ctx.next_user(pos)
    for m in ctx.msgs[pos + 1 : end]:
        if m.role == "assistant" and m.prose and not m.has_calls:
            return None  # the assistant reported on the action first
        if m.pos in ctx.in_chain:
            return next((d for d in ctx.drafts if d.kind == "outcome" and m.pos in d.pos), None)
    return None


def _report_after(ctx: Ctx, pos: int) -> Msg | None:
    """The assistant's closing words after an action, if nothing else happened in between."""
    for m in ctx.after(pos):
        if m.step is not None and (m.step.failed or m.step.effect in ("change", "doc")):
            return None
        if m.role == "assistant" and m.prose and not m.has_calls:
            return m
    return None


# --- waits and reports -------------------------------------------------------------------------

#: A command run this many times in a row, nothing else in between, is a wait (a poll).
POLL_RUNS: Final = 3


def _polls(ctx: Ctx) -> list[list[int]]:
    """Runs of the same command identity one after the other (the agent only talking in between)."""
    out: list[list[int]] = []
    current: list[int] = []
    keys: frozenset[str] = frozenset()
    line: tuple[str, ...] = ()
    for m in ctx.msgs:
        step = m.step
        if step is not None and step.command and not _run(m).keys:
            continue  # ``sleep 30``, ``echo``: waiting between polls
        polled = _polled_line(step.segments) if step is not None and step.command else ()
        same = bool(polled) and bool(keys) and _run(m).keys == keys and polled == line
        if m.role == "user" or (step is not None and not same):  # a turn, an edit, another command
            if len(current) >= POLL_RUNS:
                out.append(current)
            current, keys = [], frozenset()
        if step is not None and step.command and _run(m).keys:
            keys, line = _run(m).keys, polled
            current.append(m.pos)
    if len(current) >= POLL_RUNS:
        out.append(current)
    return out


@memo(1024)
def _polled_line(segments: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """The commands a poll repeats, as written (``sleep``/``echo`` aside): a poll asks the same thing
    again; three different questions to one program (``python -c`` reading three sheets) are looks."""
    return tuple(" ".join(raw.split()) for raw, words in segments if program(words) not in TRIVIAL)


def wait_rules(ctx: Ctx) -> None:
    """A wait that ended (polled until the state changed): one outcome, what the agent reported then.

    The agent's report right after the last poll says it ("run 18762 succeeded"); without one, the
    last poll's own line does. A wait that ended in failure is a failure chain, not a wait.
    """
    for runs in _polls(ctx):
        last = ctx.msgs[runs[-1]].step
        if last is None or any(p in ctx.in_chain for p in runs) or _run(ctx.msgs[runs[-1]]).failed:
            continue
        if last.output.strip() == (ctx.msgs[runs[0]].step or last).output.strip():
            continue  # nothing changed while it was polled: a look, not a wait
        report = ctx.prose_after(runs[-1], text_only=False)
        said = _result_sentence(report, last.output) if report is not None else ""
        pos = {runs[0], runs[-1]}
        if said and report is not None:
            pos.add(report.pos)
            ctx.reported.add(report.pos)
            text = fit(said, 300)
            if report.has_calls and (then := _acted_on(ctx, report)) is not None:
                # "Run 07 is complete. Exporting ...": what the agent did with the awaited state
                text = fit_all([said, then[1]], 300)
                pos.add(then[0])
        else:
            line = _pass_line(last) or _summary_line(last.output)
            text = f"{_short_command(last)} → {line}" if line else ""
        ctx.used.update(runs)
        ctx.add("outcome", text, pos)


#: A shell loop that waits between its tries (``for i in 1 2 3; do ...; sleep 20; done``,
#: ``until ...; do sleep 5; done``): one command that polls by itself.
_LOOP: Final = re.compile(r"(?:^|[;&|(]\s*|\n\s*)(?:for|while|until)\s.*?;\s*do\b.*?\bsleep\s+\d", re.S)


def _state(line: str) -> str:
    """A printed state without its figures and times (``09:52 {"phase":"InProgress","done":12}``)."""
    return " ".join(re.sub(r"[\W\d_]+", " ", line).split())


def _loop_states(step: Step) -> tuple[str, str] | None:
    """The first and last state a polling loop printed, when the state changed while it polled."""
    if step.quiet or "sleep" not in step.command or not _LOOP.search(step.command):
        return None
    lines = [ln.strip() for ln in step.output[-4000:].splitlines() if ln.strip() and not EXIT_CODE.search(ln)]
    if len(lines) < 2 or _state(lines[0]) == _state(lines[-1]):
        return None  # one line (``200 200 200``), or nothing changed: a look, not a wait
    return lines[0], lines[-1]


def loop_waits(ctx: Ctx) -> None:
    """A wait inside one command (a shell loop polling with ``sleep``) that ended in another state
    than it began: one outcome, in the words of the agent's report after it, else the last line.

    The same wait as three runs of one command (``wait_rules``), written as one loop; one that ended
    in a failure state is left to the failure rules."""
    cited = {p for d in ctx.drafts if d.kind == "outcome" for p in d.pos}
    for m in ctx.msgs:
        step = m.step
        if step is None or m.pos in ctx.used or m.pos in ctx.in_chain or m.pos in cited:
            continue
        if _run(m).failed or (states := _loop_states(step)) is None or text_failure(states[1], step.command):
            continue
        if (keys := _run(m).keys) and any(
            x.step is not None and keys & _run(x).keys for x in ctx.after(m.pos)
        ):
            continue  # polled again before the user spoke: the wait had not ended
        report = ctx.prose_after(m.pos, text_only=False)
        said = _result_sentence(report, step.output) if report is not None else ""
        pos = {m.pos}
        if said and report is not None:
            pos.add(report.pos)
            ctx.reported.add(report.pos)
            text = fit(said, 300)
        else:
            text = f"{_short_command(step)} → {_words_clip(states[1], 110)}"
        ctx.used.add(m.pos)
        ctx.add("outcome", text, pos)


def _acted_on(ctx: Ctx, m: Msg) -> tuple[int, str] | None:
    """The first tool step of an assistant turn that talks and acts, when it passed: its own line."""
    step_msg = next((x for x in ctx.after(m.pos) if x.step is not None), None)
    step = step_msg.step if step_msg is not None else None
    if step_msg is None or step is None or step.failed or step.quiet or _run(step_msg).failed:
        return None
    line = _summary_line(step.output)
    return (step_msg.pos, line) if line and not has_secret(line) else None


def report_rules(ctx: Ctx) -> None:
    """Waits that ended, and assistant reports that repeat measured results from tool output, or name
    a root cause."""
    wait_rules(ctx)
    for m in ctx.msgs:
        if (
            m.role != "assistant"
            or m.has_calls
            or not m.prose
            or m.pos in ctx.reported
            or m.pos in ctx.in_chain
        ):
            continue
        cause = CAUSE.search(m.prose)
        numeric = RESULT_NUM.search(m.prose)
        results = result_sentences(m.prose) if numeric else []
        if not results and not cause:
            results = _measured(ctx, m) or _after_wait(ctx, m)
        if not cause and not results:
            continue
        sources = supporting_steps(ctx, m, results)
        if not sources and not (cause and any(p.step for p in ctx.before(m.pos))):
            continue  # numbers or a cause with no tool work behind them are talk, not an outcome
        if (
            not cause
            and sources
            and all(_only_read(s := ctx.msgs[p].step) and not _waited(s) for p in sources)
        ):
            continue  # figures a file holds, read back (to answer or to lay out options): data, not a result
        if _answers_lookup(ctx, m):
            continue  # the user asked, the agent read it up: an answer (a fact), not a result of work
        if not cause and _only_options(ctx, m, results) and (_lays_out_options(ctx, m) or _decided(ctx, m)):
            continue  # the figures are the options' (fares, prices) put to the user: an offer, not a result
        ctx.reported.add(m.pos)
        text = _diagnosis_text(m.prose) if cause else fit_all(results, 300)
        ctx.add("outcome", text, {*sources, m.pos})
    _fold_steps(ctx)
    one_per_saga(ctx)
    loop_waits(ctx)


def _fixed_on_the_way(ctx: Ctx, d: Draft) -> bool:
    """A failure the agent got past on the way to the work asked for: an outcome citing a failing
    run, not left open (must keep), whose only fix was installing what the run lacked (nothing of
    the user's was changed), after which the agent went on with tools in the same turn."""
    last = ctx.msgs[max(d.pos)]
    if last.step is None and not any(m.step is not None for m in ctx.after(last.pos)):
        return False
    return _installed_past(ctx, d)


def _passed(ctx: Ctx, pos: int) -> bool:
    step = ctx.msgs[pos].step
    return step is not None and not step.failed


def _installed_past(ctx: Ctx, d: Draft, install: bool = True) -> bool:
    """An outcome citing a failing run, not left open, whose only fix was installing what it lacked
    (or, not ``install``, that passed again with nothing changed: a switch, an encoding)."""
    if d.kind != "outcome" or d.must_keep:
        return False
    failed = [p for p in sorted(d.pos) if ctx.msgs[p].step is not None and _run(ctx.msgs[p]).failed]
    if not failed:
        return False
    steps = [
        s for m in ctx.msgs[failed[0] + 1 : max(d.pos) + 1] if (s := m.step) is not None and not s.failed
    ]
    return (not install or any(s.effect == "install" for s in steps)) and all(
        s.effect in ("install", "read", "check") for s in steps
    )


def _probe_set_up(ctx: Ctx, d: Draft, later: Draft) -> bool:
    """Whether ``d`` is a look at the user's data that failed and passed once what it lacked was
    installed (or a switch changed), and ``later`` works on the same file: that look was the first
    step of the work, however many turns the user took in between (to answer what it showed)."""
    failed = next((s for p in sorted(d.pos) if (s := ctx.msgs[p].step) is not None and s.failed), None)
    if failed is None or failed.effect != "read":
        return False
    files = _files(failed.command)
    return bool(files) and any(
        not files.isdisjoint(_files(s.command)) for p in later.pos if (s := ctx.msgs[p].step) is not None
    )


_FILE_WORD: Final = re.compile(r"[\w.-]+\.[A-Za-z]{2,5}\b")


def _files(command: str) -> frozenset[str]:
    """The file names a command line mentions (``budget.xlsx``), by their last part."""
    return frozenset(w.rsplit("/", 1)[-1] for w in _FILE_WORD.findall(command) if not w.startswith("."))


def _fold_steps(ctx: Ctx) -> None:
    """Within one exchange, a failure got past on the way (a missing module installed) is a step
    of the work the exchange ends with, not a result of its own: its citations join the next
    outcome of the same exchange (or a later one on the file it looked at, see ``_probe_set_up``)."""
    outcomes = [d for d in ctx.drafts if d.kind == "outcome"]
    if len(outcomes) < 2:
        return
    drop: list[Draft] = []
    for d in outcomes:
        if not _installed_past(ctx, d, install=False):
            continue
        end = max(d.pos)
        turn = ctx.last_user(min(d.pos)) if _fixed_on_the_way(ctx, d) and _installed_past(ctx, d) else -1
        later = [
            o
            for o in outcomes
            if o is not d
            and o not in drop
            and max(o.pos) > end
            and min(o.pos) >= min(d.pos)
            and (ctx.last_user(min(o.pos)) == turn or _probe_set_up(ctx, d, o))
        ]
        if later:
            nxt = min(later, key=lambda o: min(o.pos))
            # the look passed again later in another turn: its failing run and the words on it
            # join, not that pass (no stage of a release done over two turns)
            nxt.pos.update(p for p in d.pos if ctx.last_user(p) == turn or not _passed(ctx, p))
            drop.append(d)
    if drop:
        ctx.drafts[:] = _without(ctx.drafts, drop)


#: A user turn this short ("ok", "go on", "plugged in", "it's done?") carries the work on: no new request.
_CARRY_ON: Final = 8


def _saga_starts(ctx: Ctx) -> list[int]:
    """The user turns that ask for new work: every turn but the short ones that only carry it on."""
    return [p for p in ctx.users if _asks_anew(ctx.msgs[p].prose)]


def _asks_anew(prose: str) -> bool:
    """Longer than a carry-on; CJK text, written without spaces, by its characters."""
    if CJK.search(prose):
        return len("".join(prose.split())) > 2 * _CARRY_ON
    return len(tokens(prose)) > _CARRY_ON


def _steps_of(ctx: Ctx, d: Draft) -> list[Msg]:
    return [ctx.msgs[p] for p in sorted(d.pos) if ctx.msgs[p].step is not None]


def _objects(ctx: Ctx, d: Draft, last: bool = False) -> frozenset[str]:
    """The programs of its own an outcome's steps ran (``zpool``, ``restic``; not an interpreter);
    with ``last``, only its newest step's (what its report reads)."""
    steps = _steps_of(ctx, d)[-1:] if last else _steps_of(ctx, d)
    return frozenset(
        k.split()[0] for m in steps for k in _run(m).keys if k and k.split()[0] not in _READ_KNOWN
    )


def _looks_only(ctx: Ctx, d: Draft) -> bool:
    """An outcome whose steps only looked (a poll, a log tail, a status): a state of other work."""
    steps = _steps_of(ctx, d)
    return bool(steps) and all(
        m.step is not None and m.step.effect in ("read", "check") and not _opaque_work(m.step) for m in steps
    )


def _passes_again(ctx: Ctx, d: Draft, later: Draft) -> bool:
    """A failure left open (``d``) whose command ``later`` ran again, as written, and passed."""
    failed = {
        _norm_command(m.step.command)
        for m in _steps_of(ctx, d)
        if m.step and m.step.command and _run(m).failed
    }
    return bool(failed) and any(
        m.step is not None and not _run(m).failed and _norm_command(m.step.command) in failed
        for m in _steps_of(ctx, later)
    )


def _saga_join(first: Draft, then: Draft) -> str:
    """Two pieces of one saga in one sentence: the later (the end state) whole, the earlier as it fits."""
    room = MAX_TEXT - len(then.text) - 2
    head = fit_all([first.text], room) if room > 40 else ""
    return join_parts([head, then.text]) if head and len(head) <= room else then.text


def one_per_saga(ctx: Ctx) -> None:
    """What the agent did for one request is one outcome. Between two requests of the user, a piece
    of the work's story joins the outcome it belongs to: a poll or status read (only looks) joins the
    outcome about the same program or target, the later one first; a failure left open whose command
    later passed joins that later outcome. A poll also joins the outcome just before it across a
    side question of the user's. The end state decides whether it is left open."""
    starts = _saga_starts(ctx)
    sagas: dict[int, list[Draft]] = {}
    for d in ctx.drafts:
        if d.kind != "outcome" or not d.pos or all(ctx.msgs[p].role == "user" for p in d.pos):
            continue  # a user's own word ("all booked!") is no step of the agent's work
        sagas.setdefault(bisect_right(starts, min(d.pos)), []).append(d)
    work = sorted((d for g in sagas.values() for d in g), key=lambda d: min(d.pos))
    before = {id(d): work[i - 1] for i, d in enumerate(work) if i}
    drop: list[Draft] = []
    for group in sagas.values():
        group.sort(key=lambda d: min(d.pos))
        for d in group:
            live = [o for o in group if o is not d and all(o is not x for x in drop)]
            later = [o for o in live if min(o.pos) > min(d.pos)]
            into: Draft | None = None
            if d.must_keep:
                into = next((o for o in later if _passes_again(ctx, d, o)), None)
            elif _looks_only(ctx, d):
                mine = _objects(ctx, d, last=True)
                near = [o for o in later if mine & _objects(ctx, o)]
                near += [o for o in reversed(live) if o not in later and mine & _objects(ctx, o)]
                prev = before.get(id(d))
                if prev is not None and all(prev is not x for x in drop) and mine & _objects(ctx, prev):
                    near.append(prev)  # a side question asked meanwhile: the poll still reads that work
                into = near[0] if near else None
            if into is None:
                continue
            if min(into.pos) > min(d.pos):
                into.text = _saga_join(d, into)
            else:
                into.text = _saga_join(into, d)
                into.must_keep = into.must_keep and d.must_keep
            into.pos.update(d.pos)
            drop.append(d)
    drop += _one_report(ctx, _without(work, drop))
    drop += _acts_of_decisions(ctx, work)
    drop += _amendments(ctx, _without(work, drop))
    if drop:
        ctx.drafts[:] = _without(ctx.drafts, drop)


_HANDLE: Final = re.compile(r"(?<![\w.-])[A-Za-z]*-?\d{3,}\b")


def _makes(m: Msg) -> bool:
    step = m.step
    return (
        step is not None
        and not _run(m).failed
        and (_acts(step) or step.effect in ("code", "procedure_doc", "doc"))
    )


def _made_again(
    ctx: Ctx, m: Msg, made: dict[str, int], handles: list[tuple[int, frozenset[str]]]
) -> int | None:
    """Where the thing a passing step changes was first made, if earlier: the file it edits was
    written before, or its command names a handle an earlier step's output gave (``--replace 4417``
    after "saved (id 4417)")."""
    step = m.step
    if step is None or not _makes(m):
        return None
    if step.path:
        first = made.get(step.path)
        return first if first is not None and first < m.pos else None
    named = set(_HANDLE.findall(step.command))
    return next((p for p, got in handles if p < m.pos and named & got), None)


def _amendments(ctx: Ctx, work: Sequence[Draft]) -> list[Draft]:
    """An outcome that only changes again what the agent already made earlier in the range (the
    draft it saved, the file it wrote: "fixed, the draft now says the 21st") is that thing's
    amendment, carrying out the user's correction: it joins the outcome of the first making, as
    that thing's end state. With no such outcome it stays: it is the end state."""
    made: dict[str, int] = {}  # path -> first position that wrote it
    handles: list[tuple[int, frozenset[str]]] = []  # acting steps and the handles their output gave
    for m in ctx.msgs:
        if m.step is not None and _makes(m):
            if m.step.path:
                made.setdefault(m.step.path, m.pos)
            elif got := frozenset(_HANDLE.findall(m.step.output[:400])):
                handles.append((m.pos, got))
    out: list[Draft] = []
    for o in work:
        steps = _steps_of(ctx, o)
        if o.must_keep or not steps:
            continue
        firsts = [_made_again(ctx, m, made, handles) for m in steps]
        if any(f is None for f in firsts):
            continue  # it made something new
        into = next(
            (
                d
                for d in work
                if d is not o
                and all(d is not x for x in out)
                and {f for f in firsts if f is not None} & d.pos
            ),
            None,
        )
        if into is None:
            continue  # its first making gave no outcome: the amended thing's end state is this one
        into.text = _saga_join(into, o)
        into.pos.update(o.pos)
        out.append(o)
    return out


def _without(drafts: Sequence[Draft], drop: Sequence[Draft]) -> list[Draft]:
    """``drafts`` but those in ``drop`` (by identity: drafts are mutable, equal ones may both stand)."""
    gone = {id(d) for d in drop}
    return [d for d in drafts if id(d) not in gone]


def _report_of(ctx: Ctx, d: Draft) -> int | None:
    """The entry an outcome ends on when that is the agent's own words (its closing report)."""
    last = ctx.msgs[max(d.pos)]
    return last.pos if last.role == "assistant" and last.step is None and last.prose else None


def _own_part(a: str, b: str) -> str:
    """What ``a`` says before the words it ends with alike ``b``, cut back to a clause boundary."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    if n < 20:
        return ""
    head = a[: len(a) - n]
    cut = -1 if a[len(a) - n :].startswith("; ") else head.rfind("; ")
    return (head[:cut] if cut >= 0 else head).rstrip("; ")


def _one_report(ctx: Ctx, work: Sequence[Draft]) -> list[Draft]:
    """Two failure chains the agent closed with one report ("CI is green: ...") are one request's
    work told once: outcomes of one saga that end on the same assistant message are one outcome,
    the earlier's own part first, the shared report once. Must-keep when either is."""
    out: list[Draft] = []
    by_report: dict[int, Draft] = {}
    for o in sorted(work, key=lambda d: min(d.pos)):
        report = _report_of(ctx, o)
        if report is None:
            continue
        first = by_report.get(report)
        if first is None:
            by_report[report] = o
            continue
        head = _own_part(first.text, o.text)
        if head:
            joined = join_parts([fit_all([head], max(MAX_TEXT - len(o.text) - 2, 0)), o.text])
            first.text = joined if len(joined) <= MAX_TEXT else _saga_join(first, o)
        else:
            first.text = _saga_join(first, o)
        first.pos.update(o.pos)
        first.must_keep = first.must_keep or o.must_keep
        out.append(o)
    return out


def _acts_of_decisions(ctx: Ctx, work: Sequence[Draft]) -> list[Draft]:
    """A choice the agent then carried out is the decision: an outcome that passed and only says
    again what a decision citing the same entry says ("Done: the config now reads v2.3") is that
    decision's act; its citations join the decision."""
    decisions = [d for d in ctx.drafts if d.kind == "decision"]
    out: list[Draft] = []
    for o in work:
        if o.must_keep:
            continue
        words = word_set(o.text)
        for dec in decisions:
            if o.pos & dec.pos and len(words) >= 3 and len(words & word_set(dec.text)) >= 0.8 * len(words):
                dec.pos.update(o.pos)
                out.append(o)
                break
    return out


_DECIMAL: Final = re.compile(r"(?<![\d.,])\d+[.,]\d{2,}(?![\d.,]*\d)")


def _measured(ctx: Ctx, m: Msg) -> list[str]:
    """Sentences of a report that repeat the decimal figures the command just before it computed
    (``R² 0.991 ... 0.996`` from a fit): at least two figures in all, each sentence one or more."""
    if not _DECIMAL.search(m.prose):
        return []
    prev = next((x for x in ctx.before(m.pos) if x.step is not None), None)
    step = prev.step if prev is not None else None
    if step is None or not step.command or step.quiet or step.failed or not _runs_something(step):
        return []  # figures from a file read are data, not a measurement
    printed = {_digits(n) for n in _DECIMAL.findall(step.output[:4000])}  # 600.00 printed, 600,00 said
    said = [(s, len(printed & {_digits(n) for n in _DECIMAL.findall(s)})) for s in report_sentences(m.prose)]
    if sum(n for _, n in said) < 2:
        return []
    return [s for s, n in said if n]


def _after_wait(ctx: Ctx, m: Msg) -> list[str]:
    """Sentences of a report right after a look that waited first (``sleep 20; tail -2 backup.log``)
    that repeat two or more of the numbers that look printed: how the awaited work came out."""
    prev = next((x for x in ctx.before(m.pos) if x.step is not None), None)
    step = prev.step if prev is not None else None
    if step is None or step.quiet or step.failed or not _waited(step):
        return []
    printed = set(NUMBER.findall(step.output[-4000:]))
    said = [(x, len(printed & set(NUMBER.findall(x)))) for x in report_sentences(m.prose)]
    return [x for x, n in said if n >= 2][:2]


def measured_list(ctx: Ctx, m: Msg, items: Sequence[str]) -> bool:
    """A list the agent writes right after its tools ran, most of whose items repeat numbers those
    runs printed (``Lena Otto: brut 600,00 €`` after the sheet printed 600,00): results read off
    the work, not points of a plan to agree to."""
    if len(items) < 2 or ctx.msgs[m.pos - 1].step is None:
        return False
    printed: set[str] = set()
    for x in ctx.before(m.pos):
        if x.step is not None and not x.step.quiet and x.step.output:
            printed |= _digit_set(x.step.output[-4000:])
    hits = sum(1 for t in items if any(len(d) >= 3 and d in printed for d in map(_digits, NUMBER.findall(t))))
    return 2 * hits >= len(items)


@memo(1024)  # a tool's output is read again for every list and report after it: read it once
def _digit_set(text: str) -> frozenset[str]:
    """The digits of every number in ``text`` (see :func:`_digits`): how a report's figures are
    matched to what a tool printed."""
    return frozenset(_digits(n) for n in NUMBER.findall(text))


def _digits(number: str) -> str:
    """A number's digits: ``600,00`` as the agent writes it is ``600.00`` as the tool printed it."""
    return "".join(ch for ch in number if ch.isdigit())


def _only_read(step: Step | None) -> bool:
    """A step that only showed what a file or a listing holds (a file read, ``cat``, ``grep``); a
    search or another tool that looks things up is research, not a read-back."""
    if step is None:
        return True
    if not step.command:
        return bool(step.path) and step.tool not in WRITE_TOOLS and step.tool not in EDIT_TOOLS
    return step.effect == "read" and not _runs_something(step)


def _waited(step: Step | None) -> bool:
    """A look that first waits (``sleep 120; tail -n 2 run.log``): it reads how running work came
    out, not what a file holds."""
    return step is not None and bool(step.segments) and program(step.segments[0][1]) == "sleep"


def _decided(ctx: Ctx, m: Msg) -> bool:
    """Whether a decision cites ``m``: the user picked from what it listed."""
    return any(d.kind == "decision" and m.pos in d.pos for d in ctx.drafts)


def _only_options(ctx: Ctx, m: Msg, results: Sequence[str]) -> bool:
    """Whether every measured sentence of ``m`` is one of the options it lays out (a fare list),
    none a result stated before them ("pdfplumber gets 182/186; Recommendation: ...")."""
    texts = [plain(o.text) for o in ctx.offer(m).options]
    return bool(results) and all(any(r in t or t in r for t in texts) for r in results)


def _asks_to_know(ctx: Ctx, user: int | None) -> bool:
    """Whether the user turn ends on a question that asks to know something ("is there one before
    11?"), not for work ("can you book it?"): the tools run for it look the answer up."""
    if user is None:
        return False
    return any(
        (is_question(s) or WH.starts(s)) and not REQUEST.match(s)  # "how hot are the GPUs now, just curious"
        for s in ctx.msgs[user].sentences[-2:]
    )


def _answers_lookup(ctx: Ctx, m: Msg) -> bool:
    """Whether ``m`` answers the user's question after tool calls that only read (a file, a search)."""
    asker = ctx.last_user(m.pos)
    if asker is None or not _asks_to_know(ctx, asker):
        return False  # ("can you compare X and Y?" asks for work, not for a value)
    steps = [s for p in range(asker + 1, m.pos) if (s := ctx.msgs[p].step) is not None]
    return bool(steps) and all(s.effect == "read" and not s.failed for s in steps)


def result_sentences(prose: str) -> list[str]:
    """The measured part of a report: sentences with results or ratios, and its table rows."""
    lines = prose.splitlines()
    rows = {
        plain(" ".join(c.strip() for c in m.group(1).split("|") if c.strip()))
        for i, line in enumerate(lines)
        if (m := TABLE_ROW.match(line)) and not (i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1]))
    }  # (a row followed by a rule line is the table's header)
    return [s for s in report_sentences(prose) if RESULT_NUM.search(s) or s in rows]


def report_sentences(prose: str) -> list[str]:
    """Sentences and table rows of a report, minus questions and narration."""
    return list(_report_sentences(prose))


@memo(256)  # several rules read the same report
def _report_sentences(prose: str) -> tuple[str, ...]:
    out = []
    lines = prose.splitlines()
    for i, line in enumerate(lines):
        if "|" in line:
            header = i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1])
            if not TABLE_RULE.match(line) and not header:
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                out.append(plain(" ".join(c for c in cells if c)))
            continue
        out.extend(
            plain(s)
            for s in split_sentences(line)
            if not is_question(s) and not NARRATION.search(s) and not OFFER.search(s)
        )
    return tuple(out)


def supporting_steps(ctx: Ctx, m: Msg, results: Sequence[str]) -> list[int]:
    """Tool results in the same stretch of work whose numbers the report repeats."""
    # by their digits: ``578,40 €`` as a French report writes it is ``578.40`` as the tool printed it
    numbers = {d for s in results for d in _digit_set(s)}
    found: list[tuple[int, int]] = []
    for prev in ctx.before(m.pos):
        if len(found) >= 3:
            break
        if prev.step is None or prev.step.quiet or prev.step.failed:
            continue
        shared = len(numbers & _digit_set(prev.step.output[:4000]))
        if shared >= 2 or (not numbers and prev.step.effect == "read"):
            found.append((shared, prev.pos))
    return [p for _, p in sorted(found, reverse=True)]


def _diagnosis_text(prose: str) -> str:
    """The sentence that names the cause, with the list that spells it out."""
    lines = [ln.strip() for ln in prose.splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if CAUSE.search(ln)), 0)
    if lines[start].startswith("#") and start + 1 < len(lines):
        start += 1  # a "Root cause" heading: the cause is what follows it
    picked = [plain(lines[start])]
    for ln in lines[start + 1 :]:
        if not LIST_ITEM.match(ln) or RECOMMEND.search(ln) or OFFER.search(ln):
            break
        picked.append(plain(ln))
    return fit_all(picked, 300, " ")  # whole list items: a list is never cut through one
