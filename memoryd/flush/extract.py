"""Rules-based extraction of what a conversation decided, did and learned.

No LLM and no I/O: entries in, ``Item`` s out. The rules read *structure* first and words second.

* **Tool work gives outcomes.** A failing command (``isError``, ``Command exited with code N``)
  opens a *failure chain*. A later run of the same program that succeeds closes it (failed, then
  fixed); one that fails with a different error closes it and opens the next; a chain still open
  at the end is an unresolved failure and must be kept. Successful state-changing actions
  (commits, PRs, deploys, restarts, files and configs written) are grouped per stretch of work;
  reads, checks, installs and file shuffling are not outcomes. An assistant report that repeats
  measured numbers from tool output, or names a root cause, is an outcome too.
* **Dialogue acts give decisions and open questions.** An assistant message that lays out
  alternatives or a multi-part plan and asks (or recommends) is a *proposal*. The user's reply
  agrees (a decision, plus a ``Rejected:`` item when the reply turns an alternative down), defers
  ("I'll ask X", "later", "後で": an open question), makes the choice conditional (an open
  question), or rejects. Offers without alternatives ("Want me to...?") are not decisions.
* **User sentences give facts and procedures**: "remember" requests and corrections (must keep),
  conventions ("always", "never"), environment facts (hosts, ports, versions), personal facts,
  and ordered steps ("then ... then", ``a -> b -> c``), besides numbered how-tos the assistant
  writes in prose or into a document.

Only prose is read for words: code blocks, tool output, ``thinking`` and OpenClaw's envelope
(sender metadata, ``[Thu 2026-03-26 10:40 GMT+9]`` stamps, ``[[reply_to_current]]``) are removed
first. OpenClaw's own memory-flush turns, compaction summaries, custom and model-change entries,
gateway-injected messages and writes to memory files are never evidence. Marker words come in
English and Japanese, with a few German, French and Spanish ones for the main dialogue acts;
everything else is structural.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import islice
from typing import Any, Final

from memoryd.flush.dedupe import fingerprint, is_duplicate
from memoryd.flush.items import KINDS, Item, Kind
from memoryd.flush.redact import is_secret_path, redact
from memoryd.sources.transcript import Entry, ToolCall

__all__ = ["MAX_TEXT", "extract_items"]


def _wordset(words: str) -> frozenset[str]:
    """A constant set of words, written as one space-separated string."""
    return frozenset(words.split())


#: Longest item text, in characters.
MAX_TEXT: Final = 300
#: Most actions one outcome groups together (and cites).
MAX_GROUP: Final = 6

# =====================================================================================================
# Envelope and text shape
# =====================================================================================================

_FLUSH_PROMPT: Final = re.compile(
    r"^\s*Continue the OpenClaw runtime event\.?\s*$|pre-?compaction memory flush|memory flush turn", re.I
)
_NO_REPLY: Final = re.compile(r"^\s*NO_REPLY\s*$")
_MEMORY_FILE: Final = re.compile(r"(?:^|/)(?:memory/[^/]*\.md|MEMORY\.md)$", re.I)
_ENVELOPE: Final = re.compile(r"^\s*[^\n]{0,80}\(untrusted[^\n)]*\):\s*\n```[\w-]*\n.*?\n```[ \t]*\n?", re.S)
_STAMP: Final = re.compile(
    r"^\s*\[(?:[A-Z][a-z]{2},? )?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?"
    r"(?: ?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?\]\s*"
)
_REPLY_TAG: Final = re.compile(r"\[\[\s*reply_to[^\]]*\]\]\s*")
_FENCE: Final = re.compile(r"```.*?(?:```|\Z)", re.S)

_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_RUN: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")
_ALNUM: Final = re.compile(r"[a-z0-9]+")
_SENT_SPLIT: Final = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])\s*|\n+")
_PARA_SPLIT: Final = re.compile(r"\n\s*\n")
_LIST_ITEM: Final = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)]|[A-Za-z][.)])\s+")
_NUMBERED: Final = re.compile(r"^\s*(\d{1,2})[.)]\s+(.+)$")
_STEP_START: Final = re.compile(r"^\s*\d{1,2}[.)]\s", re.M)
_BULLET: Final = re.compile(r"^\s*[-*+•]\s+(.+)$")
_INDENTED: Final = re.compile(r"^\s{2,}")
_OPTION_HEAD: Final = re.compile(
    r"^\s*(?:[-*+•]\s+)?(?:\*\*|__)?\s*(?:(?:option|choice|plan|案)\s*(?P<l1>[A-Za-z0-9])\b|(?P<l2>[A-Da-d])\))"
    r"\s*[:.)]?\s*(?:\*\*|__)?\s*(?P<text>.*)$",
    re.I,
)
_MD_BOLD: Final = re.compile(r"\*\*(.+?)\*\*|__(\w.*?)__")
_MD_ITALIC: Final = re.compile(r"(?<![\w*])\*([^\s*][^*\n]*?)\*(?![\w*])")
_MD_HEAD: Final = re.compile(r"^#+\s*", re.M)
_TABLE_RULE: Final = re.compile(r"^\s*\|?\s*:?-{3,}")
_TABLE_ROW: Final = re.compile(r"^\s*\|(.+)\|\s*$")
_HEADING: Final = re.compile(r"^#{1,3}\s+(.+)$", re.M)
_NAME: Final = re.compile(r"\b[A-Z][\w-]+")
_STOPWORDS: Final = _wordset(
    "the a an and or of to in on at for by with is are was were be it this that as from into then also so "
    "we i you they our your my me us one ok yes no not just only all any some out up do does did can will "
    "would should could have has had let lets go get its there here what which when where how"
)

# =====================================================================================================
# Dialogue markers
# =====================================================================================================


@dataclass(frozen=True, slots=True)
class _Cue:
    """A marker regex behind a cheap substring test, run on lower-cased text.

    Python's ``re`` is slow on alternations, and several times slower still with ``IGNORECASE``.
    Every match contains one of the lower-case ``needles``, so text without any of them is skipped
    at C speed; the rest is searched lower-cased with the case-sensitive twin ``fast`` (the marker
    patterns are written in lower case). Text whose lower-casing changes its length falls back to
    the case-insensitive ``pattern``, so match positions always refer to the text given.
    """

    pattern: re.Pattern[str]
    fast: re.Pattern[str] | None
    needles: tuple[str, ...]
    chars: re.Pattern[str] | None  # one-character needles are faster as a character class

    def may_match(self, low: str) -> bool:
        """Whether lower-cased text contains a needle (a match is impossible otherwise)."""
        if self.chars is not None:
            return bool(self.chars.search(low))
        return any(n in low for n in self.needles)

    def search(self, text: str) -> re.Match[str] | None:
        low = text.lower()
        if not self.may_match(low):
            return None
        if self.fast is not None and len(low) == len(text):
            return self.fast.search(low)
        return self.pattern.search(text)

    def findall(self, text: str) -> list[Any]:
        return self.pattern.findall(text) if self.may_match(text.lower()) else []


def _cue(pattern: str, needles: str, flags: int = re.I) -> _Cue:
    words = tuple(needles.split("|"))
    chars = re.compile("|".join(map(re.escape, words))) if any(len(w) == 1 for w in words) else None
    fast = re.compile(pattern, flags & ~re.I) if flags & re.I else None
    return _Cue(re.compile(pattern, flags), fast, words, chars)


_AGREE_START: Final = re.compile(
    r"^(?:yes|yeah|yep|yup|sure|ok(?:ay)?|alright|fine|agreed|great|perfect|good|nice|cool|correct|right|"
    r"sounds (?:good|great|fine)|looks (?:good|great|fine)|lgtm|go ahead|go for it|do it|ship it|please do|"
    r"let'?s (?:do|go)|go with|approved?|ja|jawohl|genau|gerne|passt|oui|d'accord|parfait|vale|sí|si|sim|claro|"
    r"はい|うん|ええ|了解|承知|オッケー|いいよ|いいね|いいです|大丈夫|お願い|それで|好的|可以|行|好|네|좋아)\b",
    re.I,
)
_AGREE_ANY: Final = _cue(
    r"\b(?:sounds (?:good|great|fine)|looks (?:good|great|fine)|go with|let'?s go with|let'?s do|go ahead|"
    r"for sure|is perfect|works for me|agreed|i agree|the rest sounds good|do that|please do|go for|"
    r"(?:i|we)'?ll take|let'?s (?:use|take|pick)|sounds right|it is|(?:is|are) fine|"
    r"(?:the )?(?:first|second|third|fourth|last|former|latter) (?:one|option))\b"
    r"|\b(?:klingt gut|passt|einverstanden|machen wir|nehmen wir|ça me va|ça marche|d'accord|on part sur|"
    r"de acuerdo|me parece bien|vamos con)\b"
    r"|お願いします|お願い|それで(?:進めて|いい|行こう|いこう)|進めて|にしよう|で行こう|でいこう|賛成",
    "sounds|looks|go with|go ahead|let|for sure|perfect|works for me|agree|do that|please do|go for|ll take|"
    "it is|fine| one| option|first|second|third|fourth|last|former|latter|klingt|passt|einverstanden|machen wir|"
    "nehmen wir|ça |d'accord|on part|acuerdo|me parece|vamos|お願い|それで|進めて|にしよう|で行こう|でいこう|賛成",
)
_PICK_LABEL: Final = re.compile(
    r"^(?:option\s+|choice\s+|plan\s+)?(?P<l>[A-Da-d1-9])"
    r"(?:[.)!,:]|\s*$|\s+(?:because|since|please|then|it is|is (?:fine|good|better)|sounds|for sure))",
    re.I,
)
#: A label named inside the sentence: "let's do A", "go with option 2", "I'd take B".
_PICK_INLINE: Final = re.compile(
    r"\b(?:do|go with|go for|take|pick|choose|prefer|option|plan|choice)\s+(?:option\s+)?(?P<l>[A-Da-d1-9])\b"
    r"(?![\w'-])",
    re.I,
)
_ORDINAL: Final = re.compile(
    r"\b(first|1st|second|2nd|third|3rd|fourth|4th|former|latter|last)\b(?: one| option)?"
    r"|(一つ目|1つ目|最初|前者|二つ目|2つ目|後者|三つ目|3つ目)",
    re.I,
)
_ORDINALS: Final = {
    "first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
    "former": 0, "latter": -1, "last": -1, "一つ目": 0, "1つ目": 0, "最初": 0, "前者": 0,
    "二つ目": 1, "2つ目": 1, "後者": -1, "三つ目": 2, "3つ目": 2,
}  # fmt: skip
_REJECT_CLAUSE: Final = re.compile(
    r"\b(?:drop|remove|skip|exclude|without|no-go|reject(?:ed)?|wrong|not an option|instead of|rather than|"
    r"get rid of|(?:don'?t|do not) want|no \w+(?: \w+)? at all)\b|^(?:and |but |also )?no (?!problem|worries|"
    r"idea|need|rush|way|thanks)\w+|^(?:and |but )?not (?!sure|yet|now|really)\w+|いらない|要らない|不要|やめ|却下|"
    r"なしで|抜きで|外して|除外|ダメ|だめ",
    re.I,
)
_REJECT_STRONG: Final = _cue(
    r"\b(?:no-go|not an option|out of the question|ruled out|is out|can'?t use|cannot use|won'?t use|"
    r"not allowed|forbidden|reject(?:ed)?|veto(?:ed)?|deal-?breaker)\b|却下|使えない",
    "no-go|not an option|out of the question|ruled out|is out|use|not allowed|forbidden|reject|veto|"
    "breaker|却下|使えない",
)
_NO_START: Final = re.compile(r"^(?:no|nope|nah|nein|non|いいえ|いや)\b[,.!\s]", re.I)
_DEFER: Final = _cue(
    r"\b(?:i'?ll (?:ask|check|find out|look into|think|talk|get back|decide|confirm)|let me (?:ask|check with|"
    r"talk to|think)|(?:need|have) to (?:check|ask|confirm|talk)|not sure|no idea|don'?t know yet|not yet|"
    r"later|tomorrow|next week|for now|not now|park(?:ed)?\b(?: it| that| this)?|on hold|hold off|"
    r"wait(?:ing)? (?:for|on)|tbd|undecided|no decision|haven'?t decided|not decided|postpone|defer(?:red)?|"
    r"leave it (?:out|for now)|anything yet|get back to you|can wait)\b"
    r"|\b(?:später|morgen|nächste woche|frage? ich|kläre ich|weiß (?:ich )?(?:es )?noch nicht|erstmal nicht|"
    r"plus tard|demain|je (?:vais|dois) (?:demander|vérifier)|je ne sais pas encore|pas maintenant|"
    r"más tarde|mañana|no sé todavía|lo consulto|preguntaré|por ahora no)\b"
    r"|後で|あとで|明日|来週|今度|保留|未定|検討(?:する|します)|聞いて(?:みる|おく)|聞く|調べる|まだ決め|一旦|いったん|とりあえず",
    "ll |let me|need to|have to|not sure|no idea|know yet|not yet|later|tomorrow|next week|for now|not now|park|"
    "on hold|hold off|wait|tbd|undecided|decision|decided|postpone|defer|leave it|anything yet|get back|später|"
    "morgen|woche|frag|kläre|noch nicht|erstmal|plus tard|demain|demander|vérifier|sais pas|pas maintenant|"
    "más tarde|mañana|sé todavía|consulto|preguntaré|por ahora|後で|あとで|"
    "明日|来週|今度|保留|未定|検討|聞いて|聞く|調べる|まだ決め|一旦|いったん|とりあえず",
)
_DEFER_STRONG: Final = re.compile(
    r"\b(?:i'?ll|let me|need to|have to|later|tomorrow|next week|park|for now|on hold|später|morgen|frage? ich|"
    r"plus tard|demain|je vais|más tarde|mañana|consulto|preguntaré)\b|後で|あとで|明日|調べる|保留",
    re.I,
)
_STILL_OPEN: Final = re.compile(
    r"\b(?:not yet|unknown|unclear|still open|open point|don'?t know)\b|まだ|不明", re.I
)
_CONDITIONAL: Final = re.compile(
    r"\b(?:only if|but only|as long as|provided (?:that )?|if they (?:can|confirm)|depends on|unless)\b"
    r"|なら|であれば|場合のみ|次第",
    re.I,
)
_CORRECTION: Final = _cue(
    r"^(?:wait|hold on|no wait|that'?s (?:wrong|not right|incorrect|not true|not it)|wrong|incorrect|not quite|"
    r"違う|ちがう|違います|そうじゃな|間違)\b|\b(?:that'?s (?:wrong|not right|incorrect)|you'?re wrong|not true|"
    r"we (?:dropped|stopped using|no longer use)|don'?t reintroduce|that'?s not what i|you got it wrong)\b|"
    r"^actually,?\s[^.?!]*\bnot\b|\b(?:das ist falsch|stimmt nicht|c'est faux|ce n'est pas ça|"
    r"eso (?:está mal|no es así)|no es correcto)\b|^(?:falsch|faux|incorrecto)\b",
    "wait|hold on|wrong|not right|incorrect|not true|not it|not quite|dropped|stopped using|no longer use|"
    "reintroduce|not what i|actually|falsch|stimmt nicht|faux|pas ça|está mal|no es así|correcto|incorrecto|"
    "違|ちがう|そうじゃな|間違",
)
_CORRECTION_LEAD: Final = re.compile(r"^(?:wait|hold on|no|nope|違う|ちがう|違います|いや)[,、。!\s]*", re.I)
_ACK: Final = re.compile(
    r"^(?:you'?re right|sorry|good catch|my (?:bad|mistake)|apologies|失礼しました|すみません|ご指摘|申し訳)",
    re.I,
)
_REMEMBER: Final = _cue(
    r"\b(?:remember|keep in mind|don'?t forget|do not forget|for the record|make a note|take note|memori[sz]e|"
    r"note (?:this|that) down|write (?:this|that) down|for future reference|merk dir|denk dran|vergiss nicht|"
    r"retiens|souviens-toi|n'oublie pas|recuerda|no olvides|acuérdate)\b|覚えて|覚えと|記憶して|メモして|"
    r"忘れないで|記録して",
    "remember|keep in mind|forget|record|note|memori|write|future reference|merk dir|denk dran|vergiss|"
    "retiens|souviens|oublie|recuerda|olvides|acuérdate|覚え|記憶|メモ|忘れ|記録",
)
_REMEMBER_HEAD: Final = re.compile(
    r"^(?:(?:and|also|oh|btw|please|pls|so|und|et|y)[,\s]+)*(?:please\s+)?(?:remember|keep in mind|don'?t forget|"
    r"do not forget|for the record|note|merk dir|denk dran|vergiss nicht|retiens|souviens-toi|n'oublie pas|"
    r"recuerda|no olvides|acuérdate)\b(?:\s+(?:this|that|das|ça|esto))?(?:\s+for the future)?\s*[:,]?\s*"
    r"(?:that\s+|dass\s+|que\s+)?",
    re.I,
)
_REMEMBER_ONLY: Final = re.compile(
    r"^(?:(?:please|and|also|oh|so)[,\s]+)*(?:remember|keep in mind|note|memori[sz]e)\s+(?:this|that|it)\b"
    r"(?:\s+for the future)?\s*(?:[,.!;]|$)|^(?:この|その)?.{0,30}(?:覚えて|覚えと|メモして|記録して)",
    re.I,
)
_PROCEDURE_WORD: Final = re.compile(
    r"\b(?:steps?|order|procedure|runbook|recipe|routine|process|checklist|how to|rollout|playbook|workflow)\b"
    r"|^to [a-z]+|手順|順番|順序|方法|ランブック",
    re.I,
)
_SEQUENCE: Final = _cue(
    r"\bthen\b|\bafter that\b|\bfinally\b|->|→|=>|次に|その後|それから",
    "then|after that|finally|->|→|=>|次に|その後|それから",
    0,
)
_CONVENTION: Final = _cue(
    r"\b(?:always|never|must(?:n'?t| not)?|hard rule|no exceptions|convention|policy|only ever|"
    r"(?:we|i) (?:use|don'?t use|dropped|prefer)|(?:don'?t|do not) (?:ever )?use|owns|owner of|"
    r"is responsible for|in charge of|maintainer|owned by|on-call|i prefer|i'?d prefer|i like|i love|i hate|"
    r"i don'?t like|"
    r"favou?rite|allergic|vegetarian|vegan|pescatarian|coeliac|celiac|gluten-free|lactose|halal|kosher|"
    r"immer|niemals|nie|toujours|jamais|siempre|nunca|vegetari(?:sch|en|ano))\b"
    r"|必ず|常に|いつも|絶対に?|禁止|してはいけない|しないこと|ルール|担当|好き|嫌い|苦手|アレルギー",
    "always|never|must|hard rule|exception|convention|policy|only ever|use|dropped|prefer|owns|owner|"
    "owned|on-call|responsible|in charge|maintainer|like|love|hate|favo|allergic|vegetarian|vegan|"
    "pescatarian|coeliac|celiac|gluten|lactose|halal|kosher|immer|nie|toujours|jamais|siempre|nunca|vegetari|"
    "必ず|常に|いつも|絶対|禁止|いけない|しないこと|ルール|担当|好き|嫌い|苦手|アレルギー",
)
_PERSONAL: Final = _cue(
    r"'s birthday|\bbirthday is\b|\banniversary\b|\bexpires?\b|\bmy (?:\w+ )?(?:number|address|email) is\b"
    r"|誕生日|期限",
    "birthday|anniversary|expire|my |誕生日|期限",
)
_ENV_ID: Final = _cue(
    r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:internal|local|lan|corp|intra|com|net|org|io|dev|cloud|app|"
    r"jp|de|uk|eu|fr)\b|\b[\w.-]+@[\w-]+(?:\.[\w-]+)*\b|\bport\s+\d{2,5}\b|\b[A-Za-z][\w.-]*:\d{2,5}\b|"
    r"\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[A-Z][A-Za-z+#]*\s+v?\d+(?:\.\d+)+\b|"
    r"\b(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][a-z]+(?:SQL)?\s+\d{1,3}\b(?![:/.]\d)|"
    r"\b[A-Z]{2,3}\s?\d{2,5}\b",
    "0|1|2|3|4|5|6|7|8|9|@|.internal|.local|.lan|.corp|.intra|.com|.net|.org|.io|.dev|.cloud|.app|.jp|"
    ".de|.uk|.eu|.fr",
    0,
)
_STATE_VERB: Final = re.compile(
    r"\b(?:is|are|was|were|runs?|running|uses?|lives?|sits?|listens?|hosted|located|booked|has|have|holds?|"
    r"points? to)\b|は|で入れる|にある|で動いて|を使って|済み|です|でした",
    re.I,
)
_REQUEST: Final = re.compile(
    r"^(?:(?:and|also|oh|so|now|then)\s+)*(?:can|could|would|will) you\b|^(?:please|pls|let'?s|need|i need|"
    r"we need|i want|we want|want|set up|add|make|create|fix|find|check|compare|run|do|write|put|go|look)\b|"
    r"してくれる|してください|して下さい|お願い|見て|やって|しておいて|流して",
    re.I,
)
_COMPLETION: Final = _cue(
    r"\b(?:all (?:booked|done|set|paid|sent)|(?:i|we)(?:'ve| have)? (?:just )?(?:booked|paid|sent|deployed|"
    r"merged|ordered|finished|submitted|signed)|it'?s done|done!)|予約した|予約しました|完了しました|済ませた",
    "booked|done|set|paid|sent|deployed|merged|ordered|finished|submitted|signed|予約|完了|済ませ",
)
_OPEN_LINE: Final = re.compile(
    r"^(?:[-*+•]\s+)?(?:\*\*)?(?:open(?: question| point| issue)?s?|still open|todo|to-do|unresolved|"
    r"未解決|未決)(?:\*\*)?\s*[:：]\s*(?P<text>\S.*)$",
    re.I,
)
_OPEN_ANY: Final = re.compile(
    r"^[-*+•\s]*(?:\*\*)?(?:open|todo|to-do|still open|unresolved|未解決|未決)", re.I | re.M
)
_OPEN_NEEDLES: Final = ("open", "todo", "to-do", "unresolved", "未解決", "未決")
_DECIDED_NEEDLES: Final = ("decid", "agreed", "going with", "go with", "決", "ことに")
#: Choosing in so many words: "go with Caddy", "let's use Postgres".
_EXPLICIT_PICK: Final = re.compile(
    r"\b(?:go(?:ing)? with|let'?s (?:use|take|pick|go for)|(?:we|i)'?ll (?:use|take|go with|go for)|go for)\b"
    r"|\b(?:nehmen wir|on part sur|vamos con)\b|にしよう|で行こう|でいこう",
    re.I,
)
_DECIDED: Final = re.compile(
    r"\b(?:we(?:'ve| have)? decided|we agreed|we'?ll go with|we are going with|we'?re going with|let'?s go with|"
    r"decision\s*:|decided\s*:)|に決定|に決めた|ことにした|ことにします",
    re.I,
)
_QUESTION_END: Final = re.compile(r"[?？]\s*$")
_OR_QUESTION: Final = _cue(r"\b\w[\w.+-]*\s+or\s+\w[\w.+-]*(?:\s+\w+){0,3}\s*[?？]", " or ")
_CHOICE_WORD: Final = _cue(
    r"\b(?:options?|alternatives?|choices?|ways? (?:to|out)|either|versus|vs\.?)\b|選択肢|候補|どちら|どれ",
    "option|alternative|choice|way|either|versus|vs|選択肢|候補|どちら|どれ",
)
_PICK_PHRASE: Final = _cue(
    r"\b(?:which (?:one|do you|would you)|my picks?|i'?d (?:take|pick|go with|choose))\b|どちらが|どれが",
    "which|my pick|d take|d pick|d go with|d choose|どちらが|どれが",
)
_RECOMMEND: Final = _cue(
    r"\b(?:i'?d (?:go with|take|pick|recommend|suggest|choose|use)|i recommend|i suggest|my (?:pick|picks|"
    r"recommendation|suggestion|vote)|recommendation|i propose|proposal|plan for|the plan|would fit best|"
    r"best option)\b|おすすめ|推奨|提案|対応案|案:|案：",
    "i'd|id |recommend|suggest|my pick|my vote|propos|plan|best|おすすめ|推奨|提案|案",
)
_OFFER: Final = _cue(
    r"\b(?:want me to|should i|shall i|do you want me to|would you like me to|can i|may i)\b|しますか|"
    r"しておきますか|いいですか",
    "want me|should i|shall i|would you like|can i|may i|しますか|しておきますか|いいですか",
)
_RESULT_NUM: Final = _cue(r"(?<![\d/])\d+/\d+(?![\d/])|\b\d+(?:\.\d+)?\s?%|\bresults?\b", "/|%|result")
_NUMBER: Final = re.compile(r"\d+(?:[.,]\d+)?")
_CAUSE: Final = _cue(
    r"\b(?:root cause|the cause|caused by|found it|the (?:problem|issue|culprit) (?:is|was))\b|原因",
    "cause|found it|problem|issue|culprit|原因",
)
_EXPLAIN: Final = re.compile(
    r"\b(?:because|since|so|but|root cause|caused by|due to|fix(?:ed|ing)?|found it|the (?:problem|issue)|"
    r"instead|so that|which means)\b|ので|ため|原因|修正|から|なので|せい",
    re.I,
)
_NARRATION: Final = _cue(
    r"^(?:let's|now,? |next,? |checking|looking|watching|writing|running|trying|first,? |ok(?:ay)?,? (?:let|now))"
    r"|\b(?:let me|i'll|i will|i'm going to)\b|(?:見ます|確認します|調べます|してみます)[。.]?$",
    "let|now|next|checking|looking|watching|writing|running|trying|first|ok|i'll|i will|i'm going|見ます|確認します|"
    "調べます|してみます",
)
_SUCCESS: Final = re.compile(
    r"\b(?:pass(?:es|ed|ing)?|green|works|worked|succeeded|success(?:ful(?:ly)?)?|done|applied|fixed|resolved|"
    r"ok|all set|complete[d]?|deployed|merged|restored|recovered|up again)\b|復旧|完了|成功|できました|しました|済み",
    re.I,
)
_PLEASANTRY: Final = re.compile(
    r"^(?:thanks?(?: you)?|thx|ty|cheers|lol|haha+|hm+|ok(?:ay)?|cool|nice|great|fair|good|wow|sure|"
    r"understood|noted|got it|will do|了解\w*|承知\w*|わかりました|分かりました|ありがと\w*|どうも|お疲れ\w*|"
    r"助かった\w*)[\s!.,。、〜~ー😘☕👍]*$",
    re.I,
)
_LEAD_FILLER: Final = re.compile(
    r"^(?:(?:and|also|oh|btw|so|but|hey|hmm*|hm|ok(?:ay)?|well|note|fyi|a few things|one more thing)\b[,:!.]?\s*)+",
    re.I,
)

# =====================================================================================================
# Commands
# =====================================================================================================

_EXIT_CODE: Final = re.compile(
    r"(?:Command exited with code|exit(?:ed)? (?:with )?(?:code|status))\s+(\d+)", re.I
)
_HEREDOC: Final = re.compile(r"<<-?\s*(['\"]?)(\w+)\1.*?\n.*?\n\s*\2\b", re.S)
_SHELL_TOKEN: Final = re.compile(
    r"'[^']*'?|\"(?:[^\"\\]|\\.)*\"?|&&|\|\||\$\(|[;|\n`()]|[^'\";|\n`()&$]+|.", re.S
)
_SHELL_OPS: Final = frozenset({"&&", "||", "$(", ";", "|", "\n", "`", "(", ")"})
_WORD_RE: Final = re.compile(r"(?:[^\s'\"]+|'[^']*'?|\"(?:[^\"\\]|\\.)*\"?)+")
_QUOTED: Final = re.compile(r"'([^']*)'|\"((?:[^\"\\]|\\.)*)\"")
_ASSIGN_WORD: Final = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
_ASSIGNS: Final = re.compile(r"^(?:(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=(?:'[^']*'|\"[^\"]*\"|\S*)\s+)+")
_SSH_VALUE_OPTS: Final = frozenset(
    {"-i", "-p", "-o", "-l", "-F", "-J", "-L", "-R", "-D", "-b", "-c", "-E", "-m", "-S"}
)
_WRAPPERS: Final = frozenset(
    {"sudo", "env", "time", "nohup", "exec", "nice", "command", "builtin", "xargs", "do", "then", "else", "!"}
)
_RUNNERS: Final = {
    "uv": "run", "poetry": "run", "pipenv": "run", "pdm": "run", "hatch": "run", "rye": "run",
    "bundle": "exec", "pnpm": "exec", "yarn": "dlx",
}  # fmt: skip
_TRIVIAL: Final = _wordset(
    "cd echo printf sleep ls cat head tail wc grep egrep fgrep rg sort uniq awk cut tr true false test [ "
    "mkdir touch export set source . which type pwd date env jq less more clear for while if fi done exit "
    "read df du zcat ps diff find stat file basename dirname realpath readlink tee"
)
_READ_GIT: Final = ("git add", "git status", "git log", "git diff", "git show", "git fetch", "git branch")
_TWO_LEVEL: Final = frozenset({"gh", "kubectl", "docker", "gcloud", "aws", "az", "helm", "gog"})
_INTERPRETERS: Final = frozenset(
    {"python", "python3", "node", "ruby", "perl", "bash", "sh", "zsh", "deno", "bun", "php"}
)
_INSTALL: Final = re.compile(
    r"^(?:pip3?|uv pip|uv|poetry|pnpm|npm|yarn|bun|apt(?:-get)?|brew|cargo|go|gem|composer|conda|mamba|pipx)\s+"
    r"(?:install|add|i|get|sync)\b"
)
_CHECK_PROGS: Final = _wordset(
    "pytest vitest jest mocha tox nox ruff mypy pyright eslint tsc flake8 pylint black prettier curl wget "
    "http ping nc dig nslookup shellcheck hadolint"
)
#: Programs whose first words decide what they do (``git commit``, ``npm test``, ``uv pip install``).
_MULTI_PROGS: Final = _wordset(
    "git gh pip pip3 uv poetry pnpm npm yarn bun apt apt-get brew cargo go gem composer conda mamba pipx "
    "make terraform nginx"
)
_CHECK_SUBS: Final = re.compile(
    r"^(?:(?:npm|pnpm|yarn|bun) (?:run )?(?:test|lint|typecheck|check)|go (?:test|vet)|cargo (?:test|check|"
    r"clippy)|make (?:test|check|lint)|gh run (?:watch|view)|gh pr checks|terraform plan|nginx -t)\b"
)
_VCS_CHANGE: Final = re.compile(
    r"^(?:git (?:commit|push|merge|tag|rebase|revert|cherry-pick|remote (?:set-url|add|remove|rename))|"
    r"gh (?:pr (?:create|merge|close|edit|comment)|release create|secret (?:set|delete)|repo create|"
    r"issue (?:create|close|comment)|variable set|workflow run))\b"
)
_MUTATE_WORD: Final = _wordset(
    "create delete remove set set-url update upgrade downgrade apply deploy publish release push send "
    "post put patch restart start stop reload enable disable kill cancel scale rollout rollback migrate "
    "backfill seed import sync upload book schedule insert revoke grant rotate up down cp"
)
#: Programs that only move files around: part of the work, never an outcome on their own.
_FILE_PROGS: Final = frozenset(
    ["cp", "mv", "rm", "rmdir", "ln", "chmod", "chown", "touch", "mkdir", "truncate", "tee", "install"]
)
_OPS_PROGS: Final = frozenset(
    ["kill", "pkill", "shutdown", "reboot", "useradd", "userdel", "crontab", "scp", "rsync", "dd"]
)
_SCRIPT_VERB: Final = re.compile(
    r"backfill|migrat|deploy|seed|import|sync|publish|upload|send|create|update|delete|cleanup|purge|restore|"
    r"backup|rotate|provision",
    re.I,
)
_SQL_CLIENT: Final = frozenset(
    {"psql", "mysql", "mariadb", "sqlite3", "mongosh", "mongo", "clickhouse-client"}
)
_SQL_WRITE: Final = re.compile(
    r"\b(?:insert|update|delete|alter|create|drop|truncate|grant|revoke|vacuum|reindex)\b", re.I
)
_REDIRECT: Final = re.compile(r"(?<![<>&\d])>>?\s*(?P<t>[^\s&|;>]+)")
_TEE: Final = re.compile(r"\btee\s+(?:-a\s+)?(?P<t>[^\s&|;>]+)")
_PLAIN_WORD: Final = re.compile(r"^[a-z][a-z0-9-]*$")
#: Cheap test before asking ``is_secret_path`` about every word of a command.
_SECRET_HINTS: Final = (
    "env",
    ".pem",
    ".key",
    "id_",
    "credential",
    "netrc",
    "pgpass",
    "secret",
    "npmrc",
    "pypirc",
    "htpasswd",
    "shadow",
    "kubeconfig",
    ".p12",
    ".pfx",
    ".jks",
    "keystore",
    ".kdbx",
    ".asc",
)
_WRITE_TOOLS: Final = frozenset({"write", "create", "create_file", "write_file"})
_EDIT_TOOLS: Final = frozenset(
    {"edit", "multiedit", "multi_edit", "apply_patch", "str_replace_based_edit_tool", "patch", "str_replace"}
)
_DOC_EXT: Final = (".md", ".markdown", ".txt", ".rst", ".adoc", ".org")
_DOC_NAMES: Final = ("readme", "changelog", "contributing", "license", "runbook")
_CONFIG_EXT: Final = (
    ".yml", ".yaml", ".toml", ".json", ".json5", ".ini", ".conf", ".cfg", ".env", ".service", ".timer", ".properties"
)  # fmt: skip

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

_LABELS: Final = {
    "en": {
        "rejected": "Rejected: ",
        "user": "user: ",
        "correction": " (user correction)",
        "failed": "{cmd} failed: {err}",
        "fixed": "; fix: {fix}",
        "still": "Still failing: {cmd}: {err}",
        "wrote": "wrote {path}",
        "committed": 'committed {hash} "{msg}" on {branch}',
        "committed_msg": 'committed "{msg}"',
        "pr": "opened PR #{n} ({url})",
    },
    "ja": {
        "rejected": "却下: ",
        "user": "ユーザー: ",
        "correction": "（ユーザーによる訂正）",
        "failed": "{cmd} が失敗: {err}",
        "fixed": "。対応: {fix}",
        "still": "未解決: {cmd}: {err}",
        "wrote": "{path} を作成",
        "committed": 'コミット {hash} "{msg}"（{branch}）',
        "committed_msg": 'コミット "{msg}"',
        "pr": "PR #{n} を作成 ({url})",
    },
}


# =====================================================================================================
# Small text helpers
# =====================================================================================================


def _clip(text: str, limit: int = MAX_TEXT) -> str:
    """One line of at most ``limit`` characters, cut at a word boundary when possible."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:—-") + "…"


