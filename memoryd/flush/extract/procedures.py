"""Reusable how-tos: steps the user dictates in order, numbered steps the assistant writes in prose
or into a document (README, runbook), the steps a "remember this procedure" request points at, and
sequences of commands that ended in success and were asked for as a how-to or run twice.

A procedure keeps every step, in order: when the list is too long for one bullet, each step is
shortened (to its command, then at a clause or word boundary), never the list cut through.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.lexicon import NO, YES
from memoryd.flush.extract.markers import LEAD_FILLER, PLEASANTRY, PROCEDURE_WORD, REMEMBER, SEQUENCE
from memoryd.flush.extract.messages import Msg, Step
from memoryd.flush.extract.prose import (
    HEADING,
    MAX_TEXT,
    STEP_START,
    clip,
    has_steps,
    is_question,
    numbered_steps,
    plain,
    split_sentences,
)
from memoryd.flush.extract.shell import TRIVIAL, identity, program, segment_effect
from memoryd.flush.extract.tools import LOOK_SUBS
from memoryd.flush.memo import memo

_CODE: Final = re.compile(r"`([^`]+)`")


_CLAUSE_END: Final = re.compile(r"[;,:—–]\s|\s[-–—]\s")


#: A request for a how-to (small lexicon per language): the commands that answer it are the steps.
HOWTO: Final = re.compile(
    r"\b(?:steps|procedure|runbook|recipe|routine|checklist|how to|how (?:do|can|should|would) (?:i|we|you)|"
    r"write (?:(?:it|this|that|them) )?down|document (?:it|this|that|how)|anleitung|schritte|wie (?:ich|man|wir)|"
    r"étapes|marche à suivre|comment (?:faire|je|on)|pasos|instrucciones|cómo|procédure|procedimiento|procedura|"
    r"ablauf)\b|手順|方法|ランブック",
    re.I,
)


#: The head of a routine found because it ran again, per language.
_ROUTINE: Final = {
    "en": "Routine (run {n} times)",
    "de": "Ablauf ({n}-mal ausgeführt)",
    "es": "Rutina (ejecutada {n} veces)",
    "fr": "Routine (lancée {n} fois)",
    "it": "Procedura (eseguita {n} volte)",
    "ja": "手順（{n}回実行）",
}


#: The head of a release taken through its stages, per language.
_STAGED: Final = {
    "en": "Release steps, as run",
    "de": "Schritte der Auslieferung, wie ausgeführt",
    "es": "Pasos de la entrega, tal como se ejecutaron",
    "fr": "Étapes de la livraison, telles qu'exécutées",
    "it": "Passi del rilascio, come eseguiti",
    "ja": "リリース手順（実行した順）",
}


#: A request to keep the steps of what was just done (small lexicon per language).
_KEEP_STEPS: Final = re.compile(
    r"\b(?:write (?:(?:it|this|that|them|these|those)(?: steps)? )?down|document (?:it|this|that|them|how|the steps)|"
    r"(?:save|keep|note|record) (?:the|these|those) steps|(?:schreib|notier)\w* (?:dir )?(?:das|die schritte|es)|"
    r"(?:apunta|anota|escribe)\w* (?:los pasos|esto|eso)|(?:note|écris|garde)\w* (?:les étapes|ça))\b"
    r"|\b(?:save|keep|note|record|store|jot|write|document|remember|guarda|apunta|speicher|merk|garde|note)\w*\b"
    r"[^.?!\n]{0,30}\b(?:the|these|those|los|estos|die|diese|ces|les)\s+(?:steps|pasos|schritte|étapes)\b"
    r"|手順を(?:メモ|記録|書)",
    re.I,
)


#: Most steps a procedure lists before the rest is counted, not shown.
MAX_STEPS: Final = 12


def _short_step(step: str, room: int) -> str:
    """One step in at most ``room`` characters: whole, else its command, else cut at a clause or word."""
    step = " ".join(step.split())
    if len(step) <= room:
        return step
    codes = _CODE.findall(step)
    if codes and len(codes[0]) + 2 <= room:
        lead = step[: step.find("`")].rstrip(" :—-")
        label = f"{lead}: " if lead and len(lead) + len(codes[0]) + 4 <= room else ""
        return f"{label}`{codes[0]}`"
    if codes:  # the command alone is too long: shorten it inside its quotes
        return f"`{clip(codes[0], max(room - 2, 8))}`"
    cut = [m.start() for m in _CLAUSE_END.finditer(step, 0, room) if m.start() >= 12]
    return step[: cut[-1]] if cut else clip(step, room)


def compact_steps(head: str, steps: Sequence[str], limit: int = MAX_TEXT) -> str:
    """``head: 1) a 2) b 3) c`` within ``limit``: every step kept, each shortened as much as needed."""
    steps = [s for s in (" ".join(x.split()) for x in steps) if s]
    head = clip(head.rstrip(" :："), 90) if head else ""
    shown = steps[:MAX_STEPS]
    more = f" (+{len(steps) - len(shown)})" if len(steps) > len(shown) else ""
    prefix = f"{head}: " if head else ""

    def render(room: int) -> str:
        return prefix + " ".join(f"{i}) {_short_step(s, room)}" for i, s in enumerate(shown, 1)) + more

    text = render(limit)
    if len(text) > limit and len(head) > 50:  # a long head gives way first
        prefix = f"{clip(head, 50)}: "
        text = render(limit)
    room = max(len(s) for s in shown) if shown else 0
    while len(text) > limit and room > 12:
        room = int(room * 0.85)  # shorten every long step a little, keep the short ones whole
        text = render(room)
    return text if len(text) <= limit else clip(text, limit)


_NUMBERED_LINE: Final = re.compile(r"^[^\S\n]*\d{1,2}[.)]\s+(.+)$", re.M)


def _steps(text: str) -> list[str]:
    """Numbered steps, Markdown emphasis removed outside code spans (``__snapshots__`` stays as written)."""
    out = []
    for m in _NUMBERED_LINE.finditer(text):
        parts = m.group(1).split("`")
        out.append("`".join(p if i % 2 else _plain_keep_space(p) for i, p in enumerate(parts)).strip())
    return out


#: A step number inside running text ("... : 1) form to the office, 2) note to parents, ..."),
#: after a space, a colon, a semicolon, a comma or an opening bracket.
_INLINE_NUMBER: Final = re.compile(r"(?:^|(?<=[\s:;,(]))(\d{1,2})[.)]\s+")


_AND_END: Final = re.compile(r",?\s+(?:and|und|y|et|e)$")


def inline_steps(text: str) -> tuple[str, list[str]]:
    """Steps numbered 1, 2, 3 ... within one line of text, and what comes before the first: the
    lead and the steps (trailing commas and "and" off), or no steps when they do not count up."""
    marks = list(_INLINE_NUMBER.finditer(text))
    run: list[re.Match[str]] = []
    for m in marks:
        if int(m.group(1)) == len(run) + 1:
            run.append(m)
    if len(run) < 2:
        return "", []
    steps = []
    for i, m in enumerate(run):
        end = run[i + 1].start() if i + 1 < len(run) else len(text)
        step = _AND_END.sub("", text[m.end() : end].strip())
        steps.append(step.rstrip(",;").strip())
    lead = text[: run[0].start()].strip().rstrip(":：").strip()
    return lead, [s for s in steps if s]


def _plain_keep_space(text: str) -> str:
    if not text.strip():
        return text
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return lead + plain(text) + tail


def sequence_like(text: str) -> bool:
    """Ordered steps: "a, then b, then c" or "a -> b -> c"."""
    return len(SEQUENCE.findall(text)) >= 2


def attach_procedure(ctx: Ctx, m: Msg) -> None:
    """A "remember this procedure" request: the steps are in the file or list that comes next (or just came),
    else the commands that were just run and passed."""
    for para in m.paragraphs:  # "keep me the steps: 1) ..., 2) ..., 3) ...": they are in the request
        lead, steps = inline_steps(para)
        if len(steps) >= 3:
            ctx.add(
                "procedure", compact_steps(LEAD_FILLER.sub("", plain(lead)), steps), {m.pos}, must_keep=True
            )
            return
    before = reversed(ctx.msgs[max(0, m.pos - 6) : m.pos])
    for other in [*ctx.after(m.pos), *before]:  # (a list written out wins over the commands run)
        if other.step is not None and other.step.effect == "procedure_doc":
            ctx.add("procedure", _procedure_from_doc(other.step), {m.pos, other.pos}, must_keep=True)
            return
        if other.role == "assistant" and len(numbered_steps(other.prose)) >= 2:
            ctx.add("procedure", procedure_from_prose(other), {m.pos, other.pos}, must_keep=True)
            return
    start = ctx.last_user(m.pos)
    runs = _passing_commands(ctx, range(start + 1 if start is not None else 0, m.pos))
    if len(runs) >= 2:  # named after the task asked for before the work ("merk dir die Schritte" names none)
        asker = ctx.msgs[start] if start is not None else m
        pos = {m.pos, asker.pos, *(p for p, *_ in runs[:6])}
        ctx.add(
            "procedure",
            _procedure_from_runs(asker, runs) or _procedure_from_runs(m, runs),
            pos,
            must_keep=True,
        )


def _procedure_from_doc(step: Step) -> str:
    """The steps written to a document, under the heading just above them."""
    first = STEP_START.search(step.content)
    headings = HEADING.findall(step.content[: first.start()] if first else step.content)
    head = f"{plain(headings[-1])} ({step.path})" if headings else step.path
    return compact_steps(head, _steps(step.content))


def procedure_from_prose(m: Msg) -> str:
    header = plain(m.blocks[0].header if m.blocks else "").rstrip(":：")
    return compact_steps(header, _steps(m.prose))


def procedure_prose(ctx: Ctx, m: Msg) -> None:
    """Steps the user dictates in order ("`a`, then `b`, then `c`", "a -> b -> c", "the steps:
    1) ..., 2) ..., 3) ..." within a line)."""
    sequence, numbered = m.has(SEQUENCE), bool(STEP_START.search(m.prose))
    if not (sequence or numbered):
        if m.role == "user" and "1" in m.prose and ("2)" in m.prose or "2." in m.prose):
            _inline_prose_steps(ctx, m)
        return
    for para in m.paragraphs:
        if (m.has(REMEMBER) and REMEMBER.search(para)) or is_question(para):
            continue
        ordered = sequence and sequence_like(para) and (para.count("`") >= 4 or PROCEDURE_WORD.search(para))
        listed = numbered and has_steps(para) and PROCEDURE_WORD.search(para)
        if ordered or listed:
            steps = " ".join(s for s in split_sentences(para) if not PLEASANTRY.match(s))
            ctx.add("procedure", LEAD_FILLER.sub("", plain(steps)), {m.pos})


