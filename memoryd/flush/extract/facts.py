"""Facts the user states: corrections of the agent, "remember" requests, conventions, preferences,
personal and environment facts (hosts, ports, versions)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract.context import Ctx
from memoryd.flush.extract.dialogue import task_sentence
from memoryd.flush.extract.lexicon import (
    DUE,
    EITHER,
    EPHEMERAL,
    FORGETFUL,
    LATER,
    NO,
    OPEN,
    PREFER,
    REFUSE,
    RULE,
    STATE,
    WH,
    YES,
    Words,
    tokens,
)
from memoryd.flush.extract.lexicon import (
    FIRST as FIRST_PERSON,
)
from memoryd.flush.extract.lexicon import OR as OR_WORDS
from memoryd.flush.extract.lexicon import REMEMBER as REMEMBER_WORDS
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
    NARRATION,
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
    capitalised_names,
    has_secret,
    is_question,
    paragraphs,
    plain,
    split_sentences,
    word_set,
)
from memoryd.flush.items import Kind

#: A person's standing "doesn't": "Tom doesn't eat fish", "Mia can't have dairy" (a name, a negation).
_PERSON_NOT: Final = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|also|plus)\s+(?:[a-z]+\s+)?)(?P<who>[A-Z][a-z]{2,}|I|we|my \w+|our \w+)\s+(?:doesn'?t|does not|don'?t|do not|can'?t|"
    r"cannot|won'?t|never)\s+(?!know|think|want|need|care|mind|have to|see|get|remember|understand)\w+"
)
_VALUE: Final = re.compile(
    r"(?<![\w.-])(?:\d{4}-\d\d-\d\d|\d+(?:[.:,]\d+)*(?:st|nd|rd|th)?|#[\w-]+|[\w-]+\.[\w.-]*\w)(?![\w])"
)
_NOT_BUT: Final = re.compile(
    r"\b(?:not|nicht|no|pas)\s+(?P<old>\S+?)(?:(?:\s+\S+){0,3}?,?\s+(?:but|sondern|sino|mais)\s+|"
    r"(?:\s+\S+){0,2}?[!.;]+\s*)"
    r"(?P<new>\S+)"
    r"|(?P<new2>\S+),?\s+(?:not|nicht|no|pas)\s+(?P<old2>\S+)\s*$",
    re.I,
)


#: Saying how things go from now on, in so many words (function words and the word "rule").
_FORWARD: Final = Words(
    "from here on|from now|going forward|in future|in the future|henceforth|from today on|new rule|house rule|"
    "as a rule|by default|whenever|each time|starting today|as of today|from this point on",
    "künftig|zukünftig|in zukunft|ab sofort|ab jetzt|ab heute|von nun an|neue regel|in der regel|"
    "standardmäßig|grundsätzlich|wann immer|jedes mal wenn|ab morgen|von jetzt an",
    "a partir de ahora|de ahora en adelante|en adelante|en el futuro|nueva norma|nueva regla|por norma|"
    "por defecto|siempre que|cada vez que|a partir de hoy|desde hoy|de aquí en adelante",
    "à l'avenir|désormais|dorénavant|à partir de maintenant|nouvelle règle|en règle générale|par défaut|chaque fois que|à chaque fois|"
    "à partir d'aujourd'hui|dès aujourd'hui|dès maintenant",
)

#: One way instead of another: "X instead of Y", "X statt Y", "X en vez de Y", "X au lieu de Y".
_CONTRAST: Final = Words(
    "instead of|rather than|in place of",
    "statt|anstatt|anstelle|anstelle von",
    "en vez de|en lugar de",
    "au lieu de|plutôt que|à la place de",
)

#: One thing over another: "X over Y", "more of an X person than Y", "X me va mejor que Y".
_COMPARE: Final = Words(
    "than|over|rather than|instead of",
    "als|statt|anstatt|lieber als|mehr als|besser als|eher als",
    "mejor que|más que|antes que|en vez de|en lugar de",
    "mieux que|plus que|plutôt que|davantage que|au lieu de",
)

#: Waving a point away: "never mind", "vergiss es", "olvídalo", "laisse tomber" (not a rule).
_DISMISS: Final = Words(
    "never mind|nevermind|forget it|forget about",
    "vergiss es|vergiss das|schon gut|egal",
    "olvídalo|olvida lo|olvida eso|da igual|no importa",
    "laisse tomber|oublie ça|oublie|peu importe",
)

#: Speaking of one's own memory: "I always forget", "ich vergesse immer", "siempre se me olvida".
_SELF_FORGET: Final = Words(
    "i forget|i always forget|i never remember|i keep forgetting",
    "ich vergesse|vergesse ich|ich vergess",
    "se me olvida|me olvido|olvido siempre",
    "j'oublie|j'oublie toujours",
)

#: A label that files what follows for later: "for later: ...", "à retenir : ...", "para más adelante: ...".
#: Only as a label (a colon after it): "let's leave it for later" puts a question off.
_FOR_LATER: Final = re.compile(
    r"^\W*(?:note |notiz |nota )?(?:for later|für später|fürs nächste mal|para más adelante|para después|"
    r"para la próxima|à retenir|pour plus tard|pour la suite|pour la prochaine fois)\s*:",
    re.I,
)

#: The assistant saying it will keep what it was told: "I'll remember that", "Merke ich mir".
_KEPT: Final = Words(
    "remember|noted|i'll keep|keep that in mind|for the future|got it for later|i'll note|making a note",
    "merke|gemerkt|notiert|notiere|vermerkt|behalte ich",
    "recordaré|recordare|anotado|apuntado|lo anoto|lo apunto|lo tengo en cuenta|tomo nota",
    "souviendrai|noté|je retiens|retenu|je note|c'est noté",
)


def answered_facts(ctx: Ctx) -> None:
    """A question the user asks about a thing, answered by the assistant with a value: a fact.

    "What's the rate limit on the Hetzner Robot API?" - "I looked it up. The Hetzner Robot API allows
    200 requests per hour." The answer is the reply's sentence that repeats the question's words and
    carries a number or identifier, wherever it is in the reply; small talk ("how's the weather?")
    shares too few words with its answer to count. When the agent looks it up first ("One sec." and a
    read), the answer is in its words after the lookup, and the sentence that repeats a value the
    lookup returned is the one that answers.
    """
    _computed(ctx)
    said = _SaidSoFar(ctx)
    corrected = {p for d in ctx.drafts if d.must_keep and d.kind in ("fact", "decision") for p in d.pos}
    reports = {p for d in ctx.drafts if d.kind == "outcome" for p in d.pos}
    for m in ctx.msgs:
        if m.role != "user" or ("?" not in m.prose and "？" not in m.prose):
            continue
        asked = [
            s
            for s in m.sentences
            if is_question(s)
            and (_asks_what(s) or _asks_whether(s))
            and (not REQUEST.match(s) or _embedded_wh(s))  # "do you know how much ...?" asks all the same
            and not OR_WORDS.hit(s)
        ]
        if not asked or EPHEMERAL.hit(asked[-1]):
            continue  # "how's the weather this weekend?" asks about now, not a durable fact
        prev = ctx.prev_assistant(m.pos)
        if prev is not None and (prev.proposal or (ctx.offer(prev).options and ctx.offer(prev).choice)):
            continue  # "before I pick: what's the catch with A?" asks about an option (the choice)
        reply, found = _answer_turn(ctx, m.pos)
        if reply is None or reply.pos in corrected:
            continue  # (an answer the user then put right is kept as the correction)
        if ctx.offer(reply).options or reply.proposal or _either_or(reply.prose):
            continue  # "which rate do I offer?" - "two ways: ...": the choice is the user's, no fact
        if not _asks_what(asked[-1]) and (
            not _YES_NO_ANSWER.match(reply.prose) or reply.pos in ctx.reported or reply.pos in reports
        ):
            # "does the university cap chapter length?" is answered by "not per chapter. ..."; "did the
            # build finish?" - "yes, at 11:42" reports on a run (an outcome), it states nothing lasting
            continue
        want = {w for w in word_set(asked[-1]) if len(w) > 2}
        best, score = "", 1
        for s in reply.sentences:
            shared = len(want & word_set(s))
            if found and _VALUE.search(s):
                shared += 2 * len(found & {v.lower() for v in _VALUE.findall(s)})
            if shared > score and _VALUE.search(s) and not is_question(s) and not has_secret(s):
                best, score = s, shared
        if (
            not best and len(reply.sentences) <= 3
        ):  # "Buena pregunta, lo miré. Son 1200 peticiones cada 5 minutos."
            valued = [
                s
                for s in reply.sentences
                if _VALUE.search(s) and not is_question(s) and not has_secret(s) and not NARRATION.search(s)
            ]
            if len(valued) == 1 and not valued[0].rstrip().endswith((":", "：")):
                topic = plain(_LEADS.sub("", asked[-1])).rstrip("?？ ")
                best = f"{topic}: {plain(valued[0])}"
        if best and ": " not in best and len(tokens(best)) < 10:  # "Está en /etc/nginx/...": say what is
            best = f"{plain(_LEADS.sub('', asked[-1])).rstrip('?？ ')}: {plain(best)}"
        if best and not _asks_what(asked[-1]):
            if not [v for v in _VALUE.findall(best) if not _CLOCK.fullmatch(v)]:
                continue  # "did the build finish?" - "yes, at 11:42": the moment of a run, nothing lasting
            best = re.sub(r"^\W*(?:yes|ja|sí|si|oui)\s*[,:;.!—-]\s*", "", best, flags=re.I) or best
        new = bool(found & {v.lower() for v in _VALUE.findall(best)})  # the lookup found it
        if best and not new and said.upto(m.pos).restates(best):
            continue  # "where did we land?" - "on aiohttp 3.10": a recap restates, it adds nothing
        if best and not best.rstrip().endswith((":", "：")):
            ctx.reported.add(reply.pos)
            ctx.add("fact", _sentence_case(plain(best)), {m.pos, reply.pos})


def _computed(ctx: Ctx) -> None:
    """A figure the assistant worked out with a tool and then states: a command whose whole output is
    one number ("1499.4"), and the assistant's next sentence that gives that number in any format
    ("... bei 210 Tagen 1.499,40 € Entfernungspauschale."). The sentence is a fact."""
    cited = {p for d in ctx.drafts if d.kind in ("fact", "outcome") for p in d.pos}
    for m in ctx.msgs:
        step = m.step
        if step is None or step.failed or step.quiet or not _BARE_NUMBER.fullmatch(step.output.strip()):
            continue
        figure = _digits(step.output)
        if len(figure) < 3:
            continue  # ("2", "10": a count too small to tell apart from any other number)
        reply = next(
            (x for x in ctx.after(m.pos) if x.role == "assistant" and x.prose and not x.has_calls), None
        )
        if reply is None or reply.pos in cited:
            continue
        said = next(
            (x for x in reply.sentences if any(_digits(v) == figure for v in _NUMBER.findall(x))),
            "",
        )
        if said and not is_question(said) and not has_secret(said):
            ctx.add("fact", _sentence_case(plain(said).rstrip(" .")), {m.pos, reply.pos})
            cited.add(reply.pos)


_BARE_NUMBER: Final = re.compile(r"-?\d+(?:[.,]\d+)?")
_NUMBER: Final = re.compile(r"\d[\d.,' ]*\d|\d")


def _digits(value: str) -> str:
    """A number's digits without separators and trailing zeros: "1499.4" and "1.499,40" are one."""
    return re.sub(r"\D", "", value).rstrip("0")