@lru_cache(maxsize=4096)
def _plain(text: str) -> str:
    """Markdown emphasis and headings removed; inline code and identifiers kept verbatim."""
    if "**" in text or "__" in text:
        text = _MD_BOLD.sub(lambda m: m.group(1) or m.group(2) or "", text).replace("**", "")
    if "#" in text:
        text = _MD_HEAD.sub("", text)
    if "*" in text:
        text = _MD_ITALIC.sub(r"\1", text)
    return " ".join(text.split())


@lru_cache(maxsize=256)  # keys can be whole messages: keep the cache small in a long-running daemon
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in _SENT_SPLIT.split(text) if s and s.strip())


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARA_SPLIT.split(text) if p.strip()]


def _is_question(sentence: str) -> bool:
    return bool(_QUESTION_END.search(sentence))


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    """Content words (lower-cased, crude plural folding) plus CJK bigrams, for overlap tests."""
    low = _plain(text).lower()
    words = {w[:-1] if len(w) > 4 and w.endswith("s") else w for w in _ALNUM.findall(low)} - _STOPWORDS
    for run in _CJK_RUN.findall(low):
        words.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return frozenset(words)


@lru_cache(maxsize=2048)
def _has_secret(text: str) -> bool:
    return redact(text).total > 0


#: Dedupe's fingerprint, memoised: drafts are compared pairwise while merging.
_fingerprint = lru_cache(maxsize=1024)(fingerprint)