def _inline_prose_steps(ctx: Ctx, m: Msg) -> None:
    """A user turn that names steps and numbers three or more of them within a line."""
    for para in m.paragraphs:
        lead, steps = inline_steps(para)
        if len(steps) >= 3 and (PROCEDURE_WORD.search(lead) or _KEEP_STEPS.search(lead)):
            ctx.add("procedure", compact_steps(LEAD_FILLER.sub("", plain(lead)), steps), {m.pos})
            return


def assistant_how_to(ctx: Ctx, m: Msg) -> None:
    """Numbered steps the assistant writes in prose: under a how-to header, or asked for by the user.

    A list is a how-to when its header says so ("Release steps:") or when the user's turn it
    answers asked for one ("give me a routine", "wie ich ... zurückhole") and it has three steps.
    """
    if not STEP_START.search(m.prose) or not m.blocks or m.proposal:
        return  # (no numbered line: the cheap test first)
    steps = _steps(m.prose)
    asker = ctx.last_user(m.pos)
    asked = asker is not None and bool(
        PROCEDURE_WORD.search(ctx.msgs[asker].prose) or _KEEP_STEPS.search(ctx.msgs[asker].prose)
    )
    if not (PROCEDURE_WORD.search(m.blocks[0].header) and len(steps) >= 2) and not (
        asked and len(steps) >= 3
    ):
        return
    pos = {m.pos}
    text = procedure_from_prose(m)
    if asker is not None and asked:
        pos.add(asker)
        task = ctx.last_user(asker) if _KEEP_STEPS.search(ctx.msgs[asker].prose) else None
        if task is not None and (head := _task_of(ctx.msgs[task])):
            # "write down these steps" after the work: named after the task asked for before
            text = compact_steps(head, steps)
            pos.add(task)
    ctx.add("procedure", text, pos)


