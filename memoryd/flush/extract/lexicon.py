"""Function words per language, and the one tokenizer the dialogue rules look them up with.

The dialogue rules read the *structure* of an exchange (who proposed, who replied, how long the
reply is, whether it names an option); words only say which way a short reply leans. So this is
a handful of closed-class words per language (yes, no, later, always, never, or, which, "your
call"), not phrases copied from transcripts. Lookups are set membership on the tokens of a
sentence (one regex ``findall``), plus a substring test for the few multi-word entries and for
Japanese, which has no spaces.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from memoryd.flush.memo import memo, table

_TOKEN: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@memo(4096)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens (apostrophes kept inside a word: "don't", "l'option"). The curly
    apostrophe is made straight before the split, not in each token: both are the same to ``_TOKEN``
    and neither is a word character, so the tokens are the same."""
    low = text.lower()
    return tuple(_TOKEN.findall(low.replace("’", "'") if "’" in low else low))


def stems(text: str, *, negations: bool = True) -> frozenset[str]:
    """The longer words of ``text`` (four letters or more, no number), cut to four letters, so that
    "cronjob" and "cron" share "cron": how a said-back clause is matched to the turn it says back.
    ``negations=False`` leaves the no-words out ("nicht", "never": a negated clause still repeats)."""
    return frozenset(
        t[:4] for t in tokens(text) if len(t) >= 4 and not t.isdigit() and (negations or not NO.hit(t))
    )


