"""The marker vocabulary: which words signal which dialogue act, per language (data only).

Every pattern is written in lower case. Most are ``Cue`` s (see ``cues``), so that text without any
of their needles is skipped before the regex runs. English and Japanese are covered throughout;
German, French and Spanish for the main dialogue acts (agreeing, rejecting, deferring, correcting,
remembering, conventions). ``LABELS`` holds the words memoryd itself writes, per output language.
"""

from __future__ import annotations

import re
from typing import Final

from memoryd.flush.extract.cues import make_cue, wordset

STOPWORDS: Final = wordset(
    "the a an and or of to in on at for by with is are was were be it this that as from into then also so "
    "we i you they our your my me us one ok yes no not just only all any some out up do does did can will "
    "would should could have has had let lets go get its there here what which when where how"
)


AGREE_START: Final = re.compile(
    r"^(?:yes|yeah|yep|yup|sure|ok(?:ay)?|alright|fine|agreed|great|perfect|good|nice|cool|correct|right|"
    r"sounds (?:good|great|fine)|looks (?:good|great|fine)|lgtm|go ahead|go for it|do it|ship it|please do|"
    r"let'?s (?:do|go)|go with|approved?|ja|jawohl|genau|gerne|passt|einverstanden|nimm|nehmen wir|oui|d'accord|"
    r"parfait|va pour|vale|sí|si|sim|claro|perfecto|de acuerdo|"
    r"はい|うん|ええ|了解|承知|オッケー|いいよ|いいね|いいです|大丈夫|お願い|それで|好的|可以|行|好|네|좋아)\b",
    re.I,
)


AGREE_ANY: Final = make_cue(
    r"\b(?:sounds (?:good|great|fine)|looks (?:good|great|fine)|go with|let'?s go with|let'?s do|go ahead|"
    r"for sure|is perfect|works for me|agreed|i agree|the rest sounds good|do that|please do|go for|"
    r"(?:i|we)'?ll take|let'?s (?:use|take|pick)|sounds right|it is|(?:is|are) fine|"
    r"(?:the )?(?:first|second|third|fourth|last|former|latter) (?:one|option))\b"
    r"|\b(?:klingt gut|passt|einverstanden|machen wir|nehmen wir|nimm|ich nehme|lieber|ça me va|ça marche|"
    r"d'accord|on part sur|je prends|on prend|va pour|je préfère|de acuerdo|me parece bien|vamos con|"
    r"me va (?:bien|perfecto|genial)|me quedo con|prefiero)\b"
    r"|お願いします|お願い|それで(?:進めて|いい|行こう|いこう)|進めて|にしよう|で行こう|でいこう|賛成",
    "sounds|looks|go with|go ahead|let|for sure|perfect|works for me|agree|do that|please do|go for|ll take|"
    "it is|fine| one| option|first|second|third|fourth|last|former|latter|klingt|passt|einverstanden|machen wir|"
    "nehmen wir|nimm|ich nehme|lieber|ça |d'accord|on part|je prends|on prend|va pour|je préfère|acuerdo|"
    "me parece|vamos|me va|me quedo|prefiero|お願い|それで|進めて|にしよう|で行こう|でいこう|賛成",
)


PICK_LABEL: Final = re.compile(
    r"^(?:(?:option|choice|plan|variante|vorschlag|opción|opcion|la opción|la opcion|l'option)\s+)?"
    r"(?P<l>[A-Da-d1-9])(?:[.)!,:]|\s*$|\s+(?:because|since|please|then|it is|is (?:fine|good|better)|sounds|"
    r"for sure|but|with|and|except|minus|plus|without|aber|mit|und|bitte|pero|con|y|mais|avec|et)\b)",
    re.I,
)