class _SaidSoFar:
    """Values and words said in the range up to a position, gathered once as the position moves on."""

    def __init__(self, ctx: Ctx) -> None:
        self.msgs = ctx.msgs
        self.next = 0
        self.values: set[str] = set()
        self.words: set[str] = set()

    def upto(self, pos: int) -> _SaidSoFar:
        for x in self.msgs[self.next : pos + 1]:
            if x.prose:
                self.values.update(v.lower() for v in _VALUE.findall(x.prose))
                self.words.update(tokens(x.prose))
        self.next = max(self.next, pos + 1)
        return self

    def restates(self, answer: str) -> bool:
        """Whether ``answer`` only says again what was said: every value in it, and every name but one
        (a recap's own lead word: "Summary", "Stand")."""
        values = {v.lower() for v in _VALUE.findall(answer)}
        names = {n.lower() for n in capitalised_names(answer)}
        if not values and len(names) < 2:
            return False
        unseen = {n for n in names if n not in self.words}
        return values <= self.values and len(unseen) <= 1


def _answer_turn(ctx: Ctx, pos: int) -> tuple[Msg | None, frozenset[str]]:
    """The assistant turn that answers the user's question at ``pos``, and the values its lookup found.

    Its first words, unless those only announce a lookup: then its words after the tool results
    that only read (a file, a search), with the values those results hold.
    """
    first: Msg | None = None
    read = False
    for m in ctx.after(pos):
        if m.step is not None:
            if first is None and not read and m.step.effect != "read" and not m.step.failed:
                continue  # ("put that in the notes, and do they want PDF/A?": the filing comes first)
            if m.step.effect != "read" or m.step.failed or m.step.quiet:
                return first, frozenset()  # work, not a lookup: the answer is the first reply
            read = True
        elif m.role == "assistant" and m.prose:
            if first is None:
                first = m
                if not m.has_calls and (_VALUE.search(m.prose) or len(m.sentences) > 1):
                    return m, frozenset()
            elif read and not m.has_calls:
                outputs = " ".join(
                    s.output[:2000] for p in range(pos + 1, m.pos) if (s := ctx.msgs[p].step) is not None
                )
                return m, frozenset(v.lower() for v in _VALUE.findall(outputs))
    return first, frozenset()


_LEADS: Final = re.compile(r"^[\s¿¡]*(?:(?:and|also|so|ok|und|y|et)\b[,\s]*)*", re.I)
_PLEASE: Final = re.compile(r"\b(?:please|pls|bitte|por favor|s'il te plaît|s'il vous plaît|stp|svp)\b", re.I)
_COURTESY: Final = re.compile(r"^(?:please|pls|bitte|por favor|s'il te plaît|stp)\b[,:]?\s*", re.I)
_THAT: Final = re.compile(r"\b(?:that|dass|que)\s+", re.I)
_NO_ALONE: Final = re.compile(
    r"^(?:no|nope|nah|nein|non|いいえ|いや)\s*[,.!、。]", re.I
)  # "no, ..." not "no tengo"


