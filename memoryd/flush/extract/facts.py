"""Facts the user states: conventions, preferences, house rules, personal and environment facts (hosts,
ports, versions), and answers the assistant gives after a lookup. Corrections are read in ``corrections``,
"remember" requests in ``remember`` (both re-exported here)."""

from __future__ import annotations

import re
import weakref
from typing import Final

from memoryd.flush.extract.context import Ctx, Draft
from memoryd.flush.extract.corrections import COPULA, JOINED, NO_ALONE, user_correction
from memoryd.flush.extract.dialogue import task_sentence
from memoryd.flush.extract.fact_common import (
    PLEASE,
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
    AGAIN,
    ASK,
    BACK_MANNER,
    EITHER,
    EPHEMERAL,
    LATER,
    MONTH_PATTERN,
    NO,
    OPEN,
    PREFER,
    RULE,
    STATE,
    WH,
    WHICH,
    YES,
    Words,
    tokens,
)
from memoryd.flush.extract.lexicon import (
    FIRST as FIRST_PERSON,
)
from memoryd.flush.extract.lexicon import OR as OR_WORDS
from memoryd.flush.extract.markers import (
    AGREE_START,
    COMPLETION,
    CONVENTION,
    ENV_ID,
    HARD_RULE,
    LEAD_FILLER,
    NARRATION,
    PERSONAL,
    PROCEDURE_WORD,
    REMEMBER,
    REQUEST,
    STATE_VERB,
    opens_request,
)
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import (
    capitalised_names,
    clip,
    has_secret,
    is_question,
    plain,
    split_sentences,
    word_set,
)
from memoryd.flush.extract.remember import remember_requests
from memoryd.flush.extract.settled import add_settled, settles_case
from memoryd.flush.memo import memo, table

__all__ = ["answered_facts", "remember_requests", "stated_facts", "states_preference", "user_correction"]


#: A person's standing "doesn't": "Tom doesn't eat fish", "Mia can't have dairy" (a name, a negation).
_PERSON_NOT: Final = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|also|plus)\s+(?:[a-z]+\s+)?)(?P<who>[A-Z][a-z]{2,}|I|we|my \w+|our \w+)\s+(?:doesn'?t|does not|don'?t|do not|can'?t|"
    r"cannot|won'?t|never)\s+(?!know|think|want|need|care|mind|have to|see|get|remember|understand)\w+"
)


#: The same standing "doesn't" in German, Spanish, French and Italian: a name or "ich/wir/je/nous/on/io/noi",
#: and the negation where each language puts it ("Tom isst keinen Fisch", "Mia no toma lácteos", "Tom ne
#: mange pas de poisson", "Mia non mangia noci"); not a verb of knowing or wanting ("Tom weiß nicht ..."), nor
#: a one-off coming, going or answering ("Tom kommt nicht", "Ana no contestó", "Paul ne vient pas").
_PERSON_NOT_KIN: Final = re.compile(
    r"(?:^|[,;]\s*|\b(?:und|y|et|e)\s+)(?P<who>[A-ZÄÖÜÉÁÍÓÚÑÈ][a-zäöüßéèáíóúñ]{2,}|ich|wir|je|nous|on|io|noi)\s+(?:"
    r"(?!(?:weiß|weiss|denkt|will|versteht|sieht|kann|kommt|geht|ist|war|hat|hatte|wird|antwortet|meldet)\b)"
    r"[a-zäöüß]+\s+(?:kein\w*|nicht|nie|niemals)\b"
    r"|(?:no|nunca|non|mai)\s+(?!(?:sabe|sé|cree|quiere|necesita|entiende|recuerda|ha|han|está|viene|va|fue|era|"
    r"sa|so|pensa|vuole|capisce|ricorda|hanno|sta|viene|è|era)\b)(?![a-záéíóúñàèìòù]*[óò]\b)[a-záéíóúñàèìòù]+"
    r"|(?:ne\s+|n')(?!(?:sait|pense|veut|comprend|voit|vient|va|est|était|a|répond)\b)[a-zéèêàç]+\s+"
    r"(?:pas|jamais|plus)\b)"
)


@memo(256)  # pure; keys can be whole turns (a turn's prose, then its sentences): keep few
def _person_not(s: str) -> re.Match[str] | None:
    """A person's standing "doesn't" (``_PERSON_NOT``, or its kin in the other languages)."""
    return _PERSON_NOT.search(s) or _PERSON_NOT_KIN.search(s)


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
    "d'ora in poi|d'ora in avanti|da ora in poi|da adesso in poi|in futuro|nuova regola|di regola|di default|"
    "ogni volta che|a partire da oggi|da oggi in poi",
)


#: A rule named as the head of what follows: "general rule: ...", "Grundsatz bei uns: ...", "norma de la casa:
#: ...", "règle de la maison : ...", "regola nostra: ..." (a short head with the noun, then a colon).
_RULE_NOUN: Final = re.compile(
    r"\b(?:rule|policy|principle|regel|grundsatz|norma|regla|règle|principe|regola|principio)\b", re.I
)
_RULE_HEAD: Final = re.compile(
    r"^\W*(?:[^\W\d_]+[\s,]+){0,3}?(?:rule|policy|principle|regel|grundsatz|norma|regla|règle|principe|regola|"
    r"principio)(?:\s+[^\W\d_']+(?:'[^\W\d_]+)?){0,5}\s*:\s*\S",
    re.I,
)


class _Gated:
    """A pattern behind a test for any of its needles in the lower-cased text (a text without any of
    them is skipped before the case-insensitive pattern runs). The needles are tested one by one as
    substrings, ASCII text against the ASCII ones only, and a needle that holds another one is left
    out ("january" holds "januar"): a third faster than one alternation of them (``re`` tries every
    alternative at each position), the same yes or no."""

    __slots__ = ("ascii_needles", "needles", "pattern")

    def __init__(self, pattern: str, needles: str) -> None:
        self.pattern = re.compile(pattern, re.I)
        given = needles.split("|")
        self.needles = tuple(n for n in given if not any(o != n and o in n for o in given))
        self.ascii_needles = tuple(n for n in self.needles if n.isascii())

    def gate(self, low: str) -> bool:
        """Whether the lower-cased text holds a needle (the pattern cannot match otherwise)."""
        for n in self.ascii_needles if low.isascii() else self.needles:  # noqa: SIM110 (a loop: no generator)
            if n in low:
                return True
        return False

    def search(self, text: str, low: str = "") -> re.Match[str] | None:
        """``low``: the text lower-cased already (a message's ``low``)."""
        return self.pattern.search(text) if self.gate(low or text.lower()) else None


def _gated(pattern: str, needles: str) -> _Gated:
    return _Gated(pattern, needles)


