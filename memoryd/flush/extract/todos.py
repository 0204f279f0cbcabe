"""To-dos the dialogue rules read from the shape of a turn, not from a ``TODO:`` label.

* **A task the assistant confirms.** A user clause with an owner (the speaker: "ich hol ...",
  "la prenoto io", "je livre ..."; or a name as its subject: "Marta is ordering ...", "Frau Okafor
  schickt ...") and a when (a weekday, a date, "by Friday", "entro venerdì 11"), which the
  assistant's next words acknowledge ("Noted.", "Apuntado: ...") or restate (the same number, day
  or name): a to-do. Not the past ("ich war bis 12 beim Arzt", "already booked it for Friday").
* **Two tasks in one sentence** ("I bring the van on Sunday, and Pili buys the gels before Friday
  the 11th"): one to-do per clause, when each clause has its own owner and when.
* **A reminder set only with a tool** (``cron``, ``reminder``, a calendar tool): its arguments say
  what and when; a to-do of the user's, due at the tool's time, citing the request and the result.
* **"Remind me to X on Friday"**, asked as a question or not, is a to-do whether or not a tool runs.

Only closed classes of function words per language (en, de, es, fr, it) and the shapes of dates,
numbers and names are read. No import of ``dialogue`` (it calls in here).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Final

from memoryd.flush.extract.context import Ctx, Draft
from memoryd.flush.extract.inverted import clitic_doer
from memoryd.flush.extract.lexicon import (
    ASK,
    DOUBT,
    LATER,
    NO,
    NOTHING,
    OPEN,
    REFUSE,
    SELF,
    UNTIL,
    YES,
    tokens,
)
from memoryd.flush.extract.markers import STOPWORDS
from memoryd.flush.extract.messages import Msg
from memoryd.flush.extract.prose import clip, has_secret, is_question, plain, split_sentences, word_set
from memoryd.flush.items import Kind
from memoryd.flush.memo import memo
from memoryd.sources.transcript import Entry

_WEEKDAY: Final = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica"
)
_MONTH: Final = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    r"janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
)
#: A when: a weekday (also "fri 12"), a date, a day and month, "tomorrow", "next week" (en/de/es/fr/it).
_WHEN: Final = re.compile(
    rf"(?<![\w-])(?:{_WEEKDAY})(?![\w-])"
    r"|(?<![\w-])(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?\s+\d"
    r"|\b\d{4}-\d{2}-\d{2}\b|(?<![\d.])\d{1,2}\.\d{1,2}\.(?:20\d\d(?!\d|[.,]\d))?(?!\d)"
    r"|(?<![\d/])\d{1,2}/\d{1,2}(?:/20\d\d)?(?![\d/])"
    rf"|(?<![\d.])\d{{1,2}}(?:st|nd|rd|th|er|ᵉʳ)?\.?\s+(?:de\s+)?(?:{_MONTH})(?![\w])"
    rf"|(?<![\w])(?:{_MONTH})\.?\s+\d{{1,2}}(?!\d)"
    r"|\b(?:the|el|le|il|am|den|dem|al|au)\s+\d{1,2}(?:st|nd|rd|th|\.)?(?![\d.,:/])"
    r"|(?<![\w])(?:tomorrow|tonight|next week|next month|end of (?:the )?(?:day|week|month)|eod|eow|"
    r"(?:this|next|the|at the|over the|on the) weekend|(?:am|nächstes|dieses|übers) wochenende|"
    r"(?:este|el|el próximo) fin de semana|(?:ce|le|le prochain) week-end|(?:questo|il|nel|prossimo) (?:fine settimana|weekend)|"
    r"morgen|übermorgen|nächste woche|nächsten monat|ende der woche|"
    r"(?<!de )(?<!la )(?<!por )mañana|la semana que viene|la próxima semana|fin de mes|"
    r"demain|après-demain|la semaine prochaine|fin du mois|"
    r"domani|dopodomani|la prossima settimana|settimana prossima|fine mese|"
    # the evening or afternoon of today ("lo faccio io stasera", "je l'envoie ce soir")
    r"this (?:evening|afternoon)|heute (?:abend|nachmittag|nacht)|esta (?:noche|tarde)|"
    r"ce soir|cet après-midi|cette nuit|stasera|stanotte|oggi pomeriggio|questo pomeriggio)(?![\w])",
    re.I,
)
#: The speaker as the subject: "I", "we", "ich", "yo", "je"/"j'", "io" (a present tense that plans).
_SELF: Final = re.compile(
    r"(?<![\w'’])(?:i|i'm|i’m|i'll|i’ll|we|we're|we'll|ich|wir|yo|nosotros|nosotras|je|nous|io|noi)(?![\w'’])"
    r"|(?<![\w'’])j['’](?=\w)"
    # the speaker's own "let me": "let me look tomorrow", "lass mich ...", "déjame ...", "fammi ..."
    r"|(?<![\w'’])(?:let me|let's|let’s|lass mich|lasst uns|déjame|laisse-moi|lasciami)\s+(?!know|see|think|wissen|saber|savoir|sapere)\w",
    re.I,
)
#: A title before a name ("Frau", "Dr.", "Mrs"), for rules that read a name as a subject.
TITLE: Final = r"(?:(?:Frau|Herr|Dr|Mr|Mrs|Ms|Mme|Mlle|Sr|Sra|Srta|Sig|Sig\.ra|Dott)\.?\s+)"
#: A name opening the clause, then a lower-case word: "Marta is ordering", "Frau Okafor schickt".
_NAME_LEAD: Final = re.compile(
    rf"^(?:{TITLE}?([A-ZÀ-Þ][a-zß-ÿ'’-]+)|{TITLE}([A-ZÀ-Þ][\w'’-]+))\s+(?=[a-zß-ÿ])"
)
#: A modal after the subject: someone has to do it ("la mairie doit confirmer avant vendredi").
_MODAL: Final = re.compile(
    r"\b(?:has to|have to|needs to|need to|must|should|muss|müssen|soll|sollen|sollte|sollten|tiene que|tienen que|"
    r"debe|deben|debería|deberían|doit|doivent|devrait|devraient|deve|devono|dovrebbe|dovrebbero)\s+\w",
    re.I,
)
#: A verb in the third person present after the subject, by its ending ("drains", "ruft", "llama",
#: "rinnova", "appelle"), not "be", "have" or a verb of state or wish (a plan has a doer who acts).
_PRESENT_3SG: Final = re.compile(
    r"(?!(?:is|has|was|says|seems|knows|thinks|needs|wants|likes|ist|hat|war|weiß|will|"
    r"está|esta|tiene|era|sabe|quiere|est|était|sait|veut|aime|sa|vuole)\b)"
    r"[a-zß-ÿ]{2,}(?:s|t|a|e)\b"
)
#: A day with its number ("19/11", "4.12.", "the 14th", "2026-12-10"): one day, not every Thursday.
_DAY_NUMBER: Final = re.compile(
    r"\b\d{1,2}[./]\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{4}-\d{2}-\d{2}\b", re.I
)
#: An English progressive that plans: "Marta is ordering ...", "they're sending ...".
_PROGRESSIVE: Final = re.compile(r"(?:is|are|'s|’s|'re|’re)\s+(?:\w+ly\s+)?\w{3,}ing\b", re.I)
#: Done already, or in the past: no task ("had it delivered on Friday", "ya lo reservé el lunes").
_DONE: Final = re.compile(
    r"\b(?:already|yesterday|last week|ago|was|were|had|did|schon|bereits|gestern|letzte woche|war|waren|"
    r"hatte|hatten|hab|habe|hat|ya|ayer|hace(?=\s+(?:\d|un|una|unos|unas|dos|tres|poco|mucho|rato|días|semanas|meses|años))|fue|fui|era|estaba|he(?=\s+\w+(?:ado|ada|ido|ida|to|cho|so)\b)|hemos|déjà|hier|était|étais|avait|"
    r"j'ai|j’ai|avons|ont|già|ieri|fa|ho|abbiamo|hanno|ero)\b"
    r"|^(?:i|we|they|he|she|[A-ZÀ-Þ]\w+(?:\s+[A-ZÀ-Þ]\w+)?)\s+(?!need|feed|proceed|succeed)\w{2,}ed\b",
    re.I,
)
#: An acknowledgement opening the assistant's answer ("Noted.", "Apuntado:", "C'est noté").
_ACK: Final = re.compile(
    r"^\W*(?:(?:thanks|thank you|danke|gracias|merci|grazie)\W+)?(?:noted|got it|ok(?:ay)?|sure|will do|done|added|great|perfect|on the list|sounds good|"
    r"klingt gut|suena bien|ça marche|"
    r"notiert|vermerkt|alles klar|gut|passt|geht klar|"
    r"apuntado|anotado|vale|hecho|perfecto|de acuerdo|entendido|"
    r"noté|c'est noté|d'accord|entendu|parfait|"
    r"annotato|segnato|perfetto|d'accordo|va bene|capito)(?![\w'’])",
    re.I,
)
#: An acknowledgement of what was said, not a yes to a request ("Sure, checking ..." is one): an
#: answer that opens with it and then works took the statement in first.
_TAKEN_IN: Final = re.compile(
    r"^\W*(?:sounds good|noted|got it|klingt gut|notiert|vermerkt|suena bien|apuntado|anotado|noté|"
    r"c'est noté|ça marche|annotato|segnato)(?![\w'’])",
    re.I,
)
#: Where a sentence holds two tasks: ", and", "; ", ", y", ", und", ", et", ", e", or ", Name ...".
_SPLIT: Final = re.compile(
    r"\s*;\s*|,\s*(?:(?:and|und|y|et|e|plus)\s+)?(?=(?:(?:and|und|y|et|e)\s+)?[A-ZÀ-Þ][a-zß-ÿ]+\s+[a-zß-ÿ])"
    r"|,?\s+(?:and|und|y|et|e)\s+(?=[A-ZÀ-Þ][a-zß-ÿ]+\s+[a-zß-ÿ])"
    r"|,?\s+(?:and|und|y|et|e)\s+(?=(?:I|ich|yo|je|j['’]|io|we|wir|nous|noi)\b)",
)
#: What may come before a task's owner: a bullet, a conjunction, an ordinal ("third, Jonas adds ..."),
#: a short label with its colon ("owners: Jonas does ...", "and the forward fix: Mei renames ..."; at most
#: three words: "Cambio de planes con el B2: Marta dice ..." is a report, not a label).
_CONJ: Final = re.compile(
    r"^(?:[-*+•]\s+|\d{1,2}[.)]\s+)?(?:(?:and|also|so|und|auch|y|et|e|plus|then)\b[,\s]*"
    r"|(?:first|second|third|fourth|next|finally|lastly|erstens|zweitens|drittens|dann|primero|segundo|tercero"
    r"|luego|premièrement|deuxièmement|troisièmement|ensuite|enfin|primo|secondo|terzo|poi)\b,\s*"
    r"|[^\W\d_][\w'’-]{0,20}(?:\s[\w'’-]{1,20}){0,2}\s?:\s+)*",  # a label of at most three words
    re.I,
)
#: Articles and prepositions: after a capitalised first word they make it a noun ("Cambio de planes").
_ARTICLE: Final = re.compile(
    r"(?i)(?:of|the|a|an|for|de|del|la|el|los|las|le|les|des|du|der|die|das|dem|den|des|von|für|di|il|lo|gli|per)\s"
)
#: Words that open a sentence capitalised and are no names ("Everything is going ..."), and the
#: third-person pronouns: "Il propose mardi ou vendredi" reports what someone offers, it names no owner.
_NOT_NAMES: Final = re.compile(
    r"(?i)^(?:every|some|any|no)(?:thing|one|body)$|^(?:nothing|none|this|that|it)$"
    r"|^(?:he|she|they|er|sie|es|man|él|ella|ellos|ellas|usted|il|elle|ils|elles|on|lui|lei|loro|egli)$"
)
#: "Remind me to X", in a question or not (en/de/es/fr/it).
_REMIND: Final = re.compile(
    r"\b(?:remind me|erinnere? mich|erinner mich|recuérdame|recordarme|rappelle-moi|rappelez-moi|ricordami|"
    r"(?:set|add|create|put in)(?: me)? a reminder|(?:eine )?erinnerung (?:setzen|stellen|eintragen)|"
    r"(?:pon|ponme|crea) un recordatorio|(?:mets|mettre|programme)(?:-moi)? un rappel|(?:metti|imposta) un promemoria)\b"
    r"(?:\s+(?:to|for|about|an|daran|für|de|que|para|pour|di|per))?\s*",
    re.I,
)


def owner(clause: str, initial: bool = False, ack: str = "", restated: bool = False) -> bool:
    """The clause has someone who does it: the speaker, or a name as its subject. A capitalised word
    that opens the sentence is only a name when a title comes first or the answer says it too
    ("Prefiero ..." opens a sentence; "Marta's order is on the list" names Marta)."""
    stripped = _CONJ.sub("", clause.strip())
    if _SELF.search(stripped):
        return True
    lead = _NAME_LEAD.match(stripped)
    if lead is None:
        return False
    name = lead.group(1) or lead.group(2) or ""
    if not_a_name(name) or _WHEN.fullmatch(name):
        return False
    first = initial and stripped == clause.strip()  # nothing before the word in its sentence
    if first and not lead.group(2) and _ARTICLE.match(stripped, lead.end()):
        return False  # "Cambio de planes ...": a noun opening the sentence, then its article
    if not first or lead.group(2) or restated:  # a title, mid-sentence, or the answer took the task in
        return True
    return re.search(rf"\b{re.escape(name)}\b", ack) is not None


#: Single words one of ``_WHEN``'s alternatives needs when the text has no digit (a cheap test first).
_WHEN_WORDS: Final = frozenset(
    w
    for w in re.split(
        r"[|()?\\\s]+",
        _WEEKDAY + "|tomorrow|tonight|next|end|eod|eow|weekend|wochenende|week-end|morgen|übermorgen|nächste|"
        "nächsten|ende|mañana|semana|próxima|fin|demain|après-demain|semaine|domani|dopodomani|"
        "prossima|settimana|fine|evening|afternoon|abend|nachmittag|nacht|noche|tarde|soir|après-midi|"
        "nuit|stasera|stanotte|pomeriggio",
    )
    if w.isalpha() or "-" in w
)
_DIGIT: Final = re.compile(r"\d")
#: A task or an open point is said in a sentence of ordinary length (a long paragraph is neither).
_MAX_TASK: Final = 320


_WORD: Final = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


@memo(4096)  # pure; the to-do, open-point and deferral rules ask it of the same clauses
def when(clause: str) -> bool:
    """A weekday, a date, "by the 20th", "tomorrow", "next week" in the clause (the words first)."""
    if not _DIGIT.search(clause) and _WHEN_WORDS.isdisjoint(_WORD.findall(clause.lower())):
        return False
    return bool(_WHEN.search(clause))


def done(clause: str) -> bool:
    """Done already, or in the past ("had it delivered on Friday"): no task."""
    return bool(_DONE.search(_CONJ.sub("", clause.strip())))


def owned_task(clause: str, initial: bool = False) -> bool:
    """A task that needs no acknowledgement: a named subject (or a noun phrase before a modal) that
    is doing it ("Marta is ordering ... by Friday", "la mairie doit confirmer avant vendredi")."""
    core = _CONJ.sub("", clause.strip())
    if not when(core) or done(core) or is_question(core):
        return False
    lead = _NAME_LEAD.match(core)
    if lead is not None and not _SELF.match(core) and _PROGRESSIVE.match(core, lead.end()):
        # "Priya is calling the caterer on Tuesday": a name, then a progressive that plans
        return owner(clause, initial, restated=True)
    if (
        lead is not None
        and not _SELF.match(core)
        and _PRESENT_3SG.match(core, lead.end())
        and _DAY_NUMBER.search(core)
    ):
        # "Luca drains the pool on Thursday 19/11": a name, a present verb, a numbered day (no habit)
        return owner(clause, initial, restated=True)
    modal = _MODAL.search(core)
    return (
        modal is not None
        and len(tokens(core[: modal.start()])) >= 1
        and not _SELF.search(core[: modal.start()])
        and not _BE_AFTER_MODAL.match(core, modal.end() - 1)  # "the letter must be out by the 1st": no doer
        and not _BE_LAST.search(core, modal.end())  # "muss bis Freitag eingereicht sein"
    )


#: "be" after the modal: a passive or a state ("must be out by", "muss erledigt sein", "debe estar
#: listo", "doit être envoyé", "deve essere pronto") says when, not who: no one's task.
_BE_AFTER_MODAL: Final = re.compile(r"(?:be|get|sein|werden|ser|estar|être|etre|essere|venire)\b", re.I)


_BE_LAST: Final = re.compile(r"\b(?:sein|werden)\W*$", re.I)  # German puts the passive's "be" last


#: Tools the assistant notes a task with: running one right after the turn takes the task in.
_NOTE_TOOLS: Final = ("write", "edit", "note", "memory", "append")


def acted_on_at_once(ctx: Ctx, m: Msg, clause: str) -> bool:
    """The assistant's first move after the turn runs a tool that is no reminder and no note (it
    reads, searches, runs the release): the turn asked for work done now, and its dated first-person
    or ownerless statement ("we submit on the 12th", "time to ship 3.8.0") is the context of that
    request, not a task left open. A task with a named owner stays one."""
    core = _CONJ.sub("", clause.strip())
    lead = _NAME_LEAD.match(core)
    if lead is not None and not _SELF.match(core):
        name = lead.group(1) or lead.group(2) or ""
        answer = ctx.prose_after(m.pos, text_only=False)
        # a name, not a verb opening the sentence: said again in the turn or in the answer
        elsewhere = m.prose.replace(clause.strip(), "", 1) + " " + (answer.prose if answer else "")
        if lead.group(2) or (not not_a_name(name) and name in elsewhere):
            return False  # "Marta sends the deck by Friday": hers, whatever the assistant does now
    if _named_modal_subject(core):
        return False  # "tell you what, Mei should add the subnet by the 25th": hers too
    for x in ctx.after(m.pos):
        if x.role == "assistant" and x.prose and (not x.has_calls or _TAKEN_IN.match(x.sentences[0])):
            return False  # the assistant answered first, or took the turn in before its work ("Sounds good.")
        if x.role == "tool" and x.step is not None:
            tool = x.step.tool.lower()
            return not any(t in tool for t in (*_REMINDER_TOOLS, *_NOTE_TOOLS))
    return False


def _named_modal_subject(core: str) -> bool:
    """A capitalised name right before the clause's modal: "..., Mei should add ...", "und Jonas soll ..."."""
    modal = _MODAL.search(core)
    before = core[: modal.start()].split() if modal else []
    name = before[-1].strip(",;:") if before else ""
    return name[:1].isupper() and name.isalpha() and not not_a_name(name) and not _SELF.fullmatch(name)


