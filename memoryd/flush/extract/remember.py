"""Explicit "remember this" requests, "bear in mind ..." and statements the assistant says it will keep."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.corrections import slot_values
from memoryd.flush.extract.dialogue import task_sentence
from memoryd.flush.extract.fact_common import (
    VALUE,
    lead_stripped,
    only_explains,
    said_unprompted,
    sentence_case,
    stresses,
    strip_label,
    written_down,
)
from memoryd.flush.extract.lexicon import (
    DUE,
    FORGETFUL,
    LATER,
    OPEN,
    REFUSE,
    RULE,
    WH,
    Words,
    tokens,
)
from memoryd.flush.extract.lexicon import REMEMBER as REMEMBER_WORDS
from memoryd.flush.extract.markers import (
    AGREE_START,
    ENV_ID,
    LEAD_FILLER,
    NOT_REMEMBER,
    PLEASANTRY,
    PROCEDURE_WORD,
    REMEMBER,
    REMEMBER_HEAD,
    REMEMBER_ONLY,
    SEQUENCE,
    STATE_VERB,
    opens_request,
)
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.procedures import attach_procedure, sequence_like
from memoryd.flush.extract.prose import (
    capitalised_names,
    has_secret,
    is_question,
    paragraphs,
    plain,
    split_sentences,
)
from memoryd.flush.items import Kind

#: A label that files what follows for later: "for later: ...", "à retenir : ...", "para más adelante: ...".
#: Only as a label (a colon after it): "let's leave it for later" puts a question off.
_FOR_LATER: Final = re.compile(
    r"^\W*(?:note |notiz |nota )?(?:for later|für später|fürs nächste mal|para más adelante|para después|"
    r"para la próxima|à retenir|pour plus tard|pour la suite|pour la prochaine fois|per dopo|per la prossima volta|"
    r"da ricordare)\s*:",
    re.I,
)


#: The assistant saying it will keep what it was told: "I'll remember that", "Merke ich mir".
_KEPT: Final = Words(
    "remember|noted|i'll keep|keep that in mind|for the future|got it for later|i'll note|making a note",
    "merke|gemerkt|notiert|notiere|vermerkt|behalte ich",
    "recordaré|recordare|anotado|apuntado|lo anoto|lo apunto|lo tengo en cuenta|tomo nota",
    "souviendrai|noté|je retiens|retenu|je note|c'est noté",
    "ricorderò|annotato|segnato|preso nota|me lo segno|lo segno|terrò presente|lo terrò a mente|memorizzato",
)


_COURTESY: Final = re.compile(r"^(?:please|pls|bitte|por favor|s'il te plaît|stp|per favore)\b[,:]?\s*", re.I)


_THAT: Final = re.compile(r"\b(?:that|dass|que|che)\s+", re.I)


def remember_requests(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """Explicit "remember this" requests: a fact, or a procedure when the content is a sequence.

    The sentences read here are marked in ``used`` (indices into the message's sentences).
    """
    asked = (m.has(REMEMBER) or REMEMBER_WORDS.hit(m.prose)) and not (
        FORGETFUL.hit(m.prose) and not m.has(REMEMBER)
    )
    if _borne_in_mind(ctx, m, used):
        return  # "bear in mind X": X alone is the note, whatever the remember words say of the lead
    if asked and _remember_request(ctx, m, used):
        return
    _kept_by_reply(ctx, m, used)  # no remember word: the assistant's answer may say it was one


#: A sentence that opens by asking to bear something in mind: "also bear in mind the stopcock is ...",
#: "denk daran, dass ...", "ten en cuenta que ...", "garde en tête que ...".
_MIND: Final = re.compile(
    r"^(?:(?:and|also|oh|btw|please|so|und|auch|y|et|aussi|e|anche)[,\s]+)*(?:bear in mind|keep in mind|"
    r"denk daran|denke daran|behalte im kopf|ten en cuenta|tened en cuenta|ten presente|garde en tête|"
    r"garde à l'esprit|gardez en tête|tieni a mente|tieni presente|tenete presente)\b"
    r"(?:\s+(?:that|dass|que|qu'|che))?[\s:,]*",
    re.I,
)


def _borne_in_mind(ctx: Ctx, m: Msg, used: set[int]) -> bool:
    """ "also bear in mind the stopcock is under the stairs, not under the sink": what follows the
    words is kept (must keep), like a remember request."""
    for i, s in enumerate(m.sentences):
        head = _MIND.match(s)
        if i in used or head is None or is_question(s) or has_secret(s):
            continue
        said = s[head.end() :].strip()
        if len(tokens(said)) < 3 or REMEMBER.search(s):
            continue
        ctx.add("fact", sentence_case(plain(said).rstrip(" .")), {m.pos}, must_keep=True)
        used.add(i)
        return True
    return False


def _remember_request(ctx: Ctx, m: Msg, used: set[int]) -> bool:
    """``remember_requests`` for a turn that has a remember word: whether it kept something."""
    reply = ctx.prose_after(m.pos, text_only=False)
    if reply is not None and reply.sentences and REFUSE.hit(" ".join(reply.sentences[:2])):
        return True  # the assistant declined to keep it
    offset = 0
    for para in paragraphs(m.prose):
        sents = split_sentences(para)
        base, offset = offset, offset + len(sents)
        hit = next(
            (
                i
                for i, s in enumerate(sents)
                if (REMEMBER.search(q := _unquoted(s)) or (REMEMBER_WORDS.hit(q) and not _put_off(s)))
                and not NOT_REMEMBER.search(s)
                and not _RECALLS.search(s)
            ),
            None,
        )
        if hit is None:
            continue
        idx, body = _remembered(sents, hit)
        said = " ".join(body)
        if (
            PROCEDURE_WORD.search(sents[hit])
            and len(SEQUENCE.findall(said)) < 2
            and (
                not (STATE_VERB.search(said) and (VALUE.search(said) or "/" in said))
                or (is_question(sents[hit]) and written_down(ctx, m))
            )
        ):  # ("remember that the runbook lives in ops/RUNBOOK.md" says where it is: a fact; "can you jot
            # the steps down in budget/HOWTO.md?", and the agent writes it: the steps are the document's)
            attach_procedure(ctx, m)  # "remember this runbook": the steps are written elsewhere
            used.add(base + hit)
            return True
        if not body:
            continue
        text = lead_stripped(LEAD_FILLER.sub("", plain(" ".join(body))))
        asked = REMEMBER.search(text)
        if _points_back(text[asked.end() :] if asked else text):
            # "remember how we did that": the how is the work just done, if any
            attach_procedure(ctx, m)
            used.add(base + hit)
            return True
        dated = DUE.hit(text) and _points_only(sents[hit])  # ("... so by fri 4 dec. note that pls": a task)
        kind: Kind = (
            "procedure" if sequence_like(text) else "todo" if task_sentence(text) or dated else "fact"
        )
        ctx.add(kind, text, {m.pos}, must_keep=True)
        used.update(base + i for i in [hit, *idx])
        return True
    return False


#: Speaking of what one remembers ("I vaguely remember a limit of 30 pages", "ich erinnere mich an ...",
#: "recuerdo que ...", "je me souviens de ..."): a recollection, not a request to keep something.
_RECALLS: Final = re.compile(
    r"\b(?:i|we)\s+(?:\w+\s+)?(?:remember|recall)\b(?!\s+(?:to|that you|you))|\b(?:ich|wir)\s+erinnern?\b|"
    r"\b(?:recuerdo|recordamos|me acuerdo)\b|\b(?:je me souviens|nous nous souvenons)\b|"
    r"\b(?:mi ricordo|ricordo che|ci ricordiamo)\b",
    re.I,
)


#: A quoted name or title ("'The Ministry for the Future'", "«Pour mémoire»"): its words are a name's.
_QUOTED: Final = re.compile(
    r"(?<!\w)'[^']{2,80}'(?!\w)|\"[^\"]{2,80}\"|“[^”]{2,80}”|«[^»]{2,80}»|„[^“]{2,80}“"
)


def _unquoted(s: str) -> str:
    """``s`` with quoted names and titles blanked: a remember word inside a book's title asks nothing."""
    return _QUOTED.sub(" ", s) if ("'" in s or '"' in s or "“" in s or "«" in s or "„" in s) else s


def _put_off(s: str) -> bool:
    """ "let's leave the invoice template for later": an order to put something off, not to keep it."""
    return opens_request(s) and LATER.hit(s)


def _points_back(text: str) -> bool:
    """A remembered "how we did that" / "wie wir das gemacht haben": a question word and a few
    function words, no value, name or identifier. It points at what was done; it states nothing."""
    text = text.strip(" ,:;.!")
    toks = tokens(text)
    return (
        bool(toks)
        and len(toks) <= 6
        and WH.starts(text)
        and not VALUE.search(text)
        and not any(n for n in capitalised_names(text) if n != text.split()[0])
    )


def _kept_by_reply(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """A statement the assistant answers only by saying it will keep it ("I'll remember that.",
    "Merke ich mir.", "Lo recordaré."): however the user put it ("worth knowing: ...", "pour la
    suite : ..."), it was a remember request (must keep). Not when it answers options or an offer
    (that reply is a choice), nor a turn that asks (kept as open), nor a task with a who or a when.
    """
    nxt = ctx.msgs[m.pos + 1] if m.pos + 1 < len(ctx.msgs) else None
    if (
        nxt is None
        or nxt.role != "assistant"
        or nxt.has_calls
        or not nxt.prose
        or len(tokens(nxt.prose)) > 10
        or not (_KEPT.hit(nxt.prose) or (_FOR_LATER.match(m.prose) and len(tokens(nxt.prose)) <= 4))
        or REFUSE.hit(nxt.prose)
        or OPEN.hit(nxt.prose)
        or any(is_question(x) for x in m.sentences)
        or not said_unprompted(ctx, m)
        or any(d.kind == "fact" and d.must_keep and m.pos in d.pos for d in ctx.drafts[-4:])
    ):
        return  # ("should it run on Sundays? I'll ask" - "Noted as open": a question kept open; a
        # correction read from this turn already is what "Noted." took in)
    prev = ctx.prev_assistant(m.pos)
    if prev is not None and prev.sentences and is_question(prev.sentences[-1]):
        before = ctx.last_user(prev.pos)
        if before is not None and len(tokens(ctx.msgs[before].prose)) > 3:
            return  # "X has to be done" - "who takes it, and by when?" - "me, by the 10th": an answer
    said = [
        (i, strip_label(LEAD_FILLER.sub("", x), words=5))
        for i, x in enumerate(m.sentences)
        if i not in used and not is_question(x) and not has_secret(x) and not PLEASANTRY.match(x)
    ]
    said = [(i, x) for i, x in said if tokens(x)]
    ruled = next(
        (at for at, (i, x) in enumerate(said) if RULE.hit(x) or _RULE_LABEL.search(m.sentences[i])), 0
    )
    said = said[ruled:]  # ("Right. Not today then. Team rule: we never ...": the rule, not the talk before)
    if not said or len(said) > 3 or sum(len(tokens(x)) for _, x in said) < 3:
        return
    text = lead_stripped(plain(" ".join(x for _, x in said)))
    if task_sentence(text) or sequence_like(text) or DUE.hit(text):
        return  # a deadline makes it a task (the to-do rules read it)
    named = capitalised_names(text) or slot_values(text, names=True) or re.search(r"\b[A-Z]{2,}\b", text)
    if not (VALUE.search(text) or named or "`" in text or "/" in text or _FOR_LATER.match(m.prose)):
        return  # "I'm off to lunch" - "Noted.": nothing named, nothing to keep
    ctx.add("fact", sentence_case(text), {m.pos}, must_keep=True)
    used.update(i for i, _ in said)


#: A rule named as the head of what follows ("Team rule while we're at it: ...", "Regola per il gruppo: ...").
_RULE_LABEL: Final = re.compile(
    r"\b(?:rule|policy|regel|grundsatz|norma|regla|règle|regola|principio|principe)\b[^:.!?]{0,40}:", re.I
)


def _remembered(sents: Sequence[str], hit: int) -> tuple[list[int], list[str]]:
    """What a remember request at ``sents[hit]`` refers to: (indices used, sentences to keep).

    "Remember that X." keeps X and what only explains it; a bare "Remember that." keeps the
    sentences before it (or, if there are none, after it).
    """
    s = sents[hit]
    head, _, tail = s.rpartition(",")
    if (
        head
        and REMEMBER_WORDS.hit(tail)
        and not REMEMBER_WORDS.hit(head)
        and len(tokens(head)) <= 6
        and hit
        and not _states_value(head)
    ):
        s = "remember that."  # "..., just so you know" at the end points back at what was said before
    if hit and _points_only(s):  # "can you write that down somewhere", "note that pls": the point just made
        near = [hit - 1, hit - 2] if hit >= 2 and len(tokens(sents[hit - 1])) <= 5 else [hit - 1]
        idx = sorted(i for i in near if not AGREE_START.match(sents[i]) and not PLEASANTRY.match(sents[i]))
        if idx:
            return idx, [sents[i] for i in idx if sents[i].strip() and not has_secret(sents[i])]
    if REMEMBER_ONLY.search(s) or not REMEMBER_HEAD.sub("", s).strip(" .,:"):
        idx = [i for i in range(hit) if not AGREE_START.match(sents[i]) and not PLEASANTRY.match(sents[i])]
        idx = idx or [i for i in range(hit + 1, len(sents)) if not PLEASANTRY.match(sents[i])]
        body = [sents[i] for i in idx]
    else:
        idx = []
        for i in range(hit + 1, len(sents)):
            if not _explains(sents[i]) or _moves_on(sents[i]):
                break
            idx.append(i)
        body = [_request_stripped(REMEMBER_HEAD.sub("", s)), *(sents[i] for i in idx)]
    return idx, [b for b in body if b.strip() and not has_secret(b) and not REMEMBER_ONLY.search(b)]


def _states_value(head: str) -> bool:
    """ "our client number is CT-20931, remember that one": a short head that says what something is,
    with a number or an identifier in it, is itself what the request points at, not a lead-in."""
    return bool(STATE_VERB.search(head)) and any(c.isdigit() for c in head)


#: The words of a request to keep something that names nothing but a pointer to what was just said:
#: the asking, the keeping, "that" / "das" / "lo", "down", "somewhere", "please", "for later".
_POINTER_WORDS: Final = (
    "can could would will you please pls plz just also and so write jot note keep remember down up it that this "
    "somewhere for me mir bitte auch und das dies es schreib notier merk dir gleich mit auf irgendwo "
    "por favor y eso esto lo apunta anota apúntalo anótalo apúntate et ça cela le notez-le "
    "stp svp e questo quello segna segnalo annota annotalo per favore "
    "later the future später für fürs zukunft para luego después más adelante pour plus tard dopo più tardi futuro"
)
_POINTER_ONLY: Final = frozenset(_POINTER_WORDS.split())


def _points_only(s: str) -> bool:
    """Whether a remember request only points back ("can you write that down somewhere", "note that
    pls", "merk dir das gleich mit"): a few words, all of the asking and a pointer, none of a fact."""
    toks = tokens(s)
    return 1 < len(toks) <= 7 and all(t in _POINTER_ONLY for t in toks)


#: A note word at the head of a sentence: "FYI", "just so you know", "zur Info", "pour info", "per info".
_NOTE_LEAD: Final = re.compile(
    r"^\W*(?:just\s+)?(?:fyi|so you know|for the record|for your information|zur info|nur zur info|pour info|"
    r"per info|para tu información|per tua informazione)\b[,:;!.\s—–-]*",
    re.I,
)


def _request_stripped(s: str) -> str:
    """ "Just so you know for later, the docs are in X" -> "the docs are in X" (the request clause goes)."""
    s = _COURTESY.sub("", s)
    head, sep, rest = s.partition(":")
    if sep and REMEMBER.search(head) and len(tokens(rest)) >= 3 and not REMEMBER.search(rest):
        return rest.strip()  # "while I think of it, please hold on to this one: nobody ...": what follows
    head, sep, tail = s.rpartition(",")
    short_tail = sep and len(tokens(tail)) <= 5 and len(tokens(head)) >= 3
    if short_tail and REMEMBER.search(tail) and not REMEMBER.search(head):
        return head.strip()  # "the demo has a budget of 60 ms a token, keep that in mind": the request goes
    note = _NOTE_LEAD.match(s)
    if note is not None and len(tokens(re.split(r"[,:]", s[note.end() :], maxsplit=1)[0])) >= 4:
        return s[
            note.end() :
        ]  # "FYI Lena is on leave until April, Tom covers": the note word goes, not the fact
    marks = [i for i in (s.find(","), s.find(":")) if 0 <= i < 60]
    head, sep, rest = s.partition(s[min(marks)]) if marks else s.partition(":")  # (the first of the two)
    if sep and rest.strip() and len(tokens(head)) <= 8 and REMEMBER_WORDS.hit(head):
        return rest.strip()
    that = _THAT.search(s)  # "can you note that Ahmed sends it by Thursday?"
    if that and len(tokens(s[: that.start()])) <= 6 and REMEMBER_WORDS.hit(s[: that.end()]):
        return s[that.end() :].rstrip("?？ ")
    return s


def _moves_on(sentence: str) -> bool:
    """A sentence that leaves the remembered point: a word or two on its own that is no stress of it
    ("Anyway.", "Egal.", "Bref.", "Bueno."; not "No exceptions.", "Always."), or a new head with a colon and its
    topic ("The question I actually have: overhead.")."""
    words = tokens(sentence)
    if len(words) <= 2 and not (stresses(sentence) or RULE.hit(sentence)):
        return True
    _, sep, rest = sentence.partition(":")
    return bool(sep) and len(tokens(rest)) <= 3 and not RULE.hit(sentence)


def _explains(sentence: str) -> bool:
    """A sentence that belongs to the remembered one: an explanation or a short emphasis ("No exceptions.")."""
    if is_question(sentence) or ENV_ID.search(sentence) or has_secret(sentence):
        return False
    return len(sentence.split()) <= 6 or only_explains(sentence)
