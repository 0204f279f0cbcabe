"""Exchanges, the unit the dialogue rules read: a user turn, the assistant's turns after it, its tools.

What an assistant turn *offers* is read from its shape, not its vocabulary: alternatives laid out
as labelled, numbered or bulleted lines, or in running prose ("X or Y", "either ... or ...", "two
ways: X, or Y"); one of them recommended; a single thing offered ("I could switch this to Z, want
that?"); a question still waiting for an answer. Three or more alternatives told clause by clause
("X costs ...; Y comes in at ...; and then there's Z") are options too, each naming what the others
do not; a single offer that proposes another value for something the turn states ("set to 22:00
right now ... move it to sunset?") carries the contrast (``Offer.change``), read from parallel
wording (the same slot word or preposition before two different values), whatever the language.

Which option a reply means is read the same way: a label, an ordinal ("the one in between" for the
middle one), a comparative ("the cheaper one": the option with the smaller number), a quoted name
or an identifier that occurs in exactly one option, or words only that option has; a plain "yes"
means the option the assistant recommended.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from memoryd.flush.extract.lexicon import (
    BACK_REF,
    BEST,
    CHOICE,
    EITHER,
    LARGER,
    MIDDLE,
    OFFER,
    OR,
    ORDINALS,
    RECOMMEND,
    REVERSAL,
    SMALLER,
    SUGGEST,
    TARGET,
    WH,
    WHICH,
    WIDE_ORDINALS,
    token_set,
    tokens,
)
from memoryd.flush.extract.markers import STOPWORDS
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import (
    CJK,
    LIST_ITEM,
    TABLE_ROW,
    Option,
    alone_in,
    is_question,
    labelled_lines,
    paragraphs,
    plain,
    split_sentences,
    word_set,
)
from memoryd.flush.memo import memo


@dataclass(slots=True)
class Exchange:
    """A user turn (``None`` for what the assistant said before the first one) and what followed it."""

    user: Msg | None
    replies: list[Msg] = field(default_factory=list)  # assistant messages with prose
    steps: list[Msg] = field(default_factory=list)  # tool results

    @property
    def last_reply(self) -> Msg | None:
        return self.replies[-1] if self.replies else None


def exchanges(msgs: Sequence[Msg]) -> list[Exchange]:
    """The range cut into exchanges, in order (one pass)."""
    out: list[Exchange] = [Exchange(None)]
    for m in msgs:
        if m.role == "user":
            out.append(Exchange(m))
        elif m.role == "assistant" and m.prose:
            out[-1].replies.append(m)
        elif m.role == "tool":
            out[-1].steps.append(m)
    return out if out[0].replies or out[0].steps else out[1:]


@dataclass(frozen=True, slots=True)
class Offer:
    """What one assistant message puts to the user."""

    options: tuple[Option, ...] = ()  # alternatives, or the parts of one plan
    choice: bool = False  # the options are alternatives (pick one), not parts of a plan
    recommended: int | None = None  # the option the assistant recommends
    single: str = ""  # the one thing offered, when there are no alternatives
    question: str = ""  # the question the message closes with
    context: str = ""  # the sentence that introduces the options (header or the question)
    asked: bool = False  # the message asks or recommends (not only lists)
    groups: tuple[tuple[str, tuple[Option, ...]], ...] = ()  # several lists to pick from, with headers
    recommendation: str = ""  # the sentence that recommends, when it names no listed option
    favoured: int | None = None  # the option the closing prose names alone (what a plain yes takes)
    change: tuple[
        str, ...
    ] = ()  # a single offer's value: (the clause stating the current, current, proposed)


_INLINE_ENUM: Final = re.compile(
    r"(?:^|(?<=[\s:(,;]))\(?([1-9a-dA-D])\)\s+"
    r"|(?:^|(?<=[\s.;]))(?i:option|plan|variante|opción|opcion|choix)\s+([1-9A-Da-d])\s*[:.)]\s+"
    r"|(?<=[:;：]\s)([A-D])\s*[,:：]\s+"
)
#: "deux formules : A, ... ; B, ...": a capital letter and a comma after a colon or a semicolon
_LABEL_AFTER: Final = re.compile(r"[:;：]\s[A-D]\s*[,:：]\s")
_LABEL_PAREN: Final = re.compile(r"[1-9a-dA-D]\)")
_LABEL_WORD: Final = re.compile(r"(?i:option|plan|variante|opción|opcion|choix)\s+[1-9A-Da-d]\s*[:.)]")
_SIDE_SPLIT: Final = re.compile(
    r"\s*,?\s+(?:or|oder|o|u|ou|oppure)\s+(?!(?:so|more|less|two|three|así|más|menos|plus|moins|mehr|weniger)\b)"
    r"|\s*(?:または|それとも)\s*",
    re.I,
)  # "200 kg or so", "10 o más": an "or" that rounds a number joins no sides
_LIST_SPLIT: Final = re.compile(r"\s*[,;]\s*")
_LEAD_LABEL: Final = re.compile(r"^[^:：]{0,60}[:：]\s+")
_QUOTED: Final = re.compile(r"`([^`]+)`|\"([^\"]+)\"|“([^”]+)”|'([^'\s][^']*[^'\s])'|«\s*([^»]+?)\s*»")
_IDENT: Final = re.compile(
    r"[\w.+/-]*\d[\w.+/:-]*|[\w-]+\.[\w.-]+|[a-z]+[A-Z][\w-]*|[A-Z][a-z0-9]+[A-Z][\w-]*|[A-Z]{4,}|\S+/\S+"
)
_NUMBER: Final = re.compile(r"\d+(?:[.,]\d+)?")
_PRICE: Final = re.compile(r"[$€£¥]\s?(\d+(?:[.,]\d+)?)|(\d+(?:[.,]\d+)?)\s?(?:[$€£¥]|[A-Z]{3}\b)")
_LABEL_PICK: Final = re.compile(
    r"^\W*(?:(?:option|choice|plan|variante|opción|opcion|l'option|la opción)\s+)?(?P<l>[A-Da-d1-9])(?:\W|$)",
    re.I,
)
_LABEL_LEAD: Final = re.compile(
    r"^\W*(?i:(?:and|but|also|so|then|und|aber|also|y|pero|et|mais|donc)\s+)?(?P<l>[A-D1-9])[\s,.!:]+\w"
)
_QUESTION_LEAD: Final = re.compile(
    r"^(?:(?:should|shall|do|can|will|would|could)\s+(?:we|i|you)\s+|est-ce qu'on\s+|est-ce que\s+)", re.I
)
_RECOMMEND_LEAD: Final = re.compile(
    r"^(?:my (?:recommendation|suggestion|pick|vote)|recommendation|empfehlung|recomendación|recommandation)\s*[:：]\s*",
    re.I,
)
_LONE_DIGIT: Final = re.compile(r"(?<![\w.,:/#-])([1-9])(?![\w.:/%°-]|,\d)")  # "2, please"; not "2,5"
_LONE_LABEL: Final = re.compile(r"(?<![\w'’-])([A-D])(?![\w'’-])")
_LABEL_INLINE: Final = re.compile(
    r"\b(?:option|plan|choice|number|variante|vorschlag|nummer|opción|opcion|número|numéro|formule|fórmula|"
    r"formula)\s+(?:#\s?)?"
    r"(?P<l>[A-Da-d1-9]|one|two|three|four|eins|zwei|drei|vier|uno|dos|tres|cuatro|une?|deux|trois|quatre)\b"
    r"|(?:^|\s)#(?P<h>[1-9])\b"
    r"|\b(?:the|die|der|das|la|le|el|lo|l')\s*(?P<d>(?-i:[A-D]))(?![\w'’-])"  # "va pour la B"
    r"|\b(?:the|la|le|el|lo)\s+(?P<e>(?-i:[a-d]))(?![\w'’-])",  # "la b, pero ...": not "l'a", "die a"
    re.I,
)
_NUMBER_WORDS: Final = {
    "one": "1", "two": "2", "three": "3", "four": "4", "eins": "1", "zwei": "2", "drei": "3", "vier": "4",
    "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "un": "1", "une": "1", "deux": "2", "trois": "3",
    "quatre": "4",
}  # fmt: skip


def offer_of(m: Msg) -> Offer:
    """Read one assistant message: its options, the recommended one, a single offer, its question."""
    prose = m.prose
    quiet = "?" not in prose and "？" not in prose and not m.blocks and not RECOMMEND.hit(prose)
    if not prose or (
        quiet
        and not OR.hit(prose)
        and not BEST.hit(prose)
        and not labelled_lines(prose)
        and not (m.mentions(*_CORRELATIVE_NEEDLES) and not EITHER.singles.isdisjoint(token_set(prose)))
        and not (m.mentions(*_OTHER_NEEDLES) and _OTHER_AT.search(prose))
        and not (m.mentions(*_PAIR_NEEDLES) and (_BETWEEN_AT.search(prose) or _CONTRAST.search(prose)))
        and not (":" in prose and _LABEL_AFTER.search(prose))
    ):
        return Offer()  # nothing asked, listed or recommended: most reports end here
    paras = paragraphs(prose)
    if not paras:
        return Offer()
    tail = split_sentences(paras[-1])
    question = next((s for s in reversed(tail) if is_question(s) and not LIST_ITEM.match(s)), "")
    recommend = _recommending(m)
    labelled = bool(labelled_lines(m.prose))
    groups = _groups(m, labelled)
    if groups:
        header, listed = _main_group(groups, recommend)
        if not labelled and (named := _named_labels(listed)):
            listed, labelled = named, True  # "- **Opción B**: Scalable Capital FREE (...)"
            groups = [(header, listed)] if len(groups) == 1 else groups
        rec = _recommended(listed, recommend)
        choice = (
            labelled
            or WHICH.hit(question)
            or OR.hit(question)
            or rec is not None
            or CHOICE.hit(header)
            or len(groups) > 1
        )
        asked = bool(question) or rec is not None or recommend is not None
        if not choice and recommend is None and _asks_past_list(paras, tail, question, listed):
            return _tail_offer(m, tail, question, recommend)
        picks = tuple(groups) if len(groups) > 1 and choice else ()
        favoured = rec if rec is not None else _favoured(m, listed)
        return Offer(
            listed, bool(choice), rec, "", question, plain(header).rstrip(":："), asked, picks, "", favoured
        )
    if (pair := _one_and_other(m)) is not None:  # "One keeps ... The other groups ..."
        lead, opts = pair
        rec = _recommended(opts, recommend)
        return Offer(opts, True, rec, "", question, plain(lead).rstrip(":： ."), True, (), "", rec)
    prose_opts = _prose_options(m)
    paired = None
    segments = None
    if (question or recommend) and (
        prose_opts is None
        or (len(prose_opts[2]) < 3 and not _paired(prose_opts[0]) and not _bare(*prose_opts))
    ):
        segments = _segment_options(m)
    if segments is not None and prose_opts is not None and _before_closing(segments[2], prose_opts[0], tail):
        segments = None  # a report's clauses, then a closing "X or Y? Which one?": the closing sides
    if segments is not None:
        lead, _, opts, rec = segments
        if rec is None:
            rec = _recommended(opts, recommend)
        return Offer(opts, True, rec, "", question, plain(lead).rstrip(":： "), True, (), "", rec)
    if prose_opts is not None:
        sentence, lead, opts = prose_opts
        rec = _recommended(opts, recommend)
        if rec is None:
            rec = _asked_label(question, opts)
        if (
            is_question(sentence)
            or rec is not None
            or CHOICE.hit(lead)
            or WHICH.hit(question)
            or SUGGEST.hit(opts[0].text)  # "I could publish it on 8081 instead, or move the other one"
            or all(o.label.isalpha() for o in opts)  # "A, ...; B, ...": lettered alternatives
            or _OR_LABEL.search(m.prose) is not None  # "(1) ..., (2) ..., or (3) ...": alternatives
            or (paired := _between_sides(sentence) or _contrast_sides(sentence)) is not None
        ):  # "between A and B", "A ..., while B ...": the turn's closing sentence lays them out
            context = lead.rstrip(":： ") if lead and (len(opts) > 2 or paired) else sentence
            if _bare(sentence, lead, opts):
                context = _bare_topic(m, sentence, opts) or context
            asked_all = (
                question_groups(m) if is_question(sentence) else ()
            )  # "9:00 or 17:00? And email or SMS?"
            return Offer(opts, True, rec, "", question or sentence, context, True, asked_all)
    return _tail_offer(m, tail, question, recommend)


#: An "or" right before a label: "(1) ..., (2) ..., or (3) ...", "... ou (c) ...": the labels are alternatives.
_OR_LABEL: Final = re.compile(r"(?i:\b(?:or|oder|o|ou|oppure))\s+\(?[1-9a-dA-D]\)\s")
_ASKED_LABEL: Final = re.compile(r"\(([1-9a-dA-D])\)")


def _asked_label(question: str, options: Sequence[Option]) -> int | None:
    """The one inline option a closing yes/no question names again by its label ("Want me to do
    (b)?", "¿Hago la (b)?"): the option put to the user, which a plain yes or no answers."""
    if not question or OR.hit(question) or WHICH.hit(question):
        return None
    said = {x.lower() for x in _ASKED_LABEL.findall(question)}
    labels = [o.label for o in options]
    return labels.index(said.pop()) if len(said) == 1 and said <= set(labels) else None


def _tail_offer(m: Msg, tail: Sequence[str], question: str, recommend: str | None) -> Offer:
    """No alternatives: the one thing the closing paragraph offers, its question, a recommendation."""
    single = _single_offer(tail, question)
    change = None
    if question and not single and (proposed := _change_offer(tail, question)):
        change = _change(m.sentences, proposed)
        single = (
            proposed if change is not None else ""
        )  # "Happy to move it to sunset as well, if that helps?"
    elif single:
        change = _change(m.sentences, single)
    rec_text = _RECOMMEND_LEAD.sub("", plain(recommend)) if recommend else ""
    return Offer(
        (), False, None, single, question, "", bool(question or single or rec_text), (), rec_text, None,
        change if single and change is not None else (),
    )  # fmt: skip


def _asks_past_list(
    paras: Sequence[str], tail: Sequence[str], question: str, options: Sequence[Option]
) -> bool:
    """A list that reports (what was done, found, checked), then a closing paragraph that says
    something of its own and offers a next step in a question of its own ("#4812 sounds urgent.
    Shall I look at the scheduler first?"): the question is about that paragraph, not the list, so
    a yes agrees to no plan. A plan's list is put to the user by a bare question ("OK?", "Shall
    I?"), one that points back at it ("Want me to write this up?") or names a point of it."""
    if not question or len(paras) < 2 or any(LIST_ITEM.match(line) for line in paras[-1].splitlines()):
        return False
    at = list(tail).index(question)
    if not any(not is_question(s) and len(tokens(s)) >= 3 for s in tail[:at]):
        return False  # nothing said before the question: it asks about the list
    offers = OFFER.hit(question) or offers_self(question)
    if not offers or len(tokens(question)) <= 4 or WH.starts(question) or WHICH.hit(question):
        return False
    return (
        not OR.hit(question)
        and not BACK_REF.hit(question)
        and named_option(question, options, False, True) is None
    )


def _change_offer(tail: Sequence[str], question: str) -> str:
    """A yes/no question closing a turn that proposes a new value: the question, or (when it is only
    "Shall I?") the sentence before it."""
    if WH.starts(question) or WHICH.hit(question) or OR.hit(question):
        return ""
    i = list(tail).index(question)
    before = tail[i - 1] if i > 0 else ""
    if len(tokens(question)) <= 4:
        return before if before and not is_question(before) else ""
    return question


def proposed_value(tail: Sequence[str], question: str) -> tuple[str, str]:
    """The yes/no question's offer and the value it proposes after a preposition that puts a value
    on a slot ("move it *to* Chicago author-date as well") - ("", "") when there is none."""
    asked = _change_offer(tail, question)
    words = _clause_words(asked)
    for i in range(len(words) - 2, -1, -1):
        if TARGET.hit(words[i][0]) and (now := _run(words, i + 1)):
            return asked, " ".join(now)
    return "", ""


def _change(sentences: Sequence[str], offer: str) -> tuple[str, str, str] | None:
    """The value a single offer proposes against the one an earlier sentence of the turn states.

    Parallel wording, whatever the language: the same word in both ("set *to* 22:00" / "move it
    *to* sunset", "Rebalancing steht *auf* vierteljährlich" / "stelle ... *auf* jährlich um"),
    followed by a different value. Returns the clause that states the current value, the current value
    and the proposed one (each up to six words of one clause).
    """
    if not offer:
        return None
    new = _clause_words(offer)
    found = None
    for s in sentences:
        if s == offer or offer in s or is_question(s) or LIST_ITEM.match(s) or "|" in s:
            continue
        if s in offer:
            break
        old = _clause_words(s)
        flat = [w for w, _ in old]
        for i, (t, _) in enumerate(new[:-1]):
            if flat.count(t) != 1 or not (TARGET.hit(t) or (len(t) > 3 and t not in STOPWORDS)):
                continue  # the shared word is the slot ("Rebalancing") or a preposition ("to", "auf")
            j = flat.index(t)
            was, now = _run(old, j + 1), _run(new, i + 1)
            if now and (now[0] in _AND or OR.hit(now[0])):
                continue  # "with the request_id and a sample": the word is listed, no value put on it
            if was and now and now[0] != was[0] and now[0] not in flat and was[0] not in {w for w, _ in new}:
                clause = next((c for c in re.split(r"\s*[:;,]\s+", plain(s)) if was[0] in c.lower()), s)
                found = clause.strip(" .!"), " ".join(was), " ".join(now)  # the last such word wins
    return found


_AND: Final = frozenset(("and", "und", "y", "e", "et", "plus", "sowie"))


def _clause_words(text: str) -> list[tuple[str, bool]]:
    """Lower-cased words, each with whether a clause ends after it."""
    out = []
    for raw in plain(text).split():
        w = raw.strip(",;:.!?？()\"'“”«»").lower()
        if w:
            out.append((w, raw[-1:] in ",;:.!?？"))
    return out


def _run(words: Sequence[tuple[str, bool]], i: int) -> list[str]:
    """Up to six words from ``i`` that close their clause (a value ends a clause), else none."""
    out = []
    for k, (w, end) in enumerate(words[i : i + 6]):
        out.append(w)
        if end or i + k + 1 == len(words):
            return out
    return []


_NAMED_LABEL: Final = re.compile(
    r"^(?i:option|opción|opcion|variante|variant|choix|alternative|alternativa|möglichkeit|choice|plan)\s+"
    r"([A-Da-d1-9])\s*[:.)]\s*"
)


def _named_labels(options: Sequence[Option]) -> tuple[Option, ...]:
    """List items that each open with a label word and a letter ("Opción B: ..."), relabelled A, B, C."""
    found = [_NAMED_LABEL.match(o.text) for o in options]
    if len(options) < 2 or not all(found):
        return ()
    labels = [x.group(1).lower() for x in found if x]
    if len(set(labels)) < len(labels):
        return ()
    return tuple(
        Option(lab, o.text[x.end() :]) for lab, o, x in zip(labels, options, found, strict=True) if x
    )


def _groups(m: Msg, labelled: bool) -> list[tuple[str, tuple[Option, ...]]]:
    """The lists of a message that could be options: the labelled ones, else each short list."""
    if labelled:
        opts = m.options
        lines = m.prose.splitlines()
        first = next((i for i, line in enumerate(lines) if line in labelled_lines(m.prose)), 0)
        header = next((lines[i].strip() for i in range(first - 1, -1, -1) if lines[i].strip()), "")
        return [(header if len(header) < 120 else "", opts)] if len(opts) >= 2 else []
    rows = [line for line in m.prose.splitlines() if TABLE_ROW.match(line)]
    out = []
    for b in m.blocks:
        in_table = any(plain(b.items[0].text.split()[0]) in r for r in rows) if rows and b.items else False
        if 2 <= len(b.items) <= 8 and not in_table:
            out.append((b.header, b.items))
    return out


def _main_group(
    groups: Sequence[tuple[str, tuple[Option, ...]]], recommend: str | None
) -> tuple[str, tuple[Option, ...]]:
    """The list the recommendation names, else the last one."""
    if recommend is not None:
        for header, items in groups:
            if named_option(recommend, items, first=False) is not None:
                return header, items
    return groups[-1]


def _recommending(m: Msg) -> str | None:
    """The sentence in which the assistant recommends something, outside any list.

    A recommending word ("I'd go with", "empfehle"), or a comparative of "good" ("X is the better
    fit", "am besten") in a sentence that is not a list item.
    """
    listed = {o.text for o in m.options}
    if not RECOMMEND.hit(m.prose) and not (listed and BEST.hit(m.prose)):
        return None
    for s in m.sentences:  # (a comparative counts when it names one listed option)
        if LIST_ITEM.match(s) or is_question(s) or plain(s) in listed:
            continue
        if RECOMMEND.hit(s) or (BEST.hit(s) and named_option(s, m.options, first=False) is not None):
            return s
    return None


_CLOSING: Final = 8


def _favoured(m: Msg, options: Sequence[Option]) -> int | None:
    """The option that the closing prose (after the list, not a question) names alone.

    "Redis is the better fit here." after a list of three stores recommends Redis, whatever the verb.
    Only the paragraph's last sentences close it: a pasted table of a thousand rows is one paragraph,
    and naming an option in each of its rows against each option was quadratic.
    """
    tail = split_sentences(paragraphs(m.prose)[-1])[-_CLOSING:]
    for s in reversed(tail):
        if LIST_ITEM.match(s) or is_question(s) or any(s.strip() == o.text for o in options):
            continue
        idx = named_option(s, options, first=False)
        if idx is not None:
            return idx
    return None


def _recommended(options: Sequence[Option], sentence: str | None) -> int | None:
    if sentence is None:
        return None
    return named_option(sentence, options)


def _inline_options(m: Msg) -> tuple[str, str, tuple[Option, ...]] | None:
    """Alternatives enumerated inside a sentence: "Two options: 1) migrate to 16, 2) stay on 14"."""
    for para in reversed(paragraphs(m.prose)):
        low = para.lower()
        worded = any(
            k in low for k in ("option", "plan", "variante", "opci", "choix")
        ) and _LABEL_WORD.search(para)
        if not (")" in para and _LABEL_PAREN.search(para)) and not worded and not _LABEL_AFTER.search(para):
            continue  # no "1)", "b)", "option 2:", ": A," in it: skip the costly enumeration pattern
        marks = list(_INLINE_ENUM.finditer(para))
        labels = [(x.group(1) or x.group(2) or x.group(3)).lower() for x in marks]
        if len(set(labels)) < len(marks):
            marks, labels = _listed_marks(para, marks, labels)
        if len(marks) < 2:
            continue
        lead = para[: marks[0].start()].strip()
        if (said := split_sentences(lead)) and len(said) > 1:
            lead = said[
                -1
            ]  # "Bonjour Claire. Pour la relecture, deux formules :": the sentence that leads in
        opts = []
        for i, x in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(para)
            text = para[x.end() : end].strip(" ,;")
            last = i + 1 == len(marks)
            if last and (cut := re.search(r"[.?!？。](?:\s|$)", text)):
                text = text[: cut.start()]
            text = re.sub(
                r"(?:\s*,\s*|\s+)(?:or|oder|o|ou)$", "", text.strip(" ,;"), flags=re.I
            )  # not "video"
            if not tokens(text) or len(tokens(text)) > 22:
                break
            opts.append(Option(labels[i], plain(text)))
        else:
            return lead, lead, tuple(opts)
    return None


_SENTENCE_END: Final = re.compile(r"[.?!？。](?:\s|$)")


def _listed_marks(
    para: str, marks: Sequence[re.Match[str]], labels: Sequence[str]
) -> tuple[list[re.Match[str]], list[str]]:
    """The list among a paragraph's labels when some label comes back: "(a) ..., (b) ... or (c) ....
    Je vois mal (c) passer." The list is the labels that run in order from the first ("a", "b", "c";
    "1", "2"); a label named again in a later sentence is a comment on that option, not a new one.
    A repeat inside the list's own sentence, or labels out of order, make no list."""
    if not labels or labels[0] not in ("a", "1"):
        return [], []
    n = 1
    while n < len(labels) and ord(labels[n]) == ord(labels[n - 1]) + 1:
        n += 1
    end = _SENTENCE_END.search(para, marks[n - 1].end())
    if (
        n < 2
        or end is None
        or any(
            x.start() < end.end() or lab not in labels[:n]
            for x, lab in zip(marks[n:], labels[n:], strict=True)
        )
    ):
        return [], []
    return list(marks[:n]), list(labels[:n])


_SEGMENT_SPLIT: Final = re.compile(
    r"\s*;\s*(?:(?:and|und|y|et)\s+)?|\s*,\s+(?:or|oder|o|u|ou|oppure)\s+|\s+(?:or|oder|ou|oppure)\s+", re.I
)


@memo(8192)
def introduced_names(text: str, initial: bool) -> frozenset[str]:
    """The names and values a stretch of prose introduces: identifiers, numbers, capitalised words
    (a sentence's first word only when it looks like a name: "Zotero 7", "Mann-Whitney", not "Ich").
    Memoised: a reversal is looked for against every decided offer, turn after turn."""
    words = text.split()
    caps = {w for w in re.findall(r"\b[A-Z][\w+-]*", text) if len(w) > 2}
    if initial and words and words[0] in caps:
        head, nxt = words[0], words[1] if len(words) > 1 else ""
        if not (head.isupper() or "-" in head or nxt[:1].isupper() or nxt[:1].isdigit()):
            caps.discard(head)
    return frozenset(w.lower() for w in caps) | distinct_values(text)


def _segment_options(m: Msg) -> tuple[str, str, tuple[Option, ...], int | None] | None:
    """Three or more alternatives told in running prose, each in its own clause or sentence and each
    naming something the others do not ("X costs ...; Y comes in at ...; and then there's Z").

    A later sentence that names only what one of them named recommends it.
    """
    run: list[tuple[str, frozenset[str]]] = []
    full: list[frozenset[str]] = []  # each option's names with its first word ("Framaforms est ...")
    recommended = None
    lead = ""
    if m.blocks or ("|" in m.prose and any(TABLE_ROW.match(x) for x in m.prose.splitlines())):
        return None  # a table or a list lays its items out itself
    for s in m.sentences:
        if LIST_ITEM.match(s) or is_question(s):
            continue
        parts = [p for p in _SEGMENT_SPLIT.split(s.rstrip(".!。 ")) if p and p.strip()]
        for k, part in enumerate(parts):
            names = introduced_names(part, initial=k == 0)
            if (
                k == 0
                and run
                and (known := introduced_names(part, initial=False) - names) & frozenset().union(*full)
            ):
                names |= known  # "Yousign me semble ...": a sentence that opens with a name already given
            if len(run) >= 3:
                shared = sorted(((len(names & n), i) for i, n in enumerate(full)), reverse=True)
                if shared[0][0] > shared[1][0] and 2 * shared[0][0] >= len(names):
                    recommended = shared[0][1]  # names (mostly) what one option named
                    break
            own = names.difference(*(n for _, n in run))
            if not names or not own:
                if len(run) >= 3:
                    break
                lead, run, full = (s if not run else lead), [], []
                continue
            run.append((plain(part.strip(" ,;")), names))
            full.append(names | introduced_names(part, initial=False))
        else:
            continue
        break
    if (
        run
        and len(run) > 3
        and not distinct_values(run[0][0])
        and all(distinct_values(t) for t, _ in run[1:])
    ):
        lead, run = run[0][0], run[1:]  # "Im Grunde gibt es drei Wege": an introduction, no option
        recommended = None if recommended in (None, 0) else recommended - 1
    if not 3 <= len(run) <= 5 or any(len(tokens(t)) > 30 for t, _ in run):
        return None
    opts = tuple(Option(str(i + 1), t) for i, (t, _) in enumerate(run))
    return lead, lead, opts, recommended


def _before_closing(segments: Sequence[Option], sentence: str, tail: Sequence[str]) -> bool:
    """The clause-by-clause run starts before the closing paragraph, which lays out its own sides: a
    report, then the offer."""
    return sentence in tail and not any(segments[0].text in s for s in tail)


def _prose_options(m: Msg) -> tuple[str, str, tuple[Option, ...]] | None:
    """Alternatives in running prose: enumerated inline, or the last sentence that joins two to four
    sides with "or"."""
    if (inline := _inline_options(m)) is not None:
        return inline
    for s in m.sentences[:-9:-1]:  # the closing sentences: an offer ends the turn, not its report
        if LIST_ITEM.match(s):
            continue
        if (paired := _correlative(s)) is not None:
            return s, "", paired
        if (got := _or_sides(m, s)) is not None:
            return s, got[0], got[1]
    for s in m.sentences[
        :-3:-1
    ]:  # a choice told as "between A and B" or "A ..., while B ...", closing the turn
        if is_question(s) or LIST_ITEM.match(s):
            continue
        if (pair := _between_sides(s) or _contrast_sides(s)) is not None:
            return s, pair[0], pair[1]
    return None


def _or_sides(m: Msg, s: str) -> tuple[str, tuple[Option, ...]] | None:
    """The two to four sides one sentence of ``m`` joins with "or", and the lead label before them."""
    if not OR.hit(s):
        return None
    body = s.rstrip("?？.!。 ")
    lead = ""
    if (head := _LEAD_LABEL.match(body)) and _SIDE_SPLIT.search(body[head.end() :]):
        body, lead = body[head.end() :], head.group(0)
    words = body.split()
    lead_at = next((i for i, w in enumerate(words[:8]) if EITHER.hit(w)), None)
    if lead_at is not None:  # "We can either pin it or vendor it": the sides start after "either"
        body = " ".join(words[lead_at + 1 :]) or body
    sides = [x for x in _SIDE_SPLIT.split(body) if x.strip()]
    if len(sides) >= 2 and ";" in sides[-1]:  # "..., or hand it over; that costs ...": a remark on it
        sides[-1] = sides[-1].split(";", 1)[0]
    if len(sides) == 2 and "," in sides[0] and "(" not in sides[0] and len(_LIST_SPLIT.split(sides[0])) <= 3:
        first = _LIST_SPLIT.split(sides[0])
        if all(0 < len(tokens(x)) <= 6 for x in first):
            sides = [*first, sides[1]]
    if (s is not m.sentences[-1] and is_question(m.sentences[-1])) or (lead and CHOICE.hit(lead)):
        sides = [_head_clause(x) for x in sides]  # long sides, then "Which way?": each side's lead
    sides = [plain(x.strip(" ,;")) for x in sides]
    if not 2 <= len(sides) <= 4 or any(not tokens(x) or len(tokens(x)) > 22 for x in sides):
        return None
    return lead, tuple(Option(str(i + 1), x) for i, x in enumerate(sides))


def question_groups(m: Msg) -> tuple[tuple[str, tuple[Option, ...]], ...]:
    """Two or more "A or B?" questions closing one turn ("9:00 or 17:00? And by email or by SMS?"):
    each question with its sides, in order; empty when the turn asks fewer than two."""
    if "?" not in m.prose and "？" not in m.prose:
        return ()
    tail = split_sentences(paragraphs(m.prose)[-1])
    found = [
        (s, got[1])
        for s in tail
        if is_question(s) and not LIST_ITEM.match(s) and OR.hit(s) and (got := _or_sides(m, s)) is not None
    ]
    return tuple(found) if len(found) >= 2 else ()


_BETWEEN_AT: Final = re.compile(r"\b(?:between|zwischen|entre|tra|fra)\s+", re.I)
_BETWEEN_AND: Final = re.compile(r",\s+(?:and|und|y|et|e)\s+|\s+(?:and|und|y|et|e)\s+", re.I)
_CONTRAST: Final = re.compile(
    r",\s+(?:while|whereas|während|wohingegen|mientras que|mientras|tandis que|alors que|mentre)\s+", re.I
)


def _named_sides(sides: Sequence[str]) -> bool:
    """Each side names something the other does not (a name, a value, or a word of its own)."""
    own = alone_in([word_set(x) for x in sides])
    return all(own) and all(3 <= len(tokens(x)) <= 30 for x in sides[1:]) and 1 <= len(tokens(sides[0])) <= 30


def _between_sides(s: str) -> tuple[str, tuple[Option, ...]] | None:
    """ "You can choose between the dry WB-06, which ..., and the liquid 3068, which ...": the two
    sides after "between", split at the "and" after a comma (relative clauses may carry "and"s of
    their own), else at the first "and"; each side must name something of its own (a name or value)."""
    at = _BETWEEN_AT.search(s)
    if at is None:
        return None
    rest = plain(s[at.end() :]).rstrip(".!。 ")
    joins = list(_BETWEEN_AND.finditer(rest))
    join = next((j for j in joins if j.group(0).lstrip()[:1] == ","), joins[0] if joins else None)
    if join is None:
        return None
    sides = [rest[: join.start()].strip(" ,;"), rest[join.end() :].strip(" ,;")]
    if not all(distinct_values(x) or introduced_names(x, initial=False) for x in sides) or not _named_sides(
        sides
    ):
        return None
    return plain(s[: at.start()]).strip(" ,:"), tuple(Option(str(i + 1), x) for i, x in enumerate(sides))


def _contrast_sides(s: str) -> tuple[str, tuple[Option, ...]] | None:
    """ "For the event: a dinner costs about 600 € and brings in 2,000, while a raffle costs next to
    nothing but ...": two alternatives set against each other in one sentence, after a lead that
    names the topic (a colon); each side says something the other does not."""
    head = _LEAD_LABEL.match(plain(s))
    if head is None:
        return None
    body = plain(s)[head.end() :].rstrip(".!。 ")
    parts = _CONTRAST.split(body)
    if len(parts) != 2 or not _named_sides(parts) or len(tokens(parts[0])) < 3:
        return None
    return head.group(0).rstrip(":： "), tuple(
        Option(str(i + 1), x.strip(" ,;")) for i, x in enumerate(parts)
    )


def _head_clause(side: str) -> str:
    """A side over 22 words, cut at its first comma after four words: "switch the extra volume to
    Shipton Mill, whose sacks ..., though ..." -> "switch the extra volume to Shipton Mill"."""
    if len(tokens(side)) <= 22:
        return side
    for at in (i for i, c in enumerate(side) if c == ","):
        if len(tokens(side[:at])) >= 4:
            return side[:at]
    return side


def _paired(sentence: str) -> bool:
    """A sentence that opens its sides with a correlative word ("either", "entweder", "soit"): it
    says itself where the alternatives are, and clause-by-clause reading gives way to it."""
    return any(EITHER.hit(w.strip(",;:")) for w in sentence.split())


_BETWEEN: Final = re.compile(
    r"\b(?:between|zwischen|entre)\s+(?P<a>[^,;:.!?]{2,60}?)\s+(?:and|und|y|et)\s+(?P<b>[^,;:.!?]{2,60})",
    re.I,
)


def choice_laid_out(m: Msg) -> tuple[str, tuple[Option, ...]] | None:
    """Alternatives a turn lays out itself ("do we put it at 10:00 or at 11:30?", "we have to pick
    between solid oak and a laminate"): the sentence that holds them, and the options."""
    if (found := _prose_options(m)) is not None:
        return found[0], found[2]
    for s in m.sentences:
        if (pair := _BETWEEN.search(s)) is not None:
            sides = (plain(pair["a"]).strip(), plain(pair["b"]).strip())
            if all(0 < len(tokens(x)) <= 6 for x in sides):
                return s, tuple(Option(str(i + 1), x) for i, x in enumerate(sides))
    return None


_ONE: Final = re.compile(r"^(?:one|una|uno|eine|einer|die eine|der eine|l'une|l'un)\b\s*[:：,]?\s*", re.I)
_OTHER: Final = re.compile(
    r"^(?:the other(?: one)?|another|otra|la otra|el otro|otro|die andere|der andere|andere|l'autre)\b\s*[:：,]?\s*",
    re.I,
)


_PAIR_NEEDLES: Final = (
    "between",
    "zwischen",
    "entre",
    "tra ",
    "fra ",
    "while",
    "whereas",
    "während",
    "wohingegen",
    "mientras",
    "tandis",
    "alors que",
    "mentre",
)
_CORRELATIVE_NEEDLES: Final = ("either", "whether", "entweder", "ob", "o bien", "soit")
_OTHER_NEEDLES: Final = ("other", "otr", "ander", "autre")
_OTHER_AT: Final = re.compile(
    r"(?<=[.!?]\s)(?:the other|another|otra|la otra|el otro|otro|die andere|der andere|l'autre)\b", re.I
)


def _one_and_other(m: Msg) -> tuple[str, tuple[Option, ...]] | None:
    """Two alternatives told as "One ... The other ..." ("Una: ... Otra: ...", "Die eine ... die
    andere ...", "L'une ... l'autre ..."): each sentence that opens so is an option, the sentence
    before the first is their introduction."""
    sentences = m.sentences
    for i, s in enumerate(sentences[:-1]):
        if not (one := _ONE.match(s)) or not one.group(0).strip():
            continue
        for k in range(i + 1, min(i + 3, len(sentences))):
            if other := _OTHER.match(sentences[k]):
                sides = (
                    plain(s[one.end() :]).rstrip(".!。 "),
                    plain(sentences[k][other.end() :]).rstrip(".!。 "),
                )
                if all(3 <= len(tokens(x)) <= 40 for x in sides):
                    lead = sentences[i - 1] if i else ""
                    return lead, tuple(Option(str(n + 1), x) for n, x in enumerate(sides))
        return None
    return None


def _bare(sentence: str, lead: str, options: Sequence[Option]) -> bool:
    """A closing question that is only its options ("WebP oder AVIF?"): the names are the choice,
    whatever the sentences before it tell about each."""
    return is_question(sentence) and not lead and all(len(tokens(o.text)) <= 3 for o in options)


def _bare_topic(m: Msg, question: str, options: Sequence[Option]) -> str:
    """What a bare "X or Y?" is about: the last sentence before it that names none of the options
    ("The 14 new photos weigh 38 MB." before "WebP or AVIF?")."""
    names = {w.lower() for o in options for w in tokens(o.text)}
    at = m.sentences.index(question) if question in m.sentences else len(m.sentences)
    for s in reversed(m.sentences[:at]):
        if LIST_ITEM.match(s) or is_question(s):
            continue
        if not names & {w.lower() for w in tokens(s)}:
            return plain(s).rstrip(".!。 ") if len(tokens(s)) >= 4 else ""
    return ""


def _correlative(s: str) -> tuple[Option, ...] | None:
    """Sides opened by one correlative word said again ("soit A, soit B"; "either A, either B"):
    each side runs from its word to the next; two to four sides, none over 22 words."""
    if EITHER.singles.isdisjoint(token_set(s)):
        return None  # the cheap test first: no correlative word at all
    words = s.rstrip("?？.!。 ").split()
    at = [i for i, w in enumerate(words) if w.strip(",;:").lower() in EITHER.singles]
    if not 2 <= len(at) <= 4 or len({words[i].lower().strip(",;:") for i in at}) != 1:
        return None
    if words[at[0]].lower().strip(",;:") in ("whether", "ob"):
        return None  # "whether ... whether" asks, it lists nothing
    bounds = [*at, len(words)]
    sides = [plain(" ".join(words[a + 1 : b]).strip(" ,;")) for a, b in itertools.pairwise(bounds)]
    if any(not 0 < len(tokens(x)) <= 22 for x in sides):
        return None
    return tuple(Option(str(i + 1), x) for i, x in enumerate(sides))


def resolve_question(question: str, options: Sequence[Option], idx: int) -> str:
    """An "X or Y?" question with the chosen side put in, as the decision's sentence.

    Parallel sides ("in Redis or in SQS", "90 or 180 days") are substituted into the question:
    "Should retention be 180 days for raw events". Two whole clauses keep the chosen clause, framed
    by the question when it is short ("...or only active ones?: only active ones").
    """
    if len(options) > 2:
        return _resolve_list(question, options, idx)
    if len(options) != 2:
        return ""
    q = plain(question).rstrip("?？.!。 ")
    left, right = options[0].text.split(), options[1].text.split()
    if not left or not right:
        return ""
    low_l, low_r = [w.lower() for w in left], [w.lower() for w in right]
    j = 0  # shared lead: "live in Redis or in SQS" -> "in"; "go out on the 1st or on the 15th" -> "on the"
    for n in range(min(len(right), len(left)) - 1, 0, -1):
        if low_r[:n] == low_l[-(n + 1) : -1]:
            j = n
            break
    named = right[0][:1].isupper() or right[0][:1].isdigit()  # "Postgres or MySQL for the inventory"
    parallel = j > 0 or len(right) <= 2 or (left[-1][:1].isdigit() and right[0][:1].isdigit()) or named
    if not parallel:  # two whole clauses: "offer it as the fallback, or keep it in our pocket"
        chosen = _QUESTION_LEAD.sub("", options[idx].text.strip(" ¿¡"))
        return f"{q}: {chosen}" if len(chosen.split()) <= 5 else chosen
    k = j + 1  # the alternative is the last k words of the left side and the first k of the right
    if j == 0 and 1 < len(right) <= 3 and not (left[-1][:1].isdigit() and right[0][:1].isdigit()):
        k = len(right)  # "Ubuntu 24.04 or Debian 12": the right side is the whole alternative
    if j == 0 and len(right) >= 2 and left[-1].lower() == right[-1].lower():
        k = len(right)  # a shared tail: "30 días o 90 días"
    head = " ".join(left[:-k])
    alt = " ".join(left[-k:]) if idx == 0 else " ".join(right[:k])
    tail = " ".join(right[k:])
    start = q.lower().find(options[0].text.lower()[: max(1, len(options[0].text) // 2)])
    prefix = q[:start] if start > 0 else ""
    text = " ".join(x for x in (prefix.strip(), head, alt, tail) if x)
    text = " ".join(w for w in text.split() if not EITHER.hit(w) or w.lower() in ("whether", "ob"))
    return _QUESTION_LEAD.sub("", text.strip(" ¿¡"))


def _resolve_list(question: str, options: Sequence[Option], idx: int) -> str:
    """ "We could use Stripe, Paddle, or Lemon Squeezy for billing" + Paddle -> "We could use Paddle for
    billing": names (capitalised runs or values) are the alternatives, the rest is the frame."""
    first, last = options[0].text.split(), options[-1].text.split()

    def named(w: str) -> bool:
        return w[:1].isupper() or w[:1].isdigit()

    k = 0  # the alternative at the end of the first side
    while k < len(first) - 1 and named(first[-(k + 1)]):
        k += 1
    j = 0  # and at the start of the last side
    while j < len(last) and named(last[j]):
        j += 1
    if not k or not j or any(len(o.text.split()) > 3 for o in options[1:-1]):
        return ""
    alts = [" ".join(first[-k:]), *(o.text for o in options[1:-1]), " ".join(last[:j])]
    text = " ".join([*first[:-k], alts[idx], *last[j:]])
    return _QUESTION_LEAD.sub("", text.strip(" ¿¡"))


#: A question in the first person present, the speaker's own next step put as a question ("Je les
#: envoie aux clients ?", "¿Se lo mando ya?", "Lo mando io?"): an offer, like "shall I send them?".
_SELF_ASK: Final = re.compile(
    r"^[¿¡\s]*(?:(?:je|j')\s*(?:(?:le|la|les|lui|leur|vous|te|t'|l'|en|y)\s*)*"
    r"(?!(?:suis|sais|crois|pense|comprends|vois|dois)\b)[a-zéèêàâîôûç]{3,}(?<!ai)(?<!ais)\b"
    r"|(?:(?:se|lo|la|le|les|los|las|te|me|os|nos)\s+){1,2}[a-záéíóúñ]{3,}o\b"
    r"|(?:(?:lo|la|li|le|gli|ti|vi|ne|te|me)\s+){1,2}[a-zàèéìòù]{3,}o(?:\s+io)?\b)",
    re.I,
)


def offers_self(question: str) -> bool:
    """Whether a question offers the speaker's own next step in the first person present."""
    return bool(_SELF_ASK.match(question)) and not WH.starts(question) and not OR.hit(question)


def _single_offer(tail: Sequence[str], question: str) -> str:
    """The one thing an offer proposes ("I could switch this to Z, want that?" -> "switch this to Z")."""
    if not question:
        return ""
    i = list(tail).index(question)
    before = tail[i - 1] if i > 0 else ""
    if before and SUGGEST.hit(before) and not is_question(before) and len(tokens(question)) <= 8:
        return before  # "I could split the auth out. Want me to plan that?"
    if (OFFER.hit(question) or offers_self(question)) and len(tokens(question)) > 4:
        return question
    if len(tokens(question)) <= 6 and before and (OFFER.hit(before) or OFFER.hit(question)):
        return before
    short = len(tokens(question)) <= 3 and not WHICH.hit(question)  # "Machen?", "OK?", not "Which one?"
    concrete = bool(before) and (REVERSAL.hit(before) or bool(distinct_values(before)))
    if short and concrete and not is_question(before) and len(tokens(before)) >= 4:
        return before  # "... auf Friday 16:00 statt Sunday 18:00. Machen?"
    named = distinct_values(question)
    if (
        named
        and len(tokens(question)) <= 6
        and not (WH.starts(question) or WHICH.hit(question) or OR.hit(question))
        and concrete
        and not is_question(before)
        and len(tokens(before)) >= 4
        and not named <= distinct_values(before)
    ):  # "22 h x 65 = 1,430 + 900 = 2,330 net. Draft as 2026-031?": the figures, put under a name of its own
        stated = (
            _LEAD_LABEL.sub("", plain(before), count=1) if len(tokens(before.split(":")[0])) <= 3 else before
        )
        return f"{plain(question).rstrip('?？ ')}: {plain(stated).rstrip('.。 ')}"
    return ""


@memo(4096)
def distinct_values(text: str) -> frozenset[str]:
    """Identifiers, numbers and quoted names in a text, lower-cased (memoised: options are asked often)."""
    found = {next(g for g in q.groups() if g).lower() for q in _QUOTED.finditer(text)}
    found.update(t.lower().strip(".,;:") for t in _identifiers(text))
    return frozenset(f for f in found if f)


_LONG_TOKEN: Final = 300
_LONG_RUN: Final = re.compile(rf"\S{{{_LONG_TOKEN + 1}}}")


def _identifiers(text: str) -> list[str]:
    """``_IDENT``'s matches, in linear time: a run of non-blanks longer than ``_LONG_TOKEN`` is one value.

    ``_IDENT`` backtracks over a run of word characters once per start, so a 20,000-character word
    without a digit (a pasted blob, a rule of dashes) took 15 s. No match spans a blank, so matching
    blank-separated tokens one by one finds what one pass over the text finds.
    """
    if not _LONG_RUN.search(text):
        return _IDENT.findall(text)
    found: list[str] = []
    for token in text.split():
        found.extend([token] if len(token) > _LONG_TOKEN else _IDENT.findall(token))
    return found


def owned_names(options: Sequence[Option]) -> tuple[frozenset[str], ...]:
    """Per option, the names and values no other option of the same offer has."""
    return _owned_names(tuple([o.text for o in options]))


@memo(2048)  # by the options' texts: a tuple of strings hashes in C, one of ``Option`` s calls each __hash__
def _owned_names(texts: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    names = [introduced_names(t, initial=False) for t in texts]
    return tuple(alone_in(names))


def option_by_name(text: str, options: Sequence[Option]) -> int | None:
    """The one option whose names or values (capitalised words, identifiers, numbers) the text
    repeats, and no other option shares: "al final Trade Republic" of three brokers."""
    said = introduced_names(text, initial=False)
    if not said:
        return None  # (every count would be 0: no option's names looked up)
    owned = [len(said & own) for own in owned_names(options)]
    best = max(owned, default=0)
    return owned.index(best) if best and owned.count(best) == 1 else None


def named_option(
    text: str, options: Sequence[Option], first: bool = True, strong: bool = False
) -> int | None:
    """The one option a reply names, or ``None``.

    By label ("B", "option 2"), ordinal ("the second one", "la segunda"), comparative ("the cheaper
    one": smallest number), an identifier or quoted name found in exactly one option, or (unless
    ``strong``) words that only that option has.
    """
    if not options:
        return None
    labels = [o.label for o in options]
    m = (_LABEL_PICK.match(text) if first else _LABEL_LEAD.match(text)) or _LABEL_INLINE.search(text)
    if m:
        found = m.groupdict()
        lab = (found.get("l") or found.get("h") or found.get("d") or found.get("e") or "").lower()
        lab = _NUMBER_WORDS.get(lab, lab)
        if lab in labels:
            return labels.index(lab)
        if lab.isdigit() and all(x.isalpha() for x in labels) and 0 < int(lab) <= len(labels):
            return int(lab) - 1  # "option 2" of A/B/C
    if first and len(tokens(text)) <= 8:
        alone = [w.lower() for w in _LONE_LABEL.findall(text)]  # "let's do A", "B please"
        hits = {w for w in alone if w in labels}
        if not hits and len(tokens(text)) <= 5:  # "ok then 2": a lone number of numbered options
            hits = {d for d in _LONE_DIGIT.findall(text) if d in labels}
        if len(hits) == 1:
            return labels.index(hits.pop())
    toks = tokens(text)
    for i, t in enumerate(toks[:12]):
        if t in ORDINALS and (idx := ORDINALS[t]) < len(options) and _ordinal_use(toks, i):
            return idx % len(options)
    raw = text.lower()
    for ordinal, idx in WIDE_ORDINALS if not raw.isascii() else ():
        if ordinal in raw and idx < len(options):
            return idx % len(options)
    if len(options) % 2 == 1 and len(options) >= 3 and len(toks) <= 8 and MIDDLE.hit(text):
        return len(options) // 2  # "the one in between"
    if (small := SMALLER.hit(text)) or LARGER.hit(text):
        hit = _by_number(options, smallest=small)
        if hit is not None:
            return hit
    said = distinct_values(text)
    if said:
        owners = [i for i, o in enumerate(options) if said & distinct_values(o.text)]
        if len(owners) == 1:
            return owners[0]
    return None if strong else _by_words(text, options)


_DETERMINERS: Final = frozenset(
    [
        "the",
        "this",
        "that",
        "die",
        "der",
        "das",
        "den",
        "dem",
        "la",
        "le",
        "el",
        "lo",
        "l'",
        "les",
        "los",
        "las",
        "il",
    ]
)
_HEADS: Final = frozenset(
    [
        "one",
        "option",
        "variant",
        "variante",
        "opción",
        "opcion",
        "choice",
        "plan",
        "möglichkeit",
        "vorschlag",
        "solution",
    ]
)


def _ordinal_use(toks: Sequence[str], i: int) -> bool:
    """ "the second one", "die zweite", "option two" — not "ask Priya first" (an adverb)."""
    if len(toks) <= 3:
        return True
    before = toks[i - 1] if i else ""
    after = toks[i + 1] if i + 1 < len(toks) else ""
    return before in _DETERMINERS or before.startswith("l'") or after in _HEADS


def _by_number(options: Sequence[Option], smallest: bool) -> int | None:
    """The option with the smallest (or largest) amount: a price when every option has one."""
    priced = [_PRICE.search(o.text) for o in options]
    nums = []
    for o, price in zip(options, priced, strict=True):
        if all(priced) and price is not None:
            found = next(g for g in price.groups() if g)
        else:
            first = _NUMBER.search(o.text)
            if first is None:
                return None
            found = first.group(0)
        nums.append(float(found.replace(",", ".")))
    target = min(nums) if smallest else max(nums)
    return nums.index(target) if nums.count(target) == 1 else None


def _by_words(text: str, options: Sequence[Option]) -> int | None:
    words = word_set(text)
    scores = []
    for i, alone in enumerate(alone_in([o.words for o in options])):
        own = words & alone
        cjk = sum(1 for w in own if CJK.search(w))
        scores.append(((len(own) - cjk) + cjk / 2, i))  # CJK bigrams are weak evidence alone
    best = max(scores)
    if best[0] < 1 or sum(1 for x in scores if x[0] == best[0]) > 1:
        return None
    return best[1]


#: a token that names an option on its own: a number, an identifier, a capitalised name
_NAMING: Final = re.compile(r"\d|[A-Z]\w|[\w-]+\.[\w-]+")  # not the pronoun "I"
_DETAIL_SPLIT: Final = re.compile(
    r"\s*;\s*|\s*,\s+(?:(?:while|whereas|but|aber|während|pero|mientras|mais|tandis)\b)\s*", re.I
)


def _disjunct(side: str, first: bool, initial: bool = True, width: int = 1) -> str:
    """One side of a user's "A or B?" cut to the alternative itself: the first side keeps its tail from
    the first naming word (a number, an identifier, a name) among its last four words, the others
    their whole text; a lead before a colon ("le car : ...") is no part of it."""
    side = side.strip(" ,;¿¡?？")
    if ":" in side:
        side = side.rsplit(":", 1)[1].strip()
    words = side.split()
    if not first or len(words) <= width:  # "Saal Nord oder Saal Süd": as wide as the last side
        return " ".join(words)
    tail = words[-4:]
    start = len(words) - len(tail)
    for i, w in enumerate(tail):
        capital = initial and start + i == 0 and w[:1].isupper() and not _NAMING.search(w[1:])
        if _NAMING.search(w) and not capital:  # a sentence's first word is capitalised as any other
            return " ".join(tail[i:])
    return ""


@memo(4096)  # pure (options are frozen); the pick rules ask it of the same user sentences
def user_laid_options(question: str) -> tuple[str, tuple[Option, ...]] | None:
    """The user's own "A or B (or C)?": the lead before the options (the topic) and the options, each
    a short alternative (at most four words); None when the question lays out no such choice."""
    if (quoted := _quoted_sides(question)) is not None:
        return quoted
    if not is_question(question):
        return _listed_options(question)
    if not OR.hit(question) or WH.starts(question):
        return None
    body = plain(question).strip().rstrip("?？ ")
    lead = ""
    if (head := _LEAD_LABEL.match(body)) and _SIDE_SPLIT.search(body[head.end() :]):
        lead, body = head.group(0).rstrip(":： "), body[head.end() :]
    sides = [x for x in _SIDE_SPLIT.split(body) if x.strip()]
    tries = [sides]
    if len(sides) == 2 and "," in sides[0]:
        # "A, B or C?"; failing that, or when the first piece names nothing the others name ("for
        # the launch, ship v2 or stay on v1?"), a lead before a comma and two sides
        listed = [*_LIST_SPLIT.split(sides[0]), sides[1]]
        if _names_something(listed[0]) or not any(_names_something(x) for x in listed[1:]):
            tries.insert(0, listed)
    for sides in tries:
        if not 2 <= len(sides) <= 3:
            continue
        width = len(sides[-1].split())
        opts = [_disjunct(x, i == 0, not lead, width) for i, x in enumerate(sides)]
        if any(not o or len(o.split()) > 4 for o in opts) or len({o.lower() for o in opts}) < len(opts):
            continue
        return lead, tuple(Option(str(i + 1), o) for i, o in enumerate(opts))
    return None


def _names_something(piece: str) -> bool:
    """A number, an identifier or a capitalised name in ``piece`` (its first letter aside)."""
    words = piece.strip().split()
    return bool(words) and (bool(_NAMING.search(words[0][1:])) or any(_NAMING.search(w) for w in words[1:]))


def _quoted_sides(sentence: str) -> tuple[str, tuple[Option, ...]] | None:
    """Two or three quoted alternatives joined by "or", whatever their length, in a statement or a
    question ("Il titolo: 'A' oppure 'B'."); the lead before the colon is the topic."""
    body = sentence.strip().rstrip(".!?？。 ")
    lead = ""
    if head := _LEAD_LABEL.match(body):
        lead, body = head.group(0).rstrip(":： "), body[head.end() :]
    sides = [x.strip() for x in _SIDE_SPLIT.split(body) if x.strip()]
    if not 2 <= len(sides) <= 3:
        return None
    names = []
    for x in sides:
        got = _QUOTED.fullmatch(x)
        if got is None:
            return None
        names.append(next(g for g in got.groups() if g))
    if len({n.lower() for n in names}) < len(names):
        return None
    return lead, tuple(Option(str(i + 1), n) for i, n in enumerate(names))


_LIST_AND: Final = re.compile(r"^(?:and|und|y|e|et)\s+", re.I)


def _listed_options(sentence: str) -> tuple[str, tuple[Option, ...]] | None:
    """A statement that lists two to four named alternatives with their figures ("Kuhn 900 €, Odile
    1.100 € und Brasserie Pia 1.250 €"): each item opens with a name and carries a number."""
    body = plain(sentence).strip().rstrip(".!。 ")
    items = [_LIST_AND.sub("", x.strip()) for x in _LIST_SPLIT.split(body) if x.strip()]
    if len(items) == 2 and (tail := _SIDE_SPLIT.split(items[1])) and len(tail) == 2:
        items = [items[0], *tail]
    if not 3 <= len(items) <= 4:
        return None
    for x in items:
        words = x.split()
        if not 2 <= len(words) <= 8 or not words[0][:1].isupper() or not _NUMBER.search(x):
            return None
    return "", tuple(Option(str(i + 1), x) for i, x in enumerate(items))


#: The speaker's own conditional ("I'd book ...", "ich würde ...", "je prendrais", "yo haría",
#: "io sceglierei"): the first person saying what it would do, whatever the verb.
_WOULD: Final = re.compile(
    r"^(?:\W*\w+,\s+)?(?:i'd|i’d|i would|ich würde|je \w+rais|j'\w+rais|yo \w+ría|io \w+rei)\s",
    re.I,
)


def _would_pick(reply: Msg) -> str | None:
    """The reply's statement of what the speaker would do, not a question, the last one said."""
    return next(
        (s for s in reversed(reply.sentences) if not is_question(s) and _WOULD.match(plain(s).strip())),
        None,
    )


def _alone(clauses: Sequence[str], own: Sequence[frozenset[str]]) -> list[list[str]]:
    """For each option (its own words, ``own``), the clauses that speak of it and of no other option."""
    sets = [word_set(c) for c in clauses]
    return [
        [
            c
            for c, ws in zip(clauses, sets, strict=True)
            if ws & w and not any(ws & v for v in own if v is not w)
        ]
        for w in own
    ]


def elaborated_offer(user: Msg, reply: Msg) -> Offer | None:
    """The user lays out the options ("the bus: Girard or Berthet?") and the assistant's next turn
    elaborates each of them, each in a clause of its own: an offer of those options, each enriched
    with what the assistant said of it alone, recommended as the assistant's recommending sentence
    says. A question of fact ("is it 500 or 5000?") answered with one of them is no offer: every
    option must have its own clause in the reply."""
    laid = next(
        ((s, got) for s in reversed(user.sentences) if (got := user_laid_options(s)) is not None), None
    )
    if laid is None:
        return None
    question, (lead, opts) = laid
    own = [w - STOPWORDS for w in alone_in([o.words for o in opts])]
    if any(not w for w in own):
        return None
    clauses = [c for s in reply.sentences for c in _DETAIL_SPLIT.split(s) if c.strip()]
    alone = _alone(clauses, own)
    if not all(alone):
        return _recommended_own(user, reply, question, lead, opts, own)
    details: list[str] = []
    for w, said_alone in zip(own, alone, strict=True):
        said = plain(said_alone[0]).rstrip(" .;,")
        if (
            (label := _LEAD_LABEL.match(said))
            and len(label.group(0).split()) <= 2
            and not word_set(label.group(0)) & w
        ):
            said = said[label.end() :]  # "In short: Olmo ..." -> "Olmo ..."
        details.append(said)
    enriched = []
    for i, (o, d) in enumerate(zip(opts, details, strict=True)):
        frame = resolve_question(question, opts, i) if len(opts) == 2 and not lead else ""
        if frame and _SIDE_SPLIT.search(frame):
            frame = ""  # the question came back whole, both sides in it: no frame for one option
        head = f"{lead}: {o.text}" if lead else (frame or o.text)
        text = d if word_set(head) <= word_set(d) else f"{head}, {d}"
        enriched.append(Option(o.label, text))
    options = tuple(enriched)
    rec = _recommended(opts, _recommending(reply) or _would_pick(reply))
    return Offer(options, True, rec, "", plain(question), "", True, (), "", rec)


_OR_LEAD: Final = re.compile(r"^(?:or|oder|o|ou|oppure)\s+", re.I)


def _recommended_own(
    user: Msg, reply: Msg, question: str, lead: str, opts: Sequence[Option], own: Sequence[frozenset[str]]
) -> Offer | None:
    """The user's own "A or B?" that the reply answers by saying which one the speaker would take
    ("... I'd book St Anne's.", "Io sceglierei il secondo.") without speaking of each: still an offer
    of the user's options, that one recommended. Each option reads as the user described it in a
    clause of its own ("St Anne's church hall, £85 for the evening, has a kitchen"), else as named;
    the recommended one, undescribed, as the reply's recommending sentence."""
    sentence = _recommending(reply) or _would_pick(reply)
    head = _DETAIL_SPLIT.split(sentence)[0] if sentence is not None else None
    rec = _recommended(opts, head)  # the pick is in its first clause: "I propose X ...; Y only for tests"
    if sentence is None or rec is None:
        return None  # no pick of the speaker's own: an answer to a question of fact, not an offer
    clauses = [
        _OR_LEAD.sub("", plain(c).strip(" .;,"))
        for s in user.sentences
        if s != question and not is_question(s)
        for c in _DETAIL_SPLIT.split(s)
        if c.strip()
    ]
    options = []
    for i, (o, w, described) in enumerate(zip(opts, own, _alone(clauses, own), strict=True)):
        if described:
            text = described[0]
            if (label := _LEAD_LABEL.match(text)) and not word_set(label.group(0)) & w:
                text = text[label.end() :]  # "I've found two: St Anne's ..." -> "St Anne's ..."
        elif i == rec and word_set(sentence) & w:  # not "Io sceglierei il secondo": no words of it
            text = plain(sentence).strip(" .;,")
        else:
            text = o.text
        options.append(
            Option(o.label, f"{lead}: {text}" if lead and not word_set(lead) <= word_set(text) else text)
        )
    return Offer(tuple(options), True, rec, "", plain(question), "", True, (), "", rec)