#: A time that comes round again: "on Sundays", "sonntags", "los domingos", "le dimanche", "la domenica",
#: "at night", "nachts", "por las noches", "le soir", "di sera" (not one date: "le dimanche 14").
_HABIT: Final = _gated(
    r"\b(?:on (?:mon|tues|wednes|thurs|fri|satur|sun)days|on weekends|at weekends|at night|in the evenings|"
    r"(?:mon|diens|mittwoch|donners|frei|sams|sonn|feier)tags|wochenends|am wochenende|nachts|abends|"
    r"los (?:lunes|martes|miércoles|jueves|viernes|sábados|domingos|fines de semana|festivos)|"
    r"por las (?:noches|tardes|mañanas)|de noche|"
    r"(?:le|les) (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-end|soir|matin)s?|la nuit|"
    r"(?:il|la) (?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)|nel fine settimana|di notte|"
    r"di sera|la sera)\b(?!\s*\d)",
    "days|weekend|night|evening|tags|nachts|abends|lunes|martes|miércoles|jueves|viernes|sábados|domingos|"
    "fines de|festivos|por las|noche|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-end|soir|matin|"
    "nuit|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|settimana|notte|sera",
)

#: A negation, in any of the languages: with ``_HABIT``, a standing "not then" ("sonntags liefern wir nicht").
_NOT: Final = re.compile(
    r"\b(?:not|never|no|don'?t|doesn'?t|won'?t|nicht|kein\w*|nie|niemals|nunca|jamás|pas|jamais|plus|non|mai)\b"
    r"|\bn'",
    re.I,
)

#: One way instead of another: "X instead of Y", "X statt Y", "X en vez de Y", "X au lieu de Y".
_CONTRAST: Final = Words(
    "instead of|rather than|in place of",
    "statt|anstatt|anstelle|anstelle von",
    "en vez de|en lugar de",
    "au lieu de|plutôt que|à la place de",
    "invece di|al posto di|anziché|piuttosto che",
)


#: One thing over another: "X over Y", "more of an X person than Y", "X me va mejor que Y".
_COMPARE: Final = Words(
    "than|over|rather than|instead of",
    "als|statt|anstatt|lieber als|mehr als|besser als|eher als",
    "mejor que|más que|antes que|en vez de|en lugar de",
    "mieux que|plus que|plutôt que|davantage que|au lieu de",
    "meglio di|meglio che|più di|piuttosto che|invece di|anziché",
)


#: Waving a point away: "never mind", "vergiss es", "olvídalo", "laisse tomber" (not a rule).
DISMISS: Final = Words(
    "never mind|nevermind|forget it|forget about",
    "vergiss es|vergiss das|schon gut|egal",
    "olvídalo|olvida lo|olvida eso|da igual|no importa",
    "laisse tomber|oublie ça|oublie|peu importe",
    "lascia perdere|lascia stare|non importa|fa niente|lascia correre",
)