#: A label named inside the sentence: "let's do A", "go with option 2", "I'd take B".
PICK_INLINE: Final = re.compile(
    r"\b(?:do|go with|go for|take|pick|choose|prefer|option|plan|choice|nimm|nehme|nehmen|variante|"
    r"prends|prenons|elijo|prefiero|opción|opcion)\s+(?:option\s+)?(?P<l>[A-Da-d1-9])\b"
    r"(?![\w'-])",
    re.I,
)


#: "the second one"; in German, French and Spanish only after an article and before punctuation or an
#: option word ("die erste, aber ...", "la segunda opción"), so that "eine zweite Kopie" names nothing.
ORDINAL: Final = re.compile(
    r"\b(first|1st|second|2nd|third|3rd|fourth|4th|former|latter|last)\b(?: one| option)?"
    r"|(一つ目|1つ目|最初|前者|二つ目|2つ目|後者|三つ目|3つ目)"
    r"|\b(?:die|der|das|den|dem|le|la|l'|el|lo)\s*(erste|zweite|dritte|vierte|letzte|premi(?:er|ère)|deuxième|"
    r"seconde?|troisième|derni(?:er|ère)|primer[oa]?|segund[oa]|tercer[oa]?|últim[oa])[nrs]?"
    r"(?=\s*(?:[,.;:!]|$|(?:variante|option|möglichkeit|vorschlag|opción|opcion|solution|aber|und|bitte|mais|"
    r"et|pero|y|por favor)\b))",
    re.I,
)


ORDINALS: Final = {
    "first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
    "former": 0, "latter": -1, "last": -1, "一つ目": 0, "1つ目": 0, "最初": 0, "前者": 0,
    "二つ目": 1, "2つ目": 1, "後者": -1, "三つ目": 2, "3つ目": 2,
    "erste": 0, "zweite": 1, "dritte": 2, "vierte": 3, "letzte": -1,
    "premier": 0, "première": 0, "deuxième": 1, "seconde": 1, "troisième": 2, "dernier": -1,
    "dernière": -1, "primer": 0, "primero": 0, "primera": 0, "segundo": 1, "segunda": 1, "tercer": 2,
    "tercero": 2, "tercera": 2, "último": -1, "última": -1,
}  # fmt: skip


REJECT_CLAUSE: Final = re.compile(
    r"\b(?:drop|remove|skip|exclude|without|no-go|reject(?:ed)?|wrong|not an option|instead of|rather than|"
    r"get rid of|(?:don'?t|do not) want|no \w+(?: \w+)? at all|strike|scrap|(?:has|have|must) to go(?=\s*(?:[,.;!]|$|completely|entirely|away))|must go(?=\s*(?:[,.;!]|$))|"
    r"hard no|no way|"
    r"not signing|won'?t sign|not accepting|won'?t accept|kommt nicht in frage|auf keinen fall|streich\w*|ohne|"
    r"hors de question|pas question|sans|ni hablar|de ninguna manera|sin|quita\w*)\b"
    r"|^(?:and |but |also )?no (?!problem|worries|"
    r"idea|need|rush|way|thanks)\w+|^(?:and |but )?not (?!sure|yet|now|really)\w+|いらない|要らない|不要|やめ|却下|"
    r"なしで|抜きで|外して|除外|ダメ|だめ",
    re.I,
)


REJECT_STRONG: Final = make_cue(
    r"\b(?:no-go|not an option|out of the question|ruled out|is out|can'?t use|cannot use|won'?t use|"
    r"not allowed|forbidden|reject(?:ed)?|veto(?:ed)?|deal-?breaker|hard no|"
    r"kommt nicht in frage|auf keinen fall|hors de question|pas question|ni hablar|de ninguna manera)\b|却下|使えない",
    "no-go|not an option|out of the question|ruled out|is out|use|not allowed|forbidden|reject|veto|"
    "breaker|hard no|in frage|keinen fall|de question|pas question|ni hablar|ninguna manera|却下|使えない",
)


NO_START: Final = re.compile(r"^(?:no|nope|nah|nein|non|いいえ|いや)\b[,.!\s]", re.I)


