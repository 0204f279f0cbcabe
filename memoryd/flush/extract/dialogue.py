"""Dialogue acts: an assistant proposal and the user's reply to it.

A proposal lays out alternatives or a multi-part plan and asks (or recommends). The reply agrees
(a decision, plus a ``Rejected:`` item when it turns an alternative down), defers (an open
question), makes the choice conditional (an open question), or rejects. Explicit ``TODO:`` /
``Open question:`` lines and "we decided ..." statements are read here too.
"""

from __future__ import annotations

from collections.abc import Sequence

from memoryd.flush.extract.context import Ctx, Draft
from memoryd.flush.extract.markers import (
    AGREE_ANY,
    AGREE_START,
    COMPLETION,
    CONDITIONAL,
    CONVENTION,
    DECIDED,
    DECIDED_NEEDLES,
    DEFER,
    DEFER_STRONG,
    EACH,
    EXPLICIT_PICK,
    LEAD_FILLER,
    NAMED_LABEL,
    NEGATIVE,
    NO_START,
    OFFER,
    OPEN_ANY,
    OPEN_LINE,
    OPEN_NEEDLES,
    ORDINAL,
    ORDINALS,
    OWN_DEFER,
    PERSONAL,
    PICK_INLINE,
    PICK_LABEL,
    PLEASANTRY,
    PROCEDURE_WORD,
    RECOMMEND,
    REJECT_CLAUSE,
    REJECT_STRONG,
    REMEMBER,
    RESULT_NUM,
    SIGN_OFF,
    STILL_OPEN,
)
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import (
    CJK,
    LIST_ITEM,
    QUESTION_END,
    Option,
    capitalised_names,
    clip,
    has_secret,
    is_question,
    paragraphs,
    plain,
    quote_user,
    split_sentences,
    word_set,
)
from memoryd.flush.extract.tools import report_sentences, result_sentences, supporting_steps


def _gist(m: Msg, limit: int = 170) -> str:
    """What a proposal proposes: its recommendation, else the list it proposes under its header."""
    for s in m.sentences:
        is_header = s.rstrip().endswith((":", "："))
        if (
            RECOMMEND.search(s)
            and not is_question(s)
            and len(s) > 25
            and not LIST_ITEM.match(s)
            and not is_header
        ):
            return clip(plain(s), limit)
    if not m.blocks:
        return clip(_question_topic(m.prose), limit)
    block = next(
        (b for b in m.blocks if RECOMMEND.search(b.header) or PROCEDURE_WORD.search(b.header)), m.blocks[-1]
    )
    header = plain(block.header).rstrip(":：")
    return clip((header + ": " if header else "") + "; ".join(o.text for o in block.items), limit)


def _option_named(sentence: str, options: Sequence[Option], first: bool) -> Option | None:
    """The one option a sentence names: by label ("A."), ordinal ("the second one") or its own words."""
    if not options:
        return None
    text = LEAD_FILLER.sub("", sentence.strip())
    if m := (PICK_LABEL.match(text) if first else None) or PICK_INLINE.search(text):
        hit = next((o for o in options if o.label == m.group("l").lower()), None)
        if hit:
            return hit
    if m := ORDINAL.search(text):
        idx = ORDINALS.get(next((g for g in m.groups() if g), "").lower(), 0)
        if -len(options) <= idx < len(options):
            return options[idx]
    words = word_set(text)
    scores = []
    for o in options:
        own = words & o.words.difference(*(p.words for p in options if p is not o))
        cjk = sum(1 for w in own if CJK.search(w))
        scores.append(((len(own) - cjk) + cjk / 2, o))  # CJK bigrams are weak evidence alone
    best = max(scores, key=lambda x: x[0])
    if best[0] < 1 or sum(1 for x in scores if x[0] == best[0]) > 1:
        return None
    return best[1]


def _question_topic(prose: str) -> str:
    """The open point in an assistant message: its closing question with the sentence before it."""
    paragraph = paragraphs(prose)[-1] if prose.strip() else ""
    sents = [s for s in split_sentences(paragraph) if not LIST_ITEM.match(s)]
    if not sents:
        return ""
    q = next((i for i in range(len(sents) - 1, -1, -1) if is_question(sents[i])), len(sents) - 1)
    short = len(sents[q]) + len(CJK.findall(sents[q])) < 60
    picked = sents[max(0, q - 1) : q + 1] if short else sents[q : q + 1]
    return plain(" ".join(p for p in picked if not PLEASANTRY.match(p)))