def _quote(sentences: Iterable[str], limit: int = 160) -> str:
    """User words worth quoting, pleasantries left out.

    A secret in them is quoted as said: the flush pipeline redacts every item text, and the
    ``[REDACTED:...]`` marker tells the reader a secret was shared at that point.
    """
    kept = [s for s in sentences if not _PLEASANTRY.match(s.strip())]
    return _clip(_LEAD_FILLER.sub("", _plain(" ".join(kept))), limit)


def _base(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def _clean_prose(text: str) -> str:
    """Drop OpenClaw's envelope and code blocks: what remains is what a person wrote."""
    if "[[" in text:
        text = _REPLY_TAG.sub("", text)
    prev = None
    while prev != text and (
        "(untrusted" in text[:400] or text.lstrip()[:2] in ("[M", "[T", "[W", "[F", "[S", "[2")
    ):
        prev = text
        text = _STAMP.sub("", _ENVELOPE.sub("", text, count=1), count=1)
    return (_FENCE.sub("\n", text) if "```" in text else text).strip()


# =====================================================================================================
# Commands: segments, signatures and effects
# =====================================================================================================


def _split_shell(command: str) -> list[str]:
    """Cut a shell line at ``&&``, ``||``, ``;``, ``|``, newlines and substitutions, outside quotes."""
    parts: list[str] = []
    buf: list[str] = []
    for tok in _SHELL_TOKEN.findall(command):
        if tok in _SHELL_OPS:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(tok)
    parts.append("".join(buf))
    return [p.strip() for p in parts if p.strip()]


def _words_of(raw: str) -> list[str]:
    """Shell words of one simple command, quotes removed the way a shell removes them."""
    if "'" not in raw and '"' not in raw:
        return raw.split()
    return [_QUOTED.sub(_unquoted, w) if "'" in w or '"' in w else w for w in _WORD_RE.findall(raw)]


def _unquoted(m: re.Match[str]) -> str:
    return m.group(1) if m.group(1) is not None else m.group(2) or ""


def _remote_payload(words: list[str]) -> str | None:
    """The command that ``ssh host CMD`` or ``bash -c CMD`` really runs."""
    prog = _base(words[0])
    if prog == "ssh":
        rest = words[1:]
        while rest and rest[0].startswith("-"):
            rest = rest[2:] if rest[0] in _SSH_VALUE_OPTS else rest[1:]
        return " ".join(rest[1:]) if len(rest) > 1 else None
    if prog in ("bash", "sh", "zsh") and "-c" in words[1:]:
        return " ".join(words[words.index("-c") + 1 :]) or None
    return None


def _strip_wrappers(words: list[str]) -> list[str]:
    """``sudo``, ``env X=1``, ``uv run``, ``npx -y`` and the like are not the program that runs."""
    while words:
        head = _base(words[0])
        if _ASSIGN_WORD.match(words[0]):
            words = words[1:]
        elif head in _WRAPPERS:
            words = [w for i, w in enumerate(words[1:]) if not (i == 0 and w.startswith("-"))]
        elif head in ("npx", "bunx", "pnpx"):
            words = [w for w in words[1:] if not w.startswith("-")]
        elif (
            head == "timeout"
            or (head in _RUNNERS and len(words) > 1 and words[1] == _RUNNERS[head])
            or (head.startswith("python") and len(words) > 2 and words[1] == "-m")
        ):
            words = words[2:]
        else:
            break
    return words


def _raw_segments(command: str, depth: int = 0) -> list[tuple[str, list[str]]]:
    """Simple commands in a shell line: (original text, words without wrappers).

    Splitting respects quotes; commands run through ``ssh host '...'`` or ``sh -c '...'`` are
    split again inside.
    """
    out: list[tuple[str, list[str]]] = []
    for raw in _split_shell(_HEREDOC.sub(" ", command) if "<<" in command else command):
        words = _words_of(raw)
        if not words:
            continue
        remote = _remote_payload(words)
        if remote is not None and depth < 2:
            out.extend(_raw_segments(remote, depth + 1))
            continue
        words = _strip_wrappers(words)
        if words:
            shown = _ASSIGNS.sub("", raw.strip()) if "=" in raw else raw.strip()
            out.append((shown.removeprefix("sudo "), words))
    return out


def _prog(words: Sequence[str]) -> str:
    name = _base(words[0]).lower()
    return name.split("@", 1)[0] if name.startswith(("node@", "python@")) else name


def _signature(words: Sequence[str]) -> str:
    """A stable name for what a simple command runs: ``git commit``, ``pytest``, ``python backfill.py``."""
    prog = _prog(words)
    if prog in _INTERPRETERS:
        script = next((w for w in words[1:] if not w.startswith("-")), "")
        return f"{prog.rstrip('3')} {_base(script)}".strip()
    depth = 2 if prog in _TWO_LEVEL else 1
    subs: list[str] = []
    for w in words[1:]:
        if len(subs) == depth or not _PLAIN_WORD.match(w):
            break
        subs.append(w)
    return " ".join([prog, *subs])


def _segment_effect(words: Sequence[str], raw: str) -> str:
    """What one simple command does: change, edit (files only), check, install or read."""
    prog = _prog(words)
    if prog in _CHECK_PROGS:
        return "check"
    if prog in _MULTI_PROGS:
        line = " ".join([prog, *words[1:4]])
        if _INSTALL.match(line):
            return "install"
        if _VCS_CHANGE.match(line):
            return "change"
        if _CHECK_SUBS.match(line):
            return "check"
    if prog in _SQL_CLIENT:
        return "change" if _SQL_WRITE.search(raw) else "read"
    if prog in _INTERPRETERS:
        script = next((w for w in words[1:] if not w.startswith("-")), "")
        return "change" if _SCRIPT_VERB.search(_base(script)) else "read"
    if prog in _OPS_PROGS:
        return "change"
    if prog == "sed" and "-i" in words:
        targets = [w for w in words[1:] if not w.startswith("-")]
        return "change" if any(_is_config(t) for t in targets[-1:]) else "edit"
    if prog in _FILE_PROGS:
        return "edit"
    if prog in _TRIVIAL or prog == "git":
        return "read"
    subs = [w for w in words[1:4] if _PLAIN_WORD.match(w)]
    return "change" if any(s in _MUTATE_WORD for s in subs) else "read"


def _write_targets(command: str) -> list[str]:
    """Files a shell line writes by redirect or ``tee`` (not /dev/null or /tmp scratch)."""
    if ">" not in command and "tee" not in command:
        return []
    found = []
    text = _HEREDOC.sub(" ", command) if "<<" in command else command
    for pattern in (_TEE, _REDIRECT):
        for m in pattern.finditer(text):
            target = m.group("t").strip("'\"")
            if target and not target.startswith(("/dev/", "/tmp/", "&", "$")) and not target.isdigit():
                found.append(target)
    return found


def _is_config(path: str) -> bool:
    name = _base(path).lower()
    return (
        path.startswith("/etc/")
        or name.endswith(_CONFIG_EXT)
        or name in ("dockerfile", "makefile", "crontab")
    )


def _is_doc(path: str) -> bool:
    name = _base(path).lower()
    return name.endswith(_DOC_EXT) or name.startswith(_DOC_NAMES)


def _file_effect(tool: str, path: str, content: str) -> str:
    """Written files: documents and configs are outcomes, code is part of the work, how-tos are procedures."""
    if _is_doc(path) and _has_steps(content):
        return "procedure_doc"
    if tool not in _WRITE_TOOLS or is_secret_path(path):
        return "code"  # an edit is part of the work; the commit or the fix names it
    if _is_doc(path):
        return "doc"
    return "change" if _is_config(path) else "code"


def _command_effect(command: str, segments: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The strongest effect among a shell line's simple commands and redirects."""
    effects = {_segment_effect(words, raw) for raw, words in segments}
    targets = _write_targets(command)
    if targets:
        effects.add("change" if any(_is_config(t) for t in targets) else "edit")
    return next((e for e in ("change", "check", "install", "edit") if e in effects), "read")


# =====================================================================================================
# Views over entries
# =====================================================================================================


@dataclass(frozen=True, slots=True)
class _Step:
    """One tool call together with its result."""

    id: str
    tool: str
    command: str
    path: str
    content: str
    output: str
    failed: bool
    effect: str  # change | doc | procedure_doc | code | edit | check | install | read
    quiet: bool  # the output came from (or the command touched) a secret file: never quoted
    segments: tuple[tuple[str, tuple[str, ...]], ...]
    sigs: frozenset[str]  # programs it ran, to link a failure to the run that fixed it


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _make_step(entry: Entry, call: ToolCall | None) -> _Step:
    args: dict[str, Any] = call.arguments if call else {}
    tool = (call.name if call else entry.tool_name or "bash").lower()
    command = _str(args.get("command") or args.get("cmd") or entry.command)
    path = _str(args.get("path") or args.get("file_path") or args.get("filePath") or args.get("file"))
    content = _str(
        args.get("content") or args.get("newText") or args.get("new_string") or args.get("new_str")
    )
    code = entry.exit_code
    tail = entry.text[-200:]
    if code is None and "exit" in tail.lower() and (m := _EXIT_CODE.search(tail)):
        code = int(m.group(1))
    failed = entry.is_error or (code is not None and code != 0)
    segments = tuple((raw, tuple(words)) for raw, words in _raw_segments(command)) if command else ()
    if command:
        effect = _command_effect(command, segments)
        low = command.lower()
        quiet = any(h in low for h in _SECRET_HINTS) and any(
            is_secret_path(w) for _, words in segments for w in words[1:] if not w.startswith("-")
        )
    elif tool in _WRITE_TOOLS or tool in _EDIT_TOOLS:
        effect, quiet = _file_effect(tool, path, content), is_secret_path(path)
    else:
        writer = any(w in tool for w in ("send", "post", "publish", "deploy", "schedule", "message"))
        effect, quiet = ("change" if writer else "read"), bool(path) and is_secret_path(path)
    return _Step(
        entry.id, tool, command, path, content, entry.text, failed, effect, quiet, segments, _sigs(segments)
    )


def _sigs(segments: Sequence[tuple[str, Sequence[str]]]) -> frozenset[str]:
    sigs = (_signature(w) for _, w in segments)
    return frozenset(s for s in sigs if s.split(" ", 1)[0] not in _TRIVIAL and not s.startswith(_READ_GIT))


@dataclass(eq=False)
class _Msg:
    """A visible message; prose analyses are computed once, when first needed."""

    pos: int
    id: str
    role: str  # user | assistant | tool
    prose: str = ""
    has_calls: bool = False
    step: _Step | None = None
    cue_hits: dict[int, bool] = field(default_factory=dict)

    @cached_property
    def sentences(self) -> tuple[str, ...]:
        return _sentences(self.prose)

    @cached_property
    def low(self) -> str:
        """Lower-cased prose, for cheap substring tests before a costly regex."""
        return self.prose.lower()

    def mentions(self, *needles: str) -> bool:
        return any(n in self.low for n in needles)

    def has(self, cue: _Cue) -> bool:
        """Whether any sentence of the message could match ``cue`` (one test per message)."""
        hit = self.cue_hits.get(id(cue))
        if hit is None:
            hit = self.cue_hits[id(cue)] = cue.may_match(self.low)
        return hit

    @cached_property
    def blocks(self) -> tuple[_Block, ...]:
        return _blocks(self.prose)

    @cached_property
    def options(self) -> tuple[_Option, ...]:
        listed = _options(self.prose, self.blocks)
        return listed if len(listed) >= 2 or not self.or_question else _or_options(self.sentences)

    @cached_property
    def or_question(self) -> bool:
        """The message closes by asking "X or Y?"."""
        if "?" not in self.prose and "？" not in self.prose:
            return False
        return bool(_OR_QUESTION.search(_paragraphs(self.prose)[-1]))

    @cached_property
    def proposal(self) -> bool:
        """Alternatives or a multi-part plan that the user is asked (or advised) to take."""
        if len(self.options) < 2 and not self.or_question:
            return False
        last = _paragraphs(self.prose)[-1]
        return bool(_QUESTION_END.search(last) or self.choice or self.recommends)

    @cached_property
    def recommends(self) -> bool:
        return bool(_RECOMMEND.search(self.prose))

    @cached_property
    def choice(self) -> bool:
        """The proposal's items are alternatives to pick from, not parts of one plan."""
        labelled = len(_labelled(self.prose))
        headers = any(_CHOICE_WORD.search(b.header) for b in self.blocks)
        picks = bool(_PICK_PHRASE.search(self.prose))
        return labelled >= 2 or headers or picks or self.or_question


def _visible(entries: Sequence[Entry]) -> list[_Msg]:
    """Messages that count as conversation, with tool results joined to their calls."""
    calls: dict[str, ToolCall] = {}
    skipped: set[str] = set()
    msgs: list[_Msg] = []
    in_flush = False
    for e in entries:
        if e.type != "message" or e.model == "gateway-injected":
            continue
        if e.role == "user":
            low = e.text[:2000].lower()
            in_flush = ("runtime event" in low or "memory flush" in low) and bool(
                _FLUSH_PROMPT.search(e.text)
            )
            if not in_flush:
                msgs.append(_Msg(len(msgs), e.id, "user", _clean_prose(e.text)))
        elif in_flush:
            continue
        elif e.role == "assistant":
            if _NO_REPLY.match(e.text) and not e.tool_calls:
                continue
            for c in e.tool_calls:
                target = _str(c.arguments.get("path") or c.arguments.get("file_path"))
                if _MEMORY_FILE.search(target):
                    skipped.add(c.id)  # the agent's own memory housekeeping
                else:
                    calls[c.id] = c
            live = any(c.id not in skipped for c in e.tool_calls)
            prose = _clean_prose(e.text)
            if prose or live:
                msgs.append(_Msg(len(msgs), e.id, "assistant", prose, has_calls=live))
        elif e.role in ("toolResult", "bashExecution") and e.tool_call_id not in skipped:
            step = _make_step(e, calls.get(e.tool_call_id or ""))
            msgs.append(_Msg(len(msgs), e.id, "tool", step=step))
    return msgs


# =====================================================================================================
# Lists inside prose: options, plans and steps
# =====================================================================================================


@dataclass(frozen=True, slots=True)
class _Option:
    label: str
    text: str

    @property
    def words(self) -> frozenset[str]:
        return _words(self.text)


@dataclass(frozen=True, slots=True)
class _Block:
    """One list in a message, with the line that introduces it."""

    header: str
    items: tuple[_Option, ...]


def _blocks(prose: str) -> tuple[_Block, ...]:
    """Top-level lists in ``prose`` (nested items belong to the item above them)."""
    blocks: list[tuple[str, list[tuple[str, str]]]] = []
    header: str = ""
    current: list[tuple[str, str]] | None = None
    for line in prose.splitlines():
        if not line.strip() or _TABLE_RULE.match(line):
            continue
        m = _NUMBERED.match(line) or _BULLET.match(line) or _TABLE_ROW.match(line)
        if m and not _INDENTED.match(line):
            if current is None:
                current = []
                blocks.append((header, current))
            label = m.group(1) if m.re is _NUMBERED else str(len(current) + 1)
            current.append((label, m.group(m.lastindex or 1).replace("|", " ")))
        elif not m:
            header, current = line.strip(), None
    return tuple(_Block(h, tuple(_Option(lb, _plain(t)) for lb, t in items)) for h, items in blocks)


def _options(prose: str, blocks: Sequence[_Block]) -> tuple[_Option, ...]:
    """Alternatives laid out in a message: labelled options if any, else the items of its lists."""
    labelled: list[list[str]] = []
    for line in prose.splitlines() if _labelled(prose) else ():
        m = _OPTION_HEAD.match(line)
        if m and (m.group("text") or "").strip():
            labelled.append([(m.group("l1") or m.group("l2") or "").lower(), m.group("text")])
        elif labelled and _LIST_ITEM.match(line) and len(labelled[-1][1]) < 60:
            labelled[-1][1] += "; " + _LIST_ITEM.sub("", line)  # a short option spelled out as steps
    if len(labelled) >= 2:
        return tuple(_Option(label, _plain(text)) for label, text in labelled)
    return tuple(o for b in blocks for o in b.items)


def _or_options(sentences: Sequence[str]) -> tuple[_Option, ...]:
    """The two sides of an "X or Y?" question, as options."""
    question = next((s for s in reversed(sentences) if _is_question(s) and " or " in s.lower()), "")
    head, _, tail = question.rstrip("?？ ").rpartition(" or ")
    return (_Option("1", head), _Option("2", tail)) if head and tail else ()


@lru_cache(maxsize=256)
def _labelled(prose: str) -> tuple[str, ...]:
    """Lines that open a labelled option ("Option 2:", "**B)**")."""
    low = prose.lower()
    if not any(k in low for k in ("option", "choice", "plan", "案", ")")):
        return ()
    return tuple(line for line in prose.splitlines() if _OPTION_HEAD.match(line))


def _numbered_steps(text: str) -> list[str]:
    return [_plain(m.group(2)) for line in text.splitlines() if (m := _NUMBERED.match(line))]


def _has_steps(text: str) -> bool:
    """A numbered how-to: three steps, or two that are commands."""
    steps = _numbered_steps(text)
    return len(steps) >= 3 or (len(steps) == 2 and all("`" in s for s in steps))


def _gist(m: _Msg, limit: int = 170) -> str:
    """What a proposal proposes: its recommendation, else the list it proposes under its header."""
    for s in m.sentences:
        is_header = s.rstrip().endswith((":", "："))
        if (
            _RECOMMEND.search(s)
            and not _is_question(s)
            and len(s) > 25
            and not _LIST_ITEM.match(s)
            and not is_header
        ):
            return _clip(_plain(s), limit)
    if not m.blocks:
        return _clip(_question_topic(m.prose), limit)
    block = next(
        (b for b in m.blocks if _RECOMMEND.search(b.header) or _PROCEDURE_WORD.search(b.header)), m.blocks[-1]
    )
    header = _plain(block.header).rstrip(":：")
    return _clip((header + ": " if header else "") + "; ".join(o.text for o in block.items), limit)


def _option_named(sentence: str, options: Sequence[_Option], first: bool) -> _Option | None:
    """The one option a sentence names: by label ("A."), ordinal ("the second one") or its own words."""
    if not options:
        return None
    text = _LEAD_FILLER.sub("", sentence.strip())
    if m := (_PICK_LABEL.match(text) if first else None) or _PICK_INLINE.search(text):
        hit = next((o for o in options if o.label == m.group("l").lower()), None)
        if hit:
            return hit
    if m := _ORDINAL.search(text):
        idx = _ORDINALS.get((m.group(1) or m.group(2) or "").lower(), 0)
        if -len(options) <= idx < len(options):
            return options[idx]
    words = _words(text)
    scores = []
    for o in options:
        own = words & o.words.difference(*(p.words for p in options if p is not o))
        cjk = sum(1 for w in own if _CJK.search(w))
        scores.append(((len(own) - cjk) + cjk / 2, o))  # CJK bigrams are weak evidence alone
    best = max(scores, key=lambda x: x[0])
    if best[0] < 1 or sum(1 for x in scores if x[0] == best[0]) > 1:
        return None
    return best[1]


def _question_topic(prose: str) -> str:
    """The open point in an assistant message: its closing question with the sentence before it."""
    paragraph = _paragraphs(prose)[-1] if prose.strip() else ""
    sents = [s for s in _sentences(paragraph) if not _LIST_ITEM.match(s)]
    if not sents:
        return ""
    q = next((i for i in range(len(sents) - 1, -1, -1) if _is_question(sents[i])), len(sents) - 1)
    short = len(sents[q]) + len(_CJK.findall(sents[q])) < 60
    picked = sents[max(0, q - 1) : q + 1] if short else sents[q : q + 1]
    return _plain(" ".join(p for p in picked if not _PLEASANTRY.match(p)))


# =====================================================================================================
# Shared state of one run
# =====================================================================================================


@dataclass(slots=True)
class _Draft:
    kind: Kind
    text: str
    pos: set[int]
    must_keep: bool = False


@dataclass(slots=True)
class _Ctx:
    """Everything the rules share while they run over one range."""

    msgs: list[_Msg]
    lang: str
    drafts: list[_Draft] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # steps consumed by failure chains
    in_chain: set[int] = field(default_factory=set)  # positions inside a failure chain
    reported: set[int] = field(default_factory=set)  # assistant reports already cited
    answered: set[int] = field(default_factory=set)  # user turns read as part of a failure
    conditional: dict[int, _Draft] = field(default_factory=dict)  # user pos -> conditional open question
    users: list[int] = field(default_factory=list)  # positions of the user turns

    def __post_init__(self) -> None:
        self.users = [m.pos for m in self.msgs if m.role == "user"]

    @property
    def labels(self) -> dict[str, str]:
        return _LABELS[self.lang]

    def add(self, kind: Kind, text: str, pos: Iterable[int], must_keep: bool = False) -> _Draft | None:
        text = _clip(text)
        if not text:
            return None
        draft = _Draft(kind, text, set(pos), must_keep)
        self.drafts.append(draft)
        return draft

    def after(self, pos: int) -> Iterator[_Msg]:
        """Messages after ``pos`` up to the next user turn (without copying the list)."""
        return islice(self.msgs, pos + 1, self.next_user(pos))

    def before(self, pos: int) -> Iterator[_Msg]:
        """Messages before ``pos`` back to the previous user turn, nearest first."""
        start = self.last_user(pos)
        return (self.msgs[i] for i in range(pos - 1, -1 if start is None else start, -1))

    def next_user(self, pos: int) -> int:
        i = bisect_right(self.users, pos)
        return self.users[i] if i < len(self.users) else len(self.msgs)

    def last_user(self, pos: int) -> int | None:
        i = bisect_left(self.users, pos)
        return self.users[i - 1] if i > 0 else None

    def prev_assistant(self, pos: int) -> _Msg | None:
        """The assistant prose the user at ``pos`` is answering (no user turn in between)."""
        return next((m for m in self.before(pos) if m.role == "assistant" and m.prose), None)

    def prose_after(self, pos: int, text_only: bool = True) -> _Msg | None:
        """The assistant's first words after ``pos``, before the user speaks again."""
        return next(
            (
                m
                for m in self.after(pos)
                if m.role == "assistant" and m.prose and not (text_only and m.has_calls)
            ),
            None,
        )


def _language(msgs: Sequence[_Msg]) -> str:
    prose = "".join(m.prose for m in msgs if m.role == "user")[:5000]
    return "ja" if prose and len(_CJK.findall(prose)) > 0.15 * len(prose) else "en"


# =====================================================================================================
# Rules: failures
# =====================================================================================================


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


def _find_chains(msgs: Sequence[_Msg]) -> list[_Chain]:
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


def _error_line(step: _Step) -> str:
    """The line of a failing output that says what went wrong."""
    if step.quiet:
        return "(output not quoted)"
    best, best_score = "", 0
    for raw in _error_lines(step.output):
        if len(raw) > 400 or not _ERROR_WORD.search(raw) or _EXIT_CODE.search(raw):
            continue
        line = _LOG_PREFIX.sub("", _LOG_PREFIX.sub("", raw.strip())).strip()
        score = 3 if line.startswith("FAILED ") else 2 if _ERROR_STRONG.search(line) else 1
        if score > best_score:
            best, best_score = line, score
    if not best:
        lines = [ln.strip() for ln in step.output.splitlines() if ln.strip() and not _EXIT_CODE.search(ln)]
        best = lines[-1] if lines else ""
    if (m := _ERROR_STRONG.search(best)) and m.start() > 0 and not best.startswith("FAILED"):
        best = best[m.start() :]
    return _clip(best, 110)


def _short_command(step: _Step) -> str:
    """The first non-trivial simple command, as written."""
    if not step.command:
        return step.path or step.tool
    raw = next((r for r, w in step.segments if _prog(w) not in _TRIVIAL), step.command)
    return "`" + _clip(raw, 80) + "`"


def _summary_line(output: str) -> str:
    lines = [_LOG_PREFIX.sub("", ln.strip()).strip() for ln in output[-4000:].splitlines()]
    lines = [ln for ln in lines if ln and not _EXIT_CODE.search(ln)]
    return lines[-1] if lines and 12 <= len(lines[-1]) <= 140 else ""


def _pass_line(output: str) -> str:
    """The line of a passing run that says it passed ("12 passed in 0.38s", "All checks passed!")."""
    lines = [_LOG_PREFIX.sub("", ln.strip()).strip() for ln in output[-4000:].splitlines()]
    return next((_clip(ln, 80) for ln in reversed(lines) if ln and _SUCCESS.search(ln)), "")


def _explanation(ctx: _Ctx, start: int, end: int) -> tuple[str, int | None]:
    """The assistant's account of a failure between ``start`` and ``end``.

    The first sentence that explains (because, so, root cause, ...) wins; failing that, the first
    statement the assistant made after the failure.
    """
    fallback: tuple[str, int | None] = ("", None)
    for m in ctx.msgs[start + 1 : end]:
        if m.role != "assistant" or not m.prose:
            continue
        for s in m.sentences:
            if _NARRATION.search(s) or _is_question(s) or _LIST_ITEM.match(s) or len(s) < 15:
                continue
            if _EXPLAIN.search(s):
                return _clip(_plain(s), 110), m.pos
            if fallback[1] is None:
                fallback = (_clip(_plain(s), 110), m.pos)
    return fallback


def _success_sentence(prose: str) -> str:
    """The sentence of a report that says the work succeeded ("CI is green", "復旧しました")."""
    for s in map(_plain, _sentences(prose)):
        if (len(s) < 12 and not _CJK.search(s)) or s.rstrip().endswith((":", "：")):
            continue  # "Done:" introduces a list; the list itself says what was done
        if (
            _SUCCESS.search(s)
            and not _is_question(s)
            and not _NARRATION.search(s)
            and not _LIST_ITEM.match(s)
        ):
            return _clip(s, 80)
    return ""


def _chain_rules(ctx: _Ctx) -> None:
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


def _resolved(ctx: _Ctx, chain: _Chain, end: int) -> None:
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


def _unresolved(ctx: _Ctx, chain: _Chain) -> None:
    """A failure nothing fixed: what fails, the agent's reading of it, and what the user decided."""
    last = ctx.msgs[chain.fails[-1]].step
    assert last is not None
    text = ctx.labels["still"].format(cmd=_short_command(last), err=_error_line(last))
    pos = set(chain.fails)
    fix, fix_pos = _explanation(ctx, chain.fails[0], ctx.next_user(chain.fails[-1]))
    if fix and fix_pos is not None:
        text += f" ({_clip(fix, 100)})"
        pos.add(fix_pos)
    report = ctx.prose_after(chain.fails[-1])
    if report is not None and report.pos + 1 < len(ctx.msgs) and ctx.msgs[report.pos + 1].role == "user":
        user = ctx.msgs[report.pos + 1]
        said = [_NO_START.sub("", s).strip() for s in user.sentences if not _is_question(s)][:2]
        if quote := _quote(said, 130):
            text += " — " + ctx.labels["user"] + quote
            pos.update({report.pos, user.pos})
            ctx.reported.add(report.pos)
            ctx.answered.add(user.pos)
    ctx.add("outcome", text, pos, must_keep=True)


# =====================================================================================================
# Rules: actions and reports
# =====================================================================================================


def _describe(step: _Step, labels: dict[str, str]) -> str:
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
    if step.tool in _WRITE_TOOLS or step.tool in _EDIT_TOOLS:
        heading = _HEADING.search(step.content)
        return labels["wrote"].format(path=step.path) + (
            f" ({_clip(_plain(heading.group(1)), 80)})" if heading else ""
        )
    lines = [_LOG_PREFIX.sub("", ln.strip()) for ln in out[-4000:].splitlines() if ln.strip()]
    confirmations = [_clip(ln, 110) for ln in lines if _CONFIRMATION.match(ln)][:4]
    if confirmations and not _has_secret("\n".join(confirmations)):
        return "; ".join(confirmations)
    if not step.command:
        summary = _summary_line(out)
        return step.tool + (f" → {summary}" if summary else "")
    changing = [raw for raw, w in step.segments if _segment_effect(w, raw) == "change"]
    if changing and all(_PUSH.match(raw) for raw in changing):
        return ""  # a push only carries the commits already named
    targets = [t for t in _write_targets(step.command) if _is_config(t)]
    if not changing and targets:
        return labels["wrote"].format(path=targets[0])
    shown = "; ".join(changing[:3]) or _short_command(step).strip("`")
    summary = _summary_line(out)
    return f"`{_clip(shown, 120)}`" + (f" → {summary}" if summary else "")


def _is_ack(m: _Msg) -> bool:
    """A user turn that only says yes, so the work before and after it is one stretch."""
    return bool(m.sentences) and bool(
        _AGREE_START.match(_LEAD_FILLER.sub("", m.sentences[0]) or m.sentences[0])
    )


def _groups(ctx: _Ctx) -> list[list[int]]:
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


def _group_rules(ctx: _Ctx) -> None:
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


def _report_after(ctx: _Ctx, pos: int) -> _Msg | None:
    """The assistant's closing words after an action, if nothing else happened in between."""
    for m in ctx.after(pos):
        if m.step is not None and (m.step.failed or m.step.effect in ("change", "doc")):
            return None
        if m.role == "assistant" and m.prose and not m.has_calls:
            return m
    return None


def _report_rules(ctx: _Ctx) -> None:
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
        cause = _CAUSE.search(m.prose)
        numeric = _RESULT_NUM.search(m.prose)
        results = _results(m.prose) if numeric else []
        if not cause and not results:
            continue
        sources = _supporting_steps(ctx, m, results)
        if not sources and not (cause and any(p.step for p in ctx.before(m.pos))):
            continue  # numbers or a cause with no tool work behind them are talk, not an outcome
        ctx.reported.add(m.pos)
        text = _diagnosis_text(m.prose) if cause else "; ".join(results)
        ctx.add("outcome", text, {*sources, m.pos})


def _results(prose: str) -> list[str]:
    """The measured part of a report: sentences with results or ratios, and its table rows."""
    lines = prose.splitlines()
    rows = {
        _plain(" ".join(c.strip() for c in m.group(1).split("|") if c.strip()))
        for i, line in enumerate(lines)
        if (m := _TABLE_ROW.match(line)) and not (i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]))
    }  # (a row followed by a rule line is the table's header)
    return [s for s in _report_sentences(prose) if _RESULT_NUM.search(s) or s in rows]


