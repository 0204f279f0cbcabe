"""Dialogue acts: what the assistant put to the user (``exchanges.offer_of``) and the reply to it.

* Options, then a reply that picks one (by label, ordinal, "the one in between", comparative,
  identifier, its own words), agrees (the recommended option), or delegates ("your call": the
  assistant's choice in its next turn) -> a decision, stated as the chosen option; options the
  reply turns down -> ``Rejected:``. A reply that agrees or names no option is resolved by the
  assistant's short confirmation that names one ("Locked in: X."), which is cited too.
* The offer stays pending over a side question: options, "what's the catch with C?", the answer,
  then "B" -> B of the pending options (``pending_picks``); the side turn is no reply, no correction.
* An offer whose options are the commands just run ("save these steps as a runbook?") is the
  procedure rules' business, never a decision (``ran_list``).
* A single thing offered, accepted -> a decision; refused -> a rejection. An offer to change a value
  the turn states (``Offer.change``) is a decision either way; a reply that is neither yes nor no
  is read from the assistant's next words (the new value, or the current one).
* A reply that puts the question off ("later", "let me think", "I'll ask Priya") -> an open question;
  so is a point the assistant's answer files as open (``kept_open``), and a choice still unanswered
  when the range ends. A request that only names a day and is carried out at once defers nothing;
  a question answered later in the same range is not open (``settle``).
* A later decision on the same options replaces the earlier one, also without a reversal word when
  the turn names another option by name and the assistant confirms it; an assistant turn that
  restates a decision (its words, or right after the reply, its value) cites the same item.
* ``TODO:`` / ``Open question:`` lines and "we decided ..." statements; a task with an owner or a
  due date is a to-do, and so is a task the user names, the assistant asking who and by when, and
  the reply that says (``_assignment``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from memoryd.flush.extract import put_off, refused_ask, taken_on, todos
from memoryd.flush.extract.asides import asks_what_happened, offers_nothing, sets_number_right
from memoryd.flush.extract.context import Ctx, Draft
from memoryd.flush.extract.exchanges import (
    Offer,
    choice_laid_out,
    distinct_values,
    elaborated_offer,
    exchanges,
    introduced_names,
    named_option,
    option_by_name,
    owned_names,
    proposed_value,
    resolve_question,
)
from memoryd.flush.extract.lexicon import (
    ASK,
    ASK_SELF,
    ASKS_AGENT,
    BELIEF,
    BEST,
    BOTH,
    CHOICE,
    CONDITION,
    DELEGATE,
    DOUBT,
    DUE,
    EPHEMERAL,
    FIRST,
    LARGER,
    LATER,
    LONE_YES,
    MIDDLE,
    NEGATIVE,
    NO,
    OPEN,
    OR,
    ORDINALS,
    OWNER,
    REJECT,
    REVERSAL,
    SELF,
    SMALLER,
    STATE,
    SUGGEST,
    THANKS,
    WH,
    WHICH,
    WIDE_ORDINALS,
    YES,
    tokens,
)
from memoryd.flush.extract.lexicon import RECOMMEND as RECOMMEND_WORDS
from memoryd.flush.extract.lexicon import REMEMBER as REMEMBER_WORDS
from memoryd.flush.extract.markers import (
    COMPLETION,
    DECIDED,
    LEAD_FILLER,
    PLEASANTRY,
    REMEMBER,
    REQUEST,
    SIGN_OFF,
    STOPWORDS,
)
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.own_task import own_dated_clause, own_dated_task
from memoryd.flush.extract.procedures import HOWTO
from memoryd.flush.extract.prose import (
    CJK,
    LIST_ITEM,
    Option,
    alone_in,
    capitalised_names,
    clip,
    has_secret,
    is_question,
    paragraphs,
    plain,
    split_sentences,
    word_set,
)
from memoryd.flush.extract.then_pick import then_pick
from memoryd.flush.extract.tools import measured_list, report_sentences, result_sentences, supporting_steps
from memoryd.flush.items import Kind
from memoryd.flush.memo import memo

_RESULT_NUM: Final = re.compile(r"(?<![\d/])\d+/\d+(?![\d/])|\b\d+(?:\.\d+)?\s?%")
_OPEN_LINE: Final = re.compile(
    r"^(?:[-*+•]\s+)?(?:\*\*)?(?P<tag>open(?: question| point| issue)?s?|still open|todo|to-do|action items?|"
    r"unresolved|offene frage|pregunta abierta|question ouverte|未解決|未決)(?:\*\*)?\s*[:：]\s*(?P<text>\S.*)$",
    re.I,
)
_LABEL: Final = re.compile(r"^\W*(?:option\s+|plan\s+)?[A-Da-d1-9](?:\W|$)", re.I)
_LEAD_LABEL: Final = re.compile(r"^[^:：]{0,20}[:：]\s*")
_OFFER_LEAD: Final = re.compile(
    r"^(?:(?:shall|should|can|may) (?:i|we)|(?:do you )?want me to|would you like me to|i could|we could|i can|"
    r"you could|du könntest|ihr könntet|podrías|tu pourrais|vous pourriez|"
    r"soll ich|ich könnte|wir könnten|(?:quieres|queréis) que(?: (?:te|le|les|os))?|podría|podríamos|"
    r"(?:veux-tu|voulez-vous|tu veux) que (?:je|j')(?: (?:te|leur|lui|vous))?|je pourrais|on pourrait|"
    r"(?:vuoi|volete) che(?: (?:ti|gli|le|vi))?|posso|potrei|potremmo)\s+",
    re.I,
)
_OFFER_TAIL: Final = re.compile(
    r"[,;:—-]?\s*(?:want that|ok|okay|right|sounds good|shall i|should i)\s*[?？]?$", re.I
)
_OPEN_NEEDLES: Final = (
    "open",
    "todo",
    "to-do",
    "action item",
    "unresolved",
    "offen",
    "abierta",
    "ouverte",
    "未",
)
_DATE: Final = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}\.?(?:\d{2,4})?\b|\b\d{1,2}(?:st|nd|rd|th)\b"
)
_NAMED_SUBJECT: Final = re.compile(
    r"(?:^|[(,;:]\s*|\b(?:and|und|y|et|e)\s+)(?:@\w+|(?:[A-Z][a-z]+\s+)?[A-Z][a-z]{2,}(?=\s+(?:will|'ll|to|should|has to|needs to|must|takes|owns|can|"
    r"wird|soll|muss|hat|macht|va a|debe|tiene que|hará|va|doit|fera|va|takes care|handles|is handling|"
    r"kümmert sich|übernimmt|se encarga|s'occupe)\b(?!\s+[A-Z])))"
    r"|\b(?:muss|soll|wird|kann|debe|doit|has to|will)\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]{2,}\b(?=\s+[a-zäöüéèáíóú])"
)
_FIRST_PERSON_PLAN: Final = re.compile(
    r"^(?:i'?ll|i will|we'?ll|we will|i need to|we need to|i have to|remind me to|ich werde|wir werden|ich muss|"
    r"voy a|vamos a|tengo que|je vais|nous allons|je dois)\b",
    re.I,
)


_CLAUSE: Final = re.compile(r"\s*[,;]\s*|\s+(?:but|aber|pero|mais|though)\s+", re.I)
_WONDER: Final = re.compile(r"je me demande|ich frage mich|frage mich|me pregunto|i wonder", re.I)
_WHETHER: Final = re.compile(r"\b(?:whether|if|ob|si)\b|\bs'ils?\b|かどうか", re.I)
_DUE_BY: Final = re.compile(
    r"\b(?:by|before|until|till|bis|vor|antes del?|hasta|para|avant|d'ici|pour)\s+(?:(?:the|el|le|la|dem|den)\s+)*"
    r"(?:end|next|\d|[A-Z]\w+day|month|week|sprint|quarter|monats|mes|mois|ende|fin|fine)",
    re.I,
)
_PLAN_INSIDE: Final = re.compile(
    r"\b(?:i'?ll|i will|we'?ll|we will|i need to|we need to|i have to|we have to|we must|ich muss|wir müssen|"
    r"tengo que|tenemos que|je dois|nous devons|il faut|he'?ll|she'?ll|they'?ll|he will|she will|they will|"
    r"er wird|sie wird|sie werden|il va|elle va|ils vont|va a|van a)\b",
    re.I,
)
_THAT: Final = re.compile(r"\b(?:that|dass|que)\s+", re.I)
_ASK_FOR: Final = re.compile(r"\bask(?:ing)? (?:for|them to|him to|her to)\b", re.I)
_FILLER: Final = re.compile(
    r"^(?:(?:hmm*|hm|oh|well|so|and|also|but|btw|hey|und|y|et|pues)\b[,.!]?\s*)+", re.I
)


def _first(body: Sequence[str]) -> str:
    return _FILLER.sub("", body[0]).strip() or body[0]


def _size(text: str) -> int:
    """Length in words (CJK characters count half a word each; ASCII text has none to look for)."""
    n = len(tokens(text))
    return n if text.isascii() else n + len(CJK.findall(text)) // 2


def _short(text: str) -> bool:
    return _size(text) <= 8


_NOT_YES: Final = frozenset(
    ["good question", "gute frage", "buena pregunta", "bonne question", "good point", "fair question"]
)


def _agrees(first: str) -> bool:
    toks = tokens(first)
    if " ".join(toks[:2]) in _NOT_YES or " ".join(toks[1:3]) in _NOT_YES:
        return False  # "hmm, good question": a filler, no yes
    if len(toks) <= 2 and toks and toks[0] in LONE_YES:
        return True  # "da", "tak": a whole reply of one "yes"
    return YES.starts(first) or (_short(first) and YES.hit(first) and not NO.hit(first))


def _refuses(first: str) -> bool:
    if DOUBT.hit(first) or LATER.hit(first):
        return False  # "not sure yet" is no refusal
    return NO.starts(first) or (_short(first) and REJECT.hit(first))


def _takes_on(s: str) -> bool:
    """ "I'll send it myself tomorrow", "das mach ich selbst": the user doing what was offered, by
    their own hand (first person and a reflexive): the offer declined, whenever they do it."""
    return SELF.hit(s) and FIRST.hit(s) and not is_question(s)


@memo(4096)  # pure; asked of a sentence by the reply, to-do and contrast rules alike
def _defers(s: str) -> bool:
    """Putting a question off: a "later" word, or asking someone else ("I'll ask Priya")."""
    if not (LATER.hit(s) or ASK.hit(s) or ASK_SELF.hit(s)):
        return False  # every way of putting off needs one of these (the cheap test first)
    if SIGN_OFF.search(s) or todos.signs_off(s):
        return False  # "thanks, that's it", "going for a walk, later": a goodbye, nothing put off
    if DELEGATE.hit(s) and not (ASK.hit(s) or ASK_SELF.hit(s)):
        return False  # "pipettes dunno, your call": the choice handed over, nothing put off
    if todos.hedged_only(s) and not (ASK.hit(s) or ASK_SELF.hit(s)):
        return False  # "maybe elf", "haha maybe": a hedged answer, nothing put off
    if distinct_values(s) and STATE.hit(s) and not is_question(s):
        return False  # "for later: the profiles file is at ~/.dbt/profiles.yml" states a fact
    asks = FIRST.hit(s) and ASK.hit(_WONDER.sub("", s))  # "I need to check with Marco whether ..."
    if DOUBT.hit(s) and _WHETHER.search(s) and not _plan(s) and not asks:
        return False  # "not sure whether X": the user raises a point, it defers nothing
    if LATER.hit(s) or _asks_self(s):
        return True
    if not ASK.hit(s) or is_question(s) or _ASK_FOR.search(s):
        return False  # "ask for Dublin" is a request, not a deferral
    return bool(capitalised_names(s) or _plan(s) or FIRST.hit(s) or _MUST_FIRST.search(s) or todos.when(s))


#: A first person who has to do something, anywhere in the sentence ("das muss ich erst ...",
#: "eso lo tengo que ..."): with an asking verb, the speaker has to consult before deciding.
_MUST_FIRST: Final = re.compile(
    r"\b(?:i need to|i have to|i must|we need to|we have to|muss ich|ich muss|müssen wir|wir müssen|"
    r"tengo que|tenemos que|je dois|il faut que je|nous devons|on doit)\b",
    re.I,
)


def _asks_self(s: str) -> bool:
    return ASK_SELF.hit(s) and not is_question(s)


def _plan(s: str) -> bool:
    return bool(_FIRST_PERSON_PLAN.match(LEAD_FILLER.sub("", s.strip())))


def _sentence(text: str) -> str:
    """One self-contained sentence: plain, and capitalised when it opens with an ordinary word
    ("do we keep ..." -> "Do we keep ..."; "aiohttp 3.10" stays as written)."""
    text = plain(text).strip(" ,;:—-")
    words = text.split()
    head = words[0] if words else ""
    named = len(words) > 1 and words[1][:1].isdigit()  # "aiohttp 3.10": a name with its version
    if (
        head.isalpha()
        and head.islower()
        and (head in STOPWORDS or WH.hit(head) or (len(words) >= 4 and not named))
    ):
        return text[:1].upper() + text[1:]
    return text


def _unoffered(text: str) -> str:
    """An option without the offering lead: "I could publish it on 8081 instead" -> "publish it on 8081
    instead" (what was chosen is the publishing, not that the assistant could)."""
    if (lead := _OFFER_LEAD.match(text)) and len(tokens(text[lead.end() :])) >= 3:
        return text[lead.end() :]
    return text


def option_text(offer: Offer, idx: int) -> str:
    """What was decided, in the option's own words (with what introduced it, when it is short)."""
    o = offer.options[idx]
    text = _unoffered(o.text)
    clauses = any(_size(x.text) > 8 for x in offer.options[1:])  # whole clauses: nothing to put back in
    if not offer.groups and len(offer.options) >= 2 and OR.hit(offer.context) and not clauses:
        resolved = resolve_question(offer.context, offer.options, idx)
        if resolved:
            return _sentence(_unoffered(resolved) if text != o.text else resolved)
    if (
        len(tokens(text)) < 5
        and offer.context
        and not (CHOICE.hit(offer.context) and _size(offer.context) <= 4)
        and not (clauses and o.text in offer.context)  # the sentence that offered it says no more
    ):
        context = offer.context.rstrip("?？:： ")
        if not (word_set(text) and word_set(text) <= word_set(context)) or len(tokens(context)) < 25:
            text = f"{context}: {text}"
    return _sentence(text)


def read_reply(ctx: Ctx, m: Msg, prev: Msg, used: set[int]) -> None:
    """The user's answer to the assistant turn before it; when no rule reads a decision or an open
    point from it, the assistant's confirmation of it may (``_said_back``). A "no" that puts a number
    right answers nothing: it is the fact rules' correction (``asides.sets_number_right``); nor does a
    reply to an open "anything?" or to a question about what happened (``asides``)."""
    if sets_number_right([s for i, s in enumerate(m.sentences) if i not in used], prev):
        return
    if offers_nothing(ctx.offer(prev)) or asks_what_happened(ctx.offer(prev)):
        return  # "Anything I can help with?" - "not really": nothing was offered to take or turn down
    before = len(ctx.drafts)
    _read_reply(ctx, m, prev, used)
    for fallback in (
        _said_back,
        _proposal_taken,
        _labelled_proposal_taken,
        then_pick,
    ):  # while none has read it
        if len(ctx.drafts) == before and not any(m.pos in d.pos for _, d in ctx.slots):
            fallback(ctx, m, prev)


#: One alternative set against another in a statement: "robotics, not football", "in der App,
#: nicht in HA", "a card instead of an email", "en tren en lugar de en coche", "à pied plutôt qu'en bus".
_OVER_OTHER: Final = re.compile(
    r"(?P<chosen>\S.*?)(?:\s*,\s*(?:not|nicht|no|pas|non)\s+|\s+(?:instead of|rather than|statt|anstatt|"
    r"anstelle von|en lugar de|en vez de|au lieu de|plutôt que|plutôt qu'|invece di|anziché|piuttosto che)\s+)"
    r"(?P<other>[^,;.!?]+?)\s*[.!]?$",
    re.I,
)


#: A sentence that opens with a condition ("if I get to choose, ...", "wenn ich wählen kann, ...").
_IF_LEAD: Final = re.compile(r"^\W*(?:if|when|wenn|falls|si|se|cuando|quand|sobald)\b", re.I)