def read_reply(ctx: Ctx, m: Msg, prev: Msg, used: set[int]) -> None:
    """The user's answer to the assistant: agreement, rejection, deferral or a condition."""
    body = [s for i, s in enumerate(m.sentences) if i not in used] or list(m.sentences)
    first = LEAD_FILLER.sub("", body[0]) or body[0]
    agreed = bool(AGREE_START.match(first) or AGREE_ANY.search(first) or PICK_LABEL.match(first))
    deferred = [s for s in body if DEFER.search(s) and not SIGN_OFF.search(s)] if m.has(DEFER) else []
    options = prev.options if prev.proposal and prev.choice else ()
    own = [s for s in body if is_question(s)]
    parks = any(OWN_DEFER.search(s) and not is_question(s) for s in deferred)
    if deferred and own and (parks or not _answered(ctx, m)):  # the user raises a question and parks it
        ctx.add(
            "open_question", f"{plain(own[0])} — {ctx.labels['user']}{quote_user(deferred, 120)}", {m.pos}
        )
    elif deferred and (not agreed or DEFER.search(first)) and _invites_answer(prev, deferred):
        _open_question(ctx, m, prev, deferred)
    elif prev.proposal and agreed and CONDITIONAL.search(first):
        _open_question(ctx, m, prev, [first], options)
    elif prev.proposal and agreed and (earlier := _restated(ctx, prev)) is not None:
        earlier.pos.update({prev.pos, m.pos})  # a yes to the agreed plan restated is the same decision
    elif prev.proposal and (agreed or (not is_question(first) and _names_option(first, options))):
        _decision(ctx, m, prev, body, options)
    elif prev.recommends and EXPLICIT_PICK.search(first) and not is_question(first):
        _decision(ctx, m, prev, body, ())  # one recommendation, taken in so many words
    elif m.has(REJECT_STRONG) and (strong := [s for s in body if REJECT_STRONG.search(s)]):
        _rejection(ctx, m, prev, strong)
    elif prev.proposal and NO_START.match(first):
        _rejection(ctx, m, prev, body[:2])
    else:
        return
    facts = m.has(CONVENTION) or m.has(PERSONAL)
    used.update(i for i, s in enumerate(m.sentences) if i not in used and not (facts and _states_fact(s, i)))


def _states_fact(sentence: str, index: int) -> bool:
    """A sentence of a reply that also states a standing preference or rule ("Tom doesn't eat fish").

    Such sentences stay readable for the fact rules; in the reply's first sentence only when the
    marker is past its first clause (the first clause is the answer itself).
    """
    hit = CONVENTION.search(sentence) or PERSONAL.search(sentence)
    if hit is None or CONDITIONAL.search(sentence) or is_question(sentence):
        return False
    return index > 0 or "," in sentence[: hit.start()]


def _restated(ctx: Ctx, prev: Msg) -> Draft | None:
    """The decision an assistant message restates, when it only offers to carry it out.

    "Updated plan: ... Shall I write the list?" right after the user agreed restates the decision
    just made; the next yes confirms it rather than making a new one.
    """
    if prev.choice or not OFFER.search(paragraphs(prev.prose)[-1]):
        return None
    asker = ctx.last_user(prev.pos)
    return next(
        (
            d
            for d in reversed(ctx.drafts)
            if d.kind == "decision" and asker in d.pos and not d.text.startswith(ctx.labels["rejected"])
        ),
        None,
    )


def _answered(ctx: Ctx, m: Msg) -> bool:
    """Whether the assistant took up what the user at ``m`` asked (more than a short acknowledgement)."""
    reply = ctx.prose_after(m.pos, text_only=False)
    return reply is not None and (len(reply.prose) > 80 or len(reply.sentences) > 1)


def _by_label(sentence: str, options: Sequence[Option]) -> bool:
    """Whether a reply names its pick by label ("B.", "let's do A", "option 2")."""
    text = LEAD_FILLER.sub("", sentence.strip())
    m = PICK_LABEL.match(text) or PICK_INLINE.search(text)
    return m is not None and any(o.label == m.group("l").lower() for o in options)