def restates_decision(drafts: Sequence[Draft], text: str, at: int) -> bool:
    """A task whose words a decision read from the same turn already holds ("hand-code all 23; I'll do
    them by hand"): the choice, said once, not a to-do besides it."""
    words = {w for w in word_set(text) if len(w) > 2}
    if len(words) < 3:
        return False
    return any(
        d.kind == "decision" and at in d.pos and len(words & word_set(d.text)) >= 0.8 * len(words)
        for d in drafts[-12:]
    )


def clauses(sentence: str) -> list[str]:
    """The tasks of one sentence: two clauses when each has its own owner and when, or when one does and
    the others open with another name (their when unsaid), else the whole."""
    parts = [p.strip(" ,;.") for p in _SPLIT.split(sentence) if p and p.strip(" ,;.")]
    if len(parts) < 2:
        return [sentence]
    tasks = [p for p in parts if owner(p, restated=True) and when(p) and len(tokens(p)) >= 3]
    # "Lucie writes the editorial by the 27th, and Marc does the photos": a name as the subject of a
    # later clause of its own is another owner's task, its when said or not
    said = [p for p in parts if len(tokens(p)) >= 3]
    owned = [p for p in said if p in tasks or _second_owner(sentence, p)]
    if len(tasks) >= 2:
        return owned
    return owned if tasks and len(said) >= 2 and len(owned) == len(said) else [sentence]