def own_contrast(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """The user chooses on their own, with no offer to reply to: a statement that sets one
    alternative against another ("So robotics, not football.", "die Nachtabsenkung lass ich in der
    Tado-App, nicht in HA"), said in passing of anything the assistant offered, which the
    assistant's next words take without a question ("Alles klar, ...", "Sending it."). A decision,
    citing the turn and that answer. A value put right ("the 14th, not the 4th"), the other side
    being what the assistant said or a value, is the correction rules' fact; a standing rule or
    preference ("always X, not Y"), a condition, a plan put off are not this choice; a turn another
    rule read is left to it.

    Whether another rule read the turn is asked last, at the one sentence that would be kept: it walks
    every draft of the range (a long session's thousands, for each user turn), and nothing before it
    changes the drafts."""
    ack = ctx.prose_after(m.pos, text_only=False)
    if (
        ack is None
        or not ack.sentences
        or any(is_question(x) for x in ack.sentences)
        or _refuses(ack.sentences[0])
    ):
        return
    prev = ctx.prev_assistant(m.pos)
    said_before = word_set(prev.prose) if prev is not None else frozenset()
    for i, s in enumerate(m.sentences):
        if i in used or is_question(s) or _size(s) > 24 or has_secret(s):
            continue
        if _keeps_fact(s) or CONDITION.hit(s) or _IF_LEAD.match(s) or _defers(s) or _plan(s) or todos.when(s):
            continue  # a standing rule or preference, a condition, a plan put off: not this choice
        got = _OVER_OTHER.match(plain(s).strip())
        if got is None:
            continue
        chosen, other = got.group("chosen"), got.group("other")
        other_words = word_set(other) - STOPWORDS
        if not other_words or _size(other) > 4 or _size(chosen) < 1:
            continue
        if distinct_values(other):
            continue  # "it's 5433, not 5432", "as '11pm' instead of 23:00": a value, put right or told
        if other_words <= said_before and not (word_set(chosen) - STOPWORDS) & said_before:
            continue  # the other side is what the assistant said, the chosen one is new: a correction
        if any(m.pos in d.pos for d in ctx.drafts):
            return  # the turn was read already (a reply, a correction): one thing said, one item
        text = _sentence(LEAD_FILLER.sub("", plain(s).strip()).rstrip(" .!"))
        ctx.add("decision", text, {m.pos, ack.pos}, must_keep=True)
        used.add(i)
        return


#: "My plan: kill this eval, ...", "Alternative: keep it running ...", "Propuesta: ...": a short bare
#: label, a colon, the clause it introduces.
_LABELLED: Final = re.compile(r"^\s*(?P<label>[^\W\d][^:：\d]{0,30}?)\s*[:：]\s+(?P<clause>\S.*)$")


#: What a label that puts a proposal says: the speaker's own ("my plan", "mein Vorschlag", "mi idea"),
#: or a plan, an offer, an idea (the words for a proposal or an alternative are RECOMMEND's, CHOICE's).
_PROPOSAL_LABEL: Final = re.compile(
    r"\b(?:my|our|mein|meine|unser|unsere|mi|nuestro|nuestra|mon|ma|notre|il mio|la mia|mio|mia|nostro|nostra|"
    r"plan|offer|idea|idee|angebot|oferta|idée|offre|piano|offerta)\b",
    re.I,
)


def _labelled_proposal_taken(ctx: Ctx, m: Msg, prev: Msg) -> None:
    """An assistant turn that asks nothing and lays out no options, but closes by putting a proposal
    under a label of its own ("My plan: kill this eval, delete your stale segments, and rerun with
    8 workers."), and the user's very next turn opens by agreeing ("go ahead", "yes, the downsize
    instead"): the proposal is decided, in the assistant's words, with what the user adds. The label
    is a few words without a figure that name a proposal ("My plan", "Alternative", "One offer",
    "Mi propuesta"; a report's heading, "Draft 2027: ...", "Found it: ...", is none); the
    proposal is the last labelled sentence of the turn's last paragraph. Who proposed and who agreed:
    both turns are cited."""
    offer = ctx.offer(prev)
    if offer.options or offer.single or offer.question or prev.has_calls or not prev.sentences:
        return
    if not m.sentences or is_question(m.sentences[0]):
        return  # (a request after the yes may be put as a question: "push it to the sheet?")
    first = _first(m.sentences)
    if not _agrees(first) or _refuses(first) or any(_defers(s) for s in m.sentences):
        return
    paras = paragraphs(prev.prose)
    last = split_sentences(paras[-1]) if paras else []
    labelled = [
        got
        for x in last
        if not LIST_ITEM.match(x) and not is_question(x)
        if (got := _LABELLED.match(plain(x).strip())) is not None
    ]
    if not labelled:
        return
    got = labelled[-1]
    label, clause = got.group("label"), got.group("clause").rstrip(" .!。")
    if len(tokens(label)) > 3 or _size(clause) < 5 or distinct_values(label):
        return
    if not (_PROPOSAL_LABEL.search(label) or RECOMMEND_WORDS.hit(label) or CHOICE.hit(label)):
        return  # "Found it: ...", "Storniert: ...": a finding or a report under a heading, no proposal
    text = clause
    rest = _after_yes(first)
    if (
        rest
        and word_set(rest) & word_set(clause)
        and not word_set(rest) <= word_set(clause)
        and _size(rest) <= 12
    ):
        text = f"{clause}; {plain(rest).strip(' .')}"  # "yes, the downsize instead": what the user adds
    ctx.add("decision", _sentence(text), {prev.pos, m.pos}, must_keep=True)


def _proposal_taken(ctx: Ctx, m: Msg, prev: Msg) -> None:
    """The user proposes a value as a question ("21st?", "Lieber 19:30 am 7.?"), the assistant's answer
    opens by approving it (a statement naming that value), and the user's next turn agrees or says
    the value again ("21st then, 19:30, at mine"): decided, in the assistant's words with what the
    user adds. Who proposed, who agreed, who confirmed: the three turns are cited."""
    asker = ctx.last_user(prev.pos)
    if asker is None or not prev.sentences or ctx.offer(prev).options or ctx.offer(prev).single:
        return
    asked = ctx.msgs[asker]
    proposal = next((s for s in reversed(asked.sentences) if is_question(s)), "")
    values = distinct_values(proposal)
    if not values or _size(proposal) > 6 or WH.starts(proposal) or asked.sentences[-1] != proposal:
        return  # "which date works?" asks, "can you remind me on the 30th?" requests; "21st?" proposes
    approval = plain(prev.sentences[0]).strip()
    if _size(approval) < 3 and len(prev.sentences) > 1:
        approval = f"{approval} {plain(prev.sentences[1]).strip()}"  # "Am 22. geht leider nicht"
    if is_question(approval) or not values & distinct_values(approval) or _judged(approval):
        return
    if own_question(m.sentences) or _refuses(_first(m.sentences)) or any(_defers(s) for s in m.sentences):
        return
    first = _first(m.sentences)
    again = distinct_values(first) & values
    if not (again or (_agrees(first) and _short(first))):
        return
    text = approval.rstrip(".!。 ")
    added = distinct_values(first) - distinct_values(approval)
    if again and added:
        text = f"{text}; {clip(plain(first), 120).rstrip('.')}"  # "21st then, 19:30, at mine"
    ctx.add("decision", _sentence(text), {asker, prev.pos, m.pos}, must_keep=True)


def _said_back(ctx: Ctx, m: Msg, prev: Msg) -> None:
    """A reply to something the assistant put to the user (options, a plan, a recommendation) that no
    rule could read ("Fast. Takt wöchentlich statt zweiwöchentlich ...", "ok the halves then"), and
    the assistant's next words say back what was settled: a statement of at most 30 words, no
    question and no tool call in that turn, that repeats words of the reply or of the offer and
    names values or names of its own ("Also: wöchentlich, Branch-Cut Montag 12:00, ..."). That
    statement is the decision, citing the offer, the reply and the confirmation."""
    offer = ctx.offer(prev)
    side = ctx.last_user(prev.pos)
    if not offer.options and side is not None and _side_question(ctx.msgs[side]):
        pending = ctx.prev_assistant(side)  # options, "how big is a full bed?", the answer, the reply
        if pending is not None:
            prev, offer = pending, ctx.offer(pending)
    if not (offer.options or offer.recommendation) or (not offer.asked and not offer.options):
        return
    first = _first(m.sentences)
    if own_question(m.sentences) or WH.starts(first) or _refuses(first):
        return  # "how big is a full bed again": a side question, whatever the answer says
    if any(_defers(s) or _keeps_fact(s) for s in m.sentences):
        return  # put off, or a standing preference / remember request: the fact rules' business
    offered = word_set(offer.recommendation).union(*(o.words for o in offer.options))
    said_by_user = word_set(m.prose)
    if not (said_by_user & offered or _agrees(first)):
        return  # a new request after a list, not a reply to it
    nxt = m.pos + 1
    ack = ctx.msgs[nxt] if nxt < len(ctx.msgs) else None
    if ack is None or ack.role != "assistant" or ack.has_calls or not ack.sentences or ctx.offer(ack).options:
        return  # the assistant's very next words, before any tool ran
    said = plain(ack.sentences[0]).strip()
    if is_question(said) or _size(said) > 30 or _size(said) < 3 or NEGATIVE.hit(said) or _refuses(said):
        return
    if not introduced_names(said, False) or not word_set(said) & said_by_user:
        return
    if (
        (lead := _ACK_LEAD.match(said))
        and not word_set(said[: lead.end()]) & (offered | said_by_user)
        and not distinct_values(said[: lead.end()])
        and _size(said[lead.end() :]) >= 3
    ):
        said = said[lead.end() :]  # "Also: wöchentlich, ..." -> "wöchentlich, ..."
    ctx.add("decision", _sentence(said.rstrip(".!。 ")), {prev.pos, m.pos, ack.pos}, must_keep=True)


def _side_question(m: Msg) -> bool:
    """A short user turn that only asks ("how big is a full bed again", "what's the catch with C?")."""
    return bool(m.sentences) and _size(m.prose) <= 12 and (own_question(m.sentences) or WH.starts(m.prose))


def _read_reply(ctx: Ctx, m: Msg, prev: Msg, used: set[int]) -> None:
    body = [s for i, s in enumerate(m.sentences) if i not in used and not PLEASANTRY.match(s.strip())]
    body = body or [s for s in m.sentences if not (REMEMBER.search(s) or REMEMBER_WORDS.hit(s))]  # even "ok"
    if not body:
        return
    offer = _read_value_change(ctx, prev, ctx.offer(prev))
    if offer.options and not (offer.asked or offer.choice) and _side_by_side(ctx, prev, offer):
        offer = replace(offer, choice=True, asked=True)  # named alternatives, compared: a choice
    pointwise = bool(offer.options) and _by_labels(body, offer, 3 if offer.choice else 2)
    if pointwise:
        offer = replace(offer, asked=True)  # "1 yes. 3 no: ...": the list was put to the user
    if _clarifying(ctx, prev, offer):
        return  # "am I free on the 15th?" - "Which calendar, work or private?" - "work": no decision
    if offer.options and ran_list(ctx, prev, offer.options):
        return  # "want me to save these steps as a runbook?": a procedure (the facts stream's), no decision
    if _assignment(ctx, m, prev, offer, body):
        used.update(range(len(m.sentences)))
        return
    before = len(ctx.drafts)
    _settle_reply(ctx, m, prev, offer, body, pointwise, used)
    settled = [
        d
        for d in ctx.drafts[before:]
        if d.kind == "decision" and m.pos in d.pos and not d.text.startswith(ctx.labels["rejected"])
    ]
    if not settled:
        return
    for s in _also_settled(offer, body):  # what the reply settles besides, after "and": its own decision
        said = _LEAD_CONJ.sub("", plain(s).strip()).rstrip(" .!")
        for d in settled:  # out of the first decision's words ("...; und r0398 bleibt komplett")
            at = d.text.find(said[:40])
            if at > 0:
                cut = d.text[:at].rstrip()
                cut = _JOINED_TAIL.sub("", cut).rstrip(" ;,")
                rest = d.text[at + len(said) :].lstrip(" .;,")
                d.text = (cut + (f" {rest}" if rest else "")) if cut else d.text
        ctx.add("decision", clip(_sentence(said), 200), {prev.pos, m.pos}, must_keep=True)
        used.update(i for i, x in enumerate(m.sentences) if x == s)


def _echoed_point(prev: Msg, body: Sequence[str], deferred: Sequence[str]) -> tuple[str, str] | None:
    """A put-off with no word of its own right after a short echo of the assistant's turn ("mmm
    caddy... me lo pienso"): (the assistant's sentence the echo names, the echo and the put-off)."""
    for i, s in enumerate(body):
        echo = put_off.echo_before(body, i) if s in deferred else ""
        if echo and echo not in deferred and (point := put_off.named_point(prev.sentences, echo)):
            return point, f"{echo} {s}"
    return None


def put_off_aside(ctx: Ctx, m: Msg, prev: Msg, start: int) -> None:
    """A reply that settles other things and puts one point off in passing ("flowers cut to the
    small set. photobooth let me think about it"; "go with what you said. lukas I dont know, i'll
    check with Pavel"): an open question, the point in the words of the assistant's sentence that
    names it, the put-off as why it waits. Read last, only when no rule drafted anything open from
    the turn (``start``: the drafts before it) and the turn asks nothing of its own. A put-off
    with a day ("I'll look at it tonight") or after a plain yes or no is a plan or an answer."""
    body = m.sentences
    if len(body) < 2 or any(is_question(s) for s in body):
        return
    made = ctx.drafts[start:]
    if any(d.kind == "open_question" and m.pos in d.pos for d in made):
        return
    for i, s in enumerate(body):
        if is_question(s) or has_secret(s) or not _defers(s) or task_sentence(s) or _keeps_fact(s):
            continue
        if todos.when(s) or YES.starts(s) or (NO.starts(s) and not DOUBT.hit(s)) or BELIEF.hit(s):
            continue  # a plan with a day, or an answer (a guess too); "not sure, ..." still puts off
        if any(plain(s).rstrip(". ") in d.text for d in made):
            continue  # another item says it already ("Rejected: ... — not sure, ...")
        clause, point = s, put_off.named_point(prev.sentences, s)
        echo = "" if point else put_off.echo_before(body, i)  # "lifetime... hmm not sure, ..."
        if echo and not (YES.starts(echo) or NO.starts(echo)):
            clause, point = f"{echo} {s}", put_off.named_point(prev.sentences, echo)
        if not point:
            continue
        pos = {prev.pos, m.pos}
        ack = ctx.prose_after(m.pos, text_only=False)
        if ack is not None and not ctx.offer(ack).options:
            pos.add(ack.pos)  # "Sure, clause 9 waits for Inés."
        _open(ctx, point, [clause], pos)
        return


#: What joined the second thing to the first decision's words: "...; und", "..., and".
_JOINED_TAIL: Final = re.compile(r"(?:[;,.]\s*)?(?:\b(?:and|also|und|y|et|e))?\s*$", re.I)


def _also_settled(offer: Offer, body: Sequence[str]) -> list[str]:
    """Sentences after the first of a reply to an offer that settle a second thing in the same breath:
    opened by "and", a statement (no question, task, rule, refusal or correction) that names no option
    and a name or identifier no option has ("... And the bakery gets a card instead of an email",
    "... und r0398 bleibt komplett")."""
    if not (offer.options or offer.single or offer.recommendation) or len(body) < 2:
        return []
    listed = " ".join([o.text for o in offer.options] + [offer.single, offer.recommendation])
    known = _new_names(listed)
    out: list[str] = []
    for s in body[1:]:
        core = plain(s).strip()
        if not _LEAD_CONJ.match(core) or is_question(s) or _defers(s) or _keeps_fact(s) or task_sentence(s):
            continue
        if NO.hit(s) or REJECT.hit(s) or NEGATIVE.hit(s) or len(tokens(core)) < 4:
            continue  # "and no car at all", "..., not the 4th": a refusal or a correction, read as such
        if named_option(s, offer.options, first=False, strong=True) is not None or offer.groups:
            continue  # another pick of the same options
        if _new_names(_LEAD_CONJ.sub("", core)) - known:
            out.append(s)
    return out


def asks_agent(s: str) -> bool:
    """A question that asks the agent to do something ("can you draft it?", "tu peux lui préparer la
    liste ?"): the agent takes it up, so it is no point the speaker leaves open; one that asks it
    whether something is so ("can you tell whether ...") still raises a point."""
    return is_question(s) and ASKS_AGENT.hit(s) and not _point(s)


def _settle_reply(
    ctx: Ctx, m: Msg, prev: Msg, offer: Offer, body: list[str], pointwise: bool, used: set[int]
) -> None:
    first = _first(body)
    own = [s for s in body if is_question(s)]
    points = [s for s in own if not asks_agent(s)]  # "can you ...?" asks the agent; it parks no point
    deferred = [s for s in body if _defers(s) and not is_question(s)]
    if deferred and any(_only_a_day(s) for s in deferred) and _acted_on(ctx, m, prev):
        # "check the calendar for tomorrow", done at once: a request naming a day, nothing put off
        deferred = [s for s in deferred if not _only_a_day(s)]
    if deferred and any(BELIEF.hit(s) and not is_question(s) for s in body):
        # "keine ahnung, ich glaub Felix hat rotiert", "not sure yet. probably just sleep in": the doubt
        # comes with a guess, so the question is answered; only asking someone still puts it off
        deferred = [s for s in deferred if ASK.hit(s) or _asks_self(s) or _plan(s)]
    if points and deferred and any(ASK.hit(s) or ASK_SELF.hit(s) or _plan(s) for s in deferred):
        _parked(ctx, m, body, points[0], deferred)  # the user raises a question and parks it
    elif pointwise:
        _plan_reply(ctx, m, prev, offer, body, first, deferred)
    elif offer.options and (
        (
            (offer.asked or offer.choice)
            and (offer.choice or _explicit_pick(first, offer) or _hands_over(first))
        )
        or (len(offer.options) >= 2 and _explicit_pick(first, offer) and not own)
    ):  # ("two rhythms: 1. monthly 2. bimonthly" - "the first, no doubt": picked by its ordinal)
        _choice(ctx, m, prev, offer, body, first, deferred)
    elif offer.options and offer.asked and not measured_list(ctx, prev, [o.text for o in offer.options]):
        _plan_reply(ctx, m, prev, offer, body, first, deferred)
    elif (offer.single or offer.recommendation) and _counter(ctx, m, prev, body):
        used.update(range(len(m.sentences)))  # "lieber 5 %" proposes; it states no standing preference
        return
    elif (
        offer.recommendation
        and not deferred
        and (_agrees(first) or _carries_values(offer.recommendation, body))
    ):
        _take_recommendation(ctx, m, prev, offer, body)
    elif offer.single and _hands_over(first) and _sides_handed_over(ctx, m, offer):
        pass  # "we can set 30s, or revert it" - "your call" - "Setting 30s: ...": the side it takes
    elif offer.single:
        _single(ctx, m, prev, offer, body, first, deferred)
    elif deferred and not points and not _agrees(first) and (offer.question or _unknown(prev)):
        _open(ctx, _unknown(prev) or _topic(ctx, prev, offer), deferred, {prev.pos, m.pos}, prev)
    elif deferred and not own and not _agrees(first) and _advice(ctx, prev):
        _open(ctx, _topic(ctx, prev, offer), deferred, {prev.pos, m.pos}, prev)
    elif strong := [
        s for s in body if REJECT.hit(s) and not is_question(s) and not _defers(s) and not DOUBT.hit(s)
    ]:
        _rejection(ctx, m, prev, strong[:2])
    elif deferred and not own and len(body) > len(deferred) and not _agrees(first):
        said = [s for s in body if s not in deferred][:2]  # the user raises a point and puts it off
        inner = next(((s, p) for s in deferred if (p := _point(s))), None)
        echoed = _echoed_point(prev, body, deferred)
        if inner is not None:  # "und ob wir X, das kläre ich noch mit Jonas": the point is in it
            _parked(ctx, m, body, inner[1], [s for s in deferred if s != inner[0]])
        elif echoed is not None:  # "mmm caddy... me lo pienso": the assistant's sentence on Caddy
            _open(ctx, echoed[0], [echoed[1]], {prev.pos, m.pos})
        else:
            _parked(ctx, m, body, " ".join(said), deferred)
    else:
        return

    def keep(s: str) -> bool:  # sentences the fact and to-do rules still read
        return _keeps_fact(s) or (task_sentence(s) and not _defers(s))

    used.update(i for i, s in enumerate(m.sentences) if s in body and not keep(s))


_DECIDED_NEEDLES: Final = ("decid", "agreed", "go with", "going with", "決", "ことにし", "entschieden")
#: The literal cores of ``DECIDED``'s alternatives: a sentence without one cannot match it.
_DECIDED_CORES: Final = (
    "we decided", "ve decided", "we have decided", "we agreed", "ll go with", "s go with", "e going with",
    "decision:", "decision :", "decided:", "decided :", "に決定", "に決めた", "ことにし",
)  # fmt: skip
#: A subordinator before a completion makes it a condition: "tell me *when* it's done".
_WHEN: Final = re.compile(
    r"\b(?:when|once|if|after|until|wenn|sobald|falls|nachdem|cuando|si|después de|quand|dès que|lorsque)\s*$",
    re.I,
)
_CODE_SPAN: Final = re.compile(r"`([^`]+)`")


#: A list item that opens with its own name: "Datadog: ...", "Braiding Sweetgrass (Kimmerer): ..."
_NAME_LEAD: Final = re.compile(r"^([^:：]{1,48}?)\s*[:：]\s+\S")


def _side_by_side(ctx: Ctx, prev: Msg, offer: Offer) -> bool:
    """Alternatives set side by side without a question: every list item opens with a name of its
    own and states a figure, and the prose after the list names one of them (``favoured``) while the
    user had asked which one, or the closing words compare ("the cheapest", "the best fit").
    The reply to such a list picks from it like from options put as a question."""
    if offer.favoured is None or not 2 <= len(offer.options) <= 5 or offer.single:
        return False
    leads = [_NAME_LEAD.match(o.text) for o in offer.options]
    if not all(leads) or not all(any(c.isdigit() for c in o.text) for o in offer.options):
        return False
    names = [word_set(x.group(1)) for x in leads if x]
    if any(not n for n in names) or len({frozenset(n) for n in names}) < len(names):
        return False
    tail = [
        s
        for s in split_sentences(paragraphs(prev.prose)[-1])
        if not LIST_ITEM.match(s) and all(s.strip() != o.text for o in offer.options)
    ]
    if any(BEST.hit(s) or SMALLER.hit(s) or LARGER.hit(s) or RECOMMEND_WORDS.hit(s) for s in tail):
        return True
    asker = ctx.last_user(prev.pos)
    return asker is not None and any(
        is_question(s) and (WHICH.hit(s) or BEST.hit(s) or OR.hit(s)) for s in ctx.msgs[asker].sentences
    )


def _by_labels(body: Sequence[str], offer: Offer, least: int) -> bool:
    """A reply that takes up ``least`` or more points of a numbered or lettered list by their labels,
    one sentence each ("1 yes. 2 fine. 4 no, ..."): the list was put to the user, asked or not, and
    (three or more taken up) its points are no alternatives of which one is picked."""
    labels = {o.label for o in offer.options}
    if len(offer.options) < 2 or not all(labels) or len(labels) < len(offer.options):
        return False
    said = {
        idx
        for x in body
        if _LABEL.match(x) and not is_question(x)
        for idx in [named_option(x, offer.options)]
        if idx is not None
    }
    return len(said) >= least


def ran_list(ctx: Ctx, prev: Msg, options: Sequence[Option]) -> bool:
    """The options are the commands the assistant just ran (its steps since the user last spoke)."""
    if len(options) < 2:
        return False
    start = ctx.last_user(prev.pos)
    ran = [
        " ".join(x.step.command.split())
        for x in ctx.msgs[(start or 0) : prev.pos]
        if x.role == "tool" and x.step is not None and x.step.command
    ]
    if not ran:
        return False

    def run(o: Option) -> bool:
        spans = _CODE_SPAN.findall(o.text) or [o.text]
        return any(
            " ".join(c.split()) in r or r in " ".join(c.split()) for c in spans for r in ran if len(c) > 3
        )

    return sum(1 for o in options if run(o)) * 2 > len(options)


def kept_open(ctx: Ctx, m: Msg) -> Msg | None:
    """A point the user raises that the assistant's answer files as open ("I can't tell; let's treat
    it as open", "Ich führe es als offen", "Lo dejo como pendiente"): an open question, the user's
    point in the user's words. Returns that answer (the next user turn does not reply to it).

    The open word closes a statement of the answer (the point's state, not "I'll open a PR").
    """
    if m.role != "user" or not m.sentences:
        return None
    ack = ctx.prose_after(m.pos, text_only=False)
    if ack is None or len(ack.sentences) > 3 or not OPEN.hit(ack.prose) or ctx.offer(ack).options:
        return None
    if any(is_question(s) for s in m.sentences) and any(
        not is_question(s) and (ASK.hit(s) or ASK_SELF.hit(s)) and _defers(s) for s in m.sentences
    ):
        return None  # "can Lukas work Saturdays? I have to ask the school first": the reply rules park it
    if not todos.files_open(ack.sentences):
        return None  # "Yes, it's open." answers; "Mostly admin, nothing pending from it." files nothing
    point = ""
    for s in m.sentences:
        if has_secret(s):
            continue
        if (is_question(s) and _size(s) >= 4) or (DOUBT.hit(s) and _size(s) >= 5) or _point(s):
            if not is_question(s) and task_sentence(s):
                continue  # "and I'll ask them by the 20th whether ...": a to-do, not a point raised
            point = _point(s) or plain(_FILLER.sub("", s))
            break
    pos = {m.pos, ack.pos}
    if not point and not any(is_question(s) for s in m.sentences):
        # "ill check behind the rack tmrw" - "OK, open until you've checked": the turn only says how
        # the point waits; the point is the question the user asked before the answer it replies to
        point, asker = _asked_before(ctx, m)
        if asker is not None:
            pos.add(asker)
    if not point:
        return None
    # who settles it and when, said in the same turn ("das klär ich nächste Woche mit Jens"): the reason
    parks = [
        s for s in m.sentences if not is_question(s) and point not in s and not has_secret(s) and _defers(s)
    ]
    _open(ctx, point, parks[:1], pos)
    ctx.reported.add(ack.pos)
    return ack


def _asked_before(ctx: Ctx, m: Msg) -> tuple[str, int | None]:
    """The question of the user turn before the assistant's answer that ``m`` replies to (the
    answer itself asking nothing back): the point and that turn's position, or ('', None)."""
    prev = ctx.prev_assistant(m.pos)
    if prev is None or any(is_question(s) for s in prev.sentences) or ctx.offer(prev).options:
        return "", None
    asker = ctx.last_user(prev.pos)
    if asker is None:
        return "", None
    asked = [s for s in ctx.msgs[asker].sentences if is_question(s) and _size(s) >= 4 and not has_secret(s)]
    if not asked or todos.rhetorical(asked[-1]):
        return "", None
    return _point(asked[-1]) or plain(_FILLER.sub("", asked[-1])), asker


_MODAL: Final = re.compile(
    r"\b(?:ha(?:ve|s) to|need(?:s)? to|must|should|muss|müssen|sollte|soll|tiene que|tengo que|tenemos que|"
    r"hay que|debe|doit|dois|devons|faut)\s+",
    re.I,
)


def _assignment(ctx: Ctx, m: Msg, prev: Msg, offer: Offer, body: Sequence[str]) -> bool:
    """A task the user named, the assistant asking who and by when, and the reply: a to-do.

    "we have to get the DPA back" - "Who takes that, and by when?" - "Omar, by the 17th" ->
    "Omar: get the DPA back (by the 17th)". The reply names an owner (a name, or the speaker) and
    a date; the task is the user's sentence before, from its modal on.
    """
    if offer.options or offer.single or len(prev.sentences) > 2 or not offer.question:
        return False
    if _size(offer.question) > 10 or not WH.hit(offer.question) or len(body) > 2:
        return False
    asker = ctx.last_user(prev.pos)
    reply = " ".join(body)
    if asker is None or not any(
        DUE.hit(c) or _DATE.search(c) or _DUE_BY.search(c) for c in _CLAUSE.split(reply)
    ):
        return False
    stated = [
        s for s in ctx.msgs[asker].sentences if not is_question(s) and not has_secret(s) and _size(s) >= 3
    ]
    if not stated:
        return False
    task = stated[-1]
    if (modal := _MODAL.search(task)) and len(tokens(task[modal.end() :])) >= 2:
        task = task[modal.end() :]
    clauses = [plain(c).strip(" .") for c in _CLAUSE.split(reply) if c.strip()]
    when = [c for c in clauses if DUE.hit(c) or _DATE.search(c) or _DUE_BY.search(c)]
    who = [n for c in clauses if c not in when for n in sorted(capitalised_names(c), key=c.find)]
    text = plain(task).rstrip(" .") + (f" ({'; '.join(when)})" if when else "")
    ctx.add("todo", f"{who[0]}: {text}" if who else _sentence(text), {asker, m.pos})
    return True


def _only_a_day(s: str) -> bool:
    """A "later" that is only a day named in the sentence ("tomorrow", "morgen"), nobody asked."""
    if ASK.hit(s) or _asks_self(s):
        return False
    rest = " ".join(t for t in tokens(s) if not EPHEMERAL.hit(t))
    return not LATER.hit(rest)


_KEY_VALUE: Final = re.compile(r"^[^\S\n]*[\w.-]+\s*[:=]\s*(?P<v>\S.{0,60}?)\s*$", re.M)


def _read_value_change(ctx: Ctx, prev: Msg, offer: Offer) -> Offer:
    """A yes/no offer of another value for a setting the agent has just read: the value a tool
    printed ("citation_style: APA 7"), restated in the turn ("the citation style is currently APA
    7"), and a different one offered after "to" ("move it to Chicago author-date?"). The offer is
    then a change of that value, like one whose wording runs parallel (``Offer.change``)."""
    if offer.options or offer.change or not offer.question or not prev.sentences:
        return offer
    start = ctx.last_user(prev.pos)
    read = [
        v.group("v").strip(" \"'").lower()
        for x in ctx.msgs[(start or 0) + 1 : prev.pos]
        if x.role == "tool" and x.step is not None and not x.step.failed
        for v in _KEY_VALUE.finditer(x.step.output[:2000])
    ]
    if not read:
        return offer
    tail = split_sentences(paragraphs(prev.prose)[-1])
    if offer.question not in tail:
        return offer
    asked, proposed = proposed_value(tail, offer.question)
    if not asked:
        return offer
    for s in prev.sentences:
        low = s.lower()
        if s == asked or is_question(s):
            continue
        for v in read:
            if len(v) > 1 and v in low and v not in proposed.lower() and proposed.lower() not in v:
                changed = replace(offer, single=asked, change=(plain(s).rstrip(". "), v, proposed))
                ctx.offers[prev.pos] = changed
                return changed
    return offer


def _acted_on(ctx: Ctx, m: Msg, prev: Msg) -> bool:
    """The assistant did what the user turn asked straight away: it ran a tool, or its answer states
    values that neither the turn nor the assistant's turn before it had ("free until 11:00")."""
    for x in ctx.after(m.pos):
        if x.role == "tool" or x.has_calls:
            return True
        if x.role == "assistant" and x.prose:
            return bool(distinct_values(x.prose) - distinct_values(m.prose))
    return False


def _parked(ctx: Ctx, m: Msg, body: Sequence[str], topic: str, deferred: Sequence[str]) -> None:
    """A point the user raises and puts off: the point with the sentence that explains it.

    The assistant's next words (usually an acknowledgement) are cited too.
    """
    if len({w for w in word_set(topic) if len(w) > 2}) < (1 if is_question(topic) else 2):
        return  # "Ugh." is no topic
    if not is_question(topic) and all(len(tokens(x)) <= 2 for x in split_sentences(topic)):
        return  # "Ugh. Leave it.": an outburst and a command, no point raised
    extra = [s for s in body if s != topic and s not in deferred and not is_question(s) and topic not in s]
    if extra and _size(topic) < 12 and topic in body:
        i = list(body).index(topic)
        near = [s for s in body[max(0, i - 1) : i + 2] if s in extra]
        topic = " ".join([*near[:1], topic] if near and body.index(near[0]) < i else [topic, *near[:1]])
    pos = {m.pos}
    ack = ctx.prose_after(m.pos, text_only=False)
    if ack is not None and not ctx.offer(ack).options:
        pos.add(ack.pos)
    _open(ctx, plain(topic), deferred, pos)


def _clarifying(ctx: Ctx, prev: Msg, offer: Offer) -> bool:
    """A one-line question back to a user's question, between plain words: a clarification."""
    if not offer.options or prev.options or len(prev.sentences) > 1:
        return False
    asker = ctx.last_user(prev.pos)
    if asker is None or not any(is_question(s) for s in ctx.msgs[asker].sentences):
        return False
    return all(
        len(tokens(o.text)) <= 3
        and not distinct_values(o.text)
        and not {w for w in capitalised_names(o.text) if not o.text.startswith(w)}
        for o in offer.options
        if o.text != offer.options[0].text or len(offer.options) == 2
    )


def _explicit_pick(first: str, offer: Offer) -> bool:
    """A reply that opens by naming one option by label or ordinal ("the first one", "B.")."""
    idx = named_option(first, offer.options)
    if idx is None:
        return False
    ordinal = any(t in ORDINALS for t in tokens(first)[:8]) or any(o in first for o, _ in WIDE_ORDINALS)
    return bool(_LABEL.match(first)) or ordinal


def _hands_over(first: str) -> bool:
    """A reply that opens by handing the choice over ("your call, but ...", "decidi tu"): options put
    to the user as a plan, then, are a choice the assistant's next words make (``_assistant_choice``)."""
    return DELEGATE.hit(first) and not is_question(first)


#: Where one side of a single offer ends and the other begins: ", or", "oder", "oppure".
_OR_SIDES: Final = re.compile(r",?\s+(?:or|oder|o|ou|oppure)\s+", re.I)


def _sides_handed_over(ctx: Ctx, m: Msg, offer: Offer) -> bool:
    """One offered sentence that holds two sides ("we can set 30s, or revert the commit and go back to
    5m"), the choice handed over, and the assistant's next statement naming a value or name of one
    side only: that statement is the decision, with the side not taken, citing the handing over and
    the choosing turn (the offer's own findings stay the fact rules'). Drafted when it holds."""
    sides = [x for x in _OR_SIDES.split(plain(offer.single).rstrip("?？ .")) if x.strip(" ,;")]
    nxt = ctx.prose_after(m.pos, text_only=False)
    if len(sides) != 2 or nxt is None or not nxt.sentences or ctx.offer(nxt).options:
        return False
    said = plain(nxt.sentences[0]).strip()
    if is_question(said) or _refuses(said) or _size(said) > 30:
        return False
    names = [introduced_names(x, False) for x in sides]
    told = introduced_names(said, False)
    hits = [i for i in (0, 1) if told & (names[i] - names[1 - i])]
    if len(hits) != 1:
        return False
    other = clip(sides[1 - hits[0]].strip(" ,;"), 90)
    text = f"{_sentence(said.rstrip('.!。 '))} ({_INSTEAD.get(ctx.lang, _INSTEAD['en'])}: {other})"
    ctx.add("decision", text, {m.pos, nxt.pos}, must_keep=True)  # (the offer's findings stay a fact)
    return True


def _unknown(prev: Msg) -> str:
    """A point the assistant says is still open or unknown ("who set it is not known yet")."""
    tail = split_sentences(paragraphs(prev.prose)[-1])
    hit = next((s for s in reversed(tail) if OPEN.hit(s) or (LATER.hit(s) and not _only_a_day(s))), "")
    if not hit and (embedded := next((p for s in reversed(tail) if (p := _embedded_point(s))), "")):
        return embedded  # "what I can't tell is whether the contract covers it": the whether is the point
    return plain(_LEAD_LABEL.sub("", hit)) if hit else ""


def _embedded_point(s: str) -> str:
    """The whether-clause inside a statement ("it depends on whether ..."); one that opens the
    sentence is a condition ("si quieres ...", "if you like ..."), no point left open."""
    found = _EMBEDDED.search(s)
    if is_question(s) or found is None or found.start("w") == 0:
        return ""
    return _point(s)


def _advice(ctx: Ctx, prev: Msg) -> bool:
    """The assistant turn takes up a point the user raised without settling it (advice the user
    can put off): it says what it cannot say, or advises without stating a value. An answer that
    states one ("It's just past 2 am in Tokyo") settled the point: what the user says next is no
    deferral of it."""
    if not (point := raised(ctx, prev)):
        return False
    asker = ctx.last_user(prev.pos)
    if asker is not None and any(x.role == "tool" for x in ctx.msgs[asker + 1 : prev.pos]):
        return False  # the agent went and did it ("restart it and check it comes back"): a task, done
    if DOUBT.hit(point) or any(NO.hit(s) for s in prev.sentences):
        return True  # a point the user was unsure about, or one the assistant could not settle
    if not is_question(point) and LATER.hit(point) and not todos.when(point):
        return True  # "could we add a peer at some point": a request put off as it was made, not done
    return not any(distinct_values(s) for s in prev.sentences)


def _standing_rule(s: str) -> bool:
    """A standing rule said along with a choice ("and from now on never X", "das gilt immer"): a fact
    of its own (the fact rules read it), no part of what was chosen this time."""
    from memoryd.flush.extract.lexicon import RULE

    return RULE.hit(s) and not NO.starts(s) and not is_question(s)


def _aside(s: str) -> bool:
    """A reply sentence that another rule owns: a standing rule (a fact) or a task with a who and a when
    (a to-do). Said along with a pick or a plan's points ("and Dara runs the tests by Friday", "never
    promise dates, ever"), it is no part of what was decided, nor a change to a point."""
    return _standing_rule(s) or task_sentence(s)


#: "never" with a past participle tells what the speaker has not done ("never used it, but sure", "never
#: heard of them"): an experience, no rule.
_NEVER_DID: Final = re.compile(
    r"^\W*never\s+(?:been|had|heard|seen|done|used|tried|got|gone|met|known|thought|made|liked|needed|worked)\b",
    re.I,
)


@memo(4096)  # pure; each reply rule asks it of the same sentences
def _keeps_fact(s: str) -> bool:
    """A sentence of a reply that also states a standing preference stays readable for the fact rules."""
    from memoryd.flush.extract.facts import DISMISS, states_preference
    from memoryd.flush.extract.lexicon import PREFER, RULE

    ruled = RULE.starts(s) and len(tokens(s)) >= 4 and not DISMISS.starts(s) and not _NEVER_DID.match(s)
    if (NO.starts(s) and not ruled) or is_question(s):
        return False  # "nee, lieber nicht" refuses; "never sudo on this box ..." opens with its rule
    return RULE.hit(s) or PREFER.hit(s) or REMEMBER.search(s) is not None or states_preference(s)


def _choice(
    ctx: Ctx, m: Msg, prev: Msg, offer: Offer, body: Sequence[str], first: str, deferred: Sequence[str]
) -> None:
    if offer.groups and _group_picks(ctx, m, prev, offer, body):
        return
    if _both(ctx, m, prev, offer, body, first):
        return
    delegated = DELEGATE.hit(m.prose)  # "dunno, you pick" leaves the choice, it defers nothing
    if (
        body[0] in deferred
        and not delegated
        and not _agrees(first)
        and named_option(first, offer.options, strong=True) is None
    ):
        _open(ctx, _topic(ctx, prev, offer), deferred, {prev.pos, m.pos}, prev)
        return  # "not sure we may send them to Azure. I'll check with Jana first."
    picked = None
    pick_at = 0  # the sentence of ``body`` that picked
    for i in _pick_candidates(m, body):
        s = body[i]
        if is_question(s) or (i and _refuses(s)):
            continue
        if len(body) > 1 and NEGATIVE.hit(s) and named_option(s, offer.options, strong=True) is None:
            continue  # "Jenkins is too much maintenance for us" judges an option; it picks none
        if s in deferred and named_option(s, offer.options, first=i == 0, strong=True) is None:
            continue  # "let me ask Priya first" names Priya's option by a word, but picks nothing
        picked = named_option(LEAD_FILLER.sub("", s), offer.options, first=i == 0 or _opens_paragraph(m, s))
        if picked is not None:
            pick_at = i
            break
    if picked is not None and _by_comparative(body[pick_at], offer):
        picked = _named_after(body[pick_at + 1 : pick_at + 2], offer, picked)
    if picked is not None and pick_at and _opens_paragraph(m, body[pick_at]):
        body = body[pick_at:]  # decided in a later paragraph: what comes before it is about other things
        first = _first(body)
    if (later := _later_index(m, offer)) is not None and later != picked:
        _decide(ctx, m, prev, offer, later, body[1:])  # "we need no storage. Olmo, go with that one"
        return
    if picked is None:  # "Kafka is overkill, batch it is": the clause without a bad word picks
        for s in body[:2]:
            clauses = [c for c in _CLAUSE.split(s) if c.strip()]
            if len(clauses) < 2 or is_question(s):
                continue
            good = [named_option(c, offer.options, first=False) for c in clauses if not _judged(c)]
            found = {g for g in good if g is not None}
            if len(found) == 1:
                picked = found.pop()
                break
    if picked is not None and pick_at and _refuses(first) and named_option(first, offer.options) is None:
        body = body[pick_at:]  # "no rush on this. B, let's go with that": the "no" belongs to another clause
        first = _first(body)
    if picked is not None and _refuses(first) and not _agrees(first) and _short(first):
        _reject_option(ctx, m, prev, offer, picked, first)
        return
    if picked is not None and _refused_by_words(first, offer, picked):
        _reject_option(ctx, m, prev, offer, picked, first)  # "no, don't touch the serializer, ...": why not
        return
    if picked is not None and pick_at == 0 and (negated := _negated_lead(first, offer, picked)) is not None:
        _reject_option(ctx, m, prev, offer, picked, negated)  # "not the nas, stick has to stay ...": why not
        return
    if picked is not None and pick_at == 0 and (led := _no_named(first, offer.options)) is not None:
        _reject_option(ctx, m, prev, offer, led[0], led[1])  # "kein cron, ich will nicht ...": no pick
        return
    if picked is None and DELEGATE.hit(m.prose):
        picked = _assistant_choice(ctx, m, offer)
    if picked is None and CONDITION.hit(first) and offer.recommended is not None:
        _conditional(ctx, m, prev, option_text(offer, offer.recommended), first)
        return
    if picked is None and deferred and not _agrees(first) and not delegated:
        _open(ctx, _topic(ctx, prev, offer), deferred, {prev.pos, m.pos}, prev)
        return
    explicit = picked is not None  # the reply named it: the assistant's next words do not override that
    if picked is None and _agrees(first) and _short(first):
        picked = offer.recommended if offer.recommended is not None else offer.favoured
    elif picked is None and _agrees(first):
        picked = offer.recommended
    if not explicit and not delegated and not own_question(body) and not deferred and not _refuses(first):
        confirmed = _ack_pick(ctx, m, offer)  # "Locked in: Viessmann Vitocal 250-A." names the pick
        if confirmed is not None and (picked is None or (_short(first) and len(body) <= 2)):
            picked = confirmed
            if (ack := ctx.prose_after(m.pos, text_only=False)) is not None:
                ctx.delegated[m.pos] = ack.pos  # the confirming turn is evidence too
    if (
        explicit
        and not _explicit_pick(first, offer)
        and not (distinct_values(first) & _values_of(offer, picked))
    ):
        # a pick by a comparative or by words ("the one that takes least"), read against numbers
        # that may not compare: the assistant confirming another option by its name corrects it
        ack = ctx.prose_after(m.pos, text_only=False)
        named = option_by_name(ack.sentences[0], offer.options) if ack is not None and ack.sentences else None
        if (
            ack is not None
            and named is not None
            and named != picked
            and _size(ack.sentences[0]) <= 14
            and not ctx.offer(ack).options
        ):
            picked = named
            ctx.delegated[m.pos] = ack.pos
    if picked is None:
        if _refuses(first) and offer.recommended is not None:
            _reject_option(ctx, m, prev, offer, offer.recommended, " ".join(body[:2]))
        return
    if CONDITION.hit(first) and not _agrees(first):
        _conditional(ctx, m, prev, option_text(offer, picked), first)
        return
    _decide(ctx, m, prev, offer, picked, body)
    rec = offer.recommended
    if (
        rec is not None and rec != picked and NO.starts(first)
    ):  # "no, rewrite it in Go": the advice is refused
        _reject_option(ctx, m, prev, offer, rec, "")


def _refused_by_words(first: str, offer: Offer, picked: int) -> bool:
    """A reply that opens with a no and names the option put to the user by its words, no label or
    value ("no, don't switch the serializer, downstream parses it"): that option refused."""
    return (
        picked == offer.recommended
        and NO.starts(first)
        and not _agrees(first)
        and named_option(first, offer.options, strong=True) is None
    )


def _negated_lead(first: str, offer: Offer, picked: int) -> str | None:
    """A reply whose first clause refuses the option it names ("not the nas, the stick has to stay in
    the hallway", "nicht die Cloud, ..."): that option is turned down, whatever the rest of the
    sentence says; the rest is the reason ("" when none). None when the clause is no such refusal."""
    clauses = [c for c in _CLAUSE.split(first) if c.strip()]
    if len(clauses) < 2 or not _short(clauses[0]) or _agrees(clauses[0]) or not _refuses(clauses[0]):
        return None
    if named_option(clauses[0], offer.options, first=False) != picked:
        return None
    if any(named_option(c, offer.options, first=False) not in (None, picked) for c in clauses[1:]):
        return None  # "not the NAS, the SSD": the rest picks another one (the rules above read that)
    return _reason(" ".join(clauses[1:]))


def _no_named(first: str, options: Sequence[Option]) -> tuple[int, str] | None:
    """A reply whose first clause is a no-word and a word or two for one option ("kein cron, ich will
    nicht ...", "no prevent_destroy, it breaks ..."): that option turned down, the rest its reason. The
    word names it when it is, or begins, a word of that option's and of no other's ("cron" of
    "Cronjob"). None when the clause is no such refusal."""
    clauses = [c for c in _CLAUSE.split(first) if c.strip()]
    if len(clauses) < 2 or _agrees(clauses[0]) or not NO.starts(clauses[0]):
        return None
    toks = [t for t in tokens(clauses[0]) if not NO.hit(t) and len(t) >= 4]  # "pas de synchro": "synchro"
    if not 1 <= len(toks) <= 2 or len(tokens(clauses[0])) > 4:
        return None
    owners = {
        j
        for j, o in enumerate(options)
        for w in tokens(o.text)
        if any(w == t or (w.startswith(t) and len(w) > len(t)) for t in toks)
    }
    if len(owners) != 1:
        return None
    return owners.pop(), _reason(" ".join(clauses[1:]))


def _by_comparative(s: str, offer: Offer) -> bool:
    """A pick read only from a comparative ("the faster one"): no label, ordinal or value of its own."""
    return bool(SMALLER.hit(s) or LARGER.hit(s)) and not _explicit_pick(s, offer) and not distinct_values(s)


def _named_after(rest: Sequence[str], offer: Offer, picked: int) -> int:
    """The option the next sentence names by its words wins over a comparative read against numbers
    that may not compare ("the quicker one. the call it is"): 3 h and 90 min are not 3 < 90."""
    for s in rest:
        head = next((c for c in _CLAUSE.split(s) if c.strip()), "")  # "X it is, not a Y thing"
        if is_question(s) or NEGATIVE.hit(head) or _judged(head):
            continue
        named = named_option(LEAD_FILLER.sub("", head), offer.options, first=False)
        if named is not None:
            return named
    return picked


def _pick_candidates(m: Msg, body: Sequence[str]) -> list[int]:
    """The reply sentences a pick is looked for in: in a turn of several paragraphs, first the opening
    two sentences of each later one (a long turn that tells other things first and decides at the
    end), then the first three."""
    head = list(range(min(3, len(body))))
    if "\n" not in m.prose:
        return head
    later = {s for p in paragraphs(m.prose)[1:] for s in split_sentences(p)[:2]}
    return [i for i, s in enumerate(body) if s in later] + head


def _opens_paragraph(m: Msg, s: str) -> bool:
    return "\n" in m.prose and any(split_sentences(p)[:1] == (s,) for p in paragraphs(m.prose)[1:])


def _both(ctx: Ctx, m: Msg, prev: Msg, offer: Offer, body: Sequence[str], first: str) -> bool:
    """ "Let's do both": every option is taken, one decision naming them all, with what the reply adds
    ("both: a monthly issue plus a short weekly digest"); the assistant's confirmation is cited."""
    if not BOTH.hit(first) or is_question(first) or _size(first) > 14 or len(offer.options) > 3:
        return False
    if NO.hit(first) or REJECT.hit(first) or NEGATIVE.hit(first) or DOUBT.hit(first):
        return False  # "neither", "both are too slow", "not sure about both"
    head = offer.context.rstrip("?？:： ") if offer.context and _size(offer.context) <= 12 else ""
    listed = "; ".join(plain(_unoffered(o.text)).strip(" .") for o in offer.options)
    said = _after_yes(first)
    added = said.split(":", 1)[1].strip() if ":" in said else ""
    text = f"{head}: {listed}" if head else listed
    if added and len(tokens(added)) > 2:
        text = f"{text}; {clip(added, 120).rstrip('.')}"
    pos = {prev.pos, m.pos}
    ack = ctx.prose_after(m.pos, text_only=False)
    confirms = (
        ack is not None
        and bool(ack.sentences)
        and not is_question(ack.sentences[0])
        and not ctx.offer(ack).options
        and (
            BOTH.hit(ack.sentences[0])
            or sum(1 for o in offer.options if word_set(o.text) & word_set(ack.prose)) >= 2
        )
    )
    if ack is not None and confirms:
        pos.add(ack.pos)
    _record(ctx, offer, _sentence(clip(text, 240)), pos)
    return True


def own_choice_delegated(ctx: Ctx, m: Msg) -> Draft | None:
    """A user turn that lays out its own alternatives and hands the choice over ("oak or laminate,
    honestly I can't decide, your call"): the assistant's next words that name one are the decision,
    with the turn's sentence as its topic. Both turns are cited."""
    if not DELEGATE.hit(m.prose):
        return None
    laid = choice_laid_out(m)
    nxt = ctx.prose_after(m.pos, text_only=False)
    if laid is None or nxt is None or ctx.offer(nxt).options:
        return None  # an answer that lists options of its own asks back, it does not choose
    sentence, options = laid
    for said in nxt.sentences[:3]:
        idx = named_option(said, options, first=False)
        if idx is None or is_question(said):
            continue
        topic = plain(_FILLER.sub("", sentence)).replace("¿", "").replace("¡", "").rstrip("?？.!。 ")
        text = f"{_sentence(topic)}: {clip(plain(said), 160).rstrip('.')}"
        offer = Offer(options, True, idx, "", sentence, sentence, True)
        _record(
            ctx, offer, _over(ctx, text, [o for i, o in enumerate(options) if i != idx]), {m.pos, nxt.pos}
        )
        return ctx.slot_options[-1][1] if ctx.slot_options else None
    return None


def _values_of(offer: Offer, idx: int | None) -> frozenset[str]:
    return distinct_values(offer.options[idx].text) if idx is not None else frozenset()


def _picks_by_rank(text: str) -> bool:
    """A reply that names an option by rank: a comparative, "the middle one", an ordinal."""
    return (
        SMALLER.hit(text) or LARGER.hit(text) or MIDDLE.hit(text) or any(t in ORDINALS for t in tokens(text))
    )


def own_question(body: Sequence[str]) -> bool:
    return any(is_question(s) for s in body)


def _ack_pick(ctx: Ctx, m: Msg, offer: Offer) -> int | None:
    """The option the assistant's next words name, when they are a short confirmation with no offer
    of their own: after "agreed" or "the one that costs less", "Locked in: X." says which one was meant.

    It names the option by a label, value or name only that option has, or by two of its own words.
    """
    ack = ctx.prose_after(m.pos, text_only=False)
    if ack is None or not ack.sentences or ctx.offer(ack).options:
        return None
    said = ack.sentences[0]
    if _size(said) > 14 or is_question(said):
        return None
    idx = named_option(said, offer.options, first=False, strong=True)
    if idx is None:
        idx = option_by_name(said, offer.options)  # "Entendu : Framaforms."
    if idx is not None:
        return idx
    words = word_set(said)
    owned = [len(words & alone) for alone in alone_in([o.words for o in offer.options])]
    best = max(owned)
    return owned.index(best) if best >= 2 and owned.count(best) == 1 else None


def _group_picks(ctx: Ctx, m: Msg, prev: Msg, offer: Offer, body: Sequence[str]) -> bool:
    """Several lists to choose from (hotels per city): one decision naming the pick of each."""
    picks: list[str] = []
    asked = all(is_question(h) for h, _ in offer.groups)  # several "A or B?" questions in one turn
    said = [
        c
        for s in body
        if not (asked and DELEGATE.hit(s))  # "launch, you decide" leaves that one to the assistant
        for c in (_CLAUSE.split(s) if asked else [s])
        if c.strip()
    ]
    pos = {prev.pos, m.pos}
    for header, options in offer.groups:
        idx = None
        for i, s in enumerate(said):
            if is_question(s):
                continue
            idx = named_option(LEAD_FILLER.sub("", s), options, first=i == 0)
            if idx is not None:
                break
        if idx is None and asked and DELEGATE.hit(m.prose):
            ack = ctx.prose_after(m.pos, text_only=False)
            for x in ack.sentences[:2] if ack is not None else ():
                if not is_question(x) and (idx := named_option(x, options, first=False)) is not None:
                    if ack is not None:
                        pos.add(ack.pos)  # "Then February 3.": the assistant's pick of the one left to it
                    break
        if idx is None:
            continue
        head = plain(header).rstrip("?？:： ")
        resolved = resolve_question(header, options, idx) if asked and OR.hit(header) else ""
        if any(o.text in resolved for j, o in enumerate(options) if j != idx):
            resolved = ""  # "¿Y en A o en B: en B" still says the other side
        if resolved or asked:  # a question that does not resolve: its chosen side alone
            picks.append(_LEAD_CONJ.sub("", resolved or plain(options[idx].text).lstrip("¿¡ ")))
        else:
            picks.append(f"{head}: {options[idx].text}" if head else options[idx].text)
    if len(picks) < 2:
        return False
    _record(ctx, offer, _sentence("; ".join(picks)), pos)
    return True


_LEAD_CONJ: Final = re.compile(r"^(?:and|also|und|y|et|e)\s+", re.I)


def _conditional(ctx: Ctx, m: Msg, prev: Msg, option: str, said: str) -> None:
    """A pick that waits on a condition ("the first one, but only if ..."): open, and what the agent
    does about the condition next (an enquiry sent) is cited by it, not written as an outcome."""
    draft = _open(ctx, option, [said], {prev.pos, m.pos}, prev)
    if draft is not None:
        ctx.conditional[m.pos] = draft


def _judged(clause: str) -> bool:
    """A clause that says no, or judges badly ("Kafka is overkill")."""
    return NO.hit(clause) or REJECT.hit(clause) or NEGATIVE.hit(clause)


def _assistant_choice(ctx: Ctx, m: Msg, offer: Offer) -> int | None:
    """After "your call": the option the assistant goes with in its next turn, else its recommendation."""
    nxt = ctx.prose_after(m.pos, text_only=False)
    if nxt is not None:
        for s in nxt.sentences[:3]:
            idx = named_option(s, offer.options, first=False)
            if idx is not None:
                ctx.delegated[m.pos] = nxt.pos
                return idx
    return offer.recommended


def _modifiers(body: Sequence[str], chosen: Option, options: Sequence[Option]) -> list[str]:
    """Sentences of the reply that add to the chosen option ("plus --keep-yearly 3", "but next sprint")."""
    out = []
    for i, s in enumerate(body):
        if is_question(s) or _defers(s) or REMEMBER.search(s) or has_secret(s) or DELEGATE.hit(s):
            continue
        if _standing_rule(s):
            continue  # "and never on GPU 0 from now on": a rule of its own, the fact rules' to read
        if THANKS.starts(s) and _size(s) <= 5 and not distinct_values(s):
            continue  # "Thanks for checking."
        core = s
        toks = tokens(core)
        while toks and (YES.hit(toks[0]) or toks[0] in ("and", "also", "so", "then", "just")):
            core = core.split(None, 1)[1] if " " in core.strip() else ""
            toks = tokens(core)
        head, sep, after = core.partition(",")
        if (
            sep
            and _size(head) <= 3
            and named_option(head, options) == options.index(chosen)
            and _size(after) > 2
        ):
            core, toks = after.strip(), tokens(after)  # "180, we need half a year": the option says "180"
            if i == 0:
                if not (_agrees(core) and _size(core) <= 5):  # "B, let's go with that" adds nothing
                    out.append(plain(core))
                continue
        if len(toks) < 2 or (_agrees(core) and _size(core) <= 3):
            continue  # "sounds right" adds nothing
        if i <= 1 and _size(core) <= 4 and _picks_by_rank(core):
            continue  # "le moins cher", "the middle one": how it was picked, not what was added
        if i and named_option(core, options, first=False) not in (None, options.index(chosen)):
            continue  # about another option (a rejection or a comparison)
        if (led := _no_named(core, options)) is not None and led[0] != options.index(chosen):
            continue  # "no prevent_destroy, it breaks ...": another option turned down, its own item
        rest = word_set(core) - chosen.words
        if i == 0 and (len(rest) <= 1 or (_short(core) and named_option(core, options) is not None)):
            continue  # only the pick itself ("yes, go with option 1")
        if (
            i == 0
            and _short(core)
            and any(named_option(c, options, first=False) is not None for c in _CLAUSE.split(core))
        ):
            continue  # "Kafka is overkill, batch it is": the pick and a judgement, said elsewhere
        out.append(plain(core))
    return out


def _in_passing(ctx: Ctx, m: Msg, prev: Msg, offer: Offer, idx: int) -> bool:
    """Small talk: a short assistant turn asking "X, Y or Z?" in running prose, every side a few
    plain words (no number or identifier), answered in passing, and the assistant's next words
    (no tool called) never take the chosen side up again ("Indoor plans or are you braving it?" -
    "indoor. how long do I boil an egg?" - "About 6 minutes ..."). Nothing was settled that a later
    session needs; a real pick is said back, acted on, or has something to name."""
    if offer.groups or prev.blocks or _size(prev.prose) > 30:
        return False
    if any(not _short(o.text) or distinct_values(o.text) for o in offer.options):
        return False
    ack = ctx.prose_after(m.pos, text_only=False)
    if ack is None or ack.has_calls:
        return False
    return not (word_set(ack.prose) & offer.options[idx].words)


def _decide(ctx: Ctx, m: Msg, prev: Msg, offer: Offer, idx: int, body: Sequence[str]) -> None:
    if _in_passing(ctx, m, prev, offer, idx):
        return
    chosen = offer.options[idx]
    others = [o for o in offer.options if o is not chosen]
    extra = _modifiers(body, chosen, offer.options)
    text = option_text(offer, idx)
    if extra:
        text = f"{text.rstrip('.')}; {clip('; '.join(extra), 140).rstrip('.')}"
    if (d := ctx.delegated.get(m.pos)) is not None and DELEGATE.hit(m.prose):
        said = next(
            (x for x in ctx.msgs[d].sentences[:3] if named_option(x, offer.options, first=False) == idx), ""
        )  # "your call" - "Then WebP at quality 80: ...": how the assistant chose is what was decided
        said = clip(plain(said), 140).rstrip(".")
        if said and len(word_set(said) - word_set(text)) >= 2:
            bare = chosen.text.strip()
            head = text.rstrip(".")
            if bare and head.endswith(bare) and bare in said:  # "...: WebP" -> "...: Then WebP at 80 ..."
                text = f"{head[: -len(bare)]}{said}"
            else:
                text = f"{head}; {said}"
    pos = {prev.pos, m.pos}
    if (mine := _user_pick(ctx, m, offer, idx, extra)) is not None:
        text, said_at = mine  # "Le car: Autocars Girard, 59 places, 780 € (plutôt que: Voyages Berthet)"
        pos |= said_at
    else:
        text = _over(ctx, text, others)
    if (d := ctx.delegated.get(m.pos)) is not None:
        pos.add(d)
    if mine is None and (confirmed := _confirmation(ctx, m, offer, idx, text)) is not None:
        said, at = confirmed  # "Grafana Cloud with the 12-month commit.": what was settled, said back
        text = clip(f"{said}; {text}")
        pos.add(at)
    _record(ctx, offer, text, pos)

    def split(s: str) -> list[str]:  # a sentence naming two options is read clause by clause
        two = _judged(s) and "," in s and named_option(s, offer.options, first=False) is None
        return _CLAUSE.split(s) if two else [s]

    parts = [c for s in body for c in split(s) if c.strip()]
    for s in parts:
        if not (_refuses(s) or REJECT.hit(s) or NO.hit(s) or NEGATIVE.hit(s)) or is_question(s):
            continue
        if _keeps_fact(s):
            continue  # a standing rule ("under no circumstances forward ports") is the fact that says it
        if _defers(s) and DOUBT.hit(s):
            continue  # "not sure, let me ask Dario first" puts the option off; its "not" turns nothing down
        if _VALUE_FIX.search(s) and not any(distinct_values(s) & distinct_values(o.text) for o in others):
            continue  # "23 km, not 32": a value corrected, not another option turned down
        other = named_option(s, offer.options, first=False)
        if other is None or other == idx:
            if len(others) == 1 and REJECT.hit(s) and not (word_set(s) & chosen.words):
                other = offer.options.index(others[0])
            else:
                continue
        _reject_option(ctx, m, prev, offer, other, s)


def _confirmation(ctx: Ctx, m: Msg, offer: Offer, idx: int, text: str) -> tuple[str, int] | None:
    """The assistant's words after a pick, when they say the chosen option back with what it
    settles ("Braiding Sweetgrass for January then.", "McGill residences, 26 July to 1 August."):
    a short statement, no offer or question, naming the chosen option by a name or value only it
    has and adding names or values the decision does not have yet. Its first words, else (when
    they only announce work: tool calls follow) the report that closes that work ("the 23 rows
    are in data/clean/lookup.csv"). Returned with the turn that said it."""
    ack = ctx.prose_after(m.pos, text_only=False)
    if ack is None:
        return None
    turns = [ack]
    if ack.has_calls:
        turns += [x for x in ctx.after(ack.pos) if x.role == "assistant" and x.prose][-1:]
    for turn in turns:
        if not turn.sentences or ctx.offer(turn).options:
            continue
        if turn is not ack and not distinct_values(turn.sentences[0]) & _values_of(offer, idx):
            continue  # a report names the pick by its own value ("the 23 rows"), else it reports results
        said = _confirms(plain(turn.sentences[0]).strip(), offer, idx, text)
        if said:
            return said, turn.pos
    return None


def _confirms(said: str, offer: Offer, idx: int, text: str) -> str:
    """``said`` as the confirmation of option ``idx`` (see ``_confirmation``), or ""."""
    if is_question(said) or _size(said) > 20 or _size(said) < 2 or _refuses(said) or NEGATIVE.hit(said):
        return ""
    named = option_by_name(said, offer.options)
    if named is None:
        named = named_option(said, offer.options, first=False, strong=True)
    names = introduced_names(said, False)
    head = said.split(maxsplit=1)[0].strip(",;:.!—-").lower()  # "Gut, ...", "Entendu : ...": the opening word
    head = head if head.isalpha() else ""
    if named != idx or not names - introduced_names(text, False) - {head}:
        return ""  # "Entendu : Framaforms.", "Gut, GLS Bank.": a yes to it, nothing settled beyond
    if any(names & own for j, own in enumerate(owned_names(offer.options)) if j != idx):
        return ""  # "Linde statt Stahl": it names the other side too
    if (
        (lead := _ACK_LEAD.match(said))
        and not word_set(said[: lead.end()]).intersection(*(o.words for o in offer.options))
        and not distinct_values(said[: lead.end()])
        and _size(said[lead.end() :]) >= 3
    ):
        said = said[lead.end() :]  # "Noted: AVE 03280, Friday 15:30" -> "AVE 03280, Friday 15:30"
    return _sentence(said.rstrip(".!。 "))


def _short_name(option: str) -> str:
    """A user's option by its name: the capitalised words it opens with ("Autocars Girard" of
    "Autocars Girard" or "Transportes Olmo" of "Transportes Olmo 4.800€ con embalaje"), else all of it."""
    words = plain(option).strip(" ,;.").split()
    lead = []
    for w in words:
        if not w[:1].isupper():
            break
        lead.append(w.strip(",;:"))
    return " ".join(lead) if lead else " ".join(words)


def _user_pick(ctx: Ctx, m: Msg, offer: Offer, idx: int, extra: Sequence[str]) -> tuple[str, set[int]] | None:
    """A pick among the user's own options (``elaborated_offer``) reads "Topic: chosen option with
    its key details (instead of: the other option's name)". The details are those of the assistant's
    short confirmation right after the pick when it names the chosen option with figures (that entry
    is cited), else the assistant's elaboration of it, the name said once."""
    from memoryd.flush.extract.exchanges import user_laid_options

    if offer.context or not offer.question:
        return None
    laid = user_laid_options(offer.question)
    if laid is None or len(laid[1]) != len(offer.options):
        return None
    lead, opts = laid
    names = [_short_name(o.text) for o in opts]
    name = names[idx]
    own = word_set(name).difference(*(word_set(n) for j, n in enumerate(names) if j != idx))
    if not own:
        return None
    topic = lead.strip(" :,;")
    body, pos = "", set()
    reply = ctx.prose_after(m.pos)
    if reply is not None and reply.sentences:
        first = _after_yes(reply.sentences[0])
        others = [word_set(n) - word_set(name) for j, n in enumerate(names) if j != idx]
        if (
            first
            and not is_question(first)
            and word_set(first) & own
            and not any(word_set(first) & w for w in others if w)
            and re.search(r"\d", first)
            and _size(first) <= 14
        ):
            body, pos = plain(first).strip(" ,;."), {reply.pos}
            if not word_set(first) >= word_set(name) - STOPWORDS:
                body = f"{name}, {body}"
    if not body:
        text = plain(offer.options[idx].text).strip(" ,;.")
        head = f"{lead}: {opts[idx].text}" if lead else opts[idx].text
        head = plain(head).strip(" ,;.")
        detail = text[len(head) :].lstrip(" ,;") if text.startswith(head) else text
        if word_set(detail) >= word_set(name) - STOPWORDS:
            body = detail
        elif detail and detail.split()[0].strip(",;:()").lower() in {w.lower() for w in name.split()}:
            body = f"{name}{detail[len(detail.split()[0]) :]}"  # "Girard propose ..." -> "Autocars Girard propose ..."
        elif detail and detail != text:
            body = f"{name}, {detail}"
        else:
            body = text
        said = [
            x.strip(" ,;.") for x in extra if not word_set(x) & own
        ]  # not the pick itself ("Lafitte alors")
        if said:
            body = f"{body}; {clip('; '.join(said), 140).rstrip('.')}"
    if topic and not word_set(body) >= word_set(topic):
        body = f"{topic[:1].upper()}{topic[1:]}: {body}"
    text = clip(_sentence(body[:1].upper() + body[1:]), 220).rstrip(" .")
    if len(opts) == 2:
        other = names[1 - idx]
        text = f"{text} ({_INSTEAD.get(ctx.lang, _INSTEAD['en'])}: {other})"
    return _sentence(text), pos


#: what a choice between two was made over, in the language of the range
_INSTEAD: Final = {
    "en": "instead of",
    "de": "statt",
    "es": "en lugar de",
    "fr": "plutôt que",
    "it": "invece di",
    "ja": "ではなく",
}


def _over(ctx: Ctx, text: str, others: Sequence[Option]) -> str:
    """A pick between two says what it was picked over, unless it says so already:
    "Shipton Mill for the extra volume (instead of: stay with Marriage's ...)"."""
    if len(others) != 1:
        return text
    other = plain(others[0].text).strip(" ,;.")
    own = {w for w in word_set(other) if len(w) > 2}
    if not own or len(own & word_set(text)) >= 0.5 * len(own):
        return text
    return f"{text.rstrip(' .')} ({_INSTEAD.get(ctx.lang, _INSTEAD['en'])}: {clip(other, 80)})"


def _picked_part(ctx: Ctx, text: str) -> str:
    """A decision's text without what it was picked over (``_over``)."""
    return text.split(f" ({_INSTEAD.get(ctx.lang, _INSTEAD['en'])}: ", 1)[0]


#: "23 km, not 32", "60 €, no 50": a number said, then the one it replaces
_VALUE_FIX: Final = re.compile(r"\d\S*(?:\s+\S+)?,?\s+(?:not|nicht|no|pas|non)\s+\d", re.I)


def _record(ctx: Ctx, offer: Offer, text: str, pos: set[int]) -> None:
    """A decision on ``offer``'s options; one that re-decides the same options replaces the earlier one."""
    words = frozenset().union(*(o.words for o in offer.options))
    for slot, draft in ctx.slots:
        if words and len(words & slot) >= 0.6 * min(len(words), len(slot)):
            draft.text = clip(text)
            draft.pos |= pos
            return
    new = ctx.add("decision", text, pos, must_keep=True)
    if new is not None:
        ctx.slots.append((words, new))
        ctx.slot_options.append((offer, new))


def _reject_option(ctx: Ctx, m: Msg, prev: Msg, offer: Offer, idx: int, reason: str) -> None:
    option = offer.options[idx]
    if any(d.text.startswith(ctx.labels["rejected"]) and option.text[:40] in d.text for d in ctx.drafts):
        return
    said = _reason(reason)
    text = ctx.labels["rejected"] + clip(_sentence(option.text), 140) + (f" — {said}" if said else "")
    ctx.add("decision", text, {prev.pos, m.pos}, must_keep=True)


def _reason(s: str) -> str:
    """The user's reason for a rejection, without the refusal word itself."""
    core = plain(LEAD_FILLER.sub("", s)).strip(" ,.;")
    toks = tokens(core)
    if len(toks) <= 2:
        return ""
    return clip(core, 150)


def _plan_reply(
    ctx: Ctx, m: Msg, prev: Msg, offer: Offer, body: Sequence[str], first: str, deferred: Sequence[str]
) -> None:
    """A multi-part plan: answered point by point, agreed as a whole, deferred or refused."""
    if deferred and not _agrees(first):
        _open(ctx, _topic(ctx, prev, offer), deferred, {prev.pos, m.pos}, prev)
    elif _point_by_point(ctx, m, prev, offer, body):
        return
    elif _agrees(first) and (earlier := _restated(ctx, prev)) is not None:
        earlier.pos.update({prev.pos, m.pos})  # a yes to the agreed plan restated is the same decision
    elif _agrees(first) and (restated := _plan_said_back(ctx, m, offer, body)) is not None:
        text, at = restated  # "OK: screen (30) -> pairing (90) -> ...": the plan as changed, said back
        ctx.add("decision", text, {prev.pos, m.pos, at}, must_keep=True)
    elif _agrees(first):
        changed = _changed_points(offer, body)
        said = {s for _, sents in changed for s in sents}
        extra = [
            x
            for s in body
            if s not in said and not is_question(s) and not _defers(s) and not _aside(s)
            for x in [_after_yes(s)]
            if len(tokens(x)) > 2
        ]
        text = _gist(prev, offer) + (f"; {clip('; '.join(extra), 120)}" if extra else "")
        ctx.add("decision", text, {prev.pos, m.pos}, must_keep=True)
        for idx, sents in changed:
            point = clip(_sentence(offer.options[idx].text), 140).rstrip(".")
            ctx.add(
                "decision",
                f"{point} — {clip(plain(' '.join(sents)), 150)}",
                {prev.pos, m.pos},
                must_keep=True,
            )
    elif _refuses(first):
        _rejection(ctx, m, prev, body[:2])


def _plan_said_back(ctx: Ctx, m: Msg, offer: Offer, body: Sequence[str]) -> tuple[str, int] | None:
    """A plan agreed with changes ("Mostly yes. Change two things: ...") that the assistant's very
    next words (no tool call, no question, no list of their own) say back in one statement taking up
    every one of its points and the reply's changes: that statement is the plan as decided."""
    if len(body) < 2 or (not _changed_points(offer, body) and not any(distinct_values(s) for s in body[1:])):
        return None  # a plain yes: the plan as offered
    nxt = m.pos + 1
    ack = ctx.msgs[nxt] if nxt < len(ctx.msgs) else None
    if ack is None or ack.role != "assistant" or ack.has_calls or not ack.sentences or ctx.offer(ack).options:
        return None
    said = plain(ack.sentences[0]).strip()
    if is_question(said) or _size(said) > 60 or _size(said) < 6:
        return None
    words = word_set(said)
    taken = sum(1 for o in offer.options if len(words & o.words) >= 1)
    changes = word_set(" ".join(body[1:])) - word_set(" ".join(o.text for o in offer.options))
    if taken < max(2, len(offer.options)) or not words & changes:  # the whole plan, not one point
        return None
    if (
        (lead := _ACK_LEAD.match(said))
        and _size(said[: lead.end()]) <= 2
        and not distinct_values(said[: lead.end()])
    ):
        said = said[lead.end() :]  # "OK: screen (30) -> ..." -> "screen (30) -> ..."
    return _sentence(clip(said.rstrip(".!。 "))), ack.pos


def _after_yes(s: str) -> str:
    """A reply sentence without its leading agreement: "yes, but do the backfill on Saturday" ->
    "but do the backfill on Saturday"."""
    core = plain(s).strip()
    while (toks := tokens(core)) and YES.hit(toks[0]):
        core = core.split(None, 1)[1] if " " in core else ""
    return core.strip(" ,;.")


def _changed_points(offer: Offer, body: Sequence[str]) -> list[tuple[int, list[str]]]:
    """Points of an agreed plan that the reply changes ("drop 18. Just 20 and 22."), with what it says."""
    out: list[tuple[int, list[str]]] = []
    for s in body:
        if is_question(s) or _defers(s) or _aside(s):
            continue
        idx = named_option(s, offer.options, first=False)
        changes = NO.hit(s) or REJECT.hit(s) or NEGATIVE.hit(s) or REVERSAL.hit(s) or distinct_values(s)
        if idx is not None and changes:
            if out and out[-1][0] == idx:
                out[-1][1].append(s)
            else:
                out.append((idx, [s]))
        elif out and distinct_values(s) & distinct_values(offer.options[out[-1][0]].text):
            out[-1][1].append(s)  # more about the point just changed
    return out


def _gist(prev: Msg, offer: Offer) -> str:
    header = offer.context
    items = "; ".join(o.text for o in offer.options)
    return clip(_sentence((header + ": " if header else "") + items), 220)


def _restated(ctx: Ctx, prev: Msg) -> Draft | None:
    """The decision an assistant plan restates right after the user agreed ("Updated plan: ...")."""
    asker = ctx.last_user(prev.pos)
    return next(
        (
            d
            for d in reversed(ctx.drafts)
            if d.kind == "decision" and asker in d.pos and not d.text.startswith(ctx.labels["rejected"])
        ),
        None,
    )


def _point_by_point(ctx: Ctx, m: Msg, prev: Msg, offer: Offer, body: Sequence[str]) -> bool:
    """A reply that takes up three points of a plan (two when it has two) one by one."""
    points = offer.options
    named: list[tuple[int, list[str]]] = []
    parked: list[tuple[int, str]] = []  # "6 not now, ask me again after Q1": a point put off
    for s in body:
        verdict = _LABEL.sub("", s, count=1) if _LABEL.match(s) else ""
        head = next((c for c in _CLAUSE.split(verdict) if c.strip()), "")
        if verdict and not is_question(s) and (_defers(verdict) or LATER.hit(head)):
            idx = named_option(s, points)
            if idx is not None and all(idx != p for p, _ in named):
                parked.append((idx, s))
            continue
        if is_question(s) or _defers(s):
            continue
        idx = named_option(s, points, first=False)
        if idx is not None and all(idx != p for p, _ in named):
            named.append((idx, [s]))
        elif named and not _defers(s):
            named[-1][1].append(s)
    if len(named) + len(parked) < min(3, len(points)) or len(named) + len(parked) < 2 or not named:
        return False
    for idx, said_off in parked:
        verdict = _LABEL.sub("", said_off, count=1).strip(" ,;:.")
        _open(ctx, clip(_sentence(points[idx].text), 140).rstrip("."), [verdict], {prev.pos, m.pos})
    for idx, said in named:
        if _aside(_LABEL.sub("", said[0], count=1)):
            continue  # "the Spanish one: Ines does all Spanish support, always forward those": a fact
        verdict = _LABEL.sub("", said[0], count=1).strip()  # "3 no: ..." -> "no: ..."
        rejects = any(REJECT.hit(s) for s in said) or (verdict != said[0].strip() and NO.starts(verdict))
        prefix = ctx.labels["rejected"] if rejects else ""
        text = f"{prefix}{clip(_sentence(points[idx].text), 140)} — {clip(plain(' '.join(said)), 150)}"
        ctx.add("decision", text, {prev.pos, m.pos}, must_keep=True)
    return True


_ACK_LEAD: Final = re.compile(r"^(?:[^\s:：,]+(?:\s+[^\s:：,]+)?\s*[:：,—-]\s+)(?=\S)")


def _new_names(text: str) -> set[str]:
    return {n.lower() for n in capitalised_names(text)} | set(distinct_values(text))


def _counter(ctx: Ctx, m: Msg, prev: Msg, body: Sequence[str]) -> bool:
    """A counter-proposal to the one thing offered or recommended: the reply names a value or a name
    the offer did not ("make it 5%", "no, ask the Mill House instead"), and the assistant's next words
    take it up (they say it again, no question): the decision is what the assistant then confirms,
    the three turns cited. A reply that asks back, or an answer that does not repeat the new name,
    is no counter-proposal."""
    said = " ".join(body)
    turned = REVERSAL.hit(said)  # "instead", "make it", "lieber", "mejor", "plutôt"
    if own_question(body) or _size(said) > 20 or ((_agrees(_first(body)) or NO.starts(said)) and not turned):
        return False  # "nee, lass mal, das macht Lukas": a no that hands the task on proposes nothing
    new = _new_names(said) - _new_names(prev.prose)
    if not new:
        return False
    ack = ctx.prose_after(m.pos, text_only=False)
    if ack is None or not ack.sentences or is_question(ack.sentences[0]) or ctx.offer(ack).options:
        return False
    confirm = ack.sentences[0]
    if not new & _new_names(confirm) or _size(confirm) > 30:
        return False
    text = plain(confirm)
    if (lead := _ACK_LEAD.match(text)) and _size(text[lead.end() :]) >= 3:
        text = text[lead.end() :]  # "Done: 5% per week ..." -> "5% per week ..."
    ctx.add("decision", _sentence(text.rstrip(" .")), {prev.pos, m.pos, ack.pos}, must_keep=True)
    return True


def _single(
    ctx: Ctx, m: Msg, prev: Msg, offer: Offer, body: Sequence[str], first: str, deferred: Sequence[str]
) -> None:
    """One thing offered: accepted is a decision, refused a rejection, put off an open question.

    An offer to change a value the turn states ("trigger is 22:00 right now ... move it to sunset?")
    is a decision either way; when the reply is neither a plain yes nor a plain no ("leave it as
    it is"), the assistant's next words tell: they name the proposed value, or the current one.
    """
    action = _sentence(offer.single.rstrip("?？ "))
    asks_other = any(ASK.hit(s) or _asks_self(s) for s in deferred)
    refused = (
        (NO.starts(first) and not _agrees(first) and not asks_other)
        or (not deferred and _refuses(first) and not _agrees(first))
        or (not _agrees(first) and _takes_on(first))
    )
    agreed = _agrees(first) and not refused
    taken = taken_on.taken_at(body)  # "ich schick die Bestätigung selbst": the user does it instead
    refused = refused or (taken is not None and not agreed)  # "morgen, nicht mehr. ich schick sie selbst"
    part_down = body[taken] if agreed and taken is not None and NO.hit(body[taken]) else ""
    before = len(ctx.drafts)
    if agreed and HOWTO.search(action):
        return  # "want me to write the routine down?" - "yes": the steps written are the procedure
    if offer.change and not refused and not agreed and not deferred and not own_question(body):
        verdict = _change_verdict(ctx, m, offer)
        refused, agreed = verdict is False, verdict is True
    was = f" ({plain(offer.change[0])})" if offer.change else ""
    if refused:
        said = _reason(" ".join(body[: max(2, (taken or 0) + 1)]))  # "non merci, pas pour l'instant": a no
        text = ctx.labels["rejected"] + clip(_action(action), 150) + was + (f" — {said}" if said else "")
        ctx.add("decision", text, {prev.pos, m.pos}, must_keep=True)
        _asks_after_refusal(ctx, m, prev, body, action)
    elif deferred and (not agreed or (todos.undated_put_off(deferred) and not _acted_on(ctx, m, prev))):
        # the point the user raised, if the offer only answered it; "yeah, not today though" agrees
        # the thing is worth doing and puts it off with no day: still open, nobody's dated task
        generic = not distinct_values(action) and _size(action) < 10  # "shall I fetch numbers?"
        topic = (
            (raised(ctx, prev) or todos.offer_lead(paragraphs(prev.prose), offer.single)) if generic else ""
        )
        _open(ctx, topic or action, deferred, {prev.pos, m.pos}, prev)
    elif agreed and (
        later := [
            s for s in body if (DUE.hit(s) or LATER.hit(s)) and not _NAMED_SUBJECT.search(_after_yes(s))
        ]
    ):
        if not todos.acted_on_at_once(ctx, m, _after_yes(later[0])):
            # else carried out now ("the 24th at 18:00" - the event created): no task left, the tools tell
            when = clip(
                plain(" ".join(_after_yes(s) for s in later)), 80
            )  # "yep, but next sprint. make a ticket"
            ctx.add("todo", f"{_action(action).rstrip('.')} ({when})", {prev.pos, m.pos})
    elif agreed and (
        offer.change
        or SUGGEST.hit(offer.single)
        or REVERSAL.hit(offer.single)
        or distinct_values(offer.single)
    ):
        extra = [_after_yes(body[0])] if taken == 0 and not part_down else []  # "yes but as a draft, ..."
        rest = [s for s in body[1:] if s != part_down]  # the part turned down is its own item
        extra += [
            plain(s)
            for s in rest
            if not is_question(s) and not _defers(s) and not _aside(s) and len(tokens(s)) > 2
        ]
        text = _action(action).rstrip(".") + was + (f"; {clip('; '.join(extra), 120)}" if extra else "")
        if stated := _stated_before(prev, offer.single, offer.change):
            text = f"{stated}; {text}"  # "Le modèle de base est sous Apache-2.0; Je mets donc Apache-2.0"
        pos = {prev.pos, m.pos}
        if (sent := _carried_out(ctx, m)) is not None:  # the send that carried it out is cited too
            pos.add(sent[0])
            text = text if sent[1] in text else f"{text} ({sent[1]})"
        ctx.add("decision", text, pos, must_keep=True)
    elif agreed and (done := _carried_out(ctx, m)) is not None:
        # "shall I write to them?" - "go on" - the mail sent: the offer taken, and what showed it done
        done_at, to = done
        text = _action(action).rstrip(".")
        if stated := _stated_before(prev, offer.single, offer.change):
            text = f"{stated}; {text}"  # "Only one: ICE 577, ... 07:12; Write the change to Jana"
        ctx.add(
            "decision", text if to in text else f"{text} ({to})", {prev.pos, m.pos, done_at}, must_keep=True
        )
    if part_down or (
        agreed and taken is not None and not any(d.kind == "decision" for d in ctx.drafts[before:])
    ):
        _taken_part(ctx, m, prev, body[taken or 0], action)


def _taken_part(ctx: Ctx, m: Msg, prev: Msg, said: str, action: str) -> None:
    """A yes to a single offer with a sentence that has the user do part of it ("poll yes. submit no,
    I'll answer myself", "oui mais en brouillon, je l'enverrai moi-même"): with a "no" that part is
    turned down, else the offer is taken on that condition; either way the sentence says how."""
    if NO.hit(said):
        why = _reason(said)
        text = ctx.labels["rejected"] + clip(_action(action), 150) + (f" — {why}" if why else "")
    else:
        text = f"{_action(action).rstrip('.')}; {clip(_after_yes(said), 120)}"
    ctx.add("decision", text, {prev.pos, m.pos}, must_keep=True)


def _asks_after_refusal(ctx: Ctx, m: Msg, prev: Msg, body: Sequence[str], action: str) -> None:
    """A refusal that goes on to ask someone ("no leave it, ... I'll ask him to look"): what the
    assistant found waits for that answer, an open question beside the rejection."""
    if asking := refused_ask.asking_clause(body):
        found = report_sentences(prev.prose)
        _open(ctx, found[0] if found else action, [asking], {prev.pos, m.pos})


_ADDRESS: Final = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _stated_before(prev: Msg, single: str, change: Sequence[str]) -> str:
    """The statement of the offering turn that the offer takes up ("Only one: AVE 03261, Thursday 14 at
    06:50. Shall I write to Marta with the change?", "The base model is under Apache-2.0. So I put
    Apache-2.0?"): before the offer, one naming every value the offer names (an offer with a new value
    only changes what the statement says), else (an offer naming none) the one with the most values,
    two at least. What the offer is about, so the decision says it; else "". Not the sentence stating
    the value an offer to change it replaces (``Offer.change``: the decision says that one already)."""
    if single not in prev.sentences:
        return ""
    before = [
        x
        for x in prev.sentences[: prev.sentences.index(single)]
        if not is_question(x) and _size(x) <= 25 and not (change and change[1] in x)
    ]
    own = distinct_values(single)
    if own:
        shared = [x for x in before if own <= distinct_values(x)]  # not "now 3.11" before "3.11 to 3.12?"
        return plain(shared[-1]).strip().rstrip(".!。 ") if shared else ""
    most = max(before, key=lambda x: len(distinct_values(x)), default="")
    return plain(most).strip().rstrip(".!。 ") if len(distinct_values(most)) >= 2 else ""


def _carried_out(ctx: Ctx, m: Msg) -> tuple[int, str] | None:
    """The tool result that shows an offer to write to someone carried out: the assistant's next move
    after the reply is a tool call, and its result names the address written to. (Work the offer
    continues, "add a test?" - "yes" - tests run, is the outcome rules' business.)"""
    for x in ctx.after(m.pos):
        if x.role == "user" or (x.role == "assistant" and x.prose and not x.has_calls):
            return None
        if x.role == "tool":
            said = f"{x.step.command} {x.step.output}" if x.step is not None else x.prose
            to = _ADDRESS.search(said)
            return (x.pos, to.group(0)) if to else None
    return None


def _change_verdict(ctx: Ctx, m: Msg, offer: Offer) -> bool | None:
    """Whether the assistant's words after the reply name the proposed value (the change was taken)
    or the current one (it was not): "Leaving the automation on 22:00." after "leave it"."""
    ack = ctx.prose_after(m.pos, text_only=False)
    if ack is None or not ack.sentences:
        return None
    _, current, proposed = offer.change
    old, new = set(tokens(current)), set(tokens(proposed))
    said = set(tokens(ack.sentences[0]))
    keeps, takes = bool(said & (old - new)), bool(said & (new - old))
    return None if keeps == takes else takes


def _carries_values(recommendation: str, body: Sequence[str]) -> bool:
    """A reply with no yes or no that writes the recommended numbers down itself ("I'd send at 7:30" -
    "put it in the team calendar: first Tuesday, 7:30"): it takes the recommendation by acting on it."""
    if not body or NO.starts(body[0]) or any(REJECT.hit(s) or is_question(s) for s in body):
        return False
    numbers = {v for v in distinct_values(recommendation) if any(c.isdigit() for c in v)}
    return bool(numbers) and numbers <= {v for s in body for v in distinct_values(s)}


def _take_recommendation(ctx: Ctx, m: Msg, prev: Msg, offer: Offer, body: Sequence[str]) -> None:
    """A recommendation without listed options, taken: the recommendation is the decision.

    A sentence of the reply that says no to a name or value of the recommendation ("but not
    Falkenstein, we need Helsinki") turns that part down.
    """
    rec = offer.recommendation
    named = capitalised_names(rec) | distinct_values(rec)
    turned = [
        s
        for s in body[1:]
        if (NO.hit(s) or REJECT.hit(s)) and named & (capitalised_names(s) | distinct_values(s))
    ]
    extra = [
        plain(s)
        for s in body[1:]
        if s not in turned and not is_question(s) and not _defers(s) and not _aside(s) and _size(s) > 2
    ]
    text = _sentence(rec) + (f"; {clip('; '.join(extra), 120)}" if extra else "")
    ctx.add("decision", text, {prev.pos, m.pos}, must_keep=True)
    for s in turned[:2]:
        ctx.add(
            "decision",
            ctx.labels["rejected"] + clip(_sentence(_FILLER.sub("", s)), 200),
            {prev.pos, m.pos},
            must_keep=True,
        )


_SHORT_LEAD: Final = re.compile(r"^(?:\S+\s+){0,2}\S+,\s+(?=\S)")
_SHORT_TAIL: Final = re.compile(r",\s+(?:\S+\s+){0,2}\S+$")


def _action(offer: str) -> str:
    """The thing offered, without the asking: "I could switch this to Z, want that?" -> "Switch this to Z";
    a short clause around it ("If you like, ...", "..., if that helps") is left out."""
    core = offer.rstrip("?？.!。 ")
    if (lead := _SHORT_LEAD.match(core)) and len(tokens(core[lead.end() :])) >= 4:
        core = core[lead.end() :]
    if (tail := _SHORT_TAIL.search(core)) and len(tokens(core[: tail.start()])) >= 4:
        core = core[: tail.start()]
    core = _OFFER_LEAD.sub("", core.lstrip("¿¡ ")).strip(" ,")
    core = _OFFER_TAIL.sub("", core).strip(" ,")
    return _sentence(core) or offer


def _rejection(ctx: Ctx, m: Msg, prev: Msg, reason: Sequence[str]) -> None:
    """A flat no to what the assistant put forward, named by the assistant sentence it answers."""
    words = frozenset().union(*(word_set(r) for r in reason))
    best = max(report_sentences(prev.prose), key=lambda s: len(words & word_set(s)), default="")
    subject = f"{clip(best, 110)} — " if best and words & word_set(best) else ""
    ctx.add(
        "decision",
        ctx.labels["rejected"] + subject + clip(plain(" ".join(reason)), 150),
        {prev.pos, m.pos},
        must_keep=True,
    )


def raised(ctx: Ctx, prev: Msg) -> str:
    """The point the user raised in the turn the assistant answers: a question, or a statement of
    doubt ("not sure whether fct_revenue should drop test accounts")."""
    asker = ctx.last_user(prev.pos)
    if asker is None:
        return ""
    for s in ctx.msgs[asker].sentences:
        if has_secret(s) or (REQUEST.match(s) and not _point(s)):
            continue
        if not is_question(s) and _defers(s) and (ASK.hit(s) or ASK_SELF.hit(s) or _plan(s)):
            continue  # "se lo pregunto yo mañana" puts a point off; it is not the point
        labelled = _LABELLED_POINT.search(s)  # "one thing I can't decide: whether X"
        if (
            (is_question(s) and _size(s) >= 4)
            or labelled
            or ((LATER.hit(s) or OPEN.hit(s) or DOUBT.hit(s)) and _size(s) >= 5)
        ):
            if (is_question(s) or labelled) and (point := _point(s)):
                return point  # "do you know whether X?" -> "whether X"
            core = _FILLER.sub("", _LEAD_LABEL.sub("", s))
            return plain(core) if _size(core) >= 4 else plain(s)
    return todos.laid_out_then_doubt(ctx.msgs[asker].sentences)


_EMBEDDED: Final = re.compile(r"(?:^|[\s:,;])(?P<w>whether|ob|si|s'il|s'ils)\s+\S", re.I)


_LABELLED_POINT: Final = re.compile(r"[:：]\s*(?:whether|ob|si|s'il|s'ils)\s+\S", re.I)


def _point(s: str) -> str:
    """The embedded question of a sentence, from its "whether" on: "do you know whether the survey
    needs approval?" / "eine Sache, bei der ich hin und her überlege: ob X" -> "whether ...", "ob X"."""
    found = _EMBEDDED.search(s)
    if found is None:
        return ""
    point = plain(s[found.start("w") :]).rstrip("?？.!。 ")
    return point if len(tokens(point)) >= 4 else ""


def _topic(ctx: Ctx, prev: Msg, offer: Offer) -> str:
    """What an open point is about: the assistant's question, or (when the assistant only answered)
    the point the user raised before."""
    if not offer.options and (point := raised(ctx, prev)):
        return point
    topic = plain(offer.question or offer.context or offer.single)
    if offer.options and _size(topic) < 6 and not offer.groups:  # "Which do you prefer: X or Y?"
        sides = " or ".join(clip(o.text, 60) for o in offer.options[:4])
        topic = f"{topic.rstrip('?？ ')}: {sides}?"
    elif _size(topic) < 6 and offer.context and offer.context != offer.question:
        topic = f"{plain(offer.context)} {topic}"
    elif offer.question and (item := _item_asked_about(offer)):
        topic = f"{item}: {topic}"  # "you: decide on the 2027 rate: Should the rate decision get a deadline?"
    if not topic:
        sents = [s for s in split_sentences(paragraphs(prev.prose)[-1]) if not LIST_ITEM.match(s)]
        topic = plain(sents[-1]) if sents else ""
    if _size(topic) < 6:
        asker = ctx.last_user(prev.pos)
        if asker is not None:
            asked = [s for s in ctx.msgs[asker].sentences if is_question(s) and not has_secret(s)]
            if asked:
                topic = f"{plain(asked[0])} {topic}"
    return topic


_ELIDED: Final = re.compile(r"\b(\w+)['’]\w")


def _item_asked_about(offer: Offer) -> str:
    """The one item of the list laid out before the closing question that the question takes up
    by a word of its own ("- you: decide on the 2027 hourly rate" ... "Should the rate decision get a
    deadline?"): what the question is about, or ''."""
    if not offer.options or offer.groups:
        return ""
    elided = {w.lower() for w in _ELIDED.findall(offer.question)}  # "jusqu'à": a function word
    asked = {w for w in word_set(offer.question) if len(w) > 3 and w not in elided}
    named = [o for o in offer.options if asked & word_set(o.text)]
    return plain(named[0].text).rstrip(" .") if len(named) == 1 else ""


def _open(ctx: Ctx, topic: str, said: Sequence[str], pos: set[int], prev: Msg | None = None) -> Draft | None:
    """A question left open: what was asked and, in brackets, why it waits."""
    if prev is not None:
        asker = ctx.last_user(prev.pos)
        asked = [s for s in ctx.msgs[asker].sentences if is_question(s)] if asker is not None else []
        if asker is not None and asked and len(word_set(asked[0]) & word_set(topic)) < 2:
            topic = (
                f"{plain(_FILLER.sub('', asked[0]))} {topic}"  # what the user asked gives "that" its sense
            )
            pos.add(asker)
        elif asker is not None and (
            _size(topic) < 6 or len(word_set(topic) & word_set(ctx.msgs[asker].prose)) >= 2
        ):
            pos.add(asker)  # the user's turn that raised it
        if _RESULT_NUM.search(prev.prose) and (results := result_sentences(prev.prose)):
            pos.update(supporting_steps(ctx, prev, results))  # the measurements that led to the question
        ctx.reported.add(prev.pos)
    if sum(1 for w in word_set(topic) if len(w) > 2 or CJK.search(w)) < (1 if is_question(topic) else 2):
        return None  # "Vale." asks nothing: no point to keep open
    if (same := todos.same_point(ctx.drafts, topic, pos)) is not None:
        same.pos.update(pos)  # the point is open already (a later "for now" restates it): one item
        return same
    reason = clip(plain(" ".join(said)), 120)
    topic = _sentence(topic) if topic[:1].islower() else topic
    # why it waits, in brackets: never glued on as a second speaker ("— user: ...")
    text = f"{clip(topic, 170).rstrip(' —-')} ({reason.rstrip('.')})" if reason else topic
    return ctx.add("open_question", text, pos)


# --- statements outside a reply -------------------------------------------------------------------------


def explicit_lines(ctx: Ctx, m: Msg, decisions: bool = True) -> None:
    """``TODO: ...`` / ``Open question: ...`` lines and "we decided ..." statements.

    ``decisions`` is off when the turn was already read as a reply (its decision is made there).
    """
    low = m.low
    if (":" in m.prose or "：" in m.prose) and any(n in low for n in _OPEN_NEEDLES):
        seen = set()
        for line in [*m.prose.splitlines(), *m.sentences]:  # a line, or a sentence inside one
            if (om := _OPEN_LINE.match(line.strip())) and om.group("text") not in seen:
                seen.add(om.group("text"))
                _open_line(ctx, m, om.group("text"), om.group("tag").lower())
    if m.role == "user" and COMPLETION.search(m.prose) and _reports_own_work(ctx, m):  # "all booked!"
        for line in m.prose.splitlines():
            if (done := COMPLETION.search(line)) and not _WHEN.search(line[: done.start()][-12:]):
                ctx.add("outcome", plain(line[done.start() :]), {m.pos})
    if decisions and any(n in low for n in _DECIDED_NEEDLES):
        for s in m.sentences:  # the regex only where a needle is (a scan per sentence costs ~20x more)
            low_s = s.lower()
            if not any(n in low_s for n in _DECIDED_CORES):
                continue
            if DECIDED.search(s) and not is_question(s) and not _OPEN_LINE.match(s):
                _stated_decision(ctx, m, plain(s))


def _reports_own_work(ctx: Ctx, m: Msg) -> bool:
    """A user turn that reports work the user did as the end of what was talked over ("ok, all
    booked!"). What they did is context, not an outcome, in a turn that asks for something (a
    question in it, "I've sent them an email. Can you ...?"), that opens the range (the account
    of what happened before the request: "we deployed v2 at 16:20, now it throws 502s"), or that
    answers the assistant's question with a yes ("yes please, all done within a week": a target)."""
    if any(is_question(s) for s in m.sentences) or (ctx.users and ctx.users[0] == m.pos):
        return False
    prev = ctx.prev_assistant(m.pos)
    return not (
        prev is not None and prev.sentences and is_question(prev.sentences[-1]) and YES.starts(m.prose)
    )


def _stated_decision(ctx: Ctx, m: Msg, text: str) -> None:
    """A decision said outright; a restatement of one already recorded cites that one."""
    words = word_set(text)
    replied = ctx.last_user(m.pos) if m.role == "assistant" else None
    for d in ctx.drafts:
        if d.kind != "decision":
            continue
        theirs = word_set(_picked_part(ctx, d.text))  # what it was picked over is no restatement
        small = min(len(words), len(theirs))
        shared = len(words & theirs)
        if small and (shared == small or (shared >= 2 and shared >= 0.5 * small)):
            d.pos.add(m.pos)
            return
        if replied is not None and replied in d.pos and distinct_values(text) & distinct_values(d.text):
            d.pos.add(m.pos)  # the assistant restating, right after the reply, the value just decided
            return
    ctx.add("decision", text, {m.pos}, must_keep=True)


def is_task(text: str) -> bool:
    """A task with an owner or a due date: "(owner: Dana, due Friday)", "Ines will ask by Monday"."""
    return bool(OWNER.hit(text) or DUE.hit(text) or _DATE.search(text) or _NAMED_SUBJECT.search(text))


def _open_line(ctx: Ctx, m: Msg, text: str, tag: str) -> None:
    """An explicit open point (or to-do) joins the item it restates, or becomes one."""
    # A line labelled TODO / action item is a to-do whether or not it names an owner or a date
    # (the label says it is work to do); one that asks something is still a question left open.
    task = tag.lower().startswith(("todo", "to-do", "action")) and not is_question(text)
    kind: Kind = "todo" if task else "open_question"
    words = {w for w in word_set(text) if len(w) > 3 or any(c.isdigit() for c in w)}
    names = capitalised_names(text)
    hits = [
        d
        for d in ctx.drafts
        if d.kind == kind and (names & capitalised_names(d.text) or len(words & word_set(d.text)) >= 2)
    ]
    for d in hits:
        d.pos.add(m.pos)
    if not hits:
        ctx.add(kind, _sentence(text), {m.pos})


def _task_in_reply(ctx: Ctx, m: Msg, said: str) -> None:
    """A sentence a reply to an offer was read with that gives a named owner a dated task ("and Dara
    should run the provider tests by Friday"), or in which the speaker takes the work on with its day
    ("no. I'll open a ticket with them tomorrow", ``own_task``; not the reason a choice quotes): a
    to-do of its own, not a detail of the decision, which loses it when it quoted it beside the choice."""
    s = LIST_ITEM.sub("", said)
    task = next((c for c in todos.clauses(s) if todos.owned_task(c, s.startswith(c))), "")
    if not task and (own := own_dated_clause(s)) and not _quoted(ctx, m, own):
        task = own_dated_task(ctx, m, said, own)
    key = plain(task).strip(" .")
    if not key or has_secret(said) or any(d.kind == "todo" and key in d.text for d in ctx.drafts):
        return
    if any(d.kind == "todo" and m.pos in d.pos for d in ctx.drafts):
        return  # "Omar does it, the 8th" answers "who, and by when?": its task was read with the question
    bare = _after_yes(LEAD_FILLER.sub("", key))  # "oui mais en brouillon, ...": as a condition quotes it
    for d in ctx.drafts:
        said_in = key if key in d.text else bare if bare and bare in d.text else ""
        if d.kind == "decision" and m.pos in d.pos and said_in:
            rest = _LEFT_SEP.sub(" ", " ".join(d.text.replace(said_in, "", 1).split())).strip(" —-;,.")
            if len(tokens(rest)) >= 3:
                d.text = " ".join(rest.split())
    ctx.add("todo", _sentence(_AND_LEAD.sub("", bare)), {m.pos})


def _taken_on_condition(text: str, key: str) -> bool:
    """The clause is the condition a yes took an offer on with (``taken_on``: "offer; but as a draft,
    I'll send it myself on Monday"), after the offer's own words: the task is still the user's own."""
    head, sep, rest = text.partition("; ")
    return bool(sep) and key not in head.lower() and key in rest.lower()


def _quoted(ctx: Ctx, m: Msg, clause: str) -> bool:
    """A choice or open point read from turn ``m`` quotes the clause (it is why, not a task beside it),
    the choice names the clause's day ("du lädst die Belege am Montag" - "mach ich montag": the task
    is the option chosen), or the answer filed the turn's point as open (the clause is how it waits)."""
    key = plain(clause).strip(" .").lower()
    days = {t for t in tokens(clause) if todos.when(t)}
    return any(
        m.pos in d.pos
        and d.kind != "todo"
        and not (d.kind == "decision" and _taken_on_condition(d.text, key))
        and (
            key in d.text.lower()
            or days & set(tokens(d.text))
            or (d.kind == "open_question" and max(d.pos) > m.pos)
        )
        for d in ctx.drafts
    )


_LEFT_SEP: Final = re.compile(r"\s*[;,—]\s*(?=\(|$)")  # "Prod;  (statt: ...)": the task's separator, left
_AND_LEAD: Final = re.compile(r"^(?:and|und|y|et|e)\s+", re.I)


def user_tasks(ctx: Ctx, m: Msg, used: set[int]) -> None:
    """A user sentence that gives a task an owner or a date: "Dana writes the migration by Friday".

    Sentences already read (a deferral is an open question, not a to-do) are skipped. A point said
    to be still open ("the DJ still needs confirming") or put off in the same breath ("the seating
    plan we'll figure out later") is an open question; so is a question the user asks and parks in
    a turn that answers nothing ("should the menu be vegetarian? I'll ask my wife").
    """
    fresh = not any(m.pos in d.pos for d in ctx.drafts[-8:])  # nothing read from this turn yet
    start = len(ctx.drafts)
    for i, said in enumerate(m.sentences):
        said = todos.with_due(m.sentences, i)  # "Mei adds the subnet. by wednesday the 25th."
        if i in used:
            _task_in_reply(ctx, m, said)
        if i in used or len(tokens(said)) < 3 or _OPEN_LINE.match(said):
            continue
        s = LIST_ITEM.sub("", said)  # "- Jana sends the contract by Friday"
        if todos.routine_request(s):  # "remind me every Sunday to ...": a routine, not a task
            continue
        if remind := todos.remind_request(s):  # "can you remind me to call the vet on Friday?"
            if not has_secret(said):
                ctx.add("todo", _sentence(todos.with_antecedent(ctx, m, i, remind)), {m.pos})
                used.add(i)
            continue
        points, s = todos.still_open(s)  # "... and the DJ still needs confirming": a point of its own
        for point in points:
            if not has_secret(point) and _open(ctx, point, [], {m.pos}) is not None:
                used.add(i)
        if not s:
            continue
        if is_question(s):  # "can you note that Ahmed sends the invoice by Thursday?"
            if not (REMEMBER_WORDS.hit(s) and (that := _THAT.search(s))):
                continue
            s = s[that.end() :].rstrip("?？ ")
        if task_sentence(s) and not has_secret(said):  # the costly test last
            # "the fund asked whether we'd apply. I don't know, I'll bring it to the board on the
            # 14th": the speaker cannot settle the point and hands it on: how it waits, no to-do
            if (
                (OPEN.hit(s) or DOUBT.hit(s))
                and i
                and (point := _point(m.sentences[i - 1]))
                and _open(ctx, point, [s], {m.pos}) is not None
            ):
                used.update((i - 1, i))
                continue
            for part in todos.clauses(s):  # "I bring the van on Sunday, and Pili buys the gels by Friday"
                if todos.restates_decision(ctx.drafts, part, m.pos):
                    _task_in_reply(ctx, m, part)  # "go with it. and Dara runs the tests by Friday"
                elif not todos.acted_on_at_once(ctx, m, part):
                    task = _after_yes(LEAD_FILLER.sub("", part)).removeprefix("and ")
                    ctx.add("todo", _sentence(todos.with_antecedent(ctx, m, i, task)), {m.pos})
            used.add(i)
            continue
        found, ack = todos.confirmed(ctx, m, s)  # the assistant takes it in: "Noted: Kai, Saturday."
        for part in found:
            if todos.restates_decision(ctx.drafts, part, m.pos) or todos.acted_on_at_once(ctx, m, part):
                continue  # the choice this turn made, said again; or the context of work done at once
            task = todos.with_antecedent(ctx, m, i, LEAD_FILLER.sub("", part))
            ctx.add("todo", _sentence(task), {m.pos} | ({ack.pos} if ack else set()))
        if found or (
            fresh
            and todos.puts_off_itself(s)
            and not has_secret(s)
            and _open(ctx, *_put_off_point(m.sentences, i, s), {m.pos}) is not None
        ):
            used.add(i)
    # The assistant's acknowledgement lists the tasks by owner ("Noted: Jonas, the schedule by the
    # 11th; Mei, the CI runners"): each owner's clause of this turn is a to-do, a date or not.
    ack = ctx.prose_after(m.pos, text_only=False)
    for name in todos.listed_owners(ack.sentences, ack.prose) if ack is not None else ():
        if any(d.kind == "todo" and m.pos in d.pos and name in d.text for d in ctx.drafts[start:]):
            continue  # read already, with its when
        for said in m.sentences:
            if clause := todos.owner_clause(LIST_ITEM.sub("", said), name):
                ctx.add("todo", _sentence(clause), {m.pos, ack.pos} if ack is not None else {m.pos})
                break
    if fresh and not used and len(ctx.drafts) == start and (got := todos.raised_then_put_off(m.sentences)):
        # "maybe move offsite to a storage box. cheaper? think about it later": a point, a doubt or
        # a question about it, and a put-off with no day, nothing else: the point stays open
        ack = ctx.prose_after(m.pos, text_only=False)
        pos = {m.pos} | ({ack.pos} if ack is not None and not ctx.offer(ack).options else set())
        if _open(ctx, got[0], [got[1]], pos) is not None:
            return
    if (
        fresh
        and not used
        and (
            own := [
                s
                for s in m.sentences
                if is_question(s) and not todos.rhetorical(s) and not has_secret(s) and not asks_agent(s)
            ]
        )
    ):
        deferred = [
            s
            for s in m.sentences
            if not is_question(s) and _defers(s) and (ASK.hit(s) or ASK_SELF.hit(s) or _plan(s))
        ]
        if deferred:
            _parked(ctx, m, list(m.sentences), own[0], deferred)
        return
    tasks = ctx.drafts[start:]
    if not fresh or any(d.kind != "todo" for d in tasks) or (used and not tasks):
        return
    # A question the user put off after the assistant could not settle it: the user asked ("who
    # hosts in March, do you know?"), the assistant's answer says it cannot say or only advises, and
    # this turn, with no question of its own, puts it off or hands it to someone ("I'll ask in the
    # group, leave it for now"; "I'll write to the office tomorrow" is then how the point waits, not
    # a to-do of its own). Or, in one turn, a point, a doubt about it and whom the user will ask
    # first ("the flu shot ... I'm not sure, I want to talk to Tomás first"). Only the turn before
    # is looked at.
    if any(is_question(s) for s in m.sentences):
        return
    task_words = [word_set(d.text) for d in tasks]
    deferred = [
        s
        for s in m.sentences
        if (_defers(s) or any(w and w <= word_set(s) for w in task_words)) and not has_secret(s)
    ]  # a task of this turn ("I'll look on their site this weekend") is how a point would wait
    if not deferred:
        return
    # "lassen wir das offen" beside the deferral is part of it (alone it may name another point)
    deferred = [s for s in m.sentences if s in deferred or (OPEN.hit(s) and not has_secret(s))]
    prev = ctx.prev_assistant(m.pos)
    if prev is not None and ctx.offer(prev).options:
        return  # a reply to options: the choice rules read it
    doubt = next((i for i, s in enumerate(m.sentences) if DOUBT.hit(s) and not task_sentence(s)), None)
    if doubt is not None and any(ASK.hit(s) or _plan(s) for s in deferred):
        before = [s for s in m.sentences[max(0, doubt - 1) : doubt] if not has_secret(s)]
        if before and _size(before[0]) >= 5:
            n = len(ctx.drafts)
            _parked(ctx, m, list(m.sentences), before[0], deferred)
            if len(ctx.drafts) > n:
                del ctx.drafts[start:n]  # the task of asking is how the point waits
            return
    if prev is None or not todos.parks_a_question(m.sentences, deferred):
        return
    asker = ctx.last_user(prev.pos)
    if asker is None or any(d.kind == "open_question" and asker in d.pos for d in ctx.drafts[-8:]):
        return
    asked = [
        s
        for s in ctx.msgs[asker].sentences
        if is_question(s) and _size(s) >= 4 and not REQUEST.match(s) and not has_secret(s)
    ]
    if not asked or todos.rhetorical(asked[-1]) or not _advice(ctx, prev):
        return  # nothing asked, or the assistant's answer stated what was asked
    point = plain(_FILLER.sub("", asked[-1]))  # the whole question ("si ..." may be an "if", not a "whether")
    pos = {asker, m.pos}
    ack = ctx.prose_after(m.pos, text_only=False)
    if ack is not None and not ctx.offer(ack).options:
        pos.add(ack.pos)
    n = len(ctx.drafts)
    if _open(ctx, point, deferred[:2], pos) is not None and len(ctx.drafts) > n:
        del ctx.drafts[start:n]  # "I'll write to the office tomorrow": how the point waits


#: A pronoun that puts off what was said before ("think about it", "darüber", "y réfléchir", "lo", "ci").
_BACK_PRONOUN: Final = re.compile(
    r"\b(?:it|that|this|darüber|das|es|y|en|ça|lo|eso|ci|ne)\b|\b(?:me|te|se)lo\b|\w+(?:lo|ci)\b", re.I
)


def _put_off_point(sentences: Sequence[str], i: int, s: str) -> tuple[str, list[str]]:
    """What a put-off keeps open: a question of the user's own just before it that the put-off
    points back to ("should I cc Ramón? ... let me think about it"), with the put-off as why it
    waits; else the put-off sentence, which names its point itself."""
    own = plain(LEAD_FILLER.sub("", s))
    asked = [q for q in sentences[max(0, i - 2) : i] if is_question(q) and not asks_agent(q)]
    if asked and _BACK_PRONOUN.search(own) and not todos.rhetorical(asked[-1]):
        return plain(asked[-1]), [own]
    return own, []


@memo(4096)  # pure; the to-do rules and the open-point rules ask it of the same sentences
def task_sentence(s: str) -> bool:
    """A task with a who and a when: a named owner or "I'll ...", and a day, date or "owner:"."""
    core = LEAD_FILLER.sub("", s)
    if todos.standing(core):
        return False  # "keys always go back to the office by 6": a standing rule (a fact), not a task
    due = DUE.hit(core) or _DATE.search(core) or _DUE_BY.search(core)
    plan = _plan(core) or bool(_PLAN_INSIDE.search(core)) or todos.self_after_clitic(core) is not None
    if not due and not plan:
        return False  # two of owner, due and plan are needed: the owner test (the costly one) is moot
    if due and plan:
        return True
    if _deadline(core) and (_SELF_SUBJECT.search(core) or _lead_name(core)) and not _PAST.search(core):
        return True  # "bis 20. Dezember kläre ich ...", "Álvaro llama ... antes del 30": who, and by when
    return bool(OWNER.hit(core) or _NAMED_SUBJECT.search(core))


#: A first person in a language whose present tense says what one is going to do ("schicke ich").
_SELF_SUBJECT: Final = re.compile(r"(?<![\w'])(?:ich|wir|je|j'|nous|yo)(?![\w'])", re.I)
_LEAD_NAME: Final = re.compile(r"^(?:(?i:and|und|y|et|also|so)\s+)?([A-ZÀ-Þ][a-zß-ÿ]+)\s+[a-zß-ÿ]{3,}\b")


_BY_WHEN: Final = re.compile(
    r"\b(?:by|before|until|bis|vor|antes del?|hasta|avant|d'ici)\s+(?:(?:the|el|le|la|dem|den)\s+)?([\w.]+)",
    re.I,
)


#: the past of "be" and "have": what happened by a time is no task ("ich war bis 12 beim Arzt")
_PAST: Final = re.compile(
    r"\b(?:was|were|had|war|waren|hatte|hatten|fue|fui|era|estaba|estuve|était|étais|étions|avait)\b", re.I
)


def _deadline(s: str) -> bool:
    """A "by when": by/bis/antes de/avant, then a number or a day ("bis Freitag", "antes del 30")."""
    return any(w[:1].isdigit() or DUE.hit(w) for w in _BY_WHEN.findall(s))


def _lead_name(s: str) -> bool:
    """A sentence whose subject is a name, then a verb: "Álvaro llama a ...", "Marek rings ..."."""
    found = _LEAD_NAME.match(s)
    return found is not None and found.group(1).lower() not in STOPWORDS and not WH.hit(found.group(1))


# --- over the whole range -------------------------------------------------------------------------------


def pending_picks(ctx: Ctx) -> tuple[set[int], dict[int, Msg]]:
    """Picks made after a side question: the offer stays pending until a reply decides it.

    Options laid out, then the user asks about one of them ("what's the catch with C?"), the
    assistant answers (no options of its own), and *then* the user picks ("B"): the pick resolves
    against the offer still pending, not against the side answer. Returns the side turns (not
    replies to read) and, per picking turn, the assistant message whose offer it answers. At most
    two side exchanges are bridged.
    """
    from memoryd.flush.extract.put_right import puts_value_right  # corrections imports this module

    user_offers(ctx)
    side: set[int] = set()
    picks: dict[int, Msg] = {}
    pending: Msg | None = None
    between: list[int] = []
    settled = False
    for pos in ctx.users:
        m = ctx.msgs[pos]
        prev = ctx.prev_assistant(pos)
        if prev is None or not m.sentences:
            pending, between = None, []
            continue
        offer = ctx.offer(prev)
        if offer.options and offer.choice:
            # A reply to a fresh offer. Even one that names an option ("tell me more about C") may
            # be a side question: the next turn tells, if it picks again from the same options.
            pending, between, settled = prev, [pos], _settles(m, offer)
            continue
        if pending is None:
            continue
        if sets_number_right(m.sentences, prev):
            pending, between = None, []  # "no, 12 days, not 10": a value put right, no later pick
        elif _settles(m, ctx.offer(pending), strong=True) and not offer.single and not offer.options:
            if not puts_value_right(m, prev):  # "No, son 12 días, no 10" after "¿correcto?": no pick
                picks[pos] = pending
                side.update(between)
            pending, between = None, []
        elif not settled and len(between) < 2 and any(is_question(s) for s in m.sentences):
            between.append(pos)  # another side question
        else:
            pending, between = None, []
    return side, picks


def user_offers(ctx: Ctx) -> None:
    """A user's own "A or B?" that the assistant's next turn elaborates option by option: that turn
    offers the user's options (``elaborated_offer``), unless it offers something of its own."""
    for pos in ctx.users:
        reply = ctx.prose_after(pos)
        if reply is None or ctx.offer(reply).options or ctx.offer(reply).single:
            continue
        if DELEGATE.hit(ctx.msgs[pos].prose):
            continue  # "A or B? you decide": the assistant's pick is the decision (own_choice_delegated)
        got = elaborated_offer(ctx.msgs[pos], reply)
        if got is not None:
            ctx.offers[reply.pos] = got


def _settles(m: Msg, offer: Offer, strong: bool = False) -> bool:
    """Whether a reply decides the offer: it names one option (by label, ordinal or value when
    ``strong``), or (a direct reply) agrees without asking back."""
    first = _first(m.sentences)
    if is_question(first):
        return False
    if named_option(LEAD_FILLER.sub("", first), offer.options, strong=True) is not None:
        return _short(first) or not strong
    if len(m.sentences) > 1 and _agrees(first) and _size(first) <= 3:  # "ok good. then the second one."
        then = _first(m.sentences[1:])
        if (
            not is_question(then)
            and named_option(LEAD_FILLER.sub("", then), offer.options, strong=True) is not None
        ):
            return _short(then) or not strong
    if strong and _later_pick(m, offer):
        return True
    return not strong and (_agrees(first) or _refuses(first) or DELEGATE.hit(m.prose))


def _later_pick(m: Msg, offer: Offer) -> bool:
    return _later_index(m, offer) is not None


def _later_index(m: Msg, offer: Offer) -> int | None:
    """A reply that first says why ("we need no storage.") and then names one option by its name, alone,
    in a short sentence ("Olmo, go with that one"): a pick of the user's own options (``user_offers``)."""
    if len(m.sentences) < 2 or not offer.options:
        return None
    first = _first(m.sentences)
    if is_question(first) or named_option(first, offer.options, strong=True) is not None:
        return None
    if named_option(first, offer.options) is not None and not (NO.hit(first) or NEGATIVE.hit(first)):
        return None  # "the cron one suits me. the POS one, no way": the first sentence picks
    then = _first(m.sentences[1:])
    if is_question(then) or not _short(then) or _refuses(then) or REJECT.hit(then) or NEGATIVE.hit(then):
        return None
    said = word_set(then)
    hits = [i for i, own in enumerate(_option_names(offer)) if said & own]
    return hits[0] if len(hits) == 1 else None


def _option_names(offer: Offer) -> list[frozenset[str]]:
    """Per option, the capitalised names only it has, lower-cased (a reply may write them lower-case)."""
    names = [
        frozenset(w.lower().strip(".,;:()") for w in o.text.split() if w[:1].isupper()) for o in offer.options
    ]
    return alone_in(names)


def reversals(ctx: Ctx, m: Msg, used: set[int]) -> bool:
    """A user turn that turns an earlier decision around ("actually, let's do B after all").

    Without a word that says so ("olvida lo de X: al final Y"), a short statement that names
    another option of a decided offer by its name or value is a reversal when the assistant's
    next words name that option too ("Sin problema, cambiado a Y").
    """
    if not ctx.slot_options:
        return False
    worded = REVERSAL.hit(m.prose)
    ack = ctx.prose_after(m.pos, text_only=False)
    said = ack.sentences[0] if ack is not None and ack.sentences and _size(ack.sentences[0]) <= 20 else ""
    if not worded and not said:
        return False
    # Pure pre-checks (same result, less work): a sentence takes part only when it is no question
    # and either carries a reversal word or repeats a name; an option picked by name needs ``said``
    # to name one too, so without names in ``said`` only the worded sentences can reverse.
    said_named = bool(said) and bool(introduced_names(said, initial=False))
    cand = [
        (core, rev, at)
        for at, s in enumerate(m.sentences)
        if not is_question(s)
        for core in (LEAD_FILLER.sub("", s),)
        for rev in (REVERSAL.hit(s),)
        if rev or (said_named and _size(s) <= 16)
    ]  # (a short sentence may name the option in lower case: "the wd red plus", said back as "WD Red Plus")
    if not cand:
        return False
    for offer, draft in reversed(ctx.slot_options):
        options = offer.options
        said_idx: int | None = -1  # -1: not looked up yet
        for core, rev, at in cand:
            if rev:  # by label, value or name: a long sentence shares a word or two with any option
                idx = named_option(core, options, first=False, strong=True)
                if idx is None:
                    idx = option_by_name(core, options)
                if (
                    idx is not None
                    and _size(core) > 8
                    and _picks_by_rank(core)
                    and option_by_name(core, options) is None
                ):
                    continue  # "I'd rather ... instead, way less paperwork": a comparative, no pick
            else:  # said names something and the sentence is short (``cand``)
                if said_idx == -1:
                    said_idx = option_by_name(said, options)
                if said_idx is None:
                    continue
                idx = option_by_name(core, options)
                if idx is None:
                    idx = named_option(
                        core, options, first=False
                    )  # "the wd red plus": the name, in lower case
                if idx is None or said_idx != idx:
                    continue
            if idx is None:
                continue
            if options[idx].text[:40].lower() in _picked_part(ctx, draft.text).lower():
                return False  # the same choice again
            others = [o for i, o in enumerate(options) if i != idx]
            text = _over(ctx, option_text(offer, idx), others)
            draft.pos.add(m.pos)
            if ack is not None and named_option(ack.prose, options, first=False) == idx:
                draft.pos.add(ack.pos)  # "Sure, switching to TOML"
            if ack is not None and (confirmed := _confirms(plain(said).strip(), offer, idx, text)):
                text = f"{confirmed}; {text}"  # "then it's AC 877 via Frankfurt, €986, ...": what it now is
                draft.pos.add(ack.pos)
            draft.text = clip(text)
            used.update(
                i for i, x in enumerate(m.sentences) if i <= at or not REMEMBER.search(x)
            )  # a "remember that one" after the reversal is the remember rules' own point
            return True
    return False


def unanswered_at_end(ctx: Ctx) -> None:
    """A choice the assistant put last, with no reply before the range ends, is an open question."""
    ex = exchanges(ctx.msgs)
    if not ex:
        return
    last = ex[-1].last_reply
    if last is None or last.pos < (ctx.users[-1] if ctx.users else -1):
        if ex[-1].user is not None and not ex[-1].replies and ex[-1].user.sentences:
            u = ex[-1].user  # the user asked last and nothing answered
            asked = [
                s for s in u.sentences if is_question(s) and len(tokens(s)) >= 4 and not REQUEST.match(s)
            ]
            if asked and not has_secret(asked[-1]) and not todos.rhetorical(asked[-1]):
                ctx.add("open_question", plain(asked[-1]), {u.pos})
        return
    offer = ctx.offer(last)
    if offer.choice and offer.options and offer.question and not ran_list(ctx, last, offer.options):
        q = plain(offer.question)
        if _size(q) < 6 and not offer.groups:  # "Was ist dir lieber?": the options say what is open
            q = f"{q.rstrip('?？ ')}: {' / '.join(clip(o.text, 60) for o in offer.options[:4])}?"
        elif (setup := _announced(last, offer.question)) is not None:
            q = f"{_sentence(setup)}: {q}"  # "One thing left: the A1 course has no teacher yet. Open now or wait?"
        ctx.add("open_question", q, {last.pos})


def _announced(m: Msg, question: str) -> str | None:
    """The sentence right before a closing question that announces the point with a short label
    and a colon ("Queda una cosa: el A1 ... no tiene profesora."): what the question is about."""
    if question not in m.sentences:
        return None
    at = m.sentences.index(question)
    if at == 0:
        return None
    before = m.sentences[at - 1]
    label = _LEAD_LABEL.match(before)
    if label is None or is_question(before) or len(tokens(label.group(0))) > 4:
        return None
    rest = plain(before[label.end() :]).rstrip(".!。 ")
    return rest if len(tokens(rest)) >= 4 else None


def settle(ctx: Ctx) -> None:
    """Drop open questions that a later decision (or fact, or user turn) in the same range answers."""
    answers = [d for d in ctx.drafts if d.kind in ("decision", "fact") and d.pos]
    keep: list[Draft] = []
    for d in ctx.drafts:
        if d.kind == "open_question" and (_answered(d, answers) or todos.answered_later(ctx, d)):
            continue  # a later decision, fact or user turn says how it came out
        keep.append(d)
    ctx.drafts[:] = keep


_WHY_WAITS: Final = re.compile(r"\s\([^()]*\)$")  # the reason an open point waits (``_open``)


def _answered(q: Draft, answers: Sequence[Draft]) -> bool:
    topic = _WHY_WAITS.sub("", q.text.split(" — ", 1)[0])
    if OPEN.hit(q.text) and not is_question(topic):
        return False
    words = {w for w in word_set(topic) if len(w) > 2}
    if len(words) < 3:
        return False
    start = min(q.pos)
    for a in answers:
        if max(a.pos) <= start or a.text.startswith(("Rejected", "却下", "Abgelehnt", "Rechazado", "Rejeté")):
            continue
        shared = words & word_set(a.text)
        if len(shared) >= 0.6 * len(words) or (len(shared) >= 2 and _values(topic) & _values(a.text)):
            return True
    return False


def _values(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.:]\d+)?", text))


__all__ = [
    "explicit_lines",
    "is_task",
    "kept_open",
    "option_text",
    "own_choice_delegated",
    "pending_picks",
    "read_reply",
    "reversals",
    "settle",
    "task_sentence",
    "unanswered_at_end",
    "user_tasks",
]