def _names_option(sentence: str, options: Sequence[Option]) -> bool:
    """A short reply that just names one of the options ("the Ribeira flat")."""
    named = _option_named(sentence, options, first=True)
    return named is not None and len(sentence.split()) <= 12 and not REJECT_CLAUSE.search(sentence)


def _invites_answer(prev: Msg, deferred: Sequence[str]) -> bool:
    """A deferral counts when the agent asked or left something open, or the user defers outright."""
    tail = paragraphs(prev.prose)[-1]
    return bool(
        QUESTION_END.search(tail)
        or prev.recommends
        or STILL_OPEN.search(tail)
        or any(DEFER_STRONG.search(s) for s in deferred)
    )


def _decision(ctx: Ctx, m: Msg, prev: Msg, body: Sequence[str], options: Sequence[Option]) -> None:
    """An agreed proposal, and each alternative the reply turns down.

    A reply to a choice that names another option after its pick and judges it badly ("B would
    miss the export", "C just hides the problem") turns that option down too. A reply to a plan
    that takes up several of its points one by one is read point by point.
    """
    if not options and _point_by_point(ctx, m, prev, body):
        return
    chosen: list[Option] = []
    rejected: list[tuple[str, Option | None]] = []
    for i, sentence in enumerate(body):
        if REJECT_CLAUSE.search(sentence) and not DEFER.search(sentence):
            rejected.append((sentence, _named_by_label(sentence, options)))
        elif is_question(sentence) or DEFER.search(sentence):
            continue  # context or a postponement
        elif chosen and (other := _other_option(sentence, options, chosen)) is not None:
            if NEGATIVE.search(sentence):
                rejected.append((sentence, other))
            elif not _by_label(body[0], options):
                chosen.append(other)
        elif chosen and _by_label(body[0], options):
            continue  # the reply already named its pick by label: the rest is its reason
        elif (named := _option_named(sentence, options, first=i == 0)) is not None and named not in chosen:
            chosen.append(named)
    gist = "; ".join(o.text for o in chosen) if chosen else _gist(prev)
    reply = quote_user([s for s in body if not REMEMBER.search(s)], 140)
    ctx.add(
        "decision",
        f"{clip(gist, 150)} — {ctx.labels['user']}{reply}" if reply else gist,
        {prev.pos, m.pos},
        must_keep=True,
    )
    turned_down: set[str] = set()
    for sentence, named in rejected[:3]:
        option = named or _option_named(sentence, prev.options, first=False)
        if option is None and chosen and len(others := [o for o in options if o not in chosen]) == 1:
            option = others[0]
        if option is not None and (option in chosen or option.label in turned_down):
            continue
        if option is not None:
            turned_down.add(option.label)
        subject = f"{clip(option.text, 120)} — " if option else ""
        ctx.add(
            "decision",
            ctx.labels["rejected"] + subject + quote_user([sentence], 150),
            {prev.pos, m.pos},
            must_keep=True,
        )


def _named_by_label(sentence: str, options: Sequence[Option]) -> Option | None:
    """The option a sentence opens with by its label ("B would ...", "and C just ...")."""
    m = NAMED_LABEL.match(LEAD_FILLER.sub("", sentence.strip()))
    return next((o for o in options if m and o.label == m.group("l").lower()), None)


def _other_option(sentence: str, options: Sequence[Option], chosen: Sequence[Option]) -> Option | None:
    """An option other than the ones already picked that a later sentence of the reply names."""
    named = _named_by_label(sentence, options) or _option_named(sentence, options, first=False)
    return named if named is not None and named not in chosen else None


