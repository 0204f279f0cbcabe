"""Outcomes from tool work: failures and their fixes, actions that changed something, reports.

* A failing command opens a *failure chain*; a later run of the same program that succeeds
  closes it (failed, then fixed), a run failing with a different error closes it and opens the
  next, and a chain still open at the end is an unresolved failure (must keep).
* Successful state-changing actions (commits, PRs, deploys, configs and documents written) are
  grouped per stretch of work into one outcome, with the assistant's closing report.
* An assistant report that repeats measured numbers from tool output, or names a root cause, is
  an outcome too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.markers import (
    AGREE_START,
    CAUSE,
    EXPLAIN,
    LEAD_FILLER,
    NARRATION,
    NO_START,
    OFFER,
    RECOMMEND,
    RESULT_NUM,
    SUCCESS,
)
from memoryd.flush.extract.messages import Msg, Step
from memoryd.flush.extract.prose import (
    CJK,
    HEADING,
    LIST_ITEM,
    NUMBER,
    TABLE_ROW,
    TABLE_RULE,
    clip,
    has_secret,
    is_question,
    plain,
    quote_user,
    split_sentences,
)
from memoryd.flush.extract.shell import (
    EDIT_TOOLS,
    EXIT_CODE,
    TRIVIAL,
    WRITE_TOOLS,
    is_config,
    program,
    segment_effect,
    write_targets,
)

#: Most actions one outcome groups together (and cites).
MAX_GROUP: Final = 6


_ERROR_TOKEN: Final = re.compile(
    r"\b[A-Za-z_][\w.]*(?:Error|Exception|Timeout|NotAvailable|NotFound|Refused|Denied)\b|\bERR_[A-Z0-9_]+\b|"
    r"(?:FAILED|FAIL|ERROR)\s+([\w/.:\-\[\]>]+)|No space left on device|Permission denied|Connection refused|"
    r"command not found|does not exist|timed out|out of memory"
)


#: Searched on lower-cased output (``IGNORECASE`` makes ``re`` several times slower).
_ERRORISH: Final = re.compile(
    r"rror|xception|fail|err_|imeout|refused|denied|notfound|notavailable|fatal|cannot|can't|unable|timed out|"
    r"no space|not found|does not exist|out of memory"
)


_ERROR_STRONG: Final = re.compile(
    r"\b[A-Za-z_][\w.]*(?:Error|Exception)\b:|\berror [A-Z]+\d+|\bERR_[A-Z0-9_]+"
)


_ERROR_WORD: Final = re.compile(
    r"\b(?:error|fatal|failed|fail|cannot|can't|unable|denied|refused|timed out|no space left|not found)\b|"
    r"[A-Za-z](?:Error|Exception)\b|ERR_",
    re.I,
)


_LOG_PREFIX: Final = re.compile(
    r"^(?:\S+\t){1,3}|\d{4}-\d{2}-\d{2}T[\d:.]+Z\s*|^(?:INFO|DEBUG|WARN(?:ING)?|NOTICE)\s+\[[^\]]+\]\s*|^E\s+"
)


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


@dataclass(slots=True)
class _Chain:
    fails: list[int]
    sigs: set[str]
    identity: frozenset[str]
    end: int | None = None  # the step that ended it
    passed: bool = False


def _error_identity(output: str) -> frozenset[str]:
    """Names of what failed (exceptions, error codes, failing tests), to tell two failures apart."""
    lines = "\n".join(_error_lines(output))
    return frozenset((m.group(1) or m.group(0)).lower() for m in _ERROR_TOKEN.finditer(lines))


def _error_lines(output: str) -> list[str]:
    """Lines of a (long) output that mention an error, found in one scan."""
    text = output if len(output) <= 12000 else output[:3000] + "\n" + output[-9000:]
    low = text.lower()
    if len(low) != len(text):
        low = text  # lower-casing changed the length: search case-sensitively instead
    lines: dict[int, str] = {}
    for m in _ERRORISH.finditer(low):
        start = text.rfind("\n", 0, m.start()) + 1
        if start not in lines:
            end = text.find("\n", m.end())
            lines[start] = text[start : end if end >= 0 else len(text)]
    return list(lines.values())


def _find_chains(msgs: Sequence[Msg]) -> list[_Chain]:
    """Failing commands and the later run of the same program that passed (one pass over the steps)."""
    open_chains: list[_Chain] = []
    done: list[_Chain] = []
    for m in msgs:
        step = m.step
        if step is None or step.effect in ("code", "doc", "procedure_doc") or not step.sigs:
            continue
        matching = [c for c in open_chains if c.sigs & step.sigs]
        ident = _error_identity(step.output) if step.failed else frozenset()
        if step.failed:
            same = next((c for c in matching if not c.identity or not ident or c.identity & ident), None)
            if same is not None:  # the same failure again
                same.fails.append(m.pos)
                same.sigs |= step.sigs
                continue
        for c in matching:  # it passed now, or an earlier error is gone and a different one took its place
            c.end, c.passed = m.pos, not step.failed
            open_chains.remove(c)
            done.append(c)
        if step.failed:
            open_chains.append(_Chain([m.pos], set(step.sigs), ident))
    return sorted(done + open_chains, key=lambda c: c.fails[0])


def _error_line(step: Step) -> str:
    """The line of a failing output that says what went wrong."""
    if step.quiet:
        return "(output not quoted)"
    best, best_score = "", 0
    for raw in _error_lines(step.output):
        if len(raw) > 400 or not _ERROR_WORD.search(raw) or EXIT_CODE.search(raw):
            continue
        line = _LOG_PREFIX.sub("", _LOG_PREFIX.sub("", raw.strip())).strip()
        score = 3 if line.startswith("FAILED ") else 2 if _ERROR_STRONG.search(line) else 1
        if score > best_score:
            best, best_score = line, score
    if not best:
        lines = [ln.strip() for ln in step.output.splitlines() if ln.strip() and not EXIT_CODE.search(ln)]
        best = lines[-1] if lines else ""
    if (m := _ERROR_STRONG.search(best)) and m.start() > 0 and not best.startswith("FAILED"):
        best = best[m.start() :]
    return clip(best, 110)


def _short_command(step: Step) -> str:
    """The first non-trivial simple command, as written."""
    if not step.command:
        return step.path or step.tool
    raw = next((r for r, w in step.segments if program(w) not in TRIVIAL), step.command)
    return "`" + clip(raw, 80) + "`"


def _summary_line(output: str) -> str:
    lines = [_LOG_PREFIX.sub("", ln.strip()).strip() for ln in output[-4000:].splitlines()]
    lines = [ln for ln in lines if ln and not EXIT_CODE.search(ln)]
    return lines[-1] if lines and 12 <= len(lines[-1]) <= 140 else ""


def _pass_line(output: str) -> str:
    """The line of a passing run that says it passed ("12 passed in 0.38s", "All checks passed!")."""
    lines = [_LOG_PREFIX.sub("", ln.strip()).strip() for ln in output[-4000:].splitlines()]
    return next((clip(ln, 80) for ln in reversed(lines) if ln and SUCCESS.search(ln)), "")


def _explanation(ctx: Ctx, start: int, end: int) -> tuple[str, int | None]:
    """The assistant's account of a failure between ``start`` and ``end``.

    The first sentence that explains (because, so, root cause, ...) wins; failing that, the first
    statement the assistant made after the failure.
    """
    fallback: tuple[str, int | None] = ("", None)
    for m in ctx.msgs[start + 1 : end]:
        if m.role != "assistant" or not m.prose:
            continue
        for s in m.sentences:
            if NARRATION.search(s) or is_question(s) or LIST_ITEM.match(s) or len(s) < 15:
                continue
            if EXPLAIN.search(s):
                return clip(plain(s), 110), m.pos
            if fallback[1] is None:
                fallback = (clip(plain(s), 110), m.pos)
    return fallback


def _success_sentence(prose: str) -> str:
    """The sentence of a report that says the work succeeded ("CI is green", "復旧しました")."""
    for s in map(plain, split_sentences(prose)):
        if (len(s) < 12 and not CJK.search(s)) or s.rstrip().endswith((":", "：")):
            continue  # "Done:" introduces a list; the list itself says what was done
        if SUCCESS.search(s) and not is_question(s) and not NARRATION.search(s) and not LIST_ITEM.match(s):
            return clip(s, 80)
    return ""


def chain_rules(ctx: Ctx) -> None:
    for chain in _find_chains(ctx.msgs):
        end = chain.end if chain.end is not None else chain.fails[-1]
        ctx.in_chain.update(range(chain.fails[0], end + 1))
        ctx.used.update(
            m.pos for m in ctx.msgs[chain.fails[0] : end + 1] if m.step and m.step.effect != "read"
        )
        if chain.end is None:
            _unresolved(ctx, chain)
        else:
            _resolved(ctx, chain, chain.end)


def _resolved(ctx: Ctx, chain: _Chain, end: int) -> None:
    """A failure that went away: what failed, the agent's explanation, and the passing run."""
    first = ctx.msgs[chain.fails[0]].step
    assert first is not None
    text = ctx.labels["failed"].format(cmd=_short_command(first), err=_error_line(first))
    pos = {chain.fails[0]}
    fix, fix_pos = _explanation(ctx, chain.fails[0], end)
    if fix and fix_pos is not None:
        text += ctx.labels["fixed"].format(fix=fix)
        pos.add(fix_pos)
    changes = [
        m.pos for m in ctx.msgs[chain.fails[0] + 1 : end] if m.step and m.step.effect not in ("read", "check")
    ]
    pos.update(changes[:1])
    if chain.passed:
        pos.add(end)
        end_step = ctx.msgs[end].step
        report = ctx.prose_after(end, text_only=False)
        ok = _success_sentence(report.prose) if report else ""
        if report and ok:
            pos.add(report.pos)
            ctx.reported.add(report.pos)
        elif end_step and not end_step.quiet:
            ok = _pass_line(end_step.output)
        text += f"; {ok}" if ok else ""
    ctx.add("outcome", text, pos)