def _report_sentences(prose: str) -> list[str]:
    """Sentences and table rows of a report, minus questions and narration."""
    out = []
    lines = prose.splitlines()
    for i, line in enumerate(lines):
        if "|" in line:
            header = i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1])
            if not _TABLE_RULE.match(line) and not header:
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                out.append(_plain(" ".join(c for c in cells if c)))
            continue
        out.extend(
            _plain(s)
            for s in _sentences(line)
            if not _is_question(s) and not _NARRATION.search(s) and not _OFFER.search(s)
        )
    return out


def _supporting_steps(ctx: _Ctx, m: _Msg, results: Sequence[str]) -> list[int]:
    """Tool results in the same stretch of work whose numbers the report repeats."""
    numbers = {n.replace(",", "") for s in results for n in _NUMBER.findall(s)}
    found: list[tuple[int, int]] = []
    for prev in ctx.before(m.pos):
        if len(found) >= 3:
            break
        if prev.step is None or prev.step.quiet or prev.step.failed:
            continue
        shared = len(numbers & {n.replace(",", "") for n in _NUMBER.findall(prev.step.output[:4000])})
        if shared >= 2 or (not numbers and prev.step.effect == "read"):
            found.append((shared, prev.pos))
    return [p for _, p in sorted(found, reverse=True)]


