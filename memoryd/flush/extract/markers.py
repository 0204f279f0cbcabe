"""Marker patterns the fact, tool and procedure rules still use (data only).

The dialogue acts read structure and the closed word classes of ``lexicon``; what is left here
are the patterns for tool reports (causes, results, success words, narration), "remember" and
correction cues, conventions and environment facts. Every pattern is written in lower case; most
are ``Cue`` s (see ``cues``), so text without any of their needles is skipped before the regex
runs. ``LABELS`` holds the words memoryd itself writes, per output language.
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
    r"parfait|va pour|vale|sí|si|sim|claro|perfecto|de acuerdo|sì|certo|va bene|perfetto|esatto|vada per|"
    r"はい|うん|ええ|了解|承知|オッケー|いいよ|いいね|いいです|大丈夫|お願い|それで|好的|可以|行|好|네|좋아)\b",
    re.I,
)


NO_START: Final = re.compile(r"^(?:no|nope|nah|nein|non|いいえ|いや)\b[,.!\s]", re.I)


CORRECTION: Final = make_cue(
    r"^(?:wait|hold on|no wait|that'?s (?:wrong|not right|incorrect|not true|not it)|wrong|incorrect|not quite|"
    r"違う|ちがう|違います|そうじゃな|間違)\b|\b(?:that'?s (?:wrong|not right|incorrect)|you'?re wrong|not true|"
    r"we (?:dropped|stopped using|no longer use)|don'?t reintroduce|that'?s not what i|you got it wrong)\b|"
    r"^actually,?\s[^.?!]*\bnot\b|\b(?:isn'?t|is not|wasn'?t|aren'?t|doesn'?t)\b[^.?!]{0,60}\b(?:like|as) "
    r"(?:you|your)\b|\bcorrection\b|\b(?:we|they) (?:moved|switched|migrated) (?:to|away from|off)\b|"
    r"\b(?:das ist falsch|stimmt nicht|nicht richtig|du hast dich geirrt|c'est faux|ce n'est pas ça|"
    r"ce n'est pas correct|tu te trompes|eso (?:está mal|no es así)|estaba mal|no es correcto|te equivocas|"
    r"è sbagliato|non è giusto|non è corretto|ti sbagli|hai sbagliato|correzione)\b"
    r"|^(?:falsch|faux|incorrecto|sbagliato)\b",
    "wait|hold on|wrong|not right|incorrect|not true|not it|not quite|dropped|stopped using|no longer use|"
    "reintroduce|not what i|actually|like you|as you|correction|we moved|they moved|we switched|they switched|"
    "we migrated|they migrated|falsch|stimmt nicht|nicht richtig|geirrt|faux|pas ça|pas correct|trompes|"
    "está mal|estaba mal|no es así|correcto|incorrecto|equivocas|sbagli|non è giusto|non è corretto|correzione|"
    "違|ちがう|そうじゃな|間違",
)


CORRECTION_LEAD: Final = re.compile(
    r"^(?:wait|hold on|no|nope|nein|non|違う|ちがう|違います|いや)(?![\w'])[,、。!\s]*", re.I
)


ACK: Final = re.compile(
    r"^(?:you'?re right|sorry|good catch|my (?:bad|mistake)|apologies|失礼しました|すみません|ご指摘|申し訳)",
    re.I,
)


#: "Before I forget", "damit ich's nicht vergesse", "que no se me olvide", "pour ne pas oublier", "prima che me
#: ne dimentichi": the speaker asks to keep what follows, in other words.
_LEST_I_FORGET: Final = (
    r"before i forget|so i don'?t forget|lest i forget|in case i forget|bevor ich'?s vergesse|"
    r"bevor ich es vergesse|damit ich'?s nicht vergesse|damit ich es nicht vergesse|que no se me olvide|"
    r"antes de que se me olvide|para que no se me olvide|avant que j'oublie|pour ne pas oublier|pour pas oublier|"
    r"prima che me ne dimentichi|prima che mi dimentichi|per non dimenticare|per non dimenticarlo"
)


#: The request with its object between the words: "keep that in mind", "hold on to this one", "behalt das im
#: Kopf", "tenlo en cuenta", "garde ça en tête", "tienilo a mente".
_KEEP_IT: Final = (
    r"(?<!i'll )(?<!i’ll )(?<!i will )(?<!we'll )(?<!i )(?<!we )(?<!to )"  # (not "I'll keep that in mind")
    r"(?:keep|bear) (?:this|that|it|these|those) in mind|(?:(?<=please )|(?<=^)|(?<=[,:;.!] ))(?:hold|hang) on to (?:this|that)\b(?: one)?|"
    r"behalte? (?:das|es|dies) im kopf|ten(?:lo|la|ed?lo) (?:en cuenta|presente)|"
    r"gardez? (?:ça|cela|le|la) (?:en tête|en mémoire)|tienil[oa] (?:a mente|presente)|tienitelo a mente"
)


REMEMBER: Final = make_cue(
    r"\b(?:remember|keep in mind|don'?t forget|do not forget|for the record|make a note|take note|memori[sz]e|"
    r"note (?:this|that) down|write (?:this|that) down|for (?:future reference|the future)|merk dir|denk dran|"
    r"vergiss nicht|fürs protokoll|zur erinnerung|para que conste|"
    r"retiens|souviens-toi|n'oublie pas|pour mémoire|pour rappel|recuerda|no olvides|acuérdate|ricorda|ricordati|"
    r"non dimenticare|tieni a mente|tieni presente|prendi nota|per la cronaca|"
    + _KEEP_IT
    + r"|"
    + _LEST_I_FORGET
    + r")\b|覚えて|覚えと|記憶して|メモして|"
    r"忘れないで|記録して",
    "remember|keep in mind|forget|record|note|memori|write|future|merk dir|denk dran|vergiss|protokoll|"
    "erinnerung|conste|retiens|souviens|oublie|mémoire|rappel|recuerda|olvides|acuérdate|ricorda|dimenticare|"
    "tieni a mente|tieni presente|prendi nota|cronaca|vergesse|se me olvide|dimentichi|dimenticar|"
    "in mind|hold on to|hang on to|im kopf|tenlo|tenedlo|en tête|en mémoire|tienilo|tienitelo|"
    "覚え|記憶|メモ|忘れ|記録",
)


REMEMBER_HEAD: Final = re.compile(
    r"^(?:(?:and|also|oh|btw|please|pls|so|und|et|y|e)[,\s]+)*(?:please\s+)?(?:remember|keep in mind|don'?t forget|"
    r"do not forget|for the record|for the future|note|merk dir|denk dran|vergiss nicht|fürs protokoll|"
    r"zur erinnerung|para que conste|retiens|souviens-toi|n'oublie pas|pour mémoire|pour rappel|"
    r"recuerda|no olvides|acuérdate|ricorda|ricordati|non dimenticare|tieni a mente|tieni presente|prendi nota|"
    + _LEST_I_FORGET
    + r")\b"
    r"(?:\s+(?:well|gut|bien|bene))?(?:\s+(?:this|that|das|ça|esto|questo))?(?:\s+for the future)?\s*[:,]?\s*"
    r"(?:that\s+|dass\s+|que\s+|che\s+)?",
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
    r"(?:we|i) (?:use|don'?t use|prefer)|(?:don'?t|do not) (?:ever )?use|owns|owner of|is responsible for|"
    r"in charge of|maintainer|owned by|i prefer|i'?d prefer|i like|i love|i hate|i don'?t like|favou?rite|"
    r"allergic|can'?t stand|cannot stand|from now on|"
    r"immer|niemals|nie|ab sofort|ab jetzt|toujours|jamais|désormais|siempre|nunca|de ahora en adelante|"
    r"sempre|mai più|d'ora in poi)\b"
    r"|必ず|常に|いつも|絶対に?|禁止|してはいけない|しないこと|ルール|担当|好き|嫌い|苦手|アレルギー",
    "always|never|must|hard rule|exception|convention|policy|only ever|use|prefer|owns|owner|owned|"
    "responsible|in charge|maintainer|like|love|hate|favo|allergic|t stand|not stand|from now on|immer|nie|"
    "ab sofort|ab jetzt|toujours|jamais|désormais|siempre|nunca|adelante|sempre|mai più|d'ora in poi|"
    "必ず|常に|いつも|絶対|禁止|いけない|しないこと|ルール|担当|好き|嫌い|苦手|アレルギー",
)


#: A standing rule the user sets, kept like a "remember" request ("never ...", "from now on ...").
HARD_RULE: Final = re.compile(
    r"\b(?:never|must(?:n'?t| not)?|under no circumstances|hard rule|no exceptions|from now on|only ever|"
    r"niemals|ab sofort|jamais|désormais|nunca|de ahora en adelante|mai più|d'ora in poi|in nessun caso)\b|"
    r"必ず|絶対|禁止",
    re.I,
)


PERSONAL: Final = make_cue(
    r"'s birthday|\bbirthday is\b|\banniversary\b|\bexpires?\b|\bmy (?:\w+ )?(?:number|address|email) is\b"
    r"|\bour (?:daughter|son|kids?|children)\b"
    r"|\bwe(?:'re| are) (?:\d|a (?:family|household|couple|team) of)|\bfamily of \d|\bhousehold of\b"
    r"|\b(?:vegetarian|vegan|coeliac|celiac|pescatarian|lactose[- ]intolerant|vegetarier(?:in)?|veganer(?:in)?|"
    r"zöliakie|laktoseintolerant|vegetarian[oa]|vegan[oa]|cel[ií]ac[oa]|intolerante a la lactosa|"
    r"végétarien(?:ne)?|végane|cœliaque|coeliaque|intolérant(?:e)? au lactose|intollerante al lattosio)\b"
    r"|誕生日|期限",
    "birthday|anniversary|expire|my |our daughter|our son|our kid|our children|we're|we are|family of|"
    "household of|vegeta|vegan|coeliac|celiac|pescatarian|lactos|zöliakie|laktose|celíac|celiac|végéta|végane|"
    "cœliaque|coeliaque|lattosio|誕生日|期限",
)


ENV_ID: Final = make_cue(
    r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:internal|local|lan|corp|intra|com|net|org|io|dev|cloud|app|"
    r"jp|de|uk|eu|fr)\b|\b[\w.-]+@[\w-]+(?:\.[\w-]+)*\b|\bport\s+\d{2,5}\b|\b[A-Za-z][\w.-]*:\d{2,5}\b|"
    r"\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[A-Z][A-Za-z+#]*\s+v?\d+(?:\.\d+)+\b|"
    r"\b(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-ZÄÖÜÉ][a-zäöüßéèáíóúñ]+(?:SQL)?\s+\d{1,3}\b(?![:/.]\d)|"
    r"\b[A-Z]{2,3}\s?\d{2,5}\b",
    "0|1|2|3|4|5|6|7|8|9|@|.internal|.local|.lan|.corp|.intra|.com|.net|.org|.io|.dev|.cloud|.app|.jp|"
    ".de|.uk|.eu|.fr",
    0,
)


STATE_VERB: Final = re.compile(
    r"\b(?:is|are|was|were|runs?|running|uses?|lives?|sits?|listens?|hosted|located|booked|has|have|holds?|"
    r"points? to|moved to|ist|sind|läuft|liegt|est|sont|es|son|está|están|è|sono|si trova)(?!\w)"
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


DECIDED: Final = re.compile(
    r"\b(?:we(?:'ve| have)? decided|we agreed|we'?ll go with|we are going with|we'?re going with|let'?s go with|"
    r"decision\s*:|decided\s*:)|に決定|に決めた|ことにした|ことにします",
    re.I,
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


LEAD_FILLER: Final = re.compile(
    r"^(?:(?:and|also|oh|btw|so|but|hey|hmm*|hm|ok(?:ay)?|well|note|fyi|a few things|one more thing)\b[,:!.]?\s*)+",
    re.I,
)


def opens_request(s: str) -> bool:
    """Whether the sentence ``s``, its lead filler aside ("ok so can you ..."), opens with a request."""
    return bool(REQUEST.match(LEAD_FILLER.sub("", s)))


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
    "it": {
        "rejected": "Rifiutato: ",
        "user": "utente: ",
        "correction": " (correzione dell'utente)",
        "failed": "{cmd} non è riuscito: {err}",
        "fixed": "; soluzione: {fix}",
        "still": "Ancora in errore: {cmd}: {err}",
        "wrote": "scritto {path}",
        "committed": 'commit {hash} "{msg}" su {branch}',
        "committed_msg": 'commit "{msg}"',
        "pr": "PR #{n} aperta ({url})",
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
    "it": wordset(
        "il di che è non per una con gli della delle sono anche ma ci questo questa mi ho nel nella io e i al alla"
    ),
}