@memo(4096)
def token_set(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


@memo(4096)
def token_pairs(text: str) -> frozenset[str]:
    """Each two tokens that follow each other ("a b"): where a multi-word entry can start. Strings, not
    tuples: the cache holds no containers for the collector to walk."""
    return frozenset(f"{a} {b}" for a, b in pairwise(tokens(text)))


#: Texts ``Words.hit`` remembers per word class: bounded, cleared when full (and after each flush).
_HITS_MAX: Final = 4096


class Words:
    """A closed word class: single words matched as tokens, multi-word entries as token runs, CJK as
    substrings. ``hit`` costs one set intersection plus a look at the phrases whose first word occurs."""

    __slots__ = ("cjk", "firsts", "hits", "pairs", "phrases", "singles")

    def __init__(self, *groups: str) -> None:
        entries = [e.strip() for g in groups for e in g.split("|") if e.strip()]
        entries = [" ".join(tokens(e)) if _latin(e) else e for e in entries]  # "no-go" -> "no go"
        entries = list(dict.fromkeys(e for e in entries if e))  # kin added twice count once
        self.singles = frozenset(e for e in entries if _latin(e) and " " not in e)
        self.phrases = tuple(e for e in entries if e not in self.singles)
        self.cjk = tuple(e for e in self.phrases if not _latin(e))
        firsts: dict[str, list[tuple[str, ...]]] = {}
        pairs: dict[str, list[tuple[str, ...]]] = {}
        for e in self.phrases:
            if _latin(e):
                words = tuple(e.split())
                firsts.setdefault(words[0], []).append(words)
                pairs.setdefault(f"{words[0]} {words[1]}", []).append(words)
        self.firsts = firsts
        self.pairs = pairs  # by their first two words: a set test in C before any token is walked
        self.hits: dict[str, bool] = table()  # one per class: no (class, text) key to build per call

    def hit(self, text: str) -> bool:
        """Whether ``text`` contains one of the words (remembered: the rules ask the same class of
        the same sentence many times)."""
        hits = self.hits
        got = hits.get(text)
        if got is None:
            got = self._hit(text)
            if len(hits) >= _HITS_MAX:
                hits.clear()
            hits[text] = got
        return got

    def _hit(self, text: str) -> bool:
        present = token_set(text)
        if not self.singles.isdisjoint(present):
            return True
        if (
            self.firsts
            and not self.firsts.keys().isdisjoint(present)
            and not self.pairs.keys().isdisjoint(token_pairs(text))
        ):
            toks = tokens(text)
            for i in range(len(toks) - 1):
                for words in self.pairs.get(f"{toks[i]} {toks[i + 1]}", ()):
                    if toks[i : i + len(words)] == words:
                        return True
        return bool(self.cjk) and not text.isascii() and any(p in text for p in self.cjk)

    def starts(self, text: str) -> bool:
        """Whether ``text`` opens with one of the words."""
        toks = tokens(text)
        if not toks:
            return False
        if toks[0] in self.singles:
            return True
        if any(toks[: len(words)] == words for words in self.firsts.get(toks[0], ())):
            return True
        raw = text.lstrip()
        return bool(self.cjk) and not raw.isascii() and any(raw.startswith(p) for p in self.cjk)


def _latin(e: str) -> bool:
    """Written in a script with spaces between words (everything but CJK)."""
    return not any("\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in e)


#: Agreement. A short reply made of these is a "yes" to the option the assistant recommended.
YES: Final = Words(
    "yes|yeah|yep|yup|sure|ok|okay|k|fine|agreed|agree|alright|right|correct|perfect|great|good|"
    "lgtm|approved|deal|absolutely|definitely|exactly|go ahead|do it|do that|please do|sounds good|"
    "sounds great|sounds fine|works for me|let's do it|ship it|let's go|go with|go for|let's use|let's take|"
    "that works|fine by me|makes sense|sounds right|good idea|yea|aye|roger|of course|certainly|sure thing|"
    "that's fine|fine with me|ok by me|go on|proceed|totally",
    "ja|jo|jep|jawohl|genau|passt|gerne|gern|einverstanden|klar|okay|prima|super|gut|mach|mach das|machen wir|"
    "klingt gut|gute idee|natürlich|sicher|auf jeden fall|alles klar|in ordnung|geht klar|logo|"
    "nehmen wir|nimm",
    "sí|si|vale|claro|dale|perfecto|bueno|de acuerdo|hazlo|adelante|me parece bien|vamos con|me quedo con|"
    "venga|me vale|buena idea|por supuesto|desde luego|genial|está bien|hecho|okey",
    "oui|parfait|d'accord|entendu|ça marche|vas-y|allez|va pour|on part sur|je prends|ça me va|bonne idée|"
    "volontiers|ouais|bien sûr|carrément|ça roule|c'est bon|allons-y|d'acc",
    "va bene|certo|perfetto|esatto|d'accordo|volentieri|procedi|vai pure",
    "はい|うん|ええ|了解|お願い|いいよ|いいね|オッケー|それで|大丈夫|承知",
    "sì|certo|certamente|va bene|d'accordo|perfetto|esatto|giusto|volentieri|fallo|procedi|"
    "vai pure|andiamo con|prendo|mi va bene|ottimo|benissimo|senz'altro|senza dubbio|"
    "ottima idea|buona idea|ci sta|facciamo così|vada per",
)

#: "Yes" in many languages, trusted only as a whole reply ("da", "tak", "hai"): inside a sentence
#: several of them are other words ("da" is "there" in German).
LONE_YES: Final = frozenset(
    [
        "da",
        "jo",
        "ja",
        "sí",
        "si",
        "sì",
        "oui",
        "hai",
        "tak",
        "evet",
        "ano",
        "igen",
        "naam",
        "sim",
        "yes",
        "y",
        "ok",
        "okay",
        "k",
    ]
)

#: Refusal and negation.
NO: Final = Words(
    "no|nope|nah|not|don't|dont|never|neither|none|without|rather not",
    "nein|nee|nö|ne|nicht|kein|keine|lieber nicht|eher nicht|ohne",
    "no|nada|tampoco|sin|mejor no|para nada",
    "non|pas|jamais|sans|plutôt pas|surtout pas",
    "いいえ|いや|やめ|いらない|不要|しない|なしで",
    "no|non|niente|nessuno|nessuna|senza|meglio di no|neanche|nemmeno|per niente",
)

#: "Nothing": a statement that something is *not* pending ("nothing pending from it").
NOTHING: Final = Words("nothing|nichts|nada|rien|何も", "niente|nulla")

#: Putting a question off: the answer comes later, from someone else, or after thinking.
LATER: Final = Words(
    "later|tomorrow|tonight|next week|not yet|not sure|unsure|maybe|dunno|undecided|pending|"
    "let me think|think about it|sleep on it|get back to you|hold off|for now|on hold|tbd|no idea|let me see|"
    "we'll see|see how|can wait|haven't decided|not decided|need to think|need some time|give me a day|"
    "check first|circle back|get back to|revisit|not right now|not now|another time|some other time|hold that thought|"
    "at some point|down the line|not today|another day|some other day",
    "heute nicht|nicht heute|an einem anderen tag|"
    "später|morgen|nächste woche|noch nicht|vielleicht|weiß nicht|überlege|überleg|erstmal nicht|"
    "denk drüber nach|überlegen|nachdenken|noch offen|drüber schlafen|darüber schlafen|ein andermal|"
    "denk ich nach|denk ich noch nach|denke ich nach|denke ich noch nach|denke noch darüber nach|"
    "nicht jetzt|melde mich|komme darauf zurück|keine ahnung",
    "luego|mañana|más tarde|todavía no|aún no|quizá|quizás|no sé|lo pienso|ya veremos|por ahora|pensarlo|"
    "pensármelo|pensarlo bien|consultarlo con la almohada|otro día|ahora no|más adelante|ya te digo|"
    "te digo algo|lo vemos|ni idea|hoy no",
    "plus tard|demain|pas encore|peut-être|je ne sais pas|je réfléchis|on verra|pour l'instant|réfléchir|"
    "j'y réfléchis|y réfléchis encore|"
    "dormir dessus|une autre fois|pas maintenant|je reviens vers toi|on en reparle|aucune idée|"
    "pas aujourd'hui|un autre jour",
    "più tardi|domani|non ancora|forse|non so|ci penso|vediamo|per ora|un'altra volta|non adesso|boh|"
    "nessuna idea|ti faccio sapere|non oggi|oggi no|un altro giorno",
    "後で|あとで|明日|来週|保留|未定|考えさせ|考えます|まだ|一旦|いったん",
    "più tardi|domani|la prossima settimana|non ancora|forse|non so|ci penso|ci devo pensare|"
    "vedremo|per ora|per adesso|un'altra volta|non adesso|ti faccio sapere|ti dico poi|"
    "più avanti|boh|nessuna idea|non lo so|ci dormo su|da decidere",
)

#: Doubt about a point the speaker raises: "I'm wondering whether ...", "ich frage mich, ob ...".
DOUBT: Final = Words(
    "wonder|wondering|whether|unsure|not sure|can't decide|ob|frage mich|weiß nicht|unsicher|me pregunto|no sé si|"
    "no estoy seguro|no estoy segura|no tengo claro|tengo dudas|je me demande|pas sûr|pas sûre|hésite|かどうか",
    "mi chiedo|non so se|non sono sicuro|non sono sicura|chissà se|ho dei dubbi|indeciso|indecisa",
    "dunno|no idea|keine ahnung|no sé|ni idea|je ne sais pas|je sais pas|aucune idée|non so|non lo so|boh|"
    "non sono sicuro|non sono sicura|mi chiedo|分からない|わからない",
)

#: Asking someone else: "I'll ask Priya", "frag ich Jana", "se lo pregunto a mi gestora".
ASK: Final = Words(
    "ask|check with|run it by|talk to|confirm with|clarify with|discuss",
    "frage|frag|fragen|kläre|klären|abklären|rückfrage|besprechen|bespreche",
    "pregunto|preguntaré|preguntar|pregunta|consulto|consultaré|consultar|hablo con|hablar con|hablarlo",
    "demande|demanderai|demander|vérifie avec|voir avec|en parler|discuter",
    "chiedo|chiederò|chiedere|parlo con|parlarne|ne parlo|sentire|verifico con",
    "聞いて|聞く|確認して|相談",
    "chiedo|chiederò|chiedere|chiedi|domando|domanderò|domandare|verifico con|parlo con|"
    "parlarne|sentire con|discutere",
)

#: The speaker themself: "I'll ask", "frag ich", "je demande", "私が".
FIRST: Final = Words("i|i'll|i'm|i've|let me|we'll|ich|wir|je|nous|yo|私|僕|俺", "io|noi")

#: Asking someone else, in a verb form that already says "I": "frag ich", "se lo pregunto", "je demande".
ASK_SELF: Final = Words(
    "frag ich|frage ich|kläre ich|ich frage|ich kläre|pregunto|preguntaré|consulto|consultaré|lo hablo|"
    "je demande|je demanderai|je vais demander|聞いてみる|聞いておく|確認しておく",
    "chiedo io|lo chiedo|domando io|chiederò|ne parlo|lo sento io",
    "glielo chiedo",
)

#: A tentative answer: the speaker says what they believe is so ("I think Felix rotated it", "probably
#: just sleep in", "ich glaub ...", "creo que ...").
BELIEF: Final = Words(
    "i think|i guess|i believe|probably|ich glaub|ich glaube|wahrscheinlich|vermutlich|creo que|supongo|"
    "probablemente|je pense|je crois|probablement|penso che|credo che|probabilmente",
)

#: A question that asks the agent to do something ("can you ...?", "kannst du ...?", "tu peux ...?"):
#: a request the agent takes up, not a point the speaker leaves open.
ASKS_AGENT: Final = Words(
    "can you|could you|would you|will you|kannst du|könntest du|können sie|könnten sie",
    "puedes|podrías|puede usted|podría usted|tu peux|peux-tu|pourrais-tu|vous pouvez|pouvez-vous|"
    "pourriez-vous|puoi|potresti",
)

#: Leaving the choice to the assistant.
DELEGATE: Final = Words(
    "your call|you decide|you choose|you pick|up to you|dealer's choice|whatever you think|you know best|"
    "your choice|surprise me|either is fine|either works|whichever|i trust you|you tell me|dealer's choice|"
    "your decision|you know better|whatever works|i don't mind|either one",
    "du entscheidest|entscheide du|deine entscheidung|wie du meinst|wie du willst|egal|such du aus|"
    "such dir aus|nimm du|überlasse ich dir",
    "tú decides|decide tú|como veas|como quieras|lo que tú veas|me da igual|elige tú|lo que quieras|"
    "como prefieras|a tu criterio",
    "à toi de voir|comme tu veux|tu choisis|choisis|je te laisse choisir|peu importe|comme tu préfères|"
    "ça m'est égal|je te laisse décider",
    "decidi tu|scegli tu|come vuoi|fai tu|per me è uguale",
    "任せ|お任せ|どちらでも|どっちでも",
    "decidi tu|scegli tu|fai tu|come vuoi|vedi tu|a te la scelta|per me è uguale|è uguale|"
    "fai come preferisci|mi fido|come preferisci|lascio a te|decidete voi",
)

#: Turning the earlier choice around.
REVERSAL: Final = Words(
    "actually|instead|changed my mind|on second thought|scratch that|rather|switch to|make it",
    "doch|lieber|stattdessen|statt|anstatt|eigentlich|anders",
    "mejor|en vez|en lugar de|en cambio|pensándolo bien|cambio de idea",
    "plutôt|finalement|en fait|au lieu",
    "やっぱり|やはり|代わりに|変更",
    "anzi|invece|piuttosto|al posto di|ripensandoci|ho cambiato idea|alla fine|in realtà",
)

#: Dropping what was said before: "forget the X", "vergiss das", "olvida eso", "oublie", "lascia perdere".
FORGET: Final = Words(
    "forget|forget it|forget that|scrap that|never mind",
    "vergiss|vergessen wir|vergiss es",
    "olvida|olvídate|olvidad|olvídalo|olvida eso",
    "oublie|oubliez|laisse tomber|oublie ça",
    "dimentica|dimenticalo|lascia perdere|lasciamo perdere",
)

#: A standing rule, in so many words.
RULE: Final = Words(
    "always|never|not ever|from now on|going forward|every time|no exceptions|don't ever|must|mustn't|only ever|"
    "under no circumstances|no matter what|unter keinen umständen|bajo ningún concepto|en aucun cas",
    "immer|nie|niemals|ab jetzt|ab sofort|künftig|grundsätzlich|jedes mal",
    "siempre|nunca|jamás|a partir de ahora|de ahora en adelante|cada vez",
    "toujours|jamais|désormais|à partir de maintenant|chaque fois",
    "必ず|いつも|常に|絶対|今後|毎回|禁止",
    "sempre|mai più|d'ora in poi|d'ora in avanti|da ora in poi|da adesso in poi|ogni volta|"
    "in nessun caso|senza eccezioni|per nessun motivo",
)

#: A manner said by pointing back ("do it that way", "mach das so", "hazlo así", "fais comme ça",
#: "fallo così"): a rule worded so says its how in the sentence before.
BACK_MANNER: Final = Words(
    "that way|this way|like that|like this|the same way|do it|do that|do so",
    "so|genauso|auf diese weise|auf die art|das so",
    "así|de esa manera|de esta manera|de ese modo|del mismo modo|igual",
    "comme ça|comme cela|ainsi|de cette façon|de cette manière|de la même façon|pareil",
    "そのように|そうして|同じように",
    "così|allo stesso modo|in questo modo|in quel modo",
)


#: A preference: "I'd rather", "I prefer", "I can't stand".
PREFER: Final = Words(
    "prefer|rather|i like|i love|i hate|i dislike|can't stand|favourite|favorite|allergic|don't like|"
    "better for me|works better|work better",
    "lieber|bevorzuge|mag|hasse|allergisch|für mich besser",
    "prefiero|me gusta|odio|no soporto|alérgico|alérgica|mejor para mí",
    "préfère|plutôt|j'aime|déteste|allergique|mieux pour moi",
    "好き|嫌い|苦手|アレルギー|ほうがいい|方がいい",
    "preferisco|preferiamo|mi piace|mi piacciono|odio|detesto|non sopporto|allergico|allergica|meglio per me",
)

#: Thanks and greetings: a reply sentence made of these adds nothing to a decision.
THANKS: Final = Words(
    "thanks|thank you|thx|cheers|danke|vielen dank|gracias|merci|ありがとう|どうも",
    "grazie|grazie mille|ti ringrazio",
)

#: A request to keep something.
REMEMBER: Final = Words(
    "remember|keep in mind|bear in mind|don't forget|do not forget|for the record|make a note|note that|note this|"
    "write this down|write that down|memorize|memorise|for future reference|for later|so you know|fyi|"
    "note down|jot down|keep a note|keep in your notes|for your information|worth knowing",
    "merk dir|merke dir|denk dran|vergiss nicht|notier|notiere|merken|für später|zur info|halt fest|"
    "schreib dir auf|damit du's weißt|damit du es weißt|nur zur info",
    "recuerda|acuérdate|no olvides|apunta|anota|ten en cuenta|para después|para más tarde|toma nota|apúntate|"
    "para que lo sepas|para tu información",
    "retiens|souviens-toi|n'oublie pas|note bien|garde en tête|pour plus tard|pour info|prends note|"
    "note que|mémorise|pour que tu saches|pour ton information|pour ta gouverne",
    "覚えて|覚えと|メモして|忘れないで|記録して|記憶して",
    "ricorda|ricordati|ricordatelo|ricordatevi|tieni a mente|tieni presente|non dimenticare|"
    "non dimenticarti|annota|annotati|segnati|prendi nota|memorizza|per dopo|"
    "per la prossima volta|per info|tienilo a mente|per tua informazione|perché tu lo sappia",
)

#: "I won't remember": the word without the request.
FORGETFUL: Final = Words(
    "won't remember|can't remember|don't remember|never remember|not remember",
    "non ricordo|non mi ricordo|non ricorderò",
)

#: Doing it oneself (a reflexive): "I'll send it myself", "mach ich selbst", "lo hago yo misma",
#: "je l'envoie moi-même", "lo faccio io stessa": the user taking an offered task on, declining the offer.
SELF: Final = Words(
    "myself|ourselves|my own|on my own",
    "selbst|selber",
    "yo mismo|yo misma|nosotros mismos|nosotras mismas|por mi cuenta",
    "moi-même|nous-mêmes|moi même",
    "自分で",
    "io stesso|io stessa|noi stessi|da solo|da sola|per conto mio",
)

#: The assistant declining a request (its next turn).
REFUSE: Final = Words(
    "can't|cannot|won't|shouldn't|not able|rather not|i'd rather not|decline|not going to|unable|not store|"
    "don't store|not keep|not save",
    "kann ich nicht|werde ich nicht|lieber nicht|speichere ich nicht|nicht speichern",
    "no puedo|no debo|prefiero no|no voy a|no guardo|no guardaré",
    "je ne peux pas|je ne vais pas|je préfère ne pas|je ne garde pas",
    "できません|しません|控えます|保存しません",
    "non posso|non dovrei|preferisco di no|non vado a|non salvo|non conservo|non memorizzo|"
    "non tengo|meglio di no|non è il caso",
)

#: The assistant recommending one option.
RECOMMEND: Final = Words(
    "i'd go|i'd take|i'd pick|i'd do|i'd use|i'd choose|i'd keep|i'd stick|i'd start|i would go|i would use|"
    "recommend|recommended|recommendation|suggest|propose|proposal|my pick|my picks|my vote|best bet|i lean|"
    "i'd lean|leaning|lean towards",
    "ich würde|empfehle|empfehlung|mein vorschlag|ich tendiere",
    "recomiendo|recomendación|sugiero|yo haría|yo iría|me quedaría|propongo|me inclino|me inclinaría",
    "je recommande|recommandation|je suggère|je propose|je prendrais|je ferais|je penche|je pencherais",
    "おすすめ|推奨|提案",
    "consiglio|consiglierei|suggerisco|suggerirei|propongo|io sceglierei|io prenderei|"
    "io andrei|io farei|raccomando|la mia proposta|il mio consiglio|tenderei",
)

#: Comparatives of "good": a sentence that calls one option the better one recommends it.
BEST: Final = Words(
    "better|best|preferable|safest|simplest|besser|beste|besten|am besten|mejor|meilleur|meilleure|"
    "一番|ベスト|おすすめ",
    "meglio|migliore|il migliore|la migliore|la cosa migliore",
)

#: An offer of one thing to do: "I could switch this to Z, want that?".
OFFER: Final = Words(
    "want me to|should i|shall i|want that|would you like|do you want|i could|i can|want this|like me to|"
    "ok if i|okay if i|go ahead and",
    "soll ich|willst du|möchtest du|ich könnte|ich kann|magst du",
    "quieres que|lo hago|podría|puedo|te parece si|te parece que",
    "veux-tu|voulez-vous|je peux|je pourrais|tu veux que",
    "vuoi che|volete che|posso|potrei|preferisci che",
    "しましょうか|しますか|しておきますか|いいですか",
    "vuoi che|posso|potrei|ti va se|preferisci che|desideri che|ti preparo",
)

#: A suggestion (an alternative to what is there), as opposed to asking leave for the next step.
SUGGEST: Final = Words(
    "i could|we could|could switch|how about|what about|alternatively|want that|"
    "ich könnte|wir könnten|wie wäre es|alternativ|podría|podríamos|qué tal|je pourrais|on pourrait|et si|"
    "どうでしょう|どうですか",
    "potrei|potremmo|che ne dici|e se|in alternativa|oppure",
)

#: Taking every option offered: "let's do both", "beides", "los dos", "les deux".
BOTH: Final = Words(
    "both|both of them|all three|all of them|beide|beides|alle drei|ambos|ambas|los dos|las dos|"
    "les deux|tous les deux|toutes les deux|entrambi|entrambe|tutti e due|両方|どちらも"
)

#: Words that join alternatives, and open a pair of them.
OR: Final = Words("or|oder|o|u|ou|または|それとも", "oppure")
EITHER: Final = Words("either|whether|entweder|ob|o bien|soit")

#: Question words that ask for a property ("what is the limit", "wo liegt", "cuál es").
WH: Final = Words(
    "what|what's|whats|which|how|how's|where|where's|when|who|whose|wie|was|welche|welcher|welches|wo|wann|wer|"
    "qué|que|cuál|cuáles|cómo|dónde|cuándo|quién|cuánto|cuánta|cuántos|quel|quelle|quels|comment|où|quand|qui|"
    "combien|何|どこ|いつ|誰|どの|いくつ",
    "cosa|che cosa|quale|quali|come|dove|quando|chi|quanto|quanta|quanti|quante",
)

#: Time-bound words: a question about today or this weekend asks about a passing state.
EPHEMERAL: Final = Words(
    "today|tonight|tomorrow|this weekend|this week|right now|now|currently|heute|morgen|jetzt|gerade|"
    "dieses wochenende|hoy|mañana|ahora|este fin de semana|aujourd'hui|demain|maintenant|ce week-end|"
    "今日|明日|今",
    "oggi|stasera|domani|questo weekend|questo fine settimana|questa settimana|adesso|in questo momento",
)

#: Once more: "again", "wieder", "otra vez", "encore", "di nuovo" (a reaction to this time, not a standing state).
AGAIN: Final = Words(
    "again|once more|one more time|wieder|nochmal|noch einmal|schon wieder|otra vez|de nuevo|una vez más|"
    "encore|à nouveau|de nouveau|encore une fois|また|もう一度",
    "ancora|di nuovo|un'altra volta|ancora una volta",
)

#: Asking which: "which one", "welche", "cuál", "lequel", "どちら".
WHICH: Final = Words(
    "which|what do you prefer|preference|welche|welcher|welches|cuál|cuáles|lequel|laquelle|quel|quelle|どちら|どれ",
    "quale|quali|quale preferisci|preferenza",
)

#: "Then", said after a pick ("wed then", "le 11 alors", "dienstag dann").
THEN: Final = Words("then|so then|dann|also dann|entonces|pues|alors|allora|quindi")

#: The days of the week.
WEEKDAYS: Final = Words(
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag",
    "lunes|martes|miércoles|jueves|viernes|sábado|domingo",
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica",
)

#: A task's owner or due date: weekdays, "by", "due", "owner", "until".
DUE: Final = Words(
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|eod|eow|"
    "next week|next sprint|end of day|end of week|this week|due|deadline|by|at the latest|this evening|"
    "this afternoon",
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen|bis|nächste woche|frist|spätestens|"
    "heute abend|heute nachmittag",
    "lunes|martes|miércoles|jueves|viernes|sábado|domingo|mañana|antes del|plazo|como tarde|a más tardar|"
    "esta noche|esta tarde",
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|d'ici|avant|échéance|au plus tard|ce soir|"
    "cet après-midi",
    "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|domani|entro|scadenza|al più tardi|stasera|"
    "stanotte|oggi pomeriggio",
    "月曜|火曜|水曜|木曜|金曜|土曜|日曜|明日|までに|期限",
    "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|domani|entro|scadenza|"
    "al più tardi|la prossima settimana|fine settimana",
)
OWNER: Final = Words(
    "owner|owned by|assigned to|assignee|on it|verantwortlich|responsable|担当",
    "incaricato|incaricata|se ne occupa",
)

#: Ordinals, per language, to their index (-1 is the last).
ORDINALS: Final = {
    "first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
    "former": 0, "latter": -1, "last": -1,
    "erste": 0, "ersten": 0, "erster": 0, "erstes": 0, "zweite": 1, "zweiten": 1, "zweiter": 1,
    "dritte": 2, "dritten": 2, "vierte": 3, "letzte": -1, "letzten": -1,
    "primero": 0, "primera": 0, "primer": 0, "segundo": 1, "segunda": 1, "tercero": 2, "tercera": 2,
    "tercer": 2, "cuarto": 3, "cuarta": 3, "último": -1, "última": -1,
    "premier": 0, "première": 0, "deuxième": 1, "seconde": 1, "troisième": 2, "dernier": -1,
    "dernière": -1,
    "ersteres": 0, "ersterer": 0, "zweiteres": 1, "letzteres": -1, "letzterer": -1,
    "primo": 0, "secondo": 1, "seconda": 1, "terzo": 2, "terza": 2, "ultimo": -1, "ultima": -1,
    "一つ目": 0, "1つ目": 0, "最初": 0, "前者": 0, "二つ目": 1, "2つ目": 1, "後者": -1, "三つ目": 2, "3つ目": 2,
}  # fmt: skip

#: The ordinals not written in ASCII ("première", "último", Japanese), in ``ORDINALS``' order: looked for as
#: substrings, not as tokens. Sorted out once, not on every option lookup; an ASCII text holds none of them.
WIDE_ORDINALS: Final = tuple((o, i) for o, i in ORDINALS.items() if not o.isascii())

#: Comparatives that point at the option with the smallest (``min``) or largest number.
SMALLER: Final = Words(
    "cheap|cheaper|cheapest|smaller|smallest|fewer|less|lower|lowest|shorter|shortest|faster|quicker|lighter|"
    "simpler|budget|günstig|günstige|preiswert|económica|económico|económique|pas cher|"
    "günstigere|günstigste|billigere|billigste|kleinere|kleinste|kürzere|schnellere|einfachere|"
    "barata|barato|pequeña|pequeño|menor|corta|corto|rápida|rápido|sencilla|"
    "moins chère|moins cher|petite|petit|courte|court|rapide|simple|安い|小さい|短い|速い|"
    "weniger|wenigsten|menos|moins",
    "economica|economico|più economica|più economico|più piccola|più piccolo|meno|più corta|"
    "più corto|più veloce|più semplice|minore",
)

#: Prepositions that put a value on a slot ("set *to* 22:00", "steht *auf* Word", "passe *à* annuel").
TARGET: Final = Words("to|into|auf|zu|nach|a|al|à|au|aux|vers|に|へ", "a|al|alla|allo|ai")

#: The option in the middle of an odd-length list: "the one in between", "die mittlere", "la del medio".
MIDDLE: Final = Words(
    "middle|in between|in the middle|mittlere|mittleren|mittleres|dazwischen|in der mitte|"
    "del medio|de en medio|intermedia|intermedio|du milieu|intermédiaire|entre les deux|真ん中|中間",
    "quella di mezzo|quello di mezzo|in mezzo|a metà",
)
LARGER: Final = Words(
    "bigger|biggest|larger|largest|more|higher|highest|longer|longest|größere|längere|mehr|höhere|"
    "grande|mayor|larga|largo|más|plus grand|plus grande|longue|plus long|大きい|長い|多い",
    "più grande|maggiore|più lunga|più lungo|più|di più",
)

#: What memoryd itself writes, per output language.
TASK_LABEL: Final = {
    "en": "To-do",
    "de": "Aufgabe",
    "es": "Tarea",
    "fr": "À faire",
    "it": "Da fare",
    "ja": "TODO",
}

#: Turning an option down: "drop", "strike", "skip", "no-go", "ni hablar", "kommt nicht in Frage".
REJECT: Final = Words(
    "drop|skip|strike|scrap|remove|exclude|reject|rejected|veto|no-go|hard no|no way|out of the question|"
    "ruled out|not an option|get rid of",
    "streich|streichen|weglassen|ablehnen|kommt nicht in frage|auf keinen fall",
    "quita|quitar|descarta|descartar|ni hablar|de ninguna manera",
    "supprime|supprimer|écarte|pas question|hors de question",
    "却下|なしで|抜きで|外して|やめ|いらない",
    "togli|togliere|scarta|scartare|escludi|escludere|elimina|eliminare|non se ne parla|"
    "fuori discussione|assolutamente no",
)

#: Saying a point is still open.
OPEN: Final = Words(
    "open|unclear|unknown|undecided|unresolved|tbd|pending|offen|unklar|ungeklärt|abierta|abierto|pendiente|"
    "not known|no idea|don't know|weiß nicht|no se sabe|on ne sait pas|分かっていません|わかっていません|分からない|"
    "ouverte|ouvert|en suspens|未定|未解決|未決|不明",
    "aperta|aperto|in sospeso|da decidere|da chiarire|non si sa|non è chiaro|poco chiaro",
    "irrisolto",
)

#: "Until": a point stays open until something happens ("bleibt offen bis nach der Verkostung").
UNTIL: Final = Words(
    "until|till|bis|hasta|hasta que|jusqu'à|jusqu'au|jusqu'a|tant que|finché|fino a|fino al|まで"
)

#: A condition on the choice: "only if", "as long as", "unless".
CONDITION: Final = Words(
    "only if|as long as|provided|unless|depends on|nur wenn|solange|falls|sólo si|solo si|siempre que|"
    "seulement si|à condition|なら|次第|場合のみ",
    "solo se|purché|a patto che|a meno che|dipende da|sempre che",
)

#: A subject that makes a sentence a statement of fact, not an instruction.
STATE: Final = Words(
    "is|are|was|were|isn't|aren't|wasn't|has|have|lives|sits|ist|sind|war|hat|haben|liegt|liegen|steht|"
    "es|son|era|está|están|tiene|tienen|queda|ont|"
    "est|sont|était|se trouve|です|でした|である|にある",
    "è|sono|era|erano|ha|hanno|sta|stanno|si trova|c'è|ci sono",
)

#: Judging an option badly: "would be wrong", "too risky", "hides the problem".
NEGATIVE: Final = Words(
    "wrong|bad|worse|worst|risky|risk|too|overkill|problem|problems|hides|breaks|miss|misses|mess|expensive|"
    "slow|fragile|pain|nightmare|useless|pointless",
    "falsch|schlecht|schlechter|riskant|zu|teuer|langsam|problem|umständlich",
    "mal|peor|arriesgado|demasiado|caro|lento|problema",
    "mauvais|pire|risqué|trop|cher|lent|problème",
    "悪い|だめ|ダメ|危ない|高い|遅い|問題",
    "sbagliato|sbagliata|male|peggio|peggiore|rischioso|rischiosa|troppo|caro|cara|costoso|"
    "lento|lenta|problema|scomodo|scomoda",
)

#: Words that introduce alternatives: "options", "two ways", "zwei Varianten", "dos maneras".
CHOICE: Final = Words(
    "options|option|alternatives|alternative|choices|ways|approaches|routes|candidates|variants|either|vs|versus|"
    "ansätze|enfoques|approches|"
    "optionen|möglichkeiten|varianten|vorschläge|wege|"
    "opciones|alternativas|maneras|formas|"
    "possibilités|façons|solutions|"
    "選択肢|候補|どちら",
    "opzioni|opzione|alternativa|alternative|possibilità|modi|strade|varianti|soluzioni|proposte",
)

#: Month names, as a regex group (en, de, es, fr, it): a number beside one is a date, not a count.
MONTH_PATTERN: Final = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"januar|februar|märz|mai|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|"
    r"novembre|décembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)"
)

#: A demonstrative that points back at what was just said ("write *this* up", "go ahead with *that*",
#: "je fais *ça*", "hago *eso*", "faccio *questo*"): a question with one asks about the words before
#: it. ("it", "es" and German "das", also an article, point at anything.)
BACK_REF: Final = Words(
    "this|that|these|those",
    "dies|diese|dieses|das da",
    "esto|eso|ello|estos|esos",
    "ça|cela|ceci",
    "これ|それ|この|その",
    "questo|questa|questi|quello|quella|ciò",
)

#: An indefinite pronoun ("anything", "etwas", "algo", "quelque chose", "qualcosa"): a question asking
#: whether the user wants one offers nothing in particular.
ANYTHING: Final = Words(
    "anything|anything else",
    "etwas|irgendwas|irgendetwas|sonst noch was|noch etwas",
    "algo|algo más|alguna cosa",
    "quelque chose|autre chose",
    "qualcosa|qualcos'altro",
)

#: A question opening on the past of "do", "be" or "have" ("Did you ...", "was it ...", "war es ...",
#: "¿fue ...?", "c'était ...", "era ..."): it asks what happened, not what to do.
PAST_ASK: Final = Words(
    "did|didn't|was|wasn't|were|weren't|had",
    "war|waren|warst|hatte|hattest|hatten|hast|hat|habt",
    "fue|fueron|era|eran|estaba|estaban|hubo|había",
    "était|étaient|c'était|avait|avais|as-tu|avez-vous",
    "era|erano|fu|furono|hai|avevi|aveva",
)