def _asks_what(s: str) -> bool:
    """A question for a property: "what is ...", or one embedded early ("do you know how much ...")."""
    core = _LEADS.sub("", s)
    return WH.starts(core) or WH.hit(" ".join(tokens(core)[1:5]))


#: A question put to the agent to do something or to choose ("can you ...", "should we ...",
#: "kannst du", "sollen wir", "puedes", "deberíamos", "peux-tu", "on prend ..."): no question of fact.
_ASKS_TO: Final = re.compile(
    r"\b(?:can|could|would|will|shall|should)\s+(?:you|we|i)\b|\b(?:kannst|könntest|sollen|soll|willst|"
    r"wollen)\s+(?:du|wir|ich)\b|\b(?:puedes|podrías|podemos|deberíamos|debo|quieres|hacemos)\b|"
    r"\b(?:peux-tu|pourrais-tu|tu peux|on peut|dois-je|veux-tu|on fait|on prend)\b",
    re.I,
)

#: A reply that opens by saying yes or no ("Yes: ...", "Not per chapter.", "Nein, ...", "Sí, ...").
_YES_NO_ANSWER: Final = re.compile(r"^\W*(?:yes|no|not|nope|ja|nein|nicht|sí|si|no|non|oui|pas)\b", re.I)


def _either_or(text: str) -> bool:
    """Two ways laid out: "either ... or", "entweder ... oder", "o bien ... o bien", "soit ... soit"."""
    return EITHER.hit(text) and (
        OR_WORDS.hit(text) or len(re.findall(r"\b(?:soit|o bien)\b", text, re.I)) >= 2
    )


_CLOCK: Final = re.compile(r"\d{1,2}[:.h]\d\d")


def _asks_whether(s: str) -> bool:
    """A yes-or-no question of fact ("does the university cap chapter length?", "gibt es ein Limit?"),
    not a request, an offer or a choice; its answer counts only when the reply opens with yes or no."""
    return not _ASKS_TO.search(s) and len(tokens(s)) >= 4


def _embedded_wh(s: str) -> bool:
    """ "do you know how much ...", "can you tell me what ...": a question word right after the ask."""
    toks = tokens(_LEADS.sub("", s))
    return len(toks) > 3 and WH.hit(" ".join(toks[2:5])) and not WH.starts(s)


def states_preference(s: str) -> bool:
    """A person's standing "doesn't" ("Tom doesn't eat fish") inside any sentence."""
    return bool(_PERSON_NOT.search(s))


def value_correction(ctx: Ctx, m: Msg, prev: Msg | None) -> bool:
    """A reply that contradicts a value the assistant said (see ``_value_correction``), or, when that
    finds nothing, a value the user sets against another in so many words ("X, not Y").

    "the second one. and submission is on the 14th, not the 4th": the choice is still read as a reply
    (a decision), and the value set right beside it is a fact of its own (must keep).
    """
    before = len(ctx.drafts)
    if _value_correction(ctx, m, prev):
        return True
    if prev is None or len(ctx.drafts) != before or len(m.prose) > 600:
        return False
    contrasted = next((c for x in _whole_sentences(m.sentences[:5]) if (c := _contrasted(x))), "")
    if contrasted:
        ctx.add("fact", contrasted + ctx.labels["correction"], {m.pos}, must_keep=True)
    return False  # (what else the turn says is read as usual)


def _value_correction(ctx: Ctx, m: Msg, prev: Msg | None) -> bool:
    """A reply that only contradicts a value the assistant said: same slot, another number or name.

    "The vendor's rate limit is 100 requests per minute" - "it's 1000 requests per minute": the
    assistant's clause with the user's value put in is the fact (must keep). "not #general but
    #release-notes" and "X, not Y" (Y said by the assistant) count the same way.
    """
    if prev is None or not m.sentences or len(m.prose) > 600:
        return False
    short = len(tokens(m.prose)) <= 6
    valued = bool(_VALUE.search(m.prose))
    if valued and "?" in prev.prose and _answers_which_value(ctx, m, prev):
        return True
    if not (valued or _NOT_BUT.search(m.prose) or (short and _NAME_VALUE.search(m.prose))):
        if not _NAME_VALUE.search(m.prose):
            return False  # no value
        respelled = next(
            (r for x in m.sentences[:2] if not is_question(x) and (r := _respelled(x, prev))), ""
        )
        if respelled and ctx.offer(prev).asked:
            return False  # ("Brand or Brandt?" - "Brandt, I think": an answer)
        if respelled:  # "Lea Brand" - "her surname is Brandt, with a t"
            ctx.add("fact", respelled + ctx.labels["correction"], {prev.pos, m.pos}, must_keep=True)
        return bool(respelled)  # (else: no value)
    if ctx.offer(prev).asked:
        return False  # one given in reply to a question or proposal is an answer
    nxt = ctx.prose_after(m.pos, text_only=False)
    echoed = nxt.prose if nxt is not None and nxt.pos == m.pos + 1 else ""
    whole = " ".join(m.sentences[:2]) if len(m.prose) < 80 else ""  # "not 5432! 6432" splits in two
    for s in [whole, *m.sentences[:2]] if whole else m.sentences[:2]:
        if is_question(s) or has_secret(s):
            continue
        fixed = _not_but(s, prev) or _swapped_value(s, prev, echoed)
        if fixed and not (_declares(s) or _restates(s, prev)):
            # "move the nightly backup to 02:00 UTC": an instruction that changes a value is a decision
            ctx.add("decision", _sentence_case(plain(s).rstrip(".")), {prev.pos, m.pos}, must_keep=True)
            return True
        if fixed:
            ctx.add("fact", fixed + ctx.labels["correction"], {prev.pos, m.pos}, must_keep=True)
            return True
    respelled = next((r for x in m.sentences[:1] if not is_question(x) and (r := _respelled(x, prev))), "")
    if respelled:  # "Ich schicke es an Herrn Maier." - "Meier, mit e-i"
        ctx.add("fact", respelled + ctx.labels["correction"], {prev.pos, m.pos}, must_keep=True)
    return bool(respelled)


#: A question that asks what is so ("is the limit 100 or 1000?"), not what to do ("should it be ...?").
_IS_Q: Final = re.compile(
    r"^(?:[\w ]{1,20}:\s*)?(?:is|are|was|were|ist|sind|war|es|son|est|sont|c'est)\b", re.I
)


def _answers_which_value(ctx: Ctx, m: Msg, prev: Msg) -> bool:
    """The answer to a question of fact between values ("Open question: is the vendor's rate limit 100
    or 1000 requests per minute?" - "the rate limit is 1000 requests per minute"): the user states one
    of the values with the question's own words. A fact (must keep), in the user's words; a choice of
    what to do ("should retention be 90 or 180 days?") stays a decision."""
    if not m.sentences or len(m.prose) > 300:
        return False
    asked = [q for q in reversed(prev.sentences) if _IS_Q.match(q) and is_question(q)]
    said = m.sentences[0]
    if not asked or is_question(said) or not STATE_VERB.search(said) or has_secret(said):
        return False
    for q in asked:
        values = {v.lower() for v in _VALUE.findall(q)}
        if len(values) < 2 or not OR_WORDS.hit(q):
            continue
        picked = {v.lower() for v in _VALUE.findall(said)} & values
        shared = word_set(said) & word_set(q) - values - _COPULA
        if len(values) >= 2 and len(picked) == 1 and len([w for w in shared if len(w) > 3]) >= 1:
            ctx.add("fact", _sentence_case(plain(said).rstrip(".")), {prev.pos, m.pos}, must_keep=True)
            return True
    return False