def _unresolved(ctx: Ctx, chain: _Chain) -> None:
    """A failure nothing fixed: what fails, the agent's reading of it, and what the user decided."""
    last = ctx.msgs[chain.fails[-1]].step
    assert last is not None
    text = ctx.labels["still"].format(cmd=_short_command(last), err=_error_line(last))
    pos = set(chain.fails)
    fix, fix_pos = _explanation(ctx, chain.fails[0], ctx.next_user(chain.fails[-1]))
    if fix and fix_pos is not None:
        text += f" ({clip(fix, 100)})"
        pos.add(fix_pos)
    report = ctx.prose_after(chain.fails[-1])
    if report is not None and report.pos + 1 < len(ctx.msgs) and ctx.msgs[report.pos + 1].role == "user":
        user = ctx.msgs[report.pos + 1]
        said = [NO_START.sub("", s).strip() for s in user.sentences if not is_question(s)][:2]
        if quote := quote_user(said, 130):
            text += " — " + ctx.labels["user"] + quote
            pos.update({report.pos, user.pos})
            ctx.reported.add(report.pos)
            ctx.answered.add(user.pos)
    ctx.add("outcome", text, pos, must_keep=True)


def _describe(step: Step, labels: dict[str, str]) -> str:
    """One action in a few words: commits and PRs by their ids, files by path, else the command."""
    out = "" if step.quiet else step.output
    parts: list[str] = []
    if m := _COMMIT_OUT.search(out):
        parts.append(labels["committed"].format(hash=m["hash"], msg=m["msg"].strip(), branch=m["branch"]))
    elif m := _COMMIT_MSG.search(step.command):
        parts.append(labels["committed_msg"].format(msg=m["msg"]))
    if m := _PR_URL.search(out):
        parts.append(labels["pr"].format(n=m["n"], url=m.group(0)))
    if parts:
        return "; ".join(parts)
    if step.tool in WRITE_TOOLS or step.tool in EDIT_TOOLS:
        heading = HEADING.search(step.content)
        return labels["wrote"].format(path=step.path) + (
            f" ({clip(plain(heading.group(1)), 80)})" if heading else ""
        )
    lines = [_LOG_PREFIX.sub("", ln.strip()) for ln in out[-4000:].splitlines() if ln.strip()]
    confirmations = [clip(ln, 110) for ln in lines if _CONFIRMATION.match(ln)][:4]
    if confirmations and not has_secret("\n".join(confirmations)):
        return "; ".join(confirmations)
    if not step.command:
        summary = _summary_line(out)
        return step.tool + (f" → {summary}" if summary else "")
    changing = [raw for raw, w in step.segments if segment_effect(w, raw) == "change"]
    if changing and all(_PUSH.match(raw) for raw in changing):
        return ""  # a push only carries the commits already named
    targets = [t for t in write_targets(step.command) if is_config(t)]
    if not changing and targets:
        return labels["wrote"].format(path=targets[0])
    shown = "; ".join(changing[:3]) or _short_command(step).strip("`")
    summary = _summary_line(out)
    return f"`{clip(shown, 120)}`" + (f" → {summary}" if summary else "")