DEFER: Final = make_cue(
    r"\b(?:i'?ll (?:ask|check|find out|look into|think|talk|get back|decide|confirm)|let me (?:ask|check with|"
    r"talk to|think)|(?:need|have) to (?:check|ask|confirm|talk)|not sure|no idea|don'?t know yet|not yet|"
    r"later|tomorrow|next week|for now|not now|park(?:ed)?\b(?: it| that| this)?|on hold|hold off|"
    r"wait(?:ing)? (?:for|on)|tbd|undecided|no decision|haven'?t decided|not decided|postpone|defer(?:red)?|"
    r"leave it (?:out|for now)|anything yet|get back to you|can wait)\b"
    r"|\b(?:später|morgen|nächste woche|frage? ich|kläre ich|weiß (?:ich )?(?:es )?noch nicht|erstmal nicht|"
    r"plus tard|demain|je (?:vais|dois) (?:demander|vérifier)|je ne sais pas encore|pas maintenant|"
    r"je demande|je verrai|más tarde|mañana|no sé todavía|lo consulto|preguntaré|(?:se )?lo pregunto|"
    r"lo hablo|por ahora no)\b"
    r"|後で|あとで|明日|来週|今度|保留|未定|検討(?:する|します)|聞いて(?:みる|おく)|聞く|調べる|まだ決め|一旦|いったん|とりあえず",
    "ll |let me|need to|have to|not sure|no idea|know yet|not yet|later|tomorrow|next week|for now|not now|park|"
    "on hold|hold off|wait|tbd|undecided|decision|decided|postpone|defer|leave it|anything yet|get back|später|"
    "morgen|woche|frag|kläre|noch nicht|erstmal|plus tard|demain|demander|vérifier|sais pas|pas maintenant|"
    "je demande|je verrai|más tarde|mañana|sé todavía|consulto|preguntaré|pregunto|lo hablo|por ahora|後で|あとで|"
    "明日|来週|今度|保留|未定|検討|聞いて|聞く|調べる|まだ決め|一旦|いったん|とりあえず",
)


DEFER_STRONG: Final = re.compile(
    r"\b(?:i'?ll|let me|need to|have to|later|tomorrow|next week|park|for now|on hold|später|morgen|frage? ich|"
    r"kläre ich|plus tard|demain|je vais|je demande|más tarde|mañana|consulto|preguntaré|(?:se )?lo pregunto)\b"
    r"|後で|あとで|明日|調べる|保留",
    re.I,
)


#: The user parks a question with someone or something: "I'll ask Priya", "das kläre ich mit Jana".
OWN_DEFER: Final = re.compile(
    r"\b(?:i'?ll|i will|let me|i need to|i have to|i'?m going to)\s+(?:ask|check|find out|talk|confirm|clarify|"
    r"run it past)\b|\b(?:kläre ich|frage ich|ich frage|je demande|je vais demander|preguntaré|(?:se )?lo pregunto|"
    r"lo consulto|lo hablo)\b|聞いて(?:みる|おく)|確認しておく",
    re.I,
)


#: A plan that asks about each of its points.
EACH: Final = re.compile(
    r"\b(?:each|every (?:point|item|one)|point by point|one by one|jede[nrs]?|einzeln|chaque|cada)\b|それぞれ",
    re.I,
)


#: An option named by its label at the start of a sentence: "B would push us past ...", "and C just ...".
NAMED_LABEL: Final = re.compile(
    r"^(?i:and |but |also |und |y |et )?(?i:option |plan |variante )?(?P<l>[A-D1-9])\s+"
    r"(?i:would|just|is|was|has|means|seems|sounds|will|could|might|only|also|needs|takes|costs|breaks|hides|"
    r"adds|makes|feels|looks|wäre|ist|würde|sería|es|serait|est)\b"
)


STILL_OPEN: Final = re.compile(
    r"\b(?:not yet|unknown|unclear|still open|open point|don'?t know)\b|まだ|不明", re.I
)