def _diagnosis_text(prose: str) -> str:
    """The sentence that names the cause, with the list that spells it out."""
    lines = [ln.strip() for ln in prose.splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if _CAUSE.search(ln)), 0)
    if lines[start].startswith("#") and start + 1 < len(lines):
        start += 1  # a "Root cause" heading: the cause is what follows it
    picked = [lines[start]]
    for ln in lines[start + 1 :]:
        if not _LIST_ITEM.match(ln) or _RECOMMEND.search(ln) or _OFFER.search(ln):
            break
        picked.append(ln)
    return _plain(" ".join(picked))


# =====================================================================================================
# Rules: what the user said
# =====================================================================================================


def _user_rules(ctx: _Ctx) -> None:
    """Every user turn: a correction says it all; otherwise remember requests, the reply, steps, facts."""
    for m in ctx.msgs:
        if m.role != "user" or not m.prose:
            continue
        used: set[int] = set()
        prev = None if m.pos in ctx.answered else ctx.prev_assistant(m.pos)
        if _correction(ctx, m, prev):
            continue
        _remember(ctx, m, used)
        if prev is not None:
            _reply(ctx, m, prev, used)
        _procedure_prose(ctx, m)
        _facts(ctx, m, used)
        _explicit_lines(ctx, m, decisions=not used)