#: Speaking of one's own memory or confusion: "I always forget", "I always mix them up", "ich vergesse
#: immer", "ich verwechsle die immer", "siempre se me olvida", "je les confonds toujours".
_SELF_FORGET: Final = Words(
    "i forget|i always forget|i never remember|i keep forgetting|i mix them up|i always mix|i mix up|"
    "i get them mixed up|i confuse them|i always confuse",
    "ich vergesse|vergesse ich|ich vergess|ich verwechsle|verwechsle ich|ich verwechsel",
    "se me olvida|me olvido|olvido siempre|los confundo|las confundo|siempre confundo|me confundo",
    "j'oublie|j'oublie toujours|je confonds|je les confonds",
    "dimentico|mi dimentico|me ne dimentico|mi scordo|li confondo|le confondo|confondo sempre|mi confondo",
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
    _answered_by_user(ctx)
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
        # any question or request ending in "?" ("can you pull the costs by service?", "rate per group?")
        # asks for what a lookup finds, when the agent reads and the answer repeats what it read
        wanted = asked or [s for s in m.sentences if is_question(s) and not OR_WORDS.hit(s)]
        if not wanted:
            continue
        now = EPHEMERAL.hit(
            wanted[-1]
        )  # "how's the weather this weekend?" asks about now, not a durable fact
        prev = ctx.prev_assistant(m.pos)
        if prev is not None and (prev.proposal or (ctx.offer(prev).options and ctx.offer(prev).choice)):
            continue  # "before I pick: what's the catch with A?" asks about an option (the choice)
        if prev is not None and _BETWEEN.search(prev.prose[-1500:]):
            continue  # "you can choose between the dry X and the liquid Y" - "does the dry one need a starter?"
        reply, found, steps = _answer_turn(ctx, m.pos)
        if reply is None or reply.pos in corrected:
            continue  # (an answer the user then put right is kept as the correction)
        if not found and not _knows(reply, asked) and not _echoes(wanted[-1], reply):
            continue  # an answer from the agent's own head, about nothing it names: advice, not a fact
        if ctx.offer(reply).options or _either_or(reply.prose) or _BETWEEN.search(reply.prose):
            continue  # "which rate do I offer?" - "two ways: ...": the choice is the user's, no fact
        if reply.proposal and not found:
            continue
        question = wanted[-1]
        want = {w for w in word_set(question) if len(w) > 2}
        best, score, read = "", 1, 0
        for s in reply.sentences:
            shared = len(want & word_set(s))
            got = len(found & _looked_up(s)) if found else 0
            shared += 2 * got
            if shared > score and _looked_up(s) and not is_question(s) and not has_secret(s):
                best, score, read = s, shared, got
        pure = all(x.effect in ("read", "check") for p, _ in steps if (x := ctx.msgs[p].step) is not None)
        lookup = pure and (
            read >= 2 or (read >= 1 and bool(_HANDLE.search(best)))
        )  # it repeats what was read
        if now and not lookup:
            continue  # ("who's in charge right now?" - a listing read, and its names: that is kept)
        if not asked and not lookup:
            continue  # ("can you clean the file?" - "done, 1,108 rows"): a request, answered by work
        if (
            not lookup
            and not _asks_what(question)
            and (not _YES_NO_ANSWER.match(reply.prose) or reply.pos in ctx.reported or reply.pos in reports)
        ):
            # "does the university cap chapter length?" is answered by "not per chapter. ..."; "did the
            # build finish?" - "yes, at 11:42" reports on a run (an outcome), it states nothing lasting
            continue
        if (
            not best and len(reply.sentences) <= 3 and asked
        ):  # "Buena pregunta, lo miré. Son 1200 peticiones cada 5 minutos."
            valued = [
                s
                for s in reply.sentences
                if VALUE.search(s) and not is_question(s) and not has_secret(s) and not NARRATION.search(s)
            ]
            if len(valued) == 1 and not valued[0].rstrip().endswith((":", "：")):
                topic = plain(_LEADS.sub("", asked[-1])).rstrip("?？ ")
                best = f"{topic}: {plain(valued[0])}"
        if (
            best and ": " not in best and len(tokens(best)) < 10 and asked
        ):  # "Está en /etc/nginx/...": say what is
            best = f"{plain(_LEADS.sub('', asked[-1])).rstrip('?？ ')}: {plain(best)}"
        if best and asked and not _asks_what(asked[-1]) and not lookup:
            if not [v for v in VALUE.findall(best) if not _CLOCK.fullmatch(v)]:
                continue  # "did the build finish?" - "yes, at 11:42": the moment of a run, nothing lasting
            best = re.sub(r"^\W*(?:yes|ja|sí|si|sì|oui)\s*[,:;.!—-]\s*", "", best, flags=re.I) or best
        new = bool(found & {v.lower() for v in VALUE.findall(best)})  # the lookup found it
        if best and not new and said.upto(m.pos).restates(best):
            continue  # "where did we land?" - "on aiohttp 3.10": a recap restates, it adds nothing
        if best and not best.rstrip().endswith((":", "：")):
            ctx.reported.add(reply.pos)
            cited = {m.pos, reply.pos}
            if lookup:  # the tool results whose output holds what the answer repeats
                cited |= {p for p, out in steps if _looked_up(best) & out}
                looked = {m.pos, reply.pos} | {p for p, _ in steps}
                ctx.drafts[:] = [  # the answer read as a report of work: it is the fact, read once
                    d
                    for d in ctx.drafts
                    if not (d.kind == "outcome" and reply.pos in d.pos and d.pos <= looked)
                ]
            ctx.add("fact", sentence_case(plain(best)), cited)


#: A handle or an address a lookup returns ("@platform-team", "@k-brandt", "ops@example.org").
_HANDLE: Final = re.compile(r"(?<![\w.])@[\w][\w.-]*\w|\b[\w.+-]+@[\w-]+\.[\w.-]+\b")


def _looked_up(s: str) -> set[str]:
    """The values and handles in ``s``, lower-cased: what an answer can repeat from a lookup."""
    return {v.lower() for v in VALUE.findall(s)} | {h.lower() for h in _HANDLE.findall(s)}


def _echoes(question: str, reply: Msg) -> bool:
    """Whether the reply takes up the question's own words (two of four letters or more) or gives a
    path or identifier: it answers about the thing asked, not from general knowledge."""
    want = {w for w in word_set(question) if len(w) > 3}
    return any(len(want & word_set(s)) >= 2 or _PATH.search(s) for s in reply.sentences)


def _knows(reply: Msg, asked: list[str]) -> bool:
    """An answer without a lookup counts when the question names the thing it asks about by a code, a
    value or a name with an inner capital ("the rate limit of the GitHub REST API", "TAP's baggage
    rule", "port of db-2"): "what's the word for the grades in bouldering again?" and "how long until
    we bottle?" ask for general knowledge or advice, nothing to keep."""
    if not asked:
        return False
    q = asked[-1]
    return bool(_CODE.search(q) or VALUE.search(q) or re.search(r"\b[a-z]+[A-Z]\w*|\b[A-Z][a-z]+[A-Z]\w*", q))


#: An acronym or code ("NIF", "TÜV", "C1"): a key that ties a later answer to its question.
_CODE: Final = re.compile(r"\b[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,6}\b")


def _keys(s: str) -> frozenset[str]:
    """What names the thing a sentence asks about: values, codes and capitalised names (lower-cased)."""
    found = {v.lower() for v in VALUE.findall(s)} | {c.lower() for c in _CODE.findall(s)}
    words = s.split()
    first = words[0].strip("¿¡\"'(") if words else ""
    return frozenset(found | {n.lower() for n in capitalised_names(s) if n != first})


def _answered_by_user(ctx: Ctx) -> None:
    """A question of the user's left open ("do we need the NIF before signing?" - "usually, but it depends
    on the agency" - "I'll ask them tomorrow"), answered by the user later in so many words: a turn that
    names the same thing (a code, a name or a value, and one more word of the question) and gives a
    yes or no ("the agency confirmed re the NIF: yes, needed before signing"). A fact citing both turns;
    the question is no longer open.

    One pass: the questions left open so far are kept (at most eight); a later statement with a yes or no
    is compared with those that share one of its names.
    """
    facts = {p for d in ctx.drafts if d.kind == "fact" for p in d.pos}
    opened = {p for d in ctx.drafts if d.kind == "open_question" for p in d.pos}
    asked: list[tuple[Msg, str, frozenset[str], frozenset[str]]] = []  # questions left open, newest last
    last: tuple[Msg, str, frozenset[str], frozenset[str]] | None = None  # the user's last question
    for m in ctx.msgs:
        if m.role != "user" or not m.prose:
            continue
        if last is not None and (last[0].pos in opened or LATER.hit(m.prose) or ASK.hit(m.prose)):
            asked = [*asked[-7:], last]  # put off by the next turn ("I'll ask them"), or filed as open
        last = None
        questions = [x for x in m.sentences if is_question(x)] if "?" in m.prose or "？" in m.prose else []
        if questions:
            q = questions[-1]
            keys = _keys(q)
            if (
                keys and m.pos not in facts and not _ASKS_TO.search(q)
            ):  # ("should we invite Jana?" is a choice)
                last = (m, q, keys, frozenset(w for w in word_set(q) if len(w) > 3))
            continue
        if not asked or not (YES.hit(m.prose) or NO.hit(m.prose)):
            continue
        prev = ctx.prev_assistant(m.pos)
        if prev is not None and prev.sentences and is_question(prev.sentences[-1]):
            continue  # (the reply to the assistant's own question answers that)
        named = _keys(m.prose)
        for i, (q_msg, q, keys, words) in enumerate(asked):
            if keys.isdisjoint(named):
                continue
            said = next(
                (
                    x
                    for x in m.sentences
                    if not has_secret(x)
                    and (shared := keys & _keys(x))
                    and len(shared) + len((words - keys) & word_set(x)) >= 2
                ),
                "",
            )
            answer = said.partition(":")[2].strip() if ":" in said else LEAD_FILLER.sub("", said)
            if not said or not (YES.starts(answer) or NO_ALONE.match(answer) or NO.starts(answer)):
                continue
            topic = plain(_LEADS.sub("", LEAD_FILLER.sub("", q))).rstrip("?？ ")
            ctx.add("fact", sentence_case(f"{topic}: {plain(answer).rstrip(' .')}"), {q_msg.pos, m.pos})
            ctx.drafts[:] = [
                d
                for d in ctx.drafts
                if not (d.kind == "open_question" and q_msg.pos in d.pos)
                and not (d.kind == "fact" and d.pos == {m.pos} and not d.must_keep)  # (the answer read alone)
            ]
            del asked[i]
            break


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
            ctx.add("fact", sentence_case(plain(said).rstrip(" .")), {m.pos, reply.pos})
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
                self.values.update(v.lower() for v in VALUE.findall(x.prose))
                self.words.update(tokens(x.prose))
        self.next = max(self.next, pos + 1)
        return self

    def restates(self, answer: str) -> bool:
        """Whether ``answer`` only says again what was said: every value in it, and every name but one
        (a recap's own lead word: "Summary", "Stand")."""
        values = {v.lower() for v in VALUE.findall(answer)}
        names = {n.lower() for n in capitalised_names(answer)}
        if not values and len(names) < 2:
            return False
        unseen = {n for n in names if n not in self.words}
        return values <= self.values and len(unseen) <= 1


def _answer_turn(ctx: Ctx, pos: int) -> tuple[Msg | None, frozenset[str], list[tuple[int, set[str]]]]:
    """The assistant turn that answers the user's question at ``pos``, the values its lookup found, and
    the lookup's steps with the values each returned.

    Its first words, unless those only announce a lookup: then its words after the tool results
    that only read or check (a file, a search, a listing), with the values those results hold.
    """
    first: Msg | None = None
    read = False
    for m in ctx.after(pos):
        if m.step is not None:
            looks = m.step.effect in ("read", "check") and not m.step.failed and not m.step.quiet
            if first is None and not read and not looks:
                continue  # ("put that in the notes, and do they want PDF/A?": the filing comes first)
            if not looks:
                return first, frozenset(), []  # work, not a lookup: the answer is the first reply
            read = True
        elif m.role == "assistant" and m.prose:
            if first is None and not read:
                first = m
                if not m.has_calls and (VALUE.search(m.prose) or len(m.sentences) > 1):
                    return m, frozenset(), []
            elif read and not m.has_calls:
                steps = [
                    (p, _looked_up(s.output[:2000]))
                    for p in range(pos + 1, m.pos)
                    if (s := ctx.msgs[p].step) is not None
                ]
                return m, frozenset(v for _, out in steps for v in out), steps
    return first, frozenset(), []


_LEADS: Final = re.compile(r"^[\s¿¡]*(?:(?:and|also|so|ok|und|y|et|e)\b[,\s]*)*", re.I)


def _asks_what(s: str) -> bool:
    """A question for a property: "what is ...", or one embedded early ("do you know how much ...")."""
    core = _LEADS.sub("", s)
    return WH.starts(core) or WH.hit(" ".join(tokens(core)[1:5]))


#: A question put to the agent to do something or to choose ("can you ...", "should we ...",
#: "kannst du", "sollen wir", "puedes", "deberíamos", "peux-tu", "on prend ..."): no question of fact.
_ASKS_TO: Final = re.compile(
    r"\b(?:can|could|would|will|shall|should)\s+(?:you|we|i)\b|\b(?:kannst|könntest|sollen|soll|willst|"
    r"wollen)\s+(?:du|wir|ich)\b|\b(?:puedes|podrías|podemos|deberíamos|debo|quieres|hacemos)\b|"
    r"\b(?:peux-tu|pourrais-tu|tu peux|on peut|dois-je|veux-tu|on fait|on prend)\b|"
    r"\b(?:puoi|potresti|possiamo|dovremmo|vuoi|facciamo|prendiamo)\b",
    re.I,
)


#: A reply that opens by saying yes or no ("Yes: ...", "Not per chapter.", "Nein, ...", "Sí, ...").
_YES_NO_ANSWER: Final = re.compile(
    r"^\W*(?:yes|no|not|nope|ja|nein|nicht|sí|si|sì|no|non|oui|pas)(?!\w)", re.I
)


def _either_or(text: str) -> bool:
    """Two ways laid out: "either ... or", "entweder ... oder", "o bien ... o bien", "soit ... soit"."""
    return EITHER.hit(text) and (
        OR_WORDS.hit(text) or len(re.findall(r"\b(?:soit|o bien)\b", text, re.I)) >= 2
    )


#: Two things to choose from, laid out in prose: "the choice between A and B", "zwischen A und B", "entre A
#: y B", "entre A et B", "tra A e B".
_BETWEEN: Final = _gated(
    r"\b(?:choice between|choose between|pick between|wahl zwischen|entscheiden zwischen|elegir entre|"
    r"choisir entre|le choix entre|scegliere tra|scegliere fra|la scelta tra)\b",
    "between|zwischen|entre|tra|fra",
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


#: A verb's object that points at something in this conversation: "I can't face them", "can't do it".
_THING_HERE: Final = re.compile(r"^\S+\s+\S+\s+\S+\s+(?:it|them|this|that|those|these)\b", re.I)


def _one_off(clause: str) -> bool:
    """ "I can't do Monopoly again", "I can't face them today": a reaction to this time or to the thing
    just named (once more, today, a pronoun for its object), not a person's standing "doesn't"."""
    head = " ".join(clause.split()[:8])
    return AGAIN.hit(head) or EPHEMERAL.hit(head) or _THING_HERE.match(clause) is not None


def states_preference(s: str) -> bool:
    """A person's standing "doesn't" ("Tom doesn't eat fish") inside any sentence."""
    return bool(_person_not(s))


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
    _from_then_on(ctx, m, used)
    _where_it_is(ctx, m, used)
    _said_in_passing(ctx, m, used)
    _dated(ctx, m, used)
    _on_purpose(ctx, m)
    contrast = _CONTRAST.hit(m.prose) or _COMPARE.hit(m.prose) or _FORWARD.hit(m.prose)
    headed = ":" in m.prose and _RULE_NOUN.search(m.prose) is not None
    habitual = _HABIT.search(m.prose, m.low) is not None
    if not (
        headed
        or habitual
        or m.has(CONVENTION)
        or m.has(PERSONAL)
        or m.has(ENV_ID)
        or RULE.hit(m.prose)
        or PREFER.hit(m.prose)
        or contrast
    ) and not _person_not(m.prose):
        return
    acked = contrast and _acked_only(ctx, m) and said_unprompted(ctx, m)
    sentences = m.sentences
    last: tuple[int, Draft] | None = None  # the sentence index the last fact of this turn ends at
    i = 0
    while i < len(sentences):
        s, i = sentences[i], i + 1
        if i - 1 in used:
            s = _after_yes(s)  # "yes please — the billing address moved to X": the yes was the reply
        if not s or len(s) > 400 or is_question(s) or REMEMBER.search(s):
            continue  # (a pasted log or listing is not a statement)
        lead = LEAD_FILLER.sub("", s)
        named = headed and _RULE_HEAD.match(lead) is not None
        core = lead_stripped(lead) if named else strip_label(lead)  # ("rule for Mrs Okafor: ..." keeps her)
        core = lead.partition(":")[2].strip() if named and core == lead and not _names_topic(lead) else core
        ahead = _FORWARD.hit(lead)  # ("whenever you open a PR, ...": "open" is no open point there)
        later = LATER.hit(core) and not (RULE.hit(core) or PREFER.hit(core) or ahead)
        # ("mañana" is also "morning"; "by default, the 7:10 train, not the later one" is a rule)
        if (
            not core
            or COMPLETION.search(core)
            or (OPEN.hit(core) and not ahead)
            or later
            or DISMISS.starts(lead)
        ):
            continue  # a point still open is not a fact; "never mind re X" waves one away
        if _SELF_FORGET.hit(core):
            continue  # "I always forget what can be done ahead": why they ask, not a rule
        if PROCEDURE_WORD.search(core) and not ahead and written_down(ctx, m):
            continue  # "put in how one starts a postmortem, then I needn't explain it every time", and the
            # agent writes it into the document: the how-to is a procedure, its reason no rule
        forward = ahead or (acked and _CONTRAST.hit(core))
        rule = RULE.hit(lead) or PREFER.hit(core) or forward or named
        rule = rule or (habitual and _HABIT.search(core) is not None and _NOT.search(core) is not None)
        liked = not rule and acked and _COMPARE.hit(core) and not _AGREED.match(core)
        # ("X works better for me than Y"; not "great, I'll read it over lunch")
        if (liked or (PREFER.hit(core) and not RULE.hit(lead))) and (
            _names_option(ctx, m.pos, core)
            or _about_options(ctx, m, core)
            or (i == 1 and _answers_proposal(ctx, m))
        ):
            continue  # "on second thought, rather B": a choice among options offered (a decision)
        if (
            not rule
            and (person := _person_not(core))
            and not (CONVENTION.search(core) or PERSONAL.search(core))
            and not _one_off(core[person.start("who") :])
        ):
            core = sentence_case(core[person.start("who") :])
            rule = True  # only the clause that states it: "Tom doesn't eat fish"
        stated = rule or liked or CONVENTION.search(core) or PERSONAL.search(core)
        if stated and not rule and not liked and not said_unprompted(ctx, m) and _names_label(core):
            continue  # "1 yes but Jonas owns it, not Aisha": the reply to a laid-out point, not a fact
        verb = STATE_VERB.search(core) if not stated else None
        env = ENV_ID.search(core) and verb is not None and verb.start() > 0  # "use X on host": an order
        if env and not stated and _asks_which(m):
            continue  # "the block at the Bonaventure, CAD 289. Or McGill for CAD 110. Which one?": options
        if not (stated or env) or (REQUEST.search(core) and not stated) or has_secret(s):
            continue
        if rule and REQUEST.match(core) and not forward:
            core = _rule_clause(core)  # "can you draft the email, and we always sign off as X": the rule
        if RULE.hit(lead) and i < len(sentences) and i not in used and settles_case(ctx, m, sentences[i]):
            add_settled(ctx, m, sentences[i])  # "releases always slip. Actually, drop OPS-230 too": this case
            i += 1
        elif (
            i < len(sentences)
            and i not in used
            and ((len(core) < 120 and only_explains(sentences[i])) or (rule and stresses(sentences[i])))
        ):  # ("we never skip review. No exceptions.": one rule)
            core, lead, i = (
                f"{core} {sentences[i]}",
                f"{lead} {sentences[i]}",
                i + 1,
            )  # (the lead keeps it too)
        text = plain(core if not forward or core == lead else lead)  # "from here on: X" keeps its lead
        text = lead_stripped(text) if rule else text  # ("one rule I want noted: we never ...": the rule)
        keep = bool(rule or HARD_RULE.search(core))
        if rule and _points_back(core):  # "Always do it that way for her.": the how is the sentence before
            if last is not None and last[0] == i - 2:
                last[1].text, last[1].must_keep = clip(f"{last[1].text} {text}"), True
                continue
            before = sentences[i - 2] if i >= 2 else ""
            alone = len(tokens(core)) <= 2  # ("... immer.": the rule is that sentence, whoever read it)
            if before and (alone or i - 2 not in used) and not is_question(before) and not has_secret(before):
                text = plain(f"{strip_label(LEAD_FILLER.sub('', before))} {text}")
        if (draft := ctx.add("fact", text, {m.pos}, must_keep=keep)) is not None:
            last = (i - 1, draft)


#: A sentence that opens by naming a laid-out point by its label or number ("1 yes", "B:", "(2) fine").
_LABEL_LEAD: Final = re.compile(r"^\W*(?:\d{1,2}|[A-Da-d])(?:[.):]\s+|\s+(?=[^\W\d_]))")


def _names_label(s: str) -> bool:
    """Whether ``s`` opens with the label of an option or point ("1 yes but ...", "B: ...")."""
    return _LABEL_LEAD.match(s) is not None


def _names_topic(s: str) -> bool:
    """Whether the head before a colon names someone or something ("Rule for Mrs Okafor: ...")."""
    head = s.partition(":")[0]
    return any(w[:1].isupper() and len(w) > 1 for w in re.findall(r"[^\W\d_]+", head)[1:]) or bool(
        re.search(r"\d|\w[-_.]\w", head)
    )


def _asks_which(m: Msg) -> bool:
    """A turn that ends by asking which ("Which one would you do?", "Lequel tu me conseilles ?"): what
    it lays out before are options to choose from, not facts."""
    last = m.sentences[-1] if m.sentences else ""
    return is_question(last) and WHICH.hit(last)


def _points_back(core: str) -> bool:
    """A short rule that names its manner only by pointing back ("always do it that way"), or a rule
    word said alone after a statement ("... announced in #oncall first. Always.", "... immer."): the
    rule is the sentence before, the word alone is no bullet."""
    toks = tokens(core)
    return (len(toks) <= 8 and BACK_MANNER.hit(core)) or (len(toks) <= 2 and RULE.hit(core))


#: Where a request's sentence goes on with something else: ", and ...", "; ...", ", aber ...".
_CLAUSE_BREAK: Final = re.compile(r"(?:,|;)\s+(?:(?:and|but|also|und|aber|auch|y|pero|et|mais|e|ma)\s+)?")


def _rule_clause(core: str) -> str:
    """A rule said inside a request ("can you draft the welcome email, and we always sign off as the
    team, never with names"): the sentence from the clause with a subject of its own that holds the
    rule word on."""
    for brk in _CLAUSE_BREAK.finditer(core):
        rest = core[brk.end() :]
        head = rest.split(",")[0]
        if _SUBJECT.match(rest) and (RULE.hit(head) or PREFER.hit(head) or _person_not(head)):
            return sentence_case(rest)
    return core  # ("run them through `uv run pytest`, never bare pytest": the order is the rule)


#: A clause with a subject of its own: "we always ...", "ich ... nie", "Tom never ...".
_SUBJECT: Final = re.compile(
    r"^(?i:i|we|our|my|ich|wir|unser\w*|mein\w*|je|j'|nous|on|notre|nos|yo|nosotros|nuestr\w*|mi|io|noi|"
    r"nostr\w*)\b|^[A-Z][a-zäöüéèáíóú]+\s"
)


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
    r"ese es|esa es|c'est|ce sera|qui est|è il|è la|è lo|questo è|quello è|che è)\s+(?P<what>.+)$",
    re.I,
)


#: Where an aside can start: a comma, semicolon or dash, then one of ``_ASIDE``'s first words.
_ASIDE_CUE: Final = re.compile(
    r"(?:,|;|—|–| - )\s*(?:that|it|this|which|das|der|die|es|ese|esa|c'est|ce|qui|è|questo|quello|che)(?!\w)",
    re.I,
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
            if aside is None or len(tokens(aside.group("what"))) < 2 or VALUE.search(aside.group("what")):
                continue
            if not any(re.search(r"\d", x) for x in _IDENT.findall(parts[j - 1])):
                continue
            ctx.add("fact", sentence_case(plain(", ".join(parts[: j + 1]))), {m.pos}, must_keep=False)
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
    "vanno in|vanno nella|vanno nel|va in|va nella|va nel|si salvano in|si salva in|stanno in|finiscono in",
)


#: How things are done where the user works: "at our place", "bei uns", "en nuestro equipo", "chez nous".
_AT_OURS: Final = Words(
    "at our place|in our team|in our shop|in this team|with us",
    "bei uns|in unserem team|in unserem verein|hier bei uns",
    "en nuestro equipo|en nuestra empresa|entre nosotros|en casa",
    "chez nous|dans notre équipe|dans notre association|entre nous",
    "da noi|nel nostro team|nella nostra associazione|qui da noi|tra noi",
)


#: "For us it is ...", at the head of a statement: how it is done where the user works.
_FOR_US: Final = re.compile(
    r"^(?:for us|with us|für uns|bei uns|para nosotros|para nosotras|con nosotros|pour nous|chez nous|per noi|"
    r"da noi)[,\s]+(?:it'?s|it is|that'?s|ist|es|c'est|è|sind|son|sont|sono)\s",
    re.I,
)

_PATH: Final = re.compile(r"(?:^|\s)(?:~|\.{1,2})?/?[\w<>.-]+/[\w<>./-]*")


def _house_rules(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """A standing rule said plainly, in a turn that asks for something else: where things go ("raw
    exports go to /data/raw/<date>/ and nobody touches them") or how it is done here ("les messages de
    commit chez nous c'est en anglais"). A statement, not a question or an order: a fact (must keep)."""
    for i, s in enumerate(m.sentences):
        if i in used or len(s) > 300 or is_question(s) or has_secret(s):
            continue
        core = strip_label(LEAD_FILLER.sub("", s))
        if not core or REQUEST.match(core) or PLEASE.search(core) or COMPLETION.search(core):
            continue
        placed = _GOES.hit(core) and _PATH.search(core) is not None and not FIRST_PERSON.starts(core)
        ours = _AT_OURS.hit(core) and (STATE.hit(core) or not COPULA.isdisjoint(tokens(core)))
        for_us = _FOR_US.match(core)  # "for us it's invoices in English only", "per noi è solo bonifico"
        ours = ours or (for_us is not None and len(tokens(core[for_us.end() :])) >= 3)
        if placed or ours:
            ctx.add("fact", sentence_case(plain(core).rstrip(" .")), {m.pos}, must_keep=True)
            used.add(i)


_MONTH: Final = MONTH_PATTERN

#: A state that holds from a moment on, narrowed to "only": "works only Mon-Wed from January", "ab Januar nur
#: noch Mo-Mi", "a partir de marzo solo por las mañanas", "à partir de mars que le matin", "da gennaio solo".
_FROM_THEN: Final = _gated(
    r"\b(?:from|starting|as of|ab|seit|a partir de|desde|à partir de|dès|da|dal|dalla|a partire da)\s+"
    r"(?:(?:the|dem|el|le|il)\s+)?(?:next\s+\w+|nächste[mnr]?\s+\w+|"
    + _MONTH
    + r"|\d{1,2}\.\s*"
    + _MONTH
    + r")\b",
    "next|nächste|" + _MONTH.strip("(?:)"),
)
_BUT: Final = re.compile(r"^(?:but|aber|doch|pero|mais|ma|però)\s+", re.I)
_ONLY: Final = Words(
    "only|just|no longer|not anymore",
    "nur|nur noch|nicht mehr|kein|keine",
    "solo|sólo|solamente|únicamente|ya no",
    "seulement|uniquement|ne plus|plus que|n'est plus",
    "solo|soltanto|solamente|non più",
)


#: A word that puts a remark aside: "heads up", "by the way", "übrigens", "por cierto", "au fait", "comunque".
_BY_THE_WAY: Final = re.compile(
    r"^\W*(?:heads up|by the way|side note|übrigens|nebenbei bemerkt|info am rande|am rande|por cierto|"
    r"a todo esto|ojo|au fait|à noter|d'ailleurs|comunque|nota bene|tra l'altro|a proposito)\b[,:;!.\s—–-]*",
    re.I,
)


def _said_in_passing(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """A fact put aside in so many words ("heads up: the office wifi is GuestNet-5G now", "übrigens:
    Lena ist bis April in Elternzeit, Tom vertritt sie", "por cierto, ..."): a statement that names
    someone or something (a name, a value, an identifier), not a question, an order or a task."""
    lead = _BY_THE_WAY.match(m.prose)
    if lead is None or not m.sentences or any(m.pos in d.pos for d in ctx.drafts[-8:]):
        return  # (a rule that read this turn into an item already said it)
    parts = list(split_sentences(m.prose[lead.end() :].strip()))
    while len(parts) > 1 and re.search(r"(?:^|\s)[A-Z][a-z]{0,3}\.$", parts[0]):
        parts[:2] = [f"{parts[0]} {parts[1]}"]  # "Dr." / "Kessler, ...": a title, not a sentence's end
    first = parts[0] if parts else ""
    if not first or len(first) > 300 or is_question(first) or has_secret(first) or not first.strip(" .!"):
        return
    core = LEAD_FILLER.sub("", first)
    if REQUEST.match(core) or PLEASE.search(core) or _ASKS_TO.search(core) or COMPLETION.search(core):
        return  # ("btw can you also ...", "übrigens, mach bitte ...", "by the way, all paid")
    if task_sentence(core) or LATER.hit(core) or OPEN.hit(core) or len(tokens(core)) < 4:
        return  # a task or a point put off is read by the to-do and open-question rules
    named = (
        re.search(r"\d", core)
        or _CODE.search(core)
        or {n for n in capitalised_names(core) if n != core.split()[0]}
    )
    if not named:
        return  # ("by the way, I loved the last draft"): nothing named, small talk
    ctx.add("fact", sentence_case(plain(core).rstrip(" .")), {m.pos})
    used.add(0)


#: "On purpose", per language: a state of things the user says was made so, and is to stay so.
_ON_PURPOSE: Final = Words(
    "on purpose|deliberately|intentionally",
    "absichtlich|mit absicht",
    "a propósito|adrede|deliberadamente|intencionadamente",
    "exprès|volontairement|délibérément|intentionnellement",
    "apposta|di proposito|volutamente|deliberatamente",
)


def _on_purpose(ctx: Ctx, m: Msg) -> None:
    """A state of the setup the user says is so on purpose ("closed 80 in october on purpose", "the
    smart plugs sit on the guest wifi, on purpose", "den Port habe ich absichtlich zugemacht"): a standing
    property of the environment, not to be undone (a fact; must keep when a rule word says so too).
    The sentence that says it, in the user's words; not a question, an order or a "by the way" head
    ("a propósito, ..." opens an aside)."""
    if not _ON_PURPOSE.hit(m.prose):
        return
    for s in m.sentences:
        if len(s) > 300 or is_question(s) or has_secret(s) or not _ON_PURPOSE.hit(s) or _ON_PURPOSE.starts(s):
            continue
        core = strip_label(LEAD_FILLER.sub("", _after_yes(s) or s))
        core = AGREE_START.sub("", core, count=1).lstrip(" ,;:!.")  # ("yeah closed 80 ...": the yes goes)
        if len(tokens(core)) < 4 or REQUEST.match(core) or PLEASE.search(core) or _ASKS_TO.search(core):
            continue
        if any(d.kind == "fact" and m.pos in d.pos and core[:40] in d.text for d in ctx.drafts[-8:]):
            continue  # (another fact rule said it already)
        ctx.add("fact", sentence_case(plain(core).rstrip(" .")), {m.pos}, must_keep=RULE.hit(core))


#: A thing named by its article and a few words, then "is", then a date: "the internal deadline is 9
#: December", "der Abgabetermin ist am 3. März", "la fecha límite es el 9 de diciembre", "la date limite
#: est le 9 décembre", "la scadenza è il 9 dicembre".
_IS_DATED: Final = _gated(
    r"^(?:the|our|der|die|das|unser\w*|el|la|los|las|nuestr[ao]s?|le|les|notre|nos|il|lo|l'|i|gli|le|nostr[aoie])"
    r"\s*(?:[^\W\d_][\w'’-]*\s+){1,6}?(?:is|ist|es|est|è|sind|son|sont|sono)\s+"
    r"(?:(?:on|am|el|le|il|the|der)\s+)?(?:\d{1,2}(?:st|nd|rd|th|\.|er)?\s+(?:de\s+|of\s+)?"
    + _MONTH
    + r"|"
    + _MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{4}-\d\d-\d\d)\b",
    _MONTH.strip("(?:)") + "|-",
)


def _dated(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """A date the user gives as a thing's own ("the internal deadline is 9 December, the ministry's the
    16th"), in a turn that goes on to ask for something: a fact, the sentence that says it. Not a
    question, an order, a task or a point still open."""
    if not _IS_DATED.gate(m.low):
        return  # (no month named: cheap)
    for i, s in enumerate(m.sentences):
        if i in used or len(s) > 300 or is_question(s) or has_secret(s):
            continue
        core = strip_label(LEAD_FILLER.sub("", s))
        if not _IS_DATED.search(core, core.lower()):
            continue
        if (
            REQUEST.match(core)
            or PLEASE.search(core)
            or LATER.hit(core)
            or OPEN.hit(core)
            or task_sentence(core)
        ):
            continue
        ctx.add("fact", sentence_case(plain(core).rstrip(" .")), {m.pos})
        used.add(i)


def _from_then_on(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """A person's or a thing's standing state that changes from a date on, narrowed to "only" or "no longer"
    ("Frau Brandl arbeitet ab Januar nur noch Mo-Mi", "from March the gym opens only at weekends"), said
    in the user's statement: a fact (the clause that says it)."""
    if not _FROM_THEN.search(m.prose, m.low):
        return
    for i, s in enumerate(m.sentences):
        if i in used or len(s) > 300 or is_question(s) or has_secret(s):
            continue
        for clause in re.split(r"[,;]\s+|\s+(?:—|–|-)\s+", s.strip()):
            core = _BUT.sub("", strip_label(LEAD_FILLER.sub("", clause)))
            if (
                not _FROM_THEN.search(core)
                or not _ONLY.hit(core)
                or REQUEST.match(core)
                or PLEASE.search(core)
            ):
                continue
            if FIRST_PERSON.starts(core) or COMPLETION.search(core) or len(tokens(core)) < 4:
                continue  # ("I'm only in from March": the speaker's own plans are read as tasks)
            ctx.add("fact", sentence_case(plain(core).rstrip(" .")), {m.pos})
            used.add(i)
            break


#: Where a thing is: "the compose file is in ~/srv/app", "die Belege liegen in steuer/", "está en /etc/x",
#: "le dossier est dans docs/", "il file è in ~/conti/": a statement that a thing sits at a path.
_LIVES_IN: Final = re.compile(
    r"\b(?:is|are|lives?|sits?|is kept|are kept)\s+(?:in|at|under)\s+(?=[~./\w-]*/)|"
    r"\b(?:ist|sind|liegt|liegen|steht|stehen)\s+(?:in|unter)\s+(?=[~./\w-]*/)|"
    r"\b(?:está|están|se encuentra|se encuentran)\s+en\s+(?=[~./\w-]*/)|"
    r"\b(?:est|sont|se trouve|se trouvent)\s+(?:dans|sous)\s+(?=[~./\w-]*/)|"
    r"\b(?:è|sono|si trova|si trovano|sta|stanno)\s+(?:in|sotto)\s+(?=[~./\w-]*/)",
    re.I,
)

#: A machine named with its address or system in brackets: "the new box (atlas, 192.168.1.40)", "(db2,
#: db2.lan)", "den Homeserver (nuc, Debian 12)".
_NAMED_HOST: Final = re.compile(
    r"(?P<what>(?:[^\W\d_][\w-]*\s+){1,3})\((?P<name>[\w.-]+),\s*"
    r"(?P<addr>\d{1,3}(?:\.\d{1,3}){3}|[\w-]+\.[\w.-]+|[A-Z][\w+-]*\s+v?\d+(?:\.\d+)*)\)"
)
_ARTICLE: Final = re.compile(
    r"^(?:(?:to|on|onto|at|in|into|from|for|auf|an|nach|zu|für|a|al|en|para|sur|vers|pour|su|per|"
    r"den|dem|der|die|das|einen|einem|el|los|las|le|les|il|lo)\s+)+",
    re.I,
)


def _where_it_is(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """Where things are, said by the user while asking for something else: a machine named with its
    address ("moved it to the new box (atlas, 192.168.1.40)"), and with it a thing at a path on it
    ("compose file is in ~/srv/nextcloud, can you look"). One environment fact for the turn, in the
    user's words; a path alone is only what to work on."""
    if "/" not in m.prose and "(" not in m.prose:
        return
    said: list[str] = []
    idx: list[int] = []
    named = False
    for i, s in enumerate(m.sentences):
        if i in used or len(s) > 300:
            continue
        # (in a question too: "it's on the router (fritz, 192.168.178.1), can you set it up?")
        host = _NAMED_HOST.search(s) if "(" in s and "," in s else None
        if host is not None and " " in host.group("addr") and not host.group("name").islower():
            host = None  # a system ("Debian 12") names a machine only after a host name ("nuc"), not "(Monday, Room 4)"
        if (host is None and is_question(s)) or has_secret(s):
            continue
        if host is not None:
            what = _ARTICLE.sub("", host.group("what").strip())
            said.append(f"{what}: {host.group('name')}, {host.group('addr')}")
            idx.append(i)
            named = True
            continue
        where = _LIVES_IN.search(s) if "/" in s else None
        if where is None:
            continue
        head = re.split(r"[,;:]\s+", s[: where.start()])[-1]
        tail = re.split(r"[,;]\s+|\s+(?=(?:and|und|y|et|e)\s)|[.!]\s*$", s[where.start() :])[0]
        clause = strip_label(LEAD_FILLER.sub("", f"{head}{tail}".strip()))
        if len(tokens(head)) < 1 or REQUEST.match(clause) or FIRST_PERSON.starts(clause):
            continue
        said.append(clause.rstrip(" ."))
        idx.append(i)
    if named:  # (a file's place alone is what to work on, not a fact: "the outline is in notes/outline.md")
        ctx.add("fact", sentence_case(plain("; ".join(said))), {m.pos})
        used.update(idx)


#: A request shaped so that something no longer happens: "plan the drives so that we never drive on
#: at night", "so, dass wir nicht mehr ...", "de modo que ya no ...", "de façon à ne plus ...".
_SO_THAT_NEVER: Final = re.compile(
    r"\b(?:so that|so,? dass|sodass|de (?:modo|manera|forma) que|para que|de (?:façon|sorte|manière) (?:à|que|qu')|"
    r"in modo (?:che|da)|così che|affinché)"
    r"\b.{0,80}?\b(?:never|no longer|not any ?more|nie|niemals|nicht mehr|kein\w* \w+ mehr|ya no|nunca|"
    r"ne plus|n'\w+ plus|jamais|non più|mai più)\b",
    re.I,
)


def _kept_from_now(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """A request whose purpose is that something never happens again ("und plan die Fahrten so, dass
    wir nach einem Gig nicht mehr nachts weiterfahren"): a standing rule to go by (must keep)."""
    for i, s in enumerate(m.sentences):
        if i in used or len(s) > 300 or is_question(s) or has_secret(s) or not _SO_THAT_NEVER.search(s):
            continue
        said = JOINED.sub("", LEAD_FILLER.sub("", s).strip())
        ctx.add("fact", sentence_case(plain(said).rstrip(" .")), {m.pos}, must_keep=True)
        used.add(i)


#: A word that points at what was just said: "what that means", "was das heißt", "qué supone eso".
_THAT_BACK: Final = Words(
    "that|this|those|these|it",
    "das|dies|dieses|davon|damit|daraus",
    "eso|esto|ello",
    "ça|cela|ceci",
    "questo|ciò",
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
        core = strip_label(LEAD_FILLER.sub("", s))
        if not core or REQUEST.match(core) or FIRST_PERSON.starts(core) or COMPLETION.search(core):
            continue
        numbers = [v for v in VALUE.findall(core) if v[:1].isdigit() and not _CLOCK.fullmatch(v)]
        asks = is_question(nxt) or opens_request(nxt)
        worked = WH.hit(" ".join(tokens(nxt)[1:])) and _THAT_BACK.hit(nxt)  # "work out what that means"
        if len(numbers) >= 2 and asks and worked and not VALUE.search(nxt):
            ctx.add("fact", sentence_case(plain(core).rstrip(" .")), {m.pos})
            used.add(i)


#: A reply that opens with a yes of its own ("great, ..."; not "si puedo elegir", where "si" is "if").
_AGREED: Final = re.compile(
    r"^\W*(?:yes|yeah|yep|sure|ok|okay|great|perfect|good|nice|cool|ja|gut|super|sí|vale|genial|oui|parfait|"
    r"super|d'accord|sì|certo|perfetto|ottimo|va bene)\s*[,.!]",
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


#: The options the assistant laid out in one range, read once: (first message, count, options by position),
#: under the key 0. A memo table: emptied after each flush, so the range's option words (values a secret
#: may be among) are not kept until the next one.
_LAID_OUT: dict[int, tuple[weakref.ref[Msg], int, list[tuple[int, frozenset[str], frozenset[str]]]]] = table()


def _laid_out(ctx: Ctx) -> list[tuple[int, frozenset[str], frozenset[str]]]:
    """Every option the assistant proposed in the range, with its values and words, in order (one pass
    per range, not one per turn that asks: a long session would read its earlier turns again and again)."""
    if ctx.msgs and 0 in _LAID_OUT:
        first, n, got = _LAID_OUT[0]
        if first() is ctx.msgs[0] and n == len(ctx.msgs):
            return got
    got = [
        (x.pos, frozenset(v.lower() for v in VALUE.findall(o.text)), o.words)
        for x in ctx.msgs
        if x.role == "assistant" and x.prose and x.proposal
        for o in x.options
    ]
    if ctx.msgs:
        _LAID_OUT[0] = (weakref.ref(ctx.msgs[0]), len(ctx.msgs), got)
    return got


def _about_options(ctx: Ctx, m: Msg, text: str) -> bool:
    """In the reply to options just laid out, a preference that names what one of them names ("ok the
    direct one. I hate changing in Frankfurt" after "1. via Frankfurt ... 3. direct"): the reason for
    the pick, part of the choice, not a fact of its own."""
    prev = ctx.prev_assistant(m.pos)
    options = ctx.offer(prev).options if prev is not None else ()
    if not options:
        return False
    first = text.split(maxsplit=1)[0] if text.split() else ""
    names = {n.lower() for n in capitalised_names(text) if n != first}
    return any(names & {n.lower() for n in capitalised_names(o.text)} for o in options)


def _answers_proposal(ctx: Ctx, m: Msg) -> bool:
    """Whether ``m`` replies to an assistant turn that put something to the user (options, one
    suggestion, a value to change): the reply's first words, liking or rather-ing ("I like it, but I'd
    put X first", "monthly rather 12, otherwise ok"), take or amend what was put, a choice, no fact."""
    prev = ctx.prev_assistant(m.pos)
    if prev is None:
        return False
    offer = ctx.offer(prev)
    return offer.asked and bool(offer.options or offer.single or offer.change or offer.recommendation)


def _names_option(ctx: Ctx, pos: int, text: str) -> bool:
    """Whether ``text`` names an option the assistant laid out earlier (by a value or two words)."""
    words = word_set(text)
    values = {v.lower() for v in VALUE.findall(text)}
    for at, theirs, said in _laid_out(ctx):
        if at >= pos:
            break
        if values & theirs or len(words & said) >= 2:
            return True
    return False