def _declares(s: str) -> bool:
    """A statement ("it's 1000", "no, 5433", "1000, not 100"), as opposed to an instruction."""
    toks = tokens(s)
    return (
        len(toks) <= 4
        or STATE.hit(s)
        or NO.starts(s)
        or bool(_NOT_BUT.search(s))
        or toks[0] in _STATE_LEAD
        or not _COPULA.isdisjoint(toks[:3])  # "actually it's 38", "en fait c'est 38 °C"
        or any(t.endswith("'s") and t != "let's" for t in toks[:3])  # "that one's 2026-09-30"
    )


def _restates(s: str, prev: Msg) -> bool:
    """The assistant's own statement said again with another value: the reply opens with the
    assistant's verb ("La oficina abre a las 8:00" - "abre a las 8:30 desde enero"), or its first
    clause is the value and a word or two ("eher 4 Stunden, mit Stau"). A fact, not an order."""
    toks = tokens(s)
    if not toks or not _VALUE.search(s):
        return False
    head = tokens(re.split(r"[,;—–]", s, maxsplit=1)[0])
    if len(head) <= 3 and _VALUE.search(" ".join(head)):
        return True
    first = toks[0]
    if any(first.endswith(x) for x in ("'re", "'m")):  # "we're on 20 since last week"
        return True
    if _VALUE.match(s.lstrip()) and not _PLEASE.search(s):
        return True  # "3.12 since the upgrade" opens with the value; "02:00 please" asks for it
    said = word_set(prev.prose[-1500:])
    return not first[:1].isdigit() and len(first) > 2 and first in said


#: "it is" in a word, per language: a reply built on it states a value, it does not order a change.
_COPULA: Final = frozenset(["it's", "that's", "c'est", "es", "ist", "est", "sind", "son", "is", "are"])


_STATE_LEAD: Final = frozenset(
    [
        "it",
        "it's",
        "its",
        "that's",
        "thats",
        "the",
        "our",
        "my",
        "this",
        "they",
        "we",
        "es",
        "das",
        "c'est",
        "está",
    ]
)


def _not_but(s: str, prev: Msg) -> str:
    m = _NOT_BUT.search(s)
    if m is None:
        return ""
    old = (m.group("old") or m.group("old2") or "").strip(".,;:!")
    new = (m.group("new") or m.group("new2") or "").strip(".,;:!")
    if old.lower() == new.lower() and m.group("old"):  # "nicht am 3., sondern am 1.": the values differ
        olds, news = _VALUE.findall(m.group(0)), _VALUE.findall(s[m.end() - len(new) :])
        old, new = (olds[0], news[0]) if olds and news else (old, new)
    if not old or not new or old.lower() == new.lower() or old.lower() not in prev.low:
        return ""
    if m.group("old2"):
        return plain(CORRECTION_LEAD.sub("", s))  # "X, not Y": the user's own words say it
    clause = next((c for c in _clauses(prev.prose) if old.lower() in c.lower()), "")
    if not clause:
        return plain(s)
    fixed = plain(re.sub(re.escape(old), new, clause, count=1, flags=re.I))
    return fixed if STATE.hit(clause) else f"{fixed.rstrip('.')} (not {old})"


def _swapped_value(s: str, prev: Msg, echoed: str = "") -> str:
    """The assistant's clause with the user's value put in, when ``s`` gives the one value of the same
    slot: a number, date, host or version of the same form, in the same unit; or, in a short reply,
    a name ("Hamburg" for "Munich"). ``echoed`` is the assistant's next turn: repeating the user's
    value there confirms the slot."""
    said_text = prev.prose[-1500:]  # what the user answers is at the end of a long turn
    said = [v for v in _VALUE.findall(s) if v.lower() not in {x.lower() for x in _VALUE.findall(said_text)}]
    names = not _VALUE.search(s) and len(tokens(s)) <= 6  # a name counts only as a short reply of its own
    before = {v.lower() for v in _slot_values(said_text, names)}
    mine = {v.lower() for v in _slot_values(s, names, reply=True)}
    if names:
        said = [v for v in _slot_values(s, names, reply=True) if v.lower() not in before]
    if not said and not names:
        return _unit_swapped(s, said_text)
    if len(said) != 1:
        return ""
    words = word_set(s)
    echo = bool(echoed) and said[0] in echoed and len(tokens(echoed)) <= 8
    if names and not (echo and _declares(s)):
        return ""  # a name alone is a value only when stated and taken up ("Hamburg" - "Using Hamburg.")
    for clause in _clauses(said_text):
        theirs = [v for v in _slot_values(clause, names) if v.lower() not in mine]
        if names:  # a name replaces a name: "clause 11 ... Munich" - "Hamburg"
            theirs = [v for v in theirs if _kind(v) == "name"]
        if len(theirs) != 1 or _kind(theirs[0]) != _kind(said[0]):
            continue
        shared = words & word_set(clause) - word_set(theirs[0]) - word_set(said[0])
        form = _shape(theirs[0]) == _shape(said[0]) and len(words) <= 12
        alike = form and (any(c.isalpha() for c in said[0]) or bool(_STRUCTURED.search(said[0])))
        # (staging-1.internal / staging-2.internal, 2026-12-31 / 2027-03-31: not bare numbers)
        unit = _affix(s, said[0])  # "2.75%" for "2.5%", "€1,310" for "€1,240", "n=128" for "n=120"
        alike = alike or (bool(unit) and len(words) <= 6 and unit == _affix(clause, theirs[0]))
        alike = alike or (echo and len(words) <= 6)  # "Hamburg" - "Thanks, using Hamburg."
        alike = alike or (form and not names and bool(_VALUE.match(s.lstrip())))  # "3.12 since October"
        if len(shared) >= 2 or (shared and len(words) <= 6) or alike:
            # "I'll deploy to staging-1": the user's words say it better (unless they only give the value)
            if not STATE.hit(clause) and len(tokens(s)) > 3 and shared:
                return plain(
                    CORRECTION_LEAD.sub("", s)
                )  # (their words name the slot: "sample size is n=128")
            return plain(clause.replace(theirs[0], said[0], 1))
    return ""


#: A value set against another of the same kind in the user's own sentence: "submission is on the 14th,
#: not the 4th", "es sind 23 km, nicht 32", "l'arrivée c'est 17 h, pas 16 h", "son 60 €, no 50 €".
_CONTRASTED: Final = re.compile(
    r"(?<![\w.,:])(?P<new>\d[\d.:,]*?(?:st|nd|rd|th|\.)?)(?P<unit>\s*[^\W\d_]{1,8}\.?|\s*[€$£%°])?,?\s+\(?"
    r"(?:not|nicht|no|pas|non)\s+(?:(?:a|à|um|at|on|by|bis|hasta|jusqu'à)\s+)?"
    r"(?:(?:the|am|den|der|die|el|la|las|los|le|les|de|du)\s+)?"
    r"(?P<old>\d[\d.:,]*?(?:st|nd|rd|th)?)(?![\d])",
    re.I,
)