def _correction(ctx: _Ctx, m: _Msg, prev: _Msg | None) -> bool:
    """The user telling the agent it got something wrong: a fact that must be kept."""
    if prev is None or not m.sentences or not (m.has(_CORRECTION) or _NO_START.match(m.prose)):
        return False
    head = _LEAD_FILLER.sub("", m.sentences[0]) or m.sentences[0]
    strong = _CORRECTION.search(head) or any(
        _CORRECTION.search(s) for s in m.sentences[1:] if not _is_question(s)
    )
    weak = _NO_START.match(head) and not _QUESTION_END.search(prev.prose)
    if not strong and not weak:
        return False
    said = [
        _CORRECTION_LEAD.sub("", s) for s in m.sentences if not _is_question(s) and not _PLEASANTRY.match(s)
    ]
    said = [s for s in said if s.strip() and not _has_secret(s)]
    if not said:
        return False
    ack = ctx.prose_after(m.pos, text_only=False)
    pos = {m.pos, ack.pos if ack is not None and _ACK.search(ack.prose) else prev.pos}
    ctx.add("fact", _plain(" ".join(said)) + ctx.labels["correction"], pos, must_keep=True)
    return True


def _remember(ctx: _Ctx, m: _Msg, used: set[int]) -> None:
    """Explicit "remember this" requests: a fact, or a procedure when the content is a sequence.

    The sentences read here are marked in ``used`` (indices into the message's sentences).
    """
    if not m.has(_REMEMBER):
        return
    offset = 0
    for para in _paragraphs(m.prose):
        sents = _sentences(para)
        base, offset = offset, offset + len(sents)
        hit = next((i for i, s in enumerate(sents) if _REMEMBER.search(s)), None)
        if hit is None:
            continue
        idx, body = _remembered(sents, hit)
        if _PROCEDURE_WORD.search(sents[hit]) and len(_SEQUENCE.findall(" ".join(body))) < 2:
            _attach_procedure(ctx, m)  # "remember this runbook": the steps are written elsewhere
            used.add(base + hit)
            return
        if not body:
            continue
        text = _LEAD_FILLER.sub("", _plain(" ".join(body)))
        kind: Kind = "procedure" if _sequence_like(text) else "fact"
        ctx.add(kind, text, {m.pos}, must_keep=True)
        used.update(base + i for i in [hit, *idx])
        return