def doc_procedures(ctx: Ctx) -> None:
    """How-tos written into a document (README, runbook, CONTRIBUTING), command sequences the
    assistant offered to keep and the user took, and command sequences that passed and were asked
    for as a how-to or run again in a later turn."""
    for m in ctx.msgs:
        if m.step is not None and m.step.effect == "procedure_doc":
            ctx.add("procedure", _procedure_from_doc(m.step), {m.pos})
        elif m.step is not None and m.step.path and m.step.effect in ("code", "doc") and not m.step.failed:
            _inline_doc_steps(ctx, m)
        elif m.role == "assistant" and m.prose and not m.has_calls and "`" in m.prose:
            offered_steps(ctx, m)
    command_procedures(ctx)


def _inline_doc_steps(ctx: Ctx, m: Msg) -> None:
    """A how-to the user asked for ("write in how to start one"), written into a document as steps
    numbered within a line ("So startest du: 1. ... 2. ... 3. ..."): a procedure citing the ask."""
    step = m.step
    asker = ctx.last_user(m.pos)
    if step is None or asker is None or not HOWTO.search(ctx.msgs[asker].prose):
        return
    if not step.content or "1" not in step.content:
        return
    for line in step.content.splitlines():
        lead, steps = inline_steps(line)
        if len(steps) >= 3:
            head = plain(lead) or step.path
            ctx.add("procedure", compact_steps(f"{head} ({step.path})", steps), {asker, m.pos})
            return