def _point_by_point(ctx: Ctx, m: Msg, prev: Msg, body: Sequence[str]) -> bool:
    """A reply that takes up the points of a plan one by one: one decision (or rejection) per point.

    It counts when the reply names three different points, or two when the plan asked about each.
    """
    points = prev.options
    if len(points) < 2:
        return False
    named: list[tuple[Option, list[str]]] = []
    for sentence in body:
        if is_question(sentence) or PLEASANTRY.match(sentence.strip()):
            continue
        point = _option_named(sentence, points, first=False)
        if point is not None and all(point is not p for p, _ in named):
            named.append((point, [sentence]))
        elif named and not DEFER.search(sentence):
            named[-1][1].append(sentence)  # more about the point just named
    asks_each = bool(EACH.search(paragraphs(prev.prose)[-1]))
    if len(named) < 3 and not (asks_each and len(named) >= 2):
        return False
    for point, said in named:
        rejects = any(REJECT_CLAUSE.search(s) or REJECT_STRONG.search(s) for s in said)
        prefix = ctx.labels["rejected"] if rejects else ""
        text = f"{prefix}{clip(point.text, 140)} — {ctx.labels['user']}{quote_user(said, 150)}"
        ctx.add("decision", text, {prev.pos, m.pos}, must_keep=True)
    return True


def _rejection(ctx: Ctx, m: Msg, prev: Msg, reason: Sequence[str]) -> None:
    """A flat no to what the assistant put forward, named by the assistant sentence it answers."""
    words = frozenset().union(*(word_set(r) for r in reason))
    best = max(report_sentences(prev.prose), key=lambda s: len(words & word_set(s)), default="")
    subject = f"{clip(best, 110)} — " if best and words & word_set(best) else ""
    ctx.add(
        "decision",
        ctx.labels["rejected"] + subject + quote_user(reason, 150),
        {prev.pos, m.pos},
        must_keep=True,
    )


def _open_question(ctx: Ctx, m: Msg, prev: Msg, said: Sequence[str], options: Sequence[Option] = ()) -> None:
    """A question left open: what was asked (or offered) and the user's reason for waiting."""
    pos = {prev.pos, m.pos}
    option = _option_named(said[0], options, first=True) if options else None
    topic = option.text if option else _question_topic(prev.prose)
    asker = ctx.last_user(prev.pos)
    if option is None and asker is not None:
        asked = [s for s in ctx.msgs[asker].sentences if is_question(s) and not has_secret(s)]
        if asked:
            topic = f"{plain(asked[0])} {topic}"
            pos.add(asker)
    results = result_sentences(prev.prose) if RESULT_NUM.search(prev.prose) else []
    if results:  # measurements that led to the question belong to it, not to a separate outcome
        pos.update(supporting_steps(ctx, prev, results))
    ctx.reported.add(prev.pos)
    draft = ctx.add("open_question", f"{clip(topic, 170)} — {ctx.labels['user']}{quote_user(said, 120)}", pos)
    if draft is not None and options:
        ctx.conditional[m.pos] = draft


def explicit_lines(ctx: Ctx, m: Msg, decisions: bool = True) -> None:
    """``TODO: ...`` / ``Open question: ...``, "we decided ...", and "all booked!" said outright.

    ``decisions`` is off when the turn was already read as a reply (its decision is made there).
    """
    opens = m.mentions(*OPEN_NEEDLES) and bool(OPEN_ANY.search(m.prose))
    decided = decisions and m.mentions(*DECIDED_NEEDLES) and bool(DECIDED.search(m.prose))
    completed = m.role == "user" and bool(COMPLETION.search(m.prose))
    if not (opens or decided or completed):
        return
    for line in m.prose.splitlines():
        if om := OPEN_LINE.match(line.strip()):
            _open_line(ctx, m, om.group("text"))
        elif m.role == "user" and (done := COMPLETION.search(line)):
            ctx.add("outcome", plain(line[done.start() :]), {m.pos})
        elif decided and DECIDED.search(line):
            for s in split_sentences(line):
                if DECIDED.search(s) and not is_question(s):
                    ctx.add("decision", plain(s), {m.pos}, must_keep=True)


def _open_line(ctx: Ctx, m: Msg, text: str) -> None:
    """An explicit open point joins the open question it names, or becomes one."""
    words = {w for w in word_set(text) if len(w) > 3 or any(c.isdigit() for c in w)}
    names = capitalised_names(text)
    hits = [
        d
        for d in ctx.drafts
        if d.kind == "open_question"
        and (names & capitalised_names(d.text) or len(words & word_set(d.text)) >= 2)
    ]
    for d in hits:
        d.pos.add(m.pos)
    if not hits:
        ctx.add("open_question", plain(text), {m.pos})