def _second_owner(sentence: str, part: str) -> bool:
    """A clause of the sentence, not its opening, whose subject is a name and not the speaker."""
    core = _CONJ.sub("", part.strip())
    lead = _NAME_LEAD.match(core)
    if lead is None or _SELF.search(core) or not sentence.find(part) > 0:
        return False
    name = lead.group(1) or lead.group(2) or ""
    return "'" not in name and "’" not in name and owner(part, restated=True)


#: A point said to be still open: "the DJ still needs confirming", "fehlt noch", "sigue sin", "reste à
#: savoir", "manca ancora".
_STILL: Final = re.compile(
    r"\bstill (?:needs?|has no|have no|missing|waiting|open|unclear|undecided|tbd|to be \w+ed)\b|\bnot (?:yet )?decided\b"
    r"|\bnoch (?:offen|unklar|ungeklärt|nicht (?:geklärt|entschieden|bestätigt))\b|\bfehlt noch\b|\bsteht noch aus\b"
    r"|\b(?:falta|faltan) (?:todavía|aún|por)\b|\b(?:todavía|aún) (?:falta|faltan|sin|por)\b|\bsigue (?:sin|pendiente)\b"
    r"|\b(?:il )?(?:manque|reste) encore\b|\breste à (?:savoir|voir|décider|trouver|confirmer)\b|\btoujours pas\b"
    r"|\bmanca(?:no)? ancora\b|\bancora da \w+|\bresta da \w+|\bnon (?:ancora )?deciso\b",
    re.I,
)
_STILL_NEEDLES: Final = (
    "still", "decided", "noch", "fehlt", "falta", "todavía", "aún", "sigue", "manque", "reste", "toujours",
    "manca", "ancora", "resta", "deciso",
)  # fmt: skip
_PARTS: Final = re.compile(r"\s*;\s*|,?\s+(?:and|but|und|aber|y|pero|et|mais|ma)\s+", re.I)