def _remembered(sents: Sequence[str], hit: int) -> tuple[list[int], list[str]]:
    """What a remember request at ``sents[hit]`` refers to: (indices used, sentences to keep).

    "Remember that X." keeps X and what only explains it; a bare "Remember that." keeps the
    sentences before it (or, if there are none, after it).
    """
    s = sents[hit]
    if _REMEMBER_ONLY.search(s) or not _REMEMBER_HEAD.sub("", s).strip(" .,:"):
        idx = [i for i in range(hit) if not _AGREE_START.match(sents[i]) and not _PLEASANTRY.match(sents[i])]
        idx = idx or [i for i in range(hit + 1, len(sents)) if not _PLEASANTRY.match(sents[i])]
        body = [sents[i] for i in idx]
    else:
        idx = []
        for i in range(hit + 1, len(sents)):
            if not _explains(sents[i]):
                break
            idx.append(i)
        body = [_REMEMBER_HEAD.sub("", s), *(sents[i] for i in idx)]
    return idx, [b for b in body if b.strip() and not _has_secret(b) and not _REMEMBER_ONLY.search(b)]


def _sequence_like(text: str) -> bool:
    """Ordered steps: "a, then b, then c" or "a -> b -> c"."""
    return len(_SEQUENCE.findall(text)) >= 2


def _attach_procedure(ctx: _Ctx, m: _Msg) -> None:
    """A "remember this procedure" request: the steps are in the file or list that comes next (or just came)."""
    before = reversed(ctx.msgs[max(0, m.pos - 6) : m.pos])
    for other in [*ctx.after(m.pos), *before]:
        if other.step is not None and other.step.effect == "procedure_doc":
            ctx.add("procedure", _procedure_from_doc(other.step), {m.pos, other.pos}, must_keep=True)
            return
        if other.role == "assistant" and len(_numbered_steps(other.prose)) >= 2:
            ctx.add("procedure", _procedure_from_prose(other), {m.pos, other.pos}, must_keep=True)
            return


def _procedure_from_doc(step: _Step) -> str:
    """The steps written to a document, under the heading just above them."""
    first = _STEP_START.search(step.content)
    headings = _HEADING.findall(step.content[: first.start()] if first else step.content)
    head = f"{_plain(headings[-1])} ({step.path})" if headings else step.path
    return f"{head}: " + "; ".join(_numbered_steps(step.content))


def _procedure_from_prose(m: _Msg) -> str:
    header = _plain(m.blocks[0].header if m.blocks else "").rstrip(":：")
    return (f"{header}: " if header else "") + "; ".join(_numbered_steps(m.prose))


def _reply(ctx: _Ctx, m: _Msg, prev: _Msg, used: set[int]) -> None:
    """The user's answer to the assistant: agreement, rejection, deferral or a condition."""
    body = [s for i, s in enumerate(m.sentences) if i not in used] or list(m.sentences)
    first = _LEAD_FILLER.sub("", body[0]) or body[0]
    agreed = bool(_AGREE_START.match(first) or _AGREE_ANY.search(first) or _PICK_LABEL.match(first))
    deferred = [s for s in body if _DEFER.search(s)] if m.has(_DEFER) else []
    options = prev.options if prev.proposal and prev.choice else ()
    own = [s for s in body if _is_question(s)]
    if deferred and own and not _answered(ctx, m):  # the user raises a question and parks it themself
        ctx.add("open_question", f"{_plain(own[0])} — {ctx.labels['user']}{_quote(deferred, 120)}", {m.pos})
    elif deferred and (not agreed or _DEFER.search(first)) and _invites_answer(prev, deferred):
        _open_question(ctx, m, prev, deferred)
    elif prev.proposal and agreed and _CONDITIONAL.search(first):
        _open_question(ctx, m, prev, [first], options)
    elif prev.proposal and (agreed or (not _is_question(first) and _names_option(first, options))):
        _decision(ctx, m, prev, body, options)
    elif prev.recommends and _EXPLICIT_PICK.search(first) and not _is_question(first):
        _decision(ctx, m, prev, body, ())  # one recommendation, taken in so many words
    elif m.has(_REJECT_STRONG) and (strong := [s for s in body if _REJECT_STRONG.search(s)]):
        _rejection(ctx, m, prev, strong)
    elif prev.proposal and _NO_START.match(first):
        _rejection(ctx, m, prev, body[:2])
    else:
        return
    used.update(range(len(m.sentences)))


def _answered(ctx: _Ctx, m: _Msg) -> bool:
    """Whether the assistant took up what the user at ``m`` asked (more than a short acknowledgement)."""
    reply = ctx.prose_after(m.pos, text_only=False)
    return reply is not None and (len(reply.prose) > 80 or len(reply.sentences) > 1)


def _by_label(sentence: str, options: Sequence[_Option]) -> bool:
    """Whether a reply names its pick by label ("B.", "let's do A", "option 2")."""
    text = _LEAD_FILLER.sub("", sentence.strip())
    m = _PICK_LABEL.match(text) or _PICK_INLINE.search(text)
    return m is not None and any(o.label == m.group("l").lower() for o in options)


def _names_option(sentence: str, options: Sequence[_Option]) -> bool:
    """A short reply that just names one of the options ("the Ribeira flat")."""
    named = _option_named(sentence, options, first=True)
    return named is not None and len(sentence.split()) <= 12 and not _REJECT_CLAUSE.search(sentence)


def _invites_answer(prev: _Msg, deferred: Sequence[str]) -> bool:
    """A deferral counts when the agent asked or left something open, or the user defers outright."""
    tail = _paragraphs(prev.prose)[-1]
    return bool(
        _QUESTION_END.search(tail)
        or prev.recommends
        or _STILL_OPEN.search(tail)
        or any(_DEFER_STRONG.search(s) for s in deferred)
    )


def _decision(ctx: _Ctx, m: _Msg, prev: _Msg, body: Sequence[str], options: Sequence[_Option]) -> None:
    """An agreed proposal, and (once) the alternative the reply turns down."""
    chosen: list[_Option] = []
    rejected: list[str] = []
    for i, sentence in enumerate(body):
        if _REJECT_CLAUSE.search(sentence) and not _DEFER.search(sentence):
            rejected.append(sentence)
        elif _is_question(sentence) or _DEFER.search(sentence) or (chosen and _by_label(body[0], options)):
            continue  # context, a postponement, or the reply already named its pick by label
        elif (named := _option_named(sentence, options, first=i == 0)) is not None and named not in chosen:
            chosen.append(named)
    gist = "; ".join(o.text for o in chosen) if chosen else _gist(prev)
    reply = _quote([s for s in body if not _REMEMBER.search(s)], 140)
    ctx.add(
        "decision",
        f"{_clip(gist, 150)} — {ctx.labels['user']}{reply}" if reply else gist,
        {prev.pos, m.pos},
        must_keep=True,
    )
    for sentence in rejected[:1]:
        option = _option_named(sentence, prev.options, first=False)
        if option is None and chosen and len(others := [o for o in options if o not in chosen]) == 1:
            option = others[0]
        subject = f"{_clip(option.text, 120)} — " if option else ""
        ctx.add(
            "decision",
            ctx.labels["rejected"] + subject + _quote([sentence], 150),
            {prev.pos, m.pos},
            must_keep=True,
        )