CONDITIONAL: Final = re.compile(
    r"\b(?:only if|but only|as long as|provided (?:that )?|if they (?:can|confirm)|depends on|unless)\b"
    r"|なら|であれば|場合のみ|次第",
    re.I,
)


CORRECTION: Final = make_cue(
    r"^(?:wait|hold on|no wait|that'?s (?:wrong|not right|incorrect|not true|not it)|wrong|incorrect|not quite|"
    r"違う|ちがう|違います|そうじゃな|間違)\b|\b(?:that'?s (?:wrong|not right|incorrect)|you'?re wrong|not true|"
    r"we (?:dropped|stopped using|no longer use)|don'?t reintroduce|that'?s not what i|you got it wrong)\b|"
    r"^actually,?\s[^.?!]*\bnot\b|\b(?:isn'?t|is not|wasn'?t|aren'?t|doesn'?t)\b[^.?!]{0,60}\b(?:like|as) "
    r"(?:you|your)\b|\bcorrection\b|\b(?:we|they) (?:moved|switched|migrated) (?:to|away from|off)\b|"
    r"\b(?:das ist falsch|stimmt nicht|nicht richtig|du hast dich geirrt|c'est faux|ce n'est pas ça|"
    r"ce n'est pas correct|tu te trompes|eso (?:está mal|no es así)|estaba mal|no es correcto|te equivocas)\b"
    r"|^(?:falsch|faux|incorrecto)\b",
    "wait|hold on|wrong|not right|incorrect|not true|not it|not quite|dropped|stopped using|no longer use|"
    "reintroduce|not what i|actually|like you|as you|correction|we moved|they moved|we switched|they switched|"
    "we migrated|they migrated|falsch|stimmt nicht|nicht richtig|geirrt|faux|pas ça|pas correct|trompes|"
    "está mal|estaba mal|no es así|correcto|incorrecto|equivocas|"
    "違|ちがう|そうじゃな|間違",
)


CORRECTION_LEAD: Final = re.compile(r"^(?:wait|hold on|no|nope|違う|ちがう|違います|いや)[,、。!\s]*", re.I)


ACK: Final = re.compile(
    r"^(?:you'?re right|sorry|good catch|my (?:bad|mistake)|apologies|失礼しました|すみません|ご指摘|申し訳)",
    re.I,
)


REMEMBER: Final = make_cue(
    r"\b(?:remember|keep in mind|don'?t forget|do not forget|for the record|make a note|take note|memori[sz]e|"
    r"note (?:this|that) down|write (?:this|that) down|for (?:future reference|the future)|merk dir|denk dran|"
    r"vergiss nicht|"
    r"retiens|souviens-toi|n'oublie pas|recuerda|no olvides|acuérdate)\b|覚えて|覚えと|記憶して|メモして|"
    r"忘れないで|記録して",
    "remember|keep in mind|forget|record|note|memori|write|future|merk dir|denk dran|vergiss|"
    "retiens|souviens|oublie|recuerda|olvides|acuérdate|覚え|記憶|メモ|忘れ|記録",
)


REMEMBER_HEAD: Final = re.compile(
    r"^(?:(?:and|also|oh|btw|please|pls|so|und|et|y)[,\s]+)*(?:please\s+)?(?:remember|keep in mind|don'?t forget|"
    r"do not forget|for the record|for the future|note|merk dir|denk dran|vergiss nicht|retiens|souviens-toi|"
    r"n'oublie pas|"
    r"recuerda|no olvides|acuérdate)\b(?:\s+(?:this|that|das|ça|esto))?(?:\s+for the future)?\s*[:,]?\s*"
    r"(?:that\s+|dass\s+|que\s+)?",
    re.I,
)


#: "I won't remember this": the word without the request.
NOT_REMEMBER: Final = re.compile(
    r"\b(?:won'?t|will not|can'?t|cannot|don'?t|do not|didn'?t|never|not)\s+(?:\w+\s+)?remember\b", re.I
)