def still_open(sentence: str) -> tuple[list[str], str]:
    """The parts of a statement that say a point is still open, and the rest of it (a task, say):
    "Priya is calling the caterer on Tuesday and the DJ still needs confirming" ->
    (["the DJ still needs confirming"], "Priya is calling the caterer on Tuesday")."""
    if len(sentence) > _MAX_TASK:
        return [], sentence  # a long paragraph is no statement of one open point
    low = sentence.lower()
    if not any(n in low for n in _STILL_NEEDLES) or is_question(sentence) or not _STILL.search(sentence):
        return [], sentence
    parts = [p.strip(" ,.") for p in _PARTS.split(_CONJ.sub("", sentence.strip())) if p.strip(" ,.")]
    points = [p for p in parts if _STILL.search(p) and len(tokens(p)) >= 3 and not done(p)]
    rest = [p for p in parts if p not in points]
    return points, " and ".join(rest) if points and rest else ("" if points else sentence)


#: Deciding, settling, thinking over: what "we'll figure out X later" puts off.
_SETTLE: Final = re.compile(
    r"\b(?:figure (?:it |that )?out|sort (?:it |that )?out|decide|think about|work out|discuss|see about|"
    r"klären|entscheiden|überlegen|besprechen|schauen|sehen wir|ver(?:emos|lo|mos)?|decidir|pensar|hablar|"
    r"voir|verra|décider|réfléchir|discuter|decidere|vedere|vediamo|pensarci|parlarne)\b",
    re.I,
)


def puts_off_itself(sentence: str) -> bool:
    """A statement that names a point and puts its decision off in one go: "the seating plan we'll
    figure out later", "das mit dem Grill klären wir später", "lo de las mesas lo vemos luego"."""
    return (
        LATER.hit(sentence)
        and not is_question(sentence)
        and bool(_SETTLE.search(sentence))
        and len(tokens(sentence)) >= 5
        and not signs_off(sentence)
    )


_RHETORIC: Final = re.compile(
    r"^\W*(?:why|warum|wieso|por qué|pourquoi|perché)\b.*\b(?:always|ever|never|every time|immer|nie|jedes mal|"
    r"siempre|nunca|toujours|jamais|sempre|mai)\b|[?？]\s*!|!\s*[?？]\s*$",
    re.I,
)


def rhetorical(question: str) -> bool:
    """A question that wants no answer: "why does this always happen?", "seriously?!"."""
    return bool(_RHETORIC.search(question))


def _values(text: str) -> set[str]:
    """Numbers, capitalised words and weekdays of a text, to see whether an answer restates it."""
    found = set(re.findall(r"\d+", text))
    found.update(w.lower() for w in re.findall(r"[A-ZÀ-Þ][a-zß-ÿ]{2,}", text) if w.lower() not in STOPWORDS)
    found.update(w.lower() for w in re.findall(rf"(?i)(?<![\w-])(?:{_WEEKDAY})(?![\w-])", text))
    return found


def _answer(ctx: Ctx, m: Msg) -> tuple[Msg, bool, set[str]] | None:
    """The assistant's next words after ``m``, if they could take a task in: the message, whether it
    opens with a short acknowledgement, and the values its first two sentences say."""
    ack = ctx.prose_after(m.pos, text_only=False)
    if ack is None or not ack.sentences or is_question(ack.sentences[0]) or ctx.offer(ack).options:
        return None
    head = ack.sentences[:2]
    return ack, bool(_ACK.match(head[0])) and len(ack.sentences) <= 3, _values(" ".join(head))


def acknowledged(ctx: Ctx, m: Msg, clause: str) -> Msg | None:
    """The assistant's next words take the task in: a short acknowledgement, or they restate its
    number, day or name (and ask nothing first)."""
    got = _answer(ctx, m)
    if got is None:
        return None
    ack, short, values = got
    return ack if short or _values(clause) & values else None


#: "always" / "never" and their kin: what holds every time is a rule, whatever day it names.
_STANDING: Final = re.compile(
    r"\b(?:always|never|immer|nie|niemals|siempre|nunca|jamás|toujours|jamais|sempre|mai più)\b", re.I
)


def standing(sentence: str) -> bool:
    """A standing rule ("keys always go back to the office by 6"): a fact, not a task."""
    return bool(_STANDING.search(sentence))


def confirmed(ctx: Ctx, m: Msg, sentence: str) -> tuple[list[str], Msg | None]:
    """The tasks of a user sentence that the assistant confirms, or that name an owner doing it."""
    if (
        len(sentence) > _MAX_TASK
        or not when(sentence)
        or is_question(sentence)
        or standing(sentence)
        or has_secret(sentence)
    ):
        return [], None
    found: list[str] = []
    ack: Msg | None = None
    asks = any(is_question(x) for x in m.sentences)
    answer: tuple[Msg, bool, set[str]] | bool | None = False  # read once, when a clause needs it
    for clause in clauses(sentence):
        initial = sentence.startswith(clause)
        if len(tokens(clause)) < 3 or done(clause) or not when(clause) or (asks and ASK.hit(clause)):
            continue  # "boh, chiedo io lunedì": why the question in the same turn waits, not a task
        if owned_task(clause, initial) or clitic_doer(clause):  # "lo rinnova Chiara entro il 14"
            found.append(clause)  # (a refusal's "no, lo legge Paola giovedì" is its reason, not read here)
            continue
        if answer is False:
            answer = _answer(ctx, m)
        if not isinstance(answer, tuple):
            continue
        got, short, values = answer
        restated = bool(_values(clause) & values)
        if (short or restated) and owner(clause, initial, " ".join(got.sentences[:2]), restated=restated):
            found.append(clause)
            ack = got
    return found, ack


#: "every" / "each" before a time: a reminder that repeats sets up a routine ("jeden Montag", "cada
#: viernes", "chaque soir", "ogni lunedì").
_EVERY: Final = re.compile(
    r"\b(?:every|each|jeden|jede|jedes|cada|todos los|todas las|chaque|tous les|toutes les|ogni|tutti i|tutte le)\s+\w",
    re.I,
)
#: The listener, who may head an entry of the list too ("you, the job post"): no third owner.
_YOU: Final = frozenset(["you", "du", "sie", "ihr", "tú", "tu", "usted", "vous", "toi", "te", "voi", "lei"])
#: An entry of an acknowledgement's list that opens with its owner: "Jonas: split PAY-9", "Mei, KR1".
_OWNER_ENTRY: Final = re.compile(r"(?:^|[;\n•]|^\s*[-*+]|\n\s*[-*+])\s*([A-ZÀ-Þ][\w'’-]+)\s*[,:]\s+(?=\S)")
_ENTRY_SEP: Final = re.compile(r"\s*(?:;|\n\s*(?:[-*+•]\s*)?)\s*")