#: What joins a sentence to the one before ("and", "und", "y", "et") or labels it ("Korrektur:").
_JOINED: Final = re.compile(r"^(?:and|also|plus|und|auch|y|también|et|aussi)\s+(?:\w+\s*:\s*)?", re.I)


def _whole_sentences(sents: Sequence[str]) -> list[str]:
    """Sentences with a German ordinal put back together ("am 19." + "Mai, nicht am 9." is one)."""
    out: list[str] = []
    for s in sents:
        if out and re.search(r"(?<![\d.])\d{1,2}\.$", out[-1]) and s[:1].isalpha():
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
    return out


def _contrasted(s: str) -> str:
    """The user's statement of a value with the one it replaces ("X, not Y"), as a fact; "" if none.

    Only a statement counts ("the deadline is the 14th, not the 4th"); "make it 3, not 4" orders a change.
    """
    m = _CONTRASTED.search(s)
    if m is None or is_question(s) or has_secret(s):
        return ""
    if not (_declares(s) or STATE.hit(s[: m.start()]) or not _COPULA.isdisjoint(tokens(s[: m.start()]))):
        return ""
    new, old = (re.sub(r"\D", "", v) for v in (m.group("new"), m.group("old")))
    if not new or new == old:
        return ""  # ("20 minutes, not 20 seconds": a unit, read elsewhere)
    said = CORRECTION_LEAD.sub("", re.sub(r"^(?:ah|oh|äh|eh|ay)\b[,!\s]*", "", s.strip(), flags=re.I))
    return _sentence_case(plain(_JOINED.sub("", said)).rstrip(" .:"))


#: Words that add one more ("and Anne too", "auch Frau Lenz"): what follows is not a respelling.
_ADDS: Final = re.compile(r"\b(?:and|also|too|plus|und|auch|sowie|y|también|et|aussi)\b", re.I)


def _respelled(s: str, prev: Msg) -> str:
    """A name the assistant wrote, spelled right by the user: another name that differs from it by a
    letter or two ("Brand" / "Brandt", "Henrik" / "Henrike"). The assistant's clause with the name put right."""
    said = prev.prose[-1500:]
    if _ADDS.search(s):
        return ""  # "and Anne too" after "Anna": another person, not a spelling
    new = [n for n in _NAME_VALUE.findall(s) if len(n) >= 4 and n not in said and n[0] in said]
    if not new:
        return ""  # (cheap: no name of the user's that the assistant nearly wrote)
    theirs = set(_NAME_VALUE.findall(said))
    for name in new:
        for old in theirs:
            near = 1 if min(len(old), len(name)) < 7 else 2  # ("Maier" / "Meier", "Henrik" / "Henrike")
            if (
                len(old) >= 4
                and old[0] == name[0]
                and old.lower() != name.lower()
                and _edits(old, name) <= near
            ):
                clause = next((c for c in _clauses(said) if re.search(rf"\b{re.escape(old)}\b", c)), "")
                fixed = re.sub(rf"\b{re.escape(old)}\b", name, clause, count=1)
                whole = re.search(rf"(?:[A-Z]\w+\s+)*{re.escape(old)}(?:\s+[A-Z]\w+)*", said)
                full = whole.group(0) if whole else old
                if clause and (STATE_VERB.search(clause) or clause.startswith(full)):
                    return plain(fixed).rstrip(" .:")  # "Henrike signs off the budget each quarter"
                return f"{full.replace(old, name, 1)} (not {full})"  # "Lea Brandt (not Lea Brand)"
    return ""


def _edits(a: str, b: str) -> int:
    """Levenshtein distance of two short words."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def _unit_swapped(s: str, said_text: str) -> str:
    """The same number in another unit, in a short reply: "It weighs 12 lb" - "12 kg, not pounds"
    gives "It weighs 12 kg"."""
    if len(s.split()) > 6 or len(tokens(s)) > 6:
        return ""
    for v in dict.fromkeys(_VALUE.findall(s)):
        mine = _SHORT_UNIT.match(s, s.find(v) + len(v))
        if mine is None:
            continue
        for clause in _clauses(said_text):
            at = clause.find(v)
            theirs = _SHORT_UNIT.match(clause, at + len(v)) if at >= 0 else None
            if theirs is None or theirs.group(1).lower() == mine.group(1).lower():
                continue
            return plain(clause[:at] + v + mine.group(0) + clause[theirs.end() :])
    return ""


#: A unit right after a number, any case: "12 kg", "12 lb", "30 min", "5%".
_SHORT_UNIT: Final = re.compile(r"\s?([%‰]|[A-Za-zµ°]{1,3}\b)")


#: A value written in parts: a date, a time, a version, an address ("2027-03-31", "10:30", "1.4.2").
_STRUCTURED: Final = re.compile(r"\d[-:./]\d+[-:./]\d|\d:\d\d")


def _slot_values(text: str, names: bool, reply: bool = False) -> list[str]:
    """The values a slot can hold: numbers, dates, ids, hosts; and capitalised names if ``names``
    (in the user's ``reply``, a name standing alone counts too)."""
    values = _VALUE.findall(text)
    if names:
        lead = len(text) - len(text.lstrip(" \"'([*¿¡"))
        alone = reply and len(text.split()) <= 2
        values += [
            m.group(0)
            for m in _NAME_VALUE.finditer(text)
            if m.group(0) not in values and (m.start() != lead or alone)
        ]  # (a sentence's first word is capitalised anyway: "Sure.", "Since ...")
    return values


#: A capitalised name written as a value (not a sentence's first word, unless it stands alone).
_NAME_VALUE: Final = re.compile(r"(?<![\w.-])[A-ZÄÖÜÉÈÁÍÓÚÑ][a-zäöüßéèêàáíóúñç]{2,}(?![\w-])")


def _affix(text: str, value: str) -> str:
    """The unit a value is written with: the sign before it ("€", "n=") and the symbol or short word
    after it ("%", "°C", "GHz"), lower-cased; empty when it stands bare."""
    at = text.find(value)
    if at < 0:
        return ""
    before = text[max(0, at - 2) : at].lstrip()
    if not before.endswith("="):  # "n=128" keeps its letter; "€1,310" its sign, not the word before
        before = "".join(c for c in before if not (c.isspace() or c.isalnum()))
    after = _UNIT.match(text, at + len(value))
    unit = next((g for g in after.groups() if g), "").lower() if after else ""
    return f"{before}|{unit}" if before or unit else ""


#: A unit right after a number: a symbol, letters written on to it ("10GB"), or a short word with a
#: capital ("°C", " GHz", " K"); a lower-case word after a space is the sentence going on.
_UNIT: Final = re.compile(r"\s?([%‰°][A-Za-z]?)|([A-Za-zµ]{1,3})\b|\s((?=[a-zµ]{0,2}[A-Z])[A-Za-zµ]{1,3})\b")


def _shape(value: str) -> str:
    """A value with its digits blanked: hosts, versions and times of the same form compare equal."""
    if not any(c.isdigit() for c in value):
        return value.lower()
    return re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "th", re.sub(r"\d", "0", value.lower()))  # "21st" / "12th"