def offered_steps(ctx: Ctx, m: Msg) -> None:
    """The commands just run, written out as numbered steps in an offer to keep them, and taken.

    "All passed. Shall I keep this as a runbook? 1. `a` 2. `b`" - "sure": one procedure, the
    steps in order, named after what the user asked to have done. Structure decides, not words:
    every step is a command that ran and passed since the user's turn, the turn asks, and the
    reply does not say no. The offer is then a procedure, not a decision: a decision or open
    question drafted from the same offer and reply gives way to it.
    """
    if not STEP_START.search(m.prose) or not m.asks:
        return
    asker = ctx.last_user(m.pos)
    reply = ctx.next_user(m.pos)
    if asker is None or reply >= len(ctx.msgs) or ctx.prose_after(m.pos, text_only=False) is not None:
        return  # (the assistant spoke again before the user answered: not the offer answered)
    steps = _steps(m.prose)
    commands = [c for s in steps for c in _CODE.findall(s)[:1]]
    if len(steps) < 2 or len(commands) < len(steps):
        return
    ran = {
        " ".join(s.command.split()): s.failed
        for p in range(asker + 1, m.pos)
        if (s := ctx.msgs[p].step) is not None and s.command
    }
    if any(ran.get(" ".join(c.split()), True) for c in commands):
        return  # a step that did not run here, or whose last run failed: not the work just done
    answer = ctx.msgs[reply]
    first = answer.sentences[0] if answer.sentences else answer.prose
    if not first or (NO.starts(first) and not YES.starts(first)) or is_question(first):
        return
    pos = {m.pos, reply}
    head = _task_of(ctx.msgs[asker])
    ctx.drafts[:] = [d for d in ctx.drafts if not (d.kind in _GIVES_WAY and pos <= d.pos)]
    ctx.reported.add(m.pos)
    ctx.answered.add(reply)
    ctx.add("procedure", compact_steps(head, steps), {asker, *pos})


#: Kinds drafted from an offer of steps that a procedure replaces.
_GIVES_WAY: Final = frozenset({"decision", "open_question"})


# --- procedures from the commands that were run -----------------------------------------------


def _acts(prog: str, words: Sequence[str]) -> bool:
    """A listing program told to change what it finds: ``find ... -delete`` / ``-exec`` is a step."""
    return prog == "find" and any(w in ("-delete", "-exec", "-execdir") for w in words)


def _passing_commands(ctx: Ctx, span: Sequence[int] | range) -> list[tuple[int, str, str]]:
    """The commands of a stretch of work that did something and whose last run passed, in order.

    Each command identity counts once (its last, passing run, at the place it first ran); reads of
    files and listings (``cat``, ``ls``, ``git status``) are not steps. A command whose last run
    failed means the stretch did not end in success: no steps.
    """
    seen: dict[tuple[str, str, str], tuple[int, int, str, bool]] = {}
    for p in span:
        step = ctx.msgs[p].step
        if step is None or not step.command:
            continue
        for key, raw in _step_ids(step.segments):
            first = seen[key][0] if key in seen else p
            seen[key] = (first, p, raw, step.failed)
    if any(failed for *_, failed in seen.values()):
        return []
    ordered = sorted((v, k) for k, v in seen.items())
    return [(last, f"`{clip(raw, 90)}`", f"{k[0]} {k[1]}") for (_, last, raw, _), k in ordered]