def _rejection(ctx: _Ctx, m: _Msg, prev: _Msg, reason: Sequence[str]) -> None:
    """A flat no to what the assistant put forward, named by the assistant sentence it answers."""
    words = frozenset().union(*(_words(r) for r in reason))
    best = max(_report_sentences(prev.prose), key=lambda s: len(words & _words(s)), default="")
    subject = f"{_clip(best, 110)} — " if best and words & _words(best) else ""
    ctx.add(
        "decision", ctx.labels["rejected"] + subject + _quote(reason, 150), {prev.pos, m.pos}, must_keep=True
    )


def _open_question(
    ctx: _Ctx, m: _Msg, prev: _Msg, said: Sequence[str], options: Sequence[_Option] = ()
) -> None:
    """A question left open: what was asked (or offered) and the user's reason for waiting."""
    pos = {prev.pos, m.pos}
    option = _option_named(said[0], options, first=True) if options else None
    topic = option.text if option else _question_topic(prev.prose)
    asker = ctx.last_user(prev.pos)
    if option is None and asker is not None:
        asked = [s for s in ctx.msgs[asker].sentences if _is_question(s) and not _has_secret(s)]
        if asked:
            topic = f"{_plain(asked[0])} {topic}"
            pos.add(asker)
    results = _results(prev.prose) if _RESULT_NUM.search(prev.prose) else []
    if results:  # measurements that led to the question belong to it, not to a separate outcome
        pos.update(_supporting_steps(ctx, prev, results))
    ctx.reported.add(prev.pos)
    draft = ctx.add("open_question", f"{_clip(topic, 170)} — {ctx.labels['user']}{_quote(said, 120)}", pos)
    if draft is not None and options:
        ctx.conditional[m.pos] = draft


def _procedure_prose(ctx: _Ctx, m: _Msg) -> None:
    """Steps the user dictates in order ("`a`, then `b`, then `c`", "a -> b -> c")."""
    sequence, numbered = m.has(_SEQUENCE), bool(_STEP_START.search(m.prose))
    if not (sequence or numbered):
        return
    for para in _paragraphs(m.prose):
        if (m.has(_REMEMBER) and _REMEMBER.search(para)) or _is_question(para):
            continue
        ordered = sequence and _sequence_like(para) and (para.count("`") >= 4 or _PROCEDURE_WORD.search(para))
        listed = numbered and _has_steps(para) and _PROCEDURE_WORD.search(para)
        if ordered or listed:
            steps = " ".join(s for s in _sentences(para) if not _PLEASANTRY.match(s))
            ctx.add("procedure", _LEAD_FILLER.sub("", _plain(steps)), {m.pos})


def _facts(ctx: _Ctx, m: _Msg, used: set[int]) -> None:
    """Conventions, preferences, personal and environment facts stated by the user."""
    if not (m.has(_CONVENTION) or m.has(_PERSONAL) or m.has(_ENV_ID)):
        return
    sentences = m.sentences
    i = 0
    while i < len(sentences):
        s, i = sentences[i], i + 1
        if i - 1 in used or len(s) > 400 or _is_question(s) or _REMEMBER.search(s):
            continue  # (a pasted log or listing is not a statement)
        core = _strip_label(_LEAD_FILLER.sub("", s))
        if not core or _COMPLETION.search(core):
            continue
        stated = _CONVENTION.search(core) or _PERSONAL.search(core)
        env = _ENV_ID.search(core) and _STATE_VERB.search(core)
        if not (stated or env) or (_REQUEST.search(core) and not stated) or _has_secret(s):
            continue
        if i < len(sentences) and i not in used and len(core) < 120 and _continues(sentences[i]):
            core, i = f"{core} {sentences[i]}", i + 1
        ctx.add("fact", _plain(core), {m.pos})


def _strip_label(s: str) -> str:
    """``A few things: I'm vegetarian`` -> ``I'm vegetarian``."""
    head, sep, rest = s.partition(":")
    short = len(head.split()) <= 3 and "`" not in head and not any(c.isdigit() for c in head)
    return rest.strip() if sep and rest.strip() and short else s


def _continues(sentence: str) -> bool:
    """A follow-up sentence that only explains the one before it."""
    markers = (_CONVENTION, _PERSONAL, _REMEMBER, _REQUEST, _PLEASANTRY)
    return not (_is_question(sentence) or _has_secret(sentence) or any(p.search(sentence) for p in markers))


def _explains(sentence: str) -> bool:
    """A sentence that belongs to the remembered one: an explanation or a short emphasis ("No exceptions.")."""
    if _is_question(sentence) or _ENV_ID.search(sentence) or _has_secret(sentence):
        return False
    return len(sentence.split()) <= 6 or _continues(sentence)


def _explicit_lines(ctx: _Ctx, m: _Msg, decisions: bool = True) -> None:
    """``TODO: ...`` / ``Open question: ...``, "we decided ...", and "all booked!" said outright.

    ``decisions`` is off when the turn was already read as a reply (its decision is made there).
    """
    opens = m.mentions(*_OPEN_NEEDLES) and bool(_OPEN_ANY.search(m.prose))
    decided = decisions and m.mentions(*_DECIDED_NEEDLES) and bool(_DECIDED.search(m.prose))
    completed = m.role == "user" and bool(_COMPLETION.search(m.prose))
    if not (opens or decided or completed):
        return
    for line in m.prose.splitlines():
        if om := _OPEN_LINE.match(line.strip()):
            _open_line(ctx, m, om.group("text"))
        elif m.role == "user" and (done := _COMPLETION.search(line)):
            ctx.add("outcome", _plain(line[done.start() :]), {m.pos})
        elif decided and _DECIDED.search(line):
            for s in _sentences(line):
                if _DECIDED.search(s) and not _is_question(s):
                    ctx.add("decision", _plain(s), {m.pos}, must_keep=True)


def _open_line(ctx: _Ctx, m: _Msg, text: str) -> None:
    """An explicit open point joins the open question it names, or becomes one."""
    words = {w for w in _words(text) if len(w) > 3 or any(c.isdigit() for c in w)}
    names = _names(text)
    hits = [
        d
        for d in ctx.drafts
        if d.kind == "open_question" and (names & _names(d.text) or len(words & _words(d.text)) >= 2)
    ]
    for d in hits:
        d.pos.add(m.pos)
    if not hits:
        ctx.add("open_question", _plain(text), {m.pos})


def _names(text: str) -> set[str]:
    """Capitalised names in a text ("Priya", "Sintra"), without sentence-initial function words."""
    return {w for w in _NAME.findall(text) if len(w) > 2 and w.lower() not in _STOPWORDS}


def _assistant_rules(ctx: _Ctx) -> None:
    """Assistant prose: numbered how-tos, explicit open points and decisions stated outright."""
    for m in ctx.msgs:
        if m.role != "assistant" or not m.prose:
            continue
        _explicit_lines(ctx, m)
        how_to = m.blocks and _PROCEDURE_WORD.search(m.blocks[0].header) and not m.proposal
        if how_to and len(_numbered_steps(m.prose)) >= 2:
            ctx.add("procedure", _procedure_from_prose(m), {m.pos})


def _doc_procedures(ctx: _Ctx) -> None:
    """How-tos written into a document (README, runbook, CONTRIBUTING)."""
    for m in ctx.msgs:
        if m.step is not None and m.step.effect == "procedure_doc":
            ctx.add("procedure", _procedure_from_doc(m.step), {m.pos})


# =====================================================================================================
# Assembly
# =====================================================================================================


_REJECTED_PREFIXES: Final = tuple(labels["rejected"] for labels in _LABELS.values())


def _is_rejection(text: str) -> bool:
    return text.startswith(_REJECTED_PREFIXES)


def _same(a: _Draft, b: _Draft) -> bool:
    """Two drafts that say the same thing (procedures: that share most of their steps)."""
    if a.kind != b.kind or _is_rejection(a.text) != _is_rejection(b.text):
        return False
    fa, fb = _fingerprint(a.text), _fingerprint(b.text)
    if is_duplicate(fa, fb) or is_duplicate(fb, fa):
        return True
    wa, wb = _words(a.text), _words(b.text)
    return a.kind == "procedure" and bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def _merge(drafts: Sequence[_Draft]) -> list[_Draft]:
    """Fold near-duplicates of the same kind into the first one, keeping every citation."""
    merged: list[_Draft] = []
    index: dict[tuple[str, str], list[int]] = {}  # (kind, word) -> merged drafts using the word
    for d in sorted(drafts, key=lambda d: min(d.pos)):
        words = _fingerprint(d.text).words
        shared: dict[int, int] = {}
        for w in words:
            for i in index.get((d.kind, w), ()):
                shared[i] = shared.get(i, 0) + 1
        near = [
            i for i, n in shared.items() if n * 2 >= min(len(words), len(_fingerprint(merged[i].text).words))
        ]
        if d.kind == "procedure":
            near = [i for i, k in enumerate(merged) if k.kind == "procedure"]
        twin = next((merged[i] for i in sorted(near) if _same(merged[i], d)), None)
        if twin is None:
            for w in words:
                index.setdefault((d.kind, w), []).append(len(merged))
            merged.append(_Draft(d.kind, d.text, set(d.pos), d.must_keep))
        else:
            twin.pos |= d.pos
            twin.must_keep = twin.must_keep or d.must_keep
    return merged


def _bound(drafts: Sequence[_Draft], max_items: int, max_bytes: int) -> list[_Draft]:
    """Keep must-keep items first, then kinds in ``KINDS`` order, within the item and byte budget."""
    rank = {k: i for i, k in enumerate(KINDS)}
    kept: list[_Draft] = []
    size = 0
    for d in sorted(drafts, key=lambda d: (not d.must_keep, rank[d.kind], min(d.pos))):
        n = len(d.text.encode()) + 1
        if len(kept) >= max_items:
            break
        if size + n <= max_bytes or d.must_keep:
            kept.append(d)
            size += n
    return sorted(kept, key=lambda d: (rank[d.kind], min(d.pos)))


def extract_items(entries: Sequence[Entry], *, max_items: int = 30, max_bytes: int = 4096) -> list[Item]:
    """The items a flush of ``entries`` should write, in ``KINDS`` order, each citing its entries.

    Output is bounded: at most ``max_items`` items and about ``max_bytes`` of text. Must-keep items
    are chosen first and are never dropped for bytes (only the item count can cut them), then the
    other kinds in ``KINDS`` order.
    """
    msgs = _visible(entries)
    ctx = _Ctx(msgs, _language(msgs))
    _chain_rules(ctx)
    _user_rules(ctx)
    _group_rules(ctx)
    _report_rules(ctx)
    _assistant_rules(ctx)
    _doc_procedures(ctx)
    return [
        Item(
            kind=d.kind,
            text=d.text,
            entry_ids=tuple(msgs[p].id for p in sorted(d.pos)),
            must_keep=d.must_keep,
        )
        for d in _bound(_merge(ctx.drafts), max_items, max_bytes)
    ]