def _kind(value: str) -> str:
    if value[:1].isdigit():
        return "num"
    return "name" if value.isalpha() and value[:1].isupper() else value[:1]


def _clauses(prose: str) -> list[str]:
    return [c.strip() for s in split_sentences(prose) for c in re.split(r"[,;:]\s+(?=\w)", s) if c.strip()]


#: "Wait": a pause before going on, which is no correction by itself.
_HOLD_ON: Final = re.compile(
    r"^(?:wait|hold on|one sec|moment|warte|moment mal|espera|un momento|attends|une seconde)\b", re.I
)


def user_correction(ctx: Ctx, m: Msg, prev: Msg | None) -> bool:
    """The user telling the agent it got something wrong: a fact that must be kept."""
    if value_correction(ctx, m, prev):
        return True
    if prev is None or not m.sentences or not (m.has(CORRECTION) or NO_START.match(m.prose)):
        return False
    head = LEAD_FILLER.sub("", m.sentences[0]) or m.sentences[0]
    strong = (CORRECTION.search(head) and not is_question(head)) or any(
        CORRECTION.search(s) for s in m.sentences[1:] if not is_question(s)
    )
    weak = _NO_ALONE.match(head) and not QUESTION_END.search(prev.prose) and not ctx.offer(prev).options
    if not strong and not weak:
        return False
    if _HOLD_ON.match(head) and ctx.offer(prev).options and not _NOT_BUT.search(m.prose):
        return False  # options laid out - "wait, tell me more about C": a question before choosing
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
    r"^(?:(?:and|also|oh|btw|please|so|und|auch|y|et|aussi)[,\s]+)*(?:bear in mind|keep in mind|"
    r"denk daran|denke daran|behalte im kopf|ten en cuenta|tened en cuenta|ten presente|garde en tête|"
    r"garde à l'esprit|gardez en tête)\b(?:\s+(?:that|dass|que|qu'))?[\s:,]*",
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
        ctx.add("fact", _sentence_case(plain(said).rstrip(" .")), {m.pos}, must_keep=True)
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
                if (REMEMBER.search(s) or (REMEMBER_WORDS.hit(s) and not _put_off(s)))
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
            and not (STATE_VERB.search(said) and (_VALUE.search(said) or "/" in said))
        ):  # ("remember that the runbook lives in ops/RUNBOOK.md" says where it is: a fact)
            attach_procedure(ctx, m)  # "remember this runbook": the steps are written elsewhere
            used.add(base + hit)
            return True
        if not body:
            continue
        text = LEAD_FILLER.sub("", plain(" ".join(body)))
        asked = REMEMBER.search(text)
        if _points_back(text[asked.end() :] if asked else text):
            # "remember how we did that": the how is the work just done, if any
            attach_procedure(ctx, m)
            used.add(base + hit)
            return True
        kind: Kind = "procedure" if sequence_like(text) else "todo" if task_sentence(text) else "fact"
        ctx.add(kind, text, {m.pos}, must_keep=True)
        used.update(base + i for i in [hit, *idx])
        return True
    return False


#: Speaking of what one remembers ("I vaguely remember a limit of 30 pages", "ich erinnere mich an ...",
#: "recuerdo que ...", "je me souviens de ..."): a recollection, not a request to keep something.
_RECALLS: Final = re.compile(
    r"\b(?:i|we)\s+(?:\w+\s+)?(?:remember|recall)\b(?!\s+(?:to|that you|you))|\b(?:ich|wir)\s+erinnern?\b|"
    r"\b(?:recuerdo|recordamos|me acuerdo)\b|\b(?:je me souviens|nous nous souvenons)\b",
    re.I,
)


def _put_off(s: str) -> bool:
    """ "let's leave the invoice template for later": an order to put something off, not to keep it."""
    return bool(REQUEST.match(LEAD_FILLER.sub("", s))) and LATER.hit(s)


def _points_back(text: str) -> bool:
    """A remembered "how we did that" / "wie wir das gemacht haben": a question word and a few
    function words, no value, name or identifier. It points at what was done; it states nothing."""
    text = text.strip(" ,:;.!")
    toks = tokens(text)
    return (
        bool(toks)
        and len(toks) <= 6
        and WH.starts(text)
        and not _VALUE.search(text)
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
        or not _unprompted(ctx, m)
    ):
        return  # ("should it run on Sundays? I'll ask" - "Noted as open": a question kept open)
    prev = ctx.prev_assistant(m.pos)
    if prev is not None and prev.sentences and is_question(prev.sentences[-1]):
        before = ctx.last_user(prev.pos)
        if before is not None and len(tokens(ctx.msgs[before].prose)) > 3:
            return  # "X has to be done" - "who takes it, and by when?" - "me, by the 10th": an answer
    said = [
        (i, _strip_label(LEAD_FILLER.sub("", x), words=5))
        for i, x in enumerate(m.sentences)
        if i not in used and not is_question(x) and not has_secret(x) and not PLEASANTRY.match(x)
    ]
    said = [(i, x) for i, x in said if tokens(x)]
    if not said or len(said) > 3 or sum(len(tokens(x)) for _, x in said) < 3:
        return
    text = plain(" ".join(x for _, x in said))
    if task_sentence(text) or sequence_like(text) or DUE.hit(text):
        return  # a deadline makes it a task (the to-do rules read it)
    named = capitalised_names(text) or _slot_values(text, names=True) or re.search(r"\b[A-Z]{2,}\b", text)
    if not (_VALUE.search(text) or named or "`" in text or "/" in text or _FOR_LATER.match(m.prose)):
        return  # "I'm off to lunch" - "Noted.": nothing named, nothing to keep
    ctx.add("fact", _sentence_case(text), {m.pos}, must_keep=True)
    used.update(i for i, _ in said)


def _remembered(sents: Sequence[str], hit: int) -> tuple[list[int], list[str]]:
    """What a remember request at ``sents[hit]`` refers to: (indices used, sentences to keep).

    "Remember that X." keeps X and what only explains it; a bare "Remember that." keeps the
    sentences before it (or, if there are none, after it).
    """
    s = sents[hit]
    head, _, tail = s.rpartition(",")
    if head and REMEMBER_WORDS.hit(tail) and not REMEMBER_WORDS.hit(head) and len(tokens(head)) <= 6 and hit:
        s = "remember that."  # "..., just so you know" at the end points back at what was said before
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
        body = [_request_stripped(REMEMBER_HEAD.sub("", s)), *(sents[i] for i in idx)]
    return idx, [b for b in body if b.strip() and not has_secret(b) and not REMEMBER_ONLY.search(b)]


def _request_stripped(s: str) -> str:
    """ "Just so you know for later, the docs are in X" -> "the docs are in X" (the request clause goes)."""
    s = _COURTESY.sub("", s)
    head, sep, rest = s.partition(",") if "," in s[:60] else s.partition(":")
    if sep and rest.strip() and len(tokens(head)) <= 8 and REMEMBER_WORDS.hit(head):
        return rest.strip()
    that = _THAT.search(s)  # "can you note that Ahmed sends it by Thursday?"
    if that and len(tokens(s[: that.start()])) <= 6 and REMEMBER_WORDS.hit(s[: that.end()]):
        return s[that.end() :].rstrip("?？ ")
    return s