@memo(1024)
def _step_ids(
    segments: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[tuple[tuple[str, str, str], str], ...]:
    """The identity and text of each simple command of a shell line that can be a step (reads and
    listings left out): pure in the line, and each stretch of work asks again, so read once."""
    out = []
    for raw, words in segments:
        prog = program(words)
        if (prog in TRIVIAL and not _acts(prog, words)) or (
            prog == "git" and segment_effect(words, raw) == "read"
        ):
            continue
        out.append((identity(words), raw))
    return tuple(out)


def _stretches(ctx: Ctx) -> list[tuple[int, range]]:
    """Each user turn with the stretch of messages that answer it."""
    users = ctx.users
    return [
        (u, range(u + 1, users[i + 1] if i + 1 < len(users) else len(ctx.msgs))) for i, u in enumerate(users)
    ]


def _task_of(asker: Msg) -> str:
    """What the user asked to have done, as a procedure's head: the words before "and write down the
    steps" / ", can you walk me through it?"."""
    head = next((plain(s) for s in asker.sentences if not is_question(s) or HOWTO.search(s)), "")
    if not head and asker.sentences:
        first = plain(asker.sentences[0])  # "<task>, can you walk me through it?"
        head = first.rsplit(", ", 1)[0] if ", " in first and first.find(", ") >= 12 else ""
    if ": " in head and len(head.rsplit(": ", 1)[1]) >= 12:
        head = head.rsplit(": ", 1)[1]  # "let's do this: <task>"
    cut = [m.start() for m in (HOWTO.search(head), _KEEP_STEPS.search(head)) if m and m.start() >= 12]
    if cut:
        words = head[: min(cut)].split()
        if words and len(words[-1]) <= 3 and words[-1].isalpha():
            words.pop()  # the conjunction before the request ("and", "und", "y", "et")
        head = " ".join(words)
    head = head.split("?", 1)[0].split("？", 1)[0]
    return LEAD_FILLER.sub("", head.rstrip("?？!.,; ")).strip()


def _procedure_from_runs(asker: Msg, runs: Sequence[tuple[int, str, str]]) -> str:
    """The commands as steps, under what the user asked for."""
    return compact_steps(_task_of(asker), [cmd for _, cmd, _ in runs])


def _recap(ctx: Ctx, span: Sequence[int] | range, runs: Sequence[tuple[int, str, str]]) -> int | None:
    """The closing report of a stretch that names two or more of the commands it ran (program and
    subcommand, as run), in the order they ran, and asks nothing: the assistant wrote down the
    sequence."""
    report = next(
        (m for p in reversed(span) if (m := ctx.msgs[p]).role == "assistant" and m.prose and not m.has_calls),
        None,
    )
    if report is None or report.pos < runs[-1][0] or any(is_question(x) for x in report.sentences):
        return None  # an offer to keep the steps is read with its reply (``offered_steps``)
    low = report.prose.lower()
    at = -1
    named = 0
    for _, _, name in runs:
        if " " not in name.strip():
            continue  # a bare program name ("pytest") is talk about a tool, not a step
        found = low.find(name.strip().lower(), at + 1)
        if found < 0:
            continue
        if found <= at:
            return None
        at, named = found, named + 1
    return report.pos if named >= 2 else None


def _remote(target: str) -> bool:
    """A target on another machine: ``user@host:/path``, ``host:/path``, a URL."""
    return "://" in target or (":" in target and ("@" in target or "/" in target.split(":", 1)[1][:1]))


def _shipped_and_checked(ctx: Ctx, runs: Sequence[tuple[int, str, str]]) -> bool:
    """A stretch of at least three commands that passed, in which one sent the work to another
    machine (``rsync``/``scp`` to ``host:/path``) and the last probed that it is live (a passing
    check): a deploy done by hand, the steps of the next one."""
    if len(runs) < 3:
        return False
    last = ctx.msgs[runs[-1][0]].step
    if last is None or last.effect != "check" or last.failed:
        return False
    for p, *_ in runs[:-1]:
        step = ctx.msgs[p].step
        if step is None or step.effect != "change":
            continue
        if any(
            segment_effect(words, raw) == "change" and _remote(identity(words)[2])
            for raw, words in step.segments
        ):
            return True
    return False


def _staged_procedures(ctx: Ctx) -> None:
    """One outcome whose steps ran the same program in two user turns (a build uploaded, then
    promoted a turn later): a release taken through its stages. Every command that passed from the
    turn that started it to its last stage, in order, is its procedure."""
    for d in list(ctx.drafts):
        if d.kind != "outcome":
            continue
        turns: dict[str, set[int | None]] = {}
        for p in d.pos:
            step = ctx.msgs[p].step
            if step is None or not step.command or step.failed:
                continue  # a failed try and its retry are no two stages
            for _, words in step.segments:
                if any(w in LOOK_SUBS for w in words[1:4]):
                    continue  # ``zpool status`` polled across turns: a look, no stage of a release
                if (prog := program(words)) not in TRIVIAL and prog != "git":
                    turns.setdefault(prog, set()).add(ctx.last_user(p))
        if not any(len(t) >= 2 for t in turns.values()):
            continue
        last = max(p for p in d.pos if ctx.msgs[p].step is not None)
        start = min((u for t in turns.values() for u in t if u is not None), default=None)
        if start is None:
            continue
        runs = _passing_commands(ctx, range(start + 1, last + 1))
        if len(runs) >= 3:
            pos = {start, *(p for p, *_ in runs[:6]), last}
            # (not headed by the user's words: dedupe takes a shorter item whose words a longer one
            # holds, a to-do filed from the same turn, as that item's twin and drops the longer one)
            head = _STAGED.get(ctx.lang, _STAGED["en"])
            ctx.add("procedure", compact_steps(head, [cmd for _, cmd, _ in runs]), pos)


def command_procedures(ctx: Ctx) -> None:
    """Commands that passed as a procedure: asked for as a how-to, or the same sequence run twice."""
    cited = {p for d in ctx.drafts if d.kind == "procedure" for p in d.pos}
    by_shape: dict[tuple[str, ...], list[tuple[int, list[tuple[int, str, str]]]]] = {}
    before: tuple[int, list[tuple[int, str, str]]] | None = None  # the previous turn's work
    for user, span in _stretches(ctx):
        if user in cited or any(p in cited for p in span):
            before = None
            continue  # a how-to already written out for this turn
        runs = _passing_commands(ctx, span)
        asker = ctx.msgs[user]
        if len(runs) < 2 and before is None:
            continue  # no work here and none just before: nothing to ask steps of (no regex run)
        ask = asker.prose if asker.prose and not is_question(asker.prose) else ""
        keep = bool(ask) and bool(_KEEP_STEPS.search(ask))
        howto = keep or (len(runs) >= 2 and bool(ask) and bool(HOWTO.search(ask)))
        if keep and len(runs) < 2 and before is not None and before[0] not in cited:
            # "that worked, write down these steps": the steps are the work just done
            head = _procedure_from_runs(ctx.msgs[before[0]], before[1])
            # (asked for in so many words: kept like a remember request)
            ctx.add("procedure", head, {before[0], user, *(p for p, *_ in before[1][:6])}, must_keep=True)
            cited.update({user, before[0]})
            before = None
            continue
        before = (user, runs) if len(runs) >= 2 else None
        if len(runs) < 2:
            continue
        if (recap := _recap(ctx, span, runs)) is not None:
            # "same sequence next month: make a, then make b": the report names what ran, in order
            ctx.add("procedure", _procedure_from_runs(asker, runs), {user, recap, *(p for p, *_ in runs[:6])})
            cited.add(user)
            before = None
            continue
        if howto or _shipped_and_checked(ctx, runs):
            ctx.add("procedure", _procedure_from_runs(asker, runs), {user, *(p for p, *_ in runs[:6])})
            cited.add(user)
            before = None
            continue
        shape = tuple(name for *_, name in runs)  # the same programs and subcommands, in the same order
        by_shape.setdefault(shape, []).append((user, runs))
    if not any(d.kind == "procedure" for d in ctx.drafts):
        _staged_procedures(ctx)
    for uses in by_shape.values():
        if len(uses) < 2 or not any(
            (s := ctx.msgs[p].step) is not None and s.effect in ("change", "install") for p, *_ in uses[-1][1]
        ):
            continue  # reused, and it changes something: a routine worth keeping
        user, runs = uses[-1]  # as last run
        head = _ROUTINE.get(ctx.lang, _ROUTINE["en"]).format(n=len(uses))
        text = compact_steps(head, [cmd for _, cmd, _ in runs])
        ctx.add("procedure", text, {uses[0][0], user, *(p for p, *_ in runs[:6])})
