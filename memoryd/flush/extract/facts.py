"""Facts the user states: corrections of the agent, "remember" requests, conventions, preferences,
personal and environment facts (hosts, ports, versions)."""

from __future__ import annotations

from collections.abc import Sequence

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.markers import (
    ACK,
    AGREE_START,
    COMPLETION,
    CONVENTION,
    CORRECTION,
    CORRECTION_LEAD,
    ENV_ID,
    HARD_RULE,
    LEAD_FILLER,
    NO_START,
    NOT_REMEMBER,
    PERSONAL,
    PLEASANTRY,
    PROCEDURE_WORD,
    REMEMBER,
    REMEMBER_HEAD,
    REMEMBER_ONLY,
    REQUEST,
    SEQUENCE,
    STATE_VERB,
)
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.procedures import attach_procedure, sequence_like
from memoryd.flush.extract.prose import (
    QUESTION_END,
    has_secret,
    is_question,
    paragraphs,
    plain,
    split_sentences,
)
from memoryd.flush.items import Kind


def user_correction(ctx: Ctx, m: Msg, prev: Msg | None) -> bool:
    """The user telling the agent it got something wrong: a fact that must be kept."""
    if prev is None or not m.sentences or not (m.has(CORRECTION) or NO_START.match(m.prose)):
        return False
    head = LEAD_FILLER.sub("", m.sentences[0]) or m.sentences[0]
    strong = CORRECTION.search(head) or any(
        CORRECTION.search(s) for s in m.sentences[1:] if not is_question(s)
    )
    weak = NO_START.match(head) and not QUESTION_END.search(prev.prose)
    if not strong and not weak:
        return False
    said = [CORRECTION_LEAD.sub("", s) for s in m.sentences if not is_question(s) and not PLEASANTRY.match(s)]
    said = [s for s in said if s.strip() and not has_secret(s)]
    if not said:
        return False
    ack = ctx.prose_after(m.pos, text_only=False)
    pos = {m.pos, ack.pos if ack is not None and ACK.search(ack.prose) else prev.pos}
    ctx.add("fact", plain(" ".join(said)) + ctx.labels["correction"], pos, must_keep=True)
    return True


def remember_requests(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """Explicit "remember this" requests: a fact, or a procedure when the content is a sequence.

    The sentences read here are marked in ``used`` (indices into the message's sentences).
    """
    if not m.has(REMEMBER):
        return
    offset = 0
    for para in paragraphs(m.prose):
        sents = split_sentences(para)
        base, offset = offset, offset + len(sents)
        hit = next(
            (i for i, s in enumerate(sents) if REMEMBER.search(s) and not NOT_REMEMBER.search(s)), None
        )
        if hit is None:
            continue
        idx, body = _remembered(sents, hit)
        if PROCEDURE_WORD.search(sents[hit]) and len(SEQUENCE.findall(" ".join(body))) < 2:
            attach_procedure(ctx, m)  # "remember this runbook": the steps are written elsewhere
            used.add(base + hit)
            return
        if not body:
            continue
        text = LEAD_FILLER.sub("", plain(" ".join(body)))
        kind: Kind = "procedure" if sequence_like(text) else "fact"
        ctx.add(kind, text, {m.pos}, must_keep=True)
        used.update(base + i for i in [hit, *idx])
        return


def _remembered(sents: Sequence[str], hit: int) -> tuple[list[int], list[str]]:
    """What a remember request at ``sents[hit]`` refers to: (indices used, sentences to keep).

    "Remember that X." keeps X and what only explains it; a bare "Remember that." keeps the
    sentences before it (or, if there are none, after it).
    """
    s = sents[hit]
    if REMEMBER_ONLY.search(s) or not REMEMBER_HEAD.sub("", s).strip(" .,:"):
        idx = [i for i in range(hit) if not AGREE_START.match(sents[i]) and not PLEASANTRY.match(sents[i])]
        idx = idx or [i for i in range(hit + 1, len(sents)) if not PLEASANTRY.match(sents[i])]
        body = [sents[i] for i in idx]
    else:
        idx = []
        for i in range(hit + 1, len(sents)):
            if not _explains(sents[i]):
                break
            idx.append(i)
        body = [REMEMBER_HEAD.sub("", s), *(sents[i] for i in idx)]
    return idx, [b for b in body if b.strip() and not has_secret(b) and not REMEMBER_ONLY.search(b)]


def stated_facts(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """Conventions, preferences, personal and environment facts stated by the user."""
    if not (m.has(CONVENTION) or m.has(PERSONAL) or m.has(ENV_ID)):
        return
    sentences = m.sentences
    i = 0
    while i < len(sentences):
        s, i = sentences[i], i + 1
        if i - 1 in used or len(s) > 400 or is_question(s) or REMEMBER.search(s):
            continue  # (a pasted log or listing is not a statement)
        core = _strip_label(LEAD_FILLER.sub("", s))
        if not core or COMPLETION.search(core):
            continue
        stated = CONVENTION.search(core) or PERSONAL.search(core)
        env = ENV_ID.search(core) and STATE_VERB.search(core)
        if not (stated or env) or (REQUEST.search(core) and not stated) or has_secret(s):
            continue
        if i < len(sentences) and i not in used and len(core) < 120 and _continues(sentences[i]):
            core, i = f"{core} {sentences[i]}", i + 1
        ctx.add("fact", plain(core), {m.pos}, must_keep=bool(HARD_RULE.search(core)))


def _strip_label(s: str) -> str:
    """``A few things: I'm vegetarian`` -> ``I'm vegetarian``."""
    head, sep, rest = s.partition(":")
    short = len(head.split()) <= 3 and "`" not in head and not any(c.isdigit() for c in head)
    return rest.strip() if sep and rest.strip() and short else s


def _continues(sentence: str) -> bool:
    """A follow-up sentence that only explains the one before it."""
    markers = (CONVENTION, PERSONAL, REMEMBER, REQUEST, PLEASANTRY)
    return not (is_question(sentence) or has_secret(sentence) or any(p.search(sentence) for p in markers))


def _explains(sentence: str) -> bool:
    """A sentence that belongs to the remembered one: an explanation or a short emphasis ("No exceptions.")."""
    if is_question(sentence) or ENV_ID.search(sentence) or has_secret(sentence):
        return False
    return len(sentence.split()) <= 6 or _continues(sentence)