def listed_owners(answer: Sequence[str], prose: str) -> list[str]:
    """The owners an acknowledgement lists, one entry each: "Noted: Jonas, staging by the 11th; Mei,
    the CI runners" -> ["Jonas", "Mei"]. Only an answer that opens with an acknowledgement, lists
    a due day in one entry at least, and only entries headed by a name (a comma or colon after
    it), not "you"."""
    if not answer or not _ACK.match(answer[0]) or len(prose) > 600:
        return []
    lead = _ACK.match(prose.strip())
    body = prose.strip()[lead.end() if lead else 0 :].lstrip(" :：.,!\n")
    entries = _ENTRY_SEP.split(body.strip())
    if not any(when(e) for e in entries):
        return []  # a list of tasks has a due day somewhere ("Postgres, version 16; Redis, same box" has none)
    names: list[str] = []
    for entry in entries:
        got = _OWNER_ENTRY.match(entry.lstrip("-*+• "))
        if got is None:
            got = re.match(r"([A-ZÀ-Þ][\w'’-]+)\s*[,:]\s+(?=\S)", entry.lstrip("-*+• "))
        if got is None:
            continue
        name = got.group(1)
        if name.lower() in _YOU or not_a_name(name) or _WHEN.fullmatch(name):
            continue
        if name not in names:
            names.append(name)
    return names


def owner_clause(sentence: str, name: str) -> str:
    """The clause of a user sentence whose subject is ``name``: after the sentence's start, a label's
    colon, a comma or "and" ("owners: Jonas does the schedule by the 11th, Mei does the runners
    whenever" -> "Mei does the runners whenever"); up to the next clause with another owner. ''
    when the name is not a subject there (then a verb in lower case follows it)."""
    got = re.search(rf"(?:^|[:：;,]\s*|\b(?:and|und|y|et|e)\s+){re.escape(name)}\s+(?=[a-zß-ÿ])", sentence)
    if got is None:
        return ""
    start = sentence.rfind(name, 0, got.end())
    rest = sentence[start:]
    parts = [p.strip(" ,;.") for p in _SPLIT.split(rest) if p and p.strip(" ,;.")]
    clause = parts[0] if parts else ""
    if len(tokens(clause)) < 3 or done(clause) or is_question(clause) or has_secret(clause):
        return ""
    if _STATE_VERB.match(clause, len(name)):
        return ""  # "Postgres is on 16": a state, not a task
    return clause


#: Be and have after the subject: the clause states something, it gives no one work.
_STATE_VERB: Final = re.compile(
    r"\s+(?:is|are|was|were|has|had|ist|sind|war|hat|hatte|es|está|están|son|era|tiene|est|sont|était|a|ont|"
    r"è|sono|era|ha|hanno)\b",
    re.I,
)


#: An acknowledgement and its colon opening an answer: "Noted:", "Notiert:", "Apuntado:", "Noté les deux :".
ACK_COLON: Final = re.compile(
    r"^\W*(?:noted|got it|ok|okay|notiert|vermerkt|apuntado|anotado|noté|c'est noté|annotato|segnato)"
    r"(?:\s+[^\W\d_]+){0,2}\s*[:：]\s*(?=\S)",
    re.I,
)


def not_a_name(word: str) -> bool:
    """A capitalised word that names no one: a stop word, "Everything", "This", a third-person pronoun."""
    return word.lower() in STOPWORDS or bool(_NOT_NAMES.match(word))


#: A sentence that is only a due day: "by wednesday the 25th.", "bis Dienstag.", "antes del viernes".
_DUE_ONLY: Final = re.compile(
    r"^\W*(?:(?:so|also|and|und|y|et|e)\s+)?(?:by|before|until|no later than|bis|vor|bis spätestens|antes del?|"
    r"hasta|para el|avant|d'ici|jusqu'au|entro|prima del?)\s+\S",
    re.I,
)
_DUE_MAX: Final = 6  # words a bare due day has at most ("by wednesday the 25th at the latest")


def due_after(sentences: Sequence[str], i: int) -> str:
    """The bare due day that follows a task with none ("Mei should add the subnet to the module.
    by wednesday the 25th."), to be read with it; '' when the next sentence is more than that."""
    if i + 1 >= len(sentences) or when(sentences[i]) or is_question(sentences[i]):
        return ""
    nxt = sentences[i + 1].strip()
    if len(tokens(nxt)) > _DUE_MAX or not _DUE_ONLY.match(nxt) or not when(nxt) or is_question(nxt):
        return ""
    return nxt.rstrip(" .")


def with_due(sentences: Sequence[str], i: int) -> str:
    """Sentence ``i`` with the bare due day that follows it, if one does (``due_after``)."""
    due = due_after(sentences, i)
    return f"{sentences[i].rstrip(' .')} {due}" if due else sentences[i]


def is_you(word: str) -> bool:
    """The listener ("you", "du", "vous"), who may head an entry of a list too: no third owner."""
    return word.lower() in _YOU


def state_verb(clause: str, at: int) -> bool:
    """Be or have right after the subject ending at ``at``: the clause states, it gives no work."""
    return bool(_STATE_VERB.match(clause, at))


_REMIND_NEEDLES: Final = ("remind", "erinner", "recuérd", "record", "rappel", "ricord", "promemoria")


def asks_reminder(low: str) -> bool:
    """A (lower-cased) turn that asks for a reminder: "remind me", "erinner mich", "recuérdame"."""
    return any(n in low for n in _REMIND_NEEDLES)


def routine_request(sentence: str) -> bool:
    """A reminder asked "every Sunday ...": a reminder that repeats, a routine set up (no to-do)."""
    low = sentence.lower()
    if not any(n in low for n in _REMIND_NEEDLES):
        return False
    got = _REMIND.search(sentence)
    return got is not None and bool(_EVERY.search(sentence))


def remind_request(sentence: str) -> str:
    """The task of "remind me to X on Friday" (question or not), with its when; else ''."""
    low = sentence.lower()
    if not any(n in low for n in _REMIND_NEEDLES):
        return ""
    got = _REMIND.search(sentence)
    if got is None:
        return ""
    rest = sentence[got.end() :].strip().rstrip("?？!. ")
    if len(tokens(rest)) < 2 or not when(rest) or _EVERY.search(rest):
        return ""  # no when, or "every Sunday": a routine set up, not a task left to do
    return plain(rest)


# --- reminders set with a tool -------------------------------------------------------------------------

_REMINDER_TOOLS: Final = (
    "cron",
    "remind",
    "reminder",
    "schedule",
    "calendar",
    "alarm",
    "todo",
    "task",
    "event",
)
_TIME_KEYS: Final = (
    "schedule",
    "at",
    "atms",
    "when",
    "time",
    "datetime",
    "date",
    "start",
    "due",
    "due_date",
    "expr",
)
_TEXT_KEYS: Final = ("text", "message", "title", "summary", "name", "task", "note", "description", "content")
_NOT_ADDING: Final = frozenset(
    ["list", "remove", "delete", "cancel", "get", "status", "runs", "run", "wake", "update", "disable"]
)