def _is_ack(m: Msg) -> bool:
    """A user turn that only says yes, so the work before and after it is one stretch."""
    return bool(m.sentences) and bool(
        AGREE_START.match(LEAD_FILLER.sub("", m.sentences[0]) or m.sentences[0])
    )


def _groups(ctx: Ctx) -> list[list[int]]:
    """Successful state-changing steps, cut at failures, at user turns that are more than a yes."""
    groups: list[list[int]] = []
    current: list[int] = []
    for m in ctx.msgs:
        cut = (m.role == "user" and not _is_ack(m)) or (
            m.step is not None and (m.step.failed or m.pos in ctx.in_chain)
        )
        if current and (cut or len(current) >= MAX_GROUP):
            groups.append(current)
            current = []
        if m.step is not None and m.step.effect in ("change", "doc") and not cut and m.pos not in ctx.used:
            current.append(m.pos)
    return [*groups, current] if current else groups


def group_rules(ctx: Ctx) -> None:
    """One outcome per stretch of work that changed something."""
    for group in _groups(ctx):
        parts = [_describe(s, ctx.labels) for p in group if (s := ctx.msgs[p].step) is not None]
        pos = set(group)
        report = _report_after(ctx, group[-1])
        if report is not None:
            pos.add(report.pos)
            ctx.reported.add(report.pos)
            parts.append(_success_sentence(report.prose))
        trigger = ctx.last_user(group[0])
        if trigger is not None and trigger in ctx.conditional:
            ctx.conditional[trigger].pos.update(pos)  # what the agent did waits on the open question
            continue
        ctx.add("outcome", "; ".join(dict.fromkeys(p for p in parts if p)), pos)