REMEMBER_ONLY: Final = re.compile(
    r"^(?:(?:please|and|also|oh|so)[,\s]+)*(?:remember|keep in mind|note|memori[sz]e)\s+(?:this|that|it)\b"
    r"(?:\s+for the future)?\s*(?:[,.!;]|$)|^(?:この|その)?.{0,30}(?:覚えて|覚えと|メモして|記録して)",
    re.I,
)


PROCEDURE_WORD: Final = re.compile(
    r"\b(?:steps?|order|procedure|runbook|recipe|routine|process|checklist|how to|rollout|playbook|workflow|"
    r"what to do|how (?:do|can|should) (?:i|we)|anleitung|schritte|wie (?:ich|man)|étapes|marche à suivre|"
    r"comment (?:faire|je|on)|pasos|instrucciones|cómo)\b|^to [a-z]+|手順|順番|順序|方法|ランブック",
    re.I,
)


SEQUENCE: Final = make_cue(
    r"\bthen\b|\bafter that\b|\bfinally\b|->|→|=>|次に|その後|それから",
    "then|after that|finally|->|→|=>|次に|その後|それから",
    0,
)


CONVENTION: Final = make_cue(
    r"\b(?:always|never|must(?:n'?t| not)?|hard rule|no exceptions|convention|policy|only ever|"
    r"(?:we|i) (?:use|don'?t use|dropped|prefer)|(?:don'?t|do not) (?:ever )?use|owns|owner of|"
    r"is responsible for|in charge of|maintainer|owned by|on-call|i prefer|i'?d prefer|i like|i love|i hate|"
    r"i don'?t like|"
    r"favou?rite|allergic|vegetarian|vegan|pescatarian|coeliac|celiac|gluten-free|lactose|halal|kosher|"
    r"can'?t stand|cannot stand|(?:doesn'?t|don'?t|does not|do not|never) eats?|on purpose|keep it that way|"
    r"under no circumstances|no matter what|from now on|"
    r"immer|niemals|nie|ab sofort|ab jetzt|toujours|jamais|désormais|siempre|nunca|de ahora en adelante|"
    r"no soporto|odio|vegetari(?:sch|en|ano))\b"
    r"|必ず|常に|いつも|絶対に?|禁止|してはいけない|しないこと|ルール|担当|好き|嫌い|苦手|アレルギー",
    "always|never|must|hard rule|exception|convention|policy|only ever|use|dropped|prefer|owns|owner|"
    "owned|on-call|responsible|in charge|maintainer|like|love|hate|favo|allergic|vegetarian|vegan|"
    "pescatarian|coeliac|celiac|gluten|lactose|halal|kosher|t stand|not stand|n't eat|not eat|never eat|purpose|"
    "that way|circumstances|"
    "no matter|from now on|immer|nie|ab sofort|ab jetzt|toujours|jamais|désormais|siempre|nunca|adelante|"
    "soporto|odio|vegetari|"
    "必ず|常に|いつも|絶対|禁止|いけない|しないこと|ルール|担当|好き|嫌い|苦手|アレルギー",
)


#: A standing rule the user sets, kept like a "remember" request ("never ...", "from now on ...").
HARD_RULE: Final = re.compile(
    r"\b(?:never|must(?:n'?t| not)?|under no circumstances|hard rule|no exceptions|from now on|only ever|"
    r"niemals|ab sofort|jamais|désormais|nunca|de ahora en adelante)\b|必ず|絶対|禁止",
    re.I,
)


PERSONAL: Final = make_cue(
    r"'s birthday|\bbirthday is\b|\banniversary\b|\bexpires?\b|\bmy (?:\w+ )?(?:number|address|email) is\b"
    r"|\bour (?:daughter|son|kids?|children)\b"
    r"|\bwe(?:'re| are) (?:\d|a (?:family|household|couple|team) of)|\bfamily of \d|\bhousehold of\b"
    r"|誕生日|期限",
    "birthday|anniversary|expire|my |our daughter|our son|our kid|our children|we're|we are|family of|"
    "household of|誕生日|期限",
)