def _walk(args: Mapping[str, Any], depth: int = 0) -> Iterator[tuple[str, Any]]:
    for k, v in args.items():
        if isinstance(v, Mapping) and depth < 3:
            yield from _walk(v, depth + 1)
        else:
            yield k.lower(), v


def _moment(value: Any, key: str) -> str:
    """A tool's time, readable: "2026-11-23T19:00:00Z" -> "2026-11-23 19:00"."""
    if isinstance(value, (int, float)) and key == "atms" and value > 1e11:
        return datetime.fromtimestamp(value / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M")
    if not isinstance(value, str) or not value.strip():
        return ""
    text = value.strip()
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})", text)
    return f"{iso.group(1)} {iso.group(2)}" if iso else text[:40]


#: Keys of an appointment (it lasts, happens somewhere, has guests) or of a routine (it repeats):
#: what the calendar holds then is the event itself, already decided, not something left to do.
_EVENT_KEYS: Final = frozenset(
    [
        "duration", "durationminutes", "duration_minutes", "durationmin", "end", "endtime",
        "end_time", "ends", "location", "place", "venue", "address", "attendees", "guests", "invitees",
        "recurrence", "rrule", "repeat", "repeats", "every", "interval", "cron",
    ]
)  # fmt: skip
#: A cron expression ("0 20 * * 1"): five or six fields of digits, stars, ranges and steps.
_CRON_EXPR: Final = re.compile(
    r"^\s*(?:[\d*?/,\-LW#]+|[A-Za-z]{3}(?:-[A-Za-z]{3})?)(?:\s+(?:[\d*?/,\-LW#]+|[A-Za-z]{3}(?:[-,][A-Za-z]{3})*)){4,5}\s*$"
)


def appointment_or_routine(args: Mapping[str, Any]) -> bool:
    """A calendar entry for an event (a start with a duration, an end, a place or guests) or a
    schedule that repeats (a cron expression, a recurrence rule): the assistant wrote down what was
    already settled, or set up a routine. Neither is a to-do left open; a one-off reminder with a
    message is."""
    for key, value in _walk(args):
        if key in _EVENT_KEYS and value not in (None, "", [], {}, 0, False):
            return True
        if (
            key in ("kind", "type")
            and isinstance(value, str)
            and value.lower() in ("cron", "every", "recurring")
        ):
            return True
        if key in ("expr", "schedule", "cron") and isinstance(value, str) and _CRON_EXPR.match(value):
            return True
    return False


def reminder_of(name: str, args: Mapping[str, Any]) -> tuple[str, str] | None:
    """What a reminder tool call sets: (when, what), or None for another tool or another action, an
    appointment put in a calendar or a routine that repeats (``appointment_or_routine``)."""
    low = name.lower()
    if not any(t in low for t in _REMINDER_TOOLS):
        return None
    action = args.get("action") or args.get("op") or ""
    if isinstance(action, str) and action.lower() in _NOT_ADDING:
        return None
    if appointment_or_routine(args):
        return None
    moment = what = ""
    for key, value in _walk(args):
        if not moment and key in _TIME_KEYS:
            moment = _moment(value, key)
        elif not what and key in _TEXT_KEYS and isinstance(value, str) and len(tokens(value)) >= 2:
            what = plain(value)
    return (moment, what) if moment and what else None


def tool_reminders(ctx: Ctx, entries: Sequence[Entry]) -> None:
    """A reminder set only with a tool: a to-do of the user's, due at the tool's time, citing the user
    turn that asked and the tool's result ("2026-11-23 19:00: Text the plumber ... (reminder set)")."""
    at_result: dict[str, int] | None = None  # tool call id -> position of its result
    for e in entries:
        if e.role != "assistant" or not e.tool_calls:
            continue
        for call in e.tool_calls:
            got = reminder_of(call.name, call.arguments)
            if got is None:
                continue
            if at_result is None:  # built once, only when a reminder tool ran at all
                by_id = {x.step.id: x.pos for x in ctx.msgs if x.role == "tool" and x.step is not None}
                at_result = {r.tool_call_id: by_id[r.id] for r in entries if r.tool_call_id and r.id in by_id}
            at = at_result.get(call.id)
            step = ctx.msgs[at].step if at is not None else None
            if at is None or step is None or step.failed:
                continue
            moment, what = got
            if has_secret(what):
                continue
            pos = {at}
            asker = ctx.last_user(at)
            kind: Kind = "todo"
            if asker is not None:
                asked = next((d for d in ctx.drafts if d.kind == "todo" and asker in d.pos), None)
                if asked is not None:  # "remind me to call the vet on Friday": that to-do, now set
                    asked.pos.add(at)
                    continue
                if _puts_off(ctx.msgs[asker].sentences):
                    kind = "open_question"  # "not yet, wait until Lena signs off. remind me?": still open
                elif chosen := next((d for d in ctx.drafts if d.kind == "decision" and asker in d.pos), None):
                    chosen.pos.add(at)  # "yes, I'll pay it; remind me on the 10th": the choice's reminder
                    continue
                pos.add(asker)
            ctx.add(kind, f"{moment}: {what.rstrip('. ')} ({_SET.get(ctx.lang, _SET['en'])})", pos)


def _puts_off(sentences: Sequence[str]) -> bool:
    """A turn that puts the point off ("not yet", "we'll see", "wait until ..."), not only by a day:
    a later word in a sentence with no date or weekday and no reminder request of its own."""
    for s in sentences:
        low = s.lower()
        if LATER.hit(s) and not when(s) and not any(n in low for n in _REMIND_NEEDLES):
            return True
    return False


_SET: Final = {
    "en": "reminder set",
    "de": "Erinnerung gesetzt",
    "es": "recordatorio puesto",
    "fr": "rappel programmé",
    "it": "promemoria impostato",
    "ja": "リマインダー設定済み",
}


# --- a point the assistant files as open ----------------------------------------------------------------

#: A real "yes" answering a yes/no question ("Yes, it's open."), unlike an acknowledgement ("Ok, ...").
_ANSWER_YES: Final = frozenset(["yes", "yeah", "yep", "yup", "ja", "jo", "sí", "si", "oui", "ouais", "はい"])
_CLAUSES: Final = re.compile(r"\s*[,;:]\s*|\s+(?:but|aber|pero|mais|ma)\s+", re.I)


#: What an open word files, the noun after it ("an open question for the retro") or before it
#: ("come domanda aperta per ...", "como pregunta abierta hasta ...").
_POINT_NOUNS: Final = frozenset(
    ["question", "point", "item", "issue", "frage", "punkt", "pregunta", "punto", "cuestión", "tema", "sujet",
     "domanda", "questione"]
)  # fmt: skip


#: "For": whom or what an open point waits on ("open for the board", "ouverte pour le bureau de janvier").
_FOR: Final = frozenset(["for", "für", "para", "pour", "per"])