def stated_facts(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """Conventions, preferences, personal and environment facts stated by the user.

    Besides the words ("always", "from now on", "I prefer"), structure says it: a statement the user
    makes unprompted that the assistant only acknowledges ("Understood.", no tool call) is something
    to go by. Of those, one way set against another ("X instead of Y") is a standing rule (must
    keep), one thing put over another ("X works better for me than Y", "X me va mejor que Y") a
    preference.
    """
    _aside_facts(ctx, m, used)
    _house_rules(ctx, m, used)
    _given_to_work_on(ctx, m, used)
    _kept_from_now(ctx, m, used)
    contrast = _CONTRAST.hit(m.prose) or _COMPARE.hit(m.prose) or _FORWARD.hit(m.prose)
    if not (
        m.has(CONVENTION)
        or m.has(PERSONAL)
        or m.has(ENV_ID)
        or RULE.hit(m.prose)
        or PREFER.hit(m.prose)
        or contrast
    ) and not _PERSON_NOT.search(m.prose):
        return
    acked = contrast and _acked_only(ctx, m) and _unprompted(ctx, m)
    sentences = m.sentences
    i = 0
    while i < len(sentences):
        s, i = sentences[i], i + 1
        if i - 1 in used:
            s = _after_yes(s)  # "yes please — the billing address moved to X": the yes was the reply
        if not s or len(s) > 400 or is_question(s) or REMEMBER.search(s):
            continue  # (a pasted log or listing is not a statement)
        lead = LEAD_FILLER.sub("", s)
        core = _strip_label(lead)
        ahead = _FORWARD.hit(lead)  # ("whenever you open a PR, ...": "open" is no open point there)
        later = LATER.hit(core) and not (RULE.hit(core) or PREFER.hit(core) or ahead)
        # ("mañana" is also "morning"; "by default, the 7:10 train, not the later one" is a rule)
        if (
            not core
            or COMPLETION.search(core)
            or (OPEN.hit(core) and not ahead)
            or later
            or _DISMISS.starts(lead)
        ):
            continue  # a point still open is not a fact; "never mind re X" waves one away
        if _SELF_FORGET.hit(core):
            continue  # "I always forget what can be done ahead": why they ask, not a rule
        forward = ahead or (acked and _CONTRAST.hit(core))
        rule = RULE.hit(lead) or PREFER.hit(core) or forward
        liked = not rule and acked and _COMPARE.hit(core) and not _AGREED.match(core)
        # ("X works better for me than Y"; not "great, I'll read it over lunch")
        if (liked or (PREFER.hit(core) and not RULE.hit(lead))) and _names_option(ctx, m.pos, core):
            continue  # "on second thought, rather B": a choice among options offered (a decision)
        if (
            not rule
            and (person := _PERSON_NOT.search(core))
            and not (CONVENTION.search(core) or PERSONAL.search(core))
        ):
            core = _sentence_case(core[person.start("who") :])
            rule = True  # only the clause that states it: "Tom doesn't eat fish"
        stated = rule or liked or CONVENTION.search(core) or PERSONAL.search(core)
        verb = STATE_VERB.search(core) if not stated else None
        env = ENV_ID.search(core) and verb is not None and verb.start() > 0  # "use X on host": an order
        if not (stated or env) or (REQUEST.search(core) and not stated) or has_secret(s):
            continue
        if i < len(sentences) and i not in used and len(core) < 120 and _continues(sentences[i]):
            core, lead, i = (
                f"{core} {sentences[i]}",
                f"{lead} {sentences[i]}",
                i + 1,
            )  # (the lead keeps it too)
        text = plain(core if not forward or core == lead else lead)  # "from here on: X" keeps its lead
        ctx.add("fact", text, {m.pos}, must_keep=bool(rule or HARD_RULE.search(core)))


#: A yes, its courtesy word, and a dash or colon: what follows is said besides the answer.
_YES_THEN: Final = re.compile(r"^(?P<yes>[^—–:;]{1,24}?)\s*(?:—|–|\s-\s|;|:)\s*(?P<rest>\S.{11,})$")


def _after_yes(s: str) -> str:
    """What a reply adds after its yes ("sure — ...", "ja, gern; ..."), when it states something of its own."""
    m = _YES_THEN.match(s)
    if m is None or not (YES.starts(m.group("yes")) or AGREE_START.match(m.group("yes"))):
        return ""
    rest = m.group("rest")
    return rest if not is_question(rest) and not REQUEST.search(rest) else ""


#: "that's ...", "das ist ...", "es el ...", "c'est ...": a clause saying what the thing just named is.
_ASIDE: Final = re.compile(
    r"^(?:that'?s|that is|it'?s|it is|this is|which is|das ist|das wird|der ist|die ist|es el|es la|es ahora|"
    r"ese es|esa es|c'est|ce sera|qui est)\s+(?P<what>.+)$",
    re.I,
)

#: Where an aside can start: a comma, semicolon or dash, then one of ``_ASIDE``'s first words.
_ASIDE_CUE: Final = re.compile(
    r"(?:,|;|—|–| - )\s*(?:that|it|this|which|das|der|die|es|ese|esa|c'est|ce|qui)\b", re.I
)

#: An identifier: a name with a digit or a dot in it ("db-07", "app-03", "eu-west-1", "vpn2.corp").
_IDENT: Final = re.compile(
    r"(?<![\w.-])(?=[\w.-]*[a-z])(?=[\w.-]*[\d.])[a-z][\w-]*(?:\.[\w-]+)*\d*(?![\w-])", re.I
)


def _aside_facts(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """An environment fact said in passing, in the same sentence as a request: "deploy it to db-07,
    that's the new primary" (a clause on the identifier just named, saying what it is). A fact."""
    if not _ASIDE_CUE.search(m.prose):
        return
    for i, s in enumerate(m.sentences):
        if i in used or len(s) > 300 or is_question(s) or has_secret(s):
            continue
        parts = re.split(r"\s*(?:,|;|—|–| - )\s*", s.strip(" .!"))
        for j in range(1, len(parts)):
            aside = _ASIDE.match(parts[j])
            if aside is None or len(tokens(aside.group("what"))) < 2 or _VALUE.search(aside.group("what")):
                continue
            if not any(re.search(r"\d", x) for x in _IDENT.findall(parts[j - 1])):
                continue
            ctx.add("fact", _sentence_case(plain(", ".join(parts[: j + 1]))), {m.pos}, must_keep=False)
            used.add(i)
            break


#: Where things are put, in a present-tense statement: "raw exports go to /data/raw/", "Belege kommen
#: nach steuer/2025/", "las fotos van en fotos/boda/", "les factures vont dans compta/".
_GOES: Final = Words(
    "go to|go in|go into|goes to|goes in|goes into|belong in|belongs in|land in|lands in|are kept in|is kept in|"
    "are stored in|is stored in|are saved in|is saved in",
    "kommen nach|kommen in|kommt nach|kommt in|gehen nach|gehen in|geht nach|geht in|gehören nach|gehören in|"
    "gehört nach|gehört in|landen in|landet in",
    "van a|van en|va a|va en|se guardan en|se guarda en|van dentro de",
    "vont dans|va dans|vont sur|va sur|vont en|se rangent dans|se range dans|sont rangés dans|sont stockés dans",
)

#: How things are done where the user works: "at our place", "bei uns", "en nuestro equipo", "chez nous".
_AT_OURS: Final = Words(
    "at our place|in our team|in our shop|in this team|with us",
    "bei uns|in unserem team|in unserem verein|hier bei uns",
    "en nuestro equipo|en nuestra empresa|entre nosotros|en casa",
    "chez nous|dans notre équipe|dans notre association|entre nous",
)

_PATH: Final = re.compile(r"(?:^|\s)(?:~|\.{1,2})?/?[\w<>.-]+/[\w<>./-]*")


def _house_rules(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """A standing rule said plainly, in a turn that asks for something else: where things go ("raw
    exports go to /data/raw/<date>/ and nobody touches them") or how it is done here ("les messages de
    commit chez nous c'est en anglais"). A statement, not a question or an order: a fact (must keep)."""
    for i, s in enumerate(m.sentences):
        if i in used or len(s) > 300 or is_question(s) or has_secret(s):
            continue
        core = _strip_label(LEAD_FILLER.sub("", s))
        if not core or REQUEST.match(core) or _PLEASE.search(core) or COMPLETION.search(core):
            continue
        placed = _GOES.hit(core) and _PATH.search(core) is not None and not FIRST_PERSON.starts(core)
        ours = _AT_OURS.hit(core) and (STATE.hit(core) or not _COPULA.isdisjoint(tokens(core)))
        if placed or ours:
            ctx.add("fact", _sentence_case(plain(core).rstrip(" .")), {m.pos}, must_keep=True)
            used.add(i)


#: A request shaped so that something no longer happens: "plan the drives so that we never drive on
#: at night", "so, dass wir nicht mehr ...", "de modo que ya no ...", "de façon à ne plus ...".
_SO_THAT_NEVER: Final = re.compile(
    r"\b(?:so that|so,? dass|sodass|de (?:modo|manera|forma) que|para que|de (?:façon|sorte|manière) (?:à|que|qu'))"
    r"\b.{0,80}?\b(?:never|no longer|not any ?more|nie|niemals|nicht mehr|kein\w* \w+ mehr|ya no|nunca|"
    r"ne plus|n'\w+ plus|jamais)\b",
    re.I,
)


def _kept_from_now(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """A request whose purpose is that something never happens again ("und plan die Fahrten so, dass
    wir nach einem Gig nicht mehr nachts weiterfahren"): a standing rule to go by (must keep)."""
    for i, s in enumerate(m.sentences):
        if i in used or len(s) > 300 or is_question(s) or has_secret(s) or not _SO_THAT_NEVER.search(s):
            continue
        said = _JOINED.sub("", LEAD_FILLER.sub("", s).strip())
        ctx.add("fact", _sentence_case(plain(said).rstrip(" .")), {m.pos}, must_keep=True)
        used.add(i)


#: A word that points at what was just said: "what that means", "was das heißt", "qué supone eso".
_THAT_BACK: Final = Words(
    "that|this|those|these|it", "das|dies|dieses|davon|damit|daraus", "eso|esto|ello", "ça|cela|ceci"
)


def _given_to_work_on(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """A fact the user gives to be worked on: a statement of several figures, then a request or
    question that asks what follows from it ("the café wants 30 loaves every Tue and Fri, plus 4 dozen knots on
    Fridays. can you work out what that means for flour?"). The statement is a fact."""
    sents = m.sentences
    for i in range(len(sents) - 1):
        s, nxt = sents[i], sents[i + 1]
        if i in used or len(s) > 300 or is_question(s) or has_secret(s):
            continue
        core = _strip_label(LEAD_FILLER.sub("", s))
        if not core or REQUEST.match(core) or FIRST_PERSON.starts(core) or COMPLETION.search(core):
            continue
        numbers = [v for v in _VALUE.findall(core) if v[:1].isdigit() and not _CLOCK.fullmatch(v)]
        asks = is_question(nxt) or bool(REQUEST.match(LEAD_FILLER.sub("", nxt)))
        worked = WH.hit(" ".join(tokens(nxt)[1:])) and _THAT_BACK.hit(nxt)  # "work out what that means"
        if len(numbers) >= 2 and asks and worked and not _VALUE.search(nxt):
            ctx.add("fact", _sentence_case(plain(core).rstrip(" .")), {m.pos})
            used.add(i)


#: A reply that opens with a yes of its own ("great, ..."; not "si puedo elegir", where "si" is "if").
_AGREED: Final = re.compile(
    r"^\W*(?:yes|yeah|yep|sure|ok|okay|great|perfect|good|nice|cool|ja|gut|super|sí|vale|genial|oui|parfait|"
    r"super|d'accord)\s*[,.!]",
    re.I,
)


def _acked_only(ctx: Ctx, m: Msg) -> bool:
    """Whether the assistant's next turn only acknowledges ``m``: short, no question, no tool call."""
    nxt = ctx.msgs[m.pos + 1] if m.pos + 1 < len(ctx.msgs) else None
    return (
        nxt is not None
        and nxt.role == "assistant"
        and bool(nxt.prose)
        and not nxt.has_calls
        and len(tokens(nxt.prose)) <= 12
        and not any(is_question(x) for x in nxt.sentences)
    )


def _unprompted(ctx: Ctx, m: Msg) -> bool:
    """Whether ``m`` says something of its own, not the answer to options or an offer just put
    ("What's up?" offers nothing: what follows it is the user's own)."""
    prev = ctx.prev_assistant(m.pos)
    if prev is None:
        return True
    offer = ctx.offer(prev)
    return not (offer.options or offer.single or offer.recommendation)


def _names_option(ctx: Ctx, pos: int, text: str) -> bool:
    """Whether ``text`` names an option the assistant laid out earlier (by a value or two words)."""
    words = word_set(text)
    values = {v.lower() for v in _VALUE.findall(text)}
    for x in ctx.msgs[:pos]:
        if x.role != "assistant" or not x.prose or not x.proposal:
            continue
        for o in x.options:
            if values & {v.lower() for v in _VALUE.findall(o.text)} or len(words & o.words) >= 2:
                return True
    return False


def _sentence_case(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _strip_label(s: str, words: int = 3) -> str:
    """``A few things: I'm vegetarian`` -> ``I'm vegetarian`` (a head of at most ``words`` words)."""
    head, sep, rest = s.partition(":")
    short = len(head.split()) <= words and "`" not in head and not any(c.isdigit() for c in head)
    return rest.strip() if sep and rest.strip() and short else s


def _continues(sentence: str) -> bool:
    """A follow-up sentence that only explains the one before it."""
    markers = (CONVENTION, PERSONAL, REMEMBER, REQUEST, PLEASANTRY)
    if is_question(sentence) or has_secret(sentence) or task_sentence(sentence):
        return False
    return not any(p.search(sentence) for p in markers)


def _explains(sentence: str) -> bool:
    """A sentence that belongs to the remembered one: an explanation or a short emphasis ("No exceptions.")."""
    if is_question(sentence) or ENV_ID.search(sentence) or has_secret(sentence):
        return False
    return len(sentence.split()) <= 6 or _continues(sentence)