ENV_ID: Final = make_cue(
    r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:internal|local|lan|corp|intra|com|net|org|io|dev|cloud|app|"
    r"jp|de|uk|eu|fr)\b|\b[\w.-]+@[\w-]+(?:\.[\w-]+)*\b|\bport\s+\d{2,5}\b|\b[A-Za-z][\w.-]*:\d{2,5}\b|"
    r"\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[A-Z][A-Za-z+#]*\s+v?\d+(?:\.\d+)+\b|"
    r"\b(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][a-z]+(?:SQL)?\s+\d{1,3}\b(?![:/.]\d)|"
    r"\b[A-Z]{2,3}\s?\d{2,5}\b",
    "0|1|2|3|4|5|6|7|8|9|@|.internal|.local|.lan|.corp|.intra|.com|.net|.org|.io|.dev|.cloud|.app|.jp|"
    ".de|.uk|.eu|.fr",
    0,
)


STATE_VERB: Final = re.compile(
    r"\b(?:is|are|was|were|runs?|running|uses?|lives?|sits?|listens?|hosted|located|booked|has|have|holds?|"
    r"points? to|ist|sind|läuft|liegt|est|sont|es|son|está|están)\b"
    r"|\bat\s+(?=\d{1,3}(?:\.\d{1,3}){3}\b)|は|で入れる|にある|で動いて|を使って|済み|です|でした",
    re.I,
)


REQUEST: Final = re.compile(
    r"^(?:(?:and|also|oh|so|now|then)\s+)*(?:can|could|would|will) you\b|^(?:please|pls|let'?s|need|i need|"
    r"we need|i want|we want|want|set up|add|make|create|fix|find|check|compare|run|do|write|put|go|look)\b|"
    r"してくれる|してください|して下さい|お願い|見て|やって|しておいて|流して",
    re.I,
)


COMPLETION: Final = make_cue(
    r"\b(?:all (?:booked|done|set|paid|sent)|(?:i|we)(?:'ve| have)? (?:just )?(?:booked|paid|sent|deployed|"
    r"merged|ordered|finished|submitted|signed)|it'?s done|done!)|予約した|予約しました|完了しました|済ませた",
    "booked|done|set|paid|sent|deployed|merged|ordered|finished|submitted|signed|予約|完了|済ませ",
)


OPEN_LINE: Final = re.compile(
    r"^(?:[-*+•]\s+)?(?:\*\*)?(?:open(?: question| point| issue)?s?|still open|todo|to-do|unresolved|"
    r"未解決|未決)(?:\*\*)?\s*[:：]\s*(?P<text>\S.*)$",
    re.I,
)


OPEN_ANY: Final = re.compile(
    r"^[-*+•\s]*(?:\*\*)?(?:open|todo|to-do|still open|unresolved|未解決|未決)", re.I | re.M
)


OPEN_NEEDLES: Final = ("open", "todo", "to-do", "unresolved", "未解決", "未決")


DECIDED_NEEDLES: Final = ("decid", "agreed", "going with", "go with", "決", "ことに")


#: Choosing in so many words: "go with Caddy", "let's use Postgres".
EXPLICIT_PICK: Final = re.compile(
    r"\b(?:go(?:ing)? with|let'?s (?:use|take|pick|go for)|(?:we|i)'?ll (?:use|take|go with|go for)|go for)\b"
    r"|\b(?:nehmen wir|on part sur|vamos con)\b|にしよう|で行こう|でいこう",
    re.I,
)


DECIDED: Final = re.compile(
    r"\b(?:we(?:'ve| have)? decided|we agreed|we'?ll go with|we are going with|we'?re going with|let'?s go with|"
    r"decision\s*:|decided\s*:)|に決定|に決めた|ことにした|ことにします",
    re.I,
)