def files_open(sentences: Sequence[str]) -> bool:
    """The assistant's answer files the point as open: an open word that closes a clause ("lo dejo
    como pendiente", "je le laisse en suspens, ...") or is followed by "until" ("bleibt offen bis nach
    der Verkostung", "resta in sospeso finché ..."), with no "no"/"nothing" before it in its clause
    ("nothing pending from it" files nothing), in a statement that is not a plain "yes" answer."""
    if sentences and (toks := tokens(sentences[0])) and toks[0] in _ANSWER_YES:
        return False  # "Yes, it's open.": an answer, not a point left open
    for s in sentences:
        if is_question(s) or not OPEN.hit(s):
            continue
        for clause in _CLAUSES.split(s):
            toks = tokens(clause)
            for k in range(len(toks)):
                if not OPEN.starts(" ".join(toks[k : k + 3])):
                    continue
                before = " ".join(toks[:k])
                if before and (NO.hit(before) or NOTHING.hit(before)):
                    break
                if (
                    len(toks) - k <= 3
                    or UNTIL.starts(" ".join(toks[k + 1 :]))
                    or UNTIL.hit(" ".join(toks[k + 1 : k + 4]))
                    or (k + 1 < len(toks) and toks[k + 1] in _POINT_NOUNS)  # "as an open question for ..."
                    or (k + 1 < len(toks) and toks[k + 1] in _FOR)  # "noted as open for the board"
                    or (k > 0 and toks[k - 1] in _POINT_NOUNS)  # "come domanda aperta per ...", noun first
                ):
                    return True
    return False


def laid_out_then_doubt(sentences: Sequence[str]) -> str:
    """A point the user lays out and then shrugs at: statements (the alternatives, their figures),
    then a bare "not sure" / "no sé" / "keine Ahnung" of its own -> the statements, with the shrug
    ("lo del cole: A está a 10 min y cuesta 900 €/mes, B es 1.200 €. no sé"). Else ''."""
    said = [s for s in sentences if s.strip(" .!")]
    if len(said) < 2:
        return ""
    last = said[-1]
    if is_question(last) or len(tokens(last)) > 4 or not (DOUBT.hit(last) or LATER.hit(last)):
        return ""
    before = [s for s in said[:-1] if not is_question(s)]
    if not before or len(tokens(" ".join(before))) < 6 or any(has_secret(s) for s in before):
        return ""
    return plain(" ".join([*before, last]))


# --- an open question the user answers later -------------------------------------------------------------

_BRACKET: Final = re.compile(r"\s\([^()]*\)$")  # why the point waits, in brackets
_ANSWER_SPLIT: Final = re.compile(r"\s*[,:;—]\s*")
_AFTER_TURNS: Final = 40  # later user turns looked at (an answer comes soon, and the scan stays linear)


def answered_later(ctx: Ctx, q: Draft) -> bool:
    """A later user turn answers the open question: it names the point (two of its content words,
    one of them a name or an identifier, or three) and says how it came out: a clause that opens
    with a yes or a no, or "already" / a past tense ("ya me confirmó la agencia lo del NIF: sí, hace
    falta antes de firmar"). A turn that says it is still open answers nothing."""
    topic = _BRACKET.sub("", q.text)
    words = {w for w in word_set(topic) if len(w) > 2}
    if len(words) < 2 or not q.pos:
        return False
    names = {
        w.lower() for w in re.findall(r"\b(?:[A-ZÀ-Þ]{2,}\w*|[A-ZÀ-Þ][a-zß-ÿ]+[A-Z]\w*|\w*\d\w*)\b", topic)
    }
    start = max(q.pos)
    later = [p for p in ctx.users if p > start][:_AFTER_TURNS]
    for p in later:
        for s in ctx.msgs[p].sentences:
            if is_question(s) or OPEN.hit(s) or LATER.hit(s) or DOUBT.hit(s) or has_secret(s):
                continue
            shared = words & word_set(s)
            if len(shared) < 3 and not (len(shared) >= 2 and shared & names):
                continue
            parts = _ANSWER_SPLIT.split(s)
            if any(YES.starts(c) or NO.starts(c) for c in parts[1:]) or done(s):
                return True
    return False


def undated_put_off(deferred: Sequence[str]) -> bool:
    """A reply puts the thing off with no day or date ("yeah, not today though", "sí, pero otro
    día"): an agreement that it is worth doing, but no task anyone has to do by a time."""
    return (
        bool(deferred)
        and not any(when(s) or _EVERY.search(s) for s in deferred)
        and all(LATER.hit(s) and not ASK.hit(s) for s in deferred)
    )


def offer_lead(paras: Sequence[str], single: str) -> str:
    """What a bare offer ("Want me to look at it?") refers to: the statements before it in its
    paragraph ("Side note: the smoke test took 9m40s of its 10-minute timeout. It will start timing
    out soon."). '' when there are none."""
    key = single.rstrip("?？ ")
    para = next((p for p in reversed(paras) if key and key in p), paras[-1] if paras else "")
    said = [s for s in split_sentences(para) if not is_question(s) and not has_secret(s)]
    return plain(" ".join(said)) if len(tokens(" ".join(said))) >= 5 else ""


#: es/it: a clitic takes up the object, a first-person verb, the speaker named after it ("il commit lo
#: faccio io", "los llamo yo hoy"): the speaker claims the task, as "I'll do it" does.
_SELF_AFTER_CLITIC: Final = re.compile(
    r"(?:^|(?<=[\s,:;]))(?:(?:me|te|se|ce|glie)\s*)?(?:lo|la|los|las|li|le|l['’])\s*[a-zà-ú]{2,}o\s+(?:io|yo)\b",
    re.I,
)


def self_after_clitic(sentence: str) -> re.Match[str] | None:
    """Where the speaker claims a task by naming itself after a clitic and its verb (es/it)."""
    return _SELF_AFTER_CLITIC.search(sentence)


#: Object pronouns a short task may stand on ("I'll do it myself", "dass ich die tausche", "lo hago yo").
_BACK: Final = frozenset(
    ["it", "that", "this", "them", "es", "das", "die", "den", "ihn", "sie", "lo", "la", "los", "las", "eso",
     "le", "les", "ça", "cela", "li"]
)  # fmt: skip
_BACK_MAX: Final = 5  # content words a task that refers back has at most, its when aside


#: Forms that are articles too ("la première moitié", "die Rechnung"): a pronoun only right after the
#: subject ("je le fais", "dass ich die tausche").
_ARTICLE_TOO: Final = frozenset(["das", "die", "den", "la", "las", "le", "les", "los"])
_SUBJECT: Final = frozenset(
    ["ich", "du", "wir", "er", "sie", "je", "tu", "nous", "on", "il", "elle", "yo", "io"]
)


def _pronoun(toks: Sequence[str], k: int) -> bool:
    t = toks[k]
    if t not in _BACK or (k + 1 < len(toks) and (toks[k + 1][:1].isdigit() or toks[k + 1] in ("de", "que"))):
        return False  # "le 25" (a date), "lo de la cuota", "lo que ..." (what follows names it)
    return t not in _ARTICLE_TOO or (k > 0 and toks[k - 1] in _SUBJECT)


def refers_back(task: str) -> bool:
    """A short task whose object is a pronoun: it says when and who, what is said before it."""
    toks = tokens(task)
    if not any(_pronoun(toks, k) for k in range(len(toks))):
        return False
    if (claim := self_after_clitic(task)) is not None and _content(tokens(task[: claim.start()])):
        return False  # "il commit col fix lo faccio io": the clitic takes up the object fronted before it
    return len(_content(toks)) <= _BACK_MAX