def _report_after(ctx: Ctx, pos: int) -> Msg | None:
    """The assistant's closing words after an action, if nothing else happened in between."""
    for m in ctx.after(pos):
        if m.step is not None and (m.step.failed or m.step.effect in ("change", "doc")):
            return None
        if m.role == "assistant" and m.prose and not m.has_calls:
            return m
    return None


def report_rules(ctx: Ctx) -> None:
    """Assistant reports that repeat measured results from tool output, or name a root cause."""
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
        if not cause and not results:
            continue
        sources = supporting_steps(ctx, m, results)
        if not sources and not (cause and any(p.step for p in ctx.before(m.pos))):
            continue  # numbers or a cause with no tool work behind them are talk, not an outcome
        ctx.reported.add(m.pos)
        text = _diagnosis_text(m.prose) if cause else "; ".join(results)
        ctx.add("outcome", text, {*sources, m.pos})


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
    return out


def supporting_steps(ctx: Ctx, m: Msg, results: Sequence[str]) -> list[int]:
    """Tool results in the same stretch of work whose numbers the report repeats."""
    numbers = {n.replace(",", "") for s in results for n in NUMBER.findall(s)}
    found: list[tuple[int, int]] = []
    for prev in ctx.before(m.pos):
        if len(found) >= 3:
            break
        if prev.step is None or prev.step.quiet or prev.step.failed:
            continue
        shared = len(numbers & {n.replace(",", "") for n in NUMBER.findall(prev.step.output[:4000])})
        if shared >= 2 or (not numbers and prev.step.effect == "read"):
            found.append((shared, prev.pos))
    return [p for _, p in sorted(found, reverse=True)]


def _diagnosis_text(prose: str) -> str:
    """The sentence that names the cause, with the list that spells it out."""
    lines = [ln.strip() for ln in prose.splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if CAUSE.search(ln)), 0)
    if lines[start].startswith("#") and start + 1 < len(lines):
        start += 1  # a "Root cause" heading: the cause is what follows it
    picked = [lines[start]]
    for ln in lines[start + 1 :]:
        if not LIST_ITEM.match(ln) or RECOMMEND.search(ln) or OFFER.search(ln):
            break
        picked.append(ln)
    return plain(" ".join(picked))