OR_QUESTION: Final = make_cue(r"\b\w[\w.+-]*\s+or\s+\w[\w.+-]*(?:\s+\w+){0,3}\s*[?？]", " or ")


CHOICE_WORD: Final = make_cue(
    r"\b(?:options?|alternatives?|choices?|ways? (?:to|out)|either|versus|vs\.?|vorschläge|varianten|"
    r"möglichkeiten|optionen|opciones|alternativas|maneras|formas|façons|possibilités|solutions)\b"
    r"|選択肢|候補|どちら|どれ",
    "option|alternative|choice|way|either|versus|vs|vorschläge|varianten|möglichkeiten|opciones|alternativas|"
    "maneras|formas|façons|possibilités|solutions|選択肢|候補|どちら|どれ",
)


PICK_PHRASE: Final = make_cue(
    r"\b(?:which (?:one|do you|would you)|my picks?|i'?d (?:take|pick|go with|choose)|welche (?:variante|option|"
    r"möglichkeit|davon|nimmst|willst|soll)|cuál (?:prefieres|te|quieres)|lequel|laquelle|quelle option)\b"
    r"|どちらが|どれが",
    "which|my pick|d take|d pick|d go with|d choose|welche|cuál|lequel|laquelle|quelle option|どちらが|どれが",
)


RECOMMEND: Final = make_cue(
    r"\b(?:i'?d (?:go with|take|pick|recommend|suggest|choose|use)|i recommend|i suggest|my (?:pick|picks|"
    r"recommendation|suggestion|vote)|recommendation|i propose|proposal|plan for|the plan|would fit best|"
    r"best option|ich würde|ich empfehle|mein vorschlag|je recommande|je propose|je suggère|recomiendo|"
    r"sugiero|propongo)\b|おすすめ|推奨|提案|対応案|案:|案：",
    "i'd|id |recommend|suggest|my pick|my vote|propos|plan|best|ich würde|empfehle|vorschlag|recommande|"
    "suggère|recomiendo|sugiero|propongo|おすすめ|推奨|提案|案",
)


OFFER: Final = make_cue(
    r"\b(?:want me to|should i|shall i|do you want me to|would you like me to|can i|may i|soll ich|"
    r"veux-tu que|voulez-vous que|quieres que)\b|しますか|しておきますか|いいですか",
    "want me|should i|shall i|would you like|can i|may i|soll ich|veux-tu|voulez-vous|quieres que|しますか|"
    "しておきますか|いいですか",
)


RESULT_NUM: Final = make_cue(r"(?<![\d/])\d+/\d+(?![\d/])|\b\d+(?:\.\d+)?\s?%|\bresults?\b", "/|%|result")


CAUSE: Final = make_cue(
    r"\b(?:root cause|the cause|caused by|found it|the (?:problem|issue|culprit) (?:is|was)|die ursache|"
    r"la cause|le problème|la causa|el problema es)\b|原因",
    "cause|found it|problem|issue|culprit|ursache|problème|causa|problema|原因",
)


EXPLAIN: Final = re.compile(
    r"\b(?:because|since|so|but|root cause|caused by|due to|fix(?:ed|ing)?|found it|the (?:problem|issue)|"
    r"instead|so that|which means)\b|ので|ため|原因|修正|から|なので|せい",
    re.I,
)


NARRATION: Final = make_cue(
    r"^(?:let's|now,? |next,? |checking|looking|watching|writing|running|trying|first,? |ok(?:ay)?,? (?:let|now))"
    r"|\b(?:let me|i'll|i will|i'm going to)\b|(?:見ます|確認します|調べます|してみます)[。.]?$",
    "let|now|next|checking|looking|watching|writing|running|trying|first|ok|i'll|i will|i'm going|見ます|確認します|"
    "調べます|してみます",
)