def _content(toks: Sequence[str]) -> list[str]:
    """The words of a task that name what it is about (no pronoun, stop word or when)."""
    return [t for t in toks if t not in _BACK and t not in STOPWORDS and len(t) > 2 and not when(t)]


def with_antecedent(ctx: Ctx, m: Msg, i: int, task: str) -> str:
    """A task that refers back ("remind me Saturday that I swap it", "I'll do it myself tomorrow")
    with what it refers to, in brackets: the statement before it in the turn ("the battery of the
    right window contact is at 8%"), or else, when the turn opens with it, the request of the user
    turn the assistant's last answer could not carry out, taken over by the speaker ("Can you book
    that in the app?" - "I can't book there" - "I'll do it myself tomorrow")."""
    if not refers_back(task):
        return task
    before = [s for s in m.sentences[:i] if not is_question(s) and len(tokens(s)) >= 4 and not has_secret(s)]
    if before:
        return f"{task.rstrip('. ')} ({plain(before[-1]).rstrip('. ')})"
    if any(len(tokens(s)) >= 4 for s in m.sentences[:i]):
        return task
    prev = ctx.prev_assistant(m.pos)
    asker = ctx.last_user(prev.pos) if prev is not None else None
    if prev is None or asker is None or not SELF.hit(task) or not any(REFUSE.hit(s) for s in prev.sentences):
        return task  # not "I'll do it myself" after "I can't": nothing handed back
    asked = [s for s in ctx.msgs[asker].sentences if not has_secret(s)]
    if not asked:
        return task
    return f"{task.rstrip('. ')} ({clip(plain(' '.join(asked)), 160).rstrip('. ')})"


_RAISED_MAX: Final = 4  # sentences of a turn that only raises a point and puts it off
_PUT_OFF_MAX: Final = (
    8  # words of the put-off itself ("think about it later", "lo dejamos para más adelante")
)


#: Hedges the "later" class holds too: they soften a proposal, they put nothing off.
_HEDGE: Final = frozenset(["maybe", "perhaps", "vielleicht", "quizá", "quizás", "peut-être", "forse"])


def _unhedged(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in _HEDGE]


def hedged_only(s: str) -> bool:
    """A sentence whose only "later" word is a hedge ("maybe elf", "haha maybe"): a guess or a
    tentative answer, nothing put off."""
    return LATER.hit(s) and not LATER.hit(" ".join(_unhedged(s)))


def raised_then_put_off(sentences: Sequence[str]) -> tuple[str, str] | None:
    """A short turn that raises a point, asks or doubts about it, and ends by putting it off with no
    day: (the point, the put-off). "and honestly maybe move offsite to a storage box. cheaper? think
    about it later"; "y lo de subir la cuota, no lo meto todavía. no sé si es el momento. lo dejamos
    para más adelante". None for anything else (a dated or delegated put-off is read elsewhere)."""
    said = [s for s in sentences if s.strip(" .!")]
    if not 2 <= len(said) <= _RAISED_MAX or any(has_secret(s) for s in said):
        return None
    last, first, middle = said[-1], said[0], said[1:-1]
    if (
        is_question(last)
        or len(tokens(last)) > _PUT_OFF_MAX
        or not LATER.hit(last)
        or when(last)
        or ASK.hit(last)
        or signs_off(last)
    ):
        return None
    if is_question(first) or len(tokens(first)) < 5 or LATER.hit(" ".join(_unhedged(first))):
        return None  # the point is no put-off of its own ("maybe" only hedges it)
    if not any(is_question(s) or DOUBT.hit(s) for s in middle):
        return None  # no doubt about it: a plan said and a "later", not a point left open
    asked = [s for s in middle if is_question(s) and len(tokens(s)) <= 4]
    return plain(" ".join([first, *asked])), plain(last)


def parks_a_question(sentences: Sequence[str], deferred: Sequence[str]) -> bool:
    """The turn only puts a point off: it says nothing but that (a short "ugh, right." besides),
    not one clause in a turn about something else."""
    rest = [s for s in sentences if s not in deferred and len(tokens(s)) > 3]
    return bool(deferred) and not rest and len(tokens(" ".join(deferred))) >= 4


def same_point(drafts: Sequence[Draft], topic: str, pos: set[int]) -> Draft | None:
    """An open question already drafted about the same point: it cites an entry the new one cites
    and shares three content words (or all, when fewer) with it."""
    words = {w for w in word_set(_BRACKET.sub("", topic)) if len(w) > 2}
    if not words:
        return None
    need = min(3, len(words))
    for d in reversed(drafts[-12:]):
        if d.kind == "open_question" and d.pos & pos and len(words & word_set(d.text)) >= need:
            return d
    return None


_SIGN_OFF: Final = re.compile(
    r"(?:[,;.!]\s*|^|\s)(?:(?:(?:see you|see ya|talk|catch you|speak)\s+)?(?:later|laters)|bis (?:später|dann|bald|morgen)|"
    r"(?:see you|talk|speak to you) tomorrow|hasta (?:luego|pronto|mañana)|nos vemos|à plus(?: tard)?|a plus|à demain|"
    r"a dopo|a più tardi|a domani|ci sentiamo|später|luego)\W*$",
    re.I,
)


def signs_off(s: str) -> bool:
    """A "later" that only says goodbye: "going for a walk, later", "ok that's me, see you later",
    "bis später", "hasta luego", "à plus". The words before it (if any) put nothing off, and a bare
    word needs its comma or its "see you" ("I'll look at it later" defers)."""
    tail_text = s[-60:]  # a goodbye ends the sentence: only its tail is searched
    got = _SIGN_OFF.search(tail_text)
    offset = len(s) - len(tail_text)
    if got is None or (got.start() == 0 and offset and s[offset - 1].isalnum()):
        return False
    before = s[: offset + got.start()].strip(" ,;.!")
    tail = got.group(0).strip(" ,;.!").lower()
    if before and (LATER.hit(before) or ASK.hit(before)):
        return False
    bare = tail.split()[0] in ("later", "laters", "später", "luego", "plus", "dopo")
    if bare and not before:
        return False  # "later." alone answers an offer: put off
    if bare and not re.search(r"[,;.!]\s*\S+\W*$", s):
        return False  # "I'll look at it later": no comma, a deferral
    return len(tokens(before)) >= 3 or not bare


__all__ = [
    "ACK_COLON",
    "TITLE",
    "acted_on_at_once",
    "answered_later",
    "appointment_or_routine",
    "asks_reminder",
    "clauses",
    "confirmed",
    "done",
    "due_after",
    "files_open",
    "is_you",
    "laid_out_then_doubt",
    "listed_owners",
    "not_a_name",
    "offer_lead",
    "owned_task",
    "owner_clause",
    "parks_a_question",
    "puts_off_itself",
    "raised_then_put_off",
    "refers_back",
    "remind_request",
    "reminder_of",
    "restates_decision",
    "rhetorical",
    "routine_request",
    "same_point",
    "signs_off",
    "standing",
    "state_verb",
    "still_open",
    "tool_reminders",
    "undated_put_off",
    "with_antecedent",
    "with_due",
]