SUCCESS: Final = re.compile(
    r"\b(?:pass(?:es|ed|ing)?|green|works|worked|succeeded|success(?:ful(?:ly)?)?|done|applied|fixed|resolved|"
    r"ok|all set|complete[d]?|deployed|merged|restored|recovered|up again)\b|復旧|完了|成功|できました|しました|済み",
    re.I,
)


PLEASANTRY: Final = re.compile(
    r"^(?:thanks?(?: you)?|thx|ty|cheers|lol|haha+|hm+|ok(?:ay)?|cool|nice|great|fair|good|wow|sure|"
    r"understood|noted|got it|will do|了解\w*|承知\w*|わかりました|分かりました|ありがと\w*|どうも|お疲れ\w*|"
    r"助かった\w*)[\s!.,。、〜~ー😘☕👍]*$",
    re.I,
)


#: A closing line ("thanks, that's it for now") is not a deferral.
SIGN_OFF: Final = re.compile(
    r"^(?:(?:ok(?:ay)?|thanks?|thank you|cheers|great|perfect)\b[,!.\s]*)*(?:that'?s (?:it|all)|nothing else|"
    r"c'est tout|das wär'?s|eso es todo)\b",
    re.I,
)


#: An alternative judged badly: "C just hides the problem", "too much risk".
NEGATIVE: Final = re.compile(
    r"\b(?:problems?|hides?|risk(?:y)?|worse|breaks?|bad|not worth|too (?:much|many|slow|expensive|risky|complex|"
    r"complicated|late)|papers? over|overkill|nightmare|zu (?:teuer|langsam|riskant|kompliziert)|schlecht|"
    r"riesgo|demasiado|peor|trop (?:cher|lent|risqué)|pire)\b",
    re.I,
)


LEAD_FILLER: Final = re.compile(
    r"^(?:(?:and|also|oh|btw|so|but|hey|hmm*|hm|ok(?:ay)?|well|note|fyi|a few things|one more thing)\b[,:!.]?\s*)+",
    re.I,
)


LABELS: Final = {
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
    "de": {
        "rejected": "Abgelehnt: ",
        "user": "Nutzer: ",
        "correction": " (Korrektur des Nutzers)",
        "failed": "{cmd} schlug fehl: {err}",
        "fixed": "; Lösung: {fix}",
        "still": "Schlägt weiter fehl: {cmd}: {err}",
        "wrote": "{path} geschrieben",
        "committed": 'Commit {hash} "{msg}" auf {branch}',
        "committed_msg": 'Commit "{msg}"',
        "pr": "PR #{n} eröffnet ({url})",
    },
    "es": {
        "rejected": "Rechazado: ",
        "user": "usuario: ",
        "correction": " (corrección del usuario)",
        "failed": "{cmd} falló: {err}",
        "fixed": "; solución: {fix}",
        "still": "Sigue fallando: {cmd}: {err}",
        "wrote": "escrito {path}",
        "committed": 'commit {hash} "{msg}" en {branch}',
        "committed_msg": 'commit "{msg}"',
        "pr": "PR #{n} abierto ({url})",
    },
    "fr": {
        "rejected": "Rejeté : ",
        "user": "utilisateur : ",
        "correction": " (correction de l'utilisateur)",
        "failed": "{cmd} a échoué : {err}",
        "fixed": " ; correctif : {fix}",
        "still": "Échoue toujours : {cmd} : {err}",
        "wrote": "{path} écrit",
        "committed": 'commit {hash} "{msg}" sur {branch}',
        "committed_msg": 'commit "{msg}"',
        "pr": "PR #{n} ouverte ({url})",
    },
}


#: Common function words, to tell the languages written in Latin script apart.
FUNCTION_WORDS: Final = {
    "en": wordset("the and is are to of it that for you with we this not have please can"),
    "de": wordset("der die das und ist nicht ich wir mit für auch bitte ein eine den noch schon"),
    "es": wordset("el la los las que y es por para una con pero del lo se está mi"),
    "fr": wordset("le la les et est pas pour une avec je que des nous vous du ce il"),
}
